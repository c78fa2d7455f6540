//! `_io.FileIO`: a raw stream over a file descriptor. Every operation is
//! one system call, run detached from the collector.
//!
//! The state is a few atomics (no lock): the descriptor (-1 once closed)
//! and the mode bits, fixed by `__init__`. The name lives in the
//! instance's `__dict__`, as in CPython.

use std::sync::atomic::{AtomicI32, AtomicI64, AtomicU32, Ordering};

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::Marker;
use ftpy_vm::objects::bytes::BytesObj;
use ftpy_vm::objects::native::{self, NativeData};
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::typeobj::{type_name, TypeObj};
use ftpy_vm::objects::{add_getset, add_methods, method};
use ftpy_vm::{ops, Gc, PyErr, PyResult, ThreadState, Value};

use super::{errno, io_types, names, os_error, size_arg, unsupported, Kw, DEFAULT_BUFFER_SIZE};

/// `FileIO::mode` bits.
pub mod mode {
    pub const READABLE: u32 = 1;
    pub const WRITABLE: u32 = 2;
    pub const APPENDING: u32 = 4;
    pub const CREATED: u32 = 8;
    pub const CLOSEFD: u32 = 16;
    /// Whether the descriptor was seen to be seekable / not seekable.
    pub const SEEKABLE_KNOWN: u32 = 32;
    pub const SEEKABLE: u32 = 64;
}

/// The payload of a `FileIO`. See the module doc.
pub struct FileIO {
    fd: AtomicI32,
    mode: AtomicU32,
    blksize: AtomicI64,
    /// Native buffered or text objects wrapping this one (see
    /// [`leave_to_wrapper`]).
    pub wrappers: AtomicU32,
}

// SAFETY: no Values.
unsafe impl NativeData for FileIO {
    fn trace(&self, _m: &mut Marker) {}
}

impl FileIO {
    fn blank() -> FileIO {
        FileIO {
            fd: AtomicI32::new(-1),
            mode: AtomicU32::new(0),
            blksize: AtomicI64::new(DEFAULT_BUFFER_SIZE as i64),
            wrappers: AtomicU32::new(0),
        }
    }

    pub fn fd(&self) -> i32 {
        self.fd.load(Ordering::Acquire)
    }

    pub fn mode_bits(&self) -> u32 {
        self.mode.load(Ordering::Relaxed)
    }

    pub fn is_closed(&self) -> bool {
        self.fd() < 0
    }

    pub fn blksize(&self) -> i64 {
        self.blksize.load(Ordering::Relaxed)
    }

    /// `mode` as CPython shows it.
    pub fn mode_str(&self) -> &'static str {
        let m = self.mode_bits();
        let r = m & mode::READABLE != 0;
        if m & mode::CREATED != 0 {
            if r {
                "xb+"
            } else {
                "xb"
            }
        } else if m & mode::APPENDING != 0 {
            if r {
                "ab+"
            } else {
                "ab"
            }
        } else if r {
            if m & mode::WRITABLE != 0 {
                "rb+"
            } else {
                "rb"
            }
        } else {
            "wb"
        }
    }

    fn check_open(&self, ts: &mut ThreadState) -> PyResult<i32> {
        let fd = self.fd();
        if fd < 0 {
            return Err(ts.value_error("I/O operation on closed file"));
        }
        Ok(fd)
    }

    fn check_readable(&self, ts: &mut ThreadState) -> PyResult<i32> {
        let fd = self.check_open(ts)?;
        if self.mode_bits() & mode::READABLE == 0 {
            return Err(unsupported(ts, "File not open for reading"));
        }
        Ok(fd)
    }

    fn check_writable(&self, ts: &mut ThreadState) -> PyResult<i32> {
        let fd = self.check_open(ts)?;
        if self.mode_bits() & mode::WRITABLE == 0 {
            return Err(unsupported(ts, "File not open for writing"));
        }
        Ok(fd)
    }

    /// One `read` system call (detached); `Ok(None)` when the descriptor
    /// is non-blocking and has nothing (EAGAIN).
    pub fn read_raw(&self, ts: &mut ThreadState, n: usize) -> PyResult<Option<Vec<u8>>> {
        let fd = self.check_readable(ts)?;
        let r = ts.allow_threads(|| loop {
            let mut buf = vec![0u8; n];
            // SAFETY: reading into a local buffer of `n` bytes.
            let got = unsafe { libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, n) };
            if got < 0 {
                let e = errno();
                if e == libc::EINTR {
                    continue;
                }
                return Err(e);
            }
            buf.truncate(got as usize);
            return Ok(buf);
        });
        match r {
            Ok(b) => Ok(Some(b)),
            Err(e) if e == libc::EAGAIN => Ok(None),
            Err(e) => Err(os_error(ts, e, None)),
        }
    }

    /// Reads to the end of the file.
    pub fn read_all(&self, ts: &mut ThreadState) -> PyResult<Option<Vec<u8>>> {
        let fd = self.check_open(ts)?;
        let r = ts.allow_threads(|| {
            // A first guess of the size: what is left of a regular file.
            let mut st: libc::stat = unsafe_zeroed_stat();
            // SAFETY: fstat writes into the stat buffer we pass.
            let hint = if unsafe { libc::fstat(fd, &mut st) } == 0 {
                // SAFETY: lseek has no memory-safety preconditions.
                let pos = unsafe { libc::lseek(fd, 0, libc::SEEK_CUR) };
                if pos >= 0 && st.st_size >= pos {
                    (st.st_size - pos) as usize + 1
                } else {
                    DEFAULT_BUFFER_SIZE
                }
            } else {
                DEFAULT_BUFFER_SIZE
            };
            let mut out: Vec<u8> = Vec::with_capacity(hint.min(1 << 30));
            loop {
                if out.capacity() - out.len() < 1024 {
                    out.reserve(out.capacity().max(DEFAULT_BUFFER_SIZE));
                }
                let spare = out.capacity() - out.len();
                // SAFETY: reading into the vector's spare capacity; the
                // length is extended only by what read() wrote.
                let got = unsafe {
                    libc::read(
                        fd,
                        out.as_mut_ptr().add(out.len()) as *mut libc::c_void,
                        spare,
                    )
                };
                if got < 0 {
                    let e = errno();
                    if e == libc::EINTR {
                        continue;
                    }
                    if e == libc::EAGAIN && !out.is_empty() {
                        return Ok(out);
                    }
                    return Err(e);
                }
                if got == 0 {
                    return Ok(out);
                }
                // SAFETY: read() initialized `got` more bytes.
                unsafe { out.set_len(out.len() + got as usize) };
            }
        });
        match r {
            Ok(b) => Ok(Some(b)),
            Err(e) if e == libc::EAGAIN => Ok(None),
            Err(e) => Err(os_error(ts, e, None)),
        }
    }

    /// One `write` system call; `Ok(None)` on EAGAIN.
    pub fn write_raw(&self, ts: &mut ThreadState, data: &[u8]) -> PyResult<Option<usize>> {
        let fd = self.check_writable(ts)?;
        let r = ts.allow_threads(|| loop {
            // SAFETY: writing from a valid slice.
            let n = unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) };
            if n < 0 {
                let e = errno();
                if e == libc::EINTR {
                    continue;
                }
                return Err(e);
            }
            return Ok(n as usize);
        });
        match r {
            Ok(n) => Ok(Some(n)),
            Err(e) if e == libc::EAGAIN => Ok(None),
            Err(e) => Err(os_error(ts, e, None)),
        }
    }

    pub fn seek(&self, ts: &mut ThreadState, pos: i64, whence: i32) -> PyResult<i64> {
        let fd = self.check_open(ts)?;
        // SAFETY: lseek has no memory-safety preconditions.
        let r = unsafe { libc::lseek(fd, pos as libc::off_t, whence) };
        if r < 0 {
            return Err(os_error(ts, errno(), None));
        }
        Ok(r as i64)
    }

    pub fn tell(&self, ts: &mut ThreadState) -> PyResult<i64> {
        self.seek(ts, 0, libc::SEEK_CUR)
    }

    pub fn truncate(&self, ts: &mut ThreadState, size: i64) -> PyResult<()> {
        let fd = self.check_writable(ts)?;
        let r = ts.allow_threads(|| {
            // SAFETY: ftruncate has no memory-safety preconditions.
            unsafe { libc::ftruncate(fd, size as libc::off_t) }
        });
        if r < 0 {
            return Err(os_error(ts, errno(), None));
        }
        Ok(())
    }

    pub fn seekable(&self, ts: &mut ThreadState) -> PyResult<bool> {
        let fd = self.check_open(ts)?;
        let m = self.mode_bits();
        if m & mode::SEEKABLE_KNOWN != 0 {
            return Ok(m & mode::SEEKABLE != 0);
        }
        // SAFETY: lseek has no memory-safety preconditions.
        let ok = unsafe { libc::lseek(fd, 0, libc::SEEK_CUR) } >= 0;
        let bits = mode::SEEKABLE_KNOWN | if ok { mode::SEEKABLE } else { 0 };
        self.mode.fetch_or(bits, Ordering::Relaxed);
        Ok(ok)
    }

    pub fn isatty(&self, ts: &mut ThreadState) -> PyResult<bool> {
        let fd = self.check_open(ts)?;
        // SAFETY: isatty has no memory-safety preconditions.
        Ok(unsafe { libc::isatty(fd) } == 1)
    }

    pub fn readable(&self, ts: &mut ThreadState) -> PyResult<bool> {
        self.check_open(ts)?;
        Ok(self.mode_bits() & mode::READABLE != 0)
    }

    pub fn writable(&self, ts: &mut ThreadState) -> PyResult<bool> {
        self.check_open(ts)?;
        Ok(self.mode_bits() & mode::WRITABLE != 0)
    }

    pub fn fileno(&self, ts: &mut ThreadState) -> PyResult<i32> {
        self.check_open(ts)
    }

    /// Closes the descriptor (if `closefd`); the object is closed either
    /// way.
    fn close_fd(&self, ts: &mut ThreadState) -> PyResult<()> {
        let fd = self.fd.swap(-1, Ordering::AcqRel);
        if fd < 0 || self.mode_bits() & mode::CLOSEFD == 0 {
            return Ok(());
        }
        // SAFETY: closing a descriptor this object owned.
        let r = ts.allow_threads(|| unsafe { libc::close(fd) });
        if r < 0 {
            return Err(os_error(ts, errno(), None));
        }
        Ok(())
    }
}

fn unsafe_zeroed_stat() -> libc::stat {
    // SAFETY: libc::stat is plain old data; all-zero is a valid value.
    unsafe { std::mem::zeroed() }
}

/// The payload of `v` if it is a `FileIO` (or a subclass instance).
pub fn payload(v: Value) -> Option<&'static FileIO> {
    native::data_of::<FileIO>(v)
}

/// The payload if `v`'s type is exactly `FileIO` (native fast paths: a
/// subclass may override the methods).
pub fn exact(v: Value) -> Option<&'static FileIO> {
    if ftpy_vm::objects::typeobj::type_of(v) == io_types().fileio {
        payload(v)
    } else {
        None
    }
}

/// Whether `__del__` of `v` should leave the closing to a native object
/// that wraps it (so that the wrapper's buffered data is written first,
/// whatever order the finalizers run in).
pub fn leave_to_wrapper(v: Value) -> bool {
    if let Some(f) = payload(v) {
        return f.wrappers.load(Ordering::Acquire) > 0;
    }
    if let Some(b) = native::data_of::<super::buffered::Buffered>(v) {
        return b.wrappers.load(Ordering::Acquire) > 0;
    }
    false
}

fn this(ts: &mut ThreadState, v: Value) -> PyResult<&'static FileIO> {
    match payload(v) {
        Some(f) => Ok(f),
        None => Err(ts.type_error(format!(
            "descriptor requires a '_io.FileIO' object but received a '{}'",
            type_name(v)
        ))),
    }
}

/// `os.fspath(v)` for a file name: str or bytes, else `__fspath__`.
pub fn fspath(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    if v.downcast::<StrObj>().is_some() || v.downcast::<BytesObj>().is_some() {
        return Ok(v);
    }
    let fs = ftpy_vm::interp::names().__fspath__;
    if let Some(f) = ftpy_vm::objects::typeobj::type_of(v).lookup(fs) {
        let r = ops::call_unbound(ts, f, v, &[], None)?;
        if r.downcast::<StrObj>().is_some() || r.downcast::<BytesObj>().is_some() {
            return Ok(r);
        }
        return Err(ts.type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            type_name(v),
            type_name(r)
        )));
    }
    Err(ts.type_error(format!(
        "expected str, bytes or os.PathLike object, not {}",
        type_name(v)
    )))
}

/// The bytes of a path for the system call (no NUL allowed).
fn path_bytes(ts: &mut ThreadState, p: Value) -> PyResult<std::ffi::CString> {
    let b: Vec<u8> = match p.downcast::<StrObj>() {
        // The file system encoding: UTF-8 with surrogateescape.
        Some(s) => {
            ftpy_vm::codecs::encode_native(ts, s, ftpy_vm::codecs::Native::Utf8, "surrogateescape")?
        }
        None => match p.downcast::<BytesObj>() {
            Some(b) => b.as_bytes().to_vec(),
            None => return Err(ts.type_error("expected str or bytes")),
        },
    };
    std::ffi::CString::new(b).map_err(|_| ts.value_error("embedded null byte"))
}

/// Parses a FileIO mode: (open flags, mode bits).
fn parse_mode(ts: &mut ThreadState, m: &str) -> PyResult<(i32, u32)> {
    let bad = |ts: &mut ThreadState| {
        ts.value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        )
    };
    let mut rwa = false;
    let mut plus = false;
    let mut flags = 0;
    let mut bits = 0;
    for c in m.chars() {
        match c {
            'x' | 'r' | 'w' | 'a' => {
                if rwa {
                    return Err(bad(ts));
                }
                rwa = true;
                match c {
                    'x' => {
                        bits |= mode::CREATED | mode::WRITABLE;
                        flags |= libc::O_EXCL | libc::O_CREAT;
                    }
                    'r' => bits |= mode::READABLE,
                    'w' => {
                        bits |= mode::WRITABLE;
                        flags |= libc::O_CREAT | libc::O_TRUNC;
                    }
                    _ => {
                        bits |= mode::WRITABLE | mode::APPENDING;
                        flags |= libc::O_APPEND | libc::O_CREAT;
                    }
                }
            }
            'b' => {}
            '+' => {
                if plus {
                    return Err(bad(ts));
                }
                bits |= mode::READABLE | mode::WRITABLE;
                plus = true;
            }
            _ => return Err(ts.value_error(format!("invalid mode: {m}"))),
        }
    }
    if !rwa {
        return Err(bad(ts));
    }
    let acc = if bits & mode::READABLE != 0 && bits & mode::WRITABLE != 0 {
        libc::O_RDWR
    } else if bits & mode::READABLE != 0 {
        libc::O_RDONLY
    } else {
        libc::O_WRONLY
    };
    Ok((flags | acc | libc::O_CLOEXEC, bits))
}

/// `FileIO(file, mode='r', closefd=True, opener=None)` on a fresh or
/// reused object.
pub fn fileio_init(
    ts: &mut ThreadState,
    v: Value,
    file: Value,
    mode_v: Value,
    closefd: bool,
    opener: Value,
) -> PyResult<()> {
    let f = this(ts, v)?;
    // Re-initialization closes what the object had open.
    if f.fd() >= 0 {
        if f.mode_bits() & mode::CLOSEFD != 0 {
            f.close_fd(ts)?;
        } else {
            f.fd.store(-1, Ordering::Release);
        }
    }
    let mode_s = if mode_v.is_null() {
        "r".to_string()
    } else {
        match mode_v.downcast::<StrObj>() {
            Some(s) => s.as_str().to_string(),
            None => {
                return Err(ts.type_error(format!(
                    "FileIO() argument 'mode' must be str, not {}",
                    super::arg_type_name(mode_v)
                )))
            }
        }
    };
    let mut given_fd: Option<i32> = None;
    if ftpy_vm::objects::int::is_int(file) {
        // An int that is no C int is taken as a path (and refused), as in
        // CPython.
        match ftpy_vm::objects::int::to_i64(file) {
            Some(n) if n < 0 && n >= i32::MIN as i64 => {
                return Err(ts.value_error("negative file descriptor"));
            }
            Some(n) if (0..=i32::MAX as i64).contains(&n) => given_fd = Some(n as i32),
            _ => {}
        }
    }
    let (flags, mut bits) = parse_mode(ts, &mode_s)?;
    let fd = match given_fd {
        Some(fd) => {
            if closefd {
                bits |= mode::CLOSEFD;
            }
            fd
        }
        None => {
            if !closefd {
                return Err(ts.value_error("Cannot use closefd=False with file name"));
            }
            bits |= mode::CLOSEFD;
            let path = fspath(ts, file)?;
            if opener.is_null() || opener.is_none() {
                let c = path_bytes(ts, path)?;
                let r = ts.allow_threads(|| loop {
                    // SAFETY: `c` is a NUL-terminated path.
                    let fd = unsafe { libc::open(c.as_ptr(), flags, 0o666) };
                    if fd < 0 {
                        let e = errno();
                        if e == libc::EINTR {
                            continue;
                        }
                        return Err(e);
                    }
                    return Ok(fd);
                });
                match r {
                    Ok(fd) => fd,
                    Err(e) => return Err(os_error(ts, e, Some(file))),
                }
            } else {
                let fl = Value::small_int_unchecked(flags as i64);
                let r = ops::call(ts, opener, &[file, fl], None)?;
                if !ftpy_vm::objects::int::is_int(r) {
                    return Err(ts.type_error("expected integer from opener"));
                }
                let n = ops::index_to_i64(ts, r)?;
                if n < 0 || n > i32::MAX as i64 {
                    return Err(ts.value_error(format!("opener returned {n}")));
                }
                n as i32
            }
        }
    };
    // What we opened ourselves is closed again if anything below fails.
    let opened_here = given_fd.is_none();
    let fail = |_ts: &mut ThreadState, e: PyErr| -> PyErr {
        if opened_here {
            // SAFETY: closing the descriptor we just opened.
            unsafe { libc::close(fd) };
        }
        e
    };
    let mut st = unsafe_zeroed_stat();
    // SAFETY: fstat writes into the stat buffer we pass.
    if unsafe { libc::fstat(fd, &mut st) } < 0 {
        let e = errno();
        let err = os_error(ts, e, None);
        return Err(fail(ts, err));
    }
    if st.st_mode & libc::S_IFMT == libc::S_IFDIR {
        let err = os_error(ts, libc::EISDIR, Some(file));
        return Err(fail(ts, err));
    }
    let blk = if st.st_blksize > 1 {
        st.st_blksize
    } else {
        DEFAULT_BUFFER_SIZE as i64
    };
    f.blksize.store(blk, Ordering::Relaxed);
    f.mode.store(bits, Ordering::Relaxed);
    f.fd.store(fd, Ordering::Release);
    let n = names(ts).name;
    if let Err(e) = ops::setattr(ts, v, n, Some(file)) {
        let _ = f.close_fd(ts);
        return Err(e);
    }
    if bits & mode::APPENDING != 0 {
        // SAFETY: lseek has no memory-safety preconditions.
        let r = unsafe { libc::lseek(fd, 0, libc::SEEK_END) };
        if r < 0 {
            let e = errno();
            if e != libc::ESPIPE {
                let err = os_error(ts, e, Some(file));
                let _ = f.close_fd(ts);
                return Err(err);
            }
        }
    }
    Ok(())
}

fn fileio_new(ts: &mut ThreadState, cls: Gc<TypeObj>, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    new_fileio(ts, cls, true)
}

/// A blank FileIO of class `cls` (closed until `__init__`).
pub fn new_fileio(ts: &mut ThreadState, cls: Gc<TypeObj>, finalize: bool) -> PyResult<Value> {
    let base = io_types().fileio;
    Ok(native::alloc_checked(ts, cls, base, FileIO::blank(), finalize)?.value())
}

fn fileio_init_slot(ts: &mut ThreadState, v: Value, args: &[Value], kw: Kw) -> PyResult<()> {
    static SIG: Sig = Sig::new("FileIO(file, mode='r', closefd=True, opener=None)");
    let [file, mode_v, closefd, opener] = SIG.bind(ts, args, kw)?;
    let closefd = closefd.is_null() || ops::truthy(ts, closefd)?;
    fileio_init(ts, v, file, mode_v, closefd, opener)
}

fn m_read(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("read($self, size=-1, /)");
    let [v, size] = SIG.bind(ts, args, kw)?;
    let f = this(ts, v)?;
    let n = size_arg(ts, size)?;
    let r = if n < 0 {
        f.check_readable(ts)?;
        f.read_all(ts)?
    } else {
        f.read_raw(ts, n as usize)?
    };
    Ok(match r {
        Some(b) => BytesObj::new(ts, &b),
        None => Value::NONE,
    })
}

fn m_readall(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("readall($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let f = this(ts, v)?;
    Ok(match f.read_all(ts)? {
        Some(b) => BytesObj::new(ts, &b),
        None => Value::NONE,
    })
}

fn m_readinto(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("readinto($self, buffer, /)");
    let [v, b] = SIG.bind(ts, args, kw)?;
    let f = this(ts, v)?;
    let n = super::writable_len(ts, b, "readinto")?;
    f.check_readable(ts)?;
    match f.read_raw(ts, n)? {
        Some(data) => {
            super::store_into(ts, b, &data)?;
            Ok(Value::small_int_unchecked(data.len() as i64))
        }
        None => Ok(Value::NONE),
    }
}

fn m_write(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("write($self, b, /)");
    let [v, b] = SIG.bind(ts, args, kw)?;
    let f = this(ts, v)?;
    f.check_writable(ts)?;
    let data = super::bytes_like(ts, b)?;
    Ok(match f.write_raw(ts, &data)? {
        Some(n) => Value::small_int_unchecked(n as i64),
        None => Value::NONE,
    })
}

/// A `whence` argument.
pub fn whence_arg(ts: &mut ThreadState, v: Value) -> PyResult<i32> {
    if v.is_null() {
        return Ok(0);
    }
    let w = ops::index_to_i64(ts, v)?;
    Ok(w.clamp(i32::MIN as i64, i32::MAX as i64) as i32)
}

fn m_seek(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("seek($self, pos, whence=0, /)");
    let [v, pos, whence] = SIG.bind(ts, args, kw)?;
    let f = this(ts, v)?;
    f.check_open(ts)?;
    let p = ops::index_to_i64(ts, pos)?;
    let w = whence_arg(ts, whence)?;
    let r = f.seek(ts, p, w)?;
    Ok(ftpy_vm::objects::int::int_from_i64(ts, r))
}

fn m_tell(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("tell($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let f = this(ts, v)?;
    let r = f.tell(ts)?;
    Ok(ftpy_vm::objects::int::int_from_i64(ts, r))
}

fn m_truncate(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("truncate($self, size=None, /)");
    let [v, size] = SIG.bind(ts, args, kw)?;
    let f = this(ts, v)?;
    f.check_writable(ts)?;
    let n = if size.is_null() || size.is_none() {
        f.tell(ts)?
    } else {
        ops::index_to_i64(ts, size)?
    };
    f.truncate(ts, n)?;
    Ok(ftpy_vm::objects::int::int_from_i64(ts, n))
}

fn m_close(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("close($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    close(ts, v)?;
    Ok(Value::NONE)
}

/// `FileIO.close()`: `_RawIOBase.close` (flush, mark closed), then the
/// descriptor is closed.
pub fn close(ts: &mut ThreadState, v: Value) -> PyResult<()> {
    let f = this(ts, v)?;
    let r = super::iobase::iobase_close(ts, v);
    let r2 = f.close_fd(ts);
    r?;
    r2
}

fn m_seekable(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("seekable($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    Ok(Value::from_bool(this(ts, v)?.seekable(ts)?))
}

fn m_readable(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("readable($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    Ok(Value::from_bool(this(ts, v)?.readable(ts)?))
}

fn m_writable(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("writable($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    Ok(Value::from_bool(this(ts, v)?.writable(ts)?))
}

fn m_fileno(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("fileno($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    Ok(Value::small_int_unchecked(this(ts, v)?.fileno(ts)? as i64))
}

fn m_isatty(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("isatty($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    Ok(Value::from_bool(this(ts, v)?.isatty(ts)?))
}

fn get_closed(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(this(ts, v)?.is_closed()))
}

fn get_closefd(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(
        this(ts, v)?.mode_bits() & mode::CLOSEFD != 0,
    ))
}

fn get_mode(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let m = this(ts, v)?.mode_str();
    Ok(StrObj::new(ts, m))
}

fn get_blksize(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let b = this(ts, v)?.blksize();
    Ok(ftpy_vm::objects::int::int_from_i64(ts, b))
}

fn fileio_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let f = this(ts, v)?;
    // CPython names the class "_io.FileIO" here even for a subclass.
    let tn = "_io.FileIO";
    if f.is_closed() {
        return Ok(StrObj::new(ts, &format!("<{tn} [closed]>")));
    }
    let closefd = if f.mode_bits() & mode::CLOSEFD != 0 {
        "True"
    } else {
        "False"
    };
    let m = f.mode_str();
    let s = match super::repr_name(ts, v)? {
        Some(n) => format!("<{tn} name={n} mode='{m}' closefd={closefd}>"),
        None => format!("<{tn} fd={} mode='{m}' closefd={closefd}>", f.fd()),
    };
    Ok(StrObj::new(ts, &s))
}

pub fn init_type(ts: &mut ThreadState, ty: Gc<TypeObj>) {
    ty.slots.new.set(Some(fileio_new));
    ty.slots.init.set(Some(fileio_init_slot));
    ty.slots.repr.set(Some(fileio_repr));
    add_methods(
        ts,
        ty,
        &[
            method("read", m_read),
            method("readall", m_readall),
            method("readinto", m_readinto),
            method("write", m_write),
            method("seek", m_seek),
            method("tell", m_tell),
            method("truncate", m_truncate),
            method("close", m_close),
            method("seekable", m_seekable),
            method("readable", m_readable),
            method("writable", m_writable),
            method("fileno", m_fileno),
            method("isatty", m_isatty),
        ],
    );
    add_getset(ts, ty, "closed", get_closed, None);
    add_getset(ts, ty, "closefd", get_closefd, None);
    add_getset(ts, ty, "mode", get_mode, None);
    add_getset(ts, ty, "_blksize", get_blksize, None);
}
