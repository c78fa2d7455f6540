//! [`IoLock`]: the lock around one I/O object's state (a buffer, the
//! decoded text of a `TextIOWrapper`, the content of a `StringIO`).
//!
//! An `IoLock<S>` owns the state `S` and hands out `&mut S` through a
//! guard, like a mutex. What it adds, and why a plain mutex will not do:
//! - **Waiting never holds up a collection.** A thread that finds the lock
//!   taken waits *detached* (`ThreadState::allow_threads`), so the holder
//!   may allocate, collect, or block in a system call meanwhile.
//! - **Same-thread re-entry is an error, not a deadlock.** The lock
//!   records its owner's thread ident. A second acquisition by the owner
//!   (a raw stream written in Python that calls back into the buffered
//!   object wrapping it; a `__del__` run at a safepoint inside such code
//!   that prints to the same stream) fails, and the caller raises
//!   CPython's `RuntimeError: reentrant call inside <...>`.
//!
//! The state holds no `Value` (values live in `Slot`s of the payload,
//! outside the lock), so the collector, which runs while the owner is
//! parked, never reads it.
//!
//! The guard may be held across a call into a stream object written in
//! Python (a `TextIOWrapper` over a buffer class of the program's own):
//! that is CPython's behaviour for its buffered objects, and the two
//! properties above keep it from blocking the collector or deadlocking a
//! thread on itself. Native paths (the common case: text over
//! `BufferedWriter` over `FileIO`) run no Python code under the guard.

use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

use parking_lot::{Condvar, Mutex};

use ftpy_vm::ThreadState;

/// The owner word of a lock taken by [`IoLock::try_lock_raw`] (a thread
/// flushing at a fatal error, with no `ThreadState` at hand).
const RAW_OWNER: u64 = u64::MAX >> 1;

/// The bit of the owner word saying that threads wait: the owner's unlock
/// must wake one.
const WAITERS: u64 = 1 << 63;

pub struct IoLock<S> {
    /// The owning thread's ident (| `WAITERS`), 0 when free.
    owner: AtomicU64,
    /// The number of waiting threads; changed only under `wait`.
    waiting: AtomicU32,
    wait: Mutex<()>,
    cv: Condvar,
    state: UnsafeCell<S>,
}

// SAFETY: the state is only reached through a guard, and at most one guard
// exists at a time (the owner word is taken by compare-and-swap).
unsafe impl<S: Send> Sync for IoLock<S> {}
// SAFETY: as for Sync.
unsafe impl<S: Send> Send for IoLock<S> {}

/// The lock was already held by the calling thread.
pub struct Reentrant;

impl<S> IoLock<S> {
    pub fn new(state: S) -> IoLock<S> {
        IoLock {
            owner: AtomicU64::new(0),
            waiting: AtomicU32::new(0),
            wait: Mutex::new(()),
            cv: Condvar::new(),
            state: UnsafeCell::new(state),
        }
    }

    /// Takes the lock, waiting detached if another thread holds it.
    #[inline]
    pub fn lock(&self, ts: &mut ThreadState) -> Result<IoGuard<'_, S>, Reentrant> {
        let me = ts.ident();
        if self
            .owner
            .compare_exchange(0, me, Ordering::Acquire, Ordering::Relaxed)
            .is_ok()
        {
            return Ok(IoGuard { lock: self });
        }
        self.lock_slow(ts, me)
    }

    /// The contended case: record a waiter (the `WAITERS` bit makes the
    /// owner's unlock wake us), sleep, retry. Detached throughout.
    #[cold]
    fn lock_slow(&self, ts: &mut ThreadState, me: u64) -> Result<IoGuard<'_, S>, Reentrant> {
        if self.owner.load(Ordering::Relaxed) & !WAITERS == me {
            return Err(Reentrant);
        }
        ts.allow_threads(|| {
            let mut g = self.wait.lock();
            self.waiting.fetch_add(1, Ordering::Relaxed);
            loop {
                let cur = self.owner.load(Ordering::Relaxed);
                if cur == 0 {
                    // Others may still wait: keep the bit for them.
                    let others = self.waiting.load(Ordering::Relaxed) > 1;
                    let mine = if others { me | WAITERS } else { me };
                    if self
                        .owner
                        .compare_exchange(0, mine, Ordering::Acquire, Ordering::Relaxed)
                        .is_ok()
                    {
                        break;
                    }
                    continue;
                }
                if cur & WAITERS == 0
                    && self
                        .owner
                        .compare_exchange(cur, cur | WAITERS, Ordering::Relaxed, Ordering::Relaxed)
                        .is_err()
                {
                    continue;
                }
                self.cv.wait(&mut g);
            }
            self.waiting.fetch_sub(1, Ordering::Relaxed);
        });
        Ok(IoGuard { lock: self })
    }

    /// Takes the lock only if it is free (fatal-error flushing: no
    /// waiting, no thread state).
    pub fn try_lock_raw(&self) -> Option<IoGuard<'_, S>> {
        self.owner
            .compare_exchange(0, RAW_OWNER, Ordering::Acquire, Ordering::Relaxed)
            .ok()
            .map(|_| IoGuard { lock: self })
    }

    #[inline]
    fn unlock(&self) {
        if self.owner.swap(0, Ordering::Release) & WAITERS != 0 {
            self.wake();
        }
    }

    #[cold]
    fn wake(&self) {
        // Taking `wait` orders this after a waiter's check-then-sleep.
        let _g = self.wait.lock();
        self.cv.notify_one();
    }
}

/// Exclusive access to an [`IoLock`]'s state.
pub struct IoGuard<'a, S> {
    lock: &'a IoLock<S>,
}

impl<S> std::ops::Deref for IoGuard<'_, S> {
    type Target = S;
    #[inline]
    fn deref(&self) -> &S {
        // SAFETY: this guard is the only access path while it lives.
        unsafe { &*self.lock.state.get() }
    }
}

impl<S> std::ops::DerefMut for IoGuard<'_, S> {
    #[inline]
    fn deref_mut(&mut self) -> &mut S {
        // SAFETY: as for Deref.
        unsafe { &mut *self.lock.state.get() }
    }
}

impl<S> Drop for IoGuard<'_, S> {
    #[inline]
    fn drop(&mut self) {
        self.lock.unlock();
    }
}
