//! `gc`: control of ftpy's tracing collector.
//!
//! `gc.collect()` runs a full collection (stopping every thread at a
//! safepoint) and then the pending finalizers, so code that relies on it
//! to release objects with `__del__` behaves as on CPython.

use std::sync::atomic::Ordering;

use ftpy_vm::gc::collect::{collect_explicit, gc_stats, AUTO_GC_ENABLED};
use ftpy_vm::objects::dict::DictObj;
use ftpy_vm::objects::list::ListObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::{Gc, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

fn collect(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(too_many_args(ts, args.len()));
    }
    let from_python = ts.called_from_python(collect);
    collect_explicit(ts, from_python);
    // CPython returns the number of unreachable objects found; a tracing
    // collector frees without counting per object, so report 0.
    Ok(Value::small_int_unchecked(0))
}

#[cold]
#[inline(never)]
fn too_many_args(ts: &mut ThreadState, n: usize) -> ftpy_vm::PyErr {
    ts.type_error(format!("collect() takes at most 1 argument ({n} given)"))
}

fn enable(_ts: &mut ThreadState, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    AUTO_GC_ENABLED.store(true, Ordering::Relaxed);
    Ok(Value::NONE)
}

fn disable(_ts: &mut ThreadState, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    AUTO_GC_ENABLED.store(false, Ordering::Relaxed);
    Ok(Value::NONE)
}

fn isenabled(_ts: &mut ThreadState, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    Ok(Value::from_bool(AUTO_GC_ENABLED.load(Ordering::Relaxed)))
}

fn get_count(ts: &mut ThreadState, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    Ok(TupleObj::new(ts, &[Value::small_int_unchecked(0); 3]).value())
}

fn get_threshold(ts: &mut ThreadState, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    let t = [
        Value::small_int_unchecked(700),
        Value::small_int_unchecked(10),
        Value::small_int_unchecked(10),
    ];
    Ok(TupleObj::new(ts, &t).value())
}

fn set_threshold(_ts: &mut ThreadState, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    // Generation thresholds do not apply to a non-generational collector;
    // the collector sizes itself from the live heap.
    Ok(Value::NONE)
}

fn get_stats(ts: &mut ThreadState, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = gc_stats();
    let d = DictObj::new(ts);
    let c = ftpy_vm::objects::int::int_from_u64(ts, s.collections);
    d.set_item_str(ts, "collections", c);
    d.set_item_str(ts, "collected", Value::small_int_unchecked(0));
    d.set_item_str(ts, "uncollectable", Value::small_int_unchecked(0));
    let live = ftpy_vm::objects::int::int_from_u64(ts, s.last_live_bytes as u64);
    d.set_item_str(ts, "live_bytes", live);
    let pause = Value::from_f64(s.max_pause_ns as f64 / 1e9);
    d.set_item_str(ts, "max_pause", pause);
    let total = Value::from_f64(s.total_pause_ns as f64 / 1e9);
    d.set_item_str(ts, "total_pause", total);
    Ok(ListObj::new(ts, &[d.value()]).value())
}

fn is_tracked(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let Some(&v) = args.first() else {
        return Err(ts.type_error("is_tracked() takes exactly one argument (0 given)"));
    };
    Ok(Value::from_bool(v.is_ptr()))
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    m.add_function(ts, "collect", collect);
    m.add_function(ts, "enable", enable);
    m.add_function(ts, "disable", disable);
    m.add_function(ts, "isenabled", isenabled);
    m.add_function(ts, "get_count", get_count);
    m.add_function(ts, "get_threshold", get_threshold);
    m.add_function(ts, "set_threshold", set_threshold);
    m.add_function(ts, "get_stats", get_stats);
    m.add_function(ts, "is_tracked", is_tracked);
    let garbage = ListObj::new(ts, &[]);
    m.set_attr(ts, "garbage", garbage.value());
    let callbacks = ListObj::new(ts, &[]);
    m.set_attr(ts, "callbacks", callbacks.value());
    for (n, v) in [
        ("DEBUG_STATS", 1),
        ("DEBUG_COLLECTABLE", 2),
        ("DEBUG_UNCOLLECTABLE", 4),
        ("DEBUG_SAVEALL", 32),
        ("DEBUG_LEAK", 38),
    ] {
        m.set_attr(ts, n, Value::small_int_unchecked(v));
    }
    Ok(())
}
