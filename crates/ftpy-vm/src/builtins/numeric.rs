//! Builtins about single objects and numbers: `abs`, `bin`/`oct`/`hex`,
//! `chr`/`ord`, `divmod`, `pow`, `round`, `hash`, `id`, `format`, `len`,
//! `repr`, `ascii`, `callable`.

use ftpy_compiler::BinaryOp;

use crate::error::PyResult;
use crate::interp::{interp, names, types};
use crate::object::Gc;
use crate::objects::int;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, type_of, TypeObj};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

use super::args::Sig;
use super::{ascii_of, to_f64, Kw};

pub(super) fn b_len(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("len(obj, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let n = ops::len(ts, v)?;
    Ok(int::int_from_u64(ts, n as u64))
}

pub(super) fn b_repr(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("repr(obj, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    Ok(ops::repr(ts, v)?.value())
}

pub(super) fn b_ascii(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("ascii(obj, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let s = ascii_of(ts, v)?;
    Ok(StrObj::new(ts, &s))
}

pub(super) fn b_abs(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("abs(x, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    if let Some(i) = v.as_small_int() {
        return Ok(int::int_from_i64(ts, i.abs()));
    }
    if let Some(f) = v.as_float() {
        return Ok(crate::objects::float::new_float(ts, f.abs()));
    }
    ops::abs(ts, v)
}

pub(super) fn b_callable(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("callable(obj, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    Ok(Value::from_bool(ops::callable(v)))
}

/// `bin`/`oct`/`hex`: the integer's digits in `radix` after `prefix`.
fn radix(ts: &mut ThreadState, v: Value, radix: u32, prefix: &str) -> PyResult<Value> {
    let i = ops::index(ts, v)?;
    let s = match int::to_i64(i) {
        Some(n) => {
            let mag = n.unsigned_abs();
            let digits = match radix {
                2 => format!("{mag:b}"),
                8 => format!("{mag:o}"),
                _ => format!("{mag:x}"),
            };
            format!("{}{prefix}{digits}", if n < 0 { "-" } else { "" })
        }
        None => {
            let b = int::to_big(i).unwrap_or_default();
            let neg = num_traits::Signed::is_negative(b.as_ref());
            let mag = num_traits::Signed::abs(b.as_ref()).to_str_radix(radix);
            format!("{}{prefix}{mag}", if neg { "-" } else { "" })
        }
    };
    Ok(StrObj::new(ts, &s))
}

pub(super) fn b_bin(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("bin(number, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    radix(ts, v, 2, "0b")
}

pub(super) fn b_oct(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("oct(number, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    radix(ts, v, 8, "0o")
}

pub(super) fn b_hex(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("hex(number, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    radix(ts, v, 16, "0x")
}

pub(super) fn b_chr(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("chr(i, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let i = ops::index(ts, v)?;
    let n = match int::to_i64(i) {
        Some(n) if i32::try_from(n).is_ok() => n,
        _ => {
            return Err(ts.overflow_error(if int::to_i64_saturating(i) < 0 {
                "Python int too small to convert to C int"
            } else {
                "Python int too large to convert to C int"
            }))
        }
    };
    if !(0..=0x10ffff).contains(&n) {
        return Err(ts.value_error("chr() arg not in range(0x110000)"));
    }
    match char::from_u32(n as u32) {
        Some(c) => {
            let mut buf = [0u8; 4];
            Ok(crate::objects::str::new_str(ts, c.encode_utf8(&mut buf)))
        }
        // ftpy's str is UTF-8 and cannot hold a lone surrogate yet
        // (docs/deviations.md): say so rather than substitute a character.
        None => Err(ts.value_error(format!(
            "chr() arg {n:#x} is a lone surrogate, which ftpy's str cannot hold yet"
        ))),
    }
}

pub(super) fn b_ord(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("ord(c, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    if let Some(s) = v.downcast::<StrObj>() {
        if s.char_len() != 1 {
            return Err(ts.type_error(format!(
                "ord() expected a character, but string of length {} found",
                s.char_len()
            )));
        }
        return Ok(Value::small_int_unchecked(s.char_at(0) as i64));
    }
    if let Some(b) = crate::objects::bytes::bytes_data(v) {
        if b.len() != 1 {
            return Err(ts.type_error(format!(
                "ord() expected a character, but string of length {} found",
                b.len()
            )));
        }
        return Ok(Value::small_int_unchecked(b[0] as i64));
    }
    Err(ts.type_error(format!(
        "ord() expected string of length 1, but {} found",
        type_name(v)
    )))
}

/// `divmod(a, b)` for ints and floats (exact or subclass); None when one
/// operand is neither.
pub fn numeric_divmod(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Option<Value>> {
    let num = |v: Value| int::is_int(v) || crate::objects::float::is_float(v);
    if !(num(a) && num(b)) {
        return Ok(None);
    }
    if int::is_int(a) && int::is_int(b) {
        if int::to_i64(b) == Some(0) {
            return Err(ts.zero_division_error("integer division or modulo by zero"));
        }
        let q = int::int_floordiv(ts, a, b)?;
        let r = int::int_mod(ts, a, b)?;
        return Ok(Some(TupleObj::new(ts, &[q, r]).value()));
    }
    let x = to_f64(ts, a)?;
    let y = to_f64(ts, b)?;
    if y == 0.0 {
        return Err(ts.zero_division_error("float divmod()"));
    }
    let (q, r) = crate::objects::float::float_divmod(x, y);
    let (q, r) = (
        crate::objects::float::new_float(ts, q),
        crate::objects::float::new_float(ts, r),
    );
    Ok(Some(TupleObj::new(ts, &[q, r]).value()))
}

pub(super) fn b_divmod(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("divmod(x, y, /)");
    let [a, b] = SIG.bind(ts, args, kw)?;
    if let Some(r) = numeric_divmod(ts, a, b)? {
        return Ok(r);
    }
    if let Some(r) = crate::objects::slots::call_dunder(ts, a, names().__divmod__, &[b])? {
        if r != Value::NOT_IMPLEMENTED {
            return Ok(r);
        }
    }
    if let Some(r) = crate::objects::slots::call_dunder(ts, b, names().__rdivmod__, &[a])? {
        if r != Value::NOT_IMPLEMENTED {
            return Ok(r);
        }
    }
    Err(ts.unsupported_operands("divmod()", a, b))
}

pub(super) fn b_format(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("format(value, format_spec='', /)");
    let [v, spec] = SIG.bind(ts, args, kw)?;
    let spec = if spec.is_null() {
        interp().empty_str
    } else {
        match spec.downcast::<StrObj>() {
            Some(s) => s,
            None => {
                return Err(ts.type_error(format!(
                    "format() argument 2 must be str, not {}",
                    type_name(spec)
                )))
            }
        }
    };
    Ok(ops::format(ts, v, spec)?.value())
}

pub(super) fn b_hash(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("hash(obj, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let h = ops::hash(ts, v)?;
    Ok(int::int_from_i64(ts, h))
}

pub(super) fn b_id(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("id(obj, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let id = if v.is_ptr() {
        v.addr_unchecked() as u64
    } else {
        v.bits() >> 1
    };
    Ok(int::int_from_u64(ts, id))
}

// ---- pow -----------------------------------------------------------------------------

pub(super) fn b_pow(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("pow(base, exp, mod=None)");
    let [base, exp, m] = SIG.bind(ts, args, kw)?;
    if m.is_null() || m.is_none() {
        return ops::binary_op(ts, base, exp, BinaryOp::Power);
    }
    ternary_pow(ts, base, exp, m)
}

/// How a type computes three-argument `pow` (CPython's `nb_power` called
/// with a modulus).
#[derive(Copy, Clone, PartialEq, Eq)]
enum Pow3 {
    Int,
    Float,
    Complex,
    /// A class written in Python that defines `__pow__` or `__rpow__`.
    Python,
    None,
}

fn pow3_kind(ty: Gc<TypeObj>) -> Pow3 {
    let t = types();
    if ty.is_heap_type() {
        let python_defined = |name| {
            ty.lookup(name).is_some_and(|f| {
                f.downcast::<crate::objects::builtin::BuiltinObj>()
                    .is_none()
            })
        };
        if python_defined(names().__pow__) || python_defined(names().__rpow__) {
            return Pow3::Python;
        }
    }
    if ty == t.int || ty.is_subtype(t.int) {
        Pow3::Int
    } else if ty == t.float || ty.is_subtype(t.float) {
        Pow3::Float
    } else if ty == t.complex || ty.is_subtype(t.complex) {
        Pow3::Complex
    } else {
        Pow3::None
    }
}

/// One type's three-argument power, or NotImplemented.
fn pow3_slot(ts: &mut ThreadState, kind: Pow3, v: Value, w: Value, z: Value) -> PyResult<Value> {
    match kind {
        Pow3::Int => {
            if int::is_int(v) && int::is_int(w) && int::is_int(z) {
                int::int_pow_mod(ts, v, w, z)
            } else {
                Ok(Value::NOT_IMPLEMENTED)
            }
        }
        Pow3::Float => {
            let num = |x: Value| int::is_int(x) || crate::objects::float::is_float(x);
            if !(num(v) && num(w)) {
                return Ok(Value::NOT_IMPLEMENTED);
            }
            Err(ts.type_error("pow() 3rd argument not allowed unless all arguments are integers"))
        }
        Pow3::Complex => Err(ts.value_error("complex modulo")),
        // Three-argument power never uses __rpow__: only the first
        // operand's own __pow__ is called.
        Pow3::Python => {
            if pow3_kind(type_of(v)) != Pow3::Python {
                return Ok(Value::NOT_IMPLEMENTED);
            }
            match type_of(v).lookup(names().__pow__) {
                Some(f) => ops::call_unbound(ts, f, v, &[w, z], None),
                None => Ok(Value::NOT_IMPLEMENTED),
            }
        }
        Pow3::None => Ok(Value::NOT_IMPLEMENTED),
    }
}

/// `pow(v, w, z)` with a modulus, as CPython's `ternary_op`: the first
/// operand's type, then the second's (first if it is a subclass), then
/// the modulus's.
pub fn ternary_pow(ts: &mut ThreadState, v: Value, w: Value, z: Value) -> PyResult<Value> {
    let (tv, tw, tz) = (type_of(v), type_of(w), type_of(z));
    let kv = pow3_kind(tv);
    let mut kw = if tw != tv { pow3_kind(tw) } else { Pow3::None };
    if kw == kv {
        kw = Pow3::None;
    }
    if kv != Pow3::None {
        if kw != Pow3::None && tw.is_subtype(tv) {
            let r = pow3_slot(ts, kw, v, w, z)?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(r);
            }
            kw = Pow3::None;
        }
        let r = pow3_slot(ts, kv, v, w, z)?;
        if r != Value::NOT_IMPLEMENTED {
            return Ok(r);
        }
    }
    if kw != Pow3::None {
        let r = pow3_slot(ts, kw, v, w, z)?;
        if r != Value::NOT_IMPLEMENTED {
            return Ok(r);
        }
    }
    if tz != tv && tz != tw {
        let kz = pow3_kind(tz);
        if kz != Pow3::None && kz != kv && kz != kw {
            let r = pow3_slot(ts, kz, v, w, z)?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(r);
            }
        }
    }
    Err(ts.type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        type_name(v),
        type_name(w),
        type_name(z)
    )))
}

// ---- round ---------------------------------------------------------------------------

pub(super) fn b_round(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("round(number, ndigits=None)");
    let [x, nd] = SIG.bind(ts, args, kw)?;
    let nd = nd.non_null().filter(|v| !v.is_none());
    if let Some(f) = x.as_float() {
        return match nd {
            None => crate::objects::float::round_to_int(ts, f),
            Some(n) => {
                // float.__round__ clamps a huge ndigits (nothing can change
                // past the double's range).
                let n = ops::index(ts, n)?;
                let n = int::to_i64_saturating(n);
                match crate::objects::float::round_float(f, n) {
                    Some(r) => Ok(crate::objects::float::new_float(ts, r)),
                    None => Err(ts.overflow_error("rounded value too large to represent")),
                }
            }
        };
    }
    let Some(r) = type_of(x).lookup(names().__round__) else {
        return Err(ts.type_error(format!(
            "type {} doesn't define __round__ method",
            type_name(x)
        )));
    };
    match nd {
        None => ops::call_unbound(ts, r, x, &[], None),
        Some(n) => ops::call_unbound(ts, r, x, &[n], None),
    }
}
