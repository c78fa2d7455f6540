//! `list`: a growable array of values, safe to share between threads.
//!
//! ```text
//! ListObj: [Header (lock)][items: -> ValueArray][len]
//! ValueArray: [Header][cap][slot 0 .. slot cap-1]   slots >= len are NULL
//! ```
//!
//! # Concurrency (DESIGN.md, the thread-safety contract)
//! - Every mutation takes the list's lock; no lock is held while Python
//!   code runs (comparisons in `remove`, `index`, `sort` keys ...): such
//!   operations compute without the lock and re-check under it.
//! - Reading one item takes no lock: load `len` (Acquire), then the array,
//!   then the slot. A writer publishes a grown array before the larger
//!   `len`, so a reader that sees the new length sees an array that long.
//!   A superseded array stays valid (it is a GC object the reader holds).
//!   A NULL read (a racing pop cleared it) falls back to a locked read.
//! - Storing one item in bounds (`out[i] = v`, the commonest parallel
//!   loop) takes no lock either: an atomic store into the current array,
//!   repeated under the lock if the layout changed meanwhile. Threads
//!   writing different items of one list therefore share no written cache
//!   line but the items'.
//!
//! # Why a lock-free store is neither lost nor duplicated
//! A writer holding the lock never moves items inside a published array:
//! an operation that moves items (growth, `insert`/`pop` in the middle,
//! `del l[i]`, `remove`, `reverse`) builds a new array and publishes it.
//! A lock-free store is a compare-and-swap at index `i` of the array it
//! loaded, from the non-NULL value it read there; if the swap fails (or the
//! slot was NULL) it is done again under the lock, at index `i` of the
//! current array (exact: nothing moves while the lock is held).
//!
//! Once a list has seen a lock-free store (`stored`, set before the first
//! one), every copy *freezes* the slots it copies (swaps each to NULL), and
//! the last item is popped by a swap too. So a swap that succeeds either
//! landed before the copy took the slot (the copy carries the value to the
//! same item's new index) or in the array that is still current; in both
//! cases the store is done, and it is never repeated (repeating it at
//! index `i` after items moved would duplicate it). A superseded array's
//! frozen slots stay NULL, so a swap into one fails and takes the lock.
//!
//! Lists never stored into lock-free (appended to, popped) copy with plain
//! loads. The switch to freezing is made safe by `layout`, a counter a
//! writer holding the lock increments before it copies or removes items
//! (odd meanwhile) and after it publishes: a store sets `stored`, then reads
//! `layout`, and takes the lock if it is odd; a writer increments `layout`,
//! then reads `stored` (all `SeqCst`, a Dekker pair). Either the writer sees
//! `stored` and freezes, or the store sees the odd count and waits for the
//! lock. Readers that meet a frozen (NULL) slot read under the lock.

use ftpy_compiler::{BinaryOp, CompareOp};
use std::sync::atomic::{fence, AtomicBool, AtomicUsize, Ordering};

use crate::builtins::args::Sig;
use crate::error::PyResult;
use crate::gc::{Marker, RootedVec, Slot};
use crate::interp::{types, BuiltinTypes};
use crate::object::{len_value, Gc, Header, HeapObj, Kind, ObjGuard};
use crate::objects::array::ValueArray;
use crate::objects::slice::{normalize_index, SliceObj};
use crate::objects::str::StrObj;
use crate::objects::tuple::{compare_sequences, repeat_count, repr_items, TupleObj};
use crate::objects::typeobj::{type_name, TypeObj};
use crate::objects::{add_methods, method};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

#[repr(C)]
pub struct ListObj {
    pub header: Header,
    items: Slot,
    len: AtomicUsize,
    /// Odd while a writer holding the lock copies or removes items (module
    /// doc: it makes the switch to freezing copies safe). Written only
    /// under the lock.
    layout: AtomicUsize,
    /// Set (for good) before the first lock-free item store: from then on
    /// copies freeze the slots they copy (module doc).
    stored: AtomicBool,
}

// SAFETY: repr(C), Header first; the array holds the items and is traced.
unsafe impl HeapObj for ListObj {
    const KIND: Kind = Kind::List;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.items);
    }
}

impl ListObj {
    /// A new exact list of `items`.
    pub fn new(ts: &mut ThreadState, items: &[Value]) -> Gc<ListObj> {
        Self::new_typed(ts, types().list, items)
    }

    pub fn new_typed(ts: &mut ThreadState, ty: Gc<TypeObj>, items: &[Value]) -> Gc<ListObj> {
        let arr = if items.is_empty() {
            Value::NULL
        } else {
            let a = ValueArray::new(ts, items.len());
            for (i, &v) in items.iter().enumerate() {
                a.slots()[i].init(v);
            }
            a.value()
        };
        let obj = ListObj {
            header: Header::new(ty, Kind::List, 0),
            items: Slot::new(arr),
            len: AtomicUsize::new(items.len()),
            layout: AtomicUsize::new(0),
            stored: AtomicBool::new(false),
        };
        crate::objects::instance::alloc_with_attrs(ts, ty, obj)
    }

    /// A list adopting an array of `len` items (the array must be private).
    pub fn from_array(ts: &mut ThreadState, arr: Gc<ValueArray>, len: usize) -> Gc<ListObj> {
        ts.alloc(ListObj {
            header: Header::new(types().list, Kind::List, 0),
            items: Slot::new(arr.value()),
            len: AtomicUsize::new(len),
            layout: AtomicUsize::new(0),
            stored: AtomicBool::new(false),
        })
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        self.len.load(Ordering::Acquire)
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline(always)]
    fn array(&self) -> Option<Gc<ValueArray>> {
        let a = self.items.get();
        if a.is_null() {
            None
        } else {
            // SAFETY: `items` only ever holds a ValueArray or NULL.
            Some(unsafe { a.downcast_unchecked() })
        }
    }

    fn lock(&self) -> ObjGuard<'_> {
        self.header.lock()
    }

    /// `self[i]` for `0 <= i`; None when out of range. Lock-free.
    #[inline]
    pub fn get(&self, i: usize) -> Option<Value> {
        let n = self.len();
        if i >= n {
            return None;
        }
        if let Some(a) = self.array() {
            if let Some(s) = a.obj().slots().get(i) {
                let v = s.get();
                if !v.is_null() {
                    return Some(v);
                }
            }
        }
        self.get_locked(i)
    }

    #[cold]
    fn get_locked(&self, i: usize) -> Option<Value> {
        let _g = self.lock();
        if i >= self.len() {
            return None;
        }
        self.array()
            .and_then(|a| a.obj().slots().get(i).map(|s| s.get()))
            .and_then(|v| v.non_null())
    }

    /// `self[i] = v` for an in-range `i`; false when out of range. See
    /// the module doc (why a lock-free store is neither lost nor
    /// duplicated).
    #[inline]
    pub fn set(&self, i: usize, v: Value) -> bool {
        self.note_lock_free_store();
        if self.layout.load(Ordering::SeqCst) & 1 == 0 {
            let Some(a) = self.array() else { return false };
            if i >= self.len() {
                return false;
            }
            let Some(s) = a.obj().slots().get(i) else {
                return false;
            };
            let cur = s.get();
            if !cur.is_null() && s.compare_exchange_seq_cst(cur, v) {
                return true;
            }
        }
        self.set_locked(i, v)
    }

    /// Marks the list as stored into lock-free (before the first such
    /// store; see the module doc): from then on, copies freeze.
    #[inline(always)]
    fn note_lock_free_store(&self) {
        if !self.stored.load(Ordering::SeqCst) {
            self.stored.store(true, Ordering::SeqCst);
        }
    }

    /// Takes the value out of `s` for a copy: in freeze mode the slot is
    /// swapped to NULL, so that a lock-free store either lands before (and
    /// is copied) or fails (and retries under the lock). Lock held, layout
    /// odd.
    #[inline(always)]
    fn take(&self, freeze: bool, s: &Slot) -> Value {
        if freeze {
            s.swap(Value::NULL)
        } else {
            s.get()
        }
    }

    /// Whether copies must freeze the slots they copy (the list was ever
    /// stored into lock-free). Read after `layout_begin`.
    #[inline(always)]
    fn freeze_mode(&self) -> bool {
        self.stored.load(Ordering::SeqCst)
    }

    #[cold]
    fn set_locked(&self, i: usize, v: Value) -> bool {
        let _g = self.lock();
        let n = self.len();
        let Some(a) = self.array() else { return false };
        if i < n {
            a.obj().slots()[i].set(v);
            true
        } else {
            false
        }
    }

    /// `self[start::step] = vals` when the slice has exactly `vals.len()`
    /// items and the list still has `n` items: the items are replaced
    /// where they are (no new array), as single-item stores would. False
    /// when the length changed meanwhile (the caller starts over).
    fn store_slice_in_place(&self, n: usize, start: usize, step: isize, vals: &[Value]) -> bool {
        let _g = self.lock();
        if self.len() != n {
            return false;
        }
        let Some(a) = self.array() else {
            return vals.is_empty();
        };
        let slots = a.obj().slots();
        for (k, &v) in vals.iter().enumerate() {
            let i = start as isize + k as isize * step;
            match usize::try_from(i).ok().and_then(|i| slots[..n].get(i)) {
                Some(s) => s.set(v),
                None => return false,
            }
        }
        true
    }

    /// Replaces the items with `vals` (not empty) in a new array; the
    /// caller holds the lock.
    fn publish_locked(&self, ts: &mut ThreadState, vals: &[Value]) {
        let na = ValueArray::new_copy_nogc(ts, &[], vals.len());
        for (k, &v) in vals.iter().enumerate() {
            na.obj().slots()[k].init(v);
        }
        self.layout_begin();
        self.items.set(na.value());
        self.len.store(vals.len(), Ordering::Release);
        self.layout_end();
    }

    /// Starts a change that copies or removes items (module doc); the
    /// caller holds the lock and calls [`layout_end`] once the new state
    /// is published.
    ///
    /// [`layout_end`]: ListObj::layout_end
    #[inline]
    fn layout_begin(&self) {
        self.layout.fetch_add(1, Ordering::SeqCst);
        fence(Ordering::SeqCst);
    }

    #[inline]
    fn layout_end(&self) {
        self.layout.fetch_add(1, Ordering::Release);
    }

    /// Makes room for `extra` more items; the caller holds the lock.
    fn reserve_locked(&self, ts: &mut ThreadState, extra: usize) -> Gc<ValueArray> {
        let n = self.len();
        let need = n + extra;
        if let Some(a) = self.array() {
            if a.capacity() >= need {
                return a;
            }
        }
        let cap = self.array().map(|a| a.capacity()).unwrap_or(0);
        let newcap = grown_capacity(need, cap);
        self.layout_begin();
        let src: &[Slot] = match self.array() {
            Some(a) => &a.obj().slots()[..n],
            None => &[],
        };
        let na = if self.freeze_mode() {
            let na = ValueArray::new_copy_nogc(ts, &[], newcap);
            for (d, s) in na.obj().slots().iter().zip(src) {
                d.init(self.take(true, s));
            }
            na
        } else {
            ValueArray::new_copy_nogc(ts, src, newcap)
        };
        self.items.set(na.value());
        self.layout_end();
        na
    }

    /// `self.append(v)`.
    #[inline]
    pub fn append(&self, ts: &mut ThreadState, v: Value) {
        let _g = self.lock();
        let n = self.len();
        let a = self.reserve_locked(ts, 1);
        a.obj().slots()[n].set(v);
        self.len.store(n + 1, Ordering::Release);
    }

    /// `self.append(v)` from Python code (`list.append`, a comprehension's
    /// LIST_APPEND): when the array is full, a safepoint where a due
    /// collection runs comes first. Growth allocates under the list's lock,
    /// where it must not collect, so a loop that only appends would
    /// otherwise never free the arrays it outgrew (a 10-million-item
    /// comprehension left nine times its size of dead arrays). The caller
    /// holds no lock.
    #[inline]
    pub fn append_at_safepoint(&self, ts: &mut ThreadState, v: Value) {
        if let Some(a) = self.array() {
            if self.len() >= a.capacity() {
                ts.collect_if_due();
            }
        }
        self.append(ts, v);
    }

    /// Appends many values.
    pub fn extend_from(&self, ts: &mut ThreadState, vals: &[Value]) {
        if vals.is_empty() {
            return;
        }
        let _g = self.lock();
        let n = self.len();
        let a = self.reserve_locked(ts, vals.len());
        for (k, &v) in vals.iter().enumerate() {
            a.obj().slots()[n + k].set(v);
        }
        self.len.store(n + vals.len(), Ordering::Release);
    }

    /// A consistent copy of the items (taken under the lock).
    pub fn snapshot(&self, ts: &mut ThreadState) -> (Option<Gc<ValueArray>>, usize) {
        let _g = self.lock();
        let n = self.len();
        match self.array() {
            Some(a) if n > 0 => (
                Some(ValueArray::new_copy_nogc(ts, &a.obj().slots()[..n], n)),
                n,
            ),
            _ => (None, 0),
        }
    }

    /// A consistent copy of the items (taken under the lock), rooted: the
    /// caller may allocate and run Python code while it holds it.
    pub fn snapshot_items(&self, ts: &ThreadState) -> RootedVec {
        let mut out = RootedVec::new(ts);
        let _g = self.lock();
        let n = self.len();
        if let Some(a) = self.array() {
            out.extend(a.obj().slots()[..n].iter().map(|s| s.get()));
        }
        out
    }

    /// The items as a plain `Vec`, for callers that reach no safepoint
    /// (no allocation, no Python code) while they hold it: the values are
    /// not rooted by it.
    pub fn snapshot_items_unrooted(&self) -> Vec<Value> {
        let _g = self.lock();
        let n = self.len();
        match self.array() {
            Some(a) => a.obj().slots()[..n].iter().map(|s| s.get()).collect(),
            None => Vec::new(),
        }
    }

    /// Removes and returns item `i` (normalized); None when out of range.
    pub fn pop_at(&self, ts: &mut ThreadState, i: i64) -> Option<Value> {
        let _g = self.lock();
        let j = normalize_index(i, self.len())?;
        self.remove_locked(ts, j)
    }

    /// Removes item `i` if it is still `expected` (identity): the check and
    /// the removal under one hold of the lock (`list.remove`).
    pub fn remove_if_at(&self, ts: &mut ThreadState, i: usize, expected: Value) -> bool {
        let _g = self.lock();
        if i >= self.len() || self.array().map(|a| a.obj().slots()[i].get()) != Some(expected) {
            return false;
        }
        self.remove_locked(ts, i).is_some()
    }

    /// Removes the first item identical to `x`, searching under the lock
    /// (identity runs no Python code). For `list.remove` after a search
    /// with `==` missed while other threads moved items.
    pub fn remove_identical(&self, ts: &mut ThreadState, x: Value) -> bool {
        let _g = self.lock();
        let n = self.len();
        let Some(a) = self.array() else {
            return false;
        };
        match a.obj().slots()[..n].iter().position(|s| s.get() == x) {
            Some(i) => self.remove_locked(ts, i).is_some(),
            None => false,
        }
    }

    /// Removes item `j < len`; the caller holds the lock. The last item is
    /// cleared in place; any other removal moves items, so it publishes a
    /// new array (module doc).
    fn remove_locked(&self, ts: &mut ThreadState, j: usize) -> Option<Value> {
        let n = self.len();
        let a = self.array()?;
        self.layout_begin();
        let s = a.obj().slots();
        if j + 1 < n {
            let freeze = self.freeze_mode();
            let na = ValueArray::new_copy_nogc(ts, &[], a.capacity());
            let d = na.obj().slots();
            for (dk, sk) in d[..j].iter().zip(&s[..j]) {
                dk.init(self.take(freeze, sk));
            }
            let v = self.take(freeze, &s[j]);
            for (dk, sk) in d[j..n - 1].iter().zip(&s[j + 1..n]) {
                dk.init(self.take(freeze, sk));
            }
            self.items.set(na.value());
            self.len.store(n - 1, Ordering::Release);
            self.layout_end();
            return Some(v);
        }
        // The last item: taken in place (a racing lock-free store either
        // lands before the swap, and is what we pop, or fails).
        let v = s[j].swap(Value::NULL);
        self.len.store(n - 1, Ordering::Release);
        self.layout_end();
        Some(v)
    }

    /// Inserts `v` before index `i` (clamped).
    pub fn insert(&self, ts: &mut ThreadState, i: i64, v: Value) {
        let _g = self.lock();
        let n = self.len();
        let j = if i < 0 {
            (i + n as i64).max(0) as usize
        } else {
            (i as usize).min(n)
        };
        if j == n {
            // Nothing moves: as `append`.
            let a = self.reserve_locked(ts, 1);
            a.obj().slots()[n].set(v);
            self.len.store(n + 1, Ordering::Release);
            return;
        }
        self.layout_begin();
        let cap = self.array().map(|a| a.capacity()).unwrap_or(0);
        let newcap = if cap > n {
            cap
        } else {
            grown_capacity(n + 1, cap)
        };
        let src: &[Slot] = match self.array() {
            Some(a) => &a.obj().slots()[..n],
            None => &[],
        };
        let freeze = self.freeze_mode();
        let na = ValueArray::new_copy_nogc(ts, &[], newcap);
        let d = na.obj().slots();
        for (dk, sk) in d[..j].iter().zip(&src[..j]) {
            dk.init(self.take(freeze, sk));
        }
        d[j].init(v);
        for (dk, sk) in d[j + 1..=n].iter().zip(&src[j..n]) {
            dk.init(self.take(freeze, sk));
        }
        self.items.set(na.value());
        self.len.store(n + 1, Ordering::Release);
        self.layout_end();
    }

    /// Reverses the items in place (as seen by Python: a new array is
    /// published, see the module doc).
    pub fn reverse(&self, ts: &mut ThreadState) {
        let _g = self.lock();
        let n = self.len();
        let Some(a) = self.array() else { return };
        if n < 2 {
            return;
        }
        self.layout_begin();
        let s = a.obj().slots();
        let freeze = self.freeze_mode();
        let na = ValueArray::new_copy_nogc(ts, &[], a.capacity());
        let d = na.obj().slots();
        for (dk, sk) in d[..n].iter().zip(s[..n].iter().rev()) {
            dk.init(self.take(freeze, sk));
        }
        self.items.set(na.value());
        self.layout_end();
    }

    /// Replaces the whole content (under the lock) with `vals`.
    pub fn replace_all(&self, ts: &mut ThreadState, vals: &[Value]) {
        let _g = self.lock();
        if vals.is_empty() {
            self.clear_locked();
            return;
        }
        self.publish_locked(ts, vals);
    }

    /// Empties the list. An empty list is left as it is (its storage
    /// too: a sort in progress sees no mutation, as in CPython).
    fn clear_locked(&self) {
        if self.is_empty() {
            return;
        }
        self.layout_begin();
        self.len.store(0, Ordering::Release);
        self.items.set(Value::NULL);
        self.layout_end();
    }

    pub fn clear(&self) {
        let _g = self.lock();
        self.clear_locked();
    }

    /// Takes all items out for a sort, leaving the list empty with `mark`
    /// (a fresh array of capacity 0) as its storage. Any mutation of the
    /// list replaces or drops that array (it has no room for an item, and
    /// clearing stores NULL), so [`ListObj::put_back_sorted`] tells whether
    /// the list was touched even if its length came back to 0.
    fn take_all(&self, ts: &mut ThreadState, mark: Gc<ValueArray>) -> RootedVec {
        let mut out = RootedVec::new(ts);
        let _g = self.lock();
        let n = self.len();
        if let Some(a) = self.array() {
            out.extend(a.obj().slots()[..n].iter().map(|s| s.get()));
        }
        self.layout_begin();
        self.len.store(0, Ordering::Release);
        self.items.set(mark.value());
        self.layout_end();
        out
    }

    /// Stores the sorted `vals` back (see [`ListObj::take_all`]); returns
    /// whether the list was modified during the sort (its storage is no
    /// longer `mark`).
    fn put_back_sorted(&self, ts: &mut ThreadState, vals: &[Value], mark: Gc<ValueArray>) -> bool {
        let _g = self.lock();
        let modified = self.items.get() != mark.value();
        if vals.is_empty() {
            self.clear_locked();
            return modified;
        }
        self.publish_locked(ts, vals);
        modified
    }
}

/// The capacity for `need` items grown from `cap`: CPython's list_resize,
/// about 1/8 over-allocation.
/// The capacity for `need` items: CPython's over-allocation (`__sizeof__`
/// shows it) up to 4K items; beyond that half as much again. CPython
/// grows a big list with `realloc`, which mostly moves no items; ftpy
/// publishes a new array at each growth (see the module doc), so a big
/// list grows in fewer, larger steps: with CPython's 1/8 it would copy
/// each item eight times on average, with 1/2 twice.
fn grown_capacity(need: usize, cap: usize) -> usize {
    let extra = if need >= 1 << 12 {
        need >> 1
    } else {
        (need >> 3) + if need < 9 { 3 } else { 6 }
    };
    ((need + extra) & !3).max(cap).max(4)
}

fn as_list(ts: &mut ThreadState, v: Value) -> PyResult<Gc<ListObj>> {
    match v.downcast::<ListObj>() {
        Some(l) => Ok(l),
        None => Err(ts.type_error(format!(
            "descriptor requires a 'list' object but received a '{}'",
            type_name(v)
        ))),
    }
}

fn list_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let l = as_list(ts, v)?;
    let s = repr_items(ts, v, &|i| l.get(i), "[", "]", false)?;
    Ok(StrObj::new(ts, &s))
}

fn list_richcompare(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast::<ListObj>(), b.downcast::<ListObj>()) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if (op == CompareOp::Eq || op == CompareOp::Ne) && x.len() != y.len() {
        return Ok(Value::from_bool(op == CompareOp::Ne));
    }
    compare_sequences(ts, &|i| x.get(i), &|i| y.get(i), &|| (x.len(), y.len()), op)
}

fn list_len(ts: &mut ThreadState, v: Value) -> PyResult<usize> {
    Ok(as_list(ts, v)?.len())
}

/// `l[key]`.
pub fn list_getitem(ts: &mut ThreadState, v: Value, key: Value) -> PyResult<Value> {
    let l = as_list(ts, v)?;
    if let Some(i) = key.as_small_int() {
        return match normalize_index(i, l.len()).and_then(|j| l.get(j)) {
            Some(x) => Ok(x),
            None => Err(ts.index_error("list index out of range")),
        };
    }
    if let Some(s) = key.downcast::<SliceObj>() {
        let n = l.len();
        let (start, _, step, count) = s.indices(ts, n as i64)?;
        if step == 1 {
            // A contiguous slice: one copy, made under the list's lock (a
            // concurrent writer may have shortened the list since
            // `indices`: clamp to what is there now).
            let out = {
                let _g = l.lock();
                let n = l.len();
                let from = (start.max(0) as usize).min(n);
                let to = (from + count).min(n);
                match l.array() {
                    Some(a) if to > from => Some(ValueArray::new_copy_nogc(
                        ts,
                        &a.obj().slots()[from..to],
                        to - from,
                    )),
                    _ => None,
                }
            };
            return Ok(match out {
                Some(arr) => {
                    let len = arr.capacity();
                    ListObj::from_array(ts, arr, len).value()
                }
                None => ListObj::new(ts, &[]).value(),
            });
        }
        // Every step: the items picked straight out of the array under
        // the lock, unless a concurrent writer changed the length since
        // `indices` (then again, against a copy).
        if count == 0 {
            return Ok(ListObj::new(ts, &[]).value());
        }
        let out = {
            let _g = l.lock();
            match l.array() {
                Some(a) if l.len() == n => Some(ValueArray::new_strided_nogc(
                    ts,
                    &a.obj().slots()[..n],
                    start as usize,
                    step as isize,
                    count,
                )),
                _ => None,
            }
        };
        if let Some(out) = out {
            return Ok(ListObj::from_array(ts, out, count).value());
        }
        let (arr, n) = l.snapshot(ts);
        let (start, _, step, count) = s.indices(ts, n as i64)?;
        let out = ValueArray::new(ts, count);
        if let Some(arr) = arr {
            for k in 0..count {
                let idx = (start + k as i64 * step) as usize;
                out.obj().slots()[k].init(arr.obj().slots()[idx].get());
            }
        }
        return Ok(ListObj::from_array(ts, out, count).value());
    }
    let i = ops::item_index(ts, key, "list")?;
    match normalize_index(i, l.len()).and_then(|j| l.get(j)) {
        Some(x) => Ok(x),
        None => Err(ts.index_error("list index out of range")),
    }
}

/// `l[key] = v` / `del l[key]`.
pub fn list_setitem(ts: &mut ThreadState, v: Value, key: Value, x: Option<Value>) -> PyResult<()> {
    let l = as_list(ts, v)?;
    if let Some(s) = key.downcast::<SliceObj>() {
        return list_set_slice(ts, l, s, x);
    }
    let i = if let Some(i) = key.as_small_int() {
        i
    } else {
        ops::item_index(ts, key, "list")?
    };
    match x {
        Some(x) => {
            let ok = match normalize_index(i, l.len()) {
                Some(j) => l.set(j, x),
                None => false,
            };
            if !ok {
                return Err(ts.index_error("list assignment index out of range"));
            }
            Ok(())
        }
        None => {
            if l.pop_at(ts, i).is_none() {
                return Err(ts.index_error("list assignment index out of range"));
            }
            Ok(())
        }
    }
}

fn list_set_slice(
    ts: &mut ThreadState,
    l: Gc<ListObj>,
    s: Gc<SliceObj>,
    x: Option<Value>,
) -> PyResult<()> {
    // The new items first (may run Python code: no lock held).
    let new_items = match x {
        Some(src) => {
            if src == l.value() {
                Some(l.snapshot_items(ts))
            } else {
                Some(ops::collect(ts, src).map_err(|e| {
                    if e.matches(types().type_error) {
                        ts.type_error("can only assign an iterable")
                    } else {
                        e
                    }
                })?)
            }
        }
        None => None,
    };
    if let Some(ni) = &new_items {
        // The common `a[i:j] = b` of the same size (a reversal, a rotation
        // in place, `a[::2] = ...`): no new array.
        let n = l.len();
        let (start, _, step, count) = s.indices(ts, n as i64)?;
        if ni.len() == count && l.store_slice_in_place(n, start.max(0) as usize, step as isize, ni)
        {
            return Ok(());
        }
    }
    let cur = l.snapshot_items(ts);
    let n = cur.len();
    let (start, stop, step, count) = s.indices(ts, n as i64)?;
    let mut result = RootedVec::with_capacity(ts, n);
    if step == 1 {
        let (a, b) = (start as usize, (stop.max(start)) as usize);
        result.extend_from_slice(&cur[..a]);
        if let Some(ni) = &new_items {
            result.extend_from_slice(ni);
        }
        result.extend_from_slice(&cur[b.min(n)..]);
    } else {
        let idx: Vec<usize> = (0..count)
            .map(|k| (start + k as i64 * step) as usize)
            .collect();
        match &new_items {
            Some(ni) => {
                if ni.len() != count {
                    return Err(ts.value_error(format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        ni.len(),
                        count
                    )));
                }
                result.extend_from_slice(&cur);
                for (k, &i) in idx.iter().enumerate() {
                    result[i] = ni[k];
                }
            }
            None => {
                let mut drop_set = vec![false; n];
                for &i in &idx {
                    drop_set[i] = true;
                }
                for (i, &v) in cur.iter().enumerate() {
                    if !drop_set[i] {
                        result.push(v);
                    }
                }
            }
        }
    }
    l.replace_all(ts, &result);
    Ok(())
}

fn list_contains(ts: &mut ThreadState, v: Value, item: Value) -> PyResult<bool> {
    let l = as_list(ts, v)?;
    let mut i = 0;
    while let Some(x) = l.get(i) {
        if ops::eq(ts, x, item)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

fn list_iter(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(
        crate::objects::iterators::IterObj::new(ts, types().list_iterator, v, Value::NULL, 0)
            .value(),
    )
}

fn list_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    _args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    Ok(ListObj::new_typed(ts, cls, &[]).value())
}

fn list_init(
    ts: &mut ThreadState,
    v: Value,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<()> {
    // As CPython: keywords are refused unless a subclass's own __new__
    // takes them (list.__init__ then ignores them).
    let own_new =
        crate::objects::typeobj::type_of(v).slots.new.raw() == types().list.slots.new.raw();
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    if own_new && nkw > 0 {
        return Err(ts.type_error("list() takes no keyword arguments"));
    }
    // The keywords' values follow the positional arguments.
    let args = &args[..args.len().saturating_sub(nkw)];
    let l = as_list(ts, v)?;
    match args {
        [] => {
            l.clear();
            Ok(())
        }
        [x] => {
            let items = ops::collect(ts, *x)?;
            l.replace_all(ts, &items);
            Ok(())
        }
        _ => Err(ts.type_error(format!(
            "list expected at most 1 argument, got {}",
            args.len()
        ))),
    }
}

fn list_concat(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast::<ListObj>(), b.downcast::<ListObj>()) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let mut v = x.snapshot_items(ts);
    v.extend(y.snapshot_items(ts).iter());
    Ok(ListObj::new(ts, &v).value())
}

fn list_inplace_concat(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let Some(l) = a.downcast::<ListObj>() else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    extend_with(ts, l, b)?;
    Ok(a)
}

fn extend_with(ts: &mut ThreadState, l: Gc<ListObj>, src: Value) -> PyResult<()> {
    if let Some(t) = src
        .downcast::<TupleObj>()
        .filter(|_| crate::objects::typeobj::type_of(src) == types().tuple)
    {
        l.extend_from(ts, t.items());
        return Ok(());
    }
    if let Some(o) = src
        .downcast::<ListObj>()
        .filter(|_| crate::objects::typeobj::type_of(src) == types().list)
    {
        let items = o.snapshot_items(ts);
        l.extend_from(ts, &items);
        return Ok(());
    }
    let it = ops::iter(ts, src)?;
    while let Some(x) = ops::next(ts, it)? {
        l.append(ts, x);
    }
    Ok(())
}

fn list_repeat(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let (l, n) = match (a.downcast::<ListObj>(), b.downcast::<ListObj>()) {
        (Some(l), _) => (l, b),
        (None, Some(l)) => (l, a),
        _ => return Ok(Value::NOT_IMPLEMENTED),
    };
    let Some(n) = repeat_count(ts, n)? else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let n = n.max(0) as usize;
    // The result is allocated for the length seen first and filled under
    // the lock straight from the array, if the length is still that (a
    // concurrent writer may change it while the allocation collects).
    loop {
        let len = l.len();
        let total = len
            .checked_mul(n)
            .filter(|&x| x < (1 << 40))
            .ok_or_else(|| ts.memory_error(""))?;
        if total == 0 {
            return Ok(ListObj::new(ts, &[]).value());
        }
        ts.check_alloc_size(total * 8)?;
        let out = ValueArray::new(ts, total);
        {
            let _g = l.lock();
            match l.array() {
                Some(a) if l.len() == len => {
                    let src = &a.obj().slots()[..len];
                    for chunk in out.obj().slots().chunks_exact(len) {
                        for (o, i) in chunk.iter().zip(src) {
                            o.init(i.get());
                        }
                    }
                }
                _ => continue,
            }
        }
        return Ok(ListObj::from_array(ts, out, total).value());
    }
}

fn list_inplace_repeat(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let Some(l) = a.downcast::<ListObj>() else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let Some(n) = repeat_count(ts, b)? else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let n = n.max(0) as usize;
    let items = l.snapshot_items(ts);
    let total = items
        .len()
        .checked_mul(n)
        .filter(|&x| x < (1 << 40))
        .ok_or_else(|| ts.memory_error(""))?;
    ts.check_alloc_size(total * 8)?;
    let mut all = RootedVec::with_capacity(ts, total);
    for _ in 0..n {
        all.extend_from_slice(&items);
    }
    l.replace_all(ts, &all);
    Ok(a)
}

// ---- methods --------------------------------------------------------------------

fn this(ts: &mut ThreadState, args: &[Value]) -> PyResult<Gc<ListObj>> {
    match args.first() {
        Some(&v) => as_list(ts, v),
        None => Err(ts.type_error("descriptor needs an argument")),
    }
}

fn m_append(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: Sig = Sig::new("list.append($self, object, /)");
    let [_, _] = SIG.bind(ts, args, kw)?;
    let l = this(ts, args)?;
    l.append_at_safepoint(ts, args[1]);
    Ok(Value::NONE)
}

fn m_extend(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: Sig = Sig::new("list.extend($self, iterable, /)");
    let [_, _] = SIG.bind(ts, args, kw)?;
    let l = this(ts, args)?;
    extend_with(ts, l, args[1])?;
    Ok(Value::NONE)
}

fn m_insert(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: Sig = Sig::new("list.insert($self, index, object, /)");
    let [_, _, _] = SIG.bind(ts, args, kw)?;
    let l = this(ts, args)?;
    let i = ops::index_to_i64(ts, args[1])?;
    l.insert(ts, i, args[2]);
    Ok(Value::NONE)
}

fn m_pop(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: Sig = Sig::new("list.pop($self, index=-1, /)");
    let [_, _] = SIG.bind(ts, args, kw)?;
    let l = this(ts, args)?;
    let i = match args.get(1) {
        Some(&v) => ops::index_to_i64(ts, v)?,
        None => -1,
    };
    match l.pop_at(ts, i) {
        Some(v) => Ok(v),
        None => Err(ts.index_error(if l.is_empty() {
            "pop from empty list"
        } else {
            "pop index out of range"
        })),
    }
}

fn m_remove(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: Sig = Sig::new("list.remove($self, value, /)");
    let [_, _] = SIG.bind(ts, args, kw)?;
    let l = this(ts, args)?;
    let x = args[1];
    loop {
        let mut i = 0;
        let mut found = None;
        while let Some(y) = l.get(i) {
            if ops::eq(ts, y, x)? {
                found = Some((i, y));
                break;
            }
            i += 1;
        }
        let Some((i, y)) = found else {
            // The search runs without the lock (`==` may run Python code),
            // so items moved by another thread can slip past it: an item
            // that is `x` itself is still found, under the lock.
            if l.remove_identical(ts, x) {
                return Ok(Value::NONE);
            }
            return Err(ts.value_error("list.remove(x): x not in list"));
        };
        // Remove it if it is still there (identity, checked and removed
        // under one hold of the lock), else search again.
        if l.remove_if_at(ts, i, y) {
            return Ok(Value::NONE);
        }
    }
}

fn m_index(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: Sig = Sig::new("list.index($self, value, start=0, stop=sys.maxsize, /)");
    let [_, _, _, _] = SIG.bind(ts, args, kw)?;
    let l = this(ts, args)?;
    let len = l.len() as i64;
    let clamp = |v: i64| if v < 0 { (v + len).max(0) } else { v.min(len) };
    let start = match args.get(2) {
        Some(&s) => clamp(ops::slice_bound(ts, s)?),
        None => 0,
    };
    let stop = match args.get(3) {
        Some(&s) => clamp(ops::slice_bound(ts, s)?),
        None => len,
    };
    let mut i = start;
    while i < stop {
        let Some(y) = l.get(i as usize) else { break };
        if ops::eq(ts, y, args[1])? {
            return Ok(Value::small_int_unchecked(i));
        }
        i += 1;
    }
    let r = ops::repr_string(ts, args[1])?;
    Err(ts.value_error(format!("{r} is not in list")))
}

fn m_count(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: Sig = Sig::new("list.count($self, value, /)");
    let [_, _] = SIG.bind(ts, args, kw)?;
    let l = this(ts, args)?;
    let mut n = 0;
    let mut i = 0;
    while let Some(y) = l.get(i) {
        if ops::eq(ts, y, args[1])? {
            n += 1;
        }
        i += 1;
    }
    Ok(len_value(n))
}

fn m_clear(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: Sig = Sig::new("list.clear($self, /)");
    let [_] = SIG.bind(ts, args, kw)?;
    this(ts, args)?.clear();
    Ok(Value::NONE)
}

fn m_copy(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: Sig = Sig::new("list.copy($self, /)");
    let [_] = SIG.bind(ts, args, kw)?;
    let l = this(ts, args)?;
    let (arr, n) = l.snapshot(ts);
    match arr {
        Some(a) => Ok(ListObj::from_array(ts, a, n).value()),
        None => Ok(ListObj::new(ts, &[]).value()),
    }
}

fn m_reverse(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: Sig = Sig::new("list.reverse($self, /)");
    let [_] = SIG.bind(ts, args, kw)?;
    this(ts, args)?.reverse(ts);
    Ok(Value::NONE)
}

fn m_sort(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("list.sort($self, /, *, key=None, reverse=False)");
    let [_, key, reverse] = SIG.bind(ts, args, kw)?;
    let l = this(ts, args)?;
    sort(ts, l, key, reverse)?;
    Ok(Value::NONE)
}

/// `l.sort(key=key, reverse=reverse)` (NULL: not given).
pub(crate) fn sort(
    ts: &mut ThreadState,
    l: Gc<ListObj>,
    key: Value,
    reverse: Value,
) -> PyResult<()> {
    let key = key.non_null().filter(|k| !k.is_none());
    let reverse = match reverse.non_null() {
        Some(r) => crate::sort::reverse_flag(ts, r)?,
        None => false,
    };
    // Nothing to sort, nothing can run: the storage stays (a sort of the
    // empty list inside another sort of it is no mutation, as CPython).
    if l.is_empty() {
        return Ok(());
    }
    let mark = ValueArray::new(ts, 0);
    let mut items = l.take_all(ts, mark);
    let r = crate::sort::sort_values(ts, &mut items, key, reverse);
    // Put the items back; a list changed during the sort is an error
    // (after the sort's own error, if any, as CPython).
    let modified = l.put_back_sorted(ts, &items, mark);
    r?;
    if modified {
        return Err(ts.value_error("list modified during sort"));
    }
    Ok(())
}

fn m_reversed(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: Sig = Sig::new("list.__reversed__($self, /)");
    let [_] = SIG.bind(ts, args, kw)?;
    let l = this(ts, args)?;
    let n = l.len();
    Ok(crate::objects::iterators::IterObj::new(
        ts,
        types().list_reverseiterator,
        l.value(),
        Value::NULL,
        n as i64 - 1,
    )
    .value())
}

fn m_sizeof(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: Sig = Sig::new("list.__sizeof__($self, /)");
    let [_] = SIG.bind(ts, args, kw)?;
    let l = this(ts, args)?;
    let cap = l.array().map(|a| a.capacity()).unwrap_or(0);
    Ok(len_value(40 + 8 * cap))
}

/// `list.__add__` called directly: CPython's sequence concatenation
/// raises rather than returning NotImplemented.
fn m_add(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("list.__add__($self, value, /)");
    let [a, b] = SIG.bind(ts, args, kw)?;
    let r = list_concat(ts, a, b)?;
    if r == Value::NOT_IMPLEMENTED {
        return Err(ts.type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            type_name(b)
        )));
    }
    Ok(r)
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let doc = StrObj::new(ts, "Built-in mutable sequence.\n\nIf no argument is given, the constructor creates a new empty list.\nThe argument must be an iterable if specified.");
    crate::objects::set_type_attr(ts, t.list, "__doc__", doc);
    let ty = t.list;
    let s = &ty.slots;
    s.repr.set(Some(list_repr));
    s.hash
        .set(Some(crate::objects::slots::hash_not_implemented));
    s.richcompare.set(Some(list_richcompare));
    s.len.set(Some(list_len));
    s.getitem.set(Some(list_getitem));
    s.setitem.set(Some(list_setitem));
    s.contains.set(Some(list_contains));
    s.iter.set(Some(list_iter));
    s.new.set(Some(list_new));
    s.init.set(Some(list_init));
    s.nb[BinaryOp::Add as usize].set(Some(list_concat));
    s.nb[BinaryOp::Multiply as usize].set(Some(list_repeat));
    s.nb_inplace[BinaryOp::Add as usize].set(Some(list_inplace_concat));
    s.nb_inplace[BinaryOp::Multiply as usize].set(Some(list_inplace_repeat));
    add_methods(
        ts,
        ty,
        &[
            method("append", m_append),
            method("extend", m_extend),
            method("insert", m_insert),
            method("pop", m_pop),
            method("remove", m_remove),
            method("index", m_index),
            method("count", m_count),
            method("clear", m_clear),
            method("copy", m_copy),
            method("reverse", m_reverse),
            method("sort", m_sort),
            method("__reversed__", m_reversed),
            method("__sizeof__", m_sizeof),
            method("__add__", m_add),
        ],
    );
}
