//! `types.GenericAlias`: what `list[int]` makes (PEP 585).
//!
//! An alias holds its origin (`list`) and its arguments (`(int,)`), both
//! fixed at creation, so it is immutable and shared freely. Attribute
//! reads other than the alias's own go to the origin (`list[int].append`
//! is `list.append`); calling it calls the origin and records
//! `__orig_class__` on the result where it can.
//!
//! Built-in containers get their `__class_getitem__` from [`init`].

use ftpy_compiler::CompareOp;

use crate::error::PyResult;
use crate::gc::{Marker, Slot};
use crate::interp::{names, types, BuiltinTypes};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, type_of, TypeObj};
use crate::objects::{add_getset, add_methods, classmethod, method};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

#[repr(C)]
pub struct GenericAliasObj {
    pub header: Header,
    pub origin: Slot,
    /// A tuple.
    pub args: Slot,
    /// A tuple, computed on first use (NULL before).
    parameters: Slot,
    /// `*tuple[int]` (PEP 646).
    starred: bool,
}

// SAFETY: repr(C), Header first; traces every slot.
unsafe impl HeapObj for GenericAliasObj {
    const KIND: Kind = Kind::GenericAlias;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.origin);
        m.slot(&self.args);
        m.slot(&self.parameters);
    }
}

type Kw = Option<Gc<TupleObj>>;

/// `GenericAlias(origin, args)`; a non-tuple `args` is one argument.
pub fn new_alias(ts: &mut ThreadState, origin: Value, args: Value) -> Gc<GenericAliasObj> {
    let args = match args.downcast::<TupleObj>() {
        Some(_) => args,
        None => TupleObj::new(ts, &[args]).value(),
    };
    ts.alloc(GenericAliasObj {
        header: Header::new(types().generic_alias, Kind::GenericAlias, 0),
        origin: Slot::new(origin),
        args: Slot::new(args),
        parameters: Slot::new(Value::NULL),
        starred: false,
    })
}

fn this(v: Value) -> Gc<GenericAliasObj> {
    // SAFETY: the slots below are installed on GenericAlias only, whose
    // instances all have this layout.
    unsafe { v.downcast_unchecked() }
}

fn args_of(g: Gc<GenericAliasObj>) -> &'static [Value] {
    g.args
        .get()
        .downcast::<TupleObj>()
        .map(|t| t.obj().items())
        .unwrap_or(&[])
}

/// The type parameters among `args` (objects with `__typing_subst__`,
/// and the parameters of nested aliases), in order, without repeats.
pub fn collect_parameters(ts: &mut ThreadState, args: &[Value]) -> PyResult<Value> {
    let mut out = crate::gc::RootedVec::new(ts);
    for &a in args {
        if a.downcast::<TypeObj>().is_some() {
            continue;
        }
        if ops::getattr_str_opt(ts, a, "__typing_subst__")?.is_some() {
            if !out.contains(&a) {
                out.push(a);
            }
            continue;
        }
        if let Some(p) = ops::getattr_str_opt(ts, a, "__parameters__")? {
            if let Some(t) = p.downcast::<TupleObj>() {
                for &x in t.items() {
                    if !out.contains(&x) {
                        out.push(x);
                    }
                }
            }
        }
    }
    Ok(TupleObj::new(ts, &out).value())
}

fn parameters(ts: &mut ThreadState, g: Gc<GenericAliasObj>) -> PyResult<Value> {
    let p = g.parameters.get();
    if !p.is_null() {
        return Ok(p);
    }
    let p = collect_parameters(ts, args_of(g))?;
    g.parameters.set(p);
    Ok(p)
}

/// How an alias shows one argument: `int`, `collections.OrderedDict`,
/// `...`, `list[int]`.
pub fn repr_item(ts: &mut ThreadState, v: Value) -> PyResult<String> {
    if v == Value::ELLIPSIS {
        return Ok("...".into());
    }
    if v.downcast::<GenericAliasObj>().is_some() {
        return ops::repr_string(ts, v);
    }
    if ops::getattr_str_opt(ts, v, "__origin__")?.is_some()
        && ops::getattr_str_opt(ts, v, "__args__")?.is_some()
    {
        return ops::repr_string(ts, v);
    }
    let q = ops::getattr_opt(ts, v, names().__qualname__)?;
    let m = ops::getattr_opt(ts, v, names().__module__)?;
    match (q, m) {
        (Some(q), Some(m)) => {
            let qs = ops::str_string(ts, q)?;
            if crate::objects::str::as_str(m) == Some("builtins") {
                Ok(qs)
            } else {
                let ms = ops::str_string(ts, m)?;
                Ok(format!("{ms}.{qs}"))
            }
        }
        _ => ops::repr_string(ts, v),
    }
}

fn ga_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let g = this(v);
    let mut s = String::new();
    if g.starred {
        s.push('*');
    }
    s.push_str(&repr_item(ts, g.origin.get())?);
    s.push('[');
    let args = args_of(g);
    if args.is_empty() {
        s.push_str("()");
    }
    for (i, &a) in args.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        if let Some(l) = a.downcast::<crate::objects::list::ListObj>() {
            // Callable[[int, str], T]: a list of arguments.
            s.push('[');
            for j in 0..l.len() {
                if j > 0 {
                    s.push_str(", ");
                }
                let x = l.get(j).unwrap_or(Value::NONE);
                s.push_str(&repr_item(ts, x)?);
            }
            s.push(']');
        } else {
            s.push_str(&repr_item(ts, a)?);
        }
    }
    s.push(']');
    Ok(StrObj::new(ts, &s))
}

/// Names an alias answers itself rather than forwarding to its origin.
const OWN_ATTRS: &[&str] = &[
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

fn ga_getattr(ts: &mut ThreadState, v: Value, name: Gc<StrObj>) -> PyResult<Option<Value>> {
    let n = name.as_str();
    // The alias's own attributes, and dunders its type defines (`__class__`,
    // `__repr__` ...), are the alias's; everything else is the origin's.
    let own = OWN_ATTRS.contains(&n)
        || (n.starts_with("__") && types().generic_alias.lookup(name).is_some());
    if !own {
        return ops::getattr_opt(ts, this(v).origin.get(), name);
    }
    crate::objects::object::generic_getattr(ts, v, name)
}

fn get_origin(_ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(this(v).origin.get())
}
fn get_args(_ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(this(v).args.get())
}
fn get_parameters(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    parameters(ts, this(v))
}
fn get_unpacked(_ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(this(v).starred))
}
fn get_unpacked_tuple_args(_ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let g = this(v);
    if g.starred && g.origin.get() == types().tuple.value() {
        return Ok(g.args.get());
    }
    Ok(Value::NONE)
}

fn ga_call(ts: &mut ThreadState, v: Value, args: &[Value], kw: Kw) -> PyResult<Value> {
    let r = ops::call(ts, this(v).origin.get(), args, kw)?;
    // `__orig_class__` where the result takes attributes; errors (built-in
    // instances, __slots__) are ignored, as in CPython.
    let _ = ops::setattr_str(ts, r, "__orig_class__", v);
    Ok(r)
}

fn ga_richcompare(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let (Some(x), Some(y)) = (
        a.downcast::<GenericAliasObj>(),
        b.downcast::<GenericAliasObj>(),
    ) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let mut eq = x.starred == y.starred && ops::eq(ts, x.origin.get(), y.origin.get())?;
    if eq {
        eq = ops::eq(ts, x.args.get(), y.args.get())?;
    }
    Ok(Value::from_bool(if op == CompareOp::Eq { eq } else { !eq }))
}

fn ga_hash(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    let g = this(v);
    let h0 = ops::hash(ts, g.origin.get())?;
    let h1 = ops::hash(ts, g.args.get())?;
    let h = h0 ^ h1;
    Ok(if h == -1 { -2 } else { h })
}

fn ga_iter(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    // `*tuple[int, ...]` in a subscript: iterating an alias yields its
    // starred form once.
    let g = this(v);
    let s = ts.alloc(GenericAliasObj {
        header: Header::new(types().generic_alias, Kind::GenericAlias, 0),
        origin: Slot::new(g.origin.get()),
        args: Slot::new(g.args.get()),
        parameters: Slot::new(Value::NULL),
        starred: true,
    });
    let t = TupleObj::new(ts, &[s.value()]);
    ops::iter(ts, t.value())
}

/// `alias[item]`: substitutes the alias's type parameters.
fn ga_getitem(ts: &mut ThreadState, v: Value, item: Value) -> PyResult<Value> {
    let g = this(v);
    let params = parameters(ts, g)?;
    let params: &[Value] = params
        .downcast::<TupleObj>()
        .map(|t| t.obj().items())
        .unwrap_or(&[]);
    if params.is_empty() {
        let r = ops::repr_string(ts, v)?;
        return Err(ts.type_error(format!("{r} is not a generic class")));
    }
    let items: Vec<Value> = match item.downcast::<TupleObj>() {
        Some(t) => t.items().to_vec(),
        None => vec![item],
    };
    if items.len() != params.len() {
        let r = ops::repr_string(ts, v)?;
        return Err(ts.type_error(format!(
            "Too {} arguments for {r}; actual {}, expected {}",
            if items.len() > params.len() {
                "many"
            } else {
                "few"
            },
            items.len(),
            params.len()
        )));
    }
    let mut rooted = crate::gc::RootedVec::new(ts);
    rooted.extend_from_slice(&items);
    drop(items);
    let mut newargs = crate::gc::RootedVec::new(ts);
    for &a in args_of(g) {
        newargs.push(substitute(ts, a, params, &rooted)?);
    }
    let t = TupleObj::new(ts, &newargs);
    let r = new_alias(ts, g.origin.get(), t.value());
    // SAFETY: the flag is plain data of an object not yet shared.
    unsafe { std::ptr::addr_of_mut!((*r.as_ptr()).starred).write(g.starred) };
    Ok(r.value())
}

/// One argument with the parameters replaced by the given items.
pub fn substitute(
    ts: &mut ThreadState,
    a: Value,
    params: &[Value],
    items: &[Value],
) -> PyResult<Value> {
    if a.downcast::<TypeObj>().is_some() {
        return Ok(a);
    }
    if let Some(i) = params.iter().position(|&p| p == a) {
        if let Some(subst) = ops::getattr_str_opt(ts, a, "__typing_subst__")? {
            return ops::call1(ts, subst, items[i]);
        }
        return Ok(items[i]);
    }
    if let Some(sub) = ops::getattr_str_opt(ts, a, "__parameters__")? {
        if let Some(st) = sub.downcast::<TupleObj>() {
            if !st.is_empty() {
                let mut inner = crate::gc::RootedVec::new(ts);
                for &p in st.items() {
                    let x = match params.iter().position(|&q| q == p) {
                        Some(i) => items[i],
                        None => p,
                    };
                    inner.push(x);
                }
                let key = if inner.len() == 1 {
                    inner[0]
                } else {
                    TupleObj::new(ts, &inner).value()
                };
                return ops::getitem(ts, a, key);
            }
        }
    }
    Ok(a)
}

fn m_mro_entries(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("GenericAlias.__mro_entries__($self, bases, /)");
    let [v, _bases] = SIG.bind(ts, args, kw)?;
    let o = this(v).origin.get();
    Ok(TupleObj::new(ts, &[o]).value())
}

fn m_instancecheck(ts: &mut ThreadState, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    Err(ts.type_error("isinstance() argument 2 cannot be a parameterized generic"))
}

fn m_subclasscheck(ts: &mut ThreadState, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    Err(ts.type_error("issubclass() argument 2 cannot be a parameterized generic"))
}

fn m_reduce(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let g = this(args[0]);
    let inner = TupleObj::new(ts, &[g.origin.get(), g.args.get()]);
    let t = TupleObj::new(ts, &[types().generic_alias.value(), inner.value()]);
    Ok(t.value())
}

fn m_dir(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let g = this(args[0]);
    let dir = crate::interp::interp()
        .builtins_dict
        .get_str_text("dir")
        .unwrap_or(Value::NONE);
    let sorted = crate::interp::interp()
        .builtins_dict
        .get_str_text("sorted")
        .unwrap_or(Value::NONE);
    let mut d = ops::call1(ts, dir, g.origin.get())?;
    for n in OWN_ATTRS {
        let s = StrObj::new(ts, n);
        if let Some(l) = d.downcast::<crate::objects::list::ListObj>() {
            if !ops::contains(ts, d, s)? {
                l.append(ts, s);
            }
        }
    }
    d = ops::call1(ts, sorted, d)?;
    Ok(d)
}

/// `GenericAlias(origin, args)`, or a subclass's instance (with its
/// attribute store).
fn ga_new(ts: &mut ThreadState, cls: Gc<TypeObj>, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("GenericAlias(origin, args, /)");
    let [origin, a] = SIG.bind(ts, args, kw)?;
    if cls == types().generic_alias {
        return Ok(new_alias(ts, origin, a).value());
    }
    let a = match a.downcast::<TupleObj>() {
        Some(_) => a,
        None => TupleObj::new(ts, &[a]).value(),
    };
    let obj = GenericAliasObj {
        header: Header::new(cls, Kind::GenericAlias, 0),
        origin: Slot::new(origin),
        args: Slot::new(a),
        parameters: Slot::new(Value::NULL),
        starred: false,
    };
    Ok(crate::objects::instance::alloc_with_attrs(ts, cls, obj).value())
}

/// `C.__class_getitem__(item)` for the built-in generic classes.
fn class_getitem(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("__class_getitem__($type, item, /)");
    let [cls, item] = SIG.bind(ts, args, kw)?;
    Ok(new_alias(ts, cls, item).value())
}

fn ga_or(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    crate::objects::union::union_or(ts, a, b)
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let g = t.generic_alias;
    let s = &g.slots;
    s.new.set(Some(ga_new));
    s.repr.set(Some(ga_repr));
    s.getattro.set(Some(ga_getattr));
    s.call.set(Some(ga_call));
    s.richcompare.set(Some(ga_richcompare));
    s.hash.set(Some(ga_hash));
    s.getitem.set(Some(ga_getitem));
    s.iter.set(Some(ga_iter));
    s.nb[ftpy_compiler::BinaryOp::Or as usize].set(Some(ga_or));
    add_getset(ts, g, "__origin__", get_origin, None);
    add_getset(ts, g, "__args__", get_args, None);
    add_getset(ts, g, "__parameters__", get_parameters, None);
    add_getset(ts, g, "__unpacked__", get_unpacked, None);
    add_getset(
        ts,
        g,
        "__typing_unpacked_tuple_args__",
        get_unpacked_tuple_args,
        None,
    );
    add_methods(
        ts,
        g,
        &[
            method("__mro_entries__", m_mro_entries),
            method("__instancecheck__", m_instancecheck),
            method("__subclasscheck__", m_subclasscheck),
            method("__reduce__", m_reduce),
            method("__dir__", m_dir),
        ],
    );
    for ty in [
        t.list,
        t.dict,
        t.tuple,
        t.set,
        t.frozenset,
        t.type_,
        t.enumerate,
        t.weakref,
    ] {
        add_methods(ts, ty, &[classmethod("__class_getitem__", class_getitem)]);
    }
    let _ = type_name;
    let _ = type_of;
}

/// `__class_getitem__` for native types defined elsewhere (deque,
/// defaultdict, weakref ...).
pub fn add_class_getitem(ts: &mut ThreadState, ty: Gc<TypeObj>) {
    add_methods(ts, ty, &[classmethod("__class_getitem__", class_getitem)]);
}
