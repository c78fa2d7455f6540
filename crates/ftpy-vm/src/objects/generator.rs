//! Generators, coroutines and async generators.
//!
//! The three types share one layout, `GenObj`: the object carries its own
//! interpreter frame (header and slots inline, after the fields).
//! Resuming links that frame into the thread's chain as an ENTRY frame and
//! runs it until `YIELD_VALUE` (which flags the frame SUSPENDED and
//! returns), a return, or an exception. While suspended the frame is
//! traced through the object.
//!
//! # States
//! `CREATED` → `RUNNING` ⇄ `SUSPENDED` → `FINISHED`. The move to RUNNING
//! is a compare-and-swap, so one thread at a time owns the frame; a
//! resume that loses the race raises `ValueError: generator already
//! executing`, as a re-entrant resume does. `throw`/`close` also hold
//! RUNNING while they deliver the exception to a sub-iterator
//! (`yield from` / `await`), as CPython marks the frame executing then.
//!
//! # Exceptions
//! The exception a generator is handling when it suspends (`sys.exc_info()`
//! inside an `except` block) is saved in `exc_state` and restored on
//! resumption, so it does not leak into the caller. `throw()` stores the
//! exception in `pending` and resumes with the frame flagged THROW: the
//! interpreter raises it at the suspension point.
//!
//! # Async generators
//! An async generator's own `yield v` compiles to `ASYNC_GEN_WRAP;
//! YIELD_VALUE`; ASYNC_GEN_WRAP flags the frame ASYNC_WRAPPED, so a resume
//! tells such a value ([`Step::AsyncYield`]) from one an `await` inside the
//! generator passes up to the event loop ([`Step::Yield`]). The
//! `asend`/`athrow` awaitables (`async_generator.rs`) turn the former into
//! `StopIteration(v)`. `running_async` and `closed` are CPython's
//! `ag_running_async` and `ag_closed`.

use ftpy_compiler::code::flags as coflags;
use ftpy_compiler::Op;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};

use crate::error::{PyErr, PyResult};
use crate::gc::{Marker, Slot};
use crate::interp::{names, types, BuiltinTypes};
use crate::interpreter::frame::{fflags, Frame};
use crate::interpreter::helpers::SendResult;
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::exception::ExcObj;
use crate::objects::function::FunctionObj;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, TypeObj};
use crate::objects::{add_getset, add_methods, method};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

/// Frame flag: suspended at a `YIELD_VALUE`.
pub const SUSPENDED: u32 = 32;
/// Frame flag: resume by raising `GenObj::pending`.
pub const THROW: u32 = 64;
/// Frame flag: the value being yielded went through `ASYNC_GEN_WRAP` (an
/// async generator's own `yield`).
pub const ASYNC_WRAPPED: u32 = 128;

const CREATED: u8 = 0;
const SUSPENDED_STATE: u8 = 1;
const RUNNING: u8 = 2;
const FINISHED: u8 = 3;

#[repr(C)]
pub struct GenObj {
    pub header: Header,
    pub name: Slot,
    pub qualname: Slot,
    /// The exception being handled inside the generator while suspended.
    exc_state: Slot,
    /// An exception to raise at the resumption point (`throw`).
    pub pending: Slot,
    state: AtomicU8,
    /// Async generators: an `asend`/`athrow` awaitable is being iterated
    /// (CPython's `ag_running_async`, shown as `ag_running`).
    pub running_async: AtomicBool,
    /// Async generators: `aclose()` started, or StopAsyncIteration or
    /// GeneratorExit came out of the generator (CPython's `ag_closed`).
    pub closed: AtomicBool,
    /// Async generators: the `sys` firstiter hook has been consulted.
    pub hooks_inited: AtomicBool,
    /// Async generators: the finalizer hook recorded at first iteration.
    pub finalizer: Slot,
    /// The generator's frame; its slots follow.
    frame: Frame,
}

// SAFETY: repr(C), Header first; traces the slots and the embedded frame
// (code, function, globals and all frame slots).
unsafe impl HeapObj for GenObj {
    const KIND: Kind = Kind::Generator;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.name);
        m.slot(&self.qualname);
        m.slot(&self.exc_state);
        m.slot(&self.pending);
        m.slot(&self.finalizer);
        self.frame.trace(m);
    }
}

/// What one resumption of a generator produced.
#[derive(Clone, Copy)]
pub enum Step {
    /// A `yield` of a generator or coroutine, or a value an `await` inside
    /// an async generator passes up.
    Yield(Value),
    /// An async generator's own `yield`.
    AsyncYield(Value),
    /// The frame returned this value.
    Return(Value),
}

impl Step {
    /// The interpreter's view (an async yield is a yield).
    pub fn into_send(self) -> SendResult {
        match self {
            Step::Yield(v) | Step::AsyncYield(v) => SendResult::Yielded(v),
            Step::Return(v) => SendResult::Returned(v),
        }
    }
}

/// How a resumption enters the frame.
#[derive(Clone, Copy)]
enum Entry {
    /// Push this value (the result of the `yield`), or nothing at the start.
    Send(Value),
    /// Raise `pending` at the suspension point.
    Throw,
    /// Push nothing: the frame's stack was already set up.
    Continue,
}

/// The three generator-like types.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

impl GenObj {
    /// Calls a generator (or coroutine, or async generator) function:
    /// makes the object with its arguments bound, runs nothing.
    pub fn create(
        ts: &mut ThreadState,
        func: Gc<FunctionObj>,
        args: &[Value],
        kwnames: Option<Gc<TupleObj>>,
    ) -> PyResult<Gc<GenObj>> {
        let code = func.code();
        let ty = if code.flags & coflags::COROUTINE != 0 {
            types().coroutine
        } else if code.flags & coflags::ASYNC_GENERATOR != 0 {
            types().async_generator
        } else {
            types().generator
        };
        let size = std::mem::size_of::<GenObj>() + code.frame_slots() * 8;
        let globals = func.globals();
        let builtins = func.builtins();
        let g = ts.alloc_var(size, |p: *mut GenObj| {
            // SAFETY: room for the generator, its frame header and slots.
            unsafe {
                std::ptr::addr_of_mut!((*p).header).write(Header::new(ty, Kind::Generator, 0));
                std::ptr::addr_of_mut!((*p).name).write(Slot::new(func.name.get()));
                std::ptr::addr_of_mut!((*p).qualname).write(Slot::new(func.qualname.get()));
                std::ptr::addr_of_mut!((*p).exc_state).write(Slot::new(Value::NULL));
                std::ptr::addr_of_mut!((*p).pending).write(Slot::new(Value::NULL));
                std::ptr::addr_of_mut!((*p).state).write(AtomicU8::new(CREATED));
                std::ptr::addr_of_mut!((*p).running_async).write(AtomicBool::new(false));
                std::ptr::addr_of_mut!((*p).closed).write(AtomicBool::new(false));
                std::ptr::addr_of_mut!((*p).hooks_inited).write(AtomicBool::new(false));
                std::ptr::addr_of_mut!((*p).finalizer).write(Slot::new(Value::NULL));
                Frame::init_at(
                    std::ptr::addr_of_mut!((*p).frame),
                    code,
                    func.value(),
                    globals,
                    builtins,
                    Value::NULL,
                    fflags::GENERATOR,
                );
            }
        });
        // SAFETY: the frame was just initialized inside `g`.
        let fr = unsafe { &mut *std::ptr::addr_of_mut!((*g.as_ptr()).frame) };
        fr.gen = g.value();
        crate::interpreter::call::bind_args(ts, func, fr, args, kwnames)?;
        Ok(g)
    }

    fn frame_ptr(&self) -> *mut Frame {
        &self.frame as *const Frame as *mut Frame
    }

    pub fn is_running(&self) -> bool {
        self.state.load(Ordering::Acquire) == RUNNING
    }

    pub fn is_finished(&self) -> bool {
        self.state.load(Ordering::Acquire) == FINISHED
    }

    pub fn is_suspended(&self) -> bool {
        self.state.load(Ordering::Acquire) == SUSPENDED_STATE
    }

    pub fn gen_kind(&self) -> GenKind {
        let ty = self.header.ty();
        let t = types();
        if ty == t.coroutine {
            GenKind::Coroutine
        } else if ty == t.async_generator {
            GenKind::AsyncGenerator
        } else {
            GenKind::Generator
        }
    }

    /// A generator whose code is flagged CO_ITERABLE_COROUTINE
    /// (`types.coroutine`): `await` accepts it.
    pub fn is_iterable_coroutine(&self) -> bool {
        self.gen_kind() == GenKind::Generator
            && self.frame.code.flags & coflags::ITERABLE_COROUTINE != 0
    }

    fn kind_name(&self) -> &'static str {
        match self.gen_kind() {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }

    pub fn code_value(&self) -> Value {
        self.frame.code.value()
    }

    /// Resumes the frame. `closing`: called from `close()` (an exhausted
    /// coroutine then stays silent).
    fn resume(&self, ts: &mut ThreadState, entry: Entry, closing: bool) -> PyResult<Step> {
        let st = self.state.load(Ordering::Acquire);
        if st == RUNNING {
            return Err(ts.value_error(format!("{} already executing", self.kind_name())));
        }
        if st == FINISHED {
            if self.gen_kind() == GenKind::Coroutine && !closing {
                self.pending.set(Value::NULL);
                return Err(ts.runtime_error("cannot reuse already awaited coroutine"));
            }
            return match entry {
                Entry::Throw => Err(self.take_pending(ts)),
                Entry::Send(_) | Entry::Continue => Ok(Step::Return(Value::NONE)),
            };
        }
        if st == CREATED {
            match entry {
                Entry::Send(v) if !v.is_none() => {
                    return Err(ts.type_error(format!(
                        "can't send non-None value to a just-started {}",
                        self.kind_name()
                    )));
                }
                Entry::Throw => return self.throw_into_created(ts),
                _ => {}
            }
        }
        let limit = crate::interp::recursion_limit();
        if ts.depth >= limit || ts.native_stack_exhausted() {
            self.pending.set(Value::NULL);
            return Err(ts.recursion_exceeded(""));
        }
        if self
            .state
            .compare_exchange(st, RUNNING, Ordering::AcqRel, Ordering::Acquire)
            .is_err()
        {
            return Err(ts.value_error(format!("{} already executing", self.kind_name())));
        }
        let f = self.frame_ptr();
        let throw = matches!(entry, Entry::Throw);
        // SAFETY: the generator is RUNNING on this thread only (the CAS
        // above), so its frame is ours to link and modify.
        unsafe {
            let fr = &mut *f;
            if let Entry::Send(v) = entry {
                if st == SUSPENDED_STATE {
                    let idx = fr.code.nlocalsplus() + fr.sp as usize;
                    fr.slots()[idx] = v;
                    fr.sp += 1;
                }
            }
            fr.flags = (fr.flags & !(SUSPENDED | ASYNC_WRAPPED | THROW))
                | fflags::ENTRY
                | if throw { THROW } else { 0 };
            fr.prev = ts.top_frame();
        }
        ts.set_top_frame(f);
        ts.depth += 1;
        let outer = ts.exc_info();
        let saved = self.exc_state.get();
        if !saved.is_null() {
            ts.set_exc_info(saved);
            // An exception thrown in while the generator was handling one
            // at its `yield` has that one as its context, as if raised
            // there (CPython's `_PyErr_ChainStackItem` in gen_send_ex).
            let pending = self.pending.get();
            if throw && !saved.is_none() && pending.downcast::<ExcObj>().is_some() {
                crate::objects::exception::set_context_on_raise(ts, PyErr::from_exception(pending));
            }
        }
        let r = crate::interpreter::run_frame(ts, f);
        // The frame's slots were written as a root while it ran.
        crate::gc::barrier::object_rewritten(&self.header);
        let now = ts.exc_info();
        ts.set_exc_info(outer);
        // SAFETY: as above; the loop has unlinked the frame.
        let flags = unsafe { (*f).flags };
        match r {
            Ok(v) if flags & SUSPENDED != 0 => {
                self.exc_state
                    .set(if now != outer { now } else { Value::NULL });
                if self.header.flags() & crate::object::flags::FINALIZABLE == 0
                    && self.frame.code.handler_for(self.frame.lasti).is_some()
                {
                    // Suspended inside a `try`/`with`: a `finally`,
                    // `except` or `__exit__` is waiting, so close it when
                    // it is collected (`__del__`).
                    self.register_finalizer();
                }
                self.state.store(SUSPENDED_STATE, Ordering::Release);
                Ok(if flags & ASYNC_WRAPPED != 0 {
                    Step::AsyncYield(v)
                } else {
                    Step::Yield(v)
                })
            }
            Ok(v) => {
                self.finish();
                Ok(Step::Return(v))
            }
            Err(e) => {
                self.finish();
                Err(self.escaping_error(ts, e))
            }
        }
    }

    /// The exception a finished frame lets out: StopIteration (and, from
    /// an async generator, StopAsyncIteration) becomes a RuntimeError
    /// caused by it (PEP 479).
    fn escaping_error(&self, ts: &mut ThreadState, e: PyErr) -> PyErr {
        let kind = self.gen_kind();
        let msg = if e.matches(types().stop_iteration) {
            format!("{} raised StopIteration", self.kind_name())
        } else if kind == GenKind::AsyncGenerator && e.matches(types().stop_async_iteration) {
            "async generator raised StopAsyncIteration".to_string()
        } else {
            return e;
        };
        let re = ts.runtime_error(msg);
        re.exc().set_cause(e.value());
        re.exc().context.set(e.value());
        re
    }

    fn take_pending(&self, ts: &mut ThreadState) -> PyErr {
        let e = self.pending.swap(Value::NULL);
        if e.downcast::<ExcObj>().is_some() {
            PyErr::from_exception(e)
        } else {
            ts.system_error("generator throw without an exception")
        }
    }

    /// `throw()` into a generator that has not started: the frame starts
    /// by raising, which ends it; the traceback names the `def` line.
    fn throw_into_created(&self, ts: &mut ThreadState) -> PyResult<Step> {
        if self
            .state
            .compare_exchange(CREATED, RUNNING, Ordering::AcqRel, Ordering::Acquire)
            .is_err()
        {
            return Err(ts.value_error(format!("{} already executing", self.kind_name())));
        }
        let e = self.take_pending(ts);
        let code = self.frame.code;
        crate::objects::traceback::add_entry(
            ts,
            e,
            code.value(),
            self.frame.globals.value(),
            crate::objects::traceback::NO_POSITION,
            code.first_line,
        );
        self.finish();
        Err(self.escaping_error(ts, e))
    }

    /// Registers the object for finalization (once).
    pub fn register_finalizer(&self) {
        if self.header.flags() & crate::object::flags::FINALIZABLE == 0 {
            crate::gc::collect::register_finalizer(&self.header);
        }
    }

    fn finish(&self) {
        self.exc_state.set(Value::NULL);
        // Drop the frame's references (a finished generator keeps nothing).
        let f = &self.frame;
        for s in f.slots().iter_mut() {
            *s = Value::NULL;
        }
        self.state.store(FINISHED, Ordering::Release);
    }

    /// `send(v)` for the interpreter's SEND and `next()`.
    pub fn send_raw(&self, ts: &mut ThreadState, v: Value) -> PyResult<SendResult> {
        self.resume(ts, Entry::Send(v), false).map(Step::into_send)
    }

    /// `send(v)`, telling an async generator's own yields apart.
    pub fn send_step(&self, ts: &mut ThreadState, v: Value) -> PyResult<Step> {
        self.resume(ts, Entry::Send(v), false)
    }

    /// The sub-iterator the suspended frame delegates to (inside `yield
    /// from` / `await`), if any. The caller must own the frame (state
    /// RUNNING by its own claim) or accept a racy answer.
    fn delegate_of_frame(&self) -> Option<Value> {
        let f = &self.frame;
        let code = f.code;
        let pc = f.pc as usize;
        if pc >= code.instrs().len() || f.flags & SUSPENDED == 0 {
            return None;
        }
        let next = code.instr(pc);
        if next.op() != Op::JumpBackwardNoInterrupt {
            return None;
        }
        let send = code.instr(next.a() as usize);
        if send.op() != Op::Send || f.sp == 0 {
            return None;
        }
        Some(f.slots()[code.nlocalsplus() + f.sp as usize - 1])
    }

    /// `gi_yieldfrom` / `cr_await` / `ag_await`.
    pub fn delegate(&self) -> Option<Value> {
        if self.state.load(Ordering::Acquire) != SUSPENDED_STATE {
            return None;
        }
        self.delegate_of_frame()
    }

    /// Marks a suspended generator RUNNING while `body` works on its
    /// sub-iterator; None if it is not suspended (then nothing runs).
    fn claim(&self) -> bool {
        self.state
            .compare_exchange(
                SUSPENDED_STATE,
                RUNNING,
                Ordering::AcqRel,
                Ordering::Acquire,
            )
            .is_ok()
    }

    fn release(&self) {
        self.state.store(SUSPENDED_STATE, Ordering::Release);
    }

    /// `throw(typ[, val[, tb]])` (`val`/`tb` NULL when not given).
    /// `close_on_genexit`: a GeneratorExit closes the sub-iterator instead
    /// of being thrown into it (false for async generators, which may
    /// await while closing).
    pub fn throw(
        &self,
        ts: &mut ThreadState,
        typ: Value,
        val: Value,
        tb: Value,
        close_on_genexit: bool,
    ) -> PyResult<Step> {
        if self.claim() {
            let Some(sub) = self.delegate_of_frame() else {
                self.release();
                return self.throw_here(ts, typ, val, tb);
            };
            let is_exit = given_exception_matches(typ, types().generator_exit);
            if is_exit && close_on_genexit {
                let r = close_iter(ts, sub);
                self.release();
                return match r {
                    Ok(()) => self.throw_here(ts, typ, val, tb),
                    Err(e) => self.throw_err(ts, e),
                };
            }
            let ret: PyResult<Step> = if let Some(g) = sub.downcast::<GenObj>() {
                g.throw(ts, typ, val, tb, close_on_genexit)
            } else {
                match ops::getattr_opt(ts, sub, names().throw) {
                    Err(e) => {
                        self.release();
                        return Err(e);
                    }
                    Ok(None) => {
                        self.release();
                        return self.throw_here(ts, typ, val, tb);
                    }
                    Ok(Some(meth)) => {
                        let mut a = [typ, val, tb];
                        let n = if val.is_null() {
                            1
                        } else if tb.is_null() {
                            2
                        } else {
                            3
                        };
                        if n > 1 && a[1].is_null() {
                            a[1] = Value::NONE;
                        }
                        ops::call(ts, meth, &a[..n], None).map(Step::Yield)
                    }
                }
            };
            self.release();
            let err = match ret {
                Ok(Step::Return(r)) => return self.finish_delegation(ts, r),
                Ok(step) => return Ok(step),
                Err(e) => e,
            };
            if err.matches(types().stop_iteration) {
                let r = err.exc().stop_iteration_value();
                return self.finish_delegation(ts, r);
            }
            return self.throw_err(ts, err);
        }
        self.throw_here(ts, typ, val, tb)
    }

    /// The sub-iterator of a `yield from` finished with `r` during a
    /// `throw`: continue after the delegation loop with `r` as its value.
    fn finish_delegation(&self, ts: &mut ThreadState, r: Value) -> PyResult<Step> {
        if !self.claim() {
            return Err(ts.value_error(format!("{} already executing", self.kind_name())));
        }
        let f = self.frame_ptr();
        // SAFETY: we own the suspended frame (claim); it is inside the
        // delegation loop (checked again here).
        unsafe {
            let fr = &mut *f;
            let code = fr.code;
            let pc = fr.pc as usize;
            let jump = code.instr(pc);
            let send = code.instr(jump.a() as usize);
            if jump.op() == Op::JumpBackwardNoInterrupt && send.op() == Op::Send && fr.sp > 0 {
                let idx = code.nlocalsplus() + fr.sp as usize - 1;
                fr.slots()[idx] = r;
                fr.pc = send.a();
            }
        }
        self.release();
        self.resume(ts, Entry::Continue, false)
    }

    /// Raises `e` (already an exception) at the suspension point.
    pub fn throw_err(&self, ts: &mut ThreadState, e: PyErr) -> PyResult<Step> {
        self.pending.set(e.value());
        self.resume(ts, Entry::Throw, false)
    }

    fn throw_here(
        &self,
        ts: &mut ThreadState,
        typ: Value,
        val: Value,
        tb: Value,
    ) -> PyResult<Step> {
        let e = throw_exception(ts, typ, val, tb)?;
        self.throw_err(ts, e)
    }

    /// `close()`.
    pub fn close(&self, ts: &mut ThreadState) -> PyResult<()> {
        let st = self.state.load(Ordering::Acquire);
        if st == CREATED {
            if self
                .state
                .compare_exchange(CREATED, FINISHED, Ordering::AcqRel, Ordering::Acquire)
                .is_ok()
            {
                self.finish();
            }
            return Ok(());
        }
        let mut err = None;
        if self.claim() {
            if let Some(sub) = self.delegate_of_frame() {
                err = close_iter(ts, sub).err();
            }
            self.release();
        }
        let exc = match err {
            Some(e) => e,
            None => ts.new_error_with(types().generator_exit, &[]),
        };
        self.pending.set(exc.value());
        match self.resume(ts, Entry::Throw, true) {
            Ok(Step::Yield(_)) | Ok(Step::AsyncYield(_)) => {
                Err(ts.runtime_error(format!("{} ignored GeneratorExit", self.kind_name())))
            }
            Ok(Step::Return(_)) => Ok(()),
            Err(e) if e.matches(types().generator_exit) || e.matches(types().stop_iteration) => {
                Ok(())
            }
            Err(e) => Err(e),
        }
    }
}

/// Whether `typ` (a class or an instance) is or is an instance of `base`.
pub fn given_exception_matches(typ: Value, base: Gc<TypeObj>) -> bool {
    if let Some(t) = typ.downcast::<TypeObj>() {
        return t.is_subtype(base);
    }
    if let Some(tup) = typ.downcast::<TupleObj>() {
        return tup
            .items()
            .iter()
            .any(|&x| given_exception_matches(x, base));
    }
    typ.downcast::<ExcObj>().is_some() && base.instance_check(typ)
}

/// Closes the sub-iterator of a `yield from` / `await`.
fn close_iter(ts: &mut ThreadState, sub: Value) -> PyResult<()> {
    if let Some(g) = sub.downcast::<GenObj>() {
        if g.gen_kind() != GenKind::AsyncGenerator {
            return g.close(ts);
        }
    }
    if let Some(c) = ops::getattr_opt(ts, sub, names().close)? {
        ops::call0(ts, c)?;
    }
    Ok(())
}

/// The exception `throw(typ[, val[, tb]])` raises, by CPython's rules
/// (`val`/`tb` NULL when not given).
pub fn throw_exception(ts: &mut ThreadState, typ: Value, val: Value, tb: Value) -> PyResult<PyErr> {
    let val = if val.is_null() { Value::NONE } else { val };
    let tb = if tb.is_null() || tb.is_none() {
        Value::NULL
    } else {
        tb
    };
    if !tb.is_null()
        && tb
            .downcast::<crate::objects::traceback::TracebackObj>()
            .is_none()
    {
        return Err(ts.type_error("throw() third argument must be a traceback object"));
    }
    let exc = if let Some(t) = typ
        .downcast::<TypeObj>()
        .filter(|t| t.is_subtype(types().base_exception))
    {
        if val.downcast::<ExcObj>().is_some() && t.instance_check(val) {
            val
        } else {
            let inst = if val.is_none() {
                ops::call0(ts, typ)?
            } else if let Some(tup) = val.downcast::<TupleObj>() {
                ops::call(ts, typ, tup.items(), None)?
            } else {
                ops::call1(ts, typ, val)?
            };
            if inst.downcast::<ExcObj>().is_none() {
                let r = ops::repr_string(ts, typ)?;
                let rt = ops::repr_string(ts, crate::objects::typeobj::type_of(inst).value())?;
                return Err(ts.type_error(format!(
                    "calling {r} should have returned an instance of BaseException, not {rt}"
                )));
            }
            inst
        }
    } else if typ.downcast::<ExcObj>().is_some() {
        if !val.is_none() {
            return Err(ts.type_error("instance exception may not have a separate value"));
        }
        typ
    } else {
        return Err(ts.type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            type_name(typ)
        )));
    };
    let e = PyErr::from_exception(exc);
    if !tb.is_null() {
        e.exc().traceback.set(tb);
    }
    Ok(e)
}

/// Checks `throw`'s argument count (1 to 3 after the receiver).
pub fn throw_args(ts: &mut ThreadState, name: &str, args: &[Value]) -> PyResult<[Value; 3]> {
    let n = args.len();
    if n == 0 {
        return Err(ts.type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    if n > 3 {
        return Err(ts.type_error(format!("{name} expected at most 3 arguments, got {n}")));
    }
    Ok([
        args[0],
        args.get(1).copied().unwrap_or(Value::NULL),
        args.get(2).copied().unwrap_or(Value::NULL),
    ])
}

fn this(ts: &mut ThreadState, v: Value) -> PyResult<Gc<GenObj>> {
    v.downcast::<GenObj>()
        .ok_or_else(|| ts.type_error(format!("expected a generator, got {}", type_name(v))))
}

fn gen_iter(_ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(v)
}

fn gen_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let g = this(ts, v)?;
    match g.send_raw(ts, Value::NONE)? {
        SendResult::Yielded(y) => Ok(Some(y)),
        SendResult::Returned(_) => Ok(None),
    }
}

/// `next(gen)` keeping the return value in the StopIteration.
pub fn gen_next_with_value(ts: &mut ThreadState, g: Gc<GenObj>) -> PyResult<Value> {
    match g.send_raw(ts, Value::NONE)? {
        SendResult::Yielded(y) => Ok(y),
        SendResult::Returned(r) => Err(ts.stop_iteration(r)),
    }
}

/// A step as a method result: a yield is returned, a return raises
/// `StopIteration(value)`.
pub fn step_result(ts: &mut ThreadState, s: Step) -> PyResult<Value> {
    match s {
        Step::Yield(y) | Step::AsyncYield(y) => Ok(y),
        Step::Return(r) => Err(ts.stop_iteration(r)),
    }
}

fn no_kw(ts: &mut ThreadState, name: &str, kw: Option<Gc<TupleObj>>) -> PyResult<()> {
    if kw.map(|k| k.len()).unwrap_or(0) > 0 {
        return Err(ts.type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

fn m_send(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    no_kw(ts, "send", kw)?;
    let g = this(ts, args[0])?;
    if args.len() != 2 {
        return Err(ts.type_error(format!(
            "{}.send() takes exactly one argument ({} given)",
            type_name(args[0]),
            args.len() - 1
        )));
    }
    let s = g.send_step(ts, args[1])?;
    step_result(ts, s)
}

fn m_next(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let g = this(ts, args[0])?;
    gen_next_with_value(ts, g)
}

fn m_throw(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    no_kw(ts, "throw", kw)?;
    let g = this(ts, args[0])?;
    let [typ, val, tb] = throw_args(ts, "throw", &args[1..])?;
    let s = g.throw(ts, typ, val, tb, true)?;
    step_result(ts, s)
}

fn m_close(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let g = this(ts, args[0])?;
    if args.len() > 1 {
        return Err(ts.type_error(format!(
            "{}.close() takes no arguments ({} given)",
            type_name(args[0]),
            args.len() - 1
        )));
    }
    g.close(ts)?;
    Ok(Value::NONE)
}

fn m_await(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let _ = this(ts, args[0])?;
    Ok(crate::objects::coroutine_wrapper::new(ts, args[0]))
}

/// `__del__` (CPython's `_PyGen_Finalize`): a collected generator that is
/// still suspended is closed, so its `finally` blocks run; an async
/// generator with a finalizer hook is handed to the hook instead. Errors
/// are reported as unraisable.
fn m_del(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let g = this(ts, args[0])?;
    let st = g.state.load(Ordering::Acquire);
    if st == FINISHED || st == CREATED {
        return Ok(Value::NONE);
    }
    let saved = ts.exc_info();
    let r = if g.gen_kind() == GenKind::AsyncGenerator {
        let fin = g.finalizer.get();
        if !fin.is_null() && !g.closed.load(Ordering::Acquire) {
            ops::call1(ts, fin, args[0]).map(|_| ())
        } else {
            g.close(ts)
        }
    } else {
        g.close(ts)
    };
    ts.set_exc_info(saved);
    if let Err(e) = r {
        crate::report_unraisable(ts, e, args[0]);
    }
    Ok(Value::NONE)
}

fn gen_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let g = this(ts, v)?;
    let q = crate::objects::str::as_str(g.qualname.get()).unwrap_or("?");
    let kind = match g.gen_kind() {
        GenKind::AsyncGenerator => "async_generator",
        _ => g.kind_name(),
    };
    let s = format!("<{} object {} at {:#x}>", kind, q, v.addr_unchecked());
    Ok(StrObj::new(ts, &s))
}

fn get_name(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(this(ts, v)?.name.get())
}
fn set_name(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let g = this(ts, v)?;
    match x {
        Some(s) if s.downcast::<StrObj>().is_some() => {
            g.name.set(s);
            Ok(())
        }
        _ => Err(ts.type_error("__name__ must be set to a string object")),
    }
}
fn get_qualname(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(this(ts, v)?.qualname.get())
}
fn set_qualname(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let g = this(ts, v)?;
    match x {
        Some(s) if s.downcast::<StrObj>().is_some() => {
            g.qualname.set(s);
            Ok(())
        }
        _ => Err(ts.type_error("__qualname__ must be set to a string object")),
    }
}
fn get_running(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(this(ts, v)?.is_running()))
}
fn get_code(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(this(ts, v)?.frame.code.value())
}
/// `gi_frame` / `cr_frame` / `ag_frame`: None once finished.
pub fn get_frame(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let g = this(ts, v)?;
    let f = g.frame_ptr();
    // Running on this thread: the live frame, as `sys._getframe()` sees it.
    let mut cur = ts.top_frame();
    while !cur.is_null() {
        if std::ptr::eq(cur, f) {
            return Ok(crate::objects::frame::FrameObj::from_live(ts, f));
        }
        // SAFETY: frames in this thread's chain are live.
        cur = unsafe { (*cur).prev };
    }
    let st = g.state.load(Ordering::Acquire);
    if st == FINISHED {
        return Ok(Value::NONE);
    }
    // Not running: hold it (so no thread resumes it meanwhile) and read its
    // locals. One running on another thread is shown without them.
    let held = (st == CREATED || st == SUSPENDED_STATE)
        && g.state
            .compare_exchange(st, RUNNING, Ordering::AcqRel, Ordering::Acquire)
            .is_ok();
    // SAFETY: the frame is not running (held above) or only its header
    // fields are read.
    let fr = unsafe { &*f };
    let locals = if held {
        crate::objects::frame::live_locals(ts, fr)
    } else {
        Ok(Value::NULL)
    };
    if held {
        g.state.store(st, Ordering::Release);
    }
    let locals = locals?;
    let (lasti, lineno) = if st == CREATED {
        (crate::objects::traceback::NO_POSITION, fr.code.first_line)
    } else {
        (fr.lasti, fr.code.line_of(fr.lasti as usize))
    };
    let fo = ts.alloc(crate::objects::frame::FrameObj {
        header: Header::new(types().frame, Kind::Frame, 0),
        code: Slot::new(fr.code.value()),
        globals: Slot::new(fr.globals.value()),
        locals: Slot::new(locals),
        back: Slot::new(Value::NONE),
        lasti: std::sync::atomic::AtomicU32::new(lasti),
        lineno: std::sync::atomic::AtomicU32::new(lineno),
    });
    Ok(fo.value())
}
/// `gi_yieldfrom` / `cr_await` / `ag_await`.
pub fn get_yieldfrom(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(this(ts, v)?.delegate().unwrap_or(Value::NONE))
}
fn get_suspended(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(this(ts, v)?.is_suspended()))
}
fn get_origin(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let _ = this(ts, v)?;
    Ok(Value::NONE)
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let g = t.generator;
    g.slots.iter.set(Some(gen_iter));
    g.slots.next.set(Some(gen_next));
    for ty in [t.generator, t.coroutine, t.async_generator] {
        ty.slots.repr.set(Some(gen_repr));
        add_methods(ts, ty, &[method("__del__", m_del)]);
        add_getset(ts, ty, "__name__", get_name, Some(set_name));
        add_getset(ts, ty, "__qualname__", get_qualname, Some(set_qualname));
    }
    for ty in [t.generator, t.coroutine] {
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
    add_methods(ts, g, &[method("__next__", m_next)]);
    add_getset(ts, g, "gi_running", get_running, None);
    add_getset(ts, g, "gi_code", get_code, None);
    add_getset(ts, g, "gi_frame", get_frame, None);
    add_getset(ts, g, "gi_yieldfrom", get_yieldfrom, None);
    add_getset(ts, g, "gi_suspended", get_suspended, None);
    let c = t.coroutine;
    add_methods(ts, c, &[method("__await__", m_await)]);
    add_getset(ts, c, "cr_running", get_running, None);
    add_getset(ts, c, "cr_code", get_code, None);
    add_getset(ts, c, "cr_frame", get_frame, None);
    add_getset(ts, c, "cr_await", get_yieldfrom, None);
    add_getset(ts, c, "cr_suspended", get_suspended, None);
    add_getset(ts, c, "cr_origin", get_origin, None);
    let a = t.async_generator;
    add_getset(ts, a, "ag_code", get_code, None);
    add_getset(ts, a, "ag_frame", get_frame, None);
    add_getset(ts, a, "ag_await", get_yieldfrom, None);
}
