//! Operations on paths: access, chdir, chmod, chown, link, mkdir, mkfifo,
//! mknod, readlink, rename, rmdir, symlink, truncate, unlink, utime,
//! umask, getcwd, sync, and the device number helpers.

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::objects::int;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{type_name, type_of};
use ftpy_vm::{ops, PyResult, ThreadState, Value};

use super::conv::{self, Path, PathSpec};
use super::Kw;

/// Runs a quick path system call (detached: file systems can block), with
/// the error naming the path.
fn path_call(ts: &mut ThreadState, p: &Path, f: impl FnMut() -> isize) -> PyResult<isize> {
    match conv::blocking(ts, f)? {
        Ok(n) => Ok(n),
        Err(e) => Err(p.error(ts, e)),
    }
}

fn no_errors(ts: &mut ThreadState, f: impl FnMut() -> isize) -> PyResult<isize> {
    match conv::blocking(ts, f)? {
        Ok(n) => Ok(n),
        Err(e) => Err(conv::os_error(ts, e, None, None)),
    }
}

/// A `uid_t`/`gid_t` argument (`_Py_Uid_Converter`): -1 means "unchanged".
pub fn id_arg(ts: &mut ThreadState, v: Value, what: &str) -> PyResult<u32> {
    if ftpy_vm::objects::float::is_float(v)
        || (!int::is_int(v) && type_of(v).slots.index.get().is_none())
    {
        return Err(ts.type_error(format!("{what} should be integer, not {}", type_name(v))));
    }
    let i = ops::index(ts, v)?;
    let less = format!("{what} is less than minimum");
    match int::to_i64(i) {
        Some(-1) => Ok(u32::MAX),
        Some(x) if (0..=u32::MAX as i64).contains(&x) && x != u32::MAX as i64 => Ok(x as u32),
        Some(_) => Err(ts.overflow_error(less)),
        None => {
            if ops::lt(ts, i, Value::small_int_unchecked(0))? {
                Err(ts.overflow_error(less))
            } else {
                Err(ts.overflow_error(format!("{what} is greater than maximum")))
            }
        }
    }
}

pub fn access(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig =
        Sig::new("access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True)");
    let [p, mode, d, eff, follow] = SIG.bind(ts, args, kw)?;
    let p = conv::path(ts, p, PathSpec::new("access", "path"))?;
    let mode = conv::c_int(ts, mode)?;
    let dfd = conv::dir_fd(ts, d)?;
    let eff = conv::flag(ts, eff, false)?;
    let follow = conv::flag(ts, follow, true)?;
    let mut flags = 0;
    if eff {
        flags |= libc::AT_EACCESS;
    }
    if !follow {
        flags |= libc::AT_SYMLINK_NOFOLLOW;
    }
    let path = p.ptr() as usize;
    // SAFETY: `path` is `p`'s C string, alive across the call.
    let r = conv::blocking(ts, || unsafe {
        libc::faccessat(dfd, path as *const libc::c_char, mode, flags) as isize
    })?;
    Ok(Value::from_bool(r.is_ok()))
}

pub fn chdir(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("chdir(path)");
    let [p] = SIG.bind(ts, args, kw)?;
    let p = conv::path(ts, p, PathSpec::new("chdir", "path").fd())?;
    let (fd, path) = (p.fd, p.ptr() as usize);
    path_call(ts, &p, || {
        // SAFETY: `path` is `p`'s C string.
        unsafe {
            if fd != -1 {
                libc::fchdir(fd) as isize
            } else {
                libc::chdir(path as *const libc::c_char) as isize
            }
        }
    })?;
    Ok(Value::NONE)
}

pub fn fchdir(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("fchdir(fd)");
    let [fd] = SIG.bind(ts, args, kw)?;
    let fd = fd_arg(ts, fd)?;
    // SAFETY: no pointers.
    no_errors(ts, || unsafe { libc::fchdir(fd) as isize })?;
    Ok(Value::NONE)
}

/// A file descriptor argument that may be any object with `fileno()`
/// (`fchdir`, `fsync`, `fdatasync`: CPython's `fildes_converter`).
pub fn fd_arg(ts: &mut ThreadState, v: Value) -> PyResult<i32> {
    if int::is_int(v) {
        return conv::c_int(ts, v);
    }
    let Some(f) = ops::getattr_str_opt(ts, v, "fileno")? else {
        return Err(ts.type_error("argument must be an int, or have a fileno() method."));
    };
    let r = ops::call0(ts, f)?;
    if !int::is_int(r) {
        return Err(ts.type_error("fileno() returned a non-integer"));
    }
    let fd = conv::c_int(ts, r)?;
    if fd < 0 {
        return Err(ts.value_error(format!(
            "file descriptor cannot be a negative integer ({fd})"
        )));
    }
    Ok(fd)
}

pub fn chmod(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("chmod(path, mode, *, dir_fd=None, follow_symlinks=True)");
    let [p, mode, d, follow] = SIG.bind(ts, args, kw)?;
    let p = conv::path(ts, p, PathSpec::new("chmod", "path").fd())?;
    let mode = conv::c_int(ts, mode)? as libc::mode_t;
    let dfd = conv::dir_fd(ts, d)?;
    let follow = conv::flag(ts, follow, true)?;
    let (fd, path) = (p.fd, p.ptr() as usize);
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    match conv::blocking(ts, || {
        // SAFETY: `path` is `p`'s C string.
        unsafe {
            if fd != -1 {
                libc::fchmod(fd, mode) as isize
            } else {
                libc::fchmodat(dfd, path as *const libc::c_char, mode, flags) as isize
            }
        }
    })? {
        Ok(_) => Ok(Value::NONE),
        // Linux cannot change a symbolic link's mode.
        Err(libc::EOPNOTSUPP) if !follow => Err(if dfd == libc::AT_FDCWD {
            ts.not_implemented_error("chmod: follow_symlinks unavailable on this platform")
        } else {
            ts.value_error("chmod: cannot use dir_fd and follow_symlinks together")
        }),
        Err(e) => Err(p.error(ts, e)),
    }
}

pub fn fchmod(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("fchmod(fd, mode)");
    let [fd, mode] = SIG.bind(ts, args, kw)?;
    let fd = conv::c_int(ts, fd)?;
    let mode = conv::c_int(ts, mode)? as libc::mode_t;
    // SAFETY: no pointers.
    no_errors(ts, || unsafe { libc::fchmod(fd, mode) as isize })?;
    Ok(Value::NONE)
}

#[allow(clippy::too_many_arguments)]
fn chown_impl(
    ts: &mut ThreadState,
    func: &'static str,
    p: Value,
    uid: Value,
    gid: Value,
    d: Value,
    follow: bool,
    allow_fd: bool,
) -> PyResult<Value> {
    let spec = PathSpec::new(func, "path");
    let p = conv::path(ts, p, if allow_fd { spec.fd() } else { spec })?;
    let uid = id_arg(ts, uid, "uid")?;
    let gid = id_arg(ts, gid, "gid")?;
    let dfd = conv::dir_fd(ts, d)?;
    conv::check_fd_and_msg(ts, func, &p, dfd, follow, true)?;
    let (fd, path) = (p.fd, p.ptr() as usize);
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    path_call(ts, &p, || {
        // SAFETY: `path` is `p`'s C string.
        unsafe {
            if fd != -1 {
                libc::fchown(fd, uid, gid) as isize
            } else {
                libc::fchownat(dfd, path as *const libc::c_char, uid, gid, flags) as isize
            }
        }
    })?;
    Ok(Value::NONE)
}

pub fn chown(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("chown(path, uid, gid, *, dir_fd=None, follow_symlinks=True)");
    let [p, u, g, d, f] = SIG.bind(ts, args, kw)?;
    let follow = conv::flag(ts, f, true)?;
    chown_impl(ts, "chown", p, u, g, d, follow, true)
}

pub fn lchown(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("lchown(path, uid, gid)");
    let [p, u, g] = SIG.bind(ts, args, kw)?;
    chown_impl(ts, "lchown", p, u, g, Value::NULL, false, false)
}

pub fn fchown(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("fchown(fd, uid, gid)");
    let [fd, u, g] = SIG.bind(ts, args, kw)?;
    let fd = conv::c_int(ts, fd)?;
    let uid = id_arg(ts, u, "uid")?;
    let gid = id_arg(ts, g, "gid")?;
    // SAFETY: no pointers.
    no_errors(ts, || unsafe { libc::fchown(fd, uid, gid) as isize })?;
    Ok(Value::NONE)
}

pub fn chroot(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("chroot(path)");
    let [p] = SIG.bind(ts, args, kw)?;
    let p = conv::path(ts, p, PathSpec::new("chroot", "path"))?;
    let path = p.ptr() as usize;
    // SAFETY: `path` is `p`'s C string.
    path_call(ts, &p, || unsafe {
        libc::chroot(path as *const libc::c_char) as isize
    })?;
    Ok(Value::NONE)
}

/// The current directory's bytes.
pub fn cwd_bytes(ts: &mut ThreadState) -> PyResult<Vec<u8>> {
    let mut buf = vec![0u8; 1024];
    loop {
        let (p, n) = (buf.as_mut_ptr() as usize, buf.len());
        // SAFETY: getcwd writes at most `n` bytes into `buf`.
        let r = conv::quick(|| unsafe {
            if libc::getcwd(p as *mut libc::c_char, n).is_null() {
                -1
            } else {
                0
            }
        });
        match r {
            Ok(_) => {
                let len = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
                buf.truncate(len);
                return Ok(buf);
            }
            Err(libc::ERANGE) if buf.len() < (1 << 20) => {
                let m = buf.len() * 4;
                buf.resize(m, 0);
            }
            Err(e) => return Err(conv::os_error(ts, e, None, None)),
        }
    }
}

pub fn getcwd(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.getcwd()");
    let [] = SIG.bind(ts, args, kw)?;
    let b = cwd_bytes(ts)?;
    conv::fs_decode(ts, &b)
}

pub fn getcwdb(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.getcwdb()");
    let [] = SIG.bind(ts, args, kw)?;
    let b = cwd_bytes(ts)?;
    Ok(ftpy_vm::objects::bytes::BytesObj::new(ts, &b))
}

/// Two-path calls (`link`, `rename`, `symlink`): the error names both.
fn two_path_error(ts: &mut ThreadState, a: &Path, b: &Path, e: i32) -> ftpy_vm::PyErr {
    conv::os_error(ts, e, Some(a.obj), Some(b.obj))
}

pub fn link(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig =
        Sig::new("link(src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=True)");
    let [s, d, sd, dd, f] = SIG.bind(ts, args, kw)?;
    let src = conv::path(ts, s, PathSpec::new("link", "src"))?;
    let dst = conv::path(ts, d, PathSpec::new("link", "dst"))?;
    let sdfd = conv::dir_fd(ts, sd)?;
    let ddfd = conv::dir_fd(ts, dd)?;
    let follow = conv::flag(ts, f, true)?;
    let (a, b) = (src.ptr() as usize, dst.ptr() as usize);
    // As CPython: plain link(2) (which does not follow a symlink source on
    // Linux) unless a dir_fd or follow_symlinks=False asks for linkat.
    let plain = sdfd == libc::AT_FDCWD && ddfd == libc::AT_FDCWD && follow;
    let flags = if follow && !plain {
        libc::AT_SYMLINK_FOLLOW
    } else {
        0
    };
    // SAFETY: `a` and `b` are the paths' C strings.
    let r = conv::blocking(ts, || unsafe {
        libc::linkat(
            sdfd,
            a as *const libc::c_char,
            ddfd,
            b as *const libc::c_char,
            flags,
        ) as isize
    })?;
    match r {
        Ok(_) => Ok(Value::NONE),
        Err(e) => Err(two_path_error(ts, &src, &dst, e)),
    }
}

fn rename_impl(
    ts: &mut ThreadState,
    func: &'static str,
    args: &[Value],
    kw: Kw,
) -> PyResult<Value> {
    static RENAME: Sig = Sig::new("rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None)");
    static REPLACE: Sig = Sig::new("replace(src, dst, *, src_dir_fd=None, dst_dir_fd=None)");
    let sig = if func == "rename" { &RENAME } else { &REPLACE };
    let [s, d, sd, dd] = sig.bind(ts, args, kw)?;
    let src = conv::path(ts, s, PathSpec::new(func, "src"))?;
    let dst = conv::path(ts, d, PathSpec::new(func, "dst"))?;
    let sdfd = conv::dir_fd(ts, sd)?;
    let ddfd = conv::dir_fd(ts, dd)?;
    let (a, b) = (src.ptr() as usize, dst.ptr() as usize);
    // SAFETY: `a` and `b` are the paths' C strings.
    let r = conv::blocking(ts, || unsafe {
        libc::renameat(
            sdfd,
            a as *const libc::c_char,
            ddfd,
            b as *const libc::c_char,
        ) as isize
    })?;
    match r {
        Ok(_) => Ok(Value::NONE),
        Err(e) => Err(two_path_error(ts, &src, &dst, e)),
    }
}

pub fn rename(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    rename_impl(ts, "rename", args, kw)
}

pub fn replace(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    rename_impl(ts, "replace", args, kw)
}

pub fn symlink(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("symlink(src, dst, target_is_directory=False, *, dir_fd=None)");
    let [s, d, _tid, dd] = SIG.bind(ts, args, kw)?;
    let src = conv::path(ts, s, PathSpec::new("symlink", "src"))?;
    let dst = conv::path(ts, d, PathSpec::new("symlink", "dst"))?;
    let dfd = conv::dir_fd(ts, dd)?;
    let (a, b) = (src.ptr() as usize, dst.ptr() as usize);
    // SAFETY: `a` and `b` are the paths' C strings.
    let r = conv::blocking(ts, || unsafe {
        libc::symlinkat(a as *const libc::c_char, dfd, b as *const libc::c_char) as isize
    })?;
    match r {
        Ok(_) => Ok(Value::NONE),
        Err(e) => Err(two_path_error(ts, &src, &dst, e)),
    }
}

pub fn readlink(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("readlink(path, *, dir_fd=None)");
    let [p, d] = SIG.bind(ts, args, kw)?;
    let p = conv::path(ts, p, PathSpec::new("readlink", "path"))?;
    let dfd = conv::dir_fd(ts, d)?;
    let path = p.ptr() as usize;
    let mut buf = vec![0u8; 4096];
    loop {
        let (bp, bl) = (buf.as_mut_ptr() as usize, buf.len());
        // SAFETY: readlinkat writes at most `bl` bytes into `buf`.
        let n = path_call(ts, &p, || unsafe {
            libc::readlinkat(
                dfd,
                path as *const libc::c_char,
                bp as *mut libc::c_char,
                bl,
            )
        })? as usize;
        if n < buf.len() {
            buf.truncate(n);
            break;
        }
        let m = buf.len() * 2;
        buf.resize(m, 0);
    }
    conv::fs_name(ts, &buf, p.bytes)
}

pub fn mkdir(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("mkdir(path, mode=511, *, dir_fd=None)");
    let [p, mode, d] = SIG.bind(ts, args, kw)?;
    let p = conv::path(ts, p, PathSpec::new("mkdir", "path"))?;
    let mode = match mode.non_null() {
        Some(m) => conv::c_int(ts, m)?,
        None => 0o777,
    } as libc::mode_t;
    let dfd = conv::dir_fd(ts, d)?;
    let path = p.ptr() as usize;
    // SAFETY: `path` is `p`'s C string.
    path_call(ts, &p, || unsafe {
        libc::mkdirat(dfd, path as *const libc::c_char, mode) as isize
    })?;
    Ok(Value::NONE)
}

pub fn mkfifo(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("mkfifo(path, mode=438, *, dir_fd=None)");
    let [p, mode, d] = SIG.bind(ts, args, kw)?;
    let p = conv::path(ts, p, PathSpec::new("mkfifo", "path"))?;
    let mode = match mode.non_null() {
        Some(m) => conv::c_int(ts, m)?,
        None => 0o666,
    } as libc::mode_t;
    let dfd = conv::dir_fd(ts, d)?;
    let path = p.ptr() as usize;
    // SAFETY: `path` is `p`'s C string.
    no_errors(ts, || unsafe {
        libc::mkfifoat(dfd, path as *const libc::c_char, mode) as isize
    })?;
    Ok(Value::NONE)
}

pub fn mknod(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("mknod(path, mode=384, device=0, *, dir_fd=None)");
    let [p, mode, dev, d] = SIG.bind(ts, args, kw)?;
    let p = conv::path(ts, p, PathSpec::new("mknod", "path"))?;
    let mode = match mode.non_null() {
        Some(m) => conv::c_int(ts, m)?,
        None => 0o600,
    } as libc::mode_t;
    let dev = match dev.non_null() {
        Some(x) => dev_arg(ts, x)?,
        None => 0,
    };
    let dfd = conv::dir_fd(ts, d)?;
    let path = p.ptr() as usize;
    // SAFETY: `path` is `p`'s C string.
    no_errors(ts, || unsafe {
        libc::mknodat(dfd, path as *const libc::c_char, mode, dev) as isize
    })?;
    Ok(Value::NONE)
}

fn dev_arg(ts: &mut ThreadState, v: Value) -> PyResult<u64> {
    let i = ops::index(ts, v)?;
    match int::to_i64(i) {
        Some(x) => Ok(x as u64),
        None => match int::to_big(i).and_then(|b| num_traits::ToPrimitive::to_u64(&*b)) {
            Some(x) => Ok(x),
            None => Err(ts.overflow_error("Python int too large to convert to C dev_t")),
        },
    }
}

pub fn major(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.major(device, /)");
    let [d] = SIG.bind(ts, args, kw)?;
    let d = dev_arg(ts, d)?;
    Ok(Value::small_int_unchecked(libc::major(d) as i64))
}

pub fn minor(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.minor(device, /)");
    let [d] = SIG.bind(ts, args, kw)?;
    let d = dev_arg(ts, d)?;
    Ok(Value::small_int_unchecked(libc::minor(d) as i64))
}

pub fn makedev(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.makedev(major, minor, /)");
    let [a, b] = SIG.bind(ts, args, kw)?;
    let a = conv::c_int(ts, a)? as u32;
    let b = conv::c_int(ts, b)? as u32;
    Ok(int::int_from_u64(ts, libc::makedev(a, b)))
}

fn unlink_impl(
    ts: &mut ThreadState,
    func: &'static str,
    args: &[Value],
    kw: Kw,
) -> PyResult<Value> {
    static UNLINK: Sig = Sig::new("unlink(path, *, dir_fd=None)");
    static REMOVE: Sig = Sig::new("remove(path, *, dir_fd=None)");
    let sig = if func == "unlink" { &UNLINK } else { &REMOVE };
    let [p, d] = sig.bind(ts, args, kw)?;
    let p = conv::path(ts, p, PathSpec::new(func, "path"))?;
    let dfd = conv::dir_fd(ts, d)?;
    let path = p.ptr() as usize;
    // SAFETY: `path` is `p`'s C string.
    path_call(ts, &p, || unsafe {
        libc::unlinkat(dfd, path as *const libc::c_char, 0) as isize
    })?;
    Ok(Value::NONE)
}

pub fn unlink(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    unlink_impl(ts, "unlink", args, kw)
}

pub fn remove(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    unlink_impl(ts, "remove", args, kw)
}

pub fn rmdir(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("rmdir(path, *, dir_fd=None)");
    let [p, d] = SIG.bind(ts, args, kw)?;
    let p = conv::path(ts, p, PathSpec::new("rmdir", "path"))?;
    let dfd = conv::dir_fd(ts, d)?;
    let path = p.ptr() as usize;
    // SAFETY: `path` is `p`'s C string.
    path_call(ts, &p, || unsafe {
        libc::unlinkat(dfd, path as *const libc::c_char, libc::AT_REMOVEDIR) as isize
    })?;
    Ok(Value::NONE)
}

pub fn truncate(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("truncate(path, length)");
    let [p, len] = SIG.bind(ts, args, kw)?;
    let p = conv::path(ts, p, PathSpec::new("truncate", "path").fd())?;
    let len = conv::off_t(ts, len)?;
    let (fd, path) = (p.fd, p.ptr() as usize);
    if fd != -1 {
        // CPython reports ftruncate's error without a file name.
        // SAFETY: no pointers.
        no_errors(ts, || unsafe { libc::ftruncate(fd, len) as isize })?;
        return Ok(Value::NONE);
    }
    path_call(ts, &p, || {
        // SAFETY: `path` is `p`'s C string.
        unsafe {
            if fd != -1 {
                libc::ftruncate(fd, len) as isize
            } else {
                libc::truncate(path as *const libc::c_char, len) as isize
            }
        }
    })?;
    Ok(Value::NONE)
}

pub fn umask(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.umask(mask, /)");
    let [m] = SIG.bind(ts, args, kw)?;
    let m = conv::c_int(ts, m)?;
    // SAFETY: umask cannot fail.
    let old = unsafe { libc::umask(m as libc::mode_t) };
    Ok(Value::small_int_unchecked(old as i64))
}

pub fn sync(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.sync()");
    let [] = SIG.bind(ts, args, kw)?;
    // SAFETY: no arguments.
    ts.allow_threads(|| unsafe { libc::sync() });
    Ok(Value::NONE)
}

/// A `(seconds, nanoseconds)` pair from a `utime` `times` item: an int,
/// or a float rounded toward minus infinity.
fn timestamp(ts: &mut ThreadState, v: Value) -> PyResult<libc::timespec> {
    let (s, ns) = crate::time::object_to_timespec(ts, v, crate::time::Round::Floor)?;
    Ok(libc::timespec {
        tv_sec: s,
        tv_nsec: ns,
    })
}

/// `ns` items: integer nanoseconds split into (seconds, nanoseconds).
fn ns_timestamp(ts: &mut ThreadState, v: Value) -> PyResult<libc::timespec> {
    let i = ops::index(ts, v)?;
    let billion = Value::small_int_unchecked(1_000_000_000);
    let q = ops::binary_op(ts, i, billion, ftpy_compiler::BinaryOp::FloorDivide)?;
    let r = ops::binary_op(ts, i, billion, ftpy_compiler::BinaryOp::Remainder)?;
    let Some(s) = int::to_i64(q) else {
        return Err(ts.overflow_error("timestamp out of range for platform time_t"));
    };
    Ok(libc::timespec {
        tv_sec: s,
        tv_nsec: int::to_i64(r).unwrap_or(0),
    })
}

fn pair(ts: &mut ThreadState, v: Value) -> Option<(Value, Value)> {
    let _ = ts;
    let t = v.downcast::<TupleObj>()?;
    if t.len() != 2 {
        return None;
    }
    Some((t.items()[0], t.items()[1]))
}

pub fn utime(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig =
        Sig::new("utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True)");
    let [p, times, ns, d, f] = SIG.bind(ts, args, kw)?;
    let p = conv::path(ts, p, PathSpec::new("utime", "path").fd())?;
    let times = times.non_null().filter(|t| !t.is_none());
    let ns = ns.non_null();
    if times.is_some() && ns.is_some() {
        return Err(ts.value_error("utime: you may specify either 'times' or 'ns' but not both"));
    }
    let mut spec = [
        libc::timespec {
            tv_sec: 0,
            tv_nsec: libc::UTIME_NOW,
        },
        libc::timespec {
            tv_sec: 0,
            tv_nsec: libc::UTIME_NOW,
        },
    ];
    if let Some(t) = times {
        let Some((a, m)) = pair(ts, t) else {
            return Err(ts.type_error("utime: 'times' must be either a tuple of two ints or None"));
        };
        spec[0] = timestamp(ts, a)?;
        spec[1] = timestamp(ts, m)?;
    } else if let Some(n) = ns {
        let Some((a, m)) = pair(ts, n) else {
            return Err(ts.type_error("utime: 'ns' must be a tuple of two ints"));
        };
        spec[0] = ns_timestamp(ts, a)?;
        spec[1] = ns_timestamp(ts, m)?;
    }
    let dfd = conv::dir_fd(ts, d)?;
    let follow = conv::flag(ts, f, true)?;
    conv::check_fd_and(ts, "utime", &p, dfd, follow)?;
    if p.is_fd() && !follow {
        // fd 0 passes CPython's check (it tests fd > 0); it then gives
        // utimensat no path, which the C library rejects.
        return Err(conv::os_error(ts, libc::EINVAL, None, None));
    }
    let (fd, path) = (p.fd, p.ptr() as usize);
    let sp = spec.as_ptr() as usize;
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    // CPython reports utime errors without the file name.
    no_errors(ts, || {
        // SAFETY: `sp` points at the two local timespecs, `path` at `p`'s
        // C string.
        unsafe {
            if fd != -1 {
                libc::futimens(fd, sp as *const libc::timespec) as isize
            } else {
                libc::utimensat(
                    dfd,
                    path as *const libc::c_char,
                    sp as *const libc::timespec,
                    flags,
                ) as isize
            }
        }
    })?;
    Ok(Value::NONE)
}

pub fn pathconf_names() -> &'static [(&'static str, i32)] {
    &[
        ("PC_ALLOC_SIZE_MIN", libc::_PC_ALLOC_SIZE_MIN),
        ("PC_ASYNC_IO", libc::_PC_ASYNC_IO),
        ("PC_CHOWN_RESTRICTED", libc::_PC_CHOWN_RESTRICTED),
        ("PC_FILESIZEBITS", libc::_PC_FILESIZEBITS),
        ("PC_LINK_MAX", libc::_PC_LINK_MAX),
        ("PC_MAX_CANON", libc::_PC_MAX_CANON),
        ("PC_MAX_INPUT", libc::_PC_MAX_INPUT),
        ("PC_NAME_MAX", libc::_PC_NAME_MAX),
        ("PC_NO_TRUNC", libc::_PC_NO_TRUNC),
        ("PC_PATH_MAX", libc::_PC_PATH_MAX),
        ("PC_PIPE_BUF", libc::_PC_PIPE_BUF),
        ("PC_PRIO_IO", libc::_PC_PRIO_IO),
        ("PC_REC_INCR_XFER_SIZE", libc::_PC_REC_INCR_XFER_SIZE),
        ("PC_REC_MAX_XFER_SIZE", libc::_PC_REC_MAX_XFER_SIZE),
        ("PC_REC_MIN_XFER_SIZE", libc::_PC_REC_MIN_XFER_SIZE),
        ("PC_REC_XFER_ALIGN", libc::_PC_REC_XFER_ALIGN),
        ("PC_SYMLINK_MAX", libc::_PC_SYMLINK_MAX),
        ("PC_SYNC_IO", libc::_PC_SYNC_IO),
        ("PC_VDISABLE", libc::_PC_VDISABLE),
    ]
}

/// A configuration name: an int, or a str key of `table`.
pub fn conf_name(ts: &mut ThreadState, v: Value, table: &[(&str, i32)]) -> PyResult<i32> {
    if let Some(s) = ftpy_vm::objects::str::as_str(v) {
        return match table.iter().find(|(n, _)| *n == s) {
            Some(&(_, c)) => Ok(c),
            None => Err(ts.value_error("unrecognized configuration name")),
        };
    }
    if int::is_int(v) {
        return conv::c_int(ts, v);
    }
    Err(ts.type_error("configuration names must be strings or integers"))
}

pub fn pathconf(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("pathconf(path, name)");
    let [p, n] = SIG.bind(ts, args, kw)?;
    let p = conv::path(ts, p, PathSpec::new("pathconf", "path").fd())?;
    let name = conf_name(ts, n, pathconf_names())?;
    let (fd, path) = (p.fd, p.ptr() as usize);
    // pathconf returns -1 without changing errno for "no limit".
    let r = ts.allow_threads(|| {
        // SAFETY: errno is thread-local; `path` is `p`'s C string.
        unsafe {
            *libc::__errno_location() = 0;
            let r = if fd != -1 {
                libc::fpathconf(fd, name)
            } else {
                libc::pathconf(path as *const libc::c_char, name)
            };
            (r, conv::errno())
        }
    });
    if r.0 == -1 && r.1 != 0 {
        return Err(p.error(ts, r.1));
    }
    Ok(int::int_from_i64(ts, r.0))
}

pub fn fpathconf(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.fpathconf(fd, name, /)");
    let [fd, n] = SIG.bind(ts, args, kw)?;
    let p = conv::path(ts, fd, PathSpec::new("fpathconf", "fd").fd())?;
    let name = conf_name(ts, n, pathconf_names())?;
    let (fd, path) = (p.fd, p.ptr() as usize);
    let r = ts.allow_threads(|| {
        // SAFETY: errno is thread-local; `path` is `p`'s C string.
        unsafe {
            *libc::__errno_location() = 0;
            let r = if fd != -1 {
                libc::fpathconf(fd, name)
            } else {
                libc::pathconf(path as *const libc::c_char, name)
            };
            (r, conv::errno())
        }
    });
    if r.0 == -1 && r.1 != 0 {
        return Err(p.error(ts, r.1));
    }
    Ok(int::int_from_i64(ts, r.0))
}
