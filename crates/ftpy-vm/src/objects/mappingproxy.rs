//! `mappingproxy` (`types.MappingProxyType`): a read-only view of a
//! mapping. A class's `__dict__` is one over the class's own dict, so
//! every change to a class goes through `setattr` (versions, slots).

use ftpy_compiler::{BinaryOp, CompareOp};

use crate::error::PyResult;
use crate::gc::{Marker, Slot};
use crate::interp::{intern, types, BuiltinTypes};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::dict::DictObj;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, type_of, TypeObj};
use crate::objects::{add_methods, method};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

#[repr(C)]
pub struct MappingProxyObj {
    pub header: Header,
    /// The mapping shown (never changes).
    pub mapping: Slot,
}

// SAFETY: repr(C), Header first; traces its one slot.
unsafe impl HeapObj for MappingProxyObj {
    const KIND: Kind = Kind::MappingProxy;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.mapping);
    }
}

impl MappingProxyObj {
    /// A proxy over `mapping` (the caller checked it is one).
    pub fn new(ts: &mut ThreadState, mapping: Value) -> Gc<MappingProxyObj> {
        ts.alloc(MappingProxyObj {
            header: Header::new(types().mappingproxy, Kind::MappingProxy, 0),
            mapping: Slot::new(mapping),
        })
    }
}

fn inner(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    match v.downcast::<MappingProxyObj>() {
        Some(p) => Ok(p.mapping.get()),
        None => Err(ts.type_error(format!(
            "descriptor requires a 'mappingproxy' object but received a '{}'",
            type_name(v)
        ))),
    }
}

fn mp_new(
    ts: &mut ThreadState,
    _cls: Gc<TypeObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let a = crate::builtins::args::parse(ts, "mappingproxy", args, kw, &["mapping"], 0, 1)?;
    let Some(m) = a.get(0) else {
        return Err(ts.type_error("mappingproxy() missing required argument 'mapping' (pos 1)"));
    };
    // CPython's PyMapping_Check, minus the sequences.
    let t = types();
    let mt = type_of(m);
    let is_seq = [t.list, t.tuple]
        .iter()
        .any(|&s| mt == s || mt.is_subtype(s));
    if is_seq || mt.slots.getitem.get().is_none() {
        return Err(ts.type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            type_name(m)
        )));
    }
    Ok(MappingProxyObj::new(ts, m).value())
}

fn mp_getitem(ts: &mut ThreadState, v: Value, key: Value) -> PyResult<Value> {
    let m = inner(ts, v)?;
    ops::getitem(ts, m, key)
}

fn mp_contains(ts: &mut ThreadState, v: Value, key: Value) -> PyResult<bool> {
    let m = inner(ts, v)?;
    if let Some(d) = m.downcast::<DictObj>() {
        return Ok(d.get_item_opt(ts, key)?.is_some());
    }
    ops::contains(ts, m, key)
}

fn mp_len(ts: &mut ThreadState, v: Value) -> PyResult<usize> {
    let m = inner(ts, v)?;
    ops::len(ts, m)
}

fn mp_iter(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let m = inner(ts, v)?;
    ops::iter(ts, m)
}

fn mp_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let m = inner(ts, v)?;
    let r = ops::repr_string(ts, m)?;
    Ok(StrObj::new(ts, &format!("mappingproxy({r})")))
}

fn mp_str(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let m = inner(ts, v)?;
    Ok(ops::str_(ts, m)?.value())
}

fn mp_richcompare(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    let m = inner(ts, a)?;
    ops::rich_compare(ts, m, b, op)
}

fn mp_or(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let a = match a.downcast::<MappingProxyObj>() {
        Some(p) => p.mapping.get(),
        None => a,
    };
    let b = match b.downcast::<MappingProxyObj>() {
        Some(p) => p.mapping.get(),
        None => b,
    };
    ops::binary_op(ts, a, b, BinaryOp::Or)
}

fn mp_ior(ts: &mut ThreadState, a: Value, _b: Value) -> PyResult<Value> {
    Err(ts.type_error(format!(
        "'|=' is not supported by {}; use '|' instead",
        type_name(a)
    )))
}

/// A method of the proxied mapping, called with the same arguments.
fn forward(ts: &mut ThreadState, args: &[Value], name: &str) -> PyResult<Value> {
    let m = inner(ts, args[0])?;
    let n = intern(ts, name);
    ops::call_method(ts, m, n, &args[1..])
}

fn m_get(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    crate::builtins::args::no_kwargs(ts, "get", kw)?;
    if !(2..=3).contains(&args.len()) {
        return Err(ts.type_error(format!(
            "get expected at least 1 argument, got {}",
            args.len() - 1
        )));
    }
    forward(ts, args, "get")
}

macro_rules! no_arg_forward {
    ($($f:ident => $name:literal,)*) => {
        $(
            fn $f(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
                crate::builtins::args::no_kwargs(ts, $name, kw)?;
                if args.len() != 1 {
                    return Err(ts.type_error(format!(
                        "mappingproxy.{}() takes no arguments ({} given)",
                        $name,
                        args.len() - 1
                    )));
                }
                forward(ts, args, $name)
            }
        )*
    };
}

no_arg_forward! {
    m_keys => "keys",
    m_values => "values",
    m_items => "items",
    m_copy => "copy",
}

fn m_reversed(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let m = inner(ts, args[0])?;
    ops::call1(ts, types().reversed.value(), m)
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let ty = t.mappingproxy;
    let s = &ty.slots;
    s.new.set(Some(mp_new));
    s.getitem.set(Some(mp_getitem));
    s.contains.set(Some(mp_contains));
    s.len.set(Some(mp_len));
    s.iter.set(Some(mp_iter));
    s.repr.set(Some(mp_repr));
    s.str.set(Some(mp_str));
    s.richcompare.set(Some(mp_richcompare));
    s.hash
        .set(Some(crate::objects::slots::hash_not_implemented));
    s.nb[BinaryOp::Or as usize].set(Some(mp_or));
    s.nb_inplace[BinaryOp::Or as usize].set(Some(mp_ior));
    add_methods(
        ts,
        ty,
        &[
            method("get", m_get),
            method("keys", m_keys),
            method("values", m_values),
            method("items", m_items),
            method("copy", m_copy),
            method("__reversed__", m_reversed),
        ],
    );
}
