//! `mappingproxy` (`types.MappingProxyType`): a read-only view of a
//! mapping. Every read goes to the mapping; there is no way to write
//! through it. Immutable itself (one field set at creation), so shared
//! freely between threads.

use ftpy_compiler::{BinaryOp, CompareOp};

use crate::error::PyResult;
use crate::gc::{Marker, Slot};
use crate::interp::{intern, types, BuiltinTypes};
use crate::object::{Gc, Header, HeapObj, Kind};
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
    /// The mapping; set once at creation.
    pub mapping: Slot,
}

// SAFETY: repr(C), Header first; traces the mapping.
unsafe impl HeapObj for MappingProxyObj {
    const KIND: Kind = Kind::MappingProxy;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.mapping);
    }
}

impl MappingProxyObj {
    /// A proxy for `mapping` (not checked: callers pass a mapping).
    pub fn new(ts: &mut ThreadState, mapping: Value) -> Value {
        ts.alloc(MappingProxyObj {
            header: Header::new(types().mappingproxy, Kind::MappingProxy, 0),
            mapping: Slot::new(mapping),
        })
        .value()
    }
}

fn mapping_of(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
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
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("mappingproxy(mapping)");
    let [m] = SIG.bind(ts, args, kw)?;
    // CPython: a mapping (it has __getitem__) that is not a list or tuple.
    let ty = type_of(m);
    let t = types();
    let is_seq = m.is_kind(Kind::List) || m.is_kind(Kind::Tuple);
    if ty.slots.getitem.get().is_none() || is_seq || ty.is_subtype(t.list) || ty.is_subtype(t.tuple)
    {
        return Err(ts.type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            type_name(m)
        )));
    }
    Ok(MappingProxyObj::new(ts, m))
}

fn mp_getitem(ts: &mut ThreadState, v: Value, key: Value) -> PyResult<Value> {
    let m = mapping_of(ts, v)?;
    ops::getitem(ts, m, key)
}

fn mp_len(ts: &mut ThreadState, v: Value) -> PyResult<usize> {
    let m = mapping_of(ts, v)?;
    ops::len(ts, m)
}

fn mp_contains(ts: &mut ThreadState, v: Value, x: Value) -> PyResult<bool> {
    let m = mapping_of(ts, v)?;
    ops::contains(ts, m, x)
}

fn mp_iter(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let m = mapping_of(ts, v)?;
    ops::iter(ts, m)
}

fn mp_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let m = mapping_of(ts, v)?;
    let r = ops::repr_string(ts, m)?;
    Ok(StrObj::new(ts, &format!("mappingproxy({r})")))
}

fn mp_str(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let m = mapping_of(ts, v)?;
    Ok(ops::str_(ts, m)?.value())
}

fn mp_richcompare(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    let m = mapping_of(ts, a)?;
    ops::rich_compare(ts, m, b, op)
}

fn mp_or(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let unwrap = |v: Value| match v.downcast::<MappingProxyObj>() {
        Some(p) => p.mapping.get(),
        None => v,
    };
    ops::binary_op(ts, unwrap(a), unwrap(b), BinaryOp::Or)
}

fn mp_ior(ts: &mut ThreadState, a: Value, _b: Value) -> PyResult<Value> {
    Err(ts.type_error(format!(
        "'|=' is not supported by {}; use '|' instead",
        type_name(a)
    )))
}

/// A method that forwards to the mapping's method of the same name.
fn forward(
    ts: &mut ThreadState,
    name: &str,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    if kw.map(|k| k.len()).unwrap_or(0) > 0 {
        return Err(ts.type_error(format!("{name}() takes no keyword arguments")));
    }
    let m = mapping_of(ts, args[0])?;
    let n = intern(ts, name);
    ops::call_method(ts, m, n, &args[1..])
}

fn m_get(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("mappingproxy.get($self, key, default=None, /)");
    SIG.bind::<3>(ts, args, kw)?;
    forward(ts, "get", args, None)
}

fn m_keys(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("mappingproxy.keys($self, /)");
    SIG.bind::<1>(ts, args, kw)?;
    forward(ts, "keys", args, None)
}

fn m_values(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("mappingproxy.values($self, /)");
    SIG.bind::<1>(ts, args, kw)?;
    forward(ts, "values", args, None)
}

fn m_items(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("mappingproxy.items($self, /)");
    SIG.bind::<1>(ts, args, kw)?;
    forward(ts, "items", args, None)
}

fn m_copy(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("mappingproxy.copy($self, /)");
    SIG.bind::<1>(ts, args, kw)?;
    forward(ts, "copy", args, None)
}

fn m_reversed(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("mappingproxy.__reversed__($self, /)");
    let [this] = SIG.bind(ts, args, kw)?;
    let m = mapping_of(ts, this)?;
    let reversed = types().reversed.value();
    ops::call1(ts, reversed, m)
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let ty = t.mappingproxy;
    let s = &ty.slots;
    s.new.set(Some(mp_new));
    s.repr.set(Some(mp_repr));
    s.str.set(Some(mp_str));
    s.getitem.set(Some(mp_getitem));
    s.len.set(Some(mp_len));
    s.contains.set(Some(mp_contains));
    s.iter.set(Some(mp_iter));
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
