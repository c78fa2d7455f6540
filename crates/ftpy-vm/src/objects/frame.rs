//! `frame` objects: Python-visible snapshots of interpreter frames
//! (`tb_frame`, `sys._getframe()`). The interpreter's own frames are not
//! objects (see `interpreter::frame`); these are made on request.

use crate::error::PyResult;
use crate::gc::{Marker, Slot};
use crate::interp::{types, BuiltinTypes};
use crate::interpreter::frame::Frame;
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::add_getset;
use crate::objects::code::CodeObj;
use crate::objects::dict::DictObj;
use crate::objects::str::StrObj;
use crate::thread::ThreadState;
use crate::value::Value;

#[repr(C)]
pub struct FrameObj {
    pub header: Header,
    pub code: Slot,
    pub globals: Slot,
    pub locals: Slot,
    pub back: Slot,
    pub lasti: u32,
    pub lineno: u32,
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
            lasti,
            lineno,
        })
    }

    /// A frame object for a live frame and the frames below it. `f` must
    /// be null or a frame in the current thread's live chain (the only
    /// callers pass `ts`'s own frames).
    #[allow(clippy::not_unsafe_ptr_arg_deref)]
    pub fn from_live(ts: &mut ThreadState, f: *const Frame) -> Value {
        if f.is_null() {
            return Value::NONE;
        }
        // SAFETY: `f` is in the current thread's live frame chain.
        let fr = unsafe { &*f };
        let back = Self::from_live(ts, fr.prev);
        let locals = live_locals(ts, fr);
        let lasti = fr.lasti;
        ts.alloc(FrameObj {
            header: Header::new(types().frame, Kind::Frame, 0),
            code: Slot::new(fr.code.value()),
            globals: Slot::new(fr.globals.value()),
            locals: Slot::new(locals),
            back: Slot::new(back),
            lasti,
            lineno: fr.code.line_of(lasti as usize),
        })
        .value()
    }
}

/// `locals()` of a live frame: the mapping of module/class frames, or a
/// new dict of a function's bound locals (and cells).
pub fn live_locals(ts: &mut ThreadState, fr: &Frame) -> Value {
    if !fr.locals.is_null() {
        return fr.locals;
    }
    if fr.func.is_null() {
        return fr.globals.value();
    }
    let code = fr.code;
    let d = DictObj::new(ts);
    let slots = fr.slots();
    for i in 0..code.nlocals {
        let v = slots[i as usize];
        if !v.is_null() {
            let n = code.varname(i);
            let _ = d.set_item(ts, n.value(), v);
        }
    }
    for i in 0..code.ncells + code.nfree {
        let c = slots[(code.nlocals + i) as usize];
        if let Some(cell) = c.downcast::<crate::objects::cell::CellObj>() {
            let v = cell.value.get();
            if !v.is_null() {
                let n = code.deref_name(i);
                let _ = d.set_item(ts, n.value(), v);
            }
        }
    }
    d.value()
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
fn get_back(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(this(ts, v)?.back.get())
}
fn get_lineno(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::small_int_unchecked(this(ts, v)?.lineno as i64))
}
fn get_lasti(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let l = this(ts, v)?.lasti;
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

fn frame_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let f = this(ts, v)?;
    let (file, name) = match f.code.get().downcast::<CodeObj>() {
        Some(c) => (c.filename_str(), c.name_str()),
        None => ("?", "?"),
    };
    let s = format!(
        "<frame at {:#x}, file '{file}', line {}, code {name}>",
        v.addr_unchecked(),
        f.lineno
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
}
