//! Allocation: per-thread buffers, shared page pools, lazy sweeping.
//!
//! Each attached thread owns, per size class, at most one page it
//! allocates from: first from the page's free list (dead slots found by the
//! last sweep), then by bumping through the page's never-used tail. Neither
//! takes a lock or an atomic. When both run out, the slow path (a
//! safepoint) hands the page back and takes another from the class's pool,
//! sweeping it first if it has not been swept since the last collection.
//!
//! ```text
//!   thread A buffers        pool (class 3)         heap
//!   class 3: page P  <--    [Q unswept, R swept]   fresh pages
//!   class 7: page S
//! ```
//!
//! A collection first takes every page back from every thread (writing the
//! bump position back as the page's `used`), marks, sweeps the large
//! objects, and refills the pools with every small page: all of them are
//! now unswept. Sweeping then happens page by page on the threads that
//! allocate, in parallel, instead of in the pause.
//!
//! Pages that stay unswept for `MAX_UNSWEPT_GCS` collections are swept by
//! the collector, so a dead object's stale mark never wraps around to the
//! current epoch (gc invariant 5).

use parking_lot::Mutex;
use std::sync::atomic::{AtomicU32, AtomicU8, AtomicUsize, Ordering};
use std::sync::OnceLock;

use super::heap::{heap, size_class, FreeSlot, PageHeader, MAX_SMALL_SIZE, NUM_CLASSES};
use crate::object::{drop_object, Header};

/// Collections after which the collector sweeps a page nobody swept.
pub const MAX_UNSWEPT_GCS: u32 = 64;

/// The current mark epoch: 1..=255, advanced by each collection. New
/// objects are born with it.
pub static EPOCH: AtomicU8 = AtomicU8::new(1);
/// Collections so far.
pub static GC_COUNT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
/// Bytes handed to threads (pages) and large objects since the last
/// collection; compared with `THRESHOLD` in the slow path.
pub static ALLOCATED: AtomicUsize = AtomicUsize::new(0);
/// Allocation volume that triggers the next collection.
pub static THRESHOLD: AtomicUsize = AtomicUsize::new(MIN_THRESHOLD);
pub const MIN_THRESHOLD: usize = 16 << 20;

#[inline(always)]
pub fn epoch() -> u8 {
    EPOCH.load(Ordering::Relaxed)
}

/// The epoch before `e` (epochs skip 0).
pub fn prev_epoch(e: u8) -> u8 {
    if e == 1 {
        255
    } else {
        e - 1
    }
}

pub fn next_epoch(e: u8) -> u8 {
    if e == 255 {
        1
    } else {
        e + 1
    }
}

struct ClassPool {
    /// Pages as the last collection left them, not swept since (or swept
    /// by a stress-mode allocation that handed its page back).
    pages: Vec<*mut PageHeader>,
    /// Pages swept since the last collection that still have free slots.
    swept: Vec<*mut PageHeader>,
}

// SAFETY: the page pointers name pages in the process-lifetime heap
// region; the pool only moves them between owners under its mutex.
unsafe impl Send for ClassPool {}

struct Pools {
    classes: Vec<Mutex<ClassPool>>,
    large: Mutex<Vec<*mut PageHeader>>,
}

// SAFETY: as for ClassPool.
unsafe impl Sync for Pools {}
// SAFETY: as for ClassPool.
unsafe impl Send for Pools {}

static POOLS: OnceLock<Pools> = OnceLock::new();

fn pools() -> &'static Pools {
    POOLS.get_or_init(|| Pools {
        classes: (0..NUM_CLASSES)
            .map(|_| {
                Mutex::new(ClassPool {
                    pages: Vec::new(),
                    swept: Vec::new(),
                })
            })
            .collect(),
        large: Mutex::new(Vec::new()),
    })
}

/// One size class's allocation buffer.
#[derive(Copy, Clone)]
struct ClassBuf {
    page: *mut PageHeader,
    free: *mut FreeSlot,
    bump: usize,
    bump_end: usize,
}

const EMPTY_BUF: ClassBuf = ClassBuf {
    page: std::ptr::null_mut(),
    free: std::ptr::null_mut(),
    bump: 0,
    bump_end: 0,
};

/// A thread's allocation buffers. Owned by the thread; the collector
/// resets them while the thread is parked or detached.
pub struct ThreadAlloc {
    bufs: [ClassBuf; NUM_CLASSES],
    /// GC stress mode: every allocation takes the slow path.
    pub stress: bool,
}

impl Default for ThreadAlloc {
    fn default() -> Self {
        ThreadAlloc {
            bufs: [EMPTY_BUF; NUM_CLASSES],
            stress: false,
        }
    }
}

/// The result of the slow path.
pub enum Refill {
    /// A slot address.
    Ok(usize),
    /// Out of memory (address space or commit).
    OutOfMemory,
}

impl ThreadAlloc {
    /// The fast path: a slot of class `class`, or None.
    #[inline(always)]
    pub fn try_alloc(&mut self, class: usize) -> Option<usize> {
        let b = &mut self.bufs[class];
        let f = b.free;
        if !f.is_null() {
            // SAFETY: `f` is a free slot on our own page's free list.
            b.free = unsafe { (*f).next };
            return Some(f as usize);
        }
        if b.bump < b.bump_end {
            let p = b.bump;
            // SAFETY: b.page is our page whenever bump < bump_end.
            b.bump += unsafe { (*b.page).obj_size } as usize;
            return Some(p);
        }
        None
    }

    /// Hands the current page of `class` back (records its bump position).
    fn release_class(&mut self, class: usize) {
        let b = &mut self.bufs[class];
        if !b.page.is_null() {
            // SAFETY: the page is owned by this buffer.
            let ph = unsafe { &mut *b.page };
            let first = ph.slot_addr(0);
            let used = if b.bump_end == 0 {
                ph.used
            } else {
                ((b.bump - first) / ph.obj_size as usize) as u32
            };
            ph.used = used.min(ph.nslots);
            // Free-list slots we did not use are free slots in 0..used;
            // the next sweep finds them again by their zero type word.
            ph.free = std::ptr::null_mut();
            ph.nfree = 0;
        }
        *b = EMPTY_BUF;
    }

    /// Hands every page back (the collector, before marking; thread exit).
    pub fn release_all(&mut self) {
        for c in 0..NUM_CLASSES {
            self.release_class(c);
        }
    }

    /// The slow path: gets a page with free space for `class` and
    /// allocates from it. Never collects (the caller decides that).
    pub fn refill(&mut self, class: usize) -> Refill {
        self.release_class(class);
        let gc = GC_COUNT.load(Ordering::Relaxed);
        let ep = epoch();
        let me = self as *const ThreadAlloc as usize;
        loop {
            let page = {
                let mut pool = pools().classes[class].lock();
                let pool = &mut *pool;
                pop_own(&mut pool.swept, me).or_else(|| pop_own(&mut pool.pages, me))
            };
            let Some(page) = page else { break };
            // SAFETY: a page popped from the pool is exclusively ours.
            let ph = unsafe { &mut *page };
            if ph.swept_gc.load(Ordering::Relaxed) != gc {
                sweep_small_page(ph, ep, gc);
            }
            if ph.nfree > 0 || ph.used < ph.nslots {
                ALLOCATED.fetch_add(
                    (ph.nfree + (ph.nslots - ph.used)) as usize * ph.obj_size as usize,
                    Ordering::Relaxed,
                );
                self.take_page(class, ph);
                if let Some(p) = self.try_alloc(class) {
                    if self.stress {
                        self.release_class(class);
                        pools().classes[class].lock().pages.push(page);
                    }
                    return Refill::Ok(p);
                }
            }
            // A full page leaves the pools until the next collection.
        }
        // Before the heap grows, the pages other classes left unswept since
        // the last collection are swept: the empty ones go back to the heap
        // for any class. Without this, a program whose allocation moves
        // from one size class to another keeps the dead pages of the old
        // one until `MAX_UNSWEPT_GCS` collections later.
        reclaim_unswept_pages(class, ep, gc);
        let Some(ph) = heap().new_small_page(class, gc) else {
            return Refill::OutOfMemory;
        };
        ALLOCATED.fetch_add(ph.nslots as usize * ph.obj_size as usize, Ordering::Relaxed);
        let page = ph as *mut PageHeader;
        self.take_page(class, ph);
        match self.try_alloc(class) {
            Some(p) => {
                if self.stress {
                    self.release_class(class);
                    pools().classes[class].lock().pages.push(page);
                }
                Refill::Ok(p)
            }
            None => Refill::OutOfMemory,
        }
    }

    fn take_page(&mut self, class: usize, ph: &mut PageHeader) {
        ph.owner
            .store(self as *const ThreadAlloc as usize, Ordering::Relaxed);
        let b = &mut self.bufs[class];
        b.page = ph;
        b.free = ph.free;
        ph.free = std::ptr::null_mut();
        b.bump = ph.slot_addr(ph.used);
        b.bump_end = ph.slot_addr(ph.nslots);
    }
}

/// How far down a pool `pop_own` looks for a page of the caller's.
const OWN_SCAN: usize = 16;

/// Pops a page from `list`, preferably one that the thread whose buffers
/// are at `me` allocated from last (among the top `OWN_SCAN`). Its dead
/// objects' native memory (a big int's digits, a hash state) then goes
/// back to the `malloc` arena of the thread that allocated it, without
/// taking that arena's lock against its owner, and its memory is likelier
/// to be in this core's cache.
fn pop_own(list: &mut Vec<*mut PageHeader>, me: usize) -> Option<*mut PageHeader> {
    let n = list.len();
    for i in (n.saturating_sub(OWN_SCAN)..n).rev() {
        // `owner` is atomic (a hint, read under the pool's lock).
        // SAFETY: pages in a pool are valid page headers.
        if unsafe { &*list[i] }.owner.load(Ordering::Relaxed) == me {
            return Some(list.swap_remove(i));
        }
    }
    list.pop()
}

/// Sweeps the unswept pages of every class but `except` (whose pool the
/// caller just emptied) until one page turns out empty and returns to the
/// heap. Pages with free slots move to their class's `swept` list; full
/// ones leave the pools until the next collection. Each page is swept at
/// most once per collection cycle here or in `refill`, so the work is the
/// sweeping lazy allocation would do anyway, done sooner.
fn reclaim_unswept_pages(except: usize, ep: u8, gc: u32) {
    // After one scan found nothing more to free, the rest of the cycle
    // skips it (the next collection refills the pools).
    if RECLAIM_DONE.load(Ordering::Relaxed) == gc {
        return;
    }
    for (c, pool) in pools().classes.iter().enumerate() {
        if c == except {
            continue;
        }
        loop {
            let Some(page) = pool.lock().pages.pop() else {
                break;
            };
            // SAFETY: a page popped from the pool is exclusively ours.
            let ph = unsafe { &mut *page };
            if ph.swept_gc.load(Ordering::Relaxed) != gc {
                sweep_small_page(ph, ep, gc);
            }
            if ph.nfree == ph.used {
                // Every slot is free: the page goes back to the heap.
                heap().free_small_page(ph);
                return;
            }
            if ph.nfree > 0 || ph.used < ph.nslots {
                pool.lock().swept.push(page);
            }
        }
    }
    // Every other class's unswept pages are swept (the caller's own pool
    // was empty): nothing is left to reclaim until the next collection.
    RECLAIM_DONE.store(gc, Ordering::Relaxed);
}

/// The collection count when `reclaim_unswept_pages` last ran out of
/// pages to sweep.
static RECLAIM_DONE: AtomicU32 = AtomicU32::new(u32::MAX);

/// Allocates a large object of `size` bytes; returns its address.
pub fn alloc_large(size: usize) -> Option<usize> {
    let gc = GC_COUNT.load(Ordering::Relaxed);
    let ph = heap().new_large_span(size, gc)?;
    ALLOCATED.fetch_add(
        ph.npages as usize * super::heap::PAGE_SIZE,
        Ordering::Relaxed,
    );
    let addr = ph.slot_addr(0);
    pools().large.lock().push(ph as *mut PageHeader);
    Some(addr)
}

/// Records on its page that the object just allocated at `addr` (`size`
/// bytes) owns native memory, so the page is swept slot by slot (its drop
/// runs) rather than reset wholesale. Large objects are always swept one
/// by one (`sweep_large`).
#[cold]
pub fn note_owns_native(addr: usize, size: usize) {
    if class_for(size).is_some() {
        let page = addr & !(super::heap::PAGE_SIZE - 1);
        // Small objects live in PAGE_SIZE-aligned pages that start with
        // their header, and the caller's thread owns the page it just
        // allocated from.
        // SAFETY: `page` is that header (see above).
        let ph = unsafe { &*(page as *const PageHeader) };
        ph.has_drop.store(true, Ordering::Relaxed);
    }
}

/// Whether allocating `size` bytes goes to the small-object path, and
/// the class if so.
#[inline(always)]
pub fn class_for(size: usize) -> Option<usize> {
    if size <= MAX_SMALL_SIZE {
        Some(size_class(size))
    } else {
        None
    }
}

/// Poison for freed memory in debug builds.
const POISON: u8 = 0xdb;

/// Sweeps one small page after collection number `gc` (epoch `ep`):
/// dead objects (mark != `ep`) are dropped and freed. A page the marker
/// found no live object on is reset without visiting its slots when no
/// object on it owns native memory; a page that turns out empty is reset
/// too, so it is allocated from by bumping (no free list to follow).
/// Otherwise builds the page's free list in address order.
pub fn sweep_small_page(ph: &mut PageHeader, ep: u8, gc: u32) {
    let marked_here = ph.marked_gc.load(Ordering::Relaxed) == gc;
    if marked_here || ph.has_drop.load(Ordering::Relaxed) {
        sweep_slots(ph, ep);
        if ph.nfree != ph.used {
            ph.swept_gc.store(gc, Ordering::Relaxed);
            return;
        }
    }
    reset_page(ph, gc);
}

/// Makes a page with no live object on it look fresh: `used` 0, so its
/// slots are allocated by bumping and the conservative scan never reads
/// the stale headers they still hold (gc invariant 6).
fn reset_page(ph: &mut PageHeader, gc: u32) {
    if cfg!(debug_assertions) {
        // SAFETY: no slot of the page holds a live object; poison all of
        // them so a stale reference shows.
        unsafe {
            std::ptr::write_bytes(
                ph.slot_addr(0) as *mut u8,
                POISON,
                ph.nslots as usize * ph.obj_size as usize,
            );
        }
    }
    ph.used = 0;
    ph.free = std::ptr::null_mut();
    ph.nfree = 0;
    ph.has_drop.store(false, Ordering::Relaxed);
    ph.swept_gc.store(gc, Ordering::Relaxed);
}

/// Visits every slot below `used`: drops and frees the dead objects and
/// links every free slot into the page's free list, in address order.
fn sweep_slots(ph: &mut PageHeader, ep: u8) {
    let mut head: *mut FreeSlot = std::ptr::null_mut();
    let mut tail: *mut FreeSlot = std::ptr::null_mut();
    let mut nfree = 0;
    for i in 0..ph.used {
        let addr = ph.slot_addr(i);
        // SAFETY: every slot below `used` starts with a header-sized area.
        let h = unsafe { &*(addr as *const Header) };
        let free = if h.type_word() == 0 {
            true
        } else if h.mark() != ep {
            // SAFETY: dead, not yet swept, kind byte names its layout.
            unsafe { drop_object(h.kind_byte(), addr) };
            h.clear_type();
            if cfg!(debug_assertions) {
                // SAFETY: the slot is dead; poison everything after the
                // type word and the link.
                unsafe {
                    std::ptr::write_bytes(
                        (addr + 16) as *mut u8,
                        POISON,
                        ph.obj_size as usize - 16,
                    );
                }
            }
            true
        } else {
            false
        };
        if free {
            let fs = addr as *mut FreeSlot;
            // SAFETY: the slot is free and at least 16 bytes.
            unsafe {
                (*fs).next = std::ptr::null_mut();
                if tail.is_null() {
                    head = fs;
                } else {
                    (*tail).next = fs;
                }
            }
            tail = fs;
            nfree += 1;
        }
    }
    ph.free = head;
    ph.nfree = nfree;
}

/// Collector, world stopped, after marking: frees dead large objects.
/// Returns the bytes of the large objects that survive.
pub fn sweep_large(ep: u8) -> usize {
    let mut large = pools().large.lock();
    let mut live = 0;
    large.retain(|&ph| {
        // SAFETY: every entry is a live large span.
        let ph = unsafe { &*ph };
        let addr = ph.slot_addr(0);
        // SAFETY: the span holds one object at slot 0.
        let h = unsafe { &*(addr as *const Header) };
        if h.mark() == ep {
            live += ph.npages as usize * super::heap::PAGE_SIZE;
            true
        } else {
            // SAFETY: dead and unswept.
            unsafe { drop_object(h.kind_byte(), addr) };
            h.clear_type();
            heap().free_large_span(ph);
            false
        }
    });
    live
}

/// Collector, world stopped, after marking and after every thread's
/// buffers were released: puts every small page back in its pool; sweeps
/// pages nobody swept for a long time.
pub fn refill_pools(ep: u8, gc: u32) {
    let p = pools();
    for c in &p.classes {
        let mut pool = c.lock();
        pool.pages.clear();
        pool.swept.clear();
    }
    let mut empty = Vec::new();
    heap().for_each_page(|page| {
        // SAFETY: the world is stopped; no thread owns or touches the page.
        let ph = unsafe { &*page };
        if ph.is_large() {
            return;
        }
        let last = ph.swept_gc.load(Ordering::Relaxed);
        if gc.wrapping_sub(last) >= MAX_UNSWEPT_GCS {
            // SAFETY: the world is stopped and no thread owns the page.
            let phm = unsafe { &mut *page };
            sweep_small_page(phm, ep, gc);
            if phm.used == 0 {
                empty.push(page);
                return;
            }
        }
        p.classes[ph.class as usize].lock().pages.push(page);
    });
    for page in empty {
        // SAFETY: every slot of the page is free.
        heap().free_small_page(unsafe { &*page });
    }
}

/// Number of live large spans (for gc stats).
pub fn large_count() -> usize {
    pools().large.lock().len()
}
