//! Builtins about classes: `isinstance`, `issubclass`, `__build_class__`.
//!
//! `isinstance`/`issubclass` follow CPython's `abstract.c`: an exact type
//! match first; for a class whose metaclass is exactly `type` the
//! subclass test directly; a union stands for the tuple of its members;
//! a tuple is tried item by item (recursion-checked); anything else
//! through `type(cls).__instancecheck__` / `__subclasscheck__`, and
//! classes that are not types through their `__bases__` ("abstract"
//! classes) and the instance's `__class__`.

use crate::error::PyResult;
use crate::interp::{names, types};
use crate::object::Gc;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_of, TypeObj};
use crate::objects::union::UnionObj;
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

use super::args::Sig;
use super::Kw;

pub(super) fn b_isinstance(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("isinstance(obj, class_or_tuple, /)");
    let [obj, cls] = SIG.bind(ts, args, kw)?;
    Ok(Value::from_bool(isinstance(ts, obj, cls)?))
}

pub(super) fn b_issubclass(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("issubclass(cls, class_or_tuple, /)");
    let [sub, cls] = SIG.bind(ts, args, kw)?;
    Ok(Value::from_bool(issubclass(ts, sub, cls)?))
}

/// The members of a union, as the tuple `isinstance` then walks.
fn union_members(cls: Value) -> Option<Value> {
    cls.downcast::<UnionObj>().map(|u| u.args.get())
}

/// `isinstance(obj, cls)`.
pub fn isinstance(ts: &mut ThreadState, obj: Value, cls: Value) -> PyResult<bool> {
    if let Some(t) = cls.downcast::<TypeObj>() {
        if type_of(obj) == t {
            return Ok(true);
        }
        // type's own __instancecheck__ is known.
        if type_of(cls) == types().type_ {
            return real_isinstance(ts, obj, cls);
        }
    }
    let cls = union_members(cls).unwrap_or(cls);
    if let Some(tup) = cls.downcast::<TupleObj>() {
        ts.enter_recursive_call(" in __instancecheck__")?;
        let mut r = Ok(false);
        for &c in tup.items() {
            r = isinstance(ts, obj, c);
            if !matches!(r, Ok(false)) {
                break;
            }
        }
        ts.leave_recursive_call();
        return r;
    }
    if let Some(f) = type_of(cls).lookup(names().__instancecheck__) {
        ts.enter_recursive_call(" in __instancecheck__")?;
        let r = ops::call_unbound(ts, f, cls, &[obj], None);
        ts.leave_recursive_call();
        let r = r?;
        return ops::truthy(ts, r);
    }
    real_isinstance(ts, obj, cls)
}

/// `type.__instancecheck__`: the instance's type (or its `__class__`)
/// against a type, or `__class__` against an abstract class's bases.
pub fn real_isinstance(ts: &mut ThreadState, obj: Value, cls: Value) -> PyResult<bool> {
    if let Some(t) = cls.downcast::<TypeObj>() {
        if t.instance_check(obj) {
            return Ok(true);
        }
        // obj.__class__ may differ from type(obj) (proxies).
        if let Some(icls) = ops::getattr_opt(ts, obj, names().__class__)? {
            if let Some(ic) = icls.downcast::<TypeObj>() {
                if ic != type_of(obj) {
                    return Ok(ic.is_subtype(t));
                }
            }
        }
        return Ok(false);
    }
    check_class(
        ts,
        cls,
        "isinstance() arg 2 must be a type, a tuple of types, or a union",
    )?;
    match ops::getattr_opt(ts, obj, names().__class__)? {
        Some(icls) => abstract_issubclass(ts, icls, cls),
        None => Ok(false),
    }
}

/// `issubclass(sub, cls)`.
pub fn issubclass(ts: &mut ThreadState, sub: Value, cls: Value) -> PyResult<bool> {
    if cls.downcast::<TypeObj>().is_some() && type_of(cls) == types().type_ {
        if sub == cls {
            return Ok(true);
        }
        return real_issubclass(ts, sub, cls);
    }
    let cls = union_members(cls).unwrap_or(cls);
    if let Some(tup) = cls.downcast::<TupleObj>() {
        ts.enter_recursive_call(" in __subclasscheck__")?;
        let mut r = Ok(false);
        for &c in tup.items() {
            r = issubclass(ts, sub, c);
            if !matches!(r, Ok(false)) {
                break;
            }
        }
        ts.leave_recursive_call();
        return r;
    }
    if let Some(f) = type_of(cls).lookup(names().__subclasscheck__) {
        ts.enter_recursive_call(" in __subclasscheck__")?;
        let r = ops::call_unbound(ts, f, cls, &[sub], None);
        ts.leave_recursive_call();
        let r = r?;
        return ops::truthy(ts, r);
    }
    real_issubclass(ts, sub, cls)
}

/// `type.__subclasscheck__`: the type hierarchy for types, `__bases__`
/// for abstract classes.
pub fn real_issubclass(ts: &mut ThreadState, sub: Value, cls: Value) -> PyResult<bool> {
    if let (Some(s), Some(c)) = (sub.downcast::<TypeObj>(), cls.downcast::<TypeObj>()) {
        return Ok(s.is_subtype(c));
    }
    check_class(ts, sub, "issubclass() arg 1 must be a class")?;
    if cls.downcast::<UnionObj>().is_none() {
        check_class(
            ts,
            cls,
            "issubclass() arg 2 must be a class, a tuple of classes, or a union",
        )?;
    }
    abstract_issubclass(ts, sub, cls)
}

/// An object's `__bases__` if it is a tuple (what makes an "abstract"
/// class), else None.
fn abstract_bases(ts: &mut ThreadState, v: Value) -> PyResult<Option<Gc<TupleObj>>> {
    Ok(ops::getattr_opt(ts, v, names().__bases__)?.and_then(|b| b.downcast::<TupleObj>()))
}

fn check_class(ts: &mut ThreadState, v: Value, msg: &str) -> PyResult<()> {
    if abstract_bases(ts, v)?.is_none() {
        return Err(ts.type_error(msg));
    }
    Ok(())
}

/// Whether `cls` is `derived` or among its `__bases__`, transitively.
fn abstract_issubclass(ts: &mut ThreadState, derived: Value, cls: Value) -> PyResult<bool> {
    let mut derived = derived;
    let bases = loop {
        if derived == cls {
            return Ok(true);
        }
        let Some(bases) = abstract_bases(ts, derived)? else {
            return Ok(false);
        };
        match bases.len() {
            0 => return Ok(false),
            // Single inheritance: iterate instead of recursing.
            1 => derived = bases.items()[0],
            _ => break bases,
        }
    };
    ts.enter_recursive_call(" in __issubclass__")?;
    let mut r = Ok(false);
    for &b in bases.items() {
        r = abstract_issubclass(ts, b, cls);
        if !matches!(r, Ok(false)) {
            break;
        }
    }
    ts.leave_recursive_call();
    r
}

/// `__build_class__(func, name, /, *bases, metaclass=..., **kwds)`: what
/// a `class` statement calls (with the rest of class creation, in
/// `typeobj_new`).
pub(super) fn b_build_class(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    crate::objects::typeobj_new::build_class(ts, args, kw)
}
