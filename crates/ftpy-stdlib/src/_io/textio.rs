//! `_io.TextIOWrapper`: text over a binary buffer.
//!
//! # Reading
//! Chunks of bytes (`buffer.read1(chunk)`) go through the decoder and, for
//! universal newlines, a [`NewlineState`]; the text is kept in `decoded`
//! and handed out from `decoded_pos`. For `tell()`, each chunk also leaves
//! a *snapshot*: the decoder's flags before the chunk and the bytes fed
//! since a point where the decoder held no partial input.
//!
//! # Tell cookies
//! A cookie packs, as CPython's does, `start_pos | dec_flags << 64 |
//! bytes_to_feed << 128 | chars_to_skip << 192 | need_eof << 256`: restart
//! decoding at byte `start_pos` with the decoder in state `dec_flags`
//! (bit 0: a `\r` is pending; for Python codecs the codec's own flags are
//! shifted left by one), feed `bytes_to_feed` bytes and drop the first
//! `chars_to_skip` characters. `tell()` finds the latest point in the
//! snapshot where the decoder is clean and at most the consumed number of
//! characters came out; when that point is exactly the current position
//! the cookie is a plain byte offset (always, for UTF-8 text read without
//! errors at a character boundary).
//!
//! # Writing
//! Text is translated (`\n` to `newline`), encoded and appended to
//! `pending`; pending bytes go to the buffer when they pass the chunk
//! size, on a newline with `line_buffering`, at once with
//! `write_through`, and on `flush()`.
//!
//! # The buffer
//! [`Buf`] calls the buffer: an exact `BufferedReader`/`Writer`/`Random`
//! directly in Rust, anything else through its Python methods.

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::{Marker, Slot};
use ftpy_vm::interp::types;
use ftpy_vm::objects::bytes::BytesObj;
use ftpy_vm::objects::int::{int_from_big, to_big};
use ftpy_vm::objects::native::{self, NativeData};
use ftpy_vm::objects::str::{new_str_wtf8, StrObj};
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{type_name, type_of, TypeObj};
use ftpy_vm::objects::{add_getset, add_methods, method};
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};
use num_bigint::BigInt;

use super::buffered::{self, Buffered};
use super::codec::{self, Native};
use super::lock::{IoGuard, IoLock};
use super::newline::{newlines_value, NewlineState};
use super::{io_types, names, reentrant, size_arg, unsupported, Kw};

/// The payload of a `TextIOWrapper`.
pub struct TextIO {
    /// The binary buffer (NULL before `__init__` and after `detach`).
    buffer: Slot,
    /// Python codec objects (when the encoding is not native): the
    /// incremental encoder and decoder, or NULL.
    pyencoder: Slot,
    pydecoder: Slot,
    st: IoLock<TextState>,
}

// SAFETY: every Value is in a Slot and traced.
unsafe impl NativeData for TextIO {
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.buffer);
        m.slot(&self.pyencoder);
        m.slot(&self.pydecoder);
    }
}

/// The decoder flags and the bytes fed since they held (see the module
/// doc).
#[derive(Clone, Debug, Default)]
struct Snapshot {
    flags: i64,
    input: Vec<u8>,
}

pub struct TextState {
    ok: bool,
    detached: bool,
    encoding: String,
    errors: String,
    /// The native codec, or None for a Python codec.
    native: Option<Native>,
    /// The native decoder (readable streams with a native codec).
    dec: Option<codec::Decoder>,
    readable: bool,
    writable: bool,
    /// Universal-newlines state (newline None or '').
    nl: Option<NewlineState>,
    readtranslate: bool,
    readnl: Option<String>,
    writetranslate: bool,
    writenl: Option<String>,
    line_buffering: bool,
    write_through: bool,
    /// Decoded text (generalized UTF-8: lone surrogates are possible).
    decoded: Vec<u8>,
    /// Byte offset of what is consumed of `decoded` (the character count,
    /// which `tell` needs, is computed there).
    decoded_pos: usize,
    snapshot: Option<Snapshot>,
    pending: Vec<u8>,
    seekable: bool,
    telling: bool,
    has_read1: bool,
    chunk_size: usize,
    /// Bytes per character of the last chunk (for `tell`'s first guess).
    b2cratio: f64,
    /// The native encoder (writable streams with a native codec).
    enc: Option<codec::Encoder>,
}

impl TextState {
    fn blank() -> TextState {
        TextState {
            ok: false,
            detached: false,
            encoding: String::new(),
            errors: String::new(),
            native: Some(Native::Utf8),
            dec: None,
            readable: false,
            writable: false,
            nl: None,
            readtranslate: false,
            readnl: None,
            writetranslate: false,
            writenl: None,
            line_buffering: false,
            write_through: false,
            decoded: Vec::new(),
            decoded_pos: 0,
            snapshot: None,
            pending: Vec::new(),
            seekable: false,
            telling: false,
            has_read1: false,
            chunk_size: 8192,
            b2cratio: 0.0,
            enc: None,
        }
    }

    fn set_decoded(&mut self, s: Vec<u8>) {
        self.decoded = s;
        self.decoded_pos = 0;
    }

    fn clear_decoded(&mut self) {
        self.decoded.clear();
        self.decoded_pos = 0;
    }

    /// Takes up to `n` characters (all for `usize::MAX`) of the decoded
    /// text.
    fn take_decoded(&mut self, n: usize) -> &[u8] {
        let rest = &self.decoded[self.decoded_pos..];
        let bytes = codec::cp_offset(rest, n);
        self.take_decoded_bytes(bytes)
    }

    /// Takes the next `bytes` bytes (a character boundary) of the decoded
    /// text.
    fn take_decoded_bytes(&mut self, bytes: usize) -> &[u8] {
        let s = self.decoded_pos;
        self.decoded_pos += bytes;
        &self.decoded[s..s + bytes]
    }

    /// Characters consumed of the decoded text.
    fn decoded_used(&self) -> usize {
        codec::cp_count(&self.decoded[..self.decoded_pos])
    }

    fn remaining(&self) -> &[u8] {
        &self.decoded[self.decoded_pos..]
    }
}

/// A buffer to call. See the module doc.
#[derive(Copy, Clone)]
enum Buf {
    Native(&'static Buffered, Value),
    Py(Value),
}

impl Buf {
    fn of(v: Value) -> Buf {
        match buffered::exact(v) {
            Some(b) => Buf::Native(b, v),
            None => Buf::Py(v),
        }
    }

    fn value(self) -> Value {
        match self {
            Buf::Native(_, v) | Buf::Py(v) => v,
        }
    }

    /// `read1(n)` (or `read(n)`): None when the stream would block.
    fn read_chunk(self, ts: &mut ThreadState, n: usize, read1: bool) -> PyResult<Option<Vec<u8>>> {
        match self {
            Buf::Native(b, v) => {
                let mut l = b.lock_open(ts, v, "read")?;
                if read1 {
                    Ok(Some(l.read1(ts, n as i64)?))
                } else {
                    l.read(ts, n as i64)
                }
            }
            Buf::Py(v) => {
                let name = if read1 {
                    names(ts).read1
                } else {
                    names(ts).read
                };
                let r = ops::call_method(ts, v, name, &[Value::small_int_unchecked(n as i64)])?;
                bytes_result(ts, r, if read1 { "read1" } else { "read" })
            }
        }
    }

    fn read_all(self, ts: &mut ThreadState) -> PyResult<Option<Vec<u8>>> {
        match self {
            Buf::Native(b, v) => {
                let mut l = b.lock_open(ts, v, "read")?;
                l.read(ts, -1)
            }
            Buf::Py(v) => {
                let rd = names(ts).read;
                let r = ops::call_method(ts, v, rd, &[])?;
                bytes_result(ts, r, "read")
            }
        }
    }

    fn write(self, ts: &mut ThreadState, data: &[u8]) -> PyResult<()> {
        match self {
            Buf::Native(b, v) => {
                let mut l = b.lock_open(ts, v, "write")?;
                l.write(ts, data)
            }
            Buf::Py(v) => {
                let b = BytesObj::new(ts, data);
                let w = names(ts).write;
                ops::call_method(ts, v, w, &[b])?;
                Ok(())
            }
        }
    }

    fn flush(self, ts: &mut ThreadState) -> PyResult<()> {
        match self {
            Buf::Native(_, v) => buffered::flush(ts, v),
            Buf::Py(v) => {
                let f = names(ts).flush;
                ops::call_method(ts, v, f, &[])?;
                Ok(())
            }
        }
    }

    fn tell(self, ts: &mut ThreadState) -> PyResult<Value> {
        match self {
            Buf::Native(b, v) => {
                let mut l = b.lock(ts, v)?;
                let p = l.tell(ts)?;
                drop(l);
                Ok(ftpy_vm::objects::int::int_from_i64(ts, p))
            }
            Buf::Py(v) => {
                let t = names(ts).tell;
                ops::call_method(ts, v, t, &[])
            }
        }
    }

    fn seek(self, ts: &mut ThreadState, pos: Value, whence: i32) -> PyResult<Value> {
        let s = names(ts).seek;
        ops::call_method(
            ts,
            self.value(),
            s,
            &[pos, Value::small_int_unchecked(whence as i64)],
        )
    }

    fn closed(self, ts: &mut ThreadState) -> PyResult<bool> {
        match self {
            Buf::Native(b, v) => {
                let raw = b.raw_value();
                if raw.is_null() {
                    // Let the buffer raise its own error.
                    let c = names(ts).closed;
                    return super::attr_truthy(ts, v, c);
                }
                buffered::Raw::of(raw).closed(ts)
            }
            Buf::Py(v) => {
                let c = names(ts).closed;
                super::attr_truthy(ts, v, c)
            }
        }
    }
}

fn bytes_result(ts: &mut ThreadState, r: Value, what: &str) -> PyResult<Option<Vec<u8>>> {
    if r.is_none() {
        return Ok(None);
    }
    match ftpy_vm::objects::bytes::bytes_data(r) {
        Some(d) => Ok(Some(d)),
        None => Err(ts.type_error(format!(
            "underlying {what}() should have returned a bytes-like object, not '{}'",
            type_name(r)
        ))),
    }
}

fn this(ts: &mut ThreadState, v: Value) -> PyResult<&'static TextIO> {
    match native::data_of::<TextIO>(v) {
        Some(t) => Ok(t),
        None => Err(ts.type_error(format!(
            "descriptor requires a '_io.TextIOWrapper' object but received a '{}'",
            type_name(v)
        ))),
    }
}

/// A locked, initialized, attached wrapper.
struct Locked {
    t: &'static TextIO,
    g: IoGuard<'static, TextState>,
    buf: Buf,
}

fn lock(ts: &mut ThreadState, v: Value) -> PyResult<Locked> {
    let t = this(ts, v)?;
    let g = t.st.lock(ts).map_err(|_| reentrant(ts, v))?;
    if !g.ok {
        drop(g);
        return Err(ts.value_error("I/O operation on uninitialized object"));
    }
    if g.detached {
        drop(g);
        return Err(ts.value_error("underlying buffer has been detached"));
    }
    let b = t.buffer.get();
    Ok(Locked {
        t,
        g,
        buf: Buf::of(b),
    })
}

/// Whether the wrapper is closed: its buffer's `closed`; for a subclass,
/// its own `closed` property (read without the lock: it may be Python
/// code that uses the wrapper).
fn closed(ts: &mut ThreadState, v: Value) -> PyResult<bool> {
    if type_of(v) == io_types().text_io_wrapper {
        let l = lock(ts, v)?;
        let buf = l.buf;
        drop(l);
        buf.closed(ts)
    } else {
        drop(lock(ts, v)?);
        let c = names(ts).closed;
        super::attr_truthy(ts, v, c)
    }
}

/// Checks the stream is open, then locks it.
fn lock_open(ts: &mut ThreadState, v: Value) -> PyResult<Locked> {
    if type_of(v) == io_types().text_io_wrapper {
        // Over a native buffer over a native raw file, "closed" is an
        // atomic read: check it under the one lock.
        let l = lock(ts, v)?;
        if let Buf::Native(b, _) = l.buf {
            if let buffered::Raw::Native(f) = buffered::Raw::of(b.raw_value()) {
                if f.is_closed() {
                    drop(l);
                    return Err(ts.value_error("I/O operation on closed file."));
                }
                return Ok(l);
            }
        }
        drop(l);
    }
    if closed(ts, v)? {
        return Err(ts.value_error("I/O operation on closed file."));
    }
    lock(ts, v)
}

// ---- codec glue -------------------------------------------------------------

impl Locked {
    /// Decodes a chunk (through the newline state when universal).
    fn decode(&mut self, ts: &mut ThreadState, input: &[u8], final_: bool) -> PyResult<Vec<u8>> {
        let text = match self.g.native {
            Some(_) => {
                let errors = std::mem::take(&mut self.g.errors);
                let mut out = Vec::with_capacity(input.len());
                let r = match self.g.dec.as_mut() {
                    Some(d) => d.decode(ts, input, final_, &errors, &mut out),
                    None => Err(unsupported(ts, "not readable")),
                };
                self.g.errors = errors;
                r?;
                out
            }
            None => {
                let dec = self.t.pydecoder.get();
                let b = BytesObj::new(ts, input);
                let f = Value::from_bool(final_);
                let m = ops::getattr_str(ts, dec, "decode")?;
                let r = ops::call(ts, m, &[b, f], None)?;
                match r.downcast::<StrObj>() {
                    Some(s) => s.as_wtf8().to_vec(),
                    None => {
                        return Err(ts.type_error(format!(
                            "decoder should return a string result, not '{}'",
                            type_name(r)
                        )))
                    }
                }
            }
        };
        Ok(match self.g.nl.as_mut() {
            Some(nl) => nl.decode(&text, final_),
            None => text,
        })
    }

    /// The decoder's state: (bytes held, flags); flags bit 0 is the
    /// pending `\r`.
    fn dec_state(&mut self, ts: &mut ThreadState) -> PyResult<(Vec<u8>, i64)> {
        let cr = self.g.nl.as_ref().map(|n| n.pendingcr as i64).unwrap_or(0);
        match self.g.native {
            Some(_) => {
                let (held, f) = self
                    .g
                    .dec
                    .as_ref()
                    .map(|d| (d.pending().to_vec(), d.flags()))
                    .unwrap_or_default();
                Ok((held, (f << 1) | cr))
            }
            None => {
                let dec = self.t.pydecoder.get();
                let gs = ftpy_vm::interp::intern(ts, "getstate");
                let st = ops::call_method(ts, dec, gs, &[])?;
                let Some(t) = st.downcast::<TupleObj>().filter(|t| t.len() == 2) else {
                    return Err(ts.type_error("illegal decoder state"));
                };
                let (b, f) = (t.items()[0], t.items()[1]);
                let Some(held) = ftpy_vm::objects::bytes::bytes_data(b) else {
                    return Err(ts.type_error("illegal decoder state"));
                };
                let f = ops::index_to_i64(ts, f)?;
                Ok((held, (f << 1) | cr))
            }
        }
    }

    /// Puts the decoder in state `flags` with nothing held; `start` says
    /// whether this is the start of the stream (a BOM is expected).
    fn set_dec_state(&mut self, ts: &mut ThreadState, flags: i64, start: bool) -> PyResult<()> {
        if let Some(nl) = self.g.nl.as_mut() {
            nl.pendingcr = flags & 1 != 0;
        }
        match self.g.native {
            Some(_) => {
                if let Some(d) = self.g.dec.as_mut() {
                    if start && flags == 0 {
                        d.reset();
                    } else {
                        d.set_flags(flags >> 1);
                    }
                }
            }
            None => {
                let dec = self.t.pydecoder.get();
                if dec.is_null() {
                    return Ok(());
                }
                if start && flags == 0 {
                    let r = ftpy_vm::interp::intern(ts, "reset");
                    ops::call_method(ts, dec, r, &[])?;
                } else {
                    let b = BytesObj::new(ts, b"");
                    let f = ftpy_vm::objects::int::int_from_i64(ts, flags >> 1);
                    let st = TupleObj::new(ts, &[b, f]);
                    let s = ftpy_vm::interp::intern(ts, "setstate");
                    ops::call_method(ts, dec, s, &[st.value()])?;
                }
            }
        }
        Ok(())
    }

    fn reset_decoder(&mut self, ts: &mut ThreadState) -> PyResult<()> {
        if let Some(nl) = self.g.nl.as_mut() {
            nl.reset();
        }
        match self.g.native {
            Some(_) => {
                if let Some(d) = self.g.dec.as_mut() {
                    d.reset();
                }
            }
            None => {
                let dec = self.t.pydecoder.get();
                if !dec.is_null() {
                    let r = ftpy_vm::interp::intern(ts, "reset");
                    ops::call_method(ts, dec, r, &[])?;
                }
            }
        }
        Ok(())
    }

    /// Encodes `text` (generalized UTF-8; `obj` is the str it came from,
    /// or NULL) onto the pending bytes.
    fn encode_pending(&mut self, ts: &mut ThreadState, text: &[u8], obj: Value) -> PyResult<()> {
        let st = &mut *self.g;
        match st.enc.as_mut() {
            Some(enc) => enc.encode(ts, text, obj, &st.errors, &mut st.pending),
            None => {
                let enc = self.t.pyencoder.get();
                let s = if obj.is_null() {
                    ftpy_vm::objects::str::new_str_wtf8(ts, text)
                } else {
                    obj
                };
                let m = ops::getattr_str(ts, enc, "encode")?;
                let r = ops::call1(ts, m, s)?;
                match ftpy_vm::objects::bytes::bytes_data(r) {
                    Some(b) => {
                        self.g.pending.extend_from_slice(&b);
                        Ok(())
                    }
                    None => Err(ts.type_error(format!(
                        "encoder should return a bytes object, not '{}'",
                        type_name(r)
                    ))),
                }
            }
        }
    }

    /// Sends the pending bytes to the buffer (keeping the vector's room).
    fn write_pending(&mut self, ts: &mut ThreadState) -> PyResult<()> {
        if self.g.pending.is_empty() {
            return Ok(());
        }
        let mut data = std::mem::take(&mut self.g.pending);
        let r = self.buf.write(ts, &data);
        data.clear();
        if self.g.pending.is_empty() {
            self.g.pending = data;
        }
        r
    }

    /// Reads and decodes one chunk; false at the end of the stream.
    fn read_chunk(&mut self, ts: &mut ThreadState, size_hint: usize) -> PyResult<bool> {
        if !self.g.readable {
            return Err(unsupported(ts, "not readable"));
        }
        let (held, flags) = if self.g.telling {
            self.dec_state(ts)?
        } else {
            (Vec::new(), 0)
        };
        let mut size = self.g.chunk_size;
        if size_hint > 0 {
            let want = (size_hint as f64 * self.g.b2cratio.max(1.0)) as usize;
            size = size.max(want);
        }
        let input = match self.buf.read_chunk(ts, size, self.g.has_read1)? {
            Some(b) => b,
            // A non-blocking stream with nothing to read.
            None => return Ok(true),
        };
        let eof = input.is_empty();
        let text = self.decode(ts, &input, eof)?;
        let nchars = codec::cp_count(&text);
        self.g.b2cratio = if nchars > 0 {
            input.len() as f64 / nchars as f64
        } else {
            0.0
        };
        self.g.set_decoded(text);
        if self.g.telling {
            let mut all = held;
            all.extend_from_slice(&input);
            self.g.snapshot = Some(Snapshot { flags, input: all });
        }
        Ok(!eof)
    }
}

// ---- construction -------------------------------------------------------------

fn text_new(ts: &mut ThreadState, cls: Gc<TypeObj>, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    new_text(ts, cls, true)
}

/// A blank wrapper of class `cls` (uninitialized until `init_text`).
pub fn new_text(ts: &mut ThreadState, cls: Gc<TypeObj>, finalize: bool) -> PyResult<Value> {
    let payload = TextIO {
        buffer: Slot::new(Value::NULL),
        pyencoder: Slot::new(Value::NULL),
        pydecoder: Slot::new(Value::NULL),
        st: IoLock::new(TextState::blank()),
    };
    Ok(native::alloc_checked(ts, cls, io_types().text_io_wrapper, payload, finalize)?.value())
}

/// An optional str argument (`encoding`, `errors`).
fn opt_str(ts: &mut ThreadState, v: Value, what: &str) -> PyResult<Option<String>> {
    if v.is_null() || v.is_none() {
        return Ok(None);
    }
    match v.downcast::<StrObj>() {
        Some(s) => Ok(Some(s.as_str().to_string())),
        None => Err(ts.type_error(format!("{what} must be str or None, not {}", type_name(v)))),
    }
}

/// Checks a `newline` argument for TextIOWrapper/open: None, '', '\n',
/// '\r' or '\r\n'.
pub fn newline_arg(ts: &mut ThreadState, v: Value, what: &str) -> PyResult<Option<String>> {
    if v.is_null() || v.is_none() {
        return Ok(None);
    }
    let Some(s) = v.downcast::<StrObj>() else {
        return Err(ts.type_error(format!("{what} must be str or None, not {}", type_name(v))));
    };
    match s.as_str() {
        "" | "\n" | "\r" | "\r\n" => Ok(Some(s.as_str().to_string())),
        other => Err(ts.value_error(format!("illegal newline value: {other}"))),
    }
}

/// The codec info for an encoding with no native codec: `codecs.lookup`
/// (the registry the `encodings` package fills).
fn python_codec(ts: &mut ThreadState, encoding: &str) -> PyResult<Value> {
    let info = ftpy_vm::codecs::lookup(ts, encoding)?;
    if let Some(t) = ops::getattr_str_opt(ts, info, "_is_text_encoding")? {
        if !ops::truthy(ts, t)? {
            return Err(ts.lookup_error(format!(
                "'{encoding}' is not a text encoding; use codecs.open() to handle arbitrary codecs"
            )));
        }
    }
    Ok(info)
}

/// `TextIOWrapper.__init__` with parsed arguments.
#[allow(clippy::too_many_arguments)]
pub fn init_text(
    ts: &mut ThreadState,
    v: Value,
    buffer: Value,
    encoding: Option<String>,
    errors: Option<String>,
    newline: Option<String>,
    line_buffering: bool,
    write_through: bool,
) -> PyResult<()> {
    let t = this(ts, v)?;
    let encoding = match encoding {
        None => "utf-8".to_string(),
        Some(e) if e == "locale" => "utf-8".to_string(),
        Some(e) => e,
    };
    let errors = errors.unwrap_or_else(|| "strict".to_string());
    let native_codec = codec::lookup(&encoding);
    let info = if native_codec.is_none() {
        Some(python_codec(ts, &encoding)?)
    } else {
        None
    };
    let n = names(ts);
    let readable = super::call_truthy(ts, buffer, n.readable)?;
    let writable = super::call_truthy(ts, buffer, n.writable)?;
    let seekable = super::call_truthy(ts, buffer, n.seekable)?;
    let has_read1 = ops::getattr_opt(ts, buffer, n.read1)?.is_some();
    let (mut pyenc, mut pydec) = (Value::NULL, Value::NULL);
    if let Some(info) = info {
        let e = StrObj::new(ts, &errors);
        if readable {
            let f = ops::getattr_str(ts, info, "incrementaldecoder")?;
            pydec = ops::call1(ts, f, e)?;
        }
        if writable {
            let f = ops::getattr_str(ts, info, "incrementalencoder")?;
            pyenc = ops::call1(ts, f, e)?;
        }
    }
    // A byte order mark is written only at the start of the stream.
    let mut at_start = true;
    if seekable && writable {
        let pos = Buf::of(buffer).tell(ts)?;
        if ftpy_vm::objects::int::to_i64(pos) != Some(0) {
            at_start = false;
            if !pyenc.is_null() {
                let s = ftpy_vm::interp::intern(ts, "setstate");
                ops::call_method(ts, pyenc, s, &[Value::small_int_unchecked(0)])?;
            }
        }
    }
    let mut g = t.st.lock(ts).map_err(|_| reentrant(ts, v))?;
    let old = t.buffer.get();
    if let Some(b) = native::data_of::<Buffered>(old) {
        if g.ok && !g.detached {
            let _ = b.wrappers.fetch_update(
                std::sync::atomic::Ordering::AcqRel,
                std::sync::atomic::Ordering::Acquire,
                |n| n.checked_sub(1),
            );
        }
    }
    t.buffer.set(buffer);
    if let Some(b) = native::data_of::<Buffered>(buffer) {
        b.wrappers.fetch_add(1, std::sync::atomic::Ordering::AcqRel);
    }
    t.pyencoder.set(pyenc);
    t.pydecoder.set(pydec);
    let mut st = TextState::blank();
    st.ok = true;
    st.encoding = encoding;
    st.errors = errors;
    st.native = native_codec;
    st.readable = readable;
    st.writable = writable;
    st.dec = match (readable, native_codec) {
        (true, Some(c)) => Some(codec::Decoder::new(c)),
        _ => None,
    };
    apply_newline(&mut st, newline);
    st.line_buffering = line_buffering;
    st.write_through = write_through;
    st.seekable = seekable;
    st.telling = seekable;
    st.has_read1 = has_read1;
    st.enc = match (writable, native_codec) {
        (true, Some(c)) => {
            let mut e = codec::Encoder::new(c);
            e.set_start(at_start);
            Some(e)
        }
        _ => None,
    };
    *g = st;
    Ok(())
}

/// Sets the newline fields from a `newline` argument.
fn apply_newline(st: &mut TextState, newline: Option<String>) {
    let universal = newline.as_deref().is_none_or(|n| n.is_empty());
    st.readtranslate = newline.is_none();
    st.nl = if universal && st.readable {
        Some(NewlineState::new(st.readtranslate))
    } else {
        None
    };
    st.writetranslate = newline.as_deref() != Some("");
    st.writenl = match newline.as_deref() {
        None | Some("") | Some("\n") => None,
        Some(n) => Some(n.to_string()),
    };
    st.readnl = newline;
}

fn text_init(ts: &mut ThreadState, v: Value, args: &[Value], kw: Kw) -> PyResult<()> {
    static SIG: Sig = Sig::new(
        "TextIOWrapper(buffer, encoding=None, errors=None, newline=None, line_buffering=False, write_through=False)",
    );
    let [buffer, enc, errors, newline, lb, wt] = SIG.bind(ts, args, kw)?;
    let enc = opt_str(ts, enc, "TextIOWrapper() argument 'encoding'")?;
    let errors = opt_str(ts, errors, "TextIOWrapper() argument 'errors'")?;
    let newline = newline_arg(ts, newline, "TextIOWrapper() argument 'newline'")?;
    let lb = !lb.is_null() && ops::truthy(ts, lb)?;
    let wt = !wt.is_null() && ops::truthy(ts, wt)?;
    init_text(ts, v, buffer, enc, errors, newline, lb, wt)
}

// ---- reading ------------------------------------------------------------------------

fn m_read(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("read($self, size=-1, /)");
    let [v, size] = SIG.bind(ts, args, kw)?;
    let n = size_arg(ts, size)?;
    let mut l = lock_open(ts, v)?;
    if !l.g.readable {
        drop(l);
        return Err(unsupported(ts, "not readable"));
    }
    l.write_pending(ts)?;
    if n < 0 {
        let input = l.buf.read_all(ts)?.unwrap_or_default();
        let mut out = l.g.take_decoded(usize::MAX).to_vec();
        let more = l.decode(ts, &input, true)?;
        out.extend_from_slice(&more);
        l.g.clear_decoded();
        l.g.snapshot = None;
        drop(l);
        return Ok(new_str_wtf8(ts, &out));
    }
    let n = n as usize;
    let mut out = l.g.take_decoded(n).to_vec();
    let mut got = codec::cp_count(&out);
    while got < n {
        if !l.read_chunk(ts, n - got)? {
            // EOF: whatever came with the final decode is in `decoded`.
            let s = l.g.take_decoded(n - got);
            out.extend_from_slice(s);
            break;
        }
        let s = l.g.take_decoded(n - got);
        got += codec::cp_count(s);
        out.extend_from_slice(s);
    }
    drop(l);
    Ok(new_str_wtf8(ts, &out))
}

/// Where the line ends in `text` (the index after its ending), for the
/// stream's newline mode; `prev_cr`: the text before ended with `\r`.
fn find_line_end(st: &TextState, b: &[u8], prev_cr: bool) -> Option<usize> {
    if st.readtranslate {
        return b.iter().position(|&c| c == b'\n').map(|i| i + 1);
    }
    match st.readnl.as_deref() {
        // Universal, untranslated: \r, \n or \r\n.
        Some("") => {
            if prev_cr && b.first() == Some(&b'\n') {
                return Some(1);
            }
            let i = b.iter().position(|&c| c == b'\n' || c == b'\r')?;
            if b[i] == b'\n' {
                return Some(i + 1);
            }
            if b.get(i + 1) == Some(&b'\n') {
                return Some(i + 2);
            }
            if i + 1 == b.len() {
                // A final \r: the \n may be in the next chunk; the newline
                // state holds a trailing \r back, so this is the end.
                return Some(i + 1);
            }
            Some(i + 1)
        }
        Some(nl) => {
            let nb = nl.as_bytes();
            if nb.len() == 2 && prev_cr && b.first() == Some(&b'\n') {
                return Some(1);
            }
            let f = nb[0];
            let mut i = 0;
            while i < b.len() {
                if b[i] == f && b[i..].starts_with(nb) {
                    return Some(i + nb.len());
                }
                i += 1;
            }
            None
        }
        None => b.iter().position(|&c| c == b'\n').map(|i| i + 1),
    }
}

/// `readline(limit)` on a locked wrapper.
fn readline_locked(ts: &mut ThreadState, l: &mut Locked, limit: i64) -> PyResult<Vec<u8>> {
    l.write_pending(ts)?;
    let mut line: Vec<u8> = Vec::new();
    let mut line_chars = 0usize;
    loop {
        if l.g.remaining().is_empty() && !l.read_chunk(ts, 0)? && l.g.remaining().is_empty() {
            break;
        }
        let prev_cr = line.last() == Some(&b'\r');
        let rest = l.g.remaining();
        let end = find_line_end(&l.g, rest, prev_cr);
        // Limit in characters.
        let room = if limit < 0 {
            usize::MAX
        } else {
            limit as usize - line_chars
        };
        let take_bytes = match end {
            Some(e) => e,
            None => rest.len(),
        };
        // Characters count only against a limit.
        let take_chars = if limit < 0 {
            0
        } else {
            codec::cp_count(&rest[..take_bytes])
        };
        if take_chars > room {
            let s = l.g.take_decoded(room);
            line.extend_from_slice(s);
            break;
        }
        let s = l.g.take_decoded_bytes(take_bytes);
        line_chars += take_chars;
        line.extend_from_slice(s);
        if end.is_some() || (limit >= 0 && line_chars >= limit as usize) {
            // With "\r\n" endings a final "\r" may pair with the next
            // chunk's "\n": keep reading in that case.
            let crlf_pending = l.g.readnl.as_deref() == Some("\r\n")
                && end.is_none()
                && line.last() == Some(&b'\r');
            if !crlf_pending {
                break;
            }
        }
    }
    Ok(line)
}

fn m_readline(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("readline($self, size=-1, /)");
    let [v, size] = SIG.bind(ts, args, kw)?;
    let n = super::ssize_arg(ts, size, -1)?;
    let mut l = lock_open(ts, v)?;
    if !l.g.readable {
        drop(l);
        return Err(unsupported(ts, "not readable"));
    }
    let s = readline_locked(ts, &mut l, n)?;
    drop(l);
    Ok(new_str_wtf8(ts, &s))
}

fn text_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let line = if type_of(v) == io_types().text_io_wrapper {
        let mut l = lock_open(ts, v)?;
        if !l.g.readable {
            drop(l);
            return Err(unsupported(ts, "not readable"));
        }
        l.g.telling = false;
        let s = readline_locked(ts, &mut l, -1)?;
        if s.is_empty() {
            l.g.snapshot = None;
            l.g.telling = l.g.seekable;
            return Ok(None);
        }
        drop(l);
        new_str_wtf8(ts, &s)
    } else {
        {
            let mut l = lock(ts, v)?;
            l.g.telling = false;
        }
        let rl = names(ts).readline;
        let line = ops::call_method(ts, v, rl, &[])?;
        let Some(s) = line.downcast::<StrObj>() else {
            return Err(ts.os_error(format!(
                "readline() should have returned a str object, not '{}'",
                type_name(line)
            )));
        };
        if s.byte_len() == 0 {
            let mut l = lock(ts, v)?;
            l.g.snapshot = None;
            l.g.telling = l.g.seekable;
            return Ok(None);
        }
        line
    };
    Ok(Some(line))
}

// ---- writing -----------------------------------------------------------------------

fn m_write(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("write($self, text, /)");
    let [v, text] = SIG.bind(ts, args, kw)?;
    let Some(s) = text.downcast::<StrObj>() else {
        return Err(ts.type_error(format!(
            "write() argument must be str, not {}",
            super::arg_type_name(text)
        )));
    };
    let mut l = lock_open(ts, v)?;
    write_locked(ts, &mut l, s.as_wtf8(), s.value())?;
    drop(l);
    Ok(Value::small_int_unchecked(s.char_len() as i64))
}

/// `write(text)` on a locked wrapper: `text` is generalized UTF-8, `obj`
/// the str it came from (or NULL).
fn write_locked(ts: &mut ThreadState, l: &mut Locked, text: &[u8], obj: Value) -> PyResult<()> {
    if !l.g.writable {
        return Err(unsupported(ts, "not writable"));
    }
    let needflush = l.g.line_buffering && text.iter().any(|&b| b == b'\n' || b == b'\r');
    match &l.g.writenl {
        Some(nl) if l.g.writetranslate && text.contains(&b'\n') => {
            let mut t = Vec::with_capacity(text.len() + 8);
            for &b in text {
                if b == b'\n' {
                    t.extend_from_slice(nl.as_bytes());
                } else {
                    t.push(b);
                }
            }
            l.encode_pending(ts, &t, Value::NULL)?;
        }
        _ => l.encode_pending(ts, text, obj)?,
    }
    if l.g.pending.len() > l.g.chunk_size || needflush || l.g.write_through {
        l.write_pending(ts)?;
    }
    if needflush {
        l.buf.flush(ts)?;
    }
    // What was read ahead is no longer valid after a write.
    if l.g.readable {
        l.g.clear_decoded();
        l.g.snapshot = None;
        l.reset_decoder(ts)?;
    }
    Ok(())
}

/// Whether `v` is an exact `TextIOWrapper` (whose `write` is this
/// module's: `print` may call [`write_native`] instead).
pub fn is_exact(v: Value) -> bool {
    type_of(v) == io_types().text_io_wrapper
}

/// `v.write(text)` for an exact `TextIOWrapper`, without a method call.
pub fn write_native(ts: &mut ThreadState, v: Value, text: &str) -> PyResult<()> {
    let mut l = lock_open(ts, v)?;
    write_locked(ts, &mut l, text.as_bytes(), Value::NULL)
}

fn m_flush(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("flush($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let mut l = lock_open(ts, v)?;
    l.g.telling = l.g.seekable;
    l.write_pending(ts)?;
    l.buf.flush(ts)?;
    Ok(Value::NONE)
}

fn m_close(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("close($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    close(ts, v)?;
    Ok(Value::NONE)
}

/// `close()`: `self.flush()`, then `buffer.close()` (errors chained).
pub fn close(ts: &mut ThreadState, v: Value) -> PyResult<()> {
    let buf = lock(ts, v)?.buf;
    if closed(ts, v)? {
        return Ok(());
    }
    let f = names(ts).flush;
    let flushed = ops::call_method(ts, v, f, &[]).map(|_| ());
    let closed_r = match buf {
        Buf::Native(_, bv) => buffered::close(ts, bv),
        Buf::Py(bv) => {
            let c = names(ts).close;
            ops::call_method(ts, bv, c, &[]).map(|_| ())
        }
    };
    if let Some(b) = native::data_of::<Buffered>(buf.value()) {
        let _ = b.wrappers.fetch_update(
            std::sync::atomic::Ordering::AcqRel,
            std::sync::atomic::Ordering::Acquire,
            |n| n.checked_sub(1),
        );
    }
    match (flushed, closed_r) {
        (Ok(()), r) => r,
        (Err(e), Ok(())) => Err(e),
        (Err(e1), Err(e2)) => {
            e2.exc().context.set(e1.value());
            Err(e2)
        }
    }
}

fn m_detach(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("detach($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    drop(lock(ts, v)?);
    let f = names(ts).flush;
    ops::call_method(ts, v, f, &[])?;
    let mut l = lock(ts, v)?;
    let b = l.buf.value();
    l.g.detached = true;
    l.t.buffer.set(Value::NULL);
    drop(l);
    if let Some(bp) = native::data_of::<Buffered>(b) {
        let _ = bp.wrappers.fetch_update(
            std::sync::atomic::Ordering::AcqRel,
            std::sync::atomic::Ordering::Acquire,
            |n| n.checked_sub(1),
        );
    }
    Ok(b)
}

// ---- positions ------------------------------------------------------------------------

/// A decoded cookie. See the module doc.
#[derive(Debug, Default, Clone, Copy)]
struct Cookie {
    start: i64,
    flags: i64,
    feed: usize,
    skip: usize,
    need_eof: bool,
}

impl Cookie {
    fn pack(self, ts: &mut ThreadState) -> Value {
        if self.flags == 0 && self.feed == 0 && self.skip == 0 && !self.need_eof {
            return ftpy_vm::objects::int::int_from_i64(ts, self.start);
        }
        let mut x = BigInt::from(self.start as u64);
        x |= BigInt::from(self.flags as u64) << 64;
        x |= BigInt::from(self.feed as u64) << 128;
        x |= BigInt::from(self.skip as u64) << 192;
        if self.need_eof {
            x |= BigInt::from(1u8) << 256;
        }
        int_from_big(ts, x)
    }

    fn unpack(v: Value) -> Option<Cookie> {
        let b = to_big(v)?;
        let mask = (BigInt::from(1u8) << 64) - 1u8;
        let part = |sh: u32| -> u64 {
            let x: BigInt = (b.as_ref() >> sh) & &mask;
            u64::try_from(x).unwrap_or(0)
        };
        Some(Cookie {
            start: part(0) as i64,
            flags: part(64) as i64,
            feed: part(128) as usize,
            skip: part(192) as usize,
            need_eof: part(256) & 1 != 0,
        })
    }
}

/// Counts the characters a decoder in the snapshot's state makes of
/// `input[..k]` (through the newline state), k growing byte by byte, and
/// returns the cookie for the `need`-th character.
fn compute_cookie(
    ts: &mut ThreadState,
    l: &mut Locked,
    start: i64,
    snap: &Snapshot,
    need: usize,
) -> PyResult<Cookie> {
    let mut base = Cookie {
        start,
        flags: snap.flags,
        ..Cookie::default()
    };
    if need == 0 {
        return Ok(base);
    }
    let input = &snap.input;
    // Replay from the snapshot's state, remembering the latest clean
    // point (nothing held in the decoder) at or before `need` chars.
    l.set_dec_state(ts, snap.flags, start == 0)?;
    let mut count = 0usize;
    let mut clean_at = 0usize;
    let mut clean_count = 0usize;
    let mut clean_flags = snap.flags;
    // A first jump, by the bytes-per-character ratio.
    let guess = ((need as f64) * l.g.b2cratio.max(0.0)) as usize;
    let mut k = 0usize;
    if guess > 1 && guess < input.len() {
        let text = l.decode(ts, &input[..guess], false)?;
        let n = codec::cp_count(&text);
        let (held, f) = l.dec_state(ts)?;
        if n <= need && held.is_empty() {
            count = n;
            k = guess;
            clean_at = k;
            clean_count = n;
            clean_flags = f;
        } else {
            l.set_dec_state(ts, snap.flags, start == 0)?;
        }
    }
    while k < input.len() && count < need {
        let text = l.decode(ts, &input[k..k + 1], false)?;
        count += codec::cp_count(&text);
        k += 1;
        let (held, f) = l.dec_state(ts)?;
        if held.is_empty() && count <= need {
            clean_at = k;
            clean_count = count;
            clean_flags = f;
        }
    }
    let mut need_eof = false;
    if count < need {
        // The rest came from the end-of-stream flush.
        let text = l.decode(ts, b"", true)?;
        count += codec::cp_count(&text);
        need_eof = true;
        if count < need {
            return Err(ts.os_error("can't reconstruct logical file position"));
        }
    }
    base.start = start + clean_at as i64;
    base.flags = clean_flags;
    base.feed = k - clean_at;
    base.skip = need - clean_count;
    base.need_eof = need_eof;
    if base.feed == 0 {
        base.skip = 0;
    }
    Ok(base)
}

fn tell_locked(ts: &mut ThreadState, v: Value, l: &mut Locked) -> PyResult<Value> {
    if !l.g.seekable {
        return Err(unsupported(ts, "underlying stream is not seekable"));
    }
    if !l.g.telling {
        return Err(ts.os_error("telling position disabled by next() call"));
    }
    l.write_pending(ts)?;
    let _ = v;
    l.buf.flush(ts)?;
    let pos = l.buf.tell(ts)?;
    let snap = match (&l.g.snapshot, l.g.readable) {
        (Some(s), true) => s.clone(),
        _ => return Ok(pos),
    };
    let Some(posn) = ftpy_vm::objects::int::to_i64(pos) else {
        return Ok(pos);
    };
    let start = posn - snap.input.len() as i64;
    let need = l.g.decoded_used();
    if need == 0 {
        return Ok(Cookie {
            start,
            flags: snap.flags,
            ..Cookie::default()
        }
        .pack(ts));
    }
    // Save the decoder state; the replay changes it.
    let saved_dec = l.g.dec.clone();
    let saved_nl = l.g.nl.clone();
    let saved_py = if l.g.native.is_none() {
        Some(l.dec_state(ts)?)
    } else {
        None
    };
    let r = compute_cookie(ts, l, start, &snap, need);
    l.g.dec = saved_dec;
    l.g.nl = saved_nl;
    if let Some((held, f)) = saved_py {
        let dec = l.t.pydecoder.get();
        let b = BytesObj::new(ts, &held);
        let fv = ftpy_vm::objects::int::int_from_i64(ts, f >> 1);
        let st = TupleObj::new(ts, &[b, fv]);
        let s = ftpy_vm::interp::intern(ts, "setstate");
        ops::call_method(ts, dec, s, &[st.value()])?;
    }
    Ok(r?.pack(ts))
}

fn m_tell(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("tell($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let mut l = lock_open(ts, v)?;
    tell_locked(ts, v, &mut l)
}

fn m_seek(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("seek($self, cookie, whence=0, /)");
    let [v, cookie, whence] = SIG.bind(ts, args, kw)?;
    let w = super::fileio::whence_arg(ts, whence)?;
    let mut l = lock_open(ts, v)?;
    if !l.g.seekable {
        drop(l);
        return Err(unsupported(ts, "underlying stream is not seekable"));
    }
    let mut cookie = cookie;
    match w {
        1 => {
            if !ops::eq(ts, cookie, Value::small_int_unchecked(0))? {
                drop(l);
                return Err(unsupported(ts, "can't do nonzero cur-relative seeks"));
            }
            cookie = tell_locked(ts, v, &mut l)?;
        }
        2 => {
            if !ops::eq(ts, cookie, Value::small_int_unchecked(0))? {
                drop(l);
                return Err(unsupported(ts, "can't do nonzero end-relative seeks"));
            }
            // `self.flush()` (which also enables tell() again).
            l.g.telling = l.g.seekable;
            l.write_pending(ts)?;
            l.buf.flush(ts)?;
            l.g.clear_decoded();
            l.g.snapshot = None;
            l.reset_decoder(ts)?;
            let r = l.buf.seek(ts, Value::small_int_unchecked(0), 2)?;
            let at0 = ftpy_vm::objects::int::to_i64(r) == Some(0);
            reset_encoder(ts, &mut l, at0)?;
            return Ok(r);
        }
        0 => {}
        _ => {
            drop(l);
            return Err(ts.value_error(format!("invalid whence ({w}, should be 0, 1 or 2)")));
        }
    }
    if ftpy_vm::objects::float::is_float(cookie) {
        let i = ops::index(ts, cookie);
        match i {
            Ok(x) => cookie = x,
            Err(_) => {
                drop(l);
                return Err(ts.type_error("an integer is required"));
            }
        }
    }
    if !ftpy_vm::objects::int::is_int(cookie) {
        cookie = ops::index(ts, cookie)?;
    }
    if ops::lt(ts, cookie, Value::small_int_unchecked(0))? {
        let r = ops::repr_string(ts, cookie)?;
        drop(l);
        return Err(ts.value_error(format!("negative seek position {r}")));
    }
    let Some(c) = Cookie::unpack(cookie) else {
        drop(l);
        return Err(ts.type_error("an integer is required"));
    };
    // Flush (which also enables tell() again), then restart at the
    // cookie's position.
    l.g.telling = l.g.seekable;
    l.write_pending(ts)?;
    l.buf.flush(ts)?;
    let startv = ftpy_vm::objects::int::int_from_i64(ts, c.start);
    l.buf.seek(ts, startv, 0)?;
    l.g.clear_decoded();
    l.g.snapshot = None;
    if l.g.readable {
        if c.start == 0 && c.flags == 0 {
            l.reset_decoder(ts)?;
        } else {
            l.set_dec_state(ts, c.flags, false)?;
        }
        l.g.snapshot = Some(Snapshot {
            flags: c.flags,
            input: Vec::new(),
        });
    }
    if c.skip > 0 || c.feed > 0 {
        let input = l.buf.read_chunk(ts, c.feed, false)?.unwrap_or_default();
        let text = l.decode(ts, &input, c.need_eof)?;
        l.g.snapshot = Some(Snapshot {
            flags: c.flags,
            input,
        });
        if codec::cp_count(&text) < c.skip {
            drop(l);
            return Err(ts.os_error("can't restore logical file position"));
        }
        l.g.set_decoded(text);
        l.g.take_decoded(c.skip);
    }
    reset_encoder(ts, &mut l, ftpy_vm::objects::int::to_i64(cookie) == Some(0))?;
    drop(l);
    Ok(cookie)
}

/// After a seek: a byte order mark is written again only at position 0.
fn reset_encoder(ts: &mut ThreadState, l: &mut Locked, at_start: bool) -> PyResult<()> {
    if !l.g.writable {
        return Ok(());
    }
    if let Some(e) = l.g.enc.as_mut() {
        e.set_start(at_start);
    }
    let enc = l.t.pyencoder.get();
    if !enc.is_null() {
        if at_start {
            let r = ftpy_vm::interp::intern(ts, "reset");
            ops::call_method(ts, enc, r, &[])?;
        } else {
            let s = ftpy_vm::interp::intern(ts, "setstate");
            ops::call_method(ts, enc, s, &[Value::small_int_unchecked(0)])?;
        }
    }
    Ok(())
}

fn m_truncate(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("truncate($self, pos=None, /)");
    let [v, pos] = SIG.bind(ts, args, kw)?;
    let l = lock(ts, v)?;
    let b = l.buf.value();
    drop(l);
    let f = names(ts).flush;
    ops::call_method(ts, v, f, &[])?;
    let tr = names(ts).truncate;
    let p = if pos.is_null() { Value::NONE } else { pos };
    ops::call_method(ts, b, tr, &[p])
}

// ---- delegated and simple attributes ---------------------------------------------------

fn delegate(ts: &mut ThreadState, args: &[Value], kw: Kw, name: &str) -> PyResult<Value> {
    static SIG: Sig = Sig::new("method($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let l = lock(ts, v)?;
    let b = l.buf.value();
    drop(l);
    let n = ftpy_vm::interp::intern(ts, name);
    ops::call_method(ts, b, n, &[])
}

fn m_fileno(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    delegate(ts, args, kw, "fileno")
}
fn m_isatty(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    delegate(ts, args, kw, "isatty")
}
fn m_readable(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    delegate(ts, args, kw, "readable")
}
fn m_writable(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    delegate(ts, args, kw, "writable")
}
fn m_seekable(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    delegate(ts, args, kw, "seekable")
}

fn get_name(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let l = lock(ts, v)?;
    let b = l.buf.value();
    drop(l);
    let n = names(ts).name;
    ops::getattr(ts, b, n)
}

fn get_closed(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let l = lock(ts, v)?;
    let buf = l.buf;
    drop(l);
    match buf {
        Buf::Native(b, bv) => {
            let raw = b.raw_value();
            if raw.is_null() {
                let c = names(ts).closed;
                return ops::getattr(ts, bv, c);
            }
            Ok(Value::from_bool(buffered::Raw::of(raw).closed(ts)?))
        }
        Buf::Py(bv) => {
            let c = names(ts).closed;
            ops::getattr(ts, bv, c)
        }
    }
}

fn get_buffer(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let t = this(ts, v)?;
    let g = t.st.lock(ts).map_err(|_| reentrant(ts, v))?;
    if !g.ok {
        drop(g);
        return Err(ts.value_error("I/O operation on uninitialized object"));
    }
    drop(g);
    let b = t.buffer.get();
    Ok(if b.is_null() { Value::NONE } else { b })
}

fn state_field(ts: &mut ThreadState, v: Value) -> PyResult<IoGuard<'static, TextState>> {
    let t = this(ts, v)?;
    let g = t.st.lock(ts).map_err(|_| reentrant(ts, v))?;
    if !g.ok {
        drop(g);
        return Err(ts.value_error("I/O operation on uninitialized object"));
    }
    Ok(g)
}

fn get_encoding(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let e = state_field(ts, v)?.encoding.clone();
    Ok(StrObj::new(ts, &e))
}

fn get_errors(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let e = state_field(ts, v)?.errors.clone();
    Ok(StrObj::new(ts, &e))
}

fn get_line_buffering(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(state_field(ts, v)?.line_buffering))
}

fn get_write_through(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(state_field(ts, v)?.write_through))
}

fn get_newlines(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let l = lock(ts, v)?;
    let seen = l.g.nl.as_ref().map(|n| n.seennl);
    let py = l.g.native.is_none() && l.g.readable;
    let dec = l.t.pydecoder.get();
    drop(l);
    match seen {
        Some(s) => Ok(newlines_value(ts, s)),
        None if py && !dec.is_null() => {
            Ok(ops::getattr_str_opt(ts, dec, "newlines")?.unwrap_or(Value::NONE))
        }
        None => Ok(Value::NONE),
    }
}

fn get_chunk_size(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let n = lock(ts, v)?.g.chunk_size;
    Ok(Value::small_int_unchecked(n as i64))
}

fn set_chunk_size(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let Some(x) = x else {
        return Err(ts.attribute_error_msg("cannot delete attribute"));
    };
    let n = ops::index_to_i64(ts, x)?;
    if n <= 0 {
        return Err(ts.value_error("a strictly positive integer is required"));
    }
    lock(ts, v)?.g.chunk_size = n as usize;
    Ok(())
}

fn text_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    drop(state_field(ts, v)?);
    // CPython names the class "_io.TextIOWrapper" here even for a
    // subclass.
    let mut s = "<_io.TextIOWrapper".to_string();
    if let Some(n) = super::repr_name(ts, v)? {
        s.push_str(&format!(" name={n}"));
    }
    let m = names(ts).mode;
    match ops::getattr_opt(ts, v, m) {
        Ok(Some(mode)) => {
            let r = ops::repr_string(ts, mode)?;
            s.push_str(&format!(" mode={r}"));
        }
        Ok(None) => {}
        Err(e) if e.matches(types().value_error) => {}
        Err(e) => return Err(e),
    }
    let e = state_field(ts, v)?.encoding.clone();
    s.push_str(&format!(
        " encoding={}>",
        ftpy_vm::objects::str::repr_str(&e)
    ));
    Ok(StrObj::new(ts, &s))
}

/// `reconfigure(*, encoding=None, errors=None, newline=<unchanged>,
/// line_buffering=None, write_through=None)`.
fn m_reconfigure(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new(
        "reconfigure($self, /, *, encoding=None, errors=None, newline=None, line_buffering=None, write_through=None)",
    );
    let [v, enc, errors, newline, lb, wt] = SIG.bind(ts, args, kw)?;
    let enc = opt_str(ts, enc, "reconfigure() argument 'encoding'")?;
    let errors = opt_str(ts, errors, "reconfigure() argument 'errors'")?;
    let newline_given = !newline.is_null();
    let newline = if newline_given {
        newline_arg(ts, newline, "reconfigure() argument 'newline'")?
    } else {
        None
    };
    let lb = if lb.is_null() || lb.is_none() {
        None
    } else {
        Some(ops::truthy(ts, lb)?)
    };
    let wt = if wt.is_null() || wt.is_none() {
        None
    } else {
        Some(ops::truthy(ts, wt)?)
    };
    {
        let l = lock(ts, v)?;
        let used = l.g.snapshot.is_some() || !l.g.decoded.is_empty();
        if used && (enc.is_some() || errors.is_some() || newline_given) {
            drop(l);
            return Err(unsupported(
                ts,
                "It is not possible to set the encoding or newline of stream after the first read",
            ));
        }
    }
    let f = names(ts).flush;
    ops::call_method(ts, v, f, &[])?;
    let mut l = lock(ts, v)?;
    if enc.is_some() || errors.is_some() {
        let e = enc.clone().unwrap_or_else(|| l.g.encoding.clone());
        let e = if e == "locale" {
            "utf-8".to_string()
        } else {
            e
        };
        let er = match (&enc, errors) {
            (_, Some(x)) => x,
            (Some(_), None) => "strict".to_string(),
            (None, None) => l.g.errors.clone(),
        };
        let native_codec = codec::lookup(&e);
        let buffer = l.buf.value();
        let (readable, writable) = (l.g.readable, l.g.writable);
        drop(l);
        let (mut pyenc, mut pydec) = (Value::NULL, Value::NULL);
        if native_codec.is_none() {
            let info = python_codec(ts, &e)?;
            let es = StrObj::new(ts, &er);
            if readable {
                let f = ops::getattr_str(ts, info, "incrementaldecoder")?;
                pydec = ops::call1(ts, f, es)?;
            }
            if writable {
                let f = ops::getattr_str(ts, info, "incrementalencoder")?;
                pyenc = ops::call1(ts, f, es)?;
            }
        }
        let _ = buffer;
        l = lock(ts, v)?;
        l.t.pyencoder.set(pyenc);
        l.t.pydecoder.set(pydec);
        l.g.encoding = e;
        l.g.errors = er;
        l.g.native = native_codec;
        l.g.dec = match (readable, native_codec) {
            (true, Some(c)) => Some(codec::Decoder::new(c)),
            _ => None,
        };
        // A byte order mark only if nothing was written yet.
        let started = l.g.enc.as_ref().is_some_and(|e| e.started());
        l.g.enc = match (writable, native_codec) {
            (true, Some(c)) => {
                let mut enc = codec::Encoder::new(c);
                enc.set_start(!started);
                Some(enc)
            }
            _ => None,
        };
    }
    if newline_given {
        apply_newline(&mut l.g, newline);
    }
    if let Some(b) = lb {
        l.g.line_buffering = b;
    }
    if let Some(b) = wt {
        l.g.write_through = b;
    }
    Ok(Value::NONE)
}

/// Writes out what a standard stream holds without allocating or running
/// Python (fatal errors): the text's pending bytes after the buffer's.
pub fn flush_raw_nolock(v: Value) {
    let Some(t) = native::data_of::<TextIO>(v) else {
        return;
    };
    let b = t.buffer.get();
    if let Some(bp) = native::data_of::<Buffered>(b) {
        buffered::flush_raw_nolock(bp);
    }
    let raw = native::data_of::<Buffered>(b)
        .map(|bp| bp.raw_value())
        .unwrap_or(b);
    let Some(f) = super::fileio::payload(raw) else {
        return;
    };
    if let Some(mut g) = t.st.try_lock_raw() {
        if !g.pending.is_empty() && f.fd() >= 0 {
            ftpy_vm::objects::stream::write_raw(f.fd(), &g.pending);
            g.pending.clear();
        }
    }
}

pub fn init_type(ts: &mut ThreadState, ty: Gc<TypeObj>) {
    ty.slots.new.set(Some(text_new));
    ty.slots.init.set(Some(text_init));
    ty.slots.repr.set(Some(text_repr));
    ty.slots.next.set(Some(text_next));
    add_methods(
        ts,
        ty,
        &[
            method("read", m_read),
            method("readline", m_readline),
            method("write", m_write),
            method("flush", m_flush),
            method("close", m_close),
            method("detach", m_detach),
            method("tell", m_tell),
            method("seek", m_seek),
            method("truncate", m_truncate),
            method("fileno", m_fileno),
            method("isatty", m_isatty),
            method("readable", m_readable),
            method("writable", m_writable),
            method("seekable", m_seekable),
            method("reconfigure", m_reconfigure),
        ],
    );
    add_getset(ts, ty, "name", get_name, None);
    add_getset(ts, ty, "closed", get_closed, None);
    add_getset(ts, ty, "buffer", get_buffer, None);
    add_getset(ts, ty, "encoding", get_encoding, None);
    add_getset(ts, ty, "errors", get_errors, None);
    add_getset(ts, ty, "line_buffering", get_line_buffering, None);
    add_getset(ts, ty, "write_through", get_write_through, None);
    add_getset(ts, ty, "newlines", get_newlines, None);
    add_getset(ts, ty, "_CHUNK_SIZE", get_chunk_size, Some(set_chunk_size));
}
