//! [`Slot`]: a `Value` field of a heap object, and the write barrier.
//!
//! Every store of a `Value` into a heap object goes through [`Slot::set`]
//! (or its siblings `swap`, `compare_exchange`), which call
//! [`write_barrier`] first. The barrier is empty today: the collector is a
//! stop-the-world marker. It is the hook a generational or incremental
//! collector needs (DESIGN.md: pause times), so no code may write a
//! `Value` into heap memory any other way. The exceptions, documented where
//! they happen: `Slot::new` for an object that is still being initialized
//! (invariant 2 of `gc`), and interpreter frames, which are roots and are
//! rescanned at every collection. A generator's frame lives inside the
//! generator object but is such a root while it runs; when it stops
//! running, [`object_rewritten`] reports the generator as a whole.
//!
//! Loads are `Acquire` and stores `Release`: a thread that reads a pointer
//! to an object another thread just published sees that object's
//! initialized fields. On x86-64 both are plain moves.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::value::Value;

/// The write barrier: called before every store of `new` into `slot`.
/// Empty for the stop-the-world collector; see the module doc.
#[inline(always)]
pub fn write_barrier(_slot: &Slot, _new: Value) {}

/// Called after a heap object's `Value` fields were written other than
/// through [`Slot`] while the object was a root (a generator's frame while
/// it ran on a thread's frame chain). Empty for the stop-the-world
/// collector; a generational or incremental one records `obj` to rescan.
#[inline(always)]
pub fn object_rewritten(_obj: &crate::object::Header) {}

/// A `Value` field of a heap object.
#[repr(transparent)]
pub struct Slot(AtomicU64);

impl Slot {
    /// A slot for an object under construction (not yet visible to any
    /// other thread or to a collection).
    #[inline(always)]
    pub const fn new(v: Value) -> Slot {
        Slot(AtomicU64::new(v.bits()))
    }

    #[inline(always)]
    pub fn get(&self) -> Value {
        // SAFETY: the slot only ever holds words written from Values, and
        // the object it names is kept alive by this slot's owner being
        // traced (gc invariant 4).
        unsafe { Value::from_bits(self.0.load(Ordering::Acquire)) }
    }

    /// A relaxed load, for fields that are immutable after publication
    /// (reads that need no ordering with other memory).
    #[inline(always)]
    pub fn get_relaxed(&self) -> Value {
        // SAFETY: as for `get`.
        unsafe { Value::from_bits(self.0.load(Ordering::Relaxed)) }
    }

    #[inline(always)]
    pub fn set(&self, v: Value) {
        write_barrier(self, v);
        self.0.store(v.bits(), Ordering::Release);
    }

    /// A `SeqCst` store, for lock-free protocols that pair it with a
    /// `SeqCst` load of another word (the list's layout seqlock).
    #[inline(always)]
    pub fn set_seq_cst(&self, v: Value) {
        write_barrier(self, v);
        self.0.store(v.bits(), Ordering::SeqCst);
    }

    /// `compare_exchange` with `SeqCst` ordering (the list's lock-free
    /// item store).
    #[inline(always)]
    pub fn compare_exchange_seq_cst(&self, current: Value, new: Value) -> bool {
        write_barrier(self, new);
        self.0
            .compare_exchange(
                current.bits(),
                new.bits(),
                Ordering::SeqCst,
                Ordering::SeqCst,
            )
            .is_ok()
    }

    #[inline(always)]
    pub fn swap(&self, v: Value) -> Value {
        write_barrier(self, v);
        // SAFETY: as for `get`.
        unsafe { Value::from_bits(self.0.swap(v.bits(), Ordering::AcqRel)) }
    }

    /// Stores `new` if the slot holds `current`; returns whether it did.
    #[inline(always)]
    pub fn compare_exchange(&self, current: Value, new: Value) -> bool {
        write_barrier(self, new);
        self.0
            .compare_exchange(
                current.bits(),
                new.bits(),
                Ordering::AcqRel,
                Ordering::Acquire,
            )
            .is_ok()
    }

    /// Initializes a slot of an object that is still being built (the
    /// allocator returned it zeroed or NULL-filled and it is not yet
    /// published). Same as `set` today; kept apart so that a future
    /// barrier can skip young objects.
    #[inline(always)]
    pub fn init(&self, v: Value) {
        self.0.store(v.bits(), Ordering::Relaxed);
    }
}

impl std::fmt::Debug for Slot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Slot({:?})", self.get())
    }
}
