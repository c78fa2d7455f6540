//! `coroutine_wrapper`: what `coroutine.__await__()` returns, an iterator
//! that steps its coroutine (`send`, `throw`, `close`, `__next__`).

use crate::error::PyResult;
use crate::gc::{Marker, Slot};
use crate::interp::{types, BuiltinTypes};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::generator::{step_result, throw_args, GenObj};
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::type_name;
use crate::objects::{add_methods, method};
use crate::thread::ThreadState;
use crate::value::Value;

#[repr(C)]
pub struct CoroWrapperObj {
    pub header: Header,
    /// The coroutine.
    coro: Slot,
}

// SAFETY: repr(C), Header first; traces its Slot.
unsafe impl HeapObj for CoroWrapperObj {
    const KIND: Kind = Kind::CoroutineWrapper;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.coro);
    }
}

/// A wrapper for coroutine `coro`.
pub fn new(ts: &mut ThreadState, coro: Value) -> Value {
    ts.alloc(CoroWrapperObj {
        header: Header::new(types().coroutine_wrapper, Kind::CoroutineWrapper, 0),
        coro: Slot::new(coro),
    })
    .value()
}

fn coro(ts: &mut ThreadState, v: Value) -> PyResult<Gc<GenObj>> {
    v.downcast::<CoroWrapperObj>()
        .and_then(|w| w.coro.get().downcast::<GenObj>())
        .ok_or_else(|| {
            ts.type_error(format!(
                "expected a coroutine_wrapper, got {}",
                type_name(v)
            ))
        })
}

fn no_kw(ts: &mut ThreadState, name: &str, kw: Option<Gc<TupleObj>>) -> PyResult<()> {
    if kw.map(|k| k.len()).unwrap_or(0) > 0 {
        return Err(ts.type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

fn m_send(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    no_kw(ts, "send", kw)?;
    let c = coro(ts, args[0])?;
    if args.len() != 2 {
        return Err(ts.type_error(format!(
            "coroutine_wrapper.send() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    let s = c.send_step(ts, args[1])?;
    step_result(ts, s)
}

fn m_throw(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    no_kw(ts, "throw", kw)?;
    let c = coro(ts, args[0])?;
    let [typ, val, tb] = throw_args(ts, "throw", &args[1..])?;
    let s = c.throw(ts, typ, val, tb, true)?;
    step_result(ts, s)
}

fn m_close(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let c = coro(ts, args[0])?;
    if args.len() > 1 {
        return Err(ts.type_error(format!(
            "coroutine_wrapper.close() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    c.close(ts)?;
    Ok(Value::NONE)
}

fn w_iter(_ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(v)
}

fn w_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let c = coro(ts, v)?;
    let s = c.send_step(ts, Value::NONE)?;
    step_result(ts, s).map(Some)
}

fn w_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let s = format!("<coroutine_wrapper object at {:#x}>", v.addr_unchecked());
    Ok(StrObj::new(ts, &s))
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let ty = t.coroutine_wrapper;
    ty.slots.iter.set(Some(w_iter));
    ty.slots.next.set(Some(w_next));
    ty.slots.repr.set(Some(w_repr));
    add_methods(
        ts,
        ty,
        &[
            method("send", m_send),
            method("throw", m_throw),
            method("close", m_close),
        ],
    );
}
