//! Per-thread state.
//!
//! Two parts, as Lua splits `lua_State` from `global_State` and CPython its
//! thread state from the interpreter state:
//! - [`ThreadState`]: owned by its OS thread (`!Send`), passed as
//!   `&mut ThreadState` (`ts`) to everything that runs Python: the frame
//!   stack, the recursion depth, the native stack limit.
//! - [`ThreadShared`]: the part the collector reads while the thread is
//!   parked or detached: its run state, eval breaker, native stack range,
//!   the top frame, allocation buffers and extra roots. Fields in `Cell`s
//!   are written only by the owner, or by the collector while the owner is
//!   stopped; the `SeqCst` state handshake orders those accesses.
//!
//! The shared interpreter state (types, builtins, `sys.modules`, interned
//! strings) is in `interp` and is never behind a lock as a whole.

use std::cell::{Cell, UnsafeCell};
use std::sync::atomic::{AtomicU32, AtomicU64, AtomicU8, Ordering};

use crate::gc::alloc::{
    alloc_large, class_for, epoch, note_owns_native, Refill, ThreadAlloc, ALLOCATED, THRESHOLD,
};
use crate::gc::collect::{self, Reason, BREAK_GC, BREAK_STRESS};
use crate::gc::stack;
use crate::gc::Marker;
use crate::interpreter::frame::{Frame, FrameStack};
use crate::object::{Gc, HeapObj};
use crate::value::Value;

static NEXT_IDENT: AtomicU64 = AtomicU64::new(1);

/// Native stack kept in reserve below the RecursionError limit, for
/// raising and reporting the error. A thread's stack must be bigger than
/// this: `_thread` adds it to the size a program asks for
/// (`threading.stack_size`).
pub const STACK_RESERVE: usize = 256 << 10;

/// The collector-visible part of a thread. See the module doc.
pub struct ThreadShared {
    /// `RUNNING`, `PARKED` or `DETACHED` (see `gc::collect`).
    pub state: AtomicU8,
    /// Non-zero when the thread must leave the fast path at its next
    /// safepoint (`BREAK_*` bits).
    pub eval_breaker: AtomicU32,
    /// The thread's ident (`threading.get_ident()`).
    pub ident: u64,
    /// Highest address of the native stack.
    stack_top: usize,
    /// Lowest stack address to scan, recorded when parking or detaching.
    scan_low: Cell<usize>,
    /// The innermost executing frame (or null).
    top_frame: Cell<*mut Frame>,
    /// The exception being handled (`sys.exc_info()`), or NULL.
    exc_info: Cell<Value>,
    /// `sys.set_asyncgen_hooks`: (firstiter, finalizer), NULL when unset.
    asyncgen_hooks: [Cell<Value>; 2],
    alloc: UnsafeCell<ThreadAlloc>,
    rooted: UnsafeCell<Vec<*const Vec<Value>>>,
    /// Values pinned by native code (`ThreadState::pin`), LIFO.
    pinned: UnsafeCell<Vec<Value>>,
    /// This thread's `threading.local` dicts: (the local object's address,
    /// its dict here). The address is weak (see `prune_locals`); the dict
    /// is kept alive by the local object (see `mark_live_locals`).
    locals: UnsafeCell<Vec<(usize, Value)>>,
    /// Values native modules attach to this thread (the `_thread` module's
    /// sentinel locks, released when the thread ends).
    thread_values: UnsafeCell<Vec<Value>>,
}

// SAFETY: see the module doc: Cell/UnsafeCell fields are touched only by
// the owner thread, or by the collector while the owner is parked or
// detached (ordered by the SeqCst state handshake).
unsafe impl Sync for ThreadShared {}
// SAFETY: as for Sync.
unsafe impl Send for ThreadShared {}

impl ThreadShared {
    pub(crate) fn set_scan_low(&self, low: usize) {
        self.scan_low.set(low);
    }

    pub(crate) fn register_rooted(&self, v: *const Vec<Value>) {
        // SAFETY: owner thread only (RootedVec is created on it).
        unsafe { (*self.rooted.get()).push(v) }
    }

    pub(crate) fn unregister_rooted(&self, v: *const Vec<Value>) {
        // SAFETY: owner thread only.
        let r = unsafe { &mut *self.rooted.get() };
        if let Some(i) = r.iter().rposition(|&p| p == v) {
            r.swap_remove(i);
        }
    }

    /// Collector only (world stopped): hands the allocation pages back.
    pub(crate) fn release_alloc_buffers(&self) {
        // SAFETY: the owner is parked or detached, or is the caller.
        unsafe { (*self.alloc.get()).release_all() }
    }

    /// Collector only (world stopped, marking done with epoch `ep`): drops
    /// the `threading.local` dicts of local objects that died, before
    /// their addresses can be reused. (Their dicts were not marked through
    /// them and die with them, unless something else holds one.)
    pub(crate) fn prune_locals(&self, ep: u8) {
        // SAFETY: the owner is stopped; nothing has been swept since
        // marking, so the recorded objects' headers are readable.
        unsafe {
            (*self.locals.get())
                .retain(|&(a, _)| (*(a as *const crate::object::Header)).mark() == ep);
        }
    }

    /// Collector only (world stopped, after the strong roots were marked
    /// and drained): marks the dicts of the `threading.local` objects that
    /// are alive. A dict is kept by its local object, not by the thread
    /// (an ephemeron), so that a cycle through a thread-local value
    /// (`local.x = x; x.local = local`) is collected. Returns whether it
    /// marked anything (the caller drains and asks again).
    pub(crate) fn mark_live_locals(&self, m: &mut Marker) -> bool {
        let mut any = false;
        // SAFETY: the owner is stopped; nothing has been swept since
        // marking began, so the recorded objects' headers are readable.
        unsafe {
            for &(a, d) in (*self.locals.get()).iter() {
                if m.is_marked(a) && d.as_addr().is_some_and(|da| !m.is_marked(da)) {
                    m.value(d);
                    any = true;
                }
            }
        }
        any
    }

    /// Collector only (world stopped): marks everything this thread holds
    /// (its `threading.local` dicts apart: see `mark_live_locals`).
    pub(crate) fn trace(&self, m: &mut Marker) {
        m.value(self.exc_info.get());
        m.value(self.asyncgen_hooks[0].get());
        m.value(self.asyncgen_hooks[1].get());
        // SAFETY: the owner is stopped; these vectors are not changing.
        unsafe {
            for &v in (*self.pinned.get()).iter() {
                m.value(v);
            }
            for &rv in (*self.rooted.get()).iter() {
                m.values(&*rv);
            }
            for &v in (*self.thread_values.get()).iter() {
                m.value(v);
            }
        }
        let mut f = self.top_frame.get();
        while !f.is_null() {
            // SAFETY: the frame chain is valid while the owner is stopped.
            let fr = unsafe { &*f };
            fr.trace(m);
            f = fr.prev;
        }
        let low = self.scan_low.get();
        if low != 0 && low < self.stack_top {
            m.scan_range(low, self.stack_top);
        }
    }
}

/// A thread attached to the interpreter. See the module doc.
pub struct ThreadState {
    shared: &'static ThreadShared,
    pub(crate) frames: FrameStack,
    /// Python frames plus native re-entries on this thread.
    pub depth: u32,
    /// Native stack addresses below this raise RecursionError.
    pub(crate) stack_limit: usize,
    stress_every: u32,
    /// External bytes not yet added to the shared allocation counter.
    external_bytes: usize,
    stress_count: u32,
    /// Objects whose repr is being computed (recursion guard, `[...]`).
    pub repr_guard: Vec<u64>,
    /// An address in the native frame of `run_frame`, just above the
    /// innermost interpreter loop's own frame (0: none). See
    /// `gc::collect::collect_explicit`.
    pub(crate) run_top: usize,
    /// The callable the innermost interpreter loop's call instruction is
    /// calling natively right now (NULL otherwise): lets a native function
    /// tell it was called straight from Python code.
    pub(crate) native_callee: Value,
    /// While `gc.collect()` collects: the lowest native stack address of
    /// this thread to scan (0: from the current stack pointer).
    pub(crate) scan_from: usize,
    _not_send: std::marker::PhantomData<*mut ()>,
}

thread_local! {
    /// The calling OS thread's `ThreadShared` while it is attached.
    static CURRENT_SHARED: Cell<*const ThreadShared> = const { Cell::new(std::ptr::null()) };
}

/// The calling OS thread's `ThreadShared`, null when the thread is not
/// attached. A plain thread-local read (no allocation, no lock): usable
/// from a signal handler (`faulthandler`).
pub fn current_shared() -> *const ThreadShared {
    CURRENT_SHARED.with(|c| c.get())
}

impl ThreadShared {
    /// The innermost frame (or null). Another thread may read it only
    /// while this one is stopped (`gc::collect::with_world_stopped`).
    pub fn top_frame_ptr(&self) -> *mut Frame {
        self.top_frame.get()
    }

    /// The exception being handled (or NULL). Another thread may read it
    /// only while this one is stopped, as `top_frame_ptr`.
    pub fn handled_exception(&self) -> Value {
        self.exc_info.get()
    }
}

impl ThreadState {
    /// A fresh thread ident, for a thread about to be started (so its
    /// creator can return the ident before the thread runs).
    pub fn alloc_ident() -> u64 {
        NEXT_IDENT.fetch_add(1, Ordering::Relaxed)
    }

    /// Attaches the calling OS thread to the heap. Detach by dropping.
    pub fn attach() -> ThreadState {
        Self::attach_as(Self::alloc_ident())
    }

    /// Attaches the calling OS thread with an ident from [`alloc_ident`].
    ///
    /// [`alloc_ident`]: ThreadState::alloc_ident
    pub fn attach_as(ident: u64) -> ThreadState {
        let top = stack::current_stack_top();
        let bottom = stack::current_stack_bottom();
        let shared: &'static ThreadShared = Box::leak(Box::new(ThreadShared {
            state: AtomicU8::new(collect::DETACHED),
            eval_breaker: AtomicU32::new(0),
            ident,
            stack_top: top,
            scan_low: Cell::new(0),
            top_frame: Cell::new(std::ptr::null_mut()),
            exc_info: Cell::new(Value::NULL),
            asyncgen_hooks: [Cell::new(Value::NULL), Cell::new(Value::NULL)],
            alloc: UnsafeCell::new(ThreadAlloc::default()),
            rooted: UnsafeCell::new(Vec::new()),
            pinned: UnsafeCell::new(Vec::new()),
            locals: UnsafeCell::new(Vec::new()),
            thread_values: UnsafeCell::new(Vec::new()),
        }));
        LIVE_THREAD_SHARED.fetch_add(1, Ordering::Relaxed);
        let stress_every = gc_stress_setting();
        if stress_every > 0 {
            // SAFETY: not yet registered; we are the only user.
            unsafe { (*shared.alloc.get()).stress = true };
            shared
                .eval_breaker
                .fetch_or(BREAK_STRESS, Ordering::Relaxed);
        }
        collect::register_thread(shared);
        CURRENT_SHARED.with(|c| c.set(shared));
        // Keep some native stack in reserve for error handling.
        let stack_limit = if bottom == 0 {
            0
        } else {
            bottom + STACK_RESERVE
        };
        ThreadState {
            shared,
            frames: FrameStack::new(),
            depth: 0,
            stack_limit,
            stress_every,
            external_bytes: 0,
            stress_count: 0,
            repr_guard: Vec::new(),
            run_top: 0,
            native_callee: Value::NULL,
            scan_from: 0,
            _not_send: std::marker::PhantomData,
        }
    }

    /// Whether the native function being run is `f`, called by the call
    /// instruction of the innermost interpreter loop (not from native code
    /// that Python code called).
    pub fn called_from_python(&self, f: crate::objects::NativeFn) -> bool {
        self.native_callee
            .downcast::<crate::objects::builtin::BuiltinObj>()
            .is_some_and(|b| b.is_native_fn(f))
    }

    #[inline(always)]
    pub fn shared(&self) -> &'static ThreadShared {
        self.shared
    }

    #[inline(always)]
    pub fn ident(&self) -> u64 {
        self.shared.ident
    }

    // ---- frames -------------------------------------------------------------

    #[inline(always)]
    pub fn top_frame(&self) -> *mut Frame {
        self.shared.top_frame.get()
    }

    #[inline(always)]
    pub(crate) fn set_top_frame(&self, f: *mut Frame) {
        self.shared.top_frame.set(f);
    }

    /// Clears the dead value-stack slots of this thread's frames, so that
    /// an explicit collection does not keep popped temporaries alive.
    /// Call only where every frame of the chain saved its state (`pc`,
    /// `sp`) before the call in progress: inside a native function the
    /// interpreter called (`gc.collect()`), never from an allocation.
    pub fn clear_dead_stack_slots(&self) {
        let mut f = self.top_frame();
        while !f.is_null() {
            // SAFETY: the frame chain is this thread's, valid while it runs.
            let fr = unsafe { &*f };
            fr.clear_above_sp();
            f = fr.prev;
        }
    }

    // ---- exception state ----------------------------------------------------

    /// The exception being handled, or NULL.
    #[inline(always)]
    /// This thread's async generator hooks (firstiter, finalizer); NULL
    /// when unset.
    pub fn asyncgen_hooks(&self) -> (Value, Value) {
        let h = &self.shared.asyncgen_hooks;
        (h[0].get(), h[1].get())
    }

    pub fn set_asyncgen_hooks(&self, firstiter: Value, finalizer: Value) {
        let h = &self.shared.asyncgen_hooks;
        h[0].set(firstiter);
        h[1].set(finalizer);
    }

    pub fn exc_info(&self) -> Value {
        self.shared.exc_info.get()
    }

    #[inline(always)]
    pub fn set_exc_info(&self, v: Value) {
        self.shared.exc_info.set(v);
    }

    // ---- per-thread storage for native modules ------------------------------

    /// This thread's dict for the `threading.local` object `local`, if it
    /// has one. Reads thread-confined memory only.
    pub fn local_dict(&self, local: Value) -> Option<Value> {
        let a = local.as_addr()?;
        // SAFETY: `locals` is touched by its owner (this thread) and by the
        // collector only while the owner is stopped.
        let l = unsafe { &*self.shared.locals.get() };
        l.iter().find(|&&(k, _)| k == a).map(|&(_, d)| d)
    }

    /// Records this thread's dict for the `threading.local` object `local`.
    pub fn set_local_dict(&mut self, local: Value, dict: Value) {
        let Some(a) = local.as_addr() else { return };
        // SAFETY: as in `local_dict`; no safepoint while the vector is
        // borrowed.
        let l = unsafe { &mut *self.shared.locals.get() };
        match l.iter_mut().find(|(k, _)| *k == a) {
            Some(e) => e.1 = dict,
            None => l.push((a, dict)),
        }
    }

    /// Attaches a value to this thread (kept alive while it runs).
    pub fn push_thread_value(&mut self, v: Value) {
        // SAFETY: owner thread only, no safepoint while borrowed.
        unsafe { (*self.shared.thread_values.get()).push(v) }
    }

    /// Takes the values attached with `push_thread_value` (thread exit).
    /// The caller must keep them reachable (e.g. on its stack) while it
    /// uses them.
    pub fn take_thread_values(&mut self) -> Vec<Value> {
        // SAFETY: owner thread only.
        unsafe { std::mem::take(&mut *self.shared.thread_values.get()) }
    }

    // ---- pinning ------------------------------------------------------------

    /// Keeps `v` alive until `unpin_to(mark)` with a mark taken before.
    /// For values native code keeps in heap memory (a `Vec`) across calls.
    #[inline]
    pub fn pin(&mut self, v: Value) {
        // SAFETY: owner thread.
        unsafe { (*self.shared.pinned.get()).push(v) }
    }

    #[inline]
    pub fn pin_mark(&self) -> usize {
        // SAFETY: owner thread.
        unsafe { (*self.shared.pinned.get()).len() }
    }

    #[inline]
    pub fn unpin_to(&mut self, mark: usize) {
        // SAFETY: owner thread.
        unsafe { (*self.shared.pinned.get()).truncate(mark) }
    }

    // ---- allocation ---------------------------------------------------------

    /// Allocates `size` bytes of object memory. Its content is garbage;
    /// the caller writes the whole object, header included, before its
    /// next safepoint. May collect. Never returns on memory exhaustion
    /// after trying a collection: raises (through `alloc_failed`).
    #[inline(always)]
    fn alloc_bytes(&mut self, size: usize) -> usize {
        if let Some(class) = class_for(size) {
            // SAFETY: owner thread; the collector only touches the buffers
            // while we are stopped.
            let a = unsafe { &mut *self.shared.alloc.get() };
            if let Some(p) = a.try_alloc(class) {
                return p;
            }
            self.alloc_slow(class, size)
        } else {
            self.alloc_large_slow(size)
        }
    }

    #[cold]
    #[inline(never)]
    fn alloc_slow(&mut self, class: usize, size: usize) -> usize {
        self.maybe_collect();
        // SAFETY: owner thread, see alloc_bytes.
        let a = unsafe { &mut *self.shared.alloc.get() };
        match a.refill(class) {
            Refill::Ok(p) => p,
            Refill::OutOfMemory => self.alloc_failed(size),
        }
    }

    #[cold]
    #[inline(never)]
    fn alloc_large_slow(&mut self, size: usize) -> usize {
        self.maybe_collect_for(size);
        match alloc_large(size) {
            Some(p) => p,
            None => {
                collect::collect_garbage(self, Reason::Threshold);
                match alloc_large(size) {
                    Some(p) => p,
                    None => self.alloc_failed(size),
                }
            }
        }
    }

    #[cold]
    fn alloc_failed(&mut self, size: usize) -> ! {
        crate::interp::fatal_out_of_memory(size)
    }

    /// Counts memory a heap object owns outside the heap (a big int's
    /// digits, a bytes buffer ...) towards the next collection, so that
    /// programs whose memory is mostly such buffers still collect. Batched
    /// per thread; may collect (call it where allocation could).
    #[inline]
    pub fn note_external_alloc(&mut self, bytes: usize) {
        self.external_bytes += bytes;
        if self.external_bytes >= EXTERNAL_BATCH {
            ALLOCATED.fetch_add(std::mem::take(&mut self.external_bytes), Ordering::Relaxed);
            self.maybe_collect();
        }
    }

    /// A safepoint outside allocation: runs a collection if one is due
    /// (and parks for another thread's). The caller holds no object lock
    /// and keeps its values where the collector finds them.
    #[inline]
    pub fn collect_if_due(&mut self) {
        self.maybe_collect();
    }

    /// Allocation slow path and other safepoints: collect if due.
    #[inline]
    fn maybe_collect(&mut self) {
        self.maybe_collect_for(0)
    }

    /// Collects if due, counting `extra` bytes about to be allocated: a
    /// large allocation that crosses the threshold collects before it
    /// (on the thread that allocates, where the program asked for the
    /// memory), not at whatever slow path comes next, perhaps on another
    /// thread that just started.
    #[inline]
    fn maybe_collect_for(&mut self, extra: usize) {
        if self.stress_every > 0 {
            self.stress_count += 1;
            if self.stress_count >= self.stress_every {
                self.stress_count = 0;
                collect::collect_garbage(self, Reason::Stress);
                self.note_finalizers();
                return;
            }
        }
        if collect::AUTO_GC_ENABLED.load(Ordering::Relaxed)
            && ALLOCATED.load(Ordering::Relaxed) + extra > THRESHOLD.load(Ordering::Relaxed)
        {
            collect::collect_garbage(self, Reason::Threshold);
            self.note_finalizers();
        } else if self.shared.eval_breaker.load(Ordering::Relaxed) & BREAK_GC != 0 {
            collect::park_for_gc(self.shared);
        }
    }

    /// After a collection: have the next safepoint run pending `__del__`s.
    fn note_finalizers(&mut self) {
        if collect::has_pending_finalizers() {
            self.shared
                .eval_breaker
                .fetch_or(collect::BREAK_FINALIZE, Ordering::SeqCst);
        }
    }

    /// Allocates a fixed-size object. The object's mark is set to the
    /// epoch current after any collection the allocation ran.
    #[inline(always)]
    pub fn alloc<T: HeapObj>(&mut self, obj: T) -> Gc<T> {
        let drops = T::NEEDS_DROP && obj.owns_native();
        let p = self.alloc_bytes(std::mem::size_of::<T>()) as *mut T;
        if drops {
            note_owns_native(p as usize, std::mem::size_of::<T>());
        }
        // SAFETY: fresh memory of the right size, exclusively ours.
        unsafe {
            p.write(obj);
            let g: Gc<T> = Gc::from_addr(p as usize);
            g.header().set_mark(epoch());
            g
        }
    }

    /// Allocates a variable-size object of `size` bytes; `init` must write
    /// the header and every field (and every trailing slot).
    #[inline(always)]
    pub fn alloc_var<T: HeapObj>(&mut self, size: usize, init: impl FnOnce(*mut T)) -> Gc<T> {
        debug_assert!(size >= std::mem::size_of::<T>());
        let p = self.alloc_bytes(size) as *mut T;
        if T::NEEDS_DROP {
            note_owns_native(p as usize, size);
        }
        init(p);
        // SAFETY: init wrote the object.
        unsafe {
            let g: Gc<T> = Gc::from_addr(p as usize);
            g.header().set_mark(epoch());
            g
        }
    }

    /// Allocation that never collects or parks, for code holding a
    /// container lock (gc invariant 7).
    fn alloc_bytes_nogc(&mut self, size: usize) -> usize {
        if let Some(class) = class_for(size) {
            // SAFETY: owner thread, see alloc_bytes.
            let a = unsafe { &mut *self.shared.alloc.get() };
            if let Some(p) = a.try_alloc(class) {
                return p;
            }
            match a.refill(class) {
                Refill::Ok(p) => p,
                Refill::OutOfMemory => self.alloc_failed(size),
            }
        } else {
            match alloc_large(size) {
                Some(p) => p,
                None => self.alloc_failed(size),
            }
        }
    }

    /// `alloc_var` that never collects or parks (see `alloc_bytes_nogc`).
    pub fn alloc_var_nogc<T: HeapObj>(&mut self, size: usize, init: impl FnOnce(*mut T)) -> Gc<T> {
        let p = self.alloc_bytes_nogc(size) as *mut T;
        if T::NEEDS_DROP {
            note_owns_native(p as usize, size);
        }
        init(p);
        // SAFETY: init wrote the object.
        unsafe {
            let g: Gc<T> = Gc::from_addr(p as usize);
            g.header().set_mark(epoch());
            g
        }
    }

    /// Raises MemoryError for an allocation no machine could satisfy
    /// (callers check sizes computed from program input before
    /// allocating).
    pub fn check_alloc_size(&mut self, bytes: usize) -> crate::PyResult<()> {
        if bytes > max_alloc_bytes() {
            return Err(self.memory_error(""));
        }
        Ok(())
    }

    // ---- safepoints -----------------------------------------------------------

    /// Whether the fast path must stop at this safepoint.
    #[inline(always)]
    pub fn breaker_set(&self) -> bool {
        self.shared.eval_breaker.load(Ordering::Relaxed) != 0
    }

    /// A safepoint: park for a collection, run a stress collection, or
    /// handle a pending signal. Returns an exception raised by a signal
    /// handler.
    #[cold]
    pub fn safepoint_slow(&mut self) -> crate::PyResult<()> {
        let b = self.safepoint_no_signals();
        if b & collect::BREAK_SIGNAL != 0 {
            return crate::interp::handle_pending_signals(self);
        }
        Ok(())
    }

    /// Whether a signal waits for this (the main) thread's next check.
    #[inline(always)]
    pub fn signal_break_set(&self) -> bool {
        self.shared.eval_breaker.load(Ordering::Relaxed) & collect::BREAK_SIGNAL != 0
    }

    /// The safepoint before a call: `safepoint_slow` without the signal
    /// handlers, which run at backward jumps and once a native call has
    /// returned (the interpreter checks `signal_break_set` then), as
    /// CPython checks after a builtin returns. Run on the way into a call,
    /// a handler's exception (`KeyboardInterrupt` from
    /// `_thread.interrupt_main`) could land between `Condition.wait`
    /// waking up and its `_acquire_restore` taking the lock back, leaving
    /// the lock released under the `with` that holds it; after the native
    /// `acquire` returns, the lock is held and the `with` releases it.
    /// (CPython also checks on entering a Python function, where its GIL
    /// timing makes the same race unlikely.) Returns the breaker bits it
    /// saw.
    #[cold]
    pub fn safepoint_no_signals(&mut self) -> u32 {
        let b = self.shared.eval_breaker.load(Ordering::Relaxed);
        if b & BREAK_STRESS != 0 {
            self.maybe_collect();
        } else if b & BREAK_GC != 0 {
            collect::park_for_gc(self.shared);
        }
        if b & collect::BREAK_FINALIZE != 0 {
            self.shared
                .eval_breaker
                .fetch_and(!collect::BREAK_FINALIZE, Ordering::SeqCst);
            crate::run_finalizers(self, false);
        }
        b
    }

    /// Parks for another thread's collection if one is waiting for this
    /// thread. For native code that enters Python in a loop (a call from
    /// native code is a safepoint): without it, a Rust loop calling a
    /// Python function with no backward jump would never reach one, and
    /// hold every other thread up for as long as it runs.
    #[inline]
    pub fn poll_collection(&mut self) {
        if self.shared.eval_breaker.load(Ordering::Relaxed) & BREAK_GC != 0 {
            collect::park_for_gc(self.shared);
        }
    }

    /// Runs `f` detached from the heap (blocking work). See
    /// `gc::collect::detached`.
    pub fn allow_threads<R>(&mut self, f: impl FnOnce() -> R) -> R {
        collect::detached(self.shared, f)
    }

    /// Counts a level of native recursion (repr, str, comparison of
    /// nested containers ...) against the recursion limit, which Python
    /// frames share, as CPython's Py_EnterRecursiveCall. Pair with
    /// [`leave_recursive_call`](Self::leave_recursive_call).
    #[inline]
    pub fn enter_recursive_call(&mut self, what: &str) -> crate::PyResult<()> {
        let limit = crate::interp::recursion_limit();
        if self.depth >= limit || self.native_stack_exhausted() {
            return Err(self.recursion_exceeded(what));
        }
        self.depth += 1;
        Ok(())
    }

    #[inline]
    pub fn leave_recursive_call(&mut self) {
        self.depth -= 1;
    }

    /// Whether the native stack is close to its end (RecursionError).
    #[inline(always)]
    pub fn native_stack_exhausted(&self) -> bool {
        stack::approx_sp() < self.stack_limit
    }
}

impl Drop for ThreadState {
    fn drop(&mut self) {
        CURRENT_SHARED.with(|c| c.set(std::ptr::null()));
        self.shared.release_alloc_buffers();
        collect::unregister_thread(self.shared);
        let p = self.shared as *const ThreadShared;
        if crate::interp::is_main_breaker(&self.shared.eval_breaker) {
            // The SIGINT handler may still write to the main thread's eval
            // breaker at any moment: that ThreadShared lives on (one per
            // process).
            return;
        }
        LIVE_THREAD_SHARED.fetch_sub(1, Ordering::Relaxed);
        // SAFETY: `p` came from Box::leak in `attach_as`. Nothing refers to
        // it any more: the collector's registry dropped it above (and a
        // collector holds the registry's lock while it uses an entry); the
        // thread's `RootedVec`s (which are `!Send`) and frames are gone
        // with the thread's use of this ThreadState, which is ending.
        unsafe { drop(Box::from_raw(p as *mut ThreadShared)) };
    }
}

/// How many `ThreadShared`s are allocated (attached threads, plus the main
/// thread's if it detached): a thread's is freed when it detaches.
static LIVE_THREAD_SHARED: AtomicU64 = AtomicU64::new(0);

/// The number of `ThreadShared`s alive (for tests: threads that ended must
/// not leak theirs).
pub fn live_thread_shared() -> u64 {
    LIVE_THREAD_SHARED.load(Ordering::Relaxed)
}

/// External allocation is added to the shared counter in batches of this
/// many bytes.
const EXTERNAL_BATCH: usize = 256 << 10;

fn gc_stress_setting() -> u32 {
    match std::env::var("FTPY_GC_STRESS") {
        Ok(s) => match s.trim().parse::<u32>() {
            Ok(n) => n,
            Err(_) if s.trim().is_empty() => 0,
            Err(_) => 1,
        },
        Err(_) => 0,
    }
}

/// The largest single allocation we attempt: the machine's physical
/// memory (a larger one could only end in the OOM killer), or the
/// process's address-space limit (`ulimit -v`) if lower, so that such a
/// request is a MemoryError rather than a failed mapping.
fn max_alloc_bytes() -> usize {
    static MAX: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *MAX.get_or_init(|| {
        // SAFETY: sysconf has no memory-safety preconditions.
        let (pages, size) = unsafe {
            (
                libc::sysconf(libc::_SC_PHYS_PAGES),
                libc::sysconf(libc::_SC_PAGESIZE),
            )
        };
        let phys = if pages > 0 && size > 0 {
            (pages as usize).saturating_mul(size as usize)
        } else {
            usize::MAX / 4
        };
        let mut lim = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: getrlimit writes the struct we pass and nothing else.
        let ok = unsafe { libc::getrlimit(libc::RLIMIT_AS, &mut lim) } == 0;
        if ok && lim.rlim_cur != libc::RLIM_INFINITY {
            phys.min(lim.rlim_cur as usize)
        } else {
            phys
        }
    })
}
