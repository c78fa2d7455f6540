//! The `type` type itself: calling classes, creating classes (`type(name,
//! bases, dict)` and class statements), and attribute access on classes.

use crate::error::PyResult;
use crate::gc::RootedVec;
use crate::interp::{intern, names, types, BuiltinTypes};
use crate::object::{Gc, Header, Kind};
use crate::objects::dict::DictObj;
use crate::objects::instance::{ATTR_STORE_SIZE, VAR_ATTRS};
use crate::objects::list::ListObj;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{tflags, type_name, type_of, TypeObj};
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

/// `cls(*args, **kw)`.
pub fn type_call(
    ts: &mut ThreadState,
    callable: Value,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let cls = as_type(ts, callable)?;
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    if cls == types().type_ && args.len() == 1 && nkw == 0 {
        return Ok(type_of(args[0]).value());
    }
    let Some(new) = cls.slots.new.get() else {
        return Err(ts.type_error(format!(
            "cannot create '{}' instances",
            type_display_name(cls)
        )));
    };
    let obj = new(ts, cls, args, kw)?;
    let ot = type_of(obj);
    if ot != cls && !ot.is_subtype(cls) {
        return Ok(obj);
    }
    if let Some(init) = ot.slots.init.get() {
        init(ts, obj, args, kw)?;
    }
    Ok(obj)
}

fn type_display_name(t: Gc<TypeObj>) -> String {
    match t
        .dict()
        .get_str_text("__module__")
        .and_then(crate::objects::str::as_str)
    {
        Some(m) if m != "builtins" => format!("{m}.{}", t.name_str()),
        _ => t.name_str().to_string(),
    }
}

/// C3 linearization of `bases` for a new class.
fn compute_mro(ts: &mut ThreadState, cls: Value, bases: &[Value]) -> PyResult<RootedVec> {
    let mut seqs: Vec<Vec<Value>> = Vec::new();
    for &b in bases {
        let bt: Gc<TypeObj> = as_type(ts, b)?;
        seqs.push(bt.mro_tuple().items().to_vec());
    }
    seqs.push(bases.to_vec());
    let mut out = RootedVec::new(ts);
    out.push(cls);
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut pick = None;
        for s in &seqs {
            let h = s[0];
            if !seqs.iter().any(|t| t[1..].contains(&h)) {
                pick = Some(h);
                break;
            }
        }
        let Some(h) = pick else {
            // CPython names the classes still heading the sequences.
            let mut names: Vec<String> = Vec::new();
            for s in &seqs {
                if let Some(t) = s[0].downcast::<TypeObj>() {
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
            if s[0] == h {
                s.remove(0);
            }
        }
    }
}

/// The base whose instance layout the new class extends.
fn best_base(ts: &mut ThreadState, bases: &[Value]) -> PyResult<Gc<TypeObj>> {
    let mut best: Option<Gc<TypeObj>> = None;
    for &b in bases {
        let bt = as_type(ts, b)?;
        if !bt.has_flag(tflags::BASETYPE) {
            return Err(ts.type_error(format!(
                "type '{}' is not an acceptable base type",
                bt.name_str()
            )));
        }
        let solid = solid_base(bt);
        match best {
            None => best = Some(bt),
            Some(cur) => {
                let cs = solid_base(cur);
                if solid.is_subtype(cs) {
                    best = Some(bt);
                } else if !cs.is_subtype(solid) {
                    return Err(ts.type_error("multiple bases have instance lay-out conflict"));
                }
            }
        }
    }
    Ok(best.unwrap_or(types().object))
}

/// The nearest base that defines the instance layout: heap classes only
/// add attribute storage, and a built-in that adds no fields to its base
/// (ValueError over Exception) shares its base's layout.
fn solid_base(t: Gc<TypeObj>) -> Gc<TypeObj> {
    let mut cur = t;
    while cur.is_heap_type() {
        if cur.instance_kind == Kind::Instance {
            return types().object;
        }
        match cur.base.get().downcast::<TypeObj>() {
            Some(b) => cur = b,
            None => return cur,
        }
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

/// `type.__new__(meta, name, bases, dict, **kw)`.
pub fn type_new(
    ts: &mut ThreadState,
    meta: Gc<TypeObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    let pos = &args[..args.len() - nkw];
    if meta == types().type_ && pos.len() == 1 && nkw == 0 {
        return Ok(type_of(pos[0]).value());
    }
    if pos.len() != 3 {
        return Err(ts.type_error("type() takes 1 or 3 arguments"));
    }
    let name = crate::objects::str::expect_str(ts, pos[0], "type.__new__() argument 1")?;
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
    // The most derived metaclass wins.
    let mut winner = meta;
    for &b in bases_t.items() {
        let mt = type_of(b);
        if winner.is_subtype(mt) {
            continue;
        }
        if mt.is_subtype(winner) {
            winner = mt;
            continue;
        }
        return Err(ts.type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    if winner != meta {
        if let Some(n) = winner.slots.new.get() {
            if n as usize != type_new as *const () as usize {
                return n(ts, winner, args, kw);
            }
        }
    }
    let meta = winner;
    let bases: Vec<Value> = if bases_t.is_empty() {
        vec![types().object.value()]
    } else {
        bases_t.items().to_vec()
    };
    let base = best_base(ts, &bases)?;
    let solid = solid_base(base);
    let dict = DictObj::new(ts);
    dict.update_from_dict(ts, ns)?;
    // __qualname__, __module__, __doc__.
    let qualname = match dict.get_str(names().__qualname__) {
        Some(q) => {
            let q = crate::objects::str::expect_str(ts, q, "type __qualname__")?;
            dict.del_item_opt(ts, names().__qualname__.value())?;
            q
        }
        None => name,
    };
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
    if dict.get_str(names().__doc__).is_none() {
        dict.set_item(ts, names().__doc__.value(), Value::NONE)?;
    }
    // Implicit class/static methods.
    for n in ["__init_subclass__", "__class_getitem__"] {
        if let Some(f) = dict.get_str_text(n) {
            if f.downcast::<crate::objects::function::FunctionObj>()
                .is_some()
            {
                let cm = ops::call1(ts, types().classmethod.value(), f)?;
                dict.set_item_str(ts, n, cm);
            }
        }
    }
    if let Some(f) = dict.get_str(names().__new__) {
        if f.downcast::<crate::objects::function::FunctionObj>()
            .is_some()
        {
            let sm = crate::objects::descriptors::StaticMethodObj::new(ts, f);
            dict.set_item(ts, names().__new__.value(), sm.value())?;
        }
    }
    let classcell = dict.get_str(names().__classcell__);
    if classcell.is_some() {
        dict.del_item_opt(ts, names().__classcell__.value())?;
    }
    // __slots__: instances get no __dict__; only the listed names.
    let mut no_dict = false;
    if let Some(slots) = dict.get_str(names().__slots__) {
        let names_list: RootedVec = if slots.downcast::<StrObj>().is_some() {
            let mut r = RootedVec::new(ts);
            r.push(slots);
            r
        } else {
            ops::collect(ts, slots)?
        };
        let mut allowed = RootedVec::new(ts);
        for &n in names_list.iter() {
            let s = crate::objects::str::expect_str(ts, n, "__slots__ items")?;
            if s.as_str() == "__dict__" {
                continue;
            }
            if s.as_str() != "__weakref__" {
                allowed.push(n);
            }
        }
        let has_dict = names_list
            .iter()
            .any(|&n| crate::objects::str::as_str(n) == Some("__dict__"));
        no_dict = !has_dict;
        let t = TupleObj::new(ts, &allowed);
        dict.set_item_str(ts, "__ftpy_slots__", t.value());
    }
    // Layout.
    let (instance_kind, basic_size, attrs_offset) =
        if base.attrs_offset != 0 || base.instance_kind == Kind::Instance {
            (base.instance_kind, base.basic_size, base.attrs_offset)
        } else if solid == types().object {
            (
                Kind::Instance,
                std::mem::size_of::<crate::objects::instance::InstanceObj>() as u32,
                16,
            )
        } else if solid.instance_kind == Kind::Type {
            // A metaclass: its instances are classes, allocated as plain
            // type objects (below), whose attributes live in their own
            // dict. They have no attribute store.
            (Kind::Type, solid.basic_size, 0)
        } else {
            let k = solid.instance_kind;
            let off = match k {
                Kind::Str | Kind::Tuple | Kind::Bytes => VAR_ATTRS,
                _ => (solid.basic_size as usize).div_ceil(8) as u32 * 8,
            };
            (k, solid.basic_size + ATTR_STORE_SIZE as u32, off)
        };
    let ty = ts.alloc(TypeObj::blank(
        Header::new(meta, Kind::Type, 0),
        instance_kind,
        basic_size,
        attrs_offset,
    ));
    ty.set_flag(tflags::HEAPTYPE | tflags::BASETYPE);
    if no_dict {
        ty.set_flag(tflags::NO_DICT);
    }
    for &b in &bases {
        if let Some(bt) = b.downcast::<TypeObj>() {
            for f in [tflags::EXCEPTION, tflags::SEQUENCE, tflags::MAPPING] {
                if bt.has_flag(f) {
                    ty.set_flag(f);
                }
            }
        }
    }
    let iname = crate::interp::intern_str(ts, name);
    ty.name.set(iname.value());
    ty.qualname.set(qualname.value());
    ty.dict.set(dict.value());
    ty.base.set(base.value());
    let bt = TupleObj::new(ts, &bases);
    ty.bases.set(bt.value());
    let subs = ListObj::new(ts, &[]);
    ty.subclasses.set(subs.value());
    let mro = compute_mro(ts, ty.value(), &bases)?;
    let mro_t = TupleObj::new(ts, &mro);
    ty.mro.set(mro_t.value());
    ty.inline_slots.store(
        base.inline_slots.load(std::sync::atomic::Ordering::Relaxed),
        std::sync::atomic::Ordering::Relaxed,
    );
    // __dict__ for instances that have attributes, when no base has one.
    if !no_dict && attrs_offset != 0 && ty.lookup(names().__dict__).is_none() {
        let d = crate::objects::object::dict_descriptor(ts, ty);
        dict.set_item(ts, names().__dict__.value(), d)?;
    }
    // __eq__ without __hash__ makes instances unhashable.
    if dict.get_str(names().__eq__).is_some() && dict.get_str(names().__hash__).is_none() {
        dict.set_item(ts, names().__hash__.value(), Value::NONE)?;
    }
    // Lookups made while the dict was being completed may be cached under
    // the first version: start afresh.
    ty.modified();
    for &b in &bases {
        if let Some(bt) = b.downcast::<TypeObj>() {
            if let Some(l) = bt.subclasses.get().downcast::<ListObj>() {
                l.append(ts, ty.value());
            }
        }
    }
    crate::objects::slots::update_slots(ty);
    if let Some(cell) = classcell {
        match cell.downcast::<crate::objects::cell::CellObj>() {
            Some(c) => c.value.set(ty.value()),
            None => {
                return Err(ts.type_error(format!(
                    "__classcell__ must be a nonlocal cell, not {}",
                    type_name(cell)
                )));
            }
        }
    }
    // __set_name__ on descriptors, then the parent's __init_subclass__.
    let items = dict.items_rooted(ts);
    for pair in items.chunks(2) {
        let (k, v) = (pair[0], pair[1]);
        if let Some(sn) = type_of(v).lookup(names().__set_name__) {
            // CPython 3.11 reports the original exception as is.
            ops::call_unbound(ts, sn, v, &[ty.value(), k], None)?;
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
            cls.name_str()
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
        update_slots_recursive(cls);
    }
    Ok(())
}

fn update_slots_recursive(cls: Gc<TypeObj>) {
    crate::objects::slots::update_slots(cls);
    if let Some(subs) = cls.subclasses.get().downcast::<ListObj>() {
        for s in subs.snapshot_items() {
            if let Some(t) = s.downcast::<TypeObj>() {
                update_slots_recursive(t);
            }
        }
    }
}

fn type_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let t = as_type(ts, v)?;
    let q = crate::objects::str::as_str(t.qualname.get()).unwrap_or("?");
    let s = match t
        .dict()
        .get_str_text("__module__")
        .and_then(crate::objects::str::as_str)
    {
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

fn set_name(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let t = as_type(ts, v)?;
    if !t.is_heap_type() {
        return Err(ts.type_error(format!(
            "cannot set '__name__' attribute of immutable type '{}'",
            t.name_str()
        )));
    }
    match x.and_then(|s| s.downcast::<StrObj>()) {
        Some(s) => {
            t.name.set(s.value());
            Ok(())
        }
        None => Err(ts.type_error("can only assign string to __name__")),
    }
}

fn get_qualname(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(as_type(ts, v)?.qualname.get())
}

fn set_qualname(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let t = as_type(ts, v)?;
    match x.and_then(|s| s.downcast::<StrObj>()) {
        Some(s) if t.is_heap_type() => {
            t.qualname.set(s.value());
            Ok(())
        }
        _ => Err(ts.type_error("can only assign string to __qualname__")),
    }
}

fn get_module(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let t = as_type(ts, v)?;
    match t.dict().get_str(names().__module__) {
        Some(m) => Ok(m),
        None => Ok(StrObj::new(ts, "builtins")),
    }
}

fn set_module(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let t = as_type(ts, v)?;
    t.dict()
        .set_item(ts, names().__module__.value(), x.unwrap_or(Value::NONE))?;
    t.modified();
    Ok(())
}

fn get_bases(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(as_type(ts, v)?.bases.get())
}

fn get_base(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let b = as_type(ts, v)?.base.get();
    Ok(if b.is_null() { Value::NONE } else { b })
}

fn get_mro(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(as_type(ts, v)?.mro.get())
}

fn get_dict(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    // A copy: changes to a class must go through setattr (versions, slots).
    let t = as_type(ts, v)?;
    let d = DictObj::new(ts);
    d.update_from_dict(ts, t.dict())?;
    Ok(d.value())
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
        _ => Err(ts.attribute_error(v, names().__abstractmethods__)),
    }
}

fn set_abstract(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let t = as_type(ts, v)?;
    match x {
        Some(x) => {
            let nonempty = ops::truthy(ts, x)?;
            t.dict()
                .set_item(ts, names().__abstractmethods__.value(), x)?;
            t.modified();
            if nonempty {
                t.set_flag(tflags::ABSTRACT);
            } else {
                t.flags
                    .fetch_and(!tflags::ABSTRACT, std::sync::atomic::Ordering::Relaxed);
            }
        }
        None => {
            t.dict()
                .del_item_opt(ts, names().__abstractmethods__.value())?;
            t.modified();
            t.flags
                .fetch_and(!tflags::ABSTRACT, std::sync::atomic::Ordering::Relaxed);
        }
    }
    t.modified();
    Ok(())
}

fn m_mro(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let t = as_type(ts, args[0])?;
    let items = t.mro_tuple().items().to_vec();
    Ok(ListObj::new(ts, &items).value())
}

fn m_subclasses(
    ts: &mut ThreadState,
    args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let t = as_type(ts, args[0])?;
    let items = match t.subclasses.get().downcast::<ListObj>() {
        Some(l) => l.snapshot_items(),
        None => Vec::new(),
    };
    Ok(ListObj::new(ts, &items).value())
}

fn m_instancecheck(
    ts: &mut ThreadState,
    args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
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
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
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

fn m_dir(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let t = as_type(ts, args[0])?;
    let result = DictObj::new(ts);
    for x in t.mro_tuple().items().to_vec() {
        if let Some(x) = x.downcast::<TypeObj>() {
            let items = x.dict().items_rooted(ts);
            for pair in items.chunks(2) {
                result.set_item(ts, pair[0], Value::NONE)?;
            }
        }
    }
    let items = result.items_rooted(ts);
    let keys: Vec<Value> = items.chunks(2).map(|p| p[0]).collect();
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
    add_getset(ts, ty, "__name__", get_name, Some(set_name));
    add_getset(ts, ty, "__qualname__", get_qualname, Some(set_qualname));
    add_getset(ts, ty, "__module__", get_module, Some(set_module));
    add_getset(ts, ty, "__bases__", get_bases, None);
    add_getset(ts, ty, "__base__", get_base, None);
    add_getset(ts, ty, "__mro__", get_mro, None);
    add_getset(ts, ty, "__dict__", get_dict, None);
    add_getset(ts, ty, "__doc__", get_doc, None);
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
