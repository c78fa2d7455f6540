//! Async generators' protocol: the `async_generator` type's methods
//! (`__anext__`, `asend`, `athrow`, `aclose`) and the two awaitable types
//! they return, `async_generator_asend` and `async_generator_athrow`.
//!
//! The generator object itself is a [`GenObj`] (see `generator.rs`). An
//! awaitable drives the generator's frame one step per `send`/`throw`:
//! - a value the generator passes up from an `await` is returned as is
//!   (the event loop sees it);
//! - an async yield (`yield v` in the generator body) ends the awaitable
//!   with `StopIteration(v)`: the `await` that awaited it evaluates to v;
//! - the generator returning ends it with `StopAsyncIteration`.
//!
//! Both awaitables share one layout and go INIT → ITER → CLOSED; a CLOSED
//! one cannot be awaited again. `athrow` with no arguments is `aclose()`:
//! it throws GeneratorExit, and a generator that then yields a value
//! raises `RuntimeError` ("ignored GeneratorExit").

use std::sync::atomic::{AtomicU8, Ordering};

use crate::error::{PyErr, PyResult};
use crate::gc::{Marker, Slot};
use crate::interp::{types, BuiltinTypes};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::generator::{throw_args, GenKind, GenObj, Step};
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::type_name;
use crate::objects::{add_getset, add_methods, method};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

const INIT: u8 = 0;
const ITER: u8 = 1;
const CLOSED: u8 = 2;

/// An `async_generator_asend` or `async_generator_athrow` object.
#[repr(C)]
pub struct AgAwaitableObj {
    pub header: Header,
    /// The async generator.
    gen: Slot,
    /// asend: the value to send first. athrow: the argument tuple, or
    /// NULL for `aclose()`.
    arg: Slot,
    state: AtomicU8,
}

// SAFETY: repr(C), Header first; traces every Slot.
unsafe impl HeapObj for AgAwaitableObj {
    const KIND: Kind = Kind::AsyncGenAwaitable;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.gen);
        m.slot(&self.arg);
    }
}

impl AgAwaitableObj {
    fn new(ts: &mut ThreadState, athrow: bool, gen: Value, arg: Value) -> Value {
        let t = types();
        let ty = if athrow {
            t.async_generator_athrow
        } else {
            t.async_generator_asend
        };
        ts.alloc(AgAwaitableObj {
            header: Header::new(ty, Kind::AsyncGenAwaitable, 0),
            gen: Slot::new(gen),
            arg: Slot::new(arg),
            state: AtomicU8::new(INIT),
        })
        .value()
    }

    fn gen(&self) -> Gc<GenObj> {
        // SAFETY: the constructor stores an async generator.
        unsafe { self.gen.get().downcast_unchecked() }
    }

    fn is_athrow(&self) -> bool {
        self.header.ty() == types().async_generator_athrow
    }

    fn close_state(&self) {
        self.state.store(CLOSED, Ordering::Release);
    }
}

/// CPython's `async_gen_unwrap_value`: the result of one step of the
/// generator as seen by an asend/athrow awaitable.
fn unwrap_step(ts: &mut ThreadState, g: Gc<GenObj>, r: PyResult<Step>) -> PyResult<Value> {
    match r {
        Ok(Step::Yield(v)) => Ok(v),
        Ok(Step::AsyncYield(v)) => {
            g.running_async.store(false, Ordering::Release);
            Err(ts.stop_iteration(v))
        }
        Ok(Step::Return(_)) => {
            g.closed.store(true, Ordering::Release);
            g.running_async.store(false, Ordering::Release);
            Err(ts.new_error_with(types().stop_async_iteration, &[]))
        }
        Err(e) => {
            if e.matches(types().stop_async_iteration) || e.matches(types().generator_exit) {
                g.closed.store(true, Ordering::Release);
            }
            g.running_async.store(false, Ordering::Release);
            Err(e)
        }
    }
}

fn this(ts: &mut ThreadState, v: Value) -> PyResult<Gc<AgAwaitableObj>> {
    v.downcast::<AgAwaitableObj>()
        .ok_or_else(|| ts.type_error(format!("expected an awaitable, got {}", type_name(v))))
}

// ---- asend ---------------------------------------------------------------------

fn asend_send(ts: &mut ThreadState, o: Gc<AgAwaitableObj>, arg: Value) -> PyResult<Value> {
    let st = o.state.load(Ordering::Acquire);
    if st == CLOSED {
        return Err(ts.runtime_error("cannot reuse already awaited __anext__()/asend()"));
    }
    let g = o.gen();
    let mut arg = arg;
    if st == INIT {
        if g.running_async.load(Ordering::Acquire) {
            return Err(ts.runtime_error("anext(): asynchronous generator is already running"));
        }
        if arg.is_none() {
            arg = o.arg.get();
        }
        o.state.store(ITER, Ordering::Release);
    }
    g.running_async.store(true, Ordering::Release);
    let r = g.send_step(ts, arg);
    let r = unwrap_step(ts, g, r);
    if r.is_err() {
        o.close_state();
    }
    r
}

fn asend_throw(ts: &mut ThreadState, o: Gc<AgAwaitableObj>, args: &[Value]) -> PyResult<Value> {
    if o.state.load(Ordering::Acquire) == CLOSED {
        return Err(ts.runtime_error("cannot reuse already awaited __anext__()/asend()"));
    }
    let g = o.gen();
    let r = match throw_args(ts, "throw", args) {
        Ok([typ, val, tb]) => g.throw(ts, typ, val, tb, true),
        Err(e) => Err(e),
    };
    let r = unwrap_step(ts, g, r);
    if r.is_err() {
        o.close_state();
    }
    r
}

// ---- athrow ----------------------------------------------------------------------

fn athrow_send(ts: &mut ThreadState, o: Gc<AgAwaitableObj>, arg: Value) -> PyResult<Value> {
    let st = o.state.load(Ordering::Acquire);
    if st == CLOSED {
        return Err(ts.runtime_error("cannot reuse already awaited aclose()/athrow()"));
    }
    let g = o.gen();
    if g.is_finished() {
        o.close_state();
        return Err(ts.stop_iteration(Value::NONE));
    }
    let args = o.arg.get();
    let is_aclose = args.is_null();
    let retval: PyResult<Value> = if st == INIT {
        if g.running_async.load(Ordering::Acquire) {
            o.close_state();
            return Err(ts.runtime_error(if is_aclose {
                "aclose(): asynchronous generator is already running"
            } else {
                "athrow(): asynchronous generator is already running"
            }));
        }
        if g.closed.load(Ordering::Acquire) {
            o.close_state();
            return Err(ts.new_error_with(types().stop_async_iteration, &[]));
        }
        if !arg.is_none() {
            return Err(ts.runtime_error("can't send non-None value to a just-started coroutine"));
        }
        o.state.store(ITER, Ordering::Release);
        g.running_async.store(true, Ordering::Release);
        if is_aclose {
            g.closed.store(true, Ordering::Release);
            let exit = types().generator_exit.value();
            match g.throw(ts, exit, Value::NULL, Value::NULL, false) {
                Ok(Step::AsyncYield(_)) => return yield_close(ts, o, g),
                Ok(Step::Yield(v)) => Ok(v),
                Ok(Step::Return(_)) => Err(ts.new_error_with(types().stop_async_iteration, &[])),
                Err(e) => Err(e),
            }
        } else {
            // SAFETY: athrow's argument is the tuple of its arguments.
            let t: Gc<TupleObj> = unsafe { args.downcast_unchecked() };
            let [typ, val, tb] = throw_args(ts, "athrow", t.items())?;
            let r = g.throw(ts, typ, val, tb, false);
            unwrap_step(ts, g, r)
        }
    } else {
        let r = g.send_step(ts, arg);
        if !is_aclose {
            return unwrap_step(ts, g, r);
        }
        match r {
            Ok(Step::AsyncYield(_)) => return yield_close(ts, o, g),
            Ok(Step::Yield(v)) => Ok(v),
            Ok(Step::Return(_)) => Err(ts.new_error_with(types().stop_async_iteration, &[])),
            Err(e) => Err(e),
        }
    };
    match retval {
        Ok(v) => Ok(v),
        Err(e) => Err(athrow_check_error(ts, o, g, e)),
    }
}

/// aclose(): the generator yielded a value instead of finishing.
fn yield_close(ts: &mut ThreadState, o: Gc<AgAwaitableObj>, g: Gc<GenObj>) -> PyResult<Value> {
    g.running_async.store(false, Ordering::Release);
    o.close_state();
    Err(ts.runtime_error("async generator ignored GeneratorExit"))
}

/// An athrow/aclose step failed: the awaitable is done; aclose() turns
/// the generator's end (StopAsyncIteration, GeneratorExit) into its own
/// `StopIteration`.
fn athrow_check_error(
    ts: &mut ThreadState,
    o: Gc<AgAwaitableObj>,
    g: Gc<GenObj>,
    e: PyErr,
) -> PyErr {
    g.running_async.store(false, Ordering::Release);
    o.close_state();
    if o.arg.get().is_null()
        && (e.matches(types().stop_async_iteration) || e.matches(types().generator_exit))
    {
        return ts.stop_iteration(Value::NONE);
    }
    e
}

fn athrow_throw(ts: &mut ThreadState, o: Gc<AgAwaitableObj>, args: &[Value]) -> PyResult<Value> {
    if o.state.load(Ordering::Acquire) == CLOSED {
        return Err(ts.runtime_error("cannot reuse already awaited aclose()/athrow()"));
    }
    let g = o.gen();
    let r = match throw_args(ts, "throw", args) {
        Ok([typ, val, tb]) => g.throw(ts, typ, val, tb, true),
        Err(e) => Err(e),
    };
    if !o.arg.get().is_null() {
        return unwrap_step(ts, g, r);
    }
    match r {
        Ok(Step::AsyncYield(_)) => {
            g.running_async.store(false, Ordering::Release);
            o.close_state();
            Err(ts.runtime_error("async generator ignored GeneratorExit"))
        }
        Ok(Step::Yield(v)) => Ok(v),
        Ok(Step::Return(_)) => {
            let e = ts.new_error_with(types().stop_async_iteration, &[]);
            Err(athrow_check_error(ts, o, g, e))
        }
        Err(e) => Err(athrow_check_error(ts, o, g, e)),
    }
}

// ---- the awaitables' methods ----------------------------------------------------

fn aw_send(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let o = this(ts, args[0])?;
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    if args.len() != 2 || nkw > 0 {
        if nkw > 0 {
            return Err(ts.type_error(format!(
                "{}.send() takes no keyword arguments",
                type_name(args[0])
            )));
        }
        return Err(ts.type_error(format!(
            "{}.send() takes exactly one argument ({} given)",
            type_name(args[0]),
            args.len() - 1
        )));
    }
    if o.is_athrow() {
        athrow_send(ts, o, args[1])
    } else {
        asend_send(ts, o, args[1])
    }
}

fn aw_next_slot(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let o = this(ts, v)?;
    let r = if o.is_athrow() {
        athrow_send(ts, o, Value::NONE)
    } else {
        asend_send(ts, o, Value::NONE)
    };
    r.map(Some)
}

fn aw_throw(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let o = this(ts, args[0])?;
    if kw.map(|k| k.len()).unwrap_or(0) > 0 {
        return Err(ts.type_error("throw() takes no keyword arguments"));
    }
    if o.is_athrow() {
        athrow_throw(ts, o, &args[1..])
    } else {
        asend_throw(ts, o, &args[1..])
    }
}

fn aw_close(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let o = this(ts, args[0])?;
    if args.len() > 1 {
        return Err(ts.type_error(format!(
            "{}.close() takes no arguments ({} given)",
            type_name(args[0]),
            args.len() - 1
        )));
    }
    o.close_state();
    Ok(Value::NONE)
}

fn aw_self(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let _ = this(ts, args[0])?;
    Ok(args[0])
}

fn aw_iter(_ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(v)
}

fn aw_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let o = this(ts, v)?;
    let s = format!(
        "<{} object at {:#x}>",
        type_name(v),
        o.value().addr_unchecked()
    );
    Ok(StrObj::new(ts, &s))
}

// ---- async_generator's methods ----------------------------------------------------

fn agen(ts: &mut ThreadState, v: Value) -> PyResult<Gc<GenObj>> {
    match v.downcast::<GenObj>() {
        Some(g) if g.gen_kind() == GenKind::AsyncGenerator => Ok(g),
        _ => Err(ts.type_error(format!("expected an async generator, got {}", type_name(v)))),
    }
}

fn arity(ts: &mut ThreadState, name: &str, args: &[Value], want: usize) -> PyResult<()> {
    let given = args.len() - 1;
    if given == want {
        return Ok(());
    }
    Err(ts.type_error(if want == 0 {
        format!("async_generator.{name}() takes no arguments ({given} given)")
    } else {
        format!("async_generator.{name}() takes exactly one argument ({given} given)")
    }))
}

fn no_kw(ts: &mut ThreadState, name: &str, kw: Option<Gc<TupleObj>>) -> PyResult<()> {
    if kw.map(|k| k.len()).unwrap_or(0) > 0 {
        return Err(ts.type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// The first `__anext__`/`asend`/`athrow`/`aclose` of an async generator
/// records this thread's finalizer hook in it and calls the firstiter hook
/// (`sys.set_asyncgen_hooks`; event loops track generators this way).
fn init_hooks(ts: &mut ThreadState, g: Gc<GenObj>) -> PyResult<()> {
    if g.hooks_inited.swap(true, Ordering::AcqRel) {
        return Ok(());
    }
    let (firstiter, finalizer) = ts.asyncgen_hooks();
    if !finalizer.is_null() {
        g.finalizer.set(finalizer);
        g.register_finalizer();
    }
    if !firstiter.is_null() {
        ops::call1(ts, firstiter, g.value())?;
    }
    Ok(())
}

/// `agen.__anext__()`: an asend awaitable sending None.
pub fn anext_of(ts: &mut ThreadState, g: Gc<GenObj>) -> PyResult<Value> {
    init_hooks(ts, g)?;
    Ok(AgAwaitableObj::new(ts, false, g.value(), Value::NONE))
}

/// Slot wrappers (`__anext__`, `__aiter__`) word their arity errors so.
fn slot_arity(ts: &mut ThreadState, args: &[Value]) -> PyResult<()> {
    if args.len() != 1 {
        return Err(ts.type_error(format!("expected 0 arguments, got {}", args.len() - 1)));
    }
    Ok(())
}

fn m_anext(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    no_kw(ts, "__anext__", kw)?;
    let g = agen(ts, args[0])?;
    slot_arity(ts, args)?;
    anext_of(ts, g)
}

fn m_aiter(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    no_kw(ts, "__aiter__", kw)?;
    let _ = agen(ts, args[0])?;
    slot_arity(ts, args)?;
    Ok(args[0])
}

fn m_asend(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    no_kw(ts, "asend", kw)?;
    let g = agen(ts, args[0])?;
    arity(ts, "asend", args, 1)?;
    init_hooks(ts, g)?;
    Ok(AgAwaitableObj::new(ts, false, g.value(), args[1]))
}

fn m_athrow(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    no_kw(ts, "athrow", kw)?;
    let g = agen(ts, args[0])?;
    init_hooks(ts, g)?;
    // The arguments are checked when the awaitable runs (as CPython does).
    let t = TupleObj::new(ts, &args[1..]);
    Ok(AgAwaitableObj::new(ts, true, g.value(), t.value()))
}

fn m_aclose(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    no_kw(ts, "aclose", kw)?;
    let g = agen(ts, args[0])?;
    arity(ts, "aclose", args, 0)?;
    init_hooks(ts, g)?;
    Ok(AgAwaitableObj::new(ts, true, g.value(), Value::NULL))
}

fn get_ag_running(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let g = agen(ts, v)?;
    Ok(Value::from_bool(g.running_async.load(Ordering::Acquire)))
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let a = t.async_generator;
    add_methods(
        ts,
        a,
        &[
            method("__aiter__", m_aiter),
            method("__anext__", m_anext),
            method("asend", m_asend),
            method("athrow", m_athrow),
            method("aclose", m_aclose),
        ],
    );
    add_getset(ts, a, "ag_running", get_ag_running, None);
    for ty in [t.async_generator_asend, t.async_generator_athrow] {
        ty.slots.iter.set(Some(aw_iter));
        ty.slots.next.set(Some(aw_next_slot));
        ty.slots.repr.set(Some(aw_repr));
        add_methods(
            ts,
            ty,
            &[
                method("send", aw_send),
                method("throw", aw_throw),
                method("close", aw_close),
                method("__await__", aw_self),
            ],
        );
    }
}
