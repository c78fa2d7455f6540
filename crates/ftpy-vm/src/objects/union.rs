//! `types.UnionType`: `int | str` (PEP 604). Its arguments are the
//! operands flattened (a union inside a union gives its own), `None`
//! becoming `NoneType`, each class once; a union of one class is that
//! class. `isinstance` / `issubclass` accept one as their second argument.

use ftpy_compiler::{BinaryOp, CompareOp};

use crate::error::PyResult;
use crate::gc::{Marker, RootedVec, Slot};
use crate::interp::{types, BuiltinTypes};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::str::{as_str, StrObj};
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::TypeObj;
use crate::objects::{add_getset, set_type_attr};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

#[repr(C)]
pub struct UnionObj {
    pub header: Header,
    /// `__args__`: a tuple of at least two distinct members.
    pub args: Slot,
}

// SAFETY: repr(C), Header first; traces its one slot.
unsafe impl HeapObj for UnionObj {
    const KIND: Kind = Kind::Union;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.args);
    }
}

impl UnionObj {
    pub fn args(&self) -> Gc<TupleObj> {
        // SAFETY: `args` is always a tuple (set at creation).
        unsafe { self.args.get().downcast_unchecked() }
    }
}

/// Whether `v` may be an operand of `|` between types.
fn unionable(v: Value) -> bool {
    v.is_none() || v.downcast::<TypeObj>().is_some() || v.downcast::<UnionObj>().is_some()
}

/// `a | b` for types, None and unions (NotImplemented otherwise).
pub fn union_or(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    if !unionable(a) || !unionable(b) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let mut args = RootedVec::new(ts);
    for v in [a, b] {
        let members: &[Value] = match v.downcast::<UnionObj>() {
            Some(u) => u.obj().args().obj().items(),
            None => std::slice::from_ref(&v),
        };
        for &m in members {
            let m = if m.is_none() {
                types().none_type.value()
            } else {
                m
            };
            if !args.contains(&m) {
                args.push(m);
            }
        }
    }
    if args.len() == 1 {
        return Ok(args[0]);
    }
    let t = TupleObj::new(ts, &args);
    Ok(ts
        .alloc(UnionObj {
            header: Header::new(types().union_type, Kind::Union, 0),
            args: Slot::new(t.value()),
        })
        .value())
}

fn this(ts: &mut ThreadState, v: Value) -> PyResult<Gc<UnionObj>> {
    v.downcast::<UnionObj>()
        .ok_or_else(|| ts.type_error("expected a types.UnionType"))
}

fn union_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let u = this(ts, v)?;
    let mut parts: Vec<String> = Vec::new();
    for &a in u.args().items() {
        let s = if a == types().none_type.value() {
            "None".to_string()
        } else if let Some(t) = a.downcast::<TypeObj>() {
            let q = as_str(t.qualname.get()).unwrap_or("?");
            match t.dict().get_str_text("__module__").and_then(as_str) {
                Some(m) if m != "builtins" => format!("{m}.{q}"),
                _ => q.to_string(),
            }
        } else {
            ops::repr_string(ts, a)?
        };
        parts.push(s);
    }
    Ok(StrObj::new(ts, &parts.join(" | ")))
}

/// The members as a frozenset (for equality and hashing: order does not
/// matter).
fn member_set(ts: &mut ThreadState, u: Gc<UnionObj>) -> PyResult<Value> {
    ops::call1(ts, types().frozenset.value(), u.args().value())
}

fn union_richcompare(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast::<UnionObj>(), b.downcast::<UnionObj>()) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let sx = member_set(ts, x)?;
    let sy = member_set(ts, y)?;
    ops::rich_compare(ts, sx, sy, op)
}

fn union_hash(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    let u = this(ts, v)?;
    let s = member_set(ts, u)?;
    ops::hash(ts, s)
}

fn get_args(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(this(ts, v)?.args.get())
}

fn get_parameters(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    this(ts, v)?;
    Ok(TupleObj::new(ts, &[]).value())
}

/// `isinstance(obj, union)` / `issubclass(cls, union)`: any member.
pub fn union_check(
    ts: &mut ThreadState,
    u: Gc<UnionObj>,
    x: Value,
    subclass: bool,
) -> PyResult<bool> {
    for &a in u.args().items() {
        let r = if subclass {
            ops::issubclass(ts, x, a)?
        } else {
            ops::isinstance(ts, x, a)?
        };
        if r {
            return Ok(true);
        }
    }
    Ok(false)
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let ty = t.union_type;
    let s = &ty.slots;
    s.repr.set(Some(union_repr));
    s.richcompare.set(Some(union_richcompare));
    s.hash.set(Some(union_hash));
    s.nb[BinaryOp::Or as usize].set(Some(union_or));
    add_getset(ts, ty, "__args__", get_args, None);
    add_getset(ts, ty, "__parameters__", get_parameters, None);
    let m = crate::interp::intern(ts, "types");
    set_type_attr(ts, ty, "__module__", m.value());
}
