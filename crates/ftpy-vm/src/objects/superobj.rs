//! `super`: attribute lookup starting after a class in an object's MRO.

use crate::error::PyResult;
use crate::gc::{Marker, Slot};
use crate::interp::{names, types, BuiltinTypes};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::add_getset;
use crate::objects::cell::CellObj;
use crate::objects::instance::alloc_with_attrs;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, type_of, TypeObj};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

#[repr(C)]
pub struct SuperObj {
    pub header: Header,
    /// The class after which the lookup starts.
    pub ty: Slot,
    /// The bound object (instance or class), or NULL when unbound.
    pub obj: Slot,
    /// The type whose MRO is searched.
    pub obj_type: Slot,
}

// SAFETY: repr(C), Header first; traces every Slot.
unsafe impl HeapObj for SuperObj {
    const KIND: Kind = Kind::Super;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.ty);
        m.slot(&self.obj);
        m.slot(&self.obj_type);
    }
}

fn this(ts: &mut ThreadState, v: Value) -> PyResult<Gc<SuperObj>> {
    v.downcast::<SuperObj>()
        .ok_or_else(|| ts.type_error("expected a super object"))
}

fn super_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    _args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let obj = SuperObj {
        header: Header::new(cls, Kind::Super, 0),
        ty: Slot::new(Value::NULL),
        obj: Slot::new(Value::NULL),
        obj_type: Slot::new(Value::NULL),
    };
    Ok(alloc_with_attrs(ts, cls, obj).value())
}

/// The type to search for `super(ty, obj)`.
fn check_obj(ts: &mut ThreadState, ty: Gc<TypeObj>, obj: Value) -> PyResult<Gc<TypeObj>> {
    if let Some(t) = obj.downcast::<TypeObj>() {
        if t.is_subtype(ty) {
            return Ok(t);
        }
    }
    let ot = type_of(obj);
    if ot.is_subtype(ty) {
        return Ok(ot);
    }
    // obj.__class__ may be a proxy's class.
    if let Some(c) = ops::getattr_opt(ts, obj, names().__class__)? {
        if let Some(ct) = c.downcast::<TypeObj>() {
            if ct != ot && ct.is_subtype(ty) {
                return Ok(ct);
            }
        }
    }
    Err(ts.type_error("super(type, obj): obj must be an instance or subtype of type"))
}

fn super_init(
    ts: &mut ThreadState,
    v: Value,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<()> {
    if kw.map(|k| k.len()).unwrap_or(0) > 0 {
        return Err(ts.type_error("super() takes no keyword arguments"));
    }
    let s = this(ts, v)?;
    let (ty, obj) = match args {
        [] => zero_arg_super(ts)?,
        [t] => (*t, Value::NULL),
        [t, o] => (*t, *o),
        _ => {
            return Err(ts.type_error(format!(
                "super() expected at most 2 arguments, got {}",
                args.len()
            )))
        }
    };
    let Some(t) = ty.downcast::<TypeObj>() else {
        return Err(ts.type_error(format!(
            "super() argument 1 must be a type, not {}",
            type_name(ty)
        )));
    };
    s.ty.set(t.value());
    if !obj.is_null() && !obj.is_none() {
        let ot = check_obj(ts, t, obj)?;
        s.obj.set(obj);
        s.obj_type.set(ot.value());
    }
    Ok(())
}

/// `super()` inside a method: the `__class__` cell and the first argument
/// of the calling frame.
fn zero_arg_super(ts: &mut ThreadState) -> PyResult<(Value, Value)> {
    let f = ts.top_frame();
    if f.is_null() {
        return Err(ts.runtime_error("super(): no current frame"));
    }
    // SAFETY: the top frame of this thread is live (super() was called
    // from it).
    let fr = unsafe { &*f };
    let code = fr.code;
    if code.argcount == 0 {
        return Err(ts.runtime_error("super(): no arguments"));
    }
    let slots = fr.slots();
    let mut first = slots[0];
    if let Some(&(c, _)) = code.cell2arg.iter().find(|(_, a)| *a == 0) {
        if let Some(cell) = slots[(code.nlocals + c) as usize].downcast::<CellObj>() {
            first = cell.value.get();
        }
    }
    if first.is_null() {
        return Err(ts.runtime_error("super(): arg[0] deleted"));
    }
    // SAFETY: freevars is a tuple of str.
    let freevars: Gc<TupleObj> = unsafe { code.freevars.get().downcast_unchecked() };
    let idx = freevars
        .items()
        .iter()
        .position(|&n| crate::objects::str::as_str(n) == Some("__class__"));
    let Some(i) = idx else {
        return Err(ts.runtime_error("super(): __class__ cell not found"));
    };
    let cell = slots[(code.nlocals + code.ncells) as usize + i];
    let Some(cell) = cell.downcast::<CellObj>() else {
        return Err(ts.runtime_error("super(): bad __class__ cell"));
    };
    let cls = cell.value.get();
    if cls.is_null() {
        return Err(ts.runtime_error("super(): empty __class__ cell"));
    }
    if cls.downcast::<TypeObj>().is_none() {
        return Err(ts.runtime_error(format!(
            "super(): __class__ is not a type ({})",
            type_name(cls)
        )));
    }
    Ok((cls, first))
}

fn super_getattro(ts: &mut ThreadState, v: Value, name: Gc<StrObj>) -> PyResult<Option<Value>> {
    let s = this(ts, v)?;
    let ot = s.obj_type.get().downcast::<TypeObj>();
    let skip = name.as_str() == "__class__";
    if let (Some(ot), false) = (ot, skip) {
        let start = s.ty.get();
        let mro = ot.mro_tuple();
        let items = mro.items();
        let mut i = items
            .iter()
            .position(|&t| t == start)
            .map(|p| p + 1)
            .unwrap_or(items.len());
        while i < items.len() {
            // SAFETY: MRO entries are types.
            let t: Gc<TypeObj> = unsafe { items[i].downcast_unchecked() };
            if let Some(res) = t.dict().get_str(name) {
                if let Some(get) = type_of(res).slots.descr_get.get() {
                    let obj = s.obj.get();
                    let inst = if obj == ot.value() { Value::NULL } else { obj };
                    return get(ts, res, inst, ot.value()).map(Some);
                }
                return Ok(Some(res));
            }
            i += 1;
        }
    }
    crate::objects::object::generic_getattr(ts, v, name)
}

fn super_get(ts: &mut ThreadState, d: Value, obj: Value, _ty: Value) -> PyResult<Value> {
    let s = this(ts, d)?;
    if obj.is_null() || obj.is_none() || !s.obj.get().is_null() {
        return Ok(d);
    }
    let n = super_new(ts, type_of(d), &[], None)?;
    super_init(ts, n, &[s.ty.get(), obj], None)?;
    Ok(n)
}

fn super_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let s = this(ts, v)?;
    let tn =
        s.ty.get()
            .downcast::<TypeObj>()
            .map(|t| t.name_str())
            .unwrap_or("NULL");
    let out = match s.obj_type.get().downcast::<TypeObj>() {
        Some(ot) => format!("<super: <class '{tn}'>, <{} object>>", ot.name_str()),
        None => format!("<super: <class '{tn}'>, NULL>"),
    };
    Ok(StrObj::new(ts, &out))
}

fn get_thisclass(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(this(ts, v)?.ty.get())
}
fn get_self(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let o = this(ts, v)?.obj.get();
    Ok(if o.is_null() { Value::NONE } else { o })
}
fn get_self_class(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let o = this(ts, v)?.obj_type.get();
    Ok(if o.is_null() { Value::NONE } else { o })
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let ty = t.super_;
    ty.slots.new.set(Some(super_new));
    ty.slots.init.set(Some(super_init));
    ty.slots.getattro.set(Some(super_getattro));
    ty.slots.descr_get.set(Some(super_get));
    ty.slots.repr.set(Some(super_repr));
    add_getset(ts, ty, "__thisclass__", get_thisclass, None);
    add_getset(ts, ty, "__self__", get_self, None);
    add_getset(ts, ty, "__self_class__", get_self_class, None);
    let _ = types();
}
