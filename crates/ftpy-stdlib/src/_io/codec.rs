//! The text encodings of `TextIOWrapper`, over the VM's codecs
//! (`ftpy_vm::codecs`): the natively implemented codecs (UTF-8,
//! `utf-8-sig`, UTF-16/32 in each byte order, ASCII, Latin-1, the escape
//! codecs) as incremental encoders and decoders, with every error handler
//! (the built-in ones and those registered with `codecs.register_error`).
//! Any other encoding is a Python codec object (`textio.rs`,
//! `Codec::Python`).
//!
//! Text is *generalized UTF-8* (`ftpy_vm::unicode`): lone surrogates
//! (from `surrogateescape`) are representable.

use ftpy_vm::codecs::{self, Order, VmDecode, VmEncode};
use ftpy_vm::{PyResult, ThreadState, Value};

pub use ftpy_vm::codecs::Native;

/// The native codec for an encoding name (any spelling CPython accepts
/// for it), or None.
pub fn lookup(name: &str) -> Option<Native> {
    let norm = codecs::normalize_encoding(name);
    let alias = match norm.as_str() {
        "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => "utf_8",
        "utf8_sig" => "utf_8_sig",
        "u16" => "utf_16",
        "u32" => "utf_32",
        "646" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986" | "cp367" | "csascii"
        | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us" => "ascii",
        "latin" | "l1" | "8859" | "cp819" | "iso_ir_100" | "csisolatin1" | "ibm819"
        | "iso_8859_1_1987" => "latin_1",
        other => other,
    };
    codecs::native_codec(alias)
}

/// What the first character of a stream is preceded by in this codec (a
/// byte order mark), written when writing starts at position 0.
fn after_bom(c: Native) -> Native {
    match c {
        Native::Utf8Sig => Native::Utf8,
        Native::Utf16(Order::Bom) => Native::Utf16(Order::Le),
        Native::Utf32(Order::Bom) => Native::Utf32(Order::Le),
        other => other,
    }
}

/// An incremental encoder: the byte order mark (if the codec has one) is
/// written before the first text of a stream, and not again.
#[derive(Clone, Debug)]
pub struct Encoder {
    codec: Native,
    started: bool,
}

impl Encoder {
    pub fn new(codec: Native) -> Encoder {
        Encoder {
            codec,
            started: false,
        }
    }

    /// At the start of the stream (a BOM comes first) or not.
    pub fn set_start(&mut self, at_start: bool) {
        self.started = !at_start;
    }

    /// Whether text was encoded since the start of the stream.
    pub fn started(&self) -> bool {
        self.started
    }

    /// Encodes `wtf8` (generalized UTF-8 text; `obj` is the str it came
    /// from, or NULL to make one if an error handler needs it), appending
    /// to `out`.
    pub fn encode(
        &mut self,
        ts: &mut ThreadState,
        wtf8: &[u8],
        obj: Value,
        errors: &str,
        out: &mut Vec<u8>,
    ) -> PyResult<()> {
        let codec = if self.started {
            after_bom(self.codec)
        } else {
            self.codec
        };
        self.started = true;
        // Lone surrogates are encoded as ED A0..BF xx: text without an ED
        // byte has none.
        let plain = !wtf8.contains(&0xED) || std::str::from_utf8(wtf8).is_ok();
        match codec {
            Native::Utf8 if plain => {
                out.extend_from_slice(wtf8);
                return Ok(());
            }
            Native::Utf8Sig if plain => {
                out.extend_from_slice(b"\xef\xbb\xbf");
                out.extend_from_slice(wtf8);
                return Ok(());
            }
            Native::Ascii | Native::Latin1 if wtf8.is_ascii() => {
                out.extend_from_slice(wtf8);
                return Ok(());
            }
            _ => {}
        }
        let cps: Vec<u32> = ftpy_vm::unicode::code_points(wtf8).collect();
        let mut h = VmEncode::new(ts, errors, codec.encode_name(), Some(codec), obj);
        let b = codecs::encode(&cps, codec, &mut h)?;
        out.extend_from_slice(&b);
        Ok(())
    }
}

/// An incremental decoder: it holds the bytes of an incomplete sequence
/// between calls, and the byte order once a BOM settled it.
#[derive(Clone, Debug)]
pub struct Decoder {
    /// The codec as configured.
    codec: Native,
    /// The codec for the next bytes (after a BOM, the settled order).
    now: Native,
    pending: Vec<u8>,
}

impl Decoder {
    pub fn new(codec: Native) -> Decoder {
        Decoder {
            codec,
            now: codec,
            pending: Vec::new(),
        }
    }

    /// Back to the state at the start of a stream.
    pub fn reset(&mut self) {
        self.pending.clear();
        self.now = self.codec;
    }

    /// Bytes held back (an incomplete sequence at the end of the input).
    pub fn pending(&self) -> &[u8] {
        &self.pending
    }

    /// The state besides the pending bytes, as the number CPython's
    /// decoders give in `getstate()` (tell cookies carry it): `utf-8-sig`
    /// 1 before its BOM, 0 after; UTF-16/32 2 while the byte order is
    /// unknown, 0 little-endian (this machine's), 1 big-endian; 0 for the
    /// others.
    pub fn flags(&self) -> i64 {
        match self.now {
            Native::Utf8Sig => 1,
            Native::Utf16(Order::Bom) | Native::Utf32(Order::Bom) => 2,
            Native::Utf16(Order::Be) | Native::Utf32(Order::Be)
                if matches!(
                    self.codec,
                    Native::Utf16(Order::Bom) | Native::Utf32(Order::Bom)
                ) =>
            {
                1
            }
            _ => 0,
        }
    }

    /// Restores a state from [`Decoder::flags`], nothing pending.
    pub fn set_flags(&mut self, flags: i64) {
        self.pending.clear();
        self.now = match (self.codec, flags) {
            (Native::Utf8Sig, 1) => Native::Utf8Sig,
            (Native::Utf16(Order::Bom), 2) | (Native::Utf32(Order::Bom), 2) => self.codec,
            (Native::Utf16(Order::Bom), 1) => Native::Utf16(Order::Be),
            (Native::Utf32(Order::Bom), 1) => Native::Utf32(Order::Be),
            (c, _) => after_bom(c),
        };
    }

    /// Decodes `input` (after what is pending), appending generalized
    /// UTF-8 to `out`. With `final`, an incomplete sequence at the end is
    /// an error instead of being kept.
    pub fn decode(
        &mut self,
        ts: &mut ThreadState,
        input: &[u8],
        final_: bool,
        errors: &str,
        out: &mut Vec<u8>,
    ) -> PyResult<()> {
        let joined;
        let data: &[u8] = if self.pending.is_empty() {
            input
        } else {
            let mut v = std::mem::take(&mut self.pending);
            v.extend_from_slice(input);
            joined = v;
            &joined
        };
        if matches!(self.now, Native::Utf8 | Native::Ascii | Native::Latin1) && data.is_ascii() {
            out.extend_from_slice(data);
            return Ok(());
        }
        let mut h = VmDecode::new(ts, errors, Value::NULL);
        let d = codecs::decode(data, self.now, final_, &mut h)?;
        out.extend_from_slice(&d.text);
        if d.consumed > 0 || final_ {
            self.now = match self.now {
                Native::Utf16(Order::Bom) | Native::Utf32(Order::Bom) => {
                    match (self.now, d.order) {
                        (Native::Utf16(_), 1) => Native::Utf16(Order::Be),
                        (Native::Utf16(_), -1) => Native::Utf16(Order::Le),
                        (Native::Utf32(_), 1) => Native::Utf32(Order::Be),
                        (Native::Utf32(_), -1) => Native::Utf32(Order::Le),
                        // No BOM: this machine's (little-endian) order.
                        (Native::Utf16(_), _) => Native::Utf16(Order::Le),
                        (Native::Utf32(_), _) => Native::Utf32(Order::Le),
                        (other, _) => other,
                    }
                }
                Native::Utf8Sig => Native::Utf8,
                other => other,
            };
        }
        self.pending = data[d.consumed.min(data.len())..].to_vec();
        Ok(())
    }
}

/// The number of code points in generalized UTF-8 text.
pub fn cp_count(b: &[u8]) -> usize {
    ftpy_vm::unicode::cp_count(b)
}

/// The byte length of the first `n` code points of `b` (all of `b` when it
/// has fewer).
pub fn cp_offset(b: &[u8], n: usize) -> usize {
    if n >= b.len() {
        return b.len();
    }
    let mut seen = 0;
    for (k, &c) in b.iter().enumerate() {
        if c & 0xC0 != 0x80 {
            if seen == n {
                return k;
            }
            seen += 1;
        }
    }
    b.len()
}
