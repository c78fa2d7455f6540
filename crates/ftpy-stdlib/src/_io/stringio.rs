//! `_io.StringIO`: a text stream over a buffer of characters.
//!
//! Positions are character indices, so the buffer is a vector of code
//! points (constant-time slicing and overwriting at any position; lone
//! surrogates included). Newline
//! handling follows `newline` as CPython does: `None` translates `\r\n`
//! and `\r` to `\n` on write; `''` keeps them but reads lines universally;
//! `'\r'` or `'\r\n'` turn each written `\n` into that sequence; lines end
//! at the translated newline when reading.

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::Marker;
use ftpy_vm::objects::native::{self, NativeData};
use ftpy_vm::objects::str::{new_str_from_cps, StrObj};
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{type_name, TypeObj};
use ftpy_vm::objects::{add_getset, add_methods, method};
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

use super::lock::{IoGuard, IoLock};
use super::newline::{newlines_value, NewlineState};
use super::{io_types, reentrant, size_arg, Kw};

pub struct StringState {
    ok: bool,
    closed: bool,
    buf: Vec<u32>,
    pos: usize,
    /// `newline` as given (None is `None`).
    newline: Option<String>,
    /// Universal-newlines decoder (newline None or '').
    decoder: Option<NewlineState>,
    /// What `\n` becomes on write (newline '\r' or '\r\n').
    writenl: Option<String>,
}

/// The payload of a `StringIO`.
pub struct StringIO {
    st: IoLock<StringState>,
}

// SAFETY: no Values.
unsafe impl NativeData for StringIO {
    fn trace(&self, _m: &mut Marker) {}
}

fn this(ts: &mut ThreadState, v: Value) -> PyResult<&'static StringIO> {
    match native::data_of::<StringIO>(v) {
        Some(s) => Ok(s),
        None => Err(ts.type_error(format!(
            "descriptor requires a '_io.StringIO' object but received a '{}'",
            type_name(v)
        ))),
    }
}

fn open_state(ts: &mut ThreadState, v: Value) -> PyResult<IoGuard<'static, StringState>> {
    let s = this(ts, v)?;
    let g = s.st.lock(ts).map_err(|_| reentrant(ts, v))?;
    if !g.ok {
        return Err(ts.value_error("I/O operation on uninitialized object"));
    }
    if g.closed {
        return Err(ts.value_error("I/O operation on closed file"));
    }
    Ok(g)
}

impl StringState {
    fn blank() -> StringState {
        StringState {
            ok: false,
            closed: false,
            buf: Vec::new(),
            pos: 0,
            newline: Some("\n".into()),
            decoder: None,
            writenl: None,
        }
    }

    /// Writes generalized UTF-8 text at the position (translating
    /// newlines); returns nothing: `write` reports the length of its
    /// argument.
    fn write(&mut self, text: &[u8]) {
        let mut t: std::borrow::Cow<'_, [u8]> = text.into();
        if let Some(d) = &mut self.decoder {
            t = d.decode(&t, true).into();
        }
        if let Some(nl) = &self.writenl {
            if t.contains(&b'\n') {
                let mut r = Vec::with_capacity(t.len() + 8);
                for &b in t.iter() {
                    if b == b'\n' {
                        r.extend_from_slice(nl.as_bytes());
                    } else {
                        r.push(b);
                    }
                }
                t = r.into();
            }
        }
        if self.pos > self.buf.len() {
            self.buf.resize(self.pos, 0);
        }
        let mut i = self.pos;
        for c in ftpy_vm::unicode::code_points(&t) {
            if i < self.buf.len() {
                self.buf[i] = c;
            } else {
                self.buf.push(c);
            }
            i += 1;
        }
        self.pos = i;
    }

    fn read(&mut self, n: i64) -> &[u32] {
        let start = self.pos.min(self.buf.len());
        let avail = self.buf.len() - start;
        let k = if n < 0 {
            avail
        } else {
            (n as usize).min(avail)
        };
        self.pos = start + k;
        &self.buf[start..start + k]
    }

    /// The length of the next line from `start` (with its ending).
    fn line_len(&self, start: usize, limit: i64) -> usize {
        let rest = &self.buf[start..];
        let max = if limit >= 0 {
            (limit as usize).min(rest.len())
        } else {
            rest.len()
        };
        let universal_raw = self.newline.as_deref() == Some("");
        let nl: Vec<u32> = match (&self.newline, universal_raw) {
            (None, _) => vec![b'\n' as u32],
            (Some(_), true) => Vec::new(),
            (Some(s), false) => s.bytes().map(|b| b as u32).collect(),
        };
        const LF: u32 = b'\n' as u32;
        const CR: u32 = b'\r' as u32;
        let mut i = 0;
        while i < max {
            let c = rest[i];
            if universal_raw {
                if c == LF {
                    return i + 1;
                }
                if c == CR {
                    if i + 1 < rest.len() && rest[i + 1] == LF {
                        return (i + 2).min(max);
                    }
                    return i + 1;
                }
            } else if c == nl[0] && rest[i..].starts_with(&nl) {
                return (i + nl.len()).min(max);
            }
            i += 1;
        }
        max
    }

    fn readline(&mut self, limit: i64) -> &[u32] {
        let start = self.pos.min(self.buf.len());
        let k = self.line_len(start, limit);
        self.pos = start + k;
        &self.buf[start..start + k]
    }
}

fn stringio_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    _args: &[Value],
    _kw: Kw,
) -> PyResult<Value> {
    let payload = StringIO {
        st: IoLock::new(StringState::blank()),
    };
    Ok(native::alloc_checked(ts, cls, io_types().stringio, payload, true)?.value())
}

/// Checks a `newline` argument: None, '', '\n', '\r' or '\r\n'. `what`
/// names it in the TypeError (`newline`, `open() argument 'newline'`).
pub fn newline_arg(ts: &mut ThreadState, v: Value, what: &str) -> PyResult<Option<String>> {
    if v.is_none() {
        return Ok(None);
    }
    let Some(s) = v.downcast::<StrObj>() else {
        return Err(ts.type_error(format!("{what} must be str or None, not {}", type_name(v))));
    };
    match s.as_str() {
        "" | "\n" | "\r" | "\r\n" => Ok(Some(s.as_str().to_string())),
        other => Err(ts.value_error(format!(
            "illegal newline value: {}",
            ftpy_vm::objects::str::repr_str(other)
        ))),
    }
}

fn stringio_init(ts: &mut ThreadState, v: Value, args: &[Value], kw: Kw) -> PyResult<()> {
    static SIG: Sig = Sig::new("StringIO(initial_value='', newline='\\n')");
    let [init, nl] = SIG.bind(ts, args, kw)?;
    let newline = if nl.is_null() {
        Some("\n".to_string())
    } else {
        newline_arg(ts, nl, "newline")?
    };
    let init_text = if init.is_null() || init.is_none() {
        None
    } else {
        match init.downcast::<StrObj>() {
            Some(s) => Some(s.as_wtf8().to_vec()),
            None => {
                return Err(ts.type_error(format!(
                    "initial_value must be str or None, not {}",
                    type_name(init)
                )))
            }
        }
    };
    let s = this(ts, v)?;
    let mut g = s.st.lock(ts).map_err(|_| reentrant(ts, v))?;
    let universal = newline.as_deref().is_none_or(|n| n.is_empty());
    g.decoder = if universal {
        Some(NewlineState::new(newline.is_none()))
    } else {
        None
    };
    g.writenl = match newline.as_deref() {
        Some(n) if n.starts_with('\r') => Some(n.to_string()),
        _ => None,
    };
    g.newline = newline;
    g.buf.clear();
    g.pos = 0;
    g.ok = true;
    g.closed = false;
    if let Some(t) = init_text {
        g.write(&t);
        g.pos = 0;
    }
    Ok(())
}

fn m_getvalue(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("getvalue($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let g = open_state(ts, v)?;
    let s = g.buf.clone();
    drop(g);
    Ok(new_str_from_cps(ts, &s))
}

fn m_read(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("read($self, size=-1, /)");
    let [v, size] = SIG.bind(ts, args, kw)?;
    let n = size_arg(ts, size)?;
    let s = open_state(ts, v)?.read(n).to_vec();
    Ok(new_str_from_cps(ts, &s))
}

fn m_readline(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("readline($self, size=-1, /)");
    let [v, size] = SIG.bind(ts, args, kw)?;
    let n = size_arg(ts, size)?;
    let s = open_state(ts, v)?.readline(n).to_vec();
    Ok(new_str_from_cps(ts, &s))
}

fn m_write(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("write($self, s, /)");
    let [v, s] = SIG.bind(ts, args, kw)?;
    let Some(text) = s.downcast::<StrObj>() else {
        return Err(ts.type_error(format!("string argument expected, got '{}'", type_name(s))));
    };
    let mut g = open_state(ts, v)?;
    g.write(text.as_wtf8());
    drop(g);
    Ok(Value::small_int_unchecked(text.char_len() as i64))
}

fn m_seek(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("seek($self, pos, whence=0, /)");
    let [v, pos, whence] = SIG.bind(ts, args, kw)?;
    let p = ops::index_to_i64(ts, pos)?;
    let w = super::fileio::whence_arg(ts, whence)?;
    let mut g = open_state(ts, v)?;
    let new = match w {
        0 => {
            if p < 0 {
                drop(g);
                return Err(ts.value_error(format!("Negative seek position {p}")));
            }
            p as usize
        }
        1 | 2 => {
            if p != 0 {
                drop(g);
                // CPython says "cur-relative" for both.
                return Err(ts.os_error("Can't do nonzero cur-relative seeks"));
            }
            if w == 1 {
                g.pos
            } else {
                g.buf.len()
            }
        }
        _ => {
            drop(g);
            return Err(ts.value_error(format!("Invalid whence ({w}, should be 0, 1 or 2)")));
        }
    };
    g.pos = new;
    drop(g);
    Ok(ftpy_vm::objects::int::int_from_i64(ts, new as i64))
}

fn m_tell(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("tell($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let pos = open_state(ts, v)?.pos;
    Ok(ftpy_vm::objects::int::int_from_i64(ts, pos as i64))
}

fn m_truncate(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("truncate($self, pos=None, /)");
    let [v, size] = SIG.bind(ts, args, kw)?;
    drop(open_state(ts, v)?);
    let n = super::opt_size_arg(ts, size)?;
    let mut g = open_state(ts, v)?;
    let n = n.unwrap_or(g.pos as i64);
    if n < 0 {
        drop(g);
        return Err(ts.value_error(format!("Negative size value {n}")));
    }
    if (n as usize) < g.buf.len() {
        g.buf.truncate(n as usize);
    }
    drop(g);
    Ok(ftpy_vm::objects::int::int_from_i64(ts, n))
}

fn m_true(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    drop(open_state(ts, args[0])?);
    Ok(Value::TRUE)
}

fn m_close(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("close($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let s = this(ts, v)?;
    let mut g = s.st.lock(ts).map_err(|_| reentrant(ts, v))?;
    g.closed = true;
    g.buf = Vec::new();
    Ok(Value::NONE)
}

fn get_closed(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let s = this(ts, v)?;
    let g = s.st.lock(ts).map_err(|_| reentrant(ts, v))?;
    if !g.ok {
        drop(g);
        return Err(ts.value_error("I/O operation on uninitialized object"));
    }
    Ok(Value::from_bool(g.closed))
}

fn get_line_buffering(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    drop(open_state(ts, v)?);
    Ok(Value::FALSE)
}

fn get_newlines(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let g = open_state(ts, v)?;
    let seen = g.decoder.as_ref().map(|d| d.seennl);
    drop(g);
    Ok(match seen {
        Some(s) => newlines_value(ts, s),
        None => Value::NONE,
    })
}

fn stringio_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    // A subclass that overrides readline is honoured, as in CPython.
    if ftpy_vm::objects::typeobj::type_of(v) != io_types().stringio {
        let rl = super::names(ts).readline;
        let line = ops::call_method(ts, v, rl, &[])?;
        let Some(s) = line.downcast::<StrObj>() else {
            return Err(ts.os_error(format!(
                "readline() should have returned a str object, not '{}'",
                type_name(line)
            )));
        };
        return Ok(if s.byte_len() == 0 { None } else { Some(line) });
    }
    let line = open_state(ts, v)?.readline(-1).to_vec();
    if line.is_empty() {
        return Ok(None);
    }
    Ok(Some(new_str_from_cps(ts, &line)))
}

fn m_getstate(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("__getstate__($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let g = open_state(ts, v)?;
    let text = g.buf.clone();
    let (nl, pos) = (g.newline.clone(), g.pos);
    drop(g);
    let t = new_str_from_cps(ts, &text);
    let n = match nl {
        Some(n) => StrObj::new(ts, &n),
        None => Value::NONE,
    };
    let p = ftpy_vm::objects::int::int_from_i64(ts, pos as i64);
    let d = match ftpy_vm::objects::instance::attr_store(v) {
        Some(store) if !store.items(ts)?.is_empty() => {
            ops::getattr(ts, v, ftpy_vm::interp::names().__dict__)?
        }
        _ => Value::NONE,
    };
    Ok(TupleObj::new(ts, &[t, n, p, d]).value())
}

fn m_setstate(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("__setstate__($self, state, /)");
    let [v, state] = SIG.bind(ts, args, kw)?;
    let Some(t) = state.downcast::<TupleObj>().filter(|t| t.len() == 4) else {
        return Err(ts.type_error(format!(
            "{}.__setstate__ argument should be 4-tuple, got {}",
            super::type_display(v),
            type_name(state)
        )));
    };
    let (text, nl, p, d) = (t.items()[0], t.items()[1], t.items()[2], t.items()[3]);
    stringio_init(ts, v, &[Value::NONE, nl], None)?;
    let Some(text) = text.downcast::<StrObj>() else {
        return Err(ts.type_error("initial_value must be str"));
    };
    let pos = ops::index_to_i64(ts, p)?;
    if pos < 0 {
        return Err(ts.value_error("position value cannot be negative"));
    }
    {
        let mut g = open_state(ts, v)?;
        // The state's text is already translated: store it as is.
        g.buf = text.code_points().collect();
        g.pos = pos as usize;
    }
    if !d.is_none() {
        let dict = ops::getattr(ts, v, ftpy_vm::interp::names().__dict__)?;
        let upd = ftpy_vm::interp::intern(ts, "update");
        ops::call_method(ts, dict, upd, &[d])?;
    }
    Ok(Value::NONE)
}

pub fn init_type(ts: &mut ThreadState, ty: Gc<TypeObj>) {
    ty.slots.new.set(Some(stringio_new));
    ty.slots.init.set(Some(stringio_init));
    ty.slots.next.set(Some(stringio_next));
    add_methods(
        ts,
        ty,
        &[
            method("getvalue", m_getvalue),
            method("read", m_read),
            method("readline", m_readline),
            method("write", m_write),
            method("seek", m_seek),
            method("tell", m_tell),
            method("truncate", m_truncate),
            method("readable", m_true),
            method("writable", m_true),
            method("seekable", m_true),
            method("close", m_close),
            method("__getstate__", m_getstate),
            method("__setstate__", m_setstate),
        ],
    );
    add_getset(ts, ty, "closed", get_closed, None);
    add_getset(ts, ty, "line_buffering", get_line_buffering, None);
    add_getset(ts, ty, "newlines", get_newlines, None);
}
