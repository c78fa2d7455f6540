//! `binascii`: conversions between binary data and ASCII encodings (hex,
//! base64, quoted-printable, uuencode) and the CRC-32 / CRC-CCITT
//! checksums, as CPython 3.11's C module (`base64`, `quopri`, `uu`,
//! `zipfile` and `gzip` build on it).
//!
//! Every function is pure: it copies its input out of the argument (a
//! bytes-like object, or an ASCII str for the decoders) and allocates one
//! result.

use std::sync::OnceLock;

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::Slot;
use ftpy_vm::objects::bytes::BytesObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{type_name, TypeObj};
use ftpy_vm::{ops, Gc, PyErr, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

static ERROR: OnceLock<Slot> = OnceLock::new();
static INCOMPLETE: OnceLock<Slot> = OnceLock::new();

fn error(ts: &mut ThreadState, msg: impl AsRef<str>) -> PyErr {
    match ERROR.get().and_then(|s| s.get().downcast::<TypeObj>()) {
        Some(t) => ts.new_error(t, msg.as_ref()),
        None => ts.value_error(msg.as_ref()),
    }
}

/// The data of a decoder's argument: bytes-like, or a str of ASCII only.
fn ascii_data(ts: &mut ThreadState, v: Value) -> PyResult<Vec<u8>> {
    if let Some(s) = v.downcast::<StrObj>() {
        let s = s.obj();
        if !s.is_ascii() {
            return Err(ts.value_error("string argument should contain only ASCII characters"));
        }
        return Ok(s.as_str().as_bytes().to_vec());
    }
    match ftpy_vm::objects::bytes::buffer_bytes(ts, v)? {
        Some(b) => Ok(b.into_owned()),
        None => Err(ts.type_error(format!(
            "argument should be bytes, buffer or ASCII string, not '{}'",
            type_name(v)
        ))),
    }
}

/// The data of an encoder's argument: bytes-like only.
fn binary_data(ts: &mut ThreadState, v: Value) -> PyResult<Vec<u8>> {
    Ok(ftpy_vm::objects::bytes::expect_buffer(ts, v)?.into_owned())
}

fn flag(ts: &mut ThreadState, v: Value) -> PyResult<bool> {
    match v.non_null() {
        Some(v) => ops::truthy(ts, v),
        None => Ok(false),
    }
}

/// An `unsigned_int(bitwise=True)` argument: any int, taken modulo 2**32.
fn bitwise_u32(ts: &mut ThreadState, v: Value) -> PyResult<u32> {
    if !ftpy_vm::objects::int::is_int(v) {
        return Err(ts.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v)
        )));
    }
    let b = ftpy_vm::objects::int::to_big(v)
        .map(|b| b.into_owned())
        .unwrap_or_default();
    let m: num_bigint::BigInt = b & num_bigint::BigInt::from(u32::MAX);
    Ok(num_traits::ToPrimitive::to_u32(&m).unwrap_or(0))
}

// ---- hex ---------------------------------------------------------------------

const HEX: &[u8; 16] = b"0123456789abcdef";

fn hexlify_impl(ts: &mut ThreadState, args: &[Value], kw: Kw, sig: &Sig) -> PyResult<Value> {
    let [data, sep, per] = sig.bind(ts, args, kw)?;
    let data = binary_data(ts, data)?;
    let sep_byte = match sep.non_null() {
        None => None,
        Some(s) => {
            let b: Vec<u32> = if let Some(st) = s.downcast::<StrObj>() {
                st.obj().code_points().collect()
            } else {
                binary_data(ts, s)?.into_iter().map(|c| c as u32).collect()
            };
            if b.len() != 1 {
                return Err(ts.value_error("sep must be length 1."));
            }
            if b[0] > 127 && s.downcast::<StrObj>().is_some() && b[0] > 255 {
                return Err(ts.value_error("sep must be ASCII."));
            }
            Some(b[0] as u8)
        }
    };
    let per = match per.non_null() {
        Some(p) => ops::index_to_i64(ts, p)?,
        None => 1,
    };
    let mut out = Vec::with_capacity(data.len() * 3);
    let n = data.len();
    let group = per.unsigned_abs() as usize;
    for (i, &c) in data.iter().enumerate() {
        if let Some(s) = sep_byte {
            if i > 0 && group > 0 {
                // Groups are counted from the right for a positive count,
                // from the left for a negative one.
                let boundary = if per > 0 {
                    (n - i) % group == 0
                } else {
                    i % group == 0
                };
                if boundary {
                    out.push(s);
                }
            }
        }
        out.push(HEX[(c >> 4) as usize]);
        out.push(HEX[(c & 15) as usize]);
    }
    Ok(BytesObj::new(ts, &out))
}

fn f_hexlify(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("hexlify(data, sep=<unrepresentable>, bytes_per_sep=1)");
    hexlify_impl(ts, args, kw, &SIG)
}

fn f_b2a_hex(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("b2a_hex(data, sep=<unrepresentable>, bytes_per_sep=1)");
    hexlify_impl(ts, args, kw, &SIG)
}

fn hex_val(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

fn unhex(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let d = ascii_data(ts, v)?;
    if d.len() % 2 != 0 {
        return Err(error(ts, "Odd-length string"));
    }
    let mut out = Vec::with_capacity(d.len() / 2);
    for p in d.chunks(2) {
        match (hex_val(p[0]), hex_val(p[1])) {
            (Some(a), Some(b)) => out.push(a << 4 | b),
            _ => return Err(error(ts, "Non-hexadecimal digit found")),
        }
    }
    Ok(BytesObj::new(ts, &out))
}

fn f_unhexlify(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("unhexlify(hexstr, /)");
    let [h] = SIG.bind(ts, args, kw)?;
    unhex(ts, h)
}

fn f_a2b_hex(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("a2b_hex(hexstr, /)");
    let [h] = SIG.bind(ts, args, kw)?;
    unhex(ts, h)
}

// ---- base64 -----------------------------------------------------------------

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64_value(c: u8) -> Option<u8> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    })
}

fn f_b2a_base64(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("b2a_base64(data, /, *, newline=True)");
    let [data, newline] = SIG.bind(ts, args, kw)?;
    let d = binary_data(ts, data)?;
    let newline = match newline.non_null() {
        Some(n) => ops::truthy(ts, n)?,
        None => true,
    };
    let mut out = Vec::with_capacity(d.len().div_ceil(3) * 4 + 1);
    for ch in d.chunks(3) {
        let b = [ch[0], *ch.get(1).unwrap_or(&0), *ch.get(2).unwrap_or(&0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for k in 0..4 {
            if k <= ch.len() {
                out.push(B64[((n >> (18 - 6 * k)) & 63) as usize]);
            } else {
                out.push(b'=');
            }
        }
    }
    if newline {
        out.push(b'\n');
    }
    Ok(BytesObj::new(ts, &out))
}

/// Decodes base64 as CPython 3.11 does: characters outside the alphabet
/// are skipped (errors in strict mode), a complete pad ends the data.
fn decode_base64(d: &[u8], strict: bool) -> Result<Vec<u8>, String> {
    if strict && d.first() == Some(&b'=') {
        return Err("Leading padding not allowed".into());
    }
    let mut out = Vec::with_capacity(d.len() / 4 * 3);
    let (mut quad, mut left, mut pads, mut padding) = (0u32, 0u32, 0u32, false);
    for (i, &c) in d.iter().enumerate() {
        if c == b'=' {
            padding = true;
            if quad >= 2 {
                pads += 1;
                if quad + pads >= 4 {
                    if strict && i + 1 < d.len() {
                        return Err("Excess data after padding".into());
                    }
                    return Ok(out);
                }
            }
            continue;
        }
        let Some(v) = b64_value(c) else {
            if strict {
                return Err("Only base64 data is allowed".into());
            }
            continue;
        };
        if strict && padding {
            return Err("Discontinuous padding not allowed".into());
        }
        pads = 0;
        let v = v as u32;
        match quad {
            0 => {
                left = v;
                quad = 1;
            }
            1 => {
                out.push(((left << 2) | (v >> 4)) as u8);
                left = v & 0xf;
                quad = 2;
            }
            2 => {
                out.push(((left << 4) | (v >> 2)) as u8);
                left = v & 0x3;
                quad = 3;
            }
            _ => {
                out.push(((left << 6) | v) as u8);
                left = 0;
                quad = 0;
            }
        }
    }
    match quad {
        0 => Ok(out),
        1 => Err(format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
            out.len() / 3 * 4 + 1
        )),
        _ => Err("Incorrect padding".into()),
    }
}

fn f_a2b_base64(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("a2b_base64(data, /, *, strict_mode=False)");
    let [data, strict] = SIG.bind(ts, args, kw)?;
    let d = ascii_data(ts, data)?;
    let strict = flag(ts, strict)?;
    match decode_base64(&d, strict) {
        Ok(out) => Ok(BytesObj::new(ts, &out)),
        Err(msg) => Err(error(ts, msg)),
    }
}

// ---- quoted-printable ------------------------------------------------------

fn f_a2b_qp(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("a2b_qp(data, header=False)");
    let [data, header] = SIG.bind(ts, args, kw)?;
    let d = ascii_data(ts, data)?;
    let header = flag(ts, header)?;
    let mut out = Vec::with_capacity(d.len());
    let n = d.len();
    let mut i = 0;
    while i < n {
        let c = d[i];
        if c == b'=' {
            i += 1;
            if i >= n {
                break;
            }
            if d[i] == b'\n' || d[i] == b'\r' {
                // A soft line break.
                if d[i] != b'\n' {
                    while i < n && d[i] != b'\n' {
                        i += 1;
                    }
                }
                if i < n {
                    i += 1;
                }
            } else if d[i] == b'=' {
                out.push(b'=');
                i += 1;
            } else if i + 1 < n && hex_val(d[i]).is_some() && hex_val(d[i + 1]).is_some() {
                out.push(hex_val(d[i]).unwrap_or(0) << 4 | hex_val(d[i + 1]).unwrap_or(0));
                i += 2;
            } else {
                out.push(b'=');
            }
        } else if header && c == b'_' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(BytesObj::new(ts, &out))
}

const MAXLINESIZE: usize = 76;
const HEX_UPPER: &[u8; 16] = b"0123456789ABCDEF";

fn qp_encode(d: &[u8], quotetabs: bool, istext: bool, header: bool) -> Vec<u8> {
    let crlf = match d.iter().position(|&c| c == b'\n') {
        Some(p) => p > 0 && d[p - 1] == b'\r',
        None => false,
    };
    let n = d.len();
    let mut out: Vec<u8> = Vec::with_capacity(n * 2);
    let soft_break = |out: &mut Vec<u8>| {
        out.push(b'=');
        if crlf {
            out.push(b'\r');
        }
        out.push(b'\n');
    };
    let (mut i, mut linelen) = (0usize, 0usize);
    while i < n {
        let c = d[i];
        let next = d.get(i + 1).copied();
        let quote = c > 126
            || c == b'='
            || (header && c == b'_')
            || (c == b'.'
                && linelen == 0
                && matches!(next, None | Some(b'\n') | Some(b'\r') | Some(0)))
            || (!istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && i + 1 == n)
            || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')));
        if quote {
            if linelen + 3 >= MAXLINESIZE {
                soft_break(&mut out);
                linelen = 0;
            }
            out.push(b'=');
            out.push(HEX_UPPER[(c >> 4) as usize]);
            out.push(HEX_UPPER[(c & 15) as usize]);
            i += 1;
            linelen += 3;
        } else if istext && (c == b'\n' || (c == b'\r' && next == Some(b'\n'))) {
            linelen = 0;
            // Whitespace at the end of a line is quoted.
            if let Some(&last) = out.last() {
                if last == b' ' || last == b'\t' {
                    let k = out.len() - 1;
                    out[k] = b'=';
                    out.push(HEX_UPPER[(last >> 4) as usize]);
                    out.push(HEX_UPPER[(last & 15) as usize]);
                }
            }
            if crlf {
                out.push(b'\r');
            }
            out.push(b'\n');
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if i + 1 != n && next != Some(b'\n') && linelen + 1 >= MAXLINESIZE {
                soft_break(&mut out);
                linelen = 0;
            }
            linelen += 1;
            if header && c == b' ' {
                out.push(b'_');
            } else {
                out.push(c);
            }
            i += 1;
        }
    }
    out
}

fn f_b2a_qp(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("b2a_qp(data, quotetabs=False, istext=True, header=False)");
    let [data, quotetabs, istext, header] = SIG.bind(ts, args, kw)?;
    let d = binary_data(ts, data)?;
    let quotetabs = flag(ts, quotetabs)?;
    let istext = match istext.non_null() {
        Some(v) => ops::truthy(ts, v)?,
        None => true,
    };
    let header = flag(ts, header)?;
    let out = qp_encode(&d, quotetabs, istext, header);
    Ok(BytesObj::new(ts, &out))
}

// ---- uuencode -------------------------------------------------------------------

fn f_b2a_uu(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("b2a_uu(data, /, *, backtick=False)");
    let [data, backtick] = SIG.bind(ts, args, kw)?;
    let d = binary_data(ts, data)?;
    let backtick = flag(ts, backtick)?;
    if d.len() > 45 {
        return Err(error(ts, "At most 45 bytes at once"));
    }
    let enc = |v: u32| -> u8 {
        if backtick && v == 0 {
            b'`'
        } else {
            b' ' + v as u8
        }
    };
    let mut out = vec![enc(d.len() as u32)];
    for ch in d.chunks(3) {
        let b = [ch[0], *ch.get(1).unwrap_or(&0), *ch.get(2).unwrap_or(&0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for k in 0..4 {
            out.push(enc((n >> (18 - 6 * k)) & 63));
        }
    }
    out.push(b'\n');
    Ok(BytesObj::new(ts, &out))
}

fn f_a2b_uu(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("a2b_uu(data, /)");
    let [data] = SIG.bind(ts, args, kw)?;
    let d = ascii_data(ts, data)?;
    let first = d.first().copied().unwrap_or(0);
    let mut want = (first.wrapping_sub(b' ') & 0o77) as usize;
    let mut out = Vec::with_capacity(want);
    let mut rest = if d.is_empty() { &d[..] } else { &d[1..] };
    let (mut left, mut bits) = (0u32, 0u32);
    while want > 0 {
        let c = rest.first().copied();
        if !rest.is_empty() {
            rest = &rest[1..];
        }
        let v = match c {
            None | Some(b'\n') | Some(b'\r') => 0,
            Some(c) => {
                if !(b' '..=b' ' + 64).contains(&c) {
                    return Err(error(ts, "Illegal char"));
                }
                ((c - b' ') & 0o77) as u32
            }
        };
        left = (left << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((left >> bits) & 0xff) as u8);
            left &= (1 << bits) - 1;
            want -= 1;
        }
    }
    for &c in rest {
        if c != b' ' && c != b' ' + 64 && c != b'\n' && c != b'\r' {
            return Err(error(ts, "Trailing garbage"));
        }
    }
    Ok(BytesObj::new(ts, &out))
}

// ---- checksums ---------------------------------------------------------------------

/// CRC-32 (the zlib/PNG polynomial), continuing from `crc`.
pub fn crc32_update(crc: u32, data: &[u8]) -> u32 {
    static TABLE: OnceLock<[u32; 256]> = OnceLock::new();
    let t = TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, e) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *e = c;
        }
        t
    });
    let mut c = !crc;
    for &b in data {
        c = t[((c ^ b as u32) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

fn f_crc32(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("crc32(data, crc=0, /)");
    let [data, crc] = SIG.bind(ts, args, kw)?;
    let d = binary_data(ts, data)?;
    let crc = match crc.non_null() {
        Some(c) => bitwise_u32(ts, c)?,
        None => 0,
    };
    Ok(Value::small_int_unchecked(crc32_update(crc, &d) as i64))
}

fn f_crc_hqx(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("crc_hqx(data, crc, /)");
    let [data, crc] = SIG.bind(ts, args, kw)?;
    let d = binary_data(ts, data)?;
    let mut c = bitwise_u32(ts, crc)? & 0xffff;
    for &b in &d {
        c ^= (b as u32) << 8;
        for _ in 0..8 {
            c = if c & 0x8000 != 0 {
                (c << 1) ^ 0x1021
            } else {
                c << 1
            };
            c &= 0xffff;
        }
    }
    Ok(Value::small_int_unchecked(c as i64))
}

/// Makes `class name(base)` in module `module` (for module exceptions).
pub(crate) fn make_exception(
    ts: &mut ThreadState,
    module: &str,
    name: &str,
    base: Value,
) -> PyResult<Value> {
    let n = ftpy_vm::objects::str::new_str(ts, name);
    let bases = TupleObj::new(ts, &[base]).value();
    let ns = ftpy_vm::objects::dict::DictObj::new(ts);
    let m = ftpy_vm::objects::str::new_str(ts, module);
    ns.set_item_str(ts, "__module__", m);
    let e = ops::call(
        ts,
        ftpy_vm::interp::types().type_.value(),
        &[n, bases, ns.value()],
        None,
    )?;
    ftpy_vm::interp::add_global_root(e);
    Ok(e)
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    if ERROR.get().is_none() {
        let ve = ftpy_vm::interp::types().value_error.value();
        let e = make_exception(ts, "binascii", "Error", ve)?;
        let _ = ERROR.set(Slot::new(e));
        let exc = ftpy_vm::interp::types().exception.value();
        let i = make_exception(ts, "binascii", "Incomplete", exc)?;
        let _ = INCOMPLETE.set(Slot::new(i));
    }
    if let Some(e) = ERROR.get() {
        m.set_attr(ts, "Error", e.get());
    }
    if let Some(i) = INCOMPLETE.get() {
        m.set_attr(ts, "Incomplete", i.get());
    }
    m.add_function(ts, "hexlify", f_hexlify);
    m.add_function(ts, "b2a_hex", f_b2a_hex);
    m.add_function(ts, "unhexlify", f_unhexlify);
    m.add_function(ts, "a2b_hex", f_a2b_hex);
    m.add_function(ts, "b2a_base64", f_b2a_base64);
    m.add_function(ts, "a2b_base64", f_a2b_base64);
    m.add_function(ts, "a2b_qp", f_a2b_qp);
    m.add_function(ts, "b2a_qp", f_b2a_qp);
    m.add_function(ts, "b2a_uu", f_b2a_uu);
    m.add_function(ts, "a2b_uu", f_a2b_uu);
    m.add_function(ts, "crc32", f_crc32);
    m.add_function(ts, "crc_hqx", f_crc_hqx);
    Ok(())
}
