//! `time`: clocks, sleeping, and conversions between seconds since the
//! Epoch and broken-down time (`struct_time`), through the C library
//! (`gmtime_r`, `localtime_r`, `mktime`, `strftime`), as CPython does.
//!
//! `sleep` runs detached; on the main thread it wakes every 20 ms to
//! check for Ctrl-C (raising `KeyboardInterrupt` as CPython's sleep
//! does). `strptime` is CPython's pure-Python `_strptime`.
//!
//! Timestamps are converted with CPython's rounding rules (`_PyTime_*`):
//! floor for `gmtime`/`localtime`/`utime`, up for timeouts.

use std::sync::OnceLock;

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::objects::float;
use ftpy_vm::objects::int::{self, int_from_i64};
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::structseq;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{type_of, TypeObj};
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

use crate::posix::conv;

type Kw = Option<Gc<TupleObj>>;

// ---- timestamps ------------------------------------------------------------------------

/// How a float timestamp is rounded to an integer unit.
#[derive(Copy, Clone, PartialEq, Eq)]
pub enum Round {
    Floor,
    Ceiling,
    HalfEven,
    /// Away from zero (timeouts).
    Up,
}

fn round(x: f64, r: Round) -> f64 {
    match r {
        Round::Floor => x.floor(),
        Round::Ceiling => x.ceil(),
        Round::Up => {
            if x >= 0.0 {
                x.ceil()
            } else {
                x.floor()
            }
        }
        Round::HalfEven => {
            let r = x.round();
            if (x - x.trunc()).abs() == 0.5 {
                2.0 * (x / 2.0).round()
            } else {
                r
            }
        }
    }
}

const TIME_T_RANGE: &str = "timestamp out of range for platform time_t";

/// An int timestamp as `time_t`.
fn int_time_t(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    let i = ops::index(ts, v)?;
    int::to_i64(i).ok_or_else(|| ts.overflow_error(TIME_T_RANGE))
}

/// `_PyTime_ObjectToTimespec`: (seconds, nanoseconds in 0..1e9).
pub fn object_to_timespec(ts: &mut ThreadState, v: Value, r: Round) -> PyResult<(i64, i64)> {
    if let Some(d) = float::as_f64(v).filter(|_| float::is_float(v)) {
        if d.is_nan() {
            return Err(ts.value_error("Invalid value NaN (not a number)"));
        }
        let mut ip = d.trunc();
        let mut fp = round((d - ip) * 1e9, r);
        if fp >= 1e9 {
            fp -= 1e9;
            ip += 1.0;
        } else if fp < 0.0 {
            fp += 1e9;
            ip -= 1.0;
        }
        if !(ip >= i64::MIN as f64 && ip < i64::MAX as f64) {
            return Err(ts.overflow_error(TIME_T_RANGE));
        }
        return Ok((ip as i64, fp as i64));
    }
    Ok((int_time_t(ts, v)?, 0))
}

/// `_PyTime_ObjectToTime_t`: whole seconds.
pub fn object_to_time_t(ts: &mut ThreadState, v: Value, r: Round) -> PyResult<i64> {
    if let Some(d) = float::as_f64(v).filter(|_| float::is_float(v)) {
        if d.is_nan() {
            return Err(ts.value_error("Invalid value NaN (not a number)"));
        }
        let d = round(d, r);
        if !(d >= i64::MIN as f64 && d < i64::MAX as f64) {
            return Err(ts.overflow_error(TIME_T_RANGE));
        }
        return Ok(d as i64);
    }
    int_time_t(ts, v)
}

/// `_PyTime_FromSecondsObject`: nanoseconds, for timeouts.
pub fn seconds_to_ns(ts: &mut ThreadState, v: Value, r: Round) -> PyResult<i64> {
    if let Some(d) = float::as_f64(v).filter(|_| float::is_float(v)) {
        if d.is_nan() {
            return Err(ts.value_error("Invalid value NaN (not a number)"));
        }
        let ns = round(d * 1e9, r);
        if !(ns >= i64::MIN as f64 && ns < i64::MAX as f64) {
            return Err(ts.overflow_error(TIME_T_RANGE));
        }
        return Ok(ns as i64);
    }
    let i = ops::index(ts, v)?;
    int::to_i64(i)
        .and_then(|s| s.checked_mul(1_000_000_000))
        .ok_or_else(|| ts.overflow_error("timestamp too large to convert to C _PyTime_t"))
}

// ---- clocks -----------------------------------------------------------------------------

fn clock_ns(clock: libc::clockid_t) -> Result<i128, i32> {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into the timespec we pass.
    if unsafe { libc::clock_gettime(clock, &mut t) } != 0 {
        return Err(conv::errno());
    }
    Ok(t.tv_sec as i128 * 1_000_000_000 + t.tv_nsec as i128)
}

/// A clock every Linux has: reading it cannot fail.
fn sure_ns(clock: libc::clockid_t) -> i128 {
    clock_ns(clock).unwrap_or(0)
}

fn secs(ns: i128) -> Value {
    Value::from_f64(ns as f64 / 1e9)
}

fn ns_value(ts: &mut ThreadState, ns: i128) -> Value {
    int::int_from_i128(ts, ns)
}

macro_rules! clock_fns {
    ($($f:ident, $fns:ident, $clock:expr, $t1:literal, $t2:literal;)*) => {
        $(
            fn $f(ts: &mut ThreadState, a: &[Value], k: Kw) -> PyResult<Value> {
                static SIG: Sig = Sig::new($t1);
                let [] = SIG.bind(ts, a, k)?;
                Ok(secs(sure_ns($clock)))
            }
            fn $fns(ts: &mut ThreadState, a: &[Value], k: Kw) -> PyResult<Value> {
                static SIG: Sig = Sig::new($t2);
                let [] = SIG.bind(ts, a, k)?;
                let ns = sure_ns($clock);
                Ok(ns_value(ts, ns))
            }
        )*
    };
}

clock_fns! {
    t_time, t_time_ns, libc::CLOCK_REALTIME, "time.time()", "time.time_ns()";
    t_monotonic, t_monotonic_ns, libc::CLOCK_MONOTONIC, "time.monotonic()", "time.monotonic_ns()";
    t_perf_counter, t_perf_counter_ns, libc::CLOCK_MONOTONIC, "time.perf_counter()", "time.perf_counter_ns()";
    t_process_time, t_process_time_ns, libc::CLOCK_PROCESS_CPUTIME_ID, "time.process_time()", "time.process_time_ns()";
    t_thread_time, t_thread_time_ns, libc::CLOCK_THREAD_CPUTIME_ID, "time.thread_time()", "time.thread_time_ns()";
}

fn clock_arg(ts: &mut ThreadState, fname: &str, args: &[Value], kw: Kw) -> PyResult<i32> {
    ftpy_vm::builtins::args::no_kwargs(ts, fname, kw)?;
    ftpy_vm::builtins::args::check_count(ts, fname, args, 1, 1)?;
    conv::c_int(ts, args[0])
}

fn t_clock_gettime(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let c = clock_arg(ts, "clock_gettime", args, kw)?;
    match clock_ns(c) {
        Ok(ns) => Ok(secs(ns)),
        Err(e) => Err(conv::os_error(ts, e, None, None)),
    }
}

fn t_clock_gettime_ns(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let c = clock_arg(ts, "clock_gettime_ns", args, kw)?;
    match clock_ns(c) {
        Ok(ns) => Ok(ns_value(ts, ns)),
        Err(e) => Err(conv::os_error(ts, e, None, None)),
    }
}

fn clock_res(clock: libc::clockid_t) -> Result<f64, i32> {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_getres writes into the timespec we pass.
    if unsafe { libc::clock_getres(clock, &mut t) } != 0 {
        return Err(conv::errno());
    }
    Ok(t.tv_sec as f64 + t.tv_nsec as f64 * 1e-9)
}

fn t_clock_getres(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let c = clock_arg(ts, "clock_getres", args, kw)?;
    match clock_res(c) {
        Ok(r) => Ok(Value::from_f64(r)),
        Err(e) => Err(conv::os_error(ts, e, None, None)),
    }
}

fn settime(ts: &mut ThreadState, c: i32, s: i64, ns: i64) -> PyResult<Value> {
    let t = libc::timespec {
        tv_sec: s,
        tv_nsec: ns,
    };
    // SAFETY: reads the local timespec.
    if unsafe { libc::clock_settime(c, &t) } != 0 {
        return Err(conv::last_error(ts));
    }
    Ok(Value::NONE)
}

fn t_clock_settime(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    ftpy_vm::builtins::args::no_kwargs(ts, "clock_settime", kw)?;
    ftpy_vm::builtins::args::check_count(ts, "clock_settime", args, 2, 2)?;
    let c = conv::c_int(ts, args[0])?;
    let ns = seconds_to_ns(ts, args[1], Round::Floor)?;
    settime(
        ts,
        c,
        ns.div_euclid(1_000_000_000),
        ns.rem_euclid(1_000_000_000),
    )
}

fn t_clock_settime_ns(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    ftpy_vm::builtins::args::no_kwargs(ts, "clock_settime_ns", kw)?;
    ftpy_vm::builtins::args::check_count(ts, "clock_settime_ns", args, 2, 2)?;
    let c = conv::c_int(ts, args[0])?;
    let i = ops::index(ts, args[1])?;
    let Some(ns) = int::to_i64(i) else {
        return Err(ts.overflow_error("timestamp too large to convert to C _PyTime_t"));
    };
    settime(
        ts,
        c,
        ns.div_euclid(1_000_000_000),
        ns.rem_euclid(1_000_000_000),
    )
}

fn t_pthread_getcpuclockid(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    ftpy_vm::builtins::args::no_kwargs(ts, "pthread_getcpuclockid", kw)?;
    ftpy_vm::builtins::args::check_count(ts, "pthread_getcpuclockid", args, 1, 1)?;
    let i = ops::index(ts, args[0])?;
    let Some(id) = int::to_big(i).and_then(|b| num_traits::ToPrimitive::to_u64(&*b)) else {
        return Err(ts.overflow_error("Python int too large to convert to C unsigned long"));
    };
    let mut c: libc::clockid_t = 0;
    // SAFETY: writes the clock id into the local; an invalid thread id is
    // reported as an error number (ESRCH) by glibc.
    let r = unsafe { libc::pthread_getcpuclockid(id as libc::pthread_t, &mut c) };
    if r != 0 {
        return Err(conv::os_error(ts, r, None, None));
    }
    Ok(Value::small_int_unchecked(c as i64))
}

fn t_get_clock_info(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    ftpy_vm::builtins::args::no_kwargs(ts, "get_clock_info", kw)?;
    ftpy_vm::builtins::args::check_count(ts, "get_clock_info", args, 1, 1)?;
    let Some(name) = ftpy_vm::objects::str::as_str(args[0]) else {
        return Err(ts.type_error(format!(
            "get_clock_info() argument 1 must be str, not {}",
            ftpy_vm::objects::typeobj::type_name(args[0])
        )));
    };
    let (imp, clock, mono, adj) = match name {
        "time" => (
            "clock_gettime(CLOCK_REALTIME)",
            libc::CLOCK_REALTIME,
            false,
            true,
        ),
        "monotonic" | "perf_counter" => (
            "clock_gettime(CLOCK_MONOTONIC)",
            libc::CLOCK_MONOTONIC,
            true,
            false,
        ),
        "process_time" => (
            "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)",
            libc::CLOCK_PROCESS_CPUTIME_ID,
            true,
            false,
        ),
        "thread_time" => (
            "clock_gettime(CLOCK_THREAD_CPUTIME_ID)",
            libc::CLOCK_THREAD_CPUTIME_ID,
            true,
            false,
        ),
        _ => return Err(ts.value_error("unknown clock")),
    };
    let res = clock_res(clock).unwrap_or(1e-9);
    // types.SimpleNamespace is the type of sys.implementation.
    let sys = ftpy_vm::interp::interp().sys().value();
    let imp_v = ops::getattr_str(ts, sys, "implementation")?;
    let ns_type = type_of(imp_v).value();
    let imp_s = StrObj::new(ts, imp);
    let names = [
        StrObj::new(ts, "implementation"),
        StrObj::new(ts, "monotonic"),
        StrObj::new(ts, "adjustable"),
        StrObj::new(ts, "resolution"),
    ];
    let kwn = TupleObj::new(ts, &names);
    ops::call(
        ts,
        ns_type,
        &[
            imp_s,
            Value::from_bool(mono),
            Value::from_bool(adj),
            Value::from_f64(res),
        ],
        Some(kwn),
    )
}

// ---- sleep ---------------------------------------------------------------------------------

/// How often a sleeping main thread checks for Ctrl-C.
const SIGNAL_POLL_NS: i64 = 20_000_000;

fn t_sleep(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("time.sleep(secs, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let ns = seconds_to_ns(ts, v, Round::Up)?;
    if ns < 0 {
        return Err(ts.value_error("sleep length must be non-negative"));
    }
    sleep_ns(ts, ns)?;
    Ok(Value::NONE)
}

/// Sleeps `ns` nanoseconds detached (see the module doc).
pub fn sleep_ns(ts: &mut ThreadState, ns: i64) -> PyResult<()> {
    let main = ts.ident()
        == ftpy_vm::interp::interp()
            .main_thread_ident
            .load(std::sync::atomic::Ordering::Relaxed);
    let deadline = sure_ns(libc::CLOCK_MONOTONIC).saturating_add(ns as i128);
    loop {
        let now = sure_ns(libc::CLOCK_MONOTONIC);
        if now >= deadline {
            return Ok(());
        }
        let until = if main {
            deadline.min(now + SIGNAL_POLL_NS as i128)
        } else {
            deadline
        };
        let t = libc::timespec {
            tv_sec: (until / 1_000_000_000).min(i64::MAX as i128) as i64,
            tv_nsec: (until % 1_000_000_000) as i64,
        };
        // SAFETY: reads the local timespec; an interrupted sleep returns
        // EINTR and the loop goes on to the same deadline.
        ts.allow_threads(|| unsafe {
            libc::clock_nanosleep(
                libc::CLOCK_MONOTONIC,
                libc::TIMER_ABSTIME,
                &t,
                std::ptr::null_mut(),
            )
        });
        if main && ftpy_vm::interp::signal_pending() {
            ftpy_vm::interp::handle_pending_signals(ts)?;
        }
    }
}

// ---- struct_time ------------------------------------------------------------------------------

static STRUCT_TIME: OnceLock<Gc<TypeObj>> = OnceLock::new();

const STRUCT_TIME_DOC: &str =
    "The time value as returned by gmtime(), localtime(), and strptime(), and\n \
accepted by asctime(), mktime() and strftime().  May be considered as a\n \
sequence of 9 integers.\n\n \
Note that several fields' values are not the same as those defined by\n \
the C language standard for struct tm.  For example, the value of the\n \
field tm_year is the actual year, not year - 1900.  See individual\n \
fields' descriptions for details.";

fn struct_time_type(ts: &mut ThreadState) -> PyResult<Gc<TypeObj>> {
    if let Some(t) = STRUCT_TIME.get() {
        return Ok(*t);
    }
    let t = structseq::new_type(
        ts,
        "time",
        "struct_time",
        &[
            Some("tm_year"),
            Some("tm_mon"),
            Some("tm_mday"),
            Some("tm_hour"),
            Some("tm_min"),
            Some("tm_sec"),
            Some("tm_wday"),
            Some("tm_yday"),
            Some("tm_isdst"),
            Some("tm_zone"),
            Some("tm_gmtoff"),
        ],
        9,
        STRUCT_TIME_DOC,
    )?;
    ftpy_vm::interp::add_global_root(t.value());
    Ok(*STRUCT_TIME.get_or_init(|| t))
}

fn zeroed_tm() -> libc::tm {
    // SAFETY: an all-zero `struct tm` (null tm_zone) is a valid value.
    unsafe { std::mem::zeroed() }
}

/// A `struct_time` from a C `struct tm`.
fn tm_to_struct(ts: &mut ThreadState, tm: &libc::tm) -> PyResult<Value> {
    let ty = struct_time_type(ts)?;
    let zone = if tm.tm_zone.is_null() {
        Value::NONE
    } else {
        // SAFETY: a non-null tm_zone from the C library names a NUL-ended
        // string that lives as long as the time zone data.
        let b = unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }.to_bytes();
        conv::fs_decode(ts, b)?
    };
    let i = |x: i32| Value::small_int_unchecked(x as i64);
    let gmtoff = int_from_i64(ts, tm.tm_gmtoff);
    let vals = [
        int_from_i64(ts, tm.tm_year as i64 + 1900),
        i(tm.tm_mon + 1),
        i(tm.tm_mday),
        i(tm.tm_hour),
        i(tm.tm_min),
        i(tm.tm_sec),
        i((tm.tm_wday + 6) % 7),
        i(tm.tm_yday + 1),
        i(tm.tm_isdst),
        zone,
        gmtoff,
    ];
    structseq::new(ts, ty, &vals)
}

fn gmtime_tm(t: i64) -> Result<libc::tm, i32> {
    let mut tm = zeroed_tm();
    let tt = t as libc::time_t;
    // SAFETY: reads `tt`, writes the local `tm`.
    if unsafe { libc::gmtime_r(&tt, &mut tm) }.is_null() {
        let e = conv::errno();
        return Err(if e == 0 { libc::EINVAL } else { e });
    }
    Ok(tm)
}

fn localtime_tm(t: i64) -> Result<libc::tm, i32> {
    let mut tm = zeroed_tm();
    let tt = t as libc::time_t;
    // SAFETY: reads `tt`, writes the local `tm`.
    if unsafe { libc::localtime_r(&tt, &mut tm) }.is_null() {
        let e = conv::errno();
        return Err(if e == 0 { libc::EINVAL } else { e });
    }
    Ok(tm)
}

/// The seconds argument of gmtime/localtime/ctime (None or absent: now).
fn when(ts: &mut ThreadState, v: Option<Value>) -> PyResult<i64> {
    match v.filter(|v| !v.is_none()) {
        None => Ok((sure_ns(libc::CLOCK_REALTIME) / 1_000_000_000) as i64),
        Some(v) => object_to_time_t(ts, v, Round::Floor),
    }
}

fn opt_arg(ts: &mut ThreadState, fname: &str, args: &[Value], kw: Kw) -> PyResult<Option<Value>> {
    ftpy_vm::builtins::args::no_kwargs(ts, fname, kw)?;
    if args.len() > 1 {
        return Err(ts.type_error(format!(
            "{fname}() takes at most 1 argument ({} given)",
            args.len()
        )));
    }
    Ok(args.first().copied())
}

fn t_gmtime(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = opt_arg(ts, "gmtime", args, kw)?;
    let t = when(ts, a)?;
    match gmtime_tm(t) {
        Ok(tm) => tm_to_struct(ts, &tm),
        Err(e) => Err(conv::os_error(ts, e, None, None)),
    }
}

fn t_localtime(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = opt_arg(ts, "localtime", args, kw)?;
    let t = when(ts, a)?;
    match localtime_tm(t) {
        Ok(tm) => tm_to_struct(ts, &tm),
        Err(e) => Err(conv::os_error(ts, e, None, None)),
    }
}

/// A time tuple item: a C int (`i` format).
fn tm_int(ts: &mut ThreadState, v: Value) -> PyResult<i32> {
    if float::is_float(v) {
        return Err(ts.type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = ops::index(ts, v)?;
    match int::to_i64(i) {
        Some(x) if x > i32::MAX as i64 => {
            Err(ts.overflow_error("signed integer is greater than maximum"))
        }
        Some(x) if x < i32::MIN as i64 => {
            Err(ts.overflow_error("signed integer is less than minimum"))
        }
        Some(x) => Ok(x as i32),
        None => {
            if ops::lt(ts, i, Value::small_int_unchecked(0))? {
                Err(ts.overflow_error("signed integer is less than minimum"))
            } else {
                Err(ts.overflow_error("signed integer is greater than maximum"))
            }
        }
    }
}

/// A C `struct tm` from a time tuple or `struct_time` (CPython's
/// `gettmarg`): `func` names the caller in the error message. The zone
/// string of a `struct_time` is returned alongside (the `tm_zone`
/// pointer points into it).
fn gettmarg(
    ts: &mut ThreadState,
    v: Value,
    func: &str,
) -> PyResult<(libc::tm, Option<std::ffi::CString>)> {
    let Some(t) = v.downcast::<TupleObj>() else {
        return Err(ts.type_error("Tuple or struct_time argument required"));
    };
    if t.len() != 9 {
        return Err(ts.type_error(format!("{func}(): illegal time tuple argument")));
    }
    let mut f = [0i32; 9];
    for (k, slot) in f.iter_mut().enumerate() {
        let x = t.items()[k];
        *slot = tm_int(ts, x)?;
    }
    let mut tm = zeroed_tm();
    if f[0] < i32::MIN + 1900 {
        return Err(ts.overflow_error("year out of range"));
    }
    tm.tm_year = f[0] - 1900;
    tm.tm_mon = f[1].wrapping_sub(1);
    tm.tm_mday = f[2];
    tm.tm_hour = f[3];
    tm.tm_min = f[4];
    tm.tm_sec = f[5];
    tm.tm_wday = (f[6].wrapping_add(1)) % 7;
    tm.tm_yday = f[7].wrapping_sub(1);
    tm.tm_isdst = f[8];
    let mut zone = None;
    if STRUCT_TIME.get().is_some_and(|&st| type_of(v) == st) {
        let z = ops::getattr_str(ts, v, "tm_zone")?;
        if let Some(s) = z.downcast::<StrObj>() {
            let b = conv::fs_encode(ts, s)?;
            zone = Some(conv::cstring(ts, b, "embedded null character")?);
        }
        let off = ops::getattr_str(ts, v, "tm_gmtoff")?;
        if !off.is_none() {
            tm.tm_gmtoff = conv::c_long(ts, off)?;
        }
    }
    if let Some(z) = &zone {
        tm.tm_zone = z.as_ptr();
    }
    Ok((tm, zone))
}

/// CPython's `checktm`: range checks before asctime/strftime, mapping
/// the zero values Python allows to the lowest valid C values.
fn checktm(ts: &mut ThreadState, tm: &mut libc::tm) -> PyResult<()> {
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    } else if !(0..=11).contains(&tm.tm_mon) {
        return Err(ts.value_error("month out of range"));
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    } else if !(0..=31).contains(&tm.tm_mday) {
        return Err(ts.value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return Err(ts.value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.tm_min) {
        return Err(ts.value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return Err(ts.value_error("seconds out of range"));
    }
    if tm.tm_wday < 0 {
        return Err(ts.value_error("day of week out of range"));
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    } else if !(0..=365).contains(&tm.tm_yday) {
        return Err(ts.value_error("day of year out of range"));
    }
    Ok(())
}

fn t_mktime(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("time.mktime(t, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let (mut tm, _zone) = gettmarg(ts, v, "mktime")?;
    tm.tm_wday = -1;
    // SAFETY: mktime normalizes the local `tm` in place.
    let r = unsafe { libc::mktime(&mut tm) };
    if r == -1 && tm.tm_wday == -1 {
        return Err(ts.overflow_error("mktime argument out of range"));
    }
    Ok(Value::from_f64(r as f64))
}

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn asctime_text(tm: &libc::tm) -> String {
    format!(
        "{} {}{:>3} {:02}:{:02}:{:02} {}",
        DAYS[tm.tm_wday.rem_euclid(7) as usize],
        MONTHS[tm.tm_mon.rem_euclid(12) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        1900 + tm.tm_year as i64
    )
}

fn t_asctime(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    ftpy_vm::builtins::args::no_kwargs(ts, "asctime", kw)?;
    ftpy_vm::builtins::args::check_count(ts, "asctime", args, 0, 1)?;
    let mut tm = match args.first() {
        Some(&v) => gettmarg(ts, v, "asctime")?.0,
        None => {
            let t = when(ts, None)?;
            localtime_tm(t).map_err(|e| conv::os_error(ts, e, None, None))?
        }
    };
    checktm(ts, &mut tm)?;
    let s = asctime_text(&tm);
    Ok(StrObj::new(ts, &s))
}

fn t_ctime(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = opt_arg(ts, "ctime", args, kw)?;
    let t = when(ts, a)?;
    let tm = localtime_tm(t).map_err(|e| conv::os_error(ts, e, None, None))?;
    let s = asctime_text(&tm);
    Ok(StrObj::new(ts, &s))
}

fn t_strftime(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    ftpy_vm::builtins::args::no_kwargs(ts, "strftime", kw)?;
    if args.is_empty() {
        return Err(ts.type_error("strftime() takes at least 1 argument (0 given)"));
    }
    if args.len() > 2 {
        return Err(ts.type_error(format!(
            "strftime() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let Some(fmt) = args[0].downcast::<StrObj>() else {
        return Err(ts.type_error(format!(
            "strftime() argument 1 must be str, not {}",
            ftpy_vm::objects::typeobj::type_name(args[0])
        )));
    };
    let (mut tm, _zone) = match args.get(1) {
        Some(&v) => gettmarg(ts, v, "strftime")?,
        None => {
            let t = when(ts, None)?;
            (
                localtime_tm(t).map_err(|e| conv::os_error(ts, e, None, None))?,
                None,
            )
        }
    };
    checktm(ts, &mut tm)?;
    tm.tm_isdst = tm.tm_isdst.clamp(-1, 1);
    let fb = conv::fs_encode(ts, fmt)?;
    let cfmt = conv::cstring(ts, fb.clone(), "embedded null character")?;
    if fb.is_empty() {
        return Ok(ftpy_vm::objects::str::new_str(ts, ""));
    }
    let mut size = 1024usize;
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: strftime writes at most `size` bytes into `buf`; the
        // format and the tm (whose zone string `_zone` owns) are valid.
        let n = unsafe {
            libc::strftime(
                buf.as_mut_ptr() as *mut libc::c_char,
                size,
                cfmt.as_ptr(),
                &tm,
            )
        };
        if n > 0 || size >= 256 * fb.len() {
            buf.truncate(n);
            return conv::fs_decode(ts, &buf);
        }
        size *= 2;
    }
}

fn t_strptime(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let m = ftpy_vm::import::import_simple(ts, "_strptime")?;
    let f = ops::getattr_str(ts, m, "_strptime_time")?;
    ops::call(ts, f, args, kw)
}

// ---- time zones ------------------------------------------------------------------------------

/// Sets `timezone`, `altzone`, `daylight` and `tzname` from the local
/// time of January 1st and July 1st of the current year, as CPython does
/// on glibc.
fn init_timezone(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    const YEAR: i64 = (365 * 24 + 6) * 3600;
    let now = (sure_ns(libc::CLOCK_REALTIME) / 1_000_000_000) as i64;
    let jan_t = (now / YEAR) * YEAR;
    let zone = |t: i64| -> (i64, Vec<u8>) {
        match localtime_tm(t) {
            Ok(tm) => {
                let name = if tm.tm_zone.is_null() {
                    Vec::new()
                } else {
                    // SAFETY: a C library zone string (see tm_to_struct).
                    let b = unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }.to_bytes();
                    b[..b.len().min(9)].to_vec()
                };
                (-tm.tm_gmtoff, name)
            }
            Err(_) => (0, Vec::new()),
        }
    };
    let (jan, jan_name) = zone(jan_t);
    let (jul, jul_name) = zone(jan_t + YEAR / 2);
    const MAX_TIMEZONE: i64 = 48 * 3600;
    if !(-MAX_TIMEZONE..=MAX_TIMEZONE).contains(&jan)
        || !(-MAX_TIMEZONE..=MAX_TIMEZONE).contains(&jul)
    {
        return Err(ts.runtime_error("invalid GMT offset"));
    }
    let (tz, alt, first, second) = if jan < jul {
        (jul, jan, jul_name, jan_name)
    } else {
        (jan, jul, jan_name, jul_name)
    };
    m.set_attr(ts, "timezone", Value::small_int_unchecked(tz));
    m.set_attr(ts, "altzone", Value::small_int_unchecked(alt));
    m.set_attr(
        ts,
        "daylight",
        Value::small_int_unchecked((jan != jul) as i64),
    );
    let a = conv::fs_decode(ts, &first)?;
    let b = conv::fs_decode(ts, &second)?;
    let t = TupleObj::new(ts, &[a, b]);
    m.set_attr(ts, "tzname", t.value());
    Ok(())
}

extern "C" {
    fn tzset();
}

fn t_tzset(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("time.tzset()");
    let [] = SIG.bind(ts, args, kw)?;
    // SAFETY: re-reads TZ into the C library's time zone state.
    unsafe { tzset() };
    let m = ftpy_vm::import::import_simple(ts, "time")?;
    if let Some(m) = m.downcast::<ModuleObj>() {
        init_timezone(ts, m)?;
    }
    Ok(Value::NONE)
}

const DOC: &str = "This module provides various functions to manipulate time values.\n\n\
There are two standard representations of time.  One is the number\n\
of seconds since the Epoch, in UTC (a.k.a. GMT).  It may be an integer\n\
or a floating point number (to represent fractions of seconds).\n\
The Epoch is system-defined; on Unix, it is generally January 1st, 1970.\n\
The actual value can be retrieved by calling gmtime(0).\n\n\
The other representation is a tuple of 9 integers giving local time.\n\
The tuple items are:\n  \
year (including century, e.g. 1998)\n  \
month (1-12)\n  \
day (1-31)\n  \
hours (0-23)\n  \
minutes (0-59)\n  \
seconds (0-59)\n  \
weekday (0-6, Monday is 0)\n  \
Julian day (day in the year, 1-366)\n  \
DST (Daylight Savings Time) flag (-1, 0 or 1)\n\
If the DST flag is 0, the time is given in the regular time zone;\n\
if it is 1, the time is given in the DST time zone;\n\
if it is -1, mktime() should guess based on the date and time.\n";

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let doc = StrObj::new(ts, DOC);
    m.set_attr(ts, "__doc__", doc);
    let fns: &[(&str, ftpy_vm::objects::NativeFn)] = &[
        ("time", t_time),
        ("time_ns", t_time_ns),
        ("monotonic", t_monotonic),
        ("monotonic_ns", t_monotonic_ns),
        ("perf_counter", t_perf_counter),
        ("perf_counter_ns", t_perf_counter_ns),
        ("process_time", t_process_time),
        ("process_time_ns", t_process_time_ns),
        ("thread_time", t_thread_time),
        ("thread_time_ns", t_thread_time_ns),
        ("clock_gettime", t_clock_gettime),
        ("clock_gettime_ns", t_clock_gettime_ns),
        ("clock_getres", t_clock_getres),
        ("clock_settime", t_clock_settime),
        ("clock_settime_ns", t_clock_settime_ns),
        ("pthread_getcpuclockid", t_pthread_getcpuclockid),
        ("get_clock_info", t_get_clock_info),
        ("sleep", t_sleep),
        ("gmtime", t_gmtime),
        ("localtime", t_localtime),
        ("mktime", t_mktime),
        ("asctime", t_asctime),
        ("ctime", t_ctime),
        ("strftime", t_strftime),
        ("strptime", t_strptime),
        ("tzset", t_tzset),
    ];
    for &(n, f) in fns {
        m.add_function(ts, n, f);
    }
    for (n, c) in [
        ("CLOCK_BOOTTIME", libc::CLOCK_BOOTTIME),
        ("CLOCK_MONOTONIC", libc::CLOCK_MONOTONIC),
        ("CLOCK_MONOTONIC_RAW", libc::CLOCK_MONOTONIC_RAW),
        ("CLOCK_PROCESS_CPUTIME_ID", libc::CLOCK_PROCESS_CPUTIME_ID),
        ("CLOCK_REALTIME", libc::CLOCK_REALTIME),
        ("CLOCK_TAI", libc::CLOCK_TAI),
        ("CLOCK_THREAD_CPUTIME_ID", libc::CLOCK_THREAD_CPUTIME_ID),
    ] {
        m.set_attr(ts, n, Value::small_int_unchecked(c as i64));
    }
    m.set_attr(ts, "_STRUCT_TM_ITEMS", Value::small_int_unchecked(11));
    let st = struct_time_type(ts)?;
    m.set_attr(ts, "struct_time", st.value());
    // SAFETY: reads TZ into the C library's time zone state.
    unsafe { tzset() };
    init_timezone(ts, m)?;
    Ok(())
}
