//! `fcntl`: `fcntl()`, `ioctl()`, `flock()` and `lockf()` on file
//! descriptors, and the `F_*`, `FD_*`, `LOCK_*`, `DN_*` constants.
//!
//! As in CPython, an integer argument is passed to the call as a C int and
//! the call's result returned; a bytes or str argument (at most 1024
//! bytes) is copied into a buffer whose address is passed, and the buffer
//! as the call left it is returned as bytes. `ioctl` also takes a writable
//! buffer (a `bytearray`), which with `mutate_flag` true receives what the
//! call wrote. The calls that can wait (`F_SETLKW`, `flock`, `lockf`) run
//! detached and are retried on EINTR.

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::objects::bytes::BytesObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::{buffer, Gc, PyResult, ThreadState, Value};

use crate::posix::{conv, files};

type Kw = Option<Gc<TupleObj>>;

const DOC: &str = "This module performs file control and I/O control on file\n\
descriptors.  It is an interface to the fcntl() and ioctl() Unix\n\
routines.  File descriptors can be obtained with the fileno() method of\n\
a file or socket object.";

/// The largest buffer argument (CPython's limit).
const BUF_MAX: usize = 1024;

/// A descriptor: an int or an object with `fileno()`
/// (`PyObject_AsFileDescriptor`).
fn fd_arg(ts: &mut ThreadState, v: Value) -> PyResult<i32> {
    let fd = files::fd_arg(ts, v)?;
    if fd < 0 {
        return Err(ts.value_error(format!(
            "file descriptor cannot be a negative integer ({fd})"
        )));
    }
    Ok(fd)
}

/// The bytes of a read-only buffer argument given as bytes or str, or
/// None if `v` is neither.
fn read_only_arg(ts: &mut ThreadState, v: Value) -> PyResult<Option<Vec<u8>>> {
    if let Some(s) = v.downcast::<StrObj>() {
        if s.has_surrogates() {
            return ftpy_vm::codecs::encode_native(ts, s, ftpy_vm::codecs::Native::Utf8, "strict")
                .map(Some);
        }
        return Ok(Some(s.as_wtf8().to_vec()));
    }
    // Read-only bytes-like objects only (a bytearray is rejected).
    Ok(buffer::procs(v)
        .filter(|p| (p.readonly)(v))
        .map(|p| buffer::copy_bytes(v, p)))
}

/// Runs `f` and retries it on EINTR, detached if `may_block`.
fn call(ts: &mut ThreadState, may_block: bool, f: impl FnMut() -> isize) -> PyResult<isize> {
    let r = if may_block {
        conv::blocking(ts, f)?
    } else {
        conv::quick(f)
    };
    r.map_err(|e| conv::os_error(ts, e, None, None))
}

fn fcntl(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("fcntl(fd, cmd, arg=0, /)");
    let [fd, cmd, arg] = SIG.bind(ts, args, kw)?;
    let fd = fd_arg(ts, fd)?;
    let cmd = conv::c_int(ts, cmd)?;
    let may_block = cmd == libc::F_SETLKW || cmd == libc::F_OFD_SETLKW;
    if let Some(arg) = arg.non_null() {
        if let Some(b) = read_only_arg(ts, arg)? {
            if b.len() > BUF_MAX {
                return Err(ts.value_error("fcntl string arg too long"));
            }
            let mut buf = [0u8; BUF_MAX];
            buf[..b.len()].copy_from_slice(&b);
            let p = buf.as_mut_ptr() as usize;
            // SAFETY: `p` is the local buffer, BUF_MAX bytes long, which is
            // what CPython gives the call too.
            call(ts, may_block, || unsafe {
                libc::fcntl(fd, cmd, p as *mut libc::c_void) as isize
            })?;
            return Ok(BytesObj::new(ts, &buf[..b.len()]));
        }
    }
    let i = match arg.non_null() {
        Some(a) => conv::c_int(ts, a)?,
        None => 0,
    };
    // SAFETY: an int argument; the command decides what it means, and
    // none dereferences it as a pointer except ones the caller chose.
    let r = call(ts, may_block, || unsafe {
        libc::fcntl(fd, cmd, i) as isize
    })?;
    Ok(Value::small_int_unchecked(r as i64))
}

fn ioctl(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("ioctl(fd, request, arg=0, mutate_flag=True, /)");
    let [fd, req, arg, mutate] = SIG.bind(ts, args, kw)?;
    let fd = fd_arg(ts, fd)?;
    // CPython takes the request as an unsigned int (any bits).
    let req = {
        let r = conv::c_long(ts, req)?;
        if !(i32::MIN as i64..=u32::MAX as i64).contains(&r) {
            return Err(ts.overflow_error("Python int too large to convert to C unsigned long"));
        }
        r as u32 as libc::c_ulong
    };
    let mutate = conv::flag(ts, mutate, true)?;
    if let Some(arg) = arg.non_null() {
        let writable = buffer::procs(arg).filter(|p| !(p.readonly)(arg));
        if let Some(p) = writable {
            let data = buffer::copy_bytes(arg, p);
            if mutate || data.len() <= BUF_MAX {
                let mut buf = vec![0u8; data.len().max(BUF_MAX)];
                buf[..data.len()].copy_from_slice(&data);
                let bp = buf.as_mut_ptr() as usize;
                // SAFETY: `bp` is the local buffer, at least BUF_MAX bytes.
                let r = call(ts, false, || unsafe {
                    libc::ioctl(fd, req, bp as *mut libc::c_void) as isize
                })?;
                if mutate {
                    write_back(arg, p, &buf[..data.len()]);
                    return Ok(Value::small_int_unchecked(r as i64));
                }
                return Ok(BytesObj::new(ts, &buf[..data.len()]));
            }
            return Err(ts.value_error("ioctl string arg too long"));
        }
        if let Some(b) = read_only_arg(ts, arg)? {
            if b.len() > BUF_MAX {
                return Err(ts.value_error("ioctl string arg too long"));
            }
            let mut buf = [0u8; BUF_MAX];
            buf[..b.len()].copy_from_slice(&b);
            let bp = buf.as_mut_ptr() as usize;
            // SAFETY: as above.
            call(ts, false, || unsafe {
                libc::ioctl(fd, req, bp as *mut libc::c_void) as isize
            })?;
            return Ok(BytesObj::new(ts, &buf[..b.len()]));
        }
    }
    let i = match arg.non_null() {
        Some(a) => conv::c_int(ts, a)?,
        None => 0,
    };
    // SAFETY: an int argument, as for fcntl.
    let r = call(ts, false, || unsafe { libc::ioctl(fd, req, i) as isize })?;
    Ok(Value::small_int_unchecked(r as i64))
}

/// Copies `data` back into a writable buffer (as much as still fits).
fn write_back(obj: Value, p: &buffer::BufferProcs, data: &[u8]) {
    let _g = if p.locked {
        obj.header().map(|h| h.lock())
    } else {
        None
    };
    let m = (p.memory)(obj);
    let n = m.len.min(data.len());
    if n > 0 {
        // SAFETY: the exporter describes `m.len` writable bytes, stable
        // while its lock is held (taken above when it is mutable).
        unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), m.ptr, n) };
    }
}

fn flock(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("flock(fd, operation, /)");
    let [fd, op] = SIG.bind(ts, args, kw)?;
    let fd = fd_arg(ts, fd)?;
    let op = conv::c_int(ts, op)?;
    // SAFETY: no pointers.
    call(ts, true, || unsafe { libc::flock(fd, op) as isize })?;
    Ok(Value::NONE)
}

fn lockf(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("lockf(fd, cmd, len=0, start=0, whence=0, /)");
    let [fd, code, len, start, whence] = SIG.bind(ts, args, kw)?;
    let fd = fd_arg(ts, fd)?;
    let code = conv::c_int(ts, code)?;
    let len = match len.non_null() {
        Some(v) => conv::off_t(ts, v)?,
        None => 0,
    };
    let start = match start.non_null() {
        Some(v) => conv::off_t(ts, v)?,
        None => 0,
    };
    let whence = match whence.non_null() {
        Some(v) => conv::c_int(ts, v)?,
        None => 0,
    };
    let l_type = if code & libc::LOCK_UN != 0 {
        libc::F_UNLCK
    } else if code & libc::LOCK_SH != 0 {
        libc::F_RDLCK
    } else if code & libc::LOCK_EX != 0 {
        libc::F_WRLCK
    } else {
        return Err(ts.value_error("unrecognized lockf argument"));
    };
    let cmd = if code & libc::LOCK_NB != 0 {
        libc::F_SETLK
    } else {
        libc::F_SETLKW
    };
    // SAFETY: an all-zero flock is a valid value of the C struct.
    let mut fl: libc::flock = unsafe { std::mem::zeroed() };
    fl.l_type = l_type as libc::c_short;
    fl.l_whence = whence as libc::c_short;
    fl.l_start = start;
    fl.l_len = len;
    let flp = &mut fl as *mut libc::flock as usize;
    // SAFETY: `flp` is the local struct.
    call(ts, true, || unsafe {
        libc::fcntl(fd, cmd, flp as *mut libc::flock) as isize
    })?;
    Ok(Value::NONE)
}

/// The constants, with the values of Linux's headers.
const CONSTANTS: &[(&str, i64)] = &[
    ("DN_ACCESS", 0x1),
    ("DN_ATTRIB", 0x20),
    ("DN_CREATE", 0x4),
    ("DN_DELETE", 0x8),
    ("DN_MODIFY", 0x2),
    ("DN_MULTISHOT", 0x8000_0000),
    ("DN_RENAME", 0x10),
    ("FASYNC", libc::O_ASYNC as i64),
    ("FD_CLOEXEC", libc::FD_CLOEXEC as i64),
    ("F_ADD_SEALS", libc::F_ADD_SEALS as i64),
    ("F_DUPFD", libc::F_DUPFD as i64),
    ("F_DUPFD_CLOEXEC", libc::F_DUPFD_CLOEXEC as i64),
    ("F_EXLCK", 4),
    ("F_GETFD", libc::F_GETFD as i64),
    ("F_GETFL", libc::F_GETFL as i64),
    ("F_GETLEASE", libc::F_GETLEASE as i64),
    ("F_GETLK", libc::F_GETLK as i64),
    ("F_GETLK64", libc::F_GETLK as i64),
    ("F_GETOWN", libc::F_GETOWN as i64),
    ("F_GETPIPE_SZ", libc::F_GETPIPE_SZ as i64),
    ("F_GETSIG", 11),
    ("F_GET_SEALS", libc::F_GET_SEALS as i64),
    ("F_NOTIFY", libc::F_NOTIFY as i64),
    ("F_OFD_GETLK", libc::F_OFD_GETLK as i64),
    ("F_OFD_SETLK", libc::F_OFD_SETLK as i64),
    ("F_OFD_SETLKW", libc::F_OFD_SETLKW as i64),
    ("F_RDLCK", libc::F_RDLCK as i64),
    ("F_SEAL_GROW", libc::F_SEAL_GROW as i64),
    ("F_SEAL_SEAL", libc::F_SEAL_SEAL as i64),
    ("F_SEAL_SHRINK", libc::F_SEAL_SHRINK as i64),
    ("F_SEAL_WRITE", libc::F_SEAL_WRITE as i64),
    ("F_SETFD", libc::F_SETFD as i64),
    ("F_SETFL", libc::F_SETFL as i64),
    ("F_SETLEASE", libc::F_SETLEASE as i64),
    ("F_SETLK", libc::F_SETLK as i64),
    ("F_SETLK64", libc::F_SETLK as i64),
    ("F_SETLKW", libc::F_SETLKW as i64),
    ("F_SETLKW64", libc::F_SETLKW as i64),
    ("F_SETOWN", libc::F_SETOWN as i64),
    ("F_SETPIPE_SZ", libc::F_SETPIPE_SZ as i64),
    ("F_SETSIG", 10),
    ("F_SHLCK", 8),
    ("F_UNLCK", libc::F_UNLCK as i64),
    ("F_WRLCK", libc::F_WRLCK as i64),
    ("LOCK_EX", libc::LOCK_EX as i64),
    ("LOCK_MAND", 32),
    ("LOCK_NB", libc::LOCK_NB as i64),
    ("LOCK_READ", 64),
    ("LOCK_RW", 192),
    ("LOCK_SH", libc::LOCK_SH as i64),
    ("LOCK_UN", libc::LOCK_UN as i64),
    ("LOCK_WRITE", 128),
];

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let doc = StrObj::new(ts, DOC);
    m.set_attr(ts, "__doc__", doc);
    m.add_function(ts, "fcntl", fcntl);
    m.add_function(ts, "ioctl", ioctl);
    m.add_function(ts, "flock", flock);
    m.add_function(ts, "lockf", lockf);
    for &(name, v) in CONSTANTS {
        let v = ftpy_vm::objects::int::int_from_i64(ts, v);
        m.set_attr(ts, name, v);
    }
    Ok(())
}
