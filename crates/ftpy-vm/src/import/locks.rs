//! Import locks, as importlib's `_ModuleLock` and `_imp`'s global lock.
//!
//! Threads run in parallel, so two threads may import the same module at
//! once. A module being loaded has a per-module lock, owned by the loading
//! thread: another thread that wants the module waits for the lock (so it
//! never sees a half-run module), while the owner may take it again (a
//! circular import in one thread gets the partially initialized module,
//! as in CPython). If waiting would close a cycle of threads each waiting
//! for a lock another holds (a circular import across threads), the wait
//! is refused with a deadlock error, which `lock_unlock` ignores: that
//! thread goes on with the partially initialized module, as CPython's
//! `_lock_unlock_module` does.
//!
//! Waiting threads are detached from the collector (`allow_threads`).
//! The table's mutex is a Rust lock held only for table updates, never
//! across Python code.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, OnceLock};

use crate::error::PyResult;
use crate::thread::ThreadState;

struct Held {
    owner: u64,
    count: u32,
}

#[derive(Default)]
struct Table {
    /// Module name -> the thread holding its lock.
    locks: HashMap<String, Held>,
    /// Thread -> the module lock it waits for (deadlock detection).
    waiting: HashMap<u64, String>,
    /// The global import lock (`_imp.acquire_lock`): owner and depth.
    global: Option<Held>,
}

struct Locks {
    table: Mutex<Table>,
    changed: Condvar,
}

fn locks() -> &'static Locks {
    static L: OnceLock<Locks> = OnceLock::new();
    L.get_or_init(|| Locks {
        table: Mutex::new(Table::default()),
        changed: Condvar::new(),
    })
}

fn guard() -> MutexGuard<'static, Table> {
    // A panic while holding this lock cannot leave the table half-updated
    // in a way that matters more than losing the lock entirely would.
    locks().table.lock().unwrap_or_else(|e| e.into_inner())
}

/// Number of module locks held by any thread: while it is zero no module
/// is being loaded, and imports of loaded modules need no check.
static HELD: AtomicUsize = AtomicUsize::new(0);

/// Whether some thread is loading a module right now.
pub fn any_held() -> bool {
    HELD.load(Ordering::Acquire) != 0
}

/// Whether `me` waiting for `name` would close a cycle of waiting threads.
fn would_deadlock(t: &Table, me: u64, name: &str) -> bool {
    let mut seen = 0;
    let mut lock = name.to_string();
    loop {
        let Some(h) = t.locks.get(&lock) else {
            return false;
        };
        if h.owner == me {
            return true;
        }
        let Some(next) = t.waiting.get(&h.owner) else {
            return false;
        };
        lock = next.clone();
        seen += 1;
        if seen > t.waiting.len() {
            return false;
        }
    }
}

/// Takes the lock of module `name` (reentrant for its owner). Raises
/// RuntimeError when waiting would deadlock.
pub fn acquire(ts: &mut ThreadState, name: &str) -> PyResult<()> {
    let me = ts.ident();
    let mut t = guard();
    loop {
        match t.locks.get_mut(name) {
            None => {
                t.locks.insert(
                    name.to_string(),
                    Held {
                        owner: me,
                        count: 1,
                    },
                );
                HELD.fetch_add(1, Ordering::AcqRel);
                return Ok(());
            }
            Some(h) if h.owner == me => {
                h.count += 1;
                return Ok(());
            }
            Some(_) => {
                if would_deadlock(&t, me, name) {
                    drop(t);
                    return Err(ts.runtime_error(format!(
                        "deadlock detected by _ModuleLock({name:?}) at {:#x}",
                        fnv(name)
                    )));
                }
                t.waiting.insert(me, name.to_string());
                drop(t);
                ts.allow_threads(|| {
                    let t = guard();
                    let mut t = locks()
                        .changed
                        .wait_while(t, |t| t.locks.contains_key(name))
                        .unwrap_or_else(|e| e.into_inner());
                    // No longer waiting from the moment the lock is free:
                    // re-attaching may wait for a collection, and a stale
                    // entry meanwhile would make another thread's
                    // deadlock check see a cycle that does not exist.
                    t.waiting.remove(&me);
                });
                t = guard();
            }
        }
    }
}

/// Releases one level of the lock of module `name` held by this thread.
pub fn release(ts: &ThreadState, name: &str) {
    let me = ts.ident();
    let mut t = guard();
    let done = match t.locks.get_mut(name) {
        Some(h) if h.owner == me => {
            h.count -= 1;
            h.count == 0
        }
        _ => false,
    };
    if done {
        t.locks.remove(name);
        HELD.fetch_sub(1, Ordering::AcqRel);
        drop(t);
        locks().changed.notify_all();
    }
}

/// Waits until no other thread is loading module `name` (importlib's
/// `_lock_unlock_module`); a would-be deadlock is ignored.
pub fn lock_unlock(ts: &mut ThreadState, name: &str) -> PyResult<()> {
    match acquire(ts, name) {
        Ok(()) => {
            release(ts, name);
            Ok(())
        }
        Err(e) if e.matches(crate::interp::types().runtime_error) => Ok(()),
        Err(e) => Err(e),
    }
}

/// `_imp.acquire_lock()`: the global import lock, reentrant.
pub fn acquire_global(ts: &mut ThreadState) {
    let me = ts.ident();
    let mut t = guard();
    loop {
        match &mut t.global {
            None => {
                t.global = Some(Held {
                    owner: me,
                    count: 1,
                });
                return;
            }
            Some(h) if h.owner == me => {
                h.count += 1;
                return;
            }
            Some(_) => {
                drop(t);
                ts.allow_threads(|| {
                    let t = guard();
                    let t = locks()
                        .changed
                        .wait_while(t, |t| t.global.is_some())
                        .unwrap_or_else(|e| e.into_inner());
                    drop(t);
                });
                t = guard();
            }
        }
    }
}

/// `_imp.release_lock()`: false if this thread does not hold the lock.
pub fn release_global(ts: &ThreadState) -> bool {
    let me = ts.ident();
    let mut t = guard();
    match &mut t.global {
        Some(h) if h.owner == me => {
            h.count -= 1;
            if h.count == 0 {
                t.global = None;
                drop(t);
                locks().changed.notify_all();
            }
            true
        }
        _ => false,
    }
}

/// `_imp.lock_held()`: whether any thread holds the global lock.
pub fn global_held() -> bool {
    guard().global.is_some()
}

fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}
