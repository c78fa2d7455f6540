//! `int` (and the arithmetic of `bool`).
//!
//! Small ints (48 bits) live in the `Value` itself; larger ones, and
//! instances of int subclasses, are `IntObj`s: an `i64` or an `i128` held
//! inline, or a `num_bigint::BigInt` (Rust heap memory, freed when the
//! object is swept) beyond that. Every operation normalizes its result: a
//! value that fits a small int is always a small int, so "is it small?" is
//! a tag test and big ints are invisible to programs. Arithmetic tries the
//! `i64` and then the `i128` range before it falls back to `BigInt`, so
//! 64-bit work (hashes, masks with `(1 << 64) - 1`, LCGs, Fibonacci modulo
//! 2**64) allocates one small object per result and never calls `malloc`.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::borrow::Cow;

use crate::error::PyResult;
use crate::gc::Marker;
use crate::interp::{interp, types, BuiltinTypes};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::float::libm;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, type_of, TypeObj};
use crate::objects::{add_getset, add_methods, classmethod, method};
use crate::thread::ThreadState;
use crate::value::Value;
use ftpy_compiler::{BinaryOp, CompareOp};

#[repr(C)]
pub struct IntObj {
    pub header: Header,
    value: IntRepr,
}

/// A heap int: an `i64` that does not fit a small int ("medium"), an
/// `i128` that does not fit an `i64` ("wide", stored as two words so the
/// object needs no 16-byte alignment), both with no memory of their own,
/// or a big int whose digits are Rust heap memory. Normalized: `Wide`
/// never holds a value that fits an `i64`, `Big` never one that fits an
/// `i128`.
enum IntRepr {
    Medium(i64),
    Wide { lo: u64, hi: u64 },
    Big(BigInt),
}

impl IntRepr {
    /// The representation of `i` (never `Big`).
    #[inline]
    fn of_i128(i: i128) -> IntRepr {
        match i64::try_from(i) {
            Ok(m) => IntRepr::Medium(m),
            Err(_) => IntRepr::Wide {
                lo: i as u64,
                hi: (i >> 64) as u64,
            },
        }
    }

    /// The representation of `b`, normalized.
    fn of_big(b: BigInt) -> IntRepr {
        match b.to_i128() {
            Some(i) => IntRepr::of_i128(i),
            None => IntRepr::Big(b),
        }
    }
}

// SAFETY: repr(C), Header first; no references; the BigInt's buffer is
// Rust heap memory freed by drop_native.
unsafe impl HeapObj for IntObj {
    const KIND: Kind = Kind::Int;
    fn trace(&self, _m: &mut Marker) {}
    const NEEDS_DROP: bool = true;
    /// Only a big int's digits are native memory.
    #[inline(always)]
    fn owns_native(&self) -> bool {
        matches!(self.value, IntRepr::Big(_))
    }
    unsafe fn drop_native(this: *mut Self) {
        // SAFETY: called once by the sweeper on a dead object.
        unsafe { std::ptr::drop_in_place(&mut (*this).value) }
    }
}

impl IntObj {
    /// The value as a `BigInt` (borrowed when it is one).
    pub fn value(&self) -> Cow<'_, BigInt> {
        match &self.value {
            IntRepr::Medium(i) => Cow::Owned(BigInt::from(*i)),
            IntRepr::Wide { .. } => Cow::Owned(BigInt::from(self.as_i128().unwrap_or(0))),
            IntRepr::Big(b) => Cow::Borrowed(b),
        }
    }

    #[inline]
    fn as_i64(&self) -> Option<i64> {
        match &self.value {
            IntRepr::Medium(i) => Some(*i),
            _ => None,
        }
    }

    #[inline]
    fn as_i128(&self) -> Option<i128> {
        match &self.value {
            IntRepr::Medium(i) => Some(*i as i128),
            IntRepr::Wide { lo, hi } => Some(((*hi as i128) << 64) | *lo as i128),
            IntRepr::Big(_) => None,
        }
    }

    fn is_negative(&self) -> bool {
        match &self.value {
            IntRepr::Medium(i) => *i < 0,
            IntRepr::Wide { hi, .. } => (*hi as i64) < 0,
            IntRepr::Big(b) => b.is_negative(),
        }
    }
}

/// An int value from an `i64`.
#[inline]
pub fn int_from_i64(ts: &mut ThreadState, i: i64) -> Value {
    match Value::small_int(i) {
        Some(v) => v,
        None => alloc_int(ts, types().int, IntRepr::Medium(i)),
    }
}

/// An int value from an `i128`.
#[inline]
pub fn int_from_i128(ts: &mut ThreadState, i: i128) -> Value {
    if let Ok(x) = i64::try_from(i) {
        return int_from_i64(ts, x);
    }
    alloc_int(ts, types().int, IntRepr::of_i128(i))
}

pub fn int_from_u64(ts: &mut ThreadState, i: u64) -> Value {
    int_from_i128(ts, i as i128)
}

/// An int value from a `BigInt` (normalized).
pub fn int_from_big(ts: &mut ThreadState, b: BigInt) -> Value {
    if let Some(i) = b.to_i128() {
        return int_from_i128(ts, i);
    }
    alloc_int(ts, types().int, IntRepr::Big(b))
}

/// A heap int of type `ty` (int or a subclass) holding `b`.
fn alloc_big(ts: &mut ThreadState, ty: Gc<TypeObj>, b: BigInt) -> Value {
    alloc_int(ts, ty, IntRepr::of_big(b))
}

fn alloc_int(ts: &mut ThreadState, ty: Gc<TypeObj>, repr: IntRepr) -> Value {
    if let IntRepr::Big(b) = &repr {
        // The digits live in Rust heap memory the object owns: count them
        // towards the collector's allocation budget (may collect; `repr`
        // holds no heap references).
        ts.note_external_alloc(b.bits() as usize / 8);
    }
    if ty.attrs_offset != 0 {
        let size = std::mem::size_of::<IntObj>() + crate::objects::instance::ATTR_STORE_SIZE;
        let g = ts.alloc_var(size, |p: *mut IntObj| {
            // SAFETY: room for the object and its attribute store.
            unsafe {
                p.write(IntObj {
                    header: Header::new(ty, Kind::Int, 0),
                    value: repr,
                });
            }
        });
        crate::objects::instance::init_attr_store_at(g.addr() + ty.attrs_offset as usize, 0);
        return g.value();
    }
    ts.alloc(IntObj {
        header: Header::new(ty, Kind::Int, 0),
        value: repr,
    })
    .value()
}

/// Whether `v` is an int (including bool and subclasses).
#[inline]
pub fn is_int(v: Value) -> bool {
    v.is_small_int() || v.is_bool() || v.is_kind(Kind::Int)
}

/// Whether `v` is an exact int (not bool, not a subclass).
#[inline]
pub fn is_exact_int(v: Value) -> bool {
    v.is_small_int() || (v.is_kind(Kind::Int) && type_of(v) == types().int)
}

/// The value of an int as an `i64`, if it is an int that fits.
#[inline]
pub fn to_i64(v: Value) -> Option<i64> {
    if let Some(i) = v.as_small_int() {
        return Some(i);
    }
    if let Some(b) = v.as_bool() {
        return Some(b as i64);
    }
    v.downcast::<IntObj>()?.obj().as_i64()
}

/// The value of an int as an `i128`, if it is an int that fits.
#[inline]
pub fn to_i128(v: Value) -> Option<i128> {
    if let Some(i) = v.as_small_int() {
        return Some(i as i128);
    }
    if let Some(b) = v.as_bool() {
        return Some(b as i128);
    }
    v.downcast::<IntObj>()?.obj().as_i128()
}

/// `to_i64`, saturating at the `i64` range for big ints (0 for non-ints).
pub fn to_i64_saturating(v: Value) -> i64 {
    if let Some(i) = to_i64(v) {
        return i;
    }
    match v.downcast::<IntObj>() {
        Some(b) if b.obj().is_negative() => i64::MIN,
        Some(_) => i64::MAX,
        None => 0,
    }
}

/// The value of an int as a `BigInt`.
#[inline]
pub fn to_big(v: Value) -> Option<Cow<'static, BigInt>> {
    if let Some(i) = v.as_small_int() {
        return Some(Cow::Owned(BigInt::from(i)));
    }
    if let Some(b) = v.as_bool() {
        return Some(Cow::Owned(BigInt::from(b as i64)));
    }
    v.downcast::<IntObj>().map(|o| o.obj().value())
}

/// `hash()` of an int value.
pub fn hash_int(v: Value) -> i64 {
    if let Some(i) = to_i64(v) {
        return crate::hash::hash_i64(i);
    }
    if let Some(i) = to_i128(v) {
        let m = i.unsigned_abs();
        return crate::hash::hash_big(i < 0, &[m as u64, (m >> 64) as u64]);
    }
    match v.downcast::<IntObj>() {
        Some(o) => {
            let (sign, digits) = o.obj().value().to_u64_digits();
            crate::hash::hash_big(sign == Sign::Minus, &digits)
        }
        None => 0,
    }
}

/// `float(i)` for an int, OverflowError when too large.
pub fn int_to_f64(ts: &mut ThreadState, v: Value) -> PyResult<f64> {
    if let Some(i) = to_i64(v) {
        // One machine conversion (the i128 one is a library call).
        return Ok(i as f64);
    }
    if let Some(i) = to_i128(v) {
        // Rust's int-to-float conversion rounds to nearest, ties to even,
        // as CPython's does.
        return Ok(i as f64);
    }
    let b = to_big(v).ok_or_else(|| ts.type_error("expected an int"))?;
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(ts.overflow_error("int too large to convert to float")),
    }
}

/// Exact comparison of int/float/bool values; None for anything else.
pub fn numeric_eq(a: Value, b: Value) -> Option<bool> {
    numeric_cmp(a, b).map(|o| o == Some(std::cmp::Ordering::Equal))
}

/// Exact ordering of ints and floats (None inside: unordered, a NaN).
pub fn numeric_cmp(a: Value, b: Value) -> Option<Option<std::cmp::Ordering>> {
    let fa = a.as_float();
    let fb = b.as_float();
    match (fa, fb) {
        (Some(x), Some(y)) => return Some(x.partial_cmp(&y)),
        (Some(x), None) => {
            let yb = to_big(b)?;
            return Some(cmp_float_big(x, &yb));
        }
        (None, Some(y)) => {
            let xb = to_big(a)?;
            return Some(cmp_float_big(y, &xb).map(|o| o.reverse()));
        }
        _ => {}
    }
    if let (Some(x), Some(y)) = (to_i128(a), to_i128(b)) {
        return Some(Some(x.cmp(&y)));
    }
    let x = to_big(a)?;
    let y = to_big(b)?;
    Some(Some(x.as_ref().cmp(y.as_ref())))
}

/// Compares a float with an int exactly.
fn cmp_float_big(x: f64, y: &BigInt) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 {
            Ordering::Greater
        } else {
            Ordering::Less
        });
    }
    if let Some(yi) = y.to_i64() {
        if yi.unsigned_abs() < (1u64 << 53) {
            return x.partial_cmp(&(yi as f64));
        }
    }
    // Compare floor(x) with y, then the fraction.
    let fl = x.floor();
    let xb = BigInt::from_f64_exact(fl);
    match xb.cmp(y) {
        Ordering::Equal => {
            if x > fl {
                Some(Ordering::Greater)
            } else {
                Some(Ordering::Equal)
            }
        }
        o => Some(o),
    }
}

trait FromF64Exact {
    fn from_f64_exact(f: f64) -> BigInt;
}

impl FromF64Exact for BigInt {
    fn from_f64_exact(f: f64) -> BigInt {
        num_traits::FromPrimitive::from_f64(f).unwrap_or_else(BigInt::zero)
    }
}

/// A float known to be integral and finite, as an int.
pub fn int_from_f64(ts: &mut ThreadState, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(ts.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(ts.overflow_error("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.0e15 {
        return Ok(int_from_i64(ts, t as i64));
    }
    Ok(int_from_big(ts, BigInt::from_f64_exact(t)))
}

// ---- str conversion -----------------------------------------------------------

fn max_str_digits() -> usize {
    interp()
        .int_max_str_digits
        .load(std::sync::atomic::Ordering::Relaxed)
}

/// `str(i)` / `repr(i)`.
pub fn int_to_string(ts: &mut ThreadState, v: Value) -> PyResult<String> {
    if let Some(i) = to_i64(v) {
        return Ok(i.to_string());
    }
    let b = to_big(v).ok_or_else(|| ts.type_error("expected an int"))?;
    let limit = max_str_digits();
    if limit > 0 {
        // A quick bound: digits >= bits * log10(2).
        let bits = b.bits();
        if (bits as f64 * std::f64::consts::LOG10_2) as usize > limit + 1 {
            return Err(ts.value_error(format!(
                "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
            )));
        }
    }
    let s = b.to_string();
    let digits = s.trim_start_matches('-').len();
    if limit > 0 && digits > limit {
        return Err(ts.value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    Ok(s)
}

fn int_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    if let Some(b) = v.as_bool() {
        return Ok(StrObj::new(ts, if b { "True" } else { "False" }));
    }
    let s = int_to_string(ts, v)?;
    Ok(StrObj::new(ts, &s))
}

/// Parses an int literal as `int(s, base)` does. `Err(())` for invalid.
pub fn parse_int(s: &str, base: u32) -> Result<BigInt, ()> {
    let t = s.trim_matches(|c: char| c.is_whitespace());
    let (neg, mut t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let mut base = base;
    let lower = t.to_ascii_lowercase();
    let prefixed = |p: &str| lower.starts_with(p);
    if base == 0 {
        if prefixed("0x") {
            base = 16;
            t = &t[2..];
        } else if prefixed("0o") {
            base = 8;
            t = &t[2..];
        } else if prefixed("0b") {
            base = 2;
            t = &t[2..];
        } else {
            base = 10;
            // "010" is invalid with base 0 (except all zeros).
            if t.len() > 1 && t.starts_with('0') && t.bytes().any(|c| c != b'0' && c != b'_') {
                return Err(());
            }
        }
        if base != 10 && t.starts_with('_') {
            t = &t[1..];
        }
    } else if (base == 16 && prefixed("0x"))
        || (base == 8 && prefixed("0o"))
        || (base == 2 && prefixed("0b"))
    {
        t = &t[2..];
        if t.starts_with('_') {
            t = &t[1..];
        }
    }
    if t.is_empty() || t.starts_with('_') || t.ends_with('_') || t.contains("__") {
        return Err(());
    }
    let mut digits: Vec<u8> = Vec::with_capacity(t.len());
    for c in t.chars() {
        if c == '_' {
            continue;
        }
        let d = match c.to_digit(36) {
            Some(d) => d,
            None => match unicode_decimal(c) {
                Some(d) => d,
                None => return Err(()),
            },
        };
        if d >= base {
            return Err(());
        }
        digits.push(d as u8);
    }
    let mag = BigInt::from_radix_be(Sign::Plus, &digits, base).ok_or(())?;
    Ok(if neg { -mag } else { mag })
}

fn unicode_decimal(c: char) -> Option<u32> {
    crate::unicode::decimal_value(c)
}

/// `int(str, base)` with CPython's errors; `orig` is the str (its repr goes
/// into the message).
pub fn int_from_str(ts: &mut ThreadState, s: &str, base: u32, orig: Value) -> PyResult<Value> {
    match int_from_text(ts, s, base)? {
        Some(v) => Ok(v),
        None => {
            let r = crate::ops::repr_string(ts, orig)?;
            Err(ts.value_error(format!("invalid literal for int() with base {base}: {r}")))
        }
    }
}

/// `int(bytes_like, base)`: as CPython, the message shows the data as a
/// plain bytes repr, whatever the argument's type (a subclass, bytearray,
/// memoryview).
fn int_from_bytes_literal(ts: &mut ThreadState, b: &[u8], base: u32) -> PyResult<Value> {
    let s = String::from_utf8_lossy(b);
    match int_from_text(ts, &s, base)? {
        Some(v) => Ok(v),
        None => {
            let r = crate::objects::bytes::repr_bytes(b, "b");
            Err(ts.value_error(format!("invalid literal for int() with base {base}: {r}")))
        }
    }
}

/// How many digits of `s` count against the int-to-str digit limit: as
/// CPython, only bases that are not powers of two are limited, and the
/// count is the leading run of digits valid in the base (after blanks,
/// sign and prefix), underscores not counted; a literal made invalid by a
/// later character is reported as over the limit when that run is.
fn limited_digit_count(s: &str, base: u32) -> usize {
    let t = s.trim_start().trim_start_matches(['+', '-']);
    let base = match base {
        0 => {
            let p = t.get(..2).map(str::to_ascii_lowercase);
            match p.as_deref() {
                Some("0x" | "0o" | "0b") => return 0,
                _ => 10,
            }
        }
        b => b,
    };
    if base.is_power_of_two() {
        return 0;
    }
    let mut n = 0;
    let mut prev_underscore = false;
    for c in t.chars() {
        if c == '_' {
            if prev_underscore {
                break;
            }
            prev_underscore = true;
            continue;
        }
        prev_underscore = false;
        let d = c.to_digit(36).or_else(|| unicode_decimal(c));
        match d {
            Some(d) if d < base => n += 1,
            _ => break,
        }
    }
    n
}

/// The int `s` spells in `base`, or None when it is not a valid literal
/// (the digit limit raises at once).
fn int_from_text(ts: &mut ThreadState, s: &str, base: u32) -> PyResult<Option<Value>> {
    let limit = max_str_digits();
    if limit > 0 {
        let nd = limited_digit_count(s, base);
        if nd > limit {
            return Err(ts.value_error(format!(
                "Exceeds the limit ({limit} digits) for integer string conversion: value has {nd} digits; use sys.set_int_max_str_digits() to increase the limit"
            )));
        }
    }
    Ok(parse_int(s, base).ok().map(|b| int_from_big(ts, b)))
}

// ---- arithmetic ------------------------------------------------------------------

/// Both operands as ints, or None (the slot then returns NotImplemented).
#[inline]
fn both(a: Value, b: Value) -> Option<(Cow<'static, BigInt>, Cow<'static, BigInt>)> {
    // `b` first: `int * float` reaches here with a non-int `b`, and a
    // small `a` would be converted (allocated) for nothing.
    let y = to_big(b)?;
    Some((to_big(a)?, y))
}

/// Returns the result of `$e` on both operands as `i64`s, then as
/// `i128`s, when they fit and `$e` does not overflow.
macro_rules! small_fast {
    ($ts:ident, $a:expr, $b:expr, $e:ident) => {
        if let (Some(x), Some(y)) = (to_i64($a), to_i64($b)) {
            if let Some(r) = x.$e(y) {
                return Ok(int_from_i64($ts, r));
            }
        }
        if let (Some(x), Some(y)) = (to_i128($a), to_i128($b)) {
            if let Some(r) = x.$e(y) {
                return Ok(int_from_i128($ts, r));
            }
        }
    };
}

/// A big int operand and a machine-word one, in either order (the big
/// one first): `big op word` then needs no BigInt for the word (an
/// allocation) for the commutative operators.
fn big_and_word(a: Value, b: Value) -> Option<(&'static BigInt, i64)> {
    fn big(v: Value) -> Option<&'static BigInt> {
        match &v.downcast::<IntObj>()?.obj().value {
            IntRepr::Big(b) => Some(b),
            _ => None,
        }
    }
    match (big(a), big(b)) {
        (Some(x), None) => Some((x, to_i64(b)?)),
        (None, Some(y)) => Some((y, to_i64(a)?)),
        _ => None,
    }
}

pub fn int_add(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    small_fast!(ts, a, b, checked_add);
    if let Some((x, w)) = big_and_word(a, b) {
        return Ok(int_from_big(ts, x + w));
    }
    let Some((x, y)) = both(a, b) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    Ok(int_from_big(ts, x.as_ref() + y.as_ref()))
}

pub fn int_sub(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    small_fast!(ts, a, b, checked_sub);
    let Some((x, y)) = both(a, b) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    Ok(int_from_big(ts, x.as_ref() - y.as_ref()))
}

pub fn int_mul(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    small_fast!(ts, a, b, checked_mul);
    if let Some((x, w)) = big_and_word(a, b) {
        return Ok(int_from_big(ts, x * w));
    }
    let Some((x, y)) = both(a, b) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    Ok(int_from_big(ts, x.as_ref() * y.as_ref()))
}

fn zero_div(ts: &mut ThreadState, what: &str) -> crate::error::PyErr {
    ts.zero_division_error(what)
}

pub fn int_floordiv(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (to_i64(a), to_i64(b)) {
        if y == 0 {
            return Err(zero_div(ts, "integer division or modulo by zero"));
        }
        if let Some(q) = floor_div_i64(x, y) {
            return Ok(int_from_i64(ts, q));
        }
    }
    if let (Some(x), Some(y)) = (to_i128(a), to_i128(b)) {
        if y != 0 {
            if let Some(q) = floor_div_i128(x, y) {
                return Ok(int_from_i128(ts, q));
            }
        }
    }
    let Some((x, y)) = both(a, b) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if y.is_zero() {
        return Err(zero_div(ts, "integer division or modulo by zero"));
    }
    Ok(int_from_big(ts, x.div_floor(&y)))
}

/// Python's floor division and modulo (the sign of the divisor) on a
/// machine integer type; None on overflow or a zero divisor.
macro_rules! floor_ops {
    ($div:ident, $rem:ident, $t:ty) => {
        #[inline]
        pub fn $div(x: $t, y: $t) -> Option<$t> {
            let q = x.checked_div(y)?;
            if (x % y != 0) && ((x < 0) != (y < 0)) {
                Some(q - 1)
            } else {
                Some(q)
            }
        }

        #[inline]
        pub fn $rem(x: $t, y: $t) -> Option<$t> {
            let r = x.checked_rem(y)?;
            if r != 0 && ((r < 0) != (y < 0)) {
                Some(r + y)
            } else {
                Some(r)
            }
        }
    };
}

floor_ops!(floor_div_i64, floor_mod_i64, i64);
floor_ops!(floor_div_i128, floor_mod_i128, i128);

pub fn int_mod(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (to_i64(a), to_i64(b)) {
        if y == 0 {
            return Err(zero_div(ts, "integer modulo by zero"));
        }
        if let Some(r) = floor_mod_i64(x, y) {
            return Ok(int_from_i64(ts, r));
        }
    }
    if let (Some(x), Some(y)) = (to_i128(a), to_i128(b)) {
        if y != 0 {
            if let Some(r) = floor_mod_i128(x, y) {
                return Ok(int_from_i128(ts, r));
            }
        }
    }
    let Some((x, y)) = both(a, b) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if y.is_zero() {
        return Err(zero_div(ts, "integer modulo by zero"));
    }
    Ok(int_from_big(ts, x.mod_floor(&y)))
}

/// Correctly rounded `a / b` for ints.
pub fn int_truediv(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    // Both exactly representable as floats: one correctly rounded division.
    if let (Some(p), Some(q)) = (to_i64(a), to_i64(b)) {
        const EXACT: u64 = 1 << 53;
        if q != 0 && p.unsigned_abs() <= EXACT && q.unsigned_abs() <= EXACT {
            return Ok(Value::from_f64(p as f64 / q as f64));
        }
    }
    let Some((x, y)) = both(a, b) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if y.is_zero() {
        return Err(zero_div(ts, "division by zero"));
    }
    match true_divide(&x, &y) {
        Some(f) => Ok(Value::from_f64(f)),
        None => Err(ts.overflow_error("integer division result too large for a float")),
    }
}

/// Correctly rounded quotient of two ints as a float (None on overflow),
/// subnormal results included.
///
/// The quotient is computed as an integer with 55 or 56 significant bits
/// (fewer kept for a subnormal result: the precision is capped at the
/// smallest float exponent), the bits beyond the float's precision are
/// rounded half to even with a sticky bit for every inexact step, and the
/// exact result is scaled by a power of two.
pub fn true_divide(x: &BigInt, y: &BigInt) -> Option<f64> {
    const EXACT: u64 = 1 << 53;
    const MANT_DIG: i64 = 53;
    const MIN_EXP: i64 = -1021;
    const MAX_EXP: i64 = 1024;
    if let (Some(p), Some(q)) = (x.to_i64(), y.to_i64()) {
        if p.unsigned_abs() <= EXACT && q.unsigned_abs() <= EXACT {
            return Some(p as f64 / q as f64);
        }
    }
    let neg = x.is_negative() != y.is_negative();
    let signed = |f: f64| if neg { -f } else { f };
    let a = x.magnitude();
    let b = y.magnitude();
    if a.is_zero() {
        return Some(signed(0.0));
    }
    // a / b lies in [2**(diff-1), 2**(diff+1)).
    let diff = a.bits() as i64 - b.bits() as i64;
    if diff > MAX_EXP {
        return None;
    }
    if diff < MIN_EXP - MANT_DIG - 1 {
        return Some(signed(0.0));
    }
    let shift = diff.max(MIN_EXP) - MANT_DIG - 2;
    let mut inexact = false;
    let num = if shift <= 0 {
        a << (-shift) as usize
    } else {
        let kept = a >> shift as usize;
        inexact = (&kept << shift as usize) != *a;
        kept
    };
    let (q, r) = num.div_rem(b);
    inexact |= !r.is_zero();
    // q < 2**57 here; the low `extra` bits go in rounding.
    let mut qv = q.to_u64().unwrap_or(u64::MAX);
    let q_bits = 64 - qv.leading_zeros() as i64;
    let extra = q_bits.max(MIN_EXP - shift) - MANT_DIG;
    let mask = 1u64 << (extra - 1);
    let low = qv | inexact as u64;
    if low & mask != 0 && low & (3 * mask - 1) != 0 {
        qv += mask;
    }
    qv &= !(2 * mask - 1);
    let dx = qv as f64;
    if shift + q_bits >= MAX_EXP
        && (shift + q_bits > MAX_EXP || dx == libm::ldexp(1.0, q_bits as i32))
    {
        return None;
    }
    Some(signed(libm::ldexp(dx, shift as i32)))
}

pub fn int_pow(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    if let (Some(x), Some(e)) = (to_i128(a), to_i64(b)) {
        if let Ok(e) = u32::try_from(e) {
            if let Some(r) = x.checked_pow(e) {
                return Ok(int_from_i128(ts, r));
            }
        }
    }
    let Some((x, y)) = both(a, b) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if y.is_negative() {
        // A negative exponent gives a float.
        let xf = int_to_f64(ts, a)?;
        let yf = int_to_f64(ts, b)?;
        if xf == 0.0 {
            return Err(ts.zero_division_error("0.0 cannot be raised to a negative power"));
        }
        return Ok(Value::from_f64(xf.powf(yf)));
    }
    if let (Some(bx), Some(e)) = (x.to_i64(), y.to_u32()) {
        if let Some(r) = bx.checked_pow(e) {
            return Ok(int_from_i64(ts, r));
        }
    }
    if x.is_zero() || x.as_ref() == &BigInt::one() {
        return Ok(int_from_big(ts, x.into_owned()));
    }
    if x.as_ref() == &BigInt::from(-1) {
        let odd = y.is_odd();
        return Ok(Value::small_int_unchecked(if odd { -1 } else { 1 }));
    }
    let Some(e) = y.to_u32() else {
        return Err(ts.memory_error(""));
    };
    // Refuse results that could not fit in memory.
    let bits = x.bits() as f64 * e as f64;
    if bits > 8.0 * 64.0 * 1024.0 * 1024.0 * 1024.0 {
        return Err(ts.memory_error(""));
    }
    Ok(int_from_big(ts, x.pow(e)))
}

/// `pow(a, b, m)` for ints.
pub fn int_pow_mod(ts: &mut ThreadState, a: Value, b: Value, m: Value) -> PyResult<Value> {
    let (Some(x), Some(y), Some(z)) = (to_big(a), to_big(b), to_big(m)) else {
        return Err(
            ts.type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    };
    if z.is_zero() {
        return Err(ts.value_error("pow() 3rd argument cannot be 0"));
    }
    let (base, exp) = if y.is_negative() {
        match x.modinv(&z) {
            Some(inv) => (inv, -y.as_ref()),
            None => return Err(ts.value_error("base is not invertible for the given modulus")),
        }
    } else {
        (x.into_owned(), y.into_owned())
    };
    let r = base.modpow(&exp, &z.abs());
    // Result takes the sign of the modulus (Python semantics).
    let r = if z.is_negative() && !r.is_zero() {
        r + z.as_ref()
    } else {
        r
    };
    Ok(int_from_big(ts, r))
}

fn shift_count(ts: &mut ThreadState, b: &BigInt) -> PyResult<Option<usize>> {
    if b.is_negative() {
        return Err(ts.value_error("negative shift count"));
    }
    Ok(b.to_usize())
}

pub fn int_lshift(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (to_i64(a), to_i64(b)) {
        if (0..63).contains(&y) {
            let r = x << y;
            if r >> y == x {
                return Ok(int_from_i64(ts, r));
            }
        }
    }
    if let (Some(x), Some(y)) = (to_i128(a), to_i64(b)) {
        if (0..127).contains(&y) {
            let r = x << y;
            if r >> y == x {
                return Ok(int_from_i128(ts, r));
            }
        }
    }
    let Some((x, y)) = both(a, b) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let Some(n) = shift_count(ts, &y)? else {
        if x.is_zero() {
            return Ok(Value::small_int_unchecked(0));
        }
        return Err(ts.overflow_error("too many digits in integer"));
    };
    if let Some(xi) = x.to_i64() {
        if n < 63 && xi.unsigned_abs().leading_zeros() as usize > n + 1 {
            return Ok(int_from_i64(ts, xi << n));
        }
    }
    if x.is_zero() {
        return Ok(Value::small_int_unchecked(0));
    }
    if n > (1usize << 36) {
        return Err(ts.memory_error(""));
    }
    Ok(int_from_big(ts, x.as_ref() << n))
}

pub fn int_rshift(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (to_i64(a), to_i64(b)) {
        if y >= 0 {
            return Ok(int_from_i64(ts, if y >= 64 { x >> 63 } else { x >> y }));
        }
    }
    if let (Some(x), Some(y)) = (to_i128(a), to_i64(b)) {
        if y >= 0 {
            return Ok(int_from_i128(ts, if y >= 128 { x >> 127 } else { x >> y }));
        }
    }
    let Some((x, y)) = both(a, b) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let n = match shift_count(ts, &y)? {
        Some(n) => n,
        None => usize::MAX,
    };
    if let Some(xi) = x.to_i64() {
        return Ok(int_from_i64(
            ts,
            if n >= 64 {
                if xi < 0 {
                    -1
                } else {
                    0
                }
            } else {
                xi >> n
            },
        ));
    }
    if n as u64 >= x.bits() {
        return Ok(Value::small_int_unchecked(if x.is_negative() {
            -1
        } else {
            0
        }));
    }
    // Arithmetic shift (floor) for negatives.
    let r = if x.is_negative() {
        -((-x.as_ref() - 1u32) >> n) - 1u32
    } else {
        x.as_ref() >> n
    };
    Ok(int_from_big(ts, r))
}

macro_rules! bitop {
    ($name:ident, $op:tt, $boolop:tt) => {
        pub fn $name(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
            if let (Some(x), Some(y)) = (a.as_bool(), b.as_bool()) {
                return Ok(Value::from_bool(x $boolop y));
            }
            if let (Some(x), Some(y)) = (to_i64(a), to_i64(b)) {
                return Ok(int_from_i64(ts, x $op y));
            }
            if let (Some(x), Some(y)) = (to_i128(a), to_i128(b)) {
                return Ok(int_from_i128(ts, x $op y));
            }
            let Some((x, y)) = both(a, b) else { return Ok(Value::NOT_IMPLEMENTED) };
            Ok(int_from_big(ts, x.as_ref() $op y.as_ref()))
        }
    };
}

/// `a <op> b` for two exact ints of up to 128 bits each, when the result
/// is computed without a `BigInt` (the interpreter's path for operands
/// that are not both small); `None` sends the operation to the general
/// dispatch (other types, big values, overflow, errors such as division
/// by zero).
#[inline]
pub fn exact_i128_binary(ts: &mut ThreadState, a: Value, b: Value, op: BinaryOp) -> Option<Value> {
    let int_ty = types().int;
    let exact = |v: Value| v.is_small_int() || (v.is_kind(Kind::Int) && type_of(v) == int_ty);
    if !exact(a) || !exact(b) {
        return None;
    }
    let (x, y) = (to_i128(a)?, to_i128(b)?);
    let r = match op {
        BinaryOp::Add => x.checked_add(y)?,
        BinaryOp::Subtract => x.checked_sub(y)?,
        BinaryOp::Multiply => x.checked_mul(y)?,
        BinaryOp::And => x & y,
        BinaryOp::Or => x | y,
        BinaryOp::Xor => x ^ y,
        BinaryOp::RShift if y >= 0 => x >> y.min(127),
        BinaryOp::LShift if (0..127).contains(&y) => {
            let r = x << y;
            if r >> y != x {
                return None;
            }
            r
        }
        BinaryOp::FloorDivide if y != 0 => {
            let q = x.checked_div(y)?;
            if (x % y != 0) && ((x < 0) != (y < 0)) {
                q - 1
            } else {
                q
            }
        }
        BinaryOp::Remainder if y != 0 => {
            let m = x.checked_rem(y)?;
            if m != 0 && ((m < 0) != (y < 0)) {
                m + y
            } else {
                m
            }
        }
        _ => return None,
    };
    Some(int_from_i128(ts, r))
}

bitop!(int_and, &, &);
bitop!(int_or, |, |);
bitop!(int_xor, ^, ^);

fn int_neg(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    if let Some(i) = to_i128(v) {
        if let Some(r) = i.checked_neg() {
            return Ok(int_from_i128(ts, r));
        }
    }
    let x = to_big(v).ok_or_else(|| ts.type_error("bad operand"))?;
    Ok(int_from_big(ts, -x.as_ref()))
}

/// Checks the result `r` of a `__int__` or `__index__` call (`what`): an
/// exact int is returned as is; a strict int subclass is accepted with
/// CPython's DeprecationWarning and returned as an exact int; anything
/// else is a TypeError.
pub fn check_int_result(ts: &mut ThreadState, r: Value, what: &str) -> PyResult<Value> {
    if is_exact_int(r) {
        return Ok(r);
    }
    if !is_int(r) {
        return Err(ts.type_error(format!("{what} returned non-int (type {})", type_name(r))));
    }
    let msg = format!(
        "{what} returned non-int (type {}).  The ability to return an instance of a strict \
         subclass of int is deprecated, and may be removed in a future version of Python.",
        type_name(r)
    );
    crate::sys::warn_named(ts, "DeprecationWarning", &msg, 1)?;
    int_pos(ts, r)
}

fn int_pos(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    if is_exact_int(v) {
        return Ok(v);
    }
    let x = to_big(v).ok_or_else(|| ts.type_error("bad operand"))?;
    Ok(int_from_big(ts, x.into_owned()))
}

fn int_invert(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    if let Some(i) = to_i128(v) {
        return Ok(int_from_i128(ts, !i));
    }
    let x = to_big(v).ok_or_else(|| ts.type_error("bad operand"))?;
    Ok(int_from_big(ts, -x.as_ref() - 1u32))
}

fn int_abs(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    if let Some(i) = to_i128(v) {
        if let Some(r) = i.checked_abs() {
            return Ok(int_from_i128(ts, r));
        }
    }
    let x = to_big(v).ok_or_else(|| ts.type_error("bad operand"))?;
    Ok(int_from_big(ts, x.abs()))
}

fn int_bool(_ts: &mut ThreadState, v: Value) -> PyResult<bool> {
    if let Some(i) = to_i64(v) {
        return Ok(i != 0);
    }
    Ok(to_big(v).map(|b| !b.is_zero()).unwrap_or(true))
}

fn int_hash(_ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    Ok(hash_int(v))
}

fn int_index(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    int_pos(ts, v)
}

fn int_float(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::from_f64(int_to_f64(ts, v)?))
}

fn int_richcompare(_ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    if !is_int(a) || !is_int(b) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let Some(Some(o)) = numeric_cmp(a, b) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    Ok(Value::from_bool(crate::objects::float::ordering_matches(
        o, op,
    )))
}

/// The binary slot table entry for int.
fn int_divmod(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    divmod_method(ts, args, false)
}

fn int_rdivmod(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    divmod_method(ts, args, true)
}

fn divmod_method(ts: &mut ThreadState, args: &[Value], reflected: bool) -> PyResult<Value> {
    let [a, b] = args else {
        return Err(ts.type_error(format!(
            "expected 1 argument, got {}",
            args.len().saturating_sub(1)
        )));
    };
    if !is_int(*b) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let (x, y) = if reflected { (*b, *a) } else { (*a, *b) };
    Ok(crate::builtins::numeric_divmod(ts, x, y)?.unwrap_or(Value::NOT_IMPLEMENTED))
}

fn int_nb(op: BinaryOp) -> Option<crate::objects::typeobj::BinaryFn> {
    Some(match op {
        BinaryOp::Add => int_add,
        BinaryOp::Subtract => int_sub,
        BinaryOp::Multiply => int_mul,
        BinaryOp::FloorDivide => int_floordiv,
        BinaryOp::Remainder => int_mod,
        BinaryOp::TrueDivide => int_truediv,
        BinaryOp::Power => int_pow,
        BinaryOp::LShift => int_lshift,
        BinaryOp::RShift => int_rshift,
        BinaryOp::And => int_and,
        BinaryOp::Or => int_or,
        BinaryOp::Xor => int_xor,
        _ => return None,
    })
}

// ---- int() and methods --------------------------------------------------------------

/// `int(x)` conversion of any value.
pub fn to_int(ts: &mut ThreadState, x: Value) -> PyResult<Value> {
    if is_exact_int(x) {
        return Ok(x);
    }
    if let Some(b) = x.as_bool() {
        return Ok(Value::small_int_unchecked(b as i64));
    }
    if let Some(f) = x.as_float() {
        return int_from_f64(ts, f);
    }
    let ty = type_of(x);
    if let Some(f) = ty.slots.int.get() {
        let r = f(ts, x)?;
        return check_int_result(ts, r, "__int__");
    }
    if ty.slots.index.get().is_some() {
        let r = crate::ops::index(ts, x)?;
        return int_pos(ts, r);
    }
    if let Some(t) = ty.lookup(crate::interp::names().__trunc__) {
        crate::sys::warn_named(
            ts,
            "DeprecationWarning",
            "The delegation of int() to __trunc__ is deprecated.",
            1,
        )?;
        let r = crate::ops::call_unbound(ts, t, x, &[], None)?;
        if is_int(r) {
            return int_pos(ts, r);
        }
        if type_of(r).slots.index.get().is_none() {
            return Err(ts.type_error(format!(
                "__trunc__ returned non-Integral (type {})",
                type_name(r)
            )));
        }
        return crate::ops::index(ts, r);
    }
    // Text and bytes are parsed only after the number protocols: a str
    // subclass with `__int__` is converted by it, as in CPython.
    if let Some(s) = x.downcast::<StrObj>() {
        return int_from_str(ts, s.as_str(), 10, x);
    }
    if let Some(b) = crate::objects::bytes::bytes_data(x) {
        return int_from_bytes_literal(ts, &b, 10);
    }
    Err(ts.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        type_name(x)
    )))
}

fn int_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let a = crate::builtins::args::parse(ts, "int", args, kw, &["", "base"], 0, 2)?;
    let v = match (a.get(0), a.get(1)) {
        (None, None) => Value::small_int_unchecked(0),
        (None, Some(_)) => return Err(ts.type_error("int() missing string argument")),
        (Some(x), None) => to_int(ts, x)?,
        (Some(x), Some(base)) => {
            // Saturating, as CPython's PyNumber_AsSsize_t(base, NULL).
            let base = crate::ops::index(ts, base)?;
            let base = to_i64_saturating(base);
            if base != 0 && !(2..=36).contains(&base) {
                return Err(ts.value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            // Only str, bytes and bytearray (and their subclasses) take a
            // base; other buffers (memoryview, array) do not.
            if let Some(s) = x.downcast::<StrObj>() {
                let text = s.as_str().to_string();
                int_from_str(ts, &text, base as u32, x)?
            } else if x.downcast::<crate::objects::bytes::BytesObj>().is_some()
                || x.downcast::<crate::objects::bytearray::BytearrayObj>()
                    .is_some()
            {
                let b = crate::objects::bytes::bytes_data(x).unwrap_or_default();
                int_from_bytes_literal(ts, &b, base as u32)?
            } else {
                return Err(ts.type_error("int() can't convert non-string with explicit base"));
            }
        }
    };
    if cls == types().int {
        return Ok(v);
    }
    // A subclass: box the value in an instance of `cls`.
    let b = to_big(v).map(|c| c.into_owned()).unwrap_or_default();
    Ok(alloc_big(ts, cls, b))
}

fn self_int(ts: &mut ThreadState, args: &[Value]) -> PyResult<Cow<'static, BigInt>> {
    match args.first().and_then(|&v| to_big(v)) {
        Some(b) => Ok(b),
        None => Err(ts.type_error("descriptor requires an 'int' object")),
    }
}

fn int_bit_length(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("int.bit_length($self, /)");
    SIG.bind::<1>(ts, args, kw)?;
    let b = self_int(ts, args)?;
    Ok(int_from_i64(ts, b.bits() as i64))
}

fn int_bit_count(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("int.bit_count($self, /)");
    SIG.bind::<1>(ts, args, kw)?;
    let b = self_int(ts, args)?;
    let (_, digits) = b.to_u64_digits();
    let n: u64 = digits.iter().map(|d| d.count_ones() as u64).sum();
    Ok(int_from_i64(ts, n as i64))
}

fn int_conjugate(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("int.conjugate($self, /)").without_text_signature();
    SIG.bind::<1>(ts, args, kw)?;
    let b = self_int(ts, args)?;
    Ok(int_from_big(ts, b.into_owned()))
}

fn int_as_integer_ratio(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("int.as_integer_ratio($self, /)");
    SIG.bind::<1>(ts, args, kw)?;
    let b = self_int(ts, args)?;
    let n = int_from_big(ts, b.into_owned());
    Ok(TupleObj::new(ts, &[n, Value::small_int_unchecked(1)]).value())
}

fn int_round(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("int.__round__($self, ndigits=<unrepresentable>, /)");
    SIG.bind::<2>(ts, args, kw)?;
    let b = self_int(ts, args)?;
    let nd = match args.get(1) {
        None => return Ok(int_from_big(ts, b.into_owned())),
        Some(v) if v.is_none() => return Ok(int_from_big(ts, b.into_owned())),
        Some(&v) => {
            let i = crate::ops::index(ts, v)?;
            to_big(i).map(|c| c.into_owned()).unwrap_or_default()
        }
    };
    if !nd.is_negative() {
        return Ok(int_from_big(ts, b.into_owned()));
    }
    // Round to a multiple of 10**-nd, half to even. A power of ten with
    // more digits than the int (plus one) rounds it to 0.
    let digits_bound = (b.bits() as f64 * std::f64::consts::LOG10_2) as u64 + 2;
    let k = match (-nd).to_u64() {
        Some(k) if k <= digits_bound => k,
        _ => return Ok(Value::small_int_unchecked(0)),
    };
    let p = BigInt::from(10u32).pow(k as u32);
    let (q, r) = b.div_mod_floor(&p);
    let twice = &r * 2u32;
    let q = match twice.cmp(&p) {
        std::cmp::Ordering::Greater => q + 1u32,
        std::cmp::Ordering::Equal if q.is_odd() => q + 1u32,
        _ => q,
    };
    Ok(int_from_big(ts, q * p))
}

/// `byteorder` of to_bytes/from_bytes.
fn byte_order(ts: &mut ThreadState, v: Value, fname: &str) -> PyResult<bool> {
    let Some(s) = v.downcast::<StrObj>() else {
        return Err(ts.type_error(format!(
            "{fname}() argument 'byteorder' must be str, not {}",
            type_name(v)
        )));
    };
    match s.as_str() {
        "little" => Ok(true),
        "big" => Ok(false),
        _ => Err(ts.value_error("byteorder must be either 'little' or 'big'")),
    }
}

fn int_to_bytes(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig = crate::builtins::args::Sig::new(
        "int.to_bytes($self, /, length=1, byteorder='big', *, signed=False)",
    );
    let [this, length, order, signed] = SIG.bind(ts, args, kw)?;
    let b = self_int(ts, &[this])?;
    let length = match length.non_null() {
        Some(l) => crate::ops::index_to_i64(ts, l)?,
        None => 1,
    };
    if length < 0 {
        return Err(ts.value_error("length argument must be non-negative"));
    }
    let little = match order.non_null() {
        Some(o) => byte_order(ts, o, "to_bytes")?,
        None => false,
    };
    let signed = match signed.non_null() {
        Some(s) => crate::ops::truthy(ts, s)?,
        None => false,
    };
    if b.is_negative() && !signed {
        return Err(ts.overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed {
        b.to_signed_bytes_le()
    } else {
        b.to_bytes_le().1
    };
    if b.is_zero() {
        bytes.clear();
    }
    let len = length as usize;
    if bytes.len() > len {
        return Err(ts.overflow_error("int too big to convert"));
    }
    ts.check_alloc_size(len)?;
    let fill = if signed && b.is_negative() { 0xff } else { 0 };
    bytes.resize(len, fill);
    if !little {
        bytes.reverse();
    }
    Ok(crate::objects::bytes::BytesObj::new(ts, &bytes))
}

fn int_from_bytes(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig = crate::builtins::args::Sig::new(
        "int.from_bytes($type, /, bytes, byteorder='big', *, signed=False)",
    );
    let [cls, src, order, signed] = SIG.bind(ts, args, kw)?;
    // bytes(src) as CPython's PyObject_Bytes: `__bytes__` first.
    let mut src = src;
    if type_of(src) != types().bytes {
        if let Some(f) = type_of(src).lookup(crate::interp::names().__bytes__) {
            let r = crate::ops::call_unbound(ts, f, src, &[], None)?;
            if r.downcast::<crate::objects::bytes::BytesObj>().is_none() {
                return Err(ts.type_error(format!(
                    "__bytes__ returned non-bytes (type {})",
                    type_name(r)
                )));
            }
            src = r;
        }
    }
    let data = match crate::objects::bytes::bytes_data(src) {
        Some(d) => d,
        None => {
            // bytes(src): an iterable of ints, but not a str or an int.
            if src.downcast::<StrObj>().is_some() || is_int(src) {
                return Err(ts.type_error(format!(
                    "cannot convert '{}' object to bytes",
                    type_name(src)
                )));
            }
            let items = match crate::ops::collect(ts, src) {
                Ok(items) => items,
                Err(e) if e.matches(types().type_error) => {
                    return Err(ts.type_error(format!(
                        "cannot convert '{}' object to bytes",
                        type_name(src)
                    )))
                }
                Err(e) => return Err(e),
            };
            let mut out = Vec::with_capacity(items.len());
            for &x in items.iter() {
                let v = crate::ops::index_to_i64(ts, x)?;
                if !(0..256).contains(&v) {
                    return Err(ts.value_error("bytes must be in range(0, 256)"));
                }
                out.push(v as u8);
            }
            out
        }
    };
    let little = match order.non_null() {
        Some(o) => byte_order(ts, o, "from_bytes")?,
        None => false,
    };
    let signed = match signed.non_null() {
        Some(s) => crate::ops::truthy(ts, s)?,
        None => false,
    };
    let v = match (little, signed) {
        (false, false) => BigInt::from_bytes_be(Sign::Plus, &data),
        (true, false) => BigInt::from_bytes_le(Sign::Plus, &data),
        (false, true) => BigInt::from_signed_bytes_be(&data),
        (true, true) => BigInt::from_signed_bytes_le(&data),
    };
    let r = int_from_big(ts, v);
    if cls == types().int.value() {
        return Ok(r);
    }
    crate::ops::call1(ts, cls, r)
}

fn int_getnewargs(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("int.__getnewargs__($self, /)");
    SIG.bind::<1>(ts, args, kw)?;
    let b = self_int(ts, args)?;
    let v = int_from_big(ts, b.into_owned());
    Ok(TupleObj::new(ts, &[v]).value())
}

fn int_format(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("int.__format__($self, format_spec, /)");
    SIG.bind::<2>(ts, args, kw)?;
    let spec = match args.get(1) {
        Some(&s) => crate::objects::str::expect_str(ts, s, "__format__() argument")?,
        None => return Err(ts.type_error("__format__() takes exactly one argument")),
    };
    crate::format::format_int(ts, args[0], spec.as_str())
}

fn get_real(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    int_pos(ts, v)
}

fn get_imag(_ts: &mut ThreadState, _v: Value) -> PyResult<Value> {
    Ok(Value::small_int_unchecked(0))
}

fn get_denominator(_ts: &mut ThreadState, _v: Value) -> PyResult<Value> {
    Ok(Value::small_int_unchecked(1))
}

fn int_trunc(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("int.__trunc__($self, /)").without_text_signature();
    SIG.bind::<1>(ts, args, kw)?;
    let b = self_int(ts, args)?;
    Ok(int_from_big(ts, b.into_owned()))
}

fn int_floor(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("int.__floor__($self, /)").without_text_signature();
    SIG.bind::<1>(ts, args, kw)?;
    let b = self_int(ts, args)?;
    Ok(int_from_big(ts, b.into_owned()))
}

fn int_ceil(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("int.__ceil__($self, /)").without_text_signature();
    SIG.bind::<1>(ts, args, kw)?;
    let b = self_int(ts, args)?;
    Ok(int_from_big(ts, b.into_owned()))
}

fn int_sizeof(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("int.__sizeof__($self, /)");
    SIG.bind::<1>(ts, args, kw)?;
    let b = self_int(ts, args)?;
    let digits = (b.bits() as i64 + 29) / 30;
    Ok(int_from_i64(ts, 24 + 4 * digits.max(1)))
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let doc = StrObj::new(ts, "int([x]) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to an integer, or return 0 if no arguments\nare given.  If x is a number, return x.__int__().  For floating point\nnumbers, this truncates towards zero.\n\nIf x is not a number or if base is given, then x must be a string,\nbytes, or bytearray instance representing an integer literal in the\ngiven base.  The literal can be preceded by '+' or '-' and be surrounded\nby whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\nBase 0 means to interpret the base from the string as an integer literal.\n>>> int('0b100', base=0)\n4");
    crate::objects::set_type_attr(ts, t.int, "__doc__", doc);
    let doc = StrObj::new(ts, "bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.\nThe builtins True and False are the only two instances of the class bool.\nThe class bool is a subclass of the class int, and cannot be subclassed.");
    crate::objects::set_type_attr(ts, t.bool, "__doc__", doc);
    let ty = t.int;
    let s = &ty.slots;
    s.repr.set(Some(int_repr));
    s.hash.set(Some(int_hash));
    s.richcompare.set(Some(int_richcompare));
    s.bool.set(Some(int_bool));
    s.neg.set(Some(int_neg));
    s.pos.set(Some(int_pos));
    s.invert.set(Some(int_invert));
    s.abs.set(Some(int_abs));
    s.index.set(Some(int_index));
    s.int.set(Some(int_index));
    s.float.set(Some(int_float));
    s.new.set(Some(int_new));
    for i in 0..13u32 {
        if let Some(op) = BinaryOp::from_u32(i) {
            s.nb[i as usize].set(int_nb(op));
        }
    }
    add_methods(
        ts,
        ty,
        &[
            method("bit_length", int_bit_length),
            method("bit_count", int_bit_count),
            method("conjugate", int_conjugate),
            method("as_integer_ratio", int_as_integer_ratio),
            method("__round__", int_round),
            method("__divmod__", int_divmod),
            method("__rdivmod__", int_rdivmod),
            method("__trunc__", int_trunc),
            method("__floor__", int_floor),
            method("__ceil__", int_ceil),
            method("to_bytes", int_to_bytes),
            classmethod("from_bytes", int_from_bytes),
            method("__getnewargs__", int_getnewargs),
            method("__format__", int_format),
            method("__sizeof__", int_sizeof),
        ],
    );
    add_getset(ts, ty, "real", get_real, None);
    add_getset(ts, ty, "imag", get_imag, None);
    add_getset(ts, ty, "numerator", get_real, None);
    add_getset(ts, ty, "denominator", get_denominator, None);

    // bool: repr, the bitwise operators, and its constructor.
    let b = t.bool;
    b.slots.repr.set(Some(int_repr));
    b.slots.new.set(Some(bool_new));
    b.slots.nb[BinaryOp::And as usize].set(Some(int_and));
    b.slots.nb[BinaryOp::Or as usize].set(Some(int_or));
    b.slots.nb[BinaryOp::Xor as usize].set(Some(int_xor));
}

fn bool_new(
    ts: &mut ThreadState,
    _cls: Gc<TypeObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    if kw.map(|k| k.len()).unwrap_or(0) > 0 {
        return Err(ts.type_error("bool() takes no keyword arguments"));
    }
    match args {
        [] => Ok(Value::FALSE),
        [x] => Ok(Value::from_bool(crate::ops::truthy(ts, *x)?)),
        _ => Err(ts.type_error(format!(
            "bool expected at most 1 argument, got {}",
            args.len()
        ))),
    }
}
