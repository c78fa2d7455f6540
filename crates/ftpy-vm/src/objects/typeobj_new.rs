//! Creating classes: `__build_class__` (the class statement), `type.__new__`
//! (`type(name, bases, dict)` and every metaclass's `super().__new__`),
//! and calling a class (`type.__call__`).
//!
//! # The steps of `type.__new__`, in CPython's order
//! 1. Arguments: `name` (str), `bases` (tuple), `dict` (dict).
//! 2. The most derived metaclass of `meta` and the bases' metaclasses
//!    wins; if that is not `meta` and has its own `__new__`, it takes over.
//! 3. The best base: the one whose instance layout every other base's
//!    layout is a prefix of ([`solid_base`]); its layout is extended.
//! 4. The namespace is copied; `__module__` comes from the caller's
//!    globals, `__qualname__` is taken out, `__slots__` makes member
//!    descriptors (and decides `__dict__` / `__weakref__`).
//! 5. The MRO (C3, or the metaclass's own `mro()`), slots, the class cell,
//!    `__set_name__` on the namespace's values, then the parent's
//!    `__init_subclass__`.
//!
//! The order in which entries land in the class dict is CPython's: the
//! namespace, `__module__`, members, `__dict__`, `__weakref__`, `__doc__`,
//! `__hash__` (None when `__eq__` is defined without it).

use crate::error::PyResult;
use crate::gc::RootedVec;
use crate::interp::{intern, intern_str, names, types};
use crate::object::{Gc, Header, Kind};
use crate::objects::builtin::BuiltinObj;
use crate::objects::cell::CellObj;
use crate::objects::descriptors::StaticMethodObj;
use crate::objects::dict::DictObj;
use crate::objects::function::FunctionObj;
use crate::objects::instance::{
    kind_takes_attr_store, kind_takes_members, ATTR_STORE_SIZE, VAR_ATTRS,
};
use crate::objects::list::ListObj;
use crate::objects::str::{as_str, StrObj};
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{tflags, type_name, type_of, TypeObj};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

fn as_type(ts: &mut ThreadState, v: Value) -> PyResult<Gc<TypeObj>> {
    v.downcast::<TypeObj>().ok_or_else(|| {
        ts.type_error(format!(
            "descriptor '__call__' requires a 'type' object but received a '{}'",
            type_name(v)
        ))
    })
}

fn nkw(kw: Option<Gc<TupleObj>>) -> usize {
    kw.map(|k| k.len()).unwrap_or(0)
}

/// `cls(*args, **kw)`: `__new__`, then `__init__` if the result is an
/// instance of `cls`.
pub fn type_call(
    ts: &mut ThreadState,
    callable: Value,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let cls = as_type(ts, callable)?;
    if cls == types().type_ {
        let npos = args.len() - nkw(kw);
        if npos == 1 {
            if nkw(kw) > 0 {
                return Err(ts.type_error("type() takes no keyword arguments"));
            }
            return Ok(type_of(args[0]).value());
        }
        if npos != 3 {
            return Err(ts.type_error("type() takes 1 or 3 arguments"));
        }
    }
    let Some(new) = cls.slots.new.get() else {
        return Err(ts.type_error(format!(
            "cannot create '{}' instances",
            type_display_name(cls)
        )));
    };
    let obj = new(ts, cls, args, kw)?;
    crate::gc::collect::ensure_finalizer(obj);
    let ot = type_of(obj);
    if ot != cls && !ot.is_subtype(cls) {
        return Ok(obj);
    }
    if let Some(init) = ot.slots.init.get() {
        init(ts, obj, args, kw)?;
    }
    Ok(obj)
}

/// `module.qualname` for types outside builtins (error messages).
pub fn type_display_name(t: Gc<TypeObj>) -> String {
    let q = as_str(t.qualname.get()).unwrap_or("?");
    match t.module_str() {
        Some(m) if m != "builtins" => format!("{m}.{q}"),
        _ => q.to_string(),
    }
}

const METACLASS_CONFLICT: &str = "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases";

/// The most derived of `meta` and the metaclasses of `bases`.
fn calculate_metaclass(
    ts: &mut ThreadState,
    meta: Gc<TypeObj>,
    bases: &[Value],
) -> PyResult<Gc<TypeObj>> {
    let mut winner = meta;
    for &b in bases {
        let mt = type_of(b);
        if winner.is_subtype(mt) {
            continue;
        }
        if mt.is_subtype(winner) {
            winner = mt;
            continue;
        }
        return Err(ts.type_error(METACLASS_CONFLICT));
    }
    Ok(winner)
}

/// C3 linearization of `bases` for a new class `cls`.
pub fn c3_mro(ts: &mut ThreadState, cls: Value, bases: &[Value]) -> PyResult<RootedVec> {
    // Duplicate bases first (CPython checks before merging).
    for (i, &b) in bases.iter().enumerate() {
        if bases[..i].contains(&b) {
            let n = match b.downcast::<TypeObj>() {
                Some(t) => t.name_str().to_string(),
                None => ops::repr_string(ts, b)?,
            };
            return Err(ts.type_error(format!("duplicate base class {n}")));
        }
    }
    // The sequences to merge, as index ranges into `all` (rooted).
    let mut all = RootedVec::new(ts);
    let mut seqs: Vec<(usize, usize)> = Vec::new();
    for &b in bases {
        let bt = b
            .downcast::<TypeObj>()
            .ok_or_else(|| ts.type_error("bases must be types"))?;
        let start = all.len();
        all.extend_from_slice(bt.mro_tuple().items());
        seqs.push((start, all.len()));
    }
    let start = all.len();
    all.extend_from_slice(bases);
    seqs.push((start, all.len()));
    let mut out = RootedVec::new(ts);
    out.push(cls);
    loop {
        seqs.retain(|&(s, e)| s < e);
        if seqs.is_empty() {
            return Ok(out);
        }
        let pick = seqs
            .iter()
            .map(|&(s, _)| all[s])
            .find(|&h| !seqs.iter().any(|&(s, e)| all[s + 1..e].contains(&h)));
        let Some(h) = pick else {
            // CPython names the classes still heading the sequences, in
            // base order, each once.
            let mut names: Vec<String> = Vec::new();
            for &(s, _) in &seqs {
                if let Some(t) = all[s].downcast::<TypeObj>() {
                    let n = t.name_str().to_string();
                    if !names.contains(&n) {
                        names.push(n);
                    }
                }
            }
            return Err(ts.type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        out.push(h);
        for s in seqs.iter_mut() {
            if all[s.0] == h {
                s.0 += 1;
            }
        }
    }
}

/// The MRO of a new class: C3, or the metaclass's own `mro()`.
pub(crate) fn compute_mro(
    ts: &mut ThreadState,
    ty: Gc<TypeObj>,
    base: Gc<TypeObj>,
    bases: &[Value],
) -> PyResult<Gc<TupleObj>> {
    let meta = type_of(ty.value());
    if meta != types().type_ {
        let n = intern(ts, "mro");
        let custom = meta.lookup(n);
        let default = types().type_.dict().get_str(n);
        if let Some(f) = custom.filter(|&f| Some(f) != default) {
            let r = ops::call_unbound(ts, f, ty.value(), &[], None)?;
            let items = ops::collect(ts, r)?;
            let solid = solid_base(base);
            for &c in items.iter() {
                let Some(ct) = c.downcast::<TypeObj>() else {
                    return Err(
                        ts.type_error(format!("mro() returned a non-class ('{}')", type_name(c)))
                    );
                };
                if !solid.is_subtype(solid_base(ct)) && ct != ty {
                    return Err(ts.type_error(format!(
                        "mro() returned base with unsuitable layout ('{}')",
                        ct.name_str()
                    )));
                }
            }
            return Ok(TupleObj::new(ts, &items));
        }
    }
    let mro = c3_mro(ts, ty.value(), bases)?;
    Ok(TupleObj::new(ts, &mro))
}

/// The base whose instance layout the new class extends.
pub(crate) fn best_base(ts: &mut ThreadState, bases: &[Value]) -> PyResult<Gc<TypeObj>> {
    let mut best: Option<Gc<TypeObj>> = None;
    let mut best_solid: Option<Gc<TypeObj>> = None;
    for &b in bases {
        let Some(bt) = b.downcast::<TypeObj>() else {
            return Err(ts.type_error("bases must be types"));
        };
        if !bt.has_flag(tflags::BASETYPE) {
            return Err(ts.type_error(format!(
                "type '{}' is not an acceptable base type",
                bt.name_str()
            )));
        }
        let solid = solid_base(bt);
        match best_solid {
            None => {
                best = Some(bt);
                best_solid = Some(solid);
            }
            Some(cs) => {
                if cs.is_subtype(solid) {
                    // The current winner's layout already extends this one.
                } else if solid.is_subtype(cs) {
                    best = Some(bt);
                    best_solid = Some(solid);
                } else {
                    return Err(ts.type_error("multiple bases have instance lay-out conflict"));
                }
            }
        }
    }
    Ok(best.unwrap_or(types().object))
}

/// The nearest class that defines the instance layout: a class adds to
/// its base's layout only by `__slots__` members (or by being the first
/// class over `object` to carry an attribute store), and a built-in that
/// adds no fields to its base (ValueError over Exception) shares its
/// base's layout.
pub fn solid_base(t: Gc<TypeObj>) -> Gc<TypeObj> {
    let mut cur = t;
    while cur.is_heap_type() {
        let Some(b) = cur.base.get().downcast::<TypeObj>() else {
            return cur;
        };
        if cur.nmembers() > b.nmembers() {
            return cur;
        }
        if cur.instance_kind == Kind::Instance && b.instance_kind != Kind::Instance {
            // Over object: the store alone is no layout of its own.
            return types().object;
        }
        cur = b;
    }
    loop {
        match cur.base.get().downcast::<TypeObj>() {
            Some(b) if b.instance_kind == cur.instance_kind && b.basic_size == cur.basic_size => {
                cur = b
            }
            _ => return cur,
        }
    }
}

/// Whether instances of `t` have a `__dict__`.
fn has_dict(t: Gc<TypeObj>) -> bool {
    if t.is_heap_type() {
        return !t.has_flag(tflags::NO_DICT);
    }
    t.lookup(names().__dict__).is_some() && t != types().object
}

/// Whether instances of `t` can be weakly referenced.
fn has_weakref(t: Gc<TypeObj>) -> bool {
    crate::objects::weakref::supports_weakrefs(t)
}

/// What a class adds to its base's instance layout, in CPython's terms
/// (words after the base's fields): its own `__slots__` members, a weak
/// reference list, and (for variable-size bases only) a `__dict__`
/// pointer. A managed `__dict__` costs no words (3.11) but must match.
struct Added {
    members: usize,
    weak: bool,
    dict: bool,
}

fn added(t: Gc<TypeObj>) -> Option<Added> {
    let b = t.base.get().downcast::<TypeObj>()?;
    Some(Added {
        members: t.nmembers().saturating_sub(b.nmembers()) as usize,
        weak: has_weakref(t) && !has_weakref(b),
        dict: has_dict(t) && !has_dict(b),
    })
}

/// Whether `t` has its base's layout (CPython's compatible_with_tp_base).
fn same_as_base(t: Gc<TypeObj>) -> bool {
    let Some(b) = t.base.get().downcast::<TypeObj>() else {
        return false;
    };
    if !t.is_heap_type() {
        return b.instance_kind == t.instance_kind && b.basic_size == t.basic_size;
    }
    match added(t) {
        Some(a) => a.members == 0 && !a.weak && !a.dict,
        None => false,
    }
}

/// The `__slots__` member names `t` itself declares, if it declares
/// `__slots__`.
fn own_member_names(t: Gc<TypeObj>) -> Option<Vec<&'static str>> {
    t.dict().get_str(names().__slots__)?;
    let from = t
        .base
        .get()
        .downcast::<TypeObj>()
        .map(|b| b.nmembers())
        .unwrap_or(0) as usize;
    let all = t.members.get().downcast::<TupleObj>();
    Some(match all {
        Some(m) => m.obj().items()[from.min(m.len())..]
            .iter()
            .filter_map(|&n| as_str(n))
            .collect(),
        None => Vec::new(),
    })
}

/// CPython's same_slots_added for two classes over the same base: their
/// layouts must come out the same size the way CPython counts it (a weak
/// reference list after members never does).
fn same_slots_added(a: Gc<TypeObj>, b: Gc<TypeObj>) -> bool {
    if !a.is_heap_type() || !b.is_heap_type() {
        return false;
    }
    let (Some(x), Some(y)) = (added(a), added(b)) else {
        return false;
    };
    let words =
        |d: &Added, k: Kind| d.members + d.weak as usize + (d.dict && variable_size(k)) as usize;
    let mut size = 0;
    if x.weak && x.members == 0 && y.weak && y.members == 0 {
        size += 1;
    }
    if let (Some(na), Some(nb)) = (own_member_names(a), own_member_names(b)) {
        if na != nb {
            return false;
        }
        size += na.len();
    }
    size == words(&x, a.instance_kind) && size == words(&y, b.instance_kind)
}

/// Whether an instance of `old` may become one of `new` by `__class__`
/// assignment (CPython's compatible_for_assignment).
pub fn compatible_for_assignment(old: Gc<TypeObj>, new: Gc<TypeObj>) -> bool {
    let layout_base = |mut t: Gc<TypeObj>| {
        while same_as_base(t) {
            match t.base.get().downcast::<TypeObj>() {
                Some(b) => t = b,
                None => break,
            }
        }
        t
    };
    let (nb, ob) = (layout_base(new), layout_base(old));
    if nb != ob && (nb.base.get() != ob.base.get() || !same_slots_added(nb, ob)) {
        return false;
    }
    // The managed __dict__ must match too.
    has_dict(old) == has_dict(new)
}

/// CPython's "itemsize != 0": variable-size layouts that cannot take
/// members or a weak-reference list.
pub fn variable_size(k: Kind) -> bool {
    matches!(k, Kind::Int | Kind::Tuple | Kind::Bytes | Kind::Type)
}

/// Private-name mangling of a `__slots__` entry inside class `cls`.
fn mangle(cls: &str, name: &str) -> Option<String> {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return None;
    }
    let c = cls.trim_start_matches('_');
    if c.is_empty() {
        return None;
    }
    Some(format!("_{c}{name}"))
}

fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) if c == '_' || c.is_alphabetic() => cs.all(|c| c == '_' || c.is_alphanumeric()),
        _ => false,
    }
}

/// What `__slots__` asks for.
struct SlotsSpec {
    /// New member names (mangled, sorted), rooted.
    members: RootedVec,
    add_dict: bool,
    add_weak: bool,
}

fn parse_slots(
    ts: &mut ThreadState,
    name: &str,
    dict: Gc<DictObj>,
    base: Gc<TypeObj>,
) -> PyResult<SlotsSpec> {
    let may_add_dict = !has_dict(base);
    let solid_kind = solid_base(base).instance_kind;
    let may_add_weak = !has_weakref(base) && !variable_size(solid_kind);
    let Some(slots) = dict.get_str(names().__slots__) else {
        return Ok(SlotsSpec {
            members: RootedVec::new(ts),
            add_dict: may_add_dict,
            add_weak: may_add_weak,
        });
    };
    let items: RootedVec = if slots.downcast::<StrObj>().is_some() {
        let mut r = RootedVec::new(ts);
        r.push(slots);
        r
    } else {
        ops::collect(ts, slots)?
    };
    if !items.is_empty() && variable_size(solid_kind) {
        return Err(ts.type_error(format!(
            "nonempty __slots__ not supported for subtype of '{}'",
            base.name_str()
        )));
    }
    let mut add_dict = false;
    let mut add_weak = false;
    let mut plain: Vec<String> = Vec::new();
    for &n in items.iter() {
        let Some(s) = n.downcast::<StrObj>() else {
            return Err(ts.type_error(format!(
                "__slots__ items must be strings, not '{}'",
                type_name(n)
            )));
        };
        let s = s.obj().as_str();
        if !is_identifier(s) {
            return Err(ts.type_error("__slots__ must be identifiers"));
        }
        if s == "__dict__" {
            if !may_add_dict || add_dict {
                return Err(ts.type_error("__dict__ slot disallowed: we already got one"));
            }
            add_dict = true;
        } else if s == "__weakref__" {
            if !may_add_weak || add_weak {
                return Err(ts.type_error(
                    "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0",
                ));
            }
            add_weak = true;
        } else {
            plain.push(mangle(name, s).unwrap_or_else(|| s.to_string()));
        }
    }
    let layout_kind = if solid_base(base) == types().object {
        Kind::Instance
    } else {
        base.instance_kind
    };
    if !plain.is_empty() && !kind_takes_members(layout_kind) {
        return Err(ts.type_error(format!(
            "nonempty __slots__ not supported for subtype of '{}'",
            base.name_str()
        )));
    }
    plain.sort();
    for p in &plain {
        if dict.get_str_text(p).is_some() {
            return Err(ts.value_error(format!("'{p}' in __slots__ conflicts with class variable")));
        }
    }
    let mut members = RootedVec::new(ts);
    for p in &plain {
        let n = intern(ts, p);
        members.push(n.value());
    }
    Ok(SlotsSpec {
        members,
        add_dict,
        add_weak,
    })
}

/// `type.__new__(meta, name, bases, dict, **kw)`.
pub fn type_new(
    ts: &mut ThreadState,
    meta: Gc<TypeObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let nkw = nkw(kw);
    let pos = &args[..args.len() - nkw];
    if pos.len() != 3 {
        return Err(ts.type_error(format!(
            "type.__new__() takes exactly 3 arguments ({} given)",
            pos.len()
        )));
    }
    let Some(name) = pos[0].downcast::<StrObj>() else {
        return Err(ts.type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            type_name(pos[0])
        )));
    };
    let Some(bases_t) = pos[1].downcast::<TupleObj>() else {
        return Err(ts.type_error(format!(
            "type.__new__() argument 2 must be tuple, not {}",
            type_name(pos[1])
        )));
    };
    let Some(ns) = pos[2].downcast::<DictObj>() else {
        return Err(ts.type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            type_name(pos[2])
        )));
    };
    for &b in bases_t.items() {
        if b.downcast::<TypeObj>().is_none()
            && ops::getattr_opt(ts, b, names().__mro_entries__)?.is_some()
        {
            return Err(
                ts.type_error("type() doesn't support MRO entry resolution; use types.new_class()")
            );
        }
    }
    let winner = calculate_metaclass(ts, meta, bases_t.items())?;
    if winner != meta {
        if let Some(n) = winner.slots.new.get() {
            if n as usize != type_new as *const () as usize {
                return n(ts, winner, args, kw);
            }
        }
    }
    let meta = winner;
    if name.as_str().contains('\0') {
        return Err(ts.value_error("type name must not contain null characters"));
    }
    let mut bases = RootedVec::new(ts);
    if bases_t.is_empty() {
        bases.push(types().object.value());
    } else {
        bases.extend_from_slice(bases_t.items());
    }
    let base = best_base(ts, &bases)?;
    let dict = DictObj::new(ts);
    dict.update_from_dict(ts, ns)?;
    if dict.get_str(names().__module__).is_none() {
        let f = ts.top_frame();
        if !f.is_null() {
            // SAFETY: the thread's top frame is live.
            let g = unsafe { (*f).globals };
            if let Some(m) = g.get_str(names().__name__) {
                dict.set_item(ts, names().__module__.value(), m)?;
            }
        }
    }
    let qualname = match dict.get_str(names().__qualname__) {
        Some(q) => {
            let Some(qs) = q.downcast::<StrObj>() else {
                return Err(ts.type_error(format!(
                    "type __qualname__ must be a str, not {}",
                    type_name(q)
                )));
            };
            dict.del_item_opt(ts, names().__qualname__.value())?;
            qs
        }
        None => name,
    };
    // Implicit static and class methods.
    if let Some(f) = dict.get_str(names().__new__) {
        if f.downcast::<FunctionObj>().is_some() {
            let sm = StaticMethodObj::new(ts, f);
            dict.set_item(ts, names().__new__.value(), sm.value())?;
        }
    }
    for n in [names().__init_subclass__, names().__class_getitem__] {
        if let Some(f) = dict.get_str(n) {
            if f.downcast::<FunctionObj>().is_some() {
                let cm = ops::call1(ts, types().classmethod.value(), f)?;
                dict.set_item(ts, n.value(), cm)?;
            }
        }
    }
    let spec = parse_slots(ts, name.as_str(), dict, base)?;
    let classcell = dict.get_str(names().__classcell__);
    if classcell.is_some() {
        dict.del_item_opt(ts, names().__classcell__.value())?;
    }
    // Layout.
    let solid = solid_base(base);
    let (instance_kind, basic_size, attrs_offset) =
        if base.attrs_offset != 0 || base.instance_kind == Kind::Instance {
            (base.instance_kind, base.basic_size, base.attrs_offset)
        } else if solid == types().object {
            (
                Kind::Instance,
                std::mem::size_of::<crate::objects::instance::InstanceObj>() as u32,
                std::mem::offset_of!(crate::objects::instance::InstanceObj, attrs) as u32,
            )
        } else if kind_takes_attr_store(solid.instance_kind) {
            let k = solid.instance_kind;
            let off = match k {
                Kind::Str | Kind::Tuple | Kind::Bytes => VAR_ATTRS,
                _ => (solid.basic_size as usize).div_ceil(8) as u32 * 8,
            };
            (k, solid.basic_size + ATTR_STORE_SIZE as u32, off)
        } else {
            // No store (a metaclass: its classes keep attributes in their
            // dicts); see `kind_takes_attr_store`.
            (solid.instance_kind, solid.basic_size, 0)
        };
    let ty = ts.alloc(TypeObj::blank(
        Header::new(meta, Kind::Type, 0),
        instance_kind,
        basic_size,
        attrs_offset,
    ));
    ty.set_flag(tflags::HEAPTYPE | tflags::BASETYPE);
    if !(spec.add_dict || has_dict(base)) || attrs_offset == 0 {
        ty.set_flag(tflags::NO_DICT);
    }
    if spec.add_weak || has_weakref(base) {
        ty.set_flag(tflags::WEAKREFABLE);
    }
    for f in [tflags::EXCEPTION, tflags::SEQUENCE, tflags::MAPPING] {
        if base.has_flag(f) {
            ty.set_flag(f);
        }
    }
    let iname = intern_str(ts, name);
    ty.name.set(iname.value());
    ty.qualname.set(qualname.value());
    if let Some(module) = dict.get_str(names().__module__).and_then(as_str) {
        if stands_in_for_c_type(module, name.as_str(), qualname.as_str()) {
            let full = intern(ts, &format!("{module}.{}", name.as_str()));
            ty.tp_name.set(full.value());
        }
    }
    ty.dict.set(dict.value());
    ty.base.set(base.value());
    let bt = TupleObj::new(ts, &bases);
    ty.bases.set(bt.value());
    let subs = ListObj::new(ts, &[]);
    ty.subclasses.set(subs.value());
    // Members: the base's, then ours (set before anything can allocate an
    // instance; the layout depends on them).
    if !spec.members.is_empty() || base.nmembers() > 0 {
        let mut all = RootedVec::new(ts);
        if let Some(bm) = base.members.get().downcast::<TupleObj>() {
            all.extend_from_slice(bm.items());
        }
        all.extend_from_slice(&spec.members);
        let t = TupleObj::new(ts, &all);
        ty.members.set(t.value());
    }
    // The class cell is filled before the MRO is computed: a metaclass's
    // `mro()` may already run methods that use `__class__`.
    if let Some(cell) = classcell {
        match cell.downcast::<CellObj>() {
            Some(c) => c.value.set(ty.value()),
            None => {
                return Err(ts.type_error(format!(
                    "__classcell__ must be a nonlocal cell, not <class '{}'>",
                    type_name(cell)
                )));
            }
        }
    }
    let mro = compute_mro(ts, ty, base, &bases)?;
    ty.mro.set(mro.value());
    ty.inline_slots.store(
        base.inline_slots.load(std::sync::atomic::Ordering::Relaxed),
        std::sync::atomic::Ordering::Relaxed,
    );
    let first_new = base.nmembers();
    for (i, &m) in spec.members.iter().enumerate() {
        // SAFETY: members are interned strs (parse_slots).
        let n: Gc<StrObj> = unsafe { m.downcast_unchecked() };
        let d = BuiltinObj::new_slot_member(ts, n, first_new + i as u32, ty);
        dict.set_item(ts, m, d)?;
    }
    if spec.add_dict && attrs_offset != 0 {
        let d = crate::objects::object::dict_descriptor(ts, ty);
        dict.set_item(ts, names().__dict__.value(), d)?;
    }
    if spec.add_weak {
        let w = crate::objects::object::weakref_descriptor(ts, ty);
        dict.set_item(ts, names().__weakref__.value(), w)?;
    }
    if dict.get_str(names().__doc__).is_none() {
        dict.set_item(ts, names().__doc__.value(), Value::NONE)?;
    }
    // __eq__ without __hash__ makes instances unhashable.
    if dict.get_str(names().__eq__).is_some() && dict.get_str(names().__hash__).is_none() {
        dict.set_item(ts, names().__hash__.value(), Value::NONE)?;
    }
    // Lookups made while the dict was being completed may be cached under
    // the first version: start afresh.
    ty.modified();
    for &b in bases.iter() {
        if let Some(bt) = b.downcast::<TypeObj>() {
            if let Some(l) = bt.subclasses.get().downcast::<ListObj>() {
                l.append(ts, ty.value());
            }
        }
    }
    crate::objects::slots::update_slots(ty);
    // __set_name__ on the namespace's values, then the parent's
    // __init_subclass__.
    let items = dict.items_rooted(ts);
    for pair in items.chunks(2) {
        let (k, v) = (pair[0], pair[1]);
        if let Some(sn) = type_of(v).lookup(names().__set_name__) {
            if let Err(e) = ops::call_unbound(ts, sn, v, &[ty.value(), k], None) {
                let kr = ops::repr_string(ts, k)?;
                let err = ts.runtime_error(format!(
                    "Error calling __set_name__ on '{}' instance {kr} in '{}'",
                    type_name(v),
                    name.as_str()
                ));
                err.exc().set_cause(e.value());
                err.exc().context.set(e.value());
                return Err(err);
            }
        }
    }
    init_subclass(ts, ty, &args[args.len() - nkw..], kw)?;
    Ok(ty.value())
}

/// `super(cls, cls).__init_subclass__(**kw)`.
fn init_subclass(
    ts: &mut ThreadState,
    ty: Gc<TypeObj>,
    kwvals: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<()> {
    let mro = ty.mro_tuple();
    for &t in &mro.items()[1..] {
        let Some(t) = t.downcast::<TypeObj>() else {
            continue;
        };
        if let Some(f) = t.dict().get_str(names().__init_subclass__) {
            let bound = match type_of(f).slots.descr_get.get() {
                Some(get) => get(ts, f, Value::NULL, ty.value())?,
                None => f,
            };
            ops::call(ts, bound, kwvals, kw)?;
            return Ok(());
        }
    }
    Ok(())
}

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`: what a
/// class statement runs.
pub fn build_class(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let nkw = nkw(kw);
    let pos = &args[..args.len() - nkw];
    if pos.len() < 2 {
        return Err(ts.type_error("__build_class__: not enough arguments"));
    }
    let Some(func) = pos[0].downcast::<FunctionObj>() else {
        return Err(ts.type_error("__build_class__: func must be a function"));
    };
    let name = pos[1];
    let Some(name_s) = name.downcast::<StrObj>() else {
        return Err(ts.type_error("__build_class__: name is not a string"));
    };
    // PEP 560: bases that are not classes may stand for others.
    let orig_bases = &pos[2..];
    let mut bases = RootedVec::new(ts);
    let mut changed = false;
    for &b in orig_bases {
        if b.downcast::<TypeObj>().is_none() {
            if let Some(me) = ops::getattr_opt(ts, b, names().__mro_entries__)? {
                let ob = TupleObj::new(ts, orig_bases);
                let r = ops::call1(ts, me, ob.value())?;
                let Some(rt) = r.downcast::<TupleObj>() else {
                    return Err(ts.type_error("__mro_entries__ must return a tuple"));
                };
                bases.extend_from_slice(rt.items());
                changed = true;
                continue;
            }
        }
        bases.push(b);
    }
    // Keywords: `metaclass` is taken out, the rest go to __prepare__, the
    // metaclass and __init_subclass__.
    let mut meta: Option<Value> = None;
    let mut kwnames = RootedVec::new(ts);
    let mut rest = RootedVec::new(ts);
    rest.push(name);
    rest.push(Value::NULL); // bases, filled below
    rest.push(Value::NULL); // the namespace, filled below
    if let Some(k) = kw {
        for (i, &n) in k.items().iter().enumerate() {
            let v = args[pos.len() + i];
            if as_str(n) == Some("metaclass") {
                meta = Some(v);
            } else {
                kwnames.push(n);
                rest.push(v);
            }
        }
    }
    let mut meta = match meta {
        Some(m) => m,
        None => match bases.first() {
            Some(&b) => type_of(b).value(),
            None => types().type_.value(),
        },
    };
    if let Some(m) = meta.downcast::<TypeObj>() {
        meta = calculate_metaclass(ts, m, &bases)?.value();
    }
    let bases_t = TupleObj::new(ts, &bases);
    rest[1] = bases_t.value();
    let kwn = if kwnames.is_empty() {
        None
    } else {
        Some(TupleObj::new(ts, &kwnames))
    };
    // The namespace, from __prepare__ if the metaclass has one.
    let ns = match ops::getattr_opt(ts, meta, names().__prepare__)? {
        Some(prep) => {
            let mut pargs = RootedVec::new(ts);
            pargs.push(name);
            pargs.push(bases_t.value());
            pargs.extend_from_slice(&rest[3..]);
            let ns = ops::call(ts, prep, &pargs, kwn)?;
            if type_of(ns).slots.getitem.get().is_none() {
                let mn = match meta.downcast::<TypeObj>() {
                    Some(t) => t.name_str().to_string(),
                    None => "<metaclass>".to_string(),
                };
                return Err(ts.type_error(format!(
                    "{mn}.__prepare__() must return a mapping, not {}",
                    type_name(ns)
                )));
            }
            ns
        }
        None => DictObj::new(ts).value(),
    };
    rest[2] = ns;
    let cell =
        crate::interpreter::run_code(ts, func.code(), func.globals(), ns, func.closure.get())?;
    if changed {
        let ob = TupleObj::new(ts, orig_bases);
        let key = intern(ts, "__orig_bases__");
        ops::setitem(ts, ns, key.value(), Some(ob.value()))?;
    }
    let cls = ops::call(ts, meta, &rest, kwn)?;
    if let Some(c) = cell.downcast::<CellObj>() {
        if cls.downcast::<TypeObj>().is_some() {
            let in_cell = c.value.get();
            if in_cell != cls {
                let cr = ops::repr_string(ts, cls)?;
                let n = name_s.as_str();
                if in_cell.is_null() {
                    return Err(ts.runtime_error(format!(
                        "__class__ not set defining '{n}' as {cr}. Was __classcell__ propagated to type.__new__?"
                    )));
                }
                let ir = ops::repr_string(ts, in_cell)?;
                return Err(ts.type_error(format!("__class__ set to {ir} defining '{n}' as {cr}")));
            }
        }
    }
    Ok(cls)
}

/// The classes of CPython's pure-Python standard-library modules that ftpy
/// runs where CPython uses a C module (`datetime` for `_datetime`,
/// `_pydecimal` for `_decimal`).
/// CPython's C types carry `module.name` as their `tp_name`, which its
/// messages show (`'datetime.date' object has no attribute 'x'`,
/// `unsupported operand type(s) for -: 'datetime.datetime' and 'int'`);
/// these classes get the same.
const C_TYPE_STAND_INS: &[(&str, &[&str])] = &[
    (
        "datetime",
        &[
            "date",
            "datetime",
            "time",
            "timedelta",
            "timezone",
            "tzinfo",
            "IsoCalendarDate",
        ],
    ),
    ("decimal", &["Decimal", "Context"]),
];

fn stands_in_for_c_type(module: &str, name: &str, qualname: &str) -> bool {
    name == qualname
        && C_TYPE_STAND_INS
            .iter()
            .any(|(m, names)| *m == module && names.contains(&name))
}
