//! `function`: a code object with its globals, defaults and closure.

use crate::error::PyResult;
use crate::gc::{Marker, Slot};
use crate::interp::{names, types, BuiltinTypes};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::add_getset;
use crate::objects::code::CodeObj;
use crate::objects::dict::DictObj;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::type_name;
use crate::thread::ThreadState;
use crate::value::Value;

#[repr(C)]
pub struct FunctionObj {
    pub header: Header,
    pub code: Slot,
    pub globals: Slot,
    pub builtins: Slot,
    pub name: Slot,
    pub qualname: Slot,
    /// Tuple of positional defaults, or NULL.
    pub defaults: Slot,
    /// Dict of keyword-only defaults, or NULL.
    pub kwdefaults: Slot,
    /// Tuple of cells, or NULL.
    pub closure: Slot,
    pub doc: Slot,
    pub module: Slot,
    pub annotations: Slot,
    /// `__dict__` (function attributes), created on first use.
    pub dict: Slot,
}

// SAFETY: repr(C), Header first; trace visits every Slot.
unsafe impl HeapObj for FunctionObj {
    const KIND: Kind = Kind::Function;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.code);
        m.slot(&self.globals);
        m.slot(&self.builtins);
        m.slot(&self.name);
        m.slot(&self.qualname);
        m.slot(&self.defaults);
        m.slot(&self.kwdefaults);
        m.slot(&self.closure);
        m.slot(&self.doc);
        m.slot(&self.module);
        m.slot(&self.annotations);
        m.slot(&self.dict);
    }
}

impl FunctionObj {
    /// A function for `code` in `globals`.
    pub fn new(ts: &mut ThreadState, code: Gc<CodeObj>, globals: Gc<DictObj>) -> Gc<FunctionObj> {
        let builtins = match globals.get_str(names().__builtins__) {
            Some(b) => match b.downcast::<DictObj>() {
                Some(d) => d.value(),
                None => match b.downcast::<crate::objects::module::ModuleObj>() {
                    Some(m) => m.dict().value(),
                    None => crate::interp::interp().builtins_dict.value(),
                },
            },
            // Globals without `__builtins__` run with the current frame's
            // (CPython's `_PyEval_BuiltinsFromGlobals`).
            None => match crate::builtins::caller_frame(ts) {
                Some(f) => f.builtins.value(),
                None => crate::interp::interp().builtins_dict.value(),
            },
        };
        let module = globals.get_str(names().__name__).unwrap_or(Value::NONE);
        // co_consts[0] is the docstring or None.
        let doc = match code.consts().get(0) {
            Some(d) if d.downcast::<StrObj>().is_some() => d,
            _ => Value::NONE,
        };
        ts.alloc(FunctionObj {
            header: Header::new(types().function, Kind::Function, 0),
            code: Slot::new(code.value()),
            globals: Slot::new(globals.value()),
            builtins: Slot::new(builtins),
            name: Slot::new(code.name.get()),
            qualname: Slot::new(code.qualname.get()),
            defaults: Slot::new(Value::NULL),
            kwdefaults: Slot::new(Value::NULL),
            closure: Slot::new(Value::NULL),
            doc: Slot::new(doc),
            module: Slot::new(module),
            annotations: Slot::new(Value::NULL),
            dict: Slot::new(Value::NULL),
        })
    }

    #[inline(always)]
    pub fn code(&self) -> Gc<CodeObj> {
        // SAFETY: always a code object.
        unsafe { self.code.get().downcast_unchecked() }
    }

    #[inline(always)]
    pub fn globals(&self) -> Gc<DictObj> {
        // SAFETY: always a dict.
        unsafe { self.globals.get().downcast_unchecked() }
    }

    #[inline(always)]
    pub fn builtins(&self) -> Gc<DictObj> {
        // SAFETY: always a dict.
        unsafe { self.builtins.get().downcast_unchecked() }
    }

    pub fn name_str(&self) -> &'static str {
        crate::objects::str::as_str(self.name.get()).unwrap_or("?")
    }

    pub fn qualname_str(&self) -> &'static str {
        crate::objects::str::as_str(self.qualname.get()).unwrap_or("?")
    }
}

fn func_of(ts: &mut ThreadState, v: Value) -> PyResult<Gc<FunctionObj>> {
    match v.downcast::<FunctionObj>() {
        Some(f) => Ok(f),
        None => Err(ts.type_error(format!("expected a function, got '{}'", type_name(v)))),
    }
}

fn func_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let f = func_of(ts, v)?;
    let s = format!(
        "<function {} at {:#x}>",
        f.qualname_str(),
        v.addr_unchecked()
    );
    Ok(StrObj::new(ts, &s))
}

/// Functions are descriptors: `obj.f` is a bound method.
fn func_get(ts: &mut ThreadState, f: Value, obj: Value, _ty: Value) -> PyResult<Value> {
    if obj.is_null() || obj.is_none() {
        return Ok(f);
    }
    Ok(crate::objects::method::MethodObj::new(ts, f, obj).value())
}

fn func_call(
    ts: &mut ThreadState,
    f: Value,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let func = func_of(ts, f)?;
    crate::interpreter::call_function(ts, func, args, kw)
}

fn get_defaults(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(func_of(ts, v)?
        .defaults
        .get()
        .non_null()
        .unwrap_or(Value::NONE))
}

fn set_defaults(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let f = func_of(ts, v)?;
    match x {
        None => f.defaults.set(Value::NULL),
        Some(x) if x.is_none() => f.defaults.set(Value::NULL),
        Some(x) if x.downcast::<TupleObj>().is_some() => f.defaults.set(x),
        Some(_) => return Err(ts.type_error("__defaults__ must be set to a tuple object")),
    }
    Ok(())
}

fn get_kwdefaults(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(func_of(ts, v)?
        .kwdefaults
        .get()
        .non_null()
        .unwrap_or(Value::NONE))
}

fn set_kwdefaults(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let f = func_of(ts, v)?;
    match x {
        None => f.kwdefaults.set(Value::NULL),
        Some(x) if x.is_none() => f.kwdefaults.set(Value::NULL),
        Some(x) if x.downcast::<DictObj>().is_some() => f.kwdefaults.set(x),
        Some(_) => return Err(ts.type_error("__kwdefaults__ must be set to a dict object")),
    }
    Ok(())
}

fn get_doc(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(func_of(ts, v)?.doc.get().non_null().unwrap_or(Value::NONE))
}

fn set_doc(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    func_of(ts, v)?.doc.set(x.unwrap_or(Value::NONE));
    Ok(())
}

fn get_module(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(func_of(ts, v)?
        .module
        .get()
        .non_null()
        .unwrap_or(Value::NONE))
}

fn set_module(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    func_of(ts, v)?.module.set(x.unwrap_or(Value::NONE));
    Ok(())
}

fn get_name(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(func_of(ts, v)?.name.get())
}

fn set_name(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let f = func_of(ts, v)?;
    match x {
        Some(s) if s.downcast::<StrObj>().is_some() => {
            f.name.set(s);
            Ok(())
        }
        _ => Err(ts.type_error("__name__ must be set to a string object")),
    }
}

fn get_qualname(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(func_of(ts, v)?.qualname.get())
}

fn set_qualname(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let f = func_of(ts, v)?;
    match x {
        Some(s) if s.downcast::<StrObj>().is_some() => {
            f.qualname.set(s);
            Ok(())
        }
        _ => Err(ts.type_error("__qualname__ must be set to a string object")),
    }
}

fn get_code(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(func_of(ts, v)?.code.get())
}

fn set_code(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let f = func_of(ts, v)?;
    match x.and_then(|c| c.downcast::<CodeObj>()) {
        Some(c) => {
            // The closure must fit the new code's free variables.
            let nclosure = f
                .closure
                .get()
                .downcast::<crate::objects::tuple::TupleObj>()
                .map(|t| t.len())
                .unwrap_or(0);
            if c.nfree as usize != nclosure {
                let name = crate::objects::str::as_str(f.name.get()).unwrap_or("?");
                return Err(ts.value_error(format!(
                    "{name}() requires a code object with {nclosure} free vars, not {}",
                    c.nfree
                )));
            }
            f.code.set(c.value());
            Ok(())
        }
        None => Err(ts.type_error("__code__ must be set to a code object")),
    }
}

fn get_globals(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(func_of(ts, v)?.globals.get())
}

fn get_closure(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let c = func_of(ts, v)?.closure.get();
    Ok(if c.is_null() { Value::NONE } else { c })
}

fn get_builtins(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(func_of(ts, v)?.builtins.get())
}

fn get_annotations(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let f = func_of(ts, v)?;
    let a = f.annotations.get();
    if a.is_null() {
        let d = DictObj::new(ts);
        f.annotations.set(d.value());
        return Ok(d.value());
    }
    Ok(a)
}

fn set_annotations(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let f = func_of(ts, v)?;
    match x {
        None => f.annotations.set(Value::NULL),
        Some(x) if x.is_none() => f.annotations.set(Value::NULL),
        Some(x) if x.downcast::<DictObj>().is_some() => f.annotations.set(x),
        Some(_) => return Err(ts.type_error("__annotations__ must be set to a dict object")),
    }
    Ok(())
}

fn get_dict(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let f = func_of(ts, v)?;
    let d = f.dict.get();
    if d.is_null() {
        let nd = DictObj::new(ts);
        f.dict.compare_exchange(Value::NULL, nd.value());
        return Ok(f.dict.get());
    }
    Ok(d)
}

fn set_dict(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let f = func_of(ts, v)?;
    match x {
        None => Err(ts.type_error("cannot delete __dict__")),
        Some(d) if d.downcast::<DictObj>().is_some() => {
            f.dict.set(d);
            Ok(())
        }
        Some(d) => Err(ts.type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            type_name(d)
        ))),
    }
}

/// Function attributes live in `__dict__`.
fn func_getattro(ts: &mut ThreadState, obj: Value, name: Gc<StrObj>) -> PyResult<Option<Value>> {
    if let Some(v) = crate::objects::object::generic_getattr(ts, obj, name)? {
        return Ok(Some(v));
    }
    let f = func_of(ts, obj)?;
    match f.dict.get().downcast::<DictObj>() {
        Some(d) => d.get_item_opt(ts, name.value()),
        None => Ok(None),
    }
}

fn func_setattro(
    ts: &mut ThreadState,
    obj: Value,
    name: Gc<StrObj>,
    v: Option<Value>,
) -> PyResult<()> {
    let ty = crate::objects::typeobj::type_of(obj);
    if let Some(d) = ty.lookup(name) {
        if let Some(set) = crate::objects::typeobj::type_of(d).slots.descr_set.get() {
            return set(ts, d, obj, v);
        }
    }
    let dict = get_dict(ts, obj)?;
    // SAFETY: get_dict returns a dict.
    let d: Gc<DictObj> = unsafe { dict.downcast_unchecked() };
    match v {
        Some(v) => d.set_item(ts, name.value(), v),
        None => {
            if !d.del_item_opt(ts, name.value())? {
                return Err(ts.attribute_error(obj, name));
            }
            Ok(())
        }
    }
}

/// `function(code, globals, name=None, argdefs=None, closure=None)`.
fn func_new(
    ts: &mut ThreadState,
    _cls: Gc<crate::objects::typeobj::TypeObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig = crate::builtins::args::Sig::new(
        "function(code, globals, name=None, argdefs=None, closure=None)",
    );
    let [code, globals, name, argdefs, closure] = SIG.bind(ts, args, kw)?;
    let Some(code) = code.downcast::<CodeObj>() else {
        return Err(ts.type_error(format!(
            "function() argument 'code' must be code, not {}",
            type_name(code)
        )));
    };
    let Some(globals) = globals.downcast::<DictObj>() else {
        return Err(ts.type_error(format!(
            "function() argument 'globals' must be dict, not {}",
            type_name(globals)
        )));
    };
    let name = name.non_null().filter(|n| !n.is_none());
    if name.is_some_and(|n| n.downcast::<StrObj>().is_none()) {
        return Err(ts.type_error("arg 3 (name) must be None or string"));
    }
    let argdefs = argdefs.non_null().filter(|d| !d.is_none());
    if argdefs.is_some_and(|d| d.downcast::<TupleObj>().is_none()) {
        return Err(ts.type_error("arg 4 (defaults) must be None or tuple"));
    }
    let closure = closure.non_null().filter(|c| !c.is_none());
    let cells = match closure {
        Some(c) => match c.downcast::<TupleObj>() {
            Some(t) => Some(t),
            None => return Err(ts.type_error("arg 5 (closure) must be None or tuple")),
        },
        None => None,
    };
    let nfree = code.nfree as usize;
    match cells {
        None if nfree > 0 => return Err(ts.type_error("arg 5 (closure) must be tuple")),
        Some(t) if t.len() != nfree => {
            return Err(ts.value_error(format!(
                "{} requires closure of length {nfree}, not {}",
                code.name_str(),
                t.len()
            )));
        }
        _ => {}
    }
    if let Some(t) = cells {
        for &c in t.items() {
            if c.downcast::<crate::objects::cell::CellObj>().is_none() {
                return Err(ts.type_error(format!(
                    "arg 5 (closure) expected cell, found {}",
                    type_name(c)
                )));
            }
        }
    }
    let f = FunctionObj::new(ts, code, globals);
    if let Some(n) = name {
        f.name.set(n);
    }
    if let Some(d) = argdefs {
        f.defaults.set(d);
    }
    if let Some(t) = cells {
        f.closure.set(t.value());
    }
    Ok(f.value())
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let ty = t.function;
    let s = &ty.slots;
    s.new.set(Some(func_new));
    s.repr.set(Some(func_repr));
    s.descr_get.set(Some(func_get));
    s.call.set(Some(func_call));
    s.getattro.set(Some(func_getattro));
    s.setattro.set(Some(func_setattro));
    add_getset(ts, ty, "__defaults__", get_defaults, Some(set_defaults));
    add_getset(
        ts,
        ty,
        "__kwdefaults__",
        get_kwdefaults,
        Some(set_kwdefaults),
    );
    add_getset(ts, ty, "__doc__", get_doc, Some(set_doc));
    add_getset(ts, ty, "__module__", get_module, Some(set_module));
    add_getset(ts, ty, "__name__", get_name, Some(set_name));
    add_getset(ts, ty, "__qualname__", get_qualname, Some(set_qualname));
    add_getset(ts, ty, "__code__", get_code, Some(set_code));
    for (name, get) in [
        ("__globals__", get_globals as crate::objects::GetterFn),
        ("__closure__", get_closure),
        ("__builtins__", get_builtins),
    ] {
        let m = crate::objects::builtin::BuiltinObj::new_member(ts, name, get, None, ty);
        ty.dict().set_item_str(ts, name, m);
    }
    add_getset(
        ts,
        ty,
        "__annotations__",
        get_annotations,
        Some(set_annotations),
    );
    add_getset(ts, ty, "__dict__", get_dict, Some(set_dict));
}
