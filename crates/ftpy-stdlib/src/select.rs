//! `select`: waiting for file descriptors to become ready — the
//! `select()` function, `poll` objects and `epoll` objects (Linux).
//!
//! `select()` is implemented over `poll(2)` (so descriptors above
//! `FD_SETSIZE` would work, but CPython's `ValueError` for them is kept):
//! a descriptor is readable on `POLLIN`, `POLLHUP` or `POLLERR`, writable on
//! `POLLOUT` or `POLLERR`, exceptional on `POLLPRI`, as select(2) reports
//! them; a closed descriptor (`POLLNVAL`) is `EBADF`, as select(2) says.
//!
//! Every wait runs detached from the collector ([`wait`]) and is retried on
//! `EINTR` with the timeout recomputed (PEP 475), after running pending
//! signal handlers. The main thread waits in slices of 20 ms so a signal
//! delivered to another thread still reaches its handler promptly (as
//! `time.sleep` does).

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use parking_lot::Mutex;

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::{Marker, RootedVec};
use ftpy_vm::interp::{self, add_global_root, types};
use ftpy_vm::objects::list::ListObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::native::{self, NativeData, NativeObj};
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{tflags, TypeObj};
use ftpy_vm::objects::{add_getset, add_methods, classmethod, float, int, method};
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

use crate::posix::conv;

type Kw = Option<Gc<TupleObj>>;

/// How long a waiting main thread sleeps before checking for signals.
const SIGNAL_SLICE: Duration = Duration::from_millis(20);

/// select(2)'s limit, kept for CPython's error.
const FD_SETSIZE: i32 = 1024;

// ---- timeouts and the wait loop -------------------------------------------------

/// A timeout in nanoseconds from a number of `unit` nanoseconds (seconds:
/// 1e9, milliseconds: 1e6), rounded up as CPython's `_PyTime_ROUND_TIMEOUT`,
/// with CPython's overflow errors. `None` for a missing/None timeout; a
/// non-number gives `None` from the inner result (the caller's TypeError).
pub fn timeout_ns(ts: &mut ThreadState, v: Value, unit: f64) -> PyResult<Option<Option<i128>>> {
    if v.is_null() || v.is_none() {
        return Ok(Some(None));
    }
    if float::is_float(v) {
        let f = float::to_float(ts, v)?;
        if f.is_nan() {
            return Err(ts.value_error("Invalid value NaN (not a number)"));
        }
        let ns = (f * unit).ceil();
        if !(-9.223372036854776e18..9.223372036854776e18).contains(&ns) {
            return Err(ts.overflow_error("timestamp out of range for platform time_t"));
        }
        return Ok(Some(Some(ns as i128)));
    }
    if !int::is_int(v)
        && ftpy_vm::objects::typeobj::type_of(v)
            .slots
            .index
            .get()
            .is_none()
    {
        return Ok(None);
    }
    let i = ops::index(ts, v)?;
    let ns = int::to_i64(i)
        .map(|n| n as i128 * unit as i128)
        .filter(|&ns| ns >= i64::MIN as i128 && ns <= i64::MAX as i128);
    match ns {
        Some(ns) => Ok(Some(Some(ns))),
        None => Err(ts.overflow_error("timestamp too large to convert to C _PyTime_t")),
    }
}

/// The deadline `ns` nanoseconds from now (`None`: wait forever; a
/// negative timeout is the caller's business).
pub fn deadline_after(ns: Option<i128>) -> Option<Instant> {
    ns.map(|ns| {
        let d = Duration::from_nanos(ns.clamp(0, u64::MAX as i128) as u64);
        Instant::now()
            .checked_add(d)
            .unwrap_or_else(|| Instant::now() + Duration::from_secs(1 << 40))
    })
}

pub fn is_main(ts: &ThreadState) -> bool {
    ts.ident() == interp::interp().main_thread_ident.load(Ordering::Relaxed)
}

/// Milliseconds until `deadline`, rounded up (-1: forever), capped to
/// `cap` and to a C int.
fn ms_until(deadline: Option<Instant>, cap: Option<Duration>) -> i32 {
    let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
    let left = match (left, cap) {
        (Some(l), Some(c)) => Some(l.min(c)),
        (l, c) => l.or(c),
    };
    match left {
        None => -1,
        Some(l) => l.as_nanos().div_ceil(1_000_000).min(i32::MAX as u128) as i32,
    }
}

/// Runs a waiting system call `f(timeout_ms)` detached until it reports
/// something, `deadline` passes, or it fails: on `EINTR` pending signal
/// handlers run (their exception propagates) and the call is retried with
/// the time left (PEP 475). `f` returns the call's result, -1 with `errno`
/// set on failure, and must touch no heap object. Returns the result (0
/// when the deadline passed) or the error number.
pub fn wait(
    ts: &mut ThreadState,
    deadline: Option<Instant>,
    mut f: impl FnMut(i32) -> isize,
) -> PyResult<Result<isize, i32>> {
    let slice = if is_main(ts) {
        Some(SIGNAL_SLICE)
    } else {
        None
    };
    loop {
        let ms = ms_until(deadline, slice);
        let (r, e) = ts.allow_threads(|| {
            let r = f(ms);
            (r, if r == -1 { conv::errno() } else { 0 })
        });
        if r == -1 && e != libc::EINTR {
            return Ok(Err(e));
        }
        if r > 0 || (r == 0 && deadline.is_some_and(|d| Instant::now() >= d)) {
            return Ok(Ok(r));
        }
        if interp::signal_pending() {
            interp::handle_pending_signals(ts)?;
        }
        if r == 0 && slice.is_none() {
            // A timeout reached without a deadline in view cannot happen;
            // a deadline-less wait with the main-thread slice loops on.
            return Ok(Ok(0));
        }
        if r == -1 && deadline.is_some_and(|d| Instant::now() >= d) {
            return Ok(Ok(0));
        }
    }
}

/// A descriptor argument: an int or an object with `fileno()`, not
/// negative (CPython's `PyObject_AsFileDescriptor`).
pub fn fd_arg(ts: &mut ThreadState, v: Value) -> PyResult<i32> {
    let fd = crate::posix::files::fd_arg(ts, v)?;
    if fd < 0 {
        return Err(ts.value_error(format!(
            "file descriptor cannot be a negative integer ({fd})"
        )));
    }
    Ok(fd)
}

// ---- select() ------------------------------------------------------------------------

/// The objects of one of select()'s lists, with their descriptors.
fn select_list(ts: &mut ThreadState, seq: Value, objs: &mut RootedVec) -> PyResult<Vec<i32>> {
    let it = match ops::iter(ts, seq) {
        Ok(it) => it,
        Err(e) if e.matches(types().type_error) => {
            return Err(ts.type_error("arguments 1-3 must be sequences"));
        }
        Err(e) => return Err(e),
    };
    let items = ops::collect(ts, it)?;
    let mut fds = Vec::with_capacity(items.len());
    for &o in items.iter() {
        let fd = fd_arg(ts, o)?;
        if fd >= FD_SETSIZE {
            return Err(ts.value_error("filedescriptor out of range in select()"));
        }
        objs.push(o);
        fds.push(fd);
    }
    Ok(fds)
}

fn select(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("select(rlist, wlist, xlist, timeout=None, /)");
    let [rl, wl, xl, timeout] = SIG.bind(ts, args, kw)?;
    let ns = match timeout_ns(ts, timeout, 1e9)? {
        Some(ns) => ns,
        None => return Err(ts.type_error("timeout must be a float or None")),
    };
    if ns.is_some_and(|n| n < 0) {
        return Err(ts.value_error("timeout must be non-negative"));
    }
    let mut objs = RootedVec::new(ts);
    let rfds = select_list(ts, rl, &mut objs)?;
    let wfds = select_list(ts, wl, &mut objs)?;
    let xfds = select_list(ts, xl, &mut objs)?;
    let mut pfds: Vec<libc::pollfd> = Vec::new();
    let mut add = |fd: i32, ev: i16| match pfds.iter_mut().find(|p| p.fd == fd) {
        Some(p) => p.events |= ev,
        None => pfds.push(libc::pollfd {
            fd,
            events: ev,
            revents: 0,
        }),
    };
    rfds.iter().for_each(|&fd| add(fd, libc::POLLIN));
    wfds.iter().for_each(|&fd| add(fd, libc::POLLOUT));
    xfds.iter().for_each(|&fd| add(fd, libc::POLLPRI));
    let deadline = deadline_after(ns);
    let (p, n) = (pfds.as_mut_ptr() as usize, pfds.len());
    // SAFETY: `pfds` is a local vector of `n` pollfds that outlives the call.
    let r = wait(ts, deadline, |ms| unsafe {
        libc::poll(p as *mut libc::pollfd, n as libc::nfds_t, ms) as isize
    })?;
    if let Err(e) = r {
        return Err(conv::os_error(ts, e, None, None));
    }
    if pfds.iter().any(|p| p.revents & libc::POLLNVAL != 0) {
        return Err(conv::os_error(ts, libc::EBADF, None, None));
    }
    let revents = |fd: i32| pfds.iter().find(|p| p.fd == fd).map_or(0, |p| p.revents);
    let mut out: [Value; 3] = [Value::NULL; 3];
    let mut base = 0;
    for (k, (fds, mask)) in [
        (&rfds, libc::POLLIN | libc::POLLHUP | libc::POLLERR),
        (&wfds, libc::POLLOUT | libc::POLLERR),
        (&xfds, libc::POLLPRI),
    ]
    .into_iter()
    .enumerate()
    {
        let ready: Vec<Value> = fds
            .iter()
            .enumerate()
            .filter(|&(_, &fd)| revents(fd) & mask != 0)
            .map(|(i, _)| objs[base + i])
            .collect();
        base += fds.len();
        out[k] = ListObj::new(ts, &ready).value();
    }
    Ok(TupleObj::new(ts, &out).value())
}

// ---- poll objects ----------------------------------------------------------------------

struct Poll {
    /// (fd, events) in registration order (CPython's dict order).
    fds: Mutex<Vec<(i32, i16)>>,
    running: AtomicBool,
}

// SAFETY: holds no Values.
unsafe impl NativeData for Poll {
    fn trace(&self, _m: &mut Marker) {}
}

static POLL_TYPE: OnceLock<Gc<TypeObj>> = OnceLock::new();

fn poll_of(ts: &mut ThreadState, v: Value) -> PyResult<&'static Poll> {
    native::expect::<Poll>(ts, v, "select.poll")
}

fn poll_new(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("select.poll()");
    let [] = SIG.bind(ts, args, kw)?;
    let Some(&t) = POLL_TYPE.get() else {
        return Err(ts.system_error("select not initialized"));
    };
    let p = Poll {
        fds: Mutex::new(Vec::new()),
        running: AtomicBool::new(false),
    };
    Ok(NativeObj::new(ts, t, p).value())
}

/// A poll event mask (C `unsigned short`, CPython's messages).
fn ushort_mask(ts: &mut ThreadState, v: Value) -> PyResult<i16> {
    if !int::is_int(v) {
        return Err(ts.type_error("an integer is required"));
    }
    let i = ops::index(ts, v)?;
    match int::to_i64(i) {
        Some(n) if n < 0 => Err(ts.value_error("value must be positive")),
        Some(n) if n <= u16::MAX as i64 => Ok(n as u16 as i16),
        _ => Err(ts.overflow_error("Python int too large for C unsigned short")),
    }
}

fn poll_register(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new(
        "register($self, fd, eventmask=select.POLLIN | select.POLLPRI | select.POLLOUT, /)",
    );
    let [v, fd, mask] = SIG.bind(ts, args, kw)?;
    let p = poll_of(ts, v)?;
    let fd = fd_arg(ts, fd)?;
    let mask = match mask.non_null() {
        Some(m) => ushort_mask(ts, m)?,
        None => libc::POLLIN | libc::POLLPRI | libc::POLLOUT,
    };
    let mut g = p.fds.lock();
    match g.iter_mut().find(|e| e.0 == fd) {
        Some(e) => e.1 = mask,
        None => g.push((fd, mask)),
    }
    Ok(Value::NONE)
}

fn poll_modify(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("modify($self, fd, eventmask, /)");
    let [v, fdv, mask] = SIG.bind(ts, args, kw)?;
    let p = poll_of(ts, v)?;
    let fd = fd_arg(ts, fdv)?;
    let mask = ushort_mask(ts, mask)?;
    let found = match p.fds.lock().iter_mut().find(|e| e.0 == fd) {
        Some(e) => {
            e.1 = mask;
            true
        }
        None => false,
    };
    if !found {
        return Err(conv::os_error(ts, libc::ENOENT, None, None));
    }
    Ok(Value::NONE)
}

fn poll_unregister(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("unregister($self, fd, /)");
    let [v, fdv] = SIG.bind(ts, args, kw)?;
    let p = poll_of(ts, v)?;
    let fd = fd_arg(ts, fdv)?;
    let removed = {
        let mut g = p.fds.lock();
        let before = g.len();
        g.retain(|e| e.0 != fd);
        g.len() != before
    };
    if !removed {
        let k = Value::small_int_unchecked(fd as i64);
        return Err(ts.key_error(k));
    }
    Ok(Value::NONE)
}

/// Clears a poll object's "running" flag when the wait ends.
struct Running<'a>(&'a AtomicBool);

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.0.store(false, Ordering::Release);
    }
}

fn poll_poll(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("poll($self, timeout=None, /)");
    let [v, timeout] = SIG.bind(ts, args, kw)?;
    let p = poll_of(ts, v)?;
    let ns = match timeout_ns(ts, timeout, 1e6)? {
        Some(ns) => ns,
        None => return Err(ts.type_error("timeout must be an integer or None")),
    };
    if ns.is_some_and(|n| n / 1_000_000 > i32::MAX as i128) {
        return Err(ts.overflow_error("timeout is too large"));
    }
    let ns = ns.filter(|&n| n >= 0);
    if p.running.swap(true, Ordering::Acquire) {
        return Err(ts.runtime_error("concurrent poll() invocation"));
    }
    let _running = Running(&p.running);
    let mut pfds: Vec<libc::pollfd> = p
        .fds
        .lock()
        .iter()
        .map(|&(fd, events)| libc::pollfd {
            fd,
            events,
            revents: 0,
        })
        .collect();
    let deadline = deadline_after(ns);
    let (pp, n) = (pfds.as_mut_ptr() as usize, pfds.len());
    // SAFETY: `pfds` is a local vector of `n` pollfds that outlives the call.
    let r = wait(ts, deadline, |ms| unsafe {
        libc::poll(pp as *mut libc::pollfd, n as libc::nfds_t, ms) as isize
    })?;
    if let Err(e) = r {
        return Err(conv::os_error(ts, e, None, None));
    }
    let mut items = RootedVec::new(ts);
    for pf in pfds.iter().filter(|p| p.revents != 0) {
        let t = TupleObj::new(
            ts,
            &[
                Value::small_int_unchecked(pf.fd as i64),
                Value::small_int_unchecked(pf.revents as u16 as i64),
            ],
        );
        items.push(t.value());
    }
    Ok(ListObj::new(ts, &items).value())
}

// ---- epoll objects ----------------------------------------------------------------------

struct Epoll {
    /// The epoll descriptor; -1 once closed.
    fd: AtomicI32,
}

impl Drop for Epoll {
    fn drop(&mut self) {
        let fd = self.fd.swap(-1, Ordering::AcqRel);
        if fd >= 0 {
            // SAFETY: closes the descriptor this object owns.
            unsafe { libc::close(fd) };
        }
    }
}

// SAFETY: holds no Values.
unsafe impl NativeData for Epoll {
    fn trace(&self, _m: &mut Marker) {}
}

static EPOLL_TYPE: OnceLock<Gc<TypeObj>> = OnceLock::new();

fn epoll_of(ts: &mut ThreadState, v: Value) -> PyResult<&'static Epoll> {
    native::expect::<Epoll>(ts, v, "select.epoll")
}

/// The open epoll descriptor, or CPython's ValueError.
fn epoll_fd(ts: &mut ThreadState, v: Value) -> PyResult<i32> {
    let fd = epoll_of(ts, v)?.fd.load(Ordering::Acquire);
    if fd < 0 {
        return Err(ts.value_error("I/O operation on closed epoll object"));
    }
    Ok(fd)
}

fn epoll_alloc(ts: &mut ThreadState, cls: Gc<TypeObj>, fd: i32) -> PyResult<Value> {
    let Some(&base) = EPOLL_TYPE.get() else {
        return Err(ts.system_error("select not initialized"));
    };
    let e = Epoll {
        fd: AtomicI32::new(fd),
    };
    Ok(native::alloc_checked(ts, cls, base, e, false)?.value())
}

fn epoll_new(ts: &mut ThreadState, cls: Gc<TypeObj>, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("epoll(sizehint=-1, flags=0)");
    let [size, flags] = SIG.bind(ts, args, kw)?;
    if let Some(s) = size.non_null() {
        let s = conv::c_int(ts, s)?;
        if s != -1 && s <= 0 {
            return Err(ts.value_error("negative sizehint"));
        }
    }
    if let Some(f) = flags.non_null() {
        let f = conv::c_int(ts, f)?;
        if f != 0 && f != libc::EPOLL_CLOEXEC {
            return Err(ts.os_error("invalid flags"));
        }
    }
    // SAFETY: no pointers.
    let fd = unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) };
    if fd < 0 {
        return Err(conv::last_error(ts));
    }
    epoll_alloc(ts, cls, fd)
}

fn epoll_fromfd(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("fromfd($type, fd, /)");
    let [cls, fd] = SIG.bind(ts, args, kw)?;
    let fd = conv::c_int(ts, fd)?;
    let Some(cls) = cls.downcast::<TypeObj>() else {
        return Err(ts.type_error("fromfd() requires a type"));
    };
    epoll_alloc(ts, cls, fd)
}

fn epoll_close(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("close($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let fd = epoll_of(ts, v)?.fd.swap(-1, Ordering::AcqRel);
    if fd >= 0 {
        // SAFETY: closes the descriptor this object owned.
        if unsafe { libc::close(fd) } != 0 {
            return Err(conv::last_error(ts));
        }
    }
    Ok(Value::NONE)
}

fn epoll_closed(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(
        epoll_of(ts, v)?.fd.load(Ordering::Acquire) < 0,
    ))
}

fn epoll_fileno(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("fileno($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let fd = epoll_fd(ts, v)?;
    Ok(Value::small_int_unchecked(fd as i64))
}

/// An epoll event mask (C `unsigned int`, masked as CPython's converter).
fn uint_mask(ts: &mut ThreadState, v: Value) -> PyResult<u32> {
    if float::is_float(v) {
        return Err(ts.type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = ops::index(ts, v)?;
    let bits = match int::to_i64(i) {
        Some(n) => n as u64,
        None => {
            let m = int::int_from_u64(ts, 1 << 32);
            let r = int::int_mod(ts, i, m)?;
            int::to_i64(r).unwrap_or(0) as u64
        }
    };
    Ok(bits as u32)
}

fn epoll_ctl(ts: &mut ThreadState, v: Value, op: i32, fdv: Value, mask: u32) -> PyResult<Value> {
    let ep = epoll_fd(ts, v)?;
    let fd = fd_arg(ts, fdv)?;
    let mut ev = libc::epoll_event {
        events: mask,
        u64: fd as u32 as u64,
    };
    // SAFETY: `ev` is a local epoll_event.
    let r = unsafe { libc::epoll_ctl(ep, op, fd, &mut ev) };
    if r < 0 {
        return Err(conv::last_error(ts));
    }
    Ok(Value::NONE)
}

const EPOLL_DEFAULT_MASK: u32 = (libc::EPOLLIN | libc::EPOLLPRI | libc::EPOLLOUT) as u32;

fn epoll_register(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new(
        "register($self, /, fd, eventmask=select.EPOLLIN | select.EPOLLPRI | select.EPOLLOUT)",
    );
    let [v, fd, mask] = SIG.bind(ts, args, kw)?;
    let mask = match mask.non_null() {
        Some(m) => uint_mask(ts, m)?,
        None => EPOLL_DEFAULT_MASK,
    };
    epoll_ctl(ts, v, libc::EPOLL_CTL_ADD, fd, mask)
}

fn epoll_modify(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("modify($self, /, fd, eventmask)");
    let [v, fd, mask] = SIG.bind(ts, args, kw)?;
    let mask = uint_mask(ts, mask)?;
    epoll_ctl(ts, v, libc::EPOLL_CTL_MOD, fd, mask)
}

fn epoll_unregister(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("unregister($self, /, fd)");
    let [v, fd] = SIG.bind(ts, args, kw)?;
    epoll_ctl(ts, v, libc::EPOLL_CTL_DEL, fd, 0)
}

fn epoll_poll(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("poll($self, /, timeout=None, maxevents=-1)");
    let [v, timeout, maxev] = SIG.bind(ts, args, kw)?;
    let ep = epoll_fd(ts, v)?;
    let ns = match timeout_ns(ts, timeout, 1e9)? {
        Some(ns) => ns,
        None => return Err(ts.type_error("timeout must be an integer or None")),
    };
    if ns.is_some_and(|n| (n + 999_999) / 1_000_000 > i32::MAX as i128) {
        return Err(ts.overflow_error("timeout is too large"));
    }
    let ns = ns.filter(|&n| n >= 0);
    let max = match maxev.non_null() {
        Some(m) => conv::c_int(ts, m)?,
        None => -1,
    };
    let max = if max == -1 {
        FD_SETSIZE - 1
    } else if max <= 0 {
        return Err(ts.value_error(format!("maxevents must be greater than 0, got {max}")));
    } else {
        max
    };
    let mut evs: Vec<libc::epoll_event> = Vec::new();
    if evs.try_reserve_exact(max as usize).is_err() {
        return Err(ts.memory_error(""));
    }
    evs.resize(max as usize, libc::epoll_event { events: 0, u64: 0 });
    let deadline = deadline_after(ns);
    let p = evs.as_mut_ptr() as usize;
    // SAFETY: `evs` is a local vector of `max` events that outlives the call.
    let r = wait(ts, deadline, |ms| unsafe {
        libc::epoll_wait(ep, p as *mut libc::epoll_event, max, ms) as isize
    })?;
    let n = match r {
        Ok(n) => n as usize,
        Err(e) => return Err(conv::os_error(ts, e, None, None)),
    };
    let mut items = RootedVec::new(ts);
    for ev in &evs[..n.min(evs.len())] {
        let (fd, events) = (ev.u64 as u32 as i32, ev.events);
        let e = int::int_from_u64(ts, events as u64);
        let t = TupleObj::new(ts, &[Value::small_int_unchecked(fd as i64), e]);
        items.push(t.value());
    }
    Ok(ListObj::new(ts, &items).value())
}

fn epoll_enter(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("__enter__($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    epoll_fd(ts, v)?;
    Ok(v)
}

fn epoll_exit(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("__exit__($self, *args)");
    let ([v], _) = SIG.bind_star(ts, args, kw)?;
    let close = interp::intern(ts, "close");
    ops::call_method(ts, v, close, &[])?;
    Ok(Value::NONE)
}

// ---- the module ------------------------------------------------------------------------

const CONSTANTS: &[(&str, i64)] = &[
    ("POLLIN", libc::POLLIN as i64),
    ("POLLPRI", libc::POLLPRI as i64),
    ("POLLOUT", libc::POLLOUT as i64),
    ("POLLERR", libc::POLLERR as i64),
    ("POLLHUP", libc::POLLHUP as i64),
    ("POLLNVAL", libc::POLLNVAL as i64),
    ("POLLRDNORM", libc::POLLRDNORM as i64),
    ("POLLRDBAND", libc::POLLRDBAND as i64),
    ("POLLWRNORM", libc::POLLWRNORM as i64),
    ("POLLWRBAND", libc::POLLWRBAND as i64),
    ("POLLMSG", 0x400),
    ("POLLRDHUP", 0x2000),
    ("EPOLLIN", libc::EPOLLIN as i64),
    ("EPOLLOUT", libc::EPOLLOUT as i64),
    ("EPOLLPRI", libc::EPOLLPRI as i64),
    ("EPOLLERR", libc::EPOLLERR as i64),
    ("EPOLLHUP", libc::EPOLLHUP as i64),
    ("EPOLLET", libc::EPOLLET as u32 as i64),
    ("EPOLLONESHOT", libc::EPOLLONESHOT as i64),
    ("EPOLLEXCLUSIVE", libc::EPOLLEXCLUSIVE as i64),
    ("EPOLLRDHUP", libc::EPOLLRDHUP as i64),
    ("EPOLLRDNORM", libc::EPOLLRDNORM as i64),
    ("EPOLLRDBAND", libc::EPOLLRDBAND as i64),
    ("EPOLLWRNORM", libc::EPOLLWRNORM as i64),
    ("EPOLLWRBAND", libc::EPOLLWRBAND as i64),
    ("EPOLLMSG", libc::EPOLLMSG as i64),
    ("EPOLL_CLOEXEC", libc::EPOLL_CLOEXEC as i64),
    ("PIPE_BUF", libc::PIPE_BUF as i64),
];

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let doc = StrObj::new(
        ts,
        "This module supports asynchronous I/O on multiple file descriptors.\n\n*** IMPORTANT NOTICE ***\nOn Windows, only sockets are supported; on Unix, all file descriptors.",
    );
    m.set_attr(ts, "__doc__", doc);
    for &(name, v) in CONSTANTS {
        let n = int::int_from_i64(ts, v);
        m.set_attr(ts, name, n);
    }
    m.set_attr(ts, "error", types().os_error.value());
    m.add_function(ts, "select", select);
    m.add_function(ts, "poll", poll_new);

    let pt = match POLL_TYPE.get() {
        Some(&t) => t,
        None => {
            let t = native::new_type::<Poll>(ts, "poll", "select", None, false);
            add_methods(
                ts,
                t,
                &[
                    method("register", poll_register),
                    method("modify", poll_modify),
                    method("unregister", poll_unregister),
                    method("poll", poll_poll),
                ],
            );
            native::finish_type(ts, t);
            let full = interp::intern(ts, "select.poll");
            t.name.set(full.value());
            add_global_root(t.value());
            *POLL_TYPE.get_or_init(|| t)
        }
    };
    let _ = pt;

    let et = match EPOLL_TYPE.get() {
        Some(&t) => t,
        None => {
            let t = native::new_type::<Epoll>(ts, "epoll", "select", None, false);
            t.set_flag(tflags::WEAKREFABLE);
            t.slots.new.set(Some(epoll_new));
            add_methods(
                ts,
                t,
                &[
                    method("close", epoll_close),
                    method("fileno", epoll_fileno),
                    method("register", epoll_register),
                    method("modify", epoll_modify),
                    method("unregister", epoll_unregister),
                    method("poll", epoll_poll),
                    method("__enter__", epoll_enter),
                    method("__exit__", epoll_exit),
                    classmethod("fromfd", epoll_fromfd),
                ],
            );
            add_getset(ts, t, "closed", epoll_closed, None);
            native::finish_type(ts, t);
            let full = interp::intern(ts, "select.epoll");
            t.name.set(full.value());
            add_global_root(t.value());
            *EPOLL_TYPE.get_or_init(|| t)
        }
    };
    m.set_attr(ts, "epoll", et.value());
    Ok(())
}
