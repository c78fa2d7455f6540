//! `anext_awaitable`: what `anext(iterator, default)` returns. `anext`
//! calls `iterator.__anext__()` at once and wraps the awaitable it
//! returns; awaiting the wrapper awaits that awaitable and turns its
//! StopAsyncIteration into the result `default`.
//!
//! As in CPython 3.11, every step (`send`, `throw`, `close`, `__next__`)
//! asks the awaitable for its iterator anew: a coroutine gives the same
//! coroutine each time, an object with `__await__` a new iterator.

use crate::error::PyResult;
use crate::gc::{Marker, Slot};
use crate::interp::{names, types, BuiltinTypes};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::generator::GenObj;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, type_of};
use crate::objects::{add_methods, method};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

#[repr(C)]
pub struct AnextAwaitableObj {
    pub header: Header,
    /// What `__anext__()` returned.
    wrapped: Slot,
    default: Slot,
}

// SAFETY: repr(C), Header first; traces every Slot.
unsafe impl HeapObj for AnextAwaitableObj {
    const KIND: Kind = Kind::AnextAwaitable;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.wrapped);
        m.slot(&self.default);
    }
}

/// `anext(wrapped, default)`.
pub fn new(ts: &mut ThreadState, wrapped: Value, default: Value) -> Value {
    ts.alloc(AnextAwaitableObj {
        header: Header::new(types().anext_awaitable, Kind::AnextAwaitable, 0),
        wrapped: Slot::new(wrapped),
        default: Slot::new(default),
    })
    .value()
}

fn this(ts: &mut ThreadState, v: Value) -> PyResult<Gc<AnextAwaitableObj>> {
    v.downcast::<AnextAwaitableObj>()
        .ok_or_else(|| ts.type_error(format!("expected an anext_awaitable, got {}", type_name(v))))
}

/// The iterator to step: the awaitable's iterator (a coroutine is stepped
/// through its `__await__()`).
fn get_iter(ts: &mut ThreadState, o: Gc<AnextAwaitableObj>) -> PyResult<Value> {
    let wrapped = o.wrapped.get();
    let mut it = crate::interpreter::helpers::awaitable_iter(ts, wrapped)?;
    if type_of(it) == types().coroutine {
        it = ops::call_method(ts, it, names().__await__, &[])?;
        if type_of(it).slots.next.get().is_none() {
            return Err(ts.type_error("__await__ returned a non-iterable"));
        }
    }
    Ok(it)
}

/// Forwards one step to the iterator; StopAsyncIteration becomes
/// `StopIteration(default)`.
fn proxy(ts: &mut ThreadState, v: Value, meth: &str, args: &[Value]) -> PyResult<Value> {
    let o = this(ts, v)?;
    let it = get_iter(ts, o)?;
    let r = if meth == "__next__" {
        match ops::next(ts, it) {
            Ok(Some(x)) => Ok(x),
            Ok(None) => Err(ts.stop_iteration(Value::NONE)),
            Err(e) => Err(e),
        }
    } else {
        let name = crate::interp::intern(ts, meth);
        ops::call_method(ts, it, name, args)
    };
    match r {
        Err(e) if e.matches(types().stop_async_iteration) => {
            let d = o.default.get();
            Err(ts.stop_iteration(d))
        }
        r => r,
    }
}

fn m_send(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(ts.type_error(format!(
            "anext_awaitable.send() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    proxy(ts, args[0], "send", &args[1..])
}

fn m_throw(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    crate::objects::generator::throw_args(ts, "throw", &args[1..])?;
    proxy(ts, args[0], "throw", &args[1..])
}

fn m_close(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(ts.type_error(format!(
            "anext_awaitable.close() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    proxy(ts, args[0], "close", &[])
}

fn m_await(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let _ = this(ts, args[0])?;
    Ok(args[0])
}

fn a_iter(_ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(v)
}

fn a_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    proxy(ts, v, "__next__", &[]).map(Some)
}

fn a_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let s = format!("<anext_awaitable object at {:#x}>", v.addr_unchecked());
    Ok(StrObj::new(ts, &s))
}

/// The `aiter()` builtin.
pub fn builtin_aiter(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("aiter(async_iterable, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let ty = type_of(v);
    let Some(f) = ty.lookup(names().__aiter__) else {
        return Err(ts.type_error(format!(
            "'{}' object is not an async iterable",
            type_name(v)
        )));
    };
    let it = ops::call_unbound(ts, f, v, &[], None)?;
    if type_of(it).lookup(names().__anext__).is_none() {
        return Err(ts.type_error(format!(
            "aiter() returned not an async iterator of type '{}'",
            type_name(it)
        )));
    }
    Ok(it)
}

/// The `anext()` builtin.
pub fn builtin_anext(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("anext(aiterator, default=<unrepresentable>, /)");
    let [v, default] = SIG.bind(ts, args, kw)?;
    let ty = type_of(v);
    let Some(f) = ty.lookup(names().__anext__) else {
        return Err(ts.type_error(format!(
            "'{}' object is not an async iterator",
            type_name(v)
        )));
    };
    let aw = match v.downcast::<GenObj>() {
        Some(g) if ty == types().async_generator => {
            crate::objects::async_generator::anext_of(ts, g)?
        }
        _ => ops::call_unbound(ts, f, v, &[], None)?,
    };
    if default.is_null() {
        return Ok(aw);
    }
    Ok(new(ts, aw, default))
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let ty = t.anext_awaitable;
    ty.slots.iter.set(Some(a_iter));
    ty.slots.next.set(Some(a_next));
    ty.slots.repr.set(Some(a_repr));
    add_methods(
        ts,
        ty,
        &[
            method("send", m_send),
            method("throw", m_throw),
            method("close", m_close),
            method("__await__", m_await),
        ],
    );
}
