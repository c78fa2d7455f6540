//! The built-in types: one file per Python type, named after it.
//!
//! Each file defines the type's layout (a `#[repr(C)]` struct starting
//! with a `Header`), its native slots and its methods, and an
//! `init(ts, types)` that fills the type object at start-up.

pub mod anext_awaitable;
pub mod array;
pub mod async_generator;
pub mod builtin;
pub mod bytearray;
pub mod bytes;
pub mod cell;
pub mod code;
pub mod complex;
pub mod coroutine_wrapper;
pub mod descriptors;
pub mod dict;
pub mod exception;
pub mod exception_group;
pub mod float;
pub mod frame;
pub mod function;
pub mod generator;
pub mod genericalias;
pub mod instance;
pub mod int;
pub mod iterators;
pub mod list;
pub mod mappingproxy;
pub mod memoryview;
pub mod method;
pub mod module;
pub mod native;
pub mod none;
pub mod object;
pub mod range;
pub mod set;
pub mod slice;
pub mod slots;
pub mod str;
pub mod stream;
pub mod structseq;
pub mod superobj;
pub mod traceback;
pub mod tuple;
pub mod typeobj;
pub mod union;
pub mod weakref;

use crate::error::PyResult;
use crate::interp::{intern, names, BuiltinTypes};
use crate::object::Gc;
use crate::thread::ThreadState;
use crate::value::Value;
use tuple::TupleObj;
use typeobj::TypeObj;

/// A native function: positional arguments, then keyword values named by
/// `kwnames`. For methods, `args[0]` is `self`.
pub type NativeFn = fn(&mut ThreadState, &[Value], Option<Gc<TupleObj>>) -> PyResult<Value>;

/// How a native method binds.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum MethodKind {
    /// An instance method (`method_descriptor`): `args[0]` is self.
    Method,
    /// A class method: `args[0]` is the class.
    Class,
    /// A static method / plain function.
    Static,
}

/// A method table entry.
pub struct MethodDef {
    pub name: &'static str,
    pub func: NativeFn,
    pub kind: MethodKind,
}

/// Shorthand for a method table entry.
pub const fn method(name: &'static str, func: NativeFn) -> MethodDef {
    MethodDef {
        name,
        func,
        kind: MethodKind::Method,
    }
}

pub const fn classmethod(name: &'static str, func: NativeFn) -> MethodDef {
    MethodDef {
        name,
        func,
        kind: MethodKind::Class,
    }
}

pub const fn staticmethod(name: &'static str, func: NativeFn) -> MethodDef {
    MethodDef {
        name,
        func,
        kind: MethodKind::Static,
    }
}

/// A native attribute getter.
pub type GetterFn = fn(&mut ThreadState, Value) -> PyResult<Value>;
/// A native attribute setter (`None` deletes).
pub type SetterFn = fn(&mut ThreadState, Value, Option<Value>) -> PyResult<()>;

/// Adds methods to a type's dict.
pub fn add_methods(ts: &mut ThreadState, ty: Gc<TypeObj>, defs: &[MethodDef]) {
    for d in defs {
        let f = builtin::BuiltinObj::new_method(ts, d.name, d.func, d.kind, ty);
        ty.dict().set_item_str(ts, d.name, f);
    }
    ty.modified();
}

/// Adds a native data descriptor (`getset_descriptor`) to a type.
pub fn add_getset(
    ts: &mut ThreadState,
    ty: Gc<TypeObj>,
    name: &'static str,
    get: GetterFn,
    set: Option<SetterFn>,
) {
    let d = builtin::BuiltinObj::new_getset(ts, name, get, set, ty);
    ty.dict().set_item_str(ts, name, d);
    ty.modified();
}

/// Sets a plain attribute in a type's dict.
pub fn set_type_attr(ts: &mut ThreadState, ty: Gc<TypeObj>, name: &str, v: Value) {
    ty.dict().set_item_str(ts, name, v);
    ty.modified();
}

/// Names a type, gives it a dict and its bases, and computes its MRO.
pub fn finish_type(
    ts: &mut ThreadState,
    ty: Gc<TypeObj>,
    name: &str,
    module: &str,
    base: Option<Gc<TypeObj>>,
) {
    let n = intern(ts, name);
    ty.name.set(n.value());
    ty.qualname.set(n.value());
    let d = dict::DictObj::new(ts);
    ty.dict.set(d.value());
    // A built-in type's dict has no `__module__`, as CPython's static
    // types': `type.__module__` answers from the tp_name (`weakref` for
    // `weakref.ReferenceType`, else 'builtins'), and instances
    // (`(1.5).__module__`) have no such attribute. Native types modelled
    // on CPython's heap types add it (`objects::native::new_type`).
    if module != "builtins" {
        let full = intern(ts, &format!("{module}.{name}"));
        ty.tp_name.set(full.value());
    }
    let subs = list::ListObj::new(ts, &[]);
    ty.subclasses.set(subs.value());
    match base {
        Some(b) => {
            ty.base.set(b.value());
            let bases = TupleObj::new(ts, &[b.value()]);
            ty.bases.set(bases.value());
            let bm = b.mro_tuple();
            let mut mro = vec![ty.value()];
            mro.extend_from_slice(bm.items());
            let mro = TupleObj::new(ts, &mro);
            ty.mro.set(mro.value());
            if let Some(l) = b.subclasses.get().downcast::<list::ListObj>() {
                l.append(ts, ty.value());
            }
        }
        None => {
            let bases = TupleObj::new(ts, &[]);
            ty.bases.set(bases.value());
            let mro = TupleObj::new(ts, &[ty.value()]);
            ty.mro.set(mro.value());
        }
    }
}

/// Fills in every built-in type (names, dicts, slots, methods).
pub fn init_builtin_types(ts: &mut ThreadState, t: &BuiltinTypes) {
    // Names, dicts and MROs first: method tables need dicts, and the slot
    // inheritance below reads bases.
    let object = t.object;
    finish_type(ts, object, "object", "builtins", None);
    for (ty, name) in t.all() {
        if ty == object || ty.flags() & typeobj::tflags::EXCEPTION != 0 {
            continue;
        }
        if exception::is_exception_name(name) {
            continue;
        }
        let base = if ty == t.bool { t.int } else { object };
        let module = match name {
            "TextIOWrapper" => "_io",
            "ReferenceType" | "ProxyType" | "CallableProxyType" => "weakref",
            "GenericAlias" | "UnionType" => "types",
            _ => "builtins",
        };
        finish_type(ts, ty, name, module, Some(base));
    }
    exception::init_hierarchy(ts, t);

    object::init(ts, t);
    typeobj_init::init(ts, t);
    int::init(ts, t);
    float::init(ts, t);
    complex::init(ts, t);
    self::str::init(ts, t);
    bytes::init(ts, t);
    tuple::init(ts, t);
    list::init(ts, t);
    dict::init(ts, t);
    set::init(ts, t);
    range::init(ts, t);
    slice::init(ts, t);
    none::init(ts, t);
    function::init(ts, t);
    builtin::init(ts, t);
    method::init(ts, t);
    code::init(ts, t);
    cell::init(ts, t);
    module::init(ts, t);
    exception::init(ts, t);
    traceback::init(ts, t);
    frame::init(ts, t);
    generator::init(ts, t);
    descriptors::init(ts, t);
    superobj::init(ts, t);
    iterators::init(ts, t);
    weakref::init(ts, t);
    genericalias::init(ts, t);
    union::init(ts, t);
    async_generator::init(ts, t);
    coroutine_wrapper::init(ts, t);
    anext_awaitable::init(ts, t);
    exception_group::init(ts, t);
    memoryview::init(ts, t);
    mappingproxy::init(ts, t);
    // Built-in subclasses inherit the slots they do not define (bool gets
    // int's arithmetic, every exception BaseException's ...), bases first.
    let mut done: Vec<Gc<TypeObj>> = Vec::new();
    let mut all: Vec<Gc<TypeObj>> = t.all().into_iter().map(|(ty, _)| ty).collect();
    all.extend(t.exceptions.lock().iter().copied());
    for ty in all.iter().copied() {
        inherit_slots_rec(ty, &mut done);
    }
    // Every built-in type's slots become dunder wrappers in its dict.
    for (ty, _) in t.all() {
        slots::expose_slots(ts, ty);
    }
    for ty in t.exceptions.lock().clone() {
        slots::expose_slots(ts, ty);
    }
    // str's truth slot is only a fast path for its length: CPython's str
    // has no `__bool__` (dir(str) and UserString's protocol tests show it).
    let _ = t.str.dict().del_item_opt(ts, names().__bool__.value());
    // Every built-in type has `__doc__` in its dict, so instances answer
    // `obj.__doc__` (CPython's are docstrings; ftpy's are None for now).
    for ty in all.iter() {
        if ty.dict().get_str_text("__doc__").is_none() {
            ty.dict().set_item_str(ts, "__doc__", Value::NONE);
        }
    }
    // Built-in type dicts were filled piecemeal: forget any lookup cached
    // on the way.
    for ty in all {
        ty.modified();
    }
}

pub mod typeobj_bases;
pub mod typeobj_init;
pub mod typeobj_new;

fn inherit_slots_rec(ty: Gc<TypeObj>, done: &mut Vec<Gc<TypeObj>>) {
    if done.contains(&ty) {
        return;
    }
    done.push(ty);
    let Some(base) = ty.base.get().downcast::<TypeObj>() else {
        return;
    };
    inherit_slots_rec(base, done);
    inherit_slots_from_base(ty);
}

/// Fills the slots `ty` does not define with its base's (built-in and
/// native types; classes get theirs from `slots::update_slots`).
pub fn inherit_slots_from_base(ty: Gc<TypeObj>) {
    let Some(base) = ty.base.get().downcast::<TypeObj>() else {
        return;
    };
    ty.slots.inherit_missing(&base.slots);
}
