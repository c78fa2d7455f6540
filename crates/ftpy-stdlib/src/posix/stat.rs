//! `stat`, `lstat`, `fstat`, `statvfs`, `fstatvfs` and their result types
//! (`os.stat_result`, `os.statvfs_result`).
//!
//! `stat_result` is a struct sequence of 10 items (mode, ino, dev, nlink,
//! uid, gid, size and the three times as ints, unnamed) plus, by name only,
//! the float times, the nanosecond times, `st_blksize`, `st_blocks` and
//! `st_rdev`. As in CPython, `stat_result(seq)` without the float times
//! fills them from the int ones.

use std::sync::OnceLock;

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::objects::int::{int_from_i128, int_from_i64, int_from_u64};
use ftpy_vm::objects::structseq;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::TypeObj;
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

use super::conv::{self, Path, PathSpec};
use super::Kw;

static STAT_RESULT: OnceLock<Gc<TypeObj>> = OnceLock::new();
static STATVFS_RESULT: OnceLock<Gc<TypeObj>> = OnceLock::new();

const STAT_FIELDS: &[Option<&str>] = &[
    Some("st_mode"),
    Some("st_ino"),
    Some("st_dev"),
    Some("st_nlink"),
    Some("st_uid"),
    Some("st_gid"),
    Some("st_size"),
    None,
    None,
    None,
    Some("st_atime"),
    Some("st_mtime"),
    Some("st_ctime"),
    Some("st_atime_ns"),
    Some("st_mtime_ns"),
    Some("st_ctime_ns"),
    Some("st_blksize"),
    Some("st_blocks"),
    Some("st_rdev"),
];

const STAT_DOC: &str = "stat_result: Result from stat, fstat, or lstat.\n\n\
This object may be accessed either as a tuple of\n  \
(mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime)\n\
or via the attributes st_mode, st_ino, st_dev, st_nlink, st_uid, and so on.\n\n\
Posix/windows: If your platform supports st_blksize, st_blocks, st_rdev,\n\
or st_flags, they are available as attributes only.\n\n\
See os.stat for more information.";

const STATVFS_FIELDS: &[Option<&str>] = &[
    Some("f_bsize"),
    Some("f_frsize"),
    Some("f_blocks"),
    Some("f_bfree"),
    Some("f_bavail"),
    Some("f_files"),
    Some("f_ffree"),
    Some("f_favail"),
    Some("f_flag"),
    Some("f_namemax"),
    Some("f_fsid"),
];

const STATVFS_DOC: &str = "statvfs_result: Result from statvfs or fstatvfs.\n\n\
This object may be accessed either as a tuple of\n  \
(bsize, frsize, blocks, bfree, bavail, files, ffree, favail, flag, namemax),\n\
or via the attributes f_bsize, f_frsize, f_blocks, f_bfree, and so on.\n\n\
See os.statvfs for more information.";

/// The original struct sequence `__new__` of `stat_result` (wrapped).
static SS_NEW: OnceLock<Value> = OnceLock::new();

/// Makes the result types (at module init).
pub fn init_types(ts: &mut ThreadState) -> PyResult<(Gc<TypeObj>, Gc<TypeObj>)> {
    if let (Some(a), Some(b)) = (STAT_RESULT.get(), STATVFS_RESULT.get()) {
        return Ok((*a, *b));
    }
    let st = structseq::new_type(ts, "os", "stat_result", STAT_FIELDS, 10, STAT_DOC)?;
    ftpy_vm::interp::add_global_root(st.value());
    // Wrap `__new__` to fill the float times from the int ones.
    let orig = st.dict().get_str_text("__new__").unwrap_or(Value::NONE);
    let orig_func = ops::getattr_str(ts, orig, "__func__")?;
    ftpy_vm::interp::add_global_root(orig_func);
    let _ = SS_NEW.set(orig_func);
    let f = ftpy_vm::objects::builtin::BuiltinObj::new_function(
        ts,
        "__new__",
        stat_result_new,
        Value::NONE,
    );
    let sm = ops::call1(ts, ftpy_vm::interp::types().staticmethod.value(), f)?;
    ftpy_vm::objects::set_type_attr(ts, st, "__new__", sm);
    ftpy_vm::objects::slots::update_slots(st);
    let vfs = structseq::new_type(ts, "os", "statvfs_result", STATVFS_FIELDS, 10, STATVFS_DOC)?;
    ftpy_vm::interp::add_global_root(vfs.value());
    let st = *STAT_RESULT.get_or_init(|| st);
    let vfs = *STATVFS_RESULT.get_or_init(|| vfs);
    Ok((st, vfs))
}

fn stat_result_new(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let Some(&orig) = SS_NEW.get() else {
        return Err(ts.system_error("stat_result is not initialized"));
    };
    let r = ops::call(ts, orig, args, kw)?;
    let Some(cls) = args.first().and_then(|c| c.downcast::<TypeObj>()) else {
        return Ok(r);
    };
    let Some(t) = r.downcast::<TupleObj>() else {
        return Ok(r);
    };
    let mut all = ftpy_vm::gc::RootedVec::new(ts);
    all.extend_from_slice(t.items());
    let mut changed = false;
    for (i, name) in STAT_FIELDS.iter().enumerate().skip(10) {
        let Some(name) = name else { continue };
        let mut v = ops::getattr_str(ts, r, name)?;
        if (10..13).contains(&i) && v.is_none() {
            v = all[i - 3];
            changed = true;
        }
        all.push(v);
    }
    if !changed {
        return Ok(r);
    }
    structseq::new(ts, cls, &all)
}

fn time_float(sec: i64, nsec: i64) -> Value {
    Value::from_f64(sec as f64 + nsec as f64 * 1e-9)
}

/// A `stat_result` from a `struct stat`.
pub fn stat_result(ts: &mut ThreadState, st: &libc::stat) -> PyResult<Value> {
    let (ty, _) = init_types(ts)?;
    let times = [
        (st.st_atime, st.st_atime_nsec),
        (st.st_mtime, st.st_mtime_nsec),
        (st.st_ctime, st.st_ctime_nsec),
    ];
    let mut v = [Value::NONE; 19];
    v[0] = Value::small_int_unchecked(st.st_mode as i64);
    v[1] = int_from_u64(ts, st.st_ino);
    v[2] = int_from_u64(ts, st.st_dev);
    v[3] = int_from_u64(ts, st.st_nlink);
    v[4] = Value::small_int_unchecked(st.st_uid as i64);
    v[5] = Value::small_int_unchecked(st.st_gid as i64);
    v[6] = int_from_i64(ts, st.st_size);
    for (k, &(s, ns)) in times.iter().enumerate() {
        v[7 + k] = int_from_i64(ts, s);
        v[10 + k] = time_float(s, ns);
        v[13 + k] = int_from_i128(ts, s as i128 * 1_000_000_000 + ns as i128);
    }
    v[16] = int_from_i64(ts, st.st_blksize);
    v[17] = int_from_i64(ts, st.st_blocks);
    v[18] = int_from_u64(ts, st.st_rdev);
    structseq::new(ts, ty, &v)
}

/// `stat` of a converted path: `fstat` for an fd, `fstatat` otherwise.
pub fn do_stat(
    ts: &mut ThreadState,
    p: &Path,
    dir_fd: i32,
    follow: bool,
) -> PyResult<Result<libc::stat, i32>> {
    // SAFETY: an all-zero `struct stat` is a valid value to overwrite.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    let sp = &mut st as *mut libc::stat as usize;
    let fd = p.fd;
    let path = p.ptr() as usize;
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    let r = conv::blocking(ts, || {
        // SAFETY: `sp` points at the local `st`, `path` at the NUL-ended
        // string `p.c` owns; both outlive the call.
        unsafe {
            if fd != -1 {
                libc::fstat(fd, sp as *mut libc::stat) as isize
            } else {
                libc::fstatat(
                    dir_fd,
                    path as *const libc::c_char,
                    sp as *mut libc::stat,
                    flags,
                ) as isize
            }
        }
    })?;
    Ok(r.map(|_| st))
}

fn stat_common(
    ts: &mut ThreadState,
    func: &'static str,
    path_v: Value,
    dir_fd_v: Value,
    follow: bool,
) -> PyResult<Value> {
    let p = conv::path(ts, path_v, PathSpec::new(func, "path").fd())?;
    let dfd = conv::dir_fd(ts, dir_fd_v)?;
    conv::check_fd_and(ts, func, &p, dfd, follow)?;
    match do_stat(ts, &p, dfd, follow)? {
        Ok(st) => stat_result(ts, &st),
        Err(e) => Err(p.error(ts, e)),
    }
}

pub fn stat(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("stat(path, *, dir_fd=None, follow_symlinks=True)");
    let [p, d, f] = SIG.bind(ts, args, kw)?;
    let follow = conv::flag(ts, f, true)?;
    stat_common(ts, "stat", p, d, follow)
}

pub fn lstat(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("lstat(path, *, dir_fd=None)");
    let [p, d] = SIG.bind(ts, args, kw)?;
    let pp = conv::path(ts, p, PathSpec::new("lstat", "path"))?;
    let dfd = conv::dir_fd(ts, d)?;
    match do_stat(ts, &pp, dfd, false)? {
        Ok(st) => stat_result(ts, &st),
        Err(e) => Err(pp.error(ts, e)),
    }
}

pub fn fstat(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("fstat(fd)");
    let [fd] = SIG.bind(ts, args, kw)?;
    let fd = conv::c_int(ts, fd)?;
    // SAFETY: zeroed is a valid `struct stat`.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    let sp = &mut st as *mut libc::stat as usize;
    // SAFETY: `sp` points at the local `st`.
    let r = conv::blocking(ts, || unsafe {
        libc::fstat(fd, sp as *mut libc::stat) as isize
    })?;
    match r {
        Ok(_) => stat_result(ts, &st),
        Err(e) => Err(conv::os_error(ts, e, None, None)),
    }
}

fn statvfs_result(ts: &mut ThreadState, s: &libc::statvfs) -> PyResult<Value> {
    let (_, ty) = init_types(ts)?;
    let vals = [
        s.f_bsize,
        s.f_frsize,
        s.f_blocks,
        s.f_bfree,
        s.f_bavail,
        s.f_files,
        s.f_ffree,
        s.f_favail,
        s.f_flag,
        s.f_namemax,
        s.f_fsid,
    ];
    let mut v = [Value::NONE; 11];
    for (i, &x) in vals.iter().enumerate() {
        v[i] = int_from_u64(ts, x);
    }
    structseq::new(ts, ty, &v)
}

pub fn statvfs(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("statvfs(path)");
    let [p] = SIG.bind(ts, args, kw)?;
    let p = conv::path(ts, p, PathSpec::new("statvfs", "path").fd())?;
    // SAFETY: zeroed is a valid `struct statvfs`.
    let mut s: libc::statvfs = unsafe { std::mem::zeroed() };
    let sp = &mut s as *mut libc::statvfs as usize;
    let (fd, path) = (p.fd, p.ptr() as usize);
    let r = conv::blocking(ts, || {
        // SAFETY: `sp` points at the local, `path` at `p`'s C string.
        unsafe {
            if fd != -1 {
                libc::fstatvfs(fd, sp as *mut libc::statvfs) as isize
            } else {
                libc::statvfs(path as *const libc::c_char, sp as *mut libc::statvfs) as isize
            }
        }
    })?;
    match r {
        Ok(_) => statvfs_result(ts, &s),
        Err(e) => Err(p.error(ts, e)),
    }
}

pub fn fstatvfs(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.fstatvfs(fd, /)");
    let [fd] = SIG.bind(ts, args, kw)?;
    let fd = conv::c_int(ts, fd)?;
    // SAFETY: zeroed is a valid `struct statvfs`.
    let mut s: libc::statvfs = unsafe { std::mem::zeroed() };
    let sp = &mut s as *mut libc::statvfs as usize;
    // SAFETY: `sp` points at the local.
    let r = conv::blocking(ts, || unsafe {
        libc::fstatvfs(fd, sp as *mut libc::statvfs) as isize
    })?;
    match r {
        Ok(_) => statvfs_result(ts, &s),
        Err(e) => Err(conv::os_error(ts, e, None, None)),
    }
}
