//! `Value`: every Python value in one 64-bit word (NaN-boxing).
//!
//! ```text
//! 0x0000_0000_0000_0000 ..= 0xFFF8_0000_0000_0000   a float (its own IEEE bits)
//! 0xFFF9_pppp_pppp_pppp                            a pointer to a heap object (48 bits)
//! 0xFFFA_iiii_iiii_iiii                            a small int (48-bit two's complement)
//! 0xFFFB_0000_0000_000s                            a special: NULL, None, False, True,
//!                                                  NotImplemented, Ellipsis
//! 0xFFFC_0000_0000_0000 ..                         unused (never produced)
//! ```
//!
//! Every float is stored as its own bits except the negative NaNs whose
//! payload would land in the tagged space: those become the canonical
//! negative NaN `0xFFF8_0000_0000_0000` (the sign of a NaN stays
//! observable through `math.copysign`, its payload is not — as in CPython,
//! where no operation exposes it either). Arithmetic on canonical NaNs only
//! ever yields canonical NaNs, so only floats made from raw bits
//! ([`Value::from_f64`]) pay the check.
//!
//! A small int holds at least 32 bits as DESIGN.md asks: 48 bits here, so
//! that 64-bit-ish arithmetic (hash mixing, LCGs, nanosecond clocks) stays
//! unboxed. Results outside `SMALL_INT_MIN..=SMALL_INT_MAX` are promoted to
//! a heap big int by the int operations; programs never see the difference.
//!
//! `NULL` is the interpreter's "no value" marker (an unbound local, an
//! empty cell, the `NULL` of the call convention, a missing item). It is
//! never visible to Python code.
//!
//! `Value` is `Copy` and carries no lifetime: a heap object stays alive
//! because the collector finds it (frames precisely, Rust locals through
//! the conservative stack scan), never because a `Value` owns it.

use std::fmt;

const TAG_SHIFT: u32 = 48;
const PAYLOAD_MASK: u64 = (1 << TAG_SHIFT) - 1;
/// The largest word that is a float.
const FLOAT_MAX_BITS: u64 = 0xFFF8_0000_0000_0000;
const TAG_PTR: u64 = 0xFFF9 << TAG_SHIFT;
const TAG_INT: u64 = 0xFFFA << TAG_SHIFT;
const TAG_SPECIAL: u64 = 0xFFFB << TAG_SHIFT;

/// Smallest small int.
pub const SMALL_INT_MIN: i64 = -(1 << 47);
/// Largest small int.
pub const SMALL_INT_MAX: i64 = (1 << 47) - 1;

/// One Python value. See the module doc for the encoding.
#[derive(Copy, Clone, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Value(u64);

impl Value {
    /// "No value": unbound locals, empty cells, the call convention's NULL.
    pub const NULL: Value = Value(TAG_SPECIAL);
    pub const NONE: Value = Value(TAG_SPECIAL | 1);
    pub const FALSE: Value = Value(TAG_SPECIAL | 2);
    pub const TRUE: Value = Value(TAG_SPECIAL | 3);
    pub const NOT_IMPLEMENTED: Value = Value(TAG_SPECIAL | 4);
    pub const ELLIPSIS: Value = Value(TAG_SPECIAL | 5);

    /// The raw word (for the collector, caches and hashing of identities).
    #[inline(always)]
    pub const fn bits(self) -> u64 {
        self.0
    }

    /// Rebuilds a value from [`Value::bits`].
    ///
    /// # Safety
    /// `bits` must have come from `Value::bits` of a value whose object (if
    /// it is a pointer) is still alive.
    #[inline(always)]
    pub const unsafe fn from_bits(bits: u64) -> Value {
        Value(bits)
    }

    // ---- floats -------------------------------------------------------

    #[inline(always)]
    pub fn from_f64(f: f64) -> Value {
        let bits = f.to_bits();
        if bits > FLOAT_MAX_BITS {
            Value(FLOAT_MAX_BITS)
        } else {
            Value(bits)
        }
    }

    #[inline(always)]
    pub const fn is_float(self) -> bool {
        self.0 <= FLOAT_MAX_BITS
    }

    /// The float, if this is one.
    #[inline(always)]
    pub fn as_float(self) -> Option<f64> {
        if self.is_float() {
            Some(f64::from_bits(self.0))
        } else {
            None
        }
    }

    /// The float bits reinterpreted; only meaningful when `is_float()`.
    #[inline(always)]
    pub fn float_unchecked(self) -> f64 {
        debug_assert!(self.is_float());
        f64::from_bits(self.0)
    }

    // ---- small ints ---------------------------------------------------

    /// A small int, or `None` if `i` needs a heap big int.
    #[inline(always)]
    pub const fn small_int(i: i64) -> Option<Value> {
        if i >= SMALL_INT_MIN && i <= SMALL_INT_MAX {
            Some(Value(TAG_INT | (i as u64 & PAYLOAD_MASK)))
        } else {
            None
        }
    }

    /// A small int known to be in range (constants, lengths).
    #[inline(always)]
    pub const fn small_int_unchecked(i: i64) -> Value {
        debug_assert!(i >= SMALL_INT_MIN && i <= SMALL_INT_MAX);
        Value(TAG_INT | (i as u64 & PAYLOAD_MASK))
    }

    #[inline(always)]
    pub const fn is_small_int(self) -> bool {
        self.0 >> TAG_SHIFT == TAG_INT >> TAG_SHIFT
    }

    /// The small int, if this is one (not a bool: `True` is not a small int
    /// here even though `bool` subclasses `int`).
    #[inline(always)]
    pub const fn as_small_int(self) -> Option<i64> {
        if self.is_small_int() {
            Some(((self.0 << 16) as i64) >> 16)
        } else {
            None
        }
    }

    /// The small int payload; only meaningful when `is_small_int()`.
    #[inline(always)]
    pub const fn small_int_value(self) -> i64 {
        ((self.0 << 16) as i64) >> 16
    }

    /// Both operands small ints? (One test for the arithmetic fast paths.)
    #[inline(always)]
    pub const fn both_small_ints(a: Value, b: Value) -> bool {
        a.is_small_int() & b.is_small_int()
    }

    // ---- specials -----------------------------------------------------

    #[inline(always)]
    pub const fn from_bool(b: bool) -> Value {
        Value(TAG_SPECIAL | 2 | b as u64)
    }

    #[inline(always)]
    pub const fn is_bool(self) -> bool {
        (self.0 & !1) == Value::FALSE.0
    }

    /// `Some(b)` for `True`/`False`.
    #[inline(always)]
    pub const fn as_bool(self) -> Option<bool> {
        if self.is_bool() {
            Some(self.0 & 1 == 1)
        } else {
            None
        }
    }

    #[inline(always)]
    pub const fn is_none(self) -> bool {
        self.0 == Value::NONE.0
    }

    #[inline(always)]
    pub const fn is_null(self) -> bool {
        self.0 == Value::NULL.0
    }

    #[inline(always)]
    pub const fn is_special(self) -> bool {
        self.0 >> TAG_SHIFT == TAG_SPECIAL >> TAG_SHIFT
    }

    /// `Some(self)` unless NULL.
    #[inline(always)]
    pub fn non_null(self) -> Option<Value> {
        if self.is_null() {
            None
        } else {
            Some(self)
        }
    }

    // ---- heap pointers --------------------------------------------------

    #[inline(always)]
    pub const fn is_ptr(self) -> bool {
        self.0 >> TAG_SHIFT == TAG_PTR >> TAG_SHIFT
    }

    /// A value for a heap object address. The address must fit in 48 bits
    /// (the heap reserves its region below that).
    #[inline(always)]
    pub fn from_addr(addr: usize) -> Value {
        debug_assert!(addr as u64 <= PAYLOAD_MASK && addr != 0);
        Value(TAG_PTR | addr as u64)
    }

    /// The heap address, if this is a pointer.
    #[inline(always)]
    pub const fn as_addr(self) -> Option<usize> {
        if self.is_ptr() {
            Some((self.0 & PAYLOAD_MASK) as usize)
        } else {
            None
        }
    }

    /// The heap address; only meaningful when `is_ptr()`.
    #[inline(always)]
    pub const fn addr_unchecked(self) -> usize {
        (self.0 & PAYLOAD_MASK) as usize
    }

    /// Whether a raw word found by the conservative scan could be a
    /// pointer-tagged value; returns the address it names.
    #[inline(always)]
    pub const fn word_as_tagged_addr(word: u64) -> Option<usize> {
        if word >> TAG_SHIFT == TAG_PTR >> TAG_SHIFT {
            Some((word & PAYLOAD_MASK) as usize)
        } else {
            None
        }
    }
}

impl Default for Value {
    fn default() -> Value {
        Value::NULL
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(x) = self.as_float() {
            write!(f, "Float({x:?})")
        } else if let Some(i) = self.as_small_int() {
            write!(f, "Int({i})")
        } else if let Some(a) = self.as_addr() {
            write!(f, "Ptr({a:#x})")
        } else {
            match *self {
                Value::NULL => write!(f, "NULL"),
                Value::NONE => write!(f, "None"),
                Value::TRUE => write!(f, "True"),
                Value::FALSE => write!(f, "False"),
                Value::NOT_IMPLEMENTED => write!(f, "NotImplemented"),
                Value::ELLIPSIS => write!(f, "Ellipsis"),
                _ => write!(f, "Bad({:#x})", self.0),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_round_trip() {
        for &x in &[
            0.0,
            -0.0,
            1.5,
            -2.25,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            5e-324,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            let v = Value::from_f64(x);
            assert!(v.is_float());
            assert!(!v.is_ptr() && !v.is_small_int() && !v.is_special());
            assert_eq!(v.as_float().unwrap().to_bits(), x.to_bits());
        }
    }

    #[test]
    fn nans_stay_floats_and_keep_their_sign() {
        let pos = Value::from_f64(f64::NAN);
        assert!(pos.is_float() && pos.as_float().unwrap().is_nan());
        assert!(pos.as_float().unwrap().is_sign_positive());
        let neg = Value::from_f64(-f64::NAN);
        assert!(neg.is_float() && neg.as_float().unwrap().is_nan());
        assert!(neg.as_float().unwrap().is_sign_negative());
        // A negative NaN whose payload would collide with the tags.
        for bits in [0xFFF9_0000_0000_0001u64, 0xFFFA_1234_5678_9ABC, u64::MAX] {
            let v = Value::from_f64(f64::from_bits(bits));
            assert!(v.is_float());
            assert!(v.as_float().unwrap().is_nan());
            assert!(v.as_float().unwrap().is_sign_negative());
        }
        // x86 arithmetic on canonical NaNs yields a canonical NaN.
        let x = pos.as_float().unwrap() + 1.0;
        assert!(Value::from_f64(x).is_float());
        let inf = f64::INFINITY;
        assert!(Value::from_f64(inf - inf).is_float());
    }

    #[test]
    fn small_ints_round_trip() {
        for &i in &[
            0,
            1,
            -1,
            42,
            -42,
            SMALL_INT_MAX,
            SMALL_INT_MIN,
            1 << 40,
            -(1 << 40),
        ] {
            let v = Value::small_int(i).unwrap();
            assert!(v.is_small_int() && !v.is_float() && !v.is_ptr());
            assert_eq!(v.as_small_int(), Some(i));
        }
        assert!(Value::small_int(SMALL_INT_MAX + 1).is_none());
        assert!(Value::small_int(SMALL_INT_MIN - 1).is_none());
        assert!(Value::small_int(i64::MAX).is_none());
        assert!(Value::small_int(i64::MIN).is_none());
    }

    #[test]
    fn specials_are_distinct() {
        let all = [
            Value::NULL,
            Value::NONE,
            Value::FALSE,
            Value::TRUE,
            Value::NOT_IMPLEMENTED,
            Value::ELLIPSIS,
        ];
        for (i, a) in all.iter().enumerate() {
            assert!(a.is_special() && !a.is_float() && !a.is_ptr() && !a.is_small_int());
            for b in &all[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert_eq!(Value::from_bool(true), Value::TRUE);
        assert_eq!(Value::from_bool(false), Value::FALSE);
        assert_eq!(Value::TRUE.as_bool(), Some(true));
        assert_eq!(Value::FALSE.as_bool(), Some(false));
        assert_eq!(Value::NONE.as_bool(), None);
        assert!(Value::NULL.is_null() && !Value::NONE.is_null());
    }

    #[test]
    fn pointers_round_trip() {
        for &a in &[0x1000usize, 0x7fff_ffff_fff0, 0x5555_5555_0000] {
            let v = Value::from_addr(a);
            assert!(v.is_ptr() && !v.is_float() && !v.is_small_int());
            assert_eq!(v.as_addr(), Some(a));
            assert_eq!(Value::word_as_tagged_addr(v.bits()), Some(a));
        }
        assert_eq!(
            Value::word_as_tagged_addr(Value::from_f64(1.0).bits()),
            None
        );
    }
}
