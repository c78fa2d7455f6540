//! Number and string formatting: `repr(float)`, the format-spec
//! mini-language (`format()`, f-strings, `str.format`) and printf-style
//! `%` formatting, with CPython's output.

use crate::error::PyResult;
use crate::object::Gc;
use crate::objects::int::{int_to_f64, to_big};
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::type_name;
use crate::thread::ThreadState;
use crate::value::Value;

/// Shortest round-trip digits of a finite, non-zero float's magnitude:
/// (digits without leading or trailing zeros, decimal point position),
/// with value = 0.DIGITS * 10**decpt.
fn shortest_digits(f: f64) -> (String, i32) {
    let mut b = ryu::Buffer::new();
    let s = b.format_finite(f.abs());
    let (mant, exp) = match s.find('e') {
        Some(i) => (&s[..i], s[i + 1..].parse::<i32>().unwrap_or(0)),
        None => (s, 0),
    };
    let (int_part, frac_part) = match mant.find('.') {
        Some(i) => (&mant[..i], &mant[i + 1..]),
        None => (mant, ""),
    };
    let mut digits: String = format!("{int_part}{frac_part}");
    let mut decpt = int_part.len() as i32 + exp;
    // Strip leading zeros (adjusting the point) and trailing zeros.
    let lead = digits.len() - digits.trim_start_matches('0').len();
    digits.drain(..lead);
    decpt -= lead as i32;
    let trimmed = digits.trim_end_matches('0').len();
    digits.truncate(trimmed);
    if digits.is_empty() {
        digits.push('0');
        decpt = 1;
    }
    (digits, decpt)
}

/// `repr(float)`: shortest round-trip, CPython's layout.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let (digits, decpt) = shortest_digits(f);
    let mut out = String::new();
    if f < 0.0 {
        out.push('-');
    }
    if !(-4 < decpt && decpt <= 16) {
        // Scientific: d.ddde[+-]XX
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let e = decpt - 1;
        out.push_str(&format!("e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs()));
    } else if decpt <= 0 {
        out.push_str("0.");
        for _ in 0..(-decpt) {
            out.push('0');
        }
        out.push_str(&digits);
    } else if decpt as usize >= digits.len() {
        out.push_str(&digits);
        for _ in 0..(decpt as usize - digits.len()) {
            out.push('0');
        }
        out.push_str(".0");
    } else {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    }
    out
}

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][,|_][.prec][type]`.
///
/// `align` is what the spec says; a `0` before the width with no
/// alignment given means '=' for numbers (see [`Spec::num_align`]) and
/// nothing special for strings, as in CPython.
#[derive(Clone, Debug, Default)]
pub struct Spec {
    pub fill: char,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub z: bool,
    pub alt: bool,
    pub zero: bool,
    pub width: usize,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

impl Spec {
    /// The alignment of a number: '0' without an explicit alignment pads
    /// after the sign.
    fn num_align(&self) -> Option<char> {
        match self.align {
            None if self.zero => Some('='),
            a => a,
        }
    }
}

/// Why a spec does not parse.
pub enum SpecError {
    /// Unparsable: "Invalid format specifier '...' for object of type ...".
    Invalid,
    /// Any other message.
    Msg(String),
}

impl AsRef<str> for SpecError {
    /// The message without the object's type (callers that know it use
    /// the full "Invalid format specifier '...' for object of type ..."
    /// through `spec_checked`).
    fn as_ref(&self) -> &str {
        match self {
            SpecError::Invalid => "Invalid format specifier",
            SpecError::Msg(m) => m,
        }
    }
}

/// Reads a run of decimal digits as a size; `Err` when it overflows.
fn spec_number(c: &[char]) -> Result<usize, SpecError> {
    let mut n: usize = 0;
    for &d in c {
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d as usize - '0' as usize))
            .filter(|&n| n <= isize::MAX as usize)
            .ok_or_else(|| SpecError::Msg("Too many decimal digits in format string".into()))?;
    }
    Ok(n)
}

/// Parses a format spec.
pub fn parse_spec(s: &str) -> Result<Spec, SpecError> {
    let c: Vec<char> = s.chars().collect();
    let mut i = 0;
    let mut sp = Spec {
        fill: ' ',
        ..Spec::default()
    };
    let mut fill_given = false;
    let is_align = |ch: char| matches!(ch, '<' | '>' | '=' | '^');
    if c.len() >= 2 && is_align(c[1]) {
        sp.fill = c[0];
        sp.align = Some(c[1]);
        fill_given = true;
        i = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        sp.align = Some(c[0]);
        i = 1;
    }
    if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
        sp.sign = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == 'z' {
        sp.z = true;
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        sp.alt = true;
        i += 1;
    }
    if i < c.len() && c[i] == '0' {
        sp.zero = true;
        if !fill_given {
            sp.fill = '0';
        }
        i += 1;
    }
    let start = i;
    while i < c.len() && c[i].is_ascii_digit() {
        i += 1;
    }
    sp.width = spec_number(&c[start..i])?;
    if i < c.len() && (c[i] == ',' || c[i] == '_') {
        sp.grouping = Some(c[i]);
        i += 1;
        // The same separator twice reads the second as the type (an
        // error below); the other one is refused here.
        if i < c.len() && (c[i] == ',' || c[i] == '_') && Some(c[i]) != sp.grouping {
            return Err(SpecError::Msg("Cannot specify both ',' and '_'.".into()));
        }
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        let st = i;
        while i < c.len() && c[i].is_ascii_digit() {
            i += 1;
        }
        if i == st {
            return Err(SpecError::Msg("Format specifier missing precision".into()));
        }
        sp.precision = Some(spec_number(&c[st..i])?);
    }
    if c.len() - i > 1 {
        return Err(SpecError::Invalid);
    }
    if i < c.len() {
        sp.ty = Some(c[i]);
    }
    if let (Some(g), Some(t)) = (sp.grouping, sp.ty) {
        let ok = match t {
            'd' | 'e' | 'f' | 'g' | 'E' | 'F' | 'G' | '%' => true,
            'b' | 'o' | 'x' | 'X' => g == '_',
            _ => false,
        };
        if !ok {
            return Err(SpecError::Msg(format!("Cannot specify '{g}' with '{t}'.")));
        }
    }
    Ok(sp)
}

/// A parsed spec whose width and precision are sizes this process can
/// build (MemoryError otherwise, as CPython's allocation would fail).
/// `tyname` names the formatted object's type in the "Invalid format
/// specifier" message.
fn spec_checked(ts: &mut ThreadState, spec: &str, tyname: &str) -> PyResult<Spec> {
    let sp = match parse_spec(spec) {
        Ok(sp) => sp,
        Err(SpecError::Invalid) => {
            return Err(ts.value_error(format!(
                "Invalid format specifier '{spec}' for object of type '{tyname}'"
            )))
        }
        Err(SpecError::Msg(m)) => return Err(ts.value_error(m)),
    };
    ts.check_alloc_size(sp.width.saturating_mul(4))?;
    Ok(sp)
}

/// Pads `body` (already signed) per the spec; `sign_len` chars of it are
/// the sign/prefix that '=' alignment keeps in front.
fn pad(sp: &Spec, align: Option<char>, body: &str, sign_len: usize, default_align: char) -> String {
    let n = body.chars().count();
    if n >= sp.width {
        return body.to_string();
    }
    let fill_n = sp.width - n;
    let fill = |k: usize| -> String { std::iter::repeat_n(sp.fill, k).collect() };
    match align.unwrap_or(default_align) {
        '<' => format!("{body}{}", fill(fill_n)),
        '>' => format!("{}{body}", fill(fill_n)),
        '^' => format!("{}{body}{}", fill(fill_n / 2), fill(fill_n - fill_n / 2)),
        _ => {
            let split = body
                .char_indices()
                .nth(sign_len)
                .map(|(i, _)| i)
                .unwrap_or(body.len());
            format!("{}{}{}", &body[..split], fill(fill_n), &body[split..])
        }
    }
}

/// Inserts a grouping separator every `every` digits from the right of an
/// integer digit string.
fn group(digits: &str, sep: char, every: usize) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / every);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// Zero-padding with grouping: when '0' fills a grouped number, the
/// padding is itself grouped (CPython: `format(1234, '012,')` is
/// `'0,000,001,234'`).
fn grouped_zero_pad(digits: &str, sep: char, every: usize, min_len: usize) -> String {
    let mut d = digits.to_string();
    loop {
        let g = group(&d, sep, every);
        if g.chars().count() >= min_len {
            return g;
        }
        d.insert(0, '0');
    }
}

fn sign_str(neg: bool, sign: Option<char>) -> &'static str {
    if neg {
        "-"
    } else {
        match sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

/// Lays out a formatted number: sign, prefix (`0x`), the digits of the
/// integer part (grouped), the rest (fraction, exponent, `%`), padded.
/// `int_digits` is empty for inf and nan (no grouping of the padding).
fn number_layout(
    sp: &Spec,
    sign: &str,
    prefix: &str,
    int_digits: &str,
    rest: &str,
    every: usize,
) -> String {
    let align = sp.num_align();
    let head_len = sign.len() + prefix.len();
    let int_part = match sp.grouping {
        Some(g) if !int_digits.is_empty() => {
            if sp.fill == '0' && align == Some('=') {
                let min = sp.width.saturating_sub(head_len + rest.chars().count());
                grouped_zero_pad(int_digits, g, every, min)
            } else {
                group(int_digits, g, every)
            }
        }
        _ => int_digits.to_string(),
    };
    let body = format!("{sign}{prefix}{int_part}{rest}");
    pad(sp, align, &body, head_len, '>')
}

/// `format(int, spec)`.
pub fn format_int(ts: &mut ThreadState, v: Value, spec: &str) -> PyResult<Value> {
    if spec.is_empty() {
        let s = crate::ops::str_(ts, v)?;
        return Ok(s.value());
    }
    let tyname = type_name(v);
    let sp = spec_checked(ts, spec, tyname)?;
    if let Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') = sp.ty {
        let f = int_to_f64(ts, v)?;
        let s = format_float_spec(ts, f, &sp)?;
        return Ok(StrObj::new(ts, &s));
    }
    let ty = sp.ty.unwrap_or('d');
    if !matches!(ty, 'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') {
        return Err(ts.value_error(format!(
            "Unknown format code '{ty}' for object of type '{tyname}'"
        )));
    }
    if sp.precision.is_some() {
        return Err(ts.value_error("Precision not allowed in integer format specifier"));
    }
    if sp.z {
        return Err(
            ts.value_error("Negative zero coercion (z) not allowed in integer format specifier")
        );
    }
    let b = to_big(v).unwrap_or_default();
    let neg = num_traits::Signed::is_negative(b.as_ref());
    let mag = num_traits::Signed::abs(b.as_ref());
    if ty == 'c' {
        if sp.sign.is_some() {
            return Err(ts.value_error("Sign not allowed with integer format specifier 'c'"));
        }
        if sp.alt {
            return Err(
                ts.value_error("Alternate form (#) not allowed with integer format specifier 'c'")
            );
        }
        if num_traits::ToPrimitive::to_i64(b.as_ref()).is_none() {
            return Err(ts.overflow_error("Python int too large to convert to C long"));
        }
        let Some(ch) = num_traits::ToPrimitive::to_u32(b.as_ref()).and_then(char::from_u32) else {
            return Err(ts.overflow_error("%c arg not in range(0x110000)"));
        };
        let s = pad(&sp, sp.num_align(), &ch.to_string(), 0, '>');
        return Ok(StrObj::new(ts, &s));
    }
    let (digits, prefix, every) = match ty {
        'b' => (mag.to_str_radix(2), "0b", 4),
        'o' => (mag.to_str_radix(8), "0o", 4),
        'x' => (mag.to_str_radix(16), "0x", 4),
        'X' => (mag.to_str_radix(16).to_uppercase(), "0X", 4),
        _ => {
            // Through str(int): the same digit limit and message.
            let s = crate::objects::int::int_to_string(ts, v)?;
            (s.trim_start_matches('-').to_string(), "", 3)
        }
    };
    let sign = sign_str(neg, sp.sign);
    let prefix = if sp.alt { prefix } else { "" };
    let s = number_layout(&sp, sign, prefix, &digits, "", every);
    Ok(StrObj::new(ts, &s))
}

/// How a float becomes text (CPython's `PyOS_double_to_string` modes).
#[derive(Copy, Clone, PartialEq, Eq)]
enum FloatMode {
    /// Shortest round-trip digits (`repr`).
    Repr,
    /// 'e': `prec` digits after the point, with an exponent.
    Exp,
    /// 'f': `prec` digits after the point.
    Fixed,
    /// 'g': `prec` significant digits, trailing zeros dropped.
    General,
}

/// Digits a float's exact decimal expansion can have after the point (its
/// smallest power of two, 2**-1074, has 1074): any precision beyond is
/// zeros. (Rust's formatter refuses precisions over 65535.)
const EXACT_FRACTION_DIGITS: usize = 1100;

/// `format!("{:.prec$}", a)` for any precision.
fn fixed_text(a: f64, prec: usize) -> String {
    if prec <= EXACT_FRACTION_DIGITS {
        return format!("{:.*}", prec, a);
    }
    let mut s = format!("{:.*}", EXACT_FRACTION_DIGITS, a);
    s.extend(std::iter::repeat_n('0', prec - EXACT_FRACTION_DIGITS));
    s
}

/// `format!("{:.prec$e}", a)` (Rust's exponent form) for any precision.
fn exp_text_rust(a: f64, prec: usize) -> String {
    if prec <= EXACT_FRACTION_DIGITS {
        return format!("{:.*e}", prec, a);
    }
    let s = format!("{:.*e}", EXACT_FRACTION_DIGITS, a);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let mut out = String::with_capacity(prec + 8);
    out.push_str(m);
    out.extend(std::iter::repeat_n('0', prec - EXACT_FRACTION_DIGITS));
    out.push('e');
    out.push_str(e);
    out
}

/// A finite float's magnitude as text: (text, whether every digit is 0).
/// `add_dot_0`: an integral value without exponent gets `.0` (and 'g'
/// switches to an exponent one digit earlier), as `repr` and the
/// no-type format do.
fn float_text(
    a: f64,
    mode: FloatMode,
    prec: usize,
    alt: bool,
    add_dot_0: bool,
    upper: bool,
) -> (String, bool) {
    let e_char = if upper { 'E' } else { 'e' };
    let exp_text = |e: i32| format!("{e_char}{}{:02}", if e < 0 { '-' } else { '+' }, e.abs());
    match mode {
        FloatMode::Fixed => {
            let mut s = fixed_text(a, prec);
            let zero = s.bytes().all(|c| c == b'0' || c == b'.');
            if prec == 0 && alt {
                s.push('.');
            }
            (s, zero)
        }
        FloatMode::Exp => {
            let s = exp_text_rust(a, prec);
            let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
            let e: i32 = e.parse().unwrap_or(0);
            let zero = m.bytes().all(|c| c == b'0' || c == b'.');
            let mut out = m.to_string();
            if prec == 0 && alt {
                out.push('.');
            }
            out.push_str(&exp_text(e));
            (out, zero)
        }
        FloatMode::General | FloatMode::Repr => {
            let (mut digits, decpt, limit) = if mode == FloatMode::Repr {
                let (d, p) = if a == 0.0 {
                    ("0".to_string(), 1)
                } else {
                    shortest_digits(a)
                };
                (d, p, 16)
            } else {
                let p = prec.max(1);
                let s = exp_text_rust(a, p - 1);
                let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
                let e: i32 = e.parse().unwrap_or(0);
                let d: String = m.chars().filter(|c| *c != '.').collect();
                let limit = if add_dot_0 { p as i64 - 1 } else { p as i64 };
                (d, e + 1, limit)
            };
            let zero = digits.bytes().all(|c| c == b'0');
            if !(alt && mode == FloatMode::General) {
                let keep = digits.trim_end_matches('0').len().max(1);
                digits.truncate(keep);
            }
            let use_exp = decpt <= -4 || decpt as i64 > limit;
            let n = digits.len() as i32;
            let mut out = String::with_capacity(digits.len() + 8);
            if use_exp {
                out.push_str(&digits[..1]);
                if n > 1 || alt {
                    out.push('.');
                }
                out.push_str(&digits[1..]);
                out.push_str(&exp_text(decpt - 1));
            } else if decpt <= 0 {
                out.push_str("0.");
                out.extend(std::iter::repeat_n('0', (-decpt) as usize));
                out.push_str(&digits);
            } else if decpt >= n {
                out.push_str(&digits);
                out.extend(std::iter::repeat_n('0', (decpt - n) as usize));
                if add_dot_0 {
                    out.push_str(".0");
                } else if alt {
                    out.push('.');
                }
            } else {
                out.push_str(&digits[..decpt as usize]);
                out.push('.');
                out.push_str(&digits[decpt as usize..]);
            }
            (out, zero)
        }
    }
}

/// One float formatted for a spec, before padding: (negative?, digits of
/// the integer part, the rest). `complex_part` selects complex's rules
/// for the no-type case (no `.0` added).
fn float_pieces(f: f64, sp: &Spec, complex_part: bool) -> (bool, String, String) {
    let upper = matches!(sp.ty, Some('E' | 'F' | 'G'));
    let (mode, prec, add_dot_0, scale, pct) = match sp.ty {
        None => match sp.precision {
            None => (FloatMode::Repr, 0, !complex_part, false, false),
            Some(p) => (FloatMode::General, p, !complex_part, false, false),
        },
        Some('e' | 'E') => (
            FloatMode::Exp,
            sp.precision.unwrap_or(6),
            false,
            false,
            false,
        ),
        Some('f' | 'F') => (
            FloatMode::Fixed,
            sp.precision.unwrap_or(6),
            false,
            false,
            false,
        ),
        Some('%') => (
            FloatMode::Fixed,
            sp.precision.unwrap_or(6),
            false,
            true,
            true,
        ),
        _ => (
            FloatMode::General,
            sp.precision.unwrap_or(6),
            false,
            false,
            false,
        ),
    };
    let neg = f.is_sign_negative() && !f.is_nan();
    let a = if scale { f.abs() * 100.0 } else { f.abs() };
    let pct_s = if pct { "%" } else { "" };
    if !a.is_finite() {
        let s = match (a.is_nan(), upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        };
        return (neg, String::new(), format!("{s}{pct_s}"));
    }
    let (text, zero) = float_text(a, mode, prec, sp.alt, add_dot_0, upper);
    let neg = neg && !(sp.z && zero);
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (ip, rest) = text.split_at(split);
    (neg, ip.to_string(), format!("{rest}{pct_s}"))
}

/// The text of a float formatted by spec (sign, digits, grouping, padding).
pub fn format_float_spec(ts: &mut ThreadState, f: f64, sp: &Spec) -> PyResult<String> {
    if let Some(t) = sp.ty {
        if !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') {
            return Err(ts.value_error(format!(
                "Unknown format code '{t}' for object of type 'float'"
            )));
        }
    }
    check_precision(ts, sp)?;
    let (neg, ip, rest) = float_pieces(f, sp, false);
    Ok(number_layout(sp, sign_str(neg, sp.sign), "", &ip, &rest, 3))
}

fn check_precision(ts: &mut ThreadState, sp: &Spec) -> PyResult<()> {
    if let Some(p) = sp.precision {
        if p > i32::MAX as usize {
            return Err(ts.value_error("precision too big"));
        }
        ts.check_alloc_size(p.saturating_mul(2))?;
    }
    Ok(())
}

/// `format(float, spec)`.
pub fn format_float(ts: &mut ThreadState, f: f64, spec: &str) -> PyResult<Value> {
    if spec.is_empty() {
        return Ok(StrObj::new(ts, &float_repr(f)));
    }
    let sp = spec_checked(ts, spec, "float")?;
    let s = format_float_spec(ts, f, &sp)?;
    Ok(StrObj::new(ts, &s))
}

/// `format(complex, spec)`.
pub fn format_complex(ts: &mut ThreadState, re: f64, im: f64, spec: &str) -> PyResult<String> {
    let sp = spec_checked(ts, spec, "complex")?;
    if let Some(t) = sp.ty {
        if !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') {
            return Err(ts.value_error(format!(
                "Unknown format code '{t}' for object of type 'complex'"
            )));
        }
    }
    if sp.fill == '0' && (sp.zero || sp.align.is_some()) {
        return Err(ts.value_error("Zero padding is not allowed in complex format specifier"));
    }
    if sp.align == Some('=') {
        return Err(ts.value_error("'=' alignment flag is not allowed in complex format specifier"));
    }
    check_precision(ts, &sp)?;
    let body = complex_body(re, im, &sp);
    Ok(pad(&sp, sp.align, &body, 0, '>'))
}

/// `repr(complex)`: `format(z, '')`.
pub fn complex_repr(re: f64, im: f64) -> String {
    let sp = Spec {
        fill: ' ',
        ..Spec::default()
    };
    complex_body(re, im, &sp)
}

/// A complex formatted by spec, before padding.
fn complex_body(re: f64, im: f64, sp: &Spec) -> String {
    let bare = sp.ty.is_none();
    // With no type, a zero real part (not -0.0) is left out, and the
    // result is parenthesized when both parts show.
    let skip_re = bare && re == 0.0 && re.is_sign_positive();
    let (ineg, iip, irest) = float_pieces(im, sp, true);
    let mut body = String::new();
    if !skip_re {
        let (rneg, rip, rrest) = float_pieces(re, sp, true);
        body.push_str(sign_str(rneg, sp.sign));
        body.push_str(&group_opt(&rip, sp.grouping));
        body.push_str(&rrest);
        body.push(if ineg { '-' } else { '+' });
    } else {
        body.push_str(sign_str(ineg, sp.sign));
    }
    body.push_str(&group_opt(&iip, sp.grouping));
    body.push_str(&irest);
    body.push('j');
    if bare && !skip_re {
        body = format!("({body})");
    }
    body
}

fn group_opt(digits: &str, g: Option<char>) -> String {
    match g {
        Some(g) if !digits.is_empty() => group(digits, g, 3),
        _ => digits.to_string(),
    }
}

/// `format(str, spec)`.
pub fn format_str(ts: &mut ThreadState, s: &str, spec: &str) -> PyResult<Value> {
    if spec.is_empty() {
        return Ok(StrObj::new(ts, s));
    }
    let sp = spec_checked(ts, spec, "str")?;
    if let Some(t) = sp.ty {
        if t != 's' {
            return Err(ts.value_error(format!(
                "Unknown format code '{t}' for object of type 'str'"
            )));
        }
    }
    if let Some(sign) = sp.sign {
        return Err(ts.value_error(if sign == ' ' {
            "Space not allowed in string format specifier"
        } else {
            "Sign not allowed in string format specifier"
        }));
    }
    if sp.z {
        return Err(
            ts.value_error("Negative zero coercion (z) not allowed in string format specifier")
        );
    }
    if sp.alt {
        return Err(ts.value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if sp.align == Some('=') {
        return Err(ts.value_error("'=' alignment not allowed in string format specifier"));
    }
    if let Some(g) = sp.grouping {
        return Err(ts.value_error(format!("Cannot specify '{g}' with 's'.")));
    }
    let body: String = match sp.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    let out = pad(&sp, sp.align, &body, 0, '<');
    Ok(StrObj::new(ts, &out))
}

// ---- printf-style formatting ------------------------------------------------------

/// `fmt % args` for str.
pub fn percent_format(ts: &mut ThreadState, fmt: &str, args: Value) -> PyResult<Value> {
    let tuple_args: Option<Gc<TupleObj>> = args.downcast::<TupleObj>();
    let mapping = if tuple_args.is_none() && is_mapping(args) {
        Some(args)
    } else {
        None
    };
    let items: Vec<Value> = match tuple_args {
        Some(t) => t.items().to_vec(),
        None => vec![args],
    };
    // `items` holds values the caller's frame keeps alive (the tuple or
    // the single argument), so a plain Vec is safe here.
    let mut idx = 0usize;
    let mut out = String::with_capacity(fmt.len() + 16);
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    let mut used_mapping = false;
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        if i >= chars.len() {
            return Err(ts.value_error("incomplete format"));
        }
        // "%%" is a percent sign; a '%' after a key, flags, width or
        // precision is a conversion like the others (it takes an argument,
        // then is reported as unsupported), as CPython.
        if chars[i] == '%' {
            out.push('%');
            i += 1;
            continue;
        }
        let mut key_val: Option<Value> = None;
        if chars[i] == '(' {
            let Some(m) = mapping else {
                return Err(ts.type_error("format requires a mapping"));
            };
            let mut depth = 1;
            let st = i + 1;
            i += 1;
            while i < chars.len() && depth > 0 {
                if chars[i] == '(' {
                    depth += 1;
                } else if chars[i] == ')' {
                    depth -= 1;
                }
                i += 1;
            }
            if depth > 0 {
                return Err(ts.value_error("incomplete format key"));
            }
            let key: String = chars[st..i - 1].iter().collect();
            let k = StrObj::new(ts, &key);
            key_val = Some(crate::ops::getitem(ts, m, k)?);
            used_mapping = true;
        }
        let mut sp = Spec {
            fill: ' ',
            ..Spec::default()
        };
        let mut left = false;
        loop {
            match chars.get(i) {
                Some('-') => left = true,
                Some('+') => sp.sign = Some('+'),
                Some(' ') => {
                    if sp.sign.is_none() {
                        sp.sign = Some(' ')
                    }
                }
                Some('#') => sp.alt = true,
                Some('0') => sp.zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut next_arg = |ts: &mut ThreadState| -> PyResult<Value> {
            if let Some(v) = key_val.take() {
                return Ok(v);
            }
            // A mapping argument is also the one positional argument: it
            // can be used once (`'%s %s' % {}` is not enough arguments).
            match items.get(idx) {
                Some(&v) => {
                    idx += 1;
                    Ok(v)
                }
                None => Err(ts.type_error("not enough arguments for format string")),
            }
        };
        if chars.get(i) == Some(&'*') {
            let w = next_arg(ts)?;
            if !crate::objects::int::is_int(w) {
                return Err(ts.type_error("* wants int"));
            }
            let w = crate::ops::index_to_i64(ts, w)?;
            if w < 0 {
                left = true;
            }
            sp.width = w.unsigned_abs() as usize;
            i += 1;
        } else {
            let st = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i > st {
                sp.width = match chars[st..i].iter().collect::<String>().parse::<usize>() {
                    Ok(w) if w <= isize::MAX as usize => w,
                    _ => return Err(ts.value_error("width too big")),
                };
            }
        }
        if chars.get(i) == Some(&'.') {
            i += 1;
            if chars.get(i) == Some(&'*') {
                let p = next_arg(ts)?;
                if !crate::objects::int::is_int(p) {
                    return Err(ts.type_error("* wants int"));
                }
                // A C int, as CPython.
                let p = crate::objects::int::to_i64(p)
                    .and_then(|p| i32::try_from(p).ok())
                    .ok_or_else(|| ts.overflow_error("Python int too large to convert to C int"))?;
                sp.precision = Some(p.max(0) as usize);
                i += 1;
            } else {
                let st = i;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                sp.precision = match chars[st..i].iter().collect::<String>().parse::<usize>() {
                    _ if i == st => Some(0),
                    Ok(p) if p <= i32::MAX as usize => Some(p),
                    _ => return Err(ts.value_error("precision too big")),
                };
            }
        }
        // Length modifiers are accepted and ignored.
        while matches!(chars.get(i), Some('h' | 'l' | 'L')) {
            i += 1;
        }
        let Some(&conv) = chars.get(i) else {
            return Err(ts.value_error("incomplete format"));
        };
        i += 1;
        ts.check_alloc_size(sp.width.saturating_mul(4))?;
        ts.check_alloc_size(sp.precision.unwrap_or(0).saturating_mul(2))?;
        let v = next_arg(ts)?;
        let (body, numeric) = match conv {
            's' => (crate::ops::str_string(ts, v)?, false),
            'r' => (crate::ops::repr_string(ts, v)?, false),
            'a' => (crate::builtins::ascii_of(ts, v)?, false),
            'c' => {
                let s = if let Some(s) = v.downcast::<StrObj>() {
                    if s.char_len() != 1 {
                        return Err(ts.type_error("%c requires int or char"));
                    }
                    s.as_str().to_string()
                } else {
                    let n = crate::ops::index_to_i64(ts, v)
                        .map_err(|_| ts.type_error("%c requires int or char"))?;
                    match u32::try_from(n).ok().and_then(char::from_u32) {
                        Some(c) => c.to_string(),
                        None => return Err(ts.overflow_error("%c arg not in range(0x110000)")),
                    }
                };
                (s, false)
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let iv = if crate::objects::int::is_int(v) {
                    v
                } else if let Some(f) = v.as_float() {
                    if matches!(conv, 'x' | 'X' | 'o') {
                        return Err(ts.type_error(format!(
                            "%{conv} format: an integer is required, not float"
                        )));
                    }
                    crate::objects::int::int_from_f64(ts, f)?
                } else if matches!(conv, 'd' | 'i' | 'u') {
                    match crate::objects::typeobj::type_of(v).slots.int.get() {
                        Some(_) => crate::objects::int::to_int(ts, v)?,
                        None => {
                            return Err(ts.type_error(format!(
                                "%{conv} format: a real number is required, not {}",
                                type_name(v)
                            )))
                        }
                    }
                } else if crate::objects::typeobj::type_of(v)
                    .slots
                    .index
                    .get()
                    .is_some()
                {
                    crate::ops::index(ts, v)?
                } else {
                    return Err(ts.type_error(format!(
                        "%{conv} format: an integer is required, not {}",
                        type_name(v)
                    )));
                };
                let (neg, mut digits) = match crate::objects::int::to_i64(iv) {
                    // Machine-word ints (nearly all): no BigInt.
                    Some(x) => {
                        let mag = x.unsigned_abs();
                        let d = match conv {
                            'x' => format!("{mag:x}"),
                            'X' => format!("{mag:X}"),
                            'o' => format!("{mag:o}"),
                            _ => mag.to_string(),
                        };
                        (x < 0, d)
                    }
                    None => {
                        let b = to_big(iv).unwrap_or_default();
                        let neg = num_traits::Signed::is_negative(b.as_ref());
                        let mag = num_traits::Signed::abs(b.as_ref());
                        let d = match conv {
                            'x' => mag.to_str_radix(16),
                            'X' => mag.to_str_radix(16).to_uppercase(),
                            'o' => mag.to_str_radix(8),
                            _ => mag.to_string(),
                        };
                        (neg, d)
                    }
                };
                if let Some(p) = sp.precision {
                    while digits.len() < p {
                        digits.insert(0, '0');
                    }
                }
                let prefix = if sp.alt {
                    match conv {
                        'x' => "0x",
                        'X' => "0X",
                        'o' => "0o",
                        _ => "",
                    }
                } else {
                    ""
                };
                (format!("{}{prefix}{digits}", sign_str(neg, sp.sign)), true)
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let f = match v.as_float() {
                    Some(f) => f,
                    None => crate::builtins::to_f64(ts, v).map_err(|_| {
                        ts.type_error(format!("must be real number, not {}", type_name(v)))
                    })?,
                };
                let mut fsp = sp.clone();
                fsp.ty = Some(conv);
                fsp.width = 0;
                fsp.precision = Some(sp.precision.unwrap_or(6));
                fsp.align = None;
                fsp.fill = ' ';
                (format_float_spec(ts, f, &fsp)?, true)
            }
            other => {
                let shown = if (' '..='~').contains(&other) {
                    other
                } else {
                    '?'
                };
                return Err(ts.value_error(format!(
                    "unsupported format character '{shown}' (0x{:x}) at index {}",
                    other as u32,
                    i - 1
                )));
            }
        };
        let body = if conv == 's' || conv == 'r' || conv == 'a' {
            match sp.precision {
                Some(p) => body.chars().take(p).collect(),
                None => body,
            }
        } else {
            body
        };
        let n = body.chars().count();
        if n >= sp.width {
            out.push_str(&body);
        } else if left {
            out.push_str(&body);
            out.extend(std::iter::repeat_n(' ', sp.width - n));
        } else if sp.zero && numeric {
            // Zeros go after the sign and the alternate form's prefix.
            let sign = usize::from(body.starts_with(['-', '+', ' ']));
            let prefix = match conv {
                'x' => "0x",
                'X' => "0X",
                'o' => "0o",
                _ => "\0",
            };
            let prefixed = sp.alt && body[sign..].starts_with(prefix);
            let sign_len = sign + if prefixed { 2 } else { 0 };
            out.push_str(&body[..sign_len]);
            out.extend(std::iter::repeat_n('0', sp.width - n));
            out.push_str(&body[sign_len..]);
        } else {
            out.extend(std::iter::repeat_n(' ', sp.width - n));
            out.push_str(&body);
        }
    }
    if mapping.is_none()
        && idx < items.len()
        && !(tuple_args.is_none() && idx == 0 && items.len() == 1 && used_mapping)
        && (tuple_args.is_some() || idx == 0)
    {
        return Err(ts.type_error("not all arguments converted during string formatting"));
    }
    Ok(StrObj::new(ts, &out))
}

/// As CPython (and `bytes::percent_format_wtf8`): any subscriptable object
/// that is not a tuple or a str is the mapping, so `'abc' % [1]` is `'abc'`
/// and `'%(k)s' % [1]` indexes the list.
fn is_mapping(v: Value) -> bool {
    let ty = crate::objects::typeobj::type_of(v);
    v.downcast::<StrObj>().is_none()
        && ty.slots.getitem.get().is_some()
        && v.downcast::<TupleObj>().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_reprs() {
        let cases: &[(f64, &str)] = &[
            (0.1, "0.1"),
            (1.0, "1.0"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (2.5e-8, "2.5e-08"),
            (1.0 / 3.0, "0.3333333333333333"),
            (123456789012345680.0, "1.2345678901234568e+17"),
            (-0.0, "-0.0"),
            (1e100, "1e+100"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (100.0, "100.0"),
            (123.456, "123.456"),
            (-1.5, "-1.5"),
        ];
        for &(f, s) in cases {
            assert_eq!(float_repr(f), s, "{f:e}");
        }
    }

    #[test]
    fn spec_parse() {
        let Ok(s) = parse_spec("*>10,.3f") else {
            panic!("spec did not parse")
        };
        assert_eq!(s.fill, '*');
        assert_eq!(s.align, Some('>'));
        assert_eq!(s.width, 10);
        assert_eq!(s.grouping, Some(','));
        assert_eq!(s.precision, Some(3));
        assert_eq!(s.ty, Some('f'));
        let Ok(s) = parse_spec("08.2f") else {
            panic!("spec did not parse")
        };
        assert!(s.zero && s.width == 8 && s.fill == '0' && s.num_align() == Some('='));
    }
}
