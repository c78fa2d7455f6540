//! The garbage collector: a tracing, non-moving mark-sweep collector for a
//! heap shared by many threads.
//!
//! # Pieces
//! - [`heap`]: one reserved address range, cut into 64 KiB pages; size-class
//!   pages for small objects, page spans for large ones; the page table
//!   that maps any address to its object (for the conservative scan).
//! - [`alloc`]: per-thread allocation buffers (a free list and a bump range
//!   per size class: no lock, no atomic on the fast path), the shared pools
//!   of pages, lazy per-page sweeping.
//! - [`collect`]: stop-the-world, roots, marking, finalizer discovery.
//! - [`stack`]: native stack bounds and register spilling for the
//!   conservative scan.
//! - [`barrier`]: [`Slot`], the one family of functions through which every
//!   `Value` is stored into a heap object.
//!
//! # The invariants (everything else relies on these)
//! 1. **Objects never move.** An object's address is its identity (`id()`)
//!    for its whole life.
//! 2. **Every object is fully initialized before its thread reaches a
//!    safepoint.** The allocator writes the header and the caller writes
//!    every `Value` field (NULL or a live value) before the next allocation
//!    or call; the collector may then read any field of any object.
//! 3. **A collection only happens when every attached thread is parked at a
//!    safepoint or detached.** Safepoints: backward jumps, calls and
//!    returns in the interpreter, the allocation slow path, explicit
//!    `gc.collect()`. A detached thread touches no heap object.
//! 4. **Roots are complete.** A live object is reachable from: the shared
//!    interpreter state; a thread's frames (precise); a thread's native
//!    stack and callee-saved registers (conservative: any word that is a
//!    tagged pointer or a raw address inside an allocated object keeps
//!    that object); registered roots ([`collect::RootedVec`] and friends).
//!    Hence: **never keep a `Value` in Rust heap memory (a `Vec`, a `Box`,
//!    a `HashMap`) across a safepoint unless it is rooted.** Rust locals
//!    and arrays on the Rust stack are always safe.
//! 5. **Mark epochs.** Each header has a mark byte. A collection advances
//!    the global epoch and marks reachable objects with it; new objects are
//!    born with the current epoch. After marking, an object whose mark is
//!    not the current epoch is dead. Pages are swept lazily (by the thread
//!    that next allocates from them), so a dead object may sit unswept for
//!    a while; the conservative scan tells it apart by its stale epoch and
//!    never resurrects it (its fields may point to freed memory).
//! 6. **Free slots below `used` have a zero type word.** Sweeping zeroes
//!    the header of every dead object (after running its native drop, if
//!    its kind has one). A zero type word is never a live object. A page
//!    the marker found no live object on is instead *reset* (`used` = 0)
//!    without visiting its slots when nothing on it owns native memory
//!    (`PageHeader::has_drop`): slots at and after `used` are never read
//!    as objects, so the stale headers they keep are harmless.
//! 7. **Container locks are never held across a safepoint.** Code that
//!    holds an object's lock allocates only with `alloc_no_gc`-style calls
//!    that never park, so a collector never waits for a thread that waits
//!    for a lock held by a parked thread.
//! 8. **Finalizers run after the world restarts**, on the thread that
//!    collected, never inside the collector.

pub mod alloc;
pub mod barrier;
pub mod collect;
pub mod heap;
pub mod stack;

pub use barrier::Slot;
pub use collect::{collect_garbage, gc_stats, Marker, RootedVec};
