//! `frame` objects: Python-visible snapshots of interpreter frames
//! (`tb_frame`, `sys._getframe()`). The interpreter's own frames are not
//! objects (see `interpreter::frame`); these are made on request, one per
//! frame activation (kept in `Frame::frame_obj`), and refreshed (line,
//! locals, caller) each time that activation is asked for again.

use std::sync::atomic::{AtomicU32, Ordering};

use crate::builtins::args::Sig;
use crate::error::PyResult;
use crate::gc::{Marker, Slot};
use crate::interp::{types, BuiltinTypes};
use crate::interpreter::frame::Frame;
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::code::CodeObj;
use crate::objects::dict::DictObj;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::{add_getset, add_methods, method};
use crate::thread::ThreadState;
use crate::value::Value;

#[repr(C)]
pub struct FrameObj {
    pub header: Header,
    pub code: Slot,
    pub globals: Slot,
    pub locals: Slot,
    pub back: Slot,
    /// Written by the frame's own thread when it refreshes the object;
    /// atomics since another thread may read a shared frame object.
    pub lasti: AtomicU32,
    pub lineno: AtomicU32,
}

// SAFETY: repr(C), Header first; traces every Slot.
unsafe impl HeapObj for FrameObj {
    const KIND: Kind = Kind::Frame;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.code);
        m.slot(&self.globals);
        m.slot(&self.locals);
        m.slot(&self.back);
    }
}

impl FrameObj {
    /// A frame object for a traceback entry (no locals, no back link).
    pub fn snapshot(ts: &mut ThreadState, code: Value, globals: Value, lasti: u32) -> Gc<FrameObj> {
        // An entry without a position (a generator that has not started)
        // is at the `def` line.
        let lineno = code
            .downcast::<CodeObj>()
            .map(|c| {
                if lasti == crate::objects::traceback::NO_POSITION {
                    c.first_line
                } else {
                    c.line_of(lasti as usize)
                }
            })
            .unwrap_or(0);
        ts.alloc(FrameObj {
            header: Header::new(types().frame, Kind::Frame, 0),
            code: Slot::new(code),
            globals: Slot::new(globals),
            locals: Slot::new(Value::NULL),
            back: Slot::new(Value::NONE),
            lasti: AtomicU32::new(lasti),
            lineno: AtomicU32::new(lineno),
        })
    }

    /// The frame object of a live frame and the frames below it (each
    /// made once per activation, then refreshed). `f` must be null or a
    /// frame in the current thread's live chain (the only callers pass
    /// `ts`'s own frames).
    #[allow(clippy::not_unsafe_ptr_arg_deref)]
    pub fn from_live(ts: &mut ThreadState, f: *const Frame) -> Value {
        if f.is_null() {
            return Value::NONE;
        }
        // SAFETY: `f` is in the current thread's live frame chain.
        let fr = unsafe { &*f };
        let back = Self::from_live(ts, fr.prev);
        let locals = live_locals(ts, fr).unwrap_or(Value::NONE);
        let fo = Self::of_frame(ts, fr, fr.lasti);
        fo.back.set(back);
        fo.locals.set(locals);
        fo.value()
    }

    /// The frame object of live frame `fr` (made if it has none yet),
    /// with its position set to instruction `lasti`. A new one has no
    /// locals and no caller yet (`from_live` fills them).
    pub fn of_frame(ts: &mut ThreadState, fr: &Frame, lasti: u32) -> Gc<FrameObj> {
        let lineno = fr.code.line_of(lasti as usize);
        if let Some(fo) = fr.frame_obj.downcast::<FrameObj>() {
            fo.lasti.store(lasti, Ordering::Relaxed);
            fo.lineno.store(lineno, Ordering::Relaxed);
            return fo;
        }
        let fo = ts.alloc(FrameObj {
            header: Header::new(types().frame, Kind::Frame, 0),
            code: Slot::new(fr.code.value()),
            globals: Slot::new(fr.globals.value()),
            locals: Slot::new(Value::NULL),
            back: Slot::new(Value::NONE),
            lasti: AtomicU32::new(lasti),
            lineno: AtomicU32::new(lineno),
        });
        let p = fr as *const Frame as *mut Frame;
        // SAFETY: `fr` is a live frame of the current thread (callers pass
        // frames from its own chain, or one it is unwinding); the header is
        // interior-mutable (`Frame::_interior`) and only this thread
        // touches it while the frame runs. The collector traces
        // `Frame::frame_obj`.
        unsafe { (*p).frame_obj = fo.value() };
        fo
    }
}

/// `locals()` of a live frame, as CPython 3.11's `PyFrame_FastToLocals`:
/// module and class bodies return their namespace mapping; a function
/// frame keeps one dict (`Frame::locals`, created on first use) that each
/// call refreshes from the fast locals and cells: bound names are
/// (re)set, unbound ones removed, other keys (set through the dict or by
/// `exec`) left alone. So `locals() is locals()` inside a function, and
/// names an `exec` adds stay visible to later `locals()` calls.
pub fn live_locals(ts: &mut ThreadState, fr: &Frame) -> PyResult<Value> {
    let code = fr.code;
    let optimized = code.flags & ftpy_compiler::code::flags::OPTIMIZED != 0;
    let mut locals = fr.locals;
    if locals.is_null() {
        if !optimized {
            return Ok(fr.globals.value());
        }
        locals = DictObj::new(ts).value();
        let p = fr as *const Frame as *mut Frame;
        // SAFETY: `fr` is a live frame of the current thread (the only
        // callers pass frames from its own chain); the frame header is
        // interior-mutable (`Frame::_interior`) and only this thread
        // touches it while the frame runs. The collector traces
        // `Frame::locals`.
        unsafe { (*p).locals = locals };
    }
    let slots = fr.slots();
    for i in 0..code.nlocals {
        let v = slots[i as usize];
        let n = code.varname(i);
        sync_local(ts, locals, n.value(), v)?;
    }
    for i in 0..code.ncells + code.nfree {
        // A class body's free variables are not its locals.
        if i >= code.ncells && !optimized {
            continue;
        }
        let c = slots[(code.nlocals + i) as usize];
        let v = match c.downcast::<crate::objects::cell::CellObj>() {
            Some(cell) => cell.value.get(),
            None => Value::NULL,
        };
        let n = code.deref_name(i);
        sync_local(ts, locals, n.value(), v)?;
    }
    Ok(locals)
}

/// Sets (or, when `v` is NULL, removes) one name in a locals mapping.
fn sync_local(ts: &mut ThreadState, locals: Value, name: Value, v: Value) -> PyResult<()> {
    if v.is_null() {
        match crate::ops::setitem(ts, locals, name, None) {
            Err(e) if e.matches(crate::interp::types().key_error) => Ok(()),
            r => r,
        }
    } else {
        crate::ops::setitem(ts, locals, name, Some(v))
    }
}

fn this(ts: &mut ThreadState, v: Value) -> PyResult<Gc<FrameObj>> {
    v.downcast::<FrameObj>()
        .ok_or_else(|| ts.type_error("expected a frame"))
}

fn get_code(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(this(ts, v)?.code.get())
}
fn get_globals(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(this(ts, v)?.globals.get())
}
fn get_locals(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let f = this(ts, v)?;
    let l = f.locals.get();
    if l.is_null() {
        let d = DictObj::new(ts);
        f.locals.set(d.value());
        return Ok(d.value());
    }
    Ok(l)
}
/// `f_back`: the caller's frame object. A frame object made for a
/// traceback gets its caller linked as the exception passes; one whose
/// caller was never linked and whose frame is still running on this
/// thread (the frame that caught the exception, and its callers) finds it
/// in the live chain.
fn get_back(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let fo = this(ts, v)?;
    let back = fo.back.get();
    if !back.is_none() {
        return Ok(back);
    }
    let mut f = ts.top_frame();
    while !f.is_null() {
        // SAFETY: `f` walks the current thread's live frame chain.
        let fr = unsafe { &*f };
        if fr.frame_obj == v {
            if fr.prev.is_null() {
                return Ok(Value::NONE);
            }
            // SAFETY: the caller of a live frame is live.
            let caller = unsafe { &*fr.prev };
            let b = FrameObj::of_frame(ts, caller, caller.lasti).value();
            fo.back.set(b);
            return Ok(b);
        }
        f = fr.prev;
    }
    Ok(Value::NONE)
}
fn get_lineno(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let l = this(ts, v)?.lineno.load(Ordering::Relaxed);
    Ok(Value::small_int_unchecked(l as i64))
}
fn get_lasti(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let l = this(ts, v)?.lasti.load(Ordering::Relaxed);
    if l == crate::objects::traceback::NO_POSITION {
        return Ok(Value::small_int_unchecked(-1));
    }
    Ok(Value::small_int_unchecked(2 * l as i64))
}
fn get_builtins(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let f = this(ts, v)?;
    match f.globals.get().downcast::<DictObj>() {
        Some(g) => Ok(crate::interpreter::call::builtins_for(ts, g).value()),
        None => Ok(crate::interp::interp().builtins_dict.value()),
    }
}
fn get_trace(_ts: &mut ThreadState, _v: Value) -> PyResult<Value> {
    Ok(Value::NONE)
}

/// `frame.clear()`: drops the frame object's references to its local
/// variables. ftpy's frame objects are snapshots, never the executing frame
/// itself (the interpreter's frames are not objects), so clearing one never
/// disturbs running code; CPython's RuntimeError for a frame that is still
/// executing has no counterpart (docs/deviations.md).
fn frame_clear(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: Sig = Sig::new("frame.clear($self, /)");
    let [f] = SIG.bind(ts, args, kw)?;
    this(ts, f)?.locals.set(Value::NULL);
    Ok(Value::NONE)
}

fn frame_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let f = this(ts, v)?;
    let (file, name) = match f.code.get().downcast::<CodeObj>() {
        Some(c) => (c.filename_str(), c.name_str()),
        None => ("?", "?"),
    };
    let s = format!(
        "<frame at {:#x}, file '{file}', line {}, code {name}>",
        v.addr_unchecked(),
        f.lineno.load(Ordering::Relaxed)
    );
    Ok(StrObj::new(ts, &s))
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let ty = t.frame;
    ty.slots.repr.set(Some(frame_repr));
    add_getset(ts, ty, "f_code", get_code, None);
    add_getset(ts, ty, "f_globals", get_globals, None);
    add_getset(ts, ty, "f_locals", get_locals, None);
    add_getset(ts, ty, "f_back", get_back, None);
    add_getset(ts, ty, "f_lineno", get_lineno, None);
    add_getset(ts, ty, "f_lasti", get_lasti, None);
    add_getset(ts, ty, "f_builtins", get_builtins, None);
    add_getset(ts, ty, "f_trace", get_trace, None);
    add_methods(ts, ty, &[method("clear", frame_clear)]);
}
