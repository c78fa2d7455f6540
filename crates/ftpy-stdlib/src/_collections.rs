//! `_collections`: `deque`, `defaultdict`, `_count_elements` and
//! `_tuplegetter`, the native parts of `collections`.
//!
//! # deque
//! A `VecDeque` of values behind the deque's own mutex, plus a mutation
//! counter (`state`) that iterators and comparisons check, so a deque
//! changed under them raises `RuntimeError: deque mutated during
//! iteration` as in CPython. Every operation is atomic (the container
//! contract of DESIGN.md): it takes the lock, does its work, releases it.
//! The lock is never held while Python code runs: operations that compare
//! items (`count`, `index`, `remove`, `in`, `==`) copy an item out, unlock,
//! compare, and re-check `state` before going on.
//!
//! # defaultdict
//! A `dict` subclass: instances are dicts (the VM's dict layout with an
//! attribute store), and the type is made at import with `type()` from
//! native methods, so every dict operation stays the dict's own.

use parking_lot::Mutex;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use ftpy_compiler::CompareOp;
use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::{Marker, RootedVec};
use ftpy_vm::interp::{names, types};
use ftpy_vm::objects::dict::DictObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::native::{self, data_of, NativeData, NativeObj};
use ftpy_vm::objects::slice::SliceObj;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{short_type_name, type_name, type_of, TypeObj};
use ftpy_vm::objects::{add_getset, add_methods, method};
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

// ---- deque ---------------------------------------------------------------

pub struct Deque {
    items: Mutex<VecDeque<Value>>,
    /// `usize::MAX` when unbounded.
    maxlen: AtomicUsize,
    /// Bumped by every mutation (iterators and comparisons check it).
    state: AtomicU64,
}

// SAFETY: traces every item.
unsafe impl NativeData for Deque {
    fn trace(&self, m: &mut Marker) {
        // SAFETY: the world is stopped; no thread holds a deque lock at a
        // safepoint (the lock is never held across one), so the contents
        // are not changing.
        let items = unsafe { &*self.items.data_ptr() };
        for &v in items.iter() {
            m.value(v);
        }
    }
}

impl Deque {
    fn new() -> Deque {
        Deque {
            items: Mutex::new(VecDeque::new()),
            maxlen: AtomicUsize::new(usize::MAX),
            state: AtomicU64::new(0),
        }
    }

    fn bump(&self) {
        self.state.fetch_add(1, Ordering::Relaxed);
    }

    fn maxlen(&self) -> Option<usize> {
        match self.maxlen.load(Ordering::Relaxed) {
            usize::MAX => None,
            n => Some(n),
        }
    }

    fn push_back(&self, v: Value) {
        let mut d = self.items.lock();
        if let Some(m) = self.maxlen() {
            if m == 0 {
                return;
            }
            if d.len() >= m {
                d.pop_front();
            }
        }
        d.push_back(v);
        self.bump();
    }

    fn push_front(&self, v: Value) {
        let mut d = self.items.lock();
        if let Some(m) = self.maxlen() {
            if m == 0 {
                return;
            }
            if d.len() >= m {
                d.pop_back();
            }
        }
        d.push_front(v);
        self.bump();
    }

    fn len(&self) -> usize {
        self.items.lock().len()
    }

    fn get(&self, i: usize) -> Option<Value> {
        self.items.lock().get(i).copied()
    }

    fn snapshot(&self, ts: &mut ThreadState) -> RootedVec {
        let mut out = RootedVec::new(ts);
        let d = self.items.lock();
        out.extend(d.iter().copied());
        out
    }
}

static DEQUE_TYPE: std::sync::OnceLock<Gc<TypeObj>> = std::sync::OnceLock::new();
static DEQUE_ITER_TYPE: std::sync::OnceLock<Gc<TypeObj>> = std::sync::OnceLock::new();
static DEQUE_RITER_TYPE: std::sync::OnceLock<Gc<TypeObj>> = std::sync::OnceLock::new();

fn dq(ts: &mut ThreadState, v: Value) -> PyResult<&'static Deque> {
    native::expect::<Deque>(ts, v, "collections.deque")
}

fn note_size(obj: Value) {
    if let Some(o) = obj.downcast::<NativeObj>() {
        o.written();
    }
}

fn deque_new(ts: &mut ThreadState, cls: Gc<TypeObj>, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    Ok(NativeObj::new(ts, cls, Deque::new()).value())
}

fn deque_init(ts: &mut ThreadState, v: Value, args: &[Value], kw: Kw) -> PyResult<()> {
    static SIG: Sig = Sig::new("deque(iterable=(), maxlen=None)");
    let [iterable, maxlen] = SIG.bind(ts, args, kw)?;
    let d = dq(ts, v)?;
    let m = match maxlen.non_null().filter(|m| !m.is_none()) {
        None => usize::MAX,
        Some(m) => {
            let n = ops::index_to_i64(ts, m)?;
            if n < 0 {
                return Err(ts.value_error("maxlen must be non-negative"));
            }
            n as usize
        }
    };
    d.maxlen.store(m, Ordering::Relaxed);
    if !d.items.lock().is_empty() {
        d.items.lock().clear();
        d.bump();
    }
    if let Some(it) = iterable.non_null() {
        extend(ts, v, d, it, false)?;
    }
    Ok(())
}

fn extend(ts: &mut ThreadState, v: Value, d: &Deque, iterable: Value, left: bool) -> PyResult<()> {
    // `d.extend(d)` reads a snapshot first.
    let items = if iterable == v {
        d.snapshot(ts)
    } else {
        ops::collect(ts, iterable)?
    };
    for &x in items.iter() {
        if left {
            d.push_front(x);
        } else {
            d.push_back(x);
        }
    }
    note_size(v);
    Ok(())
}

fn m_append(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("deque.append($self, item, /)");
    let [v, x] = SIG.bind(ts, args, kw)?;
    dq(ts, v)?.push_back(x);
    note_size(v);
    Ok(Value::NONE)
}

fn m_appendleft(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("deque.appendleft($self, item, /)");
    let [v, x] = SIG.bind(ts, args, kw)?;
    dq(ts, v)?.push_front(x);
    note_size(v);
    Ok(Value::NONE)
}

fn m_pop(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("deque.pop($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let d = dq(ts, v)?;
    let r = d.items.lock().pop_back();
    match r {
        Some(x) => {
            d.bump();
            Ok(x)
        }
        None => Err(ts.index_error("pop from an empty deque")),
    }
}

fn m_popleft(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("deque.popleft($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let d = dq(ts, v)?;
    let r = d.items.lock().pop_front();
    match r {
        Some(x) => {
            d.bump();
            Ok(x)
        }
        None => Err(ts.index_error("pop from an empty deque")),
    }
}

fn m_extend(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("deque.extend($self, iterable, /)");
    let [v, it] = SIG.bind(ts, args, kw)?;
    let d = dq(ts, v)?;
    extend(ts, v, d, it, false)?;
    Ok(Value::NONE)
}

fn m_extendleft(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("deque.extendleft($self, iterable, /)");
    let [v, it] = SIG.bind(ts, args, kw)?;
    let d = dq(ts, v)?;
    extend(ts, v, d, it, true)?;
    Ok(Value::NONE)
}

fn m_clear(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("deque.clear($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let d = dq(ts, v)?;
    d.items.lock().clear();
    d.bump();
    Ok(Value::NONE)
}

fn new_like(ts: &mut ThreadState, v: Value, items: &[Value]) -> PyResult<Value> {
    let d = dq(ts, v)?;
    let cls = type_of(v);
    let deque_ty = DEQUE_TYPE.get().copied();
    if Some(cls) == deque_ty {
        let n = Deque::new();
        n.maxlen
            .store(d.maxlen.load(Ordering::Relaxed), Ordering::Relaxed);
        let obj = NativeObj::new(ts, cls, n);
        let nd = dq(ts, obj.value())?;
        for &x in items {
            nd.push_back(x);
        }
        return Ok(obj.value());
    }
    // A subclass: call it as CPython does, type(d)(items, maxlen).
    let t = TupleObj::new(ts, items);
    match d.maxlen() {
        None => ops::call1(ts, cls.value(), t.value()),
        Some(m) => ops::call2(
            ts,
            cls.value(),
            t.value(),
            Value::small_int_unchecked(m as i64),
        ),
    }
}

fn m_copy(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("deque.copy($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let items = dq(ts, v)?.snapshot(ts);
    new_like(ts, v, &items)
}

/// Calls `f(i, item)` for each item while the deque stays unchanged;
/// `f` returns `Some(r)` to stop with `r`.
fn scan(
    ts: &mut ThreadState,
    d: &Deque,
    start: usize,
    stop: usize,
    mut f: impl FnMut(&mut ThreadState, usize, Value) -> PyResult<Option<Value>>,
) -> PyResult<Option<Value>> {
    let state = d.state.load(Ordering::Relaxed);
    let mut i = start;
    while i < stop {
        let Some(x) = d.get(i) else { break };
        if let Some(r) = f(ts, i, x)? {
            return Ok(Some(r));
        }
        if d.state.load(Ordering::Relaxed) != state {
            return Err(ts.runtime_error("deque mutated during iteration"));
        }
        i += 1;
    }
    Ok(None)
}

fn m_count(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("deque.count($self, value, /)");
    let [v, x] = SIG.bind(ts, args, kw)?;
    let d = dq(ts, v)?;
    let mut n = 0i64;
    scan(ts, d, 0, usize::MAX, |ts, _, y| {
        if y == x || ops::eq(ts, y, x)? {
            n += 1;
        }
        Ok(None)
    })?;
    Ok(Value::small_int_unchecked(n))
}

fn m_index(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("deque.index($self, value, start=0, stop=sys.maxsize, /)");
    let [v, x, start, stop] = SIG.bind(ts, args, kw)?;
    let d = dq(ts, v)?;
    let n = d.len() as i64;
    let clamp = |i: i64| -> usize {
        if i < 0 {
            (i + n).max(0) as usize
        } else {
            i.min(n) as usize
        }
    };
    let start = match start.non_null() {
        Some(s) => clamp(ops::index_saturating(ts, s, "slice indices")?),
        None => 0,
    };
    let stop = match stop.non_null() {
        Some(s) => clamp(ops::index_saturating(ts, s, "slice indices")?),
        None => n as usize,
    };
    let r = scan(ts, d, start, stop, |ts, i, y| {
        if y == x || ops::eq(ts, y, x)? {
            return Ok(Some(Value::small_int_unchecked(i as i64)));
        }
        Ok(None)
    })?;
    match r {
        Some(i) => Ok(i),
        None => {
            let rx = ops::repr_string(ts, x)?;
            Err(ts.value_error(format!("{rx} is not in deque")))
        }
    }
}

fn m_remove(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("deque.remove($self, value, /)");
    let [v, x] = SIG.bind(ts, args, kw)?;
    let d = dq(ts, v)?;
    let state = d.state.load(Ordering::Relaxed);
    let found = scan(ts, d, 0, usize::MAX, |ts, i, y| {
        if y == x || ops::eq(ts, y, x)? {
            return Ok(Some(Value::small_int_unchecked(i as i64)));
        }
        Ok(None)
    })?;
    let Some(i) = found.and_then(|i| i.as_small_int()) else {
        let rx = ops::repr_string(ts, x)?;
        return Err(ts.value_error(format!("{rx} is not in deque")));
    };
    let mut items = d.items.lock();
    if d.state.load(Ordering::Relaxed) != state {
        drop(items);
        return Err(ts.index_error("deque mutated during remove()."));
    }
    items.remove(i as usize);
    drop(items);
    d.bump();
    Ok(Value::NONE)
}

fn m_insert(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("deque.insert($self, index, value, /)");
    let [v, i, x] = SIG.bind(ts, args, kw)?;
    let d = dq(ts, v)?;
    let i = ops::index_saturating(ts, i, "deque index")?;
    let mut items = d.items.lock();
    if let Some(m) = d.maxlen() {
        if items.len() >= m {
            drop(items);
            return Err(ts.index_error("deque already at its maximum size"));
        }
    }
    let n = items.len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    items.insert(j, x);
    drop(items);
    d.bump();
    note_size(v);
    Ok(Value::NONE)
}

fn m_reverse(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("deque.reverse($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let d = dq(ts, v)?;
    d.items.lock().make_contiguous().reverse();
    d.bump();
    Ok(Value::NONE)
}

fn m_rotate(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("deque.rotate($self, n=1, /)");
    let [v, n] = SIG.bind(ts, args, kw)?;
    let d = dq(ts, v)?;
    let n = match n.non_null() {
        Some(x) => ops::index_saturating(ts, x, "deque rotation")?,
        None => 1,
    };
    let mut items = d.items.lock();
    let len = items.len() as i64;
    if len > 1 {
        let k = n.rem_euclid(len) as usize;
        items.rotate_right(k);
    }
    drop(items);
    d.bump();
    Ok(Value::NONE)
}

fn get_maxlen(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(match dq(ts, v)?.maxlen() {
        None => Value::NONE,
        Some(m) => Value::small_int_unchecked(m as i64),
    })
}

fn deque_len(ts: &mut ThreadState, v: Value) -> PyResult<usize> {
    Ok(dq(ts, v)?.len())
}

fn deque_bool(ts: &mut ThreadState, v: Value) -> PyResult<bool> {
    Ok(dq(ts, v)?.len() > 0)
}

fn index_of(ts: &mut ThreadState, d: &Deque, key: Value) -> PyResult<usize> {
    if key.downcast::<SliceObj>().is_some() {
        return Err(ts.type_error("sequence index must be integer, not 'slice'"));
    }
    let i = ops::index_saturating(ts, key, "deque index")?;
    let n = d.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(ts.index_error("deque index out of range"));
    }
    Ok(j as usize)
}

fn deque_getitem(ts: &mut ThreadState, v: Value, key: Value) -> PyResult<Value> {
    let d = dq(ts, v)?;
    let i = index_of(ts, d, key)?;
    match d.get(i) {
        Some(x) => Ok(x),
        None => Err(ts.index_error("deque index out of range")),
    }
}

fn deque_setitem(ts: &mut ThreadState, v: Value, key: Value, x: Option<Value>) -> PyResult<()> {
    let d = dq(ts, v)?;
    let i = index_of(ts, d, key)?;
    let mut items = d.items.lock();
    if i >= items.len() {
        drop(items);
        return Err(ts.index_error("deque index out of range"));
    }
    match x {
        Some(x) => {
            items[i] = x;
            drop(items);
            note_size(v);
        }
        None => {
            items.remove(i);
            drop(items);
            d.bump();
        }
    }
    Ok(())
}

fn deque_contains(ts: &mut ThreadState, v: Value, x: Value) -> PyResult<bool> {
    let d = dq(ts, v)?;
    let r = scan(ts, d, 0, usize::MAX, |ts, _, y| {
        if y == x || ops::eq(ts, y, x)? {
            return Ok(Some(Value::TRUE));
        }
        Ok(None)
    })?;
    Ok(r.is_some())
}

fn deque_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let d = dq(ts, v)?;
    let name = short_type_name(v);
    if ts.repr_guard.contains(&v.bits()) {
        return Ok(StrObj::new(ts, "[...]"));
    }
    let items = d.snapshot(ts);
    let t = ftpy_vm::objects::list::ListObj::new(ts, &items);
    ts.repr_guard.push(v.bits());
    let r = ops::repr_string(ts, t.value());
    ts.repr_guard.pop();
    let inner = r?;
    let s = match d.maxlen() {
        None => format!("{name}({inner})"),
        Some(m) => format!("{name}({inner}, maxlen={m})"),
    };
    Ok(StrObj::new(ts, &s))
}

fn deque_richcompare(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (data_of::<Deque>(a), data_of::<Deque>(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let xs = x.snapshot(ts);
    let ys = y.snapshot(ts);
    if matches!(op, CompareOp::Eq | CompareOp::Ne) && xs.len() != ys.len() {
        return Ok(Value::from_bool(op == CompareOp::Ne));
    }
    ftpy_vm::objects::tuple::compare_sequences(
        ts,
        &|i| xs.get(i).copied(),
        &|i| ys.get(i).copied(),
        &|| (xs.len(), ys.len()),
        op,
    )
}

fn deque_add(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let (Some(x), Some(y)) = (data_of::<Deque>(a), data_of::<Deque>(b)) else {
        if data_of::<Deque>(a).is_some() {
            return Err(ts.type_error(format!(
                "can only concatenate deque (not \"{}\") to deque",
                type_name(b)
            )));
        }
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let mut items = x.snapshot(ts);
    let ys = y.snapshot(ts);
    items.extend_from_slice(&ys);
    new_like(ts, a, &items)
}

fn deque_iadd(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let d = dq(ts, a)?;
    extend(ts, a, d, b, false)?;
    Ok(a)
}

fn repeat_items(ts: &mut ThreadState, items: &[Value], n: Value) -> PyResult<RootedVec> {
    let k = ops::index_saturating(ts, n, "deque multiplier")?.max(0) as usize;
    let total = items.len().saturating_mul(k);
    ts.check_alloc_size(total.saturating_mul(8))?;
    let mut out = RootedVec::with_capacity(ts, total);
    for _ in 0..k {
        out.extend_from_slice(items);
    }
    Ok(out)
}

fn deque_mul(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let (d, n, v) = match (data_of::<Deque>(a), data_of::<Deque>(b)) {
        (Some(d), _) if type_of(b).slots.index.get().is_some() || b.is_small_int() => (d, b, a),
        (_, Some(d)) if type_of(a).slots.index.get().is_some() || a.is_small_int() => (d, a, b),
        _ => return Ok(Value::NOT_IMPLEMENTED),
    };
    let items = d.snapshot(ts);
    let out = repeat_items(ts, &items, n)?;
    // With a maxlen only the last items fit; new_like's pushes trim.
    new_like(ts, v, &out)
}

fn deque_imul(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let d = dq(ts, a)?;
    if !(type_of(b).slots.index.get().is_some() || b.is_small_int()) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let items = d.snapshot(ts);
    let out = repeat_items(ts, &items, b)?;
    d.items.lock().clear();
    for &x in out.iter() {
        d.push_back(x);
    }
    note_size(a);
    Ok(a)
}

fn m_reduce(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let v = args[0];
    let d = dq(ts, v)?;
    let items = d.snapshot(ts);
    let l = ftpy_vm::objects::list::ListObj::new(ts, &items);
    let cargs = match d.maxlen() {
        None => TupleObj::new(ts, &[l.value()]),
        Some(m) => TupleObj::new(ts, &[l.value(), Value::small_int_unchecked(m as i64)]),
    };
    let state = match ops::getattr_opt(ts, v, names().__dict__)? {
        Some(dct) if ops::len(ts, dct)? > 0 => dct,
        _ => Value::NONE,
    };
    Ok(TupleObj::new(ts, &[type_of(v).value(), cargs.value(), state]).value())
}

fn m_sizeof(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let d = dq(ts, args[0])?;
    let blocks = d.len() / 64 + 1;
    Ok(Value::small_int_unchecked((80 + blocks * 528) as i64))
}

// ---- deque iterators ---------------------------------------------------------

struct DequeIter {
    deque: Value,
    state: u64,
    /// Items yielded so far.
    index: AtomicUsize,
    reverse: bool,
}

// SAFETY: traces the deque.
unsafe impl NativeData for DequeIter {
    fn trace(&self, m: &mut Marker) {
        m.value(self.deque);
    }
}

fn new_iter(ts: &mut ThreadState, v: Value, reverse: bool) -> PyResult<Value> {
    let d = dq(ts, v)?;
    let cls = if reverse {
        DEQUE_RITER_TYPE.get()
    } else {
        DEQUE_ITER_TYPE.get()
    };
    let Some(&cls) = cls else {
        return Err(ts.system_error("_collections not initialized"));
    };
    let it = DequeIter {
        deque: v,
        state: d.state.load(Ordering::Relaxed),
        index: AtomicUsize::new(0),
        reverse,
    };
    Ok(NativeObj::new(ts, cls, it).value())
}

fn deque_iter(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    new_iter(ts, v, false)
}

fn m_reversed(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    new_iter(ts, args[0], true)
}

fn iter_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let it = native::expect::<DequeIter>(ts, v, "_collections._deque_iterator")?;
    let d = dq(ts, it.deque)?;
    let items = d.items.lock();
    if d.state.load(Ordering::Relaxed) != it.state {
        drop(items);
        it.index.store(usize::MAX, Ordering::Relaxed);
        return Err(ts.runtime_error("deque mutated during iteration"));
    }
    let i = it.index.load(Ordering::Relaxed);
    let n = items.len();
    if i >= n {
        return Ok(None);
    }
    it.index.store(i + 1, Ordering::Relaxed);
    Ok(Some(if it.reverse {
        items[n - 1 - i]
    } else {
        items[i]
    }))
}

fn iter_length_hint(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let it = native::expect::<DequeIter>(ts, args[0], "_collections._deque_iterator")?;
    let n = dq(ts, it.deque)?.len();
    let i = it.index.load(Ordering::Relaxed);
    Ok(Value::small_int_unchecked(n.saturating_sub(i) as i64))
}

fn self_iter(_ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(v)
}

// ---- defaultdict ---------------------------------------------------------

fn dd_factory(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(ops::getattr_str_opt(ts, v, "default_factory")?.unwrap_or(Value::NONE))
}

fn dd_init(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let v = args[0];
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    let npos = args.len() - 1 - nkw;
    let (factory, rest_start) = if npos >= 1 {
        (args[1], 2)
    } else {
        (Value::NONE, 1)
    };
    if !factory.is_none() && !ops::callable(factory) {
        return Err(ts.type_error("first argument must be callable or None"));
    }
    ops::setattr_str(ts, v, "default_factory", factory)?;
    let dict_init = types().dict.lookup(names().__init__).unwrap_or(Value::NONE);
    let rest = &args[rest_start..];
    ops::call_unbound(ts, dict_init, v, rest, kw)?;
    Ok(Value::NONE)
}

fn dd_missing(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("defaultdict.__missing__($self, key, /)");
    let [v, key] = SIG.bind(ts, args, kw)?;
    let f = dd_factory(ts, v)?;
    if f.is_none() {
        return Err(ts.key_error(key));
    }
    let val = ops::call0(ts, f)?;
    ops::setitem(ts, v, key, Some(val))?;
    Ok(val)
}

fn dd_repr(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let v = args[0];
    let f = dd_factory(ts, v)?;
    let fr = if f.is_none() {
        "None".to_string()
    } else if ts.repr_guard.contains(&f.bits()) {
        "...".to_string()
    } else {
        ts.repr_guard.push(f.bits());
        let r = ops::repr_string(ts, f);
        ts.repr_guard.pop();
        r?
    };
    let dict_repr = types().dict.lookup(names().__repr__).unwrap_or(Value::NONE);
    let dr = ops::call_unbound(ts, dict_repr, v, &[], None)?;
    let drs = ops::str_string(ts, dr)?;
    let s = format!("{}({fr}, {drs})", short_type_name(v));
    Ok(StrObj::new(ts, &s))
}

fn dd_copy(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let v = args[0];
    let f = dd_factory(ts, v)?;
    ops::call2(ts, type_of(v).value(), f, v)
}

fn dd_reduce(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let v = args[0];
    let f = dd_factory(ts, v)?;
    let cargs = if f.is_none() {
        TupleObj::new(ts, &[])
    } else {
        TupleObj::new(ts, &[f])
    };
    let items = ops::call_method(ts, v, names().items, &[])?;
    let it = ops::iter(ts, items)?;
    Ok(TupleObj::new(
        ts,
        &[
            type_of(v).value(),
            cargs.value(),
            Value::NONE,
            Value::NONE,
            it,
        ],
    )
    .value())
}

fn dd_or(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let (a, b) = (args[0], args[1]);
    if b.downcast::<DictObj>().is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let f = dd_factory(ts, a)?;
    let n = ops::call2(ts, type_of(a).value(), f, a)?;
    let update = ftpy_vm::interp::intern(ts, "update");
    ops::call_method(ts, n, update, &[b])?;
    Ok(n)
}

fn dd_ror(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let (a, b) = (args[0], args[1]);
    if b.downcast::<DictObj>().is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let f = dd_factory(ts, a)?;
    let n = ops::call2(ts, type_of(a).value(), f, b)?;
    let update = ftpy_vm::interp::intern(ts, "update");
    ops::call_method(ts, n, update, &[a])?;
    Ok(n)
}

fn make_defaultdict(ts: &mut ThreadState) -> PyResult<Value> {
    let ns = DictObj::new(ts);
    let module = StrObj::new(ts, "collections");
    ns.set_item_str(ts, "__module__", module);
    let slot_name = StrObj::new(ts, "default_factory");
    let slots = TupleObj::new(ts, &[slot_name]);
    ns.set_item_str(ts, "__slots__", slots.value());
    let doc = StrObj::new(
        ts,
        "defaultdict(default_factory=None, /, [...]) --> dict with default factory",
    );
    ns.set_item_str(ts, "__doc__", doc);
    let name = StrObj::new(ts, "defaultdict");
    let bases = TupleObj::new(ts, &[types().dict.value()]);
    let ty = ops::call(
        ts,
        types().type_.value(),
        &[name, bases.value(), ns.value()],
        None,
    )?;
    let Some(t) = ty.downcast::<TypeObj>() else {
        return Err(ts.system_error("defaultdict type creation failed"));
    };
    add_methods(
        ts,
        t,
        &[
            method("__init__", dd_init),
            method("__missing__", dd_missing),
            method("__repr__", dd_repr),
            method("copy", dd_copy),
            method("__copy__", dd_copy),
            method("__reduce__", dd_reduce),
            method("__or__", dd_or),
            method("__ror__", dd_ror),
        ],
    );
    ftpy_vm::objects::genericalias::add_class_getitem(ts, t);
    ftpy_vm::objects::slots::update_slots(t);
    t.modified();
    Ok(ty)
}

// ---- _count_elements, _tuplegetter ---------------------------------------

fn count_elements(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_count_elements(mapping, iterable, /)");
    let [mapping, iterable] = SIG.bind(ts, args, kw)?;
    let it = ops::iter(ts, iterable)?;
    let one = Value::small_int_unchecked(1);
    let exact = type_of(mapping) == types().dict;
    let get = if exact {
        Value::NONE
    } else {
        ops::getattr(ts, mapping, names().get)?
    };
    while let Some(x) = ops::next(ts, it)? {
        let cur = if exact {
            // SAFETY: checked exact dict above.
            let d: Gc<DictObj> = unsafe { mapping.downcast_unchecked() };
            d.get_item_opt(ts, x)?
                .unwrap_or(Value::small_int_unchecked(0))
        } else {
            ops::call2(ts, get, x, Value::small_int_unchecked(0))?
        };
        let n = ops::add(ts, cur, one)?;
        ops::setitem(ts, mapping, x, Some(n))?;
    }
    Ok(Value::NONE)
}

/// `_tuplegetter(index, doc)`: the field descriptors of namedtuples.
struct TupleGetter {
    index: usize,
    /// Writable, as CPython's `__doc__` member (`dis` and `urllib.parse`
    /// set the docs of namedtuple fields).
    doc: ftpy_vm::gc::Slot,
}

// SAFETY: traces the doc.
unsafe impl NativeData for TupleGetter {
    fn trace(&self, m: &mut Marker) {
        m.value(self.doc.get());
    }
}

fn tg_new(ts: &mut ThreadState, cls: Gc<TypeObj>, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_tuplegetter(index, doc, /)");
    let [index, doc] = SIG.bind(ts, args, kw)?;
    let i = ops::index_to_i64(ts, index)?;
    if i < 0 {
        return Err(ts.value_error("index must be non-negative"));
    }
    Ok(NativeObj::new(
        ts,
        cls,
        TupleGetter {
            index: i as usize,
            doc: ftpy_vm::gc::Slot::new(doc),
        },
    )
    .value())
}

fn tg_get(ts: &mut ThreadState, d: Value, obj: Value, _ty: Value) -> PyResult<Value> {
    let g = native::expect::<TupleGetter>(ts, d, "_collections._tuplegetter")?;
    if obj.is_null() || obj.is_none() {
        return Ok(d);
    }
    let Some(t) = obj.downcast::<TupleObj>() else {
        return Err(ts.type_error(format!(
            "descriptor for index '{}' for tuple subclasses doesn't apply to '{}' object",
            g.index,
            type_name(obj)
        )));
    };
    match t.get(g.index) {
        Some(x) => Ok(x),
        None => Err(ts.index_error("tuple index out of range")),
    }
}

fn tg_set(ts: &mut ThreadState, _d: Value, _obj: Value, v: Option<Value>) -> PyResult<()> {
    Err(ts.attribute_error_msg(if v.is_some() {
        "can't set attribute"
    } else {
        "can't delete attribute"
    }))
}

fn tg_doc(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(
        native::expect::<TupleGetter>(ts, v, "_collections._tuplegetter")?
            .doc
            .get(),
    )
}

fn tg_set_doc(ts: &mut ThreadState, v: Value, doc: Option<Value>) -> PyResult<()> {
    let g = native::expect::<TupleGetter>(ts, v, "_collections._tuplegetter")?;
    g.doc.set(doc.unwrap_or(Value::NONE));
    Ok(())
}

fn tg_reduce(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let g = native::expect::<TupleGetter>(ts, args[0], "_collections._tuplegetter")?;
    let a = TupleObj::new(
        ts,
        &[Value::small_int_unchecked(g.index as i64), g.doc.get()],
    );
    Ok(TupleObj::new(ts, &[type_of(args[0]).value(), a.value()]).value())
}

// ---- the module ----------------------------------------------------------

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let d = native::new_type::<Deque>(ts, "deque", "collections", None, true);
    native::make_static(ts, d);
    d.set_flag(ftpy_vm::objects::typeobj::tflags::WEAKREFABLE);
    let s = &d.slots;
    s.new.set(Some(deque_new));
    s.init.set(Some(deque_init));
    s.len.set(Some(deque_len));
    s.bool.set(Some(deque_bool));
    s.getitem.set(Some(deque_getitem));
    s.setitem.set(Some(deque_setitem));
    s.contains.set(Some(deque_contains));
    s.iter.set(Some(deque_iter));
    s.repr.set(Some(deque_repr));
    s.richcompare.set(Some(deque_richcompare));
    s.hash
        .set(Some(ftpy_vm::objects::slots::hash_not_implemented));
    use ftpy_compiler::BinaryOp;
    s.nb[BinaryOp::Add as usize].set(Some(deque_add));
    s.nb[BinaryOp::Multiply as usize].set(Some(deque_mul));
    s.nb_inplace[BinaryOp::Add as usize].set(Some(deque_iadd));
    s.nb_inplace[BinaryOp::Multiply as usize].set(Some(deque_imul));
    add_methods(
        ts,
        d,
        &[
            method("append", m_append),
            method("appendleft", m_appendleft),
            method("pop", m_pop),
            method("popleft", m_popleft),
            method("extend", m_extend),
            method("extendleft", m_extendleft),
            method("clear", m_clear),
            method("copy", m_copy),
            method("__copy__", m_copy),
            method("count", m_count),
            method("index", m_index),
            method("remove", m_remove),
            method("insert", m_insert),
            method("reverse", m_reverse),
            method("rotate", m_rotate),
            method("__reversed__", m_reversed),
            method("__reduce__", m_reduce),
            method("__sizeof__", m_sizeof),
        ],
    );
    add_getset(ts, d, "maxlen", get_maxlen, None);
    ftpy_vm::objects::genericalias::add_class_getitem(ts, d);
    native::finish_type(ts, d);
    let _ = DEQUE_TYPE.set(d);
    for (name, cell) in [
        ("_deque_iterator", &DEQUE_ITER_TYPE),
        ("_deque_reverse_iterator", &DEQUE_RITER_TYPE),
    ] {
        let t = native::new_type::<DequeIter>(ts, name, "_collections", None, false);
        native::make_static(ts, t);
        t.slots.iter.set(Some(self_iter));
        t.slots.next.set(Some(iter_next));
        add_methods(ts, t, &[method("__length_hint__", iter_length_hint)]);
        native::finish_type(ts, t);
        let _ = cell.set(t);
        m.set_attr(ts, name, t.value());
        ftpy_vm::interp::add_global_root(t.value());
    }
    m.set_attr(ts, "deque", d.value());
    ftpy_vm::interp::add_global_root(d.value());
    let dd = make_defaultdict(ts)?;
    m.set_attr(ts, "defaultdict", dd);
    let tg = native::new_type::<TupleGetter>(ts, "_tuplegetter", "_collections", None, false);
    native::make_static(ts, tg);
    tg.slots.new.set(Some(tg_new));
    tg.slots.descr_get.set(Some(tg_get));
    tg.slots.descr_set.set(Some(tg_set));
    add_getset(ts, tg, "__doc__", tg_doc, Some(tg_set_doc));
    add_methods(ts, tg, &[method("__reduce__", tg_reduce)]);
    native::finish_type(ts, tg);
    m.set_attr(ts, "_tuplegetter", tg.value());
    m.add_function(ts, "_count_elements", count_elements);
    Ok(())
}
