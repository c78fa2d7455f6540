//! Builtins about attributes and namespaces: `getattr`, `setattr`,
//! `delattr`, `hasattr`, `vars`, `dir`, `globals`, `locals`.

use crate::error::PyResult;
use crate::gc::RootedVec;
use crate::interp::{interp, names, types};
use crate::object::Gc;
use crate::objects::dict::DictObj;
use crate::objects::list::ListObj;
use crate::objects::str::StrObj;
use crate::objects::typeobj::type_name;
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

use super::args::Sig;
use super::{caller_frame, Kw};

/// The attribute name argument: a str (or subclass).
fn attr_name(ts: &mut ThreadState, v: Value) -> PyResult<Gc<StrObj>> {
    match v.downcast::<StrObj>() {
        Some(s) => Ok(s),
        None => Err(ts.type_error(format!(
            "attribute name must be string, not '{}'",
            type_name(v)
        ))),
    }
}

pub(super) fn b_getattr(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig =
        Sig::new("getattr(object, name, default=<unrepresentable>, /)").without_text_signature();
    let [obj, name, default] = SIG.bind(ts, args, kw)?;
    let name = attr_name(ts, name)?;
    if default.is_null() {
        ops::getattr(ts, obj, name)
    } else {
        Ok(ops::getattr_opt(ts, obj, name)?.unwrap_or(default))
    }
}

pub(super) fn b_setattr(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("setattr(obj, name, value, /)");
    let [obj, name, value] = SIG.bind(ts, args, kw)?;
    let name = attr_name(ts, name)?;
    ops::setattr(ts, obj, name, Some(value))?;
    Ok(Value::NONE)
}

pub(super) fn b_delattr(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("delattr(obj, name, /)");
    let [obj, name] = SIG.bind(ts, args, kw)?;
    let name = attr_name(ts, name)?;
    ops::setattr(ts, obj, name, None)?;
    Ok(Value::NONE)
}

pub(super) fn b_hasattr(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("hasattr(obj, name, /)");
    let [obj, name] = SIG.bind(ts, args, kw)?;
    let name = attr_name(ts, name)?;
    Ok(Value::from_bool(ops::getattr_opt(ts, obj, name)?.is_some()))
}

pub(super) fn b_globals(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("globals()");
    let [] = SIG.bind(ts, args, kw)?;
    current_globals(ts)
}

/// The calling frame's globals (the `__main__` dict when no Python code
/// is running).
pub(super) fn current_globals(ts: &mut ThreadState) -> PyResult<Value> {
    if let Some(f) = caller_frame(ts) {
        return Ok(f.globals.value());
    }
    match interp()
        .modules
        .get_str_text("__main__")
        .and_then(|m| m.downcast::<crate::objects::module::ModuleObj>())
    {
        Some(m) => Ok(m.dict().value()),
        None => Err(ts.system_error("globals() called without a running frame")),
    }
}

pub(super) fn b_locals(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("locals()");
    let [] = SIG.bind(ts, args, kw)?;
    current_locals(ts)
}

/// `locals()` of the calling frame (see `objects::frame::live_locals`).
pub(super) fn current_locals(ts: &mut ThreadState) -> PyResult<Value> {
    match caller_frame(ts) {
        Some(f) => crate::objects::frame::live_locals(ts, f),
        None => current_globals(ts),
    }
}

pub(super) fn b_vars(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("vars(object=<unrepresentable>, /)").without_text_signature();
    let [obj] = SIG.bind(ts, args, kw)?;
    if obj.is_null() {
        return current_locals(ts);
    }
    match ops::getattr_opt(ts, obj, names().__dict__)? {
        Some(d) => Ok(d),
        None => Err(ts.type_error("vars() argument must have __dict__ attribute")),
    }
}

pub(super) fn b_dir(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("dir(object=<unrepresentable>, /)").without_text_signature();
    let [obj] = SIG.bind(ts, args, kw)?;
    let list = if obj.is_null() {
        // The names in the current local scope.
        let locals = current_locals(ts)?;
        let keys: RootedVec = match locals.downcast::<DictObj>() {
            Some(d) if crate::objects::typeobj::type_of(locals) == types().dict => {
                let items = d.items_rooted(ts);
                let mut r = RootedVec::new(ts);
                for p in items.chunks(2) {
                    r.push(p[0]);
                }
                r
            }
            _ => {
                let keys = ops::call_method(ts, locals, names().keys, &[])?;
                ops::collect(ts, keys)?
            }
        };
        ListObj::new(ts, &keys)
    } else {
        // type(obj).__dir__(obj), made a list.
        let ty = crate::objects::typeobj::type_of(obj);
        let Some(f) = ty.lookup(names().__dir__) else {
            return Err(ts.type_error("object does not provide __dir__"));
        };
        let r = ops::call_unbound(ts, f, obj, &[], None)?;
        let items = ops::collect(ts, r)?;
        ListObj::new(ts, &items)
    };
    let sort = ops::getattr_str(ts, list.value(), "sort")?;
    ops::call0(ts, sort)?;
    Ok(list.value())
}
