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

/// Parses a format spec; Err(message) for an invalid one.
pub fn parse_spec(s: &str) -> Result<Spec, String> {
    let c: Vec<char> = s.chars().collect();
    let mut i = 0;
    let mut sp = Spec {
        fill: ' ',
        ..Spec::default()
    };
    let is_align = |ch: char| matches!(ch, '<' | '>' | '=' | '^');
    if c.len() >= 2 && is_align(c[1]) {
        sp.fill = c[0];
        sp.align = Some(c[1]);
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
        if sp.align.is_none() {
            sp.fill = '0';
            sp.align = Some('=');
        }
        i += 1;
    }
    let start = i;
    while i < c.len() && c[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        let w: String = c[start..i].iter().collect();
        sp.width = w
            .parse()
            .map_err(|_| "Too many decimal digits in format string".to_string())?;
    }
    if i < c.len() && (c[i] == ',' || c[i] == '_') {
        sp.grouping = Some(c[i]);
        i += 1;
        if i < c.len() && (c[i] == ',' || c[i] == '_') {
            return Err("Cannot specify both ',' and '_'.".into());
        }
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        let st = i;
        while i < c.len() && c[i].is_ascii_digit() {
            i += 1;
        }
        if i == st {
            return Err("Format specifier missing precision".into());
        }
        let p: String = c[st..i].iter().collect();
        sp.precision = Some(
            p.parse()
                .map_err(|_| "Too many decimal digits in format string".to_string())?,
        );
    }
    if i < c.len() {
        sp.ty = Some(c[i]);
        i += 1;
    }
    if i < c.len() {
        return Err("Invalid format specifier".into());
    }
    Ok(sp)
}

/// A parsed spec whose width and precision are sizes this process can
/// build (MemoryError otherwise, as CPython's allocation would fail).
fn spec_checked(ts: &mut ThreadState, spec: &str) -> PyResult<Spec> {
    let sp = parse_spec(spec).map_err(|m| ts.value_error(m))?;
    if sp.width > isize::MAX as usize || sp.precision.is_some_and(|p| p > isize::MAX as usize) {
        return Err(ts.value_error("Too many decimal digits in format string"));
    }
    if sp.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(ts.value_error("precision too big"));
    }
    ts.check_alloc_size(sp.width.saturating_mul(4))?;
    ts.check_alloc_size(sp.precision.unwrap_or(0).saturating_mul(2))?;
    Ok(sp)
}

/// Pads `body` (already signed) per the spec; `sign_len` chars of it are
/// the sign/prefix that '=' alignment keeps in front.
fn pad(sp: &Spec, body: &str, sign_len: usize, default_align: char) -> String {
    let n = body.chars().count();
    if n >= sp.width {
        return body.to_string();
    }
    let fill_n = sp.width - n;
    let fill: String = std::iter::repeat_n(sp.fill, fill_n).collect();
    match sp.align.unwrap_or(default_align) {
        '<' => format!("{body}{fill}"),
        '>' => format!("{fill}{body}"),
        '^' => {
            let left: String = std::iter::repeat_n(sp.fill, fill_n / 2).collect();
            let right: String = std::iter::repeat_n(sp.fill, fill_n - fill_n / 2).collect();
            format!("{left}{body}{right}")
        }
        _ => {
            let split = body
                .char_indices()
                .nth(sign_len)
                .map(|(i, _)| i)
                .unwrap_or(body.len());
            format!("{}{fill}{}", &body[..split], &body[split..])
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

fn sign_str(neg: bool, sp: &Spec) -> &'static str {
    if neg {
        "-"
    } else {
        match sp.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

/// `format(int, spec)`.
pub fn format_int(ts: &mut ThreadState, v: Value, spec: &str) -> PyResult<Value> {
    if spec.is_empty() {
        let s = crate::ops::str_(ts, v)?;
        return Ok(s.value());
    }
    let sp = spec_checked(ts, spec)?;
    if let Some(t @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) = sp.ty {
        let f = int_to_f64(ts, v)?;
        let _ = t;
        let s = format_float_spec(ts, f, &sp)?;
        return Ok(StrObj::new(ts, &s));
    }
    if let Some(t) = sp
        .ty
        .filter(|t| !matches!(t, 'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n'))
    {
        return Err(ts.value_error(format!(
            "Unknown format code '{t}' for object of type '{}'",
            type_name(v)
        )));
    }
    if sp.precision.is_some() {
        return Err(ts.value_error("Precision not allowed in integer format specifier"));
    }
    let b = to_big(v).unwrap_or_default();
    let neg = num_traits::Signed::is_negative(b.as_ref());
    let mag = num_traits::Signed::abs(b.as_ref());
    let (digits, prefix, every) = match sp.ty {
        None | Some('d') | Some('n') => (mag.to_string(), "", 3),
        Some('b') => (mag.to_str_radix(2), "0b", 4),
        Some('o') => (mag.to_str_radix(8), "0o", 4),
        Some('x') => (mag.to_str_radix(16), "0x", 4),
        Some('X') => (mag.to_str_radix(16).to_uppercase(), "0X", 4),
        Some('c') => {
            if sp.sign.is_some() {
                return Err(ts.value_error("Sign not allowed with integer format specifier 'c'"));
            }
            let Some(ch) = num_traits::ToPrimitive::to_u32(b.as_ref()).and_then(char::from_u32)
            else {
                return Err(ts.overflow_error("%c arg not in range(0x110000)"));
            };
            let s = pad(&sp, &ch.to_string(), 0, '<');
            return Ok(StrObj::new(ts, &s));
        }
        Some(t) => {
            return Err(ts.value_error(format!(
                "Unknown format code '{t}' for object of type '{}'",
                type_name(v)
            )));
        }
    };
    if let Some(g) = sp.grouping {
        if g == ',' && every == 4 {
            return Err(ts.value_error(format!(
                "Cannot specify ',' with '{}'.",
                sp.ty.unwrap_or('d')
            )));
        }
    }
    let sign = sign_str(neg, &sp);
    let prefix = if sp.alt { prefix } else { "" };
    let head_len = sign.len() + prefix.len();
    let body_digits = match sp.grouping {
        Some(g) if sp.fill == '0' && sp.align == Some('=') => {
            grouped_zero_pad(&digits, g, every, sp.width.saturating_sub(head_len))
        }
        Some(g) => group(&digits, g, every),
        None => digits,
    };
    let body = format!("{sign}{prefix}{body_digits}");
    let s = pad(&sp, &body, head_len, '>');
    Ok(StrObj::new(ts, &s))
}

/// Formats a float in 'e' style with `prec` digits after the point.
fn fmt_e(f: f64, prec: usize, upper: bool) -> String {
    let s = format!("{:.*e}", prec, f.abs());
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    let out = format!(
        "{m}{}{}{:02}",
        if upper { 'E' } else { 'e' },
        if e < 0 { '-' } else { '+' },
        e.abs()
    );
    out
}

/// 'g'-style formatting of a non-negative finite float.
fn fmt_g(f: f64, prec: usize, alt: bool, upper: bool, repr_style: bool) -> String {
    let p = if prec == 0 { 1 } else { prec };
    if f == 0.0 {
        let mut s = "0".to_string();
        if alt {
            s.push('.');
            for _ in 1..p {
                s.push('0');
            }
        } else if repr_style {
            s.push_str(".0");
        }
        return s;
    }
    let e_str = format!("{:.*e}", p - 1, f);
    let exp: i32 = e_str
        .split_once('e')
        .map(|(_, e)| e.parse().unwrap_or(0))
        .unwrap_or(0);
    let mut s = if exp >= -4 && exp < p as i32 {
        format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, f)
    } else {
        fmt_e(f, p - 1, upper)
    };
    if !alt {
        // Strip trailing zeros of the fraction.
        let (mant, rest) = match s.find(['e', 'E']) {
            Some(i) => (s[..i].to_string(), s[i..].to_string()),
            None => (s.clone(), String::new()),
        };
        let mant = if mant.contains('.') {
            let t = mant.trim_end_matches('0');
            t.trim_end_matches('.').to_string()
        } else {
            mant
        };
        let mant = if repr_style && !mant.contains('.') && rest.is_empty() {
            format!("{mant}.0")
        } else {
            mant
        };
        s = format!("{mant}{rest}");
    } else if !s.contains('.') {
        match s.find(['e', 'E']) {
            Some(i) => s.insert(i, '.'),
            None => s.push('.'),
        }
    }
    s
}

/// The body of a float formatted by spec (sign, digits, grouping, padding).
pub fn format_float_spec(ts: &mut ThreadState, f: f64, sp: &Spec) -> PyResult<String> {
    let ty = sp.ty;
    if let Some(t) = ty {
        if !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') {
            return Err(ts.value_error(format!(
                "Unknown format code '{t}' for object of type 'float'"
            )));
        }
    }
    let mut neg = f.is_sign_negative() && !f.is_nan();
    let a = f.abs();
    let upper = matches!(ty, Some('E' | 'F' | 'G'));
    let mut body = if !a.is_finite() {
        let s = if a.is_nan() { "nan" } else { "inf" };
        let s = if upper {
            s.to_uppercase()
        } else {
            s.to_string()
        };
        if ty == Some('%') {
            format!("{s}%")
        } else {
            s
        }
    } else {
        match ty {
            Some('f') | Some('F') => format!("{:.*}", sp.precision.unwrap_or(6), a),
            Some('e') | Some('E') => fmt_e(a, sp.precision.unwrap_or(6), upper),
            Some('g') | Some('G') | Some('n') => {
                fmt_g(a, sp.precision.unwrap_or(6), sp.alt, upper, false)
            }
            Some('%') => format!("{:.*}%", sp.precision.unwrap_or(6), a * 100.0),
            None => match sp.precision {
                Some(p) => fmt_g(a, p, sp.alt, false, true),
                None => float_repr(a),
            },
            Some(_) => unreachable_spec(),
        }
    };
    if sp.alt
        && matches!(ty, Some('f' | 'F' | 'e' | 'E' | '%'))
        && !body.contains('.')
        && a.is_finite()
    {
        let i = body.find(['e', 'E', '%']).unwrap_or(body.len());
        body.insert(i, '.');
    }
    if sp.z
        && neg
        && body
            .chars()
            .all(|c| c == '0' || c == '.' || c == '%' || c == 'e' || c == '+' || c == '-')
    {
        neg = false;
    }
    if sp.z && neg && body.trim_start_matches(['0', '.']).is_empty() {
        neg = false;
    }
    let sign = sign_str(neg, sp);
    if let Some(g) = sp.grouping {
        let int_end = body
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(body.len());
        let (ip, rest) = body.split_at(int_end);
        let grouped = if sp.fill == '0' && sp.align == Some('=') {
            grouped_zero_pad(
                ip,
                g,
                3,
                sp.width.saturating_sub(sign.len() + rest.chars().count()),
            )
        } else {
            group(ip, g, 3)
        };
        body = format!("{grouped}{rest}");
    }
    let full = format!("{sign}{body}");
    Ok(pad(sp, &full, sign.len(), '>'))
}

fn unreachable_spec() -> String {
    String::new()
}

/// `format(float, spec)`.
pub fn format_float(ts: &mut ThreadState, f: f64, spec: &str) -> PyResult<Value> {
    if spec.is_empty() {
        return Ok(StrObj::new(ts, &float_repr(f)));
    }
    let sp = spec_checked(ts, spec)?;
    let s = format_float_spec(ts, f, &sp)?;
    Ok(StrObj::new(ts, &s))
}

/// `format(str, spec)`.
pub fn format_str(ts: &mut ThreadState, s: &str, spec: &str) -> PyResult<Value> {
    if spec.is_empty() {
        return Ok(StrObj::new(ts, s));
    }
    let sp = spec_checked(ts, spec)?;
    if let Some(t) = sp.ty {
        if t != 's' {
            return Err(ts.value_error(format!(
                "Unknown format code '{t}' for object of type 'str'"
            )));
        }
    }
    if sp.sign.is_some() {
        return Err(ts.value_error("Sign not allowed in string format specifier"));
    }
    if sp.alt {
        return Err(ts.value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if sp.align == Some('=') {
        return Err(ts.value_error("'=' alignment not allowed in string format specifier"));
    }
    if sp.grouping.is_some() {
        return Err(ts.value_error(format!(
            "Cannot specify '{}' with 's'.",
            sp.grouping.unwrap_or(',')
        )));
    }
    let body: String = match sp.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    let out = pad(&sp, &body, 0, '<');
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
            if mapping.is_some() {
                return Ok(args);
            }
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
                sp.precision = Some(crate::ops::index_to_i64(ts, p)?.max(0) as usize);
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
        if conv == '%' {
            out.push('%');
            continue;
        }
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
                } else {
                    crate::ops::index(ts, v).map_err(|_| {
                        ts.type_error(format!(
                            "%{conv} format: an integer is required, not {}",
                            type_name(v)
                        ))
                    })?
                };
                let b = to_big(iv).unwrap_or_default();
                let neg = num_traits::Signed::is_negative(b.as_ref());
                let mag = num_traits::Signed::abs(b.as_ref());
                let mut digits = match conv {
                    'x' => mag.to_str_radix(16),
                    'X' => mag.to_str_radix(16).to_uppercase(),
                    'o' => mag.to_str_radix(8),
                    _ => mag.to_string(),
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
                (format!("{}{prefix}{digits}", sign_str(neg, &sp)), true)
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
            let sign_len = body
                .find(|c: char| {
                    c.is_ascii_digit() || c.is_ascii_alphabetic() && !matches!(c, 'x' | 'X' | 'o')
                })
                .unwrap_or(0);
            let sign_len = if body[..sign_len].ends_with(['x', 'X', 'o'])
                || body.starts_with(['-', '+', ' '])
            {
                sign_len
            } else {
                0
            };
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

fn is_mapping(v: Value) -> bool {
    let ty = crate::objects::typeobj::type_of(v);
    v.downcast::<StrObj>().is_none()
        && ty.slots.getitem.get().is_some()
        && v.downcast::<TupleObj>().is_none()
        && (v.is_kind(crate::object::Kind::Dict)
            || ty.lookup(crate::interp::names().keys).is_some())
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
    fn g_format() {
        assert_eq!(fmt_g(1234.5, 6, false, false, false), "1234.5");
        assert_eq!(fmt_g(0.00001234, 6, false, false, false), "1.234e-05");
        assert_eq!(fmt_g(1e16, 6, false, false, false), "1e+16");
        assert_eq!(fmt_g(100.0, 3, false, false, false), "100");
        assert_eq!(fmt_g(1000.0, 3, false, false, false), "1e+03");
    }

    #[test]
    fn spec_parse() {
        let s = parse_spec("*>10,.3f").unwrap();
        assert_eq!(s.fill, '*');
        assert_eq!(s.align, Some('>'));
        assert_eq!(s.width, 10);
        assert_eq!(s.grouping, Some(','));
        assert_eq!(s.precision, Some(3));
        assert_eq!(s.ty, Some('f'));
        let s = parse_spec("08.2f").unwrap();
        assert!(s.zero && s.width == 8 && s.fill == '0' && s.align == Some('='));
    }
}
