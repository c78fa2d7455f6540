//! Operations on file descriptors: open, close, read, write, seek, sync,
//! duplicate, pipes, terminals, blocking and inheritable flags.
//!
//! Descriptors ftpy creates are non-inheritable (`O_CLOEXEC`), as PEP 446
//! says. Reads and writes run detached and retry on `EINTR` (PEP 475).

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::objects::bytes::BytesObj;
use ftpy_vm::objects::int;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::{PyResult, ThreadState, Value};

use super::conv::{self, PathSpec};
use super::Kw;

fn fail(ts: &mut ThreadState, e: i32) -> ftpy_vm::PyErr {
    conv::os_error(ts, e, None, None)
}

/// A descriptor call that cannot block.
fn fd_call(ts: &mut ThreadState, f: impl FnMut() -> isize) -> PyResult<isize> {
    conv::quick(f).map_err(|e| fail(ts, e))
}

/// A descriptor call that may block (detached).
fn fd_block(ts: &mut ThreadState, f: impl FnMut() -> isize) -> PyResult<isize> {
    match conv::blocking(ts, f)? {
        Ok(n) => Ok(n),
        Err(e) => Err(fail(ts, e)),
    }
}

pub fn open(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("open(path, flags, mode=511, *, dir_fd=None)");
    let [p, flags, mode, d] = SIG.bind(ts, args, kw)?;
    let p = conv::path(ts, p, PathSpec::new("open", "path"))?;
    let flags = conv::c_int(ts, flags)? | libc::O_CLOEXEC;
    let mode = match mode.non_null() {
        Some(m) => conv::c_int(ts, m)?,
        None => 0o777,
    } as libc::c_uint;
    let dfd = conv::dir_fd(ts, d)?;
    let path = p.ptr() as usize;
    // SAFETY: `path` is `p`'s C string.
    let r = conv::blocking(ts, || unsafe {
        libc::openat(dfd, path as *const libc::c_char, flags, mode) as isize
    })?;
    match r {
        Ok(fd) => Ok(Value::small_int_unchecked(fd as i64)),
        Err(e) => Err(p.error(ts, e)),
    }
}

pub fn close(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("close(fd)");
    let [fd] = SIG.bind(ts, args, kw)?;
    let fd = conv::c_int(ts, fd)?;
    // close is not retried on EINTR (the descriptor is gone either way).
    // SAFETY: closing a descriptor number touches no memory.
    let r = ts.allow_threads(|| unsafe {
        let r = libc::close(fd);
        if r == -1 {
            conv::errno()
        } else {
            0
        }
    });
    if r != 0 && r != libc::EINTR {
        return Err(fail(ts, r));
    }
    Ok(Value::NONE)
}

pub fn closerange(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.closerange(fd_low, fd_high, /)");
    let [lo, hi] = SIG.bind(ts, args, kw)?;
    let lo = conv::c_int(ts, lo)?.max(0);
    let hi = conv::c_int(ts, hi)?;
    if lo < hi {
        ts.allow_threads(|| {
            for fd in lo..hi {
                // SAFETY: closing descriptor numbers; errors are ignored
                // as CPython does.
                unsafe { libc::close(fd) };
            }
        });
    }
    Ok(Value::NONE)
}

pub fn read(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.read(fd, length, /)");
    let [fd, n] = SIG.bind(ts, args, kw)?;
    let fd = conv::c_int(ts, fd)?;
    let n = conv::ssize(ts, n)?;
    if n < 0 {
        return Err(fail(ts, libc::EINVAL));
    }
    let mut buf = Vec::new();
    if buf.try_reserve_exact(n as usize).is_err() {
        return Err(ts.new_error_with(ftpy_vm::interp::types().memory_error, &[]));
    }
    let (bp, bl) = (buf.as_mut_ptr() as usize, n as usize);
    // SAFETY: `buf` has capacity for `bl` bytes; read writes at most that.
    let got = fd_block(ts, || unsafe {
        libc::read(fd, bp as *mut libc::c_void, bl)
    })? as usize;
    // SAFETY: read initialized the first `got` bytes.
    unsafe { buf.set_len(got) };
    Ok(BytesObj::new(ts, &buf))
}

pub fn pread(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.pread(fd, length, offset, /)");
    let [fd, n, off] = SIG.bind(ts, args, kw)?;
    let fd = conv::c_int(ts, fd)?;
    let n = conv::ssize(ts, n)?;
    let off = conv::off_t(ts, off)?;
    if n < 0 {
        return Err(fail(ts, libc::EINVAL));
    }
    let mut buf = Vec::new();
    if buf.try_reserve_exact(n as usize).is_err() {
        return Err(ts.new_error_with(ftpy_vm::interp::types().memory_error, &[]));
    }
    let (bp, bl) = (buf.as_mut_ptr() as usize, n as usize);
    // SAFETY: `buf` has capacity for `bl` bytes.
    let got = fd_block(ts, || unsafe {
        libc::pread(fd, bp as *mut libc::c_void, bl, off)
    })? as usize;
    // SAFETY: pread initialized the first `got` bytes.
    unsafe { buf.set_len(got) };
    Ok(BytesObj::new(ts, &buf))
}

pub fn write(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.write(fd, data, /)");
    let [fd, data] = SIG.bind(ts, args, kw)?;
    let fd = conv::c_int(ts, fd)?;
    let b = ftpy_vm::objects::bytes::expect_buffer(ts, data)?;
    let (p, l) = (b.as_ptr() as usize, b.len());
    // SAFETY: `b` (borrowed from an object the caller holds, or owned
    // here) stays valid across the call.
    let n = fd_block(ts, || unsafe {
        libc::write(fd, p as *const libc::c_void, l)
    })?;
    Ok(Value::small_int_unchecked(n as i64))
}

pub fn pwrite(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.pwrite(fd, buffer, offset, /)");
    let [fd, data, off] = SIG.bind(ts, args, kw)?;
    let fd = conv::c_int(ts, fd)?;
    let b = ftpy_vm::objects::bytes::expect_buffer(ts, data)?;
    let off = conv::off_t(ts, off)?;
    let (p, l) = (b.as_ptr() as usize, b.len());
    // SAFETY: as in `write`.
    let n = fd_block(ts, || unsafe {
        libc::pwrite(fd, p as *const libc::c_void, l, off)
    })?;
    Ok(Value::small_int_unchecked(n as i64))
}

pub fn lseek(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.lseek(fd, position, whence, /)");
    let [fd, pos, how] = SIG.bind(ts, args, kw)?;
    let fd = conv::c_int(ts, fd)?;
    let pos = conv::off_t(ts, pos)?;
    let how = conv::c_int(ts, how)?;
    // SAFETY: no pointers.
    let r = fd_block(ts, || unsafe { libc::lseek(fd, pos, how) as isize })?;
    Ok(int::int_from_i64(ts, r as i64))
}

pub fn fsync(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("fsync(fd)");
    let [fd] = SIG.bind(ts, args, kw)?;
    let fd = super::files::fd_arg(ts, fd)?;
    // SAFETY: no pointers.
    fd_block(ts, || unsafe { libc::fsync(fd) as isize })?;
    Ok(Value::NONE)
}

pub fn fdatasync(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("fdatasync(fd)");
    let [fd] = SIG.bind(ts, args, kw)?;
    let fd = super::files::fd_arg(ts, fd)?;
    // SAFETY: no pointers.
    fd_block(ts, || unsafe { libc::fdatasync(fd) as isize })?;
    Ok(Value::NONE)
}

pub fn ftruncate(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.ftruncate(fd, length, /)");
    let [fd, len] = SIG.bind(ts, args, kw)?;
    let fd = conv::c_int(ts, fd)?;
    let len = conv::off_t(ts, len)?;
    // SAFETY: no pointers.
    fd_block(ts, || unsafe { libc::ftruncate(fd, len) as isize })?;
    Ok(Value::NONE)
}

pub fn posix_fallocate(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.posix_fallocate(fd, offset, length, /)");
    let [fd, off, len] = SIG.bind(ts, args, kw)?;
    let fd = conv::c_int(ts, fd)?;
    let off = conv::off_t(ts, off)?;
    let len = conv::off_t(ts, len)?;
    loop {
        // SAFETY: no pointers; the call returns an error number.
        let r = ts.allow_threads(|| unsafe { libc::posix_fallocate(fd, off, len) });
        match r {
            0 => return Ok(Value::NONE),
            libc::EINTR => {
                if ftpy_vm::interp::signal_pending() {
                    ftpy_vm::interp::handle_pending_signals(ts)?;
                }
            }
            e => return Err(fail(ts, e)),
        }
    }
}

pub fn lockf(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.lockf(fd, command, length, /)");
    let [fd, cmd, len] = SIG.bind(ts, args, kw)?;
    let fd = conv::c_int(ts, fd)?;
    let cmd = conv::c_int(ts, cmd)?;
    let len = conv::off_t(ts, len)?;
    // SAFETY: no pointers.
    fd_block(ts, || unsafe { libc::lockf(fd, cmd, len) as isize })?;
    Ok(Value::NONE)
}

pub fn dup(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.dup(fd, /)");
    let [fd] = SIG.bind(ts, args, kw)?;
    let fd = conv::c_int(ts, fd)?;
    // SAFETY: no pointers.
    let r = fd_call(ts, || unsafe {
        libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) as isize
    })?;
    Ok(Value::small_int_unchecked(r as i64))
}

pub fn dup2(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("dup2(fd, fd2, inheritable=True)");
    let [fd, fd2, inh] = SIG.bind(ts, args, kw)?;
    let fd = conv::c_int(ts, fd)?;
    let fd2 = conv::c_int(ts, fd2)?;
    let inh = conv::flag(ts, inh, true)?;
    let flags = if inh { 0 } else { libc::O_CLOEXEC };
    // SAFETY: no pointers.
    let r = fd_call(ts, || unsafe {
        if fd == fd2 {
            // dup3 rejects equal descriptors; dup2 checks fd is valid.
            libc::dup2(fd, fd2) as isize
        } else {
            libc::dup3(fd, fd2, flags) as isize
        }
    })?;
    Ok(Value::small_int_unchecked(r as i64))
}

fn make_pipe(ts: &mut ThreadState, flags: i32) -> PyResult<Value> {
    let mut fds = [0 as libc::c_int; 2];
    let p = fds.as_mut_ptr() as usize;
    // SAFETY: pipe2 writes two ints into the local array.
    fd_call(ts, || unsafe {
        libc::pipe2(p as *mut libc::c_int, flags) as isize
    })?;
    let t = TupleObj::new(
        ts,
        &[
            Value::small_int_unchecked(fds[0] as i64),
            Value::small_int_unchecked(fds[1] as i64),
        ],
    );
    Ok(t.value())
}

pub fn pipe(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.pipe()");
    let [] = SIG.bind(ts, args, kw)?;
    make_pipe(ts, libc::O_CLOEXEC)
}

pub fn pipe2(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.pipe2(flags, /)");
    let [f] = SIG.bind(ts, args, kw)?;
    let f = conv::c_int(ts, f)?;
    make_pipe(ts, f)
}

pub fn isatty(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.isatty(fd, /)");
    let [fd] = SIG.bind(ts, args, kw)?;
    let fd = conv::c_int(ts, fd)?;
    // SAFETY: no pointers.
    let r = unsafe { libc::isatty(fd) };
    Ok(Value::from_bool(r == 1))
}

pub fn ttyname(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.ttyname(fd, /)");
    let [fd] = SIG.bind(ts, args, kw)?;
    let fd = conv::c_int(ts, fd)?;
    let mut buf = [0u8; 4096];
    // SAFETY: ttyname_r writes at most `buf.len()` bytes; returns an errno.
    let r = unsafe { libc::ttyname_r(fd, buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
    if r != 0 {
        return Err(fail(ts, r));
    }
    let n = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    conv::fs_decode(ts, &buf[..n])
}

fn fl_flags(ts: &mut ThreadState, fd: i32) -> PyResult<i32> {
    // SAFETY: no pointers.
    Ok(fd_call(ts, || unsafe { libc::fcntl(fd, libc::F_GETFL) as isize })? as i32)
}

pub fn get_blocking(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.get_blocking(fd, /)");
    let [fd] = SIG.bind(ts, args, kw)?;
    let fd = conv::c_int(ts, fd)?;
    let f = fl_flags(ts, fd)?;
    Ok(Value::from_bool(f & libc::O_NONBLOCK == 0))
}

/// Sets or clears `O_NONBLOCK` (also used by other modules).
pub fn set_fd_blocking(fd: i32, blocking: bool) -> Result<(), i32> {
    // SAFETY: no pointers.
    let f = conv::quick(|| unsafe { libc::fcntl(fd, libc::F_GETFL) as isize })? as i32;
    let nf = if blocking {
        f & !libc::O_NONBLOCK
    } else {
        f | libc::O_NONBLOCK
    };
    if nf != f {
        // SAFETY: no pointers.
        conv::quick(|| unsafe { libc::fcntl(fd, libc::F_SETFL, nf) as isize })?;
    }
    Ok(())
}

pub fn set_blocking(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.set_blocking(fd, blocking, /)");
    let [fd, b] = SIG.bind(ts, args, kw)?;
    let fd = conv::c_int(ts, fd)?;
    let b = conv::flag(ts, b, true)?;
    set_fd_blocking(fd, b).map_err(|e| fail(ts, e))?;
    Ok(Value::NONE)
}

pub fn get_inheritable(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.get_inheritable(fd, /)");
    let [fd] = SIG.bind(ts, args, kw)?;
    let fd = conv::c_int(ts, fd)?;
    // SAFETY: no pointers.
    let f = fd_call(ts, || unsafe { libc::fcntl(fd, libc::F_GETFD) as isize })? as i32;
    Ok(Value::from_bool(f & libc::FD_CLOEXEC == 0))
}

/// Sets or clears `FD_CLOEXEC` (also used by other modules).
pub fn set_fd_inheritable(fd: i32, inheritable: bool) -> Result<(), i32> {
    // SAFETY: no pointers.
    let f = conv::quick(|| unsafe { libc::fcntl(fd, libc::F_GETFD) as isize })? as i32;
    let nf = if inheritable {
        f & !libc::FD_CLOEXEC
    } else {
        f | libc::FD_CLOEXEC
    };
    if nf != f {
        // SAFETY: no pointers.
        conv::quick(|| unsafe { libc::fcntl(fd, libc::F_SETFD, nf) as isize })?;
    }
    Ok(())
}

pub fn set_inheritable(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.set_inheritable(fd, inheritable, /)");
    let [fd, b] = SIG.bind(ts, args, kw)?;
    let fd = conv::c_int(ts, fd)?;
    let b = conv::flag(ts, b, true)?;
    set_fd_inheritable(fd, b).map_err(|e| fail(ts, e))?;
    Ok(Value::NONE)
}

pub fn device_encoding(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("device_encoding(fd)");
    let [fd] = SIG.bind(ts, args, kw)?;
    let fd = conv::c_int(ts, fd)?;
    // SAFETY: no pointers.
    if unsafe { libc::isatty(fd) } != 1 {
        return Ok(Value::NONE);
    }
    Ok(ftpy_vm::objects::str::new_str(ts, "UTF-8"))
}

static TERMINAL_SIZE: std::sync::OnceLock<ftpy_vm::Gc<ftpy_vm::objects::typeobj::TypeObj>> =
    std::sync::OnceLock::new();

/// The `os.terminal_size` type.
pub fn terminal_size_type(
    ts: &mut ThreadState,
) -> PyResult<ftpy_vm::Gc<ftpy_vm::objects::typeobj::TypeObj>> {
    if let Some(t) = TERMINAL_SIZE.get() {
        return Ok(*t);
    }
    let t = ftpy_vm::objects::structseq::new_type(
        ts,
        "os",
        "terminal_size",
        &[Some("columns"), Some("lines")],
        2,
        "A tuple of (columns, lines) for holding terminal window size",
    )?;
    ftpy_vm::interp::add_global_root(t.value());
    Ok(*TERMINAL_SIZE.get_or_init(|| t))
}

pub fn get_terminal_size(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.get_terminal_size(fd=1, /)");
    let [fd] = SIG.bind(ts, args, kw)?;
    let fd = match fd.non_null() {
        Some(f) => conv::c_int(ts, f)?,
        None => 1,
    };
    // SAFETY: zeroed is a valid winsize; ioctl writes into it.
    let mut w: libc::winsize = unsafe { std::mem::zeroed() };
    let wp = &mut w as *mut libc::winsize as usize;
    // SAFETY: TIOCGWINSZ writes one winsize at `wp`.
    fd_call(ts, || unsafe {
        libc::ioctl(fd, libc::TIOCGWINSZ, wp as *mut libc::winsize) as isize
    })?;
    let ty = terminal_size_type(ts)?;
    ftpy_vm::objects::structseq::new(
        ts,
        ty,
        &[
            Value::small_int_unchecked(w.ws_col as i64),
            Value::small_int_unchecked(w.ws_row as i64),
        ],
    )
}

pub fn sendfile(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sendfile(out_fd, in_fd, offset, count)");
    let [out, inp, off, count] = SIG.bind(ts, args, kw)?;
    let out = conv::c_int(ts, out)?;
    let inp = conv::c_int(ts, inp)?;
    let count = conv::ssize(ts, count)?.max(0) as usize;
    if off.is_none() {
        // SAFETY: a null offset uses the file position.
        let n = fd_block(ts, || unsafe {
            libc::sendfile(out, inp, std::ptr::null_mut(), count)
        })?;
        return Ok(Value::small_int_unchecked(n as i64));
    }
    let mut o = conv::off_t(ts, off)?;
    let op = &mut o as *mut libc::off_t as usize;
    // SAFETY: `op` points at the local offset.
    let n = fd_block(ts, || unsafe {
        libc::sendfile(out, inp, op as *mut libc::off_t, count)
    })?;
    Ok(Value::small_int_unchecked(n as i64))
}
