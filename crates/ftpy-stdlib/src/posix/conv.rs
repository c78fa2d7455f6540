//! Argument conversion and errors shared by the `posix` functions: paths
//! (str, bytes, `os.PathLike`, and file descriptors where a function
//! accepts one), C integers with CPython's overflow messages, the file
//! system encoding (UTF-8 with `surrogateescape`), `OSError` from `errno`,
//! and running a blocking system call detached with PEP 475's retry on
//! `EINTR`.

use std::ffi::CString;

use ftpy_vm::interp::{self, intern, types};
use ftpy_vm::objects::bytes::BytesObj;
use ftpy_vm::objects::int;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::typeobj::{type_name, type_of};
use ftpy_vm::{ops, Gc, PyErr, PyResult, ThreadState, Value};

// ---- errors ----------------------------------------------------------------------

/// The calling thread's `errno`.
pub fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// The C library's message for an error number (`strerror`).
pub fn strerror(code: i32) -> String {
    let mut buf = [0u8; 256];
    // SAFETY: the XSI/GNU strerror_r that libc binds writes at most
    // `buf.len()` bytes (NUL included) into `buf`; the `libc` crate binds
    // the XSI version (`__xpg_strerror_r`), which returns an int.
    let r = unsafe { libc::strerror_r(code, buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
    if r != 0 {
        return format!("Unknown error {code}");
    }
    let n = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    String::from_utf8_lossy(&buf[..n]).into_owned()
}

/// `OSError(errno, strerror[, filename[, None, filename2]])`, as the
/// subclass the error number selects (`FileNotFoundError` for `ENOENT`).
#[cold]
pub fn os_error(ts: &mut ThreadState, code: i32, f1: Option<Value>, f2: Option<Value>) -> PyErr {
    let msg = strerror(code);
    let m = StrObj::new(ts, &msg);
    let e = Value::small_int_unchecked(code as i64);
    let args: &[Value] = match (f1, f2) {
        (None, _) => &[e, m],
        (Some(a), None) => &[e, m, a],
        (Some(a), Some(b)) => &[e, m, a, Value::NONE, b],
    };
    let cls = types().os_error.value();
    match ops::call(ts, cls, args, None) {
        Ok(v) => {
            let err = PyErr::from_exception(v);
            let handled = ts.exc_info();
            if !handled.is_null() && !handled.is_none() && handled != v {
                err.exc().context.set(handled);
            }
            err
        }
        Err(e) => e,
    }
}

/// The `OSError` for the current `errno`.
#[cold]
pub fn last_error(ts: &mut ThreadState) -> PyErr {
    let code = errno();
    os_error(ts, code, None, None)
}

// ---- blocking calls ----------------------------------------------------------------

/// Runs a system call detached from the collector (it may block), retrying
/// it on `EINTR` as PEP 475 says: a pending Ctrl-C on the main thread
/// raises `KeyboardInterrupt` instead. `f` returns the call's result, and
/// `-1` with `errno` set on failure; it must touch no heap object (it may
/// read memory inside objects the caller keeps alive). Returns the result
/// or the error number.
pub fn blocking(
    ts: &mut ThreadState,
    mut f: impl FnMut() -> isize,
) -> PyResult<Result<isize, i32>> {
    loop {
        let r = ts.allow_threads(|| {
            let r = f();
            if r == -1 {
                (r, errno())
            } else {
                (r, 0)
            }
        });
        match r {
            (-1, libc::EINTR) => {
                if interp::signal_pending() {
                    interp::handle_pending_signals(ts)?;
                }
            }
            (-1, e) => return Ok(Err(e)),
            (n, _) => return Ok(Ok(n)),
        }
    }
}

/// Runs a call that cannot block long (no detaching), retrying on EINTR.
pub fn quick(mut f: impl FnMut() -> isize) -> Result<isize, i32> {
    loop {
        let r = f();
        if r != -1 {
            return Ok(r);
        }
        let e = errno();
        if e != libc::EINTR {
            return Err(e);
        }
    }
}

// ---- integers ---------------------------------------------------------------------------

/// A C `int` argument (`_PyLong_AsInt`).
pub fn c_int(ts: &mut ThreadState, v: Value) -> PyResult<i32> {
    let i = index_i128(ts, v, "Python int too large to convert to C int")?;
    i32::try_from(i).map_err(|_| ts.overflow_error("Python int too large to convert to C int"))
}

/// A C `long` argument.
pub fn c_long(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    let i = index_i128(ts, v, "Python int too large to convert to C long")?;
    i64::try_from(i).map_err(|_| ts.overflow_error("Python int too large to convert to C long"))
}

/// A `Py_ssize_t` argument.
pub fn ssize(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    let i = index_i128(ts, v, "Python int too large to convert to C ssize_t")?;
    i64::try_from(i).map_err(|_| ts.overflow_error("Python int too large to convert to C ssize_t"))
}

/// An `Py_off_t` argument (64-bit).
pub fn off_t(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    c_long(ts, v)
}

fn index_i128(ts: &mut ThreadState, v: Value, overflow: &str) -> PyResult<i128> {
    if let Some(i) = v.as_small_int() {
        return Ok(i as i128);
    }
    if ftpy_vm::objects::float::is_float(v) {
        return Err(ts.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v)
        )));
    }
    let i = ops::index(ts, v)?;
    if let Some(x) = int::to_i64(i) {
        return Ok(x as i128);
    }
    Err(ts.overflow_error(overflow))
}

/// A file descriptor given where a path could be (`os.stat(fd)`), or a
/// `dir_fd`: CPython's `_fd_converter` messages.
pub fn fd_of(ts: &mut ThreadState, v: Value) -> PyResult<i32> {
    let i = ops::index(ts, v)?;
    match int::to_i64(i) {
        Some(x) if x > i32::MAX as i64 => Err(ts.overflow_error("fd is greater than maximum")),
        Some(x) if x < i32::MIN as i64 => Err(ts.overflow_error("fd is less than minimum")),
        Some(x) => Ok(x as i32),
        None => {
            let neg = ops::lt(ts, i, Value::small_int_unchecked(0))?;
            Err(ts.overflow_error(if neg {
                "fd is less than minimum"
            } else {
                "fd is greater than maximum"
            }))
        }
    }
}

/// A `dir_fd=` argument: None (or not given) is `AT_FDCWD`.
pub fn dir_fd(ts: &mut ThreadState, v: Value) -> PyResult<i32> {
    match v.non_null() {
        None => Ok(libc::AT_FDCWD),
        Some(x) if x.is_none() => Ok(libc::AT_FDCWD),
        Some(x) => {
            if !int::is_int(x) && type_of(x).slots.index.get().is_none() {
                return Err(ts.type_error(format!(
                    "argument should be integer or None, not {}",
                    type_name(x)
                )));
            }
            fd_of(ts, x)
        }
    }
}

/// A boolean keyword (`follow_symlinks=`): its truth value; `default` when
/// not given.
pub fn flag(ts: &mut ThreadState, v: Value, default: bool) -> PyResult<bool> {
    match v.non_null() {
        None => Ok(default),
        Some(x) => ops::truthy(ts, x),
    }
}

// ---- the file system encoding -----------------------------------------------------------

/// A str as file system bytes (UTF-8, lone surrogates U+DC80..U+DCFF
/// escaping the bytes they stand for; other surrogates raise
/// `UnicodeEncodeError`, as `os.fsencode`).
pub fn fs_encode(ts: &mut ThreadState, s: Gc<StrObj>) -> PyResult<Vec<u8>> {
    if !s.has_surrogates() {
        return Ok(s.as_wtf8().to_vec());
    }
    ftpy_vm::codecs::encode_native(ts, s, ftpy_vm::codecs::Native::Utf8, "surrogateescape")
}

/// File system bytes as a str (`os.fsdecode`).
pub fn fs_decode(ts: &mut ThreadState, b: &[u8]) -> PyResult<Value> {
    if let Ok(s) = std::str::from_utf8(b) {
        return Ok(ftpy_vm::objects::str::new_str(ts, s));
    }
    let (v, _, _) = ftpy_vm::codecs::decode_native(
        ts,
        b,
        ftpy_vm::codecs::Native::Utf8,
        "surrogateescape",
        true,
        Value::NULL,
    )?;
    Ok(v)
}

/// A name as the caller asked for it: bytes if `as_bytes`, else str.
pub fn fs_name(ts: &mut ThreadState, b: &[u8], as_bytes: bool) -> PyResult<Value> {
    if as_bytes {
        Ok(BytesObj::new(ts, b))
    } else {
        fs_decode(ts, b)
    }
}

/// Bytes for a C string argument, or ValueError for an embedded NUL.
pub fn cstring(ts: &mut ThreadState, b: Vec<u8>, what: &str) -> PyResult<CString> {
    CString::new(b).map_err(|_| ts.value_error(what))
}

// ---- paths ----------------------------------------------------------------------------------

/// How a function takes a path argument (CPython's `path_t` options).
#[derive(Copy, Clone)]
pub struct PathSpec {
    pub func: &'static str,
    pub arg: &'static str,
    /// None means the current directory (`listdir()`).
    pub nullable: bool,
    /// An int is a file descriptor (`stat(fd)`).
    pub allow_fd: bool,
}

impl PathSpec {
    pub const fn new(func: &'static str, arg: &'static str) -> PathSpec {
        PathSpec {
            func,
            arg,
            nullable: false,
            allow_fd: false,
        }
    }
    pub const fn fd(mut self) -> PathSpec {
        self.allow_fd = true;
        self
    }
    pub const fn nullable(mut self) -> PathSpec {
        self.nullable = true;
        self
    }
}

/// A converted path argument.
pub struct Path {
    /// The path as a C string (empty when `fd` is set).
    pub c: CString,
    /// The file descriptor given instead of a path, or -1.
    pub fd: i32,
    /// What errors show as the filename: the str or bytes (after
    /// `__fspath__`), the fd, or None.
    pub obj: Value,
    /// Whether names derived from it are bytes (a bytes path was given).
    pub bytes: bool,
}

impl Path {
    pub fn ptr(&self) -> *const libc::c_char {
        self.c.as_ptr()
    }
    pub fn is_fd(&self) -> bool {
        self.fd != -1
    }
    /// The error for the current `errno`, naming this path.
    #[cold]
    pub fn error(&self, ts: &mut ThreadState, code: i32) -> PyErr {
        let f = if self.obj.is_none() {
            None
        } else {
            Some(self.obj)
        };
        os_error(ts, code, f, None)
    }
}

/// `os.fspath(v)`: str and bytes as they are, else `type(v).__fspath__(v)`
/// (which must return str or bytes).
pub fn fspath(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    if v.downcast::<StrObj>().is_some() || v.downcast::<BytesObj>().is_some() {
        return Ok(Some(v));
    }
    let name = intern(ts, "__fspath__");
    let Some(f) = type_of(v).lookup(name) else {
        return Ok(None);
    };
    let r = ops::call_unbound(ts, f, v, &[], None)?;
    if r.downcast::<StrObj>().is_some() || r.downcast::<BytesObj>().is_some() {
        return Ok(Some(r));
    }
    Err(ts.type_error(format!(
        "expected {}.__fspath__() to return str or bytes, not {}",
        type_of(v).name_str(),
        type_name(r)
    )))
}

/// Converts a path argument as CPython's `path_converter` does.
pub fn path(ts: &mut ThreadState, v: Value, spec: PathSpec) -> PyResult<Path> {
    let none_path = |obj| Path {
        c: CString::default(),
        fd: -1,
        obj,
        bytes: false,
    };
    if v.is_null() || (v.is_none() && spec.nullable) {
        let mut p = none_path(Value::NONE);
        p.c = CString::from(c".");
        return Ok(p);
    }
    if spec.allow_fd && !v.is_ptr_str_or_bytes() && is_index(v) {
        let fd = fd_of(ts, v)?;
        let mut p = none_path(v);
        p.fd = fd;
        return Ok(p);
    }
    let conv = fspath(ts, v)?;
    let (obj, bytes) = match conv {
        Some(o) => {
            if let Some(s) = o.downcast::<StrObj>() {
                let b = fs_encode(ts, s)?;
                return Ok(Path {
                    c: cstring(ts, b, "embedded null byte")?,
                    fd: -1,
                    obj: o,
                    bytes: false,
                });
            }
            (o, true)
        }
        None => {
            // Other bytes-like objects are accepted with a warning.
            if let Some(b) = ftpy_vm::objects::bytes::bytes_data(v) {
                let msg = format!(
                    "{}: {} should be {}, not {}",
                    spec.func,
                    spec.arg,
                    accepted(spec),
                    type_name(v)
                );
                warn(ts, "DeprecationWarning", &msg)?;
                let c = cstring(
                    ts,
                    b,
                    &format!("{}: embedded null character in {}", spec.func, spec.arg),
                )?;
                return Ok(Path {
                    c,
                    fd: -1,
                    obj: v,
                    bytes: true,
                });
            }
            return Err(ts.type_error(format!(
                "{}: {} should be {}, not {}",
                spec.func,
                spec.arg,
                accepted(spec),
                type_name(v)
            )));
        }
    };
    let Some(b) = obj.downcast::<BytesObj>() else {
        return Err(ts.system_error("fspath returned neither str nor bytes"));
    };
    let data = b.as_bytes().to_vec();
    let c = cstring(
        ts,
        data,
        &format!("{}: embedded null character in {}", spec.func, spec.arg),
    )?;
    Ok(Path {
        c,
        fd: -1,
        obj,
        bytes,
    })
}

fn accepted(spec: PathSpec) -> &'static str {
    match (spec.allow_fd, spec.nullable) {
        (true, true) => "string, bytes, os.PathLike, integer or None",
        (true, false) => "string, bytes, os.PathLike or integer",
        (false, true) => "string, bytes, os.PathLike or None",
        (false, false) => "string, bytes or os.PathLike",
    }
}

fn is_index(v: Value) -> bool {
    int::is_int(v) || type_of(v).slots.index.get().is_some()
}

trait StrOrBytes {
    fn is_ptr_str_or_bytes(&self) -> bool;
}
impl StrOrBytes for Value {
    fn is_ptr_str_or_bytes(&self) -> bool {
        self.downcast::<StrObj>().is_some() || self.downcast::<BytesObj>().is_some()
    }
}

/// `warnings.warn(msg, category)` for a built-in warning category.
pub fn warn(ts: &mut ThreadState, category: &str, msg: &str) -> PyResult<()> {
    let w = ftpy_vm::import::import_simple(ts, "warnings")?;
    let f = ops::getattr_str(ts, w, "warn")?;
    let cat = ops::getattr_str(ts, interp::interp().builtins.value(), category)?;
    let m = StrObj::new(ts, msg);
    ops::call(ts, f, &[m, cat, Value::small_int_unchecked(2)], None)?;
    Ok(())
}

/// Rejects a `dir_fd` or `follow_symlinks=False` combined with a file
/// descriptor path, with CPython's messages (which differ by function:
/// `both` selects "can't specify both dir_fd and fd").
pub fn check_fd_and(
    ts: &mut ThreadState,
    func: &str,
    p: &Path,
    dir_fd: i32,
    follow: bool,
) -> PyResult<()> {
    check_fd_and_msg(ts, func, p, dir_fd, follow, false)
}

pub fn check_fd_and_msg(
    ts: &mut ThreadState,
    func: &str,
    p: &Path,
    dir_fd: i32,
    follow: bool,
    both: bool,
) -> PyResult<()> {
    if p.is_fd() && dir_fd != libc::AT_FDCWD {
        return Err(ts.value_error(if both {
            format!("{func}: can't specify both dir_fd and fd")
        } else {
            format!("{func}: can't specify dir_fd without matching path")
        }));
    }
    // CPython tests `fd > 0` here: fd 0 passes.
    if p.fd > 0 && !follow {
        return Err(ts.value_error(format!(
            "{func}: cannot use fd and follow_symlinks together"
        )));
    }
    Ok(())
}
