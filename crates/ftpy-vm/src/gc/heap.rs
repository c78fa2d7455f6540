//! The heap's address space: one reserved region cut into pages.
//!
//! ```text
//! region (reserved once, committed as it grows)
//! +--------+--------+--------+--------+--------+----
//! | page 0 | page 1 | page 2 | page 3 | page 4 | ...      64 KiB each
//! +--------+--------+--------+--------+--------+----
//!   small    small    large head  cont.  free
//!
//! small page:  [PageHeader][slot 0][slot 1] ... [slot n-1]   one size class
//! large span:  [PageHeader][object ..........................]  n pages
//! ```
//!
//! The page table holds one word per page: what the page is (free, small,
//! large head, large continuation) and, for a continuation, how far back its
//! head is. With it, [`Heap::find_object`] maps any address (a tagged value,
//! a raw pointer, a pointer into the middle of an object) to the start of
//! the object that contains it, which is what the conservative stack scan
//! needs.
//!
//! Reserving one contiguous region makes "is this address in the heap?" two
//! comparisons. The region is reserved `PROT_NONE` and committed in chunks,
//! so it costs no memory until used and works under strict overcommit.
//!
//! Page allocation takes a mutex; it is the slow path of the slow path (one
//! page serves hundreds of allocations).

use parking_lot::Mutex;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};
use std::sync::OnceLock;

use crate::object::Header;

pub const PAGE_SHIFT: usize = 16;
pub const PAGE_SIZE: usize = 1 << PAGE_SHIFT;
/// Where slot 0 starts in a page (after the header, 16-byte aligned).
pub const PAGE_DATA_OFFSET: usize = 128;
/// Objects larger than this get their own page span.
pub const MAX_SMALL_SIZE: usize = 32704;
/// Committed memory grows in chunks of this many pages.
const COMMIT_CHUNK_PAGES: usize = 64;

/// The size classes. Every size is a multiple of 16. Above 8192 the
/// classes are the largest sizes that fit 6, 5, 4, 3 and 2 to a page: a
/// hash table of 512 entries or a list of a few thousand items is a small
/// object, allocated from its thread's page, not a span of its own (a
/// whole 64 KiB page for 8 KiB, taken under the heap's lock, swept in the
/// collector's pause, and counted at 64 KiB toward the next collection).
pub const SIZE_CLASSES: [u32; 37] = [
    16, 32, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512, 640, 768, 896, 1024,
    1280, 1536, 1792, 2048, 2560, 3072, 3584, 4096, 5120, 6144, 7168, 8192, 10896, 13072, 16352,
    21792, 32704,
];
pub const NUM_CLASSES: usize = SIZE_CLASSES.len();
/// `PageHeader::class` of a large-object span.
pub const LARGE_CLASS: u8 = 255;

/// Size class for a small object of `size` bytes (`size <= MAX_SMALL_SIZE`).
#[inline]
pub fn size_class(size: usize) -> usize {
    debug_assert!(size <= MAX_SMALL_SIZE);
    if size <= 128 {
        size.max(1).div_ceil(16) - 1
    } else {
        // Four classes per power of two above 128.
        let mut c = 8;
        while (SIZE_CLASSES[c] as usize) < size {
            c += 1;
        }
        c
    }
}

/// A page table entry's kind (low 2 bits).
const PT_FREE: u32 = 0;
const PT_SMALL: u32 = 1;
const PT_LARGE_HEAD: u32 = 2;
const PT_LARGE_CONT: u32 = 3;

/// The header at the start of every small page and large span.
///
/// Guarded by: `class`, `obj_size`, `nslots`, `npages` are immutable while
/// the page is in use. `used`, `free`, `nfree` belong to whoever owns the
/// page: one thread's allocator, a pool (under its lock), or the collector
/// while the world is stopped. `swept_gc` is the collection count at which
/// the page was last swept.
#[repr(C)]
pub struct PageHeader {
    pub class: u8,
    pub obj_size: u32,
    pub nslots: u32,
    pub npages: u32,
    /// Slots `0..used` have been handed out at least once; slots at and
    /// after `used` are fresh (never allocated, not on the free list).
    pub used: u32,
    /// Free slots found by the last sweep, linked through their second word.
    pub free: *mut FreeSlot,
    pub nfree: u32,
    pub swept_gc: AtomicU32,
    /// The number of the last collection that marked an object on this
    /// page (written by the marker, world stopped): a page whose
    /// `marked_gc` is not the current collection count holds no live
    /// object.
    pub marked_gc: AtomicU32,
    /// Set when an object that owns native memory (`HeapObj::owns_native`)
    /// is allocated on the page; cleared when a sweep or reset finds the
    /// page empty. A page without it and without live objects can be
    /// reset without visiting its slots: nothing on it needs a drop.
    pub has_drop: AtomicBool,
    /// The allocation buffers (`ThreadAlloc`, by address) that last
    /// allocated from this page: a hint, so that a thread takes back its
    /// own pages after a collection (see `alloc::pop_own`).
    pub owner: AtomicUsize,
}

/// A free slot: a zero type word, then the link.
#[repr(C)]
pub struct FreeSlot {
    pub zero: usize,
    pub next: *mut FreeSlot,
}

impl PageHeader {
    #[inline]
    pub fn base(&self) -> usize {
        self as *const PageHeader as usize
    }

    #[inline]
    pub fn slot_addr(&self, i: u32) -> usize {
        self.base() + PAGE_DATA_OFFSET + i as usize * self.obj_size as usize
    }

    pub fn is_large(&self) -> bool {
        self.class == LARGE_CLASS
    }
}

/// The reserved region and its page table.
pub struct Heap {
    start: usize,
    /// Reserved size in pages.
    capacity_pages: usize,
    /// One entry per page, see the `PT_*` constants.
    page_table: *const AtomicU32,
    /// Pages below this index have been handed out at least once.
    hwm: AtomicUsize,
    /// Pages below this index are committed (readable and writable).
    committed: AtomicUsize,
    pages: Mutex<PageAlloc>,
}

// SAFETY: the raw pointers name memory that lives as long as the process
// (the region is never unmapped) and is accessed through atomics or under
// the `pages` mutex.
unsafe impl Sync for Heap {}
// SAFETY: as for Sync; nothing in Heap is tied to a thread.
unsafe impl Send for Heap {}

struct PageAlloc {
    /// Free spans: start page -> length in pages. Adjacent spans coalesce.
    free_spans: BTreeMap<usize, usize>,
    free_pages_total: usize,
    /// Free pages (about) whose memory was kept instead of given back to
    /// the OS: reusing them costs no page faults.
    retained: usize,
}

/// Free pages kept committed before freed memory goes back to the OS
/// (64 MiB).
const RETAIN_PAGES: usize = 1024;

static HEAP: OnceLock<Heap> = OnceLock::new();

/// The process's heap (created on first use).
#[inline]
pub fn heap() -> &'static Heap {
    HEAP.get_or_init(Heap::reserve)
}

fn mmap_reserve(size: usize) -> Option<usize> {
    // SAFETY: an anonymous private PROT_NONE mapping with no fixed address
    // touches no existing memory.
    let p = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            size,
            libc::PROT_NONE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        None
    } else {
        Some(p as usize)
    }
}

impl Heap {
    fn reserve() -> Heap {
        // As much address space as the system lets us have, up to 256 GiB;
        // the page table is sized to match.
        let mut size: usize = 256 << 30;
        let (start, size) = loop {
            // Over-reserve one page to align the start.
            if let Some(p) = mmap_reserve(size + PAGE_SIZE) {
                let aligned = (p + PAGE_SIZE - 1) & !(PAGE_SIZE - 1);
                break (aligned, size);
            }
            size /= 2;
            if size < (64 << 20) {
                eprintln!("ftpy: fatal: cannot reserve address space for the heap");
                std::process::exit(70);
            }
        };
        assert!(
            start + size < (1usize << 48),
            "heap region must fit in 48 bits"
        );
        let capacity_pages = size / PAGE_SIZE;
        let pt_bytes = capacity_pages * std::mem::size_of::<AtomicU32>();
        // SAFETY: a fresh anonymous mapping; zero-filled, which is PT_FREE.
        let pt = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                pt_bytes,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
                -1,
                0,
            )
        };
        if pt == libc::MAP_FAILED {
            eprintln!("ftpy: fatal: cannot map the page table");
            std::process::exit(70);
        }
        Heap {
            start,
            capacity_pages,
            page_table: pt as *const AtomicU32,
            hwm: AtomicUsize::new(0),
            committed: AtomicUsize::new(0),
            pages: Mutex::new(PageAlloc {
                free_spans: BTreeMap::new(),
                free_pages_total: 0,
                retained: 0,
            }),
        }
    }

    #[inline]
    fn pt(&self, page: usize) -> &AtomicU32 {
        debug_assert!(page < self.capacity_pages);
        // SAFETY: page < capacity_pages, the page table has that many
        // entries and lives for the process.
        unsafe { &*self.page_table.add(page) }
    }

    #[inline]
    pub fn page_addr(&self, page: usize) -> usize {
        self.start + (page << PAGE_SHIFT)
    }

    /// Whether `addr` lies in a page that has ever been handed out.
    #[inline]
    pub fn contains(&self, addr: usize) -> bool {
        addr >= self.start && addr < self.start + (self.hwm.load(Ordering::Acquire) << PAGE_SHIFT)
    }

    /// Number of pages handed out at least once (for heap walks).
    pub fn high_water_pages(&self) -> usize {
        self.hwm.load(Ordering::Acquire)
    }

    /// Takes `n` contiguous pages. Returns the first page's index, or None
    /// when the region is exhausted.
    fn take_pages(&self, n: usize) -> Option<usize> {
        let mut pa = self.pages.lock();
        // First fit among the free spans.
        let found = pa
            .free_spans
            .iter()
            .find(|(_, &len)| len >= n)
            .map(|(&s, &l)| (s, l));
        if let Some((start, len)) = found {
            pa.free_spans.remove(&start);
            if len > n {
                pa.free_spans.insert(start + n, len - n);
            }
            pa.free_pages_total -= n;
            pa.retained = pa.retained.saturating_sub(n);
            return Some(start);
        }
        // Grow the high-water mark; only this function grows it, under
        // `pages`, so a plain load/store pair is race-free.
        let start = self.hwm.load(Ordering::Relaxed);
        if start + n > self.capacity_pages {
            return None;
        }
        let end = start + n;
        let committed = self.committed.load(Ordering::Relaxed);
        if end > committed {
            let new_committed = end.div_ceil(COMMIT_CHUNK_PAGES) * COMMIT_CHUNK_PAGES;
            let new_committed = new_committed.min(self.capacity_pages);
            let from = self.page_addr(committed);
            let len = (new_committed - committed) << PAGE_SHIFT;
            // SAFETY: [from, from+len) lies inside our reserved region.
            let rc = unsafe {
                libc::mprotect(
                    from as *mut libc::c_void,
                    len,
                    libc::PROT_READ | libc::PROT_WRITE,
                )
            };
            if rc != 0 {
                return None;
            }
            self.committed.store(new_committed, Ordering::Relaxed);
        }
        self.hwm.store(end, Ordering::Release);
        Some(start)
    }

    /// Returns pages to the free spans. Up to `RETAIN_PAGES` free pages
    /// keep their memory (a program that frees and allocates in cycles
    /// does not fault pages in again and again); beyond that the memory
    /// goes back to the OS.
    fn give_pages(&self, start: usize, n: usize) {
        for p in start..start + n {
            self.pt(p).store(PT_FREE, Ordering::Release);
        }
        let addr = self.page_addr(start);
        let mut pa = self.pages.lock();
        if pa.retained + n <= RETAIN_PAGES {
            pa.retained += n;
        } else {
            // SAFETY: the span lies in our committed region and holds no
            // live object (the caller freed it); MADV_DONTNEED refills it
            // with zeros on next touch. Nothing relies on the contents of
            // free pages.
            unsafe {
                libc::madvise(
                    addr as *mut libc::c_void,
                    n << PAGE_SHIFT,
                    libc::MADV_DONTNEED,
                );
            }
        }
        let mut start = start;
        let mut n = n;
        pa.free_pages_total += n;
        // Coalesce with the span before and after.
        if let Some((&ps, &pl)) = pa.free_spans.range(..start).next_back() {
            if ps + pl == start {
                pa.free_spans.remove(&ps);
                start = ps;
                n += pl;
            }
        }
        if let Some(&nl) = pa.free_spans.get(&(start + n)) {
            pa.free_spans.remove(&(start + n));
            n += nl;
        }
        pa.free_spans.insert(start, n);
    }

    /// A fresh small page for size class `class`, header initialized, all
    /// slots fresh. None when out of address space.
    pub fn new_small_page(&self, class: usize, gc_count: u32) -> Option<&'static mut PageHeader> {
        let page = self.take_pages(1)?;
        let addr = self.page_addr(page);
        let obj_size = SIZE_CLASSES[class];
        let nslots = ((PAGE_SIZE - PAGE_DATA_OFFSET) / obj_size as usize) as u32;
        let hdr = addr as *mut PageHeader;
        // SAFETY: the page is committed and exclusively ours; we write its
        // header before publishing it in the page table.
        unsafe {
            hdr.write(PageHeader {
                class: class as u8,
                obj_size,
                nslots,
                npages: 1,
                used: 0,
                free: std::ptr::null_mut(),
                nfree: 0,
                swept_gc: AtomicU32::new(gc_count),
                marked_gc: AtomicU32::new(u32::MAX),
                has_drop: AtomicBool::new(false),
                owner: AtomicUsize::new(0),
            });
        }
        self.pt(page).store(PT_SMALL, Ordering::Release);
        // SAFETY: initialized above; the page is owned by the caller.
        Some(unsafe { &mut *hdr })
    }

    /// A span for one large object of `size` bytes; returns the header
    /// (the object starts at `PAGE_DATA_OFFSET`).
    pub fn new_large_span(&self, size: usize, gc_count: u32) -> Option<&'static mut PageHeader> {
        let total = size.checked_add(PAGE_DATA_OFFSET)?;
        let npages = total.div_ceil(PAGE_SIZE);
        let page = self.take_pages(npages)?;
        let addr = self.page_addr(page);
        let hdr = addr as *mut PageHeader;
        // SAFETY: the span is committed and exclusively ours.
        unsafe {
            hdr.write(PageHeader {
                class: LARGE_CLASS,
                obj_size: size.min(u32::MAX as usize) as u32,
                nslots: 1,
                npages: npages as u32,
                used: 1,
                free: std::ptr::null_mut(),
                nfree: 0,
                swept_gc: AtomicU32::new(gc_count),
                marked_gc: AtomicU32::new(u32::MAX),
                has_drop: AtomicBool::new(false),
                owner: AtomicUsize::new(0),
            });
        }
        for i in 1..npages {
            self.pt(page + i)
                .store(PT_LARGE_CONT | ((i as u32) << 2), Ordering::Release);
        }
        self.pt(page).store(PT_LARGE_HEAD, Ordering::Release);
        // SAFETY: initialized above.
        Some(unsafe { &mut *hdr })
    }

    /// Frees a large span (the object in it is dead and dropped).
    pub fn free_large_span(&self, hdr: &PageHeader) {
        let page = (hdr.base() - self.start) >> PAGE_SHIFT;
        self.give_pages(page, hdr.npages as usize);
    }

    /// Frees an empty small page.
    pub fn free_small_page(&self, hdr: &PageHeader) {
        let page = (hdr.base() - self.start) >> PAGE_SHIFT;
        self.give_pages(page, 1);
    }

    /// The header of the page or span that holds `addr`, if `addr` is in a
    /// page in use.
    #[inline]
    pub fn page_of(&self, addr: usize) -> Option<&PageHeader> {
        if !self.contains(addr) {
            return None;
        }
        let page = (addr - self.start) >> PAGE_SHIFT;
        let e = self.pt(page).load(Ordering::Acquire);
        let head = match e & 3 {
            PT_FREE => return None,
            PT_SMALL | PT_LARGE_HEAD => page,
            _ => page - (e >> 2) as usize,
        };
        // SAFETY: the page table says a header lives at the head page.
        Some(unsafe { &*(self.page_addr(head) as *const PageHeader) })
    }

    /// Maps an address anywhere inside an allocated slot to the slot's
    /// start. The slot may be free (zero type word); the caller checks.
    #[inline]
    pub fn find_slot(&self, addr: usize) -> Option<usize> {
        let ph = self.page_of(addr)?;
        let first = ph.base() + PAGE_DATA_OFFSET;
        if addr < first {
            return None;
        }
        if ph.is_large() {
            if addr < first + ph.obj_size as usize {
                return Some(first);
            }
            return None;
        }
        let i = ((addr - first) / ph.obj_size as usize) as u32;
        if i >= ph.used {
            return None;
        }
        Some(ph.slot_addr(i))
    }

    /// Calls `f` for every page header in use (small pages and large
    /// spans). Only while the world is stopped.
    pub fn for_each_page(&self, mut f: impl FnMut(*mut PageHeader)) {
        let hwm = self.high_water_pages();
        let mut p = 0;
        while p < hwm {
            let e = self.pt(p).load(Ordering::Acquire);
            match e & 3 {
                PT_SMALL | PT_LARGE_HEAD => {
                    let ph = self.page_addr(p) as *mut PageHeader;
                    // SAFETY: the page table says a header lives here.
                    let npages = unsafe { (*ph).npages };
                    f(ph);
                    p += npages.max(1) as usize;
                }
                _ => p += 1,
            }
        }
    }

    /// Bytes of address space in pages handed out and not freed.
    pub fn pages_in_use(&self) -> usize {
        let pa = self.pages.lock();
        self.high_water_pages() - pa.free_pages_total
    }
}

/// The header of the object in the slot at `addr`, if the slot holds one.
#[inline]
pub fn header_at(addr: usize) -> Option<&'static Header> {
    // SAFETY: `addr` is a slot start in a committed page (from find_slot);
    // every slot starts with a Header-sized area (the minimum slot size
    // is 16 bytes), and a free slot has a zero type word.
    let h = unsafe { &*(addr as *const Header) };
    if h.type_word() == 0 {
        None
    } else {
        Some(h)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_classes_fit() {
        for size in 1..=MAX_SMALL_SIZE {
            let c = size_class(size);
            assert!(SIZE_CLASSES[c] as usize >= size, "size {size} class {c}");
            if c > 0 {
                assert!(
                    (SIZE_CLASSES[c - 1] as usize) < size,
                    "size {size} class {c} not tight"
                );
            }
        }
        for s in SIZE_CLASSES {
            assert_eq!(s % 16, 0);
        }
        assert_eq!(SIZE_CLASSES[NUM_CLASSES - 1] as usize, MAX_SMALL_SIZE);
        // The classes above 8192 each fit one more object per page than
        // the next one up, with room for nothing larger.
        for (k, &s) in SIZE_CLASSES[32..].iter().enumerate() {
            let per_page = (PAGE_SIZE - PAGE_DATA_OFFSET) / s as usize;
            assert_eq!(per_page, 6 - k, "class {s}");
            assert!((PAGE_SIZE - PAGE_DATA_OFFSET) / (s as usize + 16) < per_page);
        }
    }

    #[test]
    fn page_header_fits() {
        assert!(std::mem::size_of::<PageHeader>() <= PAGE_DATA_OFFSET);
    }
}
