//! `NoneType`, `NotImplementedType` and `ellipsis`: the immediate
//! singletons' types.

use crate::error::PyResult;
use crate::interp::BuiltinTypes;
use crate::object::Gc;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::TypeObj;
use crate::thread::ThreadState;
use crate::value::Value;

fn none_repr(ts: &mut ThreadState, _v: Value) -> PyResult<Value> {
    Ok(StrObj::new(ts, "None"))
}
fn none_bool(_ts: &mut ThreadState, _v: Value) -> PyResult<bool> {
    Ok(false)
}
fn none_new(
    ts: &mut ThreadState,
    _cls: Gc<TypeObj>,
    args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    if !args.is_empty() {
        return Err(ts.type_error("NoneType takes no arguments"));
    }
    Ok(Value::NONE)
}
fn ni_repr(ts: &mut ThreadState, _v: Value) -> PyResult<Value> {
    Ok(StrObj::new(ts, "NotImplemented"))
}
fn ni_new(
    ts: &mut ThreadState,
    _cls: Gc<TypeObj>,
    args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    if !args.is_empty() {
        return Err(ts.type_error("NotImplementedType takes no arguments"));
    }
    Ok(Value::NOT_IMPLEMENTED)
}
fn ellipsis_repr(ts: &mut ThreadState, _v: Value) -> PyResult<Value> {
    Ok(StrObj::new(ts, "Ellipsis"))
}
fn ellipsis_new(
    ts: &mut ThreadState,
    _cls: Gc<TypeObj>,
    args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    if !args.is_empty() {
        return Err(ts.type_error("ellipsis takes no arguments"));
    }
    Ok(Value::ELLIPSIS)
}
fn const_hash(_ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    Ok(crate::hash::hash_i64((v.bits() >> 3) as i64 & 0xffff_ffff) ^ 0x5f3759df)
}

pub fn init(_ts: &mut ThreadState, t: &BuiltinTypes) {
    t.none_type.slots.repr.set(Some(none_repr));
    t.none_type.slots.bool.set(Some(none_bool));
    t.none_type.slots.new.set(Some(none_new));
    t.not_implemented_type.slots.repr.set(Some(ni_repr));
    t.not_implemented_type.slots.new.set(Some(ni_new));
    t.ellipsis_type.slots.repr.set(Some(ellipsis_repr));
    t.ellipsis_type.slots.new.set(Some(ellipsis_new));
    for ty in [t.none_type, t.not_implemented_type, t.ellipsis_type] {
        ty.slots.hash.set(Some(const_hash));
    }
}
