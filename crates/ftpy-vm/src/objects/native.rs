//! Objects whose layout is defined outside the VM: the seam through which
//! a native module of ftpy-stdlib (`_io` first) defines its own types
//! without adding an object kind to the VM.
//!
//! # Layout
//! ```text
//! NativeObj:  [Header 16][vtable 8][payload T ...][AttrStore, if the type has one]
//! ```
//! One object kind, `Kind::Native`, for every such type. The payload is a
//! Rust struct implementing [`NativePayload`]; the vtable, written once at
//! allocation, says how the collector traces it and how sweeping drops it,
//! and which Rust type it is (so that [`payload`] can hand out a typed
//! reference safely). The payload lives inside the heap object, so a `&T`
//! held on the Rust stack keeps the object alive through the conservative
//! scan, like any interior pointer.
//!
//! # Rules for payloads (the `NativePayload` contract)
//! - Every `Value` the payload holds is in a [`Slot`](crate::gc::Slot) and
//!   is visited by `trace`. Values are never kept in a `Vec` or other Rust
//!   heap memory inside the payload: the collector would not see them.
//! - The payload is shared between threads (`Send + Sync`); its mutable
//!   parts are atomics or behind the payload's own lock. A thread that
//!   waits for such a lock must wait detached (`ThreadState::allow_threads`)
//!   so that it never holds up a collection.
//! - `Drop` frees only Rust memory; it must not touch other heap objects
//!   (they may already be swept).
//!
//! # Types
//! [`new_type`] makes a built-in (non-heap) type whose instances are
//! `NativeObj`s with payload `T`; [`new_abstract_type`] makes one whose
//! instances are plain instances (`Kind::Instance`), for abstract base
//! classes written natively (`_io._IOBase`). The caller adds methods,
//! getsets and slots, then calls [`ready_type`]. Python classes may derive
//! from either: a subclass of a native type keeps its layout (the payload
//! plus the attribute store), so the type's `__new__` allocates subclass
//! instances with [`alloc`] too.

use std::any::TypeId;

use crate::error::PyResult;
use crate::gc::Marker;
use crate::interp::{add_global_root, names, types};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::instance::{init_attr_store_at, ATTR_STORE_SIZE};
use crate::objects::typeobj::{tflags, TypeObj};
use crate::thread::ThreadState;
use crate::value::Value;

/// The Rust state of a native object. See the module doc.
///
/// # Safety
/// `trace` must visit every `Value` the payload holds (each in a `Slot`);
/// a missed one is a use-after-free. `Drop` must not touch heap objects.
pub unsafe trait NativePayload: Send + Sync + Sized + 'static {
    fn trace(&self, m: &mut Marker);
}

/// How the collector handles one payload type.
pub struct NativeVTable {
    /// The Rust type's name (debugging).
    pub name: fn() -> &'static str,
    type_id: fn() -> TypeId,
    trace: unsafe fn(usize, &mut Marker),
    drop: unsafe fn(usize),
}

struct VTableOf<T>(std::marker::PhantomData<T>);

impl<T: NativePayload> VTableOf<T> {
    const VTABLE: NativeVTable = NativeVTable {
        name: std::any::type_name::<T>,
        type_id: TypeId::of::<T>,
        trace: trace_payload::<T>,
        drop: drop_payload::<T>,
    };
}

/// # Safety
/// `addr` is the payload of a live `NativeObj` whose payload type is `T`.
unsafe fn trace_payload<T: NativePayload>(addr: usize, m: &mut Marker) {
    // SAFETY: forwarded to the caller.
    let p = unsafe { &*(addr as *const T) };
    p.trace(m);
}

/// # Safety
/// `addr` is the payload of a dead, unswept `NativeObj` of payload `T`;
/// called once.
unsafe fn drop_payload<T: NativePayload>(addr: usize) {
    // SAFETY: forwarded to the caller.
    unsafe { std::ptr::drop_in_place(addr as *mut T) }
}

/// Byte offset of the payload in a `NativeObj`.
pub const PAYLOAD_OFFSET: usize = std::mem::size_of::<NativeObj>();

/// The header part of every native object; the payload follows.
#[repr(C)]
pub struct NativeObj {
    pub header: Header,
    vtable: &'static NativeVTable,
}

const _: () = assert!(PAYLOAD_OFFSET == 24);

// SAFETY: repr(C), Header first; `trace` forwards to the payload's trace
// (the vtable was written with the payload at allocation, before the
// object could be seen by a collection).
unsafe impl HeapObj for NativeObj {
    const KIND: Kind = Kind::Native;
    fn trace(&self, m: &mut Marker) {
        // SAFETY: the vtable describes the payload at PAYLOAD_OFFSET.
        unsafe { (self.vtable.trace)(self.payload_addr(), m) }
    }
    const NEEDS_DROP: bool = true;
    unsafe fn drop_native(this: *mut Self) {
        // SAFETY: called once by the sweeper on a dead object; the vtable
        // describes its payload.
        unsafe {
            let vt = (*this).vtable;
            (vt.drop)(this as usize + PAYLOAD_OFFSET)
        }
    }
}

impl NativeObj {
    #[inline(always)]
    fn payload_addr(&self) -> usize {
        self as *const NativeObj as usize + PAYLOAD_OFFSET
    }

    /// The payload, if it is a `T`.
    #[inline]
    pub fn payload<T: NativePayload>(&self) -> Option<&T> {
        if (self.vtable.type_id)() == TypeId::of::<T>() {
            // SAFETY: the vtable says the payload at PAYLOAD_OFFSET is a T.
            Some(unsafe { &*(self.payload_addr() as *const T) })
        } else {
            None
        }
    }

    /// The vtable's payload type name (debugging).
    pub fn payload_name(&self) -> &'static str {
        (self.vtable.name)()
    }
}

/// The payload of `v`, if `v` is a native object whose payload is a `T`.
#[inline]
pub fn payload<T: NativePayload>(v: Value) -> Option<&'static T> {
    let o = v.downcast::<NativeObj>()?;
    o.obj().payload::<T>()
}

/// The bytes of an instance of a native type with payload `T` (payload
/// rounded to 8, then the attribute store when `with_dict`).
const fn layout<T>(with_dict: bool) -> (u32, u32) {
    let end = PAYLOAD_OFFSET + std::mem::size_of::<T>().div_ceil(8) * 8;
    if with_dict {
        (end as u32 + ATTR_STORE_SIZE as u32, end as u32)
    } else {
        (end as u32, 0)
    }
}

/// A new built-in type named `module.name`, deriving from `base`, whose
/// instances are native objects with payload `T` (and an attribute store,
/// `__dict__`, when `with_dict`). Instances can be weakly referenced.
/// Finish it with [`ready_type`] after adding methods and slots.
pub fn new_type<T: NativePayload>(
    ts: &mut ThreadState,
    name: &str,
    module: &str,
    base: Gc<TypeObj>,
    with_dict: bool,
) -> Gc<TypeObj> {
    const { assert!(std::mem::align_of::<T>() <= 8) };
    let (size, attrs) = layout::<T>(with_dict);
    let ty = ts.alloc(TypeObj::blank(
        Header::new(types().type_, Kind::Type, 0),
        Kind::Native,
        size,
        attrs,
    ));
    ty.set_flag(tflags::BASETYPE | tflags::WEAKREFABLE);
    // Rooted at once: the caller allocates while filling the type in.
    add_global_root(ty.value());
    finish(ts, ty, name, module, base);
    ty
}

/// Names the type as CPython names a static type of a native module:
/// `__name__` and `__qualname__` are `name`, the type's name for error
/// messages (tp_name) is `module.name`.
fn finish(ts: &mut ThreadState, ty: Gc<TypeObj>, name: &str, module: &str, base: Gc<TypeObj>) {
    crate::objects::finish_type(ts, ty, name, module, Some(base));
    let full = crate::interp::intern(ts, &format!("{module}.{name}"));
    ty.name.set(full.value());
}

/// A new built-in type whose instances are plain instances with
/// `__dict__` (an abstract base written natively, like `_io._IOBase`).
pub fn new_abstract_type(
    ts: &mut ThreadState,
    name: &str,
    module: &str,
    base: Gc<TypeObj>,
) -> Gc<TypeObj> {
    let ty = ts.alloc(TypeObj::blank(
        Header::new(types().type_, Kind::Type, 0),
        Kind::Instance,
        std::mem::size_of::<crate::objects::instance::InstanceObj>() as u32,
        16,
    ));
    ty.set_flag(tflags::BASETYPE | tflags::WEAKREFABLE);
    add_global_root(ty.value());
    finish(ts, ty, name, module, base);
    ty
}

/// Completes a type made by [`new_type`] or [`new_abstract_type`] once
/// its methods and slots are set: inherits the slots it does not define,
/// exposes its slots as dunder wrappers, adds `__dict__`, and marks it
/// finalizable when it has `__del__`.
pub fn ready_type(ts: &mut ThreadState, ty: Gc<TypeObj>) {
    crate::objects::inherit_slots(ty);
    crate::objects::slots::expose_slots(ts, ty);
    if ty.attrs_offset != 0 && ty.lookup(names().__dict__).is_none() {
        let d = crate::objects::object::dict_descriptor(ts, ty);
        ty.dict().set_item_str(ts, "__dict__", d);
    }
    if ty.lookup(names().__del__).is_some() {
        ty.set_flag(tflags::HAS_DEL);
    }
    ty.modified();
}

/// Allocates an instance of `cls` (a type made by [`new_type`] with
/// payload `T`, or a subclass of it: `base`), registering it for
/// finalization when the type has `__del__` and `finalize` is set.
pub fn alloc<T: NativePayload>(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    base: Gc<TypeObj>,
    payload: T,
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
    let (own_size, _) = layout::<T>(false);
    let size = cls.basic_size as usize;
    debug_assert!(size >= own_size as usize);
    let attrs = cls.attrs_offset as usize;
    let vtable: &'static NativeVTable = &VTableOf::<T>::VTABLE;
    let g = ts.alloc_var(size.max(own_size as usize), |p: *mut NativeObj| {
        // SAFETY: `size` bytes were reserved: the header, the vtable, the
        // payload (at PAYLOAD_OFFSET, 8-aligned, T's alignment is at most
        // 8) and, when the type has one, the attribute store.
        unsafe {
            p.write(NativeObj {
                header: Header::new(cls, Kind::Native, 0),
                vtable,
            });
            ((p as usize + PAYLOAD_OFFSET) as *mut T).write(payload);
            if attrs != 0 {
                init_attr_store_at(p as usize + attrs, 0);
            }
        }
    });
    if finalize && cls.has_flag(tflags::HAS_DEL) {
        crate::gc::collect::register_finalizer(&g.header);
    }
    Ok(g)
}
