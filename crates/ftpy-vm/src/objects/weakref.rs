//! Weak references: `weakref.ReferenceType` (`_weakref.ref`),
//! `weakref.ProxyType` and `weakref.CallableProxyType`.
//!
//! # Layout
//! ```text
//! +--------+-----------------+----------+------+
//! | Header | referent (bits) | callback | hash |   [+ attribute store for subclasses]
//! +--------+-----------------+----------+------+
//! ```
//! `referent` holds the bits of the referent's `Value`, or NULL once the
//! referent died. It is *not* traced: that is what makes the reference
//! weak. `callback` is traced like any field.
//!
//! # How references die (gc invariant 8)
//! Every weak reference is in [`REGISTRY`], keyed by its referent's
//! address. A collection, after marking from the roots and before it
//! resurrects objects awaiting `__del__` (as CPython clears weak
//! references to all unreachable objects before finalizing them), calls
//! [`clear_dead`] with the world stopped: each reference whose referent is
//! unmarked gets NULL, and if the reference itself is alive and has a
//! callback it joins [`PENDING`]. The pending callbacks are roots until
//! they run, on the collecting thread at its next safepoint, before the
//! pending `__del__` methods (see `crate::run_finalizers`): never inside
//! the collector.
//!
//! # Concurrency
//! `referent` is written by the constructor and by the collector (world
//! stopped) only, so a mutator's load sees the object or NULL, never a
//! dangling address. The registry is behind one mutex, taken when a weak
//! reference is created and when a collection processes it: creating weak
//! references is rare next to reading them, and reading one (`r()`) takes
//! no lock.

use ftpy_compiler::CompareOp;
use parking_lot::Mutex;
use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};

use crate::error::PyResult;
use crate::gc::{Marker, Slot};
use crate::interp::{types, BuiltinTypes};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::add_getset;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{tflags, type_of, TypeObj};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

#[repr(C)]
pub struct WeakRefObj {
    pub header: Header,
    /// The referent's `Value` bits, or NULL's once it died. Not traced.
    referent: AtomicU64,
    /// The callback, or NULL (`None` is stored as NULL).
    callback: Slot,
    /// The referent's hash, -1 until computed.
    hash: AtomicI64,
}

// SAFETY: repr(C), Header first; traces the callback and deliberately not
// the referent (see the module doc).
unsafe impl HeapObj for WeakRefObj {
    const KIND: Kind = Kind::WeakRef;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.callback);
    }
}

/// Referent address -> the addresses of the weak references to it, oldest
/// first.
static REGISTRY: Mutex<Option<HashMap<usize, Vec<usize>>>> = Mutex::new(None);
/// Weak references whose referent died and whose callback must run.
static PENDING: Mutex<Vec<usize>> = Mutex::new(Vec::new());

impl WeakRefObj {
    /// The referent, or `None` once it died.
    #[inline]
    pub fn get(&self) -> Option<Value> {
        let bits = self.referent.load(Ordering::Acquire);
        // SAFETY: `referent` holds bits of a live object's Value or NULL's
        // (the collector clears it before the object can be swept).
        let v = unsafe { Value::from_bits(bits) };
        v.non_null()
    }

    /// The callback, or `None`.
    pub fn callback(&self) -> Option<Value> {
        self.callback.get().non_null()
    }
}

/// Whether instances of `ty` can be weakly referenced (CPython: the type
/// has a `__weakref__` slot).
pub fn supports_weakrefs(ty: Gc<TypeObj>) -> bool {
    for &t in ty.mro_tuple().items() {
        let Some(t) = t.downcast::<TypeObj>() else {
            continue;
        };
        if t.has_flag(tflags::WEAKREFABLE) {
            return true;
        }
        if t.has_flag(tflags::HEAPTYPE) {
            // A class statement without __slots__ gives its instances
            // __dict__ and __weakref__; with __slots__, only if listed.
            let d = t.dict();
            match d.get_str_text("__slots__") {
                None => return true,
                Some(s) => {
                    if slots_name_weakref(s) {
                        return true;
                    }
                }
            }
        }
    }
    false
}

fn slots_name_weakref(slots: Value) -> bool {
    if crate::objects::str::as_str(slots) == Some("__weakref__") {
        return true;
    }
    let items: &[Value] = if let Some(t) = slots.downcast::<TupleObj>() {
        t.obj().items()
    } else {
        // Lists and other iterables: read a snapshot of a list only.
        return match slots.downcast::<crate::objects::list::ListObj>() {
            Some(l) => (0..l.len()).any(|i| {
                l.get(i)
                    .is_some_and(|v| crate::objects::str::as_str(v) == Some("__weakref__"))
            }),
            None => false,
        };
    };
    items
        .iter()
        .any(|&v| crate::objects::str::as_str(v) == Some("__weakref__"))
}

/// Creates a weak reference of type `cls` (ref, a subclass, or a proxy
/// type) to `obj`.
pub fn new_weakref(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    obj: Value,
    callback: Value,
) -> PyResult<Gc<WeakRefObj>> {
    let oty = type_of(obj);
    if !obj.is_ptr() || !supports_weakrefs(oty) {
        return Err(ts.type_error(format!(
            "cannot create weak reference to '{}' object",
            type_display_name(oty)
        )));
    }
    let callback = if callback.is_none() {
        Value::NULL
    } else {
        callback
    };
    // `ref(obj)` without a callback is shared (CPython returns the same
    // basic reference each time).
    let t = types();
    let reusable = callback.is_null() && (cls == t.weakref || cls == t.weakproxy);
    if reusable {
        let reg = REGISTRY.lock();
        if let Some(list) = reg.as_ref().and_then(|r| r.get(&obj.addr_unchecked())) {
            for &w in list {
                // SAFETY: registered references are live objects (dead ones
                // leave the registry in the collection that finds them).
                let w: Gc<WeakRefObj> = unsafe { Gc::from_addr(w) };
                let wty = w.header.ty();
                let same_kind = wty == cls
                    || (cls == t.weakproxy && wty == t.weakcallableproxy)
                    || (cls == t.weakcallableproxy && wty == t.weakproxy);
                if same_kind && w.callback.get().is_null() && w.get() == Some(obj) {
                    return Ok(w);
                }
            }
        }
    }
    let cls = if cls == t.weakproxy && type_of(obj).slots.call.get().is_some() {
        t.weakcallableproxy
    } else {
        cls
    };
    let w = crate::objects::instance::alloc_with_attrs(
        ts,
        cls,
        WeakRefObj {
            header: Header::new(cls, Kind::WeakRef, 0),
            referent: AtomicU64::new(obj.bits()),
            callback: Slot::new(callback),
            hash: AtomicI64::new(-1),
        },
    );
    // No safepoint between the allocation and the registration: the
    // referent is alive (it is `obj`, held by the caller) and `w` is new.
    REGISTRY
        .lock()
        .get_or_insert_with(HashMap::new)
        .entry(obj.addr_unchecked())
        .or_default()
        .push(w.addr());
    Ok(w)
}

/// The weak references to `obj`, oldest first (for `getweakrefs`).
pub fn weakrefs_to(ts: &mut ThreadState, obj: Value) -> Vec<Value> {
    let _ = ts;
    if !obj.is_ptr() {
        return Vec::new();
    }
    let reg = REGISTRY.lock();
    match reg.as_ref().and_then(|r| r.get(&obj.addr_unchecked())) {
        Some(list) => list.iter().map(|&a| Value::from_addr(a)).collect(),
        None => Vec::new(),
    }
}

/// Collector only, world stopped, after marking from the roots with epoch
/// `ep`: clears every weak reference whose referent is unmarked and queues
/// the callbacks of the live ones (see the module doc). Returns whether
/// callbacks are pending.
pub(crate) fn clear_dead(ep: u8) -> bool {
    let marked = |a: usize| {
        // SAFETY: registry addresses name objects that were alive at the
        // previous collection or created since; nothing has been swept
        // since this collection started, so the headers are readable.
        unsafe { (*(a as *const Header)).mark() == ep }
    };
    let mut reg = REGISTRY.lock();
    let Some(map) = reg.as_mut() else {
        return !PENDING.lock().is_empty();
    };
    let mut pending = PENDING.lock();
    map.retain(|&referent, refs| {
        if marked(referent) {
            refs.retain(|&w| marked(w));
            return !refs.is_empty();
        }
        // The referent is garbage: clear every reference to it; callbacks
        // of live references run newest first, as in CPython.
        for &w in refs.iter().rev() {
            // SAFETY: as above; a reference's layout is WeakRefObj.
            let wr = unsafe { &*(w as *const WeakRefObj) };
            wr.referent.store(Value::NULL.bits(), Ordering::Release);
            if marked(w) && !wr.callback.get_relaxed().is_null() {
                pending.push(w);
            }
        }
        false
    });
    !pending.is_empty()
}

/// Collector only: the pending callbacks' references are roots.
pub(crate) fn trace_pending(m: &mut Marker) {
    for &w in PENDING.lock().iter() {
        m.obj(w);
    }
}

/// Whether weak-reference callbacks wait to run.
pub fn has_pending_callbacks() -> bool {
    !PENDING.lock().is_empty()
}

/// Runs the pending callbacks (after a collection, at a safepoint of the
/// collecting thread). An exception in a callback is printed as CPython
/// prints it ("Exception ignored in: <function ...>") and does not stop
/// the others.
pub fn run_pending_callbacks(ts: &mut ThreadState) {
    loop {
        let batch: Vec<usize> = std::mem::take(&mut *PENDING.lock());
        if batch.is_empty() {
            return;
        }
        let mut rooted = crate::gc::RootedVec::new(ts);
        for &w in &batch {
            rooted.push(Value::from_addr(w));
        }
        drop(batch);
        for i in 0..rooted.len() {
            let wv = rooted[i];
            // SAFETY: PENDING only holds weak reference objects.
            let w: Gc<WeakRefObj> = unsafe { wv.downcast_unchecked() };
            let cb = w.callback.swap(Value::NULL);
            if cb.is_null() {
                continue;
            }
            if let Err(err) = ops::call1(ts, cb, wv) {
                crate::report_unraisable(ts, err, cb);
            }
        }
    }
}

// ---- ReferenceType ---------------------------------------------------------

fn this(ts: &mut ThreadState, v: Value) -> PyResult<Gc<WeakRefObj>> {
    match v.downcast::<WeakRefObj>() {
        Some(w) => Ok(w),
        None => Err(ts.type_error(format!(
            "descriptor requires a 'weakref.ReferenceType' object but received a '{}'",
            crate::objects::typeobj::type_name(v)
        ))),
    }
}

fn ref_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kwnames: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    // Subclasses may take more arguments (their __init__ handles them);
    // only the first two matter here. Keywords go to __init__.
    let nkw = kwnames.map(|k| k.len()).unwrap_or(0);
    let pos = &args[..args.len() - nkw];
    if cls == types().weakref && nkw > 0 {
        return Err(ts.type_error("ref() takes no keyword arguments"));
    }
    let (obj, cb) = match pos.len() {
        0 => {
            return Err(ts.type_error(format!(
                "__new__ expected at least 1 argument, got {}",
                pos.len()
            )))
        }
        1 => (pos[0], Value::NONE),
        2 => (pos[0], pos[1]),
        _ if cls != types().weakref => (pos[0], pos[1]),
        n => return Err(ts.type_error(format!("__new__ expected at most 2 arguments, got {n}"))),
    };
    Ok(new_weakref(ts, cls, obj, cb)?.value())
}

fn ref_init(
    _ts: &mut ThreadState,
    _v: Value,
    _args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<()> {
    Ok(())
}

fn ref_call(
    ts: &mut ThreadState,
    v: Value,
    args: &[Value],
    kwnames: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("weakref.ReferenceType.__call__(/)");
    let [] = SIG.bind(ts, args, kwnames)?;
    let w = this(ts, v)?;
    Ok(w.get().unwrap_or(Value::NONE))
}

fn ref_hash(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    let w = this(ts, v)?;
    let h = w.hash.load(Ordering::Relaxed);
    if h != -1 {
        return Ok(h);
    }
    let Some(obj) = w.get() else {
        return Err(ts.type_error("weak object has gone away"));
    };
    let h = ops::hash(ts, obj)?;
    w.hash.store(h, Ordering::Relaxed);
    Ok(h)
}

fn ref_richcompare(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let (Some(wa), Some(wb)) = (a.downcast::<WeakRefObj>(), b.downcast::<WeakRefObj>()) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if !is_ref_type(wa.header.ty()) || !is_ref_type(wb.header.ty()) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    match (wa.get(), wb.get()) {
        (Some(x), Some(y)) => ops::rich_compare(ts, x, y, op),
        _ => {
            let same = a == b;
            Ok(Value::from_bool(if op == CompareOp::Eq {
                same
            } else {
                !same
            }))
        }
    }
}

fn is_ref_type(t: Gc<TypeObj>) -> bool {
    t == types().weakref || t.is_subtype(types().weakref)
}

fn ref_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let w = this(ts, v)?;
    let s = match w.get() {
        None => format!("<weakref at {:#x}; dead>", v.addr_unchecked()),
        Some(o) => {
            let tn = type_display_name(type_of(o));
            let name = match ops::getattr_opt(ts, o, crate::interp::names().__name__) {
                Ok(Some(n)) => crate::objects::str::as_str(n).map(|s| s.to_string()),
                _ => None,
            };
            match name {
                Some(n) => format!(
                    "<weakref at {:#x}; to '{tn}' at {:#x} ({n})>",
                    v.addr_unchecked(),
                    o.addr_unchecked()
                ),
                None => format!(
                    "<weakref at {:#x}; to '{tn}' at {:#x}>",
                    v.addr_unchecked(),
                    o.addr_unchecked()
                ),
            }
        }
    };
    Ok(StrObj::new(ts, &s))
}

fn get_callback(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(this(ts, v)?.callback().unwrap_or(Value::NONE))
}

// ---- proxies ---------------------------------------------------------------

fn referent_or_error(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    // SAFETY: the proxy slots are installed on the proxy types only, whose
    // layout is WeakRefObj.
    let w: Gc<WeakRefObj> = unsafe { v.downcast_unchecked() };
    match w.get() {
        Some(o) => Ok(o),
        None => {
            let ty = crate::objects::exception::exception_type("ReferenceError")
                .unwrap_or(types().runtime_error);
            Err(ts.new_error(ty, "weakly-referenced object no longer exists"))
        }
    }
}

fn proxy_getattr(ts: &mut ThreadState, v: Value, name: Gc<StrObj>) -> PyResult<Option<Value>> {
    let o = referent_or_error(ts, v)?;
    ops::getattr_opt(ts, o, name)
}

fn proxy_setattr(
    ts: &mut ThreadState,
    v: Value,
    name: Gc<StrObj>,
    val: Option<Value>,
) -> PyResult<()> {
    let o = referent_or_error(ts, v)?;
    ops::setattr(ts, o, name, val)
}

fn proxy_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    // SAFETY: as in `referent_or_error`.
    let w: Gc<WeakRefObj> = unsafe { v.downcast_unchecked() };
    let s = match w.get() {
        Some(o) => format!(
            "<weakproxy at {:#x}; to '{}' at {:#x}>",
            v.addr_unchecked(),
            type_display_name(type_of(o)),
            o.addr_unchecked()
        ),
        None => format!("<weakproxy at {:#x}; dead>", v.addr_unchecked()),
    };
    Ok(StrObj::new(ts, &s))
}

fn proxy_str(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let o = referent_or_error(ts, v)?;
    Ok(ops::str_(ts, o)?.value())
}

fn proxy_call(
    ts: &mut ThreadState,
    v: Value,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let o = referent_or_error(ts, v)?;
    ops::call(ts, o, args, kw)
}

/// Unwraps a proxy operand (binary operators may have one on either side).
fn unwrap(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    if let Some(w) = v.downcast::<WeakRefObj>() {
        let t = w.header.ty();
        if t == types().weakproxy || t == types().weakcallableproxy {
            return referent_or_error(ts, v);
        }
    }
    Ok(v)
}

fn proxy_richcompare(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    let a = unwrap(ts, a)?;
    let b = unwrap(ts, b)?;
    ops::rich_compare(ts, a, b, op)
}

fn proxy_bool(ts: &mut ThreadState, v: Value) -> PyResult<bool> {
    let o = referent_or_error(ts, v)?;
    ops::truthy(ts, o)
}

fn proxy_len(ts: &mut ThreadState, v: Value) -> PyResult<usize> {
    let o = referent_or_error(ts, v)?;
    ops::len(ts, o)
}

fn proxy_iter(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let o = referent_or_error(ts, v)?;
    ops::iter(ts, o)
}

fn proxy_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let o = referent_or_error(ts, v)?;
    match type_of(o).slots.next.get() {
        Some(f) => f(ts, o),
        None => Err(ts.type_error(format!(
            "Weakref proxy referenced a non-iterator '{}' object",
            crate::objects::typeobj::type_name(o)
        ))),
    }
}

fn proxy_getitem(ts: &mut ThreadState, v: Value, k: Value) -> PyResult<Value> {
    let o = referent_or_error(ts, v)?;
    ops::getitem(ts, o, k)
}

fn proxy_setitem(ts: &mut ThreadState, v: Value, k: Value, x: Option<Value>) -> PyResult<()> {
    let o = referent_or_error(ts, v)?;
    ops::setitem(ts, o, k, x)
}

fn proxy_contains(ts: &mut ThreadState, v: Value, k: Value) -> PyResult<bool> {
    let o = referent_or_error(ts, v)?;
    ops::contains(ts, o, k)
}

macro_rules! proxy_binops {
    ($($i:expr),*) => {
        [$(
            {
                fn f(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
                    let a = unwrap(ts, a)?;
                    let b = unwrap(ts, b)?;
                    ops::binary_op(ts, a, b, ftpy_compiler::BinaryOp::from_u32($i).unwrap_or(ftpy_compiler::BinaryOp::Add))
                }
                f as crate::objects::typeobj::BinaryFn
            },
        )*]
    };
}

macro_rules! proxy_unary {
    ($name:ident, $op:path) => {
        fn $name(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
            let o = referent_or_error(ts, v)?;
            $op(ts, o)
        }
    };
}
proxy_unary!(proxy_neg, ops::neg);
proxy_unary!(proxy_pos, ops::pos);
proxy_unary!(proxy_invert, ops::invert);
proxy_unary!(proxy_abs, ops::abs);
proxy_unary!(proxy_index, ops::index);
fn proxy_int(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let o = referent_or_error(ts, v)?;
    ops::call1(ts, types().int.value(), o)
}
fn proxy_float(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let o = referent_or_error(ts, v)?;
    ops::call1(ts, types().float.value(), o)
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    for ty in [
        t.type_,
        t.function,
        t.builtin_function,
        t.method,
        t.set,
        t.frozenset,
        t.generator,
        t.coroutine,
        t.async_generator,
        t.code,
        t.module,
    ] {
        ty.set_flag(tflags::WEAKREFABLE);
    }
    let r = t.weakref;
    r.slots.new.set(Some(ref_new));
    r.slots.init.set(Some(ref_init));
    r.slots.call.set(Some(ref_call));
    r.slots.hash.set(Some(ref_hash));
    r.slots.richcompare.set(Some(ref_richcompare));
    r.slots.repr.set(Some(ref_repr));
    add_getset(ts, r, "__callback__", get_callback, None);
    let binops = proxy_binops!(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    for p in [t.weakproxy, t.weakcallableproxy] {
        let s = &p.slots;
        s.getattro.set(Some(proxy_getattr));
        s.setattro.set(Some(proxy_setattr));
        s.repr.set(Some(proxy_repr));
        s.str.set(Some(proxy_str));
        s.hash
            .set(Some(crate::objects::slots::hash_not_implemented));
        s.richcompare.set(Some(proxy_richcompare));
        s.bool.set(Some(proxy_bool));
        s.len.set(Some(proxy_len));
        s.iter.set(Some(proxy_iter));
        s.next.set(Some(proxy_next));
        s.getitem.set(Some(proxy_getitem));
        s.setitem.set(Some(proxy_setitem));
        s.contains.set(Some(proxy_contains));
        s.neg.set(Some(proxy_neg));
        s.pos.set(Some(proxy_pos));
        s.invert.set(Some(proxy_invert));
        s.abs.set(Some(proxy_abs));
        s.index.set(Some(proxy_index));
        s.int.set(Some(proxy_int));
        s.float.set(Some(proxy_float));
        for (i, f) in binops.iter().enumerate() {
            s.nb[i].set(Some(*f));
        }
    }
    t.weakcallableproxy.slots.call.set(Some(proxy_call));
}

/// A type's name as CPython's `tp_name` shows it in messages: qualified by
/// its module for native types outside `builtins` (`weakref.ReferenceType`).
pub fn type_display_name(ty: Gc<TypeObj>) -> String {
    let name = ty.name_str();
    if ty.has_flag(tflags::HEAPTYPE) {
        return name.to_string();
    }
    match ty.module_str() {
        Some(m) if m != "builtins" => format!("{m}.{name}"),
        _ => name.to_string(),
    }
}
