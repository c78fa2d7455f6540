//! Text encodings: the encoders and decoders behind `str.encode`,
//! `bytes.decode` and the `_codecs` module, their error handlers, and the
//! codec and error-handler registries.
//!
//! # Layers
//! - The *core* (pure Rust, unit-tested below): each codec turns code
//!   points into bytes or bytes into generalized UTF-8 text (see
//!   `unicode.rs`: lone surrogates are representable). Where input cannot
//!   be converted, the core reports a range and a reason to an
//!   [`EncodeErrors`] / [`DecodeErrors`] implementation, which says what
//!   to put in the output and where to resume, or fails. The ranges,
//!   reasons and resume rules are CPython's (they are visible to programs
//!   through `UnicodeError.start/end/reason` and custom handlers).
//! - The built-in error handlers (`strict`, `ignore`, `replace`,
//!   `backslashreplace`, `xmlcharrefreplace`, `namereplace`,
//!   `surrogateescape`, `surrogatepass`) as pure functions of the input and
//!   the error range ([`builtin_encode_fix`], [`builtin_decode_fix`]).
//! - The VM layer: the `UnicodeEncodeError` / `UnicodeDecodeError`
//!   objects, handlers registered with `codecs.register_error` (called with
//!   the exception, returning `(replacement, newpos)`), the codec search
//!   registry (`codecs.register`, which the `encodings` package fills), and
//!   `str.encode` / `bytes.decode` themselves: a built-in codec is used
//!   directly; any other name is looked up through the registry, importing
//!   `encodings` on first use, as CPython does.
//!
//! As in CPython, a handler name is resolved only when an error occurs
//! (`'abc'.encode('ascii', 'bogus')` succeeds), and the built-in names
//! always mean the built-in handlers, even if re-registered.

use std::sync::OnceLock;

use crate::error::{PyErr, PyResult};
use crate::interp::types;
use crate::object::Gc;
use crate::objects::bytes::BytesObj;
use crate::objects::dict::DictObj;
use crate::objects::exception::ExcObj;
use crate::objects::list::ListObj;
use crate::objects::str::{new_str_wtf8, StrObj};
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, TypeObj};
use crate::ops;
use crate::thread::ThreadState;
use crate::unicode::{is_surrogate, push_cp};
use crate::value::Value;

// ---- names ------------------------------------------------------------------------

/// CPython's `_Py_normalize_encoding` as `codecs.lookup` applies it:
/// lower case; every run of characters other than letters, digits and
/// `.` becomes one `_` (none at either end).
pub fn normalize_encoding(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            punct = false;
            out.push(c.to_ascii_lowercase());
        } else {
            punct = true;
        }
    }
    out
}

/// Byte order of a UTF-16/32 codec.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Order {
    Le,
    Be,
    /// Plain `utf-16`/`utf-32`: a BOM and little-endian when encoding
    /// (this machine's order); the BOM decides when decoding.
    Bom,
}

/// The codecs implemented natively.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Native {
    Utf8,
    Utf8Sig,
    Utf16(Order),
    Utf32(Order),
    Ascii,
    Latin1,
    UnicodeEscape,
    RawUnicodeEscape,
    /// UTF-7 (RFC 2152), reached only through `_codecs.utf_7_*`: `str.encode`
    /// finds it through the registry, as CPython does.
    Utf7,
}

impl Native {
    /// The name in error messages when encoding.
    pub fn encode_name(self) -> &'static str {
        match self {
            Native::Utf8 | Native::Utf8Sig => "utf-8",
            Native::Utf16(Order::Le) => "utf-16-le",
            Native::Utf16(Order::Be) => "utf-16-be",
            Native::Utf16(Order::Bom) => "utf-16",
            Native::Utf32(Order::Le) => "utf-32-le",
            Native::Utf32(Order::Be) => "utf-32-be",
            Native::Utf32(Order::Bom) => "utf-32",
            Native::Ascii => "ascii",
            Native::Latin1 => "latin-1",
            Native::UnicodeEscape => "unicodeescape",
            Native::RawUnicodeEscape => "rawunicodeescape",
            Native::Utf7 => "utf7",
        }
    }
}

/// The native codec for a normalized name (see [`normalize_encoding`]),
/// the names CPython's `str.encode` recognizes without the registry plus
/// the byte-order variants.
pub fn native_codec(norm: &str) -> Option<Native> {
    Some(match norm {
        "utf_8" | "utf8" => Native::Utf8,
        "utf_8_sig" => Native::Utf8Sig,
        "utf_16" | "utf16" => Native::Utf16(Order::Bom),
        "utf_16_le" | "utf_16le" => Native::Utf16(Order::Le),
        "utf_16_be" | "utf_16be" => Native::Utf16(Order::Be),
        "utf_32" | "utf32" => Native::Utf32(Order::Bom),
        "utf_32_le" | "utf_32le" => Native::Utf32(Order::Le),
        "utf_32_be" | "utf_32be" => Native::Utf32(Order::Be),
        "ascii" | "us_ascii" => Native::Ascii,
        "latin_1" | "latin1" | "iso_8859_1" | "iso8859_1" => Native::Latin1,
        "unicode_escape" => Native::UnicodeEscape,
        "raw_unicode_escape" => Native::RawUnicodeEscape,
        _ => return None,
    })
}

/// The built-in error handlers.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Builtin {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    NameReplace,
    SurrogateEscape,
    SurrogatePass,
}

impl Builtin {
    pub const ALL: [Builtin; 8] = [
        Builtin::Strict,
        Builtin::Ignore,
        Builtin::Replace,
        Builtin::BackslashReplace,
        Builtin::XmlCharRefReplace,
        Builtin::NameReplace,
        Builtin::SurrogateEscape,
        Builtin::SurrogatePass,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Builtin::Strict => "strict",
            Builtin::Ignore => "ignore",
            Builtin::Replace => "replace",
            Builtin::BackslashReplace => "backslashreplace",
            Builtin::XmlCharRefReplace => "xmlcharrefreplace",
            Builtin::NameReplace => "namereplace",
            Builtin::SurrogateEscape => "surrogateescape",
            Builtin::SurrogatePass => "surrogatepass",
        }
    }

    pub fn by_name(name: &str) -> Option<Builtin> {
        Builtin::ALL.iter().copied().find(|b| b.name() == name)
    }
}

// ---- the core: encoding -------------------------------------------------------------

/// What an error handler puts in place of unencodable text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fix {
    /// Bytes, emitted as they are.
    Bytes(Vec<u8>),
    /// Text, encoded by the codec (it must be encodable, or the original
    /// error is raised).
    Text(Vec<u32>),
}

/// An encoding error: `cps[start..end]` cannot be encoded.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct EncErr {
    pub start: usize,
    pub end: usize,
    pub reason: &'static str,
}

/// The policy for encoding errors.
pub trait EncodeErrors {
    type E;
    /// The built-in handler in use, if any (codecs have fast paths for
    /// some of them, with slightly different error ranges, as CPython).
    fn builtin(&mut self) -> Result<Option<Builtin>, Self::E>;
    /// The replacement for `cps[e.start..e.end]` and the position to
    /// resume at (`0..=cps.len()`).
    fn handle(&mut self, cps: &[u32], e: EncErr) -> Result<(Fix, usize), Self::E>;
    /// The error for `e`, raised as is.
    fn raise(&mut self, cps: &[u32], e: EncErr) -> Self::E;
}

/// A built-in handler's replacement for an encoding error (`Err(())`:
/// raise the original error). `codec` matters for `surrogatepass`.
pub fn builtin_encode_fix(
    b: Builtin,
    codec: Native,
    cps: &[u32],
    start: usize,
    end: usize,
) -> Result<(Fix, usize), ()> {
    let bad = &cps[start..end];
    let fix = match b {
        Builtin::Strict => return Err(()),
        Builtin::Ignore => Fix::Bytes(Vec::new()),
        Builtin::Replace => Fix::Text(vec!['?' as u32; bad.len()]),
        Builtin::BackslashReplace => {
            let mut s = String::new();
            for &c in bad {
                push_backslash_cp(&mut s, c);
            }
            Fix::Text(s.chars().map(|c| c as u32).collect())
        }
        Builtin::XmlCharRefReplace => {
            let s: String = bad.iter().map(|c| format!("&#{c};")).collect();
            Fix::Text(s.chars().map(|c| c as u32).collect())
        }
        Builtin::NameReplace => {
            let mut s = String::new();
            for &c in bad {
                match char::from_u32(c).and_then(unicode_names2::name) {
                    Some(n) => {
                        s.push_str("\\N{");
                        s.push_str(&n.to_string());
                        s.push('}');
                    }
                    None => push_backslash_cp(&mut s, c),
                }
            }
            Fix::Text(s.chars().map(|c| c as u32).collect())
        }
        Builtin::SurrogateEscape => {
            let mut out = Vec::with_capacity(bad.len());
            for &c in bad {
                if !(0xDC80..=0xDCFF).contains(&c) {
                    return Err(());
                }
                out.push((c - 0xDC00) as u8);
            }
            Fix::Bytes(out)
        }
        Builtin::SurrogatePass => {
            let mut out = Vec::new();
            for &c in bad {
                if !is_surrogate(c) {
                    return Err(());
                }
                match codec {
                    Native::Utf8 | Native::Utf8Sig => push_cp(&mut out, c),
                    Native::Utf16(Order::Be) => out.extend_from_slice(&(c as u16).to_be_bytes()),
                    Native::Utf16(_) => out.extend_from_slice(&(c as u16).to_le_bytes()),
                    Native::Utf32(Order::Be) => out.extend_from_slice(&c.to_be_bytes()),
                    Native::Utf32(_) => out.extend_from_slice(&c.to_le_bytes()),
                    _ => return Err(()),
                }
            }
            Fix::Bytes(out)
        }
    };
    Ok((fix, end))
}

fn push_backslash_cp(s: &mut String, c: u32) {
    use std::fmt::Write;
    let _ = if c <= 0xff {
        write!(s, "\\x{c:02x}")
    } else if c <= 0xffff {
        write!(s, "\\u{c:04x}")
    } else {
        write!(s, "\\U{c:08x}")
    };
}

/// Encodes `cps` with a native codec.
pub fn encode<H: EncodeErrors>(cps: &[u32], codec: Native, h: &mut H) -> Result<Vec<u8>, H::E> {
    match codec {
        Native::Utf8 => encode_utf8(cps, h),
        Native::Utf8Sig => {
            let mut out = vec![0xEF, 0xBB, 0xBF];
            out.extend(encode_utf8(cps, h)?);
            Ok(out)
        }
        Native::Ascii => encode_ucs1(cps, 0x80, h),
        Native::Latin1 => encode_ucs1(cps, 0x100, h),
        Native::Utf16(o) => encode_wide(cps, o, 2, h),
        Native::Utf32(o) => encode_wide(cps, o, 4, h),
        Native::UnicodeEscape => Ok(unicode_escape_encode(cps, false)),
        Native::RawUnicodeEscape => Ok(unicode_escape_encode(cps, true)),
        Native::Utf7 => Ok(encode_utf7(cps)),
    }
}

fn encode_utf8<H: EncodeErrors>(cps: &[u32], h: &mut H) -> Result<Vec<u8>, H::E> {
    let mut out = Vec::with_capacity(cps.len());
    let mut i = 0;
    while i < cps.len() {
        let c = cps[i];
        if !is_surrogate(c) {
            push_cp(&mut out, c);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < cps.len() && is_surrogate(cps[end]) {
            end += 1;
        }
        let mut e = EncErr {
            start: i,
            end,
            reason: "surrogates not allowed",
        };
        if h.builtin()? == Some(Builtin::SurrogateEscape) {
            // The fast path: escapes as far as it can, then the error
            // covers the rest of the run.
            while e.start < end && (0xDC80..=0xDCFF).contains(&cps[e.start]) {
                out.push((cps[e.start] - 0xDC00) as u8);
                e.start += 1;
            }
            if e.start == end {
                i = end;
                continue;
            }
            return Err(h.raise(cps, e));
        }
        let (fix, newpos) = h.handle(cps, e)?;
        match fix {
            Fix::Bytes(b) => out.extend_from_slice(&b),
            Fix::Text(t) => {
                if t.iter().any(|&c| c >= 0x80) {
                    return Err(h.raise(cps, e));
                }
                out.extend(t.iter().map(|&c| c as u8));
            }
        }
        i = newpos;
    }
    Ok(out)
}

fn encode_ucs1<H: EncodeErrors>(cps: &[u32], limit: u32, h: &mut H) -> Result<Vec<u8>, H::E> {
    let reason = if limit == 0x80 {
        "ordinal not in range(128)"
    } else {
        "ordinal not in range(256)"
    };
    let mut out = Vec::with_capacity(cps.len());
    let mut i = 0;
    while i < cps.len() {
        let c = cps[i];
        if c < limit {
            out.push(c as u8);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < cps.len() && cps[end] >= limit {
            end += 1;
        }
        let mut e = EncErr {
            start: i,
            end,
            reason,
        };
        if h.builtin()? == Some(Builtin::SurrogateEscape) {
            while e.start < end && (0xDC80..=0xDCFF).contains(&cps[e.start]) {
                out.push((cps[e.start] - 0xDC00) as u8);
                e.start += 1;
            }
            if e.start == end {
                i = end;
                continue;
            }
            return Err(h.raise(cps, e));
        }
        let (fix, newpos) = h.handle(cps, e)?;
        match fix {
            Fix::Bytes(b) => out.extend_from_slice(&b),
            Fix::Text(t) => {
                if t.iter().any(|&c| c >= limit) {
                    return Err(h.raise(cps, e));
                }
                out.extend(t.iter().map(|&c| c as u8));
            }
        }
        i = newpos;
    }
    Ok(out)
}

fn push_unit(out: &mut Vec<u8>, v: u32, unit: usize, be: bool) {
    if unit == 2 {
        let u = v as u16;
        out.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
    } else {
        out.extend_from_slice(&if be { v.to_be_bytes() } else { v.to_le_bytes() });
    }
}

/// UTF-16 (`unit` 2) and UTF-32 (`unit` 4). Each surrogate is its own
/// error; a byte replacement must be whole code units.
fn encode_wide<H: EncodeErrors>(
    cps: &[u32],
    order: Order,
    unit: usize,
    h: &mut H,
) -> Result<Vec<u8>, H::E> {
    let be = order == Order::Be;
    let mut out = Vec::with_capacity(cps.len() * unit + unit);
    if order == Order::Bom {
        push_unit(&mut out, 0xFEFF, unit, false);
    }
    let mut i = 0;
    while i < cps.len() {
        let c = cps[i];
        if !is_surrogate(c) {
            if unit == 2 && c >= 0x10000 {
                let v = c - 0x10000;
                push_unit(&mut out, 0xD800 | (v >> 10), 2, be);
                push_unit(&mut out, 0xDC00 | (v & 0x3FF), 2, be);
            } else {
                push_unit(&mut out, c, unit, be);
            }
            i += 1;
            continue;
        }
        let e = EncErr {
            start: i,
            end: i + 1,
            reason: "surrogates not allowed",
        };
        let (fix, newpos) = h.handle(cps, e)?;
        match fix {
            Fix::Bytes(b) => {
                if b.len() % unit != 0 {
                    return Err(h.raise(cps, e));
                }
                out.extend_from_slice(&b);
            }
            Fix::Text(t) => {
                if t.iter().any(|&c| c >= 0x80) {
                    return Err(h.raise(cps, e));
                }
                for c in t {
                    push_unit(&mut out, c, unit, be);
                }
            }
        }
        i = newpos;
    }
    Ok(out)
}

/// `unicode_escape` / `raw_unicode_escape` encoding (never fails).
pub fn unicode_escape_encode(cps: &[u32], raw: bool) -> Vec<u8> {
    use std::io::Write;
    let mut out = Vec::with_capacity(cps.len());
    for &c in cps {
        if raw {
            if c < 0x100 {
                out.push(c as u8);
            } else if c < 0x10000 {
                let _ = write!(out, "\\u{c:04x}");
            } else {
                let _ = write!(out, "\\U{c:08x}");
            }
            continue;
        }
        match c {
            0x5C => out.extend_from_slice(b"\\\\"),
            0x09 => out.extend_from_slice(b"\\t"),
            0x0A => out.extend_from_slice(b"\\n"),
            0x0D => out.extend_from_slice(b"\\r"),
            0x20..=0x7E => out.push(c as u8),
            c if c < 0x100 => {
                let _ = write!(out, "\\x{c:02x}");
            }
            c if c < 0x10000 => {
                let _ = write!(out, "\\u{c:04x}");
            }
            c => {
                let _ = write!(out, "\\U{c:08x}");
            }
        }
    }
    out
}

// ---- the core: decoding -------------------------------------------------------------

/// A decoding error: `data[start..end]` cannot be decoded.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct DecErr {
    pub start: usize,
    pub end: usize,
    pub reason: &'static str,
}

/// The policy for decoding errors.
pub trait DecodeErrors {
    type E;
    /// The replacement text (generalized UTF-8) for `data[e.start..e.end]`
    /// and the position to resume at (`0..=data.len()`). `codec` names
    /// the encoding in the error (`utf-16-le` after a BOM decided it).
    fn handle(
        &mut self,
        data: &[u8],
        e: DecErr,
        codec: &'static str,
    ) -> Result<(Vec<u8>, usize), Self::E>;
}

/// What a built-in handler does with a decoding error.
pub enum DecodeFix {
    /// Replacement text (generalized UTF-8) and where to resume.
    Text(Vec<u8>, usize),
    /// Raise the original error.
    Raise,
    /// The handler does not handle decoding errors (TypeError).
    Unsupported,
}

/// A built-in handler's replacement for a decoding error. `codec` matters
/// for `surrogatepass` (which reads the bytes at `start`).
pub fn builtin_decode_fix(
    b: Builtin,
    codec: &str,
    data: &[u8],
    start: usize,
    end: usize,
) -> DecodeFix {
    match b {
        Builtin::Strict => DecodeFix::Raise,
        Builtin::Ignore => DecodeFix::Text(Vec::new(), end),
        Builtin::Replace => DecodeFix::Text("\u{FFFD}".as_bytes().to_vec(), end),
        Builtin::BackslashReplace => {
            let mut s = Vec::new();
            for &c in &data[start..end] {
                s.extend_from_slice(format!("\\x{c:02x}").as_bytes());
            }
            DecodeFix::Text(s, end)
        }
        Builtin::XmlCharRefReplace | Builtin::NameReplace => DecodeFix::Unsupported,
        Builtin::SurrogateEscape => {
            let mut out = Vec::new();
            let mut k = start;
            while k < end && k < start + 4 && data[k] >= 0x80 {
                push_cp(&mut out, 0xDC00 + data[k] as u32);
                k += 1;
            }
            if k == start {
                return DecodeFix::Raise;
            }
            DecodeFix::Text(out, k)
        }
        Builtin::SurrogatePass => {
            let norm = normalize_encoding(codec);
            let (cp, n) = match norm.as_str() {
                "utf_8" | "utf8" => {
                    let s = &data[start..];
                    if s.len() >= 3
                        && s[0] & 0xF0 == 0xE0
                        && s[1] & 0xC0 == 0x80
                        && s[2] & 0xC0 == 0x80
                    {
                        let c = ((s[0] as u32 & 0x0F) << 12)
                            | ((s[1] as u32 & 0x3F) << 6)
                            | (s[2] as u32 & 0x3F);
                        (c, 3)
                    } else {
                        return DecodeFix::Raise;
                    }
                }
                "utf_16" | "utf_16_le" | "utf_16le" | "utf_16_be" | "utf_16be" => {
                    let Some(s) = data.get(start..start + 2) else {
                        return DecodeFix::Raise;
                    };
                    let v = if norm.ends_with("be") {
                        u16::from_be_bytes([s[0], s[1]])
                    } else {
                        u16::from_le_bytes([s[0], s[1]])
                    };
                    (v as u32, 2)
                }
                "utf_32" | "utf_32_le" | "utf_32le" | "utf_32_be" | "utf_32be" => {
                    let Some(s) = data.get(start..start + 4) else {
                        return DecodeFix::Raise;
                    };
                    let a = [s[0], s[1], s[2], s[3]];
                    let v = if norm.ends_with("be") {
                        u32::from_be_bytes(a)
                    } else {
                        u32::from_le_bytes(a)
                    };
                    (v, 4)
                }
                _ => return DecodeFix::Raise,
            };
            if !is_surrogate(cp) {
                return DecodeFix::Raise;
            }
            let mut out = Vec::new();
            push_cp(&mut out, cp);
            DecodeFix::Text(out, start + n)
        }
    }
}

/// The result of a decoder: text (generalized UTF-8) and the number of
/// input bytes consumed (less than all only when not `final`).
pub struct Decoded {
    pub text: Vec<u8>,
    pub consumed: usize,
    /// UTF-16/32: the byte order in effect at the end (-1 little, 1 big,
    /// 0 undecided), for `utf_16_ex_decode`.
    pub order: i32,
}

/// Decodes `data` with a native codec.
pub fn decode<H: DecodeErrors>(
    data: &[u8],
    codec: Native,
    final_: bool,
    h: &mut H,
) -> Result<Decoded, H::E> {
    let simple = |text: Vec<u8>, consumed: usize| Decoded {
        text,
        consumed,
        order: 0,
    };
    match codec {
        Native::Utf8 => {
            let (t, n) = decode_utf8(data, final_, h)?;
            Ok(simple(t, n))
        }
        Native::Utf8Sig => {
            // As `encodings.utf_8_sig`: positions count from after the BOM.
            if data.starts_with(&[0xEF, 0xBB, 0xBF]) {
                let (t, n) = decode_utf8(&data[3..], final_, h)?;
                Ok(simple(t, n + 3))
            } else if !final_ && data.len() < 3 && [0xEF, 0xBB, 0xBF].starts_with(data) {
                Ok(simple(Vec::new(), 0))
            } else {
                let (t, n) = decode_utf8(data, final_, h)?;
                Ok(simple(t, n))
            }
        }
        Native::Ascii => Ok(simple(decode_ascii(data, h)?, data.len())),
        Native::Latin1 => {
            let mut out = Vec::with_capacity(data.len());
            for &b in data {
                push_cp(&mut out, b as u32);
            }
            Ok(simple(out, data.len()))
        }
        Native::Utf16(o) => decode_utf16(data, order_num(o), final_, h),
        Native::Utf32(o) => decode_utf32(data, order_num(o), final_, h),
        Native::UnicodeEscape => {
            let (t, n) = decode_unicode_escape(data, final_, h)?;
            Ok(simple(t, n))
        }
        Native::RawUnicodeEscape => {
            let (t, n) = decode_raw_unicode_escape(data, final_, h)?;
            Ok(simple(t, n))
        }
        Native::Utf7 => {
            let (t, n) = decode_utf7(data, final_, h)?;
            Ok(simple(t, n))
        }
    }
}

fn order_num(o: Order) -> i32 {
    match o {
        Order::Le => -1,
        Order::Be => 1,
        Order::Bom => 0,
    }
}

#[inline]
fn is_cont(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// What is wrong at `data[i]` (a non-ASCII byte that does not start a
/// valid sequence), per CPython's decoder: the reason and the end of the
/// error range, or `None` when the input ends inside a sequence that could
/// still be valid (`unexpected end of data`).
fn utf8_problem(data: &[u8], i: usize) -> Option<(&'static str, usize)> {
    const START: &str = "invalid start byte";
    const CONT: &str = "invalid continuation byte";
    let ch = data[i];
    let left = data.len() - i;
    let at = |k: usize| data[i + k];
    match ch {
        0x80..=0xC1 => Some((START, i + 1)),
        0xC2..=0xDF => {
            if left < 2 {
                return None;
            }
            Some((CONT, i + 1))
        }
        0xE0..=0xEF => {
            if left < 3 {
                if left < 2 {
                    return None;
                }
                let c2 = at(1);
                if !is_cont(c2) || (if c2 < 0xA0 { ch == 0xE0 } else { ch == 0xED }) {
                    return Some((CONT, i + 1));
                }
                return None;
            }
            let c2 = at(1);
            if !is_cont(c2) || (ch == 0xE0 && c2 < 0xA0) || (ch == 0xED && c2 >= 0xA0) {
                return Some((CONT, i + 1));
            }
            Some((CONT, i + 2))
        }
        0xF0..=0xF4 => {
            let c2_bad = |c2: u8| !is_cont(c2) || (if c2 < 0x90 { ch == 0xF0 } else { ch == 0xF4 });
            if left < 4 {
                if left < 2 {
                    return None;
                }
                if c2_bad(at(1)) {
                    return Some((CONT, i + 1));
                }
                if left < 3 {
                    return None;
                }
                if !is_cont(at(2)) {
                    return Some((CONT, i + 2));
                }
                return None;
            }
            if c2_bad(at(1)) {
                return Some((CONT, i + 1));
            }
            if !is_cont(at(2)) {
                return Some((CONT, i + 2));
            }
            Some((CONT, i + 3))
        }
        _ => Some((START, i + 1)),
    }
}

/// UTF-8 decoding; returns the text and the bytes consumed.
pub fn decode_utf8<H: DecodeErrors>(
    data: &[u8],
    final_: bool,
    h: &mut H,
) -> Result<(Vec<u8>, usize), H::E> {
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let err = match std::str::from_utf8(&data[i..]) {
            Ok(_) => {
                out.extend_from_slice(&data[i..]);
                return Ok((out, data.len()));
            }
            Err(e) => e,
        };
        let bad = i + err.valid_up_to();
        out.extend_from_slice(&data[i..bad]);
        let e = match utf8_problem(data, bad) {
            Some((reason, end)) => DecErr {
                start: bad,
                end,
                reason,
            },
            None => {
                if !final_ {
                    return Ok((out, bad));
                }
                DecErr {
                    start: bad,
                    end: data.len(),
                    reason: "unexpected end of data",
                }
            }
        };
        // Incremental decoding: a truncated surrogate sequence at the end
        // may still be completed (for `surrogatepass`).
        if !final_
            && data[bad] == 0xED
            && data.len() - bad == 2
            && (0xA0..=0xBF).contains(&data[bad + 1])
        {
            return Ok((out, bad));
        }
        let (rep, newpos) = h.handle(data, e, "utf-8")?;
        out.extend_from_slice(&rep);
        i = newpos;
    }
    Ok((out, data.len()))
}

fn decode_ascii<H: DecodeErrors>(data: &[u8], h: &mut H) -> Result<Vec<u8>, H::E> {
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if b < 0x80 {
            out.push(b);
            i += 1;
            continue;
        }
        let e = DecErr {
            start: i,
            end: i + 1,
            reason: "ordinal not in range(128)",
        };
        let (rep, newpos) = h.handle(data, e, "ascii")?;
        out.extend_from_slice(&rep);
        i = newpos;
    }
    Ok(out)
}

/// UTF-16; `order` -1 little-endian, 1 big-endian, 0 by BOM (default
/// little-endian).
pub fn decode_utf16<H: DecodeErrors>(
    data: &[u8],
    mut order: i32,
    final_: bool,
    h: &mut H,
) -> Result<Decoded, H::E> {
    let mut i = 0;
    if order == 0 && data.len() >= 2 {
        match (data[0], data[1]) {
            (0xFF, 0xFE) => {
                order = -1;
                i = 2;
            }
            (0xFE, 0xFF) => {
                order = 1;
                i = 2;
            }
            _ => {}
        }
    }
    let be = order > 0;
    let name = if be { "utf-16-be" } else { "utf-16-le" };
    let rd = |k: usize| {
        let a = [data[k], data[k + 1]];
        if be {
            u16::from_be_bytes(a)
        } else {
            u16::from_le_bytes(a)
        }
    };
    let mut out = Vec::with_capacity(data.len());
    while i < data.len() {
        let e = if data.len() - i < 2 {
            if !final_ {
                break;
            }
            DecErr {
                start: i,
                end: data.len(),
                reason: "truncated data",
            }
        } else {
            let u = rd(i) as u32;
            if !is_surrogate(u) {
                push_cp(&mut out, u);
                i += 2;
                continue;
            }
            if u >= 0xDC00 {
                DecErr {
                    start: i,
                    end: i + 2,
                    reason: "illegal encoding",
                }
            } else if data.len() - i < 4 {
                if !final_ {
                    break;
                }
                DecErr {
                    start: i,
                    end: data.len(),
                    reason: "unexpected end of data",
                }
            } else {
                let u2 = rd(i + 2) as u32;
                if (0xDC00..=0xDFFF).contains(&u2) {
                    push_cp(&mut out, 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00));
                    i += 4;
                    continue;
                }
                DecErr {
                    start: i,
                    end: i + 2,
                    reason: "illegal UTF-16 surrogate",
                }
            }
        };
        let (rep, newpos) = h.handle(data, e, name)?;
        out.extend_from_slice(&rep);
        i = newpos;
    }
    Ok(Decoded {
        text: out,
        consumed: i.min(data.len()),
        order,
    })
}

/// UTF-32; `order` as for [`decode_utf16`].
pub fn decode_utf32<H: DecodeErrors>(
    data: &[u8],
    mut order: i32,
    final_: bool,
    h: &mut H,
) -> Result<Decoded, H::E> {
    let mut i = 0;
    if order == 0 && data.len() >= 4 {
        if data[..4] == [0xFF, 0xFE, 0, 0] {
            order = -1;
            i = 4;
        } else if data[..4] == [0, 0, 0xFE, 0xFF] {
            order = 1;
            i = 4;
        }
    }
    let be = order > 0;
    let name = if be { "utf-32-be" } else { "utf-32-le" };
    let mut out = Vec::with_capacity(data.len());
    while i < data.len() {
        let e = if data.len() - i < 4 {
            if !final_ {
                break;
            }
            DecErr {
                start: i,
                end: data.len(),
                reason: "truncated data",
            }
        } else {
            let a = [data[i], data[i + 1], data[i + 2], data[i + 3]];
            let c = if be {
                u32::from_be_bytes(a)
            } else {
                u32::from_le_bytes(a)
            };
            if c > 0x10FFFF {
                DecErr {
                    start: i,
                    end: i + 4,
                    reason: "code point not in range(0x110000)",
                }
            } else if is_surrogate(c) {
                DecErr {
                    start: i,
                    end: i + 4,
                    reason: "code point in surrogate code point range(0xd800, 0xe000)",
                }
            } else {
                push_cp(&mut out, c);
                i += 4;
                continue;
            }
        };
        let (rep, newpos) = h.handle(data, e, name)?;
        out.extend_from_slice(&rep);
        i = newpos;
    }
    Ok(Decoded {
        text: out,
        consumed: i.min(data.len()),
        order,
    })
}

fn hex_val(c: u8) -> Option<u32> {
    (c as char).to_digit(16)
}

/// `unicode_escape` decoding.
pub fn decode_unicode_escape<H: DecodeErrors>(
    data: &[u8],
    final_: bool,
    h: &mut H,
) -> Result<(Vec<u8>, usize), H::E> {
    let mut out = Vec::with_capacity(data.len());
    let mut s = 0;
    let end = data.len();
    while s < end {
        let c = data[s];
        s += 1;
        if c != b'\\' {
            push_cp(&mut out, c as u32);
            continue;
        }
        let start = s - 1;
        // `Ok(())` continues; `Err((reason, incomplete))` is an error.
        let r: Result<(), (&'static str, bool)> = (|| {
            if s >= end {
                return Err(("\\ at end of string", true));
            }
            let c = data[s];
            s += 1;
            let simple = match c {
                b'\n' => Some(None),
                b'\\' => Some(Some(b'\\')),
                b'\'' => Some(Some(b'\'')),
                b'"' => Some(Some(b'"')),
                b'b' => Some(Some(8)),
                b'f' => Some(Some(12)),
                b't' => Some(Some(9)),
                b'n' => Some(Some(10)),
                b'r' => Some(Some(13)),
                b'v' => Some(Some(11)),
                b'a' => Some(Some(7)),
                _ => None,
            };
            if let Some(x) = simple {
                if let Some(b) = x {
                    out.push(b);
                }
                return Ok(());
            }
            match c {
                b'0'..=b'7' => {
                    let mut code = (c - b'0') as u32;
                    for _ in 0..2 {
                        if s < end && (b'0'..=b'7').contains(&data[s]) {
                            code = (code << 3) + (data[s] - b'0') as u32;
                            s += 1;
                        } else {
                            break;
                        }
                    }
                    push_cp(&mut out, code);
                    Ok(())
                }
                b'x' | b'u' | b'U' => {
                    let (mut count, msg) = match c {
                        b'x' => (2, "truncated \\xXX escape"),
                        b'u' => (4, "truncated \\uXXXX escape"),
                        _ => (8, "truncated \\UXXXXXXXX escape"),
                    };
                    let mut ch: u32 = 0;
                    while count > 0 {
                        if s >= end {
                            return Err((msg, true));
                        }
                        match hex_val(data[s]) {
                            Some(d) => ch = (ch << 4) | d,
                            None => return Err((msg, false)),
                        }
                        s += 1;
                        count -= 1;
                    }
                    if ch > 0x10FFFF {
                        return Err(("illegal Unicode character", false));
                    }
                    push_cp(&mut out, ch);
                    Ok(())
                }
                b'N' => {
                    const MSG: &str = "malformed \\N character escape";
                    if s >= end {
                        return Err((MSG, true));
                    }
                    if data[s] != b'{' {
                        return Err((MSG, false));
                    }
                    s += 1;
                    let name_start = s;
                    while s < end && data[s] != b'}' {
                        s += 1;
                    }
                    if s >= end {
                        return Err((MSG, true));
                    }
                    if s == name_start {
                        return Err((MSG, false));
                    }
                    let name = &data[name_start..s];
                    s += 1;
                    match std::str::from_utf8(name)
                        .ok()
                        .and_then(unicode_names2::character)
                    {
                        Some(ch) => {
                            push_cp(&mut out, ch as u32);
                            Ok(())
                        }
                        None => Err(("unknown Unicode character name", false)),
                    }
                }
                other => {
                    out.push(b'\\');
                    push_cp(&mut out, other as u32);
                    Ok(())
                }
            }
        })();
        if let Err((reason, incomplete)) = r {
            if incomplete && !final_ {
                return Ok((out, start));
            }
            let e = DecErr {
                start,
                end: s,
                reason,
            };
            let (rep, newpos) = h.handle(data, e, "unicodeescape")?;
            out.extend_from_slice(&rep);
            s = newpos;
        }
    }
    Ok((out, end))
}

/// `raw_unicode_escape` decoding: only `\uXXXX` and `\UXXXXXXXX` after an
/// odd number of backslashes are escapes.
pub fn decode_raw_unicode_escape<H: DecodeErrors>(
    data: &[u8],
    final_: bool,
    h: &mut H,
) -> Result<(Vec<u8>, usize), H::E> {
    let mut out = Vec::with_capacity(data.len());
    let mut s = 0;
    let end = data.len();
    while s < end {
        let c = data[s];
        s += 1;
        if c != b'\\' || s >= end {
            push_cp(&mut out, c as u32);
            continue;
        }
        let start = s - 1;
        let c = data[s];
        s += 1;
        let (mut count, msg) = match c {
            b'u' => (4, "truncated \\uXXXX escape"),
            b'U' => (8, "truncated \\UXXXXXXXX escape"),
            _ => {
                out.push(b'\\');
                push_cp(&mut out, c as u32);
                continue;
            }
        };
        let mut ch: u32 = 0;
        let mut bad = false;
        while count > 0 && s < end {
            match hex_val(data[s]) {
                Some(d) => ch = (ch << 4) | d,
                None => {
                    bad = true;
                    break;
                }
            }
            s += 1;
            count -= 1;
        }
        let reason = if count == 0 && !bad {
            if ch <= 0x10FFFF {
                push_cp(&mut out, ch);
                continue;
            }
            "\\Uxxxxxxxx out of range"
        } else {
            if !bad && !final_ {
                return Ok((out, start));
            }
            msg
        };
        let e = DecErr {
            start,
            end: s,
            reason,
        };
        let (rep, newpos) = h.handle(data, e, "rawunicodeescape")?;
        out.extend_from_slice(&rep);
        s = newpos;
    }
    Ok((out, end))
}

/// Python bytes-literal escapes (`codecs.escape_decode`): the bytes, or
/// the ValueError message.
pub fn escape_decode(data: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(data.len());
    let mut s = 0;
    while s < data.len() {
        let c = data[s];
        s += 1;
        if c != b'\\' {
            out.push(c);
            continue;
        }
        let Some(&c) = data.get(s) else {
            return Err("Trailing \\ in string".to_string());
        };
        s += 1;
        match c {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b't' => out.push(9),
            b'n' => out.push(10),
            b'r' => out.push(13),
            b'v' => out.push(11),
            b'a' => out.push(7),
            b'0'..=b'7' => {
                let mut code = (c - b'0') as u32;
                for _ in 0..2 {
                    if s < data.len() && (b'0'..=b'7').contains(&data[s]) {
                        code = (code << 3) + (data[s] - b'0') as u32;
                        s += 1;
                    } else {
                        break;
                    }
                }
                out.push(code as u8);
            }
            b'x' => {
                let hi = data.get(s).copied().and_then(hex_val);
                let lo = data.get(s + 1).copied().and_then(hex_val);
                match (hi, lo) {
                    (Some(a), Some(b)) => {
                        out.push((a * 16 + b) as u8);
                        s += 2;
                    }
                    _ => return Err(format!("invalid \\x escape at position {}", s - 2)),
                }
            }
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

/// `codecs.escape_encode`: bytes as a bytes literal's body (quotes `'`).
pub fn escape_encode(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    for &c in data {
        match c {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\'' => out.extend_from_slice(b"\\'"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..=0x7E => out.push(c),
            _ => out.extend_from_slice(format!("\\x{c:02x}").as_bytes()),
        }
    }
    out
}

// ---- the VM layer: exceptions ---------------------------------------------------------

fn translate_error_type() -> Gc<TypeObj> {
    crate::objects::exception::exception_type("UnicodeTranslateError")
        .unwrap_or(types().unicode_error)
}

fn small(n: usize) -> Value {
    Value::small_int_unchecked(n as i64)
}

/// A `UnicodeEncodeError` (with its attributes).
pub fn encode_error(
    ts: &mut ThreadState,
    encoding: &str,
    obj: Value,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let e = StrObj::new(ts, encoding);
    let r = StrObj::new(ts, reason);
    let args = [e, obj, small(start), small(end), r];
    let exc = ExcObj::new(ts, types().unicode_encode_error, &args);
    set_unicode_attrs(ts, exc, &args);
    PyErr::from_exception(exc.value())
}

/// A `UnicodeDecodeError` (with its attributes); `obj` is a bytes object.
pub fn decode_error(
    ts: &mut ThreadState,
    encoding: &str,
    obj: Value,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let e = StrObj::new(ts, encoding);
    let r = StrObj::new(ts, reason);
    let args = [e, obj, small(start), small(end), r];
    let exc = ExcObj::new(ts, types().unicode_decode_error, &args);
    set_unicode_attrs(ts, exc, &args);
    PyErr::from_exception(exc.value())
}

fn set_unicode_attrs(ts: &mut ThreadState, exc: Gc<ExcObj>, args: &[Value; 5]) {
    for (i, n) in ["encoding", "object", "start", "end", "reason"]
        .iter()
        .enumerate()
    {
        exc.set_attr_quiet(ts, n, args[i]);
    }
}

/// Checks the arguments of `UnicodeEncodeError(...)`, `UnicodeDecodeError`
/// and `UnicodeTranslateError` and sets the attributes (`__init__`).
pub fn unicode_error_init(
    ts: &mut ThreadState,
    e: Gc<ExcObj>,
    ty: Gc<TypeObj>,
    pos: &[Value],
) -> PyResult<()> {
    let t = types();
    let translate =
        !ty.is_subtype(t.unicode_encode_error) && !ty.is_subtype(t.unicode_decode_error);
    let want = if translate { 4 } else { 5 };
    if pos.len() != want {
        return Err(ts.type_error(format!(
            "function takes exactly {want} arguments ({} given)",
            pos.len()
        )));
    }
    let arg_str = |ts: &mut ThreadState, i: usize| -> PyResult<Value> {
        let v = pos[i - 1];
        if v.downcast::<StrObj>().is_some() {
            Ok(v)
        } else {
            Err(ts.type_error(format!("argument {i} must be str, not {}", type_name(v))))
        }
    };
    let arg_int = |ts: &mut ThreadState, i: usize| -> PyResult<Value> {
        let v = pos[i - 1];
        let n = ops::index_to_i64(ts, v)?;
        Ok(crate::objects::int::int_from_i64(ts, n))
    };
    let vals: [Value; 5] = if translate {
        let o = arg_str(ts, 1)?;
        let s = arg_int(ts, 2)?;
        let en = arg_int(ts, 3)?;
        let r = arg_str(ts, 4)?;
        [Value::NONE, o, s, en, r]
    } else {
        let enc = arg_str(ts, 1)?;
        let o = if ty.is_subtype(t.unicode_decode_error) {
            let v = pos[1];
            if v.downcast::<BytesObj>().is_some() {
                v
            } else {
                match crate::objects::bytes::buffer_bytes(ts, v)? {
                    Some(b) => BytesObj::new(ts, &b),
                    None => {
                        return Err(ts.type_error(format!(
                            "a bytes-like object is required, not '{}'",
                            type_name(v)
                        )))
                    }
                }
            }
        } else {
            arg_str(ts, 2)?
        };
        let s = arg_int(ts, 3)?;
        let en = arg_int(ts, 4)?;
        let r = arg_str(ts, 5)?;
        [enc, o, s, en, r]
    };
    set_unicode_attrs(ts, e, &vals);
    Ok(())
}

/// `str()` of a UnicodeEncodeError / DecodeError / TranslateError, from
/// its attributes (`None` for other exceptions or unusable attributes).
pub fn unicode_error_str(ts: &mut ThreadState, v: Value) -> PyResult<Option<String>> {
    let t = types();
    let ty = crate::objects::typeobj::type_of(v);
    let Some(e) = v.downcast::<ExcObj>() else {
        return Ok(None);
    };
    let kind = if ty.is_subtype(t.unicode_encode_error) {
        0
    } else if ty.is_subtype(t.unicode_decode_error) {
        1
    } else if ty.is_subtype(translate_error_type()) {
        2
    } else {
        return Ok(None);
    };
    let (Some(obj), Some(start), Some(end), Some(reason)) = (
        e.get_attr_quiet(ts, "object"),
        e.get_attr_quiet(ts, "start"),
        e.get_attr_quiet(ts, "end"),
        e.get_attr_quiet(ts, "reason"),
    ) else {
        return Ok(None);
    };
    let (Some(start), Some(end)) = (
        crate::objects::int::to_i64(start),
        crate::objects::int::to_i64(end),
    ) else {
        return Ok(None);
    };
    let reason = ops::str_string(ts, reason)?;
    let enc = match kind {
        2 => String::new(),
        _ => {
            let ev = e.get_attr_quiet(ts, "encoding").unwrap_or(Value::NONE);
            ops::str_string(ts, ev)?
        }
    };
    if kind == 1 {
        let Some(data) = obj.downcast::<BytesObj>() else {
            return Ok(None);
        };
        let data = data.as_bytes();
        if start >= 0 && (start as usize) < data.len() && end == start + 1 {
            return Ok(Some(format!(
                "'{enc}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
                data[start as usize]
            )));
        }
        return Ok(Some(format!(
            "'{enc}' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        )));
    }
    let Some(s) = obj.downcast::<StrObj>() else {
        return Ok(None);
    };
    let what = if kind == 0 {
        format!("'{enc}' codec can't encode")
    } else {
        "can't translate".to_string()
    };
    if start >= 0 && (start as usize) < s.char_len() && end == start + 1 {
        let c = s.char_at(start as usize);
        let shown = if c <= 0xff {
            format!("\\x{c:02x}")
        } else if c <= 0xffff {
            format!("\\u{c:04x}")
        } else {
            format!("\\U{c:08x}")
        };
        return Ok(Some(format!(
            "{what} character '{shown}' in position {start}: {reason}"
        )));
    }
    Ok(Some(format!(
        "{what} characters in position {start}-{}: {reason}",
        end - 1
    )))
}

// ---- the VM layer: registries -------------------------------------------------------

/// The codec search functions, the lookup cache and the error handlers
/// (created on first use, kept alive as global roots).
struct Registry {
    search: Gc<ListObj>,
    cache: Gc<DictObj>,
    errors: Gc<DictObj>,
}

static REGISTRY: OnceLock<Registry> = OnceLock::new();
static ENCODINGS_IMPORTED: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

fn registry(ts: &mut ThreadState) -> &'static Registry {
    if let Some(r) = REGISTRY.get() {
        return r;
    }
    let search = ListObj::new(ts, &[]);
    let cache = DictObj::new(ts);
    let errors = DictObj::new(ts);
    for v in [search.value(), cache.value(), errors.value()] {
        crate::interp::add_global_root(v);
    }
    let _ = REGISTRY.set(Registry {
        search,
        cache,
        errors,
    });
    match REGISTRY.get() {
        Some(r) => r,
        None => unreachable!("REGISTRY was just set"),
    }
}

/// `codecs.register(search_function)`.
pub fn register(ts: &mut ThreadState, f: Value) -> PyResult<()> {
    if !ops::callable(f) {
        return Err(ts.type_error("argument must be callable"));
    }
    registry(ts).search.append(ts, f);
    Ok(())
}

/// `codecs.unregister(search_function)`.
pub fn unregister(ts: &mut ThreadState, f: Value) -> PyResult<()> {
    let r = registry(ts);
    let items = r.search.snapshot_items();
    let mut kept = crate::gc::RootedVec::with_capacity(ts, items.len());
    for &x in items.iter().filter(|&&x| x != f) {
        kept.push(x);
    }
    if kept.len() != items.len() {
        drop(items);
        r.search.replace_all(ts, &kept);
        r.cache.clear(ts);
    }
    Ok(())
}

/// `codecs.register_error(name, handler)`.
pub fn register_error(ts: &mut ThreadState, name: &str, f: Value) -> PyResult<()> {
    if !ops::callable(f) {
        return Err(ts.type_error("handler must be callable"));
    }
    registry(ts).errors.set_item_str(ts, name, f);
    Ok(())
}

/// Registers a built-in handler's function unless the name is taken.
pub fn register_builtin_error(ts: &mut ThreadState, name: &str, f: Value) {
    let r = registry(ts);
    if r.errors.get_str_text(name).is_none() {
        r.errors.set_item_str(ts, name, f);
    }
}

/// `codecs.lookup_error(name)`.
pub fn lookup_error(ts: &mut ThreadState, name: &str) -> PyResult<Value> {
    match registry(ts).errors.get_str_text(name) {
        Some(f) => Ok(f),
        None => Err(ts.lookup_error(format!("unknown error handler name '{name}'"))),
    }
}

/// `codecs._forget_codec(name)`.
pub fn forget_codec(ts: &mut ThreadState, name: &str) -> PyResult<()> {
    let norm = normalize_encoding(name);
    let r = registry(ts);
    let k = StrObj::new(ts, &norm);
    r.cache.del_item_opt(ts, k)?;
    Ok(())
}

/// `codecs.lookup(encoding)`: the CodecInfo from the registry (imports
/// the `encodings` package first, as CPython does at start-up).
pub fn lookup(ts: &mut ThreadState, encoding: &str) -> PyResult<Value> {
    let norm = normalize_encoding(encoding);
    let r = registry(ts);
    if let Some(v) = r.cache.get_str_text(&norm) {
        return Ok(v);
    }
    if !ENCODINGS_IMPORTED.swap(true, std::sync::atomic::Ordering::AcqRel) {
        if let Err(e) = crate::import::import_simple(ts, "encodings") {
            ENCODINGS_IMPORTED.store(false, std::sync::atomic::Ordering::Release);
            return Err(e);
        }
    }
    let key = StrObj::new(ts, &norm);
    let items = r.search.snapshot_items();
    let mut fns = crate::gc::RootedVec::with_capacity(ts, items.len());
    for &x in items.iter() {
        fns.push(x);
    }
    drop(items);
    for &f in fns.iter() {
        let res = ops::call(ts, f, &[key], None)?;
        if res.is_none() {
            continue;
        }
        match res.downcast::<TupleObj>() {
            Some(t) if t.len() == 4 => {}
            _ => return Err(ts.type_error("codec search functions must return 4-tuples")),
        }
        r.cache.set_item(ts, key, res)?;
        return Ok(res);
    }
    Err(ts.lookup_error(format!("unknown encoding: {encoding}")))
}

/// The codec for `str.encode` / `bytes.decode` through the registry: it
/// must be a text encoding.
fn lookup_text(ts: &mut ThreadState, encoding: &str, alternative: &str) -> PyResult<Value> {
    let info = lookup(ts, encoding)?;
    let n = crate::interp::intern(ts, "_is_text_encoding");
    if let Some(flag) = ops::getattr_opt(ts, info, n)? {
        if !ops::truthy(ts, flag)? {
            return Err(ts.lookup_error(format!(
                "'{encoding}' is not a text encoding; use {alternative} to handle arbitrary codecs"
            )));
        }
    }
    Ok(info)
}

// ---- the VM layer: handlers ---------------------------------------------------------

enum Resolved {
    Builtin(Builtin),
    Custom(Value),
}

fn resolve(ts: &mut ThreadState, name: &str) -> PyResult<Resolved> {
    if let Some(b) = Builtin::by_name(name) {
        return Ok(Resolved::Builtin(b));
    }
    match registry(ts).errors.get_str_text(name) {
        Some(f) => Ok(Resolved::Custom(f)),
        None => Err(ts.lookup_error(format!("unknown error handler name '{name}'"))),
    }
}

/// A handler's new position: negative counts from the end.
fn handler_pos(ts: &mut ThreadState, v: Value, len: usize) -> PyResult<usize> {
    let p = ops::index_to_i64(ts, v)?;
    let q = if p < 0 { p + len as i64 } else { p };
    if q < 0 || q > len as i64 {
        return Err(ts.index_error(format!("position {p} from error handler out of bounds")));
    }
    Ok(q as usize)
}

/// Encoding errors in the VM: built-in handlers, or a registered one
/// called with a `UnicodeEncodeError`.
pub struct VmEncode<'a> {
    pub ts: &'a mut ThreadState,
    pub errors: &'a str,
    resolved: Option<Resolved>,
    pub encoding: &'a str,
    /// The codec, for `surrogatepass` (`None`: charmap).
    pub codec: Option<Native>,
    /// The str being encoded (NULL: made from the code points on demand).
    pub obj: Value,
}

impl<'a> VmEncode<'a> {
    pub fn new(
        ts: &'a mut ThreadState,
        errors: &'a str,
        encoding: &'a str,
        codec: Option<Native>,
        obj: Value,
    ) -> Self {
        VmEncode {
            ts,
            errors,
            resolved: None,
            encoding,
            codec,
            obj,
        }
    }

    fn resolved(&mut self) -> PyResult<&Resolved> {
        if self.resolved.is_none() {
            self.resolved = Some(resolve(self.ts, self.errors)?);
        }
        match &self.resolved {
            Some(r) => Ok(r),
            None => unreachable!("resolved above"),
        }
    }

    fn obj(&mut self, cps: &[u32]) -> Value {
        if self.obj.is_null() {
            self.obj = crate::objects::str::new_str_from_cps(self.ts, cps);
        }
        self.obj
    }
}

impl EncodeErrors for VmEncode<'_> {
    type E = PyErr;

    fn builtin(&mut self) -> PyResult<Option<Builtin>> {
        Ok(match self.resolved()? {
            Resolved::Builtin(b) => Some(*b),
            Resolved::Custom(_) => None,
        })
    }

    fn handle(&mut self, cps: &[u32], e: EncErr) -> PyResult<(Fix, usize)> {
        let f = match self.resolved()? {
            Resolved::Builtin(b) => {
                let b = *b;
                let codec = self.codec.unwrap_or(Native::Ascii);
                return match builtin_encode_fix(b, codec, cps, e.start, e.end) {
                    Ok(r) => Ok(r),
                    Err(()) => Err(self.raise(cps, e)),
                };
            }
            Resolved::Custom(f) => *f,
        };
        let obj = self.obj(cps);
        let exc = encode_error(self.ts, self.encoding, obj, e.start, e.end, e.reason).value();
        let r = ops::call(self.ts, f, &[exc], None)?;
        let bad = |ts: &mut ThreadState| {
            ts.type_error("encoding error handler must return (str/bytes, int) tuple")
        };
        let Some(t) = r.downcast::<TupleObj>().filter(|t| t.len() == 2) else {
            return Err(bad(self.ts));
        };
        let (rep, pos) = (t.items()[0], t.items()[1]);
        let fix = if let Some(s) = rep.downcast::<StrObj>() {
            Fix::Text(s.code_points().collect())
        } else if let Some(b) = rep.downcast::<BytesObj>() {
            Fix::Bytes(b.as_bytes().to_vec())
        } else {
            return Err(bad(self.ts));
        };
        if !crate::objects::int::is_int(pos) {
            return Err(bad(self.ts));
        }
        let newpos = handler_pos(self.ts, pos, cps.len())?;
        Ok((fix, newpos))
    }

    fn raise(&mut self, cps: &[u32], e: EncErr) -> PyErr {
        let obj = self.obj(cps);
        encode_error(self.ts, self.encoding, obj, e.start, e.end, e.reason)
    }
}

/// Decoding errors in the VM.
pub struct VmDecode<'a> {
    pub ts: &'a mut ThreadState,
    pub errors: &'a str,
    resolved: Option<Resolved>,
    /// The bytes being decoded (NULL: made from the data on demand).
    pub obj: Value,
}

impl<'a> VmDecode<'a> {
    pub fn new(ts: &'a mut ThreadState, errors: &'a str, obj: Value) -> Self {
        VmDecode {
            ts,
            errors,
            resolved: None,
            obj,
        }
    }

    fn obj(&mut self, data: &[u8]) -> Value {
        if self.obj.is_null() {
            self.obj = BytesObj::new(self.ts, data);
        }
        self.obj
    }
}

impl DecodeErrors for VmDecode<'_> {
    type E = PyErr;

    fn handle(
        &mut self,
        data: &[u8],
        e: DecErr,
        codec: &'static str,
    ) -> PyResult<(Vec<u8>, usize)> {
        if self.resolved.is_none() {
            self.resolved = Some(resolve(self.ts, self.errors)?);
        }
        let f = match &self.resolved {
            Some(Resolved::Builtin(b)) => {
                return match builtin_decode_fix(*b, codec, data, e.start, e.end) {
                    DecodeFix::Text(t, p) => Ok((t, p)),
                    DecodeFix::Raise => {
                        let obj = self.obj(data);
                        Err(decode_error(self.ts, codec, obj, e.start, e.end, e.reason))
                    }
                    DecodeFix::Unsupported => Err(self.ts.type_error(
                        "don't know how to handle UnicodeDecodeError in error callback",
                    )),
                };
            }
            Some(Resolved::Custom(f)) => *f,
            None => unreachable!("resolved above"),
        };
        let obj = self.obj(data);
        let exc = decode_error(self.ts, codec, obj, e.start, e.end, e.reason).value();
        let r = ops::call(self.ts, f, &[exc], None)?;
        let bad = |ts: &mut ThreadState| {
            ts.type_error("decoding error handler must return (str, int) tuple")
        };
        let Some(t) = r.downcast::<TupleObj>().filter(|t| t.len() == 2) else {
            return Err(bad(self.ts));
        };
        let (rep, pos) = (t.items()[0], t.items()[1]);
        let Some(s) = rep.downcast::<StrObj>() else {
            return Err(bad(self.ts));
        };
        if !crate::objects::int::is_int(pos) {
            return Err(bad(self.ts));
        }
        let newpos = handler_pos(self.ts, pos, data.len())?;
        Ok((s.as_wtf8().to_vec(), newpos))
    }
}

/// A built-in handler called from Python (`codecs.lookup_error('replace')
/// (exc)`): `(replacement, position)` or the exception raised.
pub fn call_builtin_handler(ts: &mut ThreadState, b: Builtin, exc: Value) -> PyResult<Value> {
    let t = types();
    let ty = crate::objects::typeobj::type_of(exc);
    if b == Builtin::Strict {
        if exc.downcast::<ExcObj>().is_some() {
            return Err(PyErr::from_exception(exc));
        }
        return Err(ts.type_error("codec must pass exception instance"));
    }
    let kind = if ty.is_subtype(t.unicode_encode_error) {
        0
    } else if ty.is_subtype(t.unicode_decode_error) {
        1
    } else if ty.is_subtype(translate_error_type()) {
        2
    } else {
        return Err(ts.type_error(format!(
            "don't know how to handle {} in error callback",
            type_name(exc)
        )));
    };
    let cant = |ts: &mut ThreadState| {
        ts.type_error(format!(
            "don't know how to handle {} in error callback",
            type_name(exc)
        ))
    };
    let get = |ts: &mut ThreadState, n: &str| -> PyResult<Value> {
        let name = crate::interp::intern(ts, n);
        ops::getattr(ts, exc, name)
    };
    let obj = get(ts, "object")?;
    let start = get(ts, "start")?;
    let end = get(ts, "end")?;
    let start = ops::index_to_i64(ts, start)?;
    let end = ops::index_to_i64(ts, end)?;
    let encoding = if kind == 2 {
        String::new()
    } else {
        let e = get(ts, "encoding")?;
        ops::str_string(ts, e)?
    };
    // The C API's clamping of start/end to the object.
    let clamp = |len: usize| -> (usize, usize) {
        let len = len as i64;
        let s = start.clamp(0, (len - 1).max(0));
        let e = end.clamp(1, len.max(1)).min(len);
        (s as usize, (e.max(s)) as usize)
    };
    if kind == 1 {
        let Some(data) = obj.downcast::<BytesObj>() else {
            return Err(ts.type_error("object attribute must be bytes"));
        };
        let data = data.as_bytes().to_vec();
        let (s, e) = clamp(data.len());
        let codec: &'static str = match normalize_encoding(&encoding).as_str() {
            "utf_8" | "utf8" => "utf-8",
            "utf_16" | "utf_16_le" | "utf_16le" => "utf-16-le",
            "utf_16_be" | "utf_16be" => "utf-16-be",
            "utf_32" | "utf_32_le" | "utf_32le" => "utf-32-le",
            "utf_32_be" | "utf_32be" => "utf-32-be",
            _ => "",
        };
        return match builtin_decode_fix(b, codec, &data, s, e) {
            DecodeFix::Text(text, p) => {
                let sv = new_str_wtf8(ts, &text);
                Ok(TupleObj::new(ts, &[sv, small(p)]).value())
            }
            DecodeFix::Raise => Err(PyErr::from_exception(exc)),
            DecodeFix::Unsupported => Err(cant(ts)),
        };
    }
    let Some(s) = obj.downcast::<StrObj>() else {
        return Err(ts.type_error("object attribute must be unicode"));
    };
    let cps: Vec<u32> = s.code_points().collect();
    let (st, en) = clamp(cps.len());
    if kind == 2 {
        let n = en.saturating_sub(st);
        let text: Vec<u8> = match b {
            Builtin::Ignore => Vec::new(),
            Builtin::Replace => "\u{FFFD}".repeat(n).into_bytes(),
            Builtin::BackslashReplace => {
                let mut out = String::new();
                for &c in &cps[st..en] {
                    push_backslash_cp(&mut out, c);
                }
                out.into_bytes()
            }
            _ => return Err(cant(ts)),
        };
        let sv = new_str_wtf8(ts, &text);
        return Ok(TupleObj::new(ts, &[sv, small(en)]).value());
    }
    let codec = match normalize_encoding(&encoding).as_str() {
        "utf_8" | "utf8" => Native::Utf8,
        "utf_16" => Native::Utf16(Order::Bom),
        "utf_16_le" | "utf_16le" => Native::Utf16(Order::Le),
        "utf_16_be" | "utf_16be" => Native::Utf16(Order::Be),
        "utf_32" => Native::Utf32(Order::Bom),
        "utf_32_le" | "utf_32le" => Native::Utf32(Order::Le),
        "utf_32_be" | "utf_32be" => Native::Utf32(Order::Be),
        _ => Native::Ascii,
    };
    match builtin_encode_fix(b, codec, &cps, st, en) {
        Ok((Fix::Text(t), p)) => {
            let sv = crate::objects::str::new_str_from_cps(ts, &t);
            Ok(TupleObj::new(ts, &[sv, small(p)]).value())
        }
        Ok((Fix::Bytes(bytes), p)) => {
            let bv = BytesObj::new(ts, &bytes);
            Ok(TupleObj::new(ts, &[bv, small(p)]).value())
        }
        Err(()) => Err(PyErr::from_exception(exc)),
    }
}

// ---- the VM layer: encode and decode ------------------------------------------------

/// Encodes a str with a native codec.
pub fn encode_native(
    ts: &mut ThreadState,
    s: Gc<StrObj>,
    codec: Native,
    errors: &str,
) -> PyResult<Vec<u8>> {
    match codec {
        Native::Utf8 if !s.has_surrogates() => return Ok(s.as_wtf8().to_vec()),
        Native::Ascii | Native::Latin1 if s.is_ascii() => return Ok(s.as_wtf8().to_vec()),
        _ => {}
    }
    let cps: Vec<u32> = s.code_points().collect();
    let mut h = VmEncode::new(ts, errors, codec.encode_name(), Some(codec), s.value());
    encode(&cps, codec, &mut h)
}

/// Decodes bytes with a native codec: the str and the bytes consumed.
pub fn decode_native(
    ts: &mut ThreadState,
    data: &[u8],
    codec: Native,
    errors: &str,
    final_: bool,
    obj: Value,
) -> PyResult<(Value, usize, i32)> {
    if matches!(codec, Native::Utf8 | Native::Ascii | Native::Latin1) && data.is_ascii() {
        // SAFETY: ASCII is valid UTF-8.
        let s = unsafe { std::str::from_utf8_unchecked(data) };
        return Ok((crate::objects::str::new_str(ts, s), data.len(), 0));
    }
    let mut h = VmDecode::new(ts, errors, obj);
    let d = decode(data, codec, final_, &mut h)?;
    let v = new_str_wtf8(ts, &d.text);
    Ok((v, d.consumed, d.order))
}

/// `str.encode(encoding, errors)`.
pub fn encode_value(
    ts: &mut ThreadState,
    s: Gc<StrObj>,
    encoding: Option<Gc<StrObj>>,
    errors: Option<Gc<StrObj>>,
) -> PyResult<Value> {
    let enc = encoding.map_or("utf-8", |e| e.obj().as_str());
    let err = errors.map_or("strict", |e| e.obj().as_str());
    if let Some(codec) = native_codec(&normalize_encoding(enc)) {
        let b = encode_native(ts, s, codec, err)?;
        return Ok(BytesObj::new(ts, &b));
    }
    let info = lookup_text(ts, enc, "codecs.encode()")?;
    let encoder = tuple_item(ts, info, 0)?;
    let r = match errors {
        Some(e) => ops::call(ts, encoder, &[s.value(), e.value()], None)?,
        None => ops::call(ts, encoder, &[s.value()], None)?,
    };
    let v = match r.downcast::<TupleObj>().filter(|t| t.len() == 2) {
        Some(t) => t.items()[0],
        None => return Err(ts.type_error("encoder must return a tuple (object, integer)")),
    };
    if v.downcast::<BytesObj>().is_some() {
        return Ok(v);
    }
    if let Some(b) = v.downcast::<crate::objects::bytearray::BytearrayObj>() {
        let d = b.to_vec();
        return Ok(BytesObj::new(ts, &d));
    }
    Err(ts.type_error(format!(
        "'{enc}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
        type_name(v)
    )))
}

/// `bytes.decode(encoding, errors)` / `str(b, encoding, errors)`.
pub fn decode_value(
    ts: &mut ThreadState,
    data: &[u8],
    encoding: Option<Gc<StrObj>>,
    errors: Option<Gc<StrObj>>,
) -> PyResult<Value> {
    let enc = encoding.map_or("utf-8", |e| e.obj().as_str());
    let err = errors.map_or("strict", |e| e.obj().as_str());
    if let Some(codec) = native_codec(&normalize_encoding(enc)) {
        return Ok(decode_native(ts, data, codec, err, true, Value::NULL)?.0);
    }
    let info = lookup_text(ts, enc, "codecs.decode()")?;
    let decoder = tuple_item(ts, info, 1)?;
    let b = BytesObj::new(ts, data);
    let r = match errors {
        Some(e) => ops::call(ts, decoder, &[b, e.value()], None)?,
        None => ops::call(ts, decoder, &[b], None)?,
    };
    let v = match r.downcast::<TupleObj>().filter(|t| t.len() == 2) {
        Some(t) => t.items()[0],
        None => return Err(ts.type_error("decoder must return a tuple (object,integer)")),
    };
    if v.downcast::<StrObj>().is_some() {
        return Ok(v);
    }
    Err(ts.type_error(format!(
        "'{enc}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
        type_name(v)
    )))
}

fn tuple_item(ts: &mut ThreadState, t: Value, i: i64) -> PyResult<Value> {
    ops::getitem(ts, t, Value::small_int_unchecked(i))
}

/// `codecs.encode(obj, encoding, errors)`: any codec, any types.
pub fn encode_any(
    ts: &mut ThreadState,
    obj: Value,
    enc: &str,
    errors: Option<Value>,
) -> PyResult<Value> {
    let info = lookup(ts, enc)?;
    let f = tuple_item(ts, info, 0)?;
    let r = match errors {
        Some(e) => ops::call(ts, f, &[obj, e], None)?,
        None => ops::call(ts, f, &[obj], None)?,
    };
    match r.downcast::<TupleObj>().filter(|t| t.len() == 2) {
        Some(t) => Ok(t.items()[0]),
        None => Err(ts.type_error("encoder must return a tuple (object, integer)")),
    }
}

/// `codecs.decode(obj, encoding, errors)`.
pub fn decode_any(
    ts: &mut ThreadState,
    obj: Value,
    enc: &str,
    errors: Option<Value>,
) -> PyResult<Value> {
    let info = lookup(ts, enc)?;
    let f = tuple_item(ts, info, 1)?;
    let r = match errors {
        Some(e) => ops::call(ts, f, &[obj, e], None)?,
        None => ops::call(ts, f, &[obj], None)?,
    };
    match r.downcast::<TupleObj>().filter(|t| t.len() == 2) {
        Some(t) => Ok(t.items()[0]),
        None => Err(ts.type_error("decoder must return a tuple (object,integer)")),
    }
}

// ---- charmap ------------------------------------------------------------------------

/// `codecs.charmap_decode(data, errors, mapping)`.
pub fn charmap_decode(
    ts: &mut ThreadState,
    data: &[u8],
    errors: &str,
    mapping: Value,
) -> PyResult<Value> {
    if mapping.is_none() || mapping.is_null() {
        return Ok(decode_native(ts, data, Native::Latin1, errors, true, Value::NULL)?.0);
    }
    let table: Option<Vec<u32>> = mapping
        .downcast::<StrObj>()
        .map(|s| s.code_points().collect());
    let mut out: Vec<u8> = Vec::with_capacity(data.len());
    let mut h = VmDecode::new(ts, errors, Value::NULL);
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        let ok = match &table {
            Some(t) => match t.get(b as usize) {
                Some(&c) if c != 0xFFFE => {
                    push_cp(&mut out, c);
                    true
                }
                _ => false,
            },
            None => {
                let key = Value::small_int_unchecked(b as i64);
                match ops::getitem(h.ts, mapping, key) {
                    Err(e) if e.matches(types().lookup_error) => false,
                    Err(e) => return Err(e),
                    Ok(v) if v.is_none() => false,
                    Ok(v) => {
                        if let Some(s) = v.downcast::<StrObj>() {
                            if s.char_len() == 1 && s.char_at(0) == 0xFFFE {
                                false
                            } else {
                                out.extend_from_slice(s.as_wtf8());
                                true
                            }
                        } else if crate::objects::int::is_int(v) {
                            match crate::objects::int::to_i64(v) {
                                Some(0xFFFE) => false,
                                Some(n) if (0..0x110000).contains(&n) => {
                                    push_cp(&mut out, n as u32);
                                    true
                                }
                                _ => {
                                    return Err(h.ts.type_error(
                                        "character mapping must be in range(0x110000)",
                                    ))
                                }
                            }
                        } else {
                            return Err(h
                                .ts
                                .type_error("character mapping must return integer, None or str"));
                        }
                    }
                }
            }
        };
        if ok {
            i += 1;
            continue;
        }
        let e = DecErr {
            start: i,
            end: i + 1,
            reason: "character maps to <undefined>",
        };
        let (rep, newpos) = h.handle(data, e, "charmap")?;
        out.extend_from_slice(&rep);
        i = newpos;
    }
    Ok(new_str_wtf8(ts, &out))
}

/// One code point through an encoding map: `Ok(None)` when unmapped.
fn charmap_one(ts: &mut ThreadState, mapping: Value, c: u32) -> PyResult<Option<Vec<u8>>> {
    let key = Value::small_int_unchecked(c as i64);
    let v = match ops::getitem(ts, mapping, key) {
        Err(e) if e.matches(types().lookup_error) => return Ok(None),
        Err(e) => return Err(e),
        Ok(v) => v,
    };
    if v.is_none() {
        return Ok(None);
    }
    if crate::objects::int::is_int(v) {
        return match crate::objects::int::to_i64(v) {
            Some(n) if (0..256).contains(&n) => Ok(Some(vec![n as u8])),
            _ => Err(ts.type_error("character mapping must be in range(256)")),
        };
    }
    if let Some(b) = v.downcast::<BytesObj>() {
        return Ok(Some(b.as_bytes().to_vec()));
    }
    Err(ts.type_error(format!(
        "character mapping must return integer, bytes or None, not {}",
        type_name(v)
    )))
}

/// `codecs.charmap_encode(str, errors, mapping)`.
pub fn charmap_encode(
    ts: &mut ThreadState,
    s: Gc<StrObj>,
    errors: &str,
    mapping: Value,
) -> PyResult<Vec<u8>> {
    if mapping.is_none() || mapping.is_null() {
        return encode_native(ts, s, Native::Latin1, errors);
    }
    let cps: Vec<u32> = s.code_points().collect();
    let mut out = Vec::with_capacity(cps.len());
    let mut h = VmEncode::new(ts, errors, "charmap", None, s.value());
    let mut i = 0;
    while i < cps.len() {
        if let Some(b) = charmap_one(h.ts, mapping, cps[i])? {
            out.extend_from_slice(&b);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < cps.len() && charmap_one(h.ts, mapping, cps[end])?.is_none() {
            end += 1;
        }
        let e = EncErr {
            start: i,
            end,
            reason: "character maps to <undefined>",
        };
        let (fix, newpos) = h.handle(&cps, e)?;
        match fix {
            Fix::Bytes(b) => out.extend_from_slice(&b),
            Fix::Text(t) => {
                for c in t {
                    match charmap_one(h.ts, mapping, c)? {
                        Some(b) => out.extend_from_slice(&b),
                        None => return Err(h.raise(&cps, e)),
                    }
                }
            }
        }
        i = newpos;
    }
    Ok(out)
}

/// `codecs.charmap_build(decoding_table)`: the encoding map (a dict from
/// code point to byte).
pub fn charmap_build(ts: &mut ThreadState, table: Gc<StrObj>) -> PyResult<Value> {
    let d = DictObj::new(ts);
    for (i, c) in table.code_points().enumerate() {
        d.set_item(
            ts,
            Value::small_int_unchecked(c as i64),
            Value::small_int_unchecked(i as i64),
        )?;
    }
    Ok(d.value())
}

// ---- UTF-7 ------------------------------------------------------------------------------

/// How UTF-7 treats an ASCII character (CPython's table): 0 is RFC 2152's
/// set D, 1 its set O, 2 white space (all three written as themselves by
/// the encoder), 3 the rest (`+`, `\`, `~`, controls), which the encoder
/// writes in base 64.
fn utf7_category(c: u32) -> u8 {
    match c {
        0x09 | 0x0A | 0x0D | 0x20 => 2,
        0x2B | 0x5C | 0x7E => 3,
        0x27..=0x29 | 0x2C..=0x3A | 0x3F => 0,
        0x41..=0x5A | 0x61..=0x7A => 0,
        0x21..=0x26 | 0x2A | 0x3B..=0x3E | 0x40 | 0x5B | 0x5D..=0x60 | 0x7B..=0x7D => 1,
        _ => 3,
    }
}

fn utf7_encode_direct(c: u32) -> bool {
    c > 0 && c < 128 && utf7_category(c) != 3
}

fn is_base64(c: u32) -> bool {
    matches!(c, 0x41..=0x5A | 0x61..=0x7A | 0x30..=0x39 | 0x2B | 0x2F)
}

fn to_base64(n: u32) -> u8 {
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[(n & 0x3f) as usize]
}

fn from_base64(c: u8) -> u32 {
    (match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    }) as u32
}

/// UTF-7 as CPython writes it: sets D and O and white space directly, the
/// rest as base-64 UTF-16 runs between `+` and an explicit `-` only where
/// the next character would otherwise be read as base 64. It cannot fail:
/// lone surrogates are UTF-16 units like any other.
pub fn encode_utf7(cps: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(cps.len());
    let mut in_shift = false;
    let mut bits = 0u32;
    let mut buf = 0u64;
    let push_unit = |out: &mut Vec<u8>, bits: &mut u32, buf: &mut u64, u: u32| {
        *bits += 16;
        *buf = (*buf << 16) | u as u64;
        while *bits >= 6 {
            out.push(to_base64((*buf >> (*bits - 6)) as u32));
            *bits -= 6;
        }
        *buf &= (1u64 << *bits) - 1;
    };
    for &c in cps {
        if in_shift {
            if utf7_encode_direct(c) {
                if bits > 0 {
                    out.push(to_base64((buf << (6 - bits)) as u32));
                    buf = 0;
                    bits = 0;
                }
                in_shift = false;
                if is_base64(c) || c == '-' as u32 {
                    out.push(b'-');
                }
                out.push(c as u8);
                continue;
            }
        } else if c == '+' as u32 {
            out.extend_from_slice(b"+-");
            continue;
        } else if utf7_encode_direct(c) {
            out.push(c as u8);
            continue;
        } else {
            out.push(b'+');
            in_shift = true;
        }
        if c >= 0x10000 {
            let v = c - 0x10000;
            push_unit(&mut out, &mut bits, &mut buf, 0xD800 | (v >> 10));
            push_unit(&mut out, &mut bits, &mut buf, 0xDC00 | (v & 0x3ff));
        } else {
            push_unit(&mut out, &mut bits, &mut buf, c);
        }
    }
    if bits > 0 {
        out.push(to_base64((buf << (6 - bits)) as u32));
    }
    if in_shift {
        out.push(b'-');
    }
    out
}

/// Decodes UTF-7 with CPython's error reasons and ranges. When not
/// `final`, an unfinished base-64 run is left unconsumed (from its `+`).
pub fn decode_utf7<H: DecodeErrors>(
    data: &[u8],
    final_: bool,
    h: &mut H,
) -> Result<(Vec<u8>, usize), H::E> {
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    let mut in_shift = false;
    let mut shift_out_start = 0;
    let mut start = 0;
    let mut bits = 0u32;
    let mut buf = 0u64;
    let mut surrogate = 0u32;
    loop {
        while i < data.len() {
            let ch = data[i];
            let err = if in_shift {
                if is_base64(ch as u32) {
                    buf = (buf << 6) | from_base64(ch) as u64;
                    bits += 6;
                    i += 1;
                    if bits >= 16 {
                        let unit = ((buf >> (bits - 16)) & 0xffff) as u32;
                        bits -= 16;
                        buf &= (1u64 << bits) - 1;
                        if surrogate != 0 {
                            if (0xDC00..=0xDFFF).contains(&unit) {
                                let c = 0x10000 + ((surrogate - 0xD800) << 10) + (unit - 0xDC00);
                                push_cp(&mut out, c);
                                surrogate = 0;
                                continue;
                            }
                            push_cp(&mut out, surrogate);
                            surrogate = 0;
                        }
                        if (0xD800..=0xDBFF).contains(&unit) {
                            surrogate = unit;
                        } else {
                            push_cp(&mut out, unit);
                        }
                    }
                    continue;
                }
                // Leaving a base-64 run.
                in_shift = false;
                if bits >= 6 {
                    i += 1;
                    Some("partial character in shift sequence")
                } else if bits > 0 && buf != 0 {
                    i += 1;
                    Some("non-zero padding bits in shift sequence")
                } else {
                    if surrogate != 0 && ch < 128 && ch != b'+' {
                        push_cp(&mut out, surrogate);
                    }
                    surrogate = 0;
                    if ch == b'-' {
                        i += 1;
                    }
                    None
                }
            } else if ch == b'+' {
                start = i;
                i += 1;
                if i < data.len() && data[i] == b'-' {
                    i += 1;
                    out.push(b'+');
                    None
                } else if i < data.len() && !is_base64(data[i] as u32) {
                    i += 1;
                    Some("ill-formed sequence")
                } else {
                    in_shift = true;
                    surrogate = 0;
                    shift_out_start = out.len();
                    bits = 0;
                    buf = 0;
                    None
                }
            } else if ch < 128 {
                out.push(ch);
                i += 1;
                None
            } else {
                start = i;
                i += 1;
                Some("unexpected special character")
            };
            if let Some(reason) = err {
                let (rep, pos) = h.handle(
                    data,
                    DecErr {
                        start,
                        end: i,
                        reason,
                    },
                    "utf7",
                )?;
                out.extend_from_slice(&rep);
                i = pos;
            }
        }
        if in_shift && final_ {
            in_shift = false;
            if surrogate != 0 || bits >= 6 || (bits > 0 && buf != 0) {
                let (rep, pos) = h.handle(
                    data,
                    DecErr {
                        start,
                        end: data.len(),
                        reason: "unterminated shift sequence",
                    },
                    "utf7",
                )?;
                out.extend_from_slice(&rep);
                i = pos;
                if i < data.len() {
                    continue;
                }
            }
        }
        break;
    }
    if in_shift {
        out.truncate(shift_out_start);
        return Ok((out, start));
    }
    Ok((out, i))
}

// ---- tests ------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use crate::unicode::code_points;

    /// A handler policy for tests: a built-in handler by name; strict
    /// errors come back as `Err(EncErr)` / `Err(DecErr)`.
    struct TestEnc(Builtin, Native);
    impl EncodeErrors for TestEnc {
        type E = EncErr;
        fn builtin(&mut self) -> Result<Option<Builtin>, EncErr> {
            Ok(Some(self.0))
        }
        fn handle(&mut self, cps: &[u32], e: EncErr) -> Result<(Fix, usize), EncErr> {
            builtin_encode_fix(self.0, self.1, cps, e.start, e.end).map_err(|_| e)
        }
        fn raise(&mut self, _cps: &[u32], e: EncErr) -> EncErr {
            e
        }
    }

    struct TestDec(Builtin);
    impl DecodeErrors for TestDec {
        type E = DecErr;
        fn handle(
            &mut self,
            data: &[u8],
            e: DecErr,
            codec: &'static str,
        ) -> Result<(Vec<u8>, usize), DecErr> {
            match builtin_decode_fix(self.0, codec, data, e.start, e.end) {
                DecodeFix::Text(t, p) => Ok((t, p)),
                _ => Err(e),
            }
        }
    }

    fn cps(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    fn enc(c: &[u32], codec: Native, b: Builtin) -> Result<Vec<u8>, EncErr> {
        encode(c, codec, &mut TestEnc(b, codec))
    }

    fn dec(d: &[u8], codec: Native, b: Builtin) -> Result<Vec<u32>, DecErr> {
        decode(d, codec, true, &mut TestDec(b)).map(|r| code_points(&r.text).collect())
    }

    #[test]
    fn names_normalize_as_cpython() {
        assert_eq!(normalize_encoding("UTF-8"), "utf_8");
        assert_eq!(normalize_encoding("  utf  8 "), "utf_8");
        assert_eq!(normalize_encoding("latex+latin1"), "latex_latin1");
        assert_eq!(normalize_encoding("ISO-8859-1"), "iso_8859_1");
        assert_eq!(native_codec("utf8"), Some(Native::Utf8));
        assert_eq!(native_codec("iso8859_1"), Some(Native::Latin1));
        assert_eq!(native_codec("cp1252"), None);
    }

    #[test]
    fn utf16_surrogate_pairs() {
        let c = cps("a\u{1F600}");
        let b = enc(&c, Native::Utf16(Order::Le), Builtin::Strict).unwrap();
        assert_eq!(b, [0x61, 0, 0x3D, 0xD8, 0x00, 0xDE]);
        let b = enc(&c, Native::Utf16(Order::Bom), Builtin::Strict).unwrap();
        assert_eq!(&b[..2], &[0xFF, 0xFE]);
        assert_eq!(
            dec(&b, Native::Utf16(Order::Bom), Builtin::Strict).unwrap(),
            c
        );
        let be = enc(&c, Native::Utf16(Order::Be), Builtin::Strict).unwrap();
        assert_eq!(be, [0, 0x61, 0xD8, 0x3D, 0xDE, 0x00]);
        // A BOM decides the order.
        let mut withbom = vec![0xFE, 0xFF];
        withbom.extend_from_slice(&be);
        assert_eq!(
            dec(&withbom, Native::Utf16(Order::Bom), Builtin::Strict).unwrap(),
            c
        );
    }

    #[test]
    fn utf16_decode_errors() {
        let le = Native::Utf16(Order::Le);
        // A high surrogate followed by a non-surrogate: only its unit.
        assert_eq!(
            dec(&[0x00, 0xD8, 0x61, 0x00], le, Builtin::Strict),
            Err(DecErr {
                start: 0,
                end: 2,
                reason: "illegal UTF-16 surrogate"
            })
        );
        // A lone low surrogate.
        assert_eq!(
            dec(&[0x00, 0xDC, 0x61, 0x00], le, Builtin::Strict),
            Err(DecErr {
                start: 0,
                end: 2,
                reason: "illegal encoding"
            })
        );
        // A high surrogate at the end.
        assert_eq!(
            dec(&[0x00, 0xD8, 0x00], le, Builtin::Strict),
            Err(DecErr {
                start: 0,
                end: 3,
                reason: "unexpected end of data"
            })
        );
        assert_eq!(
            dec(&[0x61, 0x00, 0x62], le, Builtin::Strict),
            Err(DecErr {
                start: 2,
                end: 3,
                reason: "truncated data"
            })
        );
        // replace resumes after the bad unit.
        assert_eq!(
            dec(&[0x00, 0xD8, 0x61, 0x00], le, Builtin::Replace).unwrap(),
            [0xFFFD, 0x61]
        );
        // surrogatepass keeps the lone surrogate.
        assert_eq!(
            dec(&[0x00, 0xD8, 0x61, 0x00], le, Builtin::SurrogatePass).unwrap(),
            [0xD800, 0x61]
        );
        // Not final: an incomplete pair waits.
        let r = decode_utf16(
            &[0x61, 0x00, 0x3D, 0xD8],
            -1,
            false,
            &mut TestDec(Builtin::Strict),
        )
        .unwrap();
        assert_eq!(
            (r.consumed, code_points(&r.text).collect::<Vec<_>>()),
            (2, vec![0x61])
        );
    }

    #[test]
    fn utf16_encode_surrogates_one_at_a_time() {
        let c = [0x61, 0xD800, 0xDC00, 0x62];
        let le = Native::Utf16(Order::Le);
        assert_eq!(
            enc(&c, le, Builtin::Strict),
            Err(EncErr {
                start: 1,
                end: 2,
                reason: "surrogates not allowed"
            })
        );
        assert_eq!(
            enc(&c, le, Builtin::Replace).unwrap(),
            [0x61, 0, b'?', 0, b'?', 0, 0x62, 0]
        );
        assert_eq!(
            enc(&c, le, Builtin::SurrogatePass).unwrap(),
            [0x61, 0, 0x00, 0xD8, 0x00, 0xDC, 0x62, 0]
        );
        // surrogateescape gives one byte: not a whole unit.
        assert_eq!(
            enc(
                &[0xDC80],
                Native::Utf16(Order::Bom),
                Builtin::SurrogateEscape
            ),
            Err(EncErr {
                start: 0,
                end: 1,
                reason: "surrogates not allowed"
            })
        );
    }

    #[test]
    fn utf8_error_positions() {
        let u = Native::Utf8;
        let e = |d: &[u8]| dec(d, u, Builtin::Strict).unwrap_err();
        assert_eq!(
            e(b"a\xffb"),
            DecErr {
                start: 1,
                end: 2,
                reason: "invalid start byte"
            }
        );
        assert_eq!(
            e(b"\xe2\x82"),
            DecErr {
                start: 0,
                end: 2,
                reason: "unexpected end of data"
            }
        );
        assert_eq!(
            e(b"\xe2\x28\xa1"),
            DecErr {
                start: 0,
                end: 1,
                reason: "invalid continuation byte"
            }
        );
        assert_eq!(
            e(b"\xf0\x9f\x98a"),
            DecErr {
                start: 0,
                end: 3,
                reason: "invalid continuation byte"
            }
        );
        assert_eq!(
            e(b"\xed\xa0\x80"),
            DecErr {
                start: 0,
                end: 1,
                reason: "invalid continuation byte"
            }
        );
        assert_eq!(
            e(b"\xe0\x80\x80"),
            DecErr {
                start: 0,
                end: 1,
                reason: "invalid continuation byte"
            }
        );
        assert_eq!(dec(b"\xf0\x9f\x98", u, Builtin::Replace).unwrap(), [0xFFFD]);
        assert_eq!(
            dec(b"\xe0\x80\x80", u, Builtin::Replace).unwrap(),
            [0xFFFD; 3]
        );
        assert_eq!(
            dec(b"a\xed\xa0\x80\xed\xb0\x80b", u, Builtin::SurrogatePass).unwrap(),
            [0x61, 0xD800, 0xDC00, 0x62]
        );
        assert_eq!(
            dec(b"\xff\xfeab", u, Builtin::SurrogateEscape).unwrap(),
            [0xDCFF, 0xDCFE, 0x61, 0x62]
        );
        assert_eq!(
            dec(b"\xffa", u, Builtin::BackslashReplace).unwrap(),
            cps("\\xffa")
        );
    }

    #[test]
    fn utf8_encode_surrogate_runs() {
        let u = Native::Utf8;
        assert_eq!(
            enc(&[0x61, 0xD800, 0xDFFF, 0x62], u, Builtin::Strict),
            Err(EncErr {
                start: 1,
                end: 3,
                reason: "surrogates not allowed"
            })
        );
        assert_eq!(
            enc(&[0xDC80, 0xDCFF], u, Builtin::SurrogateEscape).unwrap(),
            [0x80, 0xFF]
        );
        // surrogateescape stops at the first surrogate it cannot map.
        assert_eq!(
            enc(&[0xDC80, 0xD800], u, Builtin::SurrogateEscape),
            Err(EncErr {
                start: 1,
                end: 2,
                reason: "surrogates not allowed"
            })
        );
        assert_eq!(
            enc(&[0xD800], u, Builtin::BackslashReplace).unwrap(),
            b"\\ud800"
        );
        assert_eq!(
            enc(&[0xD800, 0x61], u, Builtin::XmlCharRefReplace).unwrap(),
            b"&#55296;a"
        );
    }

    #[test]
    fn ucs1_and_names() {
        assert_eq!(
            enc(&cps("ééa"), Native::Ascii, Builtin::Strict),
            Err(EncErr {
                start: 0,
                end: 2,
                reason: "ordinal not in range(128)"
            })
        );
        assert_eq!(
            enc(&cps("é€"), Native::Latin1, Builtin::Replace).unwrap(),
            [0xE9, b'?']
        );
        assert_eq!(
            enc(&cps("a\u{e9}"), Native::Ascii, Builtin::NameReplace).unwrap(),
            b"a\\N{LATIN SMALL LETTER E WITH ACUTE}"
        );
        assert_eq!(
            dec(b"\xff", Native::Ascii, Builtin::Strict),
            Err(DecErr {
                start: 0,
                end: 1,
                reason: "ordinal not in range(128)"
            })
        );
    }

    #[test]
    fn utf32() {
        let c = cps("a\u{1F600}");
        let b = enc(&c, Native::Utf32(Order::Bom), Builtin::Strict).unwrap();
        assert_eq!(b.len(), 12);
        assert_eq!(
            dec(&b, Native::Utf32(Order::Bom), Builtin::Strict).unwrap(),
            c
        );
        assert_eq!(
            dec(&[0, 0xD8, 0, 0], Native::Utf32(Order::Le), Builtin::Strict),
            Err(DecErr {
                start: 0,
                end: 4,
                reason: "code point in surrogate code point range(0xd800, 0xe000)"
            })
        );
        assert_eq!(
            dec(&[0, 0, 0x11, 0], Native::Utf32(Order::Le), Builtin::Strict),
            Err(DecErr {
                start: 0,
                end: 4,
                reason: "code point not in range(0x110000)"
            })
        );
    }

    #[test]
    fn escapes() {
        let ue = Native::UnicodeEscape;
        assert_eq!(
            unicode_escape_encode(&cps("a'\\\t\u{e9}\u{1234}\u{1F600}"), false),
            b"a'\\\\\\t\\xe9\\u1234\\U0001f600"
        );
        assert_eq!(
            unicode_escape_encode(&cps("\u{e9}\u{1234}"), true),
            b"\xe9\\u1234"
        );
        assert_eq!(
            dec(b"\\x41\\101\\u0041\\n", ue, Builtin::Strict).unwrap(),
            cps("AAA\n")
        );
        assert_eq!(
            dec(b"\\x4", ue, Builtin::Strict),
            Err(DecErr {
                start: 0,
                end: 3,
                reason: "truncated \\xXX escape"
            })
        );
        assert_eq!(
            dec(b"ab\\", ue, Builtin::Strict),
            Err(DecErr {
                start: 2,
                end: 3,
                reason: "\\ at end of string"
            })
        );
        assert_eq!(
            dec(b"\\N{LATIN SMALL LETTER A}", ue, Builtin::Strict).unwrap(),
            cps("a")
        );
        assert_eq!(dec(b"\\ud800", ue, Builtin::Strict).unwrap(), [0xD800]);
        let raw = Native::RawUnicodeEscape;
        assert_eq!(
            dec(b"\\\\u0041\\u0041\\x", raw, Builtin::Strict).unwrap(),
            cps("\\\\u0041A\\x")
        );
        assert_eq!(
            dec(b"\\u12", raw, Builtin::Strict),
            Err(DecErr {
                start: 0,
                end: 4,
                reason: "truncated \\uXXXX escape"
            })
        );
        assert_eq!(escape_decode(b"\\x41\\n\\q").unwrap(), b"A\n\\q");
        assert!(escape_decode(b"\\x4").is_err());
        assert_eq!(escape_encode(b"a'\x00"), b"a\\'\\x00");
    }
}
