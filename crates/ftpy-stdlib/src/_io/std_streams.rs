//! `sys.stdin`, `sys.stdout`, `sys.stderr`: made at start-up through the
//! VM's stream hooks (`ftpy_vm::objects::stream`), as CPython's
//! `create_stdio` makes them:
//! - a `TextIOWrapper` (mode 'r' or 'w', newline '\n') over a
//!   `BufferedReader`/`BufferedWriter` over a `FileIO` on fd 0, 1 or 2
//!   that does not close its descriptor;
//! - stdout is line-buffered on a terminal, block-buffered otherwise;
//!   stderr is always line-buffered; with `-u` (or `PYTHONUNBUFFERED`)
//!   stdout and stderr have no buffered layer and the text layers write
//!   through;
//! - encoding UTF-8 (ftpy always runs in UTF-8 mode), errors
//!   `surrogateescape` for stdin/stdout and `backslashreplace` for stderr;
//!   `PYTHONIOENCODING=encoding[:errors]` overrides (an encoding without
//!   errors makes stdin/stdout strict, as in CPython);
//! - a descriptor that is not open gives None.
//!
//! The three objects are never finalized (the program may print from a
//! `__del__` at exit): they are flushed at exit by the VM, and
//! [`flush_raw`] writes out what they hold on a fatal error.

use std::sync::OnceLock;

use ftpy_vm::interp::{add_global_root, intern, interp};
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::stream::{install_hooks, StreamHooks};
use ftpy_vm::{ops, PyResult, ThreadState, Value};

use super::{buffered, ensure_types, fileio, names, textio};

/// The three streams as made (for `flush_raw`); rooted.
static STD: OnceLock<[u64; 3]> = OnceLock::new();

/// Installs the hooks (the stdlib's `register` calls this).
pub fn install() {
    install_hooks(StreamHooks {
        create_std_streams,
        flush_raw,
        is_native_text: textio::is_exact,
        write_text: textio::write_native,
    });
}

fn create_std_streams(ts: &mut ThreadState) -> PyResult<[Value; 3]> {
    let t = ensure_types(ts)?;
    // `_io` is imported at start-up, as in CPython, and `open` is a
    // builtin.
    let name = intern(ts, "_io");
    ftpy_vm::import::import_module_level(
        ts,
        name.value(),
        Value::NONE,
        Value::NONE,
        Value::NONE,
        0,
    )?;
    interp().builtins_dict.set_item_str(ts, "open", t.open);

    let cfg = &interp().config;
    let unbuffered = cfg.unbuffered;
    let (mut enc, mut errs): (Option<String>, Option<String>) = (None, None);
    if !cfg.ignore_environment {
        if let Ok(v) = std::env::var("PYTHONIOENCODING") {
            let (e, r) = match v.split_once(':') {
                Some((e, r)) => (e, Some(r)),
                None => (v.as_str(), None),
            };
            if !e.is_empty() {
                enc = Some(e.to_string());
                // An encoding given without an error handler means
                // strict (CPython's rule).
                errs = Some("strict".to_string());
            }
            if let Some(r) = r.filter(|r| !r.is_empty()) {
                errs = Some(r.to_string());
            }
        }
    }
    let mut out = [Value::NONE; 3];
    for fd in 0..3 {
        let errors = if fd == 2 {
            "backslashreplace".to_string()
        } else {
            errs.clone()
                .unwrap_or_else(|| "surrogateescape".to_string())
        };
        out[fd as usize] = make_stream(ts, fd, enc.clone(), errors, unbuffered)?;
    }
    for v in out {
        add_global_root(v);
    }
    let _ = STD.set([out[0].bits(), out[1].bits(), out[2].bits()]);
    Ok(out)
}

fn make_stream(
    ts: &mut ThreadState,
    fd: i32,
    encoding: Option<String>,
    errors: String,
    unbuffered: bool,
) -> PyResult<Value> {
    // SAFETY: fcntl(F_GETFD) has no memory-safety preconditions.
    if unsafe { libc::fcntl(fd, libc::F_GETFD) } < 0 {
        return Ok(Value::NONE);
    }
    let t = ensure_types(ts)?;
    let write = fd != 0;
    let raw = fileio::new_fileio(ts, t.fileio, false)?;
    let mode = StrObj::new(ts, if write { "wb" } else { "rb" });
    fileio::fileio_init(
        ts,
        raw,
        Value::small_int_unchecked(fd as i64),
        mode,
        false,
        Value::NONE,
    )?;
    let name = StrObj::new(
        ts,
        match fd {
            0 => "<stdin>",
            1 => "<stdout>",
            _ => "<stderr>",
        },
    );
    let n = names(ts).name;
    ops::setattr(ts, raw, n, Some(name))?;
    // SAFETY: isatty has no memory-safety preconditions.
    let tty = unsafe { libc::isatty(fd) } == 1;
    let direct = unbuffered && write;
    let buffer = if direct {
        raw
    } else {
        let cls = if write {
            t.buffered_writer
        } else {
            t.buffered_reader
        };
        let b = buffered::new_buffered(ts, cls, false)?;
        let size = fileio::payload(raw).map(|f| f.blksize()).unwrap_or(8192);
        let sz = ftpy_vm::objects::int::int_from_i64(ts, size);
        buffered::init_buffered(ts, b, raw, sz)?;
        b
    };
    let line_buffering = !unbuffered && write && (tty || fd == 2);
    let text = textio::new_text(ts, t.text_io_wrapper, false)?;
    textio::init_text(
        ts,
        text,
        buffer,
        encoding,
        Some(errors),
        Some("\n".to_string()),
        line_buffering,
        // CPython sets write_through on all three with -u.
        unbuffered,
    )?;
    let m = names(ts).mode;
    let mv = StrObj::new(ts, if write { "w" } else { "r" });
    ops::setattr(ts, text, m, Some(mv))?;
    Ok(text)
}

/// Writes out what the standard streams hold (see `StreamHooks`).
fn flush_raw() {
    let Some(std) = STD.get() else {
        return;
    };
    for &bits in &std[1..] {
        // SAFETY: the bits of a stream object made at start-up, kept
        // alive for the process by `add_global_root`.
        let v = unsafe { Value::from_bits(bits) };
        if !v.is_none() {
            textio::flush_raw_nolock(v);
        }
    }
}
