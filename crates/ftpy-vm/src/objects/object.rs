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
    } else if let Some(t) = obj.downcast::<crate::objects::typeobj::TypeObj>() {
        // A class's own namespace is its instance dict here, as CPython's
        // `type` sets `tp_dictoffset` to it (`object.__getattribute__(C,
        // '__doc__')` is C's docstring, not its metaclass's); what it holds
        // is returned as it is, unbound.
        if let Some(v) = t.dict().get_str(name) {
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

/// `object.__getattribute__` for objects whose instance dict is a field
/// of their own (classmethod, staticmethod ...): data descriptors on the
/// type, then `dict`, then the type's other attributes.
pub fn getattr_with_dict(
    ts: &mut ThreadState,
    obj: Value,
    name: Gc<StrObj>,
    dict: Option<Gc<crate::objects::dict::DictObj>>,
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
    if let Some(dict) = dict {
        if let Some(v) = dict.get_item_opt(ts, name.value())? {
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
    let store = match attr_store(obj) {
        Some(s) if !ty.has_flag(tflags::NO_DICT) => s,
        _ => {
            if ty.lookup(name).is_some() {
                return Err(ts.attribute_error_msg(format!(
                    "'{}' object attribute '{}' is read-only",
                    type_name(obj),
                    name.as_str()
                )));
            }
            return Err(ts.attribute_error(obj, name));
        }
    };
    // SAFETY: attr_store found a store, so `obj` is a heap object.
    let header = unsafe { &*(obj.addr_unchecked() as *const Header) };
    let deleting = v.is_none();
    if !store.set(ts, header, ty, name, v)? && deleting {
        return Err(ts.attribute_error(obj, name));
    }
    Ok(())
}

/// The default `repr`: `<module.Name object at 0x...>`.
pub fn object_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let ty = type_of(v);
    let q = crate::objects::str::as_str(ty.qualname.get()).unwrap_or("?");
    let name = match ty.module_str() {
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
        .map(|s| s.to_string())
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
            return Err(ts.type_error(format!(
                "{}.__init__() takes exactly one argument (the instance to initialize)",
                ty.name_str()
            )));
        }
    }
    Ok(())
}

fn get_class(_ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(type_of(v).value())
}

fn set_class(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let Some(x) = x else {
        return Err(ts.type_error("can't delete __class__ attribute"));
    };
    let Some(new) = x.downcast::<TypeObj>() else {
        return Err(ts.type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            type_name(x)
        )));
    };
    let old = type_of(v);
    let module = types().module;
    let both_modules = new.is_subtype(module) && old.is_subtype(module);
    let Some(h) = v.header() else {
        return Err(ts.type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    };
    if !both_modules && (!old.is_heap_type() || !new.is_heap_type()) {
        return Err(ts.type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    if !same_layout(old, new) {
        return Err(ts.type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            new.tp_name_str(),
            old.tp_name_str()
        )));
    }
    h.set_ty(new);
    Ok(())
}

/// Whether instances of `a` can become instances of `b`.
fn same_layout(a: Gc<TypeObj>, b: Gc<TypeObj>) -> bool {
    a.instance_kind == b.instance_kind
        && a.attrs_offset == b.attrs_offset
        && crate::objects::typeobj_new::compatible_for_assignment(a, b)
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
    // `del obj.__dict__` starts a fresh one (as CPython 3.11 allows).
    let x = match x {
        Some(x) => x,
        None => crate::objects::dict::DictObj::new(ts).value(),
    };
    let Some(new) = x.downcast::<crate::objects::dict::DictObj>() else {
        return Err(ts.type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            type_name(x)
        )));
    };
    let Some(store) = attr_store(v) else {
        let n = intern(ts, "__dict__");
        return Err(ts.attribute_error(v, n));
    };
    // SAFETY: attr_store found a store, so `v` is a heap object.
    let header = unsafe { &*(v.addr_unchecked() as *const Header) };
    store.replace_dict(header, new);
    Ok(())
}

fn m_format(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("object.__format__($self, format_spec, /)");
    let [_, _] = SIG.bind(ts, args, kw)?;
    let this = args[0];
    let spec = match args.get(1) {
        Some(&s) => match s.downcast::<StrObj>() {
            Some(s) => s,
            None => {
                return Err(ts.type_error(format!(
                    "__format__() argument must be str, not {}",
                    type_name(s)
                )))
            }
        },
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

/// `object.__dir__`: the instance's `__dict__` keys and those of its
/// `__class__` and the class's bases (CPython's merge_class_dict).
fn m_dir(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("object.__dir__($self, /)");
    let [_] = SIG.bind(ts, args, kw)?;
    let this = args[0];
    let result = crate::objects::dict::DictObj::new(ts);
    if let Some(d) = ops::getattr_opt(ts, this, names().__dict__)? {
        match d.downcast::<crate::objects::dict::DictObj>() {
            Some(d) => result.update_from_dict(ts, d)?,
            None => {
                return Err(
                    ts.type_error(format!("{}.__dict__ is not a dictionary", type_name(this)))
                )
            }
        }
    }
    if let Some(cls) = ops::getattr_opt(ts, this, names().__class__)? {
        merge_class_dict(ts, result, cls)?;
    }
    let items = result.items_rooted(ts);
    let mut keys = crate::gc::RootedVec::with_capacity(ts, items.len() / 2);
    for p in items.chunks(2) {
        keys.push(p[0]);
    }
    Ok(crate::objects::list::ListObj::new(ts, &keys).value())
}

/// Adds the keys of `cls.__dict__` and, recursively, of its `__bases__`'
/// dicts to `result` (attributes looked up as CPython does, so a class
/// may present others).
pub fn merge_class_dict(
    ts: &mut ThreadState,
    result: Gc<crate::objects::dict::DictObj>,
    cls: Value,
) -> PyResult<()> {
    ts.enter_recursive_call(" in __dir__")?;
    let r = merge_class_dict_inner(ts, result, cls);
    ts.leave_recursive_call();
    r
}

fn merge_class_dict_inner(
    ts: &mut ThreadState,
    result: Gc<crate::objects::dict::DictObj>,
    cls: Value,
) -> PyResult<()> {
    if let Some(d) = ops::getattr_opt(ts, cls, names().__dict__)? {
        let keys = ops::collect(ts, d)?;
        for &k in keys.iter() {
            result.set_item(ts, k, Value::NONE)?;
        }
    }
    if let Some(bases) = ops::getattr_opt(ts, cls, names().__bases__)? {
        let bases = ops::collect(ts, bases)?;
        for &b in bases.iter() {
            merge_class_dict(ts, result, b)?;
        }
    }
    Ok(())
}

fn m_sizeof(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("object.__sizeof__($self, /)");
    let [_] = SIG.bind(ts, args, kw)?;
    let ty = type_of(args[0]);
    let _ = ts;
    Ok(Value::small_int_unchecked(ty.basic_size as i64))
}

/// `object.__init_subclass__()`: takes nothing (named after the class it
/// is bound to, as CPython's message does).
fn m_init_subclass(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let cls = args
        .first()
        .and_then(|c| c.downcast::<TypeObj>())
        .map(|t| t.name_str())
        .unwrap_or("object");
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    if nkw > 0 {
        return Err(ts.type_error(format!(
            "{cls}.__init_subclass__() takes no keyword arguments"
        )));
    }
    if args.len() > 1 {
        return Err(ts.type_error(format!(
            "{cls}.__init_subclass__() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    Ok(Value::NONE)
}

fn m_subclasshook(
    _ts: &mut ThreadState,
    _args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    Ok(Value::NOT_IMPLEMENTED)
}

/// `object.__reduce_ex__(protocol)`: a class's own `__reduce__` if it has
/// one, else the copyreg protocol (`__newobj__` for protocol 2+).
fn m_reduce_ex(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("object.__reduce_ex__($self, protocol, /)");
    let [_, _] = SIG.bind(ts, args, kw)?;
    let this = args[0];
    let proto = ops::index_to_i64(ts, args[1])?;
    let reduce = intern(ts, "__reduce__");
    let own = type_of(this).lookup(reduce);
    let default = types().object.dict().get_str(reduce);
    if own.is_some_and(|f| Some(f) != default) {
        // As CPython: the override is fetched from the object (so a
        // classmethod or an instance attribute behaves as attribute access
        // does) and called with no arguments.
        let f = ops::getattr(ts, this, reduce)?;
        return ops::call0(ts, f);
    }
    common_reduce(ts, this, proto)
}

fn m_reduce(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("object.__reduce__($self, /)");
    let [_] = SIG.bind(ts, args, kw)?;
    common_reduce(ts, args[0], 0)
}

fn common_reduce(ts: &mut ThreadState, obj: Value, proto: i64) -> PyResult<Value> {
    let copyreg = crate::import::import_simple(ts, "copyreg")?;
    if proto >= 2 {
        return reduce_newobj(ts, copyreg, obj);
    }
    let f = ops::getattr_str(ts, copyreg, "_reduce_ex")?;
    let p = Value::small_int_unchecked(proto);
    ops::call2(ts, f, obj, p)
}

/// CPython's `reduce_newobj`: `(copyreg.__newobj__, (cls, *args), state,
/// listitems, dictitems)`, or `__newobj_ex__` with keyword arguments.
fn reduce_newobj(ts: &mut ThreadState, copyreg: Value, obj: Value) -> PyResult<Value> {
    let ty = type_of(obj);
    if ty.slots.new.get().is_none() {
        return Err(ts.type_error(format!("cannot pickle '{}' object", ty.name_str())));
    }
    // __getnewargs_ex__, then __getnewargs__.
    let mut args = Value::NULL;
    let mut kwargs = Value::NULL;
    if let Some(f) = ops::getattr_str_opt(ts, obj, "__getnewargs_ex__")? {
        let r = ops::call0(ts, f)?;
        let Some(t) = r.downcast::<TupleObj>() else {
            return Err(ts.type_error(format!(
                "__getnewargs_ex__ should return a tuple, not '{}'",
                type_name(r)
            )));
        };
        if t.len() != 2 {
            return Err(ts.value_error(format!(
                "__getnewargs_ex__ should return a tuple of length 2, not {}",
                t.len()
            )));
        }
        let (a, k) = (t.items()[0], t.items()[1]);
        if a.downcast::<TupleObj>().is_none() {
            return Err(ts.type_error(format!(
                "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{}'",
                type_name(a)
            )));
        }
        if k.downcast::<crate::objects::dict::DictObj>().is_none() {
            return Err(ts.type_error(format!(
                "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{}'",
                type_name(k)
            )));
        }
        args = a;
        kwargs = k;
    } else if let Some(f) = ops::getattr_str_opt(ts, obj, "__getnewargs__")? {
        let r = ops::call0(ts, f)?;
        if r.downcast::<TupleObj>().is_none() {
            return Err(ts.type_error(format!(
                "__getnewargs__ should return a tuple, not '{}'",
                type_name(r)
            )));
        }
        args = r;
    }
    let hasargs = !args.is_null();
    let is_list = ty.is_subtype(types().list);
    let is_dict = ty.is_subtype(types().dict);
    let kw_empty = kwargs
        .downcast::<crate::objects::dict::DictObj>()
        .map(|d| d.is_empty())
        .unwrap_or(true);
    let (newobj, newargs) = if kw_empty {
        let f = ops::getattr_str(ts, copyreg, "__newobj__")?;
        let mut all = crate::gc::RootedVec::new(ts);
        all.push(ty.value());
        if let Some(a) = args.downcast::<TupleObj>() {
            all.extend_from_slice(a.items());
        }
        (f, TupleObj::new(ts, &all).value())
    } else {
        let f = ops::getattr_str(ts, copyreg, "__newobj_ex__")?;
        let t = TupleObj::new(ts, &[ty.value(), args, kwargs]);
        (f, t.value())
    };
    let required = !hasargs && !is_list && !is_dict;
    let state = object_getstate(ts, obj, required)?;
    let listitems = if is_list {
        ops::iter(ts, obj)?
    } else {
        Value::NONE
    };
    let dictitems = if is_dict {
        let items = ops::call_method(ts, obj, names().items, &[])?;
        ops::iter(ts, items)?
    } else {
        Value::NONE
    };
    Ok(TupleObj::new(ts, &[newobj, newargs, state, listitems, dictitems]).value())
}

/// `obj.__getstate__()` through the type (a class's own, or object's).
fn object_getstate(ts: &mut ThreadState, obj: Value, required: bool) -> PyResult<Value> {
    let n = names().__getstate__;
    let own = type_of(obj).lookup(n);
    let default = types().object.dict().get_str(n);
    match own {
        Some(f) if Some(f) != default => ops::call_unbound(ts, f, obj, &[], None),
        _ => getstate_default(ts, obj, required),
    }
}

/// `object.__getstate__`: the instance dict (None if empty), paired with
/// a dict of the set `__slots__` values if there are any.
fn getstate_default(ts: &mut ThreadState, obj: Value, required: bool) -> PyResult<Value> {
    let ty = type_of(obj);
    let mut state = Value::NONE;
    if !ty.has_flag(tflags::NO_DICT) {
        if let Some(store) = attr_store(obj) {
            let empty = match store.dict() {
                Some(d) => d.is_empty(),
                None => store.shape().is_empty(),
            };
            if !empty {
                state = get_dict(ts, obj)?;
            }
        }
    }
    // copyreg._slotnames caches the names in the class, as in CPython.
    let copyreg = crate::import::import_simple(ts, "copyreg")?;
    let slotnames = match ty.dict().get_str_text("__slotnames__") {
        Some(v) => v,
        None => {
            let f = ops::getattr_str(ts, copyreg, "_slotnames")?;
            ops::call1(ts, f, ty.value())?
        }
    };
    if required
        && crate::objects::typeobj_new::solid_base(ty).instance_kind != Kind::Instance
        && crate::objects::typeobj_new::solid_base(ty) != types().object
    {
        return Err(ts.type_error(format!("cannot pickle '{}' object", ty.name_str())));
    }
    if !slotnames.is_none() {
        let names_list = ops::collect(ts, slotnames)?;
        if !names_list.is_empty() {
            let slots = crate::objects::dict::DictObj::new(ts);
            for &n in names_list.iter() {
                let Some(ns) = n.downcast::<StrObj>() else {
                    continue;
                };
                if let Some(v) = ops::getattr_opt(ts, obj, ns)? {
                    slots.set_item(ts, n, v)?;
                }
            }
            if !slots.is_empty() {
                return Ok(TupleObj::new(ts, &[state, slots.value()]).value());
            }
        }
    }
    Ok(state)
}

fn m_getstate(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("object.__getstate__($self, /)");
    let [_] = SIG.bind(ts, args, kw)?;
    getstate_default(ts, args[0], false)
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
            method("__reduce_ex__", m_reduce_ex),
            method("__reduce__", m_reduce),
            method("__getstate__", m_getstate),
        ],
    );
}

/// The `__dict__` descriptor heap types with instance attributes get.
pub fn dict_descriptor(ts: &mut ThreadState, owner: Gc<TypeObj>) -> Value {
    crate::objects::builtin::BuiltinObj::new_getset(ts, "__dict__", get_dict, Some(set_dict), owner)
}

/// `obj.__weakref__`: the oldest weak reference to `obj`, or None.
fn get_weakref(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let first = crate::objects::weakref::weakrefs_to(ts, v).first().copied();
    Ok(first.unwrap_or(Value::NONE))
}

/// The `__weakref__` descriptor of classes whose instances can be weakly
/// referenced.
pub fn weakref_descriptor(ts: &mut ThreadState, owner: Gc<TypeObj>) -> Value {
    crate::objects::builtin::BuiltinObj::new_getset(ts, "__weakref__", get_weakref, None, owner)
}
