//! `tuple`: an immutable array of values, stored inline.
//!
//! Items are written while the tuple is private to the thread building it
//! and never change after publication, so readers see them as plain
//! `Value`s without atomics or locks.

use ftpy_compiler::{BinaryOp, CompareOp};

use crate::error::PyResult;
use crate::gc::{Marker, RootedVec, Slot};
use crate::interp::{interp, types, BuiltinTypes};
use crate::object::{len_value, Gc, Header, HeapObj, Kind};
use crate::objects::slice::{normalize_index, SliceObj};
use crate::objects::str::StrObj;
use crate::objects::typeobj::{type_name, type_of, TypeObj};
use crate::objects::{add_methods, method};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

#[repr(C)]
pub struct TupleObj {
    pub header: Header,
    len: usize,
    items: [Slot; 0],
}

// SAFETY: repr(C), Header first; trace visits every item.
unsafe impl HeapObj for TupleObj {
    const KIND: Kind = Kind::Tuple;
    fn trace(&self, m: &mut Marker) {
        m.values(self.items());
    }
}

impl TupleObj {
    /// A new exact tuple of `items`.
    pub fn new(ts: &mut ThreadState, items: &[Value]) -> Gc<TupleObj> {
        if items.is_empty() {
            if let Some(i) = crate::interp::try_interp() {
                return i.empty_tuple;
            }
        }
        Self::new_typed(ts, types().tuple, items)
    }

    /// A tuple of type `ty` (tuple or a subclass).
    pub fn new_typed(ts: &mut ThreadState, ty: Gc<TypeObj>, items: &[Value]) -> Gc<TupleObj> {
        let n = items.len();
        let base = std::mem::size_of::<TupleObj>() + n * 8;
        let size = if ty.attrs_offset != 0 {
            base + crate::objects::instance::ATTR_STORE_SIZE
        } else {
            base
        };
        let g = ts.alloc_var(size, |p: *mut TupleObj| {
            // SAFETY: room for the header, `n` items (and an attr store).
            unsafe {
                p.write(TupleObj {
                    header: Header::new(ty, Kind::Tuple, 0),
                    len: n,
                    items: [],
                });
                let s = (p as *mut u8).add(std::mem::size_of::<TupleObj>()) as *mut Slot;
                for (i, &v) in items.iter().enumerate() {
                    s.add(i).write(Slot::new(v));
                }
            }
        });
        if ty.attrs_offset != 0 {
            crate::objects::instance::init_attr_store_at(g.addr() + base, 0);
        }
        g
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        self.len
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The items.
    #[inline(always)]
    pub fn items(&self) -> &[Value] {
        // SAFETY: `len` initialized slots follow the header; they never
        // change after the tuple is published (see the module doc), and
        // Slot is a transparent AtomicU64, layout-compatible with Value.
        unsafe { std::slice::from_raw_parts(self.items.as_ptr() as *const Value, self.len) }
    }

    #[inline(always)]
    pub fn get(&self, i: usize) -> Option<Value> {
        self.items().get(i).copied()
    }
}

/// Lexicographic comparison of two sequences read through `get` (which
/// may see a shrinking list: it returns None past the end); `lens` gives
/// their current lengths. As CPython, the first differing position is
/// found with `==`; if a comparison shrank either sequence so that the
/// position is past its end, the lengths read then decide.
pub fn compare_sequences(
    ts: &mut ThreadState,
    a: &dyn Fn(usize) -> Option<Value>,
    b: &dyn Fn(usize) -> Option<Value>,
    lens: &dyn Fn() -> (usize, usize),
    op: CompareOp,
) -> PyResult<Value> {
    let by_length = || {
        let (la, lb) = lens();
        Ok(Value::from_bool(crate::objects::float::ordering_matches(
            la.cmp(&lb),
            op,
        )))
    };
    let mut i = 0;
    loop {
        let (Some(x), Some(y)) = (a(i), b(i)) else {
            return by_length();
        };
        if !ops::eq(ts, x, y)? {
            let (la, lb) = lens();
            if i >= la || i >= lb {
                return by_length();
            }
            return match op {
                CompareOp::Eq => Ok(Value::FALSE),
                CompareOp::Ne => Ok(Value::TRUE),
                _ => ops::rich_compare(ts, x, y, op),
            };
        }
        i += 1;
    }
}

/// `repr` of a sequence of items between brackets, with the recursion
/// guard. `one_comma` adds the trailing comma of 1-tuples.
pub fn repr_items(
    ts: &mut ThreadState,
    owner: Value,
    get: &dyn Fn(usize) -> Option<Value>,
    open: &str,
    close: &str,
    one_comma: bool,
) -> PyResult<String> {
    if ts.repr_guard.contains(&owner.bits()) {
        return Ok(format!("{open}...{close}"));
    }
    ts.repr_guard.push(owner.bits());
    let r = (|| {
        let mut out = String::from(open);
        let mut i = 0;
        while let Some(v) = get(i) {
            if i > 0 {
                out.push_str(", ");
            }
            let r = ops::repr(ts, v)?;
            out.push_str(r.as_str());
            i += 1;
        }
        if one_comma && i == 1 {
            out.push(',');
        }
        out.push_str(close);
        Ok(out)
    })();
    ts.repr_guard.pop();
    r
}

fn as_tuple(ts: &mut ThreadState, v: Value) -> PyResult<Gc<TupleObj>> {
    match v.downcast::<TupleObj>() {
        Some(t) => Ok(t),
        None => Err(ts.type_error(format!(
            "descriptor requires a 'tuple' object but received a '{}'",
            type_name(v)
        ))),
    }
}

fn tuple_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let t = as_tuple(ts, v)?;
    let s = repr_items(ts, v, &|i| t.get(i), "(", ")", true)?;
    Ok(StrObj::new(ts, &s))
}

fn tuple_hash(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    let t = as_tuple(ts, v)?;
    let mut hs = Vec::with_capacity(t.len());
    ts.enter_recursive_call(" while hashing a tuple")?;
    for &x in t.items() {
        match ops::hash(ts, x) {
            Ok(h) => hs.push(h),
            Err(e) => {
                ts.leave_recursive_call();
                return Err(e);
            }
        }
    }
    ts.leave_recursive_call();
    Ok(crate::hash::hash_tuple_items(hs.into_iter(), t.len()))
}

fn tuple_richcompare(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast::<TupleObj>(), b.downcast::<TupleObj>()) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if (op == CompareOp::Eq || op == CompareOp::Ne) && x.len() != y.len() {
        return Ok(Value::from_bool(op == CompareOp::Ne));
    }
    compare_sequences(ts, &|i| x.get(i), &|i| y.get(i), &|| (x.len(), y.len()), op)
}

fn tuple_len(ts: &mut ThreadState, v: Value) -> PyResult<usize> {
    Ok(as_tuple(ts, v)?.len())
}

/// `t[key]` for tuples.
pub fn tuple_getitem(ts: &mut ThreadState, v: Value, key: Value) -> PyResult<Value> {
    let t = as_tuple(ts, v)?;
    if let Some(i) = key.as_small_int() {
        return match normalize_index(i, t.len()) {
            Some(j) => Ok(t.items()[j]),
            None => Err(ts.index_error("tuple index out of range")),
        };
    }
    if let Some(s) = key.downcast::<SliceObj>() {
        let (start, _, step, n) = s.indices(ts, t.len() as i64)?;
        if step == 1 && n == t.len() && type_of(v) == types().tuple {
            return Ok(v);
        }
        let mut out = RootedVec::with_capacity(ts, n);
        for k in 0..n {
            out.push(t.items()[(start + k as i64 * step) as usize]);
        }
        return Ok(TupleObj::new(ts, &out).value());
    }
    let i = ops::item_index(ts, key, "tuple")?;
    match normalize_index(i, t.len()) {
        Some(j) => Ok(t.items()[j]),
        None => Err(ts.index_error("tuple index out of range")),
    }
}

fn tuple_contains(ts: &mut ThreadState, v: Value, item: Value) -> PyResult<bool> {
    let t = as_tuple(ts, v)?;
    for &x in t.items() {
        if ops::eq(ts, x, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn tuple_iter(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(
        crate::objects::iterators::IterObj::new(ts, types().tuple_iterator, v, Value::NULL, 0)
            .value(),
    )
}

fn tuple_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    // As CPython: keywords are refused unless a subclass's own __init__
    // takes them (tuple.__new__ then ignores them).
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    if nkw > 0 && cls.slots.init.raw() == types().tuple.slots.init.raw() {
        return Err(ts.type_error("tuple() takes no keyword arguments"));
    }
    // The keywords' values follow the positional arguments.
    let args = &args[..args.len().saturating_sub(nkw)];
    let items = match args {
        [] => {
            if cls == types().tuple {
                return Ok(interp().empty_tuple.value());
            }
            RootedVec::new(ts)
        }
        [x] => {
            if cls == types().tuple && type_of(*x) == types().tuple {
                return Ok(*x);
            }
            ops::collect(ts, *x)?
        }
        _ => {
            return Err(ts.type_error(format!(
                "tuple expected at most 1 argument, got {}",
                args.len()
            )))
        }
    };
    Ok(TupleObj::new_typed(ts, cls, &items).value())
}

fn tuple_concat(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast::<TupleObj>(), b.downcast::<TupleObj>()) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if y.is_empty() && type_of(a) == types().tuple {
        return Ok(a);
    }
    if x.is_empty() && type_of(b) == types().tuple {
        return Ok(b);
    }
    let mut v = RootedVec::with_capacity(ts, x.len() + y.len());
    v.extend_from_slice(x.items());
    v.extend_from_slice(y.items());
    Ok(TupleObj::new(ts, &v).value())
}

/// The repeat count of `seq * n` (either order); None if not an int.
pub fn repeat_count(ts: &mut ThreadState, n: Value) -> PyResult<Option<i64>> {
    if let Some(i) = n.as_small_int() {
        return Ok(Some(i));
    }
    if crate::objects::int::is_int(n) || type_of(n).slots.index.get().is_some() {
        let i = ops::index(ts, n)?;
        return match crate::objects::int::to_i64(i) {
            Some(x) => Ok(Some(x)),
            None => Err(ts.overflow_error("cannot fit 'int' into an index-sized integer")),
        };
    }
    Ok(None)
}

fn tuple_repeat(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let (t, n) = match (a.downcast::<TupleObj>(), b.downcast::<TupleObj>()) {
        (Some(t), _) => (t, b),
        (None, Some(t)) => (t, a),
        _ => return Ok(Value::NOT_IMPLEMENTED),
    };
    let Some(n) = repeat_count(ts, n)? else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let n = n.max(0) as usize;
    if n == 1 && type_of(t.value()) == types().tuple {
        return Ok(t.value());
    }
    let total = t
        .len()
        .checked_mul(n)
        .filter(|&x| x < (1 << 40))
        .ok_or_else(|| ts.memory_error(""))?;
    ts.check_alloc_size(total * 8)?;
    let mut v = RootedVec::with_capacity(ts, total);
    for _ in 0..n {
        v.extend_from_slice(t.items());
    }
    Ok(TupleObj::new(ts, &v).value())
}

fn tuple_index(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("tuple.index($self, value, start=0, stop=sys.maxsize, /)");
    SIG.bind::<4>(ts, args, kw)?;
    let t = as_tuple(ts, args[0])?;
    let Some(&x) = args.get(1) else {
        return Err(ts.type_error("index expected at least 1 argument, got 0"));
    };
    let len = t.len() as i64;
    let clamp = |v: i64| if v < 0 { (v + len).max(0) } else { v.min(len) };
    let start = match args.get(2) {
        Some(&s) => clamp(ops::slice_bound(ts, s)?),
        None => 0,
    };
    let stop = match args.get(3) {
        Some(&s) => clamp(ops::slice_bound(ts, s)?),
        None => len,
    };
    for i in start..stop {
        if ops::eq(ts, t.items()[i as usize], x)? {
            return Ok(Value::small_int_unchecked(i));
        }
    }
    Err(ts.value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("tuple.count($self, value, /)");
    SIG.bind::<2>(ts, args, kw)?;
    let t = as_tuple(ts, args[0])?;
    let Some(&x) = args.get(1) else {
        return Err(ts.type_error("count() takes exactly one argument (0 given)"));
    };
    let mut n = 0;
    for &y in t.items() {
        if ops::eq(ts, y, x)? {
            n += 1;
        }
    }
    Ok(len_value(n))
}

fn tuple_getnewargs(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("tuple.__getnewargs__($self, /)");
    let [_] = SIG.bind(ts, args, kw)?;
    let t = as_tuple(ts, args[0])?;
    let copy = TupleObj::new(ts, t.items());
    Ok(TupleObj::new(ts, &[copy.value()]).value())
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let doc = StrObj::new(ts, "Built-in immutable sequence.\n\nIf no argument is given, the constructor returns an empty tuple.\nIf iterable is specified the tuple is initialized from iterable's items.\n\nIf the argument is a tuple, the return value is the same object.");
    crate::objects::set_type_attr(ts, t.tuple, "__doc__", doc);
    let ty = t.tuple;
    let s = &ty.slots;
    s.repr.set(Some(tuple_repr));
    s.hash.set(Some(tuple_hash));
    s.richcompare.set(Some(tuple_richcompare));
    s.len.set(Some(tuple_len));
    s.getitem.set(Some(tuple_getitem));
    s.contains.set(Some(tuple_contains));
    s.iter.set(Some(tuple_iter));
    s.new.set(Some(tuple_new));
    s.nb[BinaryOp::Add as usize].set(Some(tuple_concat));
    s.nb[BinaryOp::Multiply as usize].set(Some(tuple_repeat));
    add_methods(
        ts,
        ty,
        &[
            method("index", tuple_index),
            method("count", tuple_count),
            method("__getnewargs__", tuple_getnewargs),
            method("__add__", tuple_add_method),
        ],
    );
}

/// `tuple.__add__` called directly: CPython's sequence concatenation
/// raises rather than returning NotImplemented.
fn tuple_add_method(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("tuple.__add__($self, value, /)");
    let [a, b] = SIG.bind(ts, args, kw)?;
    let r = tuple_concat(ts, a, b)?;
    if r == Value::NOT_IMPLEMENTED {
        return Err(ts.type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            crate::objects::typeobj::type_name(b)
        )));
    }
    Ok(r)
}
