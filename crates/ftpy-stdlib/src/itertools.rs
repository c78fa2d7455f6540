//! `itertools`: the iterator building blocks, as native iterator types.
//!
//! Every iterator keeps its state in a [`NativeData`] struct. Values that
//! never change after construction (the source iterator, a function) are
//! plain fields; state that `__next__` updates sits behind the object's
//! own mutex. The mutex is never held while Python code runs or while
//! allocating (gc invariant 7): `__next__` copies what it needs out,
//! unlocks, calls into Python, and locks again to record the result. Two
//! threads stepping one iterator therefore never crash or tear a value; as
//! in CPython, which item each gets is not specified. The collector reads
//! the state without locking (the world is stopped, and no thread holds
//! such a lock at a safepoint).

use parking_lot::Mutex;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::{Marker, RootedVec, Slot};
use ftpy_vm::interp::types;
use ftpy_vm::objects::list::ListObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::native::{self, data_of, NativeData, NativeObj};
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{type_name, TypeObj};
use ftpy_vm::objects::{add_methods, classmethod, method};
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

/// Reads a mutex's data for tracing.
///
/// # Safety
/// Only with the world stopped: no thread holds an itertools lock at a
/// safepoint, so nothing mutates the data meanwhile.
unsafe fn peek<T>(m: &Mutex<T>) -> &T {
    // SAFETY: forwarded to the caller.
    unsafe { &*m.data_ptr() }
}

fn self_iter(_ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(v)
}

fn get<T: NativeData>(ts: &mut ThreadState, v: Value) -> PyResult<&'static T> {
    native::expect::<T>(ts, v, "itertools")
}

fn no_kwargs(
    ts: &mut ThreadState,
    name: &str,
    cls: Gc<TypeObj>,
    own: Gc<TypeObj>,
    kw: Kw,
) -> PyResult<()> {
    if cls == own && kw.map(|k| k.len()).unwrap_or(0) > 0 {
        return Err(ts.type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// A value whose identity is unique: "not set yet" in a state field.
const UNSET: Value = Value::NULL;

// ---- count ---------------------------------------------------------------

struct Count {
    cur: Slot,
    step: Slot,
}
// SAFETY: traces both slots.
unsafe impl NativeData for Count {
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.cur);
        m.slot(&self.step);
    }
}

fn is_number(ts: &mut ThreadState, v: Value) -> PyResult<bool> {
    if v.is_small_int() || v.is_float() || v.is_bool() {
        return Ok(true);
    }
    let t = ftpy_vm::objects::typeobj::type_of(v);
    Ok(t.slots.index.get().is_some()
        || t.slots.int.get().is_some()
        || t.slots.float.get().is_some()
        || ops::getattr_str_opt(ts, v, "__complex__")?.is_some())
}

fn count_new(ts: &mut ThreadState, cls: Gc<TypeObj>, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("count(start=0, step=1)");
    let [start, step] = SIG.bind(ts, args, kw)?;
    let start = start.non_null().unwrap_or(Value::small_int_unchecked(0));
    let step = step.non_null().unwrap_or(Value::small_int_unchecked(1));
    if !is_number(ts, start)? || !is_number(ts, step)? {
        return Err(ts.type_error("a number is required"));
    }
    Ok(NativeObj::new(
        ts,
        cls,
        Count {
            cur: Slot::new(start),
            step: Slot::new(step),
        },
    )
    .value())
}

fn count_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let c = get::<Count>(ts, v)?;
    loop {
        let cur = c.cur.get();
        let step = c.step.get();
        let nxt = ops::add(ts, cur, step)?;
        if c.cur.compare_exchange(cur, nxt) {
            return Ok(Some(cur));
        }
    }
}

fn count_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let c = get::<Count>(ts, v)?;
    let name = ftpy_vm::objects::typeobj::type_of(v).name_str();
    let cur = ops::repr_string(ts, c.cur.get())?;
    let step = c.step.get();
    let s = if step.as_small_int() == Some(1) {
        format!("{name}({cur})")
    } else {
        let st = ops::repr_string(ts, step)?;
        format!("{name}({cur}, {st})")
    };
    Ok(StrObj::new(ts, &s))
}

// ---- repeat --------------------------------------------------------------

struct Repeat {
    obj: Value,
    /// Items left, or -1 for ever.
    left: AtomicI64,
}
// SAFETY: traces the object.
unsafe impl NativeData for Repeat {
    fn trace(&self, m: &mut Marker) {
        m.value(self.obj);
    }
}

fn repeat_new(ts: &mut ThreadState, cls: Gc<TypeObj>, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("repeat(object, times=None)");
    let [obj, times] = SIG.bind(ts, args, kw)?;
    let left = match times.non_null() {
        None => -1,
        Some(t) => ops::index_to_i64(ts, t)?.max(0),
    };
    Ok(NativeObj::new(
        ts,
        cls,
        Repeat {
            obj,
            left: AtomicI64::new(left),
        },
    )
    .value())
}

fn repeat_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let r = get::<Repeat>(ts, v)?;
    loop {
        let n = r.left.load(Ordering::Relaxed);
        if n < 0 {
            return Ok(Some(r.obj));
        }
        if n == 0 {
            return Ok(None);
        }
        if r.left
            .compare_exchange(n, n - 1, Ordering::Relaxed, Ordering::Relaxed)
            .is_ok()
        {
            return Ok(Some(r.obj));
        }
    }
}

fn repeat_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let r = get::<Repeat>(ts, v)?;
    let name = ftpy_vm::objects::typeobj::type_of(v).name_str();
    let o = ops::repr_string(ts, r.obj)?;
    let n = r.left.load(Ordering::Relaxed);
    let s = if n < 0 {
        format!("{name}({o})")
    } else {
        format!("{name}({o}, {n})")
    };
    Ok(StrObj::new(ts, &s))
}

fn repeat_length_hint(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let r = get::<Repeat>(ts, args[0])?;
    let n = r.left.load(Ordering::Relaxed);
    if n < 0 {
        return Err(ts.type_error("len() of unsized object"));
    }
    Ok(Value::small_int_unchecked(n))
}

// ---- cycle ---------------------------------------------------------------

struct Cycle {
    it: Value,
    /// A list of the items seen in the first pass.
    saved: Value,
    state: Mutex<CycleState>,
}
struct CycleState {
    /// Still reading the source.
    first_pass: bool,
    index: usize,
}
// SAFETY: traces the source and the saved list.
unsafe impl NativeData for Cycle {
    fn trace(&self, m: &mut Marker) {
        m.value(self.it);
        m.value(self.saved);
    }
}

fn cycle_new(ts: &mut ThreadState, cls: Gc<TypeObj>, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(ts, "cycle", cls, cls, kw)?;
    static SIG: Sig = Sig::new("cycle(iterable, /)");
    let [iterable] = SIG.bind(ts, args, None)?;
    let it = ops::iter(ts, iterable)?;
    let saved = ListObj::new(ts, &[]);
    let st = Mutex::new(CycleState {
        first_pass: true,
        index: 0,
    });
    Ok(NativeObj::new(
        ts,
        cls,
        Cycle {
            it,
            saved: saved.value(),
            state: st,
        },
    )
    .value())
}

fn cycle_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let c = get::<Cycle>(ts, v)?;
    // SAFETY: `saved` is the list made in cycle_new.
    let saved: Gc<ListObj> = unsafe { c.saved.downcast_unchecked() };
    let first = c.state.lock().first_pass;
    if first {
        match ops::next(ts, c.it)? {
            Some(x) => {
                saved.append(ts, x);
                return Ok(Some(x));
            }
            None => c.state.lock().first_pass = false,
        }
    }
    let n = saved.len();
    if n == 0 {
        return Ok(None);
    }
    let i = {
        let mut st = c.state.lock();
        let i = st.index % n;
        st.index = (i + 1) % n;
        i
    };
    Ok(saved.get(i))
}

// ---- accumulate ----------------------------------------------------------

struct Accumulate {
    it: Value,
    func: Value,
    total: Slot,
    initial: Slot,
}
// SAFETY: traces every value.
unsafe impl NativeData for Accumulate {
    fn trace(&self, m: &mut Marker) {
        m.value(self.it);
        m.value(self.func);
        m.slot(&self.total);
        m.slot(&self.initial);
    }
}

fn accumulate_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kw: Kw,
) -> PyResult<Value> {
    static SIG: Sig = Sig::new("accumulate(iterable, func=None, *, initial=None)");
    let [iterable, func, initial] = SIG.bind(ts, args, kw)?;
    let it = ops::iter(ts, iterable)?;
    let func = func.non_null().unwrap_or(Value::NONE);
    let initial = initial.non_null().filter(|v| !v.is_none()).unwrap_or(UNSET);
    let a = Accumulate {
        it,
        func,
        total: Slot::new(UNSET),
        initial: Slot::new(initial),
    };
    Ok(NativeObj::new(ts, cls, a).value())
}

fn accumulate_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let a = get::<Accumulate>(ts, v)?;
    let init = a.initial.swap(UNSET);
    if !init.is_null() {
        a.total.set(init);
        return Ok(Some(init));
    }
    let Some(x) = ops::next(ts, a.it)? else {
        return Ok(None);
    };
    let total = a.total.get();
    let r = if total.is_null() {
        x
    } else if a.func.is_none() {
        ops::add(ts, total, x)?
    } else {
        ops::call2(ts, a.func, total, x)?
    };
    a.total.set(r);
    Ok(Some(r))
}

// ---- chain ---------------------------------------------------------------

struct Chain {
    /// An iterator over the iterables.
    source: Slot,
    /// The iterator being drained, or NULL.
    active: Slot,
}
// SAFETY: traces both slots.
unsafe impl NativeData for Chain {
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.source);
        m.slot(&self.active);
    }
}

fn chain_new(ts: &mut ThreadState, cls: Gc<TypeObj>, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(ts, "chain", cls, cls, kw)?;
    let t = TupleObj::new(ts, args);
    let source = ops::iter(ts, t.value())?;
    Ok(NativeObj::new(
        ts,
        cls,
        Chain {
            source: Slot::new(source),
            active: Slot::new(UNSET),
        },
    )
    .value())
}

fn chain_from_iterable(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("from_iterable($type, iterable, /)");
    let [cls, iterable] = SIG.bind(ts, args, kw)?;
    let Some(cls) = cls.downcast::<TypeObj>() else {
        return Err(ts.type_error("from_iterable() needs a type"));
    };
    let source = ops::iter(ts, iterable)?;
    Ok(NativeObj::new(
        ts,
        cls,
        Chain {
            source: Slot::new(source),
            active: Slot::new(UNSET),
        },
    )
    .value())
}

fn chain_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let c = get::<Chain>(ts, v)?;
    loop {
        let active = c.active.get();
        if !active.is_null() {
            match ops::next(ts, active)? {
                Some(x) => return Ok(Some(x)),
                None => {
                    c.active.compare_exchange(active, UNSET);
                }
            }
        }
        let source = c.source.get();
        if source.is_null() {
            return Ok(None);
        }
        match ops::next(ts, source)? {
            Some(iterable) => {
                let it = ops::iter(ts, iterable)?;
                c.active.set(it);
            }
            None => {
                c.source.set(UNSET);
                return Ok(None);
            }
        }
    }
}

// ---- compress, dropwhile, takewhile, filterfalse, starmap ----------------

struct Compress {
    data: Value,
    selectors: Value,
}
// SAFETY: traces both iterators.
unsafe impl NativeData for Compress {
    fn trace(&self, m: &mut Marker) {
        m.value(self.data);
        m.value(self.selectors);
    }
}

fn compress_new(ts: &mut ThreadState, cls: Gc<TypeObj>, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("compress(data, selectors)");
    let [data, selectors] = SIG.bind(ts, args, kw)?;
    let data = ops::iter(ts, data)?;
    let selectors = ops::iter(ts, selectors)?;
    Ok(NativeObj::new(ts, cls, Compress { data, selectors }).value())
}

fn compress_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let c = get::<Compress>(ts, v)?;
    loop {
        let Some(d) = ops::next(ts, c.data)? else {
            return Ok(None);
        };
        let Some(s) = ops::next(ts, c.selectors)? else {
            return Ok(None);
        };
        if ops::truthy(ts, s)? {
            return Ok(Some(d));
        }
    }
}

/// dropwhile / takewhile / filterfalse / starmap: a function and an
/// iterator, and for the first two a flag.
struct PredIter {
    func: Value,
    it: Value,
    flag: AtomicBool,
}
// SAFETY: traces both values.
unsafe impl NativeData for PredIter {
    fn trace(&self, m: &mut Marker) {
        m.value(self.func);
        m.value(self.it);
    }
}

fn pred_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kw: Kw,
    sig: &Sig,
) -> PyResult<Value> {
    if kw.map(|k| k.len()).unwrap_or(0) > 0 {
        return Err(ts.type_error(format!("{}() takes no keyword arguments", sig.name())));
    }
    let [func, seq] = sig.bind(ts, args, None)?;
    let it = ops::iter(ts, seq)?;
    Ok(NativeObj::new(
        ts,
        cls,
        PredIter {
            func,
            it,
            flag: AtomicBool::new(false),
        },
    )
    .value())
}

fn dropwhile_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kw: Kw,
) -> PyResult<Value> {
    static SIG: Sig = Sig::new("dropwhile(predicate, iterable, /)");
    pred_new(ts, cls, args, kw, &SIG)
}
fn takewhile_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kw: Kw,
) -> PyResult<Value> {
    static SIG: Sig = Sig::new("takewhile(predicate, iterable, /)");
    pred_new(ts, cls, args, kw, &SIG)
}
fn filterfalse_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kw: Kw,
) -> PyResult<Value> {
    static SIG: Sig = Sig::new("filterfalse(function, iterable, /)");
    pred_new(ts, cls, args, kw, &SIG)
}
fn starmap_new(ts: &mut ThreadState, cls: Gc<TypeObj>, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("starmap(function, iterable, /)");
    pred_new(ts, cls, args, kw, &SIG)
}

fn dropwhile_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let p = get::<PredIter>(ts, v)?;
    loop {
        let Some(x) = ops::next(ts, p.it)? else {
            return Ok(None);
        };
        if p.flag.load(Ordering::Relaxed) {
            return Ok(Some(x));
        }
        let r = ops::call1(ts, p.func, x)?;
        if !ops::truthy(ts, r)? {
            p.flag.store(true, Ordering::Relaxed);
            return Ok(Some(x));
        }
    }
}

fn takewhile_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let p = get::<PredIter>(ts, v)?;
    if p.flag.load(Ordering::Relaxed) {
        return Ok(None);
    }
    let Some(x) = ops::next(ts, p.it)? else {
        return Ok(None);
    };
    let r = ops::call1(ts, p.func, x)?;
    if ops::truthy(ts, r)? {
        return Ok(Some(x));
    }
    p.flag.store(true, Ordering::Relaxed);
    Ok(None)
}

fn filterfalse_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let p = get::<PredIter>(ts, v)?;
    loop {
        let Some(x) = ops::next(ts, p.it)? else {
            return Ok(None);
        };
        let keep = if p.func.is_none() {
            !ops::truthy(ts, x)?
        } else {
            let r = ops::call1(ts, p.func, x)?;
            !ops::truthy(ts, r)?
        };
        if keep {
            return Ok(Some(x));
        }
    }
}

fn starmap_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let p = get::<PredIter>(ts, v)?;
    let Some(x) = ops::next(ts, p.it)? else {
        return Ok(None);
    };
    let args = match x.downcast::<TupleObj>() {
        Some(_) => x,
        None => {
            let items = ops::collect(ts, x)?;
            TupleObj::new(ts, &items).value()
        }
    };
    // SAFETY: made a tuple just above.
    let t: Gc<TupleObj> = unsafe { args.downcast_unchecked() };
    ops::call(ts, p.func, t.items(), None).map(Some)
}

// ---- islice --------------------------------------------------------------

struct Islice {
    it: Slot,
    /// Next index to yield, the stop (or -1), the step; and how many
    /// source items were consumed.
    state: Mutex<IsliceState>,
}
struct IsliceState {
    next: u64,
    stop: i64,
    step: u64,
    consumed: u64,
}
// SAFETY: traces the source.
unsafe impl NativeData for Islice {
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.it);
    }
}

fn islice_arg(ts: &mut ThreadState, v: Value, msg: &str) -> PyResult<Option<u64>> {
    if v.is_none() {
        return Ok(None);
    }
    let ok = ftpy_vm::objects::typeobj::type_of(v)
        .slots
        .index
        .get()
        .is_some()
        || v.is_small_int()
        || v.is_bool();
    if !ok {
        return Err(ts.value_error(msg));
    }
    let i = match ops::index_to_i64(ts, v) {
        Ok(i) => i,
        Err(_) => return Err(ts.value_error(msg)),
    };
    if i < 0 {
        return Err(ts.value_error(msg));
    }
    Ok(Some(i as u64))
}

fn islice_new(ts: &mut ThreadState, cls: Gc<TypeObj>, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(ts, "islice", cls, cls, kw)?;
    let n = args.len();
    if !(2..=4).contains(&n) {
        return Err(ts.type_error(if n < 2 {
            format!("islice expected at least 2 arguments, got {n}")
        } else {
            format!("islice expected at most 4 arguments, got {n}")
        }));
    }
    const STOP: &str =
        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    const IDX: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let (start, stop, step) = if n == 2 {
        (0, islice_arg(ts, args[1], STOP)?, 1)
    } else {
        let start = islice_arg(ts, args[1], IDX)?.unwrap_or(0);
        let stop = islice_arg(ts, args[2], STOP)?;
        let step = if n == 4 && !args[3].is_none() {
            match islice_arg(
                ts,
                args[3],
                "Step for islice() must be a positive integer or None.",
            ) {
                Ok(Some(0)) | Err(_) => {
                    return Err(
                        ts.value_error("Step for islice() must be a positive integer or None.")
                    )
                }
                Ok(s) => s.unwrap_or(1),
            }
        } else {
            1
        };
        (start, stop, step)
    };
    let it = ops::iter(ts, args[0])?;
    let st = IsliceState {
        next: start,
        stop: stop.map(|s| s as i64).unwrap_or(-1),
        step,
        consumed: 0,
    };
    Ok(NativeObj::new(
        ts,
        cls,
        Islice {
            it: Slot::new(it),
            state: Mutex::new(st),
        },
    )
    .value())
}

fn islice_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let s = get::<Islice>(ts, v)?;
    let it = s.it.get();
    if it.is_null() {
        return Ok(None);
    }
    // Skip to the next index to yield.
    loop {
        let (cnt, next) = {
            let st = s.state.lock();
            (st.consumed, st.next)
        };
        if cnt >= next {
            break;
        }
        if ops::next(ts, it)?.is_none() {
            s.it.set(UNSET);
            return Ok(None);
        }
        s.state.lock().consumed += 1;
    }
    let (cnt, stop) = {
        let st = s.state.lock();
        (st.consumed, st.stop)
    };
    if stop >= 0 && cnt >= stop as u64 {
        s.it.set(UNSET);
        return Ok(None);
    }
    let Some(x) = ops::next(ts, it)? else {
        s.it.set(UNSET);
        return Ok(None);
    };
    let mut st = s.state.lock();
    st.consumed += 1;
    st.next = st.next.saturating_add(st.step);
    if st.stop >= 0 && st.next > st.stop as u64 {
        st.next = st.stop as u64;
    }
    Ok(Some(x))
}

// ---- pairwise ------------------------------------------------------------

struct Pairwise {
    it: Slot,
    old: Slot,
}
// SAFETY: traces both slots.
unsafe impl NativeData for Pairwise {
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.it);
        m.slot(&self.old);
    }
}

fn pairwise_new(ts: &mut ThreadState, cls: Gc<TypeObj>, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(ts, "pairwise", cls, cls, kw)?;
    static SIG: Sig = Sig::new("pairwise(iterable, /)");
    let [iterable] = SIG.bind(ts, args, None)?;
    let it = ops::iter(ts, iterable)?;
    Ok(NativeObj::new(
        ts,
        cls,
        Pairwise {
            it: Slot::new(it),
            old: Slot::new(UNSET),
        },
    )
    .value())
}

fn pairwise_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let p = get::<Pairwise>(ts, v)?;
    let it = p.it.get();
    if it.is_null() {
        return Ok(None);
    }
    let mut old = p.old.get();
    if old.is_null() {
        match ops::next(ts, it)? {
            Some(x) => old = x,
            None => {
                p.it.set(UNSET);
                return Ok(None);
            }
        }
    }
    let Some(new) = ops::next(ts, it)? else {
        p.it.set(UNSET);
        p.old.set(UNSET);
        return Ok(None);
    };
    p.old.set(new);
    Ok(Some(TupleObj::new(ts, &[old, new]).value()))
}

// ---- zip_longest ---------------------------------------------------------

struct ZipLongest {
    /// A tuple of the iterators; exhausted ones are replaced in `done`.
    its: Value,
    fill: Value,
    state: Mutex<ZipState>,
}
struct ZipState {
    done: Vec<bool>,
    active: usize,
}
// SAFETY: traces the iterators and the fill value.
unsafe impl NativeData for ZipLongest {
    fn trace(&self, m: &mut Marker) {
        m.value(self.its);
        m.value(self.fill);
    }
}

fn zip_longest_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kw: Kw,
) -> PyResult<Value> {
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    let npos = args.len() - nkw;
    let mut fill = Value::NONE;
    if let Some(kn) = kw {
        for (i, &k) in kn.items().iter().enumerate() {
            if ftpy_vm::objects::str::as_str(k) == Some("fillvalue") {
                fill = args[npos + i];
            } else {
                let ks = ops::str_string(ts, k)?;
                return Err(ts.type_error(format!(
                    "zip_longest() got an unexpected keyword argument '{ks}'"
                )));
            }
        }
    }
    let mut its = RootedVec::new(ts);
    for &a in &args[..npos] {
        let it = ops::iter(ts, a)?;
        its.push(it);
    }
    let n = its.len();
    let t = TupleObj::new(ts, &its);
    let st = ZipState {
        done: vec![false; n],
        active: n,
    };
    Ok(NativeObj::new(
        ts,
        cls,
        ZipLongest {
            its: t.value(),
            fill,
            state: Mutex::new(st),
        },
    )
    .value())
}

fn zip_longest_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let z = get::<ZipLongest>(ts, v)?;
    // SAFETY: made a tuple in zip_longest_new.
    let its: Gc<TupleObj> = unsafe { z.its.downcast_unchecked() };
    let n = its.len();
    if n == 0 || z.state.lock().active == 0 {
        return Ok(None);
    }
    let mut out = RootedVec::with_capacity(ts, n);
    for i in 0..n {
        let done = z.state.lock().done[i];
        if done {
            out.push(z.fill);
            continue;
        }
        match ops::next(ts, its.items()[i])? {
            Some(x) => out.push(x),
            None => {
                let mut st = z.state.lock();
                if !st.done[i] {
                    st.done[i] = true;
                    st.active -= 1;
                }
                if st.active == 0 {
                    return Ok(None);
                }
                drop(st);
                out.push(z.fill);
            }
        }
    }
    Ok(Some(TupleObj::new(ts, &out).value()))
}

// ---- groupby -------------------------------------------------------------

struct GroupBy {
    it: Value,
    keyfunc: Value,
    tgtkey: Slot,
    currkey: Slot,
    currvalue: Slot,
    /// The current `_grouper` (only it may advance the shared iterator).
    currgrouper: Slot,
}
// SAFETY: traces every value.
unsafe impl NativeData for GroupBy {
    fn trace(&self, m: &mut Marker) {
        m.value(self.it);
        m.value(self.keyfunc);
        m.slot(&self.tgtkey);
        m.slot(&self.currkey);
        m.slot(&self.currvalue);
        m.slot(&self.currgrouper);
    }
}

struct Grouper {
    parent: Value,
    tgtkey: Value,
}
// SAFETY: traces both values.
unsafe impl NativeData for Grouper {
    fn trace(&self, m: &mut Marker) {
        m.value(self.parent);
        m.value(self.tgtkey);
    }
}

static GROUPER_TYPE: std::sync::OnceLock<Gc<TypeObj>> = std::sync::OnceLock::new();

fn groupby_new(ts: &mut ThreadState, cls: Gc<TypeObj>, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("groupby(iterable, key=None)");
    let [iterable, key] = SIG.bind(ts, args, kw)?;
    let it = ops::iter(ts, iterable)?;
    let g = GroupBy {
        it,
        keyfunc: key.non_null().unwrap_or(Value::NONE),
        tgtkey: Slot::new(UNSET),
        currkey: Slot::new(UNSET),
        currvalue: Slot::new(UNSET),
        currgrouper: Slot::new(UNSET),
    };
    Ok(NativeObj::new(ts, cls, g).value())
}

/// Reads the next item and its key into the groupby state; false at end.
fn groupby_step(ts: &mut ThreadState, g: &GroupBy) -> PyResult<bool> {
    let Some(x) = ops::next(ts, g.it)? else {
        return Ok(false);
    };
    let k = if g.keyfunc.is_none() {
        x
    } else {
        ops::call1(ts, g.keyfunc, x)?
    };
    g.currvalue.set(x);
    g.currkey.set(k);
    Ok(true)
}

fn groupby_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let g = get::<GroupBy>(ts, v)?;
    g.currgrouper.set(UNSET);
    // Skip to the next key.
    loop {
        if g.currkey.get().is_null() {
            if !groupby_step(ts, g)? {
                return Ok(None);
            }
            continue;
        }
        let tgt = g.tgtkey.get();
        if tgt.is_null() {
            break;
        }
        let cur = g.currkey.get();
        if !ops::eq(ts, tgt, cur)? {
            break;
        }
        if !groupby_step(ts, g)? {
            return Ok(None);
        }
    }
    let key = g.currkey.get();
    g.tgtkey.set(key);
    let cls = GROUPER_TYPE
        .get()
        .copied()
        .ok_or_else(|| ts.system_error("itertools not initialized"))?;
    let gr = NativeObj::new(
        ts,
        cls,
        Grouper {
            parent: v,
            tgtkey: key,
        },
    );
    g.currgrouper.set(gr.value());
    Ok(Some(TupleObj::new(ts, &[key, gr.value()]).value()))
}

fn grouper_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let gr = get::<Grouper>(ts, v)?;
    let g = get::<GroupBy>(ts, gr.parent)?;
    if g.currgrouper.get() != v {
        return Ok(None);
    }
    if g.currvalue.get().is_null() && !groupby_step(ts, g)? {
        return Ok(None);
    }
    let cur = g.currkey.get();
    if !ops::eq(ts, gr.tgtkey, cur)? {
        return Ok(None);
    }
    // Take the value; the key stays, so groupby knows where it is.
    let r = g.currvalue.swap(UNSET);
    if r.is_null() {
        return Ok(None);
    }
    Ok(Some(r))
}

// ---- tee -----------------------------------------------------------------

/// Items a tee data chunk holds (as CPython's LINKCELLS).
const CHUNK: usize = 57;

/// A chunk of the values read from the source, shared by the tees that
/// have not passed it; chunks link forward, so passed ones are garbage.
struct TeeData {
    it: Value,
    inner: Mutex<TeeChunk>,
    /// Set while a tee reads the source into this chunk: a second read
    /// meanwhile (re-entrant, or from another thread) is CPython's
    /// "cannot re-enter the tee iterator" RuntimeError, not a second
    /// `next` on an iterator that is inside `__next__`.
    running: std::sync::atomic::AtomicBool,
}
struct TeeChunk {
    values: Vec<Value>,
    next: Value,
}
// SAFETY: traces the source, the buffered values and the next chunk.
unsafe impl NativeData for TeeData {
    fn trace(&self, m: &mut Marker) {
        m.value(self.it);
        // SAFETY: world stopped (see `peek`).
        let c = unsafe { peek(&self.inner) };
        m.values(&c.values);
        m.value(c.next);
    }
}

struct Tee {
    /// (chunk, index in it)
    pos: Mutex<(Value, usize)>,
}
// SAFETY: traces the current chunk.
unsafe impl NativeData for Tee {
    fn trace(&self, m: &mut Marker) {
        // SAFETY: world stopped (see `peek`).
        m.value(unsafe { peek(&self.pos) }.0);
    }
}

static TEE_TYPE: std::sync::OnceLock<Gc<TypeObj>> = std::sync::OnceLock::new();
static TEEDATA_TYPE: std::sync::OnceLock<Gc<TypeObj>> = std::sync::OnceLock::new();

fn new_chunk(ts: &mut ThreadState, it: Value) -> PyResult<Value> {
    let cls = TEEDATA_TYPE
        .get()
        .copied()
        .ok_or_else(|| ts.system_error("itertools not initialized"))?;
    let d = TeeData {
        it,
        inner: Mutex::new(TeeChunk {
            values: Vec::new(),
            next: UNSET,
        }),
        running: std::sync::atomic::AtomicBool::new(false),
    };
    Ok(NativeObj::new(ts, cls, d).value())
}

fn new_tee_from(ts: &mut ThreadState, iterable: Value) -> PyResult<Value> {
    let it = ops::iter(ts, iterable)?;
    if data_of::<Tee>(it).is_some() {
        return tee_copy_value(ts, it);
    }
    let chunk = new_chunk(ts, it)?;
    let cls = TEE_TYPE
        .get()
        .copied()
        .ok_or_else(|| ts.system_error("itertools not initialized"))?;
    Ok(NativeObj::new(
        ts,
        cls,
        Tee {
            pos: Mutex::new((chunk, 0)),
        },
    )
    .value())
}

fn tee_copy_value(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let t = get::<Tee>(ts, v)?;
    let pos = *t.pos.lock();
    let cls = TEE_TYPE
        .get()
        .copied()
        .ok_or_else(|| ts.system_error("itertools not initialized"))?;
    Ok(NativeObj::new(
        ts,
        cls,
        Tee {
            pos: Mutex::new(pos),
        },
    )
    .value())
}

fn tee_type_new(
    ts: &mut ThreadState,
    _cls: Gc<TypeObj>,
    args: &[Value],
    kw: Kw,
) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_tee(iterable, /)");
    let [iterable] = SIG.bind(ts, args, kw)?;
    new_tee_from(ts, iterable)
}

fn tee_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let t = get::<Tee>(ts, v)?;
    loop {
        let (chunk_v, idx) = *t.pos.lock();
        let chunk = get::<TeeData>(ts, chunk_v)?;
        if idx == CHUNK {
            // Move to the next chunk, making it if this tee is first.
            let next = {
                let c = chunk.inner.lock();
                c.next
            };
            let next = if next.is_null() {
                let n = new_chunk(ts, chunk.it)?;
                let mut c = chunk.inner.lock();
                if c.next.is_null() {
                    c.next = n;
                    drop(c);
                    if let Some(o) = chunk_v.downcast::<NativeObj>() {
                        o.written();
                    }
                    n
                } else {
                    c.next
                }
            } else {
                next
            };
            *t.pos.lock() = (next, 0);
            continue;
        }
        let have = chunk.inner.lock().values.get(idx).copied();
        if let Some(x) = have {
            *t.pos.lock() = (chunk_v, idx + 1);
            return Ok(Some(x));
        }
        // This tee leads: read from the source.
        use std::sync::atomic::Ordering;
        if chunk.running.swap(true, Ordering::Acquire) {
            return Err(ts.runtime_error("cannot re-enter the tee iterator"));
        }
        let r = ops::next(ts, chunk.it);
        chunk.running.store(false, Ordering::Release);
        let Some(x) = r? else {
            return Ok(None);
        };
        {
            let mut c = chunk.inner.lock();
            // Another tee may have appended meanwhile: keep order.
            c.values.push(x);
        }
        if let Some(o) = chunk_v.downcast::<NativeObj>() {
            o.written();
        }
    }
}

fn tee_copy(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    tee_copy_value(ts, args[0])
}

fn tee(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("tee(iterable, n=2, /)");
    let [iterable, n] = SIG.bind(ts, args, kw)?;
    let n = match n.non_null() {
        Some(v) => ops::index_to_i64(ts, v)?,
        None => 2,
    };
    if n < 0 {
        return Err(ts.value_error("n must be >= 0"));
    }
    let mut out = RootedVec::new(ts);
    if n > 0 {
        let it = ops::iter(ts, iterable)?;
        let first = match ops::getattr_str_opt(ts, it, "__copy__")? {
            Some(_) => it,
            None => new_tee_from(ts, it)?,
        };
        out.push(first);
        for _ in 1..n {
            let c = ops::call_method(ts, first, ftpy_vm::interp::names().__copy__, &[])?;
            out.push(c);
        }
    }
    Ok(TupleObj::new(ts, &out).value())
}

// ---- product, permutations, combinations ---------------------------------

/// The combinatoric iterators: pools (tuples), index state, and the last
/// result.
struct Combinatoric {
    pools: Value,
    state: Mutex<CombState>,
}
struct CombState {
    indices: Vec<usize>,
    cycles: Vec<usize>,
    r: usize,
    first: bool,
    done: bool,
}
// SAFETY: traces the pools.
unsafe impl NativeData for Combinatoric {
    fn trace(&self, m: &mut Marker) {
        m.value(self.pools);
    }
}

fn tuple_items(v: Value) -> &'static [Value] {
    v.downcast::<TupleObj>()
        .map(|t| t.obj().items())
        .unwrap_or(&[])
}

fn product_new(ts: &mut ThreadState, cls: Gc<TypeObj>, args: &[Value], kw: Kw) -> PyResult<Value> {
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    let npos = args.len() - nkw;
    let mut repeat = 1i64;
    if let Some(kn) = kw {
        for (i, &k) in kn.items().iter().enumerate() {
            if ftpy_vm::objects::str::as_str(k) == Some("repeat") {
                repeat = ops::index_to_i64(ts, args[npos + i])?;
            } else {
                let ks = ops::str_string(ts, k)?;
                return Err(ts.type_error(format!(
                    "'{ks}' is an invalid keyword argument for product()"
                )));
            }
        }
    }
    if repeat < 0 {
        return Err(ts.value_error("repeat argument cannot be negative"));
    }
    let mut pools = RootedVec::new(ts);
    for &a in &args[..npos] {
        let items = ops::collect(ts, a)?;
        pools.push(TupleObj::new(ts, &items).value());
    }
    let base = pools.len();
    let mut all = RootedVec::new(ts);
    for _ in 0..repeat {
        all.extend_from_slice(&pools[..base]);
    }
    let n = all.len();
    let t = TupleObj::new(ts, &all);
    let done = all.iter().any(|&p| tuple_items(p).is_empty());
    let st = CombState {
        indices: vec![0; n],
        cycles: Vec::new(),
        r: n,
        first: true,
        done,
    };
    Ok(NativeObj::new(
        ts,
        cls,
        Combinatoric {
            pools: t.value(),
            state: Mutex::new(st),
        },
    )
    .value())
}

fn product_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let c = get::<Combinatoric>(ts, v)?;
    let pools = tuple_items(c.pools);
    let mut out = RootedVec::with_capacity(ts, pools.len());
    {
        let mut st = c.state.lock();
        if st.done {
            return Ok(None);
        }
        if st.first {
            st.first = false;
        } else {
            // Advance the rightmost index that can move.
            let mut i = pools.len();
            loop {
                if i == 0 {
                    st.done = true;
                    return Ok(None);
                }
                i -= 1;
                st.indices[i] += 1;
                if st.indices[i] < tuple_items(pools[i]).len() {
                    break;
                }
                st.indices[i] = 0;
            }
        }
        for (p, &ix) in pools.iter().zip(st.indices.iter()) {
            out.push(tuple_items(*p)[ix]);
        }
    }
    Ok(Some(TupleObj::new(ts, &out).value()))
}

fn pool_and_r(
    ts: &mut ThreadState,
    iterable: Value,
    r: Value,
    required: bool,
) -> PyResult<(Value, usize, usize)> {
    let items = ops::collect(ts, iterable)?;
    let n = items.len();
    let pool = TupleObj::new(ts, &items).value();
    let r = match r.non_null().filter(|v| !v.is_none() || required) {
        None => n as i64,
        Some(v) => ops::index_to_i64(ts, v)?,
    };
    if r < 0 {
        return Err(ts.value_error("r must be non-negative"));
    }
    Ok((pool, n, r as usize))
}

fn permutations_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kw: Kw,
) -> PyResult<Value> {
    static SIG: Sig = Sig::new("permutations(iterable, r=None)");
    let [iterable, r] = SIG.bind(ts, args, kw)?;
    let (pool, n, r) = pool_and_r(ts, iterable, r, false)?;
    let st = CombState {
        indices: (0..n).collect(),
        // r > n yields nothing: no cycles (r may be huge).
        cycles: if r > n {
            Vec::new()
        } else {
            (0..r).map(|i| n - i).collect()
        },
        r,
        first: true,
        done: r > n,
    };
    Ok(NativeObj::new(
        ts,
        cls,
        Combinatoric {
            pools: pool,
            state: Mutex::new(st),
        },
    )
    .value())
}

fn permutations_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let c = get::<Combinatoric>(ts, v)?;
    let pool = tuple_items(c.pools);
    let n = pool.len();
    let mut out = RootedVec::new(ts);
    {
        let mut st = c.state.lock();
        if st.done {
            return Ok(None);
        }
        let r = st.r;
        if st.first {
            st.first = false;
        } else {
            if n == 0 {
                st.done = true;
                return Ok(None);
            }
            let mut i = r;
            loop {
                if i == 0 {
                    st.done = true;
                    return Ok(None);
                }
                i -= 1;
                st.cycles[i] -= 1;
                if st.cycles[i] == 0 {
                    // Rotate indices[i..] left by one.
                    st.indices[i..].rotate_left(1);
                    st.cycles[i] = n - i;
                } else {
                    let j = st.cycles[i];
                    st.indices.swap(i, n - j);
                    break;
                }
            }
        }
        for &ix in &st.indices[..r] {
            out.push(pool[ix]);
        }
    }
    Ok(Some(TupleObj::new(ts, &out).value()))
}

fn combinations_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kw: Kw,
) -> PyResult<Value> {
    static SIG: Sig = Sig::new("combinations(iterable, r)");
    let [iterable, r] = SIG.bind(ts, args, kw)?;
    let (pool, n, r) = pool_and_r(ts, iterable, r, true)?;
    let st = CombState {
        indices: (0..r).collect(),
        cycles: Vec::new(),
        r,
        first: true,
        done: r > n,
    };
    Ok(NativeObj::new(
        ts,
        cls,
        Combinatoric {
            pools: pool,
            state: Mutex::new(st),
        },
    )
    .value())
}

fn combinations_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let c = get::<Combinatoric>(ts, v)?;
    let pool = tuple_items(c.pools);
    let n = pool.len();
    let mut out = RootedVec::new(ts);
    {
        let mut st = c.state.lock();
        if st.done {
            return Ok(None);
        }
        let r = st.r;
        if st.first {
            st.first = false;
        } else {
            let mut i = r;
            loop {
                if i == 0 {
                    st.done = true;
                    return Ok(None);
                }
                i -= 1;
                if st.indices[i] != i + n - r {
                    break;
                }
            }
            st.indices[i] += 1;
            for j in i + 1..r {
                st.indices[j] = st.indices[j - 1] + 1;
            }
        }
        for &ix in &st.indices {
            out.push(pool[ix]);
        }
    }
    Ok(Some(TupleObj::new(ts, &out).value()))
}

fn cwr_new(ts: &mut ThreadState, cls: Gc<TypeObj>, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("combinations_with_replacement(iterable, r)");
    let [iterable, r] = SIG.bind(ts, args, kw)?;
    let (pool, n, r) = pool_and_r(ts, iterable, r, true)?;
    let st = CombState {
        indices: vec![0; r],
        cycles: Vec::new(),
        r,
        first: true,
        done: n == 0 && r > 0,
    };
    Ok(NativeObj::new(
        ts,
        cls,
        Combinatoric {
            pools: pool,
            state: Mutex::new(st),
        },
    )
    .value())
}

fn cwr_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let c = get::<Combinatoric>(ts, v)?;
    let pool = tuple_items(c.pools);
    let n = pool.len();
    let mut out = RootedVec::new(ts);
    {
        let mut st = c.state.lock();
        if st.done {
            return Ok(None);
        }
        let r = st.r;
        if st.first {
            st.first = false;
        } else {
            let mut i = r;
            loop {
                if i == 0 {
                    st.done = true;
                    return Ok(None);
                }
                i -= 1;
                if st.indices[i] != n - 1 {
                    break;
                }
            }
            let x = st.indices[i] + 1;
            for j in i..r {
                st.indices[j] = x;
            }
        }
        for &ix in &st.indices {
            out.push(pool[ix]);
        }
    }
    Ok(Some(TupleObj::new(ts, &out).value()))
}

// ---- the module ----------------------------------------------------------

type NewFn = ftpy_vm::objects::typeobj::NewFn;
type NextFn = ftpy_vm::objects::typeobj::NextFn;

fn make<T: NativeData>(
    ts: &mut ThreadState,
    m: Gc<ModuleObj>,
    name: &str,
    new: Option<NewFn>,
    next: NextFn,
) -> Gc<TypeObj> {
    let t = native::new_type::<T>(ts, name, "itertools", None, true);
    native::make_static(ts, t);
    if let Some(n) = new {
        t.slots.new.set(Some(n));
    }
    t.slots.iter.set(Some(self_iter));
    t.slots.next.set(Some(next));
    m.set_attr(ts, name, t.value());
    t
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let c = make::<Count>(ts, m, "count", Some(count_new), count_next);
    c.slots.repr.set(Some(count_repr));
    native::finish_type(ts, c);
    let r = make::<Repeat>(ts, m, "repeat", Some(repeat_new), repeat_next);
    r.slots.repr.set(Some(repeat_repr));
    add_methods(ts, r, &[method("__length_hint__", repeat_length_hint)]);
    native::finish_type(ts, r);
    let ch = make::<Chain>(ts, m, "chain", Some(chain_new), chain_next);
    add_methods(ts, ch, &[classmethod("from_iterable", chain_from_iterable)]);
    ftpy_vm::objects::genericalias::add_class_getitem(ts, ch);
    native::finish_type(ts, ch);
    let simple: [(&str, NewFn, NextFn); 15] = [
        ("cycle", cycle_new, cycle_next),
        ("accumulate", accumulate_new, accumulate_next),
        ("compress", compress_new, compress_next),
        ("dropwhile", dropwhile_new, dropwhile_next),
        ("takewhile", takewhile_new, takewhile_next),
        ("filterfalse", filterfalse_new, filterfalse_next),
        ("starmap", starmap_new, starmap_next),
        ("islice", islice_new, islice_next),
        ("pairwise", pairwise_new, pairwise_next),
        ("zip_longest", zip_longest_new, zip_longest_next),
        ("groupby", groupby_new, groupby_next),
        ("product", product_new, product_next),
        ("permutations", permutations_new, permutations_next),
        ("combinations", combinations_new, combinations_next),
        ("combinations_with_replacement", cwr_new, cwr_next),
    ];
    for (name, new, next) in simple {
        // The data type only matters for layout size; each constructor
        // allocates its own struct (all fit the largest).
        let t = match name {
            "cycle" => make::<Cycle>(ts, m, name, Some(new), next),
            "accumulate" => make::<Accumulate>(ts, m, name, Some(new), next),
            "compress" => make::<Compress>(ts, m, name, Some(new), next),
            "islice" => make::<Islice>(ts, m, name, Some(new), next),
            "pairwise" => make::<Pairwise>(ts, m, name, Some(new), next),
            "zip_longest" => make::<ZipLongest>(ts, m, name, Some(new), next),
            "groupby" => make::<GroupBy>(ts, m, name, Some(new), next),
            "product" | "permutations" | "combinations" | "combinations_with_replacement" => {
                make::<Combinatoric>(ts, m, name, Some(new), next)
            }
            _ => make::<PredIter>(ts, m, name, Some(new), next),
        };
        native::finish_type(ts, t);
    }
    let g = make::<Grouper>(ts, m, "_grouper", None, grouper_next);
    native::finish_type(ts, g);
    let _ = GROUPER_TYPE.set(g);
    let td = native::new_type::<TeeData>(ts, "_tee_dataobject", "itertools", None, false);
    native::make_static(ts, td);
    native::finish_type(ts, td);
    m.set_attr(ts, "_tee_dataobject", td.value());
    let _ = TEEDATA_TYPE.set(td);
    let te = make::<Tee>(ts, m, "_tee", Some(tee_type_new), tee_next);
    add_methods(ts, te, &[method("__copy__", tee_copy)]);
    native::finish_type(ts, te);
    let _ = TEE_TYPE.set(te);
    for t in [g, td, te] {
        ftpy_vm::interp::add_global_root(t.value());
    }
    m.add_function(ts, "tee", tee);
    let _ = type_name;
    let _ = types;
    Ok(())
}
