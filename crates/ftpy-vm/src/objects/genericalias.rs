//! `types.GenericAlias`: what `list[int]`, `dict[str, list[int]]` and
//! `tuple[()]` evaluate to (PEP 585). It records the origin class and the
//! arguments; attribute reads other than its own go to the origin; calling
//! it makes an origin instance; `__parameters__` collects the type
//! variables among the arguments, and subscripting substitutes them.
//! Immutable after creation (the lazily computed `__parameters__` is
//! idempotent), so shared freely between threads.

use ftpy_compiler::{BinaryOp, CompareOp};

use crate::error::PyResult;
use crate::gc::{Marker, RootedVec, Slot};
use crate::interp::{types, BuiltinTypes};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, type_of, TypeObj};
use crate::objects::{add_getset, add_methods, method};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

#[repr(C)]
pub struct GenericAliasObj {
    pub header: Header,
    /// The class subscripted (`list`).
    pub origin: Slot,
    /// The arguments, always a tuple (`(int,)`).
    pub args: Slot,
    /// `__parameters__`, computed on first use (NULL until then).
    pub parameters: Slot,
}

// SAFETY: repr(C), Header first; traces its three slots.
unsafe impl HeapObj for GenericAliasObj {
    const KIND: Kind = Kind::GenericAlias;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.origin);
        m.slot(&self.args);
        m.slot(&self.parameters);
    }
}

impl GenericAliasObj {
    /// `GenericAlias(origin, args)`; a non-tuple `args` is one argument.
    pub fn new(ts: &mut ThreadState, origin: Value, args: Value) -> Value {
        let args = if args.downcast::<TupleObj>().is_some() {
            args
        } else {
            TupleObj::new(ts, &[args]).value()
        };
        ts.alloc(GenericAliasObj {
            header: Header::new(types().generic_alias, Kind::GenericAlias, 0),
            origin: Slot::new(origin),
            args: Slot::new(args),
            parameters: Slot::new(Value::NULL),
        })
        .value()
    }

    fn args_tuple(&self) -> Gc<TupleObj> {
        // `new` always stores a tuple.
        self.args
            .get()
            .downcast::<TupleObj>()
            .unwrap_or(crate::interp::interp().empty_tuple)
    }
}

/// `cls.__class_getitem__(item)` for the built-in generic classes.
pub fn class_getitem(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("object.__class_getitem__($type, item, /)");
    let [cls, item] = SIG.bind(ts, args, kw)?;
    Ok(GenericAliasObj::new(ts, cls, item))
}

fn this(ts: &mut ThreadState, v: Value) -> PyResult<Gc<GenericAliasObj>> {
    match v.downcast::<GenericAliasObj>() {
        Some(g) => Ok(g),
        None => Err(ts.type_error(format!(
            "descriptor requires a 'types.GenericAlias' object but received a '{}'",
            type_name(v)
        ))),
    }
}

/// How a type argument shows in a repr: `...`; an alias or typing form by
/// its repr; a class as `module.qualname` (just the qualname for
/// builtins); anything else by repr.
pub fn repr_item(ts: &mut ThreadState, v: Value) -> PyResult<String> {
    if v == Value::ELLIPSIS {
        return Ok("...".to_string());
    }
    if ops::getattr_str_opt(ts, v, "__origin__")?.is_some()
        && ops::getattr_str_opt(ts, v, "__args__")?.is_some()
    {
        return ops::repr_string(ts, v);
    }
    let qualname = ops::getattr_str_opt(ts, v, "__qualname__")?;
    let module = match v.downcast::<TypeObj>() {
        // A class's module from its own dict (a built-in type may keep a
        // descriptor there instead: builtins).
        Some(t) => Some(match t.dict().get_str_text("__module__") {
            Some(m) if m.downcast::<StrObj>().is_some() => m,
            _ => StrObj::new(ts, "builtins"),
        }),
        None => ops::getattr_str_opt(ts, v, "__module__")?,
    };
    match (qualname, module) {
        (Some(q), Some(m)) if q.downcast::<StrObj>().is_some() => {
            let q = ops::str_string(ts, q)?;
            if m.is_none() {
                return Ok(q);
            }
            let m = ops::str_string(ts, m)?;
            if m == "builtins" {
                Ok(q)
            } else {
                Ok(format!("{m}.{q}"))
            }
        }
        _ => ops::repr_string(ts, v),
    }
}

fn ga_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let g = this(ts, v)?;
    let mut out = repr_item(ts, g.origin.get())?;
    out.push('[');
    let args = g.args_tuple();
    if args.is_empty() {
        out.push_str("()");
    }
    for (i, &a) in args.items().iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        if let Some(l) = a.downcast::<crate::objects::list::ListObj>() {
            // A ParamSpec substitution: [int, str].
            out.push('[');
            let items = ops::collect(ts, l.value())?;
            for (j, &x) in items.iter().enumerate() {
                if j > 0 {
                    out.push_str(", ");
                }
                out.push_str(&repr_item(ts, x)?);
            }
            out.push(']');
        } else {
            out.push_str(&repr_item(ts, a)?);
        }
    }
    out.push(']');
    Ok(StrObj::new(ts, &out))
}

/// The names an alias answers itself; everything else is the origin's.
const OWN_ATTRS: &[&str] = &[
    "__class__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    "__reduce_ex__",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
];

fn ga_getattro(ts: &mut ThreadState, v: Value, name: Gc<StrObj>) -> PyResult<Option<Value>> {
    if !OWN_ATTRS.contains(&name.as_str()) {
        let g = this(ts, v)?;
        return ops::getattr(ts, g.origin.get(), name).map(Some);
    }
    crate::objects::object::generic_getattr(ts, v, name)
}

fn ga_hash(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    let g = this(ts, v)?;
    let h0 = ops::hash(ts, g.origin.get())?;
    let h1 = ops::hash(ts, g.args.get())?;
    let h = h0 ^ h1;
    Ok(if h == -1 { -2 } else { h })
}

fn ga_richcompare(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (
        a.downcast::<GenericAliasObj>(),
        b.downcast::<GenericAliasObj>(),
    ) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if op != CompareOp::Eq && op != CompareOp::Ne {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let eq =
        ops::eq(ts, x.origin.get(), y.origin.get())? && ops::eq(ts, x.args.get(), y.args.get())?;
    Ok(Value::from_bool(eq == (op == CompareOp::Eq)))
}

fn ga_call(
    ts: &mut ThreadState,
    v: Value,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let g = this(ts, v)?;
    let obj = ops::call(ts, g.origin.get(), args, kw)?;
    match ops::setattr_str(ts, obj, "__orig_class__", v) {
        Ok(()) => {}
        Err(e) if e.matches(types().attribute_error) || e.matches(types().type_error) => {}
        Err(e) => return Err(e),
    }
    Ok(obj)
}

/// Collects the type variables among `args` (CPython's
/// `_Py_make_parameters`): objects with `__typing_subst__`, and the
/// `__parameters__` of nested aliases; classes are skipped.
pub fn make_parameters(ts: &mut ThreadState, args: Gc<TupleObj>) -> PyResult<Value> {
    let mut params = RootedVec::new(ts);
    for &t in args.items() {
        if t.downcast::<TypeObj>().is_some() {
            continue;
        }
        if ops::getattr_str_opt(ts, t, "__typing_subst__")?.is_some() {
            if !params.contains(&t) {
                params.push(t);
            }
            continue;
        }
        if let Some(sub) = ops::getattr_str_opt(ts, t, "__parameters__")? {
            if let Some(st) = sub.downcast::<TupleObj>() {
                for &p in st.items() {
                    if !params.contains(&p) {
                        params.push(p);
                    }
                }
            }
        }
    }
    Ok(TupleObj::new(ts, &params).value())
}

fn parameters_of(ts: &mut ThreadState, g: Gc<GenericAliasObj>) -> PyResult<Value> {
    let p = g.parameters.get();
    if !p.is_null() {
        return Ok(p);
    }
    let p = make_parameters(ts, g.args_tuple())?;
    g.parameters.set(p);
    Ok(p)
}

/// Substitutes `item` for the parameters in `args` (CPython's
/// `_Py_subs_parameters`, without the TypeVarTuple forms).
pub fn subs_parameters(
    ts: &mut ThreadState,
    owner: Value,
    args: Gc<TupleObj>,
    params: Gc<TupleObj>,
    item: Value,
) -> PyResult<Value> {
    let nparams = params.len();
    if nparams == 0 {
        let r = ops::repr_string(ts, owner)?;
        return Err(ts.type_error(format!("{r} is not a generic class")));
    }
    let argitems: RootedVec = match item.downcast::<TupleObj>() {
        Some(t) => {
            let mut v = RootedVec::new(ts);
            v.extend_from_slice(t.items());
            v
        }
        None => {
            let mut v = RootedVec::new(ts);
            v.push(item);
            v
        }
    };
    if argitems.len() != nparams {
        let r = ops::repr_string(ts, owner)?;
        return Err(ts.type_error(format!(
            "Too {} arguments for {r}; actual {}, expected {nparams}",
            if argitems.len() > nparams {
                "many"
            } else {
                "few"
            },
            argitems.len()
        )));
    }
    // Each parameter's substitution through its __typing_subst__.
    let mut substs = RootedVec::new(ts);
    for (i, &p) in params.items().iter().enumerate() {
        let a = argitems[i];
        let v = match ops::getattr_str_opt(ts, p, "__typing_subst__")? {
            Some(f) => ops::call1(ts, f, a)?,
            None => a,
        };
        substs.push(v);
    }
    let mut out = RootedVec::new(ts);
    for &arg in args.items() {
        if let Some(i) = params.items().iter().position(|&p| p == arg) {
            out.push(substs[i]);
            continue;
        }
        let sub = if arg.downcast::<TypeObj>().is_some() {
            None
        } else {
            ops::getattr_str_opt(ts, arg, "__parameters__")?
        };
        match sub
            .and_then(|s| s.downcast::<TupleObj>())
            .filter(|s| !s.is_empty())
        {
            Some(sp) => {
                let mut inner = RootedVec::new(ts);
                for &q in sp.items() {
                    match params.items().iter().position(|&p| p == q) {
                        Some(i) => inner.push(substs[i]),
                        None => inner.push(q),
                    }
                }
                let key = if inner.len() == 1 {
                    inner[0]
                } else {
                    TupleObj::new(ts, &inner).value()
                };
                out.push(ops::getitem(ts, arg, key)?);
            }
            None => out.push(arg),
        }
    }
    Ok(TupleObj::new(ts, &out).value())
}

fn ga_getitem(ts: &mut ThreadState, v: Value, item: Value) -> PyResult<Value> {
    let g = this(ts, v)?;
    let params = parameters_of(ts, g)?;
    let Some(params) = params.downcast::<TupleObj>() else {
        return Err(ts.type_error("bad __parameters__"));
    };
    let new_args = subs_parameters(ts, v, g.args_tuple(), params, item)?;
    Ok(GenericAliasObj::new(ts, g.origin.get(), new_args))
}

fn ga_new(
    ts: &mut ThreadState,
    _cls: Gc<TypeObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    if kw.map(|k| k.len()).unwrap_or(0) > 0 {
        return Err(ts.type_error("GenericAlias() takes no keyword arguments"));
    }
    let [origin, a] = args else {
        return Err(ts.type_error(format!(
            "GenericAlias expected 2 arguments, got {}",
            args.len()
        )));
    };
    Ok(GenericAliasObj::new(ts, *origin, *a))
}

fn get_origin(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(this(ts, v)?.origin.get())
}

fn get_args(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(this(ts, v)?.args.get())
}

fn get_parameters(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let g = this(ts, v)?;
    parameters_of(ts, g)
}

fn get_unpacked(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    this(ts, v)?;
    Ok(Value::FALSE)
}

fn get_unpacked_args(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    this(ts, v)?;
    Ok(Value::NONE)
}

fn m_mro_entries(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("GenericAlias.__mro_entries__($self, bases, /)");
    let [v, _bases] = SIG.bind(ts, args, kw)?;
    let origin = this(ts, v)?.origin.get();
    Ok(TupleObj::new(ts, &[origin]).value())
}

fn m_instancecheck(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("GenericAlias.__instancecheck__($self, obj, /)");
    SIG.bind::<2>(ts, args, kw)?;
    Err(ts.type_error("isinstance() argument 2 cannot be a parameterized generic"))
}

fn m_subclasscheck(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("GenericAlias.__subclasscheck__($self, cls, /)");
    SIG.bind::<2>(ts, args, kw)?;
    Err(ts.type_error("issubclass() argument 2 cannot be a parameterized generic"))
}

fn m_reduce(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("GenericAlias.__reduce__($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let g = this(ts, v)?;
    let inner = TupleObj::new(ts, &[g.origin.get(), g.args.get()]);
    Ok(TupleObj::new(ts, &[type_of(v).value(), inner.value()]).value())
}

fn m_dir(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("GenericAlias.__dir__($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let g = this(ts, v)?;
    let Some(dir) = crate::interp::interp().builtins_dict.get_str_text("dir") else {
        return Err(ts.type_error("dir() is missing"));
    };
    let names = ops::call1(ts, dir, g.origin.get())?;
    let append = crate::interp::intern(ts, "append");
    for &n in OWN_ATTRS {
        let s = StrObj::new(ts, n);
        if !ops::contains(ts, names, s)? {
            ops::call_method(ts, names, append, &[s])?;
        }
    }
    Ok(names)
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let ty = t.generic_alias;
    let s = &ty.slots;
    s.new.set(Some(ga_new));
    s.repr.set(Some(ga_repr));
    s.hash.set(Some(ga_hash));
    s.richcompare.set(Some(ga_richcompare));
    s.call.set(Some(ga_call));
    s.getitem.set(Some(ga_getitem));
    s.getattro.set(Some(ga_getattro));
    s.nb[BinaryOp::Or as usize].set(Some(crate::objects::uniontype::union_or));
    let m = StrObj::new(ts, "types");
    crate::objects::set_type_attr(ts, ty, "__module__", m);
    let doc = StrObj::new(
        ts,
        "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,).",
    );
    crate::objects::set_type_attr(ts, ty, "__doc__", doc);
    add_getset(ts, ty, "__origin__", get_origin, None);
    add_getset(ts, ty, "__args__", get_args, None);
    add_getset(ts, ty, "__parameters__", get_parameters, None);
    add_getset(ts, ty, "__unpacked__", get_unpacked, None);
    add_getset(
        ts,
        ty,
        "__typing_unpacked_tuple_args__",
        get_unpacked_args,
        None,
    );
    add_methods(
        ts,
        ty,
        &[
            method("__mro_entries__", m_mro_entries),
            method("__instancecheck__", m_instancecheck),
            method("__subclasscheck__", m_subclasscheck),
            method("__reduce__", m_reduce),
            method("__dir__", m_dir),
        ],
    );
    // The built-in generic classes.
    let cg = [crate::objects::classmethod(
        "__class_getitem__",
        class_getitem,
    )];
    for gty in [t.list, t.tuple, t.dict, t.set, t.frozenset, t.type_] {
        add_methods(ts, gty, &cg);
    }
}
