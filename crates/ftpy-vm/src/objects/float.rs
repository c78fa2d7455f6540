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

/// `x ** y` for floats, with CPython's special cases.
pub fn float_power(ts: &mut ThreadState, x: f64, y: f64) -> PyResult<Value> {
    if y == 0.0 {
        return Ok(new_float(ts, 1.0));
    }
    if x.is_nan() {
        return Ok(new_float(ts, if y == 0.0 { 1.0 } else { x }));
    }
    if y.is_nan() {
        return Ok(new_float(ts, if x == 1.0 { 1.0 } else { y }));
    }
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return Err(ts.zero_division_error("0.0 cannot be raised to a negative power"));
    }
    if x < 0.0 && y.is_finite() && y.floor() != y {
        // A negative base with a fractional exponent: a complex result.
        return crate::objects::complex::complex_pow_real(ts, x, y);
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(ts.overflow_error("(34, 'Numerical result out of range')"));
    }
    Ok(new_float(ts, r))
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

/// Parses a float literal as `float(str)` does.
pub fn parse_float(s: &str) -> Option<f64> {
    let t = crate::unicode::ascii_digits(s);
    let t = t.as_ref();
    if t.is_empty() {
        return None;
    }
    let lower = t.to_ascii_lowercase();
    let (sign, body) = match lower.as_bytes()[0] {
        b'-' => (-1.0, &lower[1..]),
        b'+' => (1.0, &lower[1..]),
        _ => (1.0, &lower[..]),
    };
    match body {
        "inf" | "infinity" => return Some(sign * f64::INFINITY),
        "nan" => return Some(if sign < 0.0 { -f64::NAN } else { f64::NAN }),
        _ => {}
    }
    // Underscores only between digits.
    if body.contains('_') {
        let b = body.as_bytes();
        for (i, &c) in b.iter().enumerate() {
            if c == b'_' {
                let ok = i > 0
                    && i + 1 < b.len()
                    && b[i - 1].is_ascii_digit()
                    && b[i + 1].is_ascii_digit();
                if !ok {
                    return None;
                }
            }
        }
    }
    let clean: String = body.chars().filter(|&c| c != '_').collect();
    if !clean
        .bytes()
        .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'+' | b'-'))
    {
        return None;
    }
    if !clean.bytes().any(|c| c.is_ascii_digit()) || clean.starts_with(['+', '-']) {
        return None;
    }
    clean.parse::<f64>().ok().map(|f| sign * f)
}

/// `float(x)` conversion.
pub fn to_float(ts: &mut ThreadState, x: Value) -> PyResult<f64> {
    if let Some(f) = x.as_float() {
        return Ok(f);
    }
    if let Some(i) = x.as_small_int() {
        return Ok(i as f64);
    }
    if let Some(s) = x.downcast::<StrObj>() {
        return match parse_float(s.as_str()) {
            Some(f) => Ok(f),
            None => {
                let r = crate::ops::repr_string(ts, x)?;
                Err(ts.value_error(format!("could not convert string to float: {r}")))
            }
        };
    }
    if let Some(b) = crate::objects::bytes::bytes_data(x) {
        let s = String::from_utf8_lossy(&b).into_owned();
        return match parse_float(&s) {
            Some(f) => Ok(f),
            None => {
                let r = crate::ops::repr_string(ts, x)?;
                Err(ts.value_error(format!("could not convert string to float: {r}")))
            }
        };
    }
    let ty = type_of(x);
    if let Some(f) = ty.slots.float.get() {
        let r = f(ts, x)?;
        return match as_f64(r) {
            Some(v) => Ok(v),
            None => Err(ts.type_error(format!(
                "{}.__float__ returned non-float (type {})",
                type_name(x),
                type_name(r)
            ))),
        };
    }
    if ty.slots.index.get().is_some() {
        let i = crate::ops::index(ts, x)?;
        return int_to_f64(ts, i);
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
    if kw.map(|k| k.len()).unwrap_or(0) > 0 {
        return Err(ts.type_error("float() takes no keyword arguments"));
    }
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
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let f = self_f64(ts, args)?;
    Ok(Value::from_bool(f.is_finite() && f.floor() == f))
}

fn float_as_integer_ratio(
    ts: &mut ThreadState,
    args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
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

fn float_hex(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let f = self_f64(ts, args)?;
    let s = if f.is_nan() {
        "nan".to_string()
    } else if f.is_infinite() {
        if f > 0.0 { "inf" } else { "-inf" }.to_string()
    } else if f == 0.0 {
        if f.is_sign_negative() {
            "-0x0.0p+0"
        } else {
            "0x0.0p+0"
        }
        .to_string()
    } else {
        let bits = f.to_bits();
        let neg = bits >> 63 == 1;
        let exp = ((bits >> 52) & 0x7ff) as i64;
        let man = bits & ((1 << 52) - 1);
        let (lead, e) = if exp == 0 {
            (0, -1022)
        } else {
            (1, exp - 1023)
        };
        let mut hex = format!("{man:013x}");
        while hex.len() > 1 && hex.ends_with('0') {
            hex.pop();
        }
        format!(
            "{}0x{lead}.{hex}p{}{}",
            if neg { "-" } else { "" },
            if e < 0 { "-" } else { "+" },
            e.abs()
        )
    };
    Ok(StrObj::new(ts, &s))
}

fn float_fromhex(
    ts: &mut ThreadState,
    args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let s = match args.get(1).and_then(|&v| v.downcast::<StrObj>()) {
        Some(s) => s.as_str().trim().to_ascii_lowercase(),
        None => return Err(ts.type_error("fromhex() argument must be str")),
    };
    let (neg, body) = match s.strip_prefix('-') {
        Some(b) => (true, b.to_string()),
        None => (false, s.trim_start_matches('+').to_string()),
    };
    let parsed = match body.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => {
            let b = body.trim_start_matches("0x");
            let (mant, exp) = match b.split_once('p') {
                Some((m, e)) => (m, e.parse::<i64>().ok()),
                None => (b, Some(0)),
            };
            let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
            let mut val = 0f64;
            let mut ok = !(ip.is_empty() && fp.is_empty());
            for c in ip.chars() {
                match c.to_digit(16) {
                    Some(d) => val = val * 16.0 + d as f64,
                    None => ok = false,
                }
            }
            let mut scale = 1.0 / 16.0;
            for c in fp.chars() {
                match c.to_digit(16) {
                    Some(d) => {
                        val += d as f64 * scale;
                        scale /= 16.0;
                    }
                    None => ok = false,
                }
            }
            match (ok, exp) {
                (true, Some(e)) => Some(val * 2f64.powi(e.clamp(-2000, 2000) as i32)),
                _ => None,
            }
        }
    };
    match parsed {
        Some(f) => {
            let f = if neg { -f } else { f };
            let cls = args[0];
            if cls == types().float.value() {
                Ok(new_float(ts, f))
            } else {
                let v = new_float(ts, f);
                crate::ops::call1(ts, cls, v)
            }
        }
        None => Err(ts.value_error("invalid hexadecimal floating-point string")),
    }
}

fn float_conjugate(
    ts: &mut ThreadState,
    args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
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

fn float_round(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let f = self_f64(ts, args)?;
    match args.get(1) {
        None => round_to_int(ts, f),
        Some(v) if v.is_none() => round_to_int(ts, f),
        Some(&n) => {
            let n = crate::ops::index_to_i64(ts, n)?;
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

fn float_trunc(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let f = self_f64(ts, args)?;
    int_from_f64(ts, f)
}

fn float_floor(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let f = self_f64(ts, args)?;
    int_from_f64(ts, f.floor())
}

fn float_ceil(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let f = self_f64(ts, args)?;
    int_from_f64(ts, f.ceil())
}

fn float_format(
    ts: &mut ThreadState,
    args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let f = self_f64(ts, args)?;
    let spec = match args.get(1) {
        Some(&s) => crate::objects::str::expect_str(ts, s, "format spec")?,
        None => return Err(ts.type_error("__format__() takes exactly one argument")),
    };
    crate::format::format_float(ts, f, spec.as_str())
}

fn float_getnewargs(
    ts: &mut ThreadState,
    args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
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
