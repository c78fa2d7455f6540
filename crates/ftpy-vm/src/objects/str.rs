//! `str`: immutable text, stored inline in the object as generalized UTF-8.
//!
//! ```text
//! +--------+------------+-----------+------------+----------------+-------------------+
//! | Header | hash (i64) | len       | byte_len   | text ...       | shadow ...        |
//! +--------+------------+-----------+------------+----------------+-------------------+
//!   aux bit 0: all ASCII; bit 1: interned; bit 2: has lone surrogates
//! ```
//!
//! Python indexes strings by code point. For an ASCII string (the common
//! case) the byte offset is the index; otherwise indexing walks the text
//! (`char_offset`). The hash is computed on first use (SipHash-1-3 over
//! CPython's canonical representation, so hashes match CPython's for the
//! same `PYTHONHASHSEED`) and cached with a racy but idempotent store.
//!
//! # Lone surrogates
//! A Python str may hold the code points U+D800..U+DFFF on their own
//! (`chr(0xD800)`, the `surrogateescape` error handler). The text is
//! *generalized UTF-8* (see `unicode.rs`): plain UTF-8, except that such a
//! code point is written as its own 3-byte sequence. A string that holds
//! one has the surrogate flag and a second copy of its text, the *shadow*,
//! of the same length with U+FFFD (also 3 bytes) in place of each
//! surrogate: [`StrObj::as_str`] returns the shadow, so code that needs a
//! `&str` still gets valid UTF-8 at the same byte offsets, while the str
//! methods, comparison, hashing, indexing, `repr` and the codecs read the
//! real text ([`StrObj::as_wtf8`]). Strings without surrogates (all but a
//! few) have no shadow and pay nothing.
//!
//! Strings are immutable after construction: shared freely between
//! threads without locks.

use std::sync::atomic::{AtomicI64, Ordering};

use crate::error::PyResult;
use crate::gc::Marker;
use crate::interp::types;
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::thread::ThreadState;
use crate::unicode::{self as uni, code_points, cp_at, push_cp};
use crate::value::Value;

const AUX_ASCII: u32 = 1;
const AUX_INTERNED: u32 = 2;
const AUX_SURROGATES: u32 = 4;

#[repr(C)]
pub struct StrObj {
    pub header: Header,
    hash: AtomicI64,
    len: usize,
    byte_len: usize,
    data: [u8; 0],
}

// SAFETY: repr(C) with Header first; holds no references.
unsafe impl HeapObj for StrObj {
    const KIND: Kind = Kind::Str;
    fn trace(&self, _m: &mut Marker) {}
}

impl StrObj {
    /// Allocates an exact `str`.
    pub fn alloc(ts: &mut ThreadState, s: &str) -> Gc<StrObj> {
        Self::alloc_typed(ts, types().str, s)
    }

    /// Allocates a str of type `ty` (str or a subclass without extra
    /// layout).
    pub fn alloc_typed(
        ts: &mut ThreadState,
        ty: Gc<crate::objects::typeobj::TypeObj>,
        s: &str,
    ) -> Gc<StrObj> {
        // SAFETY: a `&str` is valid UTF-8 without surrogates.
        unsafe { Self::alloc_raw(ts, ty, s.as_bytes(), false) }
    }

    /// Allocates a str of type `ty` from generalized UTF-8. Bytes that are
    /// not (a bug in the caller) are decoded lossily rather than trusted.
    pub fn alloc_wtf8(
        ts: &mut ThreadState,
        ty: Gc<crate::objects::typeobj::TypeObj>,
        b: &[u8],
    ) -> Gc<StrObj> {
        match uni::check_wtf8(b) {
            // SAFETY: just checked.
            Some(surr) => unsafe { Self::alloc_raw(ts, ty, b, surr) },
            None => {
                debug_assert!(false, "invalid generalized UTF-8");
                let s = String::from_utf8_lossy(b).into_owned();
                Self::alloc_typed(ts, ty, &s)
            }
        }
    }

    /// # Safety
    /// `b` must be generalized UTF-8, and `surrogates` must say whether it
    /// holds a surrogate.
    unsafe fn alloc_raw(
        ts: &mut ThreadState,
        ty: Gc<crate::objects::typeobj::TypeObj>,
        b: &[u8],
        surrogates: bool,
    ) -> Gc<StrObj> {
        let data_len = if surrogates { 2 * b.len() } else { b.len() };
        let size = std::mem::size_of::<StrObj>() + data_len;
        let ascii = b.is_ascii();
        let len = if ascii { b.len() } else { uni::cp_count(b) };
        let shadow = if surrogates {
            let mut v = Vec::with_capacity(b.len());
            uni::replace_surrogates(b, &mut v);
            v
        } else {
            Vec::new()
        };
        let attrs = ty.attrs_offset as usize;
        // A str subclass instance keeps its attribute store after the text.
        let total = if attrs != 0 {
            size.div_ceil(8) * 8 + crate::objects::instance::ATTR_STORE_SIZE
        } else {
            size
        };
        let g = ts.alloc_var(total, |p: *mut StrObj| {
            // SAFETY: `p` has room for the header, fields, text and shadow.
            unsafe {
                p.write(StrObj {
                    header: Header::new(ty, Kind::Str, 0),
                    hash: AtomicI64::new(-1),
                    len,
                    byte_len: b.len(),
                    data: [],
                });
                let d = (p as *mut u8).add(std::mem::size_of::<StrObj>());
                std::ptr::copy_nonoverlapping(b.as_ptr(), d, b.len());
                if surrogates {
                    std::ptr::copy_nonoverlapping(shadow.as_ptr(), d.add(b.len()), b.len());
                }
            }
        });
        let mut aux = 0;
        if ascii {
            aux |= AUX_ASCII;
        }
        if surrogates {
            aux |= AUX_SURROGATES;
        }
        if aux != 0 {
            g.header.set_aux(aux);
        }
        if attrs != 0 {
            crate::objects::instance::init_attr_store_at(g.addr() + size.div_ceil(8) * 8, 0);
        }
        g
    }

    /// An exact `str` as a value.
    #[inline]
    pub fn new(ts: &mut ThreadState, s: &str) -> Value {
        Self::alloc(ts, s).value()
    }

    #[inline(always)]
    fn data_ptr(&self) -> *const u8 {
        // SAFETY: the text follows the fields (see the layout).
        unsafe { (self as *const StrObj as *const u8).add(std::mem::size_of::<StrObj>()) }
    }

    /// The text as a `&str`: exact for a string without lone surrogates;
    /// otherwise with U+FFFD in place of each (the shadow copy, same byte
    /// offsets). Code that must be exact reads [`StrObj::as_wtf8`].
    #[inline(always)]
    pub fn as_str(&self) -> &str {
        let off = if self.has_surrogates() {
            self.byte_len
        } else {
            0
        };
        // SAFETY: the bytes at `off` are the UTF-8 text (or the shadow,
        // which is valid UTF-8) written by `alloc_raw`, immutable since.
        unsafe {
            std::str::from_utf8_unchecked(std::slice::from_raw_parts(
                self.data_ptr().add(off),
                self.byte_len,
            ))
        }
    }

    /// The exact text, generalized UTF-8.
    #[inline(always)]
    pub fn as_wtf8(&self) -> &[u8] {
        // SAFETY: `byte_len` bytes of text follow the fields, immutable.
        unsafe { std::slice::from_raw_parts(self.data_ptr(), self.byte_len) }
    }

    /// Bytes of text data after the fields (text, and shadow if any): where
    /// a subclass instance's attribute store begins.
    pub fn data_size(&self) -> usize {
        if self.has_surrogates() {
            2 * self.byte_len
        } else {
            self.byte_len
        }
    }

    /// Length in code points.
    #[inline(always)]
    pub fn char_len(&self) -> usize {
        self.len
    }

    #[inline(always)]
    pub fn byte_len(&self) -> usize {
        self.byte_len
    }

    #[inline(always)]
    pub fn is_ascii(&self) -> bool {
        self.header.aux() & AUX_ASCII != 0
    }

    /// Whether the text holds a lone surrogate.
    #[inline(always)]
    pub fn has_surrogates(&self) -> bool {
        self.header.aux() & AUX_SURROGATES != 0
    }

    pub fn is_interned(&self) -> bool {
        self.header.aux() & AUX_INTERNED != 0
    }

    pub(crate) fn mark_interned(&self) {
        self.header.or_aux(AUX_INTERNED);
    }

    /// The cached hash, computing it if needed.
    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.load(Ordering::Relaxed);
        if h != -1 {
            return h;
        }
        let h = if self.has_surrogates() {
            hash_code_points(self.as_wtf8())
        } else {
            crate::hash::hash_str(self.as_str(), self.is_ascii())
        };
        self.hash.store(h, Ordering::Relaxed);
        h
    }

    /// Byte offset of code point `i` (`i <= len`).
    #[inline]
    pub fn char_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            return i.min(self.byte_len);
        }
        if i >= self.len {
            return self.byte_len;
        }
        let b = self.as_wtf8();
        let mut seen = 0;
        for (k, &c) in b.iter().enumerate() {
            if c & 0xC0 != 0x80 {
                if seen == i {
                    return k;
                }
                seen += 1;
            }
        }
        b.len()
    }

    /// The code point at index `i` (`i < len`).
    #[inline]
    pub fn char_at(&self, i: usize) -> u32 {
        if self.is_ascii() {
            return self.as_wtf8().get(i).copied().unwrap_or(0) as u32;
        }
        let off = self.char_offset(i);
        if off >= self.byte_len {
            return 0;
        }
        cp_at(self.as_wtf8(), off).0
    }

    /// The text of code points `start..end` (generalized UTF-8).
    pub fn substr_wtf8(&self, start: usize, end: usize) -> &[u8] {
        let a = self.char_offset(start);
        let b = if self.is_ascii() {
            end.min(self.byte_len)
        } else {
            a + offset_after(&self.as_wtf8()[a..], end.saturating_sub(start))
        };
        &self.as_wtf8()[a..b.max(a)]
    }

    /// The substring of code points `start..end` as `&str` (shadowed if
    /// the string has surrogates).
    pub fn substr(&self, start: usize, end: usize) -> &str {
        let w = self.substr_wtf8(start, end);
        let base = self.as_wtf8().as_ptr() as usize;
        let a = w.as_ptr() as usize - base;
        &self.as_str()[a..a + w.len()]
    }

    /// Equality of the text.
    #[inline]
    pub fn eq_str(&self, other: &StrObj) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        if self.byte_len != other.byte_len {
            return false;
        }
        let (ha, hb) = (
            self.hash.load(Ordering::Relaxed),
            other.hash.load(Ordering::Relaxed),
        );
        if ha != -1 && hb != -1 && ha != hb {
            return false;
        }
        self.as_wtf8() == other.as_wtf8()
    }

    /// The code points of the text.
    #[inline]
    pub fn code_points(&self) -> uni::CodePoints<'_> {
        code_points(self.as_wtf8())
    }
}

/// The byte length of the first `n` code points of `b`.
fn offset_after(b: &[u8], n: usize) -> usize {
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

/// CPython's str hash over its canonical representation (1, 2 or 4 bytes
/// per code point, by the largest one), for text with surrogates.
fn hash_code_points(b: &[u8]) -> i64 {
    let max = code_points(b).max().unwrap_or(0);
    let mut buf: Vec<u8> = Vec::with_capacity(b.len() * 2);
    for cp in code_points(b) {
        if max < 0x100 {
            buf.push(cp as u8);
        } else if max < 0x10000 {
            buf.extend_from_slice(&(cp as u16).to_le_bytes());
        } else {
            buf.extend_from_slice(&cp.to_le_bytes());
        }
    }
    crate::hash::hash_bytes(&buf)
}

impl Gc<StrObj> {
    pub fn to_string(self) -> String {
        self.obj().as_str().to_string()
    }
}

/// The text of a value that is a str (exact or subclass).
#[inline]
pub fn as_str(v: Value) -> Option<&'static str> {
    v.downcast::<StrObj>().map(|s| s.obj().as_str())
}

/// A new str from a Rust `String`.
pub fn new_str(ts: &mut ThreadState, s: &str) -> Value {
    if s.is_empty() {
        if let Some(i) = crate::interp::try_interp() {
            return i.empty_str.value();
        }
    }
    if s.len() == 1 {
        // One-character ASCII strs are interned and cached in a table read
        // without locks: `s[i]` in loops makes no garbage.
        let b = s.as_bytes()[0] as usize;
        let cached = ASCII_CHARS[b].load(Ordering::Acquire);
        if cached != 0 {
            // SAFETY: the table only holds interned (immortal) str values.
            return unsafe { Value::from_bits(cached) };
        }
        let v = crate::interp::intern(ts, s).value();
        ASCII_CHARS[b].store(v.bits(), Ordering::Release);
        return v;
    }
    StrObj::new(ts, s)
}

/// A new exact str from generalized UTF-8 (see the module doc).
pub fn new_str_wtf8(ts: &mut ThreadState, b: &[u8]) -> Value {
    if b.is_ascii() {
        // SAFETY: ASCII bytes are valid UTF-8.
        return new_str(ts, unsafe { std::str::from_utf8_unchecked(b) });
    }
    if b.len() <= 1 || !b.contains(&0xED) {
        if let Ok(s) = std::str::from_utf8(b) {
            return new_str(ts, s);
        }
    }
    StrObj::alloc_wtf8(ts, types().str, b).value()
}

/// A str of the code points `cps`.
pub fn new_str_from_cps(ts: &mut ThreadState, cps: &[u32]) -> Value {
    let mut b = Vec::with_capacity(cps.len());
    for &c in cps {
        push_cp(&mut b, c);
    }
    new_str_wtf8(ts, &b)
}

/// `chr(cp)`: a one-character str; `cp` must be below 0x110000 (lone
/// surrogates included).
pub fn from_code_point(ts: &mut ThreadState, cp: u32) -> Value {
    let mut b = Vec::with_capacity(4);
    push_cp(&mut b, cp.min(0x10FFFF));
    new_str_wtf8(ts, &b)
}

/// The next code point of `s` at byte offset `off`, as a str, and the
/// offset after it (the str iterator).
pub fn next_char_at(ts: &mut ThreadState, s: Gc<StrObj>, off: usize) -> Option<(Value, usize)> {
    let b = s.as_wtf8();
    if off >= b.len() {
        return None;
    }
    let n = uni::seq_len(b[off]).min(b.len() - off);
    let piece = &b[off..off + n];
    Some((new_str_wtf8(ts, piece), off + n))
}

/// The interned one-character ASCII strs, filled on first use.
static ASCII_CHARS: [std::sync::atomic::AtomicU64; 128] =
    [const { std::sync::atomic::AtomicU64::new(0) }; 128];

/// `repr()` of a str, CPython's quoting and escaping.
pub fn repr_str(s: &str) -> String {
    repr_wtf8(s.as_bytes())
}

/// `repr()` of generalized UTF-8 text.
pub fn repr_wtf8(s: &[u8]) -> String {
    let quote = if s.contains(&b'\'') && !s.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for cp in code_points(s) {
        push_repr_cp(&mut out, cp, quote);
    }
    out.push(quote);
    out
}

fn push_repr_cp(out: &mut String, cp: u32, quote: char) {
    use std::fmt::Write;
    match cp {
        0x5C => out.push_str("\\\\"),
        0x0A => out.push_str("\\n"),
        0x0D => out.push_str("\\r"),
        0x09 => out.push_str("\\t"),
        c if c == quote as u32 => {
            out.push('\\');
            out.push(quote);
        }
        c if c < 0x20 || c == 0x7f => {
            let _ = write!(out, "\\x{c:02x}");
        }
        c if c < 0x7f => out.push(c as u8 as char),
        c => match uni::as_char(c) {
            Some(ch) if uni::is_printable(ch) => out.push(ch),
            _ => {
                if c <= 0xff {
                    let _ = write!(out, "\\x{c:02x}");
                } else if c <= 0xffff {
                    let _ = write!(out, "\\u{c:04x}");
                } else {
                    let _ = write!(out, "\\U{c:08x}");
                }
            }
        },
    }
}

/// Raises TypeError unless `v` is a str; returns its text.
pub fn expect_str(ts: &mut ThreadState, v: Value, what: &str) -> PyResult<Gc<StrObj>> {
    match v.downcast::<StrObj>() {
        Some(s) => Ok(s),
        None => Err(ts.type_error(format!(
            "{what} must be str, not {}",
            crate::objects::typeobj::type_name(v)
        ))),
    }
}

// ---- operations -------------------------------------------------------------------

use crate::builtins::args::Sig;
use crate::gc::RootedVec;
use crate::interp::BuiltinTypes;
use crate::objects::slice::{normalize_index, SliceObj};
use crate::objects::tuple::{repeat_count, TupleObj};
use crate::objects::typeobj::{type_name, type_of, TypeObj};
use crate::objects::{add_methods, method, staticmethod};
use crate::ops;
use ftpy_compiler::{BinaryOp, CompareOp};

/// A piece of str text for searching: the exact bytes, and the same as
/// `&str` when it holds no surrogate (std's fast searches then apply).
#[derive(Clone, Copy)]
struct Txt<'a> {
    b: &'a [u8],
    s: Option<&'a str>,
}

impl<'a> Txt<'a> {
    fn of(o: &'a StrObj) -> Self {
        Txt {
            b: o.as_wtf8(),
            s: (!o.has_surrogates()).then(|| o.as_str()),
        }
    }

    fn slice(self, a: usize, e: usize) -> Self {
        Txt {
            b: &self.b[a..e],
            s: self.s.and_then(|s| s.get(a..e)),
        }
    }

    fn find(self, n: Txt) -> Option<usize> {
        match (self.s, n.s) {
            (Some(h), Some(n)) => h.find(n),
            _ => bytes_find(self.b, n.b),
        }
    }

    fn rfind(self, n: Txt) -> Option<usize> {
        match (self.s, n.s) {
            (Some(h), Some(n)) => h.rfind(n),
            _ => bytes_rfind(self.b, n.b),
        }
    }
}

/// The first occurrence of `n` in `h` (byte offset).
pub fn bytes_find(h: &[u8], n: &[u8]) -> Option<usize> {
    if n.is_empty() {
        return Some(0);
    }
    if n.len() > h.len() {
        return None;
    }
    if n.len() == 1 {
        return h.iter().position(|&c| c == n[0]);
    }
    let first = n[0];
    let last = h.len() - n.len();
    let mut i = 0;
    while i <= last {
        match h[i..=last].iter().position(|&c| c == first) {
            Some(k) => {
                let j = i + k;
                if &h[j..j + n.len()] == n {
                    return Some(j);
                }
                i = j + 1;
            }
            None => return None,
        }
    }
    None
}

/// The last occurrence of `n` in `h` (byte offset).
pub fn bytes_rfind(h: &[u8], n: &[u8]) -> Option<usize> {
    if n.is_empty() {
        return Some(h.len());
    }
    if n.len() > h.len() {
        return None;
    }
    (0..=h.len() - n.len())
        .rev()
        .find(|&i| &h[i..i + n.len()] == n)
}

/// `a + b` for two strs.
pub fn concat(ts: &mut ThreadState, a: Gc<StrObj>, b: Gc<StrObj>) -> Value {
    if b.byte_len() == 0 && type_of(a.value()) == types().str {
        return a.value();
    }
    if a.byte_len() == 0 && type_of(b.value()) == types().str {
        return b.value();
    }
    let mut v = Vec::with_capacity(a.byte_len() + b.byte_len());
    v.extend_from_slice(a.as_wtf8());
    v.extend_from_slice(b.as_wtf8());
    let surr = a.has_surrogates() || b.has_surrogates();
    // SAFETY: the concatenation of two generalized UTF-8 texts is one,
    // with a surrogate exactly when either part has one.
    unsafe { StrObj::alloc_raw(ts, types().str, &v, surr) }.value()
}

/// Python's `str.isspace` for one character.
pub fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

fn cp_isspace(cp: u32) -> bool {
    uni::as_char(cp).is_some_and(py_isspace)
}

fn is_linebreak(cp: u32) -> bool {
    matches!(
        cp,
        0x0A | 0x0D | 0x0B | 0x0C | 0x1C | 0x1D | 0x1E | 0x85 | 0x2028 | 0x2029
    )
}

fn this(ts: &mut ThreadState, v: Value) -> PyResult<Gc<StrObj>> {
    match v.downcast::<StrObj>() {
        Some(s) => Ok(s),
        None => Err(ts.type_error(format!(
            "descriptor requires a 'str' object but received a '{}'",
            type_name(v)
        ))),
    }
}

fn arg_str(ts: &mut ThreadState, v: Value, what: &str) -> PyResult<Gc<StrObj>> {
    match v.downcast::<StrObj>() {
        Some(s) => Ok(s),
        None => Err(ts.type_error(format!("{what} must be str, not {}", type_name(v)))),
    }
}

/// The result of a method that may return its receiver unchanged: an
/// exact str is returned as is, a subclass instance is copied to a str.
fn same_or_copy(ts: &mut ThreadState, v: Value, s: Gc<StrObj>) -> Value {
    if type_of(v) == types().str {
        return v;
    }
    new_str_wtf8(ts, s.as_wtf8())
}

fn str_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let s = this(ts, v)?;
    let r = repr_wtf8(s.as_wtf8());
    Ok(StrObj::new(ts, &r))
}

fn str_str(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let s = this(ts, v)?;
    Ok(same_or_copy(ts, v, s))
}

fn str_hash(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    Ok(this(ts, v)?.hash())
}

fn str_richcompare(_ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast::<StrObj>(), b.downcast::<StrObj>()) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let r = match op {
        CompareOp::Eq => x.eq_str(&y),
        CompareOp::Ne => !x.eq_str(&y),
        // Generalized UTF-8 sorts by code point, as CPython compares.
        _ => crate::objects::float::ordering_matches(x.as_wtf8().cmp(y.as_wtf8()), op),
    };
    Ok(Value::from_bool(r))
}

fn str_len(ts: &mut ThreadState, v: Value) -> PyResult<usize> {
    Ok(this(ts, v)?.char_len())
}

fn str_bool(_ts: &mut ThreadState, v: Value) -> PyResult<bool> {
    Ok(v.downcast::<StrObj>()
        .map(|s| s.byte_len() > 0)
        .unwrap_or(true))
}

fn str_getitem(ts: &mut ThreadState, v: Value, key: Value) -> PyResult<Value> {
    let s = this(ts, v)?;
    if let Some(sl) = key.downcast::<SliceObj>() {
        let (start, _, step, n) = sl.indices(ts, s.char_len() as i64)?;
        if step == 1 {
            if n == s.char_len() && type_of(v) == types().str {
                return Ok(v);
            }
            let sub = s.substr_wtf8(start as usize, start as usize + n);
            return Ok(new_str_wtf8(ts, sub));
        }
        let mut out = Vec::with_capacity(n);
        if s.is_ascii() {
            let b = s.as_wtf8();
            for k in 0..n {
                out.push(b[(start + k as i64 * step) as usize]);
            }
        } else {
            let cps: Vec<u32> = s.code_points().collect();
            for k in 0..n {
                push_cp(&mut out, cps[(start + k as i64 * step) as usize]);
            }
        }
        return Ok(new_str_wtf8(ts, &out));
    }
    let i = match key.as_small_int() {
        Some(i) => i,
        None => {
            if !crate::objects::int::is_int(key) && type_of(key).slots.index.get().is_none() {
                return Err(ts.type_error(format!(
                    "string indices must be integers, not '{}'",
                    type_name(key)
                )));
            }
            ops::index_saturating(ts, key, "string")?
        }
    };
    match normalize_index(i, s.char_len()) {
        Some(j) => {
            if s.is_ascii() {
                let b = [s.as_wtf8()[j]];
                return Ok(new_str_wtf8(ts, &b));
            }
            let off = s.char_offset(j);
            Ok(next_char_at(ts, s, off).map_or(Value::NONE, |(c, _)| c))
        }
        None => Err(ts.index_error("string index out of range")),
    }
}

fn str_contains(ts: &mut ThreadState, v: Value, x: Value) -> PyResult<bool> {
    let s = this(ts, v)?;
    let Some(sub) = x.downcast::<StrObj>() else {
        return Err(ts.type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            type_name(x)
        )));
    };
    Ok(Txt::of(&s).find(Txt::of(&sub)).is_some())
}

fn str_iter(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(
        crate::objects::iterators::IterObj::new(ts, types().str_iterator, v, Value::NULL, 0)
            .value(),
    )
}

fn str_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: Sig = Sig::new("str(object='', encoding='utf-8', errors='strict')");
    let [obj, enc, errors] = SIG.bind(ts, args, kw)?;
    let made: Value = match obj.non_null() {
        None => new_str(ts, ""),
        Some(o) => {
            if !enc.is_null() || !errors.is_null() {
                let enc = match enc.non_null() {
                    Some(e) => Some(arg_str(ts, e, "str() argument 'encoding'")?),
                    None => None,
                };
                let errors = match errors.non_null() {
                    Some(e) => Some(arg_str(ts, e, "str() argument 'errors'")?),
                    None => None,
                };
                if o.downcast::<StrObj>().is_some() {
                    return Err(ts.type_error("decoding str is not supported"));
                }
                let Some(data) = crate::objects::bytes::buffer_bytes(ts, o)? else {
                    return Err(ts.type_error(format!(
                        "decoding to str: need a bytes-like object, {} found",
                        type_name(o)
                    )));
                };
                crate::codecs::decode_value(ts, &data, enc, errors)?
            } else {
                ops::str_(ts, o)?.value()
            }
        }
    };
    if cls == types().str {
        return Ok(made);
    }
    let Some(s) = made.downcast::<StrObj>() else {
        return Ok(made);
    };
    Ok(StrObj::alloc_wtf8(ts, cls, s.as_wtf8()).value())
}

fn str_add(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    match (a.downcast::<StrObj>(), b.downcast::<StrObj>()) {
        (Some(x), Some(y)) => Ok(concat(ts, x, y)),
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn str_mul(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let (s, n) = match (a.downcast::<StrObj>(), b.downcast::<StrObj>()) {
        (Some(s), _) => (s, b),
        (None, Some(s)) => (s, a),
        _ => return Ok(Value::NOT_IMPLEMENTED),
    };
    let Some(n) = repeat_count(ts, n)? else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let n = n.max(0) as usize;
    // CPython's limit is on the length in code points (Py_ssize_t).
    if s.char_len()
        .checked_mul(n)
        .is_none_or(|c| c > isize::MAX as usize)
    {
        return Err(ts.overflow_error("repeated string is too long"));
    }
    let total = s
        .byte_len()
        .checked_mul(n)
        .ok_or_else(|| ts.overflow_error("repeated string is too long"))?;
    ts.check_alloc_size(total)?;
    if n == 1 && type_of(s.value()) == types().str {
        return Ok(s.value());
    }
    if !s.has_surrogates() {
        return Ok(new_str(ts, &s.as_str().repeat(n)));
    }
    let v = s.as_wtf8().repeat(n);
    // SAFETY: repeating generalized UTF-8 keeps it so; it has surrogates
    // when the original does (n > 0) or is empty.
    Ok(unsafe { StrObj::alloc_raw(ts, types().str, &v, n > 0) }.value())
}

fn str_mod(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let Some(s) = a.downcast::<StrObj>() else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if s.has_surrogates() || args_have_surrogates(ts, b) {
        return crate::objects::bytes::percent_format_wtf8(ts, s.as_wtf8(), b, false);
    }
    crate::format::percent_format(ts, s.as_str(), b)
}

/// Whether `%` arguments hold a str with surrogates (which the `&str`
/// formatter could not carry).
fn args_have_surrogates(ts: &mut ThreadState, b: Value) -> bool {
    let surr = |v: Value| v.downcast::<StrObj>().is_some_and(|s| s.has_surrogates());
    if let Some(t) = b.downcast::<TupleObj>() {
        return t.items().iter().any(|&v| surr(v));
    }
    if let Some(d) = b.downcast::<crate::objects::dict::DictObj>() {
        let items = d.items_rooted(ts);
        return items.iter().any(|&v| surr(v));
    }
    surr(b)
}

// ---- methods ----------------------------------------------------------------------

type Kw = Option<Gc<TupleObj>>;

/// A `start`/`end` argument of find and friends (`None` when absent).
pub(crate) fn slice_arg(ts: &mut ThreadState, v: Value) -> PyResult<Option<i64>> {
    let Some(v) = v.non_null().filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    if let Some(i) = v.as_small_int() {
        return Ok(Some(i));
    }
    if !crate::objects::int::is_int(v) && type_of(v).slots.index.get().is_none() {
        return Err(
            ts.type_error("slice indices must be integers or None or have an __index__ method")
        );
    }
    let i = ops::index(ts, v)?;
    Ok(Some(crate::objects::int::to_i64_saturating(i)))
}

/// CPython's ADJUST_INDICES: `(start, end)` in `0..` with `end <= len`
/// (`start` may exceed `end`).
pub(crate) fn adjust_indices(start: Option<i64>, end: Option<i64>, len: i64) -> (i64, i64) {
    let end = match end {
        None => len,
        Some(e) if e > len => len,
        Some(e) if e < 0 => (e + len).max(0),
        Some(e) => e,
    };
    let start = match start {
        None => 0,
        Some(s) if s < 0 => (s + len).max(0),
        Some(s) => s,
    };
    (start, end)
}

fn char_index_of(s: &StrObj, byte: usize) -> usize {
    if s.is_ascii() {
        byte
    } else {
        uni::cp_count(&s.as_wtf8()[..byte])
    }
}

static FIND: Sig = Sig::new("str.find($self, sub, start=None, end=None, /)")
    .legacy()
    .without_text_signature();
static RFIND: Sig = Sig::new("str.rfind($self, sub, start=None, end=None, /)")
    .legacy()
    .without_text_signature();
static INDEX: Sig = Sig::new("str.index($self, sub, start=None, end=None, /)")
    .legacy()
    .without_text_signature();
static RINDEX: Sig = Sig::new("str.rindex($self, sub, start=None, end=None, /)")
    .legacy()
    .without_text_signature();
static COUNT: Sig = Sig::new("str.count($self, sub, start=None, end=None, /)")
    .legacy()
    .without_text_signature();

fn find_impl(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Kw,
    sig: &Sig,
    rev: bool,
) -> PyResult<Option<usize>> {
    let [sv, subv, start, end] = sig.bind(ts, args, kw)?;
    let s = this(ts, sv)?;
    let sub = arg_str(ts, subv, "must be str,")
        .map_err(|_| ts.type_error(format!("must be str, not {}", type_name(subv))))?;
    let start = slice_arg(ts, start)?;
    let end = slice_arg(ts, end)?;
    let (a, b) = adjust_indices(start, end, s.char_len() as i64);
    if b - a < sub.char_len() as i64 {
        return Ok(None);
    }
    let (ba, bb) = (s.char_offset(a as usize), s.char_offset(b as usize));
    let hay = Txt::of(&s).slice(ba, bb);
    let r = if rev {
        hay.rfind(Txt::of(&sub))
    } else {
        hay.find(Txt::of(&sub))
    };
    Ok(r.map(|i| char_index_of(&s, ba + i)))
}

fn m_find(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let r = find_impl(ts, args, kw, &FIND, false)?;
    Ok(Value::small_int_unchecked(
        r.map(|i| i as i64).unwrap_or(-1),
    ))
}

fn m_rfind(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let r = find_impl(ts, args, kw, &RFIND, true)?;
    Ok(Value::small_int_unchecked(
        r.map(|i| i as i64).unwrap_or(-1),
    ))
}

fn m_index(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    match find_impl(ts, args, kw, &INDEX, false)? {
        Some(i) => Ok(Value::small_int_unchecked(i as i64)),
        None => Err(ts.value_error("substring not found")),
    }
}

fn m_rindex(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    match find_impl(ts, args, kw, &RINDEX, true)? {
        Some(i) => Ok(Value::small_int_unchecked(i as i64)),
        None => Err(ts.value_error("substring not found")),
    }
}

fn m_count(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let [sv, subv, start, end] = COUNT.bind(ts, args, kw)?;
    let s = this(ts, sv)?;
    let Some(sub) = subv.downcast::<StrObj>() else {
        return Err(ts.type_error(format!("must be str, not {}", type_name(subv))));
    };
    let start = slice_arg(ts, start)?;
    let end = slice_arg(ts, end)?;
    let (a, b) = adjust_indices(start, end, s.char_len() as i64);
    if b < a {
        return Ok(Value::small_int_unchecked(0));
    }
    if sub.char_len() == 0 {
        return Ok(Value::small_int_unchecked(b - a + 1));
    }
    let (ba, bb) = (s.char_offset(a as usize), s.char_offset(b as usize));
    let hay = Txt::of(&s).slice(ba, bb);
    let n = match (hay.s, sub.has_surrogates()) {
        (Some(h), false) => h.matches(sub.as_str()).count(),
        _ => {
            let (mut n, mut i) = (0, 0);
            while let Some(j) = bytes_find(&hay.b[i..], sub.as_wtf8()) {
                n += 1;
                i += j + sub.byte_len();
            }
            n
        }
    };
    Ok(Value::small_int_unchecked(n as i64))
}

fn affix(ts: &mut ThreadState, args: &[Value], kw: Kw, start: bool) -> PyResult<Value> {
    static STARTS: Sig = Sig::new("str.startswith($self, prefix, start=None, end=None, /)")
        .legacy()
        .without_text_signature();
    static ENDS: Sig = Sig::new("str.endswith($self, suffix, start=None, end=None, /)")
        .legacy()
        .without_text_signature();
    let name = if start { "startswith" } else { "endswith" };
    let [sv, p, st, en] = if start { &STARTS } else { &ENDS }.bind(ts, args, kw)?;
    let s = this(ts, sv)?;
    let st = slice_arg(ts, st)?;
    let en = slice_arg(ts, en)?;
    let (a, b) = adjust_indices(st, en, s.char_len() as i64);
    let test = |x: &StrObj| -> bool {
        if b - a < x.char_len() as i64 {
            return false;
        }
        let (ba, bb) = (s.char_offset(a as usize), s.char_offset(b as usize));
        let hay = &s.as_wtf8()[ba..bb];
        if start {
            hay.starts_with(x.as_wtf8())
        } else {
            hay.ends_with(x.as_wtf8())
        }
    };
    if let Some(t) = p.downcast::<TupleObj>() {
        for &x in t.items() {
            let Some(xs) = x.downcast::<StrObj>() else {
                return Err(ts.type_error(format!(
                    "tuple for {name} must only contain str, not {}",
                    type_name(x)
                )));
            };
            if test(&xs) {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    match p.downcast::<StrObj>() {
        Some(x) => Ok(Value::from_bool(test(&x))),
        None => Err(ts.type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            type_name(p)
        ))),
    }
}

fn m_startswith(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    affix(ts, args, kw, true)
}

fn m_endswith(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    affix(ts, args, kw, false)
}

fn m_join(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("str.join($self, iterable, /)");
    let [sv, it] = SIG.bind(ts, args, kw)?;
    let sep = this(ts, sv)?;
    // Only the TypeError of a non-iterable is reworded; an error while
    // iterating propagates (CPython's PySequence_Fast).
    let items = match ops::collect(ts, it) {
        Ok(items) => items,
        Err(e) if e.matches(types().type_error) && !ops::is_iterable_type(it) => {
            return Err(ts.type_error("can only join an iterable"))
        }
        Err(e) => return Err(e),
    };
    if items.len() == 1 {
        if let Some(x) = items[0].downcast::<StrObj>() {
            if type_of(items[0]) == types().str {
                return Ok(items[0]);
            }
            return Ok(new_str_wtf8(ts, x.as_wtf8()));
        }
    }
    let mut out: Vec<u8> = Vec::new();
    let mut surr = sep.has_surrogates() && items.len() > 1;
    for (i, &x) in items.iter().enumerate() {
        let Some(xs) = x.downcast::<StrObj>() else {
            return Err(ts.type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                type_name(x)
            )));
        };
        if i > 0 {
            out.extend_from_slice(sep.as_wtf8());
        }
        out.extend_from_slice(xs.as_wtf8());
        surr |= xs.has_surrogates();
    }
    drop(items);
    if !surr {
        if let Ok(s) = std::str::from_utf8(&out) {
            return Ok(new_str(ts, s));
        }
    }
    Ok(new_str_wtf8(ts, &out))
}

fn list_of_pieces(ts: &mut ThreadState, parts: &[&[u8]]) -> Value {
    let mut out = RootedVec::with_capacity(ts, parts.len());
    for p in parts {
        let v = new_str_wtf8(ts, p);
        out.push(v);
    }
    crate::objects::list::ListObj::new(ts, &out).value()
}

/// Splits `text` at runs of whitespace (`str.split()` with no separator).
/// One forward scan collects the words (memory per word, not per code
/// point); `rsplit` with a limit then keeps the last `maxsplit` words and
/// one head piece that runs from the start of the text.
fn split_whitespace(text: &[u8], maxsplit: i64, rev: bool) -> Vec<&[u8]> {
    let mut words: Vec<&[u8]> = Vec::new();
    let mut start = None;
    let mut it = code_points(text);
    loop {
        let off = it.offset();
        let Some(cp) = it.next() else { break };
        if cp_isspace(cp) {
            if let Some(s) = start.take() {
                words.push(&text[s..off]);
            }
        } else if start.is_none() {
            if !rev && maxsplit >= 0 && words.len() as i64 == maxsplit {
                // The rest, from this word on, is the last piece.
                words.push(&text[off..]);
                return words;
            }
            start = Some(off);
        }
    }
    if let Some(s) = start {
        words.push(&text[s..]);
    }
    if rev && maxsplit >= 0 && words.len() as i64 > maxsplit {
        let head = words.len() - maxsplit as usize;
        // The head piece ends where its last word ends (the words are
        // subslices of `text`).
        let last = words[head - 1];
        let head_end = last.as_ptr() as usize - text.as_ptr() as usize + last.len();
        let mut parts = Vec::with_capacity(maxsplit as usize + 1);
        parts.push(&text[..head_end]);
        parts.extend_from_slice(&words[head..]);
        return parts;
    }
    words
}

/// Splits at a separator (bytes; a match of generalized UTF-8 text starts
/// and ends at code point boundaries).
pub(crate) fn split_sep<'a>(text: &'a [u8], sep: &[u8], maxsplit: i64, rev: bool) -> Vec<&'a [u8]> {
    let mut parts = Vec::new();
    if !rev {
        let mut i = 0;
        while maxsplit < 0 || (parts.len() as i64) < maxsplit {
            match bytes_find(&text[i..], sep) {
                Some(j) => {
                    parts.push(&text[i..i + j]);
                    i += j + sep.len();
                }
                None => break,
            }
        }
        parts.push(&text[i..]);
    } else {
        let mut e = text.len();
        while maxsplit < 0 || (parts.len() as i64) < maxsplit {
            match bytes_rfind(&text[..e], sep) {
                Some(j) => {
                    parts.push(&text[j + sep.len()..e]);
                    e = j;
                }
                None => break,
            }
        }
        parts.push(&text[..e]);
        parts.reverse();
    }
    parts
}

fn split_impl(ts: &mut ThreadState, args: &[Value], kw: Kw, rev: bool) -> PyResult<Value> {
    static SPLIT: Sig = Sig::new("str.split($self, /, sep=None, maxsplit=-1)");
    static RSPLIT: Sig = Sig::new("str.rsplit($self, /, sep=None, maxsplit=-1)");
    let [this_v, sep, maxsplit] = if rev { &RSPLIT } else { &SPLIT }.bind(ts, args, kw)?;
    let s = this(ts, this_v)?;
    let maxsplit = match maxsplit.non_null() {
        Some(m) => ops::index_to_i64(ts, m)?,
        None => -1,
    };
    let text = s.as_wtf8();
    let parts = match sep.non_null().filter(|v| !v.is_none()) {
        None => split_whitespace(text, maxsplit, rev),
        Some(sepv) => {
            let Some(sep) = sepv.downcast::<StrObj>() else {
                return Err(ts.type_error(format!("must be str or None, not {}", type_name(sepv))));
            };
            if sep.byte_len() == 0 {
                return Err(ts.value_error("empty separator"));
            }
            if !rev && !s.has_surrogates() && !sep.has_surrogates() && maxsplit < 0 {
                let v: Vec<&[u8]> = s.as_str().split(sep.as_str()).map(str::as_bytes).collect();
                return Ok(list_of_pieces(ts, &v));
            }
            split_sep(text, sep.as_wtf8(), maxsplit, rev)
        }
    };
    if parts.len() == 1 && parts[0].len() == text.len() && type_of(this_v) == types().str {
        return Ok(crate::objects::list::ListObj::new(ts, &[this_v]).value());
    }
    Ok(list_of_pieces(ts, &parts))
}

fn m_split(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    split_impl(ts, args, kw, false)
}

fn m_rsplit(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    split_impl(ts, args, kw, true)
}

fn m_splitlines(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("str.splitlines($self, /, keepends=False)");
    let [sv, keep] = SIG.bind(ts, args, kw)?;
    let s = this(ts, sv)?;
    let keep = match keep.non_null() {
        Some(k) => keep_flag(ts, k)?,
        None => false,
    };
    let text = s.as_wtf8();
    let mut parts: Vec<&[u8]> = Vec::new();
    let mut start = 0;
    let mut it = code_points(text);
    loop {
        let i = it.offset();
        let Some(cp) = it.next() else { break };
        if is_linebreak(cp) {
            let mut end = it.offset();
            if cp == 0x0D && text.get(end) == Some(&b'\n') {
                it.next();
                end += 1;
            }
            parts.push(if keep {
                &text[start..end]
            } else {
                &text[start..i]
            });
            start = end;
        }
    }
    if start < text.len() {
        parts.push(&text[start..]);
    }
    Ok(list_of_pieces(ts, &parts))
}

/// `keepends` (an int, as CPython's `bool(accept={int})`).
pub(crate) fn keep_flag(ts: &mut ThreadState, k: Value) -> PyResult<bool> {
    if let Some(b) = k.as_bool() {
        return Ok(b);
    }
    if k.as_float().is_some() {
        return Err(ts.type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = ops::index(ts, k)?;
    Ok(crate::objects::int::to_i64_saturating(i) != 0)
}

fn strip_impl(ts: &mut ThreadState, args: &[Value], kw: Kw, which: u8) -> PyResult<Value> {
    static STRIP: Sig = Sig::new("str.strip($self, chars=None, /)");
    static LSTRIP: Sig = Sig::new("str.lstrip($self, chars=None, /)");
    static RSTRIP: Sig = Sig::new("str.rstrip($self, chars=None, /)");
    let (sig, name, left, right) = match which {
        0 => (&STRIP, "strip", true, true),
        1 => (&LSTRIP, "lstrip", true, false),
        _ => (&RSTRIP, "rstrip", false, true),
    };
    let [sv, chars] = sig.bind(ts, args, kw)?;
    let s = this(ts, sv)?;
    let text = s.as_wtf8();
    // The characters to strip: whitespace, an ASCII set as a bitmap (the
    // usual `w.strip(",.;:")`: nothing allocated), or any code points.
    enum Chars {
        Space,
        Ascii(u128),
        Any(Vec<u32>),
    }
    let set = match chars.non_null().filter(|v| !v.is_none()) {
        None => Chars::Space,
        Some(c) => match c.downcast::<StrObj>() {
            Some(cs) if cs.as_wtf8().is_ascii() => {
                Chars::Ascii(cs.as_wtf8().iter().fold(0u128, |m, &c| m | 1u128 << c))
            }
            Some(cs) => Chars::Any(cs.code_points().collect()),
            None => return Err(ts.type_error(format!("{name} arg must be None or str"))),
        },
    };
    let strip_it = |cp: u32| match &set {
        Chars::Space => cp_isspace(cp),
        Chars::Ascii(m) => cp < 128 && m & (1u128 << cp) != 0,
        Chars::Any(v) => v.contains(&cp),
    };
    let mut a = 0;
    if left {
        let mut it = code_points(text);
        loop {
            let off = it.offset();
            match it.next() {
                Some(cp) if strip_it(cp) => {}
                _ => {
                    a = off;
                    break;
                }
            }
        }
    }
    let mut b = text.len();
    if right {
        while b > a {
            let mut k = b - 1;
            while k > a && text[k] & 0xC0 == 0x80 {
                k -= 1;
            }
            if strip_it(cp_at(text, k).0) {
                b = k;
            } else {
                break;
            }
        }
    }
    if a == 0 && b == text.len() {
        return Ok(same_or_copy(ts, sv, s));
    }
    Ok(new_str_wtf8(ts, &text[a..b]))
}

fn m_strip(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    strip_impl(ts, args, kw, 0)
}
fn m_lstrip(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    strip_impl(ts, args, kw, 1)
}
fn m_rstrip(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    strip_impl(ts, args, kw, 2)
}

fn m_replace(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("str.replace($self, old, new, count=-1, /)");
    let [sv, ov, nv, cv] = SIG.bind(ts, args, kw)?;
    let s = this(ts, sv)?;
    let old = arg_str(ts, ov, "replace() argument 1")?;
    let new = arg_str(ts, nv, "replace() argument 2")?;
    let count = match cv.non_null() {
        Some(c) => ops::index_to_i64(ts, c)?,
        None => -1,
    };
    let text = s.as_wtf8();
    let (ob, nb) = (old.as_wtf8(), new.as_wtf8());
    if count == 0 || (ob.is_empty() && nb.is_empty()) || (ob == nb) {
        return Ok(same_or_copy(ts, sv, s));
    }
    let mut out: Vec<u8> = Vec::with_capacity(text.len());
    let mut n = 0i64;
    if ob.is_empty() {
        // Insert `new` between characters (and at both ends).
        let mut it = code_points(text);
        loop {
            if count < 0 || n < count {
                out.extend_from_slice(nb);
                n += 1;
            } else {
                out.extend_from_slice(&text[it.offset()..]);
                break;
            }
            let st = it.offset();
            if it.next().is_none() {
                break;
            }
            out.extend_from_slice(&text[st..it.offset()]);
        }
    } else {
        let mut i = 0;
        while count < 0 || n < count {
            match bytes_find(&text[i..], ob) {
                Some(j) => {
                    out.extend_from_slice(&text[i..i + j]);
                    out.extend_from_slice(nb);
                    i += j + ob.len();
                    n += 1;
                }
                None => break,
            }
        }
        if n == 0 {
            return Ok(same_or_copy(ts, sv, s));
        }
        out.extend_from_slice(&text[i..]);
    }
    ts.check_alloc_size(out.len())?;
    Ok(new_str_wtf8(ts, &out))
}

// -- case mapping --

fn map_cps(s: &StrObj, f: impl Fn(char, &mut String)) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.byte_len());
    let mut buf = String::new();
    for cp in s.code_points() {
        match uni::as_char(cp) {
            Some(c) => {
                buf.clear();
                f(c, &mut buf);
                out.extend_from_slice(buf.as_bytes());
            }
            None => push_cp(&mut out, cp),
        }
    }
    out
}

/// The lowercase of `c` at position `i` of `cps`, with the final-sigma
/// rule CPython applies (Σ becomes ς at the end of a word).
fn push_lower_at(buf: &mut String, c: char, cps: &[u32], i: usize) {
    if c != 'Σ' {
        buf.extend(c.to_lowercase());
        return;
    }
    let ignorable = |cp: u32| {
        matches!(
            cp,
            0x27 | 0x2E
                | 0x3A
                | 0x5E
                | 0x60
                | 0xA8
                | 0xAD
                | 0xAF
                | 0xB4
                | 0xB7
                | 0xB8
                | 0x2019
                | 0x300..=0x36F
        )
    };
    let before = cps[..i]
        .iter()
        .rev()
        .find(|&&p| !ignorable(p))
        .is_some_and(|&p| cp_cased(p));
    let after = cps[i + 1..]
        .iter()
        .find(|&&p| !ignorable(p))
        .is_some_and(|&p| cp_cased(p));
    buf.push(if before && !after { 'ς' } else { 'σ' });
}

fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase() || matches!(c, 'ǅ' | 'ǈ' | 'ǋ' | 'ǲ')
}

fn cp_cased(cp: u32) -> bool {
    uni::as_char(cp).is_some_and(is_cased)
}

fn no_args(ts: &mut ThreadState, args: &[Value], kw: Kw, sig: &Sig) -> PyResult<Gc<StrObj>> {
    let [sv] = sig.bind(ts, args, kw)?;
    this(ts, sv)
}

static UPPER: Sig = Sig::new("str.upper($self, /)");
static LOWER: Sig = Sig::new("str.lower($self, /)");
static TITLE: Sig = Sig::new("str.title($self, /)");
static CAPITALIZE: Sig = Sig::new("str.capitalize($self, /)");
static SWAPCASE: Sig = Sig::new("str.swapcase($self, /)");
static CASEFOLD: Sig = Sig::new("str.casefold($self, /)");
static ISDIGIT: Sig = Sig::new("str.isdigit($self, /)");
static ISDECIMAL: Sig = Sig::new("str.isdecimal($self, /)");
static ISNUMERIC: Sig = Sig::new("str.isnumeric($self, /)");
static ISALPHA: Sig = Sig::new("str.isalpha($self, /)");
static ISALNUM: Sig = Sig::new("str.isalnum($self, /)");
static ISSPACE: Sig = Sig::new("str.isspace($self, /)");
static ISUPPER: Sig = Sig::new("str.isupper($self, /)");
static ISLOWER: Sig = Sig::new("str.islower($self, /)");
static ISTITLE: Sig = Sig::new("str.istitle($self, /)");
static ISASCII: Sig = Sig::new("str.isascii($self, /)");
static ISPRINTABLE: Sig = Sig::new("str.isprintable($self, /)");
static ISIDENTIFIER: Sig = Sig::new("str.isidentifier($self, /)");

fn m_upper(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = no_args(ts, args, kw, &UPPER)?;
    if !s.has_surrogates() {
        let o = s.as_str().to_uppercase();
        return Ok(new_str(ts, &o));
    }
    let o = map_cps(&s, |c, out| out.extend(c.to_uppercase()));
    Ok(new_str_wtf8(ts, &o))
}

fn m_lower(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = no_args(ts, args, kw, &LOWER)?;
    if !s.has_surrogates() {
        let o = s.as_str().to_lowercase();
        return Ok(new_str(ts, &o));
    }
    let o = map_cps(&s, |c, out| out.extend(c.to_lowercase()));
    Ok(new_str_wtf8(ts, &o))
}

fn m_title(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = no_args(ts, args, kw, &TITLE)?;
    let mut out = Vec::with_capacity(s.byte_len());
    let mut prev_cased = false;
    let mut buf = String::new();
    let cps_all: Vec<u32> = s.code_points().collect();
    for (idx, &cp) in cps_all.iter().enumerate() {
        match uni::as_char(cp) {
            Some(c) => {
                buf.clear();
                if prev_cased {
                    push_lower_at(&mut buf, c, &cps_all, idx);
                } else {
                    uni::push_title(&mut buf, c);
                }
                out.extend_from_slice(buf.as_bytes());
                prev_cased = is_cased(c);
            }
            None => {
                push_cp(&mut out, cp);
                prev_cased = false;
            }
        }
    }
    Ok(new_str_wtf8(ts, &out))
}

fn m_capitalize(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = no_args(ts, args, kw, &CAPITALIZE)?;
    let mut out = Vec::with_capacity(s.byte_len());
    let mut buf = String::new();
    let cps_all: Vec<u32> = s.code_points().collect();
    for (i, &cp) in cps_all.iter().enumerate() {
        match uni::as_char(cp) {
            Some(c) => {
                buf.clear();
                if i == 0 {
                    uni::push_title(&mut buf, c);
                } else {
                    push_lower_at(&mut buf, c, &cps_all, i);
                }
                out.extend_from_slice(buf.as_bytes());
            }
            None => push_cp(&mut out, cp),
        }
    }
    Ok(new_str_wtf8(ts, &out))
}

fn m_swapcase(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = no_args(ts, args, kw, &SWAPCASE)?;
    let cps: Vec<u32> = s.code_points().collect();
    let mut o = Vec::with_capacity(s.byte_len());
    let mut buf = String::new();
    for (i, &cp) in cps.iter().enumerate() {
        match uni::as_char(cp) {
            Some(c) => {
                buf.clear();
                if c.is_uppercase() {
                    push_lower_at(&mut buf, c, &cps, i);
                } else if c.is_lowercase() {
                    buf.extend(c.to_uppercase());
                } else {
                    buf.push(c);
                }
                o.extend_from_slice(buf.as_bytes());
            }
            None => push_cp(&mut o, cp),
        }
    }
    Ok(new_str_wtf8(ts, &o))
}

fn m_casefold(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = no_args(ts, args, kw, &CASEFOLD)?;
    let o = map_cps(&s, |c, out| uni::push_casefold(out, c));
    Ok(new_str_wtf8(ts, &o))
}

fn pad_impl(ts: &mut ThreadState, args: &[Value], kw: Kw, mode: u8) -> PyResult<Value> {
    static LJUST: Sig = Sig::new("str.ljust($self, width, fillchar=' ', /)");
    static RJUST: Sig = Sig::new("str.rjust($self, width, fillchar=' ', /)");
    static CENTER: Sig = Sig::new("str.center($self, width, fillchar=' ', /)");
    let sig = match mode {
        0 => &LJUST,
        1 => &RJUST,
        _ => &CENTER,
    };
    let [sv, wv, fv] = sig.bind(ts, args, kw)?;
    let s = this(ts, sv)?;
    let width = ops::index_to_i64(ts, wv)?;
    let fill: u32 = match fv.non_null() {
        Some(f) => {
            let Some(fs) = f.downcast::<StrObj>() else {
                return Err(ts.type_error(format!(
                    "The fill character must be a unicode character, not {}",
                    type_name(f)
                )));
            };
            if fs.char_len() != 1 {
                return Err(ts.type_error("The fill character must be exactly one character long"));
            }
            fs.char_at(0)
        }
        None => 0x20,
    };
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(same_or_copy(ts, sv, s));
    }
    let total = (width - len) as usize;
    let mut fb = Vec::new();
    push_cp(&mut fb, fill);
    ts.check_alloc_size(total.saturating_mul(fb.len()))?;
    let (left, right) = match mode {
        0 => (0, total),
        1 => (total, 0),
        _ => {
            // CPython's centering: the extra space goes left when the
            // width is odd.
            let left = total / 2 + (total & width as usize & 1);
            (left, total - left)
        }
    };
    let mut out = Vec::with_capacity(s.byte_len() + total * fb.len());
    for _ in 0..left {
        out.extend_from_slice(&fb);
    }
    out.extend_from_slice(s.as_wtf8());
    for _ in 0..right {
        out.extend_from_slice(&fb);
    }
    Ok(new_str_wtf8(ts, &out))
}

fn m_ljust(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    pad_impl(ts, args, kw, 0)
}
fn m_rjust(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    pad_impl(ts, args, kw, 1)
}
fn m_center(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    pad_impl(ts, args, kw, 2)
}

fn m_zfill(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("str.zfill($self, width, /)");
    let [sv, wv] = SIG.bind(ts, args, kw)?;
    let s = this(ts, sv)?;
    let width = ops::index_to_i64(ts, wv)?;
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(same_or_copy(ts, sv, s));
    }
    ts.check_alloc_size(width as usize)?;
    let text = s.as_wtf8();
    let (sign, rest) = match text.first() {
        Some(&c @ (b'+' | b'-')) => (Some(c), &text[1..]),
        _ => (None, text),
    };
    let mut out = Vec::with_capacity(width as usize + text.len());
    if let Some(c) = sign {
        out.push(c);
    }
    out.extend(std::iter::repeat_n(b'0', (width - len) as usize));
    out.extend_from_slice(rest);
    Ok(new_str_wtf8(ts, &out))
}

fn partition_impl(ts: &mut ThreadState, args: &[Value], kw: Kw, rev: bool) -> PyResult<Value> {
    static PART: Sig = Sig::new("str.partition($self, sep, /)");
    static RPART: Sig = Sig::new("str.rpartition($self, sep, /)");
    let [sv, sepv] = if rev { &RPART } else { &PART }.bind(ts, args, kw)?;
    let s = this(ts, sv)?;
    let Some(sep) = sepv.downcast::<StrObj>() else {
        return Err(ts.type_error(format!("must be str, not {}", type_name(sepv))));
    };
    if sep.byte_len() == 0 {
        return Err(ts.value_error("empty separator"));
    }
    let text = s.as_wtf8();
    let found = if rev {
        Txt::of(&s).rfind(Txt::of(&sep))
    } else {
        Txt::of(&s).find(Txt::of(&sep))
    };
    let mut vals = [Value::NONE; 3];
    match found {
        Some(i) => {
            vals[0] = new_str_wtf8(ts, &text[..i]);
            vals[1] = same_or_copy(ts, sepv, sep);
            vals[2] = new_str_wtf8(ts, &text[i + sep.byte_len()..]);
        }
        None => {
            let whole = same_or_copy(ts, sv, s);
            let empty = new_str(ts, "");
            vals = if rev {
                [empty, empty, whole]
            } else {
                [whole, empty, empty]
            };
        }
    }
    Ok(TupleObj::new(ts, &vals).value())
}

fn m_partition(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    partition_impl(ts, args, kw, false)
}
fn m_rpartition(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    partition_impl(ts, args, kw, true)
}

fn pred(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Kw,
    sig: &Sig,
    empty: bool,
    f: impl Fn(&StrObj) -> bool,
) -> PyResult<Value> {
    let s = no_args(ts, args, kw, sig)?;
    if s.byte_len() == 0 {
        return Ok(Value::from_bool(empty));
    }
    Ok(Value::from_bool(f(&s)))
}

fn all_chars(s: &StrObj, f: impl Fn(char) -> bool) -> bool {
    s.code_points().all(|cp| uni::as_char(cp).is_some_and(&f))
}

fn is_decimal_char(c: char) -> bool {
    uni::decimal_value(c).is_some()
}

fn is_digit_char(c: char) -> bool {
    is_decimal_char(c)
        || matches!(c, '²' | '³' | '¹' | '⁰'..='⁹' | '₀'..='₉' | '①'..='⑨' | '⑴'..='⑼' | '⒈'..='⒐' | '⓵'..='⓽' | '❶'..='❾' | '➀'..='➈' | '➊'..='➒' | '⓪' | '⓿' | '🄀'..='🄊')
}

fn m_isdigit(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    pred(ts, args, kw, &ISDIGIT, false, |s| {
        all_chars(s, is_digit_char)
    })
}
fn m_isdecimal(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    pred(ts, args, kw, &ISDECIMAL, false, |s| {
        all_chars(s, is_decimal_char)
    })
}
fn m_isnumeric(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    pred(ts, args, kw, &ISNUMERIC, false, |s| {
        all_chars(s, |c| c.is_numeric() || is_digit_char(c))
    })
}
fn m_isalpha(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    pred(ts, args, kw, &ISALPHA, false, |s| {
        all_chars(s, |c| c.is_alphabetic() && !c.is_numeric())
    })
}
fn m_isalnum(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    pred(ts, args, kw, &ISALNUM, false, |s| {
        all_chars(s, |c| c.is_alphanumeric() || is_digit_char(c))
    })
}
fn m_isspace(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    pred(ts, args, kw, &ISSPACE, false, |s| all_chars(s, py_isspace))
}
fn m_isupper(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    pred(ts, args, kw, &ISUPPER, false, |s| {
        s.code_points().any(cp_cased)
            && s.code_points().all(|cp| {
                uni::as_char(cp)
                    .is_none_or(|c| !c.is_lowercase() && !matches!(c, 'ǅ' | 'ǈ' | 'ǋ' | 'ǲ'))
            })
    })
}
fn m_islower(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    pred(ts, args, kw, &ISLOWER, false, |s| {
        s.code_points().any(cp_cased)
            && s.code_points().all(|cp| {
                uni::as_char(cp)
                    .is_none_or(|c| !c.is_uppercase() && !matches!(c, 'ǅ' | 'ǈ' | 'ǋ' | 'ǲ'))
            })
    })
}
fn m_istitle(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    pred(ts, args, kw, &ISTITLE, false, |s| {
        let mut prev_cased = false;
        let mut any = false;
        for cp in s.code_points() {
            let Some(c) = uni::as_char(cp) else {
                prev_cased = false;
                continue;
            };
            let upperish = c.is_uppercase() || matches!(c, 'ǅ' | 'ǈ' | 'ǋ' | 'ǲ');
            if upperish {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else if c.is_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else {
                prev_cased = false;
            }
        }
        any
    })
}
fn m_isascii(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    pred(ts, args, kw, &ISASCII, true, |s| s.is_ascii())
}
fn m_isprintable(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    pred(ts, args, kw, &ISPRINTABLE, true, |s| {
        all_chars(s, uni::is_printable)
    })
}

/// Python's `str.isidentifier` (XID_Start then XID_Continue, approximated
/// from Rust's alphabetic / alphanumeric properties and the marks).
pub fn is_identifier(s: &StrObj) -> bool {
    let mut cs = s.code_points();
    let start_ok =
        |c: char| c == '_' || (c.is_alphabetic() && !c.is_numeric()) || c.is_alphabetic();
    match cs.next().and_then(uni::as_char) {
        Some(c) if start_ok(c) => cs.all(|cp| {
            uni::as_char(cp).is_some_and(|c| {
                c == '_'
                    || c.is_alphanumeric()
                    || is_decimal_char(c)
                    || matches!(c as u32, 0x300..=0x36F | 0x203F | 0x2040 | 0xB7)
            })
        }),
        _ => false,
    }
}

fn m_isidentifier(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    pred(ts, args, kw, &ISIDENTIFIER, false, is_identifier)
}

fn m_encode(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("str.encode($self, /, encoding='utf-8', errors='strict')");
    let [sv, ev, errv] = SIG.bind(ts, args, kw)?;
    let s = this(ts, sv)?;
    let enc = match ev.non_null() {
        Some(e) => Some(arg_str(ts, e, "encode() argument 'encoding'")?),
        None => None,
    };
    let errors = match errv.non_null() {
        Some(e) => Some(arg_str(ts, e, "encode() argument 'errors'")?),
        None => None,
    };
    crate::codecs::encode_value(ts, s, enc, errors)
}

fn m_expandtabs(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("str.expandtabs($self, /, tabsize=8)");
    let [sv, tv] = SIG.bind(ts, args, kw)?;
    let s = this(ts, sv)?;
    let tab = match tv.non_null() {
        Some(t) => ops::index_to_i64(ts, t)?,
        None => 8,
    };
    if tab > i32::MAX as i64 || tab < i32::MIN as i64 {
        return Err(ts.overflow_error("Python int too large to convert to C int"));
    }
    let text = s.as_wtf8();
    if !text.contains(&b'\t') {
        return Ok(same_or_copy(ts, sv, s));
    }
    let tabs = text.iter().filter(|&&b| b == b'\t').count();
    ts.check_alloc_size(
        tabs.saturating_mul(tab.max(0) as usize)
            .saturating_add(text.len()),
    )?;
    let mut out = Vec::with_capacity(text.len() + tabs * 8);
    let mut col = 0i64;
    let mut it = code_points(text);
    loop {
        let st = it.offset();
        let Some(cp) = it.next() else { break };
        match cp {
            0x09 => {
                if tab > 0 {
                    let n = tab - col % tab;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            0x0A | 0x0D => {
                out.push(cp as u8);
                col = 0;
            }
            _ => {
                out.extend_from_slice(&text[st..it.offset()]);
                col += 1;
            }
        }
    }
    Ok(new_str_wtf8(ts, &out))
}

fn m_removeprefix(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("str.removeprefix($self, prefix, /)");
    let [sv, pv] = SIG.bind(ts, args, kw)?;
    let s = this(ts, sv)?;
    let p = arg_str(ts, pv, "removeprefix() argument")?;
    match s.as_wtf8().strip_prefix(p.as_wtf8()) {
        Some(rest) if p.byte_len() > 0 => Ok(new_str_wtf8(ts, rest)),
        _ => Ok(same_or_copy(ts, sv, s)),
    }
}

fn m_removesuffix(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("str.removesuffix($self, suffix, /)");
    let [sv, pv] = SIG.bind(ts, args, kw)?;
    let s = this(ts, sv)?;
    let p = arg_str(ts, pv, "removesuffix() argument")?;
    match s.as_wtf8().strip_suffix(p.as_wtf8()) {
        Some(rest) if p.byte_len() > 0 => Ok(new_str_wtf8(ts, rest)),
        _ => Ok(same_or_copy(ts, sv, s)),
    }
}

fn m_maketrans(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("str.maketrans(x, y=<unrepresentable>, z=<unrepresentable>, /)");
    let [x, y, z] = SIG.bind(ts, args, kw)?;
    let d = crate::objects::dict::DictObj::new(ts);
    if y.is_null() {
        let Some(src) = x.downcast::<crate::objects::dict::DictObj>() else {
            return Err(
                ts.type_error("if you give only one argument to maketrans it must be a dict")
            );
        };
        let items = src.items_rooted(ts);
        for p in items.chunks(2) {
            let k = match p[0].downcast::<StrObj>() {
                Some(s) if s.char_len() == 1 => Value::small_int_unchecked(s.char_at(0) as i64),
                Some(_) => {
                    return Err(ts.value_error("string keys in translate table must be of length 1"))
                }
                None if crate::objects::int::is_int(p[0]) => p[0],
                None => {
                    return Err(ts.type_error("keys in translate table must be strings or integers"))
                }
            };
            d.set_item(ts, k, p[1])?;
        }
        return Ok(d.value());
    }
    let Some(ys) = y.downcast::<StrObj>() else {
        return Err(ts.type_error(format!(
            "maketrans() argument 2 must be str, not {}",
            type_name(y)
        )));
    };
    if let Some(z) = z.non_null() {
        if z.downcast::<StrObj>().is_none() {
            return Err(ts.type_error(format!(
                "maketrans() argument 3 must be str, not {}",
                type_name(z)
            )));
        }
    }
    let Some(xs) = x.downcast::<StrObj>() else {
        return Err(ts.type_error(
            "first maketrans argument must be a string if there is a second argument",
        ));
    };
    if xs.char_len() != ys.char_len() {
        return Err(ts.value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in xs.code_points().zip(ys.code_points()) {
        d.set_item(
            ts,
            Value::small_int_unchecked(a as i64),
            Value::small_int_unchecked(b as i64),
        )?;
    }
    if let Some(z) = z.non_null() {
        let Some(zs) = z.downcast::<StrObj>() else {
            return Err(ts.type_error(format!(
                "maketrans() argument 3 must be str, not {}",
                type_name(z)
            )));
        };
        for c in zs.code_points() {
            d.set_item(ts, Value::small_int_unchecked(c as i64), Value::NONE)?;
        }
    }
    Ok(d.value())
}

fn m_translate(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("str.translate($self, table, /)");
    let [sv, table] = SIG.bind(ts, args, kw)?;
    let s = this(ts, sv)?;
    let mut out: Vec<u8> = Vec::with_capacity(s.byte_len());
    let text = s.as_wtf8();
    let mut it = code_points(text);
    loop {
        let st = it.offset();
        let Some(c) = it.next() else { break };
        match ops::getitem(ts, table, Value::small_int_unchecked(c as i64)) {
            Ok(v) if v.is_none() => {}
            Ok(v) => {
                if let Some(vs) = v.downcast::<StrObj>() {
                    out.extend_from_slice(vs.as_wtf8());
                } else if crate::objects::int::is_int(v) {
                    match crate::objects::int::to_i64(v) {
                        Some(n) if (0..0x110000).contains(&n) => push_cp(&mut out, n as u32),
                        _ => {
                            return Err(
                                ts.value_error("character mapping must be in range(0x110000)")
                            )
                        }
                    }
                } else {
                    return Err(ts.type_error("character mapping must return integer, None or str"));
                }
            }
            Err(e) if e.matches(types().lookup_error) => {
                out.extend_from_slice(&text[st..it.offset()]);
            }
            Err(e) => return Err(e),
        }
    }
    Ok(new_str_wtf8(ts, &out))
}

fn m_format_spec(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("str.__format__($self, format_spec, /)");
    let [sv, spv] = SIG.bind(ts, args, kw)?;
    let s = this(ts, sv)?;
    let Some(spec) = spv.downcast::<StrObj>() else {
        return Err(ts.type_error(format!(
            "__format__() argument must be str, not {}",
            type_name(spv)
        )));
    };
    if spec.byte_len() == 0 {
        return Ok(same_or_copy(ts, sv, s));
    }
    if s.has_surrogates() {
        return format_wtf8(ts, &s, spec.as_str());
    }
    crate::format::format_str(ts, s.as_str(), spec.as_str())
}

/// `format(s, spec)` for a str with surrogates: the spec is checked by the
/// `&str` formatter (on the shadow text), then applied to the real text.
fn format_wtf8(ts: &mut ThreadState, s: &StrObj, spec: &str) -> PyResult<Value> {
    crate::format::format_str(ts, s.as_str(), spec)?;
    let sp = match crate::format::parse_spec(spec) {
        Ok(sp) => sp,
        Err(m) => return Err(ts.value_error(m)),
    };
    let n = sp.precision.unwrap_or(usize::MAX).min(s.char_len());
    let body = s.substr_wtf8(0, n);
    let mut fill = Vec::new();
    push_cp(&mut fill, sp.fill as u32);
    let pad = sp.width.saturating_sub(n);
    let (left, right) = match sp.align.unwrap_or('<') {
        '>' => (pad, 0),
        '^' => (pad / 2, pad - pad / 2),
        _ => (0, pad),
    };
    let mut out = Vec::with_capacity(body.len() + pad * fill.len());
    for _ in 0..left {
        out.extend_from_slice(&fill);
    }
    out.extend_from_slice(body);
    for _ in 0..right {
        out.extend_from_slice(&fill);
    }
    Ok(new_str_wtf8(ts, &out))
}

fn m_getnewargs(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("str.__getnewargs__($self, /)").without_text_signature();
    let [sv] = SIG.bind(ts, args, kw)?;
    let s = this(ts, sv)?;
    let c = new_str_wtf8(ts, s.as_wtf8());
    Ok(TupleObj::new(ts, &[c]).value())
}

fn m_sizeof(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("str.__sizeof__($self, /)");
    let [sv] = SIG.bind(ts, args, kw)?;
    let s = this(ts, sv)?;
    let n = s.char_len() as i64 + 1;
    let size = if s.is_ascii() {
        48 + n
    } else {
        let max = s.code_points().max().unwrap_or(0);
        let unit = if max < 0x100 {
            1
        } else if max < 0x10000 {
            2
        } else {
            4
        };
        72 + unit * n
    };
    Ok(Value::small_int_unchecked(size))
}

/// `str.format(*args, **kwargs)`.
fn m_format(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let Some(&sv) = args.first() else {
        return Err(ts.type_error("descriptor 'format' of 'str' object needs an argument"));
    };
    let s = this(ts, sv)?;
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    let pos = &args[1..args.len() - nkw];
    let kwd = crate::objects::dict::DictObj::new(ts);
    if let Some(k) = kw {
        for (i, &n) in k.items().iter().enumerate() {
            kwd.set_item(ts, n, args[args.len() - nkw + i])?;
        }
    }
    let mut st = FmtState {
        auto: 0,
        manual: false,
    };
    let tpl: Vec<u32> = s.code_points().collect();
    let out = format_template(ts, &tpl, pos, kwd.value(), &mut st, 2)?;
    Ok(new_str_wtf8(ts, &out))
}

fn m_format_map(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("str.format_map($self, mapping, /)").without_text_signature();
    let [sv, mapping] = SIG.bind(ts, args, kw)?;
    let s = this(ts, sv)?;
    let mut st = FmtState {
        auto: 0,
        manual: false,
    };
    let tpl: Vec<u32> = s.code_points().collect();
    let out = format_template(ts, &tpl, &[], mapping, &mut st, 2)?;
    Ok(new_str_wtf8(ts, &out))
}

struct FmtState {
    auto: usize,
    manual: bool,
}

fn cps_to_string(cps: &[u32]) -> String {
    cps.iter()
        .map(|&c| uni::as_char(c).unwrap_or('\u{FFFD}'))
        .collect()
}

fn cps_value(ts: &mut ThreadState, cps: &[u32]) -> Value {
    new_str_from_cps(ts, cps)
}

fn all_digits(cps: &[u32]) -> bool {
    !cps.is_empty() && cps.iter().all(|&c| (0x30..=0x39).contains(&c))
}

fn parse_index(ts: &mut ThreadState, cps: &[u32]) -> PyResult<usize> {
    let mut n: usize = 0;
    for &c in cps {
        n = match n
            .checked_mul(10)
            .and_then(|n| n.checked_add((c - 0x30) as usize))
        {
            Some(n) if n <= isize::MAX as usize => n,
            _ => return Err(ts.value_error("Too many decimal digits in format string")),
        };
    }
    Ok(n)
}

/// The `str.format` template language over code points.
fn format_template(
    ts: &mut ThreadState,
    tpl: &[u32],
    pos: &[Value],
    mapping: Value,
    st: &mut FmtState,
    depth: u32,
) -> PyResult<Vec<u8>> {
    const LB: u32 = '{' as u32;
    const RB: u32 = '}' as u32;
    if depth == 0 {
        return Err(ts.value_error("Max string recursion exceeded"));
    }
    let mut out: Vec<u8> = Vec::with_capacity(tpl.len());
    let mut i = 0;
    while i < tpl.len() {
        let c = tpl[i];
        if c == RB {
            if tpl.get(i + 1) == Some(&RB) {
                out.push(b'}');
                i += 2;
                continue;
            }
            return Err(ts.value_error("Single '}' encountered in format string"));
        }
        if c != LB {
            push_cp(&mut out, c);
            i += 1;
            continue;
        }
        if tpl.get(i + 1) == Some(&LB) {
            out.push(b'{');
            i += 2;
            continue;
        }
        if i + 1 == tpl.len() {
            return Err(ts.value_error("Single '{' encountered in format string"));
        }
        // The field name (up to '}', ':' or '!') takes no '{' outside
        // its brackets (CPython's parse_field).
        let mut k = i + 1;
        while k < tpl.len() {
            match tpl[k] {
                LB => return Err(ts.value_error("unexpected '{' in field name")),
                0x5B => {
                    while k < tpl.len() && tpl[k] != 0x5D {
                        k += 1;
                    }
                }
                RB | 0x3A | 0x21 => break,
                _ => {}
            }
            k += 1;
        }
        // Find the matching close brace (nested braces allowed in spec).
        let mut j = i + 1;
        let mut nest = 1;
        let mut in_brackets = false;
        while j < tpl.len() {
            match tpl[j] {
                0x5B if nest == 1 => in_brackets = true,
                0x5D if nest == 1 => in_brackets = false,
                LB if !in_brackets => nest += 1,
                RB if !in_brackets => {
                    nest -= 1;
                    if nest == 0 {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        if j >= tpl.len() {
            let (_, rest) = split_field(&tpl[i + 1..]);
            return Err(ts.value_error(if rest.is_empty() {
                "expected '}' before end of string"
            } else {
                "unmatched '{' in format spec"
            }));
        }
        let field = &tpl[i + 1..j];
        i = j + 1;
        // field_name[!conv][:spec]
        let (name_part, rest) = split_field(field);
        let (conv, spec): (Option<u32>, &[u32]) = match rest.first() {
            Some(&0x21) => {
                let r = &rest[1..];
                match r {
                    [] => return Err(ts.value_error("unmatched '{' in format spec")),
                    [cv] => (Some(*cv), &[]),
                    [cv, 0x3A, sp @ ..] => (Some(*cv), sp),
                    _ => return Err(ts.value_error("expected ':' after conversion specifier")),
                }
            }
            Some(&0x3A) => (None, &rest[1..]),
            _ => (None, &[]),
        };
        // Resolve the field.
        let first_end = name_part
            .iter()
            .position(|&c| c == 0x2E || c == 0x5B)
            .unwrap_or(name_part.len());
        let (first, tail) = name_part.split_at(first_end);
        let mut v = if first.is_empty() {
            if st.manual {
                return Err(ts.value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            let n = st.auto;
            st.auto += 1;
            match pos.get(n) {
                Some(&v) => v,
                None => {
                    return Err(ts.index_error(format!(
                        "Replacement index {n} out of range for positional args tuple"
                    )))
                }
            }
        } else if all_digits(first) {
            let n = parse_index(ts, first)?;
            if st.auto > 0 {
                return Err(ts.value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            st.manual = true;
            match pos.get(n) {
                Some(&v) => v,
                None => {
                    return Err(ts.index_error(format!(
                        "Replacement index {n} out of range for positional args tuple"
                    )))
                }
            }
        } else {
            let k = cps_value(ts, first);
            ops::getitem(ts, mapping, k)?
        };
        // .attr and [key] accessors.
        let mut t = tail;
        while let Some((&c0, r)) = t.split_first() {
            if c0 == 0x2E {
                let end = r
                    .iter()
                    .position(|&c| c == 0x2E || c == 0x5B)
                    .unwrap_or(r.len());
                if end == 0 {
                    return Err(ts.value_error("Empty attribute in format string"));
                }
                let name = cps_to_string(&r[..end]);
                let n = crate::interp::intern(ts, &name);
                v = ops::getattr(ts, v, n)?;
                t = &r[end..];
            } else if c0 == 0x5B {
                let Some(end) = r.iter().position(|&c| c == 0x5D) else {
                    return Err(ts.value_error("Missing ']' in format string"));
                };
                let key = &r[..end];
                if key.is_empty() {
                    return Err(ts.value_error("Empty attribute in format string"));
                }
                let kv = if all_digits(key) {
                    let n = parse_index(ts, key)?;
                    Value::small_int_unchecked(n as i64)
                } else {
                    cps_value(ts, key)
                };
                v = ops::getitem(ts, v, kv)?;
                t = &r[end + 1..];
                if let Some(&n) = t.first() {
                    if n != 0x2E && n != 0x5B {
                        return Err(ts.value_error(
                            "Only '.' or '[' may follow ']' in format field specifier",
                        ));
                    }
                }
            } else {
                return Err(
                    ts.value_error("Only '.' or '[' may follow ']' in format field specifier")
                );
            }
        }
        v = match conv {
            None => v,
            Some(0x72) => ops::repr(ts, v)?.value(),
            Some(0x73) => ops::str_(ts, v)?.value(),
            Some(0x61) => {
                let a = crate::builtins::ascii_of(ts, v)?;
                StrObj::new(ts, &a)
            }
            Some(c) => {
                let shown = uni::as_char(c).unwrap_or('\u{FFFD}');
                return Err(if (0x20..0x7F).contains(&c) {
                    ts.value_error(format!("Unknown conversion specifier {shown}"))
                } else {
                    ts.value_error(format!("Unknown conversion specifier \\x{c:x}"))
                });
            }
        };
        let spec_v = if spec.contains(&LB) {
            let sb = format_template(ts, spec, pos, mapping, st, depth - 1)?;
            new_str_wtf8(ts, &sb)
        } else {
            cps_value(ts, spec)
        };
        let Some(sp) = spec_v.downcast::<StrObj>() else {
            continue;
        };
        let r = ops::format(ts, v, sp)?;
        out.extend_from_slice(r.as_wtf8());
    }
    Ok(out)
}

/// Splits `name!conv:spec` at the first `!` or `:` outside brackets.
fn split_field(f: &[u32]) -> (&[u32], &[u32]) {
    let mut in_brackets = false;
    for (i, &c) in f.iter().enumerate() {
        match c {
            0x5B => in_brackets = true,
            0x5D => in_brackets = false,
            0x21 | 0x3A if !in_brackets => return (&f[..i], &f[i..]),
            _ => {}
        }
    }
    (f, &[])
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let ty = t.str;
    let s = &ty.slots;
    s.repr.set(Some(str_repr));
    s.str.set(Some(str_str));
    s.hash.set(Some(str_hash));
    s.richcompare.set(Some(str_richcompare));
    s.len.set(Some(str_len));
    s.bool.set(Some(str_bool));
    s.getitem.set(Some(str_getitem));
    s.contains.set(Some(str_contains));
    s.iter.set(Some(str_iter));
    s.new.set(Some(str_new));
    s.nb[BinaryOp::Add as usize].set(Some(str_add));
    s.nb[BinaryOp::Multiply as usize].set(Some(str_mul));
    s.nb[BinaryOp::Remainder as usize].set(Some(str_mod));
    add_methods(
        ts,
        ty,
        &[
            method("find", m_find),
            method("rfind", m_rfind),
            method("index", m_index),
            method("rindex", m_rindex),
            method("count", m_count),
            method("startswith", m_startswith),
            method("endswith", m_endswith),
            method("join", m_join),
            method("split", m_split),
            method("rsplit", m_rsplit),
            method("splitlines", m_splitlines),
            method("strip", m_strip),
            method("lstrip", m_lstrip),
            method("rstrip", m_rstrip),
            method("replace", m_replace),
            method("upper", m_upper),
            method("lower", m_lower),
            method("title", m_title),
            method("capitalize", m_capitalize),
            method("swapcase", m_swapcase),
            method("casefold", m_casefold),
            method("ljust", m_ljust),
            method("rjust", m_rjust),
            method("center", m_center),
            method("zfill", m_zfill),
            method("partition", m_partition),
            method("rpartition", m_rpartition),
            method("isdigit", m_isdigit),
            method("isdecimal", m_isdecimal),
            method("isnumeric", m_isnumeric),
            method("isalpha", m_isalpha),
            method("isalnum", m_isalnum),
            method("isspace", m_isspace),
            method("isupper", m_isupper),
            method("islower", m_islower),
            method("istitle", m_istitle),
            method("isascii", m_isascii),
            method("isprintable", m_isprintable),
            method("isidentifier", m_isidentifier),
            method("encode", m_encode),
            method("expandtabs", m_expandtabs),
            method("removeprefix", m_removeprefix),
            method("removesuffix", m_removesuffix),
            staticmethod("maketrans", m_maketrans),
            method("translate", m_translate),
            method("format", m_format),
            method("format_map", m_format_map),
            method("__format__", m_format_spec),
            method("__getnewargs__", m_getnewargs),
            method("__sizeof__", m_sizeof),
        ],
    );
}
