//! `math`: the C library's functions with CPython's error rules (a domain
//! error is `ValueError: math domain error`, an overflow
//! `OverflowError: math range error`), and the integer functions on
//! arbitrary ints.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use ftpy_vm::builtins::to_f64;
use ftpy_vm::interp::names;
use ftpy_vm::objects::float::new_float;
use ftpy_vm::objects::int::{int_from_big, int_from_f64, is_int, to_big};
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{type_name, type_of};
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

fn arg(ts: &mut ThreadState, args: &[Value], i: usize, fname: &str, n: usize) -> PyResult<f64> {
    if args.len() != n {
        return Err(ts.type_error(if n == 1 {
            format!(
                "math.{fname}() takes exactly one argument ({} given)",
                args.len()
            )
        } else {
            format!("{fname} expected {n} arguments, got {}", args.len())
        }));
    }
    to_f64(ts, args[i])
}

/// Applies a one-argument libm function with CPython's checks.
fn unary(
    ts: &mut ThreadState,
    args: &[Value],
    fname: &str,
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult<Value> {
    let x = arg(ts, args, 0, fname, 1)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(ts.value_error("math domain error"));
    }
    if r.is_infinite() && x.is_finite() {
        if can_overflow {
            return Err(ts.overflow_error("math range error"));
        }
        return Err(ts.value_error("math domain error"));
    }
    Ok(new_float(ts, r))
}

macro_rules! unary_fn {
    ($name:ident, $py:literal, $f:expr, $ovf:expr) => {
        fn $name(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
            unary(ts, args, $py, $f, $ovf)
        }
    };
}

unary_fn!(m_sin, "sin", f64::sin, false);
unary_fn!(m_cos, "cos", f64::cos, false);
unary_fn!(m_tan, "tan", f64::tan, false);
unary_fn!(m_asin, "asin", f64::asin, false);
unary_fn!(m_acos, "acos", f64::acos, false);
unary_fn!(m_atan, "atan", f64::atan, false);
unary_fn!(m_sinh, "sinh", f64::sinh, true);
unary_fn!(m_cosh, "cosh", f64::cosh, true);
unary_fn!(m_tanh, "tanh", f64::tanh, false);
unary_fn!(m_asinh, "asinh", f64::asinh, false);
unary_fn!(m_acosh, "acosh", f64::acosh, false);
unary_fn!(
    m_atanh,
    "atanh",
    |x: f64| if x.abs() >= 1.0 { f64::NAN } else { x.atanh() },
    false
);
unary_fn!(m_exp, "exp", f64::exp, true);
unary_fn!(m_exp2, "exp2", f64::exp2, true);
unary_fn!(m_expm1, "expm1", f64::exp_m1, true);
unary_fn!(m_fabs, "fabs", f64::abs, false);
unary_fn!(m_cbrt, "cbrt", f64::cbrt, false);
unary_fn!(m_erf, "erf", erf, false);
unary_fn!(m_erfc, "erfc", |x| 1.0 - erf(x), false);
unary_fn!(m_degrees, "degrees", f64::to_degrees, true);
unary_fn!(m_radians, "radians", f64::to_radians, false);

fn m_sqrt(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let x = arg(ts, args, 0, "sqrt", 1)?;
    if x < 0.0 {
        return Err(ts.value_error("math domain error"));
    }
    Ok(new_float(ts, x.sqrt()))
}

/// log of an int of any size (exact for huge ints).
fn log_of(ts: &mut ThreadState, v: Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if is_int(v) {
        let b = to_big(v).map(|c| c.into_owned()).unwrap_or_default();
        if !b.is_positive() {
            return Err(ts.value_error("math domain error"));
        }
        if let Some(x) = b.to_f64().filter(|x| x.is_finite()) {
            return Ok(f(x));
        }
        // Scale down: log(b) = log(b / 2**k) + k*log(2).
        let k = b.bits() - 60;
        let top = (b >> k as usize).to_f64().unwrap_or(1.0);
        return Ok(f(top) + k as f64 * f(2.0));
    }
    let x = to_f64(ts, v)?;
    if x <= 0.0 || x.is_nan() {
        if x.is_nan() {
            return Ok(x);
        }
        return Err(ts.value_error("math domain error"));
    }
    Ok(f(x))
}

fn m_log(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    if args.is_empty() || args.len() > 2 {
        return Err(ts.type_error(format!("log expected 1 or 2 arguments, got {}", args.len())));
    }
    let n = log_of(ts, args[0], f64::ln)?;
    if let Some(&b) = args.get(1) {
        let d = log_of(ts, b, f64::ln)?;
        if d == 0.0 {
            return Err(ts.zero_division_error("float division by zero"));
        }
        return Ok(new_float(ts, n / d));
    }
    Ok(new_float(ts, n))
}

fn m_log2(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(ts.type_error(format!(
            "math.log2() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    {
        let r = log_of(ts, args[0], f64::log2)?;
        Ok(new_float(ts, r))
    }
}

fn m_log10(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(ts.type_error(format!(
            "math.log10() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    {
        let r = log_of(ts, args[0], f64::log10)?;
        Ok(new_float(ts, r))
    }
}

fn m_log1p(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let x = arg(ts, args, 0, "log1p", 1)?;
    if x <= -1.0 {
        return Err(ts.value_error("math domain error"));
    }
    Ok(new_float(ts, x.ln_1p()))
}

fn m_pow(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let x = arg(ts, args, 0, "pow", 2)?;
    let y = to_f64(ts, args[1])?;
    if x == 0.0 && y < 0.0 {
        return Err(ts.value_error("math domain error"));
    }
    if x < 0.0 && y.is_finite() && y.floor() != y {
        return Err(ts.value_error("math domain error"));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(ts.overflow_error("math range error"));
    }
    Ok(new_float(ts, r))
}

fn m_atan2(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let y = arg(ts, args, 0, "atan2", 2)?;
    let x = to_f64(ts, args[1])?;
    Ok(new_float(ts, y.atan2(x)))
}

fn m_fmod(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let x = arg(ts, args, 0, "fmod", 2)?;
    let y = to_f64(ts, args[1])?;
    if y == 0.0 || x.is_infinite() {
        if x.is_nan() || y.is_nan() {
            return Ok(new_float(ts, f64::NAN));
        }
        return Err(ts.value_error("math domain error"));
    }
    Ok(new_float(ts, x % y))
}

fn m_copysign(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let x = arg(ts, args, 0, "copysign", 2)?;
    let y = to_f64(ts, args[1])?;
    Ok(new_float(ts, x.copysign(y)))
}

fn m_hypot(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let mut acc = 0.0f64;
    let mut vals = Vec::with_capacity(args.len());
    for &a in args {
        vals.push(to_f64(ts, a)?);
    }
    if vals.iter().any(|v| v.is_infinite()) {
        return Ok(new_float(ts, f64::INFINITY));
    }
    for v in vals {
        acc = acc.hypot(v);
    }
    Ok(new_float(ts, acc))
}

fn m_dist(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(ts.type_error(format!("dist expected 2 arguments, got {}", args.len())));
    }
    let p = ops::collect(ts, args[0])?;
    let q = ops::collect(ts, args[1])?;
    if p.len() != q.len() {
        return Err(ts.value_error("both points must have the same number of dimensions"));
    }
    let mut acc = 0.0f64;
    for i in 0..p.len() {
        let a = to_f64(ts, p[i])?;
        let b = to_f64(ts, q[i])?;
        acc = acc.hypot(a - b);
    }
    Ok(new_float(ts, acc))
}

/// floor/ceil/trunc: an int, through `__floor__` etc. for non-floats.
fn rounding(
    ts: &mut ThreadState,
    args: &[Value],
    fname: &str,
    dunder: &str,
    f: fn(f64) -> f64,
) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(ts.type_error(format!(
            "math.{fname}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    let x = args[0];
    if let Some(v) = x.as_float() {
        return int_from_f64(ts, f(v));
    }
    if is_int(x) && !x.is_bool() {
        return Ok(x);
    }
    let name = ftpy_vm::interp::intern(ts, dunder);
    if let Some(m) = type_of(x).lookup(name) {
        return ops::call_unbound(ts, m, x, &[], None);
    }
    if fname == "trunc" {
        return Err(ts.type_error(format!(
            "type {} doesn't define __trunc__ method",
            type_name(x)
        )));
    }
    let v = to_f64(ts, x)?;
    int_from_f64(ts, f(v))
}

fn m_floor(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    rounding(ts, args, "floor", "__floor__", f64::floor)
}
fn m_ceil(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    rounding(ts, args, "ceil", "__ceil__", f64::ceil)
}
fn m_trunc(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    rounding(ts, args, "trunc", "__trunc__", f64::trunc)
}

fn m_modf(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let x = arg(ts, args, 0, "modf", 1)?;
    let (i, f) = if x.is_infinite() {
        (x, 0.0f64.copysign(x))
    } else {
        (x.trunc(), x - x.trunc())
    };
    let f = if f == 0.0 { 0.0f64.copysign(x) } else { f };
    Ok(TupleObj::new(ts, &[Value::from_f64(f), Value::from_f64(i)]).value())
}

fn m_frexp(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let x = arg(ts, args, 0, "frexp", 1)?;
    let (m, e) = ftpy_vm::hash::frexp(x);
    Ok(TupleObj::new(
        ts,
        &[Value::from_f64(m), Value::small_int_unchecked(e as i64)],
    )
    .value())
}

fn m_ldexp(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let x = arg(ts, args, 0, "ldexp", 2)?;
    if !is_int(args[1]) {
        return Err(ts.type_error("Expected an int as second argument to ldexp."));
    }
    let e = ftpy_vm::objects::int::to_i64_saturating(args[1]).clamp(-5000, 5000) as i32;
    let r = x
        * 2f64.powi(e.clamp(-1074, 1023))
        * if e > 1023 {
            2f64.powi(e - 1023)
        } else if e < -1074 {
            2f64.powi(e + 1074)
        } else {
            1.0
        };
    if r.is_infinite() && x.is_finite() {
        return Err(ts.overflow_error("math range error"));
    }
    Ok(new_float(ts, r))
}

fn bool_pred(
    ts: &mut ThreadState,
    args: &[Value],
    fname: &str,
    f: fn(f64) -> bool,
) -> PyResult<Value> {
    let x = arg(ts, args, 0, fname, 1)?;
    Ok(Value::from_bool(f(x)))
}

fn m_isnan(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    bool_pred(ts, args, "isnan", f64::is_nan)
}
fn m_isinf(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    bool_pred(ts, args, "isinf", f64::is_infinite)
}
fn m_isfinite(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    bool_pred(ts, args, "isfinite", f64::is_finite)
}

fn m_isclose(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = ftpy_vm::builtins::args::parse(
        ts,
        "isclose",
        args,
        kw,
        &["", "", "*", "rel_tol", "abs_tol"],
        2,
        2,
    )?;
    let x = to_f64(ts, a.req(0))?;
    let y = to_f64(ts, a.req(1))?;
    let rel = match a.get(2) {
        Some(v) => to_f64(ts, v)?,
        None => 1e-9,
    };
    let abs = match a.get(3) {
        Some(v) => to_f64(ts, v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(ts.value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::TRUE);
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::FALSE);
    }
    let d = (x - y).abs();
    Ok(Value::from_bool(
        d <= (rel * y).abs() || d <= (rel * x).abs() || d <= abs,
    ))
}

fn int_arg(ts: &mut ThreadState, v: Value) -> PyResult<BigInt> {
    let i = ops::index(ts, v)?;
    Ok(to_big(i).map(|c| c.into_owned()).unwrap_or_default())
}

fn m_gcd(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let mut g = BigInt::zero();
    for &a in args {
        let b = int_arg(ts, a)?;
        g = g.gcd(&b);
    }
    Ok(int_from_big(ts, g))
}

fn m_lcm(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let mut l = BigInt::one();
    for &a in args {
        let b = int_arg(ts, a)?;
        if b.is_zero() {
            return Ok(Value::small_int_unchecked(0));
        }
        l = l.lcm(&b);
    }
    Ok(int_from_big(ts, l.abs()))
}

fn m_factorial(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(ts.type_error(format!(
            "math.factorial() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    if args[0].is_float() {
        return Err(ts.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = int_arg(ts, args[0])?;
    if n.is_negative() {
        return Err(ts.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_u64() else {
        return Err(ts.overflow_error("factorial() argument should not exceed 9223372036854775807"));
    };
    if n > 200_000 {
        return Err(ts.memory_error(""));
    }
    let mut acc = BigInt::one();
    for i in 2..=n {
        acc *= i;
    }
    Ok(int_from_big(ts, acc))
}

fn m_comb(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(ts.type_error(format!("comb expected 2 arguments, got {}", args.len())));
    }
    let n = int_arg(ts, args[0])?;
    let k = int_arg(ts, args[1])?;
    if n.is_negative() {
        return Err(ts.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(ts.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::small_int_unchecked(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k)
        .to_u64()
        .unwrap_or(u64::MAX);
    let mut acc = BigInt::one();
    for i in 0..k {
        acc = acc * (&n - BigInt::from(i)) / BigInt::from(i + 1);
    }
    Ok(int_from_big(ts, acc))
}

fn m_perm(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    if args.is_empty() || args.len() > 2 {
        return Err(ts.type_error(format!(
            "perm expected at most 2 arguments, got {}",
            args.len()
        )));
    }
    let n = int_arg(ts, args[0])?;
    let k = match args.get(1).filter(|v| !v.is_none()) {
        Some(&k) => int_arg(ts, k)?,
        None => n.clone(),
    };
    if n.is_negative() {
        return Err(ts.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(ts.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::small_int_unchecked(0));
    }
    let k = k.to_u64().unwrap_or(u64::MAX);
    let mut acc = BigInt::one();
    for i in 0..k {
        acc *= &n - BigInt::from(i);
    }
    Ok(int_from_big(ts, acc))
}

fn m_isqrt(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(ts.type_error(format!(
            "math.isqrt() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    let n = int_arg(ts, args[0])?;
    if n.is_negative() {
        return Err(ts.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(int_from_big(ts, n.sqrt()))
}

fn m_prod(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = ftpy_vm::builtins::args::parse(ts, "prod", args, kw, &["", "*", "start"], 1, 1)?;
    let mut acc = a.get(1).unwrap_or(Value::small_int_unchecked(1));
    let it = ops::iter(ts, a.req(0))?;
    while let Some(x) = ops::next(ts, it)? {
        acc = ops::mul(ts, acc, x)?;
    }
    Ok(acc)
}

/// Shewchuk's exact summation (what CPython's fsum does).
fn m_fsum(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(ts.type_error(format!(
            "math.fsum() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    let it = ops::iter(ts, args[0])?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    let mut inf_sum = 0.0f64;
    while let Some(v) = ops::next(ts, it)? {
        let mut x = to_f64(ts, v)?;
        if !x.is_finite() {
            if x.is_infinite() {
                inf_sum += x;
            }
            special += x;
            continue;
        }
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    if special != 0.0 {
        if inf_sum.is_nan() {
            return Err(ts.value_error("-inf + inf in fsum"));
        }
        return Ok(new_float(ts, special));
    }
    let mut hi = 0.0;
    if let Some(mut n) = partials.len().checked_sub(1) {
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(new_float(ts, hi))
}

fn m_gamma(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let x = arg(ts, args, 0, "gamma", 1)?;
    if x <= 0.0 && x.floor() == x {
        return Err(ts.value_error("math domain error"));
    }
    let r = gamma(x);
    if r.is_infinite() && x.is_finite() {
        return Err(ts.overflow_error("math range error"));
    }
    Ok(new_float(ts, r))
}

fn m_lgamma(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let x = arg(ts, args, 0, "lgamma", 1)?;
    if x <= 0.0 && x.floor() == x {
        return Err(ts.value_error("math domain error"));
    }
    Ok(new_float(ts, gamma(x).abs().ln()))
}

/// Lanczos approximation (g=7, n=9).
fn gamma(x: f64) -> f64 {
    const G: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        return std::f64::consts::PI / ((std::f64::consts::PI * x).sin() * gamma(1.0 - x));
    }
    if x.floor() == x && x <= 23.0 {
        let mut r = 1.0;
        let mut i = 2.0;
        while i < x {
            r *= i;
            i += 1.0;
        }
        return r;
    }
    let x = x - 1.0;
    let mut a = G[0];
    let t = x + 7.5;
    for (i, g) in G.iter().enumerate().skip(1) {
        a += g / (x + i as f64);
    }
    (2.0 * std::f64::consts::PI).sqrt() * t.powf(x + 0.5) * (-t).exp() * a
}

/// erf by a rational approximation refined with a continued fraction.
fn erf(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let t = 1.0 / (1.0 + 0.5 * x.abs());
    let y = 1.0
        - t * (-x * x - 1.265_512_23
            + t * (1.000_023_68
                + t * (0.374_091_96
                    + t * (0.096_784_18
                        + t * (-0.186_288_06
                            + t * (0.278_868_07
                                + t * (-1.135_203_98
                                    + t * (1.488_515_87
                                        + t * (-0.822_152_23 + t * 0.170_872_77)))))))))
            .exp();
    if x >= 0.0 {
        y
    } else {
        -y
    }
}

fn m_remainder(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let x = arg(ts, args, 0, "remainder", 2)?;
    let y = to_f64(ts, args[1])?;
    if y == 0.0 || x.is_infinite() {
        if x.is_nan() || y.is_nan() {
            return Ok(new_float(ts, f64::NAN));
        }
        return Err(ts.value_error("math domain error"));
    }
    let n = (x / y).round();
    let n = if ((x / y) - (x / y).trunc()).abs() == 0.5 {
        2.0 * ((x / y) / 2.0).round()
    } else {
        n
    };
    Ok(new_float(ts, x - n * y))
}

fn m_nextafter(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let x = arg(ts, args, 0, "nextafter", 2)?;
    let y = to_f64(ts, args[1])?;
    if x.is_nan() || y.is_nan() {
        return Ok(new_float(ts, f64::NAN));
    }
    if x == y {
        return Ok(new_float(ts, y));
    }
    if x == 0.0 {
        return {
            let r = f64::from_bits(1).copysign(y);
            Ok(new_float(ts, r))
        };
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    let r = f64::from_bits(if up { bits + 1 } else { bits - 1 });
    Ok(new_float(ts, r))
}

fn m_ulp(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let x = arg(ts, args, 0, "ulp", 1)?.abs();
    if !x.is_finite() {
        return Ok(new_float(ts, x));
    }
    let next = f64::from_bits(x.to_bits() + 1);
    if next.is_infinite() {
        return {
            let r = x - f64::from_bits(x.to_bits() - 1);
            Ok(new_float(ts, r))
        };
    }
    Ok(new_float(ts, next - x))
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let funcs: &[(&str, ftpy_vm::objects::NativeFn)] = &[
        ("sqrt", m_sqrt),
        ("sin", m_sin),
        ("cos", m_cos),
        ("tan", m_tan),
        ("asin", m_asin),
        ("acos", m_acos),
        ("atan", m_atan),
        ("atan2", m_atan2),
        ("sinh", m_sinh),
        ("cosh", m_cosh),
        ("tanh", m_tanh),
        ("asinh", m_asinh),
        ("acosh", m_acosh),
        ("atanh", m_atanh),
        ("exp", m_exp),
        ("exp2", m_exp2),
        ("expm1", m_expm1),
        ("log", m_log),
        ("log2", m_log2),
        ("log10", m_log10),
        ("log1p", m_log1p),
        ("pow", m_pow),
        ("fabs", m_fabs),
        ("fmod", m_fmod),
        ("copysign", m_copysign),
        ("hypot", m_hypot),
        ("dist", m_dist),
        ("floor", m_floor),
        ("ceil", m_ceil),
        ("trunc", m_trunc),
        ("modf", m_modf),
        ("frexp", m_frexp),
        ("ldexp", m_ldexp),
        ("isnan", m_isnan),
        ("isinf", m_isinf),
        ("isfinite", m_isfinite),
        ("isclose", m_isclose),
        ("gcd", m_gcd),
        ("lcm", m_lcm),
        ("factorial", m_factorial),
        ("comb", m_comb),
        ("perm", m_perm),
        ("isqrt", m_isqrt),
        ("prod", m_prod),
        ("fsum", m_fsum),
        ("gamma", m_gamma),
        ("lgamma", m_lgamma),
        ("erf", m_erf),
        ("erfc", m_erfc),
        ("degrees", m_degrees),
        ("radians", m_radians),
        ("cbrt", m_cbrt),
        ("remainder", m_remainder),
        ("nextafter", m_nextafter),
        ("ulp", m_ulp),
    ];
    for &(n, f) in funcs {
        m.add_function(ts, n, f);
    }
    m.set_attr(ts, "pi", Value::from_f64(std::f64::consts::PI));
    m.set_attr(ts, "e", Value::from_f64(std::f64::consts::E));
    m.set_attr(ts, "tau", Value::from_f64(std::f64::consts::TAU));
    m.set_attr(ts, "inf", Value::from_f64(f64::INFINITY));
    let nan = new_float(ts, f64::NAN);
    m.set_attr(ts, "nan", nan);
    let _ = names();
    Ok(())
}
