//! `_posixsubprocess`: `fork_exec`, the fork-and-exec helper under
//! `subprocess.Popen`.
//!
//! Other threads may be running Python code (and allocating, holding
//! locks) when a thread forks, and the child inherits only the forking
//! thread: so between `fork()` and `exec()` the child does nothing but
//! async-signal-safe system calls on memory prepared before the fork (argv,
//! envp, cwd as C strings, the fds to keep, the fd limit). It allocates
//! nothing, takes no lock and runs no Python. A failure before or in
//! `exec` is written to `errpipe_write` as `OSError:<hex errno>:` (followed
//! by `noexec` when it happened before the program was run, so that
//! subprocess.py blames `cwd`), which the parent turns into the exception;
//! the child then `_exit(255)`s.
//!
//! `preexec_fn` needs a running interpreter in the child: when one is
//! given, the fork is done as `os.fork()` does it (the world stopped, the
//! child's interpreter left with the forking thread only, the
//! `register_at_fork` hooks run), and the child calls it after the
//! uid/gid/session changes and before the descriptors are closed, as
//! CPython does. An exception in it is reported as
//! `SubprocessError:0:Exception occurred in preexec_fn.`.
//!
//! `allow_vfork` is accepted and ignored: the child is always made with
//! `fork()`.

use std::ffi::CString;

use ftpy_vm::builtins::args;
use ftpy_vm::objects::int;
use ftpy_vm::objects::list::ListObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{type_name, type_of};
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

use crate::posix::{conv, process};

type Kw = Option<Gc<TupleObj>>;

const DOC: &str = "A POSIX helper for the subprocess module.";

/// Everything the child needs, prepared before the fork. The pointer
/// arrays point into the `CString`s beside them.
struct Plan {
    _argv: Vec<CString>,
    /// NULL-ended, or empty when `args` is None (exec gets a NULL argv).
    argv_p: Vec<*const libc::c_char>,
    exec: Vec<CString>,
    _env: Vec<CString>,
    /// NULL-ended, or empty for "inherit the environment" (execv).
    env_p: Vec<*const libc::c_char>,
    cwd: Option<CString>,
    close_fds: bool,
    /// Sorted, each >= 0.
    keep: Vec<i32>,
    p2cread: i32,
    p2cwrite: i32,
    c2pread: i32,
    c2pwrite: i32,
    errread: i32,
    errwrite: i32,
    errpipe_read: i32,
    errpipe_write: i32,
    restore_signals: bool,
    call_setsid: bool,
    pgid_to_set: i32,
    gid: Option<libc::gid_t>,
    groups: Option<Vec<libc::gid_t>>,
    uid: Option<libc::uid_t>,
    child_umask: i32,
    /// One past the highest descriptor the child may have open.
    fd_limit: i32,
}

fn int_arg(ts: &mut ThreadState, v: Value) -> PyResult<i32> {
    conv::c_int(ts, v)
}

/// A str/bytes/PathLike as file system bytes (`PyUnicode_FSConverter`).
fn fs_bytes(ts: &mut ThreadState, v: Value) -> PyResult<Vec<u8>> {
    match conv::fspath(ts, v)? {
        Some(x) => {
            if let Some(s) = x.downcast::<StrObj>() {
                conv::fs_encode(ts, s)
            } else {
                Ok(ftpy_vm::objects::bytes::bytes_data(x).unwrap_or_default())
            }
        }
        None => Err(ts.type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            type_name(v)
        ))),
    }
}

/// The items of a sequence (`PySequence_Size` then `PySequence_GetItem`).
fn seq_items(ts: &mut ThreadState, v: Value) -> PyResult<ftpy_vm::gc::RootedVec> {
    let n = ops::len(ts, v)?;
    let mut out = ftpy_vm::gc::RootedVec::new(ts);
    for i in 0..n {
        let x = ops::getitem(ts, v, Value::small_int_unchecked(i as i64))?;
        out.push(x);
    }
    Ok(out)
}

/// A sequence of bytes as C strings (`_PySequence_BytesToCharpArray`).
fn bytes_array(ts: &mut ThreadState, v: Value) -> PyResult<Vec<CString>> {
    let items = seq_items(ts, v)?;
    let mut out = Vec::with_capacity(items.len());
    for &x in items.iter() {
        let Some(b) = ftpy_vm::objects::bytes::bytes_data(x) else {
            return Err(ts.type_error(format!("expected bytes, {} found", type_name(x))));
        };
        out.push(conv::cstring(ts, b, "embedded null byte")?);
    }
    Ok(out)
}

fn ptrs(v: &[CString]) -> Vec<*const libc::c_char> {
    let mut p: Vec<*const libc::c_char> = v.iter().map(|c| c.as_ptr()).collect();
    p.push(std::ptr::null());
    p
}

/// A uid or gid (`_Py_Uid_Converter`): -1 means "unchanged".
fn id_arg(ts: &mut ThreadState, v: Value, what: &str) -> PyResult<u32> {
    if !int::is_int(v) && type_of(v).slots.index.get().is_none() {
        return Err(ts.type_error(format!("{what} should be integer, not {}", type_name(v))));
    }
    let i = ops::index(ts, v)?;
    let big = |ts: &mut ThreadState, i: Value| -> PyResult<bool> {
        ops::lt(ts, Value::small_int_unchecked(0), i)
    };
    match int::to_i64(i) {
        Some(-1) => Ok(u32::MAX),
        Some(x) if x < -1 => Err(ts.overflow_error(format!("{what} is less than minimum"))),
        Some(x) if x >= u32::MAX as i64 => {
            Err(ts.overflow_error(format!("{what} is greater than maximum")))
        }
        Some(x) => Ok(x as u32),
        None => {
            let msg = if big(ts, i)? {
                format!("{what} is greater than maximum")
            } else {
                format!("{what} is less than minimum")
            };
            Err(ts.overflow_error(msg))
        }
    }
}

/// `fds_to_keep` must be a sorted tuple of distinct non-negative ints.
fn keep_fds(ts: &mut ThreadState, t: Gc<TupleObj>) -> PyResult<Vec<i32>> {
    let mut out: Vec<i32> = Vec::with_capacity(t.len());
    for &v in t.items() {
        let fd = if int::is_int(v) { int::to_i64(v) } else { None };
        match fd {
            Some(fd) if (0..=i32::MAX as i64).contains(&fd) => {
                if out.last().is_some_and(|&l| l as i64 >= fd) {
                    return Err(ts.value_error("bad value(s) in fds_to_keep"));
                }
                out.push(fd as i32);
            }
            _ => return Err(ts.value_error("bad value(s) in fds_to_keep")),
        }
    }
    Ok(out)
}

pub fn fork_exec(ts: &mut ThreadState, a: &[Value], kw: Kw) -> PyResult<Value> {
    args::no_kwargs(ts, "fork_exec", kw)?;
    args::check_count(ts, "fork_exec", a, 23, 23)?;
    let process_args = a[0];
    let executable_list = a[1];
    let close_fds = ops::truthy(ts, a[2])?;
    let Some(fds_to_keep) = a[3].downcast::<TupleObj>() else {
        return Err(ts.type_error(format!(
            "fork_exec() argument 4 must be tuple, not {}",
            type_name(a[3])
        )));
    };
    let (cwd_obj, env_list) = (a[4], a[5]);
    let mut fds = [0i32; 8];
    for (i, slot) in fds.iter_mut().enumerate() {
        *slot = int_arg(ts, a[6 + i])?;
    }
    let [p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write] =
        fds;
    let restore_signals = ops::truthy(ts, a[14])?;
    let call_setsid = ops::truthy(ts, a[15])?;
    let pgid_to_set = int_arg(ts, a[16])?;
    let (gid_obj, groups_obj, uid_obj) = (a[17], a[18], a[19]);
    let child_umask = int_arg(ts, a[20])?;
    let preexec_fn = a[21];
    let _allow_vfork = ops::truthy(ts, a[22])?;

    if close_fds && errpipe_write < 3 {
        return Err(ts.value_error("errpipe_write must be >= 3"));
    }
    let keep = keep_fds(ts, fds_to_keep)?;

    let (argv, argv_p) = if process_args.is_none() {
        (Vec::new(), Vec::new())
    } else {
        let is_seq = process_args.downcast::<TupleObj>().is_some()
            || process_args.downcast::<ListObj>().is_some();
        if !is_seq {
            let ty = type_of(process_args).value();
            if ops::getattr_str_opt(ts, ty, "__getitem__")?.is_none()
                || ops::getattr_str_opt(ts, ty, "__len__")?.is_none()
            {
                return Err(ts.type_error("argv must be a tuple"));
            }
        }
        let items = seq_items(ts, process_args)?;
        let mut v = Vec::with_capacity(items.len());
        for &x in items.iter() {
            let b = fs_bytes(ts, x)?;
            v.push(conv::cstring(ts, b, "embedded null byte")?);
        }
        let p = ptrs(&v);
        (v, p)
    };
    let exec = bytes_array(ts, executable_list)?;
    let (env, env_p) = if env_list.is_none() {
        (Vec::new(), Vec::new())
    } else {
        let v = bytes_array(ts, env_list)?;
        let p = ptrs(&v);
        (v, p)
    };
    let cwd = if cwd_obj.is_none() {
        None
    } else {
        let b = fs_bytes(ts, cwd_obj)?;
        Some(conv::cstring(ts, b, "embedded null byte")?)
    };
    let groups = if groups_obj.is_none() {
        None
    } else {
        let Some(l) = groups_obj.downcast::<ListObj>() else {
            return Err(ts.type_error("setgroups argument must be a list"));
        };
        let items = l.snapshot_items(ts);
        if items.len() > 65536 {
            return Err(ts.value_error("too many groups"));
        }
        let mut rooted = ftpy_vm::gc::RootedVec::new(ts);
        rooted.extend_from_slice(&items);
        let mut g = Vec::with_capacity(rooted.len());
        for &x in rooted.iter() {
            g.push(id_arg(ts, x, "gid")?);
        }
        Some(g)
    };
    let gid = if gid_obj.is_none() {
        None
    } else {
        Some(id_arg(ts, gid_obj, "gid")?)
    };
    let uid = if uid_obj.is_none() {
        None
    } else {
        Some(id_arg(ts, uid_obj, "uid")?)
    };
    // SAFETY: sysconf has no memory effects.
    let open_max = unsafe { libc::sysconf(libc::_SC_OPEN_MAX) };
    let fd_limit = if open_max <= 0 {
        256
    } else {
        open_max.min(i32::MAX as libc::c_long) as i32
    };
    let plan = Plan {
        _argv: argv,
        argv_p,
        exec,
        _env: env,
        env_p,
        cwd,
        close_fds,
        keep,
        p2cread,
        p2cwrite,
        c2pread,
        c2pwrite,
        errread,
        errwrite,
        errpipe_read,
        errpipe_write,
        restore_signals,
        call_setsid,
        pgid_to_set,
        gid,
        groups,
        uid,
        child_umask,
        fd_limit,
    };

    if !preexec_fn.is_none() {
        return fork_with_preexec(ts, &plan, preexec_fn);
    }
    let plan_addr = &plan as *const Plan as usize;
    // The fork runs detached (copying a large address space takes time);
    // the child touches nothing of the heap, only `plan`, which this frame
    // owns.
    let (pid, err) = ts.allow_threads(|| {
        // SAFETY: the child continues with this thread only and runs
        // `child_exec`, which never returns and makes only
        // async-signal-safe calls on `plan`'s memory.
        let pid = unsafe { libc::fork() };
        if pid == 0 {
            // SAFETY: `plan_addr` is `&plan`, alive in the copied stack.
            let plan = unsafe { &*(plan_addr as *const Plan) };
            child_exec(plan, false)
        }
        (pid, if pid == -1 { conv::errno() } else { 0 })
    });
    if pid == -1 {
        return Err(conv::os_error(ts, err, None, None));
    }
    Ok(Value::small_int_unchecked(pid as i64))
}

/// The fork for a call with `preexec_fn`: as `os.fork()`, so the child
/// can run Python code.
fn fork_with_preexec(ts: &mut ThreadState, plan: &Plan, preexec_fn: Value) -> PyResult<Value> {
    process::before_fork(ts);
    let (pid, err) = ftpy_vm::gc::collect::fork_with_world_stopped(
        ts,
        || {
            // SAFETY: fork duplicates the process; the child continues
            // with this thread only, as `os.fork()`.
            let p = unsafe { libc::fork() };
            (p, if p == -1 { conv::errno() } else { 0 })
        },
        |&(p, _)| p == 0,
    );
    if pid == 0 {
        ftpy_vm::interp::become_main_thread(ts);
        process::after_fork_child(ts);
        // The steps before the preexec call are the same
        // async-signal-safe ones as without it.
        if let Err(e) = child_prepare(plan) {
            report_errno(plan.errpipe_write, e, true);
        }
        if ops::call0(ts, preexec_fn).is_err() {
            write_all(
                plan.errpipe_write,
                b"SubprocessError:0:Exception occurred in preexec_fn.",
            );
            // SAFETY: ends the child, as CPython's does after a failure.
            unsafe { libc::_exit(255) }
        }
        child_exec(plan, true)
    }
    process::after_fork_parent(ts);
    if pid == -1 {
        return Err(conv::os_error(ts, err, None, None));
    }
    Ok(Value::small_int_unchecked(pid as i64))
}

// ---- the child ---------------------------------------------------------------------
//
// Everything below runs in the child between fork and exec: raw system
// calls on the plan's memory, no allocation, no locks, no panics.

fn errno() -> i32 {
    // SAFETY: the thread's errno location is always valid.
    unsafe { *libc::__errno_location() }
}

/// Writes all of `b` to `fd`, giving up on an error.
fn write_all(fd: i32, mut b: &[u8]) {
    // SAFETY: raw system calls on descriptors and on memory the
    // plan owns (alive in the caller); nothing here allocates.
    unsafe {
        while !b.is_empty() {
            let n = libc::write(fd, b.as_ptr() as *const libc::c_void, b.len());
            if n < 0 {
                if errno() == libc::EINTR {
                    continue;
                }
                return;
            }
            b = &b[n as usize..];
        }
    }
}

/// Writes `OSError:<hex errno>:[noexec]` to the error pipe and exits.
fn report_errno(errpipe: i32, e: i32, before_exec: bool) -> ! {
    // SAFETY: raw system calls on descriptors and on memory the
    // plan owns (alive in the caller); nothing here allocates.
    unsafe {
        let mut buf = [0u8; 40];
        let head = b"OSError:";
        buf[..head.len()].copy_from_slice(head);
        let mut n = head.len();
        let mut digits = [0u8; 16];
        let mut d = 0;
        let mut x = e as u32;
        while x != 0 {
            digits[d] = b"0123456789abcdef"[(x % 16) as usize];
            x /= 16;
            d += 1;
        }
        while d > 0 {
            d -= 1;
            buf[n] = digits[d];
            n += 1;
        }
        buf[n] = b':';
        n += 1;
        if before_exec {
            buf[n..n + 6].copy_from_slice(b"noexec");
            n += 6;
        }
        write_all(errpipe, &buf[..n]);
        libc::_exit(255)
    }
}

/// `Err(errno)` for a failed call.
fn check(r: libc::c_int) -> Result<(), i32> {
    if r == -1 {
        Err(errno())
    } else {
        Ok(())
    }
}

fn set_inheritable(fd: i32) -> Result<(), i32> {
    // SAFETY: raw system calls on descriptors and on memory the
    // plan owns (alive in the caller); nothing here allocates.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFD);
        check(flags)?;
        if flags & libc::FD_CLOEXEC != 0 {
            check(libc::fcntl(fd, libc::F_SETFD, flags & !libc::FD_CLOEXEC))?;
        }
        Ok(())
    }
}

/// Everything up to the `preexec_fn` call: descriptors, cwd, umask,
/// signals, session, groups and ids.
fn child_prepare(p: &Plan) -> Result<(), i32> {
    // SAFETY: raw system calls on descriptors and on memory the
    // plan owns (alive in the caller); nothing here allocates.
    unsafe {
        for &fd in &p.keep {
            if fd != p.errpipe_write {
                set_inheritable(fd)?;
            }
        }
        // The parent's ends of the pipes.
        for fd in [p.p2cwrite, p.c2pread, p.errread] {
            if fd != -1 {
                libc::close(fd);
            }
        }
        libc::close(p.errpipe_read);
        // Keep the child's ends out of the way of the dup2s below.
        let mut c2pwrite = p.c2pwrite;
        if c2pwrite == 0 {
            c2pwrite = libc::dup(c2pwrite);
            check(c2pwrite)?;
            set_inheritable(c2pwrite)?;
        }
        let mut errwrite = p.errwrite;
        while errwrite == 0 || errwrite == 1 {
            errwrite = libc::dup(errwrite);
            check(errwrite)?;
            set_inheritable(errwrite)?;
        }
        for (fd, target) in [(p.p2cread, 0), (c2pwrite, 1), (errwrite, 2)] {
            if fd == target {
                set_inheritable(fd)?;
            } else if fd != -1 {
                check(libc::dup2(fd, target))?;
            }
        }
        if let Some(cwd) = &p.cwd {
            check(libc::chdir(cwd.as_ptr()))?;
        }
        if p.child_umask >= 0 {
            libc::umask(p.child_umask as libc::mode_t);
        }
        if p.restore_signals {
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
            libc::signal(libc::SIGXFSZ, libc::SIG_DFL);
        }
        if p.call_setsid {
            check(libc::setsid())?;
        }
        if p.pgid_to_set >= 0 {
            check(libc::setpgid(0, p.pgid_to_set))?;
        }
        if let Some(g) = &p.groups {
            check(libc::setgroups(g.len(), g.as_ptr()))?;
        }
        if let Some(gid) = p.gid {
            if gid != u32::MAX {
                check(libc::setregid(gid, gid))?;
            }
        }
        if let Some(uid) = p.uid {
            if uid != u32::MAX {
                check(libc::setreuid(uid, uid))?;
            }
        }
        Ok(())
    }
}

/// Closes every descriptor from 3 up, except the ones to keep.
fn close_open_fds(p: &Plan) {
    let mut lo: u32 = 3;
    for &k in &p.keep {
        let k = k as u32;
        if k < lo {
            continue;
        }
        if k > lo {
            close_range(lo, k - 1, p.fd_limit);
        }
        lo = k + 1;
    }
    close_range(lo, u32::MAX, p.fd_limit);
}

/// Closes `lo..=hi`: with the `close_range` system call, or one by one up
/// to the descriptor limit on a kernel without it.
fn close_range(lo: u32, hi: u32, limit: i32) {
    // SAFETY: raw system calls on descriptors and on memory the
    // plan owns (alive in the caller); nothing here allocates.
    unsafe {
        let r = libc::syscall(libc::SYS_close_range, lo, hi, 0u32);
        if r == 0 {
            return;
        }
        let end = (hi as u64).min(limit as u64 - 1);
        let mut fd = lo as u64;
        while fd <= end {
            libc::close(fd as i32);
            fd += 1;
        }
    }
}

/// The rest of the child's work: (the preparation unless already done,)
/// closing descriptors, and exec. Never returns.
fn child_exec(p: &Plan, prepared: bool) -> ! {
    // SAFETY: raw system calls on descriptors and on memory the
    // plan owns (alive in the caller); nothing here allocates.
    unsafe {
        if !prepared {
            if let Err(e) = child_prepare(p) {
                report_errno(p.errpipe_write, e, true);
            }
        }
        if p.close_fds {
            close_open_fds(p);
        }
        let argv = if p.argv_p.is_empty() {
            std::ptr::null()
        } else {
            p.argv_p.as_ptr()
        };
        // As execvp: the first error other than "not there" is the one that
        // counts, else the last one.
        let mut saved = 0;
        let mut last = libc::ENOENT;
        for exe in &p.exec {
            if p.env_p.is_empty() {
                libc::execv(exe.as_ptr(), argv);
            } else {
                libc::execve(exe.as_ptr(), argv, p.env_p.as_ptr());
            }
            last = errno();
            if last != libc::ENOENT && last != libc::ENOTDIR && saved == 0 {
                saved = last;
            }
        }
        report_errno(
            p.errpipe_write,
            if saved != 0 { saved } else { last },
            false,
        )
    }
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let doc = StrObj::new(ts, DOC);
    m.set_attr(ts, "__doc__", doc);
    m.add_function(ts, "fork_exec", fork_exec);
    Ok(())
}
