//! The standard streams, as far as the VM needs them.
//!
//! The stream types themselves (`sys.stdout` is an `_io.TextIOWrapper`
//! over an `_io.BufferedWriter` over an `_io.FileIO` on fd 1) live in
//! ftpy-stdlib's `_io` module. The VM knows them only through
//! [`StreamHooks`], which that module installs at start-up:
//! 1. `Interp::init` creates `sys` with `stdin`/`stdout`/`stderr` set to
//!    None;
//! 2. the command line registers the native modules, whose `_io` installs
//!    the hooks, then calls [`init_std_streams`], which asks the hooks for
//!    the three streams and stores them in `sys`.
//!
//! Everything else in the VM writes through the stream *objects*, as
//! CPython's `PyFile_WriteString` does: [`write_stderr`] calls
//! `sys.stderr.write(...)`, [`flush_std_streams`] calls their `flush()`.
//! When a stream is missing (no `_io`, or `sys.stderr = None`) or its
//! method fails, the text goes straight to the file descriptor.
//!
//! [`flush_std_streams_raw`] is for the places that may neither allocate
//! nor run Python (out of memory, a Rust panic): the hook writes out what
//! the standard streams hold, best effort.

use std::sync::OnceLock;

use crate::error::PyResult;
use crate::interp::{interp, names, try_interp};
use crate::objects::str::StrObj;
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

/// What the `_io` module provides to the VM. See the module doc.
pub struct StreamHooks {
    /// Creates `sys.stdin`, `sys.stdout` and `sys.stderr`, in that order.
    pub create_std_streams: fn(&mut ThreadState) -> PyResult<[Value; 3]>,
    /// Writes out the data the standard streams buffer, without
    /// allocating, blocking on a lock or running Python.
    pub flush_raw: fn(),
    /// Whether `write` of this object is the native text stream's own (an
    /// exact `_io.TextIOWrapper`), which [`StreamHooks::write_text`] can
    /// do without a method call.
    pub is_native_text: fn(Value) -> bool,
    /// `obj.write(text)` for such an object.
    pub write_text: fn(&mut ThreadState, Value, &str) -> PyResult<()>,
}

static HOOKS: OnceLock<StreamHooks> = OnceLock::new();

/// Installs the hooks (once; later calls are ignored).
pub fn install_hooks(h: StreamHooks) {
    let _ = HOOKS.set(h);
}

/// Creates the standard streams through the hooks and stores them in
/// `sys` (`stdin`, `stdout`, `stderr` and the `__std*__` originals).
/// Without hooks they stay None.
pub fn init_std_streams(ts: &mut ThreadState) -> PyResult<()> {
    let Some(h) = HOOKS.get() else {
        return Ok(());
    };
    let [inp, out, err] = (h.create_std_streams)(ts)?;
    let sys = interp().sys();
    for (n, v) in [
        ("stdin", inp),
        ("stdout", out),
        ("stderr", err),
        ("__stdin__", inp),
        ("__stdout__", out),
        ("__stderr__", err),
    ] {
        sys.set_attr(ts, n, v);
    }
    Ok(())
}

/// `sys.<name>`, unless it is missing or None.
pub fn std_stream(name: &str) -> Option<Value> {
    let i = try_interp()?;
    let v = i.sys().dict().get_str_text(name)?;
    if v.is_none() {
        None
    } else {
        Some(v)
    }
}

/// Writes bytes to a file descriptor, retrying after interrupts and
/// short writes; errors are dropped (this is the last resort).
pub fn write_raw(fd: i32, mut b: &[u8]) {
    while !b.is_empty() {
        // SAFETY: writing from a valid slice to a file descriptor.
        let n = unsafe { libc::write(fd, b.as_ptr() as *const libc::c_void, b.len()) };
        if n < 0 {
            if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return;
        }
        if n == 0 {
            return;
        }
        b = &b[n as usize..];
    }
}

/// Writes text to `sys.stderr` (its `write` method), or to fd 2 when
/// there is no such stream or writing to it fails.
pub fn write_stderr(ts: &mut ThreadState, text: &str) {
    if let Some(err) = std_stream("stderr") {
        let s = StrObj::new(ts, text);
        if ops::call_method(ts, err, names().write, &[s]).is_ok() {
            return;
        }
    }
    flush_std_streams_raw();
    ts.allow_threads(|| write_raw(2, text.as_bytes()));
}

/// Writes str `text` to `sys.stderr` as it is (lone surrogates go to the
/// stream's error handler, as CPython's exit message does), or raw.
pub fn write_stderr_str(ts: &mut ThreadState, text: Value) {
    if let Some(err) = std_stream("stderr") {
        if ops::call_method(ts, err, names().write, &[text]).is_ok() {
            return;
        }
    }
    let s = crate::objects::str::as_str(text).unwrap_or("").to_string();
    flush_std_streams_raw();
    ts.allow_threads(|| write_raw(2, s.as_bytes()));
}

/// `sys.<name>.flush()`; false if it raised.
fn flush_stream(ts: &mut ThreadState, name: &str) -> bool {
    match std_stream(name) {
        Some(s) => ops::call_method(ts, s, names().flush, &[]).is_ok(),
        None => true,
    }
}

/// `sys.stdout.flush()`, errors ignored (before a traceback is printed,
/// before the prompt of the interactive loop).
pub fn flush_stdout(ts: &mut ThreadState) {
    flush_stream(ts, "stdout");
}

/// `sys.stderr.flush()`, errors ignored.
pub fn flush_stderr(ts: &mut ThreadState) {
    flush_stream(ts, "stderr");
}

/// Flushes `sys.stdout` and `sys.stderr` (interpreter exit). A failure to
/// flush `sys.stdout` is reported as unraisable and makes this return
/// false (CPython then exits with status 120); one of `sys.stderr` is
/// ignored.
/// A stream the program closed is left alone, as CPython.
pub fn flush_std_streams(ts: &mut ThreadState) -> bool {
    let mut ok = true;
    if let Some(out) = std_stream("stdout").filter(|&s| !is_closed(ts, s)) {
        if let Err(e) = ops::call_method(ts, out, names().flush, &[]) {
            crate::report_unraisable(ts, e, out);
            ok = false;
        }
    }
    if std_stream("stderr").is_some_and(|s| !is_closed(ts, s)) {
        flush_stream(ts, "stderr");
    }
    ok
}

/// Whether `file.closed` is true (an error reading it counts as open).
fn is_closed(ts: &mut ThreadState, file: Value) -> bool {
    match ops::getattr_str(ts, file, "closed") {
        Ok(c) => ops::truthy(ts, c).unwrap_or(false),
        Err(_) => false,
    }
}

/// The native text stream's `write`, if `file` is one (`print`'s fast
/// path: see `builtins::b_print`).
pub fn native_text_writer(
    file: Value,
) -> Option<fn(&mut ThreadState, Value, &str) -> PyResult<()>> {
    let h = HOOKS.get()?;
    if (h.is_native_text)(file) {
        Some(h.write_text)
    } else {
        None
    }
}

/// Writes out what the standard streams buffer without allocating or
/// running Python (fatal errors). Safe to call anywhere, any number of
/// times.
pub fn flush_std_streams_raw() {
    if let Some(h) = HOOKS.get() {
        (h.flush_raw)();
    }
}
