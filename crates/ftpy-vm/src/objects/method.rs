//! `method`: a function bound to an object (`obj.f`).

use ftpy_compiler::CompareOp;

use crate::error::PyResult;
use crate::gc::{Marker, Slot};
use crate::interp::{types, BuiltinTypes};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::add_getset;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

#[repr(C)]
pub struct MethodObj {
    pub header: Header,
    pub func: Slot,
    pub self_: Slot,
}

// SAFETY: repr(C), Header first; traces both slots.
unsafe impl HeapObj for MethodObj {
    const KIND: Kind = Kind::Method;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.func);
        m.slot(&self.self_);
    }
}

impl MethodObj {
    pub fn new(ts: &mut ThreadState, func: Value, self_: Value) -> Gc<MethodObj> {
        ts.alloc(MethodObj {
            header: Header::new(types().method, Kind::Method, 0),
            func: Slot::new(func),
            self_: Slot::new(self_),
        })
    }
}

fn this(ts: &mut ThreadState, v: Value) -> PyResult<Gc<MethodObj>> {
    v.downcast::<MethodObj>()
        .ok_or_else(|| ts.type_error("expected a method"))
}

fn method_call(
    ts: &mut ThreadState,
    m: Value,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let m = this(ts, m)?;
    let f = m.func.get();
    let s = m.self_.get();
    ops::with_prepended(ts, s, args, |ts, all| ops::call(ts, f, all, kw))
}

fn method_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let m = this(ts, v)?;
    let f = m.func.get();
    let name = match ops::getattr_str_opt(ts, f, "__qualname__")? {
        Some(n) => ops::str_string(ts, n)?,
        None => "?".to_string(),
    };
    let r = ops::repr_string(ts, m.self_.get())?;
    Ok(StrObj::new(ts, &format!("<bound method {name} of {r}>")))
}

fn method_richcompare(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast::<MethodObj>(), b.downcast::<MethodObj>()) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if op != CompareOp::Eq && op != CompareOp::Ne {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let _ = ts;
    let eq = x.func.get() == y.func.get() && x.self_.get() == y.self_.get();
    Ok(Value::from_bool(eq == (op == CompareOp::Eq)))
}

fn method_hash(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    let m = this(ts, v)?;
    let a = crate::hash::hash_pointer(m.self_.get());
    let b = ops::hash(ts, m.func.get())?;
    Ok(a ^ b)
}

/// Descriptors of the method type (`__func__`, `__self__` ...) answer
/// for the method; every other attribute is the function's.
fn method_getattro(ts: &mut ThreadState, obj: Value, name: Gc<StrObj>) -> PyResult<Option<Value>> {
    let ty = crate::objects::typeobj::type_of(obj);
    if let Some(d) = ty.lookup(name) {
        if let Some(get) = crate::objects::typeobj::type_of(d).slots.descr_get.get() {
            return get(ts, d, obj, ty.value()).map(Some);
        }
    }
    let m = this(ts, obj)?;
    ops::getattr(ts, m.func.get(), name).map(Some)
}

/// `types.MethodType(function, instance)`.
fn method_new(
    ts: &mut ThreadState,
    _cls: Gc<crate::objects::typeobj::TypeObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    crate::builtins::args::no_kwargs(ts, "method", kw)?;
    if args.len() != 2 {
        return Err(ts.type_error(format!("method expected 2 arguments, got {}", args.len())));
    }
    if !ops::callable(args[0]) {
        return Err(ts.type_error("first argument must be callable"));
    }
    if args[1].is_none() {
        return Err(ts.type_error("instance must not be None"));
    }
    Ok(MethodObj::new(ts, args[0], args[1]).value())
}

fn get_func(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(this(ts, v)?.func.get())
}

fn get_self(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(this(ts, v)?.self_.get())
}

/// `method.__doc__`: the function's, through a descriptor of the method
/// type as in CPython (so `object.__getattribute__(m, '__doc__')`, which
/// pydoc uses, finds it too).
fn get_doc(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let f = this(ts, v)?.func.get();
    ops::getattr(ts, f, crate::interp::names().__doc__)
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let ty = t.method;
    let s = &ty.slots;
    s.call.set(Some(method_call));
    s.repr.set(Some(method_repr));
    s.richcompare.set(Some(method_richcompare));
    s.hash.set(Some(method_hash));
    s.getattro.set(Some(method_getattro));
    s.new.set(Some(method_new));
    add_getset(ts, ty, "__func__", get_func, None);
    add_getset(ts, ty, "__self__", get_self, None);
    add_getset(ts, ty, "__doc__", get_doc, None);
}
