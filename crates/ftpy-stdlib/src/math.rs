//! `math`: CPython 3.11's function set with its results and errors.
//!
//! Results must agree with CPython to the last bit, so each function does
//! what CPython's C code does: the C library's function (glibc, through
//! [`libm`]) where CPython calls it, and CPython's own algorithms where it
//! has them (`gamma`/`lgamma` by Lanczos' formula, `fsum` by Shewchuk's
//! exact partials, `hypot`/`dist` by the scaled compensated norm,
//! `remainder`, `log` of huge ints through a frexp of the int).
//!
//! Errors follow CPython's two wrappers: most functions decide from the
//! result (a NaN from a non-NaN argument is `ValueError: math domain
//! error`; an infinity from a finite one is `OverflowError: math range
//! error` when the function can overflow, a domain error otherwise), while
//! `gamma`, `lgamma`, `erf`, `erfc` report errors of their own (CPython's
//! errno convention, here an explicit [`MathErr`]).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::builtins::to_f64;
use ftpy_vm::interp::names;
use ftpy_vm::objects::float::{libm, new_float};
use ftpy_vm::objects::int::{int_from_big, int_from_f64, is_int, to_big};
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{type_name, type_of};
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

/// An error a math function reports itself (CPython's errno values).
enum MathErr {
    /// EDOM: `ValueError: math domain error`.
    Domain,
    /// ERANGE: `OverflowError: math range error` (ignored for results
    /// below 1.5 in magnitude: an underflow).
    Range,
}

fn domain_error(ts: &mut ThreadState) -> ftpy_vm::PyErr {
    ts.value_error("math domain error")
}

fn range_error(ts: &mut ThreadState) -> ftpy_vm::PyErr {
    ts.overflow_error("math range error")
}

/// CPython's `is_error`: turns an errno-style error into an exception,
/// except an underflow.
fn check_err(ts: &mut ThreadState, r: f64, e: Option<MathErr>) -> PyResult<f64> {
    match e {
        None => Ok(r),
        Some(MathErr::Domain) => Err(domain_error(ts)),
        Some(MathErr::Range) if r.abs() < 1.5 => Ok(r),
        Some(MathErr::Range) => Err(range_error(ts)),
    }
}

/// CPython's `math_1`: a one-argument function judged by its result.
fn math_1(
    ts: &mut ThreadState,
    x: Value,
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult<Value> {
    let x = to_f64(ts, x)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(ts));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error(ts)
        } else {
            domain_error(ts)
        });
    }
    Ok(new_float(ts, r))
}

/// CPython's `math_2`: a two-argument function judged by its result.
fn math_2(ts: &mut ThreadState, x: f64, y: f64, r: f64) -> PyResult<Value> {
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(ts));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error(ts));
    }
    Ok(new_float(ts, r))
}

macro_rules! func1 {
    ($name:ident, $sig:literal, $f:expr, $ovf:expr) => {
        fn $name(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
            static SIG: Sig = Sig::new($sig);
            let [x] = SIG.bind(ts, args, kw)?;
            math_1(ts, x, |x: f64| ($f)(x), $ovf)
        }
    };
}

func1!(m_acos, "math.acos(x, /)", libm::acos, false);
func1!(m_acosh, "math.acosh(x, /)", libm::acosh, false);
func1!(m_asin, "math.asin(x, /)", libm::asin, false);
func1!(m_asinh, "math.asinh(x, /)", libm::asinh, false);
func1!(m_atan, "math.atan(x, /)", libm::atan, false);
func1!(m_atanh, "math.atanh(x, /)", libm::atanh, false);
func1!(m_cbrt, "math.cbrt(x, /)", libm::cbrt, false);
func1!(m_cos, "math.cos(x, /)", libm::cos, false);
func1!(m_cosh, "math.cosh(x, /)", libm::cosh, true);
func1!(m_exp, "math.exp(x, /)", libm::exp, true);
func1!(m_exp2, "math.exp2(x, /)", libm::exp2, true);
func1!(m_expm1, "math.expm1(x, /)", libm::expm1, true);
func1!(m_fabs, "math.fabs(x, /)", f64::abs, false);
func1!(
    m_log1p,
    "math.log1p(x, /)",
    |x: f64| if x == 0.0 { x } else { libm::log1p(x) },
    false
);
func1!(m_sin, "math.sin(x, /)", libm::sin, false);
func1!(m_sinh, "math.sinh(x, /)", libm::sinh, true);
func1!(m_sqrt, "math.sqrt(x, /)", libm::sqrt, false);
func1!(m_tan, "math.tan(x, /)", libm::tan, false);
func1!(m_tanh, "math.tanh(x, /)", libm::tanh, false);

/// The functions that report their own errors (CPython's `math_1a`).
macro_rules! func1a {
    ($name:ident, $sig:literal, $f:expr) => {
        fn $name(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
            static SIG: Sig = Sig::new($sig);
            let [x] = SIG.bind(ts, args, kw)?;
            let x = to_f64(ts, x)?;
            let (r, e) = $f(x);
            let r = check_err(ts, r, e)?;
            Ok(new_float(ts, r))
        }
    };
}

func1a!(m_erf, "math.erf(x, /)", |x| (libm::erf(x), None));
func1a!(m_erfc, "math.erfc(x, /)", |x| (libm::erfc(x), None));
func1a!(m_gamma, "math.gamma(x, /)", tgamma);
func1a!(m_lgamma, "math.lgamma(x, /)", lgamma);

// ---- gamma and lgamma: Lanczos' approximation, as CPython computes it ----

const LANCZOS_N: usize = 13;
// The coefficients are written with all their published digits; Rust
// rounds each literal to the nearest double, as C does for CPython.
#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; LANCZOS_N] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; LANCZOS_N] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
/// gamma(n) for n = 1..=23, exact.
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];
#[allow(clippy::excessive_precision)]
const LOG_PI: f64 = 1.144_729_885_849_400_174_143_427_351_353_058_711_647;

/// The rational function of Lanczos' sum, evaluated so it does not
/// overflow for large x (as a function of 1/x there).
fn lanczos_sum(x: f64) -> f64 {
    let mut num = 0.0;
    let mut den = 0.0;
    if x < 5.0 {
        for i in (0..LANCZOS_N).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..LANCZOS_N {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// sin(pi * x), exact at the multiples of 1/2.
fn sinpi(x: f64) -> f64 {
    let y = libm::fmod(x.abs(), 2.0);
    let n = (2.0 * y).round() as i32;
    let pi = std::f64::consts::PI;
    let r = match n {
        0 => libm::sin(pi * y),
        1 => libm::cos(pi * (y - 0.5)),
        2 => libm::sin(pi * (1.0 - y)),
        3 => -libm::cos(pi * (y - 1.5)),
        _ => libm::sin(pi * (y - 2.0)),
    };
    1.0f64.copysign(x) * r
}

fn tgamma(x: f64) -> (f64, Option<MathErr>) {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return (x, None);
        }
        return (f64::NAN, Some(MathErr::Domain));
    }
    if x == 0.0 {
        return (f64::INFINITY.copysign(x), Some(MathErr::Domain));
    }
    if x == x.floor() {
        if x < 0.0 {
            return (f64::NAN, Some(MathErr::Domain));
        }
        if x <= GAMMA_INTEGRAL.len() as f64 {
            return (GAMMA_INTEGRAL[x as usize - 1], None);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return (r, r.is_infinite().then_some(MathErr::Range));
    }
    if absx > 200.0 {
        if x < 0.0 {
            return (0.0 / sinpi(x), None);
        }
        return (f64::INFINITY, Some(MathErr::Range));
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // The rounding error in y, recovered exactly.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -std::f64::consts::PI / sinpi(absx) / absx * libm::exp(y) / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= libm::pow(y, absx - 0.5);
        } else {
            let sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / libm::exp(y);
        r += z * r;
        if absx < 140.0 {
            r *= libm::pow(y, absx - 0.5);
        } else {
            let sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    (r, r.is_infinite().then_some(MathErr::Range))
}

fn lgamma(x: f64) -> (f64, Option<MathErr>) {
    if !x.is_finite() {
        if x.is_nan() {
            return (x, None);
        }
        return (f64::INFINITY, None);
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return (f64::INFINITY, Some(MathErr::Domain));
        }
        return (0.0, None);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return (-libm::log(absx), None);
    }
    let mut r = libm::log(lanczos_sum(absx)) - LANCZOS_G;
    r += (absx - 0.5) * (libm::log(absx + LANCZOS_G - 0.5) - 1.0);
    if x < 0.0 {
        r = LOG_PI - libm::log(sinpi(absx).abs()) - libm::log(absx) - r;
    }
    (r, r.is_infinite().then_some(MathErr::Range))
}

// ---- logarithms ------------------------------------------------------------

/// `log`, `log2`, `log10` of a float with CPython's special cases.
fn log_special(x: f64, f: fn(f64) -> f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            return f(x);
        }
        if x == 0.0 {
            return f64::NEG_INFINITY;
        }
        return f64::NAN;
    }
    if x.is_nan() || x > 0.0 {
        return x;
    }
    f64::NAN
}

/// An int `b > 0` as (x, e) with `b ~= x * 2**e`, 0.5 <= x < 1, x
/// rounded to 53 bits half to even.
fn frexp_big(b: &BigInt) -> (f64, i64) {
    let n = b.bits() as i64;
    let m = if n > 55 {
        let shift = (n - 55) as usize;
        let top = b >> shift;
        let sticky = !(b - (&top << shift)).is_zero();
        top.to_u64().unwrap_or(0) | sticky as u64
    } else {
        b.to_u64().unwrap_or(0) << (55 - n)
    };
    // m has 55 bits: round away the low 2.
    let low = m & 3;
    let mut q = m >> 2;
    if low > 2 || (low == 2 && q & 1 == 1) {
        q += 1;
    }
    // value = q * 2**(n - 53): x = q / 2**53.
    let x = q as f64 / 9007199254740992.0;
    if x == 1.0 {
        (0.5, n + 1)
    } else {
        (x, n)
    }
}

/// CPython's `loghelper`: ints of any size, else floats.
fn log_helper(ts: &mut ThreadState, v: Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if is_int(v) {
        let b = to_big(v).map(|c| c.into_owned()).unwrap_or_default();
        if !b.is_positive() {
            return Err(domain_error(ts));
        }
        if let Some(x) = b.to_f64().filter(|x| x.is_finite()) {
            return Ok(log_special(x, f));
        }
        let (x, e) = frexp_big(&b);
        return Ok(log_special(x, f) + log_special(2.0, f) * e as f64);
    }
    let x = to_f64(ts, v)?;
    let r = log_special(x, f);
    if r.is_nan() && !x.is_nan() || r.is_infinite() && x.is_finite() {
        return Err(domain_error(ts));
    }
    Ok(r)
}

fn m_log(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    if kw.map(|k| k.len()).unwrap_or(0) > 0 {
        return Err(ts.type_error("log() takes no keyword arguments"));
    }
    if args.is_empty() || args.len() > 2 {
        return Err(ts.type_error("math.log requires 1 to 2 arguments"));
    }
    let num = log_helper(ts, args[0], |x| libm::log(x))?;
    let Some(&base) = args.get(1) else {
        return Ok(new_float(ts, num));
    };
    let den = log_helper(ts, base, |x| libm::log(x))?;
    if den == 0.0 {
        return Err(ts.zero_division_error("float division by zero"));
    }
    Ok(new_float(ts, num / den))
}

fn m_log2(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("math.log2(x, /)");
    let [x] = SIG.bind(ts, args, kw)?;
    let r = log_helper(ts, x, |x| libm::log2(x))?;
    Ok(new_float(ts, r))
}

fn m_log10(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("math.log10(x, /)");
    let [x] = SIG.bind(ts, args, kw)?;
    let r = log_helper(ts, x, |x| libm::log10(x))?;
    Ok(new_float(ts, r))
}

// ---- two-argument functions ----------------------------------------------------

fn two_floats(ts: &mut ThreadState, sig: &Sig, args: &[Value], kw: Kw) -> PyResult<(f64, f64)> {
    let [a, b] = sig.bind(ts, args, kw)?;
    let x = to_f64(ts, a)?;
    let y = to_f64(ts, b)?;
    Ok((x, y))
}

fn m_atan2(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("math.atan2(y, x, /)");
    let (y, x) = two_floats(ts, &SIG, args, kw)?;
    math_2(ts, y, x, libm::atan2(y, x))
}

fn m_copysign(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("math.copysign(x, y, /)");
    let (x, y) = two_floats(ts, &SIG, args, kw)?;
    Ok(new_float(ts, x.copysign(y)))
}

fn m_fmod(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("math.fmod(x, y, /)");
    let (x, y) = two_floats(ts, &SIG, args, kw)?;
    if y.is_infinite() && x.is_finite() {
        return Ok(new_float(ts, x));
    }
    let r = libm::fmod(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(ts));
    }
    Ok(new_float(ts, r))
}

/// IEEE 754 remainder: x - n*y with n the integer nearest x/y (ties to
/// even), computed exactly.
fn remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let absx = x.abs();
        let absy = y.abs();
        let m = libm::fmod(absx, absy);
        // Compare m with absy - m rather than with absy / 2, which may
        // not be representable.
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * libm::fmod(0.5 * (absx - m), absy)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

fn m_remainder(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("math.remainder(x, y, /)");
    let (x, y) = two_floats(ts, &SIG, args, kw)?;
    math_2(ts, x, y, remainder(x, y))
}

fn m_pow(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("math.pow(x, y, /)");
    let (x, y) = two_floats(ts, &SIG, args, kw)?;
    let (r, err) = if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && libm::fmod(y.abs(), 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        };
        (r, None)
    } else {
        let r = libm::pow(x, y);
        let err = if r.is_nan() {
            Some(MathErr::Domain)
        } else if r.is_infinite() {
            Some(if x == 0.0 {
                MathErr::Domain
            } else {
                MathErr::Range
            })
        } else {
            None
        };
        (r, err)
    };
    let r = check_err(ts, r, err)?;
    Ok(new_float(ts, r))
}

fn m_nextafter(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("math.nextafter(x, y, /)");
    let (x, y) = two_floats(ts, &SIG, args, kw)?;
    Ok(new_float(ts, libm::nextafter(x, y)))
}

fn m_ulp(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("math.ulp(x, /)");
    let [x] = SIG.bind(ts, args, kw)?;
    let x = to_f64(ts, x)?;
    if x.is_nan() {
        return Ok(new_float(ts, x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(new_float(ts, x));
    }
    let up = libm::nextafter(x, f64::INFINITY);
    let r = if up.is_infinite() {
        x - libm::nextafter(x, f64::NEG_INFINITY)
    } else {
        up - x
    };
    Ok(new_float(ts, r))
}

fn m_ldexp(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("math.ldexp(x, i, /)");
    let [xv, iv] = SIG.bind(ts, args, kw)?;
    let x = to_f64(ts, xv)?;
    if !is_int(iv) {
        return Err(ts.type_error("Expected an int as second argument to ldexp."));
    }
    let exp = ftpy_vm::objects::int::to_i64_saturating(iv);
    let (r, err) = if x == 0.0 || !x.is_finite() {
        (x, None)
    } else if exp > i32::MAX as i64 {
        (f64::INFINITY.copysign(x), Some(MathErr::Range))
    } else if exp < i32::MIN as i64 {
        (0.0f64.copysign(x), None)
    } else {
        let r = libm::ldexp(x, exp as i32);
        (r, r.is_infinite().then_some(MathErr::Range))
    };
    let r = check_err(ts, r, err)?;
    Ok(new_float(ts, r))
}

// ---- norms: hypot and dist ---------------------------------------------------

/// Dekker's split of x into a high part of 26 bits and the rest, so that
/// products of the parts are exact.
fn split(x: f64) -> (f64, f64) {
    const T27: f64 = 134217729.0; // 2**27 + 1
    let t = x * T27;
    let hi = t - (t - x);
    (hi, x - hi)
}

/// Adds `x` to the running sum, keeping the rounding error in `frac`
/// (|csum| >= |x| always holds here).
fn compensated_add(csum: &mut f64, frac: &mut f64, x: f64) {
    let old = *csum;
    *csum += x;
    *frac += (old - *csum) + x;
}

/// The Euclidean norm of `vec` (absolute values, all <= `max`), as
/// CPython 3.11 computes it: the values scaled by a power of two so the
/// largest is in [0.5, 1), squared exactly through Dekker's split, summed
/// with three compensation terms, and one correction step on the square
/// root. Subnormal maxima divide by `max` instead (the scale would
/// overflow).
fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = ftpy_vm::hash::frexp(max);
    let mut csum = 1.0;
    let mut frac1 = 0.0;
    if max_e >= -1023 {
        let scale = libm::ldexp(1.0, -max_e);
        let mut frac2 = 0.0;
        let mut frac3 = 0.0;
        for &v in vec {
            let (hi, lo) = split(v * scale);
            compensated_add(&mut csum, &mut frac1, hi * hi);
            compensated_add(&mut csum, &mut frac2, 2.0 * hi * lo);
            frac3 += lo * lo;
        }
        let h = libm::sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
        let (hi, lo) = split(h);
        compensated_add(&mut csum, &mut frac1, -hi * hi);
        compensated_add(&mut csum, &mut frac2, -2.0 * hi * lo);
        compensated_add(&mut csum, &mut frac3, -lo * lo);
        let x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    for &v in vec {
        let x = v / max;
        compensated_add(&mut csum, &mut frac1, x * x);
    }
    max * libm::sqrt(csum - 1.0 + frac1)
}

/// A coordinate of hypot/dist: a float, an int, or any object with
/// `__float__` or `__index__` (CPython's `PyFloat_AsDouble`).
fn coordinate(ts: &mut ThreadState, v: Value) -> PyResult<f64> {
    if let Some(f) = ftpy_vm::objects::float::as_f64(v) {
        return Ok(f);
    }
    to_f64(ts, v)
}

fn m_hypot(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    if kw.map(|k| k.len()).unwrap_or(0) > 0 {
        return Err(ts.type_error("math.hypot() takes no keyword arguments"));
    }
    static SIG: Sig = Sig::new("math.hypot(*coordinates)");
    let ([], coords) = SIG.bind_star::<0>(ts, args, kw)?;
    let mut vec = Vec::with_capacity(coords.len());
    let mut max = 0.0f64;
    let mut found_nan = false;
    for &c in coords {
        let x = coordinate(ts, c)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        vec.push(x);
    }
    let r = vector_norm(&vec, max, found_nan);
    Ok(new_float(ts, r))
}

fn m_dist(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("math.dist(p, q, /)");
    let [p, q] = SIG.bind(ts, args, kw)?;
    let p = ops::collect(ts, p)?;
    let q = ops::collect(ts, q)?;
    if p.len() != q.len() {
        return Err(ts.value_error("both points must have the same number of dimensions"));
    }
    let mut vec = Vec::with_capacity(p.len());
    let mut max = 0.0f64;
    let mut found_nan = false;
    for i in 0..p.len() {
        let a = coordinate(ts, p[i])?;
        let b = coordinate(ts, q[i])?;
        let x = (a - b).abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        vec.push(x);
    }
    let r = vector_norm(&vec, max, found_nan);
    Ok(new_float(ts, r))
}

// ---- rounding and float decomposition ------------------------------------------

/// floor/ceil/trunc: exact floats directly, else the type's `__floor__`
/// (etc.); floor and ceil fall back to the float value.
fn rounding(
    ts: &mut ThreadState,
    x: Value,
    dunder: ftpy_vm::Gc<ftpy_vm::objects::str::StrObj>,
    f: fn(f64) -> f64,
    fallback: bool,
) -> PyResult<Value> {
    if let Some(v) = x.as_float() {
        return int_from_f64(ts, f(v));
    }
    if let Some(m) = type_of(x).lookup(dunder) {
        return ops::call_unbound(ts, m, x, &[], None);
    }
    if !fallback {
        return Err(ts.type_error(format!(
            "type {} doesn't define __trunc__ method",
            type_name(x)
        )));
    }
    let v = to_f64(ts, x)?;
    int_from_f64(ts, f(v))
}

fn m_floor(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("math.floor(x, /)");
    let [x] = SIG.bind(ts, args, kw)?;
    rounding(ts, x, names().__floor__, f64::floor, true)
}

fn m_ceil(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("math.ceil(x, /)");
    let [x] = SIG.bind(ts, args, kw)?;
    rounding(ts, x, names().__ceil__, f64::ceil, true)
}

fn m_trunc(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("math.trunc(x, /)");
    let [x] = SIG.bind(ts, args, kw)?;
    rounding(ts, x, names().__trunc__, f64::trunc, false)
}

fn m_modf(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("math.modf(x, /)");
    let [x] = SIG.bind(ts, args, kw)?;
    let x = to_f64(ts, x)?;
    let (f, i) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let i = x.trunc();
        let f = x - i;
        (if f == 0.0 { 0.0f64.copysign(x) } else { f }, i)
    };
    let (f, i) = (new_float(ts, f), new_float(ts, i));
    Ok(TupleObj::new(ts, &[f, i]).value())
}

fn m_frexp(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("math.frexp(x, /)");
    let [x] = SIG.bind(ts, args, kw)?;
    let x = to_f64(ts, x)?;
    let (m, e) = ftpy_vm::hash::frexp(x);
    let m = new_float(ts, m);
    Ok(TupleObj::new(ts, &[m, Value::small_int_unchecked(e as i64)]).value())
}

macro_rules! predicate {
    ($name:ident, $sig:literal, $f:expr) => {
        fn $name(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
            static SIG: Sig = Sig::new($sig);
            let [x] = SIG.bind(ts, args, kw)?;
            let x = to_f64(ts, x)?;
            Ok(Value::from_bool($f(x)))
        }
    };
}

predicate!(m_isnan, "math.isnan(x, /)", f64::is_nan);
predicate!(m_isinf, "math.isinf(x, /)", f64::is_infinite);
predicate!(m_isfinite, "math.isfinite(x, /)", f64::is_finite);

fn m_isclose(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("math.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)");
    let [a, b, rel, abs] = SIG.bind(ts, args, kw)?;
    let x = to_f64(ts, a)?;
    let y = to_f64(ts, b)?;
    let rel = match rel.non_null() {
        Some(v) => to_f64(ts, v)?,
        None => 1e-9,
    };
    let abs = match abs.non_null() {
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
    let d = (y - x).abs();
    Ok(Value::from_bool(
        d <= (rel * y).abs() || d <= (rel * x).abs() || d <= abs,
    ))
}

fn m_degrees(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("math.degrees(x, /)");
    let [x] = SIG.bind(ts, args, kw)?;
    let x = to_f64(ts, x)?;
    Ok(new_float(ts, (180.0 / std::f64::consts::PI) * x))
}

fn m_radians(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("math.radians(x, /)");
    let [x] = SIG.bind(ts, args, kw)?;
    let x = to_f64(ts, x)?;
    Ok(new_float(ts, (std::f64::consts::PI / 180.0) * x))
}

// ---- sums and products -----------------------------------------------------------

/// `fsum`: Shewchuk's exactly rounded sum (non-overlapping partials), with
/// CPython's handling of infinities, NaNs and intermediate overflow.
fn m_fsum(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("math.fsum(seq, /)");
    let [seq] = SIG.bind(ts, args, kw)?;
    let it = ops::iter(ts, seq)?;
    let mut p: Vec<f64> = Vec::new();
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    while let Some(item) = ops::next(ts, it)? {
        let mut x = to_f64(ts, item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(ts.overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special_sum != 0.0 || special_sum.is_nan() {
        if inf_sum.is_nan() {
            return Err(ts.value_error("-inf + inf in fsum"));
        }
        return Ok(new_float(ts, special_sum));
    }
    let mut hi = 0.0;
    let mut n = p.len();
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Round half to even across several partials.
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
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

fn m_prod(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("math.prod(iterable, /, *, start=1)");
    let [iterable, start] = SIG.bind(ts, args, kw)?;
    let mut acc = start.non_null().unwrap_or(Value::small_int_unchecked(1));
    let it = ops::iter(ts, iterable)?;
    while let Some(x) = ops::next(ts, it)? {
        acc = ops::mul(ts, acc, x)?;
    }
    Ok(acc)
}

// ---- integer functions ---------------------------------------------------------

fn int_arg(ts: &mut ThreadState, v: Value) -> PyResult<BigInt> {
    let i = ops::index(ts, v)?;
    Ok(to_big(i).map(|c| c.into_owned()).unwrap_or_default())
}

fn m_gcd(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    if kw.map(|k| k.len()).unwrap_or(0) > 0 {
        return Err(ts.type_error("math.gcd() takes no keyword arguments"));
    }
    static SIG: Sig = Sig::new("math.gcd(*integers)");
    let ([], ints) = SIG.bind_star::<0>(ts, args, kw)?;
    // Machine-word arguments (the common case) by Stein's algorithm on
    // u64; the first argument that does not fit moves to BigInt.
    let mut small: u64 = 0;
    let mut rest = ints;
    while let Some((&a, tail)) = rest.split_first() {
        let i = ops::index(ts, a)?;
        let Some(x) = ftpy_vm::objects::int::to_i64(i) else {
            break;
        };
        small = gcd_u64(small, x.unsigned_abs());
        rest = tail;
    }
    if rest.is_empty() {
        return Ok(ftpy_vm::objects::int::int_from_u64(ts, small));
    }
    let mut g = BigInt::from(small);
    for &a in rest {
        let b = int_arg(ts, a)?;
        g = g.gcd(&b);
    }
    Ok(int_from_big(ts, g))
}

/// The greatest common divisor of two machine words (binary GCD).
fn gcd_u64(mut a: u64, mut b: u64) -> u64 {
    if a == 0 {
        return b;
    }
    if b == 0 {
        return a;
    }
    let shift = (a | b).trailing_zeros();
    a >>= a.trailing_zeros();
    loop {
        b >>= b.trailing_zeros();
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        b -= a;
        if b == 0 {
            return a << shift;
        }
    }
}

fn m_lcm(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    if kw.map(|k| k.len()).unwrap_or(0) > 0 {
        return Err(ts.type_error("math.lcm() takes no keyword arguments"));
    }
    static SIG: Sig = Sig::new("math.lcm(*integers)");
    let ([], ints) = SIG.bind_star::<0>(ts, args, kw)?;
    let mut l = BigInt::one();
    let mut zero = false;
    for &a in ints {
        let b = int_arg(ts, a)?;
        if b.is_zero() || zero {
            zero = true;
            continue;
        }
        l = l.lcm(&b);
    }
    if zero {
        return Ok(Value::small_int_unchecked(0));
    }
    Ok(int_from_big(ts, l.abs()))
}

/// n! by splitting the range in halves (balanced multiplications).
fn product_range(lo: u64, hi: u64) -> BigInt {
    // The product of lo..=hi.
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        let mut acc = BigInt::from(lo);
        for k in lo + 1..=hi {
            acc *= k;
        }
        return acc;
    }
    let mid = lo + (hi - lo) / 2;
    product_range(lo, mid) * product_range(mid + 1, hi)
}

fn m_factorial(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("math.factorial(n, /)");
    let [n] = SIG.bind(ts, args, kw)?;
    let n = int_arg(ts, n)?;
    if n.is_negative() {
        return Err(ts.value_error("factorial() not defined for negative values"));
    }
    let Some(k) = n.to_i64() else {
        return Err(ts.overflow_error("factorial() argument should not exceed 9223372036854775807"));
    };
    // n! has about n*log2(n) bits.
    let bits = (k as f64) * (k.max(2) as f64).log2();
    ts.check_alloc_size((bits / 8.0) as usize)?;
    Ok(int_from_big(ts, product_range(1, k as u64)))
}

fn m_isqrt(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("math.isqrt(n, /)");
    let [n] = SIG.bind(ts, args, kw)?;
    let n = int_arg(ts, n)?;
    if n.is_negative() {
        return Err(ts.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(int_from_big(ts, n.sqrt()))
}

/// n * (n-1) * ... * (n-k+1).
fn falling(n: &BigInt, k: u64) -> BigInt {
    if k == 0 {
        return BigInt::one();
    }
    if k == 1 {
        return n.clone();
    }
    let half = k / 2;
    falling(n, half) * falling(&(n - BigInt::from(half)), k - half)
}

fn comb_perm_args(ts: &mut ThreadState, n: Value, k: Value) -> PyResult<(BigInt, BigInt)> {
    let n = int_arg(ts, n)?;
    let k = int_arg(ts, k)?;
    if n.is_negative() {
        return Err(ts.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(ts.value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

fn m_comb(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("math.comb(n, k, /)");
    let [n, k] = SIG.bind(ts, args, kw)?;
    let (n, k) = comb_perm_args(ts, n, k)?;
    if k > n {
        return Ok(Value::small_int_unchecked(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let Some(k) = k.to_u64().filter(|&k| k <= i64::MAX as u64) else {
        return Err(ts.overflow_error("min(n - k, k) must not exceed 9223372036854775807"));
    };
    ts.check_alloc_size((k as f64 * (n.bits() as f64) / 8.0) as usize)?;
    let r = falling(&n, k) / product_range(1, k);
    Ok(int_from_big(ts, r))
}

fn m_perm(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("math.perm(n, k=None, /)");
    let [n, k] = SIG.bind(ts, args, kw)?;
    match k.non_null().filter(|k| !k.is_none()) {
        None => {
            // perm(n) is factorial(n), with factorial's errors.
            let n = int_arg(ts, n)?;
            if n.is_negative() {
                return Err(ts.value_error("factorial() not defined for negative values"));
            }
            let Some(k) = n.to_i64() else {
                return Err(
                    ts.overflow_error("factorial() argument should not exceed 9223372036854775807")
                );
            };
            ts.check_alloc_size(((k as f64) * (k.max(2) as f64).log2() / 8.0) as usize)?;
            Ok(int_from_big(ts, product_range(1, k as u64)))
        }
        Some(k) => {
            let (n, k) = comb_perm_args(ts, n, k)?;
            if k > n {
                return Ok(Value::small_int_unchecked(0));
            }
            let Some(k) = k.to_u64().filter(|&k| k <= i64::MAX as u64) else {
                return Err(ts.overflow_error("k must not exceed 9223372036854775807"));
            };
            ts.check_alloc_size((k as f64 * (n.bits() as f64) / 8.0) as usize)?;
            Ok(int_from_big(ts, falling(&n, k)))
        }
    }
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let funcs: &[(&str, ftpy_vm::objects::NativeFn)] = &[
        ("acos", m_acos),
        ("acosh", m_acosh),
        ("asin", m_asin),
        ("asinh", m_asinh),
        ("atan", m_atan),
        ("atan2", m_atan2),
        ("atanh", m_atanh),
        ("cbrt", m_cbrt),
        ("ceil", m_ceil),
        ("comb", m_comb),
        ("copysign", m_copysign),
        ("cos", m_cos),
        ("cosh", m_cosh),
        ("degrees", m_degrees),
        ("dist", m_dist),
        ("erf", m_erf),
        ("erfc", m_erfc),
        ("exp", m_exp),
        ("exp2", m_exp2),
        ("expm1", m_expm1),
        ("fabs", m_fabs),
        ("factorial", m_factorial),
        ("floor", m_floor),
        ("fmod", m_fmod),
        ("frexp", m_frexp),
        ("fsum", m_fsum),
        ("gamma", m_gamma),
        ("gcd", m_gcd),
        ("hypot", m_hypot),
        ("isclose", m_isclose),
        ("isfinite", m_isfinite),
        ("isinf", m_isinf),
        ("isnan", m_isnan),
        ("isqrt", m_isqrt),
        ("lcm", m_lcm),
        ("ldexp", m_ldexp),
        ("lgamma", m_lgamma),
        ("log", m_log),
        ("log10", m_log10),
        ("log1p", m_log1p),
        ("log2", m_log2),
        ("modf", m_modf),
        ("nextafter", m_nextafter),
        ("perm", m_perm),
        ("pow", m_pow),
        ("prod", m_prod),
        ("radians", m_radians),
        ("remainder", m_remainder),
        ("sin", m_sin),
        ("sinh", m_sinh),
        ("sqrt", m_sqrt),
        ("tan", m_tan),
        ("tanh", m_tanh),
        ("trunc", m_trunc),
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
    Ok(())
}
