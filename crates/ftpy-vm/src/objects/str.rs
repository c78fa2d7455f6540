//! `str`: immutable text, stored as UTF-8 inline in the object.
//!
//! ```text
//! +--------+------------+-----------+------------+------------------+
//! | Header | hash (i64) | len       | byte_len   | UTF-8 bytes ...  |
//! +--------+------------+-----------+------------+------------------+
//!   aux bit 0: all ASCII; bit 1: interned
//! ```
//!
//! Python indexes strings by code point. For an ASCII string (the common
//! case) the byte offset is the index; otherwise indexing walks the UTF-8
//! (`char_offset`). The hash is computed on first use (SipHash-1-3 over
//! CPython's canonical representation, so hashes match CPython's for the
//! same `PYTHONHASHSEED`) and cached with a racy but idempotent store.
//!
//! Strings are immutable after construction: shared freely between
//! threads without locks.

use std::sync::atomic::{AtomicI64, Ordering};

use crate::error::PyResult;
use crate::gc::Marker;
use crate::interp::types;
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::thread::ThreadState;
use crate::value::Value;

const AUX_ASCII: u32 = 1;
const AUX_INTERNED: u32 = 2;

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
        let bytes = s.as_bytes();
        let size = std::mem::size_of::<StrObj>() + bytes.len();
        let ascii = s.is_ascii();
        let len = if ascii {
            bytes.len()
        } else {
            s.chars().count()
        };
        let attrs = ty.attrs_offset as usize;
        // A str subclass instance keeps its attribute store after the text.
        let total = if attrs != 0 {
            size.div_ceil(8) * 8 + crate::objects::instance::ATTR_STORE_SIZE
        } else {
            size
        };
        let g = ts.alloc_var(total, |p: *mut StrObj| {
            // SAFETY: `p` has room for the header, fields and the text.
            unsafe {
                p.write(StrObj {
                    header: Header::new(ty, Kind::Str, 0),
                    hash: AtomicI64::new(-1),
                    len,
                    byte_len: bytes.len(),
                    data: [],
                });
                std::ptr::copy_nonoverlapping(
                    bytes.as_ptr(),
                    (p as *mut u8).add(std::mem::size_of::<StrObj>()),
                    bytes.len(),
                );
            }
        });
        if ascii {
            g.header.set_aux(AUX_ASCII);
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

    /// The text.
    #[inline(always)]
    pub fn as_str(&self) -> &str {
        // SAFETY: the bytes after the fields are the UTF-8 text written by
        // `alloc_typed` from a `&str`, immutable since.
        unsafe {
            let p = (self as *const StrObj as *const u8).add(std::mem::size_of::<StrObj>());
            std::str::from_utf8_unchecked(std::slice::from_raw_parts(p, self.byte_len))
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
        let h = crate::hash::hash_str(self.as_str(), self.is_ascii());
        self.hash.store(h, Ordering::Relaxed);
        h
    }

    /// Byte offset of code point `i` (`i <= len`).
    #[inline]
    pub fn char_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            return i;
        }
        let s = self.as_str();
        match s.char_indices().nth(i) {
            Some((b, _)) => b,
            None => s.len(),
        }
    }

    /// The code point at index `i` (`i < len`).
    #[inline]
    pub fn char_at(&self, i: usize) -> char {
        if self.is_ascii() {
            return self.as_str().as_bytes()[i] as char;
        }
        self.as_str().chars().nth(i).unwrap_or('\0')
    }

    /// The substring of code points `start..end`.
    pub fn substr(&self, start: usize, end: usize) -> &str {
        let s = self.as_str();
        if self.is_ascii() {
            return &s[start..end];
        }
        let a = self.char_offset(start);
        let b = a + s[a..]
            .char_indices()
            .nth(end - start)
            .map(|(b, _)| b)
            .unwrap_or(s.len() - a);
        &s[a..b]
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
        self.as_str() == other.as_str()
    }
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

/// The interned one-character ASCII strs, filled on first use.
static ASCII_CHARS: [std::sync::atomic::AtomicU64; 128] =
    [const { std::sync::atomic::AtomicU64::new(0) }; 128];

/// `repr()` of a str, CPython's quoting and escaping.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if (c as u32) < 0x7f => out.push(c),
            c if crate::unicode::is_printable(c) => out.push(c),
            c => {
                let n = c as u32;
                if n <= 0xff {
                    out.push_str(&format!("\\x{n:02x}"));
                } else if n <= 0xffff {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
        }
    }
    out.push(quote);
    out
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
use crate::interp::{interp, names, BuiltinTypes};
use crate::objects::slice::{normalize_index, SliceObj};
use crate::objects::tuple::{repeat_count, TupleObj};
use crate::objects::typeobj::{type_name, type_of, TypeObj};
use crate::objects::{add_methods, method, staticmethod};
use crate::ops;
use ftpy_compiler::{BinaryOp, CompareOp};

/// `a + b` for two strs.
pub fn concat(ts: &mut ThreadState, a: Gc<StrObj>, b: Gc<StrObj>) -> Value {
    if b.byte_len() == 0 && type_of(a.value()) == types().str {
        return a.value();
    }
    if a.byte_len() == 0 && type_of(b.value()) == types().str {
        return b.value();
    }
    let mut s = String::with_capacity(a.byte_len() + b.byte_len());
    s.push_str(a.as_str());
    s.push_str(b.as_str());
    new_str(ts, &s)
}

/// Python's `str.isspace` for one character.
pub fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
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

fn str_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let s = this(ts, v)?;
    let r = repr_str(s.as_str());
    Ok(StrObj::new(ts, &r))
}

fn str_str(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let s = this(ts, v)?;
    if type_of(v) == types().str {
        return Ok(v);
    }
    Ok(StrObj::new(ts, s.as_str()))
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
        _ => crate::objects::float::ordering_matches(x.as_str().cmp(y.as_str()), op),
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

fn one_char(ts: &mut ThreadState, c: char) -> Value {
    let mut buf = [0u8; 4];
    new_str(ts, c.encode_utf8(&mut buf))
}

fn str_getitem(ts: &mut ThreadState, v: Value, key: Value) -> PyResult<Value> {
    let s = this(ts, v)?;
    if let Some(sl) = key.downcast::<SliceObj>() {
        let (start, _, step, n) = sl.indices(ts, s.char_len() as i64)?;
        if step == 1 {
            let sub = s.substr(start as usize, start as usize + n);
            if n == s.char_len() && type_of(v) == types().str {
                return Ok(v);
            }
            return Ok(new_str(ts, sub));
        }
        let chars: Vec<char> = s.as_str().chars().collect();
        let out: String = (0..n)
            .map(|k| chars[(start + k as i64 * step) as usize])
            .collect();
        return Ok(new_str(ts, &out));
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
        Some(j) => Ok(one_char(ts, s.char_at(j))),
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
    Ok(s.as_str().contains(sub.as_str()))
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
    let a =
        crate::builtins::args::parse(ts, "str", args, kw, &["object", "encoding", "errors"], 0, 3)?;
    let text: String = match a.get(0) {
        None => String::new(),
        Some(o) => {
            if a.get(1).is_some() || a.get(2).is_some() {
                let Some(data) = crate::objects::bytes::bytes_data(o) else {
                    return Err(ts.type_error("decoding str is not supported"));
                };
                let enc = match a.get(1) {
                    Some(e) => arg_str(ts, e, "str() argument 'encoding'")?
                        .as_str()
                        .to_string(),
                    None => "utf-8".to_string(),
                };
                let errors = match a.get(2) {
                    Some(e) => arg_str(ts, e, "str() argument 'errors'")?
                        .as_str()
                        .to_string(),
                    None => "strict".to_string(),
                };
                crate::objects::bytes::decode(ts, &data, &enc, &errors)?
            } else {
                if cls == types().str {
                    return Ok(ops::str_(ts, o)?.value());
                }
                ops::str_(ts, o)?.as_str().to_string()
            }
        }
    };
    if cls == types().str {
        return Ok(new_str(ts, &text));
    }
    Ok(StrObj::alloc_typed(ts, cls, &text).value())
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
    Ok(new_str(ts, &s.as_str().repeat(n)))
}

fn str_mod(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let Some(s) = a.downcast::<StrObj>() else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    crate::format::percent_format(ts, s.as_str(), b)
}

// ---- methods ----------------------------------------------------------------------

type Kw = Option<Gc<TupleObj>>;

fn no_kw(ts: &mut ThreadState, name: &str, kw: Kw) -> PyResult<()> {
    crate::builtins::args::no_kwargs(ts, name, kw)
}

/// Optional `start`/`end` arguments as byte offsets into `s`.
fn span(
    ts: &mut ThreadState,
    s: &StrObj,
    start: Option<Value>,
    end: Option<Value>,
) -> PyResult<Option<(usize, usize)>> {
    let len = s.char_len() as i64;
    let norm = |v: i64| if v < 0 { (v + len).max(0) } else { v.min(len) };
    // As CPython's ADJUST_INDICES: a start past the end is kept (so that
    // `find("", len + 1)` is -1), the end is clamped.
    let a = match start.filter(|v| !v.is_none()) {
        Some(v) => {
            let v = ops::index_saturating(ts, v, "slice")?;
            if v < 0 {
                (v + len).max(0)
            } else {
                v
            }
        }
        None => 0,
    };
    let b = match end.filter(|v| !v.is_none()) {
        Some(v) => norm(ops::index_saturating(ts, v, "slice")?),
        None => len,
    };
    if a > b {
        return Ok(None);
    }
    Ok(Some((s.char_offset(a as usize), s.char_offset(b as usize))))
}

fn char_index_of(s: &StrObj, byte: usize) -> usize {
    if s.is_ascii() {
        byte
    } else {
        s.as_str()[..byte].chars().count()
    }
}

fn find_impl(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Kw,
    name: &str,
    rev: bool,
) -> PyResult<Option<usize>> {
    no_kw(ts, name, kw)?;
    let s = this(ts, args[0])?;
    crate::builtins::args::check_count(ts, name, &args[1..], 1, 3)?;
    let sub = arg_str(ts, args[1], "must be str")?;
    let Some((a, b)) = span(ts, &s, args.get(2).copied(), args.get(3).copied())? else {
        return Ok(None);
    };
    let hay = &s.as_str()[a..b];
    let r = if rev {
        hay.rfind(sub.as_str())
    } else {
        hay.find(sub.as_str())
    };
    Ok(r.map(|i| char_index_of(&s, a + i)))
}

fn m_find(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let r = find_impl(ts, args, kw, "find", false)?;
    Ok(Value::small_int_unchecked(
        r.map(|i| i as i64).unwrap_or(-1),
    ))
}

fn m_rfind(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let r = find_impl(ts, args, kw, "rfind", true)?;
    Ok(Value::small_int_unchecked(
        r.map(|i| i as i64).unwrap_or(-1),
    ))
}

fn m_index(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    match find_impl(ts, args, kw, "index", false)? {
        Some(i) => Ok(Value::small_int_unchecked(i as i64)),
        None => Err(ts.value_error("substring not found")),
    }
}

fn m_rindex(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    match find_impl(ts, args, kw, "rindex", true)? {
        Some(i) => Ok(Value::small_int_unchecked(i as i64)),
        None => Err(ts.value_error("substring not found")),
    }
}

fn m_count(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw(ts, "count", kw)?;
    let s = this(ts, args[0])?;
    crate::builtins::args::check_count(ts, "count", &args[1..], 1, 3)?;
    let sub = arg_str(ts, args[1], "must be str")?;
    let Some((a, b)) = span(ts, &s, args.get(2).copied(), args.get(3).copied())? else {
        return Ok(Value::small_int_unchecked(0));
    };
    let hay = &s.as_str()[a..b];
    let n = if sub.byte_len() == 0 {
        hay.chars().count() + 1
    } else {
        hay.matches(sub.as_str()).count()
    };
    Ok(Value::small_int_unchecked(n as i64))
}

fn affix(ts: &mut ThreadState, args: &[Value], kw: Kw, name: &str, start: bool) -> PyResult<Value> {
    no_kw(ts, name, kw)?;
    let s = this(ts, args[0])?;
    crate::builtins::args::check_count(ts, name, &args[1..], 1, 3)?;
    let Some((a, b)) = span(ts, &s, args.get(2).copied(), args.get(3).copied())? else {
        return Ok(Value::FALSE);
    };
    let hay = &s.as_str()[a..b];
    let p = args[1];
    let test = |x: &str| {
        if start {
            hay.starts_with(x)
        } else {
            hay.ends_with(x)
        }
    };
    if let Some(t) = p.downcast::<TupleObj>() {
        for &x in t.items() {
            let xs = match x.downcast::<StrObj>() {
                Some(xs) => xs,
                None => {
                    return Err(ts.type_error(format!(
                        "tuple for {name} must only contain str, not {}",
                        type_name(x)
                    )))
                }
            };
            if test(xs.as_str()) {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    match p.downcast::<StrObj>() {
        Some(x) => Ok(Value::from_bool(test(x.as_str()))),
        None => Err(ts.type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            type_name(p)
        ))),
    }
}

fn m_startswith(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    affix(ts, args, kw, "startswith", true)
}

fn m_endswith(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    affix(ts, args, kw, "endswith", false)
}

fn m_join(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw(ts, "join", kw)?;
    let sep = this(ts, args[0])?;
    crate::builtins::args::check_count(ts, "join", &args[1..], 1, 1)?;
    let items = ops::collect(ts, args[1])?;
    let mut out = String::new();
    for (i, &x) in items.iter().enumerate() {
        let Some(xs) = x.downcast::<StrObj>() else {
            return Err(ts.type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                type_name(x)
            )));
        };
        if i > 0 {
            out.push_str(sep.as_str());
        }
        out.push_str(xs.as_str());
    }
    Ok(new_str(ts, &out))
}

fn list_of_strs(ts: &mut ThreadState, parts: &[&str]) -> Value {
    let mut out = RootedVec::with_capacity(ts, parts.len());
    for p in parts {
        let v = new_str(ts, p);
        out.push(v);
    }
    crate::objects::list::ListObj::new(ts, &out).value()
}

fn split_impl(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Kw,
    name: &str,
    rev: bool,
) -> PyResult<Value> {
    static SPLIT: Sig = Sig::new("str.split($self, /, sep=None, maxsplit=-1)");
    static RSPLIT: Sig = Sig::new("str.rsplit($self, /, sep=None, maxsplit=-1)");
    let [this_v, sep, maxsplit] = if rev { &RSPLIT } else { &SPLIT }.bind(ts, args, kw)?;
    debug_assert_eq!(name, if rev { "rsplit" } else { "split" });
    let s = this(ts, this_v)?;
    let maxsplit = match maxsplit.non_null() {
        Some(m) => ops::index_to_i64(ts, m)?,
        None => -1,
    };
    let text = s.as_str();
    let mut parts: Vec<&str> = Vec::new();
    match sep.non_null().filter(|v| !v.is_none()) {
        None => {
            // Runs of whitespace; no empty strings.
            if !rev {
                let mut rest = text.trim_start_matches(py_isspace);
                while !rest.is_empty() {
                    if maxsplit >= 0 && parts.len() as i64 == maxsplit {
                        parts.push(rest);
                        break;
                    }
                    let end = rest.find(py_isspace).unwrap_or(rest.len());
                    parts.push(&rest[..end]);
                    rest = rest[end..].trim_start_matches(py_isspace);
                }
            } else {
                let mut rest = text.trim_end_matches(py_isspace);
                while !rest.is_empty() {
                    if maxsplit >= 0 && parts.len() as i64 == maxsplit {
                        parts.push(rest);
                        break;
                    }
                    let start = rest
                        .rfind(py_isspace)
                        .map(|i| i + rest[i..].chars().next().map(|c| c.len_utf8()).unwrap_or(1))
                        .unwrap_or(0);
                    parts.push(&rest[start..]);
                    rest = rest[..start].trim_end_matches(py_isspace);
                }
                parts.reverse();
            }
        }
        Some(sepv) => {
            let sep = arg_str(ts, sepv, "must be str or None")?;
            if sep.byte_len() == 0 {
                return Err(ts.value_error("empty separator"));
            }
            let sep = sep.as_str();
            if !rev {
                match maxsplit {
                    m if m < 0 => parts.extend(text.split(sep)),
                    m => parts.extend(text.splitn(m as usize + 1, sep)),
                }
            } else {
                match maxsplit {
                    m if m < 0 => parts.extend(text.split(sep)),
                    m => {
                        parts.extend(text.rsplitn(m as usize + 1, sep));
                        parts.reverse();
                    }
                }
            }
        }
    }
    Ok(list_of_strs(ts, &parts))
}

fn m_split(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    split_impl(ts, args, kw, "split", false)
}

fn m_rsplit(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    split_impl(ts, args, kw, "rsplit", true)
}

fn m_splitlines(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = crate::builtins::args::parse(ts, "splitlines", args, kw, &["self", "keepends"], 1, 2)?;
    let s = this(ts, a.req(0))?;
    let keep = match a.get(1) {
        Some(k) => ops::truthy(ts, k)?,
        None => false,
    };
    let text = s.as_str();
    let mut parts: Vec<&str> = Vec::new();
    let mut start = 0;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if is_linebreak(c) {
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some(&(_, '\n')) = it.peek() {
                    it.next();
                    end += 1;
                }
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
    Ok(list_of_strs(ts, &parts))
}

fn strip_impl(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Kw,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    no_kw(ts, name, kw)?;
    let s = this(ts, args[0])?;
    crate::builtins::args::check_count(ts, name, &args[1..], 0, 1)?;
    let text = s.as_str();
    let out = match args.get(1).filter(|v| !v.is_none()) {
        None => {
            let t = if left {
                text.trim_start_matches(py_isspace)
            } else {
                text
            };
            if right {
                t.trim_end_matches(py_isspace)
            } else {
                t
            }
        }
        Some(&c) => {
            let chars = arg_str(ts, c, &format!("{name} arg"))?;
            let set: Vec<char> = chars.as_str().chars().collect();
            let t = if left {
                text.trim_start_matches(|x| set.contains(&x))
            } else {
                text
            };
            if right {
                t.trim_end_matches(|x| set.contains(&x))
            } else {
                t
            }
        }
    };
    if out.len() == text.len() && type_of(args[0]) == types().str {
        return Ok(args[0]);
    }
    Ok(new_str(ts, out))
}

fn m_strip(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    strip_impl(ts, args, kw, "strip", true, true)
}
fn m_lstrip(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    strip_impl(ts, args, kw, "lstrip", true, false)
}
fn m_rstrip(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    strip_impl(ts, args, kw, "rstrip", false, true)
}

fn m_replace(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw(ts, "replace", kw)?;
    let s = this(ts, args[0])?;
    crate::builtins::args::check_count(ts, "replace", &args[1..], 2, 3)?;
    let old = arg_str(ts, args[1], "replace() argument 1")?;
    let new = arg_str(ts, args[2], "replace() argument 2")?;
    let count = match args.get(3) {
        Some(&c) => ops::index_to_i64(ts, c)?,
        None => -1,
    };
    let text = s.as_str();
    let out = if old.byte_len() == 0 {
        // Insert `new` between characters (and at both ends).
        let mut o = String::new();
        let mut n = 0i64;
        for c in text.chars() {
            if count < 0 || n < count {
                o.push_str(new.as_str());
                n += 1;
            }
            o.push(c);
        }
        if count < 0 || n < count {
            o.push_str(new.as_str());
        }
        o
    } else if count < 0 {
        text.replace(old.as_str(), new.as_str())
    } else {
        text.replacen(old.as_str(), new.as_str(), count as usize)
    };
    Ok(new_str(ts, &out))
}

fn case_map(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Kw,
    name: &str,
    f: fn(&str) -> String,
) -> PyResult<Value> {
    no_kw(ts, name, kw)?;
    let s = this(ts, args[0])?;
    crate::builtins::args::check_count(ts, name, &args[1..], 0, 0)?;
    let out = f(s.as_str());
    Ok(new_str(ts, &out))
}

fn titlecase_char(c: char, out: &mut String) {
    crate::unicode::push_title(out, c)
}

fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase() || matches!(c, 'ǅ' | 'ǈ' | 'ǋ' | 'ǲ')
}

fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            titlecase_char(c, &mut out);
        }
        prev_cased = is_cased(c);
    }
    out
}

fn capitalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    if let Some(c) = chars.next() {
        titlecase_char(c, &mut out);
    }
    for c in chars {
        out.extend(c.to_lowercase());
    }
    out
}

fn swapcase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        crate::unicode::push_casefold(&mut out, c);
    }
    out
}

fn m_upper(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    case_map(ts, args, kw, "upper", |s| s.to_uppercase())
}
fn m_lower(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    case_map(ts, args, kw, "lower", |s| s.to_lowercase())
}
fn m_title(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    case_map(ts, args, kw, "title", title)
}
fn m_capitalize(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    case_map(ts, args, kw, "capitalize", capitalize)
}
fn m_swapcase(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    case_map(ts, args, kw, "swapcase", swapcase)
}
fn m_casefold(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    case_map(ts, args, kw, "casefold", casefold)
}

fn pad_impl(ts: &mut ThreadState, args: &[Value], kw: Kw, name: &str, mode: u8) -> PyResult<Value> {
    no_kw(ts, name, kw)?;
    let s = this(ts, args[0])?;
    crate::builtins::args::check_count(ts, name, &args[1..], 1, 2)?;
    let width = ops::index_to_i64(ts, args[1])?;
    let fill = match args.get(2) {
        Some(&f) => {
            let fs = arg_str(ts, f, &format!("{name}() argument 2"))?;
            if fs.char_len() != 1 {
                return Err(ts.type_error("The fill character must be exactly one character long"));
            }
            fs.char_at(0)
        }
        None => ' ',
    };
    let len = s.char_len() as i64;
    if width > len {
        ts.check_alloc_size((width as usize).saturating_mul(fill.len_utf8()))?;
    }
    if width <= len {
        if type_of(args[0]) == types().str {
            return Ok(args[0]);
        }
        return Ok(new_str(ts, s.as_str()));
    }
    ts.check_alloc_size(width as usize * 4)?;
    let total = (width - len) as usize;
    let (left, right) = match mode {
        0 => (0, total),
        1 => (total, 0),
        _ => {
            // CPython's centering: extra space goes left when odd width.
            let left = total / 2 + (total & width as usize & 1);
            (left, total - left)
        }
    };
    let mut out = String::new();
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s.as_str());
    out.extend(std::iter::repeat_n(fill, right));
    Ok(new_str(ts, &out))
}

fn m_ljust(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    pad_impl(ts, args, kw, "ljust", 0)
}
fn m_rjust(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    pad_impl(ts, args, kw, "rjust", 1)
}
fn m_center(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    pad_impl(ts, args, kw, "center", 2)
}

fn m_zfill(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw(ts, "zfill", kw)?;
    let s = this(ts, args[0])?;
    crate::builtins::args::check_count(ts, "zfill", &args[1..], 1, 1)?;
    let width = ops::index_to_i64(ts, args[1])?;
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(new_str(ts, s.as_str()));
    }
    ts.check_alloc_size(width as usize)?;
    let text = s.as_str();
    let (sign, rest) = match text.chars().next() {
        Some(c @ ('+' | '-')) => (Some(c), &text[1..]),
        _ => (None, text),
    };
    let mut out = String::new();
    if let Some(c) = sign {
        out.push(c);
    }
    out.extend(std::iter::repeat_n('0', (width - len) as usize));
    out.push_str(rest);
    Ok(new_str(ts, &out))
}

fn partition_impl(ts: &mut ThreadState, args: &[Value], kw: Kw, rev: bool) -> PyResult<Value> {
    let name = if rev { "rpartition" } else { "partition" };
    no_kw(ts, name, kw)?;
    let s = this(ts, args[0])?;
    crate::builtins::args::check_count(ts, name, &args[1..], 1, 1)?;
    let sep = arg_str(ts, args[1], "must be str")?;
    if sep.byte_len() == 0 {
        return Err(ts.value_error("empty separator"));
    }
    let text = s.as_str();
    let found = if rev {
        text.rfind(sep.as_str())
    } else {
        text.find(sep.as_str())
    };
    let parts: [&str; 3] = match found {
        Some(i) => [&text[..i], sep.as_str(), &text[i + sep.byte_len()..]],
        None => {
            if rev {
                ["", "", text]
            } else {
                [text, "", ""]
            }
        }
    };
    let mut vals = [Value::NONE; 3];
    for (i, p) in parts.iter().enumerate() {
        vals[i] = new_str(ts, p);
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
    name: &str,
    empty: bool,
    f: fn(&str) -> bool,
) -> PyResult<Value> {
    no_kw(ts, name, kw)?;
    let s = this(ts, args[0])?;
    if s.byte_len() == 0 {
        return Ok(Value::from_bool(empty));
    }
    Ok(Value::from_bool(f(s.as_str())))
}

fn is_decimal_char(c: char) -> bool {
    crate::unicode::decimal_value(c).is_some()
}

fn m_isdigit(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    pred(ts, args, kw, "isdigit", false, |s| {
        s.chars().all(|c| {
            is_decimal_char(c) || matches!(c, '²' | '³' | '¹' | '⁰'..='⁹' | '₀'..='₉' | '①'..='⑨')
        })
    })
}
fn m_isdecimal(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    pred(ts, args, kw, "isdecimal", false, |s| {
        s.chars().all(is_decimal_char)
    })
}
fn m_isnumeric(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    pred(ts, args, kw, "isnumeric", false, |s| {
        s.chars().all(|c| c.is_numeric())
    })
}
fn m_isalpha(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    pred(ts, args, kw, "isalpha", false, |s| {
        s.chars().all(|c| c.is_alphabetic() && !c.is_numeric())
    })
}
fn m_isalnum(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    pred(ts, args, kw, "isalnum", false, |s| {
        s.chars().all(|c| c.is_alphanumeric())
    })
}
fn m_isspace(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    pred(ts, args, kw, "isspace", false, |s| {
        s.chars().all(py_isspace)
    })
}
fn m_isupper(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    pred(ts, args, kw, "isupper", false, |s| {
        s.chars().any(is_cased)
            && s.chars()
                .all(|c| !c.is_lowercase() && !matches!(c, 'ǅ' | 'ǈ' | 'ǋ' | 'ǲ'))
    })
}
fn m_islower(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    pred(ts, args, kw, "islower", false, |s| {
        s.chars().any(is_cased)
            && s.chars()
                .all(|c| !c.is_uppercase() && !matches!(c, 'ǅ' | 'ǈ' | 'ǋ' | 'ǲ'))
    })
}
fn m_istitle(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    pred(ts, args, kw, "istitle", false, |s| {
        let mut prev_cased = false;
        let mut any = false;
        for c in s.chars() {
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
    pred(ts, args, kw, "isascii", true, |s| s.is_ascii())
}
fn m_isprintable(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    pred(ts, args, kw, "isprintable", true, |s| {
        s.chars().all(crate::unicode::is_printable)
    })
}
fn m_isidentifier(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    pred(ts, args, kw, "isidentifier", false, |s| {
        let mut cs = s.chars();
        match cs.next() {
            Some(c) if c == '_' || c.is_alphabetic() => cs.all(|c| c == '_' || c.is_alphanumeric()),
            _ => false,
        }
    })
}

fn m_encode(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = crate::builtins::args::parse(
        ts,
        "encode",
        args,
        kw,
        &["self", "encoding", "errors"],
        1,
        3,
    )?;
    let s = this(ts, a.req(0))?;
    let enc = match a.get(1) {
        Some(e) => arg_str(ts, e, "encode() argument 'encoding'")?
            .as_str()
            .to_string(),
        None => "utf-8".to_string(),
    };
    let errors = match a.get(2) {
        Some(e) => arg_str(ts, e, "encode() argument 'errors'")?
            .as_str()
            .to_string(),
        None => "strict".to_string(),
    };
    let b = crate::objects::bytes::encode(ts, s.as_str(), &enc, &errors)?;
    Ok(crate::objects::bytes::BytesObj::new(ts, &b))
}

fn m_expandtabs(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let a = crate::builtins::args::parse(ts, "expandtabs", args, kw, &["self", "tabsize"], 1, 2)?;
    let s = this(ts, a.req(0))?;
    let tab = match a.get(1) {
        Some(t) => ops::index_to_i64(ts, t)?,
        None => 8,
    };
    if tab > i32::MAX as i64 {
        return Err(ts.overflow_error("Python int too large to convert to C int"));
    }
    let tabs = s.as_str().bytes().filter(|&b| b == b'\t').count();
    ts.check_alloc_size(
        tabs.saturating_mul(tab.max(0) as usize)
            .saturating_add(s.byte_len()),
    )?;
    let mut out = String::new();
    let mut col = 0i64;
    for c in s.as_str().chars() {
        match c {
            '\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(new_str(ts, &out))
}

fn m_removeprefix(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw(ts, "removeprefix", kw)?;
    let s = this(ts, args[0])?;
    crate::builtins::args::check_count(ts, "removeprefix", &args[1..], 1, 1)?;
    let p = arg_str(ts, args[1], "removeprefix() argument")?;
    let out = s.as_str().strip_prefix(p.as_str()).unwrap_or(s.as_str());
    Ok(new_str(ts, out))
}

fn m_removesuffix(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw(ts, "removesuffix", kw)?;
    let s = this(ts, args[0])?;
    crate::builtins::args::check_count(ts, "removesuffix", &args[1..], 1, 1)?;
    let p = arg_str(ts, args[1], "removesuffix() argument")?;
    let out = if p.byte_len() == 0 {
        s.as_str()
    } else {
        s.as_str().strip_suffix(p.as_str()).unwrap_or(s.as_str())
    };
    Ok(new_str(ts, out))
}

fn m_maketrans(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw(ts, "maketrans", kw)?;
    let d = crate::objects::dict::DictObj::new(ts);
    match args {
        [m] => {
            let Some(src) = m.downcast::<crate::objects::dict::DictObj>() else {
                return Err(
                    ts.type_error("if you give only one argument to maketrans it must be a dict")
                );
            };
            let items = src.items_rooted(ts);
            for p in items.chunks(2) {
                let k = match p[0].downcast::<StrObj>() {
                    Some(s) if s.char_len() == 1 => Value::small_int_unchecked(s.char_at(0) as i64),
                    Some(_) => {
                        return Err(
                            ts.value_error("string keys in translate table must be of length 1")
                        )
                    }
                    None => p[0],
                };
                d.set_item(ts, k, p[1])?;
            }
        }
        [x, y] | [x, y, _] => {
            let xs = arg_str(ts, *x, "maketrans() argument 1")?;
            let ys = arg_str(ts, *y, "maketrans() argument 2")?;
            if xs.char_len() != ys.char_len() {
                return Err(
                    ts.value_error("the first two maketrans arguments must have equal length")
                );
            }
            for (a, b) in xs.as_str().chars().zip(ys.as_str().chars()) {
                d.set_item(
                    ts,
                    Value::small_int_unchecked(a as i64),
                    Value::small_int_unchecked(b as i64),
                )?;
            }
            if let Some(&z) = args.get(2) {
                let zs = arg_str(ts, z, "maketrans() argument 3")?;
                for c in zs.as_str().chars() {
                    d.set_item(ts, Value::small_int_unchecked(c as i64), Value::NONE)?;
                }
            }
        }
        _ => return Err(ts.type_error("maketrans() takes 1 to 3 arguments")),
    }
    Ok(d.value())
}

fn m_translate(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw(ts, "translate", kw)?;
    let s = this(ts, args[0])?;
    crate::builtins::args::check_count(ts, "translate", &args[1..], 1, 1)?;
    let table = args[1];
    let mut out = String::with_capacity(s.byte_len());
    for c in s.as_str().chars() {
        match ops::getitem(ts, table, Value::small_int_unchecked(c as i64)) {
            Ok(v) if v.is_none() => {}
            Ok(v) => {
                if let Some(vs) = v.downcast::<StrObj>() {
                    out.push_str(vs.as_str());
                } else if let Some(n) = crate::objects::int::to_i64(v) {
                    match u32::try_from(n).ok().and_then(char::from_u32) {
                        Some(ch) => out.push(ch),
                        None => {
                            return Err(
                                ts.value_error("character mapping must be in range(0x110000)")
                            )
                        }
                    }
                } else {
                    return Err(ts.type_error("character mapping must return integer, None or str"));
                }
            }
            Err(e) if e.matches(types().lookup_error) => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(new_str(ts, &out))
}

fn m_format_spec(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = this(ts, args[0])?;
    let spec = match args.get(1) {
        Some(&sp) => arg_str(ts, sp, "format spec")?,
        None => return Err(ts.type_error("__format__() takes exactly one argument (0 given)")),
    };
    crate::format::format_str(ts, s.as_str(), spec.as_str())
}

fn m_getnewargs(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = this(ts, args[0])?;
    let c = StrObj::new(ts, s.as_str());
    Ok(TupleObj::new(ts, &[c]).value())
}

fn m_sizeof(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = this(ts, args[0])?;
    Ok(Value::small_int_unchecked(49 + s.byte_len() as i64))
}

/// `str.format(*args, **kwargs)`.
fn m_format(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = this(ts, args[0])?;
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    let pos = &args[1..args.len() - nkw];
    let kwd = crate::objects::dict::DictObj::new(ts);
    if let Some(k) = kw {
        for (i, &n) in k.items().iter().enumerate() {
            kwd.set_item(ts, n, args[args.len() - nkw + i])?;
        }
    }
    let mut auto = 0usize;
    let out = format_template(ts, s.as_str(), pos, kwd.value(), &mut auto, 2)?;
    Ok(new_str(ts, &out))
}

fn m_format_map(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw(ts, "format_map", kw)?;
    let s = this(ts, args[0])?;
    crate::builtins::args::check_count(ts, "format_map", &args[1..], 1, 1)?;
    let mut auto = 0usize;
    let out = format_template(ts, s.as_str(), &[], args[1], &mut auto, 2)?;
    Ok(new_str(ts, &out))
}

/// The `str.format` template language.
fn format_template(
    ts: &mut ThreadState,
    tpl: &str,
    pos: &[Value],
    mapping: Value,
    auto: &mut usize,
    depth: u32,
) -> PyResult<String> {
    let chars: Vec<char> = tpl.chars().collect();
    let mut out = String::with_capacity(tpl.len());
    let mut i = 0;
    let mut manual = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(ts.value_error("Single '}' encountered in format string"));
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'{') {
            out.push('{');
            i += 2;
            continue;
        }
        if i + 1 == chars.len() {
            return Err(ts.value_error("Single '{' encountered in format string"));
        }
        // Find the matching close brace (nested braces allowed in spec).
        let mut j = i + 1;
        let mut nest = 1;
        while j < chars.len() {
            match chars[j] {
                '{' => nest += 1,
                '}' => {
                    nest -= 1;
                    if nest == 0 {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        if j >= chars.len() {
            return Err(ts.value_error("expected '}' before end of string"));
        }
        let field: String = chars[i + 1..j].iter().collect();
        i = j + 1;
        // field_name[!conv][:spec]
        let (name_part, rest) = split_field(&field);
        let (conv, spec) = match rest.strip_prefix('!') {
            Some(r) => {
                let mut it = r.chars();
                let cv = it.next();
                let after: String = it.collect();
                match after.strip_prefix(':') {
                    Some(sp) => (cv, sp.to_string()),
                    None if after.is_empty() => (cv, String::new()),
                    None => return Err(ts.value_error("expected ':' after conversion specifier")),
                }
            }
            None => (None, rest.strip_prefix(':').unwrap_or("").to_string()),
        };
        // Resolve the field.
        let (first, tail) = split_first(&name_part);
        let mut v = if first.is_empty() {
            if manual {
                return Err(ts.value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            let n = *auto;
            *auto += 1;
            match pos.get(n) {
                Some(&v) => v,
                None => {
                    return Err(ts.index_error(format!(
                        "Replacement index {n} out of range for positional args tuple"
                    )))
                }
            }
        } else if let Ok(n) = first.parse::<usize>() {
            if *auto > 0 {
                return Err(ts.value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            manual = true;
            match pos.get(n) {
                Some(&v) => v,
                None => {
                    return Err(ts.index_error(format!(
                        "Replacement index {n} out of range for positional args tuple"
                    )))
                }
            }
        } else {
            let k = StrObj::new(ts, &first);
            ops::getitem(ts, mapping, k)?
        };
        // .attr and [key] accessors.
        let mut t = tail.as_str();
        while !t.is_empty() {
            if let Some(r) = t.strip_prefix('.') {
                let end = r.find(['.', '[']).unwrap_or(r.len());
                let n = crate::interp::intern(ts, &r[..end]);
                v = ops::getattr(ts, v, n)?;
                t = &r[end..];
            } else if let Some(r) = t.strip_prefix('[') {
                let Some(end) = r.find(']') else {
                    return Err(ts.value_error("Missing ']' in format string"));
                };
                let key = &r[..end];
                let kv = match key.parse::<i64>() {
                    Ok(n) => Value::small_int_unchecked(n),
                    Err(_) => StrObj::new(ts, key),
                };
                v = ops::getitem(ts, v, kv)?;
                t = &r[end + 1..];
            } else {
                return Err(
                    ts.value_error("Only '.' or '[' may follow ']' in format field specifier")
                );
            }
        }
        v = match conv {
            None => v,
            Some('r') => ops::repr(ts, v)?.value(),
            Some('s') => ops::str_(ts, v)?.value(),
            Some('a') => {
                let a = crate::builtins::ascii_of(ts, v)?;
                StrObj::new(ts, &a)
            }
            Some(c) => return Err(ts.value_error(format!("Unknown conversion specifier {c}"))),
        };
        let spec = if spec.contains('{') {
            if depth == 0 {
                return Err(ts.value_error("Max string recursion exceeded"));
            }
            format_template(ts, &spec, pos, mapping, auto, depth - 1)?
        } else {
            spec
        };
        let sp = StrObj::alloc(ts, &spec);
        let r = ops::format(ts, v, sp)?;
        out.push_str(r.as_str());
    }
    Ok(out)
}

/// Splits `name!conv:spec` at the first `!` or `:` outside brackets.
fn split_field(f: &str) -> (String, String) {
    let mut depth = 0;
    for (i, c) in f.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            '!' | ':' if depth == 0 => return (f[..i].to_string(), f[i..].to_string()),
            _ => {}
        }
    }
    (f.to_string(), String::new())
}

fn split_first(name: &str) -> (String, String) {
    let end = name.find(['.', '[']).unwrap_or(name.len());
    (name[..end].to_string(), name[end..].to_string())
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
    let _ = (interp, names);
}
