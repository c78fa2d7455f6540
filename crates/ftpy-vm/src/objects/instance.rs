//! Instances of user classes, and the instance attribute store with its
//! shapes (hidden classes).
//!
//! # Layout
//! ```text
//! InstanceObj:  [Header][AttrStore: shape | overflow | ninline][inline slots ...]
//! subclass of a built-in (list, int ...):
//!               [Header][the built-in's fields][AttrStore][no inline slots]
//! ```
//! A type's `attrs_offset` says where the store is (0: none; `VAR_ATTRS`:
//! after the variable-size data, computed per object).
//!
//! # Shapes
//! A [`Shape`] is an ordered list of attribute names; instances with the
//! same names added in the same order share one. Attribute `i` of a shape
//! lives in inline slot `i` if `i < ninline`, else in `overflow[i -
//! ninline]` (a `ValueArray`). Shapes form a tree of transitions from the
//! empty root (`+name`). They are immortal (never collected: there are few)
//! and their names are interned strings (immortal too).
//!
//! A deleted attribute or a `__dict__` access switches the instance to
//! *dict mode* for good: the shape becomes [`dict_shape`] and `overflow`
//! holds a real dict, shared with `obj.__dict__`.
//!
//! # Concurrency (the instance attribute table is a container)
//! Reads take no lock: load the shape (Acquire), find the index, load the
//! slot. Writes take the object's lock. Adding an attribute stores the
//! value, (grows `overflow` if needed, publishing the new array first) and
//! then publishes the new shape with a Release store, so a reader that sees
//! the new shape sees the value. Arrays only grow, indices never change,
//! so a reader holding an old shape reads a valid slot.
//!
//! Storing into an existing attribute takes no lock (`self.x = v` on a
//! shared instance): an atomic store into its slot. Two changes copy the
//! slots elsewhere, under the lock: growing `overflow` and switching to
//! dict mode. A store that lands in a slot after it was copied and before
//! the copy was published would be lost, so those changes run between two
//! increments of `layout` (odd while copying), and a lock-free store reads
//! `layout` before (even) and after (`SeqCst`, as the list's layout
//! seqlock in `objects::list`): if it moved, the store is done again under
//! the lock.

use parking_lot::Mutex;
use std::collections::HashMap;
use std::sync::atomic::{AtomicPtr, AtomicU32, AtomicU64, Ordering};
use std::sync::OnceLock;

use crate::error::PyResult;
use crate::gc::{Marker, RootedVec, Slot};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::array::ValueArray;
use crate::objects::dict::DictObj;
use crate::objects::str::StrObj;
use crate::objects::typeobj::TypeObj;
use crate::thread::ThreadState;
use crate::value::Value;

/// `TypeObj::attrs_offset` for variable-size layouts (str, tuple, bytes):
/// the store follows the object's data.
pub const VAR_ATTRS: u32 = u32::MAX;

/// Most inline slots an instance gets.
pub const MAX_INLINE: u32 = 16;

/// An ordered set of attribute names. See the module doc.
pub struct Shape {
    pub id: u32,
    /// Interned str values, in slot order.
    keys: Vec<Value>,
    /// key bits -> slot index, for shapes with many keys.
    index: Option<HashMap<u64, u32, PtrHash>>,
    /// Every transition (key bits, shape), appended under the mutex.
    transitions: Mutex<Vec<(u64, &'static Shape)>>,
    /// The first `FAST_TRANSITIONS` of them, read without the lock:
    /// threads adding the same attributes to new instances of one class
    /// write no shared memory. A key (nonzero: an interned str's bits) is
    /// published after its shape, with Release; 0 marks the end.
    fast_keys: [AtomicU64; FAST_TRANSITIONS],
    fast_shapes: [AtomicPtr<Shape>; FAST_TRANSITIONS],
}

/// Transitions of a shape that are found without its lock.
const FAST_TRANSITIONS: usize = 4;

/// Hashing for maps keyed by object addresses (already well spread above
/// the low bits): a multiply, much cheaper than SipHash.
#[derive(Default, Clone, Copy)]
pub struct PtrHash;

impl std::hash::BuildHasher for PtrHash {
    type Hasher = PtrHasher;
    fn build_hasher(&self) -> PtrHasher {
        PtrHasher(0)
    }
}

pub struct PtrHasher(u64);

impl std::hash::Hasher for PtrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ b as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = (x >> 3).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

static NEXT_SHAPE_ID: AtomicU32 = AtomicU32::new(2);
static ROOT: OnceLock<&'static Shape> = OnceLock::new();
static DICT_SHAPE: OnceLock<&'static Shape> = OnceLock::new();

/// The empty shape every instance starts with.
pub fn root_shape() -> &'static Shape {
    ROOT.get_or_init(|| {
        Box::leak(Box::new(Shape {
            id: 1,
            keys: Vec::new(),
            index: None,
            transitions: Mutex::new(Vec::new()),
            fast_keys: Default::default(),
            fast_shapes: Default::default(),
        }))
    })
}

/// The marker shape of dict mode.
pub fn dict_shape() -> &'static Shape {
    DICT_SHAPE.get_or_init(|| {
        Box::leak(Box::new(Shape {
            id: 0,
            keys: Vec::new(),
            index: None,
            transitions: Mutex::new(Vec::new()),
            fast_keys: Default::default(),
            fast_shapes: Default::default(),
        }))
    })
}

/// Shapes hold interned strings only; nothing to trace (interned strings
/// are roots). Kept as a hook in case shapes ever hold other values.
pub(crate) fn trace_shape_roots(_m: &mut Marker) {}

impl Shape {
    #[inline]
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    pub fn is_dict_mode(&self) -> bool {
        self.id == 0
    }

    pub fn keys(&self) -> &[Value] {
        &self.keys
    }

    /// The slot of an interned name.
    #[inline]
    pub fn index_of(&self, key: Gc<StrObj>) -> Option<u32> {
        let kb = key.value().bits();
        if let Some(ix) = &self.index {
            return ix.get(&kb).copied();
        }
        self.keys
            .iter()
            .position(|k| k.bits() == kb)
            .map(|i| i as u32)
    }

    /// The slot of a name given as any str (compared by text; no lock, no
    /// interning).
    pub fn index_of_text(&self, name: Gc<StrObj>) -> Option<u32> {
        self.keys
            .iter()
            .position(|k| crate::objects::str::as_str(*k) == Some(name.as_str()))
            .map(|i| i as u32)
    }

    /// The shape with `key` appended (an existing transition or a new one).
    pub fn add(&'static self, key: Gc<StrObj>) -> &'static Shape {
        let kb = key.value().bits();
        for (k, sh) in self.fast_keys.iter().zip(&self.fast_shapes) {
            match k.load(Ordering::Acquire) {
                0 => break,
                b if b == kb => {
                    // SAFETY: published (Release on the key, after the
                    // shape pointer) only with a leaked, 'static shape.
                    return unsafe { &*sh.load(Ordering::Relaxed) };
                }
                _ => {}
            }
        }
        let mut tr = self.transitions.lock();
        if let Some(&(_, s)) = tr.iter().find(|(k, _)| *k == kb) {
            return s;
        }
        let mut keys = self.keys.clone();
        keys.push(key.value());
        let index = if keys.len() > 8 {
            Some(
                keys.iter()
                    .enumerate()
                    .map(|(i, k)| (k.bits(), i as u32))
                    .collect::<HashMap<u64, u32, PtrHash>>(),
            )
        } else {
            None
        };
        let s: &'static Shape = Box::leak(Box::new(Shape {
            id: NEXT_SHAPE_ID.fetch_add(1, Ordering::Relaxed),
            keys,
            index,
            transitions: Mutex::new(Vec::new()),
            fast_keys: Default::default(),
            fast_shapes: Default::default(),
        }));
        tr.push((kb, s));
        let i = tr.len() - 1;
        if i < FAST_TRANSITIONS {
            self.fast_shapes[i].store(s as *const Shape as *mut Shape, Ordering::Relaxed);
            self.fast_keys[i].store(kb, Ordering::Release);
        }
        s
    }
}

/// The attribute store of an object. See the module doc.
///
/// `ninline` inline attribute slots follow the store, then `nmembers`
/// member slots: the values of the class's `__slots__` names, read and
/// written by `member_descriptor`s at fixed indices (not part of any
/// shape, so never in `__dict__`).
#[repr(C)]
pub struct AttrStore {
    shape: AtomicPtr<Shape>,
    /// A ValueArray of the slots past the inline ones, or the dict in
    /// dict mode, or NULL.
    overflow: Slot,
    ninline: u32,
    nmembers: u32,
    /// The layout seqlock (module doc): odd while `overflow` grows or the
    /// store switches to dict mode. Written only under the owner's lock.
    layout: AtomicU32,
    inline: [Slot; 0],
}

/// Size of an `AttrStore` without inline slots.
pub const ATTR_STORE_SIZE: usize = std::mem::size_of::<AttrStore>();

impl AttrStore {
    pub fn new(ninline: u32) -> AttrStore {
        AttrStore::new_with(ninline, 0)
    }

    pub fn new_with(ninline: u32, nmembers: u32) -> AttrStore {
        AttrStore {
            shape: AtomicPtr::new(root_shape() as *const Shape as *mut Shape),
            overflow: Slot::new(Value::NULL),
            ninline,
            nmembers,
            layout: AtomicU32::new(0),
            inline: [],
        }
    }

    #[inline(always)]
    pub fn shape(&self) -> &'static Shape {
        // SAFETY: shapes are immortal; the pointer is always a shape.
        unsafe { &*self.shape.load(Ordering::Acquire) }
    }

    #[inline(always)]
    fn inline_slots(&self) -> &[Slot] {
        // SAFETY: `ninline` slots follow the store (set at allocation).
        unsafe { std::slice::from_raw_parts(self.inline.as_ptr(), self.ninline as usize) }
    }

    /// The inline slots and the member slots after them.
    #[inline(always)]
    fn all_slots(&self) -> &[Slot] {
        // SAFETY: `ninline + nmembers` slots follow the store (written at
        // allocation, never changed).
        unsafe {
            std::slice::from_raw_parts(
                self.inline.as_ptr(),
                (self.ninline + self.nmembers) as usize,
            )
        }
    }

    /// Member slot `i` (a `__slots__` name's value; NULL when unset).
    #[inline]
    pub fn member(&self, i: u32) -> Option<&Slot> {
        if i >= self.nmembers {
            return None;
        }
        self.all_slots().get((self.ninline + i) as usize)
    }

    pub fn nmembers(&self) -> u32 {
        self.nmembers
    }

    /// The slot for index `i`, if storage for it exists.
    #[inline(always)]
    pub fn slot(&self, i: u32) -> Option<&Slot> {
        if i < self.ninline {
            return self.inline_slots().get(i as usize);
        }
        let ov = self.overflow.get().downcast::<ValueArray>()?;
        ov.obj().slots().get((i - self.ninline) as usize)
    }

    pub fn trace(&self, m: &mut Marker) {
        m.slot(&self.overflow);
        m.slots(self.all_slots());
    }

    /// The dict of a dict-mode store.
    #[inline]
    pub fn dict(&self) -> Option<Gc<DictObj>> {
        if self.shape().is_dict_mode() {
            self.overflow.get().downcast::<DictObj>()
        } else {
            None
        }
    }

    /// Reads attribute `name` (interned or not).
    #[inline]
    pub fn get(&self, ts: &mut ThreadState, name: Gc<StrObj>) -> PyResult<Option<Value>> {
        let shape = self.shape();
        if shape.is_dict_mode() {
            return match self.dict() {
                Some(d) => d.get_item_opt(ts, name.value()),
                None => Ok(None),
            };
        }
        Ok(self.get_shaped(shape, name))
    }

    /// Reads through a known non-dict shape (lock-free).
    #[inline]
    pub fn get_shaped(&self, shape: &'static Shape, name: Gc<StrObj>) -> Option<Value> {
        let i = if name.is_interned() {
            shape.index_of(name)?
        } else {
            shape.index_of_text(name)?
        };
        self.slot(i).map(|s| s.get()).and_then(|v| v.non_null())
    }

    /// Stores attribute `name` (`None` deletes; returns false if it did not
    /// exist).
    pub fn set(
        &self,
        ts: &mut ThreadState,
        owner: &Header,
        ty: Gc<TypeObj>,
        name: Gc<StrObj>,
        v: Option<Value>,
    ) -> PyResult<bool> {
        let name = crate::interp::intern_str(ts, name);
        loop {
            let shape = self.shape();
            if shape.is_dict_mode() {
                let Some(d) = self.dict() else {
                    return Ok(false);
                };
                return match v {
                    Some(v) => {
                        d.set_item(ts, name.value(), v)?;
                        Ok(true)
                    }
                    None => d.del_item_opt(ts, name.value()),
                };
            }
            let Some(v) = v else {
                // Deletion: switch to dict mode, then delete there.
                if shape
                    .index_of(name)
                    .and_then(|i| self.slot(i))
                    .map(|s| s.get().is_null())
                    .unwrap_or(true)
                {
                    return Ok(false);
                }
                self.to_dict_mode(ts, owner)?;
                continue;
            };
            if let Some(i) = shape.index_of(name) {
                if self.store_at(shape, i, v) {
                    return Ok(true);
                }
                // A racing growth or switch to dict mode: store under the
                // lock, where nothing copies the slots meanwhile.
                let _g = owner.lock();
                if std::ptr::eq(self.shape(), shape) {
                    if let Some(s) = self.slot(i) {
                        s.set(v);
                        return Ok(true);
                    }
                }
                continue;
            }
            // A new attribute: maybe grow the overflow array first (it
            // allocates, so not under the lock).
            let new_shape = shape.add(name);
            let idx = shape.len() as u32;
            let mut grown: Option<Gc<ValueArray>> = None;
            if idx >= self.ninline {
                let need = (idx - self.ninline + 1) as usize;
                let cur = self.overflow.get().downcast::<ValueArray>();
                let cap = cur.map(|a| a.capacity()).unwrap_or(0);
                if need > cap {
                    let newcap = (cap * 2).max(4).max(need);
                    grown = Some(ValueArray::new_copy(
                        ts,
                        cur.map(|a| a.obj().slots()).unwrap_or(&[]),
                        newcap,
                    ));
                }
            }
            let _g = owner.lock();
            if !std::ptr::eq(self.shape(), shape) {
                continue; // raced with another writer: retry
            }
            if let Some(arr) = grown {
                // Copy again under the lock (a racing store may have landed
                // in the old array after our copy); stores racing with this
                // copy see `layout` move and redo themselves.
                self.layout_begin();
                if let Some(cur) = self.overflow.get().downcast::<ValueArray>() {
                    for (i, s) in cur.obj().slots().iter().enumerate() {
                        arr.obj().slots()[i].set(s.get());
                    }
                }
                self.overflow.set(arr.value());
                self.layout_end();
            }
            match self.slot(idx) {
                Some(s) => s.set(v),
                None => continue,
            }
            self.shape
                .store(new_shape as *const Shape as *mut Shape, Ordering::Release);
            drop(_g);
            // Future instances of this class get more inline room.
            if idx + 1 > ty.inline_slots.load(Ordering::Relaxed) && idx < MAX_INLINE {
                ty.inline_slots.fetch_max(idx + 1, Ordering::Relaxed);
            }
            return Ok(true);
        }
    }

    /// A lock-free store into slot `idx` of an instance whose shape was
    /// seen to be `shape` (module doc). False: take the slow path (the value
    /// may have been stored in a superseded copy; the slow path stores it
    /// again).
    #[inline]
    pub fn store_at(&self, shape: &Shape, idx: u32, v: Value) -> bool {
        let seq = self.layout.load(Ordering::SeqCst);
        if seq & 1 != 0 || !std::ptr::eq(self.shape(), shape) {
            return false;
        }
        let Some(s) = self.slot(idx) else {
            return false;
        };
        s.set_seq_cst(v);
        self.layout.load(Ordering::SeqCst) == seq
    }

    /// Starts copying the slots (growth, dict mode); the caller holds the
    /// owner's lock and calls `layout_end` once the copy is published.
    fn layout_begin(&self) {
        self.layout.fetch_add(1, Ordering::SeqCst);
        std::sync::atomic::fence(Ordering::SeqCst);
    }

    fn layout_end(&self) {
        self.layout.fetch_add(1, Ordering::Release);
    }

    /// A cached store that adds an attribute: `old` -> `new` (one name
    /// more). False when the store needs the slow path (room to grow).
    #[inline]
    pub fn add_with_shape(
        &self,
        owner: &Header,
        old: &Shape,
        new: &'static Shape,
        v: Value,
    ) -> bool {
        let idx = old.len() as u32;
        let _g = owner.lock();
        if !std::ptr::eq(self.shape(), old) {
            return false;
        }
        let Some(s) = self.slot(idx) else {
            return false;
        };
        s.set(v);
        self.shape
            .store(new as *const Shape as *mut Shape, Ordering::Release);
        true
    }

    /// Switches to dict mode (idempotent); returns the dict.
    pub fn to_dict_mode(&self, ts: &mut ThreadState, owner: &Header) -> PyResult<Gc<DictObj>> {
        loop {
            if let Some(d) = self.dict() {
                return Ok(d);
            }
            let shape = self.shape();
            let d = DictObj::new(ts);
            for (i, &k) in shape.keys().iter().enumerate() {
                if let Some(v) = self
                    .slot(i as u32)
                    .map(|s| s.get())
                    .and_then(|v| v.non_null())
                {
                    d.set_item(ts, k, v)?;
                }
            }
            let _g = owner.lock();
            if !std::ptr::eq(self.shape(), shape) {
                continue;
            }
            // Re-copy values that changed since (same shape: same slots);
            // stores racing with this copy see `layout` move and redo
            // themselves under the lock (then into the dict).
            self.layout_begin();
            for (i, &k) in shape.keys().iter().enumerate() {
                if let Some(v) = self
                    .slot(i as u32)
                    .map(|s| s.get())
                    .and_then(|v| v.non_null())
                {
                    d.set_item_nolock_simple(k, v);
                }
            }
            self.overflow.set(d.value());
            self.shape.store(
                dict_shape() as *const Shape as *mut Shape,
                Ordering::Release,
            );
            self.layout_end();
            return Ok(d);
        }
    }

    /// `obj.__dict__ = d`: dict mode with `d` itself as the dict.
    pub fn replace_dict(&self, owner: &Header, d: Gc<DictObj>) {
        let _g = owner.lock();
        self.overflow.set(d.value());
        self.shape.store(
            dict_shape() as *const Shape as *mut Shape,
            Ordering::Release,
        );
    }

    /// Attribute names and values in order (for `__dict__`, `vars`),
    /// interleaved (`[k0, v0, k1, v1 ...]`) and rooted: callers run Python
    /// code (`__hash__`, `__eq__`) while they hold them.
    pub fn items(&self, ts: &mut ThreadState) -> PyResult<RootedVec> {
        if let Some(d) = self.dict() {
            return Ok(d.items_rooted(ts));
        }
        let shape = self.shape();
        let mut out = RootedVec::new(ts);
        for (i, &k) in shape.keys().iter().enumerate() {
            if let Some(v) = self
                .slot(i as u32)
                .map(|s| s.get())
                .and_then(|v| v.non_null())
            {
                out.push(k);
                out.push(v);
            }
        }
        Ok(out)
    }
}

/// Whether a class statement may give instances of a subclass of a
/// built-in of kind `k` an attribute store appended to the built-in's
/// fields. Every constructor of such a kind must reserve the store when the
/// class asks for one ([`alloc_with_attrs`], or by hand for the
/// variable-size kinds): `attr_store` trusts the type's `attrs_offset`, so
/// a constructor that forgets reads and writes past the object.
///
/// Not listed: `Instance` and `Exception` (the store is part of the
/// layout), `Type` (a class keeps its attributes in its own dict, so a
/// metaclass's instances need no store), and kinds whose constructors do
/// not reserve one (their subclasses get no instance attributes).
pub fn kind_takes_attr_store(k: Kind) -> bool {
    matches!(
        k,
        Kind::Int
            | Kind::Float
            | Kind::Complex
            | Kind::Str
            | Kind::Bytes
            | Kind::Bytearray
            | Kind::Tuple
            | Kind::List
            | Kind::Dict
            | Kind::Set
            | Kind::Module
            | Kind::Property
            | Kind::ClassMethod
            | Kind::StaticMethod
            | Kind::Super
            | Kind::Iterator
            | Kind::WeakRef
            | Kind::Native
            | Kind::GenericAlias
    )
}

/// Allocates a fixed-size built-in object whose type is `obj`'s header
/// type `cls`: with an empty attribute store after it when `cls` is a
/// subclass that has one (see [`kind_takes_attr_store`]).
pub fn alloc_with_attrs<T: HeapObj>(ts: &mut ThreadState, cls: Gc<TypeObj>, obj: T) -> Gc<T> {
    let off = cls.attrs_offset;
    if off == 0 || T::KIND == Kind::Instance || T::KIND == Kind::Exception {
        return ts.alloc(obj);
    }
    debug_assert!(off != VAR_ATTRS && off as usize >= std::mem::size_of::<T>());
    let nmembers = cls.nmembers();
    let size = off as usize + ATTR_STORE_SIZE + 8 * nmembers as usize;
    let g = ts.alloc_var(size, |p: *mut T| {
        // SAFETY: `size` bytes leave room for the object and the store.
        unsafe { p.write(obj) }
    });
    init_attr_store_with(g.addr() + off as usize, 0, nmembers);
    g
}

/// Whether subclasses of a built-in of kind `k` may add `__slots__`
/// members: its constructor allocates through [`alloc_with_attrs`] (or is
/// `object`'s, `NativeObj::new` or `ExcObj::new`, which reserve them too).
/// Others say "nonempty __slots__ not supported".
pub fn kind_takes_members(k: Kind) -> bool {
    matches!(
        k,
        Kind::Instance
            | Kind::Property
            | Kind::ClassMethod
            | Kind::StaticMethod
            | Kind::Super
            | Kind::Iterator
            | Kind::List
            | Kind::Dict
            | Kind::Set
            | Kind::Float
            | Kind::Complex
            | Kind::Module
            | Kind::Bytearray
            | Kind::WeakRef
            | Kind::Native
            | Kind::GenericAlias
            | Kind::Exception
    )
}

/// Writes a fresh attribute store at `addr` (for built-in subclass
/// instances).
pub fn init_attr_store_at(addr: usize, ninline: u32) {
    init_attr_store_with(addr, ninline, 0);
}

/// Writes a fresh attribute store with `ninline` inline and `nmembers`
/// member slots (all NULL) at `addr`.
pub fn init_attr_store_with(addr: usize, ninline: u32, nmembers: u32) {
    // SAFETY: the caller reserved ATTR_STORE_SIZE + 8*(ninline + nmembers)
    // bytes there.
    unsafe {
        (addr as *mut AttrStore).write(AttrStore::new_with(ninline, nmembers));
        let slots = (addr + ATTR_STORE_SIZE) as *mut Slot;
        for i in 0..(ninline + nmembers) as usize {
            slots.add(i).write(Slot::new(Value::NULL));
        }
    }
}

/// An instance of a user class deriving from `object`.
#[repr(C)]
pub struct InstanceObj {
    pub header: Header,
    pub attrs: AttrStore,
}

// SAFETY: repr(C), Header first; the attribute store is traced.
unsafe impl HeapObj for InstanceObj {
    const KIND: Kind = Kind::Instance;
    fn trace(&self, m: &mut Marker) {
        self.attrs.trace(m);
    }
}

impl InstanceObj {
    /// A new, attribute-less instance of `ty` (a heap type whose layout is
    /// `Instance`).
    pub fn new(ts: &mut ThreadState, ty: Gc<TypeObj>) -> Gc<InstanceObj> {
        let ninline = ty.inline_slots.load(Ordering::Relaxed).min(MAX_INLINE);
        let nmembers = ty.nmembers();
        let size = std::mem::size_of::<InstanceObj>() + 8 * (ninline + nmembers) as usize;
        let g = ts.alloc_var(size, |p: *mut InstanceObj| {
            // SAFETY: room for the header, the store and its slots.
            unsafe {
                p.write(InstanceObj {
                    header: Header::new(ty, Kind::Instance, 0),
                    attrs: AttrStore::new_with(ninline, nmembers),
                });
                let slots = (p as usize + std::mem::size_of::<InstanceObj>()) as *mut Slot;
                for i in 0..(ninline + nmembers) as usize {
                    slots.add(i).write(Slot::new(Value::NULL));
                }
            }
        });
        if ty.has_flag(crate::objects::typeobj::tflags::HAS_DEL) {
            crate::gc::collect::register_finalizer(&g.header);
        }
        g
    }
}

/// The attribute store of any object that has one.
#[inline]
pub fn attr_store(v: Value) -> Option<&'static AttrStore> {
    let h = v.header()?;
    if h.kind() == Kind::Instance {
        // SAFETY: the kind says InstanceObj.
        return Some(&unsafe { v.downcast_unchecked::<InstanceObj>() }.obj().attrs);
    }
    if h.kind() == Kind::Type {
        // A class made by a metaclass keeps its names in its own dict:
        // type objects are allocated without the store the metaclass's
        // layout describes (reading one would read past the object).
        return None;
    }
    let ty = h.ty();
    let off = ty.attrs_offset;
    if off == 0 {
        return None;
    }
    debug_assert!(h.kind() == Kind::Exception || kind_takes_attr_store(h.kind()));
    let addr = v.addr_unchecked();
    let at = if off == VAR_ATTRS {
        var_attrs_addr(v)?
    } else {
        addr + off as usize
    };
    // SAFETY: the type's layout puts an AttrStore there.
    Some(unsafe { &*(at as *const AttrStore) })
}

/// Where a variable-size object's attribute store is.
fn var_attrs_addr(v: Value) -> Option<usize> {
    let h = v.header()?;
    let a = v.addr_unchecked();
    match h.kind() {
        Kind::Str => {
            let s: Gc<StrObj> = v.downcast()?;
            Some(a + (std::mem::size_of::<StrObj>() + s.data_size()).div_ceil(8) * 8)
        }
        Kind::Tuple => {
            let t: Gc<crate::objects::tuple::TupleObj> = v.downcast()?;
            Some(a + std::mem::size_of::<crate::objects::tuple::TupleObj>() + 8 * t.len())
        }
        Kind::Bytes => {
            let b: Gc<crate::objects::bytes::BytesObj> = v.downcast()?;
            Some(
                a + (std::mem::size_of::<crate::objects::bytes::BytesObj>() + b.len()).div_ceil(8)
                    * 8,
            )
        }
        _ => None,
    }
}
