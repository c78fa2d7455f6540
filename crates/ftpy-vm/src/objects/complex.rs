//! `complex`: a pair of floats.
//!
//! Exact complex numbers and instances of complex subclasses are both
//! `ComplexObj`s (immutable, so shared freely between threads). The
//! arithmetic follows CPython's C code operation for operation (Smith's
//! division, repeated squaring for small integral powers, the polar form
//! otherwise), so results agree to the last bit.

use ftpy_compiler::{BinaryOp, CompareOp};

use crate::error::PyResult;
use crate::gc::Marker;
use crate::interp::{names, types, BuiltinTypes};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::float::{as_f64, libm, to_float};
use crate::objects::int::{int_to_f64, is_int};
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, type_of, TypeObj};
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
    /// A new exact complex.
    pub fn new(ts: &mut ThreadState, re: f64, im: f64) -> Value {
        ts.alloc(ComplexObj {
            header: Header::new(types().complex, Kind::Complex, 0),
            re,
            im,
        })
        .value()
    }

    /// A complex of type `cls` (complex or a subclass).
    pub fn new_of_type(ts: &mut ThreadState, cls: Gc<TypeObj>, re: f64, im: f64) -> Value {
        if cls == types().complex {
            return ComplexObj::new(ts, re, im);
        }
        let obj = ComplexObj {
            header: Header::new(cls, Kind::Complex, 0),
            re,
            im,
        };
        crate::objects::instance::alloc_with_attrs(ts, cls, obj).value()
    }
}

/// A complex number as Rust sees it.
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct C64 {
    pub re: f64,
    pub im: f64,
}

const ONE: C64 = C64 { re: 1.0, im: 0.0 };

fn c(re: f64, im: f64) -> C64 {
    C64 { re, im }
}

fn c_prod(a: C64, b: C64) -> C64 {
    c(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
}

/// `a / b` by Smith's method; `None` when `b` is zero.
fn c_quot(a: C64, b: C64) -> Option<C64> {
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
        // A NaN in b.
        Some(c(f64::NAN, f64::NAN))
    }
}

/// Why a complex power failed.
enum PowErr {
    /// `0` to a negative or complex power.
    Domain,
}

/// `a ** b` in polar form.
fn c_pow(a: C64, b: C64) -> Result<C64, PowErr> {
    if b.re == 0.0 && b.im == 0.0 {
        return Ok(ONE);
    }
    if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 {
            return Err(PowErr::Domain);
        }
        return Ok(c(0.0, 0.0));
    }
    let vabs = libm::hypot(a.re, a.im);
    let mut len = libm::pow(vabs, b.re);
    let at = libm::atan2(a.im, a.re);
    let mut phase = at * b.re;
    if b.im != 0.0 {
        len /= libm::exp(at * b.im);
        phase += b.im * libm::log(vabs);
    }
    Ok(c(len * libm::cos(phase), len * libm::sin(phase)))
}

/// `x ** n` by repeated squaring (n >= 0).
fn c_powu(x: C64, n: u64) -> C64 {
    let mut r = ONE;
    let mut p = x;
    let mut mask: u64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

fn c_powi(x: C64, n: i64) -> Result<C64, PowErr> {
    if !(-100..=100).contains(&n) {
        return c_pow(x, c(n as f64, 0.0));
    }
    if n > 0 {
        Ok(c_powu(x, n as u64))
    } else {
        c_quot(ONE, c_powu(x, n.unsigned_abs())).ok_or(PowErr::Domain)
    }
}

/// `a ** b` as the `**` operator computes it (errors as Python errors).
/// As in CPython, the C library's `errno` from the functions used counts:
/// a domain error there (`cos(inf)`) is reported like `0 ** -1`.
pub fn complex_power(ts: &mut ThreadState, a: C64, b: C64) -> PyResult<C64> {
    let integral = b.im == 0.0 && b.re == b.re.trunc() && b.re.abs() < 9.2e18;
    libm::set_errno(0);
    let r = if integral {
        c_powi(a, b.re as i64)
    } else {
        c_pow(a, b)
    };
    let p = match r {
        Err(PowErr::Domain) => {
            return Err(ts.zero_division_error("0.0 to a negative or complex power"))
        }
        Ok(p) => p,
    };
    let mut err = libm::errno();
    if p.re.is_infinite() || p.im.is_infinite() {
        if err == 0 {
            err = libm::ERANGE;
        }
    } else if err == libm::ERANGE {
        err = 0;
    }
    if err == libm::EDOM {
        return Err(ts.zero_division_error("0.0 to a negative or complex power"));
    }
    if err == libm::ERANGE {
        return Err(ts.overflow_error("complex exponentiation"));
    }
    Ok(p)
}

/// `x ** y` for a negative float base and fractional exponent.
pub fn complex_pow_real(ts: &mut ThreadState, x: f64, y: f64) -> PyResult<Value> {
    let p = complex_power(ts, c(x, 0.0), c(y, 0.0))?;
    Ok(ComplexObj::new(ts, p.re, p.im))
}

/// The complex value of a complex (exact or subclass).
#[inline]
pub fn as_c64(v: Value) -> Option<C64> {
    v.downcast::<ComplexObj>().map(|o| c(o.re, o.im))
}

/// A complex operand (complex, float or int).
fn operand(ts: &mut ThreadState, v: Value) -> PyResult<Option<C64>> {
    if let Some(z) = as_c64(v) {
        return Ok(Some(z));
    }
    if let Some(f) = as_f64(v) {
        return Ok(Some(c(f, 0.0)));
    }
    if is_int(v) {
        return Ok(Some(c(int_to_f64(ts, v)?, 0.0)));
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
            let r: C64 = $body;
            Ok(ComplexObj::new($ts, r.re, r.im))
        }
    };
}

cbin!(c_add, |ts, a, b| c(a.re + b.re, a.im + b.im));
cbin!(c_sub, |ts, a, b| c(a.re - b.re, a.im - b.im));
cbin!(c_mul, |ts, a, b| c_prod(a, b));
cbin!(c_div, |ts, a, b| match c_quot(a, b) {
    Some(q) => q,
    None => return Err(ts.zero_division_error("complex division by zero")),
});
cbin!(c_pow_op, |ts, a, b| complex_power(ts, a, b)?);

/// `repr(complex)` / `str(complex)`.
pub fn complex_repr_text(re: f64, im: f64) -> String {
    crate::format::complex_repr(re, im)
}

fn c_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let z = self_c64(ts, v)?;
    Ok(StrObj::new(ts, &complex_repr_text(z.re, z.im)))
}

fn c_hash(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    let z = self_c64(ts, v)?;
    let part = |f: f64| {
        if f.is_nan() {
            crate::hash::hash_pointer(v)
        } else {
            crate::hash::hash_f64(f)
        }
    };
    let h = (part(z.re) as u64).wrapping_add(1000003u64.wrapping_mul(part(z.im) as u64)) as i64;
    Ok(if h == -1 { -2 } else { h })
}

fn c_richcompare(_ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    if op != CompareOp::Eq && op != CompareOp::Ne {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let Some(x) = as_c64(a) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let equal = if is_int(b) {
        // Exact: compare the real part with the int as floats and ints
        // compare (a big int is never rounded).
        if x.im != 0.0 {
            false
        } else {
            crate::objects::int::numeric_eq(Value::from_f64(x.re), b).unwrap_or(false)
        }
    } else if let Some(f) = as_f64(b) {
        x.re == f && x.im == 0.0
    } else if let Some(y) = as_c64(b) {
        x.re == y.re && x.im == y.im
    } else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    Ok(Value::from_bool(equal == (op == CompareOp::Eq)))
}

fn self_c64(ts: &mut ThreadState, v: Value) -> PyResult<C64> {
    as_c64(v).ok_or_else(|| {
        ts.type_error(format!(
            "descriptor requires a 'complex' object but received a '{}'",
            type_name(v)
        ))
    })
}

fn c_bool(ts: &mut ThreadState, v: Value) -> PyResult<bool> {
    let z = self_c64(ts, v)?;
    Ok(z.re != 0.0 || z.im != 0.0)
}

fn c_neg(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let z = self_c64(ts, v)?;
    Ok(ComplexObj::new(ts, -z.re, -z.im))
}

fn c_pos(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let z = self_c64(ts, v)?;
    if type_of(v) == types().complex {
        return Ok(v);
    }
    Ok(ComplexObj::new(ts, z.re, z.im))
}

/// `abs(z)`: inf if either part is, nan if either part is, else `hypot`.
pub fn c_abs_value(z: C64) -> Result<f64, ()> {
    if z.re.is_infinite() || z.im.is_infinite() {
        return Ok(f64::INFINITY);
    }
    if z.re.is_nan() || z.im.is_nan() {
        return Ok(f64::NAN);
    }
    let r = libm::hypot(z.re, z.im);
    if r.is_infinite() {
        return Err(());
    }
    Ok(r)
}

fn c_abs(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let z = self_c64(ts, v)?;
    match c_abs_value(z) {
        Ok(r) => Ok(crate::objects::float::new_float(ts, r)),
        Err(()) => Err(ts.overflow_error("absolute value too large")),
    }
}

/// `complex(x)`'s treatment of a value with `__complex__`: the result,
/// checked to be a complex; None when the type has no `__complex__`.
pub fn try_complex_special(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let Some(f) = type_of(v).lookup(names().__complex__) else {
        return Ok(None);
    };
    let r = crate::ops::call_unbound(ts, f, v, &[], None)?;
    let Some(z) = as_c64(r) else {
        return Err(ts.type_error(format!(
            "__complex__ returned non-complex (type {})",
            type_name(r)
        )));
    };
    if type_of(r) == types().complex {
        return Ok(Some(r));
    }
    let msg = format!(
        "__complex__ returned non-complex (type {}).  The ability to return an instance of a \
         strict subclass of complex is deprecated, and may be removed in a future version of \
         Python.",
        type_name(r)
    );
    crate::sys::warn_named(ts, "DeprecationWarning", &msg, 1)?;
    Ok(Some(ComplexObj::new(ts, z.re, z.im)))
}

/// Whether `complex()` accepts `v` as a number part (CPython: the type
/// has `__float__` or `__index__`, or is a complex).
fn is_number(v: Value) -> bool {
    if as_c64(v).is_some() || is_int(v) || as_f64(v).is_some() {
        return true;
    }
    let s = &type_of(v).slots;
    s.float.get().is_some() || s.index.get().is_some()
}

fn c_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("complex(real=0, imag=0)");
    let [r, i] = SIG.bind(ts, args, kw)?;
    let i = i.non_null();
    let Some(mut r) = r.non_null() else {
        return match i {
            None => Ok(ComplexObj::new_of_type(ts, cls, 0.0, 0.0)),
            Some(_) => complex_from_parts(ts, cls, Value::small_int_unchecked(0), i),
        };
    };
    if cls == types().complex && i.is_none() && type_of(r) == types().complex {
        return Ok(r);
    }
    if let Some(s) = r.downcast::<StrObj>() {
        if i.is_some() {
            return Err(ts.type_error("complex() can't take second arg if first is a string"));
        }
        let (re, im) = parse_complex_str(ts, s.as_str(), r)?;
        return Ok(ComplexObj::new_of_type(ts, cls, re, im));
    }
    if let Some(iv) = i {
        if iv.downcast::<StrObj>().is_some() {
            return Err(ts.type_error("complex() second arg can't be a string"));
        }
    }
    if let Some(t) = try_complex_special(ts, r)? {
        r = t;
    }
    complex_from_parts(ts, cls, r, i)
}

/// `complex(r, i)` once strings and `__complex__` are dealt with.
fn complex_from_parts(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    r: Value,
    i: Option<Value>,
) -> PyResult<Value> {
    if !is_number(r) {
        return Err(ts.type_error(format!(
            "complex() first argument must be a string or a number, not '{}'",
            type_name(r)
        )));
    }
    if let Some(iv) = i {
        if !is_number(iv) {
            return Err(ts.type_error(format!(
                "complex() second argument must be a number, not '{}'",
                type_name(iv)
            )));
        }
    }
    let (cr, cr_is_complex) = match as_c64(r) {
        Some(z) => (z, true),
        None => (c(to_float(ts, r)?, 0.0), false),
    };
    let (mut ci, ci_is_complex) = match i {
        None => (c(cr.im, 0.0), false),
        Some(iv) => match as_c64(iv) {
            Some(z) => (z, true),
            None => (c(to_float(ts, iv)?, 0.0), false),
        },
    };
    let mut re = cr.re;
    if ci_is_complex {
        re -= ci.im;
    }
    if cr_is_complex && i.is_some() {
        ci.re += cr.im;
    }
    Ok(ComplexObj::new_of_type(ts, cls, re, ci.re))
}

/// `complex(str)`: `<float>`, `<float>j`, `<float><signed-float>j`, and
/// the older `<float><sign>j`, `<sign>j`, `j`, optionally in parentheses,
/// with surrounding whitespace; underscores between digits.
fn parse_complex_str(ts: &mut ThreadState, text: &str, orig: Value) -> PyResult<(f64, f64)> {
    let ascii = crate::objects::float::to_ascii_number(text);
    let cleaned = if ascii.contains('_') {
        match crate::objects::float::strip_underscores(&ascii) {
            Some(s) => s,
            None => {
                let r = crate::ops::repr_string(ts, orig)?;
                return Err(ts.value_error(format!("could not convert string to complex: {r}")));
            }
        }
    } else {
        ascii
    };
    match parse_complex_ascii(cleaned.as_bytes()) {
        Some(z) => Ok(z),
        None => Err(ts.value_error("complex() arg is a malformed string")),
    }
}

fn parse_complex_ascii(s: &[u8]) -> Option<(f64, f64)> {
    use crate::objects::float::parse_float_prefix;
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c');
    let mut i = 0;
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    let bracket = i < s.len() && s[i] == b'(';
    if bracket {
        i += 1;
        while i < s.len() && is_space(s[i]) {
            i += 1;
        }
    }
    let is_j = |i: usize| i < s.len() && (s[i] == b'j' || s[i] == b'J');
    let (mut x, mut y) = (0.0, 0.0);
    match parse_float_prefix(&s[i..]) {
        Some((z, n)) => {
            i += n;
            if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
                x = z;
                match parse_float_prefix(&s[i..]) {
                    Some((w, n)) => {
                        y = w;
                        i += n;
                    }
                    None => {
                        y = if s[i] == b'+' { 1.0 } else { -1.0 };
                        i += 1;
                    }
                }
                if !is_j(i) {
                    return None;
                }
                i += 1;
            } else if is_j(i) {
                i += 1;
                y = z;
            } else {
                x = z;
            }
        }
        None => {
            if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
                y = if s[i] == b'+' { 1.0 } else { -1.0 };
                i += 1;
            } else {
                y = 1.0;
            }
            if !is_j(i) {
                return None;
            }
            i += 1;
        }
    }
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    if bracket {
        if i >= s.len() || s[i] != b')' {
            return None;
        }
        i += 1;
        while i < s.len() && is_space(s[i]) {
            i += 1;
        }
    }
    if i != s.len() {
        return None;
    }
    Some((x, y))
}

fn get_real(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let z = self_c64(ts, v)?;
    Ok(crate::objects::float::new_float(ts, z.re))
}

fn get_imag(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let z = self_c64(ts, v)?;
    Ok(crate::objects::float::new_float(ts, z.im))
}

fn m_conjugate(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("complex.conjugate($self, /)");
    SIG.bind::<1>(ts, args, kw)?;
    let z = self_c64(ts, args[0])?;
    Ok(ComplexObj::new(ts, z.re, -z.im))
}

fn m_complex(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("complex.__complex__($self, /)");
    SIG.bind::<1>(ts, args, kw)?;
    let z = self_c64(ts, args[0])?;
    if type_of(args[0]) == types().complex {
        return Ok(args[0]);
    }
    Ok(ComplexObj::new(ts, z.re, z.im))
}

fn m_getnewargs(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("complex.__getnewargs__($self, /)");
    SIG.bind::<1>(ts, args, kw)?;
    let z = self_c64(ts, args[0])?;
    let re = crate::objects::float::new_float(ts, z.re);
    let im = crate::objects::float::new_float(ts, z.im);
    Ok(TupleObj::new(ts, &[re, im]).value())
}

fn m_format(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("complex.__format__($self, format_spec, /)");
    let [this, spec] = SIG.bind(ts, args, kw)?;
    let z = self_c64(ts, this)?;
    let Some(spec) = spec.downcast::<StrObj>() else {
        return Err(ts.type_error(format!(
            "__format__() argument must be str, not {}",
            type_name(spec)
        )));
    };
    if spec.as_str().is_empty() {
        return crate::ops::str_(ts, this).map(|s| s.value());
    }
    let s = crate::format::format_complex(ts, z.re, z.im, spec.as_str())?;
    Ok(StrObj::new(ts, &s))
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let doc = StrObj::new(ts, "Create a complex number from a real part and an optional imaginary part.\n\nThis is equivalent to (real + imag*1j) where imag defaults to 0.");
    crate::objects::set_type_attr(ts, t.complex, "__doc__", doc);
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
    s.nb[BinaryOp::Power as usize].set(Some(c_pow_op));
    add_getset(
        ts,
        ty,
        "real",
        get_real,
        Some(crate::objects::slice::readonly_member),
    );
    add_getset(
        ts,
        ty,
        "imag",
        get_imag,
        Some(crate::objects::slice::readonly_member),
    );
    add_methods(
        ts,
        ty,
        &[
            method("conjugate", m_conjugate),
            method("__complex__", m_complex),
            method("__getnewargs__", m_getnewargs),
            method("__format__", m_format),
        ],
    );
}
