//! Constants: literal values, deduplication keys, and constant folding.
//!
//! Folding follows CPython 3.11's AST optimizer (`ast_opt.c`), and folds
//! nothing CPython would not:
//! - literals, `__debug__` (False under `-O`);
//! - unary operators on constants (`-1`, `~5`, `not 0`);
//! - binary operators on numbers, and `+` / `*` on str, bytes and tuples,
//!   within CPython's size limits (ints of at most 128 bits, strings of at
//!   most 4096 characters, tuples of at most 256 items). Operations whose
//!   result could differ in the last bit from CPython's (float `**`, `//`,
//!   `%`; complex division; int/float mixes beyond 2**53) are left to run
//!   time, as are operations that raise;
//! - subscripts of a str, bytes or tuple constant by an int constant;
//! - tuples of constants.
//!
//! The comparison-specific folds (`x in [1, 2]` tests a tuple, `x in {1,
//! 2}` a frozenset) are applied by the code generator, which knows the
//! context.

// Fx hashing: the keys are names and constants from the source being
// compiled (which runs anyway), and SipHash was a tenth of compile time.
use rustc_hash::FxHashSet as HashSet;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use ruff_python_ast::{self as ast, Expr, Number, Operator, UnaryOp};

use crate::code::Constant;

/// A hashable identity for a constant: two constants share a slot in
/// `co_consts` only when they are the same type and value (`1`, `1.0`
/// and `True` stay apart; so do `0.0` and `-0.0`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum ConstKey {
    None,
    Bool(bool),
    Ellipsis,
    Int(i64),
    BigInt(String),
    Float(u64),
    Complex(u64, u64),
    Str(String),
    Wtf8(Vec<u8>),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
    /// Code objects are never shared; each gets a fresh number.
    Code(usize),
}

impl ConstKey {
    pub fn of(c: &Constant, code_id: usize) -> ConstKey {
        crate::grow(|| ConstKey::of_inner(c, code_id))
    }

    fn of_inner(c: &Constant, code_id: usize) -> ConstKey {
        match c {
            Constant::None => ConstKey::None,
            Constant::Bool(b) => ConstKey::Bool(*b),
            Constant::Ellipsis => ConstKey::Ellipsis,
            Constant::Int(i) => ConstKey::Int(*i),
            Constant::BigInt(s) => ConstKey::BigInt(s.clone()),
            Constant::Float(f) => ConstKey::Float(f.to_bits()),
            Constant::Complex { real, imag } => ConstKey::Complex(real.to_bits(), imag.to_bits()),
            Constant::Str(s) => ConstKey::Str(s.clone()),
            Constant::Wtf8(b) => ConstKey::Wtf8(b.clone()),
            Constant::Bytes(b) => ConstKey::Bytes(b.clone()),
            Constant::Tuple(items) => {
                ConstKey::Tuple(items.iter().map(|c| ConstKey::of(c, code_id)).collect())
            }
            Constant::FrozenSet(items) => {
                ConstKey::FrozenSet(items.iter().map(|c| ConstKey::of(c, code_id)).collect())
            }
            Constant::Code(_) => ConstKey::Code(code_id),
        }
    }
}

/// An int constant from a bigint: `Int` when it fits in an `i64`.
pub(crate) fn int_const(v: BigInt) -> Constant {
    match v.to_i64() {
        Some(i) => Constant::Int(i),
        None => Constant::BigInt(v.to_string()),
    }
}

fn as_bigint(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Int(i) => Some(BigInt::from(*i)),
        Constant::BigInt(s) => s.parse().ok(),
        _ => None,
    }
}

/// The value of an int literal token's text (`0x_ff`, `1_000`, huge
/// decimals ...).
pub(crate) fn parse_int_literal(text: &str) -> Option<BigInt> {
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    let lower = clean.to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
        (d, 16)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (d, 8)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (d, 2)
    } else {
        (lower.as_str(), 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

/// The constant of a number literal.
pub(crate) fn number_const(n: &ast::Number) -> Constant {
    match n {
        Number::Int(i) => match i.as_i64() {
            Some(v) => Constant::Int(v),
            None => {
                let text = i.to_string();
                match parse_int_literal(&text) {
                    Some(v) => int_const(v),
                    None => Constant::BigInt(text),
                }
            }
        },
        Number::Float(f) => Constant::Float(*f),
        Number::Complex { real, imag } => Constant::Complex {
            real: *real,
            imag: *imag,
        },
    }
}

/// Python truthiness of a constant.
pub(crate) fn truthy(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Ellipsis | Constant::Code(_) => true,
        Constant::Int(i) => *i != 0,
        Constant::BigInt(s) => !s.trim_start_matches('-').trim_start_matches('0').is_empty(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Wtf8(b) | Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
    }
}

/// Folds an expression to a constant where CPython's AST optimizer does.
pub(crate) fn fold(e: &Expr, optimize: u8) -> Option<Constant> {
    crate::grow(|| fold_inner(e, optimize))
}

fn fold_inner(e: &Expr, optimize: u8) -> Option<Constant> {
    match e {
        Expr::NumberLiteral(n) => Some(number_const(&n.value)),
        Expr::StringLiteral(s) => {
            let text = s.value.to_str();
            if text.contains('\u{FFFD}') {
                if let Some(w) = surrogate_literal(s) {
                    return Some(Constant::Wtf8(w));
                }
            }
            Some(Constant::Str(text.to_string()))
        }
        Expr::BytesLiteral(b) => Some(Constant::Bytes(b.value.bytes().collect())),
        Expr::BooleanLiteral(b) => Some(Constant::Bool(b.value)),
        Expr::NoneLiteral(_) => Some(Constant::None),
        Expr::EllipsisLiteral(_) => Some(Constant::Ellipsis),
        Expr::Name(n) if n.id.as_str() == "__debug__" && n.ctx == ast::ExprContext::Load => {
            Some(Constant::Bool(optimize == 0))
        }
        Expr::UnaryOp(u) => fold_unary(u.op, &fold(&u.operand, optimize)?),
        Expr::BinOp(b) => {
            let l = fold(&b.left, optimize)?;
            let r = fold(&b.right, optimize)?;
            fold_binop(b.op, &l, &r)
        }
        Expr::Tuple(t) if t.ctx == ast::ExprContext::Load => fold_tuple(&t.elts, optimize),
        Expr::Subscript(s) if s.ctx == ast::ExprContext::Load => {
            let v = fold(&s.value, optimize)?;
            let i = fold(&s.slice, optimize)?;
            fold_subscript(&v, &i)
        }
        _ => None,
    }
}

/// A tuple constant of `elts` if they are all constants (and none is
/// starred).
pub(crate) fn fold_tuple(elts: &[Expr], optimize: u8) -> Option<Constant> {
    let mut items = Vec::with_capacity(elts.len());
    for e in elts {
        items.push(fold(e, optimize)?);
    }
    Some(Constant::Tuple(items))
}

/// A frozenset constant of `elts` if they are all constants.
pub(crate) fn fold_frozenset(elts: &[Expr], optimize: u8) -> Option<Constant> {
    let mut items = Vec::with_capacity(elts.len());
    let mut seen = HashSet::default();
    for e in elts {
        let c = fold(e, optimize)?;
        if seen.insert(ConstKey::of(&c, 0)) {
            items.push(c);
        }
    }
    Some(Constant::FrozenSet(items))
}

fn fold_unary(op: UnaryOp, v: &Constant) -> Option<Constant> {
    match op {
        UnaryOp::Not => Some(Constant::Bool(!truthy(v))),
        UnaryOp::USub => match v {
            Constant::Int(_) | Constant::BigInt(_) => Some(int_const(-as_bigint(v)?)),
            Constant::Bool(b) => Some(Constant::Int(-(*b as i64))),
            Constant::Float(f) => Some(Constant::Float(-f)),
            Constant::Complex { real, imag } => Some(Constant::Complex {
                real: -real,
                imag: -imag,
            }),
            _ => None,
        },
        UnaryOp::UAdd => match v {
            Constant::Int(_)
            | Constant::BigInt(_)
            | Constant::Float(_)
            | Constant::Complex { .. } => Some(v.clone()),
            Constant::Bool(b) => Some(Constant::Int(*b as i64)),
            _ => None,
        },
        UnaryOp::Invert => match v {
            Constant::Int(_) | Constant::BigInt(_) => Some(int_const(!as_bigint(v)?)),
            Constant::Bool(b) => Some(Constant::Int(!(*b as i64))),
            _ => None,
        },
    }
}

const MAX_INT_BITS: u64 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;
const MAX_TOTAL_ITEMS: i64 = 1024;

/// Exactly representable as an f64 (so int/float mixes fold exactly).
fn small_float_int(v: &BigInt) -> Option<f64> {
    if v.bits() <= 53 {
        v.to_f64()
    } else {
        None
    }
}

enum Num {
    Int(BigInt),
    Float(f64),
    Complex(f64, f64),
}

fn num(c: &Constant) -> Option<Num> {
    match c {
        Constant::Int(_) | Constant::BigInt(_) => Some(Num::Int(as_bigint(c)?)),
        Constant::Float(f) => Some(Num::Float(*f)),
        Constant::Complex { real, imag } => Some(Num::Complex(*real, *imag)),
        _ => None,
    }
}

fn to_float(n: &Num) -> Option<f64> {
    match n {
        Num::Int(i) => small_float_int(i),
        Num::Float(f) => Some(*f),
        Num::Complex(..) => None,
    }
}

fn to_complex(n: &Num) -> Option<(f64, f64)> {
    match n {
        Num::Complex(r, i) => Some((*r, *i)),
        other => Some((to_float(other)?, 0.0)),
    }
}

fn fold_binop(op: Operator, l: &Constant, r: &Constant) -> Option<Constant> {
    if let (Some(a), Some(b)) = (num(l), num(r)) {
        return fold_numeric(op, a, b);
    }
    match (op, l, r) {
        (Operator::Add, Constant::Str(a), Constant::Str(b)) => {
            Some(Constant::Str(format!("{a}{b}")))
        }
        (Operator::Add, Constant::Bytes(a), Constant::Bytes(b)) => {
            Some(Constant::Bytes([a.as_slice(), b.as_slice()].concat()))
        }
        (Operator::Add, Constant::Tuple(a), Constant::Tuple(b)) => {
            Some(Constant::Tuple([a.as_slice(), b.as_slice()].concat()))
        }
        (Operator::Mult, _, _) => {
            let (n, seq) = match (as_bigint(l), as_bigint(r)) {
                (Some(n), None) => (n, r),
                (None, Some(n)) => (n, l),
                _ => return None,
            };
            repeat(seq, &n)
        }
        _ => None,
    }
}

/// `seq * n` within CPython's folding limits.
fn repeat(seq: &Constant, n: &BigInt) -> Option<Constant> {
    let size = match seq {
        Constant::Str(s) => s.chars().count(),
        Constant::Bytes(b) => b.len(),
        Constant::Tuple(t) => t.len(),
        _ => return None,
    };
    if size == 0 {
        // An empty sequence repeats to itself for any count.
        return Some(seq.clone());
    }
    let n = {
        let n = n.to_i64()?;
        let limit = match seq {
            Constant::Tuple(_) => MAX_COLLECTION_SIZE,
            _ => MAX_STR_SIZE,
        };
        if n < 0 || n as usize > limit / size {
            return None;
        }
        if let Constant::Tuple(_) = seq {
            if n > 0 && complexity(seq, MAX_TOTAL_ITEMS / n) < 0 {
                return None;
            }
        }
        n as usize
    };
    Some(match seq {
        Constant::Str(s) => Constant::Str(s.repeat(n)),
        Constant::Bytes(b) => Constant::Bytes(b.repeat(n)),
        Constant::Tuple(t) => {
            Constant::Tuple(t.iter().cycle().take(t.len() * n).cloned().collect())
        }
        _ => return None,
    })
}

fn complexity(c: &Constant, limit: i64) -> i64 {
    crate::grow(|| complexity_inner(c, limit))
}

fn complexity_inner(c: &Constant, mut limit: i64) -> i64 {
    if let Constant::Tuple(items) | Constant::FrozenSet(items) = c {
        limit -= items.len() as i64;
        for item in items {
            if limit < 0 {
                break;
            }
            limit = complexity(item, limit);
        }
    }
    limit
}

fn fold_numeric(op: Operator, a: Num, b: Num) -> Option<Constant> {
    match (&a, &b) {
        (Num::Int(x), Num::Int(y)) => fold_int(op, x, y),
        (Num::Complex(..), _) | (_, Num::Complex(..)) => {
            let (ar, ai) = to_complex(&a)?;
            let (br, bi) = to_complex(&b)?;
            let (real, imag) = match op {
                Operator::Add => (ar + br, ai + bi),
                Operator::Sub => (ar - br, ai - bi),
                Operator::Mult => (ar * br - ai * bi, ar * bi + ai * br),
                _ => return None,
            };
            Some(Constant::Complex { real, imag })
        }
        _ => {
            let x = to_float(&a)?;
            let y = to_float(&b)?;
            let v = match op {
                Operator::Add => x + y,
                Operator::Sub => x - y,
                Operator::Mult => x * y,
                Operator::Div if y != 0.0 => x / y,
                _ => return None,
            };
            Some(Constant::Float(v))
        }
    }
}

fn fold_int(op: Operator, x: &BigInt, y: &BigInt) -> Option<Constant> {
    let v = match op {
        Operator::Add => x + y,
        Operator::Sub => x - y,
        Operator::Mult => {
            if !x.is_zero() && !y.is_zero() && x.bits() + y.bits() > MAX_INT_BITS {
                return None;
            }
            x * y
        }
        Operator::Div => {
            if y.is_zero() {
                return None;
            }
            return Some(Constant::Float(small_float_int(x)? / small_float_int(y)?));
        }
        Operator::FloorDiv => {
            if y.is_zero() {
                return None;
            }
            x.div_floor(y)
        }
        Operator::Mod => {
            if y.is_zero() {
                return None;
            }
            x.mod_floor(y)
        }
        Operator::Pow => {
            if y.is_negative() {
                return None;
            }
            let e = y.to_u32()?;
            if !x.is_zero() && e > 0 && x.bits() > MAX_INT_BITS / e as u64 {
                return None;
            }
            num_traits::pow(x.clone(), e as usize)
        }
        Operator::LShift => {
            if y.is_negative() {
                return None;
            }
            let s = y.to_u64()?;
            if x.is_zero() {
                return Some(Constant::Int(0));
            }
            if s > MAX_INT_BITS || x.bits() > MAX_INT_BITS - s {
                return None;
            }
            x << s
        }
        Operator::RShift => {
            if y.is_negative() {
                return None;
            }
            match y.to_u64() {
                Some(s) if s < 1 << 20 => x >> s,
                _ => {
                    if x.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                }
            }
        }
        Operator::BitAnd => x & y,
        Operator::BitOr => x | y,
        Operator::BitXor => x ^ y,
        Operator::MatMult => return None,
    };
    Some(int_const(v))
}

fn fold_subscript(v: &Constant, i: &Constant) -> Option<Constant> {
    let idx = match i {
        Constant::Int(i) => *i,
        _ => return None,
    };
    let pick = |len: usize| -> Option<usize> {
        let len = len as i64;
        let k = if idx < 0 { idx + len } else { idx };
        (0..len).contains(&k).then_some(k as usize)
    };
    match v {
        Constant::Str(s) => {
            let n = s.chars().count();
            let k = pick(n)?;
            s.chars().nth(k).map(|c| Constant::Str(c.to_string()))
        }
        Constant::Bytes(b) => b.get(pick(b.len())?).map(|&x| Constant::Int(x as i64)),
        Constant::Tuple(t) => t.get(pick(t.len())?).cloned(),
        _ => None,
    }
}

/// A constant's identity for Python equality (`1 == 1.0 == True`), for
/// duplicate detection; None for values equal to nothing (NaN).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum EqKey {
    None,
    Ellipsis,
    /// An integral number, as decimal digits.
    Int(String),
    /// A non-integral real (bits, with -0.0 never here).
    Float(u64),
    Complex(u64, u64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<EqKey>),
}

fn float_key(f: f64) -> Option<EqKey> {
    if f.is_nan() {
        return None;
    }
    if f.is_finite() && f.fract() == 0.0 {
        let i: BigInt = num_traits::FromPrimitive::from_f64(f)?;
        return Some(EqKey::Int(i.to_string()));
    }
    Some(EqKey::Float(f.to_bits()))
}

pub(crate) fn eq_key(c: &Constant) -> Option<EqKey> {
    crate::grow(|| eq_key_inner(c))
}

fn eq_key_inner(c: &Constant) -> Option<EqKey> {
    Some(match c {
        Constant::None => EqKey::None,
        Constant::Ellipsis => EqKey::Ellipsis,
        Constant::Bool(b) => EqKey::Int((*b as i64).to_string()),
        Constant::Int(i) => EqKey::Int(i.to_string()),
        Constant::BigInt(s) => EqKey::Int(s.clone()),
        Constant::Float(f) => return float_key(*f),
        Constant::Complex { real, imag } => {
            if *imag == 0.0 {
                return float_key(*real);
            }
            if real.is_nan() || imag.is_nan() {
                return None;
            }
            let norm = |x: f64| {
                if x == 0.0 {
                    0.0f64.to_bits()
                } else {
                    x.to_bits()
                }
            };
            EqKey::Complex(norm(*real), norm(*imag))
        }
        Constant::Str(s) => EqKey::Str(s.clone()),
        Constant::Bytes(b) => EqKey::Bytes(b.clone()),
        Constant::Tuple(t) => EqKey::Tuple(t.iter().map(eq_key).collect::<Option<_>>()?),
        Constant::Wtf8(_) | Constant::FrozenSet(_) | Constant::Code(_) => return None,
    })
}

/// Python's `repr()` of a float.
pub(crate) fn float_repr(f: f64) -> String {
    float_repr_impl(f, true)
}

/// `repr` of a float; `dot0` adds `.0` to integral values (complex parts
/// go without).
fn float_repr_impl(f: f64, dot0: bool) -> String {
    if f.is_nan() {
        return "nan".to_string();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    // Shortest round-trip digits and exponent.
    let sci = format!("{:e}", f.abs());
    let (mant, exp) = sci.split_once('e').unwrap_or((sci.as_str(), "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let decpt = exp + 1;
    let sign = if f.is_sign_negative() { "-" } else { "" };
    let body = if (-4 < decpt) && (decpt <= 16) {
        if decpt <= 0 {
            format!("0.{}{}", "0".repeat((-decpt) as usize), digits)
        } else if decpt as usize >= digits.len() {
            let ints = format!("{}{}", digits, "0".repeat(decpt as usize - digits.len()));
            if dot0 {
                format!("{ints}.0")
            } else {
                ints
            }
        } else {
            format!(
                "{}.{}",
                &digits[..decpt as usize],
                &digits[decpt as usize..]
            )
        }
    } else {
        let (first, rest) = digits.split_at(1);
        let e = decpt - 1;
        let esign = if e < 0 { '-' } else { '+' };
        if rest.is_empty() {
            format!("{first}e{esign}{:02}", e.abs())
        } else {
            format!("{first}.{rest}e{esign}{:02}", e.abs())
        }
    };
    format!("{sign}{body}")
}

/// Whether Python's `str.isprintable()` holds for `c` (approximately: no
/// Unicode tables here; control, separator, format and private-use
/// characters are not printable).
fn printable(c: char) -> bool {
    let u = c as u32;
    if c == ' ' {
        return true;
    }
    if c.is_control() {
        return false;
    }
    !matches!(u,
        0xA0 | 0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x1680 | 0x180E
        | 0x2000..=0x200F | 0x2028..=0x202F | 0x205F..=0x2064 | 0x2066..=0x206F
        | 0x3000 | 0xD800..=0xF8FF | 0xFEFF | 0xFFF9..=0xFFFB
        | 0xF0000..=0x10FFFF | 0xE0001 | 0xE0020..=0xE007F)
}

/// Python's `repr()` of a str.
pub(crate) fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if c < ' ' || c == '\x7f' => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x7f || printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr()` of bytes.
pub(crate) fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &x in b {
        match x {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            x if x == quote => {
                out.push('\\');
                out.push(x as char);
            }
            0x20..=0x7e => out.push(x as char),
            x => out.push_str(&format!("\\x{x:02x}")),
        }
    }
    out.push(quote as char);
    out
}

/// Python's `repr()` of a constant (code objects as `dis` shows them).
pub(crate) fn repr(c: &Constant) -> String {
    crate::grow(|| repr_inner(c))
}

fn repr_inner(c: &Constant) -> String {
    match c {
        Constant::None => "None".to_string(),
        Constant::Bool(true) => "True".to_string(),
        Constant::Bool(false) => "False".to_string(),
        Constant::Ellipsis => "Ellipsis".to_string(),
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(s) => s.clone(),
        Constant::Float(f) => float_repr(*f),
        Constant::Complex { real, imag } => {
            let im = float_repr_impl(*imag, false);
            if *real == 0.0 && real.is_sign_positive() {
                format!("{im}j")
            } else {
                let re = float_repr_impl(*real, false);
                let sign = if im.starts_with('-') { "" } else { "+" };
                format!("({re}{sign}{im}j)")
            }
        }
        Constant::Str(s) => str_repr(s),
        Constant::Wtf8(b) => wtf8_repr(b),
        Constant::Bytes(b) => bytes_repr(b),
        Constant::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Constant::FrozenSet(items) => {
            if items.is_empty() {
                "frozenset()".to_string()
            } else {
                let parts: Vec<String> = items.iter().map(repr).collect();
                format!("frozenset({{{}}})", parts.join(", "))
            }
        }
        Constant::Code(code) => format!(
            "<code object {}, file \"{}\", line {}>",
            code.name, code.filename, code.first_line
        ),
    }
}

/// Whether two code objects are the same constant (CPython's code
/// equality: everything but the identity; constants compared by type and
/// value, so `0.0` and `-0.0` differ).
pub(crate) fn same_code(a: &crate::code::CodeObject, b: &crate::code::CodeObject) -> bool {
    crate::grow(|| same_code_inner(a, b))
}

fn same_code_inner(a: &crate::code::CodeObject, b: &crate::code::CodeObject) -> bool {
    fn same_const(x: &Constant, y: &Constant) -> bool {
        match (x, y) {
            (Constant::Code(p), Constant::Code(q)) => same_code(p, q),
            (Constant::Tuple(p), Constant::Tuple(q))
            | (Constant::FrozenSet(p), Constant::FrozenSet(q)) => {
                p.len() == q.len() && p.iter().zip(q).all(|(m, n)| same_const(m, n))
            }
            _ => ConstKey::of(x, 0) == ConstKey::of(y, 0),
        }
    }
    a.name == b.name
        && a.qualname == b.qualname
        && a.filename == b.filename
        && a.flags == b.flags
        && a.argcount == b.argcount
        && a.posonlyargcount == b.posonlyargcount
        && a.kwonlyargcount == b.kwonlyargcount
        && a.first_line == b.first_line
        && a.instructions == b.instructions
        && a.locations == b.locations
        && a.constants.len() == b.constants.len()
        && a.constants
            .iter()
            .zip(&b.constants)
            .all(|(x, y)| same_const(x, y))
        && a.names == b.names
        && a.varnames == b.varnames
        && a.cellvars == b.cellvars
        && a.freevars == b.freevars
        && a.cell2arg == b.cell2arg
        && a.exception_table == b.exception_table
        && a.stacksize == b.stacksize
        && a.ncaches == b.ncaches
}

// ---- literals with lone surrogates --------------------------------------------------
//
// The parser decodes `'\ud800'` to U+FFFD (a Rust `String` cannot hold a
// surrogate). While a source that may hold such escapes is compiled, it is
// kept here, and a literal whose value has U+FFFD is decoded again from
// its text: each escape or character of the source is one code point of
// the value, so the two line up, and `\N{...}` escapes (whose names only
// the parser resolves) take the parser's character.

thread_local! {
    static SURROGATE_SOURCE: std::cell::RefCell<Option<String>> =
        const { std::cell::RefCell::new(None) };
}

/// Runs `f` (the compilation of `source`) with the source available for
/// re-reading literals with lone surrogates.
pub(crate) fn with_source<R>(source: &str, f: impl FnOnce() -> R) -> R {
    let b = source.as_bytes();
    let needed = b
        .windows(3)
        .any(|w| w[0] == b'\\' && w[1] == b'u' && matches!(w[2], b'd' | b'D'))
        || b.windows(7).any(|w| {
            w[0] == b'\\' && w[1] == b'U' && &w[2..6] == b"0000" && matches!(w[6], b'd' | b'D')
        });
    if !needed {
        return f();
    }
    let prev = SURROGATE_SOURCE.with(|s| s.borrow_mut().replace(source.to_string()));
    let r = f();
    SURROGATE_SOURCE.with(|s| *s.borrow_mut() = prev);
    r
}

fn push_cp(out: &mut Vec<u8>, cp: u32) {
    if cp < 0x80 {
        out.push(cp as u8);
    } else if cp < 0x800 {
        out.extend_from_slice(&[0xC0 | (cp >> 6) as u8, 0x80 | (cp & 0x3F) as u8]);
    } else if cp < 0x10000 {
        out.extend_from_slice(&[
            0xE0 | (cp >> 12) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]);
    } else {
        out.extend_from_slice(&[
            0xF0 | (cp >> 18) as u8,
            0x80 | ((cp >> 12) & 0x3F) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]);
    }
}

/// The value of a string literal with lone surrogates, in generalized
/// UTF-8; `None` when it has none (or cannot be re-read).
fn surrogate_literal(e: &ast::ExprStringLiteral) -> Option<Vec<u8>> {
    use ruff_python_ast::str_prefix::StringLiteralPrefix;
    use ruff_python_ast::StringFlags;
    SURROGATE_SOURCE.with(|src| {
        let src = src.borrow();
        let src = src.as_deref()?;
        let mut out = Vec::new();
        let mut any = false;
        for part in e.value.iter() {
            let parsed: Vec<char> = part.value.chars().collect();
            let raw = matches!(part.flags.prefix(), StringLiteralPrefix::Raw { .. });
            let start = usize::from(part.range.start()) + usize::from(part.flags.opener_len());
            let end =
                usize::from(part.range.end()).checked_sub(usize::from(part.flags.closer_len()))?;
            let body = src.get(start..end)?;
            let cps = if raw { None } else { decode_body(body) };
            match cps {
                Some(cps) if cps.len() == parsed.len() => {
                    for (c, p) in cps.iter().zip(&parsed) {
                        let cp = c.unwrap_or(*p as u32);
                        any |= (0xD800..=0xDFFF).contains(&cp);
                        push_cp(&mut out, cp);
                    }
                }
                _ => {
                    for p in parsed {
                        push_cp(&mut out, p as u32);
                    }
                }
            }
        }
        any.then_some(out)
    })
}

/// The code points of a (non-raw) literal body; `None` for a `\N{...}`
/// escape, whose character the parser knows.
fn decode_body(body: &str) -> Option<Vec<Option<u32>>> {
    let cs: Vec<char> = body.chars().collect();
    let mut out = Vec::with_capacity(cs.len());
    let mut i = 0;
    let hex = |s: &[char]| -> Option<u32> {
        let t: String = s.iter().collect();
        if t.chars().all(|c| c.is_ascii_hexdigit()) {
            u32::from_str_radix(&t, 16).ok()
        } else {
            None
        }
    };
    while i < cs.len() {
        let c = cs[i];
        if c != '\\' {
            // The tokenizer reads \r\n in a string as \n.
            if c == '\r' && cs.get(i + 1) == Some(&'\n') {
                i += 1;
                continue;
            }
            out.push(Some(c as u32));
            i += 1;
            continue;
        }
        let Some(&n) = cs.get(i + 1) else {
            out.push(Some('\\' as u32));
            break;
        };
        i += 2;
        match n {
            '\n' => {}
            '\r' => {
                if cs.get(i) == Some(&'\n') {
                    i += 1;
                }
            }
            '\\' | '\'' | '"' => out.push(Some(n as u32)),
            'a' => out.push(Some(7)),
            'b' => out.push(Some(8)),
            'f' => out.push(Some(12)),
            'n' => out.push(Some(10)),
            'r' => out.push(Some(13)),
            't' => out.push(Some(9)),
            'v' => out.push(Some(11)),
            '0'..='7' => {
                let mut v = n as u32 - '0' as u32;
                for _ in 0..2 {
                    match cs.get(i) {
                        Some(&d @ '0'..='7') => {
                            v = v * 8 + (d as u32 - '0' as u32);
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push(Some(v));
            }
            'x' | 'u' | 'U' => {
                let k = match n {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let v = hex(cs.get(i..i + k)?)?;
                i += k;
                out.push(Some(v));
            }
            'N' => {
                let close = cs[i..].iter().position(|&c| c == '}')?;
                i += close + 1;
                out.push(None);
            }
            other => {
                out.push(Some('\\' as u32));
                out.push(Some(other as u32));
            }
        }
    }
    Some(out)
}

/// `repr()` of a str constant with lone surrogates.
fn wtf8_repr(b: &[u8]) -> String {
    let mut s = String::new();
    let mut i = 0;
    let mut cps = Vec::new();
    while i < b.len() {
        let lead = b[i];
        let (n, init) = match lead {
            0..=0x7F => (1, lead as u32),
            0xC0..=0xDF => (2, (lead & 0x1F) as u32),
            0xE0..=0xEF => (3, (lead & 0x0F) as u32),
            _ => (4, (lead & 0x07) as u32),
        };
        let mut cp = init;
        for k in 1..n {
            cp = (cp << 6) | (b.get(i + k).copied().unwrap_or(0x80) & 0x3F) as u32;
        }
        cps.push(cp);
        i += n;
    }
    // Escape the surrogates, the rest as str_repr does (on a stand-in).
    let stand_in: String = cps
        .iter()
        .map(|&c| char::from_u32(c).unwrap_or('\u{E000}'))
        .collect();
    let r = str_repr(&stand_in);
    let mut k = 0;
    for c in r.chars() {
        if c == '\u{E000}' {
            while k < cps.len() && char::from_u32(cps[k]).is_some() {
                k += 1;
            }
            s.push_str(&format!("\\u{:04x}", cps.get(k).copied().unwrap_or(0)));
            k += 1;
        } else {
            s.push(c);
        }
    }
    s
}
