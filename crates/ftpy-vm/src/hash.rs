//! `hash()`: the values programs can see, computed as CPython 3.11 does.
//!
//! - ints: the value modulo the Mersenne prime 2**61 - 1, sign kept,
//!   -1 becomes -2.
//! - floats: the same reduction of the exact rational value (so `hash(2.0)
//!   == hash(2)`); infinities are ±314159.
//! - str and bytes: SipHash-1-3 over CPython's internal representation of
//!   the text (1, 2 or 4 bytes per character), keyed from PYTHONHASHSEED the
//!   way CPython derives its key, so set iteration order matches CPython
//!   when the seed is fixed.
//! - tuples: CPython's xxHash-derived combination of the item hashes.
//! - identity-hashed objects: the address rotated right by 4 bits.

use std::hash::Hasher;

use crate::object::Kind;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::type_of;
use crate::value::Value;

pub const MODULUS: u64 = (1 << 61) - 1;
pub const INF_HASH: i64 = 314159;

/// The SipHash key: from PYTHONHASHSEED (0: no randomization; N: CPython's
/// LCG expansion of N), else random.
pub fn hash_key_from_env() -> (u64, u64) {
    let seed = std::env::var("PYTHONHASHSEED").ok();
    match seed.as_deref().map(str::trim) {
        Some(s) if s != "random" && !s.is_empty() => {
            let n: u64 = s.parse().unwrap_or(0);
            if n == 0 {
                return (0, 0);
            }
            let mut buf = [0u8; 16];
            let mut x = n as u32;
            for b in buf.iter_mut() {
                x = x.wrapping_mul(214013).wrapping_add(2531011);
                *b = ((x >> 16) & 0xff) as u8;
            }
            let k0 = u64::from_le_bytes(buf[0..8].try_into().unwrap_or([0; 8]));
            let k1 = u64::from_le_bytes(buf[8..16].try_into().unwrap_or([0; 8]));
            (k0, k1)
        }
        _ => {
            let mut buf = [0u8; 16];
            // SAFETY: getrandom writes at most buf.len() bytes into buf.
            let n = unsafe { libc::getrandom(buf.as_mut_ptr() as *mut libc::c_void, buf.len(), 0) };
            if n != buf.len() as isize {
                let t = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos() as u64)
                    .unwrap_or(0x9e37_79b9_7f4a_7c15);
                buf[..8].copy_from_slice(&t.to_le_bytes());
                buf[8..].copy_from_slice(
                    &(t.rotate_left(29) ^ std::process::id() as u64).to_le_bytes(),
                );
            }
            let k0 = u64::from_le_bytes(buf[0..8].try_into().unwrap_or([0; 8]));
            let k1 = u64::from_le_bytes(buf[8..16].try_into().unwrap_or([0; 8]));
            (k0, k1)
        }
    }
}

/// The process's SipHash key, fixed on first use: every str hash, including
/// the names interned while the interpreter is being built, uses it.
/// Read-only after that, so threads hashing strings share it freely.
#[inline]
pub fn key() -> (u64, u64) {
    static KEY: std::sync::OnceLock<(u64, u64)> = std::sync::OnceLock::new();
    *KEY.get_or_init(hash_key_from_env)
}

#[inline]
fn fix(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// SipHash-1-3 of `data` with the key (`k0`, `k1`) (CPython's
/// `_Py_KeyedHash`, used by `_imp.source_hash`).
pub fn keyed_siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = siphasher::sip::SipHasher13::new_with_keys(k0, k1);
    h.write(data);
    h.finish()
}

/// SipHash-1-3 of raw bytes with the process key.
pub fn hash_bytes(b: &[u8]) -> i64 {
    if b.is_empty() {
        return 0;
    }
    let (k0, k1) = key();
    let mut h = siphasher::sip::SipHasher13::new_with_keys(k0, k1);
    h.write(b);
    fix(h.finish() as i64)
}

/// The hash of a str's text, over CPython's canonical representation.
pub fn hash_str(s: &str, ascii: bool) -> i64 {
    if ascii {
        return hash_bytes(s.as_bytes());
    }
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let mut buf: Vec<u8> = Vec::with_capacity(s.len() * 2);
    if max < 0x100 {
        buf.extend(s.chars().map(|c| c as u32 as u8));
    } else if max < 0x10000 {
        for c in s.chars() {
            buf.extend_from_slice(&(c as u32 as u16).to_le_bytes());
        }
    } else {
        for c in s.chars() {
            buf.extend_from_slice(&(c as u32).to_le_bytes());
        }
    }
    hash_bytes(&buf)
}

/// Hash of an `i64`.
#[inline]
pub fn hash_i64(i: i64) -> i64 {
    let a = i.unsigned_abs() % MODULUS;
    let h = if i < 0 { -(a as i64) } else { a as i64 };
    fix(h)
}

/// Hash of a big int given its magnitude digits (little-endian u64) and
/// sign.
pub fn hash_big(negative: bool, digits: &[u64]) -> i64 {
    // Horner over 64-bit digits modulo 2**61-1.
    let mut acc: u128 = 0;
    for &d in digits.iter().rev() {
        acc = ((acc << 64) + d as u128) % MODULUS as u128;
    }
    let a = acc as i64;
    fix(if negative { -a } else { a })
}

/// Hash of a float (equal to the hash of an equal int).
pub fn hash_f64(v: f64) -> i64 {
    if v.is_infinite() {
        return if v > 0.0 { INF_HASH } else { -INF_HASH };
    }
    if v.is_nan() {
        return 0;
    }
    let (mut m, mut e) = frexp(v);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (61 - 28));
        m *= 268435456.0; // 2**28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    };
    x = ((x << e) & MODULUS) | (x >> (61 - e));
    fix(x as i64 * sign)
}

/// `frexp`: v = m * 2**e with 0.5 <= |m| < 1.
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m_bits = (bits & !(0x7ffu64 << 52)) | (1022u64 << 52);
    (f64::from_bits(m_bits), e)
}

/// Identity hash of an object.
#[inline]
pub fn hash_pointer(v: Value) -> i64 {
    let y = v.addr_unchecked();
    let y = y.rotate_right(4);
    fix(y as i64)
}

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// Combines item hashes as CPython's tuple hash does.
pub fn hash_tuple_items(hashes: impl Iterator<Item = i64>, len: usize) -> i64 {
    let mut acc = XXPRIME_5;
    for h in hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add(len as u64 ^ (XXPRIME_5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

/// The hash of values whose hash runs no Python code (ints, floats, bools,
/// None, exact str, tuples of these); None otherwise.
#[inline]
pub fn simple_hash(v: Value) -> Option<i64> {
    simple_hash_at(v, 0)
}

/// Nesting deeper than this goes through the full protocol, which counts
/// recursion against the limit.
const SIMPLE_DEPTH: u32 = 8;

fn simple_hash_at(v: Value, depth: u32) -> Option<i64> {
    if let Some(i) = v.as_small_int() {
        return Some(hash_i64(i));
    }
    if let Some(f) = v.as_float() {
        return Some(hash_f64(f));
    }
    if let Some(b) = v.as_bool() {
        return Some(b as i64);
    }
    if v.is_none() {
        return Some(0x5f5e_1d0e);
    }
    let h = v.header()?;
    match h.kind() {
        Kind::Str if h.ty() == crate::interp::types().str => {
            // SAFETY: the kind says StrObj.
            let s: crate::object::Gc<StrObj> = unsafe { v.downcast_unchecked() };
            Some(s.hash())
        }
        Kind::Int if h.ty() == crate::interp::types().int => Some(crate::objects::int::hash_int(v)),
        Kind::Tuple if h.ty() == crate::interp::types().tuple => {
            // SAFETY: the kind says TupleObj.
            let t: crate::object::Gc<TupleObj> = unsafe { v.downcast_unchecked() };
            let items = t.items();
            let mut hs = [0i64; 16];
            if items.len() > hs.len() || depth >= SIMPLE_DEPTH {
                return None;
            }
            for (i, &x) in items.iter().enumerate() {
                hs[i] = simple_hash_at(x, depth + 1)?;
            }
            Some(hash_tuple_items(
                hs[..items.len()].iter().copied(),
                items.len(),
            ))
        }
        _ => None,
    }
}

/// Equality of values whose comparison runs no Python code; None when it
/// might (the caller then uses the full protocol). Identity is checked by
/// callers first.
#[inline]
pub fn simple_eq(a: Value, b: Value) -> Option<bool> {
    simple_eq_at(a, b, 0)
}

fn simple_eq_at(a: Value, b: Value, depth: u32) -> Option<bool> {
    if Value::both_small_ints(a, b) {
        return Some(a == b);
    }
    let sa = is_simple(a);
    let sb = is_simple(b);
    if !(sa && sb) {
        return None;
    }
    let t = crate::interp::types();
    let (ta, tb) = (type_of(a), type_of(b));
    if ta == t.str && tb == t.str {
        // SAFETY: both exact str.
        let (x, y): (crate::object::Gc<StrObj>, crate::object::Gc<StrObj>) =
            unsafe { (a.downcast_unchecked(), b.downcast_unchecked()) };
        return Some(x.eq_str(&y));
    }
    if ta == t.str || tb == t.str {
        return Some(false);
    }
    if ta == t.tuple || tb == t.tuple {
        if ta != tb {
            return Some(false);
        }
        // SAFETY: both exact tuples.
        let (x, y): (crate::object::Gc<TupleObj>, crate::object::Gc<TupleObj>) =
            unsafe { (a.downcast_unchecked(), b.downcast_unchecked()) };
        if x.len() != y.len() {
            return Some(false);
        }
        if depth >= SIMPLE_DEPTH {
            return None;
        }
        for (&p, &q) in x.items().iter().zip(y.items()) {
            if p == q {
                continue;
            }
            if !simple_eq_at(p, q, depth + 1)? {
                return Some(false);
            }
        }
        return Some(true);
    }
    if a.is_none() || b.is_none() {
        return Some(a == b);
    }
    crate::objects::int::numeric_eq(a, b)
}

/// Whether comparisons of `v` with other simple values run no Python code.
#[inline]
fn is_simple(v: Value) -> bool {
    if !v.is_ptr() {
        return v != Value::NOT_IMPLEMENTED && v != Value::ELLIPSIS;
    }
    let t = crate::interp::types();
    let ty = type_of(v);
    ty == t.str || ty == t.int || ty == t.tuple
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_hashes_match_cpython() {
        assert_eq!(hash_i64(0), 0);
        assert_eq!(hash_i64(1), 1);
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(-2), -2);
        assert_eq!(hash_i64((1 << 61) - 1), 0);
        assert_eq!(hash_i64(1 << 61), 1);
        assert_eq!(hash_i64(-(1 << 61)), -1 - 1);
    }

    #[test]
    fn float_hashes_match_ints() {
        for i in [0i64, 1, 2, 100, -7, 1 << 40, -(1 << 52)] {
            assert_eq!(hash_f64(i as f64), hash_i64(i), "{i}");
        }
        // hash(0.5) == 1152921504606846976 in CPython (2**60).
        assert_eq!(hash_f64(0.5), 1 << 60);
        assert_eq!(hash_f64(1.5), (1 << 60) + 1);
        assert_eq!(hash_f64(f64::INFINITY), 314159);
    }

    #[test]
    fn tuple_hash_of_ints_matches_cpython() {
        // hash(()) == 5740354900026072187; hash((1, 2)) == -3550055125485641917
        assert_eq!(hash_tuple_items([].into_iter(), 0), 5740354900026072187);
        assert_eq!(
            hash_tuple_items([1i64, 2].into_iter(), 2),
            -3550055125485641917
        );
    }

    #[test]
    fn frexp_works() {
        assert_eq!(frexp(8.0), (0.5, 4));
        assert_eq!(frexp(-3.0), (-0.75, 2));
        // The smallest subnormal is 2**-1074 = 0.5 * 2**-1073.
        assert_eq!(frexp(5e-324), (0.5, -1073));
    }
}
