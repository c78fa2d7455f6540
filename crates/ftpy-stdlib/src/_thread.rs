//! `_thread`: OS threads running Python code in parallel, locks, and
//! thread-local data. CPython's `threading.py` is built on this.
//!
//! # Threads
//! Every Python thread is an OS thread with its own `ThreadState`. The
//! function and arguments a new thread runs are held in a temporary global
//! root until the thread has attached and holds them itself, so no
//! collection can free them in between. A thread ends by releasing the
//! sentinel locks `threading` waits on (`_set_sentinel`), then detaching.
//!
//! # Locks
//! `lock` is a byte with an atomic fast path (an uncontended acquire or
//! release is one compare-exchange, no system call); a contended acquire
//! spins some microseconds, then sleeps in `parking_lot_core`'s parking
//! lot (see [`Lock`]). A waiting thread is detached from
//! the collector (DESIGN.md, "Stop-the-world"), so a blocked thread never
//! delays a collection. On the main thread the wait wakes every 20 ms to
//! check for Ctrl-C, which raises `KeyboardInterrupt` from `acquire` as in
//! CPython. A lock may be released by a thread other than its owner
//! (Python's `Lock` semantics); `RLock` tracks its owner and count.
//!
//! # Thread-local data
//! `_local` keeps each thread's attribute dict in that thread's own state
//! (`ThreadState::local_dict`), so reading a `threading.local` attribute
//! touches no memory another thread writes. The collector drops a dead
//! local object's entries (see `ThreadShared::prune_locals`).

use parking_lot_core::{ParkResult, UnparkResult};
use std::sync::atomic::{AtomicU64, AtomicU8, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::Marker;
use ftpy_vm::interp::{self, names, types};
use ftpy_vm::objects::dict::DictObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::native::{self, data_of, NativeData, NativeObj};
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{type_name, type_of, TypeObj};
use ftpy_vm::objects::{add_methods, method, MethodDef};
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

/// The longest timeout `acquire` accepts (seconds), as CPython's
/// `TIMEOUT_MAX` on Linux.
const TIMEOUT_MAX: f64 = 9223372036.0;

/// How often a waiting main thread checks for Ctrl-C.
const SIGNAL_POLL: Duration = Duration::from_millis(20);

// ---- the lock ----------------------------------------------------------------

/// A non-recursive lock. See the module doc.
///
/// One byte of state: `LOCKED`, and `PARKED` while some thread may sleep in
/// the parking lot (keyed by the lock's address) waiting for it. Acquire and
/// release are one compare-exchange each while nobody sleeps; a release
/// wakes one sleeper only when `PARKED` is set, and the sleeper clears
/// `PARKED` on its way out if it was the last. A woken thread competes for
/// the lock like any other (no hand-off), so a thread that releases and
/// re-takes the lock in a loop keeps running instead of waiting for a
/// context switch at every iteration; the price is that the lock is not
/// fair, as CPython's is not on Linux.
pub struct Lock {
    state: AtomicU8,
}

const LOCKED: u8 = 1;
const PARKED: u8 = 2;
/// Attempts of `spin_acquire` (the last pause is 2^(SPIN_ROUNDS-1) hints).
const SPIN_ROUNDS: u32 = 10;

// SAFETY: holds no Values.
unsafe impl NativeData for Lock {
    fn trace(&self, _m: &mut Marker) {}
}

enum Wait {
    Acquired,
    TimedOut,
    /// The wait slice ended (main thread: check for signals, then wait on).
    Slice,
}

impl Lock {
    pub const fn new() -> Lock {
        Lock {
            state: AtomicU8::new(0),
        }
    }

    /// A lock created held (`_set_sentinel`).
    pub const fn new_locked() -> Lock {
        Lock {
            state: AtomicU8::new(LOCKED),
        }
    }

    #[inline]
    pub fn try_acquire(&self) -> bool {
        let mut s = self.state.load(Ordering::Relaxed);
        loop {
            if s & LOCKED != 0 {
                return false;
            }
            match self.state.compare_exchange_weak(
                s,
                s | LOCKED,
                Ordering::Acquire,
                Ordering::Relaxed,
            ) {
                Ok(_) => return true,
                Err(x) => s = x,
            }
        }
    }

    /// Spins for a while (attached, at most some tens of microseconds)
    /// before the caller sleeps: a short critical section in another
    /// thread ends sooner than a sleep and a wake-up would take, and a
    /// thread that releases and re-takes the lock in a loop leaves it free
    /// for a moment at each iteration. The pauses between attempts double
    /// (1, 2, 4 ... 512 spin-loop hints), so the spinning thread reads the
    /// holder's cache line rarely. No yield to the OS: a yield is a system
    /// call, which is what the spinning is there to avoid.
    fn spin_acquire(&self) -> bool {
        for round in 0..SPIN_ROUNDS {
            if self.try_acquire() {
                return true;
            }
            if self.state.load(Ordering::Relaxed) & PARKED != 0 {
                // Others already sleep on it: queue up behind them.
                return false;
            }
            for _ in 0..(1u32 << round) {
                std::hint::spin_loop();
            }
        }
        self.try_acquire()
    }

    /// Waits (detached: touches only this lock's own state) until the
    /// lock is taken, `deadline` passes, or `slice` elapses.
    fn wait(&self, deadline: Option<Instant>, slice: Option<Duration>) -> Wait {
        let slice_end = slice.map(|s| Instant::now() + s);
        let until = match (deadline, slice_end) {
            (Some(d), Some(s)) => Some(d.min(s)),
            (d, s) => d.or(s),
        };
        let key = self as *const Lock as usize;
        let mut s = self.state.load(Ordering::Relaxed);
        loop {
            if s & LOCKED == 0 {
                match self.state.compare_exchange_weak(
                    s,
                    s | LOCKED,
                    Ordering::Acquire,
                    Ordering::Relaxed,
                ) {
                    Ok(_) => return Wait::Acquired,
                    Err(x) => s = x,
                }
                continue;
            }
            if s & PARKED == 0 {
                if let Err(x) = self.state.compare_exchange_weak(
                    s,
                    s | PARKED,
                    Ordering::Relaxed,
                    Ordering::Relaxed,
                ) {
                    s = x;
                    continue;
                }
            }
            let validate = || self.state.load(Ordering::Relaxed) == LOCKED | PARKED;
            let timed_out = |_key, was_last: bool| {
                if was_last {
                    self.state.fetch_and(!PARKED, Ordering::Relaxed);
                }
            };
            // SAFETY: the key is this lock's address, used by nothing but
            // this lock's own park/unpark calls; the callbacks only touch
            // the lock's atomic state (no panic, no call into the parking
            // lot); the lock outlives the wait (the waiting thread's frame
            // holds the lock object).
            let r = unsafe {
                parking_lot_core::park(
                    key,
                    validate,
                    || {},
                    timed_out,
                    parking_lot_core::DEFAULT_PARK_TOKEN,
                    until,
                )
            };
            if let ParkResult::TimedOut = r {
                if self.try_acquire() {
                    return Wait::Acquired;
                }
                let now = Instant::now();
                return if deadline.is_some_and(|d| now >= d) {
                    Wait::TimedOut
                } else {
                    Wait::Slice
                };
            }
            s = self.state.load(Ordering::Relaxed);
        }
    }

    /// Releases; false if it was not locked.
    pub fn release(&self) -> bool {
        let mut s = self.state.load(Ordering::Relaxed);
        loop {
            if s & LOCKED == 0 {
                return false;
            }
            match self.state.compare_exchange_weak(
                s,
                s & !LOCKED,
                Ordering::Release,
                Ordering::Relaxed,
            ) {
                Ok(_) => break,
                Err(x) => s = x,
            }
        }
        if s & PARKED != 0 {
            let key = self as *const Lock as usize;
            let callback = |r: UnparkResult| {
                if !r.have_more_threads {
                    self.state.fetch_and(!PARKED, Ordering::Relaxed);
                }
                parking_lot_core::DEFAULT_UNPARK_TOKEN
            };
            // SAFETY: as in `wait`: the key is this lock's own address and
            // the callback only clears a bit of the lock's state.
            unsafe {
                parking_lot_core::unpark_one(key, callback);
            }
        }
        true
    }

    pub fn is_locked(&self) -> bool {
        self.state.load(Ordering::Relaxed) & LOCKED != 0
    }

    /// Forgets every holder and sleeper (after a fork, in the child, where
    /// the threads that held or waited for it do not exist).
    fn reinit(&self) {
        self.state.store(0, Ordering::Release);
    }
}

impl Default for Lock {
    fn default() -> Self {
        Lock::new()
    }
}

/// Acquires `lock` as Python's `acquire(blocking, timeout)` does: returns
/// whether it was taken. Blocks detached; on the main thread a Ctrl-C
/// during the wait raises `KeyboardInterrupt`.
pub fn acquire_lock(
    ts: &mut ThreadState,
    lock: &Lock,
    blocking: bool,
    timeout: Option<Duration>,
) -> PyResult<bool> {
    if lock.try_acquire() {
        return Ok(true);
    }
    if !blocking {
        return Ok(false);
    }
    if lock.spin_acquire() {
        return Ok(true);
    }
    let deadline = timeout.map(|t| Instant::now() + t);
    let main = ts.ident() == interp::interp().main_thread_ident.load(Ordering::Relaxed);
    let slice = if main { Some(SIGNAL_POLL) } else { None };
    loop {
        match ts.allow_threads(|| lock.wait(deadline, slice)) {
            Wait::Acquired => return Ok(true),
            Wait::TimedOut => return Ok(false),
            Wait::Slice => {
                if interp::signal_pending() {
                    interp::handle_pending_signals(ts)?;
                }
            }
        }
    }
}

/// Parses `acquire`'s `(blocking=True, timeout=-1)`.
fn acquire_args(
    ts: &mut ThreadState,
    blocking: Value,
    timeout: Value,
) -> PyResult<(bool, Option<Duration>)> {
    let blocking = match blocking.non_null() {
        Some(b) => ops::truthy(ts, b)?,
        None => true,
    };
    let timeout = match timeout.non_null() {
        None => -1.0,
        Some(t) => ftpy_vm::objects::float::to_float(ts, t)?,
    };
    if !blocking && timeout != -1.0 {
        return Err(ts.value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(ts.value_error("timeout value must be positive"));
    }
    if timeout == -1.0 {
        return Ok((blocking, None));
    }
    if timeout > TIMEOUT_MAX {
        return Err(ts.overflow_error("timeout value is too large"));
    }
    Ok((blocking, Some(Duration::from_secs_f64(timeout))))
}

fn lock_of(ts: &mut ThreadState, v: Value) -> PyResult<&'static Lock> {
    native::expect::<Lock>(ts, v, "_thread.lock")
}

fn lock_new(ts: &mut ThreadState, cls: Gc<TypeObj>, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("lock()");
    let [] = SIG.bind(ts, args, kw)?;
    Ok(NativeObj::new(ts, cls, Lock::new()).value())
}

fn lock_acquire(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("acquire($self, /, blocking=True, timeout=-1)");
    let [this, blocking, timeout] = SIG.bind(ts, args, kw)?;
    let lock = lock_of(ts, this)?;
    let (blocking, timeout) = acquire_args(ts, blocking, timeout)?;
    Ok(Value::from_bool(acquire_lock(ts, lock, blocking, timeout)?))
}

fn lock_enter(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("lock.__enter__($self, /)");
    let [this] = SIG.bind(ts, args, kw)?;
    let lock = lock_of(ts, this)?;
    acquire_lock(ts, lock, true, None)?;
    Ok(Value::TRUE)
}

fn lock_release(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    // `release()` and `__exit__(*exc_info)` share this.
    let lock = lock_of(ts, args[0])?;
    if !lock.release() {
        return Err(ts.runtime_error("release unlocked lock"));
    }
    Ok(Value::NONE)
}

fn lock_release_noargs(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("lock.release($self, /)");
    let [_] = SIG.bind(ts, args, kw)?;
    lock_release(ts, args, kw)
}

fn lock_locked(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("lock.locked($self, /)");
    let [this] = SIG.bind(ts, args, kw)?;
    Ok(Value::from_bool(lock_of(ts, this)?.is_locked()))
}

fn lock_at_fork_reinit(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("lock._at_fork_reinit($self, /)");
    let [this] = SIG.bind(ts, args, kw)?;
    let lock = lock_of(ts, this)?;
    lock.reinit();
    Ok(Value::NONE)
}

fn lock_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let lock = lock_of(ts, v)?;
    let s = format!(
        "<{} {} object at {:#x}>",
        if lock.is_locked() {
            "locked"
        } else {
            "unlocked"
        },
        qualified_name(type_of(v)),
        v.addr_unchecked()
    );
    Ok(StrObj::new(ts, &s))
}

fn qualified_name(ty: Gc<TypeObj>) -> String {
    ftpy_vm::objects::weakref::type_display_name(ty)
}

// ---- RLock -------------------------------------------------------------------

/// A recursive lock: the owner's ident and its recursion count.
pub struct RLock {
    lock: Lock,
    /// The owning thread's ident, 0 when free.
    owner: AtomicU64,
    /// Written only by the owner.
    count: AtomicUsize,
}

// SAFETY: holds no Values.
unsafe impl NativeData for RLock {
    fn trace(&self, _m: &mut Marker) {}
}

fn rlock_of(ts: &mut ThreadState, v: Value) -> PyResult<&'static RLock> {
    native::expect::<RLock>(ts, v, "_thread.RLock")
}

fn rlock_new(ts: &mut ThreadState, cls: Gc<TypeObj>, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    // CPython's RLock ignores its arguments.
    let r = RLock {
        lock: Lock::new(),
        owner: AtomicU64::new(0),
        count: AtomicUsize::new(0),
    };
    Ok(NativeObj::new(ts, cls, r).value())
}

fn rlock_acquire(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("acquire($self, /, blocking=True, timeout=-1)");
    let [this, blocking, timeout] = SIG.bind(ts, args, kw)?;
    let r = rlock_of(ts, this)?;
    let (blocking, timeout) = acquire_args(ts, blocking, timeout)?;
    let me = ts.ident();
    if r.owner.load(Ordering::Relaxed) == me {
        let c = r.count.load(Ordering::Relaxed);
        if c == usize::MAX {
            return Err(ts.overflow_error("Internal lock count overflowed"));
        }
        r.count.store(c + 1, Ordering::Relaxed);
        return Ok(Value::TRUE);
    }
    if !acquire_lock(ts, &r.lock, blocking, timeout)? {
        return Ok(Value::FALSE);
    }
    r.owner.store(me, Ordering::Relaxed);
    r.count.store(1, Ordering::Relaxed);
    Ok(Value::TRUE)
}

fn rlock_enter(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    rlock_acquire(ts, &args[..1], None)
}

fn rlock_release(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let r = rlock_of(ts, args[0])?;
    let me = ts.ident();
    let c = r.count.load(Ordering::Relaxed);
    if r.owner.load(Ordering::Relaxed) != me || c == 0 {
        return Err(ts.runtime_error("cannot release un-acquired lock"));
    }
    if c > 1 {
        r.count.store(c - 1, Ordering::Relaxed);
    } else {
        r.count.store(0, Ordering::Relaxed);
        r.owner.store(0, Ordering::Relaxed);
        r.lock.release();
    }
    Ok(Value::NONE)
}

fn rlock_release_noargs(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("RLock.release($self, /)");
    let [_] = SIG.bind(ts, args, kw)?;
    rlock_release(ts, args, kw)
}

fn rlock_is_owned(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("RLock._is_owned($self, /)");
    let [this] = SIG.bind(ts, args, kw)?;
    let r = rlock_of(ts, this)?;
    Ok(Value::from_bool(
        r.count.load(Ordering::Relaxed) > 0 && r.owner.load(Ordering::Relaxed) == ts.ident(),
    ))
}

fn rlock_recursion_count(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("RLock._recursion_count($self, /)");
    let [this] = SIG.bind(ts, args, kw)?;
    let r = rlock_of(ts, this)?;
    let n = if r.owner.load(Ordering::Relaxed) == ts.ident() {
        r.count.load(Ordering::Relaxed)
    } else {
        0
    };
    Ok(Value::small_int_unchecked(n as i64))
}

/// `_release_save()`: releases completely, returning `(count, owner)` for
/// `_acquire_restore` (Condition.wait uses the pair).
fn rlock_release_save(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("RLock._release_save($self, /)");
    let [this] = SIG.bind(ts, args, kw)?;
    let r = rlock_of(ts, this)?;
    let c = r.count.load(Ordering::Relaxed);
    if c == 0 {
        return Err(ts.runtime_error("cannot release un-acquired lock"));
    }
    let owner = r.owner.load(Ordering::Relaxed);
    r.count.store(0, Ordering::Relaxed);
    r.owner.store(0, Ordering::Relaxed);
    r.lock.release();
    let cv = ftpy_vm::objects::int::int_from_u64(ts, c as u64);
    let ov = ftpy_vm::objects::int::int_from_u64(ts, owner);
    Ok(TupleObj::new(ts, &[cv, ov]).value())
}

fn rlock_acquire_restore(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("RLock._acquire_restore($self, state, /)");
    let [this, state] = SIG.bind(ts, args, kw)?;
    let r = rlock_of(ts, this)?;
    let Some(t) = state.downcast::<TupleObj>().filter(|t| t.len() == 2) else {
        return Err(ts.type_error("_acquire_restore() argument 1 must be a 2-tuple"));
    };
    let (cv, ov) = (t.items()[0], t.items()[1]);
    let count = ops::index_to_i64(ts, cv)? as usize;
    let owner = ops::index_to_i64(ts, ov)? as u64;
    acquire_lock(ts, &r.lock, true, None)?;
    r.owner.store(owner, Ordering::Relaxed);
    r.count.store(count, Ordering::Relaxed);
    Ok(Value::NONE)
}

fn rlock_at_fork_reinit(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("RLock._at_fork_reinit($self, /)");
    let [this] = SIG.bind(ts, args, kw)?;
    let r = rlock_of(ts, this)?;
    r.lock.reinit();
    r.owner.store(0, Ordering::Relaxed);
    r.count.store(0, Ordering::Relaxed);
    Ok(Value::NONE)
}

fn rlock_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let r = rlock_of(ts, v)?;
    let locked = r.lock.is_locked();
    let s = format!(
        "<{} {} object owner={} count={} at {:#x}>",
        if locked { "locked" } else { "unlocked" },
        qualified_name(type_of(v)),
        r.owner.load(Ordering::Relaxed),
        r.count.load(Ordering::Relaxed),
        v.addr_unchecked()
    );
    Ok(StrObj::new(ts, &s))
}

// ---- thread-local data -------------------------------------------------------

/// A `threading.local`: the arguments it was created with, passed to
/// `__init__` again in each thread that first touches it.
struct Local {
    args: Value,
    kwargs: Value,
}

// SAFETY: traces both fields (set at creation, never changed).
unsafe impl NativeData for Local {
    fn trace(&self, m: &mut Marker) {
        m.value(self.args);
        m.value(self.kwargs);
    }
}

fn local_new(ts: &mut ThreadState, cls: Gc<TypeObj>, args: &[Value], kw: Kw) -> PyResult<Value> {
    let local_ty = LOCAL_TYPE.get().copied();
    if !args.is_empty() {
        let init = cls.lookup(names().__init__);
        let object_init = types().object.lookup(names().__init__);
        if Some(cls) == local_ty || init == object_init {
            return Err(ts.type_error("Initialization arguments are not supported"));
        }
    }
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    let npos = args.len() - nkw;
    let a = TupleObj::new(ts, &args[..npos]);
    let kd = if nkw > 0 {
        let d = DictObj::new(ts);
        if let Some(kn) = kw {
            for (i, &k) in kn.items().iter().enumerate() {
                d.set_item(ts, k, args[npos + i])?;
            }
        }
        d.value()
    } else {
        Value::NONE
    };
    let obj = NativeObj::new(
        ts,
        cls,
        Local {
            args: a.value(),
            kwargs: kd,
        },
    );
    // The creating thread's dict exists from the start; type.__call__
    // runs __init__ here as for any object.
    let d = DictObj::new(ts);
    ts.set_local_dict(obj.value(), d.value());
    Ok(obj.value())
}

static LOCAL_TYPE: std::sync::OnceLock<Gc<TypeObj>> = std::sync::OnceLock::new();

/// This thread's dict for `obj`, made (and `__init__` run with the saved
/// arguments) on first use in a thread.
fn local_dict(ts: &mut ThreadState, obj: Value) -> PyResult<Value> {
    if let Some(d) = ts.local_dict(obj) {
        return Ok(d);
    }
    let Some(data) = data_of::<Local>(obj) else {
        return Err(ts.type_error("expected a _thread._local object"));
    };
    let d = DictObj::new(ts);
    ts.set_local_dict(obj, d.value());
    let cls = type_of(obj);
    let init = cls.lookup(names().__init__);
    if init.is_some() && init != types().object.lookup(names().__init__) {
        let f = ops::getattr(ts, obj, names().__init__)?;
        let mut args = ftpy_vm::gc::RootedVec::new(ts);
        if let Some(t) = data.args.downcast::<TupleObj>() {
            args.extend_from_slice(t.items());
        }
        let r = if let Some(kd) = data.kwargs.downcast::<DictObj>() {
            call_with_dict(ts, f, &args, kd)
        } else {
            ops::call(ts, f, &args, None)
        };
        if let Err(e) = r {
            ts.set_local_dict(obj, Value::NONE);
            return Err(e);
        }
    }
    Ok(d.value())
}

/// `f(*args, **kwargs)` with the keywords from a dict.
fn call_with_dict(
    ts: &mut ThreadState,
    f: Value,
    args: &[Value],
    kd: Gc<DictObj>,
) -> PyResult<Value> {
    let items = kd.items_rooted(ts);
    let mut all = ftpy_vm::gc::RootedVec::new(ts);
    all.extend_from_slice(args);
    let mut names_v = ftpy_vm::gc::RootedVec::new(ts);
    for pair in items.chunks(2) {
        names_v.push(pair[0]);
        all.push(pair[1]);
    }
    let kn = TupleObj::new(ts, &names_v);
    ops::call(ts, f, &all, Some(kn))
}

fn local_getattr(ts: &mut ThreadState, obj: Value, name: Gc<StrObj>) -> PyResult<Option<Value>> {
    let d = local_dict(ts, obj)?;
    if name.as_str() == "__dict__" {
        return Ok(Some(d));
    }
    let ty = type_of(obj);
    let descr = ty.lookup(name);
    if let Some(ds) = descr {
        let dt = type_of(ds);
        if dt.slots.descr_set.get().is_some() {
            if let Some(get) = dt.slots.descr_get.get() {
                return get(ts, ds, obj, ty.value()).map(Some);
            }
        }
    }
    if let Some(dd) = d.downcast::<DictObj>() {
        if let Some(v) = dd.get_item_opt(ts, name.value())? {
            return Ok(Some(v));
        }
    }
    if let Some(ds) = descr {
        if let Some(get) = type_of(ds).slots.descr_get.get() {
            return get(ts, ds, obj, ty.value()).map(Some);
        }
        return Ok(Some(ds));
    }
    Ok(None)
}

fn local_setattr(
    ts: &mut ThreadState,
    obj: Value,
    name: Gc<StrObj>,
    v: Option<Value>,
) -> PyResult<()> {
    if name.as_str() == "__dict__" {
        return Err(ts.attribute_error_msg(format!(
            "'{}' object attribute '__dict__' is read-only",
            type_name(obj)
        )));
    }
    let d = local_dict(ts, obj)?;
    let ty = type_of(obj);
    if let Some(ds) = ty.lookup(name) {
        if let Some(set) = type_of(ds).slots.descr_set.get() {
            return set(ts, ds, obj, v);
        }
    }
    let Some(dd) = d.downcast::<DictObj>() else {
        return Err(ts.system_error("bad thread-local dict"));
    };
    match v {
        Some(x) => dd.set_item(ts, name.value(), x),
        None => {
            if !dd.del_item_opt(ts, name.value())? {
                return Err(ts.attribute_error(obj, name));
            }
            Ok(())
        }
    }
}

// ---- threads -----------------------------------------------------------------

/// Threads started by `start_new_thread` that are still running.
static THREAD_COUNT: AtomicUsize = AtomicUsize::new(0);
/// `stack_size()`: 0 means the default.
static STACK_SIZE: AtomicUsize = AtomicUsize::new(0);
/// Native stack of a new thread when `stack_size()` was not set. Python
/// calls do not use it (frames live on the frame stack); native recursion
/// (repr of nested containers, comparisons) does.
const DEFAULT_STACK: usize = 16 << 20;

fn start_new_thread(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("start_new_thread(function, args, kwargs=None, /)");
    let [func, fargs, fkw] = SIG.bind(ts, args, kw)?;
    if !ops::callable(func) {
        return Err(ts.type_error("first arg must be callable"));
    }
    if fargs.downcast::<TupleObj>().is_none() {
        return Err(ts.type_error("2nd arg must be a tuple"));
    }
    let fkw = fkw.non_null().unwrap_or(Value::NONE);
    if !fkw.is_none() && fkw.downcast::<DictObj>().is_none() {
        return Err(ts.type_error("optional 3rd arg must be a dictionary"));
    }
    let payload = TupleObj::new(ts, &[func, fargs, fkw]);
    let pv = payload.value();
    // Rooted until the new thread holds it (see the module doc).
    interp::add_temp_root(pv);
    let ident = ThreadState::alloc_ident();
    // A size the program chose is what it may use: the reserve kept for
    // raising RecursionError comes on top (else a 256 KiB stack, which
    // test_threading uses, would be all reserve).
    let size = match STACK_SIZE.load(Ordering::Relaxed) {
        0 => DEFAULT_STACK,
        n => n + ftpy_vm::thread::STACK_RESERVE,
    };
    THREAD_COUNT.fetch_add(1, Ordering::SeqCst);
    let bits = pv.bits();
    let spawned = std::thread::Builder::new()
        .stack_size(size)
        .spawn(move || thread_main(ident, bits));
    if spawned.is_err() {
        THREAD_COUNT.fetch_sub(1, Ordering::SeqCst);
        interp::remove_global_root(pv);
        return Err(ts.runtime_error("can't start new thread"));
    }
    Ok(ftpy_vm::objects::int::int_from_u64(ts, ident))
}

fn thread_main(ident: u64, payload_bits: u64) {
    let mut ts = ThreadState::attach_as(ident);
    // SAFETY: the payload was rooted by the parent until we unroot it
    // below, after it is held in this frame (scanned conservatively).
    let payload = unsafe { Value::from_bits(payload_bits) };
    interp::remove_global_root(payload);
    let ts = &mut ts;
    // SAFETY: the parent made a 3-tuple.
    let t: Gc<TupleObj> = unsafe { payload.downcast_unchecked() };
    let (func, fargs, fkw) = (t.items()[0], t.items()[1], t.items()[2]);
    let r = match (fargs.downcast::<TupleObj>(), fkw.downcast::<DictObj>()) {
        (Some(a), Some(kd)) => call_with_dict(ts, func, a.items(), kd),
        (Some(a), None) => ops::call(ts, func, a.items(), None),
        _ => Ok(Value::NONE),
    };
    if let Err(e) = r {
        if !e.matches(types().system_exit) {
            ftpy_vm::report_unraisable_msg(ts, e, "Exception ignored in thread started by", func);
        }
    }
    end_thread(ts);
    THREAD_COUNT.fetch_sub(1, Ordering::SeqCst);
    let _ = payload;
}

/// Releases this thread's sentinel locks (threading's join waits on them).
fn end_thread(ts: &mut ThreadState) {
    let vals = ts.take_thread_values();
    for v in vals {
        if let Some(l) = data_of::<Lock>(v) {
            l.release();
        }
    }
}

fn get_ident(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("get_ident()");
    let [] = SIG.bind(ts, args, kw)?;
    let id = ts.ident();
    Ok(ftpy_vm::objects::int::int_from_u64(ts, id))
}

fn get_native_id(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("get_native_id()");
    let [] = SIG.bind(ts, args, kw)?;
    // SAFETY: gettid has no preconditions.
    let tid = unsafe { libc::gettid() };
    Ok(Value::small_int_unchecked(tid as i64))
}

fn count(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_count()");
    let [] = SIG.bind(ts, args, kw)?;
    Ok(Value::small_int_unchecked(
        THREAD_COUNT.load(Ordering::SeqCst) as i64,
    ))
}

fn stack_size(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("stack_size(size=0, /)");
    let [size] = SIG.bind(ts, args, kw)?;
    let old = STACK_SIZE.load(Ordering::Relaxed);
    if let Some(s) = size.non_null() {
        let n = ops::index_to_i64(ts, s)?;
        if n != 0 && n < 32768 {
            return Err(ts.value_error(format!("size not valid: {n} bytes")));
        }
        if n < 0 {
            return Err(ts.value_error(format!("size not valid: {n} bytes")));
        }
        STACK_SIZE.store(n as usize, Ordering::Relaxed);
    }
    Ok(Value::small_int_unchecked(old as i64))
}

fn allocate_lock(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("allocate_lock()");
    let [] = SIG.bind(ts, args, kw)?;
    let cls = LOCK_TYPE
        .get()
        .copied()
        .ok_or_else(|| ts.system_error("_thread not initialized"))?;
    Ok(NativeObj::new(ts, cls, Lock::new()).value())
}

static LOCK_TYPE: std::sync::OnceLock<Gc<TypeObj>> = std::sync::OnceLock::new();

fn set_sentinel(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_set_sentinel()");
    let [] = SIG.bind(ts, args, kw)?;
    let cls = LOCK_TYPE
        .get()
        .copied()
        .ok_or_else(|| ts.system_error("_thread not initialized"))?;
    // Unlocked, as CPython's: `threading` acquires it for the thread.
    let obj = NativeObj::new(ts, cls, Lock::new());
    ts.push_thread_value(obj.value());
    Ok(obj.value())
}

fn exit_thread(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("exit()");
    let [] = SIG.bind(ts, args, kw)?;
    Err(ts.new_error_with(types().system_exit, &[]))
}

fn interrupt_main(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("interrupt_main(signum=2, /)");
    let [signum] = SIG.bind(ts, args, kw)?;
    let n = match signum.non_null() {
        Some(s) => ops::index_to_i64(ts, s)?,
        None => libc::SIGINT as i64,
    };
    if !(1..interp::NSIG as i64).contains(&n) {
        return Err(ts.value_error("signal number out of range"));
    }
    // As CPython: the signal is simulated (never sent to the process), so
    // one whose Python handler is SIG_IGN or SIG_DFL does nothing; on the
    // main thread the handler runs before interrupt_main returns.
    interp::simulate_signal(n as i32);
    interp::handle_pending_signals(ts)?;
    Ok(Value::NONE)
}

fn daemon_threads_allowed(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("daemon_threads_allowed()");
    let [] = SIG.bind(ts, args, kw)?;
    Ok(Value::TRUE)
}

/// `_excepthook(args)`: the default `threading.excepthook`, printing
/// "Exception in thread NAME:" and the traceback to stderr.
fn excepthook(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_excepthook(exc_type, /)");
    let [a] = SIG.bind(ts, args, kw)?;
    let get = |ts: &mut ThreadState, n: &str| ops::getattr_str(ts, a, n);
    let exc_type = get(ts, "exc_type")?;
    if exc_type == types().system_exit.value() {
        return Ok(Value::NONE);
    }
    let exc_value = get(ts, "exc_value")?;
    let thread = get(ts, "thread")?;
    let name = if thread.is_none() {
        let id = ts.ident();
        id.to_string()
    } else {
        match ops::getattr_str_opt(ts, thread, "name")? {
            Some(n) => ops::str_string(ts, n)?,
            None => ts.ident().to_string(),
        }
    };
    let sys = ftpy_vm::interp::interp().sys();
    let mut stderr = sys.dict().get_str_text("stderr").unwrap_or(Value::NONE);
    // With sys.stderr None, the stderr the thread started with (CPython's
    // `Thread._stderr`), if any.
    if stderr.is_none() && !thread.is_none() {
        stderr = ops::getattr_str_opt(ts, thread, "_stderr")?.unwrap_or(Value::NONE);
    }
    let text = if exc_value.is_none() {
        String::new()
    } else {
        ftpy_vm::objects::traceback::format_exception(ts, exc_value)
    };
    let out = format!("Exception in thread {name}:\n{text}");
    if stderr.is_none() {
        return Ok(Value::NONE);
    }
    let s = StrObj::new(ts, &out);
    let write = ftpy_vm::interp::intern(ts, "write");
    ops::call_method(ts, stderr, write, &[s])?;
    let flush = ftpy_vm::interp::intern(ts, "flush");
    let _ = ops::call_method(ts, stderr, flush, &[]);
    Ok(Value::NONE)
}

// ---- the module --------------------------------------------------------------

const LOCK_METHODS: &[MethodDef] = &[
    method("acquire", lock_acquire),
    method("acquire_lock", lock_acquire),
    method("release", lock_release_noargs),
    method("release_lock", lock_release_noargs),
    method("locked", lock_locked),
    method("locked_lock", lock_locked),
    method("__enter__", lock_enter),
    method("__exit__", lock_release),
    method("_at_fork_reinit", lock_at_fork_reinit),
];

const RLOCK_METHODS: &[MethodDef] = &[
    method("acquire", rlock_acquire),
    method("release", rlock_release_noargs),
    method("__enter__", rlock_enter),
    method("__exit__", rlock_release),
    method("_is_owned", rlock_is_owned),
    method("_recursion_count", rlock_recursion_count),
    method("_release_save", rlock_release_save),
    method("_acquire_restore", rlock_acquire_restore),
    method("_at_fork_reinit", rlock_at_fork_reinit),
];

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let lock_ty = match LOCK_TYPE.get() {
        Some(t) => *t,
        None => {
            let t = native::new_type::<Lock>(ts, "lock", "_thread", None, false);
            t.set_flag(ftpy_vm::objects::typeobj::tflags::WEAKREFABLE);
            t.slots.new.set(Some(lock_new));
            t.slots.repr.set(Some(lock_repr));
            add_methods(ts, t, LOCK_METHODS);
            native::finish_type(ts, t);
            interp::add_global_root(t.value());
            *LOCK_TYPE.get_or_init(|| t)
        }
    };
    let rlock_ty = native::new_type::<RLock>(ts, "RLock", "_thread", None, true);
    rlock_ty.set_flag(ftpy_vm::objects::typeobj::tflags::WEAKREFABLE);
    rlock_ty.slots.new.set(Some(rlock_new));
    rlock_ty.slots.repr.set(Some(rlock_repr));
    add_methods(ts, rlock_ty, RLOCK_METHODS);
    native::finish_type(ts, rlock_ty);
    let local_ty = match LOCAL_TYPE.get() {
        Some(t) => *t,
        None => {
            let t = native::new_type::<Local>(ts, "_local", "_thread", None, true);
            t.slots.new.set(Some(local_new));
            t.slots.getattro.set(Some(local_getattr));
            t.slots.setattro.set(Some(local_setattr));
            native::finish_type(ts, t);
            interp::add_global_root(t.value());
            *LOCAL_TYPE.get_or_init(|| t)
        }
    };
    m.set_attr(ts, "LockType", lock_ty.value());
    m.set_attr(ts, "lock", lock_ty.value());
    m.set_attr(ts, "RLock", rlock_ty.value());
    m.set_attr(ts, "_local", local_ty.value());
    m.set_attr(ts, "error", types().runtime_error.value());
    let tm = ftpy_vm::objects::float::new_float(ts, TIMEOUT_MAX);
    m.set_attr(ts, "TIMEOUT_MAX", tm);
    m.add_function(ts, "start_new_thread", start_new_thread);
    m.add_function(ts, "start_new", start_new_thread);
    m.add_function(ts, "allocate_lock", allocate_lock);
    m.add_function(ts, "allocate", allocate_lock);
    m.add_function(ts, "get_ident", get_ident);
    m.add_function(ts, "get_native_id", get_native_id);
    m.add_function(ts, "_count", count);
    m.add_function(ts, "stack_size", stack_size);
    m.add_function(ts, "_set_sentinel", set_sentinel);
    m.add_function(ts, "exit", exit_thread);
    m.add_function(ts, "exit_thread", exit_thread);
    m.add_function(ts, "interrupt_main", interrupt_main);
    m.add_function(ts, "daemon_threads_allowed", daemon_threads_allowed);
    let args_ty = ftpy_vm::objects::structseq::new_type(
        ts,
        "_thread",
        "_ExceptHookArgs",
        &[
            Some("exc_type"),
            Some("exc_value"),
            Some("exc_traceback"),
            Some("thread"),
        ],
        4,
        "ExceptHookArgs\n\nType used to pass arguments to threading.excepthook.",
    )?;
    m.set_attr(ts, "_ExceptHookArgs", args_ty.value());
    m.add_function(ts, "_excepthook", excepthook);
    Ok(())
}
