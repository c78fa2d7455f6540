//! The text encodings of `TextIOWrapper`: UTF-8 (and `utf-8-sig`), ASCII
//! and Latin-1 natively, as incremental encoders and decoders.
//!
//! This is the one place `_io` turns bytes into text and back: when the
//! shared codec machinery (`codecs`, `_codecs`) is available, other
//! encodings come from Python codec objects instead (see `textio.rs`,
//! `Codec::Python`), and [`lookup`] is the function to switch over.
//!
//! Error handlers: `strict`, `ignore`, `replace`, `backslashreplace`,
//! and for encoding also `xmlcharrefreplace`; `surrogateescape` and
//! `surrogatepass` behave as `strict` (ftpy's str cannot hold the lone
//! surrogates they would produce yet, and holds none to encode). Any
//! other name raises `LookupError: unknown error handler name` when an
//! error occurs, as CPython does.

use ftpy_vm::interp::types;
use ftpy_vm::objects::bytes::BytesObj;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::{ops, PyErr, PyResult, ThreadState, Value};

/// A natively implemented encoding.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Native {
    Utf8,
    /// UTF-8 with a byte order mark written first and skipped on reading.
    Utf8Sig,
    Ascii,
    Latin1,
}

impl Native {
    /// The codec's canonical name (as in messages: `'utf-8' codec ...`).
    pub fn name(self) -> &'static str {
        match self {
            Native::Utf8 => "utf-8",
            Native::Utf8Sig => "utf-8-sig",
            Native::Ascii => "ascii",
            Native::Latin1 => "latin-1",
        }
    }
}

/// CPython's encoding-name normalization: lower case, runs of
/// non-alphanumerics (except `.`) become one `_`.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
            punct = false;
        } else {
            punct = true;
        }
    }
    out
}

/// The native codec for an encoding name (any alias CPython knows for
/// these four), or None.
pub fn lookup(name: &str) -> Option<Native> {
    match normalize(name).as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => {
            Some(Native::Utf8)
        }
        "utf_8_sig" | "utf8_sig" => Some(Native::Utf8Sig),
        "ascii" | "us_ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986"
        | "cp367" | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us" => {
            Some(Native::Ascii)
        }
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819"
        | "iso_ir_100" | "csisolatin1" | "ibm819" | "iso_8859_1_1987" => Some(Native::Latin1),
        _ => None,
    }
}

/// Checks an error handler name when an error happens.
fn handler(ts: &mut ThreadState, errors: &str) -> PyResult<Handler> {
    Ok(match errors {
        "strict" | "surrogateescape" | "surrogatepass" => Handler::Strict,
        "ignore" => Handler::Ignore,
        "replace" => Handler::Replace,
        "backslashreplace" => Handler::Backslash,
        "xmlcharrefreplace" => Handler::XmlCharRef,
        "namereplace" => {
            return Err(ts.lookup_error(
                "error handler 'namereplace' is not supported by ftpy's native codecs yet",
            ));
        }
        _ => {
            return Err(ts.lookup_error(format!("unknown error handler name '{errors}'")));
        }
    })
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum Handler {
    Strict,
    Ignore,
    Replace,
    Backslash,
    XmlCharRef,
}

/// `UnicodeDecodeError(encoding, object, start, end, reason)`.
pub fn decode_error(
    ts: &mut ThreadState,
    enc: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let e = StrObj::new(ts, enc);
    let obj = BytesObj::new(ts, data);
    let r = StrObj::new(ts, reason);
    let args = [
        e,
        obj,
        Value::small_int_unchecked(start as i64),
        Value::small_int_unchecked(end as i64),
        r,
    ];
    match ops::call(ts, types().unicode_decode_error.value(), &args, None) {
        Ok(v) => PyErr::from_exception(v),
        Err(e) => e,
    }
}

/// `UnicodeEncodeError(encoding, object, start, end, reason)`.
fn encode_error(
    ts: &mut ThreadState,
    enc: &str,
    text: &str,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let e = StrObj::new(ts, enc);
    let obj = StrObj::new(ts, text);
    let r = StrObj::new(ts, reason);
    let args = [
        e,
        obj,
        Value::small_int_unchecked(start as i64),
        Value::small_int_unchecked(end as i64),
        r,
    ];
    match ops::call(ts, types().unicode_encode_error.value(), &args, None) {
        Ok(v) => PyErr::from_exception(v),
        Err(e) => e,
    }
}

/// Encodes `text`, appending to `out`.
pub fn encode(
    ts: &mut ThreadState,
    codec: Native,
    text: &str,
    errors: &str,
    out: &mut Vec<u8>,
) -> PyResult<()> {
    let limit: u32 = match codec {
        Native::Utf8 | Native::Utf8Sig => {
            out.extend_from_slice(text.as_bytes());
            return Ok(());
        }
        Native::Ascii => 0x80,
        Native::Latin1 => 0x100,
    };
    if text.is_ascii() {
        out.extend_from_slice(text.as_bytes());
        return Ok(());
    }
    let mut h: Option<Handler> = None;
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        // The run of unencodable characters is one error.
        let mut j = i + 1;
        while j < chars.len() && chars[j] as u32 >= limit {
            j += 1;
        }
        let hd = match h {
            Some(hd) => hd,
            None => {
                let hd = handler(ts, errors)?;
                h = Some(hd);
                hd
            }
        };
        match hd {
            Handler::Strict => {
                return Err(encode_error(
                    ts,
                    codec.name(),
                    text,
                    i,
                    j,
                    &format!("ordinal not in range({limit})"),
                ));
            }
            Handler::Ignore => {}
            Handler::Replace => out.extend(std::iter::repeat_n(b'?', j - i)),
            Handler::Backslash => {
                for &c in &chars[i..j] {
                    let n = c as u32;
                    let s = if n < 0x100 {
                        format!("\\x{n:02x}")
                    } else if n < 0x10000 {
                        format!("\\u{n:04x}")
                    } else {
                        format!("\\U{n:08x}")
                    };
                    out.extend_from_slice(s.as_bytes());
                }
            }
            Handler::XmlCharRef => {
                for &c in &chars[i..j] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
        }
        i = j;
    }
    Ok(())
}

/// An incremental decoder for a native codec. It holds at most the three
/// bytes of an incomplete UTF-8 sequence between calls.
#[derive(Clone, Debug)]
pub struct Decoder {
    pub codec: Native,
    pending: Vec<u8>,
    /// `utf-8-sig`: whether the start of the stream was seen (a BOM there
    /// is dropped).
    bom_done: bool,
}

impl Decoder {
    pub fn new(codec: Native) -> Decoder {
        Decoder {
            codec,
            pending: Vec::new(),
            bom_done: false,
        }
    }

    /// Back to the state at the start of a stream.
    pub fn reset(&mut self) {
        self.pending.clear();
        self.bom_done = false;
    }

    /// The state after a seek to a non-zero position (no pending bytes;
    /// a BOM is no longer expected).
    pub fn reset_mid_stream(&mut self) {
        self.pending.clear();
        self.bom_done = true;
    }

    /// Bytes held back (an incomplete sequence at the end of the input).
    pub fn pending(&self) -> &[u8] {
        &self.pending
    }

    /// Decodes `input`, appending to `out`. With `final`, an incomplete
    /// sequence at the end is an error instead of being kept.
    pub fn decode(
        &mut self,
        ts: &mut ThreadState,
        input: &[u8],
        final_: bool,
        errors: &str,
        out: &mut String,
    ) -> PyResult<()> {
        match self.codec {
            Native::Latin1 => {
                out.extend(input.iter().map(|&b| b as char));
                Ok(())
            }
            Native::Ascii => {
                if input.is_ascii() {
                    // SAFETY: ASCII bytes are valid UTF-8.
                    out.push_str(unsafe { std::str::from_utf8_unchecked(input) });
                    return Ok(());
                }
                let mut h: Option<Handler> = None;
                for (i, &b) in input.iter().enumerate() {
                    if b < 0x80 {
                        out.push(b as char);
                        continue;
                    }
                    let hd = match h {
                        Some(hd) => hd,
                        None => {
                            let hd = handler(ts, errors)?;
                            h = Some(hd);
                            hd
                        }
                    };
                    decode_fail(
                        ts,
                        hd,
                        "ascii",
                        input,
                        i,
                        i + 1,
                        "ordinal not in range(128)",
                        out,
                    )?;
                }
                Ok(())
            }
            Native::Utf8 | Native::Utf8Sig => self.decode_utf8(ts, input, final_, errors, out),
        }
    }

    fn decode_utf8(
        &mut self,
        ts: &mut ThreadState,
        input: &[u8],
        final_: bool,
        errors: &str,
        out: &mut String,
    ) -> PyResult<()> {
        let joined;
        let mut data: &[u8] = if self.pending.is_empty() {
            input
        } else {
            let mut v = std::mem::take(&mut self.pending);
            v.extend_from_slice(input);
            joined = v;
            &joined
        };
        if self.codec == Native::Utf8Sig && !self.bom_done {
            const BOM: &[u8] = b"\xef\xbb\xbf";
            if data.len() < 3 && BOM.starts_with(data) && !final_ {
                self.pending = data.to_vec();
                return Ok(());
            }
            if data.starts_with(BOM) {
                data = &data[3..];
            }
            self.bom_done = true;
        }
        let whole = data;
        let mut at = 0usize;
        let mut h: Option<Handler> = None;
        loop {
            match std::str::from_utf8(&whole[at..]) {
                Ok(s) => {
                    out.push_str(s);
                    return Ok(());
                }
                Err(e) => {
                    let good = e.valid_up_to();
                    // SAFETY: from_utf8 checked these bytes.
                    out.push_str(unsafe { std::str::from_utf8_unchecked(&whole[at..at + good]) });
                    let start = at + good;
                    let (end, reason) = match e.error_len() {
                        None => {
                            if !final_ {
                                self.pending = whole[start..].to_vec();
                                return Ok(());
                            }
                            (whole.len(), "unexpected end of data")
                        }
                        Some(n) => {
                            let lead = whole[start];
                            let reason = if n == 1 && !(0xc2..=0xf4).contains(&lead) {
                                "invalid start byte"
                            } else {
                                "invalid continuation byte"
                            };
                            (start + n, reason)
                        }
                    };
                    let hd = match h {
                        Some(hd) => hd,
                        None => {
                            let hd = handler(ts, errors)?;
                            h = Some(hd);
                            hd
                        }
                    };
                    decode_fail(ts, hd, "utf-8", whole, start, end, reason, out)?;
                    at = end;
                }
            }
        }
    }
}

/// Applies an error handler to the undecodable bytes `data[start..end]`.
#[allow(clippy::too_many_arguments)]
fn decode_fail(
    ts: &mut ThreadState,
    hd: Handler,
    enc: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
    out: &mut String,
) -> PyResult<()> {
    match hd {
        Handler::Strict | Handler::XmlCharRef => {
            Err(decode_error(ts, enc, data, start, end, reason))
        }
        Handler::Ignore => Ok(()),
        Handler::Replace => {
            out.push('\u{fffd}');
            Ok(())
        }
        Handler::Backslash => {
            for b in &data[start..end] {
                out.push_str(&format!("\\x{b:02x}"));
            }
            Ok(())
        }
    }
}

/// Decodes a whole byte string with a native codec (no state kept).
pub fn decode_all(
    ts: &mut ThreadState,
    codec: Native,
    data: &[u8],
    errors: &str,
) -> PyResult<String> {
    let mut d = Decoder::new(codec);
    let mut out = String::with_capacity(data.len());
    d.decode(ts, data, true, errors, &mut out)?;
    Ok(out)
}
