//! Generators and coroutines.
//!
//! A generator object carries its own interpreter frame (header and slots
//! inline, after the generator's fields). Resuming links that frame into
//! the thread's chain as an ENTRY frame and runs it until `YIELD_VALUE`
//! (which flags the frame SUSPENDED and returns) or a return or an
//! exception. While suspended the frame is traced through the generator.
//!
//! The exception a generator is handling when it suspends (`sys.exc_info()`
//! inside an `except` block) is saved in `exc_state` and restored on
//! resumption, so it does not leak into the caller.

use ftpy_compiler::code::flags as coflags;
use ftpy_compiler::Op;
use std::sync::atomic::{AtomicU8, Ordering};

use crate::error::{PyErr, PyResult};
use crate::gc::{Marker, Slot};
use crate::interp::{names, types, BuiltinTypes};
use crate::interpreter::frame::{fflags, Frame};
use crate::interpreter::helpers::SendResult;
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::function::FunctionObj;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, type_of};
use crate::objects::{add_getset, add_methods, method};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

/// Frame flag: suspended at a `YIELD_VALUE`.
pub const SUSPENDED: u32 = 32;
/// Frame flag: resume by raising `GenObj::pending`.
pub const THROW: u32 = 64;

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
        self.frame.trace(m);
    }
}

impl GenObj {
    /// Calls a generator (or coroutine) function: makes the generator with
    /// its arguments bound, runs nothing.
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
            return Err(ts.not_implemented_error("async generators are not supported by ftpy yet"));
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

    fn kind_name(&self) -> &'static str {
        if self.header.ty() == types().coroutine {
            "coroutine"
        } else {
            "generator"
        }
    }

    /// Resumes with `v` (or, with `throw`, by raising `pending`).
    fn resume(&self, ts: &mut ThreadState, v: Value, throw: bool) -> PyResult<SendResult> {
        let st = self.state.load(Ordering::Acquire);
        if st == RUNNING {
            return Err(ts.value_error(format!("{} already executing", self.kind_name())));
        }
        if st == FINISHED {
            if throw {
                let e = self.pending.swap(Value::NULL);
                return Err(PyErr::from_exception(e));
            }
            if self.header.ty() == types().coroutine {
                return Err(ts.runtime_error("cannot reuse already awaited coroutine"));
            }
            return Ok(SendResult::Returned(Value::NONE));
        }
        if st == CREATED && !throw && !v.is_none() {
            return Err(ts.type_error(format!(
                "can't send non-None value to a just-started {}",
                self.kind_name()
            )));
        }
        let limit = crate::interp::recursion_limit();
        if ts.depth >= limit {
            return Err(ts.recursion_exceeded(""));
        }
        if ts.native_stack_exhausted() {
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
        // SAFETY: the generator is RUNNING on this thread only (the CAS
        // above), so its frame is ours to link and modify.
        unsafe {
            let fr = &mut *f;
            if st == SUSPENDED_STATE && !throw {
                let idx = fr.code.nlocalsplus() + fr.sp as usize;
                fr.slots()[idx] = v;
                fr.sp += 1;
            }
            fr.flags = (fr.flags & !SUSPENDED) | fflags::ENTRY | if throw { THROW } else { 0 };
            fr.prev = ts.top_frame();
        }
        ts.set_top_frame(f);
        ts.depth += 1;
        let outer = ts.exc_info();
        let saved = self.exc_state.get();
        if !saved.is_null() {
            ts.set_exc_info(saved);
        }
        let r = crate::interpreter::run_frame(ts, f);
        // The frame's slots were written as a root while it ran.
        crate::gc::barrier::object_rewritten(&self.header);
        let now = ts.exc_info();
        ts.set_exc_info(outer);
        // SAFETY: as above; the loop has unlinked the frame.
        let suspended = unsafe { (*f).flags & SUSPENDED != 0 };
        match r {
            Ok(v) if suspended => {
                self.exc_state
                    .set(if now != outer { now } else { Value::NULL });
                self.state.store(SUSPENDED_STATE, Ordering::Release);
                Ok(SendResult::Yielded(v))
            }
            Ok(v) => {
                self.finish();
                Ok(SendResult::Returned(v))
            }
            Err(e) => {
                self.finish();
                if e.matches(types().stop_iteration) {
                    let msg = format!("{} raised StopIteration", self.kind_name());
                    let re = ts.runtime_error(msg);
                    re.exc().set_cause(e.value());
                    re.exc().context.set(e.value());
                    return Err(re);
                }
                Err(e)
            }
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

    /// `send(v)` for the interpreter's SEND and the `send` method.
    pub fn send_raw(&self, ts: &mut ThreadState, v: Value) -> PyResult<SendResult> {
        self.resume(ts, v, false)
    }

    /// The sub-iterator this generator delegates to (suspended inside
    /// `yield from` / `await`), if any.
    fn delegate(&self) -> Option<Value> {
        if self.state.load(Ordering::Acquire) != SUSPENDED_STATE {
            return None;
        }
        let f = &self.frame;
        let code = f.code;
        let pc = f.pc as usize;
        if pc >= code.instrs().len() {
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

    /// `throw(exc)`.
    pub fn throw(&self, ts: &mut ThreadState, exc: PyErr) -> PyResult<SendResult> {
        let st = self.state.load(Ordering::Acquire);
        if st == CREATED {
            self.finish();
            return Err(exc);
        }
        if let Some(sub) = self.delegate() {
            let is_exit = exc.matches(types().generator_exit);
            let sub_result: Option<PyResult<SendResult>> = if is_exit {
                // Close the sub-iterator, then raise GeneratorExit here.
                if let Some(g) = sub.downcast::<GenObj>() {
                    if let Err(e) = g.close(ts) {
                        return self.throw_here(ts, e);
                    }
                } else if let Some(c) = ops::getattr_opt(ts, sub, names().close)? {
                    if let Err(e) = ops::call0(ts, c) {
                        return self.throw_here(ts, e);
                    }
                }
                None
            } else if let Some(g) = sub.downcast::<GenObj>() {
                Some(g.throw(ts, exc))
            } else {
                ops::getattr_opt(ts, sub, names().throw)?.map(|t| {
                    match ops::call1(ts, t, exc.value()) {
                        Ok(v) => Ok(SendResult::Yielded(v)),
                        Err(e) if e.matches(types().stop_iteration) => {
                            Ok(SendResult::Returned(e.exc().stop_iteration_value()))
                        }
                        Err(e) => Err(e),
                    }
                })
            };
            match sub_result {
                Some(Ok(SendResult::Yielded(v))) => return Ok(SendResult::Yielded(v)),
                Some(Ok(SendResult::Returned(r))) => {
                    // The `yield from` finished: continue after it with r.
                    let f = self.frame_ptr();
                    // SAFETY: suspended, so the frame is not running.
                    unsafe {
                        let fr = &mut *f;
                        let code = fr.code;
                        let jump = code.instr(fr.pc as usize);
                        let send = code.instr(jump.a() as usize);
                        let idx = code.nlocalsplus() + fr.sp as usize - 1;
                        fr.slots()[idx] = r;
                        fr.pc = send.a();
                    }
                    // Resume without pushing a value.
                    return self.resume_no_value(ts);
                }
                Some(Err(e)) => return self.throw_here(ts, e),
                None => {}
            }
        }
        self.throw_here(ts, exc)
    }

    fn throw_here(&self, ts: &mut ThreadState, exc: PyErr) -> PyResult<SendResult> {
        self.pending.set(exc.value());
        self.resume(ts, Value::NONE, true)
    }

    fn resume_no_value(&self, ts: &mut ThreadState) -> PyResult<SendResult> {
        // A resume that pushes nothing: pretend to throw nothing.
        let f = self.frame_ptr();
        // SAFETY: suspended; undo the push `resume` would make by
        // lowering sp first (the slot we overwrite is the value just
        // stored above it).
        unsafe {
            (*f).sp -= 1;
        }
        let r_slot = {
            // SAFETY: as above.
            let fr = unsafe { &*f };
            fr.slots()[fr.code.nlocalsplus() + fr.sp as usize]
        };
        self.resume(ts, r_slot, false)
    }

    /// `close()`.
    pub fn close(&self, ts: &mut ThreadState) -> PyResult<()> {
        let st = self.state.load(Ordering::Acquire);
        if st == CREATED || st == FINISHED {
            self.finish();
            return Ok(());
        }
        let exit = ts.new_error_with(types().generator_exit, &[]);
        match self.throw(ts, exit) {
            Ok(SendResult::Yielded(_)) => {
                Err(ts.runtime_error(format!("{} ignored GeneratorExit", self.kind_name())))
            }
            Ok(SendResult::Returned(_)) => Ok(()),
            Err(e) if e.matches(types().generator_exit) || e.matches(types().stop_iteration) => {
                Ok(())
            }
            Err(e) => Err(e),
        }
    }
}

/// Wraps a value yielded by an async generator (not supported yet: async
/// generator functions raise NotImplementedError when called).
pub fn wrap_async_value(_ts: &mut ThreadState, v: Value) -> Value {
    v
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

fn m_send(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let g = this(ts, args[0])?;
    let v = args.get(1).copied().unwrap_or(Value::NONE);
    match g.send_raw(ts, v)? {
        SendResult::Yielded(y) => Ok(y),
        SendResult::Returned(r) => Err(ts.stop_iteration(r)),
    }
}

fn m_next(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let g = this(ts, args[0])?;
    gen_next_with_value(ts, g)
}

fn m_throw(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let g = this(ts, args[0])?;
    let Some(&typ) = args.get(1) else {
        return Err(ts.type_error("throw expected at least 1 argument, got 0"));
    };
    let val = args.get(2).copied().unwrap_or(Value::NONE);
    let exc = if typ
        .downcast::<crate::objects::exception::ExcObj>()
        .is_some()
    {
        PyErr::from_exception(typ)
    } else if let Some(t) = typ.downcast::<crate::objects::typeobj::TypeObj>() {
        if !t.is_subtype(types().base_exception) {
            return Err(ts.type_error(format!(
                "exceptions must be classes or instances deriving from BaseException, not {}",
                type_name(typ)
            )));
        }
        let inst = if val.is_none() {
            ops::call0(ts, typ)?
        } else if val
            .downcast::<crate::objects::exception::ExcObj>()
            .is_some()
            && t.instance_check(val)
        {
            val
        } else if let Some(tup) = val.downcast::<TupleObj>() {
            ops::call(ts, typ, tup.items(), None)?
        } else {
            ops::call1(ts, typ, val)?
        };
        PyErr::from_exception(inst)
    } else {
        return Err(ts.type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            type_name(typ)
        )));
    };
    match g.throw(ts, exc)? {
        SendResult::Yielded(y) => Ok(y),
        SendResult::Returned(r) => Err(ts.stop_iteration(r)),
    }
}

fn m_close(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let g = this(ts, args[0])?;
    g.close(ts)?;
    Ok(Value::NONE)
}

fn m_await(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let _ = this(ts, args[0])?;
    Ok(args[0])
}

fn gen_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let g = this(ts, v)?;
    let q = crate::objects::str::as_str(g.qualname.get()).unwrap_or("?");
    let s = format!(
        "<{} object {} at {:#x}>",
        g.kind_name(),
        q,
        v.addr_unchecked()
    );
    Ok(StrObj::new(ts, &s))
}

fn get_name(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(this(ts, v)?.name.get())
}
fn get_qualname(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(this(ts, v)?.qualname.get())
}
fn get_running(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(this(ts, v)?.is_running()))
}
fn get_code(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(this(ts, v)?.frame.code.value())
}
fn get_frame(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let g = this(ts, v)?;
    if g.state.load(Ordering::Acquire) == FINISHED {
        return Ok(Value::NONE);
    }
    let f = &g.frame;
    Ok(
        crate::objects::frame::FrameObj::snapshot(ts, f.code.value(), f.globals.value(), f.lasti)
            .value(),
    )
}
fn get_yieldfrom(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(this(ts, v)?.delegate().unwrap_or(Value::NONE))
}
fn get_suspended(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(
        this(ts, v)?.state.load(Ordering::Acquire) == SUSPENDED_STATE,
    ))
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let g = t.generator;
    g.slots.iter.set(Some(gen_iter));
    g.slots.next.set(Some(gen_next));
    for ty in [t.generator, t.coroutine] {
        ty.slots.repr.set(Some(gen_repr));
        add_methods(
            ts,
            ty,
            &[
                method("send", m_send),
                method("throw", m_throw),
                method("close", m_close),
            ],
        );
        add_getset(ts, ty, "__name__", get_name, None);
        add_getset(ts, ty, "__qualname__", get_qualname, None);
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
    let _ = type_of;
}
