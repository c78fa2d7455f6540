//! Objects of types that native modules define (`_thread.lock`,
//! `collections.deque`, `itertools.count` ...): one heap kind for all of
//! them, with the Rust data behind a small vtable.
//!
//! # Layout
//! ```text
//! +--------+----------------+------------------------+--------------------+
//! | Header | &NativeVTable  | T (the module's data)  | [attribute store]  |
//! +--------+----------------+------------------------+--------------------+
//! ```
//! The vtable names `T` (its `TypeId`), traces it and drops it. A type
//! made with [`new_type`] records `T`'s size in `basic_size`, so a Python
//! subclass (`class D(deque)`) gets its attribute store after the data, as
//! for every built-in (see `instance.rs`).
//!
//! # Rules for `T` (the [`NativeData`] contract)
//! - `trace` visits every `Value` the data holds. Values may live in Rust
//!   heap memory inside `T` (a `VecDeque<Value>`): they are rooted through
//!   the object, which the collector traces.
//! - After storing a `Value` into the data, call [`NativeObj::written`]
//!   (the write-barrier hook of DESIGN.md, empty today).
//! - `T` is shared by every thread that reaches the object (`Sync`):
//!   mutable state sits behind the data's own lock or atomics, and no lock
//!   is held while Python code runs or while allocating (gc invariant 7).
//! - Dropped by the sweeper when the object dies: `Drop` must not touch
//!   other heap objects (they may be swept already).

use std::any::TypeId;

use crate::error::PyResult;
use crate::gc::Marker;
use crate::interp::intern;
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::typeobj::{tflags, TypeObj};
use crate::thread::ThreadState;
use crate::value::Value;

/// The data of a native object. See the module doc.
///
/// # Safety
/// `trace` must visit every `Value` (and heap pointer) the data holds:
/// a missed one is a use-after-free.
pub unsafe trait NativeData: Sync + Send + 'static {
    fn trace(&self, m: &mut Marker);
}

/// How to trace and drop one `NativeData` type.
pub struct NativeVTable {
    id: fn() -> TypeId,
    trace: unsafe fn(*const u8, &mut Marker),
    drop: unsafe fn(*mut u8),
    name: fn() -> &'static str,
}

#[repr(C)]
pub struct NativeObj {
    pub header: Header,
    vtable: &'static NativeVTable,
    /// The data follows (at `DATA_OFFSET`).
    data: [u64; 0],
}

const DATA_OFFSET: usize = std::mem::size_of::<NativeObj>();

// SAFETY: repr(C), Header first; trace forwards to the data's own trace
// through the vtable written at allocation.
unsafe impl HeapObj for NativeObj {
    const KIND: Kind = Kind::Native;
    fn trace(&self, m: &mut Marker) {
        // SAFETY: the vtable matches the data written after the fields.
        unsafe { (self.vtable.trace)(self.data_ptr(), m) }
    }
    const NEEDS_DROP: bool = true;
    unsafe fn drop_native(this: *mut Self) {
        // SAFETY: called once by the sweeper on a dead object whose data
        // was initialized at allocation.
        unsafe {
            let vt = (*this).vtable;
            (vt.drop)((this as *mut u8).add(DATA_OFFSET));
        }
    }
}

unsafe fn trace_data<T: NativeData>(p: *const u8, m: &mut Marker) {
    // SAFETY: the caller passes the data of an object made for `T`.
    unsafe { (*(p as *const T)).trace(m) }
}

unsafe fn drop_data<T: NativeData>(p: *mut u8) {
    // SAFETY: as above; the sweeper drops each object once.
    unsafe { std::ptr::drop_in_place(p as *mut T) }
}

/// The vtable for `T` (one static per type).
pub trait HasVTable: NativeData + Sized {
    const VTABLE: NativeVTable = NativeVTable {
        id: TypeId::of::<Self>,
        trace: trace_data::<Self>,
        drop: drop_data::<Self>,
        name: std::any::type_name::<Self>,
    };
}
impl<T: NativeData> HasVTable for T {}

impl NativeObj {
    fn data_ptr(&self) -> *const u8 {
        // SAFETY: the data starts right after the fields.
        unsafe { (self as *const NativeObj as *const u8).add(DATA_OFFSET) }
    }

    /// Allocates an instance of `cls` (a type made by [`new_type`] for `T`,
    /// or a Python subclass of one) holding `data`.
    pub fn new<T: NativeData>(ts: &mut ThreadState, cls: Gc<TypeObj>, data: T) -> Gc<NativeObj> {
        const { assert!(std::mem::align_of::<T>() <= 8) };
        let attrs = cls.attrs_offset as usize;
        // A Python subclass with `__slots__` members keeps them after its
        // attribute store (as `alloc_with_attrs` lays them out).
        let nmembers = if attrs != 0 { cls.nmembers() } else { 0 };
        let store_end = if attrs != 0 {
            attrs + crate::objects::instance::ATTR_STORE_SIZE + 8 * nmembers as usize
        } else {
            0
        };
        let size = (cls.basic_size as usize)
            .max(DATA_OFFSET + std::mem::size_of::<T>())
            .max(store_end);
        let vt: &'static NativeVTable = &<T as HasVTable>::VTABLE;
        let g = ts.alloc_var(size, |p: *mut NativeObj| {
            // SAFETY: `size` covers the fields, the data and (for a
            // subclass) the attribute store with its member slots.
            unsafe {
                std::ptr::addr_of_mut!((*p).header).write(Header::new(cls, Kind::Native, 0));
                std::ptr::addr_of_mut!((*p).vtable).write(vt);
                ((p as *mut u8).add(DATA_OFFSET) as *mut T).write(data);
            }
        });
        if attrs != 0 {
            crate::objects::instance::init_attr_store_with(g.addr() + attrs, 0, nmembers);
        }
        g
    }

    /// The data, if this object holds a `T`.
    #[inline]
    pub fn data<T: NativeData>(&self) -> Option<&T> {
        if (self.vtable.id)() == TypeId::of::<T>() {
            // SAFETY: the vtable says the data is a T.
            Some(unsafe { &*(self.data_ptr() as *const T) })
        } else {
            None
        }
    }

    /// The Rust type's name (debugging).
    pub fn data_type_name(&self) -> &'static str {
        (self.vtable.name)()
    }

    /// The write-barrier hook: call after storing a `Value` into the data.
    #[inline(always)]
    pub fn written(&self) {
        crate::gc::barrier::object_rewritten(&self.header);
    }
}

/// The `T` held by `v`, if `v` is a native object holding one (an
/// instance of the native type or of a Python subclass).
#[inline]
pub fn data_of<T: NativeData>(v: Value) -> Option<&'static T> {
    let n = v.downcast::<NativeObj>()?;
    n.obj().data::<T>()
}

/// Makes a native type for instances holding `T`: named `name`, in module
/// `module`, deriving from `base` (None: `object`). Set its slots and
/// methods, then call [`finish_type`].
pub fn new_type<T: NativeData>(
    ts: &mut ThreadState,
    name: &str,
    module: &str,
    base: Option<Gc<TypeObj>>,
    subclassable: bool,
) -> Gc<TypeObj> {
    let t = crate::interp::types();
    let meta = t.type_;
    let basic = (DATA_OFFSET + std::mem::size_of::<T>()) as u32;
    let ty = ts.alloc(TypeObj::blank(
        Header::new(meta, Kind::Type, 0),
        Kind::Native,
        basic,
        0,
    ));
    if subclassable {
        ty.set_flag(tflags::BASETYPE);
    }
    crate::objects::finish_type(ts, ty, name, module, Some(base.unwrap_or(t.object)));
    let q = intern(ts, name);
    ty.qualname.set(q.value());
    set_module_attr(ts, ty, module);
    ty
}

/// Like [`new_type`], for a type whose instances have a `__dict__`
/// (`functools.partial`): an attribute store follows the data, and the
/// type gets the `__dict__` descriptor. Python subclasses share the layout.
pub fn new_type_with_dict<T: NativeData>(
    ts: &mut ThreadState,
    name: &str,
    module: &str,
    base: Option<Gc<TypeObj>>,
    subclassable: bool,
) -> Gc<TypeObj> {
    let t = crate::interp::types();
    let meta = t.type_;
    let attrs = (DATA_OFFSET + std::mem::size_of::<T>()).div_ceil(8) * 8;
    let basic = (attrs + crate::objects::instance::ATTR_STORE_SIZE) as u32;
    let ty = ts.alloc(TypeObj::blank(
        Header::new(meta, Kind::Type, 0),
        Kind::Native,
        basic,
        attrs as u32,
    ));
    if subclassable {
        ty.set_flag(tflags::BASETYPE);
    }
    crate::objects::finish_type(ts, ty, name, module, Some(base.unwrap_or(t.object)));
    let q = intern(ts, name);
    ty.qualname.set(q.value());
    set_module_attr(ts, ty, module);
    let d = crate::objects::object::dict_descriptor(ts, ty);
    crate::objects::set_type_attr(ts, ty, "__dict__", d);
    ty
}

/// A type made by [`new_type`] holds its module as `__module__` in its
/// dict, as CPython's heap types of extension modules do (`array.array`,
/// `_struct.Struct`): its instances have that attribute too.
fn set_module_attr(ts: &mut ThreadState, ty: Gc<TypeObj>, module: &str) {
    if module != "builtins" {
        let m = intern(ts, module);
        ty.dict().set_item_str(ts, "__module__", m.value());
    }
}

/// Makes a type from [`new_type`] look like one of CPython's static types
/// of a native module (`collections.deque`, the `itertools` types): its
/// dict holds no `__module__`, so its instances have no such attribute,
/// while `type.__module__`, its repr and pickling still name the module
/// (from its tp_name, `module.Name`). [`new_module_type`] and
/// [`new_abstract_type`] make such types to begin with.
pub fn make_static(ts: &mut ThreadState, ty: Gc<TypeObj>) {
    let name = crate::interp::names().__module__;
    // Deleting a str key from a fresh type's dict cannot fail or run code.
    let _ = ty.dict().del_item_opt(ts, name.value());
    ty.modified();
}

/// Completes a native type after its slots and methods are set: inherits
/// the slots it does not define from its base and exposes its own as
/// dunder wrappers (`deque.__len__`).
pub fn finish_type(ts: &mut ThreadState, ty: Gc<TypeObj>) {
    crate::objects::inherit_slots_from_base(ty);
    crate::objects::slots::expose_slots(ts, ty);
    ty.modified();
}

/// Takes `v`'s `T` or raises the `TypeError` a method descriptor would
/// ("descriptor 'x' requires a '_thread.lock' object ...") — for slot
/// functions, which receive their object unchecked.
pub fn expect<T: NativeData>(ts: &mut ThreadState, v: Value, what: &str) -> PyResult<&'static T> {
    match data_of::<T>(v) {
        Some(d) => Ok(d),
        None => Err(ts.type_error(format!(
            "expected a {what} object, got '{}'",
            crate::objects::typeobj::type_name(v)
        ))),
    }
}

// ---- classes with `__dict__`, abstract bases, finalized instances ------------
//
// The `_io` classes need a little more than `new_type` gives: instances
// with `__dict__` that can be weakly referenced, natively written abstract
// bases whose instances are plain instances (`_io._IOBase`), CPython's
// naming of a module's static type (`_io.FileIO` in messages, `FileIO` as
// `__name__`), and instances registered for finalization (`__del__`).

/// A native type for instances holding `T`, deriving from `base`, whose
/// instances have `__dict__` when `with_dict` and can be weakly
/// referenced. It is named as CPython names a static type of a native
/// module: `__name__` and `__qualname__` are `name`, the name error
/// messages show (tp_name) is `module.name`. Rooted for the process.
/// Finish it with [`ready_type`].
pub fn new_module_type<T: NativeData>(
    ts: &mut ThreadState,
    name: &str,
    module: &str,
    base: Gc<TypeObj>,
    with_dict: bool,
) -> Gc<TypeObj> {
    const { assert!(std::mem::align_of::<T>() <= 8) };
    let end = (DATA_OFFSET + std::mem::size_of::<T>()).div_ceil(8) * 8;
    let (size, attrs) = if with_dict {
        (end + crate::objects::instance::ATTR_STORE_SIZE, end)
    } else {
        (end, 0)
    };
    let ty = ts.alloc(TypeObj::blank(
        Header::new(crate::interp::types().type_, Kind::Type, 0),
        Kind::Native,
        size as u32,
        attrs as u32,
    ));
    ty.set_flag(tflags::BASETYPE | tflags::WEAKREFABLE);
    // Rooted at once: the caller allocates while filling the type in.
    crate::interp::add_global_root(ty.value());
    name_module_type(ts, ty, name, module, base);
    ty
}

/// A native type whose instances are plain instances with `__dict__` (an
/// abstract base written natively, like `_io._IOBase`): `object.__new__`
/// makes them, and a Python subclass is an ordinary class. Rooted; finish
/// it with [`ready_type`].
pub fn new_abstract_type(
    ts: &mut ThreadState,
    name: &str,
    module: &str,
    base: Gc<TypeObj>,
) -> Gc<TypeObj> {
    let ty = ts.alloc(TypeObj::blank(
        Header::new(crate::interp::types().type_, Kind::Type, 0),
        Kind::Instance,
        std::mem::size_of::<crate::objects::instance::InstanceObj>() as u32,
        16,
    ));
    ty.set_flag(tflags::BASETYPE | tflags::WEAKREFABLE);
    crate::interp::add_global_root(ty.value());
    name_module_type(ts, ty, name, module, base);
    ty
}

fn name_module_type(
    ts: &mut ThreadState,
    ty: Gc<TypeObj>,
    name: &str,
    module: &str,
    base: Gc<TypeObj>,
) {
    crate::objects::finish_type(ts, ty, name, module, Some(base));
    let full = intern(ts, &format!("{module}.{name}"));
    ty.name.set(full.value());
}

/// Completes a type made by [`new_module_type`] or [`new_abstract_type`]
/// once its methods and slots are set: [`finish_type`], plus the
/// `__dict__` descriptor, and the finalizable flag when it has `__del__`.
pub fn ready_type(ts: &mut ThreadState, ty: Gc<TypeObj>) {
    let names = crate::interp::names();
    if ty.attrs_offset != 0 && ty.lookup(names.__dict__).is_none() {
        let d = crate::objects::object::dict_descriptor(ts, ty);
        ty.dict().set_item_str(ts, "__dict__", d);
    }
    if ty.lookup(names.__del__).is_some() {
        ty.set_flag(tflags::HAS_DEL);
    }
    finish_type(ts, ty);
}

/// Allocates an instance of `cls` holding `data`, checking that `cls` is
/// `base` (a type made for `T`) or a subclass of it, and registering the
/// instance for finalization when `finalize` and the type has `__del__`.
pub fn alloc_checked<T: NativeData>(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    base: Gc<TypeObj>,
    data: T,
    finalize: bool,
) -> PyResult<Gc<NativeObj>> {
    if !cls.is_subtype(base) || cls.instance_kind != Kind::Native {
        return Err(ts.type_error(format!(
            "{}.__new__({}): {} is not a subtype of {}",
            base.name_str(),
            cls.name_str(),
            cls.name_str(),
            base.name_str()
        )));
    }
    let g = NativeObj::new(ts, cls, data);
    if finalize && cls.has_flag(tflags::HAS_DEL) {
        crate::gc::collect::register_finalizer(&g.header);
    }
    Ok(g)
}
