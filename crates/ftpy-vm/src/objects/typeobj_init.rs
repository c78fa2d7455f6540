//! The `type` type itself: attribute access on classes and the attributes
//! of classes (`__name__`, `__dict__`, `mro()` ...). Creating and calling
//! classes is in `typeobj_new`.

use crate::error::PyResult;
use crate::gc::RootedVec;
use crate::interp::{intern, names, types, BuiltinTypes};
use crate::object::{Gc, Kind};
use crate::objects::dict::DictObj;
use crate::objects::list::ListObj;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{tflags, type_name, type_of, TypeObj};
use crate::objects::typeobj_new::{c3_mro, type_call, type_new};
use crate::objects::{add_getset, add_methods, classmethod, method};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

fn as_type(ts: &mut ThreadState, v: Value) -> PyResult<Gc<TypeObj>> {
    v.downcast::<TypeObj>().ok_or_else(|| {
        ts.type_error(format!(
            "descriptor requires a 'type' object but received a '{}'",
            type_name(v)
        ))
    })
}

fn type_init(
    ts: &mut ThreadState,
    _v: Value,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<()> {
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    let n = args.len() - nkw;
    if n != 1 && n != 3 {
        return Err(ts.type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(())
}

/// Attribute lookup on a class: metaclass data descriptors, then the
/// class's MRO (binding descriptors with no instance), then the
/// metaclass's other attributes.
pub fn type_getattro(
    ts: &mut ThreadState,
    obj: Value,
    name: Gc<StrObj>,
) -> PyResult<Option<Value>> {
    let cls = as_type(ts, obj)?;
    let meta = type_of(obj);
    let meta_attr = meta.lookup(name);
    let mut meta_get = None;
    if let Some(m) = meta_attr {
        let mt = type_of(m);
        meta_get = mt.slots.descr_get.get();
        if let Some(get) = meta_get {
            if mt.slots.descr_set.get().is_some() {
                return get(ts, m, obj, meta.value()).map(Some);
            }
        }
    }
    if let Some(a) = cls.lookup(name) {
        if let Some(get) = type_of(a).slots.descr_get.get() {
            return get(ts, a, Value::NULL, obj).map(Some);
        }
        return Ok(Some(a));
    }
    if let Some(m) = meta_attr {
        if let Some(get) = meta_get {
            return get(ts, m, obj, meta.value()).map(Some);
        }
        return Ok(Some(m));
    }
    Ok(None)
}

/// Setting an attribute on a class: in its dict, with a version bump and
/// slot update for dunders.
pub fn type_setattro(
    ts: &mut ThreadState,
    obj: Value,
    name: Gc<StrObj>,
    v: Option<Value>,
) -> PyResult<()> {
    let cls = as_type(ts, obj)?;
    let meta = type_of(obj);
    if let Some(d) = meta.lookup(name) {
        if let Some(set) = type_of(d).slots.descr_set.get() {
            return set(ts, d, obj, v);
        }
    }
    if !cls.is_heap_type() {
        return Err(ts.type_error(format!(
            "cannot set '{}' attribute of immutable type '{}'",
            name.as_str(),
            cls.tp_name_str()
        )));
    }
    let name = crate::interp::intern_str(ts, name);
    let d = cls.dict();
    match v {
        Some(v) => d.set_item(ts, name.value(), v)?,
        None => {
            if !d.del_item_opt(ts, name.value())? {
                return Err(ts.attribute_error(obj, name));
            }
        }
    }
    cls.modified();
    let s = name.as_str();
    if s.starts_with("__") && s.ends_with("__") {
        crate::objects::typeobj_bases::update_slots_recursive(cls);
    }
    Ok(())
}

fn type_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let t = as_type(ts, v)?;
    let q = crate::objects::str::as_str(t.qualname.get()).unwrap_or("?");
    let s = match t.module_str() {
        Some(m) if m != "builtins" => format!("<class '{m}.{q}'>"),
        _ => format!("<class '{q}'>"),
    };
    Ok(StrObj::new(ts, &s))
}

fn get_name(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let t = as_type(ts, v)?;
    // A built-in type of a native module is named `module.Name` (CPython's
    // tp_name, which error messages show); `__name__` is the last part.
    if !t.is_heap_type() {
        if let Some((_, last)) = t.name_str().rsplit_once('.') {
            return Ok(StrObj::new(ts, last));
        }
    }
    Ok(t.name.get())
}

/// The checks CPython's `check_set_special_type_attr` makes before a
/// `__name__` / `__qualname__` / `__module__` / `__doc__` store.
fn check_special_set(
    ts: &mut ThreadState,
    t: Gc<TypeObj>,
    x: Option<Value>,
    attr: &str,
) -> PyResult<Value> {
    if !t.is_heap_type() {
        return Err(ts.type_error(format!(
            "cannot set '{attr}' attribute of immutable type '{}'",
            t.tp_name_str()
        )));
    }
    match x {
        Some(x) => Ok(x),
        None => Err(ts.type_error(format!(
            "cannot delete '{attr}' attribute of immutable type '{}'",
            t.tp_name_str()
        ))),
    }
}

fn set_name(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let t = as_type(ts, v)?;
    let x = check_special_set(ts, t, x, "__name__")?;
    let Some(s) = x.downcast::<StrObj>() else {
        return Err(ts.type_error(format!(
            "can only assign string to {}.__name__, not '{}'",
            t.name_str(),
            type_name(x)
        )));
    };
    if s.as_str().contains('\0') {
        return Err(ts.value_error("type name must not contain null characters"));
    }
    t.name.set(s.value());
    Ok(())
}

fn get_qualname(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(as_type(ts, v)?.qualname.get())
}

fn set_qualname(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let t = as_type(ts, v)?;
    let x = check_special_set(ts, t, x, "__qualname__")?;
    let Some(s) = x.downcast::<StrObj>() else {
        return Err(ts.type_error(format!(
            "can only assign string to {}.__qualname__, not '{}'",
            t.name_str(),
            type_name(x)
        )));
    };
    t.qualname.set(s.value());
    Ok(())
}

fn get_module(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let t = as_type(ts, v)?;
    match t.dict().get_str(names().__module__) {
        // A built-in type's dict may hold its instances' `__module__`
        // descriptor (`builtin_function_or_method`): the type's own module
        // comes from its `tp_name`, as CPython's static types' does.
        Some(m) if t.is_heap_type() || m.downcast::<StrObj>().is_some() => Ok(m),
        _ => {
            let tp = t.tp_name_str();
            let module = tp.rsplit_once('.').map_or("builtins", |(m, _)| m);
            Ok(StrObj::new(ts, module))
        }
    }
}

fn set_module(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let t = as_type(ts, v)?;
    let x = check_special_set(ts, t, x, "__module__")?;
    t.dict().set_item(ts, names().__module__.value(), x)?;
    t.modified();
    Ok(())
}

fn set_doc(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let t = as_type(ts, v)?;
    let x = check_special_set(ts, t, x, "__doc__")?;
    t.dict().set_item(ts, names().__doc__.value(), x)?;
    t.modified();
    Ok(())
}

fn get_bases(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(as_type(ts, v)?.bases.get())
}

/// `type.__flags__`: CPython's `Py_TPFLAGS_*` bits for what ftpy knows of
/// the type: heap or immutable, base type, abstract, managed dict, GC,
/// sequence/mapping, match-self and the fast subclass bits (programs test
/// these: `inspect.isabstract` reads `Py_TPFLAGS_IS_ABSTRACT`). The
/// vectorcall and method-descriptor bits are not reported.
/// `type.__itemsize__`: the size of one item stored inline in instances
/// of variable size (a tuple's values, a bytes' bytes), 0 for the other
/// layouts.
fn get_itemsize(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let t = as_type(ts, v)?;
    let n = match t.instance_kind {
        Kind::Tuple => std::mem::size_of::<crate::gc::Slot>(),
        Kind::Bytes => 1,
        _ => 0,
    };
    Ok(Value::small_int_unchecked(n as i64))
}

fn get_flags(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let t = as_type(ts, v)?;
    let ty = types();
    let sub = |bases: &[Gc<TypeObj>]| bases.iter().any(|&b| t.is_subtype(b));
    let mut f: u64 = (1 << 12) | (1 << 19); // READY, VALID_VERSION_TAG
    if t.is_heap_type() {
        f |= (1 << 9) | (1 << 14); // HEAPTYPE, HAVE_GC
        if !t.has_flag(tflags::NO_DICT) {
            f |= 1 << 4; // MANAGED_DICT
        }
    } else {
        f |= 1 << 8; // IMMUTABLETYPE
        if sub(&[
            ty.list,
            ty.dict,
            ty.tuple,
            ty.set,
            ty.frozenset,
            ty.type_,
            ty.base_exception,
        ]) {
            f |= 1 << 14;
        }
    }
    if t.has_flag(tflags::BASETYPE) {
        f |= 1 << 10;
    }
    if t.has_flag(tflags::ABSTRACT) {
        f |= 1 << 20;
    }
    // str, bytes and bytearray are not sequences for `match`.
    if t.has_flag(tflags::SEQUENCE) && !sub(&[ty.str, ty.bytes, ty.bytearray]) {
        f |= 1 << 5;
    }
    if t.has_flag(tflags::MAPPING) {
        f |= 1 << 6;
    }
    let match_self = [
        ty.bool,
        ty.bytearray,
        ty.bytes,
        ty.dict,
        ty.float,
        ty.frozenset,
        ty.int,
        ty.list,
        ty.set,
        ty.str,
        ty.tuple,
    ];
    if sub(&match_self) {
        f |= 1 << 22;
    }
    let subclass = [
        (ty.int, 24),
        (ty.list, 25),
        (ty.tuple, 26),
        (ty.bytes, 27),
        (ty.str, 28),
        (ty.dict, 29),
        (ty.base_exception, 30),
        (ty.type_, 31),
    ];
    for (base, bit) in subclass {
        if t.is_subtype(base) {
            f |= 1 << bit;
        }
    }
    Ok(crate::objects::int::int_from_u64(ts, f))
}

/// `type.__text_signature__`, as CPython derives it from a docstring that
/// starts with `Name(params)\n--\n\n`; `object`, whose docstring ftpy
/// does not carry, has CPython's `()` (what `inspect.signature` of a class
/// without `__init__` or `__new__` falls back to).
fn get_text_signature(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let t = as_type(ts, v)?;
    if t == types().object {
        return Ok(StrObj::new(ts, "()"));
    }
    let doc = t.dict().get_str(names().__doc__);
    let Some(doc) = doc.and_then(|d| d.downcast::<StrObj>()) else {
        return Ok(Value::NONE);
    };
    let text = doc.as_str();
    let name = t.name_str();
    let short = name.rsplit('.').next().unwrap_or(name);
    let sig = text
        .strip_prefix(short)
        .filter(|rest| rest.starts_with('('))
        .and_then(|rest| rest.find(")\n--\n\n").map(|end| &rest[..=end]));
    Ok(match sig {
        Some(s) => StrObj::new(ts, s),
        None => Value::NONE,
    })
}

fn set_bases(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let t = as_type(ts, v)?;
    crate::objects::typeobj_bases::set_bases(ts, t, x)
}

fn get_base(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let b = as_type(ts, v)?.base.get();
    Ok(if b.is_null() { Value::NONE } else { b })
}

fn get_mro(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(as_type(ts, v)?.mro.get().non_null().unwrap_or(Value::NONE))
}

/// `cls.__dict__`: a read-only proxy, so that every change goes through
/// `setattr` (versions, slots).
fn get_dict(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let t = as_type(ts, v)?;
    Ok(crate::objects::mappingproxy::MappingProxyObj::new(
        ts,
        t.dict().value(),
    ))
}

fn get_doc(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let t = as_type(ts, v)?;
    match t.dict().get_str(names().__doc__) {
        Some(d) => match type_of(d).slots.descr_get.get() {
            Some(get) if t.is_heap_type() => get(ts, d, Value::NULL, v),
            _ => Ok(d),
        },
        None => Ok(Value::NONE),
    }
}

fn get_annotations(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let t = as_type(ts, v)?;
    match t.dict().get_str(names().__annotations__) {
        Some(a) => Ok(a),
        None => {
            let d = DictObj::new(ts);
            if t.is_heap_type() {
                t.dict()
                    .set_item(ts, names().__annotations__.value(), d.value())?;
                t.modified();
            }
            Ok(d.value())
        }
    }
}

fn set_annotations(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let t = as_type(ts, v)?;
    match x {
        Some(x) => {
            t.dict().set_item(ts, names().__annotations__.value(), x)?;
            t.modified();
        }
        None => {
            t.dict().del_item_opt(ts, names().__annotations__.value())?;
            t.modified();
        }
    }
    t.modified();
    Ok(())
}

fn get_abstract(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let t = as_type(ts, v)?;
    match t.dict().get_str(names().__abstractmethods__) {
        Some(a) if t != types().type_ => Ok(a),
        _ => Err(ts.attribute_error_msg("__abstractmethods__")),
    }
}

fn set_abstract(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let t = as_type(ts, v)?;
    let is_abstract = match x {
        Some(x) => {
            let nonempty = ops::truthy(ts, x)?;
            t.dict()
                .set_item(ts, names().__abstractmethods__.value(), x)?;
            nonempty
        }
        None => {
            if !t
                .dict()
                .del_item_opt(ts, names().__abstractmethods__.value())?
            {
                return Err(ts.attribute_error_msg("__abstractmethods__"));
            }
            false
        }
    };
    if is_abstract {
        t.set_flag(tflags::ABSTRACT);
    } else {
        t.flags
            .fetch_and(!tflags::ABSTRACT, std::sync::atomic::Ordering::Relaxed);
    }
    t.modified();
    Ok(())
}

fn m_mro(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig = crate::builtins::args::Sig::new("type.mro($self, /)");
    let [_] = SIG.bind(ts, args, kw)?;
    let t = as_type(ts, args[0])?;
    let Some(bases) = t.bases.get().downcast::<TupleObj>() else {
        return Ok(ListObj::new(ts, &[t.value()]).value());
    };
    let items = if bases.is_empty() {
        let mut r = RootedVec::new(ts);
        r.push(t.value());
        r
    } else {
        c3_mro(ts, t.value(), bases.items())?
    };
    Ok(ListObj::new(ts, &items).value())
}

fn m_subclasses(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("type.__subclasses__($self, /)");
    let [_] = SIG.bind(ts, args, kw)?;
    let t = as_type(ts, args[0])?;
    let items = match t.subclasses.get().downcast::<ListObj>() {
        Some(l) => l.snapshot_items(ts),
        None => crate::gc::RootedVec::new(ts),
    };
    Ok(ListObj::new(ts, &items).value())
}

fn m_instancecheck(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("type.__instancecheck__($self, instance, /)");
    let [_, _] = SIG.bind(ts, args, kw)?;
    let t = as_type(ts, args[0])?;
    let Some(&x) = args.get(1) else {
        return Err(ts.type_error("__instancecheck__ takes one argument"));
    };
    Ok(Value::from_bool(crate::builtins::real_isinstance(
        ts,
        x,
        t.value(),
    )?))
}

fn m_subclasscheck(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("type.__subclasscheck__($self, subclass, /)");
    let [_, _] = SIG.bind(ts, args, kw)?;
    let t = as_type(ts, args[0])?;
    let Some(&x) = args.get(1) else {
        return Err(ts.type_error("__subclasscheck__ takes one argument"));
    };
    Ok(Value::from_bool(crate::builtins::real_issubclass(
        ts,
        x,
        t.value(),
    )?))
}

fn m_prepare(ts: &mut ThreadState, _args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    Ok(DictObj::new(ts).value())
}

/// `type.__dir__`: the keys of the class's dict and its bases' (not its
/// metaclass's).
fn m_dir(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("type.__dir__($self, /)");
    let [_] = SIG.bind(ts, args, kw)?;
    let t = as_type(ts, args[0])?;
    let result = DictObj::new(ts);
    crate::objects::object::merge_class_dict(ts, result, t.value())?;
    let items = result.items_rooted(ts);
    let mut keys = RootedVec::with_capacity(ts, items.len() / 2);
    for p in items.chunks(2) {
        keys.push(p[0]);
    }
    Ok(ListObj::new(ts, &keys).value())
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let ty = t.type_;
    let s = &ty.slots;
    s.call.set(Some(type_call));
    s.new.set(Some(type_new));
    s.init.set(Some(type_init));
    s.getattro.set(Some(type_getattro));
    s.setattro.set(Some(type_setattro));
    s.repr.set(Some(type_repr));
    for nogc in [
        t.object,
        t.int,
        t.float,
        t.complex,
        t.str,
        t.bytes,
        t.bytearray,
    ] {
        nogc.set_flag(tflags::NO_CYCLE_GC);
    }
    add_getset(ts, ty, "__name__", get_name, Some(set_name));
    add_getset(ts, ty, "__qualname__", get_qualname, Some(set_qualname));
    add_getset(ts, ty, "__module__", get_module, Some(set_module));
    add_getset(ts, ty, "__bases__", get_bases, Some(set_bases));
    add_getset(ts, ty, "__flags__", get_flags, None);
    add_getset(ts, ty, "__itemsize__", get_itemsize, None);
    add_getset(ts, ty, "__text_signature__", get_text_signature, None);
    for (name, get) in [
        ("__base__", get_base as crate::objects::GetterFn),
        ("__mro__", get_mro),
    ] {
        let m = crate::objects::builtin::BuiltinObj::new_member(ts, name, get, None, ty);
        ty.dict().set_item_str(ts, name, m);
    }
    add_getset(ts, ty, "__dict__", get_dict, None);
    add_getset(ts, ty, "__doc__", get_doc, Some(set_doc));
    add_getset(
        ts,
        ty,
        "__annotations__",
        get_annotations,
        Some(set_annotations),
    );
    add_getset(
        ts,
        ty,
        "__abstractmethods__",
        get_abstract,
        Some(set_abstract),
    );
    add_methods(
        ts,
        ty,
        &[
            method("mro", m_mro),
            method("__subclasses__", m_subclasses),
            method("__instancecheck__", m_instancecheck),
            method("__subclasscheck__", m_subclasscheck),
            classmethod("__prepare__", m_prepare),
            method("__dir__", m_dir),
        ],
    );
    let _ = intern;
}
