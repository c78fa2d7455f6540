//! `_io.BufferedReader`, `_io.BufferedWriter`, `_io.BufferedRandom`: one
//! layout, [`Buffered`], told apart by what they allow.
//!
//! # State (behind the object's `IoLock`)
//! ```text
//! rbuf[rpos..]   read ahead from the raw stream, not yet returned
//! wbuf           written by the program, not yet passed to the raw stream
//! ```
//! At most one of the two holds data: a read first flushes `wbuf`, a write
//! first gives the read-ahead back (seeking the raw stream back over it).
//! So the logical position is `raw.tell() - unread + len(wbuf)`.
//!
//! # The raw stream
//! [`Raw`] calls a raw stream: an exact `FileIO` directly (a system call,
//! detached), anything else through its Python methods (`readinto`,
//! `write`, `seek` ...), checking their results as CPython does. The
//! object's lock is held across those calls (see `lock.rs` for why that is
//! safe: waiters wait detached, re-entry raises `RuntimeError`).

use std::sync::atomic::{AtomicU32, Ordering};

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::{Marker, Slot};
use ftpy_vm::interp::types;
use ftpy_vm::objects::bytearray::BytearrayObj;
use ftpy_vm::objects::bytes::BytesObj;
use ftpy_vm::objects::native::{self, NativeData};
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::typeobj::{type_name, type_of, TypeObj};
use ftpy_vm::objects::{add_getset, add_methods, method};
use ftpy_vm::{ops, Gc, PyErr, PyResult, ThreadState, Value};

use super::fileio::{self, FileIO};
use super::lock::{IoGuard, IoLock};
use super::{io_types, names, reentrant, size_arg, unsupported, Kw, DEFAULT_BUFFER_SIZE};

/// Which of the three classes an object was made as.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Role {
    Reader = 0,
    Writer = 1,
    Random = 2,
}

pub struct BufState {
    ok: bool,
    detached: bool,
    role: Role,
    buffer_size: usize,
    rbuf: Vec<u8>,
    rpos: usize,
    wbuf: Vec<u8>,
}

impl BufState {
    fn unread(&self) -> usize {
        self.rbuf.len() - self.rpos
    }

    fn take_unread(&mut self, n: usize) -> &[u8] {
        let k = n.min(self.unread());
        let s = self.rpos;
        self.rpos += k;
        &self.rbuf[s..s + k]
    }

    fn reset_read(&mut self) {
        self.rbuf.clear();
        self.rpos = 0;
    }

    fn writable(&self) -> bool {
        self.role != Role::Reader
    }
}

/// The payload of the buffered classes. See the module doc.
pub struct Buffered {
    /// The raw stream (NULL before `__init__` and after `detach`).
    raw: Slot,
    /// Native text objects wrapping this one (see
    /// `fileio::leave_to_wrapper`).
    pub wrappers: AtomicU32,
    st: IoLock<BufState>,
}

// SAFETY: the one Value is in a Slot and traced.
unsafe impl NativeData for Buffered {
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.raw);
    }
}

/// A raw stream to call. See the module doc.
#[derive(Copy, Clone)]
pub enum Raw {
    Native(&'static FileIO),
    Py(Value),
}

/// `BlockingIOError(EAGAIN, ..., written)`: a non-blocking raw stream
/// took only part of the data.
fn blocking_error(ts: &mut ThreadState, written: usize) -> PyErr {
    let e = Value::small_int_unchecked(libc::EAGAIN as i64);
    let m = StrObj::new(ts, "write could not complete without blocking");
    let w = Value::small_int_unchecked(written as i64);
    let bio = ftpy_vm::interp::interp()
        .builtins_dict
        .get_str_text("BlockingIOError")
        .unwrap_or(types().os_error.value());
    match ops::call(ts, bio, &[e, m, w], None) {
        Ok(exc) => PyErr::from_exception(exc),
        Err(e) => e,
    }
}

fn invalid_length(ts: &mut ThreadState, what: &str, n: i64, max: usize) -> PyErr {
    ts.os_error(format!(
        "raw {what}() returned invalid length {n} (should have been between 0 and {max})"
    ))
}

impl Raw {
    pub fn of(v: Value) -> Raw {
        match fileio::exact(v) {
            Some(f) => Raw::Native(f),
            None => Raw::Py(v),
        }
    }

    /// One read of at most `n` bytes; `Ok(None)`: nothing available on a
    /// non-blocking stream.
    fn read(self, ts: &mut ThreadState, n: usize) -> PyResult<Option<Vec<u8>>> {
        match self {
            Raw::Native(f) => f.read_raw(ts, n),
            Raw::Py(v) => {
                let ba = BytearrayObj::new(ts, types().bytearray, &vec![0u8; n]);
                let ri = names(ts).readinto;
                let r = ops::call_method(ts, v, ri, &[ba.value()])?;
                if r.is_none() {
                    return Ok(None);
                }
                let got = ops::index_to_i64(ts, r)?;
                if got < 0 || got as usize > n {
                    return Err(invalid_length(ts, "readinto", got, n));
                }
                let mut d = ba.to_vec();
                d.truncate(got as usize);
                Ok(Some(d))
            }
        }
    }

    /// Everything to the end (`readall`, or reads until EOF).
    fn read_all(self, ts: &mut ThreadState) -> PyResult<Option<Vec<u8>>> {
        match self {
            Raw::Native(f) => f.read_all(ts),
            Raw::Py(v) => {
                let ra = names(ts).readall;
                if let Some(m) = ops::getattr_opt(ts, v, ra)? {
                    let r = ops::call0(ts, m)?;
                    if r.is_none() {
                        return Ok(None);
                    }
                    return match r.downcast::<BytesObj>() {
                        Some(b) => Ok(Some(b.as_bytes().to_vec())),
                        None => Err(ts.type_error("readall() should return bytes")),
                    };
                }
                let mut out = Vec::new();
                loop {
                    match self.read(ts, DEFAULT_BUFFER_SIZE)? {
                        None if out.is_empty() => return Ok(None),
                        None => break,
                        Some(d) if d.is_empty() => break,
                        Some(d) => out.extend_from_slice(&d),
                    }
                }
                Ok(Some(out))
            }
        }
    }

    /// One write; the number of bytes taken, `Ok(None)` if it would block.
    fn write(self, ts: &mut ThreadState, data: &[u8]) -> PyResult<Option<usize>> {
        match self {
            Raw::Native(f) => f.write_raw(ts, data),
            Raw::Py(v) => {
                let b = BytesObj::new(ts, data);
                let w = names(ts).write;
                let r = ops::call_method(ts, v, w, &[b])?;
                if r.is_none() {
                    return Ok(None);
                }
                let n = ops::index_to_i64(ts, r)?;
                if n < 0 || n as usize > data.len() {
                    return Err(invalid_length(ts, "write", n, data.len()));
                }
                Ok(Some(n as usize))
            }
        }
    }

    fn seek(self, ts: &mut ThreadState, pos: i64, whence: i32) -> PyResult<i64> {
        let r = match self {
            Raw::Native(f) => f.seek(ts, pos, whence)?,
            Raw::Py(v) => {
                let s = names(ts).seek;
                let p = ftpy_vm::objects::int::int_from_i64(ts, pos);
                let r =
                    ops::call_method(ts, v, s, &[p, Value::small_int_unchecked(whence as i64)])?;
                ops::index_to_i64(ts, r)?
            }
        };
        if r < 0 {
            return Err(ts.os_error(format!("Raw stream returned invalid position {r}")));
        }
        Ok(r)
    }

    fn tell(self, ts: &mut ThreadState) -> PyResult<i64> {
        let r = match self {
            Raw::Native(f) => f.tell(ts)?,
            Raw::Py(v) => {
                let t = names(ts).tell;
                let r = ops::call_method(ts, v, t, &[])?;
                ops::index_to_i64(ts, r)?
            }
        };
        if r < 0 {
            return Err(ts.os_error(format!("Raw stream returned invalid position {r}")));
        }
        Ok(r)
    }

    pub fn closed(self, ts: &mut ThreadState) -> PyResult<bool> {
        match self {
            Raw::Native(f) => Ok(f.is_closed()),
            Raw::Py(v) => {
                let c = names(ts).closed;
                super::attr_truthy(ts, v, c)
            }
        }
    }
}

fn this(ts: &mut ThreadState, v: Value) -> PyResult<&'static Buffered> {
    match native::data_of::<Buffered>(v) {
        Some(b) => Ok(b),
        None => Err(ts.type_error(format!(
            "descriptor requires a buffered object but received a '{}'",
            type_name(v)
        ))),
    }
}

/// The payload if `v`'s type is exactly one of the three classes (native
/// fast paths: a subclass may override the methods).
pub fn exact(v: Value) -> Option<&'static Buffered> {
    let ty = type_of(v);
    let t = io_types();
    if ty == t.buffered_reader || ty == t.buffered_writer || ty == t.buffered_random {
        native::data_of::<Buffered>(v)
    } else {
        None
    }
}

/// A locked, initialized, attached object: the guard and its raw stream.
pub struct Locked {
    pub g: IoGuard<'static, BufState>,
    pub raw: Raw,
    pub raw_value: Value,
}

impl Buffered {
    /// Locks the state; checks that `__init__` ran and the raw stream is
    /// still attached.
    pub fn lock(&'static self, ts: &mut ThreadState, v: Value) -> PyResult<Locked> {
        let g = self.st.lock(ts).map_err(|_| reentrant(ts, v))?;
        if !g.ok {
            drop(g);
            return Err(ts.value_error("I/O operation on uninitialized object"));
        }
        if g.detached {
            drop(g);
            return Err(ts.value_error("raw stream has been detached"));
        }
        let rv = self.raw.get();
        Ok(Locked {
            g,
            raw: Raw::of(rv),
            raw_value: rv,
        })
    }

    /// Locks and checks that the raw stream is open (`what` names the
    /// operation in the error: "read" gives "read of closed file",
    /// "write" gives "write to closed file").
    pub fn lock_open(
        &'static self,
        ts: &mut ThreadState,
        v: Value,
        what: &str,
    ) -> PyResult<Locked> {
        let l = self.lock(ts, v)?;
        if l.raw.closed(ts)? {
            drop(l);
            let prep = if what == "write" { "to" } else { "of" };
            return Err(ts.value_error(format!("{what} {prep} closed file")));
        }
        Ok(l)
    }

    /// The raw stream value (NULL when detached or uninitialized).
    pub fn raw_value(&self) -> Value {
        self.raw.get()
    }
}

impl Locked {
    /// Writes out `wbuf`.
    fn flush_writes(&mut self, ts: &mut ThreadState) -> PyResult<()> {
        if self.g.wbuf.is_empty() {
            return Ok(());
        }
        let data = std::mem::take(&mut self.g.wbuf);
        let mut done = 0;
        while done < data.len() {
            match self.raw.write(ts, &data[done..]) {
                Ok(Some(n)) => done += n,
                Ok(None) => {
                    self.g.wbuf = data[done..].to_vec();
                    return Err(blocking_error(ts, 0));
                }
                Err(e) => {
                    self.g.wbuf = data[done..].to_vec();
                    return Err(e);
                }
            }
        }
        Ok(())
    }

    /// Gives the read-ahead back: seeks the raw stream to the logical
    /// position.
    fn rewind(&mut self, ts: &mut ThreadState) -> PyResult<()> {
        let unread = self.g.unread();
        self.g.reset_read();
        if unread > 0 {
            self.raw.seek(ts, -(unread as i64), libc::SEEK_CUR)?;
        }
        Ok(())
    }

    /// Before reading: pending writes go out first.
    fn prepare_read(&mut self, ts: &mut ThreadState) -> PyResult<()> {
        if !self.g.wbuf.is_empty() {
            self.flush_writes(ts)?;
        }
        Ok(())
    }

    /// One raw read appended to the read buffer, up to the buffer size
    /// (CPython's `_bufferedreader_fill_buffer`): the bytes read, 0 at
    /// EOF, None when the stream would block.
    fn fill(&mut self, ts: &mut ThreadState) -> PyResult<Option<usize>> {
        let room = self.g.buffer_size.saturating_sub(self.g.rbuf.len());
        match self.raw.read(ts, room)? {
            None => Ok(None),
            Some(d) => {
                self.g.rbuf.extend_from_slice(&d);
                Ok(Some(d.len()))
            }
        }
    }

    /// `read(n)`, as CPython's buffered reader does it: what is buffered,
    /// then whole blocks straight from the raw stream, then the last
    /// partial block through the buffer (so the raw stream sees the same
    /// calls).
    pub fn read(&mut self, ts: &mut ThreadState, n: i64) -> PyResult<Option<Vec<u8>>> {
        self.prepare_read(ts)?;
        if n < 0 {
            let mut out = self.g.take_unread(usize::MAX).to_vec();
            self.g.reset_read();
            match self.raw.read_all(ts)? {
                Some(d) => out.extend_from_slice(&d),
                None if out.is_empty() => return Ok(None),
                None => {}
            }
            return Ok(Some(out));
        }
        let n = n as usize;
        if self.g.unread() >= n {
            return Ok(Some(self.g.take_unread(n).to_vec()));
        }
        let mut out = self.g.take_unread(n).to_vec();
        self.g.reset_read();
        let bs = self.g.buffer_size;
        // Whole blocks, read directly.
        loop {
            let remaining = n - out.len();
            let blocks = bs * (remaining / bs);
            if blocks == 0 {
                break;
            }
            match self.raw.read(ts, blocks)? {
                None if out.is_empty() => return Ok(None),
                None => return Ok(Some(out)),
                Some(d) if d.is_empty() => return Ok(Some(out)),
                Some(d) => out.extend_from_slice(&d),
            }
        }
        // The rest through the buffer.
        while out.len() < n && self.g.rbuf.len() < bs {
            match self.fill(ts)? {
                None if out.is_empty() => return Ok(None),
                None | Some(0) => break,
                Some(_) => {
                    let want = n - out.len();
                    let d = self.g.take_unread(want).to_vec();
                    out.extend_from_slice(&d);
                }
            }
        }
        Ok(Some(out))
    }

    /// `read1(n)`: buffered bytes if there are any, else one raw read of
    /// `n` bytes.
    pub fn read1(&mut self, ts: &mut ThreadState, n: i64) -> PyResult<Vec<u8>> {
        let n = if n < 0 {
            self.g.buffer_size
        } else {
            n as usize
        };
        if n == 0 {
            return Ok(Vec::new());
        }
        if self.g.unread() > 0 {
            return Ok(self.g.take_unread(n).to_vec());
        }
        self.prepare_read(ts)?;
        self.g.reset_read();
        Ok(self.raw.read(ts, n)?.unwrap_or_default())
    }

    pub fn peek(&mut self, ts: &mut ThreadState) -> PyResult<Vec<u8>> {
        self.prepare_read(ts)?;
        if self.g.unread() == 0 {
            self.g.reset_read();
            self.fill(ts)?;
        }
        let s = self.g.rpos;
        Ok(self.g.rbuf[s..].to_vec())
    }

    pub fn readline(&mut self, ts: &mut ThreadState, limit: i64) -> PyResult<Vec<u8>> {
        self.prepare_read(ts)?;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let room = if limit < 0 {
                usize::MAX
            } else {
                limit as usize - out.len()
            };
            let s = self.g.rpos;
            let avail = &self.g.rbuf[s..];
            let scan = avail.len().min(room);
            if let Some(i) = avail[..scan].iter().position(|&c| c == b'\n') {
                let d = self.g.take_unread(i + 1).to_vec();
                out.extend_from_slice(&d);
                return Ok(out);
            }
            let d = self.g.take_unread(scan).to_vec();
            out.extend_from_slice(&d);
            if limit >= 0 && out.len() >= limit as usize {
                return Ok(out);
            }
            self.g.reset_read();
            match self.fill(ts)? {
                Some(n) if n > 0 => {}
                _ => return Ok(out),
            }
        }
    }

    pub fn write(&mut self, ts: &mut ThreadState, data: &[u8]) -> PyResult<()> {
        if self.g.unread() > 0 {
            self.rewind(ts)?;
        } else {
            self.g.reset_read();
        }
        if self.g.wbuf.len() + data.len() <= self.g.buffer_size {
            self.g.wbuf.extend_from_slice(data);
            return Ok(());
        }
        self.flush_writes(ts)?;
        // As CPython: raw writes while more than a buffer's worth is left,
        // the rest is buffered.
        let mut done = 0;
        while data.len() - done > self.g.buffer_size {
            match self.raw.write(ts, &data[done..])? {
                Some(n) => done += n,
                None => return Err(blocking_error(ts, done)),
            }
        }
        self.g.wbuf.extend_from_slice(&data[done..]);
        Ok(())
    }

    /// Writes out pending data and gives back the read-ahead.
    pub fn flush(&mut self, ts: &mut ThreadState) -> PyResult<()> {
        self.flush_writes(ts)?;
        if self.g.unread() > 0 {
            self.rewind(ts)?;
        }
        Ok(())
    }

    pub fn tell(&mut self, ts: &mut ThreadState) -> PyResult<i64> {
        let pos = self.raw.tell(ts)?;
        let p = pos - self.g.unread() as i64 + self.g.wbuf.len() as i64;
        Ok(p.max(0))
    }

    pub fn seek(&mut self, ts: &mut ThreadState, pos: i64, whence: i32) -> PyResult<i64> {
        self.flush_writes(ts)?;
        let target = if whence == libc::SEEK_CUR {
            pos - self.g.unread() as i64
        } else {
            pos
        };
        self.g.reset_read();
        self.raw.seek(ts, target, whence)
    }
}

/// `buffer_size` argument.
fn buffer_size_arg(ts: &mut ThreadState, v: Value) -> PyResult<usize> {
    if v.is_null() {
        return Ok(DEFAULT_BUFFER_SIZE);
    }
    let n = ops::index_to_i64(ts, v)?;
    if n <= 0 {
        return Err(ts.value_error("buffer size must be strictly positive"));
    }
    Ok(n as usize)
}

fn role_of(cls: Gc<TypeObj>) -> Role {
    let t = io_types();
    if cls.is_subtype(t.buffered_random) {
        Role::Random
    } else if cls.is_subtype(t.buffered_writer) {
        Role::Writer
    } else {
        Role::Reader
    }
}

fn base_of(role: Role) -> Gc<TypeObj> {
    let t = io_types();
    match role {
        Role::Reader => t.buffered_reader,
        Role::Writer => t.buffered_writer,
        Role::Random => t.buffered_random,
    }
}

/// A blank buffered object of class `cls` (uninitialized until `init`).
pub fn new_buffered(ts: &mut ThreadState, cls: Gc<TypeObj>, finalize: bool) -> PyResult<Value> {
    let role = role_of(cls);
    let payload = Buffered {
        raw: Slot::new(Value::NULL),
        wrappers: AtomicU32::new(0),
        st: IoLock::new(BufState {
            ok: false,
            detached: false,
            role,
            buffer_size: DEFAULT_BUFFER_SIZE,
            rbuf: Vec::new(),
            rpos: 0,
            wbuf: Vec::new(),
        }),
    };
    Ok(native::alloc_checked(ts, cls, base_of(role), payload, finalize)?.value())
}

fn buffered_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    _args: &[Value],
    _kw: Kw,
) -> PyResult<Value> {
    new_buffered(ts, cls, true)
}

/// `__init__(raw, buffer_size=DEFAULT_BUFFER_SIZE)`.
pub fn init_buffered(ts: &mut ThreadState, v: Value, raw: Value, size: Value) -> PyResult<()> {
    let b = this(ts, v)?;
    let role = b.st.lock(ts).map_err(|_| reentrant(ts, v))?.role;
    let checks: &[&str] = match role {
        Role::Reader => &["readable"],
        Role::Writer => &["writable"],
        Role::Random => &["seekable", "readable", "writable"],
    };
    for c in checks {
        let name = ftpy_vm::interp::intern(ts, c);
        if !super::call_truthy(ts, raw, name)? {
            return Err(unsupported(ts, &format!("File or stream is not {c}.")));
        }
    }
    let size = buffer_size_arg(ts, size)?;
    let mut g = b.st.lock(ts).map_err(|_| reentrant(ts, v))?;
    let old = b.raw.get();
    if let Some(f) = fileio::payload(old) {
        if g.ok && !g.detached {
            f.wrappers.fetch_sub(1, Ordering::AcqRel);
        }
    }
    b.raw.set(raw);
    if let Some(f) = fileio::payload(raw) {
        f.wrappers.fetch_add(1, Ordering::AcqRel);
    }
    g.buffer_size = size;
    g.reset_read();
    g.wbuf.clear();
    g.ok = true;
    g.detached = false;
    Ok(())
}

fn buffered_init(ts: &mut ThreadState, v: Value, args: &[Value], kw: Kw) -> PyResult<()> {
    let role = role_of(type_of(v));
    static R: Sig = Sig::new("BufferedReader(raw, buffer_size=8192)");
    static W: Sig = Sig::new("BufferedWriter(raw, buffer_size=8192)");
    static RW: Sig = Sig::new("BufferedRandom(raw, buffer_size=8192)");
    let sig = match role {
        Role::Reader => &R,
        Role::Writer => &W,
        Role::Random => &RW,
    };
    let [raw, size] = sig.bind(ts, args, kw)?;
    init_buffered(ts, v, raw, size)
}

fn m_read(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("read($self, size=-1, /)");
    let [v, size] = SIG.bind(ts, args, kw)?;
    let n = size_arg(ts, size)?;
    if n < -1 {
        return Err(ts.value_error("read length must be non-negative or -1"));
    }
    let b = this(ts, v)?;
    let mut l = b.lock_open(ts, v, "read")?;
    let r = l.read(ts, n)?;
    drop(l);
    Ok(match r {
        Some(d) => BytesObj::new(ts, &d),
        None => Value::NONE,
    })
}

fn m_read1(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("read1($self, size=-1, /)");
    let [v, size] = SIG.bind(ts, args, kw)?;
    let n = super::ssize_arg(ts, size, -1)?;
    let b = this(ts, v)?;
    let mut l = b.lock_open(ts, v, "read")?;
    let d = l.read1(ts, n)?;
    drop(l);
    Ok(BytesObj::new(ts, &d))
}

fn readinto_impl(ts: &mut ThreadState, args: &[Value], kw: Kw, one: bool) -> PyResult<Value> {
    static SIG: Sig = Sig::new("readinto($self, buffer, /)");
    let [v, target] = SIG.bind(ts, args, kw)?;
    let n = super::writable_len(ts, target, if one { "readinto1" } else { "readinto" })?;
    let b = this(ts, v)?;
    let mut l = b.lock_open(ts, v, "readinto")?;
    let d = if one {
        Some(l.read1(ts, n as i64)?)
    } else {
        l.read(ts, n as i64)?
    };
    drop(l);
    match d {
        Some(d) => {
            super::store_into(ts, target, &d)?;
            Ok(Value::small_int_unchecked(d.len() as i64))
        }
        None => Ok(Value::NONE),
    }
}

fn m_readinto(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    readinto_impl(ts, args, kw, false)
}

fn m_readinto1(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    readinto_impl(ts, args, kw, true)
}

fn m_peek(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("peek($self, size=0, /)");
    let [v, size] = SIG.bind(ts, args, kw)?;
    super::ssize_arg(ts, size, 0)?;
    let b = this(ts, v)?;
    let mut l = b.lock_open(ts, v, "peek")?;
    let d = l.peek(ts)?;
    drop(l);
    Ok(BytesObj::new(ts, &d))
}

fn m_readline(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("readline($self, size=-1, /)");
    let [v, size] = SIG.bind(ts, args, kw)?;
    let n = size_arg(ts, size)?;
    let b = this(ts, v)?;
    let mut l = b.lock_open(ts, v, "readline")?;
    let d = l.readline(ts, n)?;
    drop(l);
    Ok(BytesObj::new(ts, &d))
}

fn m_write(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("write($self, buffer, /)");
    let [v, data] = SIG.bind(ts, args, kw)?;
    let data = super::bytes_like(ts, data)?;
    let b = this(ts, v)?;
    let mut l = b.lock_open(ts, v, "write")?;
    l.write(ts, &data)?;
    drop(l);
    Ok(Value::small_int_unchecked(data.len() as i64))
}

fn m_flush(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("flush($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    flush(ts, v)?;
    Ok(Value::NONE)
}

/// `flush()`: a reader only passes it on to the raw stream (CPython's
/// "simple flush"); a writer writes out its buffer, and a random-access
/// object also gives back its read-ahead.
pub fn flush(ts: &mut ThreadState, v: Value) -> PyResult<()> {
    let b = this(ts, v)?;
    let l = b.lock(ts, v)?;
    if l.g.role == Role::Reader {
        let raw = l.raw_value;
        drop(l);
        let f = names(ts).flush;
        ops::call_method(ts, raw, f, &[])?;
        return Ok(());
    }
    drop(l);
    let mut l = b.lock_open(ts, v, "flush")?;
    l.flush(ts)
}

fn m_tell(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("tell($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let b = this(ts, v)?;
    let mut l = b.lock(ts, v)?;
    let p = l.tell(ts)?;
    drop(l);
    Ok(ftpy_vm::objects::int::int_from_i64(ts, p))
}

fn m_seek(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("seek($self, target, whence=0, /)");
    let [v, target, whence] = SIG.bind(ts, args, kw)?;
    let w = super::fileio::whence_arg(ts, whence)?;
    if !(0..=4).contains(&w) {
        return Err(ts.value_error(format!("whence value {w} unsupported")));
    }
    let b = this(ts, v)?;
    drop(b.lock_open(ts, v, "seek")?);
    let raw = b.raw_value();
    let sk = names(ts).seekable;
    if !super::call_truthy(ts, raw, sk)? {
        return Err(unsupported(ts, "File or stream is not seekable."));
    }
    let pos = ops::index_to_i64(ts, target)?;
    let mut l = b.lock_open(ts, v, "seek")?;
    let r = l.seek(ts, pos, w)?;
    drop(l);
    Ok(ftpy_vm::objects::int::int_from_i64(ts, r))
}

fn m_truncate(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("truncate($self, pos=None, /)");
    let [v, pos] = SIG.bind(ts, args, kw)?;
    let b = this(ts, v)?;
    let mut l = b.lock_open(ts, v, "truncate")?;
    if !l.g.writable() {
        drop(l);
        return Err(unsupported(ts, "truncate"));
    }
    l.flush(ts)?;
    let raw = l.raw_value;
    let tr = names(ts).truncate;
    let p = if pos.is_null() { Value::NONE } else { pos };
    let r = ops::call_method(ts, raw, tr, &[p]);
    l.g.reset_read();
    drop(l);
    r
}

fn m_close(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("close($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    close(ts, v)?;
    Ok(Value::NONE)
}

/// `close()`: flush, then close the raw stream (an error from either is
/// raised, the second chained to the first).
pub fn close(ts: &mut ThreadState, v: Value) -> PyResult<()> {
    let b = this(ts, v)?;
    let l = b.lock(ts, v)?;
    if l.raw.closed(ts)? {
        return Ok(());
    }
    drop(l);
    // `self.flush()` (a reader's only passes it on to the raw stream; a
    // subclass's override is honoured).
    let flushed = if exact(v).is_some() {
        flush(ts, v)
    } else {
        let f = names(ts).flush;
        ops::call_method(ts, v, f, &[]).map(|_| ())
    };
    let mut l = b.lock(ts, v)?;
    let raw = l.raw_value;
    let close_r = match l.raw {
        Raw::Native(_) => fileio::close(ts, raw),
        Raw::Py(_) => {
            let c = names(ts).close;
            ops::call_method(ts, raw, c, &[]).map(|_| ())
        }
    };
    l.g.reset_read();
    l.g.wbuf.clear();
    drop(l);
    if let Some(f) = fileio::payload(raw) {
        let _ = f
            .wrappers
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1));
    }
    match (flushed, close_r) {
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
    detach(ts, v)
}

pub fn detach(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let b = this(ts, v)?;
    drop(b.lock(ts, v)?);
    let f = names(ts).flush;
    ops::call_method(ts, v, f, &[])?;
    let l = b.lock(ts, v)?;
    let mut l = l;
    let raw = l.raw_value;
    l.g.detached = true;
    b.raw.set(Value::NULL);
    drop(l);
    if let Some(f) = fileio::payload(raw) {
        let _ = f
            .wrappers
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1));
    }
    Ok(raw)
}

/// Calls `raw.<name>()` after the usual checks (fileno, isatty,
/// readable, writable, seekable).
fn delegate(ts: &mut ThreadState, args: &[Value], kw: Kw, name: &str) -> PyResult<Value> {
    static SIG: Sig = Sig::new("method($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let b = this(ts, v)?;
    let l = b.lock(ts, v)?;
    let raw = l.raw;
    let rv = l.raw_value;
    drop(l);
    if let Raw::Native(f) = raw {
        return Ok(match name {
            "fileno" => Value::small_int_unchecked(f.fileno(ts)? as i64),
            "isatty" => Value::from_bool(f.isatty(ts)?),
            "readable" => Value::from_bool(f.readable(ts)?),
            "writable" => Value::from_bool(f.writable(ts)?),
            _ => Value::from_bool(f.seekable(ts)?),
        });
    }
    let n = ftpy_vm::interp::intern(ts, name);
    ops::call_method(ts, rv, n, &[])
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

/// `raw.<attr>` after the usual checks (closed, name, mode).
fn raw_attr(ts: &mut ThreadState, v: Value, name: Gc<StrObj>) -> PyResult<Value> {
    let b = this(ts, v)?;
    let l = b.lock(ts, v)?;
    let raw = l.raw;
    let rv = l.raw_value;
    drop(l);
    if let Raw::Native(f) = raw {
        if name.as_str() == "closed" {
            return Ok(Value::from_bool(f.is_closed()));
        }
    }
    ops::getattr(ts, rv, name)
}

fn get_closed(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let n = names(ts).closed;
    raw_attr(ts, v, n)
}

fn get_name(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let n = names(ts).name;
    raw_attr(ts, v, n)
}

fn get_mode(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let n = names(ts).mode;
    raw_attr(ts, v, n)
}

fn get_raw(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let b = this(ts, v)?;
    let r = b.raw.get();
    Ok(if r.is_null() { Value::NONE } else { r })
}

fn buffered_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let tn = super::type_display(v);
    let s = match super::repr_name(ts, v)? {
        Some(n) => format!("<{tn} name={n}>"),
        None => format!("<{tn}>"),
    };
    Ok(StrObj::new(ts, &s))
}

fn buffered_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let line = match exact(v) {
        Some(b) => {
            let mut l = b.lock_open(ts, v, "readline")?;
            let d = l.readline(ts, -1)?;
            drop(l);
            BytesObj::new(ts, &d)
        }
        None => {
            let rl = names(ts).readline;
            ops::call_method(ts, v, rl, &[])?
        }
    };
    if ops::len(ts, line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line))
}

/// Writes out what a standard stream's buffer holds without allocating or
/// running Python (fatal errors): only over an exact `FileIO`.
pub fn flush_raw_nolock(b: &Buffered) {
    let rv = b.raw.get();
    let Some(f) = fileio::payload(rv) else {
        return;
    };
    if let Some(mut g) = b.st.try_lock_raw() {
        if !g.wbuf.is_empty() && f.fd() >= 0 {
            ftpy_vm::objects::stream::write_raw(f.fd(), &g.wbuf);
            g.wbuf.clear();
        }
    }
}

pub fn init_type(ts: &mut ThreadState, ty: Gc<TypeObj>, role: usize) {
    ty.slots.new.set(Some(buffered_new));
    ty.slots.init.set(Some(buffered_init));
    ty.slots.repr.set(Some(buffered_repr));
    // The method sets of CPython's three classes: a reader has no
    // `writable` (so `_IOBase.writable` says False) and a writer no
    // `readable`, no reading methods and no `__next__`.
    let mut defs = vec![
        method("close", m_close),
        method("detach", m_detach),
        method("flush", m_flush),
        method("tell", m_tell),
        method("seek", m_seek),
        method("truncate", m_truncate),
        method("fileno", m_fileno),
        method("isatty", m_isatty),
        method("seekable", m_seekable),
    ];
    if role != Role::Writer as usize {
        ty.slots.next.set(Some(buffered_next));
        defs.extend([
            method("read", m_read),
            method("read1", m_read1),
            method("readinto", m_readinto),
            method("readinto1", m_readinto1),
            method("peek", m_peek),
            method("readline", m_readline),
            method("readable", m_readable),
        ]);
    }
    if role != Role::Reader as usize {
        defs.push(method("write", m_write));
        defs.push(method("writable", m_writable));
    }
    add_methods(ts, ty, &defs);
    add_getset(ts, ty, "closed", get_closed, None);
    add_getset(ts, ty, "name", get_name, None);
    add_getset(ts, ty, "mode", get_mode, None);
    add_getset(ts, ty, "raw", get_raw, None);
}
