//! `cmath`: complex math with CPython 3.11's results and errors.
//!
//! Finite arguments go through the same formulas CPython uses (Kahan's
//! branch cuts; scaling to dodge overflow and underflow; `log1p` near the
//! unit circle), on the C library's real functions, so results agree to
//! the last bit. Arguments with an infinite or NaN part take their result
//! from a table indexed by the kind of each part (C99 Annex G's special
//! values, as CPython returns them), except where the result depends on the
//! finite part's sine and cosine (`exp`, `cosh`, `sinh`, `tanh`, `rect` of
//! ±inf with a finite nonzero angle), which are computed.
//!
//! Errors follow CPython's errno convention: a domain error (`log(0)`,
//! `exp` of an infinite imaginary part ...) is `ValueError: math domain
//! error`, an overflow `OverflowError: math range error`.

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::builtins::to_f64;
use ftpy_vm::objects::complex::{as_c64, try_complex_special, ComplexObj, C64};
use ftpy_vm::objects::float::{libm, new_float};
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::{Gc, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

const PI: f64 = std::f64::consts::PI;
const LN2: f64 = std::f64::consts::LN_2;
const LN10: f64 = std::f64::consts::LN_10;
const E: f64 = std::f64::consts::E;
/// DBL_MAX / 4: beyond it, the usual formulas could overflow.
const LARGE_DOUBLE: f64 = f64::MAX / 4.0;
/// log(LARGE_DOUBLE).
const LOG_LARGE_DOUBLE: f64 = 708.396_418_532_264_1;
/// DBL_MANT_DIG for the subnormal rescaling.
const MANT_DIG: i32 = 53;
/// 2 * (DBL_MANT_DIG / 2) + 1 and its half, for `sqrt` of tiny values.
const SCALE_UP: i32 = 53;
const SCALE_DOWN: i32 = -27;

/// An errno-style failure.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Err {
    Domain,
    Range,
}

type CResult = (C64, Option<Err>);

fn c(re: f64, im: f64) -> C64 {
    C64 { re, im }
}

fn sqrt_large_double() -> f64 {
    libm::sqrt(LARGE_DOUBLE)
}

fn sqrt_dbl_min() -> f64 {
    libm::sqrt(f64::MIN_POSITIVE)
}

// ---- special values --------------------------------------------------------------

/// The kind of a part for the special-value tables.
fn kind(d: f64) -> usize {
    if d.is_finite() {
        match (d != 0.0, d.is_sign_positive()) {
            (true, true) => 4,
            (true, false) => 1,
            (false, true) => 3,
            (false, false) => 2,
        }
    } else if d.is_nan() {
        6
    } else if d > 0.0 {
        5
    } else {
        0
    }
}

/// A table entry: a symbol per part (`N` nan, `I` inf, `i` -inf, `0`/`z`
/// +0/-0, `1`/`m` +1/-1, `P`/`p` ±pi, `H`/`h` ±pi/2, `Q`/`q` ±pi/4, `T`/`t`
/// ±3pi/4, `U` a combination the function never looks up).
type Entry = [u8; 2];

fn value_of(sym: u8) -> f64 {
    match sym {
        b'I' => f64::INFINITY,
        b'i' => f64::NEG_INFINITY,
        b'0' => 0.0,
        b'z' => -0.0,
        b'1' => 1.0,
        b'm' => -1.0,
        b'P' => PI,
        b'p' => -PI,
        b'H' => PI / 2.0,
        b'h' => -PI / 2.0,
        b'Q' => PI / 4.0,
        b'q' => -PI / 4.0,
        b'T' => 0.75 * PI,
        b't' => -0.75 * PI,
        _ => f64::NAN,
    }
}

/// Parses a table written as 7 rows (real part kind: -inf, negative, -0,
/// +0, positive, +inf, nan) of 7 two-symbol entries (imaginary part kind
/// in the same order).
fn table_lookup(table: &str, z: C64) -> C64 {
    let rows: Vec<&str> = table.split_whitespace().collect();
    let entry = rows
        .get(kind(z.re) * 7 + kind(z.im))
        .map(|s| s.as_bytes())
        .filter(|b| b.len() == 2)
        .map(|b| [b[0], b[1]] as Entry)
        .unwrap_or(*b"NN");
    c(value_of(entry[0]), value_of(entry[1]))
}

const SQRT_SPECIAL: &str = "
    Ii 0i 0i 0I 0I II NI
    Ii UU UU UU UU II NN
    Ii UU UU UU UU II NN
    Ii UU UU UU UU II NN
    Ii UU UU UU UU II NN
    Ii Iz Iz I0 I0 II IN
    Ii NN NN NN NN II NN";
const EXP_SPECIAL: &str = "
    00 UU 0z 00 UU 00 00
    UU UU UU UU UU UU NN
    UU UU UU UU UU UU NN
    UU UU UU UU UU UU NN
    UU UU UU UU UU UU NN
    UU UU Iz I0 UU UU IN
    NN NN Nz N0 NN NN NN";
const LOG_SPECIAL: &str = "
    It Ip Ip IP IP IT IN
    Ih UU UU UU UU IH NN
    Ih UU UU UU UU IH NN
    Ih UU UU UU UU IH NN
    Ih UU UU UU UU IH NN
    Iq Iz Iz I0 I0 IQ IN
    IN NN NN NN NN IN NN";
const ACOS_SPECIAL: &str = "
    TI PI PI Pi Pi Ti NI
    HI UU UU UU UU Hi NN
    HI UU UU UU UU Hi HN
    HI UU UU UU UU Hi HN
    HI UU UU UU UU Hi NN
    QI 0I 0I 0i 0i Qi NI
    NI NN NN NN NN Ni NN";
const ACOSH_SPECIAL: &str = "
    It Ip Ip IP IP IT IN
    Ih UU UU UU UU IH NN
    Ih UU UU UU UU IH NN
    Ih UU UU UU UU IH NN
    Ih UU UU UU UU IH NN
    Iq Iz Iz I0 I0 IQ IN
    IN NN NN NN NN IN NN";
const ASINH_SPECIAL: &str = "
    iq iz iz i0 i0 iQ iN
    ih UU UU UU UU iH NN
    ih UU UU UU UU iH NN
    Ih UU UU UU UU IH NN
    Ih UU UU UU UU IH NN
    Iq Iz Iz I0 I0 IQ IN
    IN NN Nz N0 NN IN NN";
const ATANH_SPECIAL: &str = "
    zh zh zh zH zH zH zN
    zh UU UU UU UU zH NN
    zh UU UU UU UU zH zN
    0h UU UU UU UU 0H 0N
    0h UU UU UU UU 0H NN
    0h 0h 0h 0H 0H 0H 0N
    0h NN NN NN NN 0H NN";
const COSH_SPECIAL: &str = "
    UU UU I0 Iz UU UU IN
    UU UU UU UU UU UU NN
    UU UU UU UU UU UU N0
    UU UU UU UU UU UU N0
    UU UU UU UU UU UU NN
    UU UU Iz I0 UU UU IN
    NN NN N0 N0 NN NN NN";
const SINH_SPECIAL: &str = "
    UU UU iz i0 UU UU IN
    UU UU UU UU UU UU NN
    UU UU UU UU UU UU 0N
    UU UU UU UU UU UU 0N
    UU UU UU UU UU UU NN
    UU UU Iz I0 UU UU IN
    NN NN Nz N0 NN NN NN";
const TANH_SPECIAL: &str = "
    m0 UU mz m0 UU m0 m0
    UU UU UU UU UU UU NN
    UU UU UU UU UU UU NN
    UU UU UU UU UU UU NN
    UU UU UU UU UU UU NN
    10 UU 1z 10 UU 10 10
    NN NN Nz N0 NN NN NN";
const RECT_SPECIAL: &str = "
    UU UU i0 iz UU UU IN
    UU UU UU UU UU UU NN
    00 UU UU UU UU 00 00
    00 UU UU UU UU 00 00
    UU UU UU UU UU UU NN
    UU UU Iz I0 UU UU IN
    NN NN N0 N0 NN NN NN";

fn finite(z: C64) -> bool {
    z.re.is_finite() && z.im.is_finite()
}

// ---- the functions ---------------------------------------------------------------

fn c_sqrt(z: C64) -> CResult {
    if !finite(z) {
        return (table_lookup(SQRT_SPECIAL, z), None);
    }
    if z.re == 0.0 && z.im == 0.0 {
        return (c(0.0, z.im), None);
    }
    let mut ax = z.re.abs();
    let ay = z.im.abs();
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        // hypot(ax, ay) would be subnormal: scale up first.
        ax = libm::ldexp(ax, SCALE_UP);
        libm::ldexp(
            libm::sqrt(ax + libm::hypot(ax, libm::ldexp(ay, SCALE_UP))),
            SCALE_DOWN,
        )
    } else {
        ax /= 8.0;
        2.0 * libm::sqrt(ax + libm::hypot(ax, ay / 8.0))
    };
    let d = ay / (2.0 * s);
    let r = if z.re >= 0.0 {
        c(s, d.copysign(z.im))
    } else {
        c(d, s.copysign(z.im))
    };
    (r, None)
}

fn c_log(z: C64) -> CResult {
    if !finite(z) {
        return (table_lookup(LOG_SPECIAL, z), None);
    }
    let ax = z.re.abs();
    let ay = z.im.abs();
    let re = if ax > LARGE_DOUBLE || ay > LARGE_DOUBLE {
        libm::log(libm::hypot(ax / 2.0, ay / 2.0)) + LN2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            // hypot(ax, ay) would be subnormal.
            libm::log(libm::hypot(
                libm::ldexp(ax, MANT_DIG),
                libm::ldexp(ay, MANT_DIG),
            )) - MANT_DIG as f64 * LN2
        } else {
            let r = c(f64::NEG_INFINITY, libm::atan2(z.im, z.re));
            return (r, Some(Err::Domain));
        }
    } else {
        let h = libm::hypot(ax, ay);
        if (0.71..=1.73).contains(&h) {
            let am = if ax > ay { ax } else { ay };
            let an = if ax > ay { ay } else { ax };
            libm::log1p((am - 1.0) * (am + 1.0) + an * an) / 2.0
        } else {
            libm::log(h)
        }
    };
    (c(re, libm::atan2(z.im, z.re)), None)
}

fn c_log10(z: C64) -> CResult {
    let (r, e) = c_log(z);
    (c(r.re / LN10, r.im / LN10), e)
}

fn c_exp(z: C64) -> CResult {
    if !finite(z) {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            if z.re > 0.0 {
                c(
                    f64::INFINITY.copysign(libm::cos(z.im)),
                    f64::INFINITY.copysign(libm::sin(z.im)),
                )
            } else {
                c(
                    0.0f64.copysign(libm::cos(z.im)),
                    0.0f64.copysign(libm::sin(z.im)),
                )
            }
        } else {
            table_lookup(EXP_SPECIAL, z)
        };
        let err = (z.im.is_infinite() && (z.re.is_finite() || z.re == f64::INFINITY))
            .then_some(Err::Domain);
        return (r, err);
    }
    let r = if z.re > LOG_LARGE_DOUBLE {
        let l = libm::exp(z.re - 1.0);
        c(l * libm::cos(z.im) * E, l * libm::sin(z.im) * E)
    } else {
        let l = libm::exp(z.re);
        c(l * libm::cos(z.im), l * libm::sin(z.im))
    };
    let err = (r.re.is_infinite() || r.im.is_infinite()).then_some(Err::Range);
    (r, err)
}

fn c_cosh(z: C64) -> CResult {
    if !finite(z) {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let (cs, sn) = (libm::cos(z.im), libm::sin(z.im));
            if z.re > 0.0 {
                c(f64::INFINITY.copysign(cs), f64::INFINITY.copysign(sn))
            } else {
                c(f64::INFINITY.copysign(cs), -f64::INFINITY.copysign(sn))
            }
        } else {
            table_lookup(COSH_SPECIAL, z)
        };
        let err = (z.im.is_infinite() && !z.re.is_nan()).then_some(Err::Domain);
        return (r, err);
    }
    let r = if z.re.abs() > LOG_LARGE_DOUBLE {
        // cosh(x) overflows but cosh(z) may not.
        let x1 = z.re - 1.0f64.copysign(z.re);
        c(
            libm::cos(z.im) * libm::cosh(x1) * E,
            libm::sin(z.im) * libm::sinh(x1) * E,
        )
    } else {
        c(
            libm::cos(z.im) * libm::cosh(z.re),
            libm::sin(z.im) * libm::sinh(z.re),
        )
    };
    let err = (r.re.is_infinite() || r.im.is_infinite()).then_some(Err::Range);
    (r, err)
}

fn c_sinh(z: C64) -> CResult {
    if !finite(z) {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let (cs, sn) = (libm::cos(z.im), libm::sin(z.im));
            if z.re > 0.0 {
                c(f64::INFINITY.copysign(cs), f64::INFINITY.copysign(sn))
            } else {
                c(-f64::INFINITY.copysign(cs), f64::INFINITY.copysign(sn))
            }
        } else {
            table_lookup(SINH_SPECIAL, z)
        };
        let err = (z.im.is_infinite() && !z.re.is_nan()).then_some(Err::Domain);
        return (r, err);
    }
    let r = if z.re.abs() > LOG_LARGE_DOUBLE {
        let x1 = z.re - 1.0f64.copysign(z.re);
        c(
            libm::cos(z.im) * libm::sinh(x1) * E,
            libm::sin(z.im) * libm::cosh(x1) * E,
        )
    } else {
        c(
            libm::cos(z.im) * libm::sinh(z.re),
            libm::sin(z.im) * libm::cosh(z.re),
        )
    };
    let err = (r.re.is_infinite() || r.im.is_infinite()).then_some(Err::Range);
    (r, err)
}

fn c_tanh(z: C64) -> CResult {
    if !finite(z) {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let im = 0.0f64.copysign(2.0 * libm::sin(z.im) * libm::cos(z.im));
            c(if z.re > 0.0 { 1.0 } else { -1.0 }, im)
        } else {
            table_lookup(TANH_SPECIAL, z)
        };
        let err = (z.im.is_infinite() && z.re.is_finite()).then_some(Err::Domain);
        return (r, err);
    }
    let r = if z.re.abs() > LOG_LARGE_DOUBLE {
        c(
            1.0f64.copysign(z.re),
            4.0 * libm::sin(z.im) * libm::cos(z.im) * libm::exp(-2.0 * z.re.abs()),
        )
    } else {
        let tx = libm::tanh(z.re);
        let ty = libm::tan(z.im);
        let cx = 1.0 / libm::cosh(z.re);
        let txty = tx * ty;
        let denom = 1.0 + txty * txty;
        c(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
    };
    (r, None)
}

fn c_acos(z: C64) -> CResult {
    if !finite(z) {
        return (table_lookup(ACOS_SPECIAL, z), None);
    }
    let r = if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        let re = libm::atan2(z.im.abs(), z.re);
        let l = libm::log(libm::hypot(z.re / 2.0, z.im / 2.0)) + LN2 * 2.0;
        let im = if z.re < 0.0 {
            -l.copysign(z.im)
        } else {
            l.copysign(-z.im)
        };
        c(re, im)
    } else {
        let s1 = c_sqrt(c(1.0 - z.re, -z.im)).0;
        let s2 = c_sqrt(c(1.0 + z.re, z.im)).0;
        c(
            2.0 * libm::atan2(s1.re, s2.re),
            libm::asinh(s2.re * s1.im - s2.im * s1.re),
        )
    };
    (r, None)
}

fn c_acosh(z: C64) -> CResult {
    if !finite(z) {
        return (table_lookup(ACOSH_SPECIAL, z), None);
    }
    let r = if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        c(
            libm::log(libm::hypot(z.re / 2.0, z.im / 2.0)) + LN2 * 2.0,
            libm::atan2(z.im, z.re),
        )
    } else {
        let s1 = c_sqrt(c(z.re - 1.0, z.im)).0;
        let s2 = c_sqrt(c(z.re + 1.0, z.im)).0;
        c(
            libm::asinh(s1.re * s2.re + s1.im * s2.im),
            2.0 * libm::atan2(s1.im, s2.re),
        )
    };
    (r, None)
}

fn c_asinh(z: C64) -> CResult {
    if !finite(z) {
        return (table_lookup(ASINH_SPECIAL, z), None);
    }
    let r = if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        let l = libm::log(libm::hypot(z.re / 2.0, z.im / 2.0)) + LN2 * 2.0;
        let re = if z.im >= 0.0 {
            l.copysign(z.re)
        } else {
            -l.copysign(-z.re)
        };
        c(re, libm::atan2(z.im, z.re.abs()))
    } else {
        let s1 = c_sqrt(c(1.0 + z.im, -z.re)).0;
        let s2 = c_sqrt(c(1.0 - z.im, z.re)).0;
        c(
            libm::asinh(s1.re * s2.im - s2.re * s1.im),
            libm::atan2(z.im, s1.re * s2.re - s1.im * s2.im),
        )
    };
    (r, None)
}

fn c_atanh(z: C64) -> CResult {
    if !finite(z) {
        return (table_lookup(ATANH_SPECIAL, z), None);
    }
    if z.re < 0.0 {
        // atanh(z) = -atanh(-z)
        let (r, e) = c_atanh(c(-z.re, -z.im));
        return (c(-r.re, -r.im), e);
    }
    let ay = z.im.abs();
    if z.re > sqrt_large_double() || ay > sqrt_large_double() {
        // atanh(z) ~ 1/z +/- i*pi/2 for large z
        let h = libm::hypot(z.re / 2.0, z.im / 2.0);
        return (c(z.re / 4.0 / h / h, -(PI / 2.0).copysign(-z.im)), None);
    }
    if z.re == 1.0 && ay < sqrt_dbl_min() {
        if ay == 0.0 {
            return (c(f64::INFINITY, z.im), Some(Err::Domain));
        }
        return (
            c(
                -libm::log(libm::sqrt(ay) / libm::sqrt(libm::hypot(ay, 2.0))),
                (libm::atan2(2.0, -ay) / 2.0).copysign(z.im),
            ),
            None,
        );
    }
    let re = libm::log1p(4.0 * z.re / ((1.0 - z.re) * (1.0 - z.re) + ay * ay)) / 4.0;
    let im = -libm::atan2(-2.0 * z.im, (1.0 - z.re) * (1.0 + z.re) - ay * ay) / 2.0;
    (c(re, im), None)
}

/// f(z) = -i g(i z) style identities.
fn via_i(z: C64, g: fn(C64) -> CResult) -> CResult {
    let (s, e) = g(c(-z.im, z.re));
    (c(s.im, -s.re), e)
}

fn c_asin(z: C64) -> CResult {
    via_i(z, c_asinh)
}

fn c_atan(z: C64) -> CResult {
    via_i(z, c_atanh)
}

fn c_sin(z: C64) -> CResult {
    via_i(z, c_sinh)
}

fn c_tan(z: C64) -> CResult {
    via_i(z, c_tanh)
}

fn c_cos(z: C64) -> CResult {
    c_cosh(c(-z.im, z.re))
}

// ---- the module's functions ------------------------------------------------------

/// A complex argument: a complex, an object with `__complex__`, or a real
/// number.
fn arg(ts: &mut ThreadState, v: Value) -> PyResult<C64> {
    if let Some(z) = as_c64(v) {
        return Ok(z);
    }
    if let Some(r) = try_complex_special(ts, v)? {
        if let Some(z) = as_c64(r) {
            return Ok(z);
        }
    }
    Ok(c(to_f64(ts, v)?, 0.0))
}

fn result(ts: &mut ThreadState, r: CResult) -> PyResult<Value> {
    match r.1 {
        Some(Err::Domain) => Err(ts.value_error("math domain error")),
        Some(Err::Range) => Err(ts.overflow_error("math range error")),
        None => Ok(ComplexObj::new(ts, r.0.re, r.0.im)),
    }
}

macro_rules! cfunc {
    ($name:ident, $sig:literal, $f:ident) => {
        fn $name(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
            static SIG: Sig = Sig::new($sig);
            let [z] = SIG.bind(ts, args, kw)?;
            let z = arg(ts, z)?;
            result(ts, $f(z))
        }
    };
}

cfunc!(m_sqrt, "cmath.sqrt(z, /)", c_sqrt);
cfunc!(m_exp, "cmath.exp(z, /)", c_exp);
cfunc!(m_log10, "cmath.log10(z, /)", c_log10);
cfunc!(m_acos, "cmath.acos(z, /)", c_acos);
cfunc!(m_acosh, "cmath.acosh(z, /)", c_acosh);
cfunc!(m_asin, "cmath.asin(z, /)", c_asin);
cfunc!(m_asinh, "cmath.asinh(z, /)", c_asinh);
cfunc!(m_atan, "cmath.atan(z, /)", c_atan);
cfunc!(m_atanh, "cmath.atanh(z, /)", c_atanh);
cfunc!(m_cos, "cmath.cos(z, /)", c_cos);
cfunc!(m_cosh, "cmath.cosh(z, /)", c_cosh);
cfunc!(m_sin, "cmath.sin(z, /)", c_sin);
cfunc!(m_sinh, "cmath.sinh(z, /)", c_sinh);
cfunc!(m_tan, "cmath.tan(z, /)", c_tan);
cfunc!(m_tanh, "cmath.tanh(z, /)", c_tanh);

fn m_log(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("cmath.log(z, base=None, /)");
    let [z, base] = SIG.bind(ts, args, kw)?;
    let z = arg(ts, z)?;
    let (x, mut err) = c_log(z);
    let r = match base.non_null() {
        None => x,
        Some(b) => {
            let b = arg(ts, b)?;
            // As in CPython, the base's log resets the error state: only
            // its own error (and the division's) counts.
            let (y, e2) = c_log(b);
            err = e2;
            // Smith's division, as complex `/`; dividing by 0 is EDOM.
            match complex_quot(x, y) {
                Some(q) => q,
                None => {
                    err = Some(Err::Domain);
                    c(0.0, 0.0)
                }
            }
        }
    };
    result(ts, (r, err))
}

fn complex_quot(a: C64, b: C64) -> Option<C64> {
    let abs_re = b.re.abs();
    let abs_im = b.im.abs();
    if abs_re >= abs_im {
        if abs_re == 0.0 {
            return None;
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Some(c(
            (a.re + a.im * ratio) / denom,
            (a.im - a.re * ratio) / denom,
        ))
    } else if abs_im >= abs_re {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Some(c(
            (a.re * ratio + a.im) / denom,
            (a.im * ratio - a.re) / denom,
        ))
    } else {
        Some(c(f64::NAN, f64::NAN))
    }
}

/// The argument of z (CPython's `c_atan2`: NaN for any NaN part, else
/// C99's `atan2`).
fn phase(z: C64) -> f64 {
    if z.re.is_nan() || z.im.is_nan() {
        return f64::NAN;
    }
    libm::atan2(z.im, z.re)
}

fn m_phase(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("cmath.phase(z, /)");
    let [z] = SIG.bind(ts, args, kw)?;
    let z = arg(ts, z)?;
    // CPython reports the C library's errno from atan2, underflow
    // included (`phase(1e300 - 1e-320j)` is an OverflowError there).
    libm::set_errno(0);
    let phi = phase(z);
    match libm::errno() {
        0 => Ok(new_float(ts, phi)),
        e if e == libm::EDOM => Err(ts.value_error("math domain error")),
        _ => Err(ts.overflow_error("math range error")),
    }
}

fn m_polar(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("cmath.polar(z, /)");
    let [z] = SIG.bind(ts, args, kw)?;
    let z = arg(ts, z)?;
    let Ok(r) = ftpy_vm::objects::complex::c_abs_value(z) else {
        return Err(ts.overflow_error("math range error"));
    };
    let (r, phi) = (new_float(ts, r), new_float(ts, phase(z)));
    Ok(TupleObj::new(ts, &[r, phi]).value())
}

fn m_rect(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("cmath.rect(r, phi, /)");
    let [r, phi] = SIG.bind(ts, args, kw)?;
    let r = to_f64(ts, r)?;
    let phi = to_f64(ts, phi)?;
    let out = if !r.is_finite() || !phi.is_finite() {
        let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let (cs, sn) = (libm::cos(phi), libm::sin(phi));
            if r > 0.0 {
                c(f64::INFINITY.copysign(cs), f64::INFINITY.copysign(sn))
            } else {
                c(-f64::INFINITY.copysign(cs), -f64::INFINITY.copysign(sn))
            }
        } else {
            table_lookup(RECT_SPECIAL, c(r, phi))
        };
        let err = (r != 0.0 && !r.is_nan() && phi.is_infinite()).then_some(Err::Domain);
        (z, err)
    } else if phi == 0.0 {
        (c(r, r * phi), None)
    } else {
        (c(r * libm::cos(phi), r * libm::sin(phi)), None)
    };
    result(ts, out)
}

macro_rules! predicate {
    ($name:ident, $sig:literal, $f:expr) => {
        fn $name(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
            static SIG: Sig = Sig::new($sig);
            let [z] = SIG.bind(ts, args, kw)?;
            let z = arg(ts, z)?;
            Ok(Value::from_bool($f(z)))
        }
    };
}

predicate!(m_isfinite, "cmath.isfinite(z, /)", |z: C64| finite(z));
predicate!(m_isnan, "cmath.isnan(z, /)", |z: C64| z.re.is_nan()
    || z.im.is_nan());
predicate!(m_isinf, "cmath.isinf(z, /)", |z: C64| z.re.is_infinite()
    || z.im.is_infinite());

fn m_isclose(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("cmath.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)");
    let [a, b, rel, abs] = SIG.bind(ts, args, kw)?;
    let a = arg(ts, a)?;
    let b = arg(ts, b)?;
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
    if a.re == b.re && a.im == b.im {
        return Ok(Value::TRUE);
    }
    if a.re.is_infinite() || a.im.is_infinite() || b.re.is_infinite() || b.im.is_infinite() {
        return Ok(Value::FALSE);
    }
    let cabs = |z: C64| ftpy_vm::objects::complex::c_abs_value(z).unwrap_or(f64::INFINITY);
    let diff = cabs(c(a.re - b.re, a.im - b.im));
    Ok(Value::from_bool(
        diff <= rel * cabs(b) || diff <= rel * cabs(a) || diff <= abs,
    ))
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let funcs: &[(&str, ftpy_vm::objects::NativeFn)] = &[
        ("acos", m_acos),
        ("acosh", m_acosh),
        ("asin", m_asin),
        ("asinh", m_asinh),
        ("atan", m_atan),
        ("atanh", m_atanh),
        ("cos", m_cos),
        ("cosh", m_cosh),
        ("exp", m_exp),
        ("isclose", m_isclose),
        ("isfinite", m_isfinite),
        ("isinf", m_isinf),
        ("isnan", m_isnan),
        ("log", m_log),
        ("log10", m_log10),
        ("phase", m_phase),
        ("polar", m_polar),
        ("rect", m_rect),
        ("sin", m_sin),
        ("sinh", m_sinh),
        ("sqrt", m_sqrt),
        ("tan", m_tan),
        ("tanh", m_tanh),
    ];
    for &(n, f) in funcs {
        m.add_function(ts, n, f);
    }
    m.set_attr(ts, "pi", Value::from_f64(PI));
    m.set_attr(ts, "e", Value::from_f64(E));
    m.set_attr(ts, "tau", Value::from_f64(std::f64::consts::TAU));
    m.set_attr(ts, "inf", Value::from_f64(f64::INFINITY));
    let nan = new_float(ts, f64::NAN);
    m.set_attr(ts, "nan", nan);
    let infj = ComplexObj::new(ts, 0.0, f64::INFINITY);
    m.set_attr(ts, "infj", infj);
    let nanj = ComplexObj::new(ts, 0.0, f64::NAN);
    m.set_attr(ts, "nanj", nanj);
    Ok(())
}
