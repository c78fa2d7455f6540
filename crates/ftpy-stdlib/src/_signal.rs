//! `_signal`: Python-level signal handlers (the `signal` module's core).
//!
//! The C handler (`ftpy_vm::interp::trip_signal`) only marks the signal
//! pending and sets the main thread's eval breaker; the main thread runs
//! the Python handler at its next safepoint (or when a blocking call it
//! made returns EINTR), as CPython does. The handlers themselves are a
//! list indexed by signal number, held as a process root: a callable,
//! `SIG_DFL` (0), `SIG_IGN` (1), or None for a handler installed outside
//! Python.
//!
//! Handlers are installed with `SA_RESTART` (unlike CPython): system calls
//! that do not check for EINTR keep working, and the handler still runs
//! at the next safepoint; `pause`, `sigwait`, `select` and `poll` return
//! early regardless.

use std::sync::OnceLock;

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::interp::{add_global_root, interp, types, NSIG};
use ftpy_vm::objects::dict::DictObj;
use ftpy_vm::objects::list::ListObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::set::SetObj;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::{ops, Gc, PyErr, PyResult, ThreadState, Value};

use crate::posix::conv;

type Kw = Option<Gc<TupleObj>>;

/// Handlers by signal number (index 0 unused).
static HANDLERS: OnceLock<Gc<ListObj>> = OnceLock::new();
/// `signal.ItimerError` (`signal.itimer_error`, an OSError).
static ITIMER_ERROR: OnceLock<Value> = OnceLock::new();

const SIG_DFL: i64 = 0;
const SIG_IGN: i64 = 1;

fn handlers() -> Option<Gc<ListObj>> {
    HANDLERS.get().copied()
}

fn is_main(ts: &ThreadState) -> bool {
    ts.ident()
        == interp()
            .main_thread_ident
            .load(std::sync::atomic::Ordering::Relaxed)
}

/// A signal number argument, checked against `[1, NSIG)`.
fn signum(ts: &mut ThreadState, v: Value) -> PyResult<i32> {
    let n = conv::c_int(ts, v)?;
    if n < 1 || n as usize >= NSIG {
        return Err(ts.value_error("signal number out of range"));
    }
    Ok(n)
}

/// Runs the Python handler of `sig` (the VM calls this from the main
/// thread's safepoints).
fn dispatch(ts: &mut ThreadState, sig: i32) -> PyResult<()> {
    let Some(h) = handlers().and_then(|l| l.get(sig as usize)) else {
        return Ok(());
    };
    if h.is_none() || h.is_small_int() || !ops::callable(h) {
        return Ok(());
    }
    let f = ts.top_frame();
    let frame = if f.is_null() {
        Value::NONE
    } else {
        ftpy_vm::objects::frame::FrameObj::from_live(ts, f)
    };
    ops::call(
        ts,
        h,
        &[Value::small_int_unchecked(sig as i64), frame],
        None,
    )?;
    Ok(())
}

/// Runs pending handlers now, if this is the main thread (after a call
/// that may have raised a signal for itself).
fn check_signals(ts: &mut ThreadState) -> PyResult<()> {
    if ftpy_vm::interp::signal_pending() {
        ftpy_vm::interp::handle_pending_signals(ts)?;
    }
    Ok(())
}

/// Installs the C-level disposition of `sig`.
fn set_disposition(sig: i32, handler: libc::sighandler_t) -> Result<(), i32> {
    // SAFETY: a zeroed sigaction is valid; the handler is SIG_DFL, SIG_IGN
    // or `trip_signal`, which is async-signal-safe.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = handler;
        sa.sa_flags = libc::SA_RESTART | libc::SA_ONSTACK;
        libc::sigemptyset(&mut sa.sa_mask);
        if libc::sigaction(sig, &sa, std::ptr::null_mut()) != 0 {
            return Err(conv::errno());
        }
    }
    Ok(())
}

fn signal(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("signal(signalnum, handler, /)");
    let [n, h] = SIG.bind(ts, args, kw)?;
    let n = conv::c_int(ts, n)?;
    if !is_main(ts) {
        return Err(ts.value_error("signal only works in main thread of the main interpreter"));
    }
    if n < 1 || n as usize >= NSIG {
        return Err(ts.value_error("signal number out of range"));
    }
    let exact_int = |v: Value, want: i64| v.is_small_int() && v.as_small_int() == Some(want);
    let disposition = if exact_int(h, SIG_IGN) {
        libc::SIG_IGN
    } else if exact_int(h, SIG_DFL) {
        libc::SIG_DFL
    } else if ops::callable(h) {
        ftpy_vm::interp::trip_signal as *const () as libc::sighandler_t
    } else {
        return Err(ts.type_error(
            "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
        ));
    };
    check_signals(ts)?;
    if let Err(e) = set_disposition(n, disposition) {
        return Err(conv::os_error(ts, e, None, None));
    }
    let Some(l) = handlers() else {
        return Ok(Value::NONE);
    };
    let old = l.get(n as usize).unwrap_or(Value::NONE);
    ops::setitem(ts, l.value(), Value::small_int_unchecked(n as i64), Some(h))?;
    Ok(old)
}

fn getsignal(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("getsignal(signalnum, /)");
    let [n] = SIG.bind(ts, args, kw)?;
    let n = signum(ts, n)?;
    Ok(handlers()
        .and_then(|l| l.get(n as usize))
        .unwrap_or(Value::NONE))
}

fn default_int_handler(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("default_int_handler(signalnum, frame, /)");
    let [_, _] = SIG.bind(ts, args, kw)?;
    Err(ts.new_error_with(types().keyboard_interrupt, &[]))
}

fn strsignal(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("strsignal(signalnum, /)");
    let [n] = SIG.bind(ts, args, kw)?;
    let n = signum(ts, n)?;
    // SAFETY: strsignal returns a NUL-ended string (or NULL), copied at
    // once; the signal module is the only caller in this process that
    // could race on glibc's buffer for unknown numbers, and only for
    // numbers outside the range checked above.
    let s = unsafe {
        let p = libc::strsignal(n);
        if p.is_null() {
            return Ok(Value::NONE);
        }
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    };
    Ok(StrObj::new(ts, &s))
}

/// The members of a C signal set, as a Python set of ints.
fn set_of(ts: &mut ThreadState, mask: &libc::sigset_t) -> PyResult<Value> {
    let s = SetObj::new(ts, types().set);
    for sig in 1..NSIG as i32 {
        // SAFETY: `mask` is an initialized set; sig is in range.
        if unsafe { libc::sigismember(mask, sig) } == 1 {
            s.add(ts, Value::small_int_unchecked(sig as i64))?;
        }
    }
    Ok(s.value())
}

/// A C signal set from an iterable of signal numbers.
fn sigset_arg(ts: &mut ThreadState, v: Value) -> PyResult<libc::sigset_t> {
    // SAFETY: sigemptyset initializes the zeroed set.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    unsafe { libc::sigemptyset(&mut set) };
    let items = ops::collect(ts, v)?;
    for &it in items.iter() {
        let n = ops::index_to_i64(ts, it)?;
        if n < 1 || n as usize >= NSIG {
            return Err(ts.value_error(format!("signal number {n} out of range [1; {}]", NSIG - 1)));
        }
        // SAFETY: an initialized set and a signal number in range.
        unsafe { libc::sigaddset(&mut set, n as i32) };
    }
    Ok(set)
}

fn valid_signals(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("valid_signals()");
    let [] = SIG.bind(ts, args, kw)?;
    // SAFETY: sigfillset initializes the zeroed set.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    unsafe { libc::sigfillset(&mut set) };
    set_of(ts, &set)
}

fn pthread_sigmask(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("pthread_sigmask(how, mask, /)");
    let [how, mask] = SIG.bind(ts, args, kw)?;
    let how = conv::c_int(ts, how)?;
    let set = sigset_arg(ts, mask)?;
    // SAFETY: zeroed is a valid output set.
    let mut old: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: both sets are valid; pthread_sigmask returns an error number.
    let r = unsafe { libc::pthread_sigmask(how, &set, &mut old) };
    if r != 0 {
        return Err(conv::os_error(ts, r, None, None));
    }
    // Unblocking may deliver a pending signal now.
    check_signals(ts)?;
    set_of(ts, &old)
}

fn sigpending(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sigpending()");
    let [] = SIG.bind(ts, args, kw)?;
    // SAFETY: zeroed is a valid output set.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: a valid output set.
    if unsafe { libc::sigpending(&mut set) } != 0 {
        return Err(conv::last_error(ts));
    }
    set_of(ts, &set)
}

fn sigwait(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sigwait(sigset, /)");
    let [s] = SIG.bind(ts, args, kw)?;
    let set = sigset_arg(ts, s)?;
    let mut got: libc::c_int = 0;
    let gp = &mut got as *mut libc::c_int as usize;
    // SAFETY: `set` and `got` are locals that outlive the call.
    let r = ts.allow_threads(|| unsafe { libc::sigwait(&set, gp as *mut libc::c_int) });
    if r != 0 {
        return Err(conv::os_error(ts, r, None, None));
    }
    Ok(Value::small_int_unchecked(got as i64))
}

fn raise_signal(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("raise_signal(signalnum, /)");
    let [n] = SIG.bind(ts, args, kw)?;
    // Not range-checked, as CPython's: raise(2) judges (0 is a no-op).
    let n = conv::c_int(ts, n)?;
    // SAFETY: raise takes no pointers.
    if unsafe { libc::raise(n) } != 0 {
        return Err(conv::last_error(ts));
    }
    check_signals(ts)?;
    Ok(Value::NONE)
}

fn alarm(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("alarm(seconds, /)");
    let [s] = SIG.bind(ts, args, kw)?;
    let s = conv::c_int(ts, s)?;
    // SAFETY: alarm takes no pointers and cannot fail.
    let r = unsafe { libc::alarm(s as libc::c_uint) };
    Ok(Value::small_int_unchecked(r as i64))
}

fn pause(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("pause()");
    let [] = SIG.bind(ts, args, kw)?;
    // SAFETY: pause takes no arguments; it returns when a handler ran.
    ts.allow_threads(|| unsafe { libc::pause() });
    check_signals(ts)?;
    Ok(Value::NONE)
}

fn siginterrupt(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("siginterrupt(signalnum, flag, /)");
    let [n, f] = SIG.bind(ts, args, kw)?;
    let n = signum(ts, n)?;
    let f = conv::c_int(ts, f)?;
    // SAFETY: zeroed is a valid sigaction to read into.
    let mut sa: libc::sigaction = unsafe { std::mem::zeroed() };
    // SAFETY: reads the current action into a local, then writes it back
    // with SA_RESTART changed.
    unsafe {
        if libc::sigaction(n, std::ptr::null(), &mut sa) != 0 {
            return Err(conv::last_error(ts));
        }
        if f != 0 {
            sa.sa_flags &= !libc::SA_RESTART;
        } else {
            sa.sa_flags |= libc::SA_RESTART;
        }
        if libc::sigaction(n, &sa, std::ptr::null_mut()) != 0 {
            return Err(conv::last_error(ts));
        }
    }
    Ok(Value::NONE)
}

fn set_wakeup_fd(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("set_wakeup_fd(fd, /, *, warn_on_full_buffer=True)");
    let [fd, _warn] = SIG.bind(ts, args, kw)?;
    let fd = conv::c_int(ts, fd)?;
    if !is_main(ts) {
        return Err(
            ts.value_error("set_wakeup_fd only works in main thread of the main interpreter")
        );
    }
    if fd != -1 {
        // SAFETY: zeroed is a valid stat buffer; fstat fills it.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: a local buffer.
        if unsafe { libc::fstat(fd, &mut st) } != 0 {
            return Err(conv::last_error(ts));
        }
        // SAFETY: no pointers.
        let fl = unsafe { libc::fcntl(fd, libc::F_GETFL) };
        if fl == -1 {
            return Err(conv::last_error(ts));
        }
        if fl & libc::O_NONBLOCK == 0 {
            return Err(ts.value_error(format!("the fd {fd} must be in non-blocking mode")));
        }
    }
    let old = ftpy_vm::interp::set_wakeup_fd(fd);
    Ok(Value::small_int_unchecked(old as i64))
}

fn itimer_error(ts: &mut ThreadState, code: i32) -> PyErr {
    let Some(&cls) = ITIMER_ERROR.get() else {
        return conv::os_error(ts, code, None, None);
    };
    let msg = StrObj::new(ts, &conv::strerror(code));
    match ops::call(
        ts,
        cls,
        &[Value::small_int_unchecked(code as i64), msg],
        None,
    ) {
        Ok(e) => PyErr::from_exception(e),
        Err(e) => e,
    }
}

fn timeval_of(secs: f64) -> libc::timeval {
    let whole = secs.trunc();
    let mut usec = ((secs - whole) * 1e6).round() as i64;
    let mut sec = whole as i64;
    if usec >= 1_000_000 {
        sec += 1;
        usec -= 1_000_000;
    }
    // A non-zero time below a microsecond still arms the timer.
    if sec == 0 && usec == 0 && secs > 0.0 {
        usec = 1;
    }
    libc::timeval {
        tv_sec: sec,
        tv_usec: usec,
    }
}

fn itimer_tuple(ts: &mut ThreadState, it: &libc::itimerval) -> Value {
    let f = |t: &libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    let a = ftpy_vm::objects::float::new_float(ts, f(&it.it_value));
    let b = ftpy_vm::objects::float::new_float(ts, f(&it.it_interval));
    TupleObj::new(ts, &[a, b]).value()
}

fn setitimer(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("setitimer(which, seconds, interval=0.0, /)");
    let [w, s, i] = SIG.bind(ts, args, kw)?;
    let w = conv::c_int(ts, w)?;
    let s = ftpy_vm::objects::float::to_float(ts, s)?;
    let i = if i.is_null() {
        0.0
    } else {
        ftpy_vm::objects::float::to_float(ts, i)?
    };
    let new = libc::itimerval {
        it_value: timeval_of(s),
        it_interval: timeval_of(i),
    };
    // SAFETY: zeroed is a valid itimerval.
    let mut old: libc::itimerval = unsafe { std::mem::zeroed() };
    // SAFETY: both structs are locals.
    if unsafe { libc::setitimer(w as _, &new, &mut old) } != 0 {
        return Err(itimer_error(ts, conv::errno()));
    }
    Ok(itimer_tuple(ts, &old))
}

fn getitimer(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("getitimer(which, /)");
    let [w] = SIG.bind(ts, args, kw)?;
    let w = conv::c_int(ts, w)?;
    // SAFETY: zeroed is a valid itimerval.
    let mut cur: libc::itimerval = unsafe { std::mem::zeroed() };
    // SAFETY: a local struct.
    if unsafe { libc::getitimer(w as _, &mut cur) } != 0 {
        return Err(itimer_error(ts, conv::errno()));
    }
    Ok(itimer_tuple(ts, &cur))
}

const SIGNALS: &[(&str, i32)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGABRT", libc::SIGABRT),
    ("SIGIOT", libc::SIGIOT),
    ("SIGBUS", libc::SIGBUS),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGSTKFLT", libc::SIGSTKFLT),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGCONT", libc::SIGCONT),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGURG", libc::SIGURG),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGPROF", libc::SIGPROF),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGIO", libc::SIGIO),
    ("SIGPOLL", libc::SIGPOLL),
    ("SIGPWR", libc::SIGPWR),
    ("SIGSYS", libc::SIGSYS),
];

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let fns: &[(&str, ftpy_vm::objects::NativeFn)] = &[
        ("signal", signal),
        ("getsignal", getsignal),
        ("default_int_handler", default_int_handler),
        ("strsignal", strsignal),
        ("valid_signals", valid_signals),
        ("pthread_sigmask", pthread_sigmask),
        ("sigpending", sigpending),
        ("sigwait", sigwait),
        ("raise_signal", raise_signal),
        ("alarm", alarm),
        ("pause", pause),
        ("siginterrupt", siginterrupt),
        ("set_wakeup_fd", set_wakeup_fd),
        ("setitimer", setitimer),
        ("getitimer", getitimer),
    ];
    for &(name, f) in fns {
        m.add_function(ts, name, f);
    }
    let int = |n: i64| Value::small_int_unchecked(n);
    for &(name, v) in SIGNALS {
        m.set_attr(ts, name, int(v as i64));
    }
    m.set_attr(ts, "SIGRTMIN", int(libc::SIGRTMIN() as i64));
    m.set_attr(ts, "SIGRTMAX", int(libc::SIGRTMAX() as i64));
    m.set_attr(ts, "SIG_DFL", int(SIG_DFL));
    m.set_attr(ts, "SIG_IGN", int(SIG_IGN));
    m.set_attr(ts, "NSIG", int(NSIG as i64));
    m.set_attr(ts, "SIG_BLOCK", int(libc::SIG_BLOCK as i64));
    m.set_attr(ts, "SIG_UNBLOCK", int(libc::SIG_UNBLOCK as i64));
    m.set_attr(ts, "SIG_SETMASK", int(libc::SIG_SETMASK as i64));
    m.set_attr(ts, "ITIMER_REAL", int(libc::ITIMER_REAL as i64));
    m.set_attr(ts, "ITIMER_VIRTUAL", int(libc::ITIMER_VIRTUAL as i64));
    m.set_attr(ts, "ITIMER_PROF", int(libc::ITIMER_PROF as i64));

    if ITIMER_ERROR.get().is_none() {
        let ns = DictObj::new(ts);
        let module = StrObj::new(ts, "signal");
        ns.set_item_str(ts, "__module__", module);
        let name = StrObj::new(ts, "itimer_error");
        let bases = TupleObj::new(ts, &[types().os_error.value()]);
        let cls = ops::call(
            ts,
            types().type_.value(),
            &[name, bases.value(), ns.value()],
            None,
        )?;
        add_global_root(cls);
        let _ = ITIMER_ERROR.set(cls);
    }
    if let Some(&cls) = ITIMER_ERROR.get() {
        m.set_attr(ts, "ItimerError", cls);
    }

    if HANDLERS.get().is_none() {
        let dih = ops::getattr_str(ts, m.value(), "default_int_handler")?;
        let l = ListObj::new(ts, &[]);
        add_global_root(l.value());
        for sig in 0..NSIG as i32 {
            let h = if sig == 0 {
                Value::NONE
            } else if sig == libc::SIGINT && !sigint_ignored() {
                dih
            } else {
                // SAFETY: reads the current action into a local.
                let mut sa: libc::sigaction = unsafe { std::mem::zeroed() };
                // SAFETY: as above.
                let r = unsafe { libc::sigaction(sig, std::ptr::null(), &mut sa) };
                if r != 0 {
                    Value::NONE
                } else if sa.sa_sigaction == libc::SIG_DFL {
                    int(SIG_DFL)
                } else if sa.sa_sigaction == libc::SIG_IGN {
                    int(SIG_IGN)
                } else {
                    Value::NONE
                }
            };
            l.append(ts, h);
        }
        let _ = HANDLERS.set(l);
        ftpy_vm::interp::set_signal_dispatch(dispatch);
    }
    Ok(())
}

/// Whether SIGINT is ignored (the process started with it ignored, so the
/// interpreter left it alone and it has no `default_int_handler`).
fn sigint_ignored() -> bool {
    // SAFETY: reads the current action into a local.
    let mut sa: libc::sigaction = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    let r = unsafe { libc::sigaction(libc::SIGINT, std::ptr::null(), &mut sa) };
    r == 0 && sa.sa_sigaction == libc::SIG_IGN
}
