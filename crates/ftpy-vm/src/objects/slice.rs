//! `slice` objects and the index arithmetic every sequence shares.

use num_bigint::BigInt;
use num_traits::{One, Signed, Zero};

use crate::error::PyResult;
use crate::gc::{Marker, Slot};
use crate::interp::{types, BuiltinTypes};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, TypeObj};
use crate::objects::{add_getset, add_methods, method};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;
use ftpy_compiler::CompareOp;

#[repr(C)]
pub struct SliceObj {
    pub header: Header,
    pub start: Slot,
    pub stop: Slot,
    pub step: Slot,
}

// SAFETY: repr(C), Header first; trace visits the three slots.
unsafe impl HeapObj for SliceObj {
    const KIND: Kind = Kind::Slice;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.start);
        m.slot(&self.stop);
        m.slot(&self.step);
    }
}

impl SliceObj {
    pub fn new(ts: &mut ThreadState, start: Value, stop: Value, step: Value) -> Gc<SliceObj> {
        ts.alloc(SliceObj {
            header: Header::new(types().slice, Kind::Slice, 0),
            start: Slot::new(start),
            stop: Slot::new(stop),
            step: Slot::new(step),
        })
    }

    /// `slice.indices(len)`: (start, stop, step, number of items).
    pub fn indices(&self, ts: &mut ThreadState, len: i64) -> PyResult<(i64, i64, i64, usize)> {
        let step = match self.step.get() {
            v if v.is_none() => 1,
            v => slice_index(ts, v)?,
        };
        if step == 0 {
            return Err(ts.value_error("slice step cannot be zero"));
        }
        // As CPython: the step's magnitude stays representable.
        let step = step.max(-i64::MAX);
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let start = match self.start.get() {
            v if v.is_none() => {
                if step < 0 {
                    upper
                } else {
                    lower
                }
            }
            v => {
                let s = slice_index(ts, v)?;
                if s < 0 {
                    (s + len).max(lower)
                } else {
                    s.min(upper)
                }
            }
        };
        let stop = match self.stop.get() {
            v if v.is_none() => {
                if step < 0 {
                    lower
                } else {
                    upper
                }
            }
            v => {
                let s = slice_index(ts, v)?;
                if s < 0 {
                    (s + len).max(lower)
                } else {
                    s.min(upper)
                }
            }
        };
        let n = if step > 0 {
            if stop > start {
                ((stop - start - 1) / step + 1) as usize
            } else {
                0
            }
        } else if start > stop {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        };
        Ok((start, stop, step, n))
    }
}

impl SliceObj {
    /// `slice.indices(len)` on ints of any size (CPython's
    /// `_PySlice_GetLongIndices`): (start, stop, step), clamped to the
    /// sequence.
    pub fn indices_big(
        &self,
        ts: &mut ThreadState,
        len: &BigInt,
    ) -> PyResult<(BigInt, BigInt, BigInt)> {
        let step = match self.step.get() {
            v if v.is_none() => BigInt::one(),
            v => big_index(ts, v)?,
        };
        if step.is_zero() {
            return Err(ts.value_error("slice step cannot be zero"));
        }
        let neg = step.is_negative();
        let (lower, upper) = if neg {
            (BigInt::from(-1), len - 1u32)
        } else {
            (BigInt::zero(), len.clone())
        };
        let bound = |ts: &mut ThreadState, v: Value, default: &BigInt| -> PyResult<BigInt> {
            if v.is_none() {
                return Ok(default.clone());
            }
            let x = big_index(ts, v)?;
            Ok(if x.is_negative() {
                let y = x + len;
                if y < lower {
                    lower.clone()
                } else {
                    y
                }
            } else if x > upper {
                upper.clone()
            } else {
                x
            })
        };
        let start = bound(ts, self.start.get(), if neg { &upper } else { &lower })?;
        let stop = bound(ts, self.stop.get(), if neg { &lower } else { &upper })?;
        Ok((start, stop, step))
    }
}

/// A slice bound as an int of any size.
fn big_index(ts: &mut ThreadState, v: Value) -> PyResult<BigInt> {
    if !crate::objects::int::is_int(v)
        && crate::objects::typeobj::type_of(v)
            .slots
            .index
            .get()
            .is_none()
    {
        return Err(
            ts.type_error("slice indices must be integers or None or have an __index__ method")
        );
    }
    let i = ops::index(ts, v)?;
    Ok(crate::objects::int::to_big(i)
        .map(|c| c.into_owned())
        .unwrap_or_default())
}

/// A slice bound: an int (saturated to the `i64` range) or `__index__`.
fn slice_index(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    if let Some(i) = v.as_small_int() {
        return Ok(i);
    }
    if crate::objects::int::is_int(v) {
        return Ok(crate::objects::int::to_i64_saturating(v));
    }
    if crate::objects::typeobj::type_of(v)
        .slots
        .index
        .get()
        .is_none()
    {
        return Err(
            ts.type_error("slice indices must be integers or None or have an __index__ method")
        );
    }
    let i = ops::index(ts, v)?;
    Ok(crate::objects::int::to_i64_saturating(i))
}

/// Normalizes a sequence index (negative counts from the end); None when
/// out of range.
#[inline]
pub fn normalize_index(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    if j >= 0 && (j as usize) < len {
        Some(j as usize)
    } else {
        None
    }
}

fn slice_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let Some(s) = v.downcast::<SliceObj>() else {
        return Err(ts.type_error("expected slice"));
    };
    let a = ops::repr_string(ts, s.start.get())?;
    let b = ops::repr_string(ts, s.stop.get())?;
    let c = ops::repr_string(ts, s.step.get())?;
    Ok(StrObj::new(ts, &format!("slice({a}, {b}, {c})")))
}

fn slice_new(
    ts: &mut ThreadState,
    _cls: Gc<TypeObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    if kw.map(|k| k.len()).unwrap_or(0) > 0 {
        return Err(ts.type_error("slice() takes no keyword arguments"));
    }
    let (a, b, c) = match args {
        [stop] => (Value::NONE, *stop, Value::NONE),
        [start, stop] => (*start, *stop, Value::NONE),
        [start, stop, step] => (*start, *stop, *step),
        [] => return Err(ts.type_error("slice expected at least 1 argument, got 0")),
        _ => {
            return Err(ts.type_error(format!(
                "slice expected at most 3 arguments, got {}",
                args.len()
            )))
        }
    };
    Ok(SliceObj::new(ts, a, b, c).value())
}

fn slice_indices_method(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("slice.indices($self, len, /)").without_text_signature();
    let [this, n] = SIG.bind(ts, args, kw)?;
    let Some(s) = this.downcast::<SliceObj>() else {
        return Err(ts.type_error("descriptor 'indices' requires a 'slice' object"));
    };
    let n = ops::index(ts, n)?;
    let len = crate::objects::int::to_big(n)
        .map(|c| c.into_owned())
        .unwrap_or_default();
    if len.is_negative() {
        return Err(ts.value_error("length should not be negative"));
    }
    let (a, b, c) = s.indices_big(ts, &len)?;
    let vals = [
        crate::objects::int::int_from_big(ts, a),
        crate::objects::int::int_from_big(ts, b),
        crate::objects::int::int_from_big(ts, c),
    ];
    Ok(TupleObj::new(ts, &vals).value())
}

fn slice_reduce(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("slice.__reduce__($self, /)").without_text_signature();
    let [this] = SIG.bind(ts, args, kw)?;
    let Some(s) = this.downcast::<SliceObj>() else {
        return Err(ts.type_error("descriptor '__reduce__' requires a 'slice' object"));
    };
    let parts = TupleObj::new(ts, &[s.start.get(), s.stop.get(), s.step.get()]);
    Ok(TupleObj::new(ts, &[types().slice.value(), parts.value()]).value())
}

fn slice_richcompare(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast::<SliceObj>(), b.downcast::<SliceObj>()) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let tx = TupleObj::new(ts, &[x.start.get(), x.stop.get(), x.step.get()]);
    let ty = TupleObj::new(ts, &[y.start.get(), y.stop.get(), y.step.get()]);
    ops::rich_compare(ts, tx.value(), ty.value(), op)
}

fn get_start(_ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(v.downcast::<SliceObj>()
        .map(|s| s.start.get())
        .unwrap_or(Value::NONE))
}
fn get_stop(_ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(v.downcast::<SliceObj>()
        .map(|s| s.stop.get())
        .unwrap_or(Value::NONE))
}
fn get_step(_ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(v.downcast::<SliceObj>()
        .map(|s| s.step.get())
        .unwrap_or(Value::NONE))
}

/// The setter of a read-only member (CPython's `READONLY` struct
/// members: `slice.start`, `range.step`, `complex.real` ...).
pub fn readonly_member(ts: &mut ThreadState, _v: Value, _x: Option<Value>) -> PyResult<()> {
    Err(ts.attribute_error_msg("readonly attribute"))
}

fn slice_hash(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    Err(ts.type_error(format!("unhashable type: '{}'", type_name(v))))
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let doc = StrObj::new(ts, "slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.  This is used for extended slicing (e.g. a[0:10:2]).");
    crate::objects::set_type_attr(ts, t.slice, "__doc__", doc);
    let ty = t.slice;
    ty.slots.repr.set(Some(slice_repr));
    ty.slots.new.set(Some(slice_new));
    ty.slots.richcompare.set(Some(slice_richcompare));
    ty.slots.hash.set(Some(slice_hash));
    add_methods(
        ts,
        ty,
        &[
            method("indices", slice_indices_method),
            method("__reduce__", slice_reduce),
        ],
    );
    add_getset(ts, ty, "start", get_start, Some(readonly_member));
    add_getset(ts, ty, "stop", get_stop, Some(readonly_member));
    add_getset(ts, ty, "step", get_step, Some(readonly_member));
}
