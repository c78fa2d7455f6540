//! `_io.IncrementalNewlineDecoder`, and [`NewlineState`], the universal
//! newlines logic that `TextIOWrapper` and `StringIO` also use directly.
//!
//! Universal newlines: `\r\n`, `\r` and `\n` all end a line. Decoding
//! remembers which kinds it has seen (`newlines`) and, when translating,
//! turns the first two into `\n`. A `\r` at the end of a chunk is held
//! back until the next chunk shows whether a `\n` follows.

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::{Marker, Slot};
use ftpy_vm::objects::native::{self, NativeData};
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{type_name, TypeObj};
use ftpy_vm::objects::{add_getset, add_methods, method};
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

use super::lock::IoLock;
use super::{io_types, reentrant, Kw};

pub const SEEN_LF: u8 = 1;
pub const SEEN_CR: u8 = 2;
pub const SEEN_CRLF: u8 = 4;

/// The universal-newlines state. See the module doc.
#[derive(Clone, Debug, Default)]
pub struct NewlineState {
    pub translate: bool,
    pub pendingcr: bool,
    pub seennl: u8,
}

impl NewlineState {
    pub fn new(translate: bool) -> NewlineState {
        NewlineState {
            translate,
            pendingcr: false,
            seennl: 0,
        }
    }

    /// Processes decoded text (generalized UTF-8: only the `\r` and `\n`
    /// bytes matter, and they never occur inside a longer sequence).
    pub fn decode(&mut self, text: &[u8], final_: bool) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() + 1);
        if self.pendingcr && (!text.is_empty() || final_) {
            out.push(b'\r');
            self.pendingcr = false;
        }
        out.extend_from_slice(text);
        if !final_ && out.last() == Some(&b'\r') {
            out.pop();
            self.pendingcr = true;
        }
        self.note(&out);
        if self.translate && out.contains(&b'\r') {
            let mut t = Vec::with_capacity(out.len());
            let mut i = 0;
            while i < out.len() {
                if out[i] == b'\r' {
                    t.push(b'\n');
                    if out.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                } else {
                    t.push(out[i]);
                }
                i += 1;
            }
            out = t;
        }
        out
    }

    /// Records the newline kinds present in `b`.
    fn note(&mut self, b: &[u8]) {
        if !b.contains(&b'\r') {
            if b.contains(&b'\n') {
                self.seennl |= SEEN_LF;
            }
            return;
        }
        let mut i = 0;
        while i < b.len() && self.seennl != SEEN_LF | SEEN_CR | SEEN_CRLF {
            match b[i] {
                b'\r' => {
                    if b.get(i + 1) == Some(&b'\n') {
                        self.seennl |= SEEN_CRLF;
                        i += 1;
                    } else {
                        self.seennl |= SEEN_CR;
                    }
                }
                b'\n' => self.seennl |= SEEN_LF,
                _ => {}
            }
            i += 1;
        }
    }

    pub fn reset(&mut self) {
        self.pendingcr = false;
        self.seennl = 0;
    }
}

/// The `newlines` attribute for a set of seen kinds.
pub fn newlines_value(ts: &mut ThreadState, seen: u8) -> Value {
    let kinds: Vec<&str> = [(SEEN_CR, "\r"), (SEEN_LF, "\n"), (SEEN_CRLF, "\r\n")]
        .iter()
        .filter(|(bit, _)| seen & bit != 0)
        .map(|(_, s)| *s)
        .collect();
    match kinds.len() {
        0 => Value::NONE,
        1 => StrObj::new(ts, kinds[0]),
        _ => {
            let mut vals = [Value::NONE; 3];
            for (i, k) in kinds.iter().enumerate() {
                vals[i] = StrObj::new(ts, k);
            }
            TupleObj::new(ts, &vals[..kinds.len()]).value()
        }
    }
}

/// The payload of an `IncrementalNewlineDecoder`.
pub struct NlDecoder {
    /// The wrapped decoder (an object with `decode`), or None.
    decoder: Slot,
    /// False until `__init__` ran.
    st: IoLock<(bool, NewlineState)>,
}

// SAFETY: the one Value is in a Slot and traced.
unsafe impl NativeData for NlDecoder {
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.decoder);
    }
}

fn this(ts: &mut ThreadState, v: Value) -> PyResult<&'static NlDecoder> {
    match native::data_of::<NlDecoder>(v) {
        Some(d) => Ok(d),
        None => Err(ts.type_error(format!(
            "descriptor requires a '_io.IncrementalNewlineDecoder' object but received a '{}'",
            type_name(v)
        ))),
    }
}

fn locked<'a>(
    ts: &mut ThreadState,
    v: Value,
    d: &'a NlDecoder,
) -> PyResult<super::lock::IoGuard<'a, (bool, NewlineState)>> {
    let g = d.st.lock(ts).map_err(|_| reentrant(ts, v))?;
    if !g.0 {
        return Err(ts.value_error("IncrementalNewlineDecoder.__init__() not called"));
    }
    Ok(g)
}

fn nl_new(ts: &mut ThreadState, cls: Gc<TypeObj>, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    let payload = NlDecoder {
        decoder: Slot::new(Value::NONE),
        st: IoLock::new((false, NewlineState::default())),
    };
    let base = io_types().newline_decoder;
    Ok(native::alloc_checked(ts, cls, base, payload, false)?.value())
}

fn nl_init(ts: &mut ThreadState, v: Value, args: &[Value], kw: Kw) -> PyResult<()> {
    static SIG: Sig = Sig::new("IncrementalNewlineDecoder(decoder, translate, errors='strict')");
    let [decoder, translate, _errors] = SIG.bind(ts, args, kw)?;
    let d = this(ts, v)?;
    let translate = ops::truthy(ts, translate)?;
    let mut g = d.st.lock(ts).map_err(|_| reentrant(ts, v))?;
    d.decoder.set(decoder);
    *g = (true, NewlineState::new(translate));
    Ok(())
}

fn m_decode(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("decode($self, /, input, final=False)");
    let [v, input, fin] = SIG.bind(ts, args, kw)?;
    let d = this(ts, v)?;
    let final_ = !fin.is_null() && ops::truthy(ts, fin)?;
    drop(locked(ts, v, d)?);
    let dec = d.decoder.get();
    let out = if dec.is_none() {
        input
    } else {
        let f = Value::from_bool(final_);
        let fname = StrObj::new(ts, "final");
        let kwn = TupleObj::new(ts, &[fname]);
        let m = ops::getattr_str(ts, dec, "decode")?;
        ops::call(ts, m, &[input, f], Some(kwn))?
    };
    let Some(s) = out.downcast::<StrObj>() else {
        return Err(ts.type_error(format!(
            "decoder should return a string result, not '{}'",
            type_name(out)
        )));
    };
    let mut g = locked(ts, v, d)?;
    let r = g.1.decode(s.as_wtf8(), final_);
    drop(g);
    Ok(ftpy_vm::objects::str::new_str_wtf8(ts, &r))
}

fn m_getstate(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("getstate($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let d = this(ts, v)?;
    let pending = locked(ts, v, d)?.1.pendingcr as i64;
    let dec = d.decoder.get();
    let (buf, flag) = if dec.is_none() {
        (ftpy_vm::objects::bytes::BytesObj::new(ts, b""), 0)
    } else {
        let gs = ftpy_vm::interp::intern(ts, "getstate");
        let st = ops::call_method(ts, dec, gs, &[])?;
        let Some(t) = st.downcast::<TupleObj>().filter(|t| t.len() == 2) else {
            return Err(ts.type_error("illegal decoder state"));
        };
        let (buf, flag) = (t.items()[0], t.items()[1]);
        (buf, ops::index_to_i64(ts, flag)?)
    };
    let flag = ftpy_vm::objects::int::int_from_i64(ts, (flag << 1) | pending);
    Ok(TupleObj::new(ts, &[buf, flag]).value())
}

fn m_setstate(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("setstate($self, state, /)");
    let [v, state] = SIG.bind(ts, args, kw)?;
    let d = this(ts, v)?;
    let Some(t) = state.downcast::<TupleObj>() else {
        return Err(ts.type_error("state argument must be a tuple"));
    };
    if t.len() != 2 || !ftpy_vm::objects::int::is_int(t.items()[1]) {
        return Err(ts.type_error("setstate(): illegal state argument"));
    }
    let (buf, flag) = (t.items()[0], t.items()[1]);
    let flag = ops::index_to_i64(ts, flag)?;
    locked(ts, v, d)?.1.pendingcr = flag & 1 != 0;
    let dec = d.decoder.get();
    if !dec.is_none() {
        let f = ftpy_vm::objects::int::int_from_i64(ts, flag >> 1);
        let st = TupleObj::new(ts, &[buf, f]);
        let ss = ftpy_vm::interp::intern(ts, "setstate");
        ops::call_method(ts, dec, ss, &[st.value()])?;
    }
    Ok(Value::NONE)
}

fn m_reset(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("reset($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let d = this(ts, v)?;
    locked(ts, v, d)?.1.reset();
    let dec = d.decoder.get();
    if !dec.is_none() {
        let r = ftpy_vm::interp::intern(ts, "reset");
        ops::call_method(ts, dec, r, &[])?;
    }
    Ok(Value::NONE)
}

fn get_newlines(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let d = this(ts, v)?;
    let seen = locked(ts, v, d)?.1.seennl;
    Ok(newlines_value(ts, seen))
}

pub fn init_type(ts: &mut ThreadState, ty: Gc<TypeObj>) {
    ty.slots.new.set(Some(nl_new));
    ty.slots.init.set(Some(nl_init));
    add_methods(
        ts,
        ty,
        &[
            method("decode", m_decode),
            method("getstate", m_getstate),
            method("setstate", m_setstate),
            method("reset", m_reset),
        ],
    );
    add_getset(ts, ty, "newlines", get_newlines, None);
}
