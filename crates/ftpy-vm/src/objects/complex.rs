//! `complex`: a pair of floats.

use ftpy_compiler::{BinaryOp, CompareOp};

use crate::error::PyResult;
use crate::gc::Marker;
use crate::interp::{types, BuiltinTypes};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::float::as_f64;
use crate::objects::int::{int_to_f64, is_int};
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, TypeObj};
use crate::objects::{add_getset, add_methods, method};
use crate::thread::ThreadState;
use crate::value::Value;

#[repr(C)]
pub struct ComplexObj {
    pub header: Header,
    pub re: f64,
    pub im: f64,
}

// SAFETY: repr(C), Header first, no references.
unsafe impl HeapObj for ComplexObj {
    const KIND: Kind = Kind::Complex;
    fn trace(&self, _m: &mut Marker) {}
}

impl ComplexObj {
    pub fn new(ts: &mut ThreadState, re: f64, im: f64) -> Value {
        ts.alloc(ComplexObj {
            header: Header::new(types().complex, Kind::Complex, 0),
            re,
            im,
        })
        .value()
    }
}

/// `x ** y` for a negative float base and fractional exponent.
pub fn complex_pow_real(ts: &mut ThreadState, x: f64, y: f64) -> PyResult<Value> {
    let (re, im) = cpow((x, 0.0), (y, 0.0));
    Ok(ComplexObj::new(ts, re, im))
}

fn cpow(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    if b.0 == 0.0 && b.1 == 0.0 {
        return (1.0, 0.0);
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        return (0.0, 0.0);
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    (len * phase.cos(), len * phase.sin())
}

/// A complex operand (complex, float or int).
fn operand(ts: &mut ThreadState, v: Value) -> PyResult<Option<(f64, f64)>> {
    if let Some(c) = v.downcast::<ComplexObj>() {
        return Ok(Some((c.re, c.im)));
    }
    if let Some(f) = as_f64(v) {
        return Ok(Some((f, 0.0)));
    }
    if is_int(v) {
        return Ok(Some((int_to_f64(ts, v)?, 0.0)));
    }
    Ok(None)
}

macro_rules! cbin {
    ($name:ident, |$ts:ident, $a:ident, $b:ident| $body:expr) => {
        fn $name($ts: &mut ThreadState, x: Value, y: Value) -> PyResult<Value> {
            let Some($a) = operand($ts, x)? else {
                return Ok(Value::NOT_IMPLEMENTED);
            };
            let Some($b) = operand($ts, y)? else {
                return Ok(Value::NOT_IMPLEMENTED);
            };
            let (re, im): (f64, f64) = $body;
            Ok(ComplexObj::new($ts, re, im))
        }
    };
}

cbin!(c_add, |ts, a, b| (a.0 + b.0, a.1 + b.1));
cbin!(c_sub, |ts, a, b| (a.0 - b.0, a.1 - b.1));
cbin!(c_mul, |ts, a, b| (
    a.0 * b.0 - a.1 * b.1,
    a.0 * b.1 + a.1 * b.0
));
cbin!(c_div, |ts, a, b| {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Err(ts.zero_division_error("complex division by zero"));
    }
    let d = b.0 * b.0 + b.1 * b.1;
    ((a.0 * b.0 + a.1 * b.1) / d, (a.1 * b.0 - a.0 * b.1) / d)
});
cbin!(c_pow, |ts, a, b| {
    if a.0 == 0.0 && a.1 == 0.0 && (b.1 != 0.0 || b.0 < 0.0) {
        return Err(ts.zero_division_error("0.0 to a negative or complex power"));
    }
    cpow(a, b)
});

fn fmt_part(f: f64) -> String {
    let s = crate::format::float_repr(f);
    match s.strip_suffix(".0") {
        Some(t) => t.to_string(),
        None => s,
    }
}

fn c_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let Some(c) = v.downcast::<ComplexObj>() else {
        return Err(ts.type_error("expected complex"));
    };
    let s = if c.re == 0.0 && c.re.is_sign_positive() {
        format!("{}j", fmt_part(c.im))
    } else {
        let im = fmt_part(c.im);
        let sign = if im.starts_with('-') || (c.im.is_nan() && im.starts_with('-')) {
            ""
        } else {
            "+"
        };
        format!("({}{}{}j)", fmt_part(c.re), sign, im)
    };
    Ok(StrObj::new(ts, &s))
}

fn c_hash(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    let Some(c) = v.downcast::<ComplexObj>() else {
        return Err(ts.type_error("expected complex"));
    };
    let hr = crate::hash::hash_f64(c.re) as u64;
    let hi = crate::hash::hash_f64(c.im) as u64;
    let h = hr.wrapping_add(1000003u64.wrapping_mul(hi)) as i64;
    Ok(if h == -1 { -2 } else { h })
}

fn c_richcompare(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    if op != CompareOp::Eq && op != CompareOp::Ne {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let (Some(x), Some(y)) = (operand(ts, a)?, operand(ts, b)?) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    Ok(Value::from_bool((x == y) == (op == CompareOp::Eq)))
}

fn c_bool(_ts: &mut ThreadState, v: Value) -> PyResult<bool> {
    Ok(v.downcast::<ComplexObj>()
        .map(|c| c.re != 0.0 || c.im != 0.0)
        .unwrap_or(true))
}

fn c_neg(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let c = v
        .downcast::<ComplexObj>()
        .ok_or_else(|| ts.type_error("expected complex"))?;
    Ok(ComplexObj::new(ts, -c.re, -c.im))
}

fn c_pos(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let c = v
        .downcast::<ComplexObj>()
        .ok_or_else(|| ts.type_error("expected complex"))?;
    Ok(ComplexObj::new(ts, c.re, c.im))
}

fn c_abs(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let c = v
        .downcast::<ComplexObj>()
        .ok_or_else(|| ts.type_error("expected complex"))?;
    let r = c.re.hypot(c.im);
    if r.is_infinite() && c.re.is_finite() && c.im.is_finite() {
        return Err(ts.overflow_error("absolute value too large"));
    }
    Ok(Value::from_f64(r))
}

fn c_new(
    ts: &mut ThreadState,
    _cls: Gc<TypeObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let a = crate::builtins::args::parse(ts, "complex", args, kw, &["real", "imag"], 0, 2)?;
    let parse_part = |ts: &mut ThreadState, v: Value| -> PyResult<(f64, f64)> {
        if let Some(p) = operand(ts, v)? {
            return Ok(p);
        }
        if let Some(f) = crate::objects::typeobj::type_of(v).slots.float.get() {
            let r = f(ts, v)?;
            return Ok((as_f64(r).unwrap_or(0.0), 0.0));
        }
        Err(ts.type_error(format!(
            "complex() first argument must be a string or a number, not '{}'",
            type_name(v)
        )))
    };
    if let Some(s) = a.get(0).and_then(|v| v.downcast::<StrObj>()) {
        if a.get(1).is_some() {
            return Err(ts.type_error("complex() can't take second arg if first is a string"));
        }
        return match parse_complex(s.as_str()) {
            Some((re, im)) => Ok(ComplexObj::new(ts, re, im)),
            None => Err(ts.value_error("complex() arg is a malformed string")),
        };
    }
    let (r0, i0) = match a.get(0) {
        Some(v) => parse_part(ts, v)?,
        None => (0.0, 0.0),
    };
    let (r1, i1) = match a.get(1) {
        Some(v) => parse_part(ts, v)?,
        None => (0.0, 0.0),
    };
    Ok(ComplexObj::new(ts, r0 - i1, i0 + r1))
}

fn parse_complex(s: &str) -> Option<(f64, f64)> {
    let t = s.trim();
    let t = t
        .strip_prefix('(')
        .and_then(|x| x.strip_suffix(')'))
        .unwrap_or(t)
        .trim();
    if let Some(body) = t.strip_suffix(['j', 'J']) {
        // Find the split between real and imaginary parts.
        let bytes = body.as_bytes();
        let mut split = None;
        for i in (1..bytes.len()).rev() {
            if (bytes[i] == b'+' || bytes[i] == b'-') && !matches!(bytes[i - 1], b'e' | b'E') {
                split = Some(i);
                break;
            }
        }
        let im_s = match split {
            Some(i) => &body[i..],
            None => body,
        };
        let im = match im_s {
            "" | "+" => 1.0,
            "-" => -1.0,
            x => crate::objects::float::parse_float(x)?,
        };
        let re = match split {
            Some(i) => crate::objects::float::parse_float(&body[..i])?,
            None => 0.0,
        };
        return Some((re, im));
    }
    Some((crate::objects::float::parse_float(t)?, 0.0))
}

fn get_real(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let c = v
        .downcast::<ComplexObj>()
        .ok_or_else(|| ts.type_error("expected complex"))?;
    Ok(crate::objects::float::new_float(ts, c.re))
}
fn get_imag(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let c = v
        .downcast::<ComplexObj>()
        .ok_or_else(|| ts.type_error("expected complex"))?;
    Ok(crate::objects::float::new_float(ts, c.im))
}
fn m_conjugate(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let c = args[0]
        .downcast::<ComplexObj>()
        .ok_or_else(|| ts.type_error("expected complex"))?;
    Ok(ComplexObj::new(ts, c.re, -c.im))
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let ty = t.complex;
    let s = &ty.slots;
    s.repr.set(Some(c_repr));
    s.hash.set(Some(c_hash));
    s.richcompare.set(Some(c_richcompare));
    s.bool.set(Some(c_bool));
    s.neg.set(Some(c_neg));
    s.pos.set(Some(c_pos));
    s.abs.set(Some(c_abs));
    s.new.set(Some(c_new));
    s.nb[BinaryOp::Add as usize].set(Some(c_add));
    s.nb[BinaryOp::Subtract as usize].set(Some(c_sub));
    s.nb[BinaryOp::Multiply as usize].set(Some(c_mul));
    s.nb[BinaryOp::TrueDivide as usize].set(Some(c_div));
    s.nb[BinaryOp::Power as usize].set(Some(c_pow));
    add_getset(ts, ty, "real", get_real, None);
    add_getset(ts, ty, "imag", get_imag, None);
    add_methods(ts, ty, &[method("conjugate", m_conjugate)]);
}
