//! `property`, `classmethod` and `staticmethod`.

use crate::error::{PyErr, PyResult};
use crate::gc::{Marker, Slot};
use crate::interp::{names, types, BuiltinTypes};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::instance::alloc_with_attrs;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, type_of, TypeObj};
use crate::objects::{add_getset, add_methods, method};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

#[repr(C)]
pub struct PropertyObj {
    pub header: Header,
    pub fget: Slot,
    pub fset: Slot,
    pub fdel: Slot,
    pub doc: Slot,
    pub name: Slot,
    /// The doc came from the getter (a copy with a new getter takes the
    /// new getter's).
    getter_doc: std::sync::atomic::AtomicBool,
}

// SAFETY: repr(C), Header first; traces every Slot.
unsafe impl HeapObj for PropertyObj {
    const KIND: Kind = Kind::Property;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.fget);
        m.slot(&self.fset);
        m.slot(&self.fdel);
        m.slot(&self.doc);
        m.slot(&self.name);
    }
}

fn prop(ts: &mut ThreadState, v: Value) -> PyResult<Gc<PropertyObj>> {
    v.downcast::<PropertyObj>()
        .ok_or_else(|| ts.type_error(format!("expected a property, got {}", type_name(v))))
}

fn or_none(v: Value) -> Value {
    if v.is_null() {
        Value::NONE
    } else {
        v
    }
}

fn property_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    _args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let obj = PropertyObj {
        header: Header::new(cls, Kind::Property, 0),
        fget: Slot::new(Value::NONE),
        fset: Slot::new(Value::NONE),
        fdel: Slot::new(Value::NONE),
        doc: Slot::new(Value::NONE),
        name: Slot::new(Value::NONE),
        getter_doc: std::sync::atomic::AtomicBool::new(false),
    };
    Ok(alloc_with_attrs(ts, cls, obj).value())
}

fn property_init(
    ts: &mut ThreadState,
    v: Value,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<()> {
    let a = crate::builtins::args::parse(
        ts,
        "property",
        args,
        kw,
        &["fget", "fset", "fdel", "doc"],
        0,
        4,
    )?;
    let p = prop(ts, v)?;
    let fget = a.get(0).unwrap_or(Value::NONE);
    p.fget.set(fget);
    p.fset.set(a.get(1).unwrap_or(Value::NONE));
    p.fdel.set(a.get(2).unwrap_or(Value::NONE));
    let exact = type_of(v) == types().property;
    let mut getter_doc = false;
    let doc = match a.get(3) {
        Some(d) if !d.is_none() => Some(d),
        _ if !fget.is_none() => {
            let d = ops::getattr_opt(ts, fget, names().__doc__)?;
            // A subclass keeps its class's __doc__ when the getter has none.
            let d = d.filter(|d| exact || !d.is_none());
            getter_doc = d.is_some();
            d
        }
        _ => None,
    };
    p.getter_doc
        .store(getter_doc, std::sync::atomic::Ordering::Relaxed);
    if exact {
        p.doc.set(doc.unwrap_or(Value::NONE));
    } else {
        // Shadowed by the subclass's own __doc__ otherwise: the instance
        // gets it (as CPython does).
        ops::setattr(ts, v, names().__doc__, Some(doc.unwrap_or(Value::NONE)))?;
    }
    Ok(())
}

/// "property 'x' of 'A' object has no setter" (or without a name): the
/// name and the type's qualified name are shown as reprs, as CPython does.
fn accessor_error(ts: &mut ThreadState, p: Gc<PropertyObj>, obj: Value, what: &str) -> PyErr {
    let ty = type_of(obj);
    let qualname = crate::objects::str::as_str(ty.qualname.get())
        .map_or_else(|| type_name(obj).to_string(), |q| q.to_string());
    let owner = crate::objects::str::repr_str(&qualname);
    let msg = match crate::objects::str::as_str(p.name.get()) {
        Some(n) => format!(
            "property {} of {owner} object has no {what}",
            crate::objects::str::repr_str(n)
        ),
        None => format!("property of {owner} object has no {what}"),
    };
    ts.attribute_error_msg(msg)
}

/// The getter of `p` if it is an exact `property` (None stands for no
/// getter): the attribute caches call it directly.
pub fn property_getter(p: Value) -> Option<Value> {
    if type_of(p) != types().property {
        return None;
    }
    Some(p.downcast::<PropertyObj>()?.fget.get())
}

fn property_get(ts: &mut ThreadState, d: Value, obj: Value, _ty: Value) -> PyResult<Value> {
    let p = prop(ts, d)?;
    if obj.is_null() || obj.is_none() {
        return Ok(d);
    }
    let g = p.fget.get();
    if g.is_none() {
        return Err(accessor_error(ts, p, obj, "getter"));
    }
    ops::call1(ts, g, obj)
}

fn property_set(ts: &mut ThreadState, d: Value, obj: Value, v: Option<Value>) -> PyResult<()> {
    let p = prop(ts, d)?;
    match v {
        Some(v) => {
            let s = p.fset.get();
            if s.is_none() {
                return Err(accessor_error(ts, p, obj, "setter"));
            }
            ops::call2(ts, s, obj, v)?;
        }
        None => {
            let dl = p.fdel.get();
            if dl.is_none() {
                return Err(accessor_error(ts, p, obj, "deleter"));
            }
            ops::call1(ts, dl, obj)?;
        }
    }
    Ok(())
}

/// A copy of property `p` with one accessor replaced (None keeps the
/// old one), made by calling `type(p)` as CPython's `property_copy`.
fn copy_with(ts: &mut ThreadState, p: Value, which: usize, f: Value) -> PyResult<Value> {
    let src = prop(ts, p)?;
    let mut fs = [src.fget.get(), src.fset.get(), src.fdel.get()];
    if !f.is_none() {
        fs[which] = f;
    }
    let getter_doc = src.getter_doc.load(std::sync::atomic::Ordering::Relaxed);
    let doc = if getter_doc && !fs[0].is_none() {
        Value::NONE
    } else {
        or_none(src.doc.get())
    };
    let ty = type_of(p);
    let n = ops::call(ts, ty.value(), &[fs[0], fs[1], fs[2], doc], None)?;
    if let Some(np) = n.downcast::<PropertyObj>() {
        np.name.set(src.name.get());
    }
    Ok(n)
}

fn accessor_arg(ts: &mut ThreadState, args: &[Value], name: &str) -> PyResult<Value> {
    match args.len() {
        2 => Ok(args[1]),
        n => Err(ts.type_error(format!(
            "property.{name}() takes exactly one argument ({} given)",
            n.saturating_sub(1)
        ))),
    }
}

fn m_getter(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let f = accessor_arg(ts, args, "getter")?;
    copy_with(ts, args[0], 0, f)
}
fn m_setter(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let f = accessor_arg(ts, args, "setter")?;
    copy_with(ts, args[0], 1, f)
}
fn m_deleter(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let f = accessor_arg(ts, args, "deleter")?;
    copy_with(ts, args[0], 2, f)
}
fn m_set_name(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let p = prop(ts, args[0])?;
    if args.len() != 3 {
        return Err(ts.type_error(format!(
            "__set_name__() takes 2 positional arguments but {} were given",
            args.len() - 1
        )));
    }
    p.name.set(args[2]);
    Ok(Value::NONE)
}

fn get_fget(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(or_none(prop(ts, v)?.fget.get()))
}
fn get_fset(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(or_none(prop(ts, v)?.fset.get()))
}
fn get_fdel(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(or_none(prop(ts, v)?.fdel.get()))
}
fn get_doc(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(or_none(prop(ts, v)?.doc.get()))
}
fn set_doc(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    prop(ts, v)?.doc.set(x.unwrap_or(Value::NONE));
    Ok(())
}
fn get_isabstract(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let p = prop(ts, v)?;
    for f in [p.fget.get(), p.fset.get(), p.fdel.get()] {
        if !f.is_none() && !f.is_null() {
            if let Some(x) = ops::getattr_opt(ts, f, names().__isabstractmethod__)? {
                if ops::truthy(ts, x)? {
                    return Ok(Value::TRUE);
                }
            }
        }
    }
    Ok(Value::FALSE)
}

// ---- classmethod / staticmethod ------------------------------------------------------

#[repr(C)]
pub struct ClassMethodObj {
    pub header: Header,
    pub func: Slot,
    pub dict: Slot,
}

// SAFETY: repr(C), Header first; traces both slots.
unsafe impl HeapObj for ClassMethodObj {
    const KIND: Kind = Kind::ClassMethod;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.func);
        m.slot(&self.dict);
    }
}

#[repr(C)]
pub struct StaticMethodObj {
    pub header: Header,
    pub func: Slot,
    pub dict: Slot,
}

// SAFETY: repr(C), Header first; traces both slots.
unsafe impl HeapObj for StaticMethodObj {
    const KIND: Kind = Kind::StaticMethod;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.func);
        m.slot(&self.dict);
    }
}

impl StaticMethodObj {
    pub fn new(ts: &mut ThreadState, f: Value) -> Gc<StaticMethodObj> {
        ts.alloc(StaticMethodObj {
            header: Header::new(types().staticmethod, Kind::StaticMethod, 0),
            func: Slot::new(f),
            dict: Slot::new(Value::NULL),
        })
    }
}

fn cm_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    _args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let obj = ClassMethodObj {
        header: Header::new(cls, Kind::ClassMethod, 0),
        func: Slot::new(Value::NONE),
        dict: Slot::new(Value::NULL),
    };
    Ok(alloc_with_attrs(ts, cls, obj).value())
}

fn sm_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    _args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let obj = StaticMethodObj {
        header: Header::new(cls, Kind::StaticMethod, 0),
        func: Slot::new(Value::NONE),
        dict: Slot::new(Value::NULL),
    };
    Ok(alloc_with_attrs(ts, cls, obj).value())
}

/// The `func` and `dict` slots of a classmethod or staticmethod.
fn wrapper_slots(v: Value) -> Option<(&'static Slot, &'static Slot)> {
    if let Some(c) = v.downcast::<ClassMethodObj>() {
        let c = c.obj();
        return Some((&c.func, &c.dict));
    }
    v.downcast::<StaticMethodObj>().map(|s| {
        let s = s.obj();
        (&s.func, &s.dict)
    })
}

/// The object's `__dict__`, made on first use.
fn wrapper_dict(ts: &mut ThreadState, v: Value) -> PyResult<Gc<crate::objects::dict::DictObj>> {
    let Some((_, dict)) = wrapper_slots(v) else {
        return Err(ts.type_error(format!(
            "expected a classmethod or staticmethod, got {}",
            type_name(v)
        )));
    };
    if let Some(d) = dict.get().downcast::<crate::objects::dict::DictObj>() {
        return Ok(d);
    }
    let d = crate::objects::dict::DictObj::new(ts);
    dict.compare_exchange(Value::NULL, d.value());
    // SAFETY: the slot holds a dict now (ours or a racing thread's).
    Ok(unsafe { dict.get().downcast_unchecked() })
}

/// `classmethod(f)` / `staticmethod(f)`: also copies `f`'s `__module__`,
/// `__name__`, `__qualname__`, `__doc__` and `__annotations__` into the
/// wrapper's `__dict__` (CPython 3.10+).
fn wrapper_init(
    ts: &mut ThreadState,
    v: Value,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<()> {
    let kind = if v.downcast::<ClassMethodObj>().is_some() {
        "classmethod"
    } else {
        "staticmethod"
    };
    if kw.map(|k| k.len()).unwrap_or(0) > 0 {
        return Err(ts.type_error(format!("{kind}() takes no keyword arguments")));
    }
    if args.len() != 1 {
        return Err(ts.type_error(format!("{kind} expected 1 argument, got {}", args.len())));
    }
    let Some((func, _)) = wrapper_slots(v) else {
        return Err(ts.type_error(format!("expected a {kind}, got {}", type_name(v))));
    };
    let f = args[0];
    func.set(f);
    let d = wrapper_dict(ts, v)?;
    for n in [
        names().__module__,
        names().__name__,
        names().__qualname__,
        names().__doc__,
        names().__annotations__,
    ] {
        if let Some(x) = ops::getattr_opt(ts, f, n)? {
            d.set_item(ts, n.value(), x)?;
        }
    }
    Ok(())
}

/// Attribute lookup with the wrapper's own `__dict__` (data descriptors on
/// the type first, then the dict, then the rest of the type).
fn wrapper_getattro(ts: &mut ThreadState, obj: Value, name: Gc<StrObj>) -> PyResult<Option<Value>> {
    let d = match wrapper_slots(obj) {
        Some((_, dict)) => dict.get().downcast::<crate::objects::dict::DictObj>(),
        None => None,
    };
    crate::objects::object::getattr_with_dict(ts, obj, name, d)
}

fn wrapper_setattro(
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
    let d = wrapper_dict(ts, obj)?;
    match v {
        Some(v) => d.set_item(ts, name.value(), v),
        None => {
            if !d.del_item_opt(ts, name.value())? {
                return Err(ts.attribute_error(obj, name));
            }
            Ok(())
        }
    }
}

fn get_wdict(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(wrapper_dict(ts, v)?.value())
}

fn set_wdict(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let Some((_, dict)) = wrapper_slots(v) else {
        return Err(ts.type_error("expected a classmethod or staticmethod"));
    };
    match x {
        None => {
            dict.set(Value::NULL);
            Ok(())
        }
        Some(d) if d.downcast::<crate::objects::dict::DictObj>().is_some() => {
            dict.set(d);
            Ok(())
        }
        Some(d) => Err(ts.type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            type_name(d)
        ))),
    }
}

fn wrapper_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let Some((func, _)) = wrapper_slots(v) else {
        return Err(ts.type_error("expected a classmethod or staticmethod"));
    };
    let kind = if v.downcast::<ClassMethodObj>().is_some() {
        "classmethod"
    } else {
        "staticmethod"
    };
    let r = ops::repr_string(ts, func.get())?;
    Ok(StrObj::new(ts, &format!("<{kind}({r})>")))
}

fn cm_get(ts: &mut ThreadState, d: Value, obj: Value, ty: Value) -> PyResult<Value> {
    let Some(c) = d.downcast::<ClassMethodObj>() else {
        return Err(ts.type_error("expected a classmethod"));
    };
    let cls = if ty.is_null() || ty.is_none() {
        type_of(obj).value()
    } else {
        ty
    };
    let f = c.func.get();
    // The wrapped object binds to the class if it is a descriptor (a
    // function, or a property: 3.9+ chaining); else a method of it.
    if let Some(get) = type_of(f).slots.descr_get.get() {
        return get(ts, f, cls, cls);
    }
    Ok(crate::objects::method::MethodObj::new(ts, f, cls).value())
}

fn sm_get(ts: &mut ThreadState, d: Value, _obj: Value, _ty: Value) -> PyResult<Value> {
    match d.downcast::<StaticMethodObj>() {
        Some(s) => Ok(s.func.get()),
        None => Err(ts.type_error("expected a staticmethod")),
    }
}

fn sm_call(
    ts: &mut ThreadState,
    d: Value,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    match d.downcast::<StaticMethodObj>() {
        Some(s) => ops::call(ts, s.func.get(), args, kw),
        None => Err(ts.type_error("expected a staticmethod")),
    }
}

fn get_func(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    match wrapper_slots(v) {
        Some((f, _)) => Ok(f.get()),
        None => Err(ts.type_error("expected a classmethod or staticmethod")),
    }
}

fn get_wisabstract(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let f = get_func(ts, v)?;
    match ops::getattr_opt(ts, f, names().__isabstractmethod__)? {
        Some(x) => Ok(Value::from_bool(ops::truthy(ts, x)?)),
        None => Ok(Value::FALSE),
    }
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let p = t.property;
    p.slots.new.set(Some(property_new));
    p.slots.init.set(Some(property_init));
    p.slots.descr_get.set(Some(property_get));
    p.slots.descr_set.set(Some(property_set));
    add_methods(
        ts,
        p,
        &[
            method("getter", m_getter),
            method("setter", m_setter),
            method("deleter", m_deleter),
            method("__set_name__", m_set_name),
        ],
    );
    add_getset(ts, p, "fget", get_fget, None);
    add_getset(ts, p, "fset", get_fset, None);
    add_getset(ts, p, "fdel", get_fdel, None);
    add_getset(ts, p, "__doc__", get_doc, Some(set_doc));
    add_getset(ts, p, "__isabstractmethod__", get_isabstract, None);
    let c = t.classmethod;
    c.slots.new.set(Some(cm_new));
    c.slots.descr_get.set(Some(cm_get));
    let s = t.staticmethod;
    s.slots.new.set(Some(sm_new));
    s.slots.descr_get.set(Some(sm_get));
    s.slots.call.set(Some(sm_call));
    for ty in [c, s] {
        ty.slots.init.set(Some(wrapper_init));
        ty.slots.repr.set(Some(wrapper_repr));
        ty.slots.getattro.set(Some(wrapper_getattro));
        ty.slots.setattro.set(Some(wrapper_setattro));
        for name in ["__func__", "__wrapped__"] {
            let m = crate::objects::builtin::BuiltinObj::new_member(ts, name, get_func, None, ty);
            ty.dict().set_item_str(ts, name, m);
        }
        add_getset(ts, ty, "__isabstractmethod__", get_wisabstract, None);
        add_getset(ts, ty, "__dict__", get_wdict, Some(set_wdict));
    }
}
