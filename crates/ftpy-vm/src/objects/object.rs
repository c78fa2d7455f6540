//! `object`: the root type, and the generic attribute protocol every
//! type starts from (`object.__getattribute__` / `__setattr__`).

use ftpy_compiler::CompareOp;

use crate::error::PyResult;
use crate::gc::Marker;
use crate::interp::{intern, names, types, BuiltinTypes};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::instance::{attr_store, InstanceObj};
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{tflags, type_name, type_of, TypeObj};
use crate::objects::{add_getset, add_methods, classmethod, method};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

/// An instance of `object` itself: a header and nothing else.
#[repr(C)]
pub struct PlainObj {
    pub header: Header,
}

// SAFETY: repr(C), Header first, no fields.
unsafe impl HeapObj for PlainObj {
    const KIND: Kind = Kind::Object;
    fn trace(&self, _m: &mut Marker) {}
}

impl PlainObj {
    pub fn new(ts: &mut ThreadState) -> Gc<PlainObj> {
        ts.alloc(PlainObj {
            header: Header::new(types().object, Kind::Object, 0),
        })
    }
}

/// `object.__getattribute__`: data descriptors on the type, then the
/// instance's attributes, then other class attributes (bound through
/// `__get__`). `Ok(None)` when missing.
pub fn generic_getattr(
    ts: &mut ThreadState,
    obj: Value,
    name: Gc<StrObj>,
) -> PyResult<Option<Value>> {
    let ty = type_of(obj);
    let descr = ty.lookup(name);
    if let Some(d) = descr {
        let dt = type_of(d);
        if dt.slots.descr_set.get().is_some() {
            if let Some(get) = dt.slots.descr_get.get() {
                return get(ts, d, obj, ty.value()).map(Some);
            }
        }
    }
    if let Some(store) = attr_store(obj) {
        if let Some(v) = store.get(ts, name)? {
            return Ok(Some(v));
        }
    }
    if let Some(d) = descr {
        if let Some(get) = type_of(d).slots.descr_get.get() {
            return get(ts, d, obj, ty.value()).map(Some);
        }
        return Ok(Some(d));
    }
    Ok(None)
}

/// `object.__setattr__` / `__delattr__` (`v` None).
pub fn generic_setattr(
    ts: &mut ThreadState,
    obj: Value,
    name: Gc<StrObj>,
    v: Option<Value>,
) -> PyResult<()> {
    let ty = type_of(obj);
    if let Some(d) = ty.lookup(name) {
        if let Some(set) = type_of(d).slots.descr_set.get() {
            return set(ts, d, obj, v);
        }
    }
    let Some(store) = attr_store(obj) else {
        if ty.lookup(name).is_some() {
            return Err(ts.attribute_error_msg(format!(
                "'{}' object attribute '{}' is read-only",
                type_name(obj),
                name.as_str()
            )));
        }
        return Err(ts.attribute_error(obj, name));
    };
    if ty.has_flag(tflags::NO_DICT) && !slot_allowed(ty, name) {
        return Err(ts.attribute_error(obj, name));
    }
    // SAFETY: attr_store found a store, so `obj` is a heap object.
    let header = unsafe { &*(obj.addr_unchecked() as *const Header) };
    let deleting = v.is_none();
    if !store.set(ts, header, ty, name, v)? && deleting {
        return Err(ts.attribute_error(obj, name));
    }
    Ok(())
}

/// Whether `name` is a declared `__slots__` entry of `ty` or a base.
fn slot_allowed(ty: Gc<TypeObj>, name: Gc<StrObj>) -> bool {
    for t in ty.mro_tuple().items() {
        let Some(t) = t.downcast::<TypeObj>() else {
            continue;
        };
        if let Some(slots) = t.dict().get_str_text("__ftpy_slots__") {
            if let Some(tup) = slots.downcast::<TupleObj>() {
                if tup
                    .items()
                    .iter()
                    .any(|&s| crate::objects::str::as_str(s) == Some(name.as_str()))
                {
                    return true;
                }
            }
        } else if t.is_heap_type() && !t.has_flag(tflags::NO_DICT) {
            return true;
        }
    }
    false
}

/// The default `repr`: `<module.Name object at 0x...>`.
pub fn object_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let ty = type_of(v);
    let q = crate::objects::str::as_str(ty.qualname.get()).unwrap_or("?");
    let m = ty
        .dict()
        .get_str_text("__module__")
        .and_then(crate::objects::str::as_str);
    let name = match m {
        Some(m) if m != "builtins" => format!("{m}.{q}"),
        _ => q.to_string(),
    };
    let addr = if v.is_ptr() {
        v.addr_unchecked()
    } else {
        v.bits() as usize
    };
    Ok(StrObj::new(ts, &format!("<{name} object at {addr:#x}>")))
}

fn object_str(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let f = type_of(v).slots.repr.get().unwrap_or(object_repr);
    f(ts, v)
}

fn object_hash(_ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    Ok(crate::hash::hash_pointer(v))
}

fn object_richcompare(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    match op {
        CompareOp::Eq => Ok(if a == b {
            Value::TRUE
        } else {
            Value::NOT_IMPLEMENTED
        }),
        CompareOp::Ne => {
            // __ne__ inverts __eq__ unless that is NotImplemented.
            let ty = type_of(a);
            if let Some(f) = ty.slots.richcompare.get() {
                if f as usize != object_richcompare as *const () as usize {
                    let r = f(ts, a, b, CompareOp::Eq)?;
                    if r == Value::NOT_IMPLEMENTED {
                        return Ok(r);
                    }
                    let t = ops::truthy(ts, r)?;
                    return Ok(Value::from_bool(!t));
                }
            }
            Ok(if a == b {
                Value::FALSE
            } else {
                Value::NOT_IMPLEMENTED
            })
        }
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn excess_args(args: &[Value], kw: Option<Gc<TupleObj>>) -> bool {
    !args.is_empty() || kw.map(|k| !k.is_empty()).unwrap_or(false)
}

/// `object.__new__(cls, ...)`: allocates an instance of `cls`'s layout.
pub fn object_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    if excess_args(args, kw) {
        let new_overridden = cls.slots.new.raw() != object_new as *const () as usize;
        let init_is_object = cls.slots.init.raw() == object_init as *const () as usize;
        if new_overridden {
            return Err(ts.type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if init_is_object {
            return Err(ts.type_error(format!("{}() takes no arguments", cls.name_str())));
        }
    }
    if cls.has_flag(tflags::ABSTRACT) {
        return Err(abstract_error(ts, cls));
    }
    match cls.instance_kind {
        Kind::Instance => Ok(InstanceObj::new(ts, cls).value()),
        Kind::Object if cls == types().object => Ok(PlainObj::new(ts).value()),
        _ => Err(ts.type_error(format!("cannot create '{}' instances", cls.name_str()))),
    }
}

fn abstract_error(ts: &mut ThreadState, cls: Gc<TypeObj>) -> crate::error::PyErr {
    let mut names_list: Vec<String> = Vec::new();
    if let Some(am) = cls.dict().get_str(names().__abstractmethods__) {
        if let Ok(items) = ops::collect(ts, am) {
            for &n in items.iter() {
                if let Some(s) = crate::objects::str::as_str(n) {
                    names_list.push(s.to_string());
                }
            }
        }
    }
    names_list.sort();
    let n = names_list.len();
    let list = names_list
        .iter()
        .map(|s| format!("'{s}'"))
        .collect::<Vec<_>>()
        .join(", ");
    ts.type_error(format!(
        "Can't instantiate abstract class {} with abstract method{} {}",
        cls.name_str(),
        if n == 1 { "" } else { "s" },
        list
    ))
}

/// `object.__init__`.
pub fn object_init(
    ts: &mut ThreadState,
    v: Value,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<()> {
    if excess_args(args, kw) {
        let ty = type_of(v);
        let init_overridden = ty.slots.init.raw() != object_init as *const () as usize;
        let new_is_object = ty.slots.new.raw() == object_new as *const () as usize;
        if init_overridden {
            return Err(ts.type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        if new_is_object {
            return Err(ts.type_error(format!("{}() takes no arguments", ty.name_str())));
        }
    }
    Ok(())
}

fn get_class(_ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(type_of(v).value())
}

fn set_class(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let Some(new) = x.and_then(|t| t.downcast::<TypeObj>()) else {
        return Err(ts.type_error("__class__ must be set to a class"));
    };
    let old = type_of(v);
    let Some(h) = v.header() else {
        return Err(ts.type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    };
    if (!old.is_heap_type() || !new.is_heap_type())
        && !(h.kind() == Kind::Module && new.is_subtype(types().module))
    {
        return Err(ts.type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    if new.instance_kind != old.instance_kind || new.attrs_offset != old.attrs_offset {
        return Err(ts.type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            new.name_str(),
            old.name_str()
        )));
    }
    h.set_ty(new);
    Ok(())
}

fn get_dict(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let Some(store) = attr_store(v) else {
        let n = intern(ts, "__dict__");
        return Err(ts.attribute_error(v, n));
    };
    // SAFETY: attr_store found a store, so `v` is a heap object.
    let header = unsafe { &*(v.addr_unchecked() as *const Header) };
    Ok(store.to_dict_mode(ts, header)?.value())
}

fn set_dict(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let Some(new) = x.and_then(|d| d.downcast::<crate::objects::dict::DictObj>()) else {
        return Err(ts.type_error("__dict__ must be set to a dictionary"));
    };
    let d = get_dict(ts, v)?;
    if let Some(cur) = d.downcast::<crate::objects::dict::DictObj>() {
        cur.clear(ts);
        cur.update_from_dict(ts, new)?;
    }
    Ok(())
}

fn m_format(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let this = args[0];
    let spec = match args.get(1) {
        Some(&s) => crate::objects::str::expect_str(ts, s, "format spec")?,
        None => return Err(ts.type_error("__format__() takes exactly one argument (0 given)")),
    };
    if spec.byte_len() > 0 {
        return Err(ts.type_error(format!(
            "unsupported format string passed to {}.__format__",
            type_name(this)
        )));
    }
    Ok(ops::str_(ts, this)?.value())
}

fn m_dir(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let this = args[0];
    let result = crate::objects::dict::DictObj::new(ts);
    if let Some(store) = attr_store(this) {
        let items = store.items(ts)?;
        for kv in items.chunks(2) {
            result.set_item(ts, kv[0], Value::NONE)?;
        }
    }
    let ty = type_of(this);
    for t in ty.mro_tuple().items().to_vec() {
        if let Some(t) = t.downcast::<TypeObj>() {
            let items = t.dict().items_rooted(ts);
            for pair in items.chunks(2) {
                result.set_item(ts, pair[0], Value::NONE)?;
            }
        }
    }
    let items = result.items_rooted(ts);
    let keys: Vec<Value> = items.chunks(2).map(|p| p[0]).collect();
    Ok(crate::objects::list::ListObj::new(ts, &keys).value())
}

fn m_sizeof(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let ty = type_of(args[0]);
    let _ = ts;
    Ok(Value::small_int_unchecked(ty.basic_size as i64))
}

fn m_init_subclass(
    _ts: &mut ThreadState,
    _args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn m_subclasshook(
    _ts: &mut ThreadState,
    _args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    Ok(Value::NOT_IMPLEMENTED)
}

fn m_reduce_ex(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    // copyreg-style reduction: (copyreg.__newobj__, (cls,), state).
    let this = args[0];
    let ty = type_of(this);
    let state = match attr_store(this) {
        Some(store) => {
            let d = crate::objects::dict::DictObj::new(ts);
            let items = store.items(ts)?;
            for kv in items.chunks(2) {
                d.set_item(ts, kv[0], kv[1])?;
            }
            if d.is_empty() {
                Value::NONE
            } else {
                d.value()
            }
        }
        None => Value::NONE,
    };
    let copyreg = crate::import::import_simple(ts, "copyreg")?;
    let newobj = ops::getattr_str(ts, copyreg, "__newobj__")?;
    let cls_args = TupleObj::new(ts, &[ty.value()]);
    Ok(TupleObj::new(ts, &[newobj, cls_args.value(), state]).value())
}

/// `object.__reduce_ex__`: a class that overrides `__reduce__` is reduced
/// by it (`functools.partial`, `deque` ...), as in CPython.
fn m_reduce_ex_dispatch(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let this = args[0];
    let own = types().object.dict().get_str(names().__reduce__);
    if let Some(r) = type_of(this).lookup(names().__reduce__) {
        if Some(r) != own {
            let f = ops::getattr(ts, this, names().__reduce__)?;
            return ops::call0(ts, f);
        }
    }
    m_reduce_ex(ts, args, kw)
}

fn m_getstate(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    match attr_store(args[0]) {
        Some(store) => {
            let items = store.items(ts)?;
            if items.is_empty() {
                return Ok(Value::NONE);
            }
            let d = crate::objects::dict::DictObj::new(ts);
            for kv in items.chunks(2) {
                d.set_item(ts, kv[0], kv[1])?;
            }
            Ok(d.value())
        }
        None => Ok(Value::NONE),
    }
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let ty = t.object;
    let s = &ty.slots;
    s.repr.set(Some(object_repr));
    s.str.set(Some(object_str));
    s.hash.set(Some(object_hash));
    s.richcompare.set(Some(object_richcompare));
    s.getattro.set(Some(generic_getattr));
    s.setattro.set(Some(generic_setattr));
    s.new.set(Some(object_new));
    s.init.set(Some(object_init));
    add_getset(ts, ty, "__class__", get_class, Some(set_class));
    add_methods(
        ts,
        ty,
        &[
            method("__format__", m_format),
            method("__dir__", m_dir),
            method("__sizeof__", m_sizeof),
            classmethod("__init_subclass__", m_init_subclass),
            classmethod("__subclasshook__", m_subclasshook),
            method("__reduce_ex__", m_reduce_ex_dispatch),
            method("__reduce__", m_reduce_ex),
            method("__getstate__", m_getstate),
        ],
    );
}

/// The `__dict__` descriptor heap types with instance attributes get.
pub fn dict_descriptor(ts: &mut ThreadState, owner: Gc<TypeObj>) -> Value {
    crate::objects::builtin::BuiltinObj::new_getset(ts, "__dict__", get_dict, Some(set_dict), owner)
}
