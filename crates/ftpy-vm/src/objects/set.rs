//! `set` and `frozenset`: open-addressing hash tables with CPython's
//! probing (runs of linear probes, then perturbation) and resize policy,
//! so iteration order matches CPython for the same hashes.
//!
//! ```text
//! SetObj:   [Header (lock)][table -> SetTable][used][fill][version][finger]
//! SetTable: [Header][mask][entries: (hash, key) x (mask + 1)]
//!   unused: key NULL, hash 0     dummy (deleted): key NULL, hash -1
//! ```
//!
//! Concurrency follows `dict`: lock-free reads (probe, compare, done),
//! mutations under the set's lock, and comparisons that run Python code
//! done without the lock and validated by `version` before applying.

use ftpy_compiler::{BinaryOp, CompareOp};
use std::sync::atomic::{AtomicI64, AtomicU64, AtomicUsize, Ordering};

use crate::error::PyResult;
use crate::gc::{Marker, RootedVec, Slot};
use crate::hash::simple_eq;
use crate::interp::{types, BuiltinTypes};
use crate::object::{len_value, Gc, Header, HeapObj, Kind, ObjGuard};
use crate::objects::dict::DictObj;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, type_of, TypeObj};
use crate::objects::{add_methods, method};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

const LINEAR_PROBES: usize = 9;
const MINSIZE: usize = 8;

#[repr(C)]
pub struct SetEntry {
    hash: AtomicI64,
    key: Slot,
}

#[repr(C)]
pub struct SetTable {
    pub header: Header,
    mask: usize,
    entries: [SetEntry; 0],
}

// SAFETY: repr(C), Header first; traces every key.
unsafe impl HeapObj for SetTable {
    const KIND: Kind = Kind::SetTable;
    fn trace(&self, m: &mut Marker) {
        for e in self.entries() {
            m.slot(&e.key);
        }
    }
}

impl SetTable {
    fn alloc(ts: &mut ThreadState, size: usize, nogc: bool) -> Gc<SetTable> {
        let total = std::mem::size_of::<SetTable>() + size * std::mem::size_of::<SetEntry>();
        let init = |p: *mut SetTable| {
            // SAFETY: room for the fixed part and `size` entries.
            unsafe {
                p.write(SetTable {
                    header: Header::new(types().set_table, Kind::SetTable, 0),
                    mask: size - 1,
                    entries: [],
                });
                let e = (p as *mut u8).add(std::mem::size_of::<SetTable>()) as *mut SetEntry;
                for i in 0..size {
                    e.add(i).write(SetEntry {
                        hash: AtomicI64::new(0),
                        key: Slot::new(Value::NULL),
                    });
                }
            }
        };
        if nogc {
            ts.alloc_var_nogc(total, init)
        } else {
            ts.alloc_var(total, init)
        }
    }

    #[inline(always)]
    fn entries(&self) -> &[SetEntry] {
        // SAFETY: mask + 1 entries follow the fixed part.
        unsafe { std::slice::from_raw_parts(self.entries.as_ptr(), self.mask + 1) }
    }
}

#[repr(C)]
pub struct SetObj {
    pub header: Header,
    table: Slot,
    used: AtomicUsize,
    fill: AtomicUsize,
    version: AtomicU64,
    finger: AtomicUsize,
    hash: AtomicI64,
}

// SAFETY: repr(C), Header first; the table is traced.
unsafe impl HeapObj for SetObj {
    const KIND: Kind = Kind::Set;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.table);
    }
}

enum Look {
    Found(usize),
    Missing,
    NeedsPython,
}

impl SetObj {
    /// An empty set of type `ty` (set, frozenset or a subclass).
    pub fn new(ts: &mut ThreadState, ty: Gc<TypeObj>) -> Gc<SetObj> {
        let table = SetTable::alloc(ts, MINSIZE, false);
        let obj = SetObj {
            header: Header::new(ty, Kind::Set, 0),
            table: Slot::new(table.value()),
            used: AtomicUsize::new(0),
            fill: AtomicUsize::new(0),
            version: AtomicU64::new(0),
            finger: AtomicUsize::new(0),
            hash: AtomicI64::new(-1),
        };
        crate::objects::instance::alloc_with_attrs(ts, ty, obj)
    }

    #[inline(always)]
    fn table(&self) -> Gc<SetTable> {
        // SAFETY: `table` always holds a SetTable.
        unsafe { self.table.get().downcast_unchecked() }
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        self.used.load(Ordering::Acquire)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> ObjGuard<'_> {
        self.header.lock()
    }

    pub fn is_frozen(&self) -> bool {
        let ty = self.header.ty();
        ty == types().frozenset || ty.is_subtype(types().frozenset)
    }

    /// Probes for `key` without running Python code.
    ///
    /// The stored hash is tested first: most probed entries differ in it
    /// (a dummy's -1 is never a key's hash), so a probe is one load and a
    /// compare. An entry whose key is NULL with a matching hash is an add
    /// in progress or a removal (both store the hash and the key in turn):
    /// passed over like a dummy (unless the hash is 0: unused).
    #[inline]
    fn look_simple(&self, t: &SetTable, key: Value, hash: i64) -> Look {
        let ents = t.entries();
        let mask = t.mask;
        let mut i = hash as usize & mask;
        let mut perturb = hash as u64;
        loop {
            let run = if i + LINEAR_PROBES <= mask {
                &ents[i..=i + LINEAR_PROBES]
            } else {
                std::slice::from_ref(&ents[i])
            };
            for (j, e) in run.iter().enumerate() {
                let h = e.hash.load(Ordering::Relaxed);
                if h == hash {
                    let k = e.key.get();
                    if k == key {
                        return Look::Found(i + j);
                    }
                    if !k.is_null() {
                        match simple_eq(k, key) {
                            Some(true) => return Look::Found(i + j),
                            Some(false) => {}
                            None => return Look::NeedsPython,
                        }
                    } else if h == 0 {
                        return Look::Missing; // unused, and the key's hash is 0
                    }
                } else if h == 0 && e.key.get().is_null() {
                    return Look::Missing;
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Full lookup (may run `__eq__`), no lock held.
    fn look_full(&self, ts: &mut ThreadState, key: Value, hash: i64) -> PyResult<Option<usize>> {
        'restart: loop {
            let table = self.table();
            let ents = table.obj().entries();
            let mask = table.mask;
            let mut i = hash as usize & mask;
            let mut perturb = hash as u64;
            loop {
                let probes = if i + LINEAR_PROBES <= mask {
                    LINEAR_PROBES
                } else {
                    0
                };
                for j in 0..=probes {
                    let e = &ents[i + j];
                    let k = e.key.get();
                    let h = e.hash.load(Ordering::Relaxed);
                    if k.is_null() {
                        if h == 0 {
                            return Ok(None);
                        }
                        continue;
                    }
                    if k == key {
                        return Ok(Some(i + j));
                    }
                    if h == hash {
                        let eq = match simple_eq(k, key) {
                            Some(r) => r,
                            None => {
                                let r = ops::eq(ts, k, key)?;
                                if self.table() != table || e.key.get() != k {
                                    continue 'restart;
                                }
                                r
                            }
                        };
                        if eq {
                            return Ok(Some(i + j));
                        }
                    }
                }
                perturb >>= 5;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(perturb as usize))
                    & mask;
            }
        }
    }

    /// Membership.
    pub fn contains_hashed(&self, ts: &mut ThreadState, key: Value, hash: i64) -> PyResult<bool> {
        let t = self.table();
        match self.look_simple(&t, key, hash) {
            Look::Found(_) => Ok(true),
            Look::Missing => Ok(false),
            Look::NeedsPython => Ok(self.look_full(ts, key, hash)?.is_some()),
        }
    }

    pub fn contains(&self, ts: &mut ThreadState, key: Value) -> PyResult<bool> {
        let h = ops::hash(ts, key)?;
        self.contains_hashed(ts, key, h)
    }

    /// Adds `key`.
    pub fn add(&self, ts: &mut ThreadState, key: Value) -> PyResult<()> {
        let h = ops::hash(ts, key)?;
        self.add_hashed(ts, key, h)
    }

    pub fn add_hashed(&self, ts: &mut ThreadState, key: Value, hash: i64) -> PyResult<()> {
        loop {
            {
                let _g = self.lock();
                if let Some(()) = self.add_locked(ts, key, hash, false) {
                    return Ok(());
                }
            }
            let ver = self.version.load(Ordering::Acquire);
            let found = self.look_full(ts, key, hash)?;
            let _g = self.lock();
            if self.version.load(Ordering::Acquire) != ver {
                continue;
            }
            if found.is_some() {
                return Ok(());
            }
            if self.add_locked(ts, key, hash, true).is_some() {
                return Ok(());
            }
        }
    }

    /// Adds `keys` (with their `hashes`) in order, taking the lock once per
    /// `ADD_BATCH` keys instead of once per key (an uncontended lock and
    /// unlock cost more than the probe). A key whose comparison needs
    /// Python code is added alone, without the lock. Between batches the
    /// thread polls for a collection (a large merge holds no one up).
    pub fn add_batch(&self, ts: &mut ThreadState, keys: &[Value], hashes: &[i64]) -> PyResult<()> {
        const ADD_BATCH: usize = 1024;
        let mut i = 0;
        while i < keys.len() {
            let end = keys.len().min(i + ADD_BATCH);
            {
                let _g = self.lock();
                while i < end && self.add_locked(ts, keys[i], hashes[i], false).is_some() {
                    i += 1;
                }
            }
            if i < end {
                self.add_hashed(ts, keys[i], hashes[i])?;
                i += 1;
            } else if i < keys.len() {
                ts.poll_collection();
            }
        }
        Ok(())
    }

    /// CPython's `set_add_entry` under the lock. With `known_absent`, no
    /// comparisons are made. None when a comparison needs Python code.
    fn add_locked(
        &self,
        ts: &mut ThreadState,
        key: Value,
        hash: i64,
        known_absent: bool,
    ) -> Option<()> {
        let t = self.table();
        let ents = t.obj().entries();
        let mask = t.mask;
        let mut i = hash as usize & mask;
        let mut perturb = hash as u64;
        let mut freeslot: Option<usize> = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in 0..=probes {
                let idx = i + j;
                let e = &ents[idx];
                let k = e.key.get();
                let h = e.hash.load(Ordering::Relaxed);
                if k.is_null() {
                    if h == 0 {
                        // Unused: insert here (or in the last dummy seen).
                        match freeslot {
                            Some(f) => {
                                ents[f].hash.store(hash, Ordering::Relaxed);
                                ents[f].key.set(key);
                                add_locked_counter(&self.used, 1);
                            }
                            None => {
                                e.hash.store(hash, Ordering::Relaxed);
                                e.key.set(key);
                                add_locked_counter(&self.used, 1);
                                let fill = add_locked_counter(&self.fill, 1);
                                if fill * 5 >= mask * 3 {
                                    let used = self.len();
                                    self.resize_locked(
                                        ts,
                                        if used > 50000 { used * 2 } else { used * 4 },
                                    );
                                }
                            }
                        }
                        bump_version_locked(&self.version);
                        return Some(());
                    }
                    // CPython 3.11 keeps the last dummy met on the
                    // probe path (not the first).
                    if h == -1 {
                        freeslot = Some(idx);
                    }
                    continue;
                }
                if known_absent {
                    continue;
                }
                if k == key {
                    return Some(());
                }
                if h == hash {
                    match simple_eq(k, key) {
                        Some(true) => return Some(()),
                        Some(false) => {}
                        None => return None,
                    }
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// CPython's `set_table_resize`; caller holds the lock.
    fn resize_locked(&self, ts: &mut ThreadState, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = self.table();
        let nt = SetTable::alloc(ts, newsize, true);
        for e in old.obj().entries() {
            let k = e.key.get();
            if !k.is_null() {
                insert_clean(&nt, k, e.hash.load(Ordering::Relaxed));
            }
        }
        self.fill.store(self.len(), Ordering::Relaxed);
        self.table.set(nt.value());
    }

    /// Removes `key`; Ok(false) when absent.
    pub fn discard(&self, ts: &mut ThreadState, key: Value) -> PyResult<bool> {
        let hash = ops::hash(ts, key)?;
        self.discard_hashed(ts, key, hash)
    }

    pub fn discard_hashed(&self, ts: &mut ThreadState, key: Value, hash: i64) -> PyResult<bool> {
        loop {
            {
                let _g = self.lock();
                let t = self.table();
                match self.look_simple(&t, key, hash) {
                    Look::Found(i) => {
                        self.remove_at(&t, i);
                        return Ok(true);
                    }
                    Look::Missing => return Ok(false),
                    Look::NeedsPython => {}
                }
            }
            let ver = self.version.load(Ordering::Acquire);
            let t = self.table();
            let found = self.look_full(ts, key, hash)?;
            let _g = self.lock();
            if self.version.load(Ordering::Acquire) != ver || self.table() != t {
                continue;
            }
            return match found {
                Some(i) => {
                    self.remove_at(&t, i);
                    Ok(true)
                }
                None => Ok(false),
            };
        }
    }

    fn remove_at(&self, t: &SetTable, i: usize) {
        let e = &t.entries()[i];
        e.key.set(Value::NULL);
        e.hash.store(-1, Ordering::Relaxed);
        add_locked_counter(&self.used, -1);
        bump_version_locked(&self.version);
    }

    /// The active entries in table order (key, hash), rooted.
    pub fn entries_rooted(&self, ts: &mut ThreadState) -> (RootedVec, Vec<i64>) {
        let mut keys = RootedVec::new(ts);
        let mut hashes = Vec::new();
        let _g = self.lock();
        for e in self.table().obj().entries() {
            let k = e.key.get();
            if !k.is_null() {
                keys.push(k);
                hashes.push(e.hash.load(Ordering::Relaxed));
            }
        }
        (keys, hashes)
    }

    /// The next active entry at or after `pos` (lock-free, for iterators).
    pub fn next_entry(&self, pos: usize) -> Option<(usize, Value)> {
        let t = self.table();
        let ents = t.obj().entries();
        let mut p = pos;
        while p < ents.len() {
            let k = ents[p].key.get();
            if !k.is_null() {
                return Some((p + 1, k));
            }
            p += 1;
        }
        None
    }

    pub fn clear(&self, ts: &mut ThreadState) {
        let nt = SetTable::alloc(ts, MINSIZE, false);
        let _g = self.lock();
        self.table.set(nt.value());
        self.used.store(0, Ordering::Release);
        self.fill.store(0, Ordering::Relaxed);
        self.version.fetch_add(1, Ordering::Release);
    }

    /// CPython's `set_update_internal`.
    pub fn update(&self, ts: &mut ThreadState, other: Value) -> PyResult<()> {
        if let Some(o) = other.downcast::<SetObj>() {
            return self.merge(ts, o);
        }
        if let Some(d) = other.downcast::<DictObj>() {
            if type_of(other) == types().dict {
                let items = d.items_rooted(ts);
                let n = items.len() / 2;
                {
                    let _g = self.lock();
                    let mask = self.table().mask;
                    if (self.fill.load(Ordering::Relaxed) + n) * 5 >= mask * 3 {
                        self.resize_locked(ts, (self.len() + n) * 2);
                    }
                }
                for pair in items.chunks(2) {
                    self.add(ts, pair[0])?;
                }
                return Ok(());
            }
        }
        let it = ops::iter(ts, other)?;
        let t = types();
        let ty = type_of(it);
        let native = ty == t.list_iterator
            || ty == t.tuple_iterator
            || ty == t.range_iterator
            || ty == t.longrange_iterator;
        if !native {
            while let Some(x) = ops::next(ts, it)? {
                self.add(ts, x)?;
            }
            return Ok(());
        }
        // An iterator that runs no Python code: items whose hash runs none
        // either are added 64 at a time under one lock (nothing can see
        // the set between them); any other item is added alone, in order.
        let mut keys = RootedVec::new(ts);
        let mut hashes = Vec::new();
        loop {
            keys.clear();
            hashes.clear();
            // `keys` ends with the item that stopped the batch, if one did
            // (rooted with the rest while the batch is added).
            let mut odd = false;
            while keys.len() < 64 {
                let Some(x) = ops::next(ts, it)? else { break };
                keys.push(x);
                match crate::hash::simple_hash(x) {
                    Some(h) => hashes.push(h),
                    None => {
                        odd = true;
                        break;
                    }
                }
            }
            let n = hashes.len();
            let done = n < 64 && !odd;
            self.add_batch(ts, &keys[..n], &hashes)?;
            if odd {
                self.add(ts, keys[n])?;
            }
            if done {
                return Ok(());
            }
        }
    }

    /// CPython's `set_merge` (another set into this one).
    fn merge(&self, ts: &mut ThreadState, other: Gc<SetObj>) -> PyResult<()> {
        if std::ptr::eq(self, other.obj()) {
            // Nothing to add (and no resize: CPython returns first).
            return Ok(());
        }
        let (keys, hashes) = other.entries_rooted(ts);
        if keys.is_empty() {
            return Ok(());
        }
        let direct = {
            let _g = self.lock();
            let mask = self.table().mask;
            if (self.fill.load(Ordering::Relaxed) + keys.len()) * 5 >= mask * 3 {
                self.resize_locked(ts, (self.len() + keys.len()) * 2);
            }
            if self.fill.load(Ordering::Relaxed) == 0 {
                // Empty target: insert without comparisons.
                let t = self.table();
                if t.mask == other.table().mask && other.fill.load(Ordering::Relaxed) == other.len()
                {
                    // Same geometry, no dummies: copy entries positionally.
                    for (i, e) in other.table().obj().entries().iter().enumerate() {
                        let k = e.key.get();
                        if !k.is_null() {
                            t.obj().entries()[i]
                                .hash
                                .store(e.hash.load(Ordering::Relaxed), Ordering::Relaxed);
                            t.obj().entries()[i].key.set(k);
                        }
                    }
                } else {
                    for (k, &h) in keys.iter().zip(hashes.iter()) {
                        insert_clean(&t, *k, h);
                    }
                }
                self.used.store(keys.len(), Ordering::Release);
                self.fill.store(keys.len(), Ordering::Relaxed);
                self.version.fetch_add(1, Ordering::Release);
                true
            } else {
                false
            }
        };
        if !direct {
            self.add_batch(ts, &keys, &hashes)?;
        }
        Ok(())
    }

    /// A new set of type `ty` with the items of `iterable`.
    pub fn from_iterable(
        ts: &mut ThreadState,
        ty: Gc<TypeObj>,
        iterable: Value,
    ) -> PyResult<Gc<SetObj>> {
        let s = SetObj::new(ts, ty);
        s.update(ts, iterable)?;
        Ok(s)
    }

    /// `set.pop()`.
    pub fn pop(&self) -> Option<Value> {
        let _g = self.lock();
        if self.is_empty() {
            return None;
        }
        let t = self.table();
        let ents = t.obj().entries();
        let mut i = self.finger.load(Ordering::Relaxed) & t.mask;
        while ents[i].key.get().is_null() {
            i += 1;
            if i > t.mask {
                i = 0;
            }
        }
        let k = ents[i].key.get();
        self.remove_at(&t, i);
        self.finger.store(i + 1, Ordering::Relaxed);
        Some(k)
    }
}

/// Inserts into a table known not to contain the key and to have room.
/// `c += d` on a counter only written under the set's lock, which the
/// caller holds: a plain load and store (readers only load it), not a
/// locked read-modify-write. Returns the new value.
#[inline(always)]
fn add_locked_counter(c: &AtomicUsize, d: isize) -> usize {
    let v = c.load(Ordering::Relaxed).wrapping_add_signed(d);
    c.store(v, Ordering::Release);
    v
}

/// The version bump of a mutation made under the set's lock (see
/// `add_locked_counter`).
#[inline(always)]
fn bump_version_locked(v: &AtomicU64) {
    v.store(v.load(Ordering::Relaxed) + 1, Ordering::Release);
}

fn insert_clean(t: &SetTable, key: Value, hash: i64) {
    let ents = t.entries();
    let mask = t.mask;
    let mut i = hash as usize & mask;
    let mut perturb = hash as u64;
    loop {
        if ents[i].key.get().is_null() {
            ents[i].hash.store(hash, Ordering::Relaxed);
            ents[i].key.set(key);
            return;
        }
        if i + LINEAR_PROBES <= mask {
            for j in 1..=LINEAR_PROBES {
                if ents[i + j].key.get().is_null() {
                    ents[i + j].hash.store(hash, Ordering::Relaxed);
                    ents[i + j].key.set(key);
                    return;
                }
            }
        }
        perturb >>= 5;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(perturb as usize))
            & mask;
    }
}

// ---- slots and methods ------------------------------------------------------------

fn as_set(ts: &mut ThreadState, v: Value) -> PyResult<Gc<SetObj>> {
    match v.downcast::<SetObj>() {
        Some(s) => Ok(s),
        None => Err(ts.type_error(format!(
            "descriptor requires a 'set' object but received a '{}'",
            type_name(v)
        ))),
    }
}

/// A new set of the "base" type of `like` (set or frozenset).
fn new_like(ts: &mut ThreadState, like: Gc<SetObj>) -> Gc<SetObj> {
    let ty = if like.is_frozen() {
        types().frozenset
    } else {
        types().set
    };
    SetObj::new(ts, ty)
}

fn copy_of(ts: &mut ThreadState, s: Gc<SetObj>) -> PyResult<Gc<SetObj>> {
    let n = new_like(ts, s);
    n.merge(ts, s)?;
    Ok(n)
}

fn set_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let s = as_set(ts, v)?;
    let tn = type_name(v);
    if s.is_empty() {
        return Ok(StrObj::new(ts, &format!("{tn}()")));
    }
    if ts.repr_guard.contains(&v.bits()) {
        return Ok(StrObj::new(ts, &format!("{tn}(...)")));
    }
    let (keys, _) = s.entries_rooted(ts);
    let body =
        crate::objects::tuple::repr_items(ts, v, &|i| keys.get(i).copied(), "{", "}", false)?;
    let out = if type_of(v) == types().set {
        body
    } else {
        format!("{tn}({body})")
    };
    Ok(StrObj::new(ts, &out))
}

fn set_len(ts: &mut ThreadState, v: Value) -> PyResult<usize> {
    Ok(as_set(ts, v)?.len())
}

fn set_contains(ts: &mut ThreadState, v: Value, key: Value) -> PyResult<bool> {
    let s = as_set(ts, v)?;
    match ops::hash(ts, key) {
        Ok(h) => s.contains_hashed(ts, key, h),
        Err(e) => {
            // A set key is looked up as a frozenset.
            if let Some(inner) = key.downcast::<SetObj>() {
                if e.matches(types().type_error) {
                    let f = SetObj::new(ts, types().frozenset);
                    f.merge(ts, inner)?;
                    return s.contains(ts, f.value());
                }
            }
            Err(e)
        }
    }
}

fn set_iter(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let s = as_set(ts, v)?;
    Ok(
        crate::objects::iterators::IterObj::new(
            ts,
            types().set_iterator,
            s.value(),
            Value::NULL,
            0,
        )
        .value(),
    )
}

fn frozenset_hash(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    let s = as_set(ts, v)?;
    let cached = s.hash.load(Ordering::Relaxed);
    if cached != -1 {
        return Ok(cached);
    }
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
    }
    let t = s.table();
    let mut hash: u64 = 0;
    for e in t.obj().entries() {
        hash ^= shuffle(e.hash.load(Ordering::Relaxed) as u64);
    }
    let fill = s.fill.load(Ordering::Relaxed);
    if (t.mask + 1 - fill) & 1 == 1 {
        hash ^= shuffle(0);
    }
    if (fill - s.len()) & 1 == 1 {
        hash ^= shuffle(u64::MAX);
    }
    hash ^= (s.len() as u64 + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        hash = 590923713;
    }
    s.hash.store(hash as i64, Ordering::Relaxed);
    Ok(hash as i64)
}

fn set_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let is_frozen = cls == types().frozenset || cls.is_subtype(types().frozenset);
    if is_frozen {
        if kw.map(|k| k.len()).unwrap_or(0) > 0 {
            return Err(ts.type_error("frozenset() takes no keyword arguments"));
        }
        if args.len() > 1 {
            return Err(ts.type_error(format!(
                "frozenset expected at most 1 argument, got {}",
                args.len()
            )));
        }
        if let Some(&x) = args.first() {
            if cls == types().frozenset && type_of(x) == types().frozenset {
                return Ok(x);
            }
            return Ok(SetObj::from_iterable(ts, cls, x)?.value());
        }
    }
    Ok(SetObj::new(ts, cls).value())
}

fn set_init(
    ts: &mut ThreadState,
    v: Value,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<()> {
    let s = as_set(ts, v)?;
    if s.is_frozen() {
        return Ok(());
    }
    if kw.map(|k| k.len()).unwrap_or(0) > 0 {
        return Err(ts.type_error("set() takes no keyword arguments"));
    }
    if args.len() > 1 {
        return Err(ts.type_error(format!(
            "set expected at most 1 argument, got {}",
            args.len()
        )));
    }
    s.clear(ts);
    if let Some(&x) = args.first() {
        s.update(ts, x)?;
    }
    Ok(())
}

fn is_anyset(v: Value) -> Option<Gc<SetObj>> {
    v.downcast::<SetObj>()
}

/// `a | b`.
fn set_or(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let (Some(x), Some(_)) = (is_anyset(a), is_anyset(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let r = copy_of(ts, x)?;
    if a != b {
        r.update(ts, b)?;
    }
    Ok(r.value())
}

/// CPython's `set_intersection`: iterate the smaller, keep the smaller's keys.
fn intersection(ts: &mut ThreadState, so: Gc<SetObj>, other: Value) -> PyResult<Gc<SetObj>> {
    if so.value() == other {
        return copy_of(ts, so);
    }
    let result = new_like(ts, so);
    if let Some(o) = is_anyset(other) {
        let (small, large) = if o.len() > so.len() { (so, o) } else { (o, so) };
        let (mut keys, mut hashes) = small.entries_rooted(ts);
        let mut kept = 0;
        for i in 0..keys.len() {
            if large.contains_hashed(ts, keys[i], hashes[i])? {
                keys[kept] = keys[i];
                hashes[kept] = hashes[i];
                kept += 1;
            }
        }
        result.add_batch(ts, &keys[..kept], &hashes[..kept])?;
        return Ok(result);
    }
    let it = ops::iter(ts, other)?;
    while let Some(k) = ops::next(ts, it)? {
        let h = ops::hash(ts, k)?;
        if so.contains_hashed(ts, k, h)? {
            result.add_hashed(ts, k, h)?;
        }
    }
    Ok(result)
}

fn set_and(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let (Some(x), Some(_)) = (is_anyset(a), is_anyset(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    Ok(intersection(ts, x, b)?.value())
}

/// CPython's `set_difference`.
fn difference(ts: &mut ThreadState, so: Gc<SetObj>, other: Value) -> PyResult<Gc<SetObj>> {
    let other_set = is_anyset(other);
    let other_len = match other_set {
        Some(o) => Some(o.len()),
        None => other.downcast::<DictObj>().map(|d| d.len()),
    };
    match other_len {
        Some(n) if (so.len() >> 2) <= n => {
            let result = new_like(ts, so);
            let (mut keys, mut hashes) = so.entries_rooted(ts);
            let mut kept = 0;
            for i in 0..keys.len() {
                let present = match other_set {
                    Some(o) => o.contains_hashed(ts, keys[i], hashes[i])?,
                    None => ops::contains(ts, other, keys[i])?,
                };
                if !present {
                    keys[kept] = keys[i];
                    hashes[kept] = hashes[i];
                    kept += 1;
                }
            }
            result.add_batch(ts, &keys[..kept], &hashes[..kept])?;
            Ok(result)
        }
        _ => {
            let result = copy_of(ts, so)?;
            difference_update(ts, result, other)?;
            Ok(result)
        }
    }
}

fn difference_update(ts: &mut ThreadState, so: Gc<SetObj>, other: Value) -> PyResult<()> {
    if other == so.value() {
        so.clear(ts);
        return Ok(());
    }
    if let Some(o) = is_anyset(other) {
        let (keys, hashes) = o.entries_rooted(ts);
        for (k, &h) in keys.iter().zip(hashes.iter()) {
            so.discard_hashed(ts, *k, h)?;
        }
    } else {
        let it = ops::iter(ts, other)?;
        while let Some(k) = ops::next(ts, it)? {
            so.discard(ts, k)?;
        }
    }
    // More than a quarter dummies: rebuild the table (as CPython does).
    let _g = so.lock();
    let (fill, used) = (so.fill.load(Ordering::Relaxed), so.len());
    if fill - used > so.table().mask / 4 {
        so.resize_locked(ts, if used > 50000 { used * 2 } else { used * 4 });
        so.version.fetch_add(1, Ordering::Release);
    }
    Ok(())
}

fn set_sub(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let (Some(x), Some(_)) = (is_anyset(a), is_anyset(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    Ok(difference(ts, x, b)?.value())
}

/// CPython's `set_symmetric_difference`: a copy of `other` updated by `so`.
fn symmetric_difference(
    ts: &mut ThreadState,
    so: Gc<SetObj>,
    other: Value,
) -> PyResult<Gc<SetObj>> {
    let ty = if so.is_frozen() {
        types().frozenset
    } else {
        types().set
    };
    let result = SetObj::from_iterable(ts, ty, other)?;
    symmetric_difference_update(ts, result, so.value())?;
    Ok(result)
}

fn symmetric_difference_update(ts: &mut ThreadState, so: Gc<SetObj>, other: Value) -> PyResult<()> {
    if other == so.value() {
        so.clear(ts);
        return Ok(());
    }
    if type_of(other) == types().dict {
        if let Some(d) = other.downcast::<DictObj>() {
            // The dict's keys in the dict's order.
            let items = d.items_rooted(ts);
            for pair in items.chunks(2) {
                let h = ops::hash(ts, pair[0])?;
                if !so.discard_hashed(ts, pair[0], h)? {
                    so.add_hashed(ts, pair[0], h)?;
                }
            }
            return Ok(());
        }
    }
    let o = match is_anyset(other) {
        Some(o) => o,
        None => SetObj::from_iterable(ts, types().set, other)?,
    };
    if o == so {
        so.clear(ts);
        return Ok(());
    }
    let (keys, hashes) = o.entries_rooted(ts);
    for (k, &h) in keys.iter().zip(hashes.iter()) {
        if !so.discard_hashed(ts, *k, h)? {
            so.add_hashed(ts, *k, h)?;
        }
    }
    Ok(())
}

fn set_xor(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let (Some(x), Some(_)) = (is_anyset(a), is_anyset(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    Ok(symmetric_difference(ts, x, b)?.value())
}

fn set_ior(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let (Some(x), Some(_)) = (is_anyset(a), is_anyset(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    x.update(ts, b)?;
    Ok(a)
}

fn set_iand(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let (Some(x), Some(_)) = (is_anyset(a), is_anyset(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let r = intersection(ts, x, b)?;
    replace_contents(ts, x, r)?;
    Ok(a)
}

/// Gives `dst` the contents of the fresh set `src`, table and all
/// (CPython's `set_swap_bodies`: the layout, hence the order, is `src`'s).
/// `src` is a temporary no one else sees.
fn replace_contents(_ts: &mut ThreadState, dst: Gc<SetObj>, src: Gc<SetObj>) -> PyResult<()> {
    let _g = dst.lock();
    dst.table.set(src.table.get());
    dst.used.store(src.len(), Ordering::Release);
    dst.fill
        .store(src.fill.load(Ordering::Relaxed), Ordering::Relaxed);
    dst.version.fetch_add(1, Ordering::Release);
    Ok(())
}

fn set_isub(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let (Some(x), Some(_)) = (is_anyset(a), is_anyset(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    difference_update(ts, x, b)?;
    Ok(a)
}

fn set_ixor(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let (Some(x), Some(_)) = (is_anyset(a), is_anyset(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    symmetric_difference_update(ts, x, b)?;
    Ok(a)
}

fn is_subset(ts: &mut ThreadState, a: Gc<SetObj>, b: Gc<SetObj>) -> PyResult<bool> {
    if a.len() > b.len() {
        return Ok(false);
    }
    let (keys, hashes) = a.entries_rooted(ts);
    for (k, &h) in keys.iter().zip(hashes.iter()) {
        if !b.contains_hashed(ts, *k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_richcompare(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (is_anyset(a), is_anyset(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let r = match op {
        CompareOp::Eq => x.len() == y.len() && is_subset(ts, x, y)?,
        CompareOp::Ne => !(x.len() == y.len() && is_subset(ts, x, y)?),
        CompareOp::Le => is_subset(ts, x, y)?,
        CompareOp::Ge => is_subset(ts, y, x)?,
        CompareOp::Lt => x.len() < y.len() && is_subset(ts, x, y)?,
        CompareOp::Gt => x.len() > y.len() && is_subset(ts, y, x)?,
    };
    Ok(Value::from_bool(r))
}

fn this(ts: &mut ThreadState, args: &[Value]) -> PyResult<Gc<SetObj>> {
    match args.first() {
        Some(&v) => as_set(ts, v),
        None => Err(ts.type_error("descriptor needs an argument")),
    }
}

fn mutable(ts: &mut ThreadState, args: &[Value], name: &str) -> PyResult<Gc<SetObj>> {
    let s = this(ts, args)?;
    if s.is_frozen() {
        return Err(ts.attribute_error_msg(format!("'frozenset' object has no attribute '{name}'")));
    }
    Ok(s)
}

fn one_arg(ts: &mut ThreadState, args: &[Value], name: &str) -> PyResult<Value> {
    match args.get(1) {
        Some(&v) if args.len() == 2 => Ok(v),
        _ => Err(ts.type_error(format!(
            "set.{name}() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        ))),
    }
}

fn m_add(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let s = mutable(ts, args, "add")?;
    let x = one_arg(ts, args, "add")?;
    s.add(ts, x)?;
    Ok(Value::NONE)
}

/// `discard` where a (unhashable) set key stands for the equal frozenset,
/// as in `remove`, `discard` and `in`.
fn discard_key(ts: &mut ThreadState, s: Gc<SetObj>, x: Value) -> PyResult<bool> {
    match s.discard(ts, x) {
        Err(e) if e.matches(types().type_error) && !is_frozen_value(x) => {
            let Some(inner) = x.downcast::<SetObj>() else {
                return Err(e);
            };
            let f = SetObj::new(ts, types().frozenset);
            f.merge(ts, inner)?;
            s.discard(ts, f.value())
        }
        r => r,
    }
}

fn is_frozen_value(x: Value) -> bool {
    x.downcast::<SetObj>().is_some_and(|s| s.is_frozen())
}

fn m_remove(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let s = mutable(ts, args, "remove")?;
    let x = one_arg(ts, args, "remove")?;
    if !discard_key(ts, s, x)? {
        return Err(ts.key_error(x));
    }
    Ok(Value::NONE)
}

fn m_discard(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let s = mutable(ts, args, "discard")?;
    let x = one_arg(ts, args, "discard")?;
    discard_key(ts, s, x)?;
    Ok(Value::NONE)
}

fn m_pop(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let s = mutable(ts, args, "pop")?;
    match s.pop() {
        Some(v) => Ok(v),
        None => Err(ts.key_error_msg("pop from an empty set")),
    }
}

fn m_clear(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let s = mutable(ts, args, "clear")?;
    s.clear(ts);
    Ok(Value::NONE)
}

fn m_copy(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let s = this(ts, args)?;
    if type_of(s.value()) == types().frozenset {
        return Ok(s.value());
    }
    Ok(copy_of(ts, s)?.value())
}

fn m_update(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let s = mutable(ts, args, "update")?;
    for &o in &args[1..] {
        s.update(ts, o)?;
    }
    Ok(Value::NONE)
}

fn m_union(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let s = this(ts, args)?;
    let r = copy_of(ts, s)?;
    for &o in &args[1..] {
        if o != s.value() {
            r.update(ts, o)?;
        }
    }
    Ok(r.value())
}

fn m_intersection(
    ts: &mut ThreadState,
    args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let s = this(ts, args)?;
    if args.len() == 1 {
        return Ok(copy_of(ts, s)?.value());
    }
    let mut r = s;
    for &o in &args[1..] {
        r = intersection(ts, r, o)?;
    }
    Ok(r.value())
}

fn m_intersection_update(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let s = mutable(ts, args, "intersection_update")?;
    let r = m_intersection(ts, args, kw)?;
    if let Some(r) = r.downcast::<SetObj>() {
        replace_contents(ts, s, r)?;
    }
    Ok(Value::NONE)
}

fn m_difference(
    ts: &mut ThreadState,
    args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let s = this(ts, args)?;
    if args.len() == 1 {
        return Ok(copy_of(ts, s)?.value());
    }
    let r = difference(ts, s, args[1])?;
    for &o in &args[2..] {
        difference_update(ts, r, o)?;
    }
    Ok(r.value())
}

fn m_difference_update(
    ts: &mut ThreadState,
    args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let s = mutable(ts, args, "difference_update")?;
    for &o in &args[1..] {
        difference_update(ts, s, o)?;
    }
    Ok(Value::NONE)
}

fn m_symmetric_difference(
    ts: &mut ThreadState,
    args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let s = this(ts, args)?;
    let o = one_arg(ts, args, "symmetric_difference")?;
    Ok(symmetric_difference(ts, s, o)?.value())
}

fn m_symmetric_difference_update(
    ts: &mut ThreadState,
    args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let s = mutable(ts, args, "symmetric_difference_update")?;
    let o = one_arg(ts, args, "symmetric_difference_update")?;
    symmetric_difference_update(ts, s, o)?;
    Ok(Value::NONE)
}

fn as_set_arg(ts: &mut ThreadState, v: Value) -> PyResult<Gc<SetObj>> {
    match is_anyset(v) {
        Some(s) => Ok(s),
        None => SetObj::from_iterable(ts, types().set, v),
    }
}

fn m_issubset(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let s = this(ts, args)?;
    let o = one_arg(ts, args, "issubset")?;
    let o = as_set_arg(ts, o)?;
    Ok(Value::from_bool(is_subset(ts, s, o)?))
}

fn m_issuperset(
    ts: &mut ThreadState,
    args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let s = this(ts, args)?;
    let o = one_arg(ts, args, "issuperset")?;
    let o = as_set_arg(ts, o)?;
    Ok(Value::from_bool(is_subset(ts, o, s)?))
}

fn m_isdisjoint(
    ts: &mut ThreadState,
    args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let s = this(ts, args)?;
    let o = one_arg(ts, args, "isdisjoint")?;
    let items = ops::collect(ts, o)?;
    for &x in items.iter() {
        if s.contains(ts, x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn m_sizeof(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let s = this(ts, args)?;
    Ok(len_value(200 + 16 * (s.table().mask + 1)))
}

fn m_reduce(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let s = this(ts, args)?;
    let (keys, _) = s.entries_rooted(ts);
    let l = crate::objects::list::ListObj::new(ts, &keys);
    let a = TupleObj::new(ts, &[l.value()]);
    Ok(TupleObj::new(ts, &[type_of(s.value()).value(), a.value(), Value::NONE]).value())
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let doc = StrObj::new(ts, "set() -> new empty set object\nset(iterable) -> new set object\n\nBuild an unordered collection of unique elements.");
    crate::objects::set_type_attr(ts, t.set, "__doc__", doc);
    let doc = StrObj::new(ts, "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\nBuild an immutable unordered collection of unique elements.");
    crate::objects::set_type_attr(ts, t.frozenset, "__doc__", doc);
    for ty in [t.set, t.frozenset] {
        let s = &ty.slots;
        s.repr.set(Some(set_repr));
        s.len.set(Some(set_len));
        s.contains.set(Some(set_contains));
        s.iter.set(Some(set_iter));
        s.richcompare.set(Some(set_richcompare));
        s.new.set(Some(set_new));
        s.nb[BinaryOp::Or as usize].set(Some(set_or));
        s.nb[BinaryOp::And as usize].set(Some(set_and));
        s.nb[BinaryOp::Subtract as usize].set(Some(set_sub));
        s.nb[BinaryOp::Xor as usize].set(Some(set_xor));
        add_methods(
            ts,
            ty,
            &[
                method("copy", m_copy),
                method("union", m_union),
                method("intersection", m_intersection),
                method("difference", m_difference),
                method("symmetric_difference", m_symmetric_difference),
                method("issubset", m_issubset),
                method("issuperset", m_issuperset),
                method("isdisjoint", m_isdisjoint),
                method("__sizeof__", m_sizeof),
                method("__reduce__", m_reduce),
            ],
        );
    }
    let s = &t.set.slots;
    s.hash
        .set(Some(crate::objects::slots::hash_not_implemented));
    s.init.set(Some(set_init));
    s.nb_inplace[BinaryOp::Or as usize].set(Some(set_ior));
    s.nb_inplace[BinaryOp::And as usize].set(Some(set_iand));
    s.nb_inplace[BinaryOp::Subtract as usize].set(Some(set_isub));
    s.nb_inplace[BinaryOp::Xor as usize].set(Some(set_ixor));
    t.frozenset.slots.hash.set(Some(frozenset_hash));
    add_methods(
        ts,
        t.set,
        &[
            method("add", m_add),
            method("remove", m_remove),
            method("discard", m_discard),
            method("pop", m_pop),
            method("clear", m_clear),
            method("update", m_update),
            method("intersection_update", m_intersection_update),
            method("difference_update", m_difference_update),
            method("symmetric_difference_update", m_symmetric_difference_update),
        ],
    );
}
