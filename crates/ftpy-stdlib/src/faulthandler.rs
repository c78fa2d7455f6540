//! `faulthandler`: writes Python tracebacks on a fatal signal, on demand,
//! after a timeout, or on a user signal.
//!
//! # What is read, and when it is safe
//! A traceback is a walk of a thread's frame chain (`Frame::prev`), each
//! frame naming its code object (file, function, line). Writing one uses
//! no allocation and no lock (`write(2)` straight to the descriptor), so
//! the same writer serves signal handlers.
//! - `dump_traceback()` and the `dump_traceback_later` watchdog stop the
//!   world (`gc::collect::with_world_stopped`): every other thread is
//!   parked at a safepoint or detached, so its chain holds still and all
//!   threads are shown, as in CPython.
//! - A signal handler (fatal signals after `enable()`, user signals after
//!   `register()`) cannot stop the world, and another thread's chain may be
//!   changing under it: it shows only the thread the signal runs on
//!   (`Current thread 0x... (most recent call first):` when `all_threads`
//!   is true). This is a documented deviation (docs/deviations.md).
//!
//! The file objects given are kept alive (in a rooted dict) while their
//! descriptor is in use, as CPython keeps a reference.

use std::cell::UnsafeCell;
use std::mem::MaybeUninit;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::collect;
use ftpy_vm::interp::{self, add_global_root};
use ftpy_vm::interpreter::frame::Frame;
use ftpy_vm::objects::dict::DictObj;
use ftpy_vm::objects::float;
use ftpy_vm::objects::int;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::thread::{current_shared, ThreadShared};
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

use crate::posix::conv;

type Kw = Option<Gc<TupleObj>>;

/// CPython's limits: frames per thread, threads, characters of a name.
const MAX_FRAMES: usize = 100;
const MAX_THREADS: usize = 100;
const MAX_STRING: usize = 500;

// ---- writing without allocating ---------------------------------------------------------

/// Writes to a descriptor with `write(2)` only: usable in a signal
/// handler. Errors are ignored (there is nowhere to report them).
struct Out(i32);

impl Out {
    fn bytes(&self, mut b: &[u8]) {
        while !b.is_empty() {
            // SAFETY: `b` is a valid slice for the call.
            let n = unsafe { libc::write(self.0, b.as_ptr() as *const libc::c_void, b.len()) };
            if n < 0 {
                if conv::errno() == libc::EINTR {
                    continue;
                }
                return;
            }
            if n == 0 {
                return;
            }
            b = &b[n as usize..];
        }
    }

    fn s(&self, s: &str) {
        self.bytes(s.as_bytes());
    }

    fn dec(&self, mut n: u64) {
        let mut buf = [0u8; 20];
        let mut i = buf.len();
        loop {
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.bytes(&buf[i..]);
    }

    /// `n` in hex, zero-padded to `width` digits.
    fn hex(&self, n: u64, width: usize) {
        let mut buf = [0u8; 16];
        let mut i = buf.len();
        let mut m = n;
        while m != 0 || buf.len() - i < width.min(16) {
            i -= 1;
            buf[i] = b"0123456789abcdef"[(m & 15) as usize];
            m >>= 4;
            if i == 0 {
                break;
            }
        }
        self.bytes(&buf[i..]);
    }

    /// A name as CPython's `_Py_DumpASCII`: printable ASCII as is, other
    /// characters escaped, at most 500 characters then `...`.
    fn text(&self, s: &str) {
        for (i, c) in s.chars().enumerate() {
            if i == MAX_STRING {
                self.s("...");
                return;
            }
            let ch = c as u32;
            if (0x20..=0x7e).contains(&ch) {
                self.bytes(&[ch as u8]);
            } else if ch <= 0xff {
                self.s("\\x");
                self.hex(ch as u64, 2);
            } else if ch <= 0xffff {
                self.s("\\u");
                self.hex(ch as u64, 4);
            } else {
                self.s("\\U");
                self.hex(ch as u64, 8);
            }
        }
    }
}

/// Writes the frames from `top` outwards, `  <no Python frame>` for none.
///
/// # Safety
/// The chain from `top` must be valid and not change during the call:
/// the caller's own chain, or another thread's with the world stopped.
unsafe fn dump_frames(out: &Out, top: *const Frame) {
    if top.is_null() {
        out.s("  <no Python frame>\n");
        return;
    }
    let mut f = top;
    let mut depth = 0;
    while !f.is_null() {
        if depth == MAX_FRAMES {
            out.s("  ...\n");
            return;
        }
        // SAFETY: per the function's contract.
        let fr = unsafe { &*f };
        let code = fr.code;
        out.s("  File \"");
        out.text(code.filename_str());
        out.s("\", line ");
        match code.line_of(fr.lasti as usize) {
            0 => out.s("???"),
            n => out.dec(n as u64),
        }
        out.s(" in ");
        out.text(code.name_str());
        out.s("\n");
        f = fr.prev;
        depth += 1;
    }
}

fn thread_header(out: &Out, ident: u64, current: bool) {
    out.s(if current {
        "Current thread 0x"
    } else {
        "Thread 0x"
    });
    out.hex(ident, 16);
    out.s(" (most recent call first):\n");
}

/// Writes the calling thread's traceback (it may be a signal handler).
fn dump_current(out: &Out, all_threads: bool) {
    let me = current_shared();
    if all_threads && !me.is_null() {
        // SAFETY: a thread's own ThreadShared lives while it is attached.
        let ident = unsafe { (*me).ident };
        thread_header(out, ident, true);
    } else {
        out.s("Stack (most recent call first):\n");
    }
    let top = if me.is_null() {
        std::ptr::null()
    } else {
        // SAFETY: as above; the chain is this thread's own.
        unsafe { (*me).top_frame_ptr() }
    };
    // SAFETY: the calling thread's own chain, which it is not changing
    // while it runs this.
    unsafe { dump_frames(out, top) };
}

/// Writes every thread's traceback, newest thread first as CPython lists
/// them; `current` (if any) is labelled `Current thread`.
fn dump_all(out: &Out, threads: &[&'static ThreadShared], current: *const ThreadShared) {
    // A thread with no frame that is not the caller is starting or ending
    // (not yet or no longer running Python code): it is left out.
    let shown = threads
        .iter()
        .rev()
        .filter(|t| std::ptr::eq(**t, current) || !t.top_frame_ptr().is_null());
    for (i, t) in shown.enumerate() {
        if i != 0 {
            out.s("\n");
        }
        if i >= MAX_THREADS {
            out.s("...\n");
            return;
        }
        thread_header(out, t.ident, std::ptr::eq(*t, current));
        // SAFETY: the world is stopped (the caller runs inside
        // `with_world_stopped`): no chain changes.
        unsafe { dump_frames(out, t.top_frame_ptr()) };
    }
}

// ---- the file argument --------------------------------------------------------------------

/// Files in use, kept alive: "fatal", "later", and signal numbers.
static FILES: OnceLock<Value> = OnceLock::new();

fn files(ts: &mut ThreadState) -> PyResult<Gc<DictObj>> {
    match FILES.get().and_then(|v| v.downcast::<DictObj>()) {
        Some(d) => Ok(d),
        None => Err(ts.system_error("faulthandler is not initialized")),
    }
}

fn method(ts: &mut ThreadState, obj: Value, name: &str) -> PyResult<Value> {
    let n = interp::intern(ts, name);
    ops::call_method(ts, obj, n, &[])
}

/// The descriptor of `file` (an int, an object with `fileno()`, or
/// None/missing for `sys.stderr`), after flushing a file object.
fn file_arg(ts: &mut ThreadState, file: Value) -> PyResult<(i32, Value)> {
    let mut file = file;
    if file.is_null() || file.is_none() {
        let sys = interp::interp().sys();
        file = sys.dict().get_str_text("stderr").unwrap_or(Value::NONE);
        if file.is_none() {
            return Err(ts.runtime_error("sys.stderr is None"));
        }
    }
    if int::is_int(file) {
        let fd = conv::c_int(ts, file)?;
        if fd < 0 {
            // (sic: CPython's message)
            return Err(ts.value_error("file is not a valid file descripter"));
        }
        return Ok((fd, file));
    }
    let r = method(ts, file, "fileno")?;
    if !int::is_int(r) {
        return Err(ts.runtime_error("file.fileno() is not a valid file descriptor"));
    }
    let fd = conv::c_int(ts, r)?;
    if fd < 0 {
        return Err(ts.runtime_error("file.fileno() is not a valid file descriptor"));
    }
    // A failed flush is not an error here, as in CPython.
    let _ = method(ts, file, "flush");
    Ok((fd, file))
}

// ---- signal actions ---------------------------------------------------------------------

/// A saved `sigaction`, written by one thread (holding `CONFIG`) before
/// the handler that reads it is installed.
struct SavedAction(UnsafeCell<MaybeUninit<libc::sigaction>>);

// SAFETY: writes happen under `CONFIG` before the handler that reads the
// slot is installed (or after it is removed); see `SavedAction`.
unsafe impl Sync for SavedAction {}

impl SavedAction {
    const fn new() -> SavedAction {
        SavedAction(UnsafeCell::new(MaybeUninit::zeroed()))
    }
}

/// Serializes enable/disable/register/unregister.
static CONFIG: Mutex<()> = Mutex::new(());

/// Installs `handler` for `sig`, saving the previous action in `prev`.
/// Returns the errno on failure.
///
/// # Safety
/// The caller holds `CONFIG`; `prev` is not read by a handler meanwhile.
unsafe fn install(
    sig: i32,
    handler: extern "C" fn(i32, *mut libc::siginfo_t, *mut libc::c_void),
    flags: i32,
    prev: &SavedAction,
) -> Result<(), i32> {
    // SAFETY: a zeroed sigaction is valid; `prev` is ours to write.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = handler as usize;
        sa.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK | flags;
        libc::sigemptyset(&mut sa.sa_mask);
        if libc::sigaction(sig, &sa, (*prev.0.get()).as_mut_ptr()) != 0 {
            return Err(conv::errno());
        }
    }
    Ok(())
}

/// Puts back the action saved in `prev`.
///
/// # Safety
/// `prev` holds an action saved by `install` for `sig`.
unsafe fn restore(sig: i32, prev: &SavedAction) {
    // SAFETY: per the contract, the slot holds a valid sigaction.
    unsafe { libc::sigaction(sig, (*prev.0.get()).as_ptr(), std::ptr::null_mut()) };
}

// ---- fatal signals ------------------------------------------------------------------------

const FATAL: [(i32, &str); 5] = [
    (libc::SIGBUS, "Bus error"),
    (libc::SIGILL, "Illegal instruction"),
    (libc::SIGFPE, "Floating point exception"),
    (libc::SIGABRT, "Aborted"),
    (libc::SIGSEGV, "Segmentation fault"),
];

static FATAL_ENABLED: AtomicBool = AtomicBool::new(false);
static FATAL_FD: AtomicI32 = AtomicI32::new(2);
static FATAL_ALL: AtomicBool = AtomicBool::new(true);
static FATAL_PREV: [SavedAction; 5] = [
    SavedAction::new(),
    SavedAction::new(),
    SavedAction::new(),
    SavedAction::new(),
    SavedAction::new(),
];

extern "C" fn fatal_handler(sig: i32, _info: *mut libc::siginfo_t, _ctx: *mut libc::c_void) {
    let Some(i) = FATAL.iter().position(|&(s, _)| s == sig) else {
        return;
    };
    let saved_errno = conv::errno();
    // The previous action comes back first: a fault while dumping then
    // goes to it, not here again.
    // SAFETY: the slot was filled when this handler was installed.
    unsafe { restore(sig, &FATAL_PREV[i]) };
    if FATAL_ENABLED.swap(false, Ordering::SeqCst) {
        let out = Out(FATAL_FD.load(Ordering::Relaxed));
        out.s("Fatal Python error: ");
        out.s(FATAL[i].1);
        out.s("\n\n");
        dump_current(&out, FATAL_ALL.load(Ordering::Relaxed));
    }
    // SAFETY: sets the thread's errno, then re-raises the signal for the
    // previous action (SA_NODEFER: it is delivered now).
    unsafe {
        *libc::__errno_location() = saved_errno;
        libc::raise(sig);
    }
}

fn enable(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("enable(file=sys.stderr, all_threads=True)");
    let [file, all] = SIG.bind(ts, args, kw)?;
    let (fd, file) = file_arg(ts, file)?;
    let all = conv::flag(ts, all, true)?;
    files(ts)?.set_item_str(ts, "fatal", file);
    let _g = CONFIG.lock();
    FATAL_FD.store(fd, Ordering::Relaxed);
    FATAL_ALL.store(all, Ordering::Relaxed);
    if FATAL_ENABLED.load(Ordering::SeqCst) {
        return Ok(Value::NONE);
    }
    for (i, &(sig, _)) in FATAL.iter().enumerate() {
        // SAFETY: CONFIG is held; the handler is not installed yet, so
        // nothing reads the slot.
        if let Err(e) = unsafe { install(sig, fatal_handler, libc::SA_NODEFER, &FATAL_PREV[i]) } {
            for (j, &(s, _)) in FATAL.iter().enumerate().take(i) {
                // SAFETY: slot j was filled by the install above.
                unsafe { restore(s, &FATAL_PREV[j]) };
            }
            return Err(conv::os_error(ts, e, None, None));
        }
    }
    FATAL_ENABLED.store(true, Ordering::SeqCst);
    Ok(Value::NONE)
}

fn disable(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("disable()");
    SIG.bind::<0>(ts, args, kw)?;
    let was = {
        let _g = CONFIG.lock();
        let was = FATAL_ENABLED.swap(false, Ordering::SeqCst);
        if was {
            for (i, &(sig, _)) in FATAL.iter().enumerate() {
                // SAFETY: the slots were filled by `enable`.
                unsafe { restore(sig, &FATAL_PREV[i]) };
            }
        }
        was
    };
    if was {
        let k = StrObj::new(ts, "fatal");
        files(ts)?.del_item_opt(ts, k)?;
    }
    Ok(Value::from_bool(was))
}

fn is_enabled(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("is_enabled()");
    SIG.bind::<0>(ts, args, kw)?;
    Ok(Value::from_bool(FATAL_ENABLED.load(Ordering::SeqCst)))
}

// ---- on demand ----------------------------------------------------------------------------

fn dump_traceback(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("dump_traceback(file=sys.stderr, all_threads=True)");
    let [file, all] = SIG.bind(ts, args, kw)?;
    let (fd, _file) = file_arg(ts, file)?;
    let all = conv::flag(ts, all, true)?;
    let out = Out(fd);
    if all {
        let me = ts.shared() as *const ThreadShared;
        collect::with_world_stopped(ts, |threads| dump_all(&out, threads, me));
    } else {
        dump_current(&out, false);
    }
    Ok(Value::NONE)
}

// ---- after a timeout ----------------------------------------------------------------------

/// The watchdog's arming: a new generation cancels the previous one.
struct Later {
    generation: u64,
    thread: Option<std::thread::JoinHandle<()>>,
}

static LATER: Mutex<Later> = Mutex::new(Later {
    generation: 0,
    thread: None,
});
static LATER_CV: Condvar = Condvar::new();
static LATER_GEN: AtomicU64 = AtomicU64::new(0);

/// `Timeout (H:MM:SS[.ffffff])!`, as CPython formats the delay.
fn timeout_header(us: u64) -> String {
    let (sec, frac) = (us / 1_000_000, us % 1_000_000);
    let (h, m, s) = (sec / 3600, sec / 60 % 60, sec % 60);
    if frac != 0 {
        format!("Timeout ({h}:{m:02}:{s:02}.{frac:06})!\n")
    } else {
        format!("Timeout ({h}:{m:02}:{s:02})!\n")
    }
}

/// The watchdog: waits `delay` unless cancelled, then dumps every
/// thread (attaching itself just long enough to stop the world).
fn watchdog(generation: u64, delay: Duration, fd: i32, repeat: bool, exit: bool, header: String) {
    loop {
        let deadline = Instant::now() + delay;
        {
            let mut g = LATER.lock();
            while g.generation == generation {
                if LATER_CV.wait_until(&mut g, deadline).timed_out() {
                    break;
                }
            }
            if g.generation != generation {
                return;
            }
        }
        let out = Out(fd);
        out.s(&header);
        let mut ts = ThreadState::attach();
        let me = ts.shared() as *const ThreadShared;
        collect::with_world_stopped(&mut ts, |threads| {
            let others: Vec<&'static ThreadShared> = threads
                .iter()
                .copied()
                .filter(|t| !std::ptr::eq(*t, me))
                .collect();
            dump_all(&out, &others, std::ptr::null());
        });
        drop(ts);
        if exit {
            // SAFETY: ends the process at once, as CPython's `_exit(1)`.
            unsafe { libc::_exit(1) };
        }
        if !repeat || LATER_GEN.load(Ordering::SeqCst) != generation {
            return;
        }
    }
}

/// Stops the watchdog, if any, waiting for it (detached: it may be
/// stopping the world).
fn cancel_later(ts: &mut ThreadState) {
    let handle = {
        let mut g = LATER.lock();
        g.generation += 1;
        LATER_GEN.store(g.generation, Ordering::SeqCst);
        LATER_CV.notify_all();
        g.thread.take()
    };
    if let Some(h) = handle {
        ts.allow_threads(|| {
            let _ = h.join();
        });
    }
}

fn dump_traceback_later(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig =
        Sig::new("dump_traceback_later(timeout, repeat=False, file=sys.stderr, exit=False)");
    let [timeout, repeat, file, exit] = SIG.bind(ts, args, kw)?;
    // A float is seconds; anything else must be an integer (CPython's
    // `_PyTime_FromSecondsObject`).
    let secs = match float::as_f64(timeout) {
        Some(f) => f,
        None => {
            let i = conv::c_long(ts, timeout)
                .map_err(|_| ts.overflow_error("timeout value is too large"));
            match i {
                Ok(i) => i as f64,
                Err(e) => {
                    // Not an integer at all: the index error, as CPython.
                    ops::index(ts, timeout)?;
                    return Err(e);
                }
            }
        }
    };
    if secs.is_nan() {
        return Err(ts.value_error("Invalid value NaN (not a number)"));
    }
    let us = (secs * 1e6).round();
    if us >= 9.2e18 {
        return Err(ts.overflow_error("timeout value is too large"));
    }
    if us <= 0.0 {
        return Err(ts.value_error("timeout must be greater than 0"));
    }
    let us = us as u64;
    let repeat = conv::flag(ts, repeat, false)?;
    let (fd, file) = file_arg(ts, file)?;
    let exit = conv::flag(ts, exit, false)?;
    cancel_later(ts);
    files(ts)?.set_item_str(ts, "later", file);
    let header = timeout_header(us);
    let mut g = LATER.lock();
    let generation = g.generation;
    let spawned = std::thread::Builder::new()
        .name("faulthandler".into())
        .spawn(move || {
            watchdog(
                generation,
                Duration::from_micros(us),
                fd,
                repeat,
                exit,
                header,
            )
        });
    match spawned {
        Ok(h) => {
            g.thread = Some(h);
            Ok(Value::NONE)
        }
        Err(_) => {
            drop(g);
            Err(ts.runtime_error("unable to start watchdog thread"))
        }
    }
}

fn cancel_dump_traceback_later(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("cancel_dump_traceback_later()");
    SIG.bind::<0>(ts, args, kw)?;
    cancel_later(ts);
    let k = StrObj::new(ts, "later");
    files(ts)?.del_item_opt(ts, k)?;
    Ok(Value::NONE)
}

// ---- user signals -------------------------------------------------------------------------

const NSIG: usize = 65;

struct User {
    enabled: AtomicBool,
    fd: AtomicI32,
    all_threads: AtomicBool,
    chain: AtomicBool,
    prev: SavedAction,
}

#[allow(clippy::declare_interior_mutable_const)]
const USER_INIT: User = User {
    enabled: AtomicBool::new(false),
    fd: AtomicI32::new(2),
    all_threads: AtomicBool::new(true),
    chain: AtomicBool::new(false),
    prev: SavedAction::new(),
};
static USER: [User; NSIG] = [USER_INIT; NSIG];

extern "C" fn user_handler(sig: i32, _info: *mut libc::siginfo_t, _ctx: *mut libc::c_void) {
    let Some(u) = USER.get(sig as usize) else {
        return;
    };
    if !u.enabled.load(Ordering::SeqCst) {
        return;
    }
    let saved_errno = conv::errno();
    let out = Out(u.fd.load(Ordering::Relaxed));
    dump_current(&out, u.all_threads.load(Ordering::Relaxed));
    if u.chain.load(Ordering::Relaxed) {
        // The previous action runs now (SA_NODEFER), then ours comes back.
        // SAFETY: the slot was filled when this handler was installed; the
        // reinstall saves into a scratch action.
        unsafe {
            restore(sig, &u.prev);
            libc::raise(sig);
            let mut sa: libc::sigaction = std::mem::zeroed();
            sa.sa_sigaction = user_handler as *const () as usize;
            sa.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK | libc::SA_NODEFER;
            libc::sigemptyset(&mut sa.sa_mask);
            libc::sigaction(sig, &sa, std::ptr::null_mut());
        }
    }
    // SAFETY: restores the interrupted code's errno.
    unsafe { *libc::__errno_location() = saved_errno };
}

fn signum_arg(ts: &mut ThreadState, v: Value) -> PyResult<i32> {
    let sig = conv::c_int(ts, v)?;
    if FATAL.iter().any(|&(s, _)| s == sig) {
        return Err(ts.runtime_error(format!(
            "signal {sig} cannot be registered, use enable() instead"
        )));
    }
    if sig < 1 || sig as usize >= NSIG {
        return Err(ts.value_error("signal number out of range"));
    }
    Ok(sig)
}

fn register(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("register(signum, file=sys.stderr, all_threads=True, chain=False)");
    let [signum, file, all, chain] = SIG.bind(ts, args, kw)?;
    let sig = signum_arg(ts, signum)?;
    let (fd, file) = file_arg(ts, file)?;
    let all = conv::flag(ts, all, true)?;
    let chain = conv::flag(ts, chain, false)?;
    let key = Value::small_int_unchecked(sig as i64);
    files(ts)?.set_item(ts, key, file)?;
    let _g = CONFIG.lock();
    let u = &USER[sig as usize];
    u.fd.store(fd, Ordering::Relaxed);
    u.all_threads.store(all, Ordering::Relaxed);
    u.chain.store(chain, Ordering::Relaxed);
    if !u.enabled.load(Ordering::SeqCst) {
        let flags = if chain { libc::SA_NODEFER } else { 0 };
        // SAFETY: CONFIG is held and our handler is not installed for
        // `sig`, so nothing reads the slot.
        if let Err(e) = unsafe { install(sig, user_handler, flags, &u.prev) } {
            return Err(conv::os_error(ts, e, None, None));
        }
        u.enabled.store(true, Ordering::SeqCst);
    }
    Ok(Value::NONE)
}

fn unregister(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("unregister(signum, /)");
    let [signum] = SIG.bind(ts, args, kw)?;
    let sig = signum_arg(ts, signum)?;
    let was = {
        let _g = CONFIG.lock();
        let u = &USER[sig as usize];
        let was = u.enabled.swap(false, Ordering::SeqCst);
        if was {
            // SAFETY: the slot was filled by `register`.
            unsafe { restore(sig, &u.prev) };
        }
        was
    };
    if was {
        let key = Value::small_int_unchecked(sig as i64);
        files(ts)?.del_item_opt(ts, key)?;
    }
    Ok(Value::from_bool(was))
}

// ---- crash helpers for tests ------------------------------------------------------------

/// Raises `sig`; should the process survive it (a previous handler that
/// returns), the default action is put back and the signal raised again.
fn crash(sig: i32) {
    // SAFETY: raising a signal, then resetting its action to the default.
    unsafe {
        libc::raise(sig);
        libc::signal(sig, libc::SIG_DFL);
        libc::raise(sig);
    }
}

fn sigsegv(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_sigsegv(release_gil=False, /)");
    SIG.bind::<1>(ts, args, kw)?;
    crash(libc::SIGSEGV);
    Ok(Value::NONE)
}

fn sigabrt(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_sigabrt()");
    SIG.bind::<0>(ts, args, kw)?;
    crash(libc::SIGABRT);
    Ok(Value::NONE)
}

fn sigfpe(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_sigfpe()");
    SIG.bind::<0>(ts, args, kw)?;
    crash(libc::SIGFPE);
    Ok(Value::NONE)
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    if FILES.get().is_none() {
        let d = DictObj::new(ts);
        add_global_root(d.value());
        let _ = FILES.set(d.value());
    }
    let doc = StrObj::new(ts, "faulthandler module.");
    m.set_attr(ts, "__doc__", doc);
    m.add_function(ts, "enable", enable);
    m.add_function(ts, "disable", disable);
    m.add_function(ts, "is_enabled", is_enabled);
    m.add_function(ts, "dump_traceback", dump_traceback);
    m.add_function(ts, "dump_traceback_later", dump_traceback_later);
    m.add_function(
        ts,
        "cancel_dump_traceback_later",
        cancel_dump_traceback_later,
    );
    m.add_function(ts, "register", register);
    m.add_function(ts, "unregister", unregister);
    m.add_function(ts, "_sigsegv", sigsegv);
    m.add_function(ts, "_sigabrt", sigabrt);
    m.add_function(ts, "_sigfpe", sigfpe);
    Ok(())
}
