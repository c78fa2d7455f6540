//! `property`, `classmethod` and `staticmethod`.

use crate::error::PyResult;
use crate::gc::{Marker, Slot};
use crate::interp::{names, types, BuiltinTypes};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::instance::alloc_with_attrs;
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
    let doc = match a.get(3) {
        Some(d) if !d.is_none() => d,
        _ => {
            if fget.is_none() {
                Value::NONE
            } else {
                ops::getattr_opt(ts, fget, names().__doc__)?.unwrap_or(Value::NONE)
            }
        }
    };
    p.doc.set(doc);
    Ok(())
}

fn property_get(ts: &mut ThreadState, d: Value, obj: Value, _ty: Value) -> PyResult<Value> {
    let p = prop(ts, d)?;
    if obj.is_null() {
        return Ok(d);
    }
    let g = p.fget.get();
    if g.is_none() {
        let name = p.name.get();
        let msg = match crate::objects::str::as_str(name) {
            Some(n) => format!(
                "property '{n}' of '{}' object has no getter",
                type_name(obj)
            ),
            None => "unreadable attribute".to_string(),
        };
        return Err(ts.attribute_error_msg(msg));
    }
    ops::call1(ts, g, obj)
}

fn property_set(ts: &mut ThreadState, d: Value, obj: Value, v: Option<Value>) -> PyResult<()> {
    let p = prop(ts, d)?;
    let name = crate::objects::str::as_str(p.name.get()).map(|s| s.to_string());
    match v {
        Some(v) => {
            let s = p.fset.get();
            if s.is_none() {
                let msg = match name {
                    Some(n) => format!(
                        "property '{n}' of '{}' object has no setter",
                        type_name(obj)
                    ),
                    None => "can't set attribute".to_string(),
                };
                return Err(ts.attribute_error_msg(msg));
            }
            ops::call2(ts, s, obj, v)?;
        }
        None => {
            let dl = p.fdel.get();
            if dl.is_none() {
                let msg = match name {
                    Some(n) => format!(
                        "property '{n}' of '{}' object has no deleter",
                        type_name(obj)
                    ),
                    None => "can't delete attribute".to_string(),
                };
                return Err(ts.attribute_error_msg(msg));
            }
            ops::call1(ts, dl, obj)?;
        }
    }
    Ok(())
}

/// A copy of property `p` with one accessor replaced.
fn copy_with(ts: &mut ThreadState, p: Value, which: usize, f: Value) -> PyResult<Value> {
    let src = prop(ts, p)?;
    let mut fs = [src.fget.get(), src.fset.get(), src.fdel.get()];
    fs[which] = f;
    let doc = src.doc.get();
    let ty = type_of(p);
    let n = ops::call(ts, ty.value(), &[fs[0], fs[1], fs[2], doc], None)?;
    if let Some(np) = n.downcast::<PropertyObj>() {
        np.name.set(src.name.get());
        if which == 0 && (doc.is_none() || doc.is_null()) {
            let d = ops::getattr_opt(ts, f, names().__doc__)?.unwrap_or(Value::NONE);
            np.doc.set(d);
        }
    }
    Ok(n)
}

fn m_getter(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    copy_with(ts, args[0], 0, args.get(1).copied().unwrap_or(Value::NONE))
}
fn m_setter(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    copy_with(ts, args[0], 1, args.get(1).copied().unwrap_or(Value::NONE))
}
fn m_deleter(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    copy_with(ts, args[0], 2, args.get(1).copied().unwrap_or(Value::NONE))
}
fn m_set_name(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let p = prop(ts, args[0])?;
    if let Some(&n) = args.get(2) {
        p.name.set(n);
    }
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
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    if kw.map(|k| k.len()).unwrap_or(0) > 0 || args.len() != 1 {
        return Err(ts.type_error(format!(
            "classmethod expected 1 argument, got {}",
            args.len()
        )));
    }
    let obj = ClassMethodObj {
        header: Header::new(cls, Kind::ClassMethod, 0),
        func: Slot::new(args[0]),
        dict: Slot::new(Value::NULL),
    };
    Ok(alloc_with_attrs(ts, cls, obj).value())
}

fn sm_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    if kw.map(|k| k.len()).unwrap_or(0) > 0 || args.len() != 1 {
        return Err(ts.type_error(format!(
            "staticmethod expected 1 argument, got {}",
            args.len()
        )));
    }
    let obj = StaticMethodObj {
        header: Header::new(cls, Kind::StaticMethod, 0),
        func: Slot::new(args[0]),
        dict: Slot::new(Value::NULL),
    };
    Ok(alloc_with_attrs(ts, cls, obj).value())
}

fn noop_init(
    _ts: &mut ThreadState,
    _v: Value,
    _args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<()> {
    Ok(())
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
    // classmethod wrapping another descriptor (3.9+ chaining).
    if f.downcast::<crate::objects::function::FunctionObj>()
        .is_none()
    {
        if let Some(get) = type_of(f).slots.descr_get.get() {
            return get(ts, f, cls, type_of(cls).value());
        }
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
    if let Some(c) = v.downcast::<ClassMethodObj>() {
        return Ok(c.func.get());
    }
    if let Some(s) = v.downcast::<StaticMethodObj>() {
        return Ok(s.func.get());
    }
    Err(ts.type_error("expected a classmethod or staticmethod"))
}

fn get_wrapped_attr(ts: &mut ThreadState, v: Value, name: &str) -> PyResult<Value> {
    let f = get_func(ts, v)?;
    Ok(ops::getattr_str_opt(ts, f, name)?.unwrap_or(Value::NONE))
}

fn get_wdoc(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    get_wrapped_attr(ts, v, "__doc__")
}
fn get_wname(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    get_wrapped_attr(ts, v, "__name__")
}
fn get_wqualname(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    get_wrapped_attr(ts, v, "__qualname__")
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
    c.slots.init.set(Some(noop_init));
    c.slots.descr_get.set(Some(cm_get));
    let s = t.staticmethod;
    s.slots.new.set(Some(sm_new));
    s.slots.init.set(Some(noop_init));
    s.slots.descr_get.set(Some(sm_get));
    s.slots.call.set(Some(sm_call));
    for ty in [c, s] {
        add_getset(ts, ty, "__func__", get_func, None);
        add_getset(ts, ty, "__wrapped__", get_func, None);
        add_getset(ts, ty, "__doc__", get_wdoc, None);
        add_getset(ts, ty, "__name__", get_wname, None);
        add_getset(ts, ty, "__qualname__", get_wqualname, None);
        add_getset(ts, ty, "__isabstractmethod__", get_wisabstract, None);
    }
}
