//! Processes: ids, fork/exec/wait, signals, priorities, `times`, `uname`,
//! `system`, `register_at_fork`.
//!
//! # fork
//! `os.fork()` stops every other thread at a safepoint (as a collection
//! does), forks, and restarts them in the parent. In the child only the
//! forking thread exists: the others are forgotten by the collector (what
//! only they referenced becomes garbage) and the forking thread becomes
//! the main thread. Python-level state that other threads left behind
//! (locks they held, `threading`'s thread table) is cleaned by the
//! `after_in_child` hooks (`threading` registers one), as in CPython. What
//! ftpy guarantees in the child: the heap is consistent, collections and
//! new threads work, and the forking thread can run any Python code. What
//! it does not: a lock (Python's or a stream's) held by another thread at
//! the moment of the fork stays held, so the child can block on it, as in
//! CPython (which warns about forking a multi-threaded process from 3.12).

use std::ffi::CString;
use std::sync::OnceLock;

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::RootedVec;
use ftpy_vm::objects::bytes::BytesObj;
use ftpy_vm::objects::dict::DictObj;
use ftpy_vm::objects::int;
use ftpy_vm::objects::list::ListObj;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::structseq;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{type_name, TypeObj};
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

use super::conv::{self, PathSpec};
use super::Kw;

fn fail(ts: &mut ThreadState, e: i32) -> ftpy_vm::PyErr {
    conv::os_error(ts, e, None, None)
}

fn no_args(ts: &mut ThreadState, sig: &Sig, args: &[Value], kw: Kw) -> PyResult<()> {
    let [] = sig.bind(ts, args, kw)?;
    Ok(())
}

fn small(v: i64) -> Value {
    Value::small_int_unchecked(v)
}

macro_rules! getter {
    ($name:ident, $text:literal, $call:expr) => {
        pub fn $name(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
            static SIG: Sig = Sig::new($text);
            no_args(ts, &SIG, args, kw)?;
            // SAFETY: the call takes no pointers and cannot fail.
            let r = unsafe { $call };
            Ok(small(r as i64))
        }
    };
}

getter!(getpid, "posix.getpid()", libc::getpid());
getter!(getppid, "posix.getppid()", libc::getppid());
getter!(getpgrp, "posix.getpgrp()", libc::getpgrp());
getter!(getuid, "posix.getuid()", libc::getuid());
getter!(geteuid, "posix.geteuid()", libc::geteuid());
getter!(getgid, "posix.getgid()", libc::getgid());
getter!(getegid, "posix.getegid()", libc::getegid());

/// A pid argument (C `pid_t`, an int).
fn pid_arg(ts: &mut ThreadState, v: Value) -> PyResult<i32> {
    conv::c_int(ts, v)
}

fn int_result(ts: &mut ThreadState, f: impl FnMut() -> isize) -> PyResult<Value> {
    match conv::quick(f) {
        Ok(r) => Ok(small(r as i64)),
        Err(e) => Err(fail(ts, e)),
    }
}

pub fn getpgid(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("getpgid(pid)");
    let [p] = SIG.bind(ts, args, kw)?;
    let p = pid_arg(ts, p)?;
    // SAFETY: no pointers.
    int_result(ts, || unsafe { libc::getpgid(p) as isize })
}

pub fn setpgid(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.setpgid(pid, pgrp, /)");
    let [p, g] = SIG.bind(ts, args, kw)?;
    let p = pid_arg(ts, p)?;
    let g = pid_arg(ts, g)?;
    // SAFETY: no pointers.
    int_result(ts, || unsafe { libc::setpgid(p, g) as isize })?;
    Ok(Value::NONE)
}

pub fn setpgrp(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.setpgrp()");
    no_args(ts, &SIG, args, kw)?;
    // SAFETY: no pointers.
    int_result(ts, || unsafe { libc::setpgid(0, 0) as isize })?;
    Ok(Value::NONE)
}

pub fn getsid(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.getsid(pid, /)");
    let [p] = SIG.bind(ts, args, kw)?;
    let p = pid_arg(ts, p)?;
    // SAFETY: no pointers.
    int_result(ts, || unsafe { libc::getsid(p) as isize })
}

pub fn setsid(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.setsid()");
    no_args(ts, &SIG, args, kw)?;
    // SAFETY: no pointers.
    int_result(ts, || unsafe { libc::setsid() as isize })?;
    Ok(Value::NONE)
}

pub fn tcgetpgrp(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.tcgetpgrp(fd, /)");
    let [fd] = SIG.bind(ts, args, kw)?;
    let fd = conv::c_int(ts, fd)?;
    // SAFETY: no pointers.
    int_result(ts, || unsafe { libc::tcgetpgrp(fd) as isize })
}

pub fn tcsetpgrp(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.tcsetpgrp(fd, pgid, /)");
    let [fd, g] = SIG.bind(ts, args, kw)?;
    let fd = conv::c_int(ts, fd)?;
    let g = pid_arg(ts, g)?;
    // SAFETY: no pointers.
    int_result(ts, || unsafe { libc::tcsetpgrp(fd, g) as isize })?;
    Ok(Value::NONE)
}

macro_rules! id_setter {
    ($name:ident, $text:literal, $what:literal, $call:path) => {
        pub fn $name(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
            static SIG: Sig = Sig::new($text);
            let [v] = SIG.bind(ts, args, kw)?;
            let id = super::files::id_arg(ts, v, $what)?;
            // SAFETY: no pointers.
            int_result(ts, || unsafe { $call(id) as isize })?;
            Ok(Value::NONE)
        }
    };
}

id_setter!(setuid, "posix.setuid(uid, /)", "uid", libc::setuid);
id_setter!(seteuid, "posix.seteuid(euid, /)", "uid", libc::seteuid);
id_setter!(setgid, "posix.setgid(gid, /)", "gid", libc::setgid);
id_setter!(setegid, "posix.setegid(egid, /)", "gid", libc::setegid);

pub fn setreuid(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.setreuid(ruid, euid, /)");
    let [a, b] = SIG.bind(ts, args, kw)?;
    let a = super::files::id_arg(ts, a, "uid")?;
    let b = super::files::id_arg(ts, b, "uid")?;
    // SAFETY: no pointers.
    int_result(ts, || unsafe { libc::setreuid(a, b) as isize })?;
    Ok(Value::NONE)
}

pub fn setregid(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.setregid(rgid, egid, /)");
    let [a, b] = SIG.bind(ts, args, kw)?;
    let a = super::files::id_arg(ts, a, "gid")?;
    let b = super::files::id_arg(ts, b, "gid")?;
    // SAFETY: no pointers.
    int_result(ts, || unsafe { libc::setregid(a, b) as isize })?;
    Ok(Value::NONE)
}

fn three_ids(
    ts: &mut ThreadState,
    f: unsafe extern "C" fn(*mut u32, *mut u32, *mut u32) -> i32,
) -> PyResult<Value> {
    let mut v = [0u32; 3];
    let p = v.as_mut_ptr() as usize;
    // SAFETY: the call writes three ids into the local array.
    int_result(ts, || unsafe {
        let p = p as *mut u32;
        f(p, p.add(1), p.add(2)) as isize
    })?;
    let t = TupleObj::new(
        ts,
        &[small(v[0] as i64), small(v[1] as i64), small(v[2] as i64)],
    );
    Ok(t.value())
}

pub fn getresuid(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.getresuid()");
    no_args(ts, &SIG, args, kw)?;
    three_ids(ts, libc::getresuid)
}

pub fn getresgid(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.getresgid()");
    no_args(ts, &SIG, args, kw)?;
    three_ids(ts, libc::getresgid)
}

pub fn getgroups(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.getgroups()");
    no_args(ts, &SIG, args, kw)?;
    // SAFETY: a zero-size query writes nothing.
    let n = unsafe { libc::getgroups(0, std::ptr::null_mut()) };
    if n < 0 {
        return Err(conv::last_error(ts));
    }
    let mut g = vec![0 as libc::gid_t; n as usize + 1];
    // SAFETY: the buffer holds `g.len()` ids.
    let n = unsafe { libc::getgroups(g.len() as i32, g.as_mut_ptr()) };
    if n < 0 {
        return Err(conv::last_error(ts));
    }
    let l = ListObj::new(ts, &[]);
    for &x in &g[..n as usize] {
        l.append(ts, small(x as i64));
    }
    Ok(l.value())
}

extern "C" {
    fn getlogin_r(buf: *mut libc::c_char, len: libc::size_t) -> libc::c_int;
}

pub fn getlogin(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.getlogin()");
    no_args(ts, &SIG, args, kw)?;
    let mut buf = [0u8; 256];
    // SAFETY: getlogin_r writes at most `buf.len()` bytes; returns errno.
    let r = unsafe { getlogin_r(buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
    if r != 0 {
        return Err(fail(ts, r));
    }
    let n = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    conv::fs_decode(ts, &buf[..n])
}

// ---- uname and times ----------------------------------------------------------------

static UNAME_RESULT: OnceLock<Gc<TypeObj>> = OnceLock::new();
static TIMES_RESULT: OnceLock<Gc<TypeObj>> = OnceLock::new();

pub fn init_types(ts: &mut ThreadState) -> PyResult<(Gc<TypeObj>, Gc<TypeObj>)> {
    if let (Some(a), Some(b)) = (UNAME_RESULT.get(), TIMES_RESULT.get()) {
        return Ok((*a, *b));
    }
    let u = structseq::new_type(
        ts,
        "posix",
        "uname_result",
        &[
            Some("sysname"),
            Some("nodename"),
            Some("release"),
            Some("version"),
            Some("machine"),
        ],
        5,
        "uname_result: Result from os.uname().\n\n\
This object may be accessed either as a tuple of\n  \
(sysname, nodename, release, version, machine),\n\
or via the attributes sysname, nodename, release, version, and machine.\n\n\
See os.uname for more information.",
    )?;
    ftpy_vm::interp::add_global_root(u.value());
    let t = structseq::new_type(
        ts,
        "posix",
        "times_result",
        &[
            Some("user"),
            Some("system"),
            Some("children_user"),
            Some("children_system"),
            Some("elapsed"),
        ],
        5,
        "times_result: Result from os.times().\n\n\
This object may be accessed either as a tuple of\n  \
(user, system, children_user, children_system, elapsed),\n\
or via the attributes user, system, children_user, children_system,\n\
and elapsed.\n\n\
See os.times for more information.",
    )?;
    ftpy_vm::interp::add_global_root(t.value());
    Ok((
        *UNAME_RESULT.get_or_init(|| u),
        *TIMES_RESULT.get_or_init(|| t),
    ))
}

pub fn uname(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.uname()");
    no_args(ts, &SIG, args, kw)?;
    // SAFETY: zeroed is a valid utsname; uname fills it.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: `u` is a local utsname.
    if unsafe { libc::uname(&mut u) } != 0 {
        return Err(conv::last_error(ts));
    }
    let fields: [&[libc::c_char]; 5] =
        [&u.sysname, &u.nodename, &u.release, &u.version, &u.machine];
    let mut vals = [Value::NONE; 5];
    for (i, f) in fields.iter().enumerate() {
        let b: Vec<u8> = f
            .iter()
            .take_while(|&&c| c != 0)
            .map(|&c| c as u8)
            .collect();
        vals[i] = conv::fs_decode(ts, &b)?;
    }
    let (ty, _) = init_types(ts)?;
    structseq::new(ts, ty, &vals)
}

pub fn times(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.times()");
    no_args(ts, &SIG, args, kw)?;
    // SAFETY: zeroed is a valid tms; times fills it.
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    // SAFETY: `t` is a local tms.
    let c = unsafe { libc::times(&mut t) };
    if c == -1i64 as libc::clock_t {
        return Err(conv::last_error(ts));
    }
    // SAFETY: no pointers.
    let tick = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
    let vals = [
        Value::from_f64(t.tms_utime as f64 / tick),
        Value::from_f64(t.tms_stime as f64 / tick),
        Value::from_f64(t.tms_cutime as f64 / tick),
        Value::from_f64(t.tms_cstime as f64 / tick),
        Value::from_f64(c as f64 / tick),
    ];
    let (_, ty) = init_types(ts)?;
    structseq::new(ts, ty, &vals)
}

// ---- signals, priorities ------------------------------------------------------------

pub fn kill(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.kill(pid, signal, /)");
    let [p, s] = SIG.bind(ts, args, kw)?;
    let p = pid_arg(ts, p)?;
    let s = conv::c_int(ts, s)?;
    // SAFETY: no pointers.
    int_result(ts, || unsafe { libc::kill(p, s) as isize })?;
    if ftpy_vm::interp::signal_pending() {
        ftpy_vm::interp::handle_pending_signals(ts)?;
    }
    Ok(Value::NONE)
}

pub fn killpg(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.killpg(pgid, signal, /)");
    let [p, s] = SIG.bind(ts, args, kw)?;
    let p = pid_arg(ts, p)?;
    let s = conv::c_int(ts, s)?;
    // SAFETY: no pointers.
    int_result(ts, || unsafe { libc::killpg(p, s) as isize })?;
    Ok(Value::NONE)
}

pub fn nice(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.nice(increment, /)");
    let [i] = SIG.bind(ts, args, kw)?;
    let i = conv::c_int(ts, i)?;
    // SAFETY: errno is thread-local; nice takes no pointers.
    let (r, e) = unsafe {
        *libc::__errno_location() = 0;
        let r = libc::nice(i);
        (r, conv::errno())
    };
    if r == -1 && e != 0 {
        return Err(fail(ts, e));
    }
    Ok(small(r as i64))
}

pub fn getpriority(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("getpriority(which, who)");
    let [w, who] = SIG.bind(ts, args, kw)?;
    let w = conv::c_int(ts, w)?;
    let who = conv::c_int(ts, who)?;
    // SAFETY: errno is thread-local; no pointers.
    let (r, e) = unsafe {
        *libc::__errno_location() = 0;
        let r = libc::getpriority(w as libc::__priority_which_t, who as libc::id_t);
        (r, conv::errno())
    };
    if r == -1 && e != 0 {
        return Err(fail(ts, e));
    }
    Ok(small(r as i64))
}

pub fn setpriority(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("setpriority(which, who, priority)");
    let [w, who, p] = SIG.bind(ts, args, kw)?;
    let w = conv::c_int(ts, w)?;
    let who = conv::c_int(ts, who)?;
    let p = conv::c_int(ts, p)?;
    // SAFETY: no pointers.
    int_result(ts, || unsafe {
        libc::setpriority(w as libc::__priority_which_t, who as libc::id_t, p) as isize
    })?;
    Ok(Value::NONE)
}

// ---- fork -------------------------------------------------------------------------------

/// The `register_at_fork` callbacks: before, after_in_parent, after_in_child.
static AT_FORK: OnceLock<[Gc<ListObj>; 3]> = OnceLock::new();

fn at_fork(ts: &mut ThreadState) -> [Gc<ListObj>; 3] {
    if let Some(l) = AT_FORK.get() {
        return *l;
    }
    let a = ListObj::new(ts, &[]);
    let b = ListObj::new(ts, &[]);
    let c = ListObj::new(ts, &[]);
    for l in [a, b, c] {
        ftpy_vm::interp::add_global_root(l.value());
    }
    *AT_FORK.get_or_init(|| [a, b, c])
}

pub fn register_at_fork(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig =
        Sig::new("register_at_fork(*, before=None, after_in_child=None, after_in_parent=None)");
    let [before, child, parent] = SIG.bind(ts, args, kw)?;
    if before.is_null() && child.is_null() && parent.is_null() {
        return Err(ts.type_error("At least one argument is required."));
    }
    for (v, n) in [
        (before, "before"),
        (child, "after_in_child"),
        (parent, "after_in_parent"),
    ] {
        if let Some(f) = v.non_null() {
            if !ops::callable(f) {
                return Err(ts.type_error(format!("'{n}' must be callable, not {}", type_name(f))));
            }
        }
    }
    let [lb, lp, lc] = at_fork(ts);
    if let Some(f) = before.non_null() {
        lb.append(ts, f);
    }
    if let Some(f) = child.non_null() {
        lc.append(ts, f);
    }
    if let Some(f) = parent.non_null() {
        lp.append(ts, f);
    }
    Ok(Value::NONE)
}

/// Calls fork hooks (errors are reported, not raised, as CPython does).
fn run_hooks(ts: &mut ThreadState, l: Gc<ListObj>, reverse: bool) {
    let mut fs = RootedVec::new(ts);
    fs.extend_from_slice(&l.snapshot_items(ts));
    if reverse {
        fs.reverse();
    }
    for i in 0..fs.len() {
        let f = fs[i];
        if let Err(e) = ops::call0(ts, f) {
            ftpy_vm::report_unraisable(ts, e, f);
        }
    }
}

/// The `register_at_fork(before=...)` hooks, for a fork made elsewhere
/// (`_posixsubprocess` with a `preexec_fn`).
pub(crate) fn before_fork(ts: &mut ThreadState) {
    let [lb, _, _] = at_fork(ts);
    run_hooks(ts, lb, true);
}

/// The `after_in_parent` hooks.
pub(crate) fn after_fork_parent(ts: &mut ThreadState) {
    let [_, lp, _] = at_fork(ts);
    run_hooks(ts, lp, false);
}

/// The `after_in_child` hooks.
pub(crate) fn after_fork_child(ts: &mut ThreadState) {
    let [_, _, lc] = at_fork(ts);
    run_hooks(ts, lc, false);
}

pub fn fork(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.fork()");
    no_args(ts, &SIG, args, kw)?;
    let [lb, lp, lc] = at_fork(ts);
    run_hooks(ts, lb, true);
    let (pid, err) = ftpy_vm::gc::collect::fork_with_world_stopped(
        ts,
        || {
            // SAFETY: fork duplicates the process; the child continues
            // here with only this thread (see the module doc).
            let p = unsafe { libc::fork() };
            (p, if p == -1 { conv::errno() } else { 0 })
        },
        |&(p, _)| p == 0,
    );
    if pid == -1 {
        run_hooks(ts, lp, false);
        return Err(fail(ts, err));
    }
    if pid == 0 {
        ftpy_vm::interp::become_main_thread(ts);
        run_hooks(ts, lc, false);
    } else {
        run_hooks(ts, lp, false);
    }
    Ok(small(pid as i64))
}

// ---- exec -------------------------------------------------------------------------------

fn argv_list(ts: &mut ThreadState, func: &str, argv: Value) -> PyResult<Vec<CString>> {
    let items = if let Some(t) = argv.downcast::<TupleObj>() {
        let mut r = RootedVec::new(ts);
        r.extend_from_slice(t.items());
        r
    } else if let Some(l) = argv.downcast::<ListObj>() {
        let mut r = RootedVec::new(ts);
        r.extend_from_slice(&l.snapshot_items(ts));
        r
    } else {
        return Err(ts.type_error(format!("{func}() arg 2 must be a tuple or list")));
    };
    if items.is_empty() {
        return Err(ts.value_error(format!("{func}() arg 2 must not be empty")));
    }
    let mut out = Vec::new();
    for (i, &v) in items.iter().enumerate() {
        let b = env_bytes(ts, v)?;
        let c = conv::cstring(ts, b, "embedded null byte")?;
        if i == 0 && c.as_bytes().is_empty() {
            return Err(ts.value_error(format!("{func}() arg 2 first element cannot be empty")));
        }
        out.push(c);
    }
    Ok(out)
}

fn env_list(ts: &mut ThreadState, env: Value) -> PyResult<Vec<CString>> {
    // PyMapping_Check: anything with __getitem__ (a list passes, and then
    // fails for want of keys()).
    let ty = ftpy_vm::objects::typeobj::type_of(env).value();
    if ops::getattr_str_opt(ts, ty, "__getitem__")?.is_none() {
        return Err(ts.type_error("execve: environment must be a mapping object"));
    }
    let keys_f = ops::getattr_str(ts, env, "keys")?;
    let keys = ops::call0(ts, keys_f)?;
    let keys = ops::collect(ts, keys)?;
    let mut out = Vec::new();
    for &k in keys.iter() {
        let v = ops::getitem(ts, env, k)?;
        let kb = env_bytes(ts, k)?;
        let vb = env_bytes(ts, v)?;
        if kb.is_empty() || kb[1..].contains(&b'=') {
            return Err(ts.value_error("illegal environment variable name"));
        }
        let mut e = kb;
        e.push(b'=');
        e.extend_from_slice(&vb);
        out.push(conv::cstring(ts, e, "embedded null byte")?);
    }
    Ok(out)
}

/// A str/bytes/PathLike as file system bytes (`PyUnicode_FSConverter`).
fn env_bytes(ts: &mut ThreadState, v: Value) -> PyResult<Vec<u8>> {
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

fn ptrs(v: &[CString]) -> Vec<*const libc::c_char> {
    let mut p: Vec<*const libc::c_char> = v.iter().map(|c| c.as_ptr()).collect();
    p.push(std::ptr::null());
    p
}

pub fn execv(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.execv(path, argv, /)");
    let [p, argv] = SIG.bind(ts, args, kw)?;
    let p = conv::path(ts, p, PathSpec::new("execv", "path"))?;
    let av = argv_list(ts, "execv", argv)?;
    let ap = ptrs(&av);
    // SAFETY: NUL-ended strings and a NULL-ended pointer array, alive
    // across the call (which returns only on failure).
    unsafe { libc::execv(p.ptr(), ap.as_ptr()) };
    Err(conv::last_error(ts))
}

pub fn execve(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("execve(path, argv, env)");
    let [p, argv, env] = SIG.bind(ts, args, kw)?;
    let p = conv::path(ts, p, PathSpec::new("execve", "path").fd())?;
    let av = argv_list(ts, "execve", argv)?;
    let ev = env_list(ts, env)?;
    let (ap, ep) = (ptrs(&av), ptrs(&ev));
    // SAFETY: as in `execv`.
    unsafe {
        if p.is_fd() {
            libc::fexecve(p.fd, ap.as_ptr(), ep.as_ptr());
        } else {
            libc::execve(p.ptr(), ap.as_ptr(), ep.as_ptr());
        }
    }
    let e = conv::errno();
    Err(p.error(ts, e))
}

pub fn exit_(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_exit(status)");
    let [s] = SIG.bind(ts, args, kw)?;
    let s = conv::c_int(ts, s)?;
    // SAFETY: ends the process at once, as the caller asked.
    unsafe { libc::_exit(s) }
}

pub fn abort(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.abort()");
    no_args(ts, &SIG, args, kw)?;
    // SAFETY: ends the process with SIGABRT, as the caller asked.
    unsafe { libc::abort() }
}

pub fn system(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("system(command)");
    let [c] = SIG.bind(ts, args, kw)?;
    // PyUnicode_FSConverter, not path_t: its generic messages.
    let c = env_bytes(ts, c)?;
    let c = conv::cstring(ts, c, "embedded null byte")?;
    let p = c.as_ptr() as usize;
    // SAFETY: `p` is the command's C string, alive across the call.
    let r = ts.allow_threads(|| unsafe { libc::system(p as *const libc::c_char) });
    Ok(small(r as i64))
}

// ---- wait ---------------------------------------------------------------------------------

fn wait_call(ts: &mut ThreadState, pid: i32, options: i32) -> PyResult<(i32, i32)> {
    let mut status = 0i32;
    let sp = &mut status as *mut i32 as usize;
    // SAFETY: `sp` points at the local status.
    let r = conv::blocking(ts, || unsafe {
        libc::waitpid(pid, sp as *mut i32, options) as isize
    })?;
    match r {
        Ok(p) => Ok((p as i32, status)),
        Err(e) => Err(fail(ts, e)),
    }
}

pub fn waitpid(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.waitpid(pid, options, /)");
    let [p, o] = SIG.bind(ts, args, kw)?;
    let p = pid_arg(ts, p)?;
    let o = conv::c_int(ts, o)?;
    let (pid, st) = wait_call(ts, p, o)?;
    Ok(TupleObj::new(ts, &[small(pid as i64), small(st as i64)]).value())
}

pub fn wait(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.wait()");
    no_args(ts, &SIG, args, kw)?;
    let (pid, st) = wait_call(ts, -1, 0)?;
    Ok(TupleObj::new(ts, &[small(pid as i64), small(st as i64)]).value())
}

pub fn waitstatus_to_exitcode(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("waitstatus_to_exitcode(status)");
    let [s] = SIG.bind(ts, args, kw)?;
    let s = conv::c_int(ts, s)?;
    if libc::WIFEXITED(s) {
        return Ok(small(libc::WEXITSTATUS(s) as i64));
    }
    if libc::WIFSIGNALED(s) {
        return Ok(small(-(libc::WTERMSIG(s) as i64)));
    }
    if libc::WIFSTOPPED(s) {
        return Err(ts.value_error(format!(
            "process stopped by delivery of signal {}",
            libc::WSTOPSIG(s)
        )));
    }
    Err(ts.value_error(format!("invalid wait status: {s}")))
}

macro_rules! wmacro {
    ($name:ident, $text:literal, $f:expr, bool) => {
        pub fn $name(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
            static SIG: Sig = Sig::new($text);
            let [s] = SIG.bind(ts, args, kw)?;
            let s = conv::c_int(ts, s)?;
            Ok(Value::from_bool($f(s)))
        }
    };
    ($name:ident, $text:literal, $f:expr, int) => {
        pub fn $name(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
            static SIG: Sig = Sig::new($text);
            let [s] = SIG.bind(ts, args, kw)?;
            let s = conv::c_int(ts, s)?;
            Ok(small($f(s) as i64))
        }
    };
}

wmacro!(
    wcoredump,
    "posix.WCOREDUMP(status, /)",
    libc::WCOREDUMP,
    bool
);
wmacro!(
    wifcontinued,
    "WIFCONTINUED(status)",
    libc::WIFCONTINUED,
    bool
);
wmacro!(wifexited, "WIFEXITED(status)", libc::WIFEXITED, bool);
wmacro!(wifsignaled, "WIFSIGNALED(status)", libc::WIFSIGNALED, bool);
wmacro!(wifstopped, "WIFSTOPPED(status)", libc::WIFSTOPPED, bool);
wmacro!(wexitstatus, "WEXITSTATUS(status)", libc::WEXITSTATUS, int);
wmacro!(wstopsig, "WSTOPSIG(status)", libc::WSTOPSIG, int);
wmacro!(wtermsig, "WTERMSIG(status)", libc::WTERMSIG, int);

// ---- scheduling -----------------------------------------------------------------------

pub fn sched_yield(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.sched_yield()");
    no_args(ts, &SIG, args, kw)?;
    // SAFETY: no pointers.
    ts.allow_threads(|| unsafe { libc::sched_yield() });
    Ok(Value::NONE)
}

pub fn sched_getaffinity(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.sched_getaffinity(pid, /)");
    let [p] = SIG.bind(ts, args, kw)?;
    let p = pid_arg(ts, p)?;
    // SAFETY: zeroed is an empty cpu set; the call fills it.
    let mut set: libc::cpu_set_t = unsafe { std::mem::zeroed() };
    // SAFETY: `set` is a local cpu_set_t of the size passed.
    let r = unsafe { libc::sched_getaffinity(p, std::mem::size_of::<libc::cpu_set_t>(), &mut set) };
    if r != 0 {
        return Err(conv::last_error(ts));
    }
    let s = ops::call0(ts, ftpy_vm::interp::types().set.value())?;
    let add = ops::getattr_str(ts, s, "add")?;
    for cpu in 0..libc::CPU_SETSIZE as usize {
        // SAFETY: `cpu` is below CPU_SETSIZE.
        if unsafe { libc::CPU_ISSET(cpu, &set) } {
            ops::call1(ts, add, small(cpu as i64))?;
        }
    }
    Ok(s)
}

pub fn sched_setaffinity(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.sched_setaffinity(pid, mask, /)");
    let [p, mask] = SIG.bind(ts, args, kw)?;
    let p = pid_arg(ts, p)?;
    // SAFETY: zeroed is an empty cpu set.
    let mut set: libc::cpu_set_t = unsafe { std::mem::zeroed() };
    let items = ops::collect(ts, mask)?;
    for &c in items.iter() {
        if !int::is_int(c) {
            return Err(ts.type_error(format!(
                "expected an iterator of ints, but iterator yielded {}",
                type_name(c)
            )));
        }
        let c = ops::index_to_i64(ts, c)?;
        if c < 0 {
            return Err(ts.value_error("negative CPU number"));
        }
        if c >= libc::CPU_SETSIZE as i64 {
            return Err(fail(ts, libc::EINVAL));
        }
        // SAFETY: `c` was checked to be below CPU_SETSIZE.
        unsafe { libc::CPU_SET(c as usize, &mut set) };
    }
    // SAFETY: `set` is a local cpu_set_t of the size passed.
    let r = unsafe { libc::sched_setaffinity(p, std::mem::size_of::<libc::cpu_set_t>(), &set) };
    if r != 0 {
        return Err(conv::last_error(ts));
    }
    Ok(Value::NONE)
}

pub fn cpu_count(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.cpu_count()");
    no_args(ts, &SIG, args, kw)?;
    // SAFETY: no pointers.
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    if n < 1 {
        return Ok(Value::NONE);
    }
    Ok(small(n as i64))
}

pub fn getloadavg(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("posix.getloadavg()");
    no_args(ts, &SIG, args, kw)?;
    let mut l = [0f64; 3];
    // SAFETY: writes at most 3 doubles into the local array.
    if unsafe { libc::getloadavg(l.as_mut_ptr(), 3) } != 3 {
        return Err(ts.os_error("Load averages are unobtainable"));
    }
    let t = TupleObj::new(
        ts,
        &[
            Value::from_f64(l[0]),
            Value::from_f64(l[1]),
            Value::from_f64(l[2]),
        ],
    );
    Ok(t.value())
}

// ---- the environment --------------------------------------------------------------------

/// `posix.environ`: bytes -> bytes, from the process environment at start.
pub fn make_environ(ts: &mut ThreadState) -> PyResult<Value> {
    use std::os::unix::ffi::OsStrExt;
    let d = DictObj::new(ts);
    for (k, v) in std::env::vars_os() {
        let kb = BytesObj::new(ts, k.as_bytes());
        let vb = BytesObj::new(ts, v.as_bytes());
        // The first occurrence wins, as CPython's.
        if d.get_item_opt(ts, kb)?.is_none() {
            d.set_item(ts, kb, vb)?;
        }
    }
    Ok(d.value())
}

pub fn putenv(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    use std::os::unix::ffi::OsStrExt;
    static SIG: Sig = Sig::new("posix.putenv(name, value, /)");
    let [n, v] = SIG.bind(ts, args, kw)?;
    let nb = env_bytes(ts, n)?;
    let vb = env_bytes(ts, v)?;
    if nb.contains(&0) || vb.contains(&0) {
        return Err(ts.value_error("embedded null byte"));
    }
    if nb.contains(&b'=') {
        return Err(ts.value_error("illegal environment variable name"));
    }
    if nb.is_empty() {
        // What setenv(3) says about an empty name.
        return Err(fail(ts, libc::EINVAL));
    }
    std::env::set_var(
        std::ffi::OsStr::from_bytes(&nb),
        std::ffi::OsStr::from_bytes(&vb),
    );
    Ok(Value::NONE)
}

pub fn unsetenv(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    use std::os::unix::ffi::OsStrExt;
    static SIG: Sig = Sig::new("posix.unsetenv(name, /)");
    let [n] = SIG.bind(ts, args, kw)?;
    let nb = env_bytes(ts, n)?;
    if nb.contains(&0) {
        return Err(ts.value_error("embedded null byte"));
    }
    if nb.is_empty() || nb.contains(&b'=') {
        // What unsetenv(3) says about such a name.
        return Err(fail(ts, libc::EINVAL));
    }
    std::env::remove_var(std::ffi::OsStr::from_bytes(&nb));
    Ok(Value::NONE)
}
