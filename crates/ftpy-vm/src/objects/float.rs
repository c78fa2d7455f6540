//! `float`: IEEE doubles. Exact floats live in the `Value` itself; a
//! `FloatObj` only exists for instances of float subclasses.

use ftpy_compiler::{BinaryOp, CompareOp};
use std::cmp::Ordering;

use crate::error::PyResult;
use crate::gc::Marker;
use crate::interp::{types, BuiltinTypes};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::int::{int_from_f64, int_to_f64, is_int, numeric_cmp};
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, type_of, TypeObj};
use crate::objects::{add_getset, add_methods, classmethod, method};
use crate::thread::ThreadState;
use crate::value::Value;

/// The C library's math functions. CPython calls these (glibc's on this
/// platform), and their last-bit results are visible to programs, so ftpy
/// calls the same ones rather than Rust's own implementations (Rust's
/// `cbrt`, `asinh`, `acosh` differ from glibc's in the last bit).
pub mod libm {
    #[link(name = "m")]
    unsafe extern "C" {
        pub safe fn sin(x: f64) -> f64;
        pub safe fn cos(x: f64) -> f64;
        pub safe fn tan(x: f64) -> f64;
        pub safe fn asin(x: f64) -> f64;
        pub safe fn acos(x: f64) -> f64;
        pub safe fn atan(x: f64) -> f64;
        pub safe fn atan2(y: f64, x: f64) -> f64;
        pub safe fn sinh(x: f64) -> f64;
        pub safe fn cosh(x: f64) -> f64;
        pub safe fn tanh(x: f64) -> f64;
        pub safe fn asinh(x: f64) -> f64;
        pub safe fn acosh(x: f64) -> f64;
        pub safe fn atanh(x: f64) -> f64;
        pub safe fn exp(x: f64) -> f64;
        pub safe fn exp2(x: f64) -> f64;
        pub safe fn expm1(x: f64) -> f64;
        pub safe fn log(x: f64) -> f64;
        pub safe fn log2(x: f64) -> f64;
        pub safe fn log10(x: f64) -> f64;
        pub safe fn log1p(x: f64) -> f64;
        pub safe fn pow(x: f64, y: f64) -> f64;
        pub safe fn sqrt(x: f64) -> f64;
        pub safe fn erf(x: f64) -> f64;
        pub safe fn erfc(x: f64) -> f64;
        pub safe fn fmod(x: f64, y: f64) -> f64;
        pub safe fn hypot(x: f64, y: f64) -> f64;
        pub safe fn nextafter(x: f64, y: f64) -> f64;
        pub safe fn remainder(x: f64, y: f64) -> f64;
        pub safe fn ldexp(x: f64, e: i32) -> f64;
    }

    type F1 = extern "C" fn(f64) -> f64;

    /// The C library's `errno` for this thread. CPython reads it after
    /// some libm calls (`pow`, the complex power), so a domain error a
    /// libm function reports shows as CPython's exception.
    pub fn errno() -> i32 {
        // SAFETY: __errno_location returns this thread's errno slot,
        // valid for the thread's life.
        unsafe { *libc::__errno_location() }
    }

    /// Sets this thread's `errno`.
    pub fn set_errno(v: i32) {
        // SAFETY: as in `errno`.
        unsafe { *libc::__errno_location() = v }
    }

    pub const EDOM: i32 = libc::EDOM;
    pub const ERANGE: i32 = libc::ERANGE;

    /// `cbrt` from the C library itself: Rust's runtime carries its own
    /// `cbrt` (compiler-builtins), which the linker prefers and which
    /// differs from glibc's in the last bit.
    pub fn cbrt(x: f64) -> f64 {
        static F: std::sync::OnceLock<Option<F1>> = std::sync::OnceLock::new();
        let f = F.get_or_init(|| {
            // SAFETY: dlopen and dlsym get NUL-terminated names; a symbol
            // found under this name in libm is `double cbrt(double)`.
            unsafe {
                let h = libc::dlopen(c"libm.so.6".as_ptr(), libc::RTLD_LAZY);
                if h.is_null() {
                    return None;
                }
                let p = libc::dlsym(h, c"cbrt".as_ptr());
                if p.is_null() {
                    None
                } else {
                    Some(std::mem::transmute::<*mut libc::c_void, F1>(p))
                }
            }
        });
        match f {
            Some(f) => f(x),
            None => x.cbrt(),
        }
    }
}

#[repr(C)]
pub struct FloatObj {
    pub header: Header,
    pub value: f64,
}

// SAFETY: repr(C), Header first, no references.
unsafe impl HeapObj for FloatObj {
    const KIND: Kind = Kind::Float;
    fn trace(&self, _m: &mut Marker) {}
}

/// The float value of a float (exact or subclass instance).
#[inline]
pub fn as_f64(v: Value) -> Option<f64> {
    if let Some(f) = v.as_float() {
        return Some(f);
    }
    v.downcast::<FloatObj>().map(|o| o.value)
}

/// Whether `v` is a float (exact or subclass).
#[inline]
pub fn is_float(v: Value) -> bool {
    v.is_float() || v.is_kind(Kind::Float)
}

/// A float operand: floats, and ints converted (None otherwise).
#[inline]
fn operand(ts: &mut ThreadState, v: Value) -> PyResult<Option<f64>> {
    if let Some(f) = as_f64(v) {
        return Ok(Some(f));
    }
    if is_int(v) {
        return int_to_f64(ts, v).map(Some);
    }
    Ok(None)
}

macro_rules! float_binop {
    ($name:ident, |$ts:ident, $x:ident, $y:ident| $body:expr) => {
        pub fn $name($ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
            let Some($x) = operand($ts, a)? else {
                return Ok(Value::NOT_IMPLEMENTED);
            };
            let Some($y) = operand($ts, b)? else {
                return Ok(Value::NOT_IMPLEMENTED);
            };
            $body
        }
    };
}

float_binop!(float_add, |ts, x, y| Ok(new_float(ts, x + y)));
float_binop!(float_sub, |ts, x, y| Ok(new_float(ts, x - y)));
float_binop!(float_mul, |ts, x, y| Ok(new_float(ts, x * y)));
float_binop!(float_truediv, |ts, x, y| {
    if y == 0.0 {
        return Err(ts.zero_division_error("float division by zero"));
    }
    Ok(new_float(ts, x / y))
});
float_binop!(float_floordiv, |ts, x, y| {
    if y == 0.0 {
        return Err(ts.zero_division_error("float floor division by zero"));
    }
    Ok(new_float(ts, float_divmod(x, y).0))
});
float_binop!(float_mod, |ts, x, y| {
    if y == 0.0 {
        return Err(ts.zero_division_error("float modulo"));
    }
    Ok(new_float(ts, float_divmod(x, y).1))
});
float_binop!(float_pow, |ts, x, y| float_power(ts, x, y));

/// Python's float divmod: (floor quotient, remainder with the divisor's
/// sign).
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let fl = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(x / y)
    };
    (fl, m)
}

/// Whether a float is an odd integer.
fn is_odd_integer(y: f64) -> bool {
    y.is_finite() && y == y.trunc() && (y / 2.0) != (y / 2.0).trunc()
}

/// `x ** y` for floats, with CPython's special cases (decided here rather
/// than left to `pow`, whose edge cases differ between C libraries).
pub fn float_power(ts: &mut ThreadState, x: f64, y: f64) -> PyResult<Value> {
    if y == 0.0 {
        return Ok(new_float(ts, 1.0));
    }
    if x.is_nan() {
        return Ok(new_float(ts, x));
    }
    if y.is_nan() {
        return Ok(new_float(ts, if x == 1.0 { 1.0 } else { y }));
    }
    if y.is_infinite() {
        let ax = x.abs();
        let r = if ax == 1.0 {
            1.0
        } else if (y > 0.0) == (ax > 1.0) {
            f64::INFINITY
        } else {
            0.0
        };
        return Ok(new_float(ts, r));
    }
    if x.is_infinite() {
        let odd = is_odd_integer(y);
        let r = if y > 0.0 {
            if odd {
                x
            } else {
                x.abs()
            }
        } else if odd {
            0.0f64.copysign(x)
        } else {
            0.0
        };
        return Ok(new_float(ts, r));
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(ts.zero_division_error("0.0 cannot be raised to a negative power"));
        }
        return Ok(new_float(ts, if is_odd_integer(y) { x } else { 0.0 }));
    }
    let mut base = x;
    let mut negate = false;
    if x < 0.0 {
        if y != y.floor() {
            // A negative base with a fractional exponent: a complex result.
            return crate::objects::complex::complex_pow_real(ts, x, y);
        }
        base = -x;
        negate = is_odd_integer(y);
    }
    if base == 1.0 {
        return Ok(new_float(ts, if negate { -1.0 } else { 1.0 }));
    }
    libm::set_errno(0);
    let r = libm::pow(base, y);
    let mut err = libm::errno();
    if err == 0 {
        if r.is_infinite() {
            err = libm::ERANGE;
        }
    } else if err == libm::ERANGE && r == 0.0 {
        err = 0;
    }
    if err == libm::ERANGE {
        return Err(ts.overflow_error("(34, 'Numerical result out of range')"));
    }
    if err != 0 {
        return Err(ts.value_error("(33, 'Numerical argument out of domain')"));
    }
    Ok(new_float(ts, if negate { -r } else { r }))
}

/// Whether an ordering satisfies a comparison.
#[inline]
pub fn ordering_matches(o: Ordering, op: CompareOp) -> bool {
    match op {
        CompareOp::Lt => o == Ordering::Less,
        CompareOp::Le => o != Ordering::Greater,
        CompareOp::Eq => o == Ordering::Equal,
        CompareOp::Ne => o != Ordering::Equal,
        CompareOp::Gt => o == Ordering::Greater,
        CompareOp::Ge => o != Ordering::Less,
    }
}

fn float_richcompare(_ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    let a2 = as_f64(a).map(Value::from_f64).unwrap_or(a);
    let b2 = as_f64(b).map(Value::from_f64).unwrap_or(b);
    if !(is_float(a) || is_int(a)) || !(is_float(b) || is_int(b)) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    match numeric_cmp(a2, b2) {
        Some(Some(o)) => Ok(Value::from_bool(ordering_matches(o, op))),
        Some(None) => Ok(Value::from_bool(op == CompareOp::Ne)),
        None => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn float_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let f = as_f64(v).unwrap_or(0.0);
    Ok(StrObj::new(ts, &crate::format::float_repr(f)))
}

fn float_hash(_ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    let f = as_f64(v).unwrap_or(0.0);
    if f.is_nan() {
        // As CPython 3.10+: a NaN hashes by identity, so distinct NaNs
        // land apart in dicts and sets.
        return Ok(crate::hash::hash_pointer(v));
    }
    Ok(crate::hash::hash_f64(f))
}

fn float_bool(_ts: &mut ThreadState, v: Value) -> PyResult<bool> {
    Ok(as_f64(v).unwrap_or(0.0) != 0.0)
}

fn float_neg(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(new_float(ts, -as_f64(v).unwrap_or(0.0)))
}

fn float_pos(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    if v.is_float() || type_of(v) == types().float {
        return Ok(v);
    }
    Ok(new_float(ts, as_f64(v).unwrap_or(0.0)))
}

fn float_abs(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(new_float(ts, as_f64(v).unwrap_or(0.0).abs()))
}

fn float_int(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    int_from_f64(ts, as_f64(v).unwrap_or(0.0))
}

/// The text of a number argument as CPython reads it: Unicode
/// whitespace becomes a space, Unicode decimal digits their ASCII digit,
/// any other non-ASCII character a `?` (which no number syntax accepts).
pub fn to_ascii_number(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            if c.is_ascii() {
                c
            } else if crate::objects::str::py_isspace(c) {
                ' '
            } else {
                match crate::unicode::decimal_value(c) {
                    Some(d) => char::from(b'0' + d as u8),
                    None => '?',
                }
            }
        })
        .collect()
}

/// Removes underscores that sit between digits; None if any does not.
pub fn strip_underscores(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut prev = '\0';
    for ch in s.chars() {
        if ch == '_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == '_' && !ch.is_ascii_digit() {
                return None;
            }
            out.push(ch);
        }
        prev = ch;
    }
    if prev == '_' {
        return None;
    }
    Some(out)
}

/// The longest prefix of `s` that is a float literal (sign, digits with
/// an optional point, optional exponent; or `inf`, `infinity`, `nan` in
/// any case): (value, bytes used). No whitespace is skipped.
pub fn parse_float_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    let neg = match s.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    let start = i;
    let mut ndigits = 0;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
        ndigits += 1;
    }
    if i < s.len() && s[i] == b'.' {
        i += 1;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
            ndigits += 1;
        }
    }
    if ndigits == 0 {
        // inf, infinity, nan
        let rest = &s[start..];
        let lower = |n: usize| -> Vec<u8> {
            rest.iter()
                .take(n)
                .map(|c| c.to_ascii_lowercase())
                .collect()
        };
        let sign = if neg { -1.0 } else { 1.0 };
        if lower(8) == b"infinity" {
            return Some((sign * f64::INFINITY, start + 8));
        }
        if lower(3) == b"inf" {
            return Some((sign * f64::INFINITY, start + 3));
        }
        if lower(3) == b"nan" {
            return Some((if neg { -f64::NAN } else { f64::NAN }, start + 3));
        }
        return None;
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        let mut j = i + 1;
        if j < s.len() && (s[j] == b'+' || s[j] == b'-') {
            j += 1;
        }
        let exp_start = j;
        while j < s.len() && s[j].is_ascii_digit() {
            j += 1;
        }
        if j > exp_start {
            i = j;
        }
    }
    // The slice is ASCII digits, '.', 'e' and signs: valid UTF-8, and a
    // syntax Rust's correctly rounded parser accepts.
    let text = std::str::from_utf8(&s[start..i]).ok()?;
    let v: f64 = text.parse().ok()?;
    Some((if neg { -v } else { v }, i))
}

/// Parses a float as `float(str)` does (after the Unicode mapping):
/// whitespace around, underscores between digits.
pub fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\x0b');
    let cleaned;
    let t = if t.contains('_') {
        cleaned = strip_underscores(t)?;
        cleaned.as_str()
    } else {
        t
    };
    match parse_float_prefix(t.as_bytes()) {
        Some((f, n)) if n == t.len() => Some(f),
        _ => None,
    }
}

/// Checks the result `r` of `x.__float__()`: a float's value; a strict
/// float subclass is accepted with CPython's DeprecationWarning; anything
/// else is a TypeError.
pub fn check_float_result(ts: &mut ThreadState, x: Value, r: Value) -> PyResult<f64> {
    if let Some(f) = r.as_float() {
        return Ok(f);
    }
    let Some(f) = as_f64(r) else {
        return Err(ts.type_error(format!(
            "{}.__float__ returned non-float (type {})",
            type_name(x),
            type_name(r)
        )));
    };
    if type_of(r) != types().float {
        let msg = format!(
            "{}.__float__ returned non-float (type {}).  The ability to return an instance of \
             a strict subclass of float is deprecated, and may be removed in a future version \
             of Python.",
            type_name(x),
            type_name(r)
        );
        crate::sys::warn_named(ts, "DeprecationWarning", &msg, 1)?;
    }
    Ok(f)
}

/// `float(x)` conversion.
pub fn to_float(ts: &mut ThreadState, x: Value) -> PyResult<f64> {
    if let Some(f) = x.as_float() {
        return Ok(f);
    }
    if let Some(i) = x.as_small_int() {
        return Ok(i as f64);
    }
    let ty = type_of(x);
    if let Some(f) = ty.slots.float.get() {
        let r = f(ts, x)?;
        return check_float_result(ts, x, r);
    }
    if ty.slots.index.get().is_some() {
        let i = crate::ops::index(ts, x)?;
        return int_to_f64(ts, i);
    }
    // Text and bytes are parsed only after the number protocols: a str
    // subclass with `__float__` is converted by it, as in CPython.
    if let Some(s) = x.downcast::<StrObj>() {
        return match parse_float(&to_ascii_number(s.as_str())) {
            Some(f) => Ok(f),
            None => {
                let r = crate::ops::repr_string(ts, x)?;
                Err(ts.value_error(format!("could not convert string to float: {r}")))
            }
        };
    }
    if let Some(b) = crate::objects::bytes::bytes_data(x) {
        // Bytes are read as ASCII: any other byte fails the parse.
        let s: String = b
            .iter()
            .map(|&c| if c.is_ascii() { c as char } else { '?' })
            .collect();
        return match parse_float(&s) {
            Some(f) => Ok(f),
            None => {
                let r = crate::ops::repr_string(ts, x)?;
                Err(ts.value_error(format!("could not convert string to float: {r}")))
            }
        };
    }
    Err(ts.type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        type_name(x)
    )))
}

fn float_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    // As CPython: keywords are refused unless a subclass's own __init__
    // takes them (float.__new__ then ignores them).
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    if nkw > 0 && cls.slots.init.raw() == types().float.slots.init.raw() {
        return Err(ts.type_error("float() takes no keyword arguments"));
    }
    // The keywords' values follow the positional arguments.
    let args = &args[..args.len().saturating_sub(nkw)];
    let f = match args {
        [] => 0.0,
        [x] => to_float(ts, *x)?,
        _ => {
            return Err(ts.type_error(format!(
                "float expected at most 1 argument, got {}",
                args.len()
            )))
        }
    };
    Ok(new_float_of_type(ts, cls, f))
}

/// A float of type `cls` (an exact float is a plain value).
/// A new float. Non-NaN floats are inline; a NaN gets its own heap
/// object, because in CPython every NaN made by a computation is a distinct
/// object (`x is y` is False, `nan in [float("nan")]` is False) and an
/// inline NaN would be identical to every other NaN.
#[inline]
pub fn new_float(ts: &mut ThreadState, f: f64) -> Value {
    if !f.is_nan() {
        return Value::from_f64(f);
    }
    box_float(ts, types().float, f)
}

pub fn new_float_of_type(ts: &mut ThreadState, cls: Gc<TypeObj>, f: f64) -> Value {
    if cls == types().float {
        return new_float(ts, f);
    }
    box_float(ts, cls, f)
}

#[cold]
fn box_float(ts: &mut ThreadState, cls: Gc<TypeObj>, f: f64) -> Value {
    let obj = FloatObj {
        header: Header::new(cls, Kind::Float, 0),
        value: f,
    };
    crate::objects::instance::alloc_with_attrs(ts, cls, obj).value()
}

fn self_f64(ts: &mut ThreadState, args: &[Value]) -> PyResult<f64> {
    match args.first().and_then(|&v| as_f64(v)) {
        Some(f) => Ok(f),
        None => Err(ts.type_error("descriptor requires a 'float' object")),
    }
}

fn float_is_integer(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("float.is_integer($self, /)");
    SIG.bind::<1>(ts, args, kw)?;
    let f = self_f64(ts, args)?;
    Ok(Value::from_bool(f.is_finite() && f.floor() == f))
}

fn float_as_integer_ratio(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("float.as_integer_ratio($self, /)");
    SIG.bind::<1>(ts, args, kw)?;
    let f = self_f64(ts, args)?;
    if f.is_infinite() {
        return Err(ts.overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(ts.value_error("cannot convert NaN to integer ratio"));
    }
    let (m, e) = crate::hash::frexp(f);
    let mut m = m;
    let mut e = e;
    for _ in 0..300 {
        if m.floor() == m {
            break;
        }
        m *= 2.0;
        e -= 1;
    }
    let num = num_bigint::BigInt::from(m as i64);
    let (num, den) = if e >= 0 {
        (num << e as usize, num_bigint::BigInt::from(1))
    } else {
        (num, num_bigint::BigInt::from(1) << (-e) as usize)
    };
    let n = crate::objects::int::int_from_big(ts, num);
    let d = crate::objects::int::int_from_big(ts, den);
    Ok(TupleObj::new(ts, &[n, d]).value())
}

/// `float.hex()`: `[-]0x<lead>.<13 hex digits>p<exp>`.
pub fn float_to_hex(f: f64) -> String {
    if f.is_nan() {
        return "nan".to_string();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = f.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let man = bits & ((1 << 52) - 1);
    let (lead, e) = if biased == 0 {
        (0, -1022)
    } else {
        (1, biased - 1023)
    };
    let esign = if e < 0 { '-' } else { '+' };
    format!("{sign}0x{lead}.{man:013x}p{esign}{}", e.abs())
}

fn float_hex(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig = crate::builtins::args::Sig::new("float.hex($self, /)");
    SIG.bind::<1>(ts, args, kw)?;
    let f = self_f64(ts, args)?;
    Ok(StrObj::new(ts, &float_to_hex(f)))
}

/// Why `float.fromhex` failed.
enum HexErr {
    Invalid,
    Overflow,
}

/// 2**k as a float, exactly (k in -1074..=1023).
fn pow2(k: i64) -> f64 {
    if k >= -1022 {
        f64::from_bits(((k + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (k + 1074))
    }
}

/// Parses CPython's hexadecimal float syntax, correctly rounded (half to
/// even), with subnormals; `0x` is optional.
fn parse_hex(text: &str) -> Result<f64, HexErr> {
    use num_bigint::BigUint;
    let s = text.as_bytes();
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c');
    let mut i = 0;
    let mut end = s.len();
    while i < end && is_space(s[i]) {
        i += 1;
    }
    while end > i && is_space(s[end - 1]) {
        end -= 1;
    }
    let s = &s[i..end];
    let mut i = 0;
    let neg = match s.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    let word: Vec<u8> = s[i..].iter().map(|c| c.to_ascii_lowercase()).collect();
    if word == b"inf" || word == b"infinity" {
        return Ok(if neg {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if word == b"nan" {
        return Ok(f64::NAN);
    }
    if s.len() >= i + 2 && s[i] == b'0' && (s[i + 1] == b'x' || s[i + 1] == b'X') {
        i += 2;
    }
    let mut digits: Vec<u8> = Vec::new();
    let mut frac_digits: i64 = 0;
    while i < s.len() && s[i].is_ascii_hexdigit() {
        digits.push(s[i]);
        i += 1;
    }
    if i < s.len() && s[i] == b'.' {
        i += 1;
        while i < s.len() && s[i].is_ascii_hexdigit() {
            digits.push(s[i]);
            frac_digits += 1;
            i += 1;
        }
    }
    if digits.is_empty() {
        return Err(HexErr::Invalid);
    }
    let mut exp: i64 = 0;
    if i < s.len() && (s[i] == b'p' || s[i] == b'P') {
        i += 1;
        let eneg = match s.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let st = i;
        while i < s.len() && s[i].is_ascii_digit() {
            // Saturate: anything this large over- or underflows anyway.
            exp = (exp * 10 + (s[i] - b'0') as i64).min(1 << 40);
            i += 1;
        }
        if i == st {
            return Err(HexErr::Invalid);
        }
        if eneg {
            exp = -exp;
        }
    }
    if i != s.len() {
        return Err(HexErr::Invalid);
    }
    let sign = if neg { -1.0 } else { 1.0 };
    let m = BigUint::parse_bytes(&digits, 16).ok_or(HexErr::Invalid)?;
    if m.bits() == 0 {
        return Ok(sign * 0.0);
    }
    // value = m * 2**e2
    let e2 = exp - 4 * frac_digits;
    let top = m.bits() as i64 + e2; // value < 2**top
    if top > 1024 {
        return Err(HexErr::Overflow);
    }
    if top < -1074 - 1 {
        return Ok(sign * 0.0);
    }
    // The exponent of the result's last bit.
    let lsb = (top - 53).max(-1074);
    let shift = lsb - e2;
    let q: u64 = if shift <= 0 {
        // Exact: at most 53 bits.
        num_traits::ToPrimitive::to_u64(&(m << (-shift) as usize)).unwrap_or(u64::MAX)
    } else {
        let sh = shift as usize;
        let q = &m >> sh;
        let rem = &m - (&q << sh);
        let half = BigUint::from(1u8) << (sh - 1);
        let q = num_traits::ToPrimitive::to_u64(&q).unwrap_or(u64::MAX);
        match rem.cmp(&half) {
            std::cmp::Ordering::Greater => q + 1,
            std::cmp::Ordering::Equal if q & 1 == 1 => q + 1,
            _ => q,
        }
    };
    // q <= 2**53 and lsb <= 972: q * 2**lsb is exact unless it
    // overflows.
    if (64 - q.leading_zeros() as i64) + lsb > 1024 {
        return Err(HexErr::Overflow);
    }
    let v = (q as f64) * pow2(lsb);
    if v.is_infinite() {
        return Err(HexErr::Overflow);
    }
    Ok(sign * v)
}

fn float_fromhex(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("float.fromhex($type, string, /)");
    let [cls, arg] = SIG.bind(ts, args, kw)?;
    let Some(text) = arg.downcast::<StrObj>() else {
        // CPython reads the argument with PyUnicode_AsUTF8AndSize.
        return Err(ts.type_error("bad argument type for built-in operation"));
    };
    let f = match parse_hex(text.as_str()) {
        Ok(f) => f,
        Err(HexErr::Invalid) => {
            return Err(ts.value_error("invalid hexadecimal floating-point string"))
        }
        Err(HexErr::Overflow) => {
            return Err(ts.overflow_error("hexadecimal value too large to represent as a float"))
        }
    };
    let v = new_float(ts, f);
    if cls == types().float.value() {
        return Ok(v);
    }
    crate::ops::call1(ts, cls, v)
}

fn float_getformat(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("float.__getformat__($type, typestr, /)");
    let [_, arg] = SIG.bind(ts, args, kw)?;
    let Some(s) = arg.downcast::<StrObj>() else {
        return Err(ts.type_error(format!(
            "__getformat__() argument must be str, not {}",
            type_name(arg)
        )));
    };
    match s.as_str() {
        "double" | "float" => Ok(StrObj::new(ts, "IEEE, little-endian")),
        _ => Err(ts.value_error("__getformat__() argument 1 must be 'double' or 'float'")),
    }
}

fn float_conjugate(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("float.conjugate($self, /)");
    SIG.bind::<1>(ts, args, kw)?;
    let f = self_f64(ts, args)?;
    Ok(new_float(ts, f))
}

/// `round(x, n)` for floats, correctly rounded like CPython (via the
/// exact decimal expansion Rust's formatter computes).
pub fn round_float(f: f64, ndigits: i64) -> Option<f64> {
    // The limits past which rounding cannot change a double (CPython's
    // NDIGITS_MAX / NDIGITS_MIN).
    if !f.is_finite() || f == 0.0 || ndigits > 323 {
        return Some(f);
    }
    if ndigits < -308 {
        return Some(0.0 * f);
    }
    if ndigits >= 0 {
        // Rust rounds half to even on the exact binary value: the same as
        // CPython's correctly rounded dtoa.
        let s = format!("{:.*}", ndigits as usize, f);
        return s.parse().ok();
    }
    // Round to a multiple of 10**k on the exact decimal expansion.
    let k = (-ndigits) as usize;
    let exact = format!("{:.1100}", f.abs());
    let (int_part, frac) = exact.split_once('.').unwrap_or((&exact, ""));
    if k > int_part.len() {
        return Some(0.0f64.copysign(f));
    }
    let (keep, rest) = int_part.split_at(int_part.len() - k);
    let mut digits: Vec<u8> = if keep.is_empty() {
        vec![b'0']
    } else {
        keep.as_bytes().to_vec()
    };
    let first = rest.as_bytes()[0];
    let tail_nonzero = rest.bytes().skip(1).chain(frac.bytes()).any(|c| c != b'0');
    let odd = (digits[digits.len() - 1] - b'0') % 2 == 1;
    let up = first > b'5' || (first == b'5' && (tail_nonzero || odd));
    if up {
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, b'1');
                break;
            }
            i -= 1;
            if digits[i] == b'9' {
                digits[i] = b'0';
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    let mut text = String::from_utf8(digits).unwrap_or_default();
    text.push_str(&"0".repeat(k));
    let r: f64 = text.parse().ok()?;
    if r.is_infinite() {
        return None;
    }
    Some(r.copysign(f))
}

fn float_divmod_method(
    ts: &mut ThreadState,
    args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    divmod_method(ts, args, false)
}

fn float_rdivmod_method(
    ts: &mut ThreadState,
    args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    divmod_method(ts, args, true)
}

fn divmod_method(ts: &mut ThreadState, args: &[Value], reflected: bool) -> PyResult<Value> {
    let [a, b] = args else {
        return Err(ts.type_error(format!(
            "expected 1 argument, got {}",
            args.len().saturating_sub(1)
        )));
    };
    if !(is_int(*b) || is_float(*b)) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let (x, y) = if reflected { (*b, *a) } else { (*a, *b) };
    Ok(crate::builtins::numeric_divmod(ts, x, y)?.unwrap_or(Value::NOT_IMPLEMENTED))
}

fn float_round(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("float.__round__($self, ndigits=None, /)");
    SIG.bind::<2>(ts, args, kw)?;
    let f = self_f64(ts, args)?;
    match args.get(1) {
        None => round_to_int(ts, f),
        Some(v) if v.is_none() => round_to_int(ts, f),
        Some(&n) => {
            let n = crate::ops::index(ts, n)?;
            let n = crate::objects::int::to_i64_saturating(n);
            match round_float(f, n) {
                Some(r) => Ok(new_float(ts, r)),
                None => Err(ts.overflow_error("rounded value too large to represent")),
            }
        }
    }
}

/// `round(x)`: nearest int, ties to even.
pub fn round_to_int(ts: &mut ThreadState, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(ts.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(ts.overflow_error("cannot convert float infinity to integer"));
    }
    let r = f.round();
    let r = if (f - f.trunc()).abs() == 0.5 {
        2.0 * (f / 2.0).round()
    } else {
        r
    };
    int_from_f64(ts, r)
}

fn float_trunc(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("float.__trunc__($self, /)");
    SIG.bind::<1>(ts, args, kw)?;
    let f = self_f64(ts, args)?;
    int_from_f64(ts, f)
}

fn float_floor(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("float.__floor__($self, /)");
    SIG.bind::<1>(ts, args, kw)?;
    let f = self_f64(ts, args)?;
    int_from_f64(ts, f.floor())
}

fn float_ceil(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("float.__ceil__($self, /)");
    SIG.bind::<1>(ts, args, kw)?;
    let f = self_f64(ts, args)?;
    int_from_f64(ts, f.ceil())
}

fn float_format(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("float.__format__($self, format_spec, /)");
    SIG.bind::<2>(ts, args, kw)?;
    let f = self_f64(ts, args)?;
    let spec = match args.get(1) {
        Some(&s) => crate::objects::str::expect_str(ts, s, "__format__() argument")?,
        None => return Err(ts.type_error("__format__() takes exactly one argument")),
    };
    crate::format::format_float(ts, f, spec.as_str())
}

fn float_getnewargs(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("float.__getnewargs__($self, /)");
    SIG.bind::<1>(ts, args, kw)?;
    let f = self_f64(ts, args)?;
    let v = new_float(ts, f);
    Ok(TupleObj::new(ts, &[v]).value())
}

fn get_real(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let f = self_f64(ts, &[v])?;
    Ok(new_float(ts, f))
}

fn get_imag(_ts: &mut ThreadState, _v: Value) -> PyResult<Value> {
    Ok(Value::from_f64(0.0))
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let doc = StrObj::new(
        ts,
        "Convert a string or number to a floating point number, if possible.",
    );
    crate::objects::set_type_attr(ts, t.float, "__doc__", doc);
    let ty = t.float;
    let s = &ty.slots;
    s.repr.set(Some(float_repr));
    s.hash.set(Some(float_hash));
    s.richcompare.set(Some(float_richcompare));
    s.bool.set(Some(float_bool));
    s.neg.set(Some(float_neg));
    s.pos.set(Some(float_pos));
    s.abs.set(Some(float_abs));
    s.int.set(Some(float_int));
    s.float.set(Some(float_pos));
    s.new.set(Some(float_new));
    s.nb[BinaryOp::Add as usize].set(Some(float_add));
    s.nb[BinaryOp::Subtract as usize].set(Some(float_sub));
    s.nb[BinaryOp::Multiply as usize].set(Some(float_mul));
    s.nb[BinaryOp::TrueDivide as usize].set(Some(float_truediv));
    s.nb[BinaryOp::FloorDivide as usize].set(Some(float_floordiv));
    s.nb[BinaryOp::Remainder as usize].set(Some(float_mod));
    s.nb[BinaryOp::Power as usize].set(Some(float_pow));
    add_methods(
        ts,
        ty,
        &[
            method("is_integer", float_is_integer),
            method("as_integer_ratio", float_as_integer_ratio),
            method("hex", float_hex),
            classmethod("fromhex", float_fromhex),
            classmethod("__getformat__", float_getformat),
            method("conjugate", float_conjugate),
            method("__round__", float_round),
            method("__divmod__", float_divmod_method),
            method("__rdivmod__", float_rdivmod_method),
            method("__trunc__", float_trunc),
            method("__floor__", float_floor),
            method("__ceil__", float_ceil),
            method("__format__", float_format),
            method("__getnewargs__", float_getnewargs),
        ],
    );
    add_getset(ts, ty, "real", get_real, None);
    add_getset(ts, ty, "imag", get_imag, None);
}
