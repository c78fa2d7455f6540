//! Stop-the-world collection: the safepoint protocol, roots, marking.
//!
//! # Thread states
//! Each registered thread's [`ThreadShared::state`] is one of:
//! - `RUNNING`: attached, may touch the heap; must reach a safepoint soon.
//! - `PARKED`: stopped at a safepoint for a collection.
//! - `DETACHED`: blocked in a system call, a lock, a sleep...; touches no
//!   heap object until it re-attaches.
//!
//! # Protocol
//! A collector sets `GC_IN_PROGRESS` (one collector at a time), raises the
//! GC bit in every thread's eval breaker, and waits until no thread is
//! `RUNNING`. A thread that sees the bit at a safepoint spills its
//! registers, records its stack pointer, becomes `PARKED` and waits for
//! the flag to drop. A thread re-attaching stores `RUNNING` and then reads
//! `GC_IN_PROGRESS` (both `SeqCst`): either the collector sees it running
//! and waits for it, or it sees the collection and steps back.
//!
//! # Marking
//! Roots, then a mark stack drained to empty. Precise references (a
//! `Value` or a typed pointer in a traced field) are trusted to name an
//! object start. Words from native stacks are checked against the page
//! table and the slot's header and epoch (gc invariant 5) before they
//! mark anything.

use parking_lot::{Condvar, Mutex};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};

use super::alloc::{self, epoch, next_epoch, prev_epoch, EPOCH, GC_COUNT};
use super::heap::{header_at, heap};
use super::stack::with_registers_spilled;
use super::Slot;
use crate::object::{flags, trace_object, Header};
use crate::thread::{ThreadShared, ThreadState};
use crate::value::Value;

pub const RUNNING: u8 = 0;
pub const PARKED: u8 = 1;
pub const DETACHED: u8 = 2;

/// Eval-breaker bit: a collection wants this thread to park.
pub const BREAK_GC: u32 = 1;
/// Eval-breaker bit: GC stress mode; every safepoint considers collecting.
pub const BREAK_STRESS: u32 = 2;
/// Eval-breaker bit: a signal handler or async exception is pending
/// (main thread).
pub const BREAK_SIGNAL: u32 = 4;
/// Eval-breaker bit: a collection this thread ran found objects whose
/// `__del__` must run; the thread runs them at its next safepoint, at an
/// instruction boundary (gc invariant 8).
pub const BREAK_FINALIZE: u32 = 8;

/// Whether collected objects wait for their `__del__`.
pub fn has_pending_finalizers() -> bool {
    !PENDING_FINALIZERS.lock().is_empty() || crate::objects::weakref::has_pending_callbacks()
}

static GC_IN_PROGRESS: AtomicBool = AtomicBool::new(false);
static WORLD: Mutex<()> = Mutex::new(());
static WORLD_CV: Condvar = Condvar::new();

/// Every attached thread. Locked by the collector for a whole collection
/// and by threads attaching or exiting.
pub(crate) static THREADS: Mutex<Vec<&'static ThreadShared>> = Mutex::new(Vec::new());

/// Objects whose type has `__del__`, not yet finalized (weak: not roots).
static FINALIZABLE: Mutex<Vec<usize>> = Mutex::new(Vec::new());
/// Objects found unreachable with a pending `__del__` (roots until run).
static PENDING_FINALIZERS: Mutex<Vec<usize>> = Mutex::new(Vec::new());

/// Collections disabled (`gc.disable()` only stops automatic ones).
pub static AUTO_GC_ENABLED: AtomicBool = AtomicBool::new(true);
/// Interpreter bootstrap: no collection may run before the roots exist.
pub static GC_READY: AtomicBool = AtomicBool::new(false);

static STAT_COLLECTIONS: AtomicU64 = AtomicU64::new(0);
static STAT_LAST_LIVE: AtomicUsize = AtomicUsize::new(0);
static STAT_TOTAL_PAUSE_NS: AtomicU64 = AtomicU64::new(0);
static STAT_MAX_PAUSE_NS: AtomicU64 = AtomicU64::new(0);

/// Statistics for `gc.get_stats()` and the benchmarks.
#[derive(Debug, Clone, Copy)]
pub struct GcStats {
    pub collections: u64,
    pub last_live_bytes: usize,
    pub total_pause_ns: u64,
    pub max_pause_ns: u64,
    pub pages_in_use: usize,
}

pub fn gc_stats() -> GcStats {
    GcStats {
        collections: STAT_COLLECTIONS.load(Ordering::Relaxed),
        last_live_bytes: STAT_LAST_LIVE.load(Ordering::Relaxed),
        total_pause_ns: STAT_TOTAL_PAUSE_NS.load(Ordering::Relaxed),
        max_pause_ns: STAT_MAX_PAUSE_NS.load(Ordering::Relaxed),
        pages_in_use: heap().pages_in_use(),
    }
}

/// Registers a new object for finalization (its type defines `__del__`).
pub fn register_finalizer(obj: &Header) {
    obj.set_flag(flags::FINALIZABLE);
    FINALIZABLE.lock().push(obj as *const Header as usize);
}

/// Registers `obj` for finalization if its class defines `__del__` and it
/// is not registered yet: for instances of subclasses of built-in types,
/// whose built-in constructor does not know about `__del__` (called where
/// a class's `__new__` returns).
pub fn ensure_finalizer(obj: Value) {
    let Some(h) = obj.header() else { return };
    if h.flags() & (flags::FINALIZABLE | flags::FINALIZED) != 0 {
        return;
    }
    if h.ty().has_flag(crate::objects::typeobj::tflags::HAS_DEL) {
        register_finalizer(h);
    }
}

/// Takes the objects whose `__del__` should run now.
pub fn take_pending_finalizers(out: &mut RootedVec) {
    let mut p = PENDING_FINALIZERS.lock();
    for a in p.drain(..) {
        out.push(Value::from_addr(a));
    }
}

/// Takes every object still registered for finalization (interpreter
/// exit: CPython finalizes what module teardown frees).
pub fn take_all_finalizable(out: &mut RootedVec) {
    take_pending_finalizers(out);
    let mut f = FINALIZABLE.lock();
    for a in f.drain(..) {
        out.push(Value::from_addr(a));
    }
}

/// The mark stack and the epoch being marked.
pub struct Marker {
    stack: Vec<usize>,
    epoch: u8,
    prev: u8,
    /// The collection count of this collection (`PageHeader::marked_gc`).
    gc: u32,
    live_bytes: usize,
}

impl Marker {
    /// Marks the object a value names.
    #[inline(always)]
    pub fn value(&mut self, v: Value) {
        if let Some(a) = v.as_addr() {
            self.obj(a);
        }
    }

    #[inline(always)]
    pub fn slot(&mut self, s: &Slot) {
        self.value(s.get_relaxed());
    }

    pub fn slots(&mut self, s: &[Slot]) {
        for x in s {
            self.slot(x);
        }
    }

    pub fn values(&mut self, s: &[Value]) {
        for &x in s {
            self.value(x);
        }
    }

    /// Marks an object by address (precise: must be an object start).
    #[inline(always)]
    pub fn obj(&mut self, addr: usize) {
        // SAFETY: precise references name live object starts.
        let h = unsafe { &*(addr as *const Header) };
        if h.mark() != self.epoch {
            if cfg!(debug_assertions) {
                check_precise(addr);
            }
            h.set_mark(self.epoch);
            self.stack.push(addr);
        }
    }

    /// Whether the object at `addr` (an object start) is marked already.
    #[inline]
    pub fn is_marked(&self, addr: usize) -> bool {
        // SAFETY: callers pass object starts not yet swept (gc invariant 5).
        unsafe { &*(addr as *const Header) }.mark() == self.epoch
    }

    /// A word from a native stack: marks the object it may point into.
    #[inline]
    pub fn conservative(&mut self, word: usize) {
        let addr = match Value::word_as_tagged_addr(word as u64) {
            Some(a) => a,
            None => word,
        };
        if !heap().contains(addr) {
            return;
        }
        let Some(slot) = heap().find_slot(addr) else {
            return;
        };
        let Some(h) = header_at(slot) else { return };
        let m = h.mark();
        if m == self.epoch {
            return;
        }
        if m != self.prev {
            // Dead and not yet swept: never resurrect (its fields may
            // name freed memory).
            return;
        }
        h.set_mark(self.epoch);
        self.stack.push(slot);
    }

    /// Scans `[low, high)` word by word, conservatively.
    pub fn scan_range(&mut self, low: usize, high: usize) {
        let mut p = (low + 7) & !7;
        while p + 8 <= high {
            // SAFETY: [low, high) is a live thread stack (the thread is
            // parked or detached, or is the collector itself below its
            // current frame).
            let w = unsafe { std::ptr::read_volatile(p as *const usize) };
            self.conservative(w);
            p += 8;
        }
    }

    fn drain(&mut self) {
        while let Some(a) = self.stack.pop() {
            // SAFETY: only marked object starts are pushed.
            let h = unsafe { &*(a as *const Header) };
            if let Some(ph) = heap().page_of(a) {
                self.live_bytes += ph.obj_size as usize;
                // Stamp the page: sweeping resets pages no object on
                // was marked (see `alloc::sweep_small_page`).
                if ph.marked_gc.load(Ordering::Relaxed) != self.gc {
                    ph.marked_gc.store(self.gc, Ordering::Relaxed);
                }
            }
            let ty = h.type_word();
            self.obj(ty);
            // SAFETY: a live object; its kind byte names its layout.
            unsafe { trace_object(h.kind_byte(), a, self) };
            crate::objects::typeobj::trace_attrs_of(a, h, self);
        }
    }
}

#[cold]
fn check_precise(addr: usize) {
    match heap().find_slot(addr) {
        Some(s) if s == addr => {
            if header_at(s).is_none() {
                panic!("gc: precise reference {addr:#x} names a free slot");
            }
        }
        _ => panic!("gc: precise reference {addr:#x} is not an object start"),
    }
}

/// A `Vec<Value>` the collector treats as a root, for native code that
/// must keep values in heap memory across safepoints.
pub struct RootedVec {
    // Boxed on purpose: the collector holds a pointer to the Vec header,
    // which must not move when the RootedVec does.
    #[allow(clippy::box_collection)]
    inner: Box<Vec<Value>>,
    owner: &'static ThreadShared,
    /// Registered with its thread's roots and unregistered on drop there:
    /// it must not move to another thread (`!Send`).
    _not_send: std::marker::PhantomData<*const ()>,
}

impl RootedVec {
    pub fn new(ts: &ThreadState) -> RootedVec {
        let inner = Box::new(Vec::new());
        let owner = ts.shared();
        owner.register_rooted(&*inner as *const Vec<Value>);
        RootedVec {
            inner,
            owner,
            _not_send: std::marker::PhantomData,
        }
    }

    pub fn with_capacity(ts: &ThreadState, n: usize) -> RootedVec {
        let r = RootedVec::new(ts);
        // Growing the buffer is fine: the collector reads the Vec header
        // through the registered pointer, which does not move.
        let mut r = r;
        r.inner.reserve(n);
        r
    }
}

impl std::ops::Deref for RootedVec {
    type Target = Vec<Value>;
    fn deref(&self) -> &Vec<Value> {
        &self.inner
    }
}

impl std::ops::DerefMut for RootedVec {
    fn deref_mut(&mut self) -> &mut Vec<Value> {
        &mut self.inner
    }
}

impl Drop for RootedVec {
    fn drop(&mut self) {
        self.owner
            .unregister_rooted(&*self.inner as *const Vec<Value>);
    }
}

/// Why a collection runs (for stats and stress accounting).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    Threshold,
    Stress,
    Explicit,
}

/// Runs a full collection, stopping every other thread at a safepoint.
/// The caller must be at a safepoint itself (no container lock held).
/// Returns false if another thread collected instead (this one parked).
pub fn collect_garbage(ts: &mut ThreadState, reason: Reason) -> bool {
    if !GC_READY.load(Ordering::Acquire) {
        return false;
    }
    if GC_IN_PROGRESS
        .compare_exchange(false, true, Ordering::SeqCst, Ordering::SeqCst)
        .is_err()
    {
        // Someone else is collecting: park for it.
        park_for_gc(ts.shared());
        return false;
    }
    let me = ts.shared();
    let scan_from = ts.scan_from;
    with_registers_spilled(|low| {
        me.set_scan_low(low.max(scan_from));
        let threads = THREADS.lock();
        decide_spinning(&threads);
        for t in threads.iter() {
            if !std::ptr::eq(*t, me) {
                t.eval_breaker.fetch_or(BREAK_GC, Ordering::SeqCst);
            }
        }
        // Wait for every other thread to park or detach.
        wait_until_stopped(&threads, me);
        let start = std::time::Instant::now();
        stopped_world_collect(&threads, reason);
        let ns = start.elapsed().as_nanos() as u64;
        STAT_TOTAL_PAUSE_NS.fetch_add(ns, Ordering::Relaxed);
        STAT_MAX_PAUSE_NS.fetch_max(ns, Ordering::Relaxed);
        for t in threads.iter() {
            t.eval_breaker.fetch_and(!BREAK_GC, Ordering::SeqCst);
        }
        drop(threads);
        let _g = WORLD.lock();
        GC_IN_PROGRESS.store(false, Ordering::SeqCst);
        WORLD_CV.notify_all();
    });
    true
}

/// `gc.collect()`: a full collection that retains as little as possible,
/// then the finalizers and weak-reference callbacks it made due, run on
/// this thread before returning. Called from a native function the
/// interpreter called, so every frame of this thread saved its state.
///
/// What a plain collection would keep alive by accident is cleared first:
/// the values popped off this thread's value stacks
/// (`ThreadState::clear_dead_stack_slots`) and the stale words in the
/// stack memory the collection's own frames are about to occupy
/// (`stack::scrub_dead_stack`; this function's frame is kept small so
/// that it leaves little unscrubbed).
///
/// `from_python`: called by the call instruction of the innermost
/// interpreter loop (`ThreadState::called_from_python`). The native frames
/// from that loop's down to the collector's then hold no value that is
/// not also in a Python frame (the loop saved its state; the call's
/// arguments are on the value stack), so the conservative scan of this
/// thread starts above them, at `ThreadState::run_top`: what they hold is
/// left over from earlier work, like the callee-saved registers that the
/// collector's own frames save (a receiver of an earlier method call the
/// loop kept in a register would otherwise survive `del x; gc.collect()`).
#[inline(never)]
pub fn collect_explicit(ts: &mut ThreadState, from_python: bool) {
    ts.clear_dead_stack_slots();
    super::stack::scrub_dead_stack();
    if from_python {
        ts.scan_from = ts.run_top;
    }
    collect_and_finalize(ts);
}

#[inline(never)]
fn collect_and_finalize(ts: &mut ThreadState) {
    collect_garbage(ts, Reason::Explicit);
    ts.scan_from = 0;
    crate::run_finalizers(ts, false);
}

/// Runs `f` (a `fork()`) while every other attached thread is parked at a
/// safepoint, as for a collection, so the child inherits a heap with no
/// half-done allocation or container update. `f` must not allocate or run
/// Python code. If `is_child(&result)`, the calling thread is the only one
/// left (the child of a fork): the other threads are forgotten before the
/// world restarts (their allocation buffers go back to the pools; what only
/// they referenced becomes garbage). Detached threads may hold Rust-level
/// locks of their own at the fork (a stream's buffer lock): those stay
/// held in the child, as in CPython.
pub fn fork_with_world_stopped<R>(
    ts: &mut ThreadState,
    f: impl FnOnce() -> R,
    is_child: impl FnOnce(&R) -> bool,
) -> R {
    let me = ts.shared();
    stop_world(ts, |threads| {
        let r = f();
        if is_child(&r) {
            for t in threads.iter() {
                if !std::ptr::eq(*t, me) {
                    t.release_alloc_buffers();
                }
            }
            threads.retain(|t| std::ptr::eq(*t, me));
        }
        r
    })
}

/// Runs `f` with every other attached thread parked at a safepoint or
/// detached, as for a collection: their frame chains hold still, so `f`
/// may read them (`faulthandler.dump_traceback`). `f` gets every
/// registered thread, the caller's included; it must not allocate or run
/// Python code.
pub fn with_world_stopped<R>(
    ts: &mut ThreadState,
    f: impl FnOnce(&[&'static ThreadShared]) -> R,
) -> R {
    stop_world(ts, |threads| f(threads))
}

/// Becomes the collector, waits for every other thread to stop, runs `f`
/// on the registry (locked) and restarts the world.
fn stop_world<R>(ts: &mut ThreadState, f: impl FnOnce(&mut Vec<&'static ThreadShared>) -> R) -> R {
    // Become the (only) collector.
    while GC_IN_PROGRESS
        .compare_exchange(false, true, Ordering::SeqCst, Ordering::SeqCst)
        .is_err()
    {
        park_for_gc(ts.shared());
    }
    let me = ts.shared();
    with_registers_spilled(|low| {
        me.set_scan_low(low);
        let mut threads = THREADS.lock();
        decide_spinning(&threads);
        for t in threads.iter() {
            if !std::ptr::eq(*t, me) {
                t.eval_breaker.fetch_or(BREAK_GC, Ordering::SeqCst);
            }
        }
        wait_until_stopped(&threads, me);
        let r = f(&mut threads);
        for t in threads.iter() {
            t.eval_breaker.fetch_and(!BREAK_GC, Ordering::SeqCst);
        }
        drop(threads);
        let _g = WORLD.lock();
        GC_IN_PROGRESS.store(false, Ordering::SeqCst);
        WORLD_CV.notify_all();
        r
    })
}

/// How long a thread polls before it sleeps, when it waits for the world
/// to stop or for a collection to end. A collection of a small heap takes
/// well under a millisecond, about what a sleeping thread (a halted
/// virtual CPU) takes to wake up again: sleeping at once would double
/// every pause. Polling only happens while every attached thread can have
/// a core of its own, so a poller never takes the collector's.
const SPIN: std::time::Duration = std::time::Duration::from_micros(1500);

/// Whether the threads that wait for this collection (the collector for
/// the world to stop, the parked ones for the collection to end) may poll.
/// Decided by the collector from the thread list, before it asks anyone to
/// stop.
static SPIN_OK: AtomicBool = AtomicBool::new(false);

/// Sets `SPIN_OK`: polling is allowed when the threads that are not
/// detached (those that run Python code and will park; a thread blocked
/// in `join` or a lock wait is detached and stays asleep) are no more than
/// the cores, so every poller has a core and never takes the collector's.
fn decide_spinning(threads: &[&'static ThreadShared]) {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let cores = *CORES.get_or_init(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    let active = threads
        .iter()
        .filter(|t| t.state.load(Ordering::SeqCst) != DETACHED)
        .count();
    SPIN_OK.store(cores > 1 && active <= cores, Ordering::SeqCst);
}

/// Polls `done` for up to `SPIN`; true if it became true.
fn spin_until(done: impl Fn() -> bool) -> bool {
    let start = std::time::Instant::now();
    loop {
        for _ in 0..64 {
            if done() {
                return true;
            }
            std::hint::spin_loop();
        }
        if start.elapsed() >= SPIN {
            return done();
        }
    }
}

/// The collector: waits until every other thread is parked or detached.
fn wait_until_stopped(threads: &[&'static ThreadShared], me: &'static ThreadShared) {
    let all = || {
        threads
            .iter()
            .all(|t| std::ptr::eq(*t, me) || t.state.load(Ordering::SeqCst) != RUNNING)
    };
    if SPIN_OK.load(Ordering::SeqCst) && spin_until(all) {
        return;
    }
    let mut g = WORLD.lock();
    while !all() {
        WORLD_CV.wait_for(&mut g, std::time::Duration::from_micros(200));
    }
}

/// Returns once every other attached thread has been at a safepoint (or
/// detached) after the call began: the world is stopped and restarted,
/// with no collection. What a thread did before that point is visible to
/// the caller, and what the caller wrote before the call is visible to
/// every thread after it. The caller must be at a safepoint (no object
/// lock held).
pub fn sync_with_all_threads(ts: &mut ThreadState) {
    with_world_stopped(ts, |_| ());
}

/// Parks the calling thread until the collection in progress ends.
pub fn park_for_gc(me: &'static ThreadShared) {
    with_registers_spilled(|low| {
        me.set_scan_low(low);
        loop {
            {
                let _g = WORLD.lock();
                me.state.store(PARKED, Ordering::SeqCst);
                WORLD_CV.notify_all();
            }
            // SPIN_OK was set before this thread was asked to park.
            if !(SPIN_OK.load(Ordering::SeqCst)
                && spin_until(|| !GC_IN_PROGRESS.load(Ordering::SeqCst)))
            {
                let mut g = WORLD.lock();
                while GC_IN_PROGRESS.load(Ordering::SeqCst) {
                    WORLD_CV.wait(&mut g);
                }
            }
            // Running again, then a second look (both SeqCst, as in
            // `reattach`): a collector that started after the flag was
            // seen down either sees this thread running and waits for it,
            // or is seen here, and the thread parks for it. (Seeing the
            // flag down and running on would let a new collector count
            // this thread as parked while it runs.)
            me.state.store(RUNNING, Ordering::SeqCst);
            if !GC_IN_PROGRESS.load(Ordering::SeqCst) {
                break;
            }
        }
    });
}

/// Runs `f` detached: the thread may block in it without holding up
/// collections. `f` must not touch heap objects (it may use memory inside
/// an object the caller's frames keep alive, such as a lock's mutex).
pub fn detached<R>(me: &'static ThreadShared, f: impl FnOnce() -> R) -> R {
    with_registers_spilled(|low| {
        me.set_scan_low(low);
        me.state.store(DETACHED, Ordering::SeqCst);
        // A collector may be waiting for us: tell it. Without a collection
        // in progress there is nobody to tell, and the global `WORLD` lock
        // stays untouched (a blocking call is often a contended lock, taken
        // by several threads at once). No collector can be missed: one
        // that starts after the load below reads our state after this
        // thread stored DETACHED (both SeqCst), before it waits.
        if GC_IN_PROGRESS.load(Ordering::SeqCst) {
            let _g = WORLD.lock();
            WORLD_CV.notify_all();
        }
        let r = f();
        reattach(me);
        r
    })
}

/// Marks a detached thread as running again, waiting out a collection.
pub fn reattach(me: &'static ThreadShared) {
    loop {
        me.state.store(RUNNING, Ordering::SeqCst);
        if !GC_IN_PROGRESS.load(Ordering::SeqCst) {
            return;
        }
        let mut g = WORLD.lock();
        me.state.store(DETACHED, Ordering::SeqCst);
        WORLD_CV.notify_all();
        while GC_IN_PROGRESS.load(Ordering::SeqCst) {
            WORLD_CV.wait(&mut g);
        }
    }
}

/// Registers a new thread (state `RUNNING` once registered, after any
/// collection in progress has finished).
pub fn register_thread(me: &'static ThreadShared) {
    me.state.store(DETACHED, Ordering::SeqCst);
    {
        let mut threads = THREADS.lock();
        threads.push(me);
    }
    reattach(me);
}

/// Removes an exiting thread. Its allocation buffers must be released.
pub fn unregister_thread(me: &'static ThreadShared) {
    me.state.store(DETACHED, Ordering::SeqCst);
    let mut threads = THREADS.lock();
    threads.retain(|t| !std::ptr::eq(*t, me));
    drop(threads);
    let _g = WORLD.lock();
    WORLD_CV.notify_all();
}

fn stopped_world_collect(threads: &[&'static ThreadShared], _reason: Reason) {
    // 1. Take every page back from every thread.
    for t in threads {
        t.release_alloc_buffers();
    }
    // 2. Advance the epoch.
    let prev = epoch();
    let ep = next_epoch(prev);
    EPOCH.store(ep, Ordering::Relaxed);
    let gc = GC_COUNT.fetch_add(1, Ordering::Relaxed) + 1;
    let mut m = Marker {
        stack: Vec::with_capacity(4096),
        epoch: ep,
        prev,
        gc,
        live_bytes: 0,
    };
    // 3. Roots.
    crate::interp::trace_roots(&mut m);
    for t in threads {
        t.trace(&mut m);
    }
    for &a in PENDING_FINALIZERS.lock().iter() {
        m.obj(a);
    }
    crate::objects::weakref::trace_pending(&mut m);
    m.drain();
    // Thread-local dicts live as long as their `threading.local` object.
    loop {
        let mut more = false;
        for t in threads {
            more |= t.mark_live_locals(&mut m);
        }
        if !more {
            break;
        }
        m.drain();
    }
    // 4a. Weak references to unreachable objects are cleared, and their
    //     callbacks queued, before finalizers resurrect anything (as in
    //     CPython, where `__del__` never sees a live weakref to itself).
    crate::objects::weakref::clear_dead(ep);
    for t in threads {
        t.prune_locals(ep);
    }
    // 4b. Finalizers: unreachable objects with __del__ are resurrected (with
    //    everything they reach) and queued; they die at a later collection.
    {
        let mut fin = FINALIZABLE.lock();
        let mut found: Vec<usize> = Vec::new();
        fin.retain(|&a| {
            // SAFETY: registered objects stay allocated until finalized
            // (they are resurrected below before any sweep).
            let h = unsafe { &*(a as *const Header) };
            if h.mark() == ep {
                true
            } else {
                found.push(a);
                false
            }
        });
        drop(fin);
        let found = finalization_order(&mut m, found);
        let mut pending = PENDING_FINALIZERS.lock();
        for &a in found.iter() {
            m.obj(a);
        }
        pending.extend(found);
    }
    m.drain();
    // 5. Sweep large objects now; small pages lazily.
    let large_live = alloc::sweep_large(ep);
    alloc::refill_pools(ep, gc);
    let _ = prev_epoch(ep);
    let live = m.live_bytes.max(large_live);
    STAT_LAST_LIVE.store(live, Ordering::Relaxed);
    STAT_COLLECTIONS.fetch_add(1, Ordering::Relaxed);
    alloc::ALLOCATED.store(0, Ordering::Relaxed);
    // Each attached thread gets its own share of the minimum: N threads
    // that allocate collect as often as one would (a collection stops
    // them all), so allocation-heavy threads keep their speed-up.
    let share = alloc::MIN_THRESHOLD * threads.len().clamp(1, 8);
    alloc::THRESHOLD.store(live.max(share), Ordering::Relaxed);
    if std::env::var_os("FTPY_GC_VERIFY").is_some() {
        verify_heap(ep);
    }
}

/// Orders the objects a collection found unreachable with a `__del__`
/// (`found`, in registration order) as reference counting would finalize
/// them: an object no other one of them reaches (a parent) before those
/// it reaches (its children, in reverse registration order, which is the
/// order a list releases its items in). Marks everything the objects
/// reach but leaves those not reached by another one unmarked.
fn finalization_order(m: &mut Marker, found: Vec<usize>) -> Vec<usize> {
    if found.len() < 2 {
        return found;
    }
    // Trace each object's referents without marking the object itself:
    // afterwards, a marked one was reached from another (or from itself,
    // through a cycle: it then simply counts as a child).
    for &a in &found {
        // SAFETY: registered objects stay allocated until finalized.
        let h = unsafe { &*(a as *const Header) };
        if h.mark() != m.epoch {
            m.stack.push(a);
            m.drain();
        }
    }
    let reached = |a: usize| {
        // SAFETY: as above.
        unsafe { &*(a as *const Header) }.mark() == m.epoch
    };
    let mut order: Vec<usize> = found.iter().copied().filter(|&a| !reached(a)).collect();
    order.extend(found.iter().rev().copied().filter(|&a| reached(a)));
    order
}

/// Heap verifier (debugging): every reachable object's precise references
/// name allocated objects. Called with the world stopped after marking.
fn verify_heap(ep: u8) {
    struct Check;
    heap().for_each_page(|ph| {
        // SAFETY: the world is stopped; the header is valid.
        let ph = unsafe { &*ph };
        for i in 0..ph.used {
            let a = ph.slot_addr(i);
            if let Some(h) = header_at(a) {
                if h.mark() == ep {
                    let ty = h.type_word();
                    match heap().find_slot(ty) {
                        Some(s) if s == ty => {}
                        _ => panic!("gc verify: object {a:#x} has a bad type word {ty:#x}"),
                    }
                }
            }
        }
    });
    let _ = Check;
}

#[cfg(test)]
mod tests {
    /// `RootedVec` is `!Send`: a root registered on one thread's list must
    /// not be dropped (unregistered) or pushed to from another thread, whose
    /// collector handshake does not cover the owner's list. This resolves
    /// to one impl only when the type is not `Send` (two otherwise: a
    /// compile error).
    #[test]
    fn rooted_vec_is_not_send() {
        trait AmbiguousIfSend<A> {
            fn check() {}
        }
        impl<T: ?Sized> AmbiguousIfSend<()> for T {}
        struct IsSend;
        impl<T: ?Sized + Send> AmbiguousIfSend<IsSend> for T {}
        <super::RootedVec as AmbiguousIfSend<_>>::check();
    }
}
