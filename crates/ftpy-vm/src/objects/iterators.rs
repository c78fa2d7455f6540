//! The built-in iterators: `list_iterator`, `range_iterator`,
//! `dict_keyiterator`, `enumerate`, `zip`, `map`, `filter`, `reversed` ...
//!
//! They share one layout, [`IterObj`], whose fields each iterator type
//! reads its own way (documented at each `next` function). An iterator
//! shared by threads never crashes: its position is an atomic, and every
//! item it returns is a value read from its source.

use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};

use crate::error::PyResult;
use crate::gc::{Marker, RootedVec, Slot};
use crate::interp::{types, BuiltinTypes};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::dict::DictObj;
use crate::objects::list::ListObj;
use crate::objects::set::SetObj;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, type_of, TypeObj};
use crate::objects::{add_methods, method};
use crate::ops;
use crate::thread::{ThreadShared, ThreadState};
use crate::value::Value;

#[repr(C)]
pub struct IterObj {
    pub header: Header,
    /// The source (list, tuple, str, dict, set, iterator, callable ...).
    pub a: Slot,
    /// Auxiliary value (sentinel, function, count ...).
    pub b: Slot,
    /// Position.
    pub index: AtomicI64,
    /// Second integer (remaining count, expected size, byte offset ...).
    pub end: AtomicI64,
    /// The thread that made the iterator (its `ThreadShared` address), or
    /// `TRANSITION`/`SHARED` once another thread has stepped it: see
    /// [`IterObj::take`].
    owner: AtomicUsize,
}

/// `IterObj::owner` while the first other thread to step an iterator
/// waits for its owner to leave any step in progress.
const TRANSITION: usize = 1;
/// `IterObj::owner` once several threads may step the iterator.
const SHARED: usize = 2;

// SAFETY: repr(C), Header first; traces both slots.
unsafe impl HeapObj for IterObj {
    const KIND: Kind = Kind::Iterator;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.a);
        m.slot(&self.b);
    }
}

impl IterObj {
    pub fn new(
        ts: &mut ThreadState,
        ty: Gc<TypeObj>,
        a: Value,
        b: Value,
        index: i64,
    ) -> Gc<IterObj> {
        Self::new2(ts, ty, a, b, index, 0)
    }

    pub fn new2(
        ts: &mut ThreadState,
        ty: Gc<TypeObj>,
        a: Value,
        b: Value,
        index: i64,
        end: i64,
    ) -> Gc<IterObj> {
        crate::objects::instance::alloc_with_attrs(
            ts,
            ty,
            IterObj {
                header: Header::new(ty, Kind::Iterator, 0),
                a: Slot::new(a),
                b: Slot::new(b),
                index: AtomicI64::new(index),
                end: AtomicI64::new(end),
                owner: AtomicUsize::new(ts.shared() as *const ThreadShared as usize),
            },
        )
    }

    /// Claims position `index` and moves past it; threads sharing the
    /// iterator get every position exactly once.
    ///
    /// An iterator is nearly always stepped only by the thread that made
    /// it, and an atomic increment (a full barrier on x86) is a good part
    /// of a `for` loop's step, so the owner steps with a plain load and
    /// store. The first step from another thread makes the iterator
    /// shared: it marks it, then stops the world once, which guarantees
    /// that the owner has left any plain step it was in (there is no
    /// safepoint inside one) and sees the mark from then on; from then on
    /// every thread claims positions with an atomic increment.
    #[inline(always)]
    pub fn take(&self, ts: &mut ThreadState) -> i64 {
        if self.owner.load(Ordering::Relaxed) == ts.shared() as *const ThreadShared as usize {
            let k = self.index.load(Ordering::Relaxed);
            self.index.store(k + 1, Ordering::Relaxed);
            return k;
        }
        self.take_shared(ts)
    }

    /// The next item of a list or range iterator stepped by the thread
    /// that made it: the interpreter's inline FOR_ITER step, which reaches
    /// no safepoint and cannot fail. `Some(None)` when exhausted; `None`
    /// for every other iterator, and for one that other threads step.
    #[inline(always)]
    pub fn next_owned(&self, ts: &ThreadState) -> Option<Option<Value>> {
        if self.owner.load(Ordering::Relaxed) != ts.shared() as *const ThreadShared as usize {
            return None;
        }
        let ty = self.header.ty();
        let t = types();
        if ty != t.range_iterator && ty != t.list_iterator {
            return None;
        }
        let src = self.a.get();
        let k = self.index.load(Ordering::Relaxed);
        self.index.store(k + 1, Ordering::Relaxed);
        Some(self.item_at(src, ty == t.range_iterator, k))
    }

    /// The next item of a list or range iterator (`None` for other
    /// iterators), whichever thread steps it: positions are claimed by
    /// `take`.
    #[inline]
    pub fn next_list_or_range(&self, ts: &mut ThreadState) -> Option<Option<Value>> {
        let ty = self.header.ty();
        let t = types();
        if ty != t.range_iterator && ty != t.list_iterator {
            return None;
        }
        let src = self.a.get();
        let k = self.take(ts);
        Some(self.item_at(src, ty == t.range_iterator, k))
    }

    /// Item `k` of a range iterator (`range`) or a list iterator, once
    /// position `k` is claimed; None past the end (a list iterator then
    /// lets go of its list). `src` is the list as read *before* the claim:
    /// a thread that claimed the position past the end may clear `a`
    /// while another that claimed the last item has yet to read it, and
    /// that item must not be lost. (A NULL read before a claim means some
    /// thread already claimed past the end, so every item is taken.)
    #[inline(always)]
    fn item_at(&self, src: Value, range: bool, k: i64) -> Option<Value> {
        if range {
            if k >= self.end.load(Ordering::Relaxed) {
                return None;
            }
            let (start, step) = (
                self.a.get().small_int_value(),
                self.b.get().small_int_value(),
            );
            return Some(Value::small_int_unchecked(start + k * step));
        }
        let l = src.downcast::<crate::objects::list::ListObj>()?;
        match l.get(k as usize) {
            Some(v) => Some(v),
            None => {
                self.a.set(Value::NULL);
                None
            }
        }
    }

    #[cold]
    #[inline(never)]
    fn take_shared(&self, ts: &mut ThreadState) -> i64 {
        let o = self.owner.load(Ordering::Acquire);
        if o != SHARED {
            let first = o != TRANSITION
                && self
                    .owner
                    .compare_exchange(o, TRANSITION, Ordering::SeqCst, Ordering::SeqCst)
                    .is_ok();
            // The first thread, and any that comes while it waits, waits
            // for every thread to pass a safepoint after the mark.
            crate::gc::collect::sync_with_all_threads(ts);
            if first {
                self.owner.store(SHARED, Ordering::Release);
            }
        }
        self.index.fetch_add(1, Ordering::Relaxed)
    }
}

fn it(v: Value) -> Gc<IterObj> {
    // SAFETY: the `next` slots below are only installed on iterator types,
    // whose instances all have the IterObj layout.
    unsafe { v.downcast_unchecked() }
}

/// `iter(seq)` for objects with only `__getitem__`.
pub fn seq_iter(ts: &mut ThreadState, seq: Value) -> Value {
    IterObj::new(ts, types().seq_iterator, seq, Value::NULL, 0).value()
}

/// A dict iterator of type `ty` (keys, values or items).
pub fn dict_iter(ts: &mut ThreadState, ty: Gc<TypeObj>, d: Gc<DictObj>) -> Value {
    let n = d.len() as i64;
    IterObj::new2(ts, ty, d.value(), Value::small_int_unchecked(n), 0, n).value()
}

fn iter_self(_ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(v)
}

/// list_iterator: a = list, index = next position (a NULL `a` is exhausted).
fn list_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let o = it(v);
    let Some(l) = o.a.get().downcast::<ListObj>() else {
        return Ok(None);
    };
    let i = o.take(ts);
    match l.get(i as usize) {
        Some(x) => Ok(Some(x)),
        None => {
            o.a.set(Value::NULL);
            Ok(None)
        }
    }
}

/// list_reverseiterator: a = list, index counts down.
fn list_rev_next(_ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let o = it(v);
    let Some(l) = o.a.get().downcast::<ListObj>() else {
        return Ok(None);
    };
    let i = o.index.fetch_sub(1, Ordering::Relaxed);
    if i < 0 {
        o.a.set(Value::NULL);
        return Ok(None);
    }
    match l.get(i as usize) {
        Some(x) => Ok(Some(x)),
        None => {
            o.a.set(Value::NULL);
            Ok(None)
        }
    }
}

/// tuple_iterator: a = tuple, index.
fn tuple_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let o = it(v);
    let Some(t) = o.a.get().downcast::<TupleObj>() else {
        return Ok(None);
    };
    let i = o.take(ts);
    match t.get(i as usize) {
        Some(x) => Ok(Some(x)),
        None => {
            o.a.set(Value::NULL);
            Ok(None)
        }
    }
}

/// range_iterator over small ints: index = next value, end = remaining
/// count, b = step (a small int). Every value it passes through is a small
/// int (range.rs makes a `longrange_iterator` otherwise), which the
/// interpreter's `FOR_ITER` fast path relies on.
fn range_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    Ok(range_step(ts, it(v)))
}

/// The next value of a range iterator (`take` claims item `k`, so threads
/// sharing the iterator get every item exactly once).
#[inline(always)]
pub fn range_step(ts: &mut ThreadState, o: Gc<IterObj>) -> Option<Value> {
    let k = o.take(ts);
    o.item_at(Value::NULL, true, k)
}

/// The number of items a range iterator has handed out (the claim counter
/// runs past the length once exhausted).
fn range_taken(o: Gc<IterObj>) -> i64 {
    o.index
        .load(Ordering::Relaxed)
        .min(o.end.load(Ordering::Relaxed))
}

/// A range iterator over `len` values from `start` by `step`, all of
/// which are small ints: `a` is the start, `b` the step, `end` the length
/// and `index` the number of items claimed so far.
pub fn range_iter(ts: &mut ThreadState, start: i64, step: i64, len: i64) -> Value {
    debug_assert!(len == 0 || Value::small_int(start + (len - 1) * step).is_some());
    let stepv = Value::small_int_unchecked(step);
    let startv = Value::small_int_unchecked(start);
    IterObj::new2(ts, types().range_iterator, startv, stepv, 0, len).value()
}

/// longrange_iterator: a = the next value, b = (step, remaining count,
/// start, length), all ints of any size.
fn longrange_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let o = it(v);
    let Some(state) = o.b.get().downcast::<TupleObj>() else {
        return Ok(None);
    };
    let [step, left, start, len] = [0, 1, 2, 3].map(|i| state.items()[i]);
    let one = Value::small_int_unchecked(1);
    if crate::objects::int::to_i64(left).is_some_and(|n| n <= 0) {
        return Ok(None);
    }
    let cur = o.a.get();
    let next = ops::add(ts, cur, step)?;
    let left = ops::sub(ts, left, one)?;
    let st = TupleObj::new(ts, &[step, left, start, len]);
    o.a.set(next);
    o.b.set(st.value());
    Ok(Some(cur))
}

/// A range iterator for ranges whose values or length need big ints.
pub fn long_range_iter(ts: &mut ThreadState, start: Value, step: Value, len: Value) -> Value {
    let st = TupleObj::new(ts, &[step, len, start, len]);
    IterObj::new(ts, types().longrange_iterator, start, st.value(), 0).value()
}

/// str iterator: a = str, index = char index, end = byte offset.
fn str_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let o = it(v);
    let Some(s) = o.a.get().downcast::<StrObj>() else {
        return Ok(None);
    };
    let b = o.end.load(Ordering::Relaxed) as usize;
    match crate::objects::str::next_char_at(ts, s, b) {
        Some((c, next)) => {
            o.end.store(next as i64, Ordering::Relaxed);
            o.index.fetch_add(1, Ordering::Relaxed);
            Ok(Some(c))
        }
        None => {
            o.a.set(Value::NULL);
            Ok(None)
        }
    }
}

/// dict iterators: a = dict, index = entry position, end = the size the
/// dict had when iteration began, b = the count of items left (for
/// `__length_hint__`).
fn dict_next_common(ts: &mut ThreadState, v: Value) -> PyResult<Option<(Value, Value)>> {
    let o = it(v);
    let Some(d) = o.a.get().downcast::<DictObj>() else {
        return Ok(None);
    };
    if d.len() as i64 != o.end.load(Ordering::Relaxed) {
        o.end.store(-1, Ordering::Relaxed);
        return Err(ts.runtime_error("dictionary changed size during iteration"));
    }
    let pos = o.index.load(Ordering::Relaxed) as usize;
    match d.next_entry(pos) {
        Some((next, k, val)) => {
            // Same size but more entries than were left: keys were
            // deleted and others added (CPython checks the same count).
            if o.b.get().as_small_int() == Some(0) {
                o.a.set(Value::NULL);
                return Err(ts.runtime_error("dictionary keys changed during iteration"));
            }
            o.index.store(next as i64, Ordering::Relaxed);
            count_down(o);
            Ok(Some((k, val)))
        }
        None => {
            o.a.set(Value::NULL);
            Ok(None)
        }
    }
}

/// One item fewer left (`b` counts them as a small int).
fn count_down(o: Gc<IterObj>) {
    if let Some(n) = o.b.get().as_small_int() {
        o.b.set(Value::small_int_unchecked((n - 1).max(0)));
    }
}

/// The reversed dict iterators: as the forward ones, but `index` is one
/// past the next entry to look at, counting down.
fn dict_prev_common(ts: &mut ThreadState, v: Value) -> PyResult<Option<(Value, Value)>> {
    let o = it(v);
    let Some(d) = o.a.get().downcast::<DictObj>() else {
        return Ok(None);
    };
    if d.len() as i64 != o.end.load(Ordering::Relaxed) {
        o.end.store(-1, Ordering::Relaxed);
        o.a.set(Value::NULL);
        return Err(ts.runtime_error("dictionary changed size during iteration"));
    }
    let pos = o.index.load(Ordering::Relaxed).max(0) as usize;
    match d.prev_entry(pos) {
        Some((at, k, val)) => {
            o.index.store(at as i64, Ordering::Relaxed);
            count_down(o);
            Ok(Some((k, val)))
        }
        None => {
            o.a.set(Value::NULL);
            o.b.set(Value::small_int_unchecked(0));
            Ok(None)
        }
    }
}

fn dict_rev_key_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    Ok(dict_prev_common(ts, v)?.map(|(k, _)| k))
}

fn dict_rev_value_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    Ok(dict_prev_common(ts, v)?.map(|(_, x)| x))
}

fn dict_rev_item_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    match dict_prev_common(ts, v)? {
        Some((k, x)) => Ok(Some(TupleObj::new(ts, &[k, x]).value())),
        None => Ok(None),
    }
}

/// A reversed dict iterator of type `ty` (keys, values or items).
pub fn dict_rev_iter(ts: &mut ThreadState, ty: Gc<TypeObj>, d: Gc<DictObj>) -> Value {
    let n = d.len() as i64;
    let pos = d.entries_end() as i64;
    IterObj::new2(ts, ty, d.value(), Value::small_int_unchecked(n), pos, n).value()
}

fn dict_key_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    Ok(dict_next_common(ts, v)?.map(|(k, _)| k))
}

fn dict_value_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    Ok(dict_next_common(ts, v)?.map(|(_, x)| x))
}

fn dict_item_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    match dict_next_common(ts, v)? {
        Some((k, x)) => Ok(Some(TupleObj::new(ts, &[k, x]).value())),
        None => Ok(None),
    }
}

/// set_iterator: a = set, index = table position, end = expected size.
fn set_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let o = it(v);
    let Some(s) = o.a.get().downcast::<SetObj>() else {
        return Ok(None);
    };
    let pos = o.index.load(Ordering::Relaxed);
    if pos == 0 && o.end.load(Ordering::Relaxed) == 0 {
        o.end.store(s.len() as i64 + 1, Ordering::Relaxed);
    }
    if s.len() as i64 + 1 != o.end.load(Ordering::Relaxed) {
        o.end.store(-1, Ordering::Relaxed);
        return Err(ts.runtime_error("Set changed size during iteration"));
    }
    match s.next_entry(pos as usize) {
        Some((next, k)) => {
            o.index.store(next as i64, Ordering::Relaxed);
            if pos == 0 {
                o.b.set(Value::small_int_unchecked(s.len() as i64));
            }
            count_down(o);
            Ok(Some(k))
        }
        None => {
            o.a.set(Value::NULL);
            Ok(None)
        }
    }
}

/// seq_iterator: a = object with `__getitem__`, index.
fn seq_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let o = it(v);
    let seq = o.a.get();
    if seq.is_null() {
        return Ok(None);
    }
    let i = o.take(ts);
    match ops::getitem(ts, seq, Value::small_int_unchecked(i)) {
        Ok(x) => Ok(Some(x)),
        Err(e) if e.matches(types().index_error) || e.matches(types().stop_iteration) => {
            o.a.set(Value::NULL);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// callable_iterator: a = callable, b = sentinel.
fn callable_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let o = it(v);
    let f = o.a.get();
    if f.is_null() {
        return Ok(None);
    }
    let r = match ops::call0(ts, f) {
        Ok(r) => r,
        Err(e) if e.matches(types().stop_iteration) => {
            o.a.set(Value::NULL);
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    if ops::eq(ts, r, o.b.get())? {
        o.a.set(Value::NULL);
        return Ok(None);
    }
    Ok(Some(r))
}

/// `iter(callable, sentinel)`.
pub fn callable_iter(ts: &mut ThreadState, f: Value, sentinel: Value) -> Value {
    IterObj::new(ts, types().callable_iterator, f, sentinel, 0).value()
}

/// enumerate: a = iterator, b = the next count (an int value).
fn enumerate_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let o = it(v);
    let Some(x) = ops::next(ts, o.a.get())? else {
        return Ok(None);
    };
    let n = o.b.get();
    let next = match n.as_small_int() {
        Some(i) => crate::objects::int::int_from_i64(ts, i + 1),
        None => ops::add(ts, n, Value::small_int_unchecked(1))?,
    };
    o.b.set(next);
    Ok(Some(TupleObj::new(ts, &[n, x]).value()))
}

fn enumerate_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    // CPython's enum_vectorcall: `enumerate(iterable, start=0)` checked by
    // hand, with its messages.
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    let npos = args.len() - nkw;
    let kwname = |i: usize| -> Option<&'static str> {
        kw.and_then(|k| k.obj().items().get(i).copied())
            .and_then(crate::objects::str::as_str)
    };
    let bad = |ts: &mut ThreadState, i: usize| -> PyResult<Value> {
        let shown = match kw.and_then(|k| k.obj().items().get(i).copied()) {
            Some(k) => ops::str_string(ts, k)?,
            None => String::new(),
        };
        Err(ts.type_error(format!(
            "'{shown}' is an invalid keyword argument for enumerate()"
        )))
    };
    let (iterable, start) = match (npos + nkw, nkw) {
        (2, 0) => (args[0], Some(args[1])),
        (2, 1) => {
            if kwname(0) != Some("start") {
                return bad(ts, 0);
            }
            (args[0], Some(args[1]))
        }
        (2, 2) => {
            if kwname(0) == Some("start") {
                if kwname(1) != Some("iterable") {
                    return bad(ts, 1);
                }
                (args[1], Some(args[0]))
            } else {
                if kwname(0) != Some("iterable") {
                    return bad(ts, 0);
                }
                if kwname(1) != Some("start") {
                    return bad(ts, 1);
                }
                (args[0], Some(args[1]))
            }
        }
        (1, n) => {
            if n == 1 && kwname(0) != Some("iterable") {
                return bad(ts, 0);
            }
            (args[0], None)
        }
        _ if npos == 0 => {
            return Err(ts.type_error("enumerate() missing required argument 'iterable'"))
        }
        (n, _) => {
            return Err(ts.type_error(format!("enumerate() takes at most 2 arguments ({n} given)")))
        }
    };
    let start = match start {
        Some(s) => ops::index(ts, s)?,
        None => Value::small_int_unchecked(0),
    };
    let iter = ops::iter(ts, iterable)?;
    Ok(IterObj::new(ts, cls, iter, start, 0).value())
}

/// zip: a = tuple of iterators, index = 1 when strict.
fn zip_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let o = it(v);
    let Some(iters) = o.a.get().downcast::<TupleObj>() else {
        return Ok(None);
    };
    let n = iters.len();
    if n == 0 {
        return Ok(None);
    }
    // Up to 8 iterators, the items wait in a stack array (scanned
    // conservatively): no Rust heap allocation per tuple.
    const INLINE: usize = 8;
    if n <= INLINE {
        let mut buf = [Value::NULL; INLINE];
        for (i, &itr) in iters.items().iter().enumerate() {
            match ops::next(ts, itr)? {
                Some(x) => buf[i] = x,
                None => return zip_exhausted(ts, o, iters, i),
            }
        }
        return Ok(Some(TupleObj::new(ts, &buf[..n]).value()));
    }
    let mut items = RootedVec::with_capacity(ts, n);
    for (i, &itr) in iters.items().iter().enumerate() {
        match ops::next(ts, itr)? {
            Some(x) => items.push(x),
            None => return zip_exhausted(ts, o, iters, i),
        }
    }
    Ok(Some(TupleObj::new(ts, &items).value()))
}

/// Iterator `i` of a zip ran out: with `strict`, the lengths must agree
/// (checked as CPython's messages say); the zip is then exhausted.
fn zip_exhausted(
    ts: &mut ThreadState,
    o: Gc<IterObj>,
    iters: Gc<TupleObj>,
    i: usize,
) -> PyResult<Option<Value>> {
    // "zip() argument 3 is shorter than arguments 1-2".
    let mismatch = |i: usize, what: &str| {
        let (s, firsts) = if i == 1 {
            ("", "1".to_string())
        } else {
            ("s", format!("1-{i}"))
        };
        format!(
            "zip() argument {} is {what} than argument{s} {firsts}",
            i + 1
        )
    };
    let strict = o.index.load(Ordering::Relaxed) == 1;
    if strict {
        if i > 0 {
            return Err(ts.value_error(mismatch(i, "shorter")));
        }
        for (j, &rest) in iters.items().iter().enumerate().skip(1) {
            if ops::next(ts, rest)?.is_some() {
                return Err(ts.value_error(mismatch(j, "longer")));
            }
        }
    }
    o.a.set(Value::NULL);
    Ok(None)
}

fn zip_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    let npos = args.len() - nkw;
    let mut strict = false;
    if let Some(k) = kw {
        for (i, &name) in k.items().iter().enumerate() {
            if crate::objects::str::as_str(name) == Some("strict") {
                strict = ops::truthy(ts, args[npos + i])?;
            } else {
                let shown = ops::str_string(ts, name)?;
                return Err(ts.type_error(format!(
                    "'{shown}' is an invalid keyword argument for zip()"
                )));
            }
        }
    }
    let mut iters = RootedVec::with_capacity(ts, npos);
    for &a in &args[..npos] {
        let i = ops::iter(ts, a)?;
        iters.push(i);
    }
    let t = TupleObj::new(ts, &iters);
    Ok(IterObj::new(ts, cls, t.value(), Value::NULL, strict as i64).value())
}

/// map: a = function, b = tuple of iterators.
fn map_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let o = it(v);
    let Some(iters) = o.b.get().downcast::<TupleObj>() else {
        return Ok(None);
    };
    let mut args = RootedVec::with_capacity(ts, iters.len());
    for &itr in iters.items() {
        match ops::next(ts, itr)? {
            Some(x) => args.push(x),
            None => return Ok(None),
        }
    }
    let f = o.a.get();
    let a: Vec<Value> = args.to_vec();
    let r = ops::call(ts, f, &a, None);
    drop(args);
    r.map(Some)
}

fn map_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    if kw.map(|k| k.len()).unwrap_or(0) > 0 {
        return Err(ts.type_error("map() takes no keyword arguments"));
    }
    if args.len() < 2 {
        return Err(ts.type_error("map() must have at least two arguments."));
    }
    let mut iters = RootedVec::with_capacity(ts, args.len() - 1);
    for &a in &args[1..] {
        iters.push(ops::iter(ts, a)?);
    }
    let t = TupleObj::new(ts, &iters);
    Ok(IterObj::new(ts, cls, args[0], t.value(), 0).value())
}

/// filter: a = function or None, b = iterator.
fn filter_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let o = it(v);
    let f = o.a.get();
    let src = o.b.get();
    loop {
        let Some(x) = ops::next(ts, src)? else {
            return Ok(None);
        };
        let keep = if f.is_none() || f == types().bool.value() {
            ops::truthy(ts, x)?
        } else {
            let r = ops::call1(ts, f, x)?;
            ops::truthy(ts, r)?
        };
        if keep {
            return Ok(Some(x));
        }
    }
}

fn filter_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    if kw.map(|k| k.len()).unwrap_or(0) > 0 {
        return Err(ts.type_error("filter() takes no keyword arguments"));
    }
    if args.len() != 2 {
        return Err(ts.type_error(format!("filter expected 2 arguments, got {}", args.len())));
    }
    let src = ops::iter(ts, args[1])?;
    Ok(IterObj::new(ts, cls, args[0], src, 0).value())
}

/// reversed: a = sequence, index counts down from len-1.
fn reversed_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let o = it(v);
    let seq = o.a.get();
    if seq.is_null() {
        return Ok(None);
    }
    let i = o.index.fetch_sub(1, Ordering::Relaxed);
    if i < 0 {
        o.a.set(Value::NULL);
        return Ok(None);
    }
    match ops::getitem(ts, seq, Value::small_int_unchecked(i)) {
        Ok(x) => Ok(Some(x)),
        Err(e) if e.matches(types().index_error) || e.matches(types().stop_iteration) => {
            o.a.set(Value::NULL);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

fn reversed_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    if kw.map(|k| k.len()).unwrap_or(0) > 0 {
        return Err(ts.type_error("reversed() takes no keyword arguments"));
    }
    let [seq] = args else {
        return Err(ts.type_error(format!("reversed expected 1 argument, got {}", args.len())));
    };
    let ty = type_of(*seq);
    if let Some(r) = ty.lookup(crate::interp::names().__reversed__) {
        if !r.is_none() {
            return ops::call_unbound(ts, r, *seq, &[], None);
        }
        return Err(ts.type_error(format!("'{}' object is not reversible", type_name(*seq))));
    }
    // A sequence (item access, not a dict) without __reversed__; its
    // length comes next, with len()'s error if it has none.
    if ty.slots.getitem.get().is_none() || seq.is_kind(Kind::Dict) {
        return Err(ts.type_error(format!("'{}' object is not reversible", type_name(*seq))));
    }
    let n = ops::len(ts, *seq)?;
    Ok(IterObj::new(ts, cls, *seq, Value::NULL, n as i64 - 1).value())
}

fn length_hint(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let o = it(args[0]);
    let ty = type_of(args[0]);
    let t = types();
    let n = if ty == t.list_iterator {
        o.a.get()
            .downcast::<ListObj>()
            .map(|l| l.len() as i64 - o.index.load(Ordering::Relaxed))
            .unwrap_or(0)
    } else if ty == t.tuple_iterator {
        o.a.get()
            .downcast::<TupleObj>()
            .map(|l| l.len() as i64 - o.index.load(Ordering::Relaxed))
            .unwrap_or(0)
    } else if ty == t.range_iterator {
        o.end.load(Ordering::Relaxed) - range_taken(o)
    } else if ty == t.list_reverseiterator || ty == t.reversed {
        // What is left, unless the sequence shrank below the position
        // (its length is asked again, as CPython does).
        let seq = o.a.get();
        if seq.is_null() {
            0
        } else {
            let size = match seq.downcast::<ListObj>() {
                Some(l) => l.len() as i64,
                None => ops::len(ts, seq)? as i64,
            };
            let position = o.index.load(Ordering::Relaxed) + 1;
            if size < position {
                0
            } else {
                position
            }
        }
    } else if ty == t.str_iterator {
        match o.a.get().downcast::<StrObj>() {
            Some(st) => st.char_len() as i64 - o.index.load(Ordering::Relaxed),
            None => 0,
        }
    } else if ty == t.longrange_iterator {
        return match o.b.get().downcast::<TupleObj>() {
            Some(st) => Ok(st.items()[1]),
            None => Ok(Value::small_int_unchecked(0)),
        };
    } else if ty == t.set_iterator {
        match o.a.get().downcast::<SetObj>() {
            None => 0,
            Some(s) if o.index.load(Ordering::Relaxed) == 0 => s.len() as i64,
            Some(s) if s.len() as i64 + 1 == o.end.load(Ordering::Relaxed) => {
                o.b.get().as_small_int().unwrap_or(0)
            }
            Some(_) => 0,
        }
    } else if o.a.get().is_null() {
        0
    } else {
        // The dict iterators, forward and reversed.
        match o.a.get().downcast::<DictObj>() {
            Some(d) if d.len() as i64 == o.end.load(Ordering::Relaxed) => {
                o.b.get().as_small_int().unwrap_or(0)
            }
            _ => 0,
        }
    };
    Ok(Value::small_int_unchecked(n.max(0)))
}

/// `enumerate.__reduce__`: `(type(e), (iterator, next count))`.
fn enumerate_reduce(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("enumerate.__reduce__($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let o = it(v);
    let a = TupleObj::new(ts, &[o.a.get(), o.b.get()]);
    Ok(TupleObj::new(ts, &[type_of(v).value(), a.value()]).value())
}

/// `iter`/`reversed` and their arguments, for `__reduce__`.
fn reduce_value(
    ts: &mut ThreadState,
    f: &str,
    arg: Value,
    state: Option<Value>,
) -> PyResult<Value> {
    let func = match f {
        "reversed" => types().reversed.value(),
        _ => match crate::interp::interp().builtins_dict.get_str_text("iter") {
            Some(v) => v,
            None => return Err(ts.type_error("iter is missing")),
        },
    };
    let args = TupleObj::new(ts, &[arg]);
    match state {
        Some(st) => Ok(TupleObj::new(ts, &[func, args.value(), st]).value()),
        None => Ok(TupleObj::new(ts, &[func, args.value()]).value()),
    }
}

/// The items an iterator over a dict or set has left, without consuming
/// them.
fn remaining_items(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let o = it(v);
    let t = types();
    let ty = type_of(v);
    let out = ListObj::new(ts, &[]);
    let src = o.a.get();
    if let Some(s) = src.downcast::<SetObj>() {
        let mut pos = o.index.load(Ordering::Relaxed) as usize;
        while let Some((next, k)) = s.next_entry(pos) {
            out.append(ts, k);
            pos = next;
        }
        return Ok(out.value());
    }
    let Some(d) = src.downcast::<DictObj>() else {
        return Ok(out.value());
    };
    let reversed = ty == t.dict_reversekeyiterator
        || ty == t.dict_reversevalueiterator
        || ty == t.dict_reverseitemiterator;
    let pick = |ts: &mut ThreadState, k: Value, x: Value| -> Value {
        if ty == t.dict_keyiterator || ty == t.dict_reversekeyiterator {
            k
        } else if ty == t.dict_valueiterator || ty == t.dict_reversevalueiterator {
            x
        } else {
            TupleObj::new(ts, &[k, x]).value()
        }
    };
    let mut pos = o.index.load(Ordering::Relaxed).max(0) as usize;
    loop {
        let step = if reversed {
            d.prev_entry(pos)
        } else {
            d.next_entry(pos)
        };
        let Some((next, k, x)) = step else { break };
        let item = pick(ts, k, x);
        out.append(ts, item);
        pos = next;
    }
    Ok(out.value())
}

fn iter_reduce(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("iterator.__reduce__($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let o = it(v);
    let t = types();
    let ty = type_of(v);
    let src = o.a.get();
    let index = o.index.load(Ordering::Relaxed);
    if ty == t.reversed {
        let rt = t.reversed.value();
        if src.is_null() {
            let empty = TupleObj::new(ts, &[crate::interp::interp().empty_tuple.value()]);
            return Ok(TupleObj::new(ts, &[rt, empty.value()]).value());
        }
        let a = TupleObj::new(ts, &[src]);
        let i = Value::small_int_unchecked(index);
        return Ok(TupleObj::new(ts, &[rt, a.value(), i]).value());
    }
    if ty == t.list_iterator || ty == t.tuple_iterator || ty == t.list_reverseiterator {
        if src.is_null() {
            let empty = if ty == t.tuple_iterator {
                crate::interp::interp().empty_tuple.value()
            } else {
                ListObj::new(ts, &[]).value()
            };
            return reduce_value(ts, "iter", empty, None);
        }
        let f = if ty == t.list_reverseiterator {
            "reversed"
        } else {
            "iter"
        };
        return reduce_value(ts, f, src, Some(Value::small_int_unchecked(index)));
    }
    if ty == t.str_iterator {
        // `(iter, (s,), chars consumed)`; an exhausted one iterates ''.
        if src.is_null() {
            let empty = StrObj::new(ts, "");
            return reduce_value(ts, "iter", empty, None);
        }
        return reduce_value(ts, "iter", src, Some(Value::small_int_unchecked(index)));
    }
    if ty == t.range_iterator {
        // a = start, b = step, index = items claimed, end = length.
        let start = src.small_int_value();
        let step = o.b.get().small_int_value();
        let done = range_taken(o);
        let total = o.end.load(Ordering::Relaxed);
        let stop =
            crate::objects::int::int_from_i128(ts, start as i128 + total as i128 * step as i128);
        let (a, b) = (src, o.b.get());
        let r = crate::objects::range::RangeObj::new(ts, a, stop, b)?;
        let d = crate::objects::int::int_from_i64(ts, done);
        return reduce_value(ts, "iter", r.value(), Some(d));
    }
    if ty == t.longrange_iterator {
        let Some(st) = o.b.get().downcast::<TupleObj>() else {
            return Err(ts.type_error("bad iterator"));
        };
        let [step, left, start, len] = [0, 1, 2, 3].map(|i| st.items()[i]);
        let span = ops::mul(ts, len, step)?;
        let stop = ops::add(ts, start, span)?;
        let r = crate::objects::range::RangeObj::new(ts, start, stop, step)?;
        let done = ops::sub(ts, len, left)?;
        return reduce_value(ts, "iter", r.value(), Some(done));
    }
    let rest = remaining_items(ts, v)?;
    reduce_value(ts, "iter", rest, None)
}

fn iter_setstate(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("iterator.__setstate__($self, state, /)");
    let [v, state] = SIG.bind(ts, args, kw)?;
    if !crate::objects::int::is_int(state) {
        return Err(ts.type_error("an integer is required"));
    }
    let o = it(v);
    let t = types();
    let ty = type_of(v);
    let src = o.a.get();
    if ty == t.longrange_iterator {
        let Some(st) = o.b.get().downcast::<TupleObj>() else {
            return Err(ts.type_error("bad iterator"));
        };
        let [step, _, start, len] = [0, 1, 2, 3].map(|i| st.items()[i]);
        let zero = Value::small_int_unchecked(0);
        let k = if ops::lt(ts, state, zero)? {
            zero
        } else if ops::lt(ts, len, state)? {
            len
        } else {
            state
        };
        let off = ops::mul(ts, k, step)?;
        let next = ops::add(ts, start, off)?;
        let left = ops::sub(ts, len, k)?;
        let nst = TupleObj::new(ts, &[step, left, start, len]);
        o.a.set(next);
        o.b.set(nst.value());
        return Ok(Value::NONE);
    }
    let k = crate::ops::index_to_i64(ts, state)?;
    if ty == t.range_iterator {
        let total = o.end.load(Ordering::Relaxed);
        o.index.store(k.clamp(0, total), Ordering::Relaxed);
        return Ok(Value::NONE);
    }
    if src.is_null() {
        return Ok(Value::NONE);
    }
    if let Some(st) = src.downcast::<StrObj>() {
        // index = chars consumed, end = their byte length.
        let k = k.clamp(0, st.char_len() as i64);
        o.index.store(k, Ordering::Relaxed);
        o.end
            .store(st.char_offset(k as usize) as i64, Ordering::Relaxed);
        return Ok(Value::NONE);
    }
    let len = if let Some(l) = src.downcast::<ListObj>() {
        l.len() as i64
    } else if let Some(tu) = src.downcast::<TupleObj>() {
        tu.len() as i64
    } else {
        ops::len(ts, src)? as i64
    };
    let k = if ty == t.list_reverseiterator || ty == t.reversed {
        k.clamp(-1, len - 1)
    } else {
        k.clamp(0, len)
    };
    o.index.store(k, Ordering::Relaxed);
    Ok(Value::NONE)
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    for ty in [
        t.list_iterator,
        t.list_reverseiterator,
        t.tuple_iterator,
        t.range_iterator,
        t.longrange_iterator,
        t.dict_keyiterator,
        t.dict_valueiterator,
        t.dict_itemiterator,
        t.dict_reversekeyiterator,
        t.dict_reversevalueiterator,
        t.dict_reverseitemiterator,
        t.set_iterator,
    ] {
        crate::objects::set_type_attr(ts, ty, "__doc__", Value::NONE);
    }
    let table: [(Gc<TypeObj>, crate::objects::typeobj::NextFn); 23] = [
        (t.list_iterator, list_next),
        (t.list_reverseiterator, list_rev_next),
        (t.tuple_iterator, tuple_next),
        (t.range_iterator, range_next),
        (t.str_iterator, str_next),
        (t.bytes_iterator, crate::objects::bytes::bytes_iter_next),
        (t.dict_keyiterator, dict_key_next),
        (t.dict_valueiterator, dict_value_next),
        (t.dict_itemiterator, dict_item_next),
        (t.set_iterator, set_next),
        (t.seq_iterator, seq_next),
        (t.callable_iterator, callable_next),
        (t.enumerate, enumerate_next),
        (t.zip, zip_next),
        (t.map, map_next),
        (t.filter, filter_next),
        (t.reversed, reversed_next),
        (crate::interp::types().list_iterator, list_next),
        (crate::interp::types().tuple_iterator, tuple_next),
        (t.dict_reversekeyiterator, dict_rev_key_next),
        (t.dict_reversevalueiterator, dict_rev_value_next),
        (t.dict_reverseitemiterator, dict_rev_item_next),
        (t.longrange_iterator, longrange_next),
    ];
    for (ty, next) in table {
        ty.slots.iter.set(Some(iter_self));
        ty.slots.next.set(Some(next));
    }
    t.enumerate.slots.new.set(Some(enumerate_new));
    add_methods(ts, t.enumerate, &[method("__reduce__", enumerate_reduce)]);
    t.zip.slots.new.set(Some(zip_new));
    t.map.slots.new.set(Some(map_new));
    t.filter.slots.new.set(Some(filter_new));
    t.reversed.slots.new.set(Some(reversed_new));
    for ty in [
        t.list_iterator,
        t.tuple_iterator,
        t.range_iterator,
        t.list_reverseiterator,
        t.reversed,
        t.longrange_iterator,
        t.set_iterator,
        t.dict_keyiterator,
        t.dict_valueiterator,
        t.dict_itemiterator,
        t.dict_reversekeyiterator,
        t.dict_reversevalueiterator,
        t.dict_reverseitemiterator,
        t.str_iterator,
    ] {
        add_methods(
            ts,
            ty,
            &[
                method("__length_hint__", length_hint),
                method("__reduce__", iter_reduce),
            ],
        );
    }
    for ty in [
        t.list_iterator,
        t.tuple_iterator,
        t.range_iterator,
        t.list_reverseiterator,
        t.reversed,
        t.longrange_iterator,
        t.str_iterator,
    ] {
        add_methods(ts, ty, &[method("__setstate__", iter_setstate)]);
    }
}
