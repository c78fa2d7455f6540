//! The object header, typed heap references, and the table of object kinds.
//!
//! ```text
//! every heap object:
//! +----------------------+------+------+------+-------+-----------+
//! | type (8 bytes)       | kind | mark | lock | flags | aux (u32) |  16 bytes
//! +----------------------+------+------+------+-------+-----------+
//! | the kind's fields ...                                          |
//! ```
//!
//! - `type` is the Python type (a `TypeObj` address); zero means a free slot.
//!   It changes only by `__class__` assignment, between types with the same
//!   kind and layout.
//! - `kind` says which Rust struct the object is (its layout, how the
//!   collector traces it, whether sweeping must drop native memory). A
//!   subclass instance has its base's kind: `class L(list)` makes `List`
//!   objects with the instance-attribute store appended (see `TypeObj::
//!   attrs_offset`).
//! - `mark` is the collector's epoch byte (gc invariant 5).
//! - `lock` is the object's own mutex (one byte, `parking_lot`): container
//!   mutations take it; reads mostly do not (see each container's doc).
//! - `flags`: [`flags`] bits.
//! - `aux`: a small per-kind field (str: the ASCII flag).

use parking_lot::lock_api::RawMutex as _;
use std::marker::PhantomData;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicU32, AtomicU8, AtomicUsize, Ordering};

use crate::gc::Marker;
use crate::objects::typeobj::TypeObj;
use crate::value::Value;

/// `Header::flags` bits.
pub mod flags {
    /// Registered for finalization (its type has `__del__`).
    pub const FINALIZABLE: u8 = 1;
    /// `__del__` has run (PEP 442: at most once).
    pub const FINALIZED: u8 = 2;
}

#[repr(C)]
pub struct Header {
    ty: AtomicUsize,
    kind: u8,
    mark: AtomicU8,
    lock: parking_lot::RawMutex,
    flags: AtomicU8,
    aux: AtomicU32,
}

const _: () = assert!(std::mem::size_of::<Header>() == 16);

impl Header {
    /// A header for a new object. `mark` is the current epoch.
    #[inline(always)]
    pub fn new(ty: Gc<TypeObj>, kind: Kind, mark: u8) -> Header {
        Header {
            ty: AtomicUsize::new(ty.addr()),
            kind: kind as u8,
            mark: AtomicU8::new(mark),
            lock: parking_lot::RawMutex::INIT,
            flags: AtomicU8::new(0),
            aux: AtomicU32::new(0),
        }
    }

    /// A header whose type is filled in later (only for the bootstrap of
    /// the first type objects).
    pub(crate) fn new_untyped(kind: Kind, mark: u8) -> Header {
        Header {
            ty: AtomicUsize::new(1),
            kind: kind as u8,
            mark: AtomicU8::new(mark),
            lock: parking_lot::RawMutex::INIT,
            flags: AtomicU8::new(0),
            aux: AtomicU32::new(0),
        }
    }

    #[inline(always)]
    pub fn type_word(&self) -> usize {
        self.ty.load(Ordering::Acquire)
    }

    #[inline(always)]
    pub fn ty(&self) -> Gc<TypeObj> {
        // SAFETY: a live object's type word is a live type object
        // (the collector traces it with the object).
        unsafe { Gc::from_addr(self.ty.load(Ordering::Acquire)) }
    }

    /// `__class__` assignment; the caller checked layout compatibility.
    pub fn set_ty(&self, ty: Gc<TypeObj>) {
        self.ty.store(ty.addr(), Ordering::Release);
    }

    #[inline(always)]
    pub fn kind(&self) -> Kind {
        Kind::from_u8(self.kind)
    }

    #[inline(always)]
    pub fn kind_byte(&self) -> u8 {
        self.kind
    }

    #[inline(always)]
    pub fn mark(&self) -> u8 {
        self.mark.load(Ordering::Relaxed)
    }

    #[inline(always)]
    pub fn set_mark(&self, m: u8) {
        self.mark.store(m, Ordering::Relaxed)
    }

    #[inline(always)]
    pub fn flags(&self) -> u8 {
        self.flags.load(Ordering::Relaxed)
    }

    pub fn set_flag(&self, f: u8) {
        self.flags.fetch_or(f, Ordering::Relaxed);
    }

    pub fn clear_flag(&self, f: u8) {
        self.flags.fetch_and(!f, Ordering::Relaxed);
    }

    #[inline(always)]
    pub fn aux(&self) -> u32 {
        self.aux.load(Ordering::Relaxed)
    }

    /// Sets bits of `aux` (atomically: other threads may read it).
    #[inline(always)]
    pub fn or_aux(&self, bits: u32) {
        self.aux.fetch_or(bits, Ordering::Relaxed);
    }

    #[inline(always)]
    pub fn set_aux(&self, v: u32) {
        self.aux.store(v, Ordering::Relaxed)
    }

    /// Takes the object's lock. The guard must not live across a
    /// safepoint (gc invariant 7): no allocation that may collect, no
    /// call into Python, no blocking.
    #[inline]
    pub fn lock(&self) -> ObjGuard<'_> {
        let token = self.lock.lock();
        ObjGuard {
            h: self,
            token: std::mem::ManuallyDrop::new(token),
        }
    }

    /// Zeroes the type word: the slot is free (sweeping only).
    pub(crate) fn clear_type(&self) {
        self.ty.store(0, Ordering::Relaxed);
    }
}

/// Holds an object's lock; see [`Header::lock`].
pub struct ObjGuard<'a> {
    h: &'a Header,
    token:
        std::mem::ManuallyDrop<<parking_lot::RawMutex as parking_lot::lock_api::RawMutex>::Guard>,
}

impl Drop for ObjGuard<'_> {
    #[inline]
    fn drop(&mut self) {
        // SAFETY: this guard was created by locking `h.lock`.
        unsafe {
            let token = std::mem::ManuallyDrop::take(&mut self.token);
            parking_lot::lock_api::RawMutex::unlock(&self.h.lock, token)
        }
    }
}

/// A Rust struct that is the layout of a heap object kind.
///
/// # Safety
/// The struct must be `#[repr(C)]` and start with a [`Header`]; `trace`
/// must visit every `Value` and heap pointer the object holds (a missed
/// field is a use-after-free); `drop_native` must free only Rust-owned
/// memory and must not touch other heap objects (they may already be
/// swept).
pub unsafe trait HeapObj: Sized {
    const KIND: Kind;

    /// Visits every heap reference the object holds (not the type word:
    /// the collector traces that for every object).
    fn trace(&self, m: &mut Marker);

    /// Whether sweeping must call `drop_native`.
    const NEEDS_DROP: bool = false;

    /// Frees native (Rust heap) memory when the object is swept.
    ///
    /// # Safety
    /// Called once, by the sweeper, on a dead object.
    unsafe fn drop_native(_this: *mut Self) {}

    /// Whether this object, about to be allocated, owns native memory
    /// that `drop_native` frees. Only consulted when `NEEDS_DROP`; a kind
    /// whose objects mostly own none (an int that fits 128 bits) says so,
    /// and the sweeper can then reset their pages without visiting them.
    #[inline(always)]
    fn owns_native(&self) -> bool {
        Self::NEEDS_DROP
    }

    #[inline(always)]
    fn header(&self) -> &Header {
        // SAFETY: the trait contract puts a Header at offset 0.
        unsafe { &*(self as *const Self as *const Header) }
    }
}

/// A typed reference to a heap object. `Copy`, no lifetime: like
/// [`Value`], it is kept alive by being found (gc invariant 4).
#[repr(transparent)]
pub struct Gc<T> {
    ptr: NonNull<T>,
    _marker: PhantomData<T>,
}

impl<T> Clone for Gc<T> {
    #[inline(always)]
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Gc<T> {}

// SAFETY: heap objects are shared between threads by design; every field
// is immutable after publication, atomic, or guarded by the object's lock.
unsafe impl<T> Send for Gc<T> {}
// SAFETY: as for Send.
unsafe impl<T> Sync for Gc<T> {}

impl<T> PartialEq for Gc<T> {
    #[inline(always)]
    fn eq(&self, other: &Self) -> bool {
        self.ptr == other.ptr
    }
}
impl<T> Eq for Gc<T> {}

impl<T> std::fmt::Debug for Gc<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Gc({:#x})", self.addr())
    }
}

impl<T> Gc<T> {
    /// # Safety
    /// `addr` must be the address of a live object whose layout is `T`.
    #[inline(always)]
    pub unsafe fn from_addr(addr: usize) -> Gc<T> {
        debug_assert!(addr != 0);
        Gc {
            // SAFETY: the caller guarantees a non-zero object address.
            ptr: unsafe { NonNull::new_unchecked(addr as *mut T) },
            _marker: PhantomData,
        }
    }

    #[inline(always)]
    pub fn addr(self) -> usize {
        self.ptr.as_ptr() as usize
    }

    #[inline(always)]
    pub fn as_ptr(self) -> *mut T {
        self.ptr.as_ptr()
    }

    #[inline(always)]
    pub fn value(self) -> Value {
        Value::from_addr(self.addr())
    }

    #[inline(always)]
    pub fn header(self) -> &'static Header {
        // SAFETY: every heap object starts with a Header, and the object
        // is live (this reference was found by the collector).
        unsafe { &*(self.addr() as *const Header) }
    }

    /// Reinterprets as another layout.
    ///
    /// # Safety
    /// The object must have layout `U`.
    #[inline(always)]
    pub unsafe fn cast<U>(self) -> Gc<U> {
        // SAFETY: forwarded to the caller.
        unsafe { Gc::from_addr(self.addr()) }
    }

    /// A reference with an unbounded lifetime, for code that must hold
    /// `&T` across calls. Same liveness rule as the `Gc` itself.
    #[inline(always)]
    pub fn obj(self) -> &'static T {
        // SAFETY: a Gc always names a live object of layout T
        // (gc invariant 4 keeps it alive while the Gc is reachable).
        unsafe { &*self.ptr.as_ptr() }
    }
}

impl<T> std::ops::Deref for Gc<T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        // SAFETY: see `get`.
        unsafe { &*self.ptr.as_ptr() }
    }
}

impl Value {
    /// The header of the heap object this value points to.
    #[inline(always)]
    pub fn header(self) -> Option<&'static Header> {
        let a = self.as_addr()?;
        // SAFETY: a pointer-tagged value names a live object.
        Some(unsafe { &*(a as *const Header) })
    }

    /// The object as layout `T`, if its kind is `T::KIND`.
    #[inline(always)]
    pub fn downcast<T: HeapObj>(self) -> Option<Gc<T>> {
        let a = self.as_addr()?;
        // SAFETY: a pointer-tagged value names a live object.
        let h = unsafe { &*(a as *const Header) };
        if h.kind == T::KIND as u8 {
            // SAFETY: the kind says the layout is T.
            Some(unsafe { Gc::from_addr(a) })
        } else {
            None
        }
    }

    /// Whether the value is a heap object of kind `k`.
    #[inline(always)]
    pub fn is_kind(self, k: Kind) -> bool {
        match self.header() {
            Some(h) => h.kind == k as u8,
            None => false,
        }
    }

    /// # Safety
    /// The value must be a heap object of layout `T`.
    #[inline(always)]
    pub unsafe fn downcast_unchecked<T>(self) -> Gc<T> {
        debug_assert!(self.is_ptr());
        // SAFETY: forwarded to the caller.
        unsafe { Gc::from_addr(self.addr_unchecked()) }
    }
}

macro_rules! kinds {
    ($($name:ident => $ty:ty,)*) => {
        /// Every object layout. See the module doc.
        #[repr(u8)]
        #[derive(Copy, Clone, Debug, PartialEq, Eq)]
        pub enum Kind {
            $($name,)*
        }

        const KIND_COUNT: usize = [$(Kind::$name,)*].len();

        impl Kind {
            #[inline(always)]
            pub fn from_u8(b: u8) -> Kind {
                debug_assert!((b as usize) < KIND_COUNT);
                const ALL: [Kind; KIND_COUNT] = [$(Kind::$name,)*];
                ALL[(b as usize).min(KIND_COUNT - 1)]
            }

            pub fn name(self) -> &'static str {
                match self { $(Kind::$name => stringify!($name),)* }
            }
        }

        /// Traces an object by its kind.
        ///
        /// # Safety
        /// `obj` must be a live object whose kind byte is `kind`.
        pub(crate) unsafe fn trace_object(kind: u8, obj: usize, m: &mut Marker) {
            $(
                if kind == Kind::$name as u8 {
                    // SAFETY: the kind byte names the layout.
                    let o: &$ty = unsafe { &*(obj as *const $ty) };
                    <$ty as HeapObj>::trace(o, m);
                    return;
                }
            )*
        }

        /// Runs the native drop of a dead object, if its kind has one.
        ///
        /// # Safety
        /// `obj` must be a dead, not yet swept object whose kind byte is `kind`.
        pub(crate) unsafe fn drop_object(kind: u8, obj: usize) {
            $(
                if kind == Kind::$name as u8 {
                    if <$ty as HeapObj>::NEEDS_DROP {
                        // SAFETY: forwarded to the caller.
                        unsafe { <$ty as HeapObj>::drop_native(obj as *mut $ty) };
                    }
                    return;
                }
            )*
        }
    };
}

use crate::objects::*;

kinds! {
    Object => object::PlainObj,
    Instance => instance::InstanceObj,
    Type => typeobj::TypeObj,
    Str => str::StrObj,
    Int => int::IntObj,
    Float => float::FloatObj,
    Complex => complex::ComplexObj,
    Bytes => bytes::BytesObj,
    Tuple => tuple::TupleObj,
    List => list::ListObj,
    Dict => dict::DictObj,
    Set => set::SetObj,
    Range => range::RangeObj,
    Slice => slice::SliceObj,
    Function => function::FunctionObj,
    Builtin => builtin::BuiltinObj,
    Method => method::MethodObj,
    Code => code::CodeObj,
    Cell => cell::CellObj,
    Module => module::ModuleObj,
    Exception => exception::ExcObj,
    Traceback => traceback::TracebackObj,
    Frame => frame::FrameObj,
    Generator => generator::GenObj,
    Property => descriptors::PropertyObj,
    ClassMethod => descriptors::ClassMethodObj,
    StaticMethod => descriptors::StaticMethodObj,
    Super => superobj::SuperObj,
    ValueArray => array::ValueArray,
    DictTable => dict::DictTable,
    SetTable => set::SetTable,
    Iterator => iterators::IterObj,
    DictView => dict::DictViewObj,
    Bytearray => bytearray::BytearrayObj,
    WeakRef => weakref::WeakRefObj,
    Native => native::NativeObj,
    GenericAlias => genericalias::GenericAliasObj,
    Union => union::UnionObj,
    AsyncGenAwaitable => async_generator::AgAwaitableObj,
    CoroutineWrapper => coroutine_wrapper::CoroWrapperObj,
    AnextAwaitable => anext_awaitable::AnextAwaitableObj,
    MemoryView => memoryview::MemoryViewObj,
    MappingProxy => mappingproxy::MappingProxyObj,
}

/// Lengths and sizes: builtin objects and arrays store `usize`, but Python
/// sees ints; this is the one place that converts.
#[inline(always)]
pub fn len_value(n: usize) -> Value {
    Value::small_int_unchecked(n as i64)
}
