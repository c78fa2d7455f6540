//! The standard streams (`sys.stdin`, `sys.stdout`, `sys.stderr`): a
//! minimal `io.TextIOWrapper` over a file descriptor, until `_io` exists.
//!
//! Output is buffered in Rust memory (bytes, no values) behind a mutex:
//! line-buffered on a terminal or with `-u`, block-buffered otherwise, and
//! flushed at exit and before the interpreter reports an error. The mutex
//! is taken detached when it is contended (a writer may be blocked in a
//! system call), so waiting for it never holds up a collection.

use parking_lot::Mutex;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

use crate::error::PyResult;
use crate::gc::Marker;
use crate::interp::{types, BuiltinTypes};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::type_name;
use crate::objects::{add_getset, add_methods, method};
use crate::thread::ThreadState;
use crate::value::Value;

/// Buffered state of one file descriptor (shared by all stream objects on
/// it; lives for the process).
pub struct FdBuffer {
    pub fd: i32,
    buf: Mutex<Vec<u8>>,
    line_buffered: AtomicBool,
}

const BLOCK: usize = 8192;

impl FdBuffer {
    fn write_all_fd(fd: i32, mut b: &[u8]) {
        while !b.is_empty() {
            // SAFETY: writing from a valid slice to a file descriptor.
            let n = unsafe { libc::write(fd, b.as_ptr() as *const libc::c_void, b.len()) };
            if n < 0 {
                if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                    continue;
                }
                return;
            }
            b = &b[n as usize..];
        }
    }

    fn flush_locked(&self, buf: &mut Vec<u8>) {
        if !buf.is_empty() {
            Self::write_all_fd(self.fd, buf);
            buf.clear();
        }
    }

    pub fn flush_raw(&self) {
        let mut b = self.buf.lock();
        self.flush_locked(&mut b);
    }
}

static STDOUT: OnceLock<FdBuffer> = OnceLock::new();
static STDERR: OnceLock<FdBuffer> = OnceLock::new();

fn fd_buffer(fd: i32) -> &'static FdBuffer {
    let cell = if fd == 2 { &STDERR } else { &STDOUT };
    cell.get_or_init(|| {
        // SAFETY: isatty has no memory-safety preconditions.
        let tty = unsafe { libc::isatty(fd) } == 1;
        FdBuffer {
            fd,
            buf: Mutex::new(Vec::with_capacity(BLOCK)),
            line_buffered: AtomicBool::new(tty || fd == 2),
        }
    })
}

/// Makes stdout line-buffered (`-u`, `PYTHONUNBUFFERED`).
pub fn set_unbuffered() {
    fd_buffer(1).line_buffered.store(true, Ordering::Relaxed);
}

/// Flushes stdout and stderr (exit, fatal errors). Safe to call anywhere.
pub fn flush_std_streams_raw() {
    if let Some(b) = STDOUT.get() {
        if let Some(mut g) = b.buf.try_lock() {
            b.flush_locked(&mut g);
        }
    }
    if let Some(b) = STDERR.get() {
        if let Some(mut g) = b.buf.try_lock() {
            b.flush_locked(&mut g);
        }
    }
    let _ = std::io::stdout().flush();
}

/// Writes text to fd 1 or 2 through the shared buffer.
pub fn write_fd(ts: &mut ThreadState, fd: i32, s: &[u8]) {
    let b = fd_buffer(fd);
    let mut g = match b.buf.try_lock() {
        Some(g) => g,
        None => ts.allow_threads(|| b.buf.lock()),
    };
    g.extend_from_slice(s);
    let line = b.line_buffered.load(Ordering::Relaxed);
    if g.len() >= BLOCK || (line && s.contains(&b'\n')) {
        let data = std::mem::take(&mut *g);
        ts.allow_threads(|| FdBuffer::write_all_fd(b.fd, &data));
        let mut data = data;
        data.clear();
        if g.is_empty() {
            *g = data;
        }
    }
}

/// Flushes fd 1 or 2.
pub fn flush_fd(ts: &mut ThreadState, fd: i32) {
    let b = fd_buffer(fd);
    let mut g = match b.buf.try_lock() {
        Some(g) => g,
        None => ts.allow_threads(|| b.buf.lock()),
    };
    let data = std::mem::take(&mut *g);
    ts.allow_threads(|| FdBuffer::write_all_fd(b.fd, &data));
}

#[repr(C)]
pub struct StreamObj {
    pub header: Header,
    pub fd: i32,
    pub readable: bool,
    pub closed: AtomicBool,
}

// SAFETY: repr(C), Header first, no references.
unsafe impl HeapObj for StreamObj {
    const KIND: Kind = Kind::Stream;
    fn trace(&self, _m: &mut Marker) {}
}

impl StreamObj {
    pub fn new(ts: &mut ThreadState, fd: i32) -> Gc<StreamObj> {
        ts.alloc(StreamObj {
            header: Header::new(types().text_stream, Kind::Stream, 0),
            fd,
            readable: fd == 0,
            closed: AtomicBool::new(false),
        })
    }
}

fn this(ts: &mut ThreadState, v: Value) -> PyResult<Gc<StreamObj>> {
    v.downcast::<StreamObj>()
        .ok_or_else(|| ts.type_error("expected a stream"))
}

fn m_write(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let s = this(ts, args[0])?;
    let Some(&x) = args.get(1) else {
        return Err(ts.type_error("write() takes exactly one argument (0 given)"));
    };
    let Some(text) = x.downcast::<StrObj>() else {
        return Err(ts.type_error(format!(
            "write() argument must be str, not {}",
            type_name(x)
        )));
    };
    if s.closed.load(Ordering::Relaxed) {
        return Err(ts.value_error("I/O operation on closed file."));
    }
    if s.readable {
        return Err(ts.os_error("not writable"));
    }
    if text.has_surrogates() {
        // Lone surrogates: encoded with the stream's error handler
        // (strict on stdout, backslashreplace on stderr, as CPython).
        let errors = if s.fd == 2 {
            "backslashreplace"
        } else {
            "strict"
        };
        let b = crate::codecs::encode_native(ts, text, crate::codecs::Native::Utf8, errors)?;
        write_fd(ts, s.fd, &b);
    } else {
        write_fd(ts, s.fd, text.as_str().as_bytes());
    }
    Ok(Value::small_int_unchecked(text.char_len() as i64))
}

fn m_flush(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let s = this(ts, args[0])?;
    if !s.readable {
        flush_fd(ts, s.fd);
    }
    Ok(Value::NONE)
}

fn m_readline(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let s = this(ts, args[0])?;
    if !s.readable {
        return Err(ts.os_error("not readable"));
    }
    flush_fd(ts, 1);
    let line = ts.allow_threads(|| {
        let mut out = Vec::new();
        let mut byte = [0u8; 1];
        loop {
            // SAFETY: reading one byte into a local buffer.
            let n = unsafe { libc::read(0, byte.as_mut_ptr() as *mut libc::c_void, 1) };
            if n <= 0 {
                break;
            }
            out.push(byte[0]);
            if byte[0] == b'\n' {
                break;
            }
        }
        out
    });
    let text = String::from_utf8_lossy(&line).into_owned();
    Ok(StrObj::new(ts, &text))
}

fn m_read(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let s = this(ts, args[0])?;
    if !s.readable {
        return Err(ts.os_error("not readable"));
    }
    let data = ts.allow_threads(|| {
        let mut out = Vec::new();
        let _ = std::io::Read::read_to_end(&mut std::io::stdin(), &mut out);
        out
    });
    let text = String::from_utf8_lossy(&data).into_owned();
    Ok(StrObj::new(ts, &text))
}

fn m_fileno(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let s = this(ts, args[0])?;
    Ok(Value::small_int_unchecked(s.fd as i64))
}

fn m_isatty(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let s = this(ts, args[0])?;
    // SAFETY: isatty has no memory-safety preconditions.
    Ok(Value::from_bool(unsafe { libc::isatty(s.fd) } == 1))
}

fn m_readable(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    Ok(Value::from_bool(this(ts, args[0])?.readable))
}

fn m_writable(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    Ok(Value::from_bool(!this(ts, args[0])?.readable))
}

fn m_close(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let s = this(ts, args[0])?;
    if !s.readable {
        flush_fd(ts, s.fd);
    }
    s.closed.store(true, Ordering::Relaxed);
    Ok(Value::NONE)
}

fn m_enter(_ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    Ok(args[0])
}

fn m_exit(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    m_close(ts, &args[..1], kw)?;
    Ok(Value::NONE)
}

fn get_encoding(ts: &mut ThreadState, _v: Value) -> PyResult<Value> {
    Ok(StrObj::new(ts, "utf-8"))
}
fn get_errors(ts: &mut ThreadState, _v: Value) -> PyResult<Value> {
    Ok(StrObj::new(ts, "strict"))
}
fn get_closed(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(
        this(ts, v)?.closed.load(Ordering::Relaxed),
    ))
}
fn get_name(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let s = this(ts, v)?;
    let n = match s.fd {
        0 => "<stdin>",
        1 => "<stdout>",
        _ => "<stderr>",
    };
    Ok(StrObj::new(ts, n))
}
fn get_mode(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let s = this(ts, v)?;
    Ok(StrObj::new(ts, if s.readable { "r" } else { "w" }))
}
fn get_line_buffering(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let s = this(ts, v)?;
    if s.readable {
        return Ok(Value::FALSE);
    }
    Ok(Value::from_bool(
        fd_buffer(s.fd).line_buffered.load(Ordering::Relaxed),
    ))
}

fn stream_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let s = this(ts, v)?;
    let n = match s.fd {
        0 => "<stdin>",
        1 => "<stdout>",
        _ => "<stderr>",
    };
    let r = format!(
        "<_io.TextIOWrapper name='{n}' mode='{}' encoding='utf-8'>",
        if s.readable { "r" } else { "w" }
    );
    Ok(StrObj::new(ts, &r))
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let ty = t.text_stream;
    ty.slots.repr.set(Some(stream_repr));
    add_methods(
        ts,
        ty,
        &[
            method("write", m_write),
            method("flush", m_flush),
            method("readline", m_readline),
            method("read", m_read),
            method("fileno", m_fileno),
            method("isatty", m_isatty),
            method("readable", m_readable),
            method("writable", m_writable),
            method("close", m_close),
            method("__enter__", m_enter),
            method("__exit__", m_exit),
        ],
    );
    add_getset(ts, ty, "encoding", get_encoding, None);
    add_getset(ts, ty, "errors", get_errors, None);
    add_getset(ts, ty, "closed", get_closed, None);
    add_getset(ts, ty, "name", get_name, None);
    add_getset(ts, ty, "mode", get_mode, None);
    add_getset(ts, ty, "line_buffering", get_line_buffering, None);
}
