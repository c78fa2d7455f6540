//! `range`: an immutable arithmetic sequence. Bounds may be big ints;
//! ranges of small ints (the common case) iterate without allocation.

use ftpy_compiler::CompareOp;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::error::PyResult;
use crate::gc::{Marker, Slot};
use crate::interp::{types, BuiltinTypes};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::int::{int_from_big, is_int, to_big};
use crate::objects::slice::SliceObj;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, TypeObj};
use crate::objects::{add_getset, add_methods, method};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

#[repr(C)]
pub struct RangeObj {
    pub header: Header,
    pub start: Slot,
    pub stop: Slot,
    pub step: Slot,
    pub len: Slot,
}

// SAFETY: repr(C), Header first; traces the four ints.
unsafe impl HeapObj for RangeObj {
    const KIND: Kind = Kind::Range;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.start);
        m.slot(&self.stop);
        m.slot(&self.step);
        m.slot(&self.len);
    }
}

fn big(v: Value) -> BigInt {
    to_big(v).map(|c| c.into_owned()).unwrap_or_default()
}

/// Number of items of range(start, stop, step).
pub fn range_len_big(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    if step.is_positive() {
        if start < stop {
            (stop - start - 1u32).div_floor(step) + 1u32
        } else {
            BigInt::zero()
        }
    } else if start > stop {
        (start - stop - 1u32).div_floor(&(-step)) + 1u32
    } else {
        BigInt::zero()
    }
}

impl RangeObj {
    pub fn new(
        ts: &mut ThreadState,
        start: Value,
        stop: Value,
        step: Value,
    ) -> PyResult<Gc<RangeObj>> {
        let len = match (
            start.as_small_int(),
            stop.as_small_int(),
            step.as_small_int(),
        ) {
            (Some(a), Some(b), Some(s)) => {
                let (a, b, s) = (a as i128, b as i128, s as i128);
                let n = if s > 0 {
                    if a < b {
                        (b - a - 1) / s + 1
                    } else {
                        0
                    }
                } else if a > b {
                    (a - b - 1) / (-s) + 1
                } else {
                    0
                };
                crate::objects::int::int_from_i128(ts, n)
            }
            _ => {
                let n = range_len_big(&big(start), &big(stop), &big(step));
                int_from_big(ts, n)
            }
        };
        Ok(ts.alloc(RangeObj {
            header: Header::new(types().range, Kind::Range, 0),
            start: Slot::new(start),
            stop: Slot::new(stop),
            step: Slot::new(step),
            len: Slot::new(len),
        }))
    }

    /// (start, step, len) when all are small ints.
    #[inline]
    pub fn small(&self) -> Option<(i64, i64, i64)> {
        Some((
            self.start.get().as_small_int()?,
            self.step.get().as_small_int()?,
            self.len.get().as_small_int()?,
        ))
    }

    /// Item `i` (0 <= i < len) as a value.
    fn item(&self, ts: &mut ThreadState, i: &BigInt) -> Value {
        let v = big(self.start.get()) + big(self.step.get()) * i;
        int_from_big(ts, v)
    }
}

fn as_range(ts: &mut ThreadState, v: Value) -> PyResult<Gc<RangeObj>> {
    match v.downcast::<RangeObj>() {
        Some(r) => Ok(r),
        None => Err(ts.type_error(format!(
            "descriptor requires a 'range' object but received a '{}'",
            type_name(v)
        ))),
    }
}

fn arg_int(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    if is_int(v) && !v.is_bool() {
        return Ok(v);
    }
    ops::index(ts, v)
}

fn range_new(
    ts: &mut ThreadState,
    _cls: Gc<TypeObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    if kw.map(|k| k.len()).unwrap_or(0) > 0 {
        return Err(ts.type_error("range() takes no keyword arguments"));
    }
    let (a, b, s) = match args {
        [stop] => (
            Value::small_int_unchecked(0),
            arg_int(ts, *stop)?,
            Value::small_int_unchecked(1),
        ),
        [start, stop] => (
            arg_int(ts, *start)?,
            arg_int(ts, *stop)?,
            Value::small_int_unchecked(1),
        ),
        [start, stop, step] => (
            arg_int(ts, *start)?,
            arg_int(ts, *stop)?,
            arg_int(ts, *step)?,
        ),
        [] => return Err(ts.type_error("range expected at least 1 argument, got 0")),
        _ => {
            return Err(ts.type_error(format!(
                "range expected at most 3 arguments, got {}",
                args.len()
            )))
        }
    };
    let a = if a.is_bool() {
        Value::small_int_unchecked(a.as_bool().unwrap_or(false) as i64)
    } else {
        a
    };
    let b = if b.is_bool() {
        Value::small_int_unchecked(b.as_bool().unwrap_or(false) as i64)
    } else {
        b
    };
    if big(s).is_zero() {
        return Err(ts.value_error("range() arg 3 must not be zero"));
    }
    Ok(RangeObj::new(ts, a, b, s)?.value())
}

fn range_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let r = as_range(ts, v)?;
    let a = ops::repr_string(ts, r.start.get())?;
    let b = ops::repr_string(ts, r.stop.get())?;
    let s = if r.step.get().as_small_int() == Some(1) {
        format!("range({a}, {b})")
    } else {
        let c = ops::repr_string(ts, r.step.get())?;
        format!("range({a}, {b}, {c})")
    };
    Ok(StrObj::new(ts, &s))
}

fn range_len(ts: &mut ThreadState, v: Value) -> PyResult<usize> {
    let r = as_range(ts, v)?;
    match crate::objects::int::to_i64(r.len.get()) {
        Some(n) if n >= 0 => Ok(n as usize),
        _ => Err(ts.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

fn range_bool(_ts: &mut ThreadState, v: Value) -> PyResult<bool> {
    Ok(v.downcast::<RangeObj>()
        .map(|r| r.len.get().as_small_int() != Some(0))
        .unwrap_or(true))
}

fn range_getitem(ts: &mut ThreadState, v: Value, key: Value) -> PyResult<Value> {
    let r = as_range(ts, v)?;
    if let Some(s) = key.downcast::<SliceObj>() {
        let (start, stop, step) = s.indices_big(ts, &big(r.len.get()))?;
        let st = big(r.step.get());
        let base = big(r.start.get());
        let ns = int_from_big(ts, &base + &st * start);
        let ne = int_from_big(ts, &base + &st * stop);
        let nstep = int_from_big(ts, st * step);
        return Ok(RangeObj::new(ts, ns, ne, nstep)?.value());
    }
    let i = if is_int(key) {
        big(key)
    } else {
        if crate::objects::typeobj::type_of(key)
            .slots
            .index
            .get()
            .is_none()
        {
            return Err(ts.type_error(format!(
                "range indices must be integers or slices, not {}",
                type_name(key)
            )));
        }
        big(ops::index(ts, key)?)
    };
    let len = big(r.len.get());
    let j = if i.is_negative() { &i + &len } else { i };
    if j.is_negative() || j >= len {
        return Err(ts.index_error("range object index out of range"));
    }
    if let (Some((start, step, _)), Some(jj)) = (r.small(), j.to_i64()) {
        return Ok(crate::objects::int::int_from_i64(ts, start + step * jj));
    }
    Ok(r.item(ts, &j))
}

fn range_contains_int(r: Gc<RangeObj>, x: &BigInt) -> bool {
    let start = big(r.start.get());
    let stop = big(r.stop.get());
    let step = big(r.step.get());
    let inside = if step.is_positive() {
        &start <= x && x < &stop
    } else {
        &stop < x && x <= &start
    };
    inside && (x - &start).mod_floor(&step).is_zero()
}

/// Whether `x` is an exact int or a bool (range's arithmetic shortcuts
/// apply only to those; an int subclass may redefine `__eq__`).
fn is_plain_int(x: Value) -> bool {
    x.is_bool() || crate::objects::int::is_exact_int(x)
}

fn range_contains(ts: &mut ThreadState, v: Value, x: Value) -> PyResult<bool> {
    let r = as_range(ts, v)?;
    if is_plain_int(x) {
        if let (Some((start, step, len)), Some(xi)) = (r.small(), x.as_small_int()) {
            if len == 0 {
                return Ok(false);
            }
            let last = start + step * (len - 1);
            let (lo, hi) = if step > 0 {
                (start, last)
            } else {
                (last, start)
            };
            return Ok(xi >= lo && xi <= hi && (xi - start) % step == 0);
        }
        return Ok(range_contains_int(r, &big(x)));
    }
    let it = range_iter(ts, v)?;
    while let Some(y) = ops::next(ts, it)? {
        if ops::eq(ts, y, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Whether a range iterator over these values can be a `range_iterator`:
/// every value it passes through (up to one step past the last) is a
/// small int, as the interpreter's `FOR_ITER` fast path assumes. CPython
/// draws the line at its C long instead: ranges between 2**47 and 2**63
/// iterate with a `longrange_iterator` here (the same values, another
/// type name).
fn fits_small(start: i64, step: i64, len: i64) -> bool {
    let last = start as i128 + step as i128 * (len as i128 - 1).max(0);
    let small = |x: i128| Value::small_int(x as i64).is_some() && x == x as i64 as i128;
    small(start as i128) && small(step as i128) && small(last) && small(last + step as i128)
}

/// An iterator from `start` by `step`, `len` items.
fn iter_from(ts: &mut ThreadState, start: &BigInt, step: &BigInt, len: &BigInt) -> Value {
    if let (Some(a), Some(s), Some(n)) = (start.to_i64(), step.to_i64(), len.to_i64()) {
        if fits_small(a, s, n) {
            return crate::objects::iterators::range_iter(ts, a, s, n);
        }
    }
    let a = int_from_big(ts, start.clone());
    let s = int_from_big(ts, step.clone());
    let n = int_from_big(ts, len.clone());
    crate::objects::iterators::long_range_iter(ts, a, s, n)
}

fn range_iter(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let r = as_range(ts, v)?;
    if let Some((start, step, len)) = r.small() {
        if fits_small(start, step, len) {
            return Ok(crate::objects::iterators::range_iter(ts, start, step, len));
        }
    }
    Ok(iter_from(
        ts,
        &big(r.start.get()),
        &big(r.step.get()),
        &big(r.len.get()),
    ))
}

fn range_reversed(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("range.__reversed__($self, /)").without_text_signature();
    let [this] = SIG.bind(ts, args, kw)?;
    let r = as_range(ts, this)?;
    let len = big(r.len.get());
    let step = big(r.step.get());
    let start = big(r.start.get());
    if len.is_zero() {
        return Ok(iter_from(ts, &start, &-step, &len));
    }
    let last = &start + &step * (&len - 1u32);
    Ok(iter_from(ts, &last, &-step, &len))
}

fn range_reduce(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("range.__reduce__($self, /)").without_text_signature();
    let [this] = SIG.bind(ts, args, kw)?;
    let r = as_range(ts, this)?;
    let parts = TupleObj::new(ts, &[r.start.get(), r.stop.get(), r.step.get()]);
    Ok(TupleObj::new(ts, &[types().range.value(), parts.value()]).value())
}

fn range_richcompare(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast::<RangeObj>(), b.downcast::<RangeObj>()) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if op != CompareOp::Eq && op != CompareOp::Ne {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let _ = ts;
    let (lx, ly) = (big(x.len.get()), big(y.len.get()));
    let eq = lx == ly
        && (lx.is_zero()
            || (big(x.start.get()) == big(y.start.get())
                && (lx == BigInt::from(1) || big(x.step.get()) == big(y.step.get()))));
    Ok(Value::from_bool(eq == (op == CompareOp::Eq)))
}

fn range_hash(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    let r = as_range(ts, v)?;
    let len = big(r.len.get());
    let items = if len.is_zero() {
        [r.len.get(), Value::NONE, Value::NONE]
    } else if len == BigInt::from(1) {
        [r.len.get(), r.start.get(), Value::NONE]
    } else {
        [r.len.get(), r.start.get(), r.step.get()]
    };
    let t = TupleObj::new(ts, &items);
    ops::hash(ts, t.value())
}

fn m_count(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("range.count($self, value, /)").without_text_signature();
    let [this, x] = SIG.bind(ts, args, kw)?;
    let r = as_range(ts, this)?;
    if is_plain_int(x) {
        return Ok(Value::small_int_unchecked(
            range_contains_int(r, &big(x)) as i64
        ));
    }
    let mut n: i64 = 0;
    let it = range_iter(ts, this)?;
    while let Some(y) = ops::next(ts, it)? {
        if ops::eq(ts, y, x)? {
            n += 1;
        }
    }
    Ok(crate::objects::int::int_from_i64(ts, n))
}

fn m_index(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("range.index($self, value, /)").without_text_signature();
    let [this, x] = SIG.bind(ts, args, kw)?;
    let r = as_range(ts, this)?;
    if is_plain_int(x) {
        let xb = big(x);
        if range_contains_int(r, &xb) {
            let i = (xb - big(r.start.get())) / big(r.step.get());
            return Ok(int_from_big(ts, i));
        }
        let rp = ops::repr_string(ts, x)?;
        return Err(ts.value_error(format!("{rp} is not in range")));
    }
    let it = range_iter(ts, this)?;
    let mut i: i64 = 0;
    while let Some(y) = ops::next(ts, it)? {
        if ops::eq(ts, y, x)? {
            return Ok(crate::objects::int::int_from_i64(ts, i));
        }
        i += 1;
    }
    Err(ts.value_error("sequence.index(x): x not in sequence"))
}

fn get_start(_ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(v.downcast::<RangeObj>()
        .map(|r| r.start.get())
        .unwrap_or(Value::NONE))
}
fn get_stop(_ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(v.downcast::<RangeObj>()
        .map(|r| r.stop.get())
        .unwrap_or(Value::NONE))
}
fn get_step(_ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(v.downcast::<RangeObj>()
        .map(|r| r.step.get())
        .unwrap_or(Value::NONE))
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let doc = StrObj::new(ts, "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\nReturn an object that produces a sequence of integers from start (inclusive)\nto stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\nstart defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\nThese are exactly the valid indices for a list of 4 elements.\nWhen step is given, it specifies the increment (or decrement).");
    crate::objects::set_type_attr(ts, t.range, "__doc__", doc);
    let ty = t.range;
    let s = &ty.slots;
    s.new.set(Some(range_new));
    s.repr.set(Some(range_repr));
    s.len.set(Some(range_len));
    s.bool.set(Some(range_bool));
    s.getitem.set(Some(range_getitem));
    s.contains.set(Some(range_contains));
    s.iter.set(Some(range_iter));
    s.richcompare.set(Some(range_richcompare));
    s.hash.set(Some(range_hash));
    add_methods(
        ts,
        ty,
        &[
            method("count", m_count),
            method("index", m_index),
            method("__reversed__", range_reversed),
            method("__reduce__", range_reduce),
        ],
    );
    add_getset(
        ts,
        ty,
        "start",
        get_start,
        Some(crate::objects::slice::readonly_member),
    );
    add_getset(
        ts,
        ty,
        "stop",
        get_stop,
        Some(crate::objects::slice::readonly_member),
    );
    add_getset(
        ts,
        ty,
        "step",
        get_step,
        Some(crate::objects::slice::readonly_member),
    );
}
