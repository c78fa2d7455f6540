//! `type`: type objects, their native slots, MRO lookup and versions.
//!
//! # Layout
//! A type holds its Python-visible parts in `Slot`s (name, bases, MRO,
//! `__dict__`) and its native dispatch table in [`TypeSlots`]: one function
//! pointer per operation (CPython's `tp_*` slots). A built-in type fills
//! the slots with its Rust implementations and exposes them in its
//! `__dict__` as wrappers (`list.__len__`), so that `super().__init__()` and
//! explicit `int.__add__(a, b)` work. A class statement computes its slots
//! from its MRO: where the dunder it finds is a built-in wrapper of the same
//! slot, the class inherits the native function; where it is Python code,
//! the slot becomes a dispatcher that looks the dunder up and calls it.
//!
//! # Versions
//! Every type has a version tag, unique in the process, that changes when
//! the type's `__dict__`, bases or MRO change, or those of any base (a
//! change walks down the subclass list). Inline caches key on it. A type
//! whose version counter ran out gets version 0, which never matches.
//!
//! # Concurrency
//! Slots are atomics (a class attribute assignment can change them while
//! other threads read them); readers see the old or the new function.
//! `__dict__` is a normal dict (its own lock). Fields set at creation
//! (kind, layout, offsets) never change.

use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};

use crate::error::PyResult;
use crate::gc::{Marker, Slot};
use crate::interp::{names, types};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::dict::DictObj;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::thread::ThreadState;
use crate::value::Value;
use ftpy_compiler::CompareOp;

// ---- slot function types ---------------------------------------------------

pub type UnaryFn = fn(&mut ThreadState, Value) -> PyResult<Value>;
pub type BinaryFn = fn(&mut ThreadState, Value, Value) -> PyResult<Value>;
pub type HashFn = fn(&mut ThreadState, Value) -> PyResult<i64>;
pub type CompareFn = fn(&mut ThreadState, Value, Value, CompareOp) -> PyResult<Value>;
/// Attribute lookup: `Ok(None)` means "no such attribute" (the caller
/// raises AttributeError if it needs one).
pub type GetattrFn = fn(&mut ThreadState, Value, Gc<StrObj>) -> PyResult<Option<Value>>;
/// Attribute store; `None` deletes.
pub type SetattrFn = fn(&mut ThreadState, Value, Gc<StrObj>, Option<Value>) -> PyResult<()>;
/// A call: positional arguments then keyword values; `kwnames` names the
/// trailing keyword values.
pub type CallFn = fn(&mut ThreadState, Value, &[Value], Option<Gc<TupleObj>>) -> PyResult<Value>;
/// `__next__`: `Ok(None)` when exhausted (no StopIteration is allocated).
pub type NextFn = fn(&mut ThreadState, Value) -> PyResult<Option<Value>>;
pub type LenFn = fn(&mut ThreadState, Value) -> PyResult<usize>;
pub type SetItemFn = fn(&mut ThreadState, Value, Value, Option<Value>) -> PyResult<()>;
pub type ContainsFn = fn(&mut ThreadState, Value, Value) -> PyResult<bool>;
pub type BoolFn = fn(&mut ThreadState, Value) -> PyResult<bool>;
/// `descr.__get__(obj, type)`; `obj` is NULL for class access.
pub type DescrGetFn = fn(&mut ThreadState, Value, Value, Value) -> PyResult<Value>;
/// `descr.__set__(obj, v)` / `__delete__(obj)` (`None`).
pub type DescrSetFn = fn(&mut ThreadState, Value, Value, Option<Value>) -> PyResult<()>;
/// `cls.__new__(cls, *args, **kw)`.
pub type NewFn =
    fn(&mut ThreadState, Gc<TypeObj>, &[Value], Option<Gc<TupleObj>>) -> PyResult<Value>;
/// `self.__init__(*args, **kw)`.
pub type InitFn = fn(&mut ThreadState, Value, &[Value], Option<Gc<TupleObj>>) -> PyResult<()>;

/// A function-pointer slot that can change while others read it.
pub struct AtomicFn<F: Copy> {
    ptr: AtomicUsize,
    _f: std::marker::PhantomData<F>,
}

impl<F: Copy> AtomicFn<F> {
    pub const fn empty() -> Self {
        AtomicFn {
            ptr: AtomicUsize::new(0),
            _f: std::marker::PhantomData,
        }
    }

    #[inline(always)]
    pub fn get(&self) -> Option<F> {
        const { assert!(std::mem::size_of::<F>() == std::mem::size_of::<usize>()) };
        let p = self.ptr.load(Ordering::Relaxed);
        if p == 0 {
            None
        } else {
            // SAFETY: only `set` writes non-zero words, and it writes the
            // bits of an `F` (a fn pointer, same size as usize).
            Some(unsafe { std::mem::transmute_copy::<usize, F>(&p) })
        }
    }

    #[inline]
    pub fn set(&self, f: Option<F>) {
        let p = match f {
            // SAFETY: F is a fn pointer type of the size of usize.
            Some(f) => unsafe { std::mem::transmute_copy::<F, usize>(&f) },
            None => 0,
        };
        self.ptr.store(p, Ordering::Relaxed);
    }

    #[inline]
    pub fn raw(&self) -> usize {
        self.ptr.load(Ordering::Relaxed)
    }
}

/// Number of binary operators with slots (`BinaryOp` 0..13).
pub const NB_BINARY: usize = 13;

pub use crate::objects::slots::TypeSlots;

/// `TypeObj::flags` bits.
pub mod tflags {
    /// Created by a class statement (or `type(name, bases, dict)`).
    pub const HEAPTYPE: u32 = 1;
    /// May be subclassed.
    pub const BASETYPE: u32 = 2;
    /// Instances need finalization (`__del__`).
    pub const HAS_DEL: u32 = 4;
    /// A subclass of BaseException.
    pub const EXCEPTION: u32 = 8;
    /// `__eq__` defined without `__hash__`: instances are unhashable.
    pub const UNHASHABLE: u32 = 16;
    /// Instances may not get new attributes (`__slots__` without `__dict__`).
    pub const NO_DICT: u32 = 32;
    /// Abstract methods pending.
    pub const ABSTRACT: u32 = 64;
    /// `match` treats instances as sequences / mappings.
    pub const SEQUENCE: u32 = 128;
    pub const MAPPING: u32 = 256;
    /// An internal type, not visible to programs.
    pub const INTERNAL: u32 = 512;
    /// Instances of this built-in type can be weakly referenced (heap
    /// types decide by `__slots__`: see `weakref::supports_weakrefs`).
    pub const WEAKREFABLE: u32 = 1 << 16;
    /// CPython frees instances of this built-in type without its cycle
    /// collector, so with another deallocator than heap types' (only
    /// `__bases__` assignment, which compares deallocators, looks at it).
    pub const NO_CYCLE_GC: u32 = 1 << 17;
    /// Bits 20..24: an exception class's field family plus one, 0 while
    /// not computed (see `exception::field_names`).
    pub const EXC_FIELDS_SHIFT: u32 = 20;
    pub const EXC_FIELDS_MASK: u32 = 0xF << EXC_FIELDS_SHIFT;
}

/// A type object. See the module doc.
#[repr(C)]
pub struct TypeObj {
    pub header: Header,
    /// `__name__` (str).
    pub name: Slot,
    /// `__qualname__` (str).
    pub qualname: Slot,
    /// `__base__`: the primary base, NULL for `object`.
    pub base: Slot,
    /// `__bases__` (tuple).
    pub bases: Slot,
    /// `__mro__` (tuple, starting with the type itself).
    pub mro: Slot,
    /// `__dict__` (a dict of str keys).
    pub dict: Slot,
    /// Direct subclasses (a list), for version propagation.
    pub subclasses: Slot,
    /// The `__slots__` members of instances (a tuple of their names in
    /// member-slot order, inherited ones first), or NULL for none. Fixed
    /// at creation: it is part of the instance layout.
    pub members: Slot,
    /// `tflags` bits.
    /// CPython's `tp_name` when it is not `__name__`: `module.name` for
    /// the built-in types of a module other than `builtins`
    /// ('collections.deque', 'types.GenericAlias'), which error messages
    /// name. NULL: the name is `__name__`.
    pub tp_name: Slot,
    pub flags: AtomicU32,
    pub version: AtomicU32,
    /// The layout of instances (fixed at creation).
    pub instance_kind: Kind,
    /// Byte offset of the instance attribute store in an instance, or 0
    /// when instances have none.
    pub attrs_offset: u32,
    /// Bytes of an instance before any inline attribute slots.
    pub basic_size: u32,
    /// How many inline attribute slots new instances get (grows as
    /// instances are seen to need more).
    pub inline_slots: AtomicU32,
    pub slots: TypeSlots,
}

// SAFETY: repr(C), Header first; trace visits every Slot.
unsafe impl HeapObj for TypeObj {
    const KIND: Kind = Kind::Type;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.name);
        m.slot(&self.qualname);
        m.slot(&self.base);
        m.slot(&self.bases);
        m.slot(&self.mro);
        m.slot(&self.dict);
        m.slot(&self.subclasses);
        m.slot(&self.members);
        m.slot(&self.tp_name);
    }
}

static NEXT_VERSION: AtomicU32 = AtomicU32::new(1);

/// The type-attribute lookup cache: (type version, interned name) -> the
/// result of the MRO walk (including "not found"). Shared by every thread
/// and written only on a miss, so a warmed-up program only reads it. Each
/// entry is a small seqlock; a torn or concurrent entry reads as a miss.
///
/// Soundness: versions are unique for the life of the process and change
/// whenever a type's dict, bases or MRO change (after the change is made),
/// so an entry can only be found while it is current; the value it holds
/// is then reachable from the type's dict, hence alive. Names are interned
/// strs, which are immortal, so a name's address never gets reused.
pub struct LookupCache {
    entries: Box<[LookupEntry]>,
}

struct LookupEntry {
    seq: AtomicU32,
    version: AtomicU32,
    name: std::sync::atomic::AtomicU64,
    value: std::sync::atomic::AtomicU64,
}

const LOOKUP_CACHE_BITS: u32 = 12;

pub static LOOKUP_CACHE: std::sync::LazyLock<LookupCache> =
    std::sync::LazyLock::new(|| LookupCache {
        entries: (0..1usize << LOOKUP_CACHE_BITS)
            .map(|_| LookupEntry {
                seq: AtomicU32::new(0),
                version: AtomicU32::new(0),
                name: std::sync::atomic::AtomicU64::new(0),
                value: std::sync::atomic::AtomicU64::new(0),
            })
            .collect(),
    });

impl LookupCache {
    #[inline(always)]
    fn slot(&self, ver: u32, name: Gc<StrObj>) -> &LookupEntry {
        let h = (name.value().bits() >> 4) ^ (ver as u64).wrapping_mul(0x9e37_79b9);
        // SAFETY: the index is masked to the table size.
        unsafe {
            self.entries
                .get_unchecked((h as usize) & ((1 << LOOKUP_CACHE_BITS) - 1))
        }
    }

    /// The cached result: Some(None) for a cached "not found".
    #[inline(always)]
    pub fn get(&self, ver: u32, name: Gc<StrObj>) -> Option<Option<Value>> {
        let e = self.slot(ver, name);
        let s1 = e.seq.load(Ordering::Acquire);
        if s1 & 1 != 0 {
            return None;
        }
        let v = e.version.load(Ordering::Relaxed);
        let n = e.name.load(Ordering::Relaxed);
        let x = e.value.load(Ordering::Relaxed);
        std::sync::atomic::fence(Ordering::Acquire);
        if e.seq.load(Ordering::Relaxed) != s1 || v != ver || n != name.value().bits() {
            return None;
        }
        // SAFETY: a current entry holds a value reachable from the type
        // (see the type doc), stored by `put` from a live Value.
        let x = unsafe { Value::from_bits(x) };
        Some(if x.is_null() { None } else { Some(x) })
    }

    #[cold]
    pub fn put(&self, ver: u32, name: Gc<StrObj>, r: Option<Value>) {
        let e = self.slot(ver, name);
        let s = e.seq.load(Ordering::Relaxed);
        if s & 1 != 0
            || e.seq
                .compare_exchange(s, s + 1, Ordering::Acquire, Ordering::Relaxed)
                .is_err()
        {
            return;
        }
        std::sync::atomic::fence(Ordering::Release);
        e.version.store(ver, Ordering::Relaxed);
        e.name.store(name.value().bits(), Ordering::Relaxed);
        e.value
            .store(r.unwrap_or(Value::NULL).bits(), Ordering::Relaxed);
        e.seq.store(s + 2, Ordering::Release);
    }
}

/// A fresh, process-unique type version, or 0 when they ran out.
pub fn new_type_version() -> u32 {
    let v = NEXT_VERSION.fetch_add(1, Ordering::Relaxed);
    if v == u32::MAX {
        NEXT_VERSION.store(u32::MAX, Ordering::Relaxed);
        0
    } else {
        v
    }
}

impl TypeObj {
    /// A type object shell: no name, dict or MRO yet.
    pub fn blank(
        header: Header,
        instance_kind: Kind,
        basic_size: u32,
        attrs_offset: u32,
    ) -> TypeObj {
        TypeObj {
            header,
            name: Slot::new(Value::NULL),
            qualname: Slot::new(Value::NULL),
            base: Slot::new(Value::NULL),
            bases: Slot::new(Value::NULL),
            mro: Slot::new(Value::NULL),
            dict: Slot::new(Value::NULL),
            subclasses: Slot::new(Value::NULL),
            members: Slot::new(Value::NULL),
            tp_name: Slot::new(Value::NULL),
            flags: AtomicU32::new(0),
            version: AtomicU32::new(new_type_version()),
            instance_kind,
            attrs_offset,
            basic_size,
            inline_slots: AtomicU32::new(0),
            slots: TypeSlots::new(),
        }
    }

    /// How many member slots instances have (see `members`).
    #[inline]
    pub fn nmembers(&self) -> u32 {
        match self.members.get().downcast::<TupleObj>() {
            Some(t) => t.len() as u32,
            None => 0,
        }
    }

    #[inline(always)]
    pub fn flags(&self) -> u32 {
        self.flags.load(Ordering::Relaxed)
    }

    pub fn set_flag(&self, f: u32) {
        self.flags.fetch_or(f, Ordering::Relaxed);
    }

    #[inline(always)]
    pub fn has_flag(&self, f: u32) -> bool {
        self.flags() & f != 0
    }

    #[inline(always)]
    pub fn version(&self) -> u32 {
        self.version.load(Ordering::Acquire)
    }

    /// The `__name__` as a Rust string.
    pub fn name_str(&self) -> &'static str {
        match self.name.get().downcast::<StrObj>() {
            Some(s) => s.obj().as_str(),
            None => "?",
        }
    }

    /// CPython's `tp_name`: `module.name` for a built-in type of a module
    /// other than `builtins`, else `__name__`.
    pub fn tp_name_str(&self) -> &'static str {
        match self.tp_name.get().downcast::<StrObj>() {
            Some(s) => s.obj().as_str(),
            None => self.name_str(),
        }
    }

    pub fn dict(&self) -> Gc<DictObj> {
        // SAFETY: every finished type has a dict.
        unsafe { self.dict.get().downcast_unchecked() }
    }

    /// The MRO; empty while a class is being made (a metaclass's `mro()`
    /// runs Python code before there is one).
    pub fn mro_tuple(&self) -> Gc<TupleObj> {
        match self.mro.get().downcast::<TupleObj>() {
            Some(t) => t,
            None => crate::interp::interp().empty_tuple,
        }
    }

    /// Looks `name` up along the MRO (no descriptor handling). Lookups of
    /// interned names go through the process-wide lookup cache, keyed by
    /// the type's version.
    #[inline]
    pub fn lookup(&self, name: Gc<StrObj>) -> Option<Value> {
        let ver = self.version();
        if ver != 0 && name.is_interned() {
            if let Some(r) = LOOKUP_CACHE.get(ver, name) {
                return r;
            }
            let r = self.lookup_uncached(name);
            LOOKUP_CACHE.put(ver, name, r);
            return r;
        }
        self.lookup_uncached(name)
    }

    /// The MRO walk itself.
    pub fn lookup_uncached(&self, name: Gc<StrObj>) -> Option<Value> {
        let mro = self.mro.get();
        if mro.is_null() {
            return self.dict().get_str(name);
        }
        // SAFETY: the MRO is a tuple of types.
        let mro: Gc<TupleObj> = unsafe { mro.downcast_unchecked() };
        for t in mro.items() {
            // SAFETY: MRO entries are types.
            let t: Gc<TypeObj> = unsafe { t.downcast_unchecked() };
            if let Some(v) = t.dict().get_str(name) {
                return Some(v);
            }
        }
        None
    }

    /// `issubclass(self, other)` by MRO.
    #[inline]
    pub fn is_subtype(&self, other: Gc<TypeObj>) -> bool {
        if std::ptr::eq(self, other.obj()) {
            return true;
        }
        let mro = self.mro.get();
        if mro.is_null() {
            return false;
        }
        // SAFETY: the MRO is a tuple.
        let mro: Gc<TupleObj> = unsafe { mro.downcast_unchecked() };
        mro.items().iter().any(|&t| t == other.value())
    }

    /// Assigns new versions to this type and all its subclasses (after a
    /// change to the dict, bases or MRO).
    pub fn modified(&self) {
        self.version.store(new_type_version(), Ordering::Release);
        if let Some(subs) = self
            .subclasses
            .get()
            .downcast::<crate::objects::list::ListObj>()
        {
            for s in subs.snapshot_items_unrooted() {
                if let Some(t) = s.downcast::<TypeObj>() {
                    t.modified();
                }
            }
        }
    }

    pub fn is_heap_type(&self) -> bool {
        self.has_flag(tflags::HEAPTYPE)
    }

    /// The module `type.__module__` names, when it is a str: the dict's
    /// `__module__` (classes, and native types modelled on CPython's heap
    /// types); for a type without one (CPython's static types: built-in
    /// types, `collections.deque`, `_io.StringIO`) the part of `tp_name`
    /// before its last dot, else `builtins`. `None` for a class whose
    /// `__module__` is missing or not a str.
    pub fn module_str(&self) -> Option<&'static str> {
        let own = self.dict().get_str_text("__module__");
        if let Some(m) = own.and_then(crate::objects::str::as_str) {
            return Some(m);
        }
        if self.is_heap_type() {
            return None;
        }
        Some(
            self.tp_name_str()
                .rsplit_once('.')
                .map_or("builtins", |(m, _)| m),
        )
    }
}

/// `type(v)` for any value.
#[inline(always)]
pub fn type_of(v: Value) -> Gc<TypeObj> {
    if let Some(h) = v.header() {
        return h.ty();
    }
    let t = types();
    if v.is_float() {
        t.float
    } else if v.is_small_int() {
        t.int
    } else if v.is_bool() {
        t.bool
    } else if v.is_none() {
        t.none_type
    } else if v == Value::NOT_IMPLEMENTED {
        t.not_implemented_type
    } else {
        t.ellipsis_type
    }
}

/// The collector's hook for objects that carry an attribute store (user
/// subclasses of built-ins): traces the store.
#[inline]
pub(crate) fn trace_attrs_of(addr: usize, h: &Header, m: &mut Marker) {
    let ty = h.type_word();
    // SAFETY: a live object's type word is a live type object.
    let ty = unsafe { &*(ty as *const TypeObj) };
    if ty.attrs_offset != 0 && h.kind() != Kind::Instance && h.kind() != Kind::Exception {
        if let Some(store) = crate::objects::instance::attr_store(Value::from_addr(addr)) {
            store.trace(m);
        }
    }
}

/// The name of `type(v)` (for error messages).
/// `v`'s type's `__name__` (CPython's `_PyType_Name`: what reprs such as
/// `deque([...])` show, without the module).
pub fn short_type_name(v: Value) -> &'static str {
    type_of(v).obj().name_str()
}

/// The name CPython's messages give `v`'s type (its `tp_name`).
pub fn type_name(v: Value) -> &'static str {
    type_of(v).obj().tp_name_str()
}

impl Gc<TypeObj> {
    /// Whether `v` is an instance of this type (by MRO).
    #[inline]
    pub fn instance_check(self, v: Value) -> bool {
        let t = type_of(v);
        t == self || t.is_subtype(self)
    }
}

/// Reads the interned name helper so type modules can name their dunders.
pub fn dunder(name: &'static str) -> Gc<StrObj> {
    names().get(name)
}
