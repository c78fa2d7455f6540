//! `ValueArray`: a fixed-capacity array of values, the backing store of
//! lists and of instance attribute overflow. An internal type.
//!
//! Backing arrays are GC objects (never a Rust `Vec`) so that a reader
//! still holding a superseded array after a list grew keeps it alive: the
//! collector finds it on the reader's stack. Unused slots hold NULL.

use crate::gc::{Marker, Slot};
use crate::interp::types;
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::thread::ThreadState;
use crate::value::Value;

#[repr(C)]
pub struct ValueArray {
    pub header: Header,
    cap: usize,
    slots: [Slot; 0],
}

// SAFETY: repr(C), Header first; trace visits every slot.
unsafe impl HeapObj for ValueArray {
    const KIND: Kind = Kind::ValueArray;
    fn trace(&self, m: &mut Marker) {
        m.slots(self.slots());
    }
}

impl ValueArray {
    fn size_for(cap: usize) -> usize {
        std::mem::size_of::<ValueArray>() + cap * 8
    }

    fn init(p: *mut ValueArray, cap: usize, src: &[Slot]) {
        // SAFETY: `p` has room for the header and `cap` slots; src.len()
        // <= cap (callers ensure).
        unsafe {
            p.write(ValueArray {
                header: Header::new(types().value_array, Kind::ValueArray, 0),
                cap,
                slots: [],
            });
            let s = (p as *mut u8).add(std::mem::size_of::<ValueArray>()) as *mut Slot;
            for i in 0..cap {
                let v = if i < src.len() {
                    src[i].get()
                } else {
                    Value::NULL
                };
                s.add(i).write(Slot::new(v));
            }
        }
    }

    /// A NULL-filled array. May collect.
    pub fn new(ts: &mut ThreadState, cap: usize) -> Gc<ValueArray> {
        ts.alloc_var(Self::size_for(cap), |p| Self::init(p, cap, &[]))
    }

    /// An array of capacity `cap` starting with a copy of `src`. May
    /// collect (`src` must be kept alive by the caller: it is, being a
    /// borrow of a live array).
    pub fn new_copy(ts: &mut ThreadState, src: &[Slot], cap: usize) -> Gc<ValueArray> {
        let cap = cap.max(src.len());
        ts.alloc_var(Self::size_for(cap), |p| Self::init(p, cap, src))
    }

    /// As `new_copy`, but never collects or parks: for use while holding a
    /// container lock (gc invariant 7).
    pub fn new_copy_nogc(ts: &mut ThreadState, src: &[Slot], cap: usize) -> Gc<ValueArray> {
        let cap = cap.max(src.len());
        ts.alloc_var_nogc(Self::size_for(cap), |p| Self::init(p, cap, src))
    }

    /// A new array of `src[start]`, `src[start + step]`, ... (`count`
    /// items, every index in range: callers ensure). Never collects, as
    /// `new_copy_nogc`.
    pub fn new_strided_nogc(
        ts: &mut ThreadState,
        src: &[Slot],
        start: usize,
        step: isize,
        count: usize,
    ) -> Gc<ValueArray> {
        let a = ts.alloc_var_nogc(Self::size_for(count), |p| Self::init(p, count, &[]));
        let out = a.obj().slots();
        for (k, o) in out.iter().enumerate() {
            let i = (start as isize + k as isize * step) as usize;
            o.init(src[i].get());
        }
        a
    }

    #[inline(always)]
    pub fn capacity(&self) -> usize {
        self.cap
    }

    #[inline(always)]
    pub fn slots(&self) -> &[Slot] {
        // SAFETY: `cap` slots follow the header (written at allocation).
        unsafe { std::slice::from_raw_parts(self.slots.as_ptr(), self.cap) }
    }
}
