//! `dict`: an insertion-ordered hash table, safe to share between threads.
//!
//! # Layout (CPython's compact dict)
//! ```text
//! DictObj:   [Header (lock)][table -> DictTable][len][version][keys_version]
//! DictTable: [Header][log2 size][usable][nentries]
//!            [indices: i32 x size]       -1 empty, -2 deleted, else entry #
//!            [entries: (hash, key, value) x usable]   in insertion order
//! ```
//! Iteration walks `entries` in order, skipping deleted ones (key NULL).
//! A table is replaced (not grown in place) when its entries run out; the
//! new one is compacted. Tables are GC objects, so a reader holding an old
//! table reads valid memory.
//!
//! # Concurrency (the contract in DESIGN.md)
//! - Reads take no lock. A reader loads the table (Acquire), probes the
//!   indices, reads an entry's key, compares, reads the value. A writer
//!   fills an entry before publishing its index (Release), so a reader
//!   that finds the index sees the entry. Entries are append-only within a
//!   table: a deleted entry gets key and value NULL and is never reused, so
//!   a reader that raced with a delete sees NULL and reports "missing".
//! - Writes take the dict's lock. Comparisons that run Python code
//!   (`__eq__` of a user key) never happen under the lock: when a probe
//!   meets such a key, the writer drops the lock, looks the key up like a
//!   reader, and retakes the lock to apply its change only if the dict's
//!   `version` did not move meanwhile (else it retries).
//! - Replacing the value of a key that is there (`d[k] = v`, a
//!   module-level `x = ...` in a loop, `counts[w] += 1`) takes no lock
//!   when the key compares without Python code: a compare-and-swap on the
//!   entry's value in the current table, from the non-NULL value it read.
//!   A resize copies the entries of a published table into a new one; so
//!   that a store cannot land in the old table after its entry was copied,
//!   a dict that has seen a lock-free store (`stored`, set before the
//!   first one) has its values *frozen* as they are copied (swapped to
//!   NULL): a swap that succeeds landed before the copy took the value (the
//!   copy carries it) or in the current table; one that meets NULL takes
//!   the lock. The switch is made safe as in `list`: a resize makes
//!   `version` odd, then reads `stored`; a first store sets `stored`, then
//!   reads `version` and takes the lock if it is odd (all `SeqCst`). A
//!   delete swaps the value out, so `pop` returns the last value stored.
//!   Repeating a store is never needed after a successful swap, so a value
//!   never reappears after a later store replaced it.
//! - A reader that finds its key with a NULL value met a delete or a
//!   frozen entry; in a dict with lock-free stores it waits for the lock
//!   (held by the resize until the new table is published) and looks again.
//! - `keys_version` identifies the current set of keys (0: unassigned).
//!   It is reset before any change to the key set or the table, and again
//!   once the change is published: a reader that assigned an id while the
//!   change was under way (and may have missed the new key) loses it. So a
//!   reader that takes the id *before* looking a key up and finds it
//!   missing knows the key was absent from the key set with that id, which
//!   is what `LOAD_GLOBAL`'s builtins cache relies on.

use ftpy_compiler::{BinaryOp, CompareOp};
use std::sync::atomic::{
    AtomicBool, AtomicI32, AtomicI64, AtomicU32, AtomicU64, AtomicUsize, Ordering,
};

use crate::error::PyResult;
use crate::gc::{Marker, RootedVec, Slot};
use crate::hash::simple_eq;
use crate::interp::{names, types, BuiltinTypes};
use crate::object::{len_value, Gc, Header, HeapObj, Kind, ObjGuard};
use crate::objects::set::SetObj;
use crate::objects::str::StrObj;
use crate::objects::tuple::{repr_items, TupleObj};
use crate::objects::typeobj::{type_name, type_of, TypeObj};
use crate::objects::{add_methods, classmethod, method};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

const EMPTY: i32 = -1;
const DUMMY: i32 = -2;
const MIN_LOG2: u32 = 3;

#[repr(C)]
pub struct Entry {
    hash: AtomicI64,
    pub key: Slot,
    pub value: Slot,
}

#[repr(C)]
pub struct DictTable {
    pub header: Header,
    log2: u32,
    usable: u32,
    nentries: AtomicUsize,
}

// SAFETY: repr(C), Header first; trace visits every entry's key and value.
unsafe impl HeapObj for DictTable {
    const KIND: Kind = Kind::DictTable;
    fn trace(&self, m: &mut Marker) {
        for e in self.entries() {
            m.slot(&e.key);
            m.slot(&e.value);
        }
    }
}

impl DictTable {
    fn size_for(log2: u32) -> (usize, usize, usize) {
        let size = 1usize << log2;
        let usable = (size << 1) / 3;
        let idx_bytes = (size * 4).div_ceil(8) * 8;
        let total =
            std::mem::size_of::<DictTable>() + idx_bytes + usable * std::mem::size_of::<Entry>();
        (size, usable, total)
    }

    fn alloc(ts: &mut ThreadState, log2: u32, nogc: bool) -> Gc<DictTable> {
        let (size, usable, total) = Self::size_for(log2);
        let init = |p: *mut DictTable| {
            // SAFETY: `p` has room for the fixed part, the indices and the
            // entries (computed by size_for).
            unsafe {
                p.write(DictTable {
                    header: Header::new(types().dict_table, Kind::DictTable, 0),
                    log2,
                    usable: usable as u32,
                    nentries: AtomicUsize::new(0),
                });
                let idx = (p as *mut u8).add(std::mem::size_of::<DictTable>()) as *mut AtomicI32;
                for i in 0..size {
                    idx.add(i).write(AtomicI32::new(EMPTY));
                }
                let idx_bytes = (size * 4).div_ceil(8) * 8;
                let ent =
                    (p as *mut u8).add(std::mem::size_of::<DictTable>() + idx_bytes) as *mut Entry;
                for i in 0..usable {
                    ent.add(i).write(Entry {
                        hash: AtomicI64::new(0),
                        key: Slot::new(Value::NULL),
                        value: Slot::new(Value::NULL),
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
    fn size(&self) -> usize {
        1 << self.log2
    }

    #[inline(always)]
    fn indices(&self) -> &[AtomicI32] {
        // SAFETY: `size` indices follow the fixed part.
        unsafe {
            let p = (self as *const DictTable as *const u8).add(std::mem::size_of::<DictTable>())
                as *const AtomicI32;
            std::slice::from_raw_parts(p, self.size())
        }
    }

    #[inline(always)]
    pub fn entries(&self) -> &[Entry] {
        // SAFETY: `usable` entries follow the indices.
        unsafe {
            let idx_bytes = (self.size() * 4).div_ceil(8) * 8;
            let p = (self as *const DictTable as *const u8)
                .add(std::mem::size_of::<DictTable>() + idx_bytes)
                as *const Entry;
            std::slice::from_raw_parts(p, self.usable as usize)
        }
    }

    #[inline(always)]
    pub fn nentries(&self) -> usize {
        self.nentries.load(Ordering::Acquire)
    }
}

#[repr(C)]
pub struct DictObj {
    pub header: Header,
    table: Slot,
    len: AtomicUsize,
    /// Advanced by 2 by every mutation under the lock (retry detection),
    /// and odd while a resize copies the entries (module doc).
    version: AtomicU64,
    /// Id of the current key set for caches; 0 = unassigned.
    keys_version: AtomicU32,
    /// Set (for good) before the first lock-free value store: from then
    /// on a resize freezes the values it copies (module doc).
    stored: AtomicBool,
}

// SAFETY: repr(C), Header first; the table is traced.
unsafe impl HeapObj for DictObj {
    const KIND: Kind = Kind::Dict;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.table);
    }
}

static NEXT_KEYS_VERSION: AtomicU32 = AtomicU32::new(1);

/// Where a probe ended.
enum Probe {
    /// The key is at index slot `i`, entry `ix`.
    Found(usize, usize),
    /// Not present.
    Missing,
    /// A comparison would run Python code.
    NeedsPython,
}

impl DictObj {
    pub fn new(ts: &mut ThreadState) -> Gc<DictObj> {
        Self::new_typed(ts, types().dict)
    }

    pub fn new_typed(ts: &mut ThreadState, ty: Gc<TypeObj>) -> Gc<DictObj> {
        let table = DictTable::alloc(ts, MIN_LOG2, false);
        let obj = DictObj {
            header: Header::new(ty, Kind::Dict, 0),
            table: Slot::new(table.value()),
            len: AtomicUsize::new(0),
            version: AtomicU64::new(0),
            keys_version: AtomicU32::new(0),
            stored: AtomicBool::new(false),
        };
        crate::objects::instance::alloc_with_attrs(ts, ty, obj)
    }

    #[inline(always)]
    pub fn table(&self) -> Gc<DictTable> {
        // SAFETY: `table` always holds a DictTable.
        unsafe { self.table.get().downcast_unchecked() }
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        self.len.load(Ordering::Acquire)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn version(&self) -> u64 {
        self.version.load(Ordering::Acquire)
    }

    fn lock(&self) -> ObjGuard<'_> {
        self.header.lock()
    }

    /// The id of the current key set (assigning one if needed).
    #[inline]
    pub fn keys_version(&self) -> u32 {
        let v = self.keys_version.load(Ordering::Acquire);
        if v != 0 {
            return v;
        }
        let n = NEXT_KEYS_VERSION.fetch_add(1, Ordering::Relaxed);
        if n == u32::MAX {
            NEXT_KEYS_VERSION.store(u32::MAX, Ordering::Relaxed);
            return 0;
        }
        match self
            .keys_version
            .compare_exchange(0, n, Ordering::AcqRel, Ordering::Acquire)
        {
            Ok(_) => n,
            Err(cur) => cur,
        }
    }

    /// The current key-set id without assigning one.
    #[inline]
    pub fn keys_version_raw(&self) -> u32 {
        self.keys_version.load(Ordering::Acquire)
    }

    /// Writer bookkeeping before a change of the key set.
    #[inline]
    fn keys_changing(&self) {
        self.keys_version.store(0, Ordering::Release);
    }

    /// Writer bookkeeping after a change of the key set was published:
    /// drops an id a racing reader assigned meanwhile (module doc).
    #[inline]
    fn keys_changed(&self) {
        self.keys_version.store(0, Ordering::Release);
    }

    /// The version bump of a mutation. Every caller holds the dict's
    /// lock, the only place `version` is written: a load and a store, not
    /// a locked read-modify-write (lock-free readers only load it).
    #[inline]
    fn bump(&self) {
        let v = self.version.load(Ordering::Relaxed);
        self.version.store(v.wrapping_add(2), Ordering::Release);
    }

    /// A reader met an entry whose key matched but whose value was NULL:
    /// deleted, or frozen by a resize that has not published its table
    /// yet. Returns whether to look again (after waiting for the lock,
    /// which the resize holds until its table is published).
    #[cold]
    fn frozen_wait(&self) -> bool {
        if !self.stored.load(Ordering::Acquire) {
            return false;
        }
        drop(self.lock());
        true
    }

    /// Replaces the value of `key` if it is in the dict, without the lock:
    /// a compare-and-swap on the entry's value (module doc). False when
    /// the key is missing, a comparison needs Python code, a resize is
    /// copying, or the entry is frozen or deleted: the caller takes the
    /// lock. Out of line: inlined, it grew every caller's store path
    /// and moved unrelated interpreter benchmarks by up to 10%.
    #[inline(never)]
    fn replace_lock_free(&self, key: Value, hash: i64, value: Value) -> bool {
        if !self.stored.load(Ordering::Relaxed) {
            // The first lock-free store: `stored`, then `version` (a
            // Dekker pair with `resize_locked`, both SeqCst).
            self.stored.store(true, Ordering::SeqCst);
            if self.version.load(Ordering::SeqCst) & 1 != 0 {
                return false;
            }
        }
        let table = self.table();
        let Probe::Found(_, ix) = self.probe_simple(&table, key, hash) else {
            return false;
        };
        let slot = &table.obj().entries()[ix].value;
        loop {
            let cur = slot.get();
            if cur.is_null() {
                return false;
            }
            if slot.compare_exchange(cur, value) {
                return true;
            }
        }
    }

    /// Probes for `key` comparing only without Python code. Under the lock
    /// or lock-free (it only reads).
    fn probe_simple(&self, table: &DictTable, key: Value, hash: i64) -> Probe {
        let idx = table.indices();
        let ent = table.entries();
        let mask = table.size() - 1;
        let mut i = hash as usize & mask;
        let mut perturb = hash as u64;
        loop {
            let ix = idx[i].load(Ordering::Acquire);
            if ix == EMPTY {
                return Probe::Missing;
            }
            if ix >= 0 {
                let e = &ent[ix as usize];
                let k = e.key.get();
                if k == key {
                    return Probe::Found(i, ix as usize);
                }
                if !k.is_null() && e.hash.load(Ordering::Relaxed) == hash {
                    match simple_eq(k, key) {
                        Some(true) => return Probe::Found(i, ix as usize),
                        Some(false) => {}
                        None => return Probe::NeedsPython,
                    }
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
    }

    /// Full lookup, may run `__eq__`; no lock held. Returns the table it
    /// looked in and the (index slot, entry) found.
    fn lookup(
        &self,
        ts: &mut ThreadState,
        key: Value,
        hash: i64,
    ) -> PyResult<Option<(Gc<DictTable>, usize, usize)>> {
        'restart: loop {
            let table = self.table();
            let idx = table.obj().indices();
            let ent = table.obj().entries();
            let mask = table.size() - 1;
            let mut i = hash as usize & mask;
            let mut perturb = hash as u64;
            loop {
                let ix = idx[i].load(Ordering::Acquire);
                if ix == EMPTY {
                    return Ok(None);
                }
                if ix >= 0 {
                    let e = &ent[ix as usize];
                    let k = e.key.get();
                    if k == key {
                        return Ok(Some((table, i, ix as usize)));
                    }
                    if !k.is_null() && e.hash.load(Ordering::Relaxed) == hash {
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
                            return Ok(Some((table, i, ix as usize)));
                        }
                    }
                }
                perturb >>= 5;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(perturb as usize)
                    .wrapping_add(1))
                    & mask;
            }
        }
    }

    /// `self[key]`, `Ok(None)` when missing.
    #[inline]
    pub fn get_item_opt(&self, ts: &mut ThreadState, key: Value) -> PyResult<Option<Value>> {
        let hash = ops::hash(ts, key)?;
        self.get_item_hashed(ts, key, hash)
    }

    pub fn get_item_hashed(
        &self,
        ts: &mut ThreadState,
        key: Value,
        hash: i64,
    ) -> PyResult<Option<Value>> {
        let mut table = self.table();
        let mut probe = self.probe_simple(&table, key, hash);
        loop {
            let found = match probe {
                Probe::Found(_, ix) => table.obj().entries()[ix].value.get().non_null(),
                Probe::Missing => return Ok(None),
                Probe::NeedsPython => match self.lookup(ts, key, hash)? {
                    Some((t, _, ix)) => t.obj().entries()[ix].value.get().non_null(),
                    None => return Ok(None),
                },
            };
            if found.is_some() || !self.frozen_wait() {
                return Ok(found);
            }
            table = self.table();
            probe = self.probe_simple(&table, key, hash);
        }
    }

    /// Lookup by an interned or exact str name; no Python code runs.
    #[inline]
    pub fn get_str(&self, name: Gc<StrObj>) -> Option<Value> {
        match self.get_str_once(name) {
            Ok(v) => v,
            Err(()) => self.get_str_again(name),
        }
    }

    /// `get_str` after an entry with a NULL value was met (deleted or
    /// frozen meanwhile).
    #[cold]
    #[inline(never)]
    fn get_str_again(&self, name: Gc<StrObj>) -> Option<Value> {
        loop {
            if !self.frozen_wait() {
                return None;
            }
            if let Ok(v) = self.get_str_once(name) {
                return v;
            }
        }
    }

    /// One probe: Err when the name's entry has a NULL value (deleted or
    /// frozen meanwhile).
    #[inline(always)]
    fn get_str_once(&self, name: Gc<StrObj>) -> Result<Option<Value>, ()> {
        let hash = name.hash();
        let table = self.table();
        let t = table.obj();
        let idx = t.indices();
        let ent = t.entries();
        let mask = t.size() - 1;
        let mut i = hash as usize & mask;
        let mut perturb = hash as u64;
        let key = name.value();
        loop {
            let ix = idx[i].load(Ordering::Acquire);
            if ix == EMPTY {
                return Ok(None);
            }
            if ix >= 0 {
                let e = &ent[ix as usize];
                let k = e.key.get();
                if k == key {
                    return e.value.get().non_null().map(Some).ok_or(());
                }
                if e.hash.load(Ordering::Relaxed) == hash {
                    if let Some(ks) = k.downcast::<StrObj>() {
                        if ks.eq_str(&name) {
                            return e.value.get().non_null().map(Some).ok_or(());
                        }
                    }
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
    }

    /// `get_str` by Rust text (no Python code runs, no str is made).
    pub fn get_str_text(&self, name: &str) -> Option<Value> {
        match self.get_str_text_once(name) {
            Ok(v) => v,
            Err(()) => loop {
                if !self.frozen_wait() {
                    return None;
                }
                if let Ok(v) = self.get_str_text_once(name) {
                    return v;
                }
            },
        }
    }

    fn get_str_text_once(&self, name: &str) -> Result<Option<Value>, ()> {
        let hash = crate::hash::hash_str(name, name.is_ascii());
        let table = self.table();
        let t = table.obj();
        let idx = t.indices();
        let ent = t.entries();
        let mask = t.size() - 1;
        let mut i = hash as usize & mask;
        let mut perturb = hash as u64;
        loop {
            let ix = idx[i].load(Ordering::Acquire);
            if ix == EMPTY {
                return Ok(None);
            }
            if ix >= 0 {
                let e = &ent[ix as usize];
                if e.hash.load(Ordering::Relaxed) == hash {
                    let k = e.key.get();
                    if k.downcast::<StrObj>().is_some_and(|ks| ks.as_str() == name) {
                        return e.value.get().non_null().map(Some).ok_or(());
                    }
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
    }

    /// The entry index of a str key (for the global-load cache).
    #[inline]
    pub fn find_str_entry(&self, name: Gc<StrObj>) -> Option<usize> {
        let table = self.table();
        match self.probe_simple(&table, name.value(), name.hash()) {
            Probe::Found(_, ix) => Some(ix),
            _ => None,
        }
    }

    /// `self[key] = value`.
    pub fn set_item(&self, ts: &mut ThreadState, key: Value, value: Value) -> PyResult<()> {
        let hash = ops::hash(ts, key)?;
        self.set_item_hashed(ts, key, hash, value)
    }

    pub fn set_item_hashed(
        &self,
        ts: &mut ThreadState,
        key: Value,
        hash: i64,
        value: Value,
    ) -> PyResult<()> {
        if self.replace_lock_free(key, hash, value) {
            return Ok(());
        }
        loop {
            {
                let _g = self.lock();
                let table = self.table();
                match self.probe_simple(&table, key, hash) {
                    Probe::Found(_, ix) => {
                        table.obj().entries()[ix].value.set(value);
                        self.bump();
                        return Ok(());
                    }
                    Probe::Missing => {
                        self.insert_new_locked(ts, key, hash, value);
                        return Ok(());
                    }
                    Probe::NeedsPython => {}
                }
            }
            // A comparison needs Python code: look up without the lock,
            // then apply if nothing changed meanwhile.
            let ver = self.version();
            let found = self.lookup(ts, key, hash)?;
            let _g = self.lock();
            if self.version() != ver {
                continue;
            }
            match found {
                Some((t, _, ix)) if t == self.table() => {
                    t.obj().entries()[ix].value.set(value);
                    self.bump();
                }
                Some(_) => continue,
                None => self.insert_new_locked(ts, key, hash, value),
            }
            return Ok(());
        }
    }

    /// Stores a str-keyed item whose comparisons can run no Python code
    /// (bootstrap, internal use).
    pub fn set_item_str(&self, ts: &mut ThreadState, name: &str, value: Value) {
        let k = crate::interp::intern(ts, name);
        let hash = k.hash();
        let _ = self.set_item_hashed(ts, k.value(), hash, value);
    }

    /// A store under the caller's knowledge that no Python code and no
    /// allocation beyond a no-GC one can be needed (used while holding
    /// another object's lock).
    pub fn set_item_nolock_simple(&self, key: Value, value: Value) {
        let Some(hash) = crate::hash::simple_hash(key) else {
            return;
        };
        let table = self.table();
        if let Probe::Found(_, ix) = self.probe_simple(&table, key, hash) {
            table.obj().entries()[ix].value.set(value);
        }
    }

    /// Inserts a key known to be absent. Caller holds the lock.
    fn insert_new_locked(&self, ts: &mut ThreadState, key: Value, hash: i64, value: Value) {
        self.keys_changing();
        let mut table = self.table();
        if table.nentries() >= table.usable as usize {
            table = self.resize_locked(ts, self.len() + 1);
        }
        let t = table.obj();
        let ix = t.nentries();
        let e = &t.entries()[ix];
        e.hash.store(hash, Ordering::Relaxed);
        e.key.set(key);
        e.value.set(value);
        let idx = t.indices();
        let mask = t.size() - 1;
        let mut i = hash as usize & mask;
        let mut perturb = hash as u64;
        while idx[i].load(Ordering::Relaxed) != EMPTY {
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
        idx[i].store(ix as i32, Ordering::Release);
        t.nentries.store(ix + 1, Ordering::Release);
        self.len.store(self.len() + 1, Ordering::Release);
        self.keys_changed();
        self.bump();
    }

    /// Replaces the table by a compacted one with room for `minused`
    /// entries (CPython's growth: 3x the used count). Caller holds the lock.
    fn resize_locked(&self, ts: &mut ThreadState, minused: usize) -> Gc<DictTable> {
        self.keys_changing();
        // `version` odd while copying, then `stored` (the Dekker pair with
        // `replace_lock_free`): a dict stored into lock-free has its values
        // frozen (swapped to NULL) as they are copied.
        let ver = self.version.load(Ordering::Relaxed);
        self.version.store(ver | 1, Ordering::SeqCst);
        let freeze = self.stored.load(Ordering::SeqCst);
        let want = minused * 3;
        let mut log2 = MIN_LOG2;
        while (1usize << log2) < want && log2 < 40 {
            log2 += 1;
        }
        // usable = 2/3 size must exceed minused.
        while ((1usize << log2) << 1) / 3 <= minused {
            log2 += 1;
        }
        let old = self.table();
        let nt = DictTable::alloc(ts, log2, true);
        let t = nt.obj();
        let idx = t.indices();
        let mask = t.size() - 1;
        let mut n = 0;
        for e in old.obj().entries()[..old.nentries()].iter() {
            let k = e.key.get();
            if k.is_null() {
                continue;
            }
            let h = e.hash.load(Ordering::Relaxed);
            let ne = &t.entries()[n];
            ne.hash.store(h, Ordering::Relaxed);
            ne.key.init(k);
            ne.value.init(if freeze {
                e.value.swap(Value::NULL)
            } else {
                e.value.get()
            });
            let mut i = h as usize & mask;
            let mut perturb = h as u64;
            while idx[i].load(Ordering::Relaxed) != EMPTY {
                perturb >>= 5;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(perturb as usize)
                    .wrapping_add(1))
                    & mask;
            }
            idx[i].store(n as i32, Ordering::Relaxed);
            n += 1;
        }
        t.nentries.store(n, Ordering::Release);
        self.table.set(nt.value());
        self.version
            .store((ver | 1).wrapping_add(1), Ordering::Release);
        self.keys_changed();
        nt
    }

    /// `del self[key]`; Ok(false) when missing.
    pub fn del_item_opt(&self, ts: &mut ThreadState, key: Value) -> PyResult<bool> {
        let hash = ops::hash(ts, key)?;
        Ok(self.pop_hashed(ts, key, hash)?.is_some())
    }

    /// Removes `key`, returning its value.
    pub fn pop_hashed(
        &self,
        ts: &mut ThreadState,
        key: Value,
        hash: i64,
    ) -> PyResult<Option<Value>> {
        loop {
            {
                let _g = self.lock();
                let table = self.table();
                match self.probe_simple(&table, key, hash) {
                    Probe::Found(i, ix) => return Ok(Some(self.delete_locked(&table, i, ix))),
                    Probe::Missing => return Ok(None),
                    Probe::NeedsPython => {}
                }
            }
            let ver = self.version();
            let found = self.lookup(ts, key, hash)?;
            let _g = self.lock();
            if self.version() != ver {
                continue;
            }
            return match found {
                Some((t, i, ix)) if t == self.table() => Ok(Some(self.delete_locked(&t, i, ix))),
                Some(_) => continue,
                None => Ok(None),
            };
        }
    }

    fn delete_locked(&self, table: &DictTable, i: usize, ix: usize) -> Value {
        self.keys_changing();
        let e = &table.entries()[ix];
        table.indices()[i].store(DUMMY, Ordering::Release);
        e.key.set(Value::NULL);
        // A swap: a lock-free store that lands before it is what `pop`
        // returns (and one after it fails and finds the key gone).
        let v = e.value.swap(Value::NULL);
        self.len.store(self.len() - 1, Ordering::Release);
        self.keys_changed();
        self.bump();
        v
    }

    /// Removes everything.
    pub fn clear(&self, ts: &mut ThreadState) {
        let nt = DictTable::alloc(ts, MIN_LOG2, false);
        let _g = self.lock();
        self.keys_changing();
        self.table.set(nt.value());
        self.len.store(0, Ordering::Release);
        self.keys_changed();
        self.bump();
    }

    /// The live (key, value) pairs in order, as of now.
    pub fn items_snapshot(&self, _ts: &mut ThreadState) -> Vec<(Value, Value)> {
        let _g = self.lock();
        let t = self.table();
        let mut out = Vec::with_capacity(self.len());
        for e in t.obj().entries()[..t.nentries()].iter() {
            let k = e.key.get();
            if !k.is_null() {
                out.push((k, e.value.get()));
            }
        }
        out
    }

    /// Items into rooted storage: keys and values interleaved.
    pub fn items_rooted(&self, ts: &mut ThreadState) -> RootedVec {
        let mut out = RootedVec::new(ts);
        let _g = self.lock();
        let t = self.table();
        for e in t.obj().entries()[..t.nentries()].iter() {
            let k = e.key.get();
            if !k.is_null() {
                out.push(k);
                out.push(e.value.get());
            }
        }
        out
    }

    /// The entry at position `pos` or later that is live: (next pos, key,
    /// value). Lock-free (for iterators).
    pub fn next_entry(&self, pos: usize) -> Option<(usize, Value, Value)> {
        'again: loop {
            let t = self.table();
            let n = t.nentries();
            let ents = t.obj().entries();
            let mut p = pos;
            while p < n {
                let e = &ents[p];
                let k = e.key.get();
                if !k.is_null() {
                    let v = e.value.get();
                    if !v.is_null() {
                        return Some((p + 1, k, v));
                    }
                    if self.frozen_wait() {
                        continue 'again;
                    }
                }
                p += 1;
            }
            return None;
        }
    }

    /// The entry position just past the last entry (where a reversed
    /// iteration starts).
    pub fn entries_end(&self) -> usize {
        self.table().nentries()
    }

    /// The last live entry before position `pos`: (its position, key,
    /// value); reversed iteration passes the returned position back.
    pub fn prev_entry(&self, pos: usize) -> Option<(usize, Value, Value)> {
        'again: loop {
            let t = self.table();
            let ents = t.obj().entries();
            let mut p = pos.min(t.nentries());
            while p > 0 {
                p -= 1;
                let e = &ents[p];
                let k = e.key.get();
                if !k.is_null() {
                    let v = e.value.get();
                    if !v.is_null() {
                        return Some((p, k, v));
                    }
                    if self.frozen_wait() {
                        continue 'again;
                    }
                }
            }
            return None;
        }
    }

    /// Copies all items of `other` into `self` (`update` with a dict).
    pub fn update_from_dict(&self, ts: &mut ThreadState, other: Gc<DictObj>) -> PyResult<()> {
        let items = other.items_rooted(ts);
        for pair in items.chunks(2) {
            self.set_item(ts, pair[0], pair[1])?;
        }
        Ok(())
    }

    /// `self[key]` raising KeyError (with `__missing__` for subclasses).
    pub fn get_item(&self, ts: &mut ThreadState, key: Value) -> PyResult<Value> {
        match self.get_item_opt(ts, key)? {
            Some(v) => Ok(v),
            None => Err(ts.key_error(key)),
        }
    }
}

// ---- slots -------------------------------------------------------------------------

fn as_dict(ts: &mut ThreadState, v: Value) -> PyResult<Gc<DictObj>> {
    match v.downcast::<DictObj>() {
        Some(d) => Ok(d),
        None => Err(ts.type_error(format!(
            "descriptor requires a 'dict' object but received a '{}'",
            type_name(v)
        ))),
    }
}

fn dict_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let d = as_dict(ts, v)?;
    if d.is_empty() {
        return Ok(StrObj::new(ts, "{}"));
    }
    if ts.repr_guard.contains(&v.bits()) {
        return Ok(StrObj::new(ts, "{...}"));
    }
    ts.repr_guard.push(v.bits());
    let r = (|| {
        let mut out = String::from("{");
        let mut pos = 0;
        let mut first = true;
        while let Some((next, k, val)) = d.next_entry(pos) {
            if !first {
                out.push_str(", ");
            }
            first = false;
            out.push_str(ops::repr(ts, k)?.as_str());
            out.push_str(": ");
            out.push_str(ops::repr(ts, val)?.as_str());
            pos = next;
        }
        out.push('}');
        Ok(out)
    })();
    ts.repr_guard.pop();
    let s = r?;
    Ok(StrObj::new(ts, &s))
}

fn dict_len(ts: &mut ThreadState, v: Value) -> PyResult<usize> {
    Ok(as_dict(ts, v)?.len())
}

/// `d[key]` including `__missing__` for subclasses.
pub fn dict_getitem(ts: &mut ThreadState, v: Value, key: Value) -> PyResult<Value> {
    let d = as_dict(ts, v)?;
    if let Some(x) = d.get_item_opt(ts, key)? {
        return Ok(x);
    }
    if type_of(v) != types().dict {
        if let Some(m) = type_of(v).lookup(names().__missing__) {
            return ops::call_unbound(ts, m, v, &[key], None);
        }
    }
    Err(ts.key_error(key))
}

fn dict_setitem(ts: &mut ThreadState, v: Value, key: Value, x: Option<Value>) -> PyResult<()> {
    let d = as_dict(ts, v)?;
    match x {
        Some(x) => d.set_item(ts, key, x),
        None => {
            if !d.del_item_opt(ts, key)? {
                return Err(ts.key_error(key));
            }
            Ok(())
        }
    }
}

fn dict_contains(ts: &mut ThreadState, v: Value, key: Value) -> PyResult<bool> {
    let d = as_dict(ts, v)?;
    Ok(d.get_item_opt(ts, key)?.is_some())
}

fn dict_iter(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let d = as_dict(ts, v)?;
    Ok(crate::objects::iterators::dict_iter(
        ts,
        types().dict_keyiterator,
        d,
    ))
}

fn dict_richcompare(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast::<DictObj>(), b.downcast::<DictObj>()) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if op != CompareOp::Eq && op != CompareOp::Ne {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let eq = dict_equal(ts, x, y)?;
    Ok(Value::from_bool(eq == (op == CompareOp::Eq)))
}

fn dict_equal(ts: &mut ThreadState, x: Gc<DictObj>, y: Gc<DictObj>) -> PyResult<bool> {
    if x.len() != y.len() {
        return Ok(false);
    }
    let items = x.items_rooted(ts);
    for pair in items.chunks(2) {
        match y.get_item_opt(ts, pair[0])? {
            Some(w) => {
                if !ops::eq(ts, pair[1], w)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

fn dict_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    _args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    Ok(DictObj::new_typed(ts, cls).value())
}

/// `dict.update(other, **kw)` semantics into `d`.
/// `v` as a dict whose items a merge may copy directly: a dict whose type
/// keeps dict's own `__iter__` (CPython's dict_merge test); other mappings
/// (and dict subclasses overriding `__iter__`) go through `keys()` and
/// `__getitem__`.
pub fn mergeable_dict(v: Value) -> Option<Gc<DictObj>> {
    let d = v.downcast::<DictObj>()?;
    let ty = type_of(v);
    if ty == types().dict || ty.lookup(names().__iter__) == types().dict.lookup(names().__iter__) {
        Some(d)
    } else {
        None
    }
}

pub fn update_from(ts: &mut ThreadState, d: Gc<DictObj>, other: Value) -> PyResult<()> {
    if let Some(o) = mergeable_dict(other) {
        return d.update_from_dict(ts, o);
    }
    if let Some(keys) = ops::getattr_opt(ts, other, names().keys)? {
        let ks = ops::call0(ts, keys)?;
        let ks = ops::collect(ts, ks)?;
        for &k in ks.iter() {
            let v = ops::getitem(ts, other, k)?;
            d.set_item(ts, k, v)?;
        }
        return Ok(());
    }
    let it = ops::iter(ts, other)?;
    let mut n = 0;
    while let Some(item) = ops::next(ts, it)? {
        let pair = ops::collect(ts, item).map_err(|_| {
            ts.type_error(format!(
                "cannot convert dictionary update sequence element #{n} to a sequence"
            ))
        })?;
        if pair.len() != 2 {
            return Err(ts.value_error(format!(
                "dictionary update sequence element #{n} has length {}; 2 is required",
                pair.len()
            )));
        }
        d.set_item(ts, pair[0], pair[1])?;
        n += 1;
    }
    Ok(())
}

fn update_kwargs(
    ts: &mut ThreadState,
    d: Gc<DictObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<usize> {
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    if let Some(k) = kw {
        let base = args.len() - nkw;
        for (i, &name) in k.items().iter().enumerate() {
            d.set_item(ts, name, args[base + i])?;
        }
    }
    Ok(args.len() - nkw)
}

fn dict_init(
    ts: &mut ThreadState,
    v: Value,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<()> {
    let d = as_dict(ts, v)?;
    let npos = args.len() - kw.map(|k| k.len()).unwrap_or(0);
    if npos > 1 {
        return Err(ts.type_error(format!("dict expected at most 1 argument, got {npos}")));
    }
    if npos == 1 {
        update_from(ts, d, args[0])?;
    }
    update_kwargs(ts, d, args, kw)?;
    Ok(())
}

fn dict_or(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let (Some(x), Some(_)) = (a.downcast::<DictObj>(), b.downcast::<DictObj>()) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let n = DictObj::new(ts);
    n.update_from_dict(ts, x)?;
    update_from(ts, n, b)?;
    Ok(n.value())
}

fn dict_ior(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let Some(x) = a.downcast::<DictObj>() else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    update_from(ts, x, b)?;
    Ok(a)
}

// ---- methods -----------------------------------------------------------------------

fn this(ts: &mut ThreadState, args: &[Value]) -> PyResult<Gc<DictObj>> {
    match args.first() {
        Some(&v) => as_dict(ts, v),
        None => Err(ts.type_error("descriptor needs an argument")),
    }
}

fn m_get(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("dict.get($self, key, default=None, /)");
    SIG.bind::<3>(ts, args, kw)?;
    no_kw(ts, "get", kw)?;
    let d = this(ts, args)?;
    if args.len() < 2 || args.len() > 3 {
        return Err(ts.type_error(format!(
            "get expected at least 1 argument, got {}",
            args.len() - 1
        )));
    }
    Ok(d.get_item_opt(ts, args[1])?
        .unwrap_or(*args.get(2).unwrap_or(&Value::NONE)))
}

fn no_kw(ts: &mut ThreadState, name: &str, kw: Option<Gc<TupleObj>>) -> PyResult<()> {
    if kw.map(|k| k.len()).unwrap_or(0) > 0 {
        return Err(ts.type_error(format!("dict.{name}() takes no keyword arguments")));
    }
    Ok(())
}

fn m_setdefault(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("dict.setdefault($self, key, default=None, /)");
    SIG.bind::<3>(ts, args, kw)?;
    no_kw(ts, "setdefault", kw)?;
    let d = this(ts, args)?;
    let Some(&key) = args.get(1) else {
        return Err(ts.type_error("setdefault expected at least 1 argument, got 0"));
    };
    let dflt = *args.get(2).unwrap_or(&Value::NONE);
    let hash = ops::hash(ts, key)?;
    if let Some(v) = d.get_item_hashed(ts, key, hash)? {
        return Ok(v);
    }
    // Insert only if still missing (atomic "setdefault").
    let _g = d.lock();
    let table = d.table();
    match d.probe_simple(&table, key, hash) {
        Probe::Found(_, ix) => Ok(table.obj().entries()[ix].value.get()),
        Probe::Missing => {
            d.insert_new_locked(ts, key, hash, dflt);
            Ok(dflt)
        }
        Probe::NeedsPython => {
            drop(_g);
            d.set_item_hashed(ts, key, hash, dflt)?;
            Ok(dflt)
        }
    }
}

fn m_pop(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("dict.pop($self, key, default=<unrepresentable>, /)");
    SIG.bind::<3>(ts, args, kw)?;
    no_kw(ts, "pop", kw)?;
    let d = this(ts, args)?;
    let Some(&key) = args.get(1) else {
        return Err(ts.type_error("pop expected at least 1 argument, got 0"));
    };
    let hash = ops::hash(ts, key)?;
    match d.pop_hashed(ts, key, hash)? {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(&dflt) => Ok(dflt),
            None => Err(ts.key_error(key)),
        },
    }
}

fn m_popitem(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("dict.popitem($self, /)");
    SIG.bind::<1>(ts, args, kw)?;
    no_kw(ts, "popitem", kw)?;
    let d = this(ts, args)?;
    let (k, v) = {
        let _g = d.lock();
        let t = d.table();
        let mut found = None;
        let n = t.nentries();
        for ix in (0..n).rev() {
            let e = &t.obj().entries()[ix];
            let k = e.key.get();
            if !k.is_null() {
                // Find its index slot.
                let h = e.hash.load(Ordering::Relaxed);
                let idx = t.obj().indices();
                let mask = t.size() - 1;
                let mut i = h as usize & mask;
                let mut perturb = h as u64;
                while idx[i].load(Ordering::Relaxed) != ix as i32 {
                    perturb >>= 5;
                    i = (i
                        .wrapping_mul(5)
                        .wrapping_add(perturb as usize)
                        .wrapping_add(1))
                        & mask;
                }
                let v = d.delete_locked(&t, i, ix);
                // Trim trailing deleted entries so LIFO order continues.
                found = Some((k, v));
                break;
            }
        }
        match found {
            Some(kv) => kv,
            None => {
                drop(_g);
                return Err(ts.key_error_msg("popitem(): dictionary is empty"));
            }
        }
    };
    Ok(TupleObj::new(ts, &[k, v]).value())
}

impl ThreadState {
    /// KeyError with a message (not a key).
    pub fn key_error_msg(&mut self, msg: &str) -> crate::error::PyErr {
        let s = StrObj::new(self, msg);
        self.new_error_with(types().key_error, &[s])
    }
}

fn m_update(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let d = this(ts, args)?;
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    let npos = args.len() - 1 - nkw;
    if npos > 1 {
        return Err(ts.type_error(format!("update expected at most 1 argument, got {npos}")));
    }
    if npos == 1 {
        update_from(ts, d, args[1])?;
    }
    update_kwargs(ts, d, &args[1..], kw)?;
    Ok(Value::NONE)
}

fn m_clear(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("dict.clear($self, /)").without_text_signature();
    SIG.bind::<1>(ts, args, kw)?;
    no_kw(ts, "clear", kw)?;
    this(ts, args)?.clear(ts);
    Ok(Value::NONE)
}

fn m_copy(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("dict.copy($self, /)").without_text_signature();
    SIG.bind::<1>(ts, args, kw)?;
    no_kw(ts, "copy", kw)?;
    let d = this(ts, args)?;
    let n = DictObj::new(ts);
    n.update_from_dict(ts, d)?;
    Ok(n.value())
}

fn m_fromkeys(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("dict.fromkeys($type, iterable, value=None, /)");
    SIG.bind::<3>(ts, args, kw)?;
    no_kw(ts, "fromkeys", kw)?;
    let cls = args[0];
    let Some(&iterable) = args.get(1) else {
        return Err(ts.type_error("fromkeys expected at least 1 argument, got 0"));
    };
    let v = *args.get(2).unwrap_or(&Value::NONE);
    let d = ops::call0(ts, cls)?;
    let keys = ops::collect(ts, iterable)?;
    for &k in keys.iter() {
        ops::setitem(ts, d, k, Some(v))?;
    }
    Ok(d)
}

fn view(ts: &mut ThreadState, args: &[Value], ty: Gc<TypeObj>) -> PyResult<Value> {
    let d = this(ts, args)?;
    Ok(ts
        .alloc(DictViewObj {
            header: Header::new(ty, Kind::DictView, 0),
            dict: Slot::new(d.value()),
        })
        .value())
}

fn m_keys(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("dict.keys($self, /)").without_text_signature();
    SIG.bind::<1>(ts, args, kw)?;
    view(ts, args, types().dict_keys)
}
fn m_values(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("dict.values($self, /)").without_text_signature();
    SIG.bind::<1>(ts, args, kw)?;
    view(ts, args, types().dict_values)
}
fn m_items(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("dict.items($self, /)").without_text_signature();
    SIG.bind::<1>(ts, args, kw)?;
    view(ts, args, types().dict_items)
}

fn m_reversed(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("dict.__reversed__($self, /)");
    SIG.bind::<1>(ts, args, kw)?;
    let d = this(ts, args)?;
    Ok(crate::objects::iterators::dict_rev_iter(
        ts,
        types().dict_reversekeyiterator,
        d,
    ))
}

fn m_sizeof(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("dict.__sizeof__($self, /)").without_text_signature();
    SIG.bind::<1>(ts, args, kw)?;
    let d = this(ts, args)?;
    let t = d.table();
    Ok(len_value(48 + t.size() * 4 + t.usable as usize * 24))
}

// ---- views ----------------------------------------------------------------------------

/// `dict_keys`, `dict_values`, `dict_items`.
#[repr(C)]
pub struct DictViewObj {
    pub header: Header,
    pub dict: Slot,
}

// SAFETY: repr(C), Header first; traces the dict.
unsafe impl HeapObj for DictViewObj {
    const KIND: Kind = Kind::DictView;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.dict);
    }
}

fn view_dict(v: Value) -> Option<Gc<DictObj>> {
    v.downcast::<DictViewObj>()?
        .dict
        .get()
        .downcast::<DictObj>()
}

fn view_len(ts: &mut ThreadState, v: Value) -> PyResult<usize> {
    match view_dict(v) {
        Some(d) => Ok(d.len()),
        None => Err(ts.type_error("bad dict view")),
    }
}

fn view_iter(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let Some(d) = view_dict(v) else {
        return Err(ts.type_error("bad dict view"));
    };
    let ty = type_of(v);
    let it = if ty == types().dict_keys {
        types().dict_keyiterator
    } else if ty == types().dict_values {
        types().dict_valueiterator
    } else {
        types().dict_itemiterator
    };
    Ok(crate::objects::iterators::dict_iter(ts, it, d))
}

fn view_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let it = view_iter(ts, v)?;
    let mut items = RootedVec::new(ts);
    while let Some(x) = ops::next(ts, it)? {
        items.push(x);
    }
    let name = type_name(v);
    let body = repr_items(ts, v, &|i| items.get(i).copied(), "[", "]", false)?;
    Ok(StrObj::new(ts, &format!("{name}({body})")))
}

fn view_contains(ts: &mut ThreadState, v: Value, x: Value) -> PyResult<bool> {
    let Some(d) = view_dict(v) else {
        return Err(ts.type_error("bad dict view"));
    };
    let ty = type_of(v);
    if ty == types().dict_keys {
        return Ok(d.get_item_opt(ts, x)?.is_some());
    }
    if ty == types().dict_items {
        let Some(t) = x.downcast::<TupleObj>() else {
            return Ok(false);
        };
        if t.len() != 2 {
            return Ok(false);
        }
        return match d.get_item_opt(ts, t.items()[0])? {
            Some(val) => ops::eq(ts, val, t.items()[1]),
            None => Ok(false),
        };
    }
    let mut pos = 0;
    while let Some((next, _, val)) = d.next_entry(pos) {
        if ops::eq(ts, val, x)? {
            return Ok(true);
        }
        pos = next;
    }
    Ok(false)
}

/// Whether `v` is a keys or items view (the views with set operations).
fn is_set_view(v: Value) -> bool {
    v.is_kind(Kind::DictView) && type_of(v) != types().dict_values
}

/// A new set of the items of `v` (CPython's `dictviews_to_set`): the keys
/// of an exact dict are copied from the dict itself, anything else is
/// iterated. The two paths size the table differently, which shows in
/// the iteration order of the result.
fn view_to_set(ts: &mut ThreadState, v: Value) -> PyResult<Gc<SetObj>> {
    let s = SetObj::new(ts, types().set);
    if type_of(v) == types().dict_keys {
        if let Some(d) = view_dict(v) {
            if type_of(d.value()) == types().dict {
                s.update(ts, d.value())?;
                return Ok(s);
            }
        }
    }
    s.update(ts, v)?;
    Ok(s)
}

/// `view & other` and `other & view` (CPython's `_PyDictView_Intersect`).
fn view_and(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let (mut view, mut other) = if is_set_view(a) { (a, b) } else { (b, a) };
    if !is_set_view(view) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let len_self = view_len(ts, view)?;
    if type_of(other) == types().set {
        if let Some(o) = other.downcast::<SetObj>() {
            if len_self <= o.len() {
                let name = crate::interp::intern(ts, "intersection");
                return ops::call_method(ts, other, name, &[view]);
            }
        }
    }
    if is_set_view(other) && view_len(ts, other)? > len_self {
        std::mem::swap(&mut view, &mut other);
    }
    let result = SetObj::new(ts, types().set);
    let it = ops::iter(ts, other)?;
    while let Some(x) = ops::next(ts, it)? {
        if view_contains(ts, view, x)? {
            result.add(ts, x)?;
        }
    }
    Ok(result.value())
}

/// `a | b` with a view on either side: a set of `a`'s items, updated with
/// `b`'s.
fn view_or(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    if !is_set_view(a) && !is_set_view(b) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let result = view_to_set(ts, a)?;
    result.update(ts, b)?;
    Ok(result.value())
}

/// `a - b` with a view on either side.
fn view_sub(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    if !is_set_view(a) && !is_set_view(b) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let result = view_to_set(ts, a)?;
    let name = crate::interp::intern(ts, "difference_update");
    ops::call_method(ts, result.value(), name, &[b])?;
    Ok(result.value())
}

/// `a ^ b` with a view on either side.
fn view_xor(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    if !is_set_view(a) && !is_set_view(b) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let items = types().dict_items;
    if type_of(a) == items && type_of(b) == items {
        return items_xor(ts, a, b);
    }
    let result = view_to_set(ts, a)?;
    let name = crate::interp::intern(ts, "symmetric_difference_update");
    ops::call_method(ts, result.value(), name, &[b])?;
    Ok(result.value())
}

/// `items ^ items`: the pairs of `b` not equal in `a`, then what is left
/// of `a` (CPython's order).
fn items_xor(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let (Some(d1), Some(d2)) = (view_dict(a), view_dict(b)) else {
        return Err(ts.type_error("bad dict view"));
    };
    let temp = DictObj::new(ts);
    temp.update_from_dict(ts, d1)?;
    let result = SetObj::new(ts, types().set);
    let pairs = d2.items_rooted(ts);
    for kv in pairs.chunks(2) {
        let (key, val2) = (kv[0], kv[1]);
        let delete = match temp.get_item_opt(ts, key)? {
            Some(val1) => ops::eq(ts, val1, val2)?,
            None => false,
        };
        if delete {
            temp.del_item_opt(ts, key)?;
        } else {
            let pair = TupleObj::new(ts, &[key, val2]);
            result.add(ts, pair.value())?;
        }
    }
    let rest = view(ts, &[temp.value()], types().dict_items)?;
    result.update(ts, rest)?;
    Ok(result.value())
}

fn view_richcompare(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    if type_of(a) == types().dict_values {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let sa = view_to_set(ts, a)?.value();
    let sb = if b.is_kind(Kind::DictView) {
        if type_of(b) == types().dict_values {
            return Ok(Value::NOT_IMPLEMENTED);
        }
        view_to_set(ts, b)?.value()
    } else if b.is_kind(Kind::Set) {
        b
    } else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    ops::rich_compare(ts, sa, sb, op)
}

fn view_isdisjoint(
    ts: &mut ThreadState,
    args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let a = args[0];
    let Some(&b) = args.get(1) else {
        return Err(ts.type_error("isdisjoint() takes exactly one argument"));
    };
    let items = ops::collect(ts, b)?;
    for &x in items.iter() {
        if view_contains(ts, a, x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn view_mapping(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    match v.downcast::<DictViewObj>() {
        Some(d) => Ok(crate::objects::mappingproxy::MappingProxyObj::new(
            ts,
            d.dict.get(),
        )),
        None => Err(ts.type_error("bad dict view")),
    }
}

fn view_reversed(
    ts: &mut ThreadState,
    args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let Some(d) = view_dict(args[0]) else {
        return Err(ts.type_error("bad dict view"));
    };
    let t = types();
    let ty = type_of(args[0]);
    let it = if ty == t.dict_keys {
        t.dict_reversekeyiterator
    } else if ty == t.dict_values {
        t.dict_reversevalueiterator
    } else {
        t.dict_reverseitemiterator
    };
    Ok(crate::objects::iterators::dict_rev_iter(ts, it, d))
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let doc = StrObj::new(ts, "dict() -> new empty dictionary\ndict(mapping) -> new dictionary initialized from a mapping object's\n    (key, value) pairs\ndict(iterable) -> new dictionary initialized as if via:\n    d = {}\n    for k, v in iterable:\n        d[k] = v\ndict(**kwargs) -> new dictionary initialized with the name=value pairs\n    in the keyword argument list.  For example:  dict(one=1, two=2)");
    crate::objects::set_type_attr(ts, t.dict, "__doc__", doc);
    for vt in [t.dict_keys, t.dict_values, t.dict_items] {
        crate::objects::set_type_attr(ts, vt, "__doc__", Value::NONE);
    }
    let ty = t.dict;
    let s = &ty.slots;
    s.repr.set(Some(dict_repr));
    s.hash
        .set(Some(crate::objects::slots::hash_not_implemented));
    s.len.set(Some(dict_len));
    s.getitem.set(Some(dict_getitem));
    s.setitem.set(Some(dict_setitem));
    s.contains.set(Some(dict_contains));
    s.iter.set(Some(dict_iter));
    s.richcompare.set(Some(dict_richcompare));
    s.new.set(Some(dict_new));
    s.init.set(Some(dict_init));
    s.nb[BinaryOp::Or as usize].set(Some(dict_or));
    s.nb_inplace[BinaryOp::Or as usize].set(Some(dict_ior));
    add_methods(
        ts,
        ty,
        &[
            method("get", m_get),
            method("setdefault", m_setdefault),
            method("pop", m_pop),
            method("popitem", m_popitem),
            method("update", m_update),
            method("clear", m_clear),
            method("copy", m_copy),
            classmethod("fromkeys", m_fromkeys),
            method("keys", m_keys),
            method("values", m_values),
            method("items", m_items),
            method("__reversed__", m_reversed),
            method("__sizeof__", m_sizeof),
        ],
    );
    for vt in [t.dict_keys, t.dict_values, t.dict_items] {
        let s = &vt.slots;
        s.len.set(Some(view_len));
        s.iter.set(Some(view_iter));
        s.repr.set(Some(view_repr));
        if vt != t.dict_values {
            // Membership in values is by iteration (no __contains__).
            s.contains.set(Some(view_contains));
        }
        add_methods(ts, vt, &[method("__reversed__", view_reversed)]);
        crate::objects::add_getset(ts, vt, "mapping", view_mapping, None);
        if vt != t.dict_values {
            s.richcompare.set(Some(view_richcompare));
            s.nb[BinaryOp::And as usize].set(Some(view_and));
            s.nb[BinaryOp::Or as usize].set(Some(view_or));
            s.nb[BinaryOp::Subtract as usize].set(Some(view_sub));
            s.nb[BinaryOp::Xor as usize].set(Some(view_xor));
            s.hash
                .set(Some(crate::objects::slots::hash_not_implemented));
            add_methods(ts, vt, &[method("isdisjoint", view_isdisjoint)]);
        }
    }
}
