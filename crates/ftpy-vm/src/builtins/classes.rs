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
use crate::gc::RootedVec;
use crate::interp::{names, types};
use crate::object::Gc;
use crate::objects::dict::DictObj;
use crate::objects::function::FunctionObj;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, type_of, TypeObj};
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
/// a `class` statement calls.
pub(super) fn b_build_class(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    let pos = &args[..args.len() - nkw];
    if pos.len() < 2 {
        return Err(ts.type_error("__build_class__: not enough arguments"));
    }
    let Some(func) = pos[0].downcast::<FunctionObj>() else {
        return Err(ts.type_error("__build_class__: func must be a function"));
    };
    let name = pos[1];
    if name.downcast::<StrObj>().is_none() {
        return Err(ts.type_error("__build_class__: name is not a string"));
    }
    // Resolve __mro_entries__ (PEP 560).
    let orig_bases = &pos[2..];
    let mut bases = RootedVec::new(ts);
    let mut changed = false;
    for &b in orig_bases {
        if b.downcast::<TypeObj>().is_none() {
            if let Some(me) = ops::getattr_opt(ts, b, names().__mro_entries__)? {
                let ob = TupleObj::new(ts, orig_bases);
                let r = ops::call1(ts, me, ob.value())?;
                let Some(rt) = r.downcast::<TupleObj>() else {
                    return Err(ts.type_error("__mro_entries__ must return a tuple"));
                };
                bases.extend_from_slice(rt.items());
                changed = true;
                continue;
            }
        }
        bases.push(b);
    }
    // Keywords: metaclass is taken out.
    let mut meta: Option<Value> = None;
    let mut kwnames = RootedVec::new(ts);
    let mut kwvals = RootedVec::new(ts);
    if let Some(k) = kw {
        for (i, &n) in k.items().iter().enumerate() {
            let v = args[pos.len() + i];
            if crate::objects::str::as_str(n) == Some("metaclass") {
                meta = Some(v);
            } else {
                kwnames.push(n);
                kwvals.push(v);
            }
        }
    }
    let is_class_meta = meta
        .map(|m| m.downcast::<TypeObj>().is_some())
        .unwrap_or(true);
    let mut meta = match meta {
        Some(m) => m,
        None => match bases.first() {
            Some(&b) => type_of(b).value(),
            None => types().type_.value(),
        },
    };
    if is_class_meta {
        // The most derived metaclass.
        if let Some(mut winner) = meta.downcast::<TypeObj>() {
            for &b in bases.iter() {
                let bt = type_of(b);
                if winner.is_subtype(bt) {
                    continue;
                }
                if bt.is_subtype(winner) {
                    winner = bt;
                    continue;
                }
                return Err(ts.type_error(
                    "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
                ));
            }
            meta = winner.value();
        }
    }
    let bases_t = TupleObj::new(ts, &bases);
    let kwn = if kwnames.is_empty() {
        None
    } else {
        Some(TupleObj::new(ts, &kwnames))
    };
    // The namespace from __prepare__(name, bases, **kwds).
    let ns = match ops::getattr_opt(ts, meta, names().__prepare__)? {
        Some(prep) => {
            let mut all = RootedVec::new(ts);
            all.push(name);
            all.push(bases_t.value());
            all.extend_from_slice(&kwvals);
            ops::call(ts, prep, &all, kwn)?
        }
        None => DictObj::new(ts).value(),
    };
    if type_of(ns).slots.getitem.get().is_none() {
        let who = match meta.downcast::<TypeObj>() {
            Some(m) => m.name_str(),
            None => "<metaclass>",
        };
        return Err(ts.type_error(format!(
            "{who}.__prepare__() must return a mapping, not {}",
            type_name(ns)
        )));
    }
    let cell =
        crate::interpreter::run_code(ts, func.code(), func.globals(), ns, func.closure.get())?;
    if changed {
        let ob = TupleObj::new(ts, orig_bases);
        let key = crate::interp::intern(ts, "__orig_bases__");
        ops::setitem(ts, ns, key.value(), Some(ob.value()))?;
    }
    let mut all = RootedVec::new(ts);
    all.push(name);
    all.push(bases_t.value());
    all.push(ns);
    all.extend_from_slice(&kwvals);
    let cls = ops::call(ts, meta, &all, kwn)?;
    // A class body that uses `__class__` (or `super()`) returns its cell,
    // which type.__new__ filled through `__classcell__`.
    if let Some(c) = cell.downcast::<crate::objects::cell::CellObj>() {
        if cls.downcast::<TypeObj>().is_some() {
            let cell_cls = c.value.get();
            if cell_cls != cls {
                let n = ops::repr_string(ts, name)?;
                let cr = ops::repr_string(ts, cls)?;
                if cell_cls.is_null() {
                    return Err(ts.runtime_error(format!(
                        "__class__ not set defining {n} as {cr}. Was __classcell__ propagated to type.__new__?"
                    )));
                }
                let cc = ops::repr_string(ts, cell_cls)?;
                return Err(ts.type_error(format!("__class__ set to {cc} defining {n} as {cr}")));
            }
        }
    }
    Ok(cls)
}
