//! `_bisect`: binary search and insertion into sorted sequences, the
//! native parts of `bisect`.
//!
//! The searches compare exactly the items CPython's do, in the same
//! order (`x < item` for the right variants, `item < x` for the left
//! ones), so comparisons with side effects behave the same. Each probe
//! reads one item by index (an atomic list read): a list that another
//! thread mutates meanwhile gives some position, never a crash.

use ftpy_compiler::CompareOp;
use ftpy_vm::builtins::args::Sig;
use ftpy_vm::interp::types;
use ftpy_vm::objects::int;
use ftpy_vm::objects::list::ListObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{type_name, type_of};
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

/// `seq[i]` as CPython's `PySequence_GetItem` (i >= 0).
pub(crate) fn seq_item(ts: &mut ThreadState, seq: Value, i: usize) -> PyResult<Value> {
    if let Some(l) = seq.downcast::<ListObj>() {
        if type_of(seq) == types().list {
            return match l.get(i) {
                Some(x) => Ok(x),
                None => Err(ts.index_error("list index out of range")),
            };
        }
    }
    let ty = type_of(seq);
    if ty.slots.getitem.get().is_none() {
        return Err(ts.type_error(format!(
            "'{}' object does not support indexing",
            type_name(seq)
        )));
    }
    if types().dict.instance_check(seq) {
        return Err(ts.type_error(format!("{} is not a sequence", type_name(seq))));
    }
    let idx = int::int_from_u64(ts, i as u64);
    ops::getitem(ts, seq, idx)
}

/// Parses `lo` and `hi` (None or -1: the sequence's length).
fn bounds(ts: &mut ThreadState, a: Value, lo: Value, hi: Value) -> PyResult<(usize, i64)> {
    let lo = match lo.non_null() {
        None => 0,
        Some(v) => {
            let i = ops::index(ts, v)?;
            match int::to_i64(i) {
                Some(n) => n,
                None => {
                    return Err(ts.overflow_error("Python int too large to convert to C ssize_t"));
                }
            }
        }
    };
    if lo < 0 {
        return Err(ts.value_error("lo must be non-negative"));
    }
    let hi = match hi.non_null() {
        None => -1,
        Some(v) if v.is_none() => -1,
        Some(v) => {
            if type_of(v).slots.index.get().is_none() && !int::is_int(v) {
                return Err(ts.type_error(format!(
                    "argument should be integer or None, not '{}'",
                    type_name(v)
                )));
            }
            let i = ops::index(ts, v)?;
            match int::to_i64(i) {
                Some(n) => n,
                None => {
                    return Err(ts.overflow_error("cannot fit 'int' into an index-sized integer"));
                }
            }
        }
    };
    let hi = if hi == -1 {
        ops::len(ts, a)? as i64
    } else {
        hi
    };
    Ok((lo as usize, hi))
}

/// The insertion point of `x` in `a[lo:hi]`; `right` puts it after equal
/// items.
fn search(
    ts: &mut ThreadState,
    a: Value,
    x: Value,
    lo: usize,
    hi: i64,
    key: Value,
    right: bool,
) -> PyResult<usize> {
    let mut lo = lo;
    let mut hi = if hi < 0 { 0 } else { hi as usize };
    let key = key.non_null().filter(|k| !k.is_none());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let mut item = seq_item(ts, a, mid)?;
        if let Some(k) = key {
            item = ops::call1(ts, k, item)?;
        }
        if right {
            if ops::compare_bool(ts, x, item, CompareOp::Lt)? {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        } else if ops::compare_bool(ts, item, x, CompareOp::Lt)? {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

fn bisect(ts: &mut ThreadState, args: &[Value], kw: Kw, sig: &Sig, right: bool) -> PyResult<Value> {
    let [a, x, lo, hi, key] = sig.bind(ts, args, kw)?;
    let (lo, hi) = bounds(ts, a, lo, hi)?;
    let i = search(ts, a, x, lo, hi, key, right)?;
    Ok(int::int_from_u64(ts, i as u64))
}

fn insort(ts: &mut ThreadState, args: &[Value], kw: Kw, sig: &Sig, right: bool) -> PyResult<Value> {
    let [a, x, lo, hi, key] = sig.bind(ts, args, kw)?;
    let (lo, hi) = bounds(ts, a, lo, hi)?;
    let probe = match key.non_null().filter(|k| !k.is_none()) {
        Some(k) => ops::call1(ts, k, x)?,
        None => x,
    };
    let i = search(ts, a, probe, lo, hi, key, right)?;
    if type_of(a) == types().list {
        if let Some(l) = a.downcast::<ListObj>() {
            l.insert(ts, i as i64, x);
            return Ok(Value::NONE);
        }
    }
    let idx = int::int_from_u64(ts, i as u64);
    let name = ftpy_vm::interp::intern(ts, "insert");
    ops::call_method(ts, a, name, &[idx, x])?;
    Ok(Value::NONE)
}

fn bisect_right(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("bisect_right(a, x, lo=0, hi=None, *, key=None)");
    bisect(ts, args, kw, &SIG, true)
}

fn bisect_left(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("bisect_left(a, x, lo=0, hi=None, *, key=None)");
    bisect(ts, args, kw, &SIG, false)
}

fn insort_right(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("insort_right(a, x, lo=0, hi=None, *, key=None)");
    insort(ts, args, kw, &SIG, true)
}

fn insort_left(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("insort_left(a, x, lo=0, hi=None, *, key=None)");
    insort(ts, args, kw, &SIG, false)
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let doc = StrObj::new(
        ts,
        "Bisection algorithms: find where an item goes in a sorted list, and\ninsert it there, without sorting again.",
    );
    m.set_attr(ts, "__doc__", doc);
    m.add_function(ts, "bisect_right", bisect_right);
    m.add_function(ts, "bisect_left", bisect_left);
    m.add_function(ts, "insort_right", insort_right);
    m.add_function(ts, "insort_left", insort_left);
    Ok(())
}
