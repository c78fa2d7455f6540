//! `types.UnionType`: what `int | str` and `list[int] | None` evaluate to
//! (PEP 604). It holds the deduplicated, flattened member types;
//! `isinstance` and `issubclass` accept it; subscripting substitutes its
//! type variables. Immutable, so shared freely between threads.

use ftpy_compiler::{BinaryOp, CompareOp};

use crate::error::PyResult;
use crate::gc::{Marker, RootedVec, Slot};
use crate::interp::{types, BuiltinTypes};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::genericalias::{make_parameters, repr_item, subs_parameters};
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, TypeObj};
use crate::objects::{add_getset, add_methods, method};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

#[repr(C)]
pub struct UnionObj {
    pub header: Header,
    /// The member types, a tuple of two or more.
    pub args: Slot,
    /// `__parameters__`, computed on first use (NULL until then).
    pub parameters: Slot,
}

// SAFETY: repr(C), Header first; traces both slots.
unsafe impl HeapObj for UnionObj {
    const KIND: Kind = Kind::Union;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.args);
        m.slot(&self.parameters);
    }
}

impl UnionObj {
    fn args_tuple(&self) -> Gc<TupleObj> {
        self.args
            .get()
            .downcast::<TupleObj>()
            .unwrap_or(crate::interp::interp().empty_tuple)
    }
}

/// Whether `v` can be a member of a union: None, a class, an alias, a
/// union.
fn is_unionable(v: Value) -> bool {
    v.is_none()
        || v.downcast::<TypeObj>().is_some()
        || v.is_kind(Kind::GenericAlias)
        || v.is_kind(Kind::Union)
}

/// `a | b` for types, aliases and unions (the `|` of `type`, of
/// `GenericAlias` and of `UnionType`).
pub fn union_or(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    if !is_unionable(a) || !is_unionable(b) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let mut items = RootedVec::new(ts);
    items.push(a);
    items.push(b);
    make_union(ts, &items)
}

/// A union of `items` flattened and deduplicated; one item stays itself.
fn make_union(ts: &mut ThreadState, items: &[Value]) -> PyResult<Value> {
    let mut flat = RootedVec::new(ts);
    for &x in items {
        match x.downcast::<UnionObj>() {
            Some(u) => flat.extend_from_slice(u.args_tuple().items()),
            None => flat.push(x),
        }
    }
    let mut out = RootedVec::new(ts);
    for &x in flat.iter() {
        let mut dup = false;
        for &y in out.iter() {
            // Aliases compare by value, everything else by identity.
            let same = if x.is_kind(Kind::GenericAlias) && y.is_kind(Kind::GenericAlias) {
                ops::eq(ts, x, y)?
            } else {
                x == y
            };
            if same {
                dup = true;
                break;
            }
        }
        if !dup {
            out.push(x);
        }
    }
    if out.len() == 1 {
        return Ok(out[0]);
    }
    let args = TupleObj::new(ts, &out);
    Ok(ts
        .alloc(UnionObj {
            header: Header::new(types().union_type, Kind::Union, 0),
            args: Slot::new(args.value()),
            parameters: Slot::new(Value::NULL),
        })
        .value())
}

fn this(ts: &mut ThreadState, v: Value) -> PyResult<Gc<UnionObj>> {
    match v.downcast::<UnionObj>() {
        Some(u) => Ok(u),
        None => Err(ts.type_error(format!(
            "descriptor requires a 'types.UnionType' object but received a '{}'",
            type_name(v)
        ))),
    }
}

fn union_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let u = this(ts, v)?;
    let mut out = String::new();
    for (i, &a) in u.args_tuple().items().iter().enumerate() {
        if i > 0 {
            out.push_str(" | ");
        }
        if a.is_none() || a == types().none_type.value() {
            out.push_str("None");
        } else {
            out.push_str(&repr_item(ts, a)?);
        }
    }
    Ok(StrObj::new(ts, &out))
}

fn union_hash(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    let u = this(ts, v)?;
    let fs = crate::objects::set::SetObj::new(ts, types().frozenset);
    fs.update(ts, u.args.get())?;
    ops::hash(ts, fs.value())
}

fn union_richcompare(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast::<UnionObj>(), b.downcast::<UnionObj>()) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if op != CompareOp::Eq && op != CompareOp::Ne {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let sx = crate::objects::set::SetObj::new(ts, types().frozenset);
    sx.update(ts, x.args.get())?;
    let sy = crate::objects::set::SetObj::new(ts, types().frozenset);
    sy.update(ts, y.args.get())?;
    let eq = ops::eq(ts, sx.value(), sy.value())?;
    Ok(Value::from_bool(eq == (op == CompareOp::Eq)))
}

fn get_args(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(this(ts, v)?.args.get())
}

fn parameters_of(ts: &mut ThreadState, u: Gc<UnionObj>) -> PyResult<Value> {
    let p = u.parameters.get();
    if !p.is_null() {
        return Ok(p);
    }
    let p = make_parameters(ts, u.args_tuple())?;
    u.parameters.set(p);
    Ok(p)
}

fn get_parameters(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let u = this(ts, v)?;
    parameters_of(ts, u)
}

fn union_getitem(ts: &mut ThreadState, v: Value, item: Value) -> PyResult<Value> {
    let u = this(ts, v)?;
    let params = parameters_of(ts, u)?;
    let Some(params) = params.downcast::<TupleObj>() else {
        return Err(ts.type_error("bad __parameters__"));
    };
    let new_args = subs_parameters(ts, v, u.args_tuple(), params, item)?;
    let Some(na) = new_args.downcast::<TupleObj>() else {
        return Err(ts.type_error("bad substitution"));
    };
    // Rebuild with `|` (typing forms among the new arguments take part).
    let items = na.items();
    let mut acc = items[0];
    for &x in &items[1..] {
        acc = ops::binary_op(ts, acc, x, BinaryOp::Or)?;
    }
    Ok(acc)
}

/// A member as `isinstance` sees it: None stands for NoneType.
fn member(ts: &mut ThreadState, a: Value, fname: &str) -> PyResult<Value> {
    if a.is_none() {
        return Ok(types().none_type.value());
    }
    if a.is_kind(Kind::GenericAlias) {
        return Err(ts.type_error(format!(
            "{fname}() argument 2 cannot be a parameterized generic"
        )));
    }
    Ok(a)
}

fn m_instancecheck(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("UnionType.__instancecheck__($self, instance, /)");
    let [v, obj] = SIG.bind(ts, args, kw)?;
    let u = this(ts, v)?;
    let members = u.args_tuple();
    for &a in members.items() {
        let m = member(ts, a, "isinstance")?;
        if ops::isinstance(ts, obj, m)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn m_subclasscheck(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("UnionType.__subclasscheck__($self, instance, /)");
    let [v, cls] = SIG.bind(ts, args, kw)?;
    let u = this(ts, v)?;
    if cls.downcast::<TypeObj>().is_none() {
        return Err(ts.type_error("issubclass() arg 1 must be a class"));
    }
    let members = u.args_tuple();
    for &a in members.items() {
        let m = member(ts, a, "issubclass")?;
        if ops::issubclass(ts, cls, m)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn union_new(
    ts: &mut ThreadState,
    _cls: Gc<TypeObj>,
    _args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    Err(ts.type_error("cannot create 'types.UnionType' instances"))
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let ty = t.union_type;
    let s = &ty.slots;
    s.new.set(Some(union_new));
    s.repr.set(Some(union_repr));
    s.hash.set(Some(union_hash));
    s.richcompare.set(Some(union_richcompare));
    s.getitem.set(Some(union_getitem));
    s.nb[BinaryOp::Or as usize].set(Some(union_or));
    let m = StrObj::new(ts, "types");
    crate::objects::set_type_attr(ts, ty, "__module__", m);
    let doc = StrObj::new(ts, "Represent a PEP 604 union type\n\nE.g. for int | str");
    crate::objects::set_type_attr(ts, ty, "__doc__", doc);
    add_getset(ts, ty, "__args__", get_args, None);
    add_getset(ts, ty, "__parameters__", get_parameters, None);
    add_methods(
        ts,
        ty,
        &[
            method("__instancecheck__", m_instancecheck),
            method("__subclasscheck__", m_subclasscheck),
        ],
    );
    // `int | str`: the `|` of every class (and of None on the right).
    t.type_.slots.nb[BinaryOp::Or as usize].set(Some(union_or));
}
