//! `types.UnionType`: what `int | str` makes (PEP 604).
//!
//! A union holds a tuple of distinct members, flattened (`(int | str) |
//! bytes` has three) and with `None` written as `NoneType`; a "union" of
//! one member is that member itself. Immutable, shared freely.
//! `isinstance(x, int | str)` checks each member.

use ftpy_compiler::CompareOp;

use crate::error::PyResult;
use crate::gc::{Marker, RootedVec, Slot};
use crate::interp::{types, BuiltinTypes};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::genericalias::{collect_parameters, repr_item, substitute, GenericAliasObj};
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::TypeObj;
use crate::objects::{add_getset, add_methods, method};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

#[repr(C)]
pub struct UnionObj {
    pub header: Header,
    /// A tuple of the members.
    pub args: Slot,
    /// A tuple, computed on first use (NULL before).
    parameters: Slot,
}

// SAFETY: repr(C), Header first; traces every slot.
unsafe impl HeapObj for UnionObj {
    const KIND: Kind = Kind::Union;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.args);
        m.slot(&self.parameters);
    }
}

type Kw = Option<Gc<TupleObj>>;

fn this(v: Value) -> Gc<UnionObj> {
    // SAFETY: installed on UnionType only.
    unsafe { v.downcast_unchecked() }
}

fn members(v: Value) -> &'static [Value] {
    this(v)
        .args
        .get()
        .downcast::<TupleObj>()
        .map(|t| t.obj().items())
        .unwrap_or(&[])
}

/// Whether `v` may be an operand of `|` between types: None, a type, a
/// parameterized generic or a union.
fn unionable(v: Value) -> bool {
    v.is_none()
        || v.downcast::<TypeObj>().is_some()
        || v.downcast::<GenericAliasObj>().is_some()
        || v.downcast::<UnionObj>().is_some()
}

/// `a | b` for types, aliases, unions and None (the `nb_or` of `type`,
/// `GenericAlias` and `UnionType`); NotImplemented otherwise.
pub fn union_or(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    if !unionable(a) || !unionable(b) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let mut flat = RootedVec::new(ts);
    for x in [a, b] {
        if x.downcast::<UnionObj>().is_some() {
            flat.extend_from_slice(members(x));
        } else if x.is_none() {
            flat.push(types().none_type.value());
        } else {
            flat.push(x);
        }
    }
    // Duplicates go, first occurrence kept (compared with ==, as types
    // and aliases define it).
    let mut uniq = RootedVec::new(ts);
    for i in 0..flat.len() {
        let x = flat[i];
        let mut seen = false;
        for j in 0..uniq.len() {
            let y = uniq[j];
            if x == y || ops::eq(ts, x, y)? {
                seen = true;
                break;
            }
        }
        if !seen {
            uniq.push(x);
        }
    }
    if uniq.len() == 1 {
        return Ok(uniq[0]);
    }
    let t = TupleObj::new(ts, &uniq);
    Ok(ts
        .alloc(UnionObj {
            header: Header::new(types().union_type, Kind::Union, 0),
            args: Slot::new(t.value()),
            parameters: Slot::new(Value::NULL),
        })
        .value())
}

fn union_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let mut s = String::new();
    for (i, &m) in members(v).iter().enumerate() {
        if i > 0 {
            s.push_str(" | ");
        }
        if m == types().none_type.value() {
            s.push_str("None");
        } else {
            s.push_str(&repr_item(ts, m)?);
        }
    }
    Ok(StrObj::new(ts, &s))
}

fn union_hash(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    // Order does not matter: hash the members as a frozenset does.
    let fs = ops::call1(ts, types().frozenset.value(), this(v).args.get())?;
    ops::hash(ts, fs)
}

fn union_richcompare(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne)
        || a.downcast::<UnionObj>().is_none()
        || b.downcast::<UnionObj>().is_none()
    {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let sa = ops::call1(ts, types().frozenset.value(), this(a).args.get())?;
    let sb = ops::call1(ts, types().frozenset.value(), this(b).args.get())?;
    ops::rich_compare(ts, sa, sb, op)
}

fn get_args(_ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(this(v).args.get())
}

fn get_parameters(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let u = this(v);
    let p = u.parameters.get();
    if !p.is_null() {
        return Ok(p);
    }
    let p = collect_parameters(ts, members(v))?;
    u.parameters.set(p);
    Ok(p)
}

fn check_members(ts: &mut ThreadState, v: Value, what: &str) -> PyResult<()> {
    for &m in members(v) {
        if m.downcast::<GenericAliasObj>().is_some() {
            return Err(ts.type_error(format!(
                "{what}() argument 2 cannot be a parameterized generic"
            )));
        }
    }
    Ok(())
}

fn m_instancecheck(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("UnionType.__instancecheck__($self, instance, /)");
    let [u, obj] = SIG.bind(ts, args, kw)?;
    check_members(ts, u, "isinstance")?;
    for &m in members(u) {
        if ops::isinstance(ts, obj, m)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn m_subclasscheck(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("UnionType.__subclasscheck__($self, subclass, /)");
    let [u, sub] = SIG.bind(ts, args, kw)?;
    check_members(ts, u, "issubclass")?;
    for &m in members(u) {
        if ops::issubclass(ts, sub, m)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn union_getitem(ts: &mut ThreadState, v: Value, item: Value) -> PyResult<Value> {
    let params = get_parameters(ts, v)?;
    let params: &[Value] = params
        .downcast::<TupleObj>()
        .map(|t| t.obj().items())
        .unwrap_or(&[]);
    if params.is_empty() {
        let r = ops::repr_string(ts, v)?;
        return Err(ts.type_error(format!("{r} is not a generic class")));
    }
    let mut items = RootedVec::new(ts);
    match item.downcast::<TupleObj>() {
        Some(t) => items.extend_from_slice(t.items()),
        None => items.push(item),
    }
    if items.len() != params.len() {
        let r = ops::repr_string(ts, v)?;
        return Err(ts.type_error(format!(
            "Too {} arguments for {r}; actual {}, expected {}",
            if items.len() > params.len() {
                "many"
            } else {
                "few"
            },
            items.len(),
            params.len()
        )));
    }
    let mut out = Value::NULL;
    for &m in members(v) {
        let x = substitute(ts, m, params, &items)?;
        out = if out.is_null() {
            x
        } else {
            ops::binary_op(ts, out, x, ftpy_compiler::BinaryOp::Or)?
        };
    }
    Ok(out)
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let u = t.union_type;
    let s = &u.slots;
    s.repr.set(Some(union_repr));
    s.hash.set(Some(union_hash));
    s.richcompare.set(Some(union_richcompare));
    s.getitem.set(Some(union_getitem));
    s.nb[ftpy_compiler::BinaryOp::Or as usize].set(Some(union_or));
    add_getset(ts, u, "__args__", get_args, None);
    add_getset(ts, u, "__parameters__", get_parameters, None);
    add_methods(
        ts,
        u,
        &[
            method("__instancecheck__", m_instancecheck),
            method("__subclasscheck__", m_subclasscheck),
        ],
    );
    // NoneType has no `|` of its own (`None | None` is a TypeError); the
    // other operand's slot takes `None | int`.
    t.type_.slots.nb[ftpy_compiler::BinaryOp::Or as usize].set(Some(union_or));
}
