//! `time`: clocks and sleeping.

use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::{Gc, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

fn clock_ns(clock: libc::clockid_t) -> i64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into the timespec we pass.
    unsafe { libc::clock_gettime(clock, &mut t) };
    t.tv_sec * 1_000_000_000 + t.tv_nsec
}

fn secs(ns: i64) -> Value {
    Value::from_f64(ns as f64 / 1e9)
}

fn t_time(_ts: &mut ThreadState, _a: &[Value], _k: Kw) -> PyResult<Value> {
    Ok(secs(clock_ns(libc::CLOCK_REALTIME)))
}
fn t_time_ns(ts: &mut ThreadState, _a: &[Value], _k: Kw) -> PyResult<Value> {
    Ok(ftpy_vm::objects::int::int_from_i64(
        ts,
        clock_ns(libc::CLOCK_REALTIME),
    ))
}
fn t_monotonic(_ts: &mut ThreadState, _a: &[Value], _k: Kw) -> PyResult<Value> {
    Ok(secs(clock_ns(libc::CLOCK_MONOTONIC)))
}
fn t_monotonic_ns(ts: &mut ThreadState, _a: &[Value], _k: Kw) -> PyResult<Value> {
    Ok(ftpy_vm::objects::int::int_from_i64(
        ts,
        clock_ns(libc::CLOCK_MONOTONIC),
    ))
}
fn t_process_time(_ts: &mut ThreadState, _a: &[Value], _k: Kw) -> PyResult<Value> {
    Ok(secs(clock_ns(libc::CLOCK_PROCESS_CPUTIME_ID)))
}
fn t_process_time_ns(ts: &mut ThreadState, _a: &[Value], _k: Kw) -> PyResult<Value> {
    Ok(ftpy_vm::objects::int::int_from_i64(
        ts,
        clock_ns(libc::CLOCK_PROCESS_CPUTIME_ID),
    ))
}
fn t_thread_time(_ts: &mut ThreadState, _a: &[Value], _k: Kw) -> PyResult<Value> {
    Ok(secs(clock_ns(libc::CLOCK_THREAD_CPUTIME_ID)))
}

fn t_sleep(ts: &mut ThreadState, args: &[Value], _k: Kw) -> PyResult<Value> {
    let Some(&v) = args.first() else {
        return Err(ts.type_error("sleep() takes exactly one argument (0 given)"));
    };
    let s = ftpy_vm::builtins::to_f64(ts, v)?;
    if s.is_nan() {
        return Err(ts.value_error("Invalid value NaN (not a number)"));
    }
    if s < 0.0 {
        return Err(ts.value_error("sleep length must be non-negative"));
    }
    let d = std::time::Duration::from_secs_f64(s.min(1e12));
    // Sleep in slices so a pending signal is noticed.
    let end = std::time::Instant::now() + d;
    loop {
        let now = std::time::Instant::now();
        if now >= end {
            break;
        }
        let slice = (end - now).min(std::time::Duration::from_millis(50));
        ts.allow_threads(|| std::thread::sleep(slice));
        if ts.breaker_set() {
            ts.safepoint_slow()?;
        }
    }
    Ok(Value::NONE)
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    m.add_function(ts, "time", t_time);
    m.add_function(ts, "time_ns", t_time_ns);
    m.add_function(ts, "monotonic", t_monotonic);
    m.add_function(ts, "monotonic_ns", t_monotonic_ns);
    m.add_function(ts, "perf_counter", t_monotonic);
    m.add_function(ts, "perf_counter_ns", t_monotonic_ns);
    m.add_function(ts, "process_time", t_process_time);
    m.add_function(ts, "process_time_ns", t_process_time_ns);
    m.add_function(ts, "thread_time", t_thread_time);
    m.add_function(ts, "sleep", t_sleep);
    Ok(())
}
