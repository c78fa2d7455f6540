//! Builtins about single objects and numbers: `abs`, `bin`/`oct`/`hex`,
//! `chr`/`ord`, `divmod`, `pow`, `round`, `hash`, `id`, `format`, `len`,
//! `repr`, `ascii`, `callable`.

use ftpy_compiler::BinaryOp;

use crate::error::PyResult;
use crate::interp::{interp, names};
use crate::objects::int;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, type_of};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

use super::args::Sig;
use super::{to_f64, Kw};

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
    // An ASCII repr is the result itself (a str subclass stays one).
    let r = crate::ops::repr(ts, v)?;
    if r.as_str().is_ascii() {
        return Ok(r.value());
    }
    let s = super::ascii_escape(r.as_str());
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
    Ok(crate::objects::str::from_code_point(ts, n as u32))
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
    ops::power3(ts, base, exp, m)
}

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
