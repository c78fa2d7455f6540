//! `bytes` (immutable, data inline) and `bytearray` (mutable, under its
//! lock, backed by a bytes buffer it owns).

use ftpy_compiler::{BinaryOp, CompareOp};
use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};

use crate::error::PyResult;
use crate::gc::{Marker, RootedVec, Slot};
use crate::interp::{types, BuiltinTypes};
use crate::object::{len_value, Gc, Header, HeapObj, Kind};
use crate::objects::slice::{normalize_index, SliceObj};
use crate::objects::str::StrObj;
use crate::objects::tuple::{repeat_count, TupleObj};
use crate::objects::typeobj::{type_name, type_of, TypeObj};
use crate::objects::{add_methods, classmethod, method};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

#[repr(C)]
pub struct BytesObj {
    pub header: Header,
    hash: AtomicI64,
    len: usize,
    data: [u8; 0],
}

// SAFETY: repr(C), Header first, no references.
unsafe impl HeapObj for BytesObj {
    const KIND: Kind = Kind::Bytes;
    fn trace(&self, _m: &mut Marker) {}
}

impl BytesObj {
    pub fn alloc_typed(ts: &mut ThreadState, ty: Gc<TypeObj>, b: &[u8]) -> Gc<BytesObj> {
        let base = std::mem::size_of::<BytesObj>() + b.len();
        let size = if ty.attrs_offset != 0 {
            base.div_ceil(8) * 8 + crate::objects::instance::ATTR_STORE_SIZE
        } else {
            base
        };
        let g = ts.alloc_var(size, |p: *mut BytesObj| {
            // SAFETY: room for the header and the data.
            unsafe {
                p.write(BytesObj {
                    header: Header::new(ty, Kind::Bytes, 0),
                    hash: AtomicI64::new(-1),
                    len: b.len(),
                    data: [],
                });
                std::ptr::copy_nonoverlapping(
                    b.as_ptr(),
                    (p as *mut u8).add(std::mem::size_of::<BytesObj>()),
                    b.len(),
                );
            }
        });
        if ty.attrs_offset != 0 {
            crate::objects::instance::init_attr_store_at(g.addr() + base.div_ceil(8) * 8, 0);
        }
        g
    }

    pub fn new(ts: &mut ThreadState, b: &[u8]) -> Value {
        Self::alloc_typed(ts, types().bytes, b).value()
    }

    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        // SAFETY: `len` bytes follow the header, immutable after creation.
        unsafe {
            std::slice::from_raw_parts(
                (self as *const BytesObj as *const u8).add(std::mem::size_of::<BytesObj>()),
                self.len,
            )
        }
    }

    /// Mutable view, for a bytearray's private buffer (under its lock).
    #[allow(clippy::mut_from_ref)]
    fn as_bytes_mut(&self) -> &mut [u8] {
        // SAFETY: only used on a buffer owned by one bytearray, under that
        // bytearray's lock.
        unsafe {
            std::slice::from_raw_parts_mut(
                (self as *const BytesObj as *mut u8).add(std::mem::size_of::<BytesObj>()),
                self.len,
            )
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

#[repr(C)]
pub struct BytearrayObj {
    pub header: Header,
    buf: Slot,
    len: AtomicUsize,
}

// SAFETY: repr(C), Header first; traces the buffer.
unsafe impl HeapObj for BytearrayObj {
    const KIND: Kind = Kind::Bytearray;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.buf);
    }
}

impl BytearrayObj {
    pub fn new(ts: &mut ThreadState, ty: Gc<TypeObj>, b: &[u8]) -> Gc<BytearrayObj> {
        let buf = BytesObj::alloc_typed(ts, types().bytes, b);
        let obj = BytearrayObj {
            header: Header::new(ty, Kind::Bytearray, 0),
            buf: Slot::new(buf.value()),
            len: AtomicUsize::new(b.len()),
        };
        crate::objects::instance::alloc_with_attrs(ts, ty, obj)
    }

    fn buffer(&self) -> Gc<BytesObj> {
        // SAFETY: always a bytes buffer.
        unsafe { self.buf.get().downcast_unchecked() }
    }

    /// A copy of the content.
    pub fn to_vec(&self) -> Vec<u8> {
        let _g = self.header.lock();
        let n = self.len.load(Ordering::Acquire);
        self.buffer().as_bytes()[..n].to_vec()
    }

    /// Replaces the content.
    pub fn set_content(&self, ts: &mut ThreadState, b: &[u8]) {
        let nb = BytesObj::alloc_typed(ts, types().bytes, b);
        let _g = self.header.lock();
        self.buf.set(nb.value());
        self.len.store(b.len(), Ordering::Release);
    }

    pub fn len(&self) -> usize {
        self.len.load(Ordering::Acquire)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The bytes of a bytes or bytearray value.
pub fn bytes_data(v: Value) -> Option<Vec<u8>> {
    if let Some(b) = v.downcast::<BytesObj>() {
        return Some(b.as_bytes().to_vec());
    }
    v.downcast::<BytearrayObj>().map(|b| b.to_vec())
}

/// `repr(bytes)`.
pub fn repr_bytes(b: &[u8], prefix: &str) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push_str(prefix);
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

/// Decodes bytes (utf-8, ascii, latin-1) with an error handler.
pub fn decode(ts: &mut ThreadState, b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let enc = normalize_encoding(encoding);
    match enc.as_str() {
        "utf-8" | "utf8" => match std::str::from_utf8(b) {
            Ok(s) => Ok(s.to_string()),
            Err(e) => match errors {
                "strict" => {
                    let start = e.valid_up_to();
                    let end = start + e.error_len().unwrap_or(b.len() - start);
                    let reason = if e.error_len().is_none() {
                        "unexpected end of data"
                    } else {
                        "invalid start byte"
                    };
                    Err(decode_error(ts, "utf-8", b, start, end, reason))
                }
                "ignore" => Ok(String::from_utf8_lossy(b).replace('\u{FFFD}', "")),
                _ => Ok(String::from_utf8_lossy(b).into_owned()),
            },
        },
        "ascii" | "us-ascii" => {
            if let Some(i) = b.iter().position(|&c| c >= 0x80) {
                match errors {
                    "strict" => Err(decode_error(
                        ts,
                        "ascii",
                        b,
                        i,
                        i + 1,
                        "ordinal not in range(128)",
                    )),
                    "ignore" => Ok(b
                        .iter()
                        .filter(|&&c| c < 0x80)
                        .map(|&c| c as char)
                        .collect()),
                    _ => Ok(b
                        .iter()
                        .map(|&c| if c < 0x80 { c as char } else { '\u{FFFD}' })
                        .collect()),
                }
            } else {
                // SAFETY: all bytes are ASCII, hence valid UTF-8.
                Ok(unsafe { std::str::from_utf8_unchecked(b) }.to_string())
            }
        }
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" => {
            Ok(b.iter().map(|&c| c as char).collect())
        }
        _ => Err(ts.lookup_error(format!("unknown encoding: {encoding}"))),
    }
}

fn decode_error(
    ts: &mut ThreadState,
    enc: &str,
    b: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> crate::error::PyErr {
    let e = StrObj::new(ts, enc);
    let obj = BytesObj::new(ts, b);
    let r = StrObj::new(ts, reason);
    let args = [
        e,
        obj,
        Value::small_int_unchecked(start as i64),
        Value::small_int_unchecked(end as i64),
        r,
    ];
    let exc = crate::objects::exception::ExcObj::new(ts, types().unicode_decode_error, &args);
    for (i, n) in ["encoding", "object", "start", "end", "reason"]
        .iter()
        .enumerate()
    {
        exc.set_attr_quiet(ts, n, args[i]);
    }
    crate::error::PyErr::from_exception(exc.value())
}

pub fn normalize_encoding(e: &str) -> String {
    e.trim().to_ascii_lowercase().replace('_', "-")
}

/// Encodes text (utf-8, ascii, latin-1).
pub fn encode(ts: &mut ThreadState, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let enc = normalize_encoding(encoding);
    match enc.as_str() {
        "utf-8" | "utf8" => Ok(s.as_bytes().to_vec()),
        "ascii" | "us-ascii" | "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" => {
            let limit = if enc.contains("ascii") { 0x80 } else { 0x100 };
            let mut out = Vec::with_capacity(s.len());
            for (i, c) in s.chars().enumerate() {
                if (c as u32) < limit {
                    out.push(c as u32 as u8);
                } else {
                    match errors {
                        "ignore" => {}
                        "replace" => out.push(b'?'),
                        "backslashreplace" => out.extend(format!("\\u{:04x}", c as u32).bytes()),
                        "xmlcharrefreplace" => out.extend(format!("&#{};", c as u32).bytes()),
                        _ => {
                            let name = if limit == 0x80 { "ascii" } else { "latin-1" };
                            let msg = format!(
                                "'{name}' codec can't encode character '\\u{:04x}' in position {i}: ordinal not in range({limit})",
                                c as u32
                            );
                            return Err(ts.new_error(types().unicode_encode_error, &msg));
                        }
                    }
                }
            }
            Ok(out)
        }
        _ => Err(ts.lookup_error(format!("unknown encoding: {encoding}"))),
    }
}

/// Bytes from `bytes(x)` / `bytearray(x)` arguments.
fn bytes_from_args(
    ts: &mut ThreadState,
    name: &str,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Vec<u8>> {
    let a =
        crate::builtins::args::parse(ts, name, args, kw, &["source", "encoding", "errors"], 0, 3)?;
    let Some(src) = a.get(0) else {
        return Ok(Vec::new());
    };
    if let Some(s) = src.downcast::<StrObj>() {
        let Some(enc) = a.get(1) else {
            return Err(ts.type_error("string argument without an encoding"));
        };
        let enc = crate::objects::str::expect_str(ts, enc, "encoding")?;
        let errors = match a.get(2) {
            Some(e) => crate::objects::str::expect_str(ts, e, "errors")?.to_string(),
            None => "strict".to_string(),
        };
        return encode(ts, s.as_str(), enc.as_str(), &errors);
    }
    if a.get(1).is_some() {
        return Err(ts.type_error("encoding without a string argument"));
    }
    if let Some(d) = bytes_data(src) {
        return Ok(d);
    }
    if crate::objects::int::is_int(src) {
        let n = ops::index_to_i64(ts, src)?;
        if n < 0 {
            return Err(ts.value_error("negative count"));
        }
        ts.check_alloc_size(n as usize)?;
        return Ok(vec![0; n as usize]);
    }
    if let Some(f) = type_of(src).lookup(crate::interp::names().__bytes__) {
        let r = ops::call_unbound(ts, f, src, &[], None)?;
        return match r.downcast::<BytesObj>() {
            Some(b) => Ok(b.as_bytes().to_vec()),
            None => Err(ts.type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                type_name(r)
            ))),
        };
    }
    let items = ops::collect(ts, src).map_err(|_| {
        ts.type_error(format!(
            "cannot convert '{}' object to bytes",
            type_name(src)
        ))
    })?;
    let mut out = Vec::with_capacity(items.len());
    for &x in items.iter() {
        let n = ops::index_to_i64(ts, x)?;
        if !(0..256).contains(&n) {
            return Err(ts.value_error("bytes must be in range(0, 256)"));
        }
        out.push(n as u8);
    }
    Ok(out)
}

fn bytes_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let b = bytes_from_args(ts, "bytes", args, kw)?;
    Ok(BytesObj::alloc_typed(ts, cls, &b).value())
}

fn data_of(ts: &mut ThreadState, v: Value) -> PyResult<Vec<u8>> {
    match bytes_data(v) {
        Some(d) => Ok(d),
        None => Err(ts.type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(v)
        ))),
    }
}

fn is_bytearray(v: Value) -> bool {
    v.downcast::<BytearrayObj>().is_some()
}

/// A result of the same family as `like` (bytes or bytearray).
fn make_like(ts: &mut ThreadState, like: Value, b: &[u8]) -> Value {
    if is_bytearray(like) {
        BytearrayObj::new(ts, types().bytearray, b).value()
    } else {
        BytesObj::new(ts, b)
    }
}

fn b_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let d = data_of(ts, v)?;
    let s = if is_bytearray(v) {
        format!("bytearray({})", repr_bytes(&d, "b"))
    } else {
        repr_bytes(&d, "b")
    };
    Ok(StrObj::new(ts, &s))
}

fn b_hash(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    let Some(b) = v.downcast::<BytesObj>() else {
        return Err(ts.type_error("unhashable type: 'bytearray'"));
    };
    let h = b.hash.load(Ordering::Relaxed);
    if h != -1 {
        return Ok(h);
    }
    let h = crate::hash::hash_bytes(b.as_bytes());
    b.hash.store(h, Ordering::Relaxed);
    Ok(h)
}

fn b_len(ts: &mut ThreadState, v: Value) -> PyResult<usize> {
    if let Some(b) = v.downcast::<BytesObj>() {
        return Ok(b.len());
    }
    if let Some(b) = v.downcast::<BytearrayObj>() {
        return Ok(b.len());
    }
    Err(ts.type_error("expected bytes"))
}

fn b_getitem(ts: &mut ThreadState, v: Value, key: Value) -> PyResult<Value> {
    let d = data_of(ts, v)?;
    if let Some(s) = key.downcast::<SliceObj>() {
        let (start, _, step, n) = s.indices(ts, d.len() as i64)?;
        let out: Vec<u8> = (0..n)
            .map(|k| d[(start + k as i64 * step) as usize])
            .collect();
        return Ok(make_like(ts, v, &out));
    }
    let i = ops::index_saturating(ts, key, if is_bytearray(v) { "bytearray" } else { "byte" })?;
    match normalize_index(i, d.len()) {
        Some(j) => Ok(Value::small_int_unchecked(d[j] as i64)),
        None => Err(ts.index_error(if is_bytearray(v) {
            "bytearray index out of range"
        } else {
            "index out of range"
        })),
    }
}

fn ba_setitem(ts: &mut ThreadState, v: Value, key: Value, x: Option<Value>) -> PyResult<()> {
    let Some(ba) = v.downcast::<BytearrayObj>() else {
        return Err(ts.type_error("expected bytearray"));
    };
    let mut d = ba.to_vec();
    if let Some(s) = key.downcast::<SliceObj>() {
        let (start, stop, step, n) = s.indices(ts, d.len() as i64)?;
        match x {
            Some(x) => {
                let new =
                    data_of(ts, x).or_else(|_| bytes_from_args(ts, "bytearray", &[x], None))?;
                if step == 1 {
                    let (a, b) = (start as usize, stop.max(start) as usize);
                    d.splice(a..b, new);
                } else {
                    if new.len() != n {
                        return Err(ts.value_error(format!(
                            "attempt to assign bytes of size {} to extended slice of size {n}",
                            new.len()
                        )));
                    }
                    for (k, &c) in new.iter().enumerate() {
                        d[(start + k as i64 * step) as usize] = c;
                    }
                }
            }
            None => {
                let idx: Vec<usize> = (0..n).map(|k| (start + k as i64 * step) as usize).collect();
                let mut keep = vec![true; d.len()];
                for i in idx {
                    keep[i] = false;
                }
                d = d
                    .iter()
                    .zip(keep)
                    .filter(|(_, k)| *k)
                    .map(|(c, _)| *c)
                    .collect();
            }
        }
        ba.set_content(ts, &d);
        return Ok(());
    }
    let i = ops::index_saturating(ts, key, "bytearray")?;
    let Some(j) = normalize_index(i, d.len()) else {
        return Err(ts.index_error("bytearray index out of range"));
    };
    match x {
        Some(x) => {
            let n = ops::index_to_i64(ts, x)?;
            if !(0..256).contains(&n) {
                return Err(ts.value_error("byte must be in range(0, 256)"));
            }
            let _g = ba.header.lock();
            ba.buffer().as_bytes_mut()[j] = n as u8;
        }
        None => {
            d.remove(j);
            ba.set_content(ts, &d);
        }
    }
    Ok(())
}

fn b_contains(ts: &mut ThreadState, v: Value, x: Value) -> PyResult<bool> {
    let d = data_of(ts, v)?;
    if crate::objects::int::is_int(x) {
        let n = ops::index_to_i64(ts, x)?;
        if !(0..256).contains(&n) {
            return Err(ts.value_error("byte must be in range(0, 256)"));
        }
        return Ok(d.contains(&(n as u8)));
    }
    let sub = data_of(ts, x)?;
    Ok(find_sub(&d, &sub, 0).is_some())
}

fn find_sub(h: &[u8], n: &[u8], from: usize) -> Option<usize> {
    if n.is_empty() {
        return if from <= h.len() { Some(from) } else { None };
    }
    if n.len() > h.len() {
        return None;
    }
    (from..=h.len() - n.len()).find(|&i| &h[i..i + n.len()] == n)
}

fn b_iter(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(
        crate::objects::iterators::IterObj::new(ts, types().bytes_iterator, v, Value::NULL, 0)
            .value(),
    )
}

/// bytes_iterator: a = bytes or bytearray, index.
pub fn bytes_iter_next(_ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    // SAFETY: installed only on the bytes_iterator type (IterObj layout).
    let o: Gc<crate::objects::iterators::IterObj> = unsafe { v.downcast_unchecked() };
    let src = o.a.get();
    let i = o.index.fetch_add(1, Ordering::Relaxed) as usize;
    let byte = if let Some(b) = src.downcast::<BytesObj>() {
        b.as_bytes().get(i).copied()
    } else if let Some(b) = src.downcast::<BytearrayObj>() {
        b.to_vec().get(i).copied()
    } else {
        None
    };
    Ok(byte.map(|c| Value::small_int_unchecked(c as i64)))
}

fn b_richcompare(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (bytes_data(a), bytes_data(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let _ = ts;
    Ok(Value::from_bool(crate::objects::float::ordering_matches(
        x.cmp(&y),
        op,
    )))
}

fn b_add(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let (Some(mut x), Some(y)) = (bytes_data(a), bytes_data(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    x.extend_from_slice(&y);
    Ok(make_like(ts, a, &x))
}

fn b_mul(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let (seq, n) = if bytes_data(a).is_some() {
        (a, b)
    } else {
        (b, a)
    };
    let Some(d) = bytes_data(seq) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let Some(n) = repeat_count(ts, n)? else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let n = n.max(0) as usize;
    if d.len()
        .checked_mul(n)
        .is_none_or(|t| t > isize::MAX as usize)
    {
        return Err(ts.overflow_error("repeated bytes are too long"));
    }
    ts.check_alloc_size(d.len().saturating_mul(n))?;
    Ok(make_like(ts, seq, &d.repeat(n)))
}

fn m_decode(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let a = crate::builtins::args::parse(
        ts,
        "decode",
        args,
        kw,
        &["self", "encoding", "errors"],
        1,
        3,
    )?;
    let d = data_of(ts, a.req(0))?;
    let enc = match a.get(1) {
        Some(e) => {
            crate::objects::str::expect_str(ts, e, "decode() argument 'encoding'")?.to_string()
        }
        None => "utf-8".to_string(),
    };
    let errors = match a.get(2) {
        Some(e) => {
            crate::objects::str::expect_str(ts, e, "decode() argument 'errors'")?.to_string()
        }
        None => "strict".to_string(),
    };
    let s = decode(ts, &d, &enc, &errors)?;
    Ok(StrObj::new(ts, &s))
}

fn m_hex(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let d = data_of(ts, args[0])?;
    let s: String = d.iter().map(|c| format!("{c:02x}")).collect();
    Ok(StrObj::new(ts, &s))
}

fn m_fromhex(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let Some(s) = args.get(1).and_then(|v| v.downcast::<StrObj>()) else {
        return Err(ts.type_error("fromhex() argument must be str"));
    };
    let mut out = Vec::new();
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16);
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => {
                return Err(ts.value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    if hi.is_none() { i } else { i + 1 }
                )))
            }
        }
        i += 2;
    }
    let cls = args[0];
    if cls == types().bytearray.value() {
        return Ok(BytearrayObj::new(ts, types().bytearray, &out).value());
    }
    Ok(BytesObj::new(ts, &out))
}

fn m_join(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let sep = data_of(ts, args[0])?;
    let Some(&it) = args.get(1) else {
        return Err(ts.type_error("join() takes exactly one argument (0 given)"));
    };
    let items = ops::collect(ts, it)?;
    let mut out = Vec::new();
    for (i, &x) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match bytes_data(x) {
            Some(d) => out.extend_from_slice(&d),
            None => {
                return Err(ts.type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    type_name(x)
                )))
            }
        }
    }
    Ok(make_like(ts, args[0], &out))
}

fn m_startswith(
    ts: &mut ThreadState,
    args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    affix(ts, args, true)
}

fn m_endswith(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    affix(ts, args, false)
}

fn affix(ts: &mut ThreadState, args: &[Value], start: bool) -> PyResult<Value> {
    let d = data_of(ts, args[0])?;
    let Some(&p) = args.get(1) else {
        return Err(ts.type_error("expected an argument"));
    };
    let cands: Vec<Vec<u8>> = match p.downcast::<TupleObj>() {
        Some(t) => {
            let mut v = Vec::new();
            for &x in t.items() {
                v.push(data_of(ts, x)?);
            }
            v
        }
        None => vec![data_of(ts, p)?],
    };
    Ok(Value::from_bool(cands.iter().any(|c| {
        if start {
            d.starts_with(c)
        } else {
            d.ends_with(c)
        }
    })))
}

fn m_find(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let d = data_of(ts, args[0])?;
    let Some(&p) = args.get(1) else {
        return Err(ts.type_error("find() takes at least 1 argument (0 given)"));
    };
    let sub = if crate::objects::int::is_int(p) {
        vec![ops::index_to_i64(ts, p)? as u8]
    } else {
        data_of(ts, p)?
    };
    Ok(Value::small_int_unchecked(
        find_sub(&d, &sub, 0).map(|i| i as i64).unwrap_or(-1),
    ))
}

fn m_count(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let d = data_of(ts, args[0])?;
    let Some(&p) = args.get(1) else {
        return Err(ts.type_error("count() takes at least 1 argument (0 given)"));
    };
    let sub = if crate::objects::int::is_int(p) {
        vec![ops::index_to_i64(ts, p)? as u8]
    } else {
        data_of(ts, p)?
    };
    if sub.is_empty() {
        return Ok(len_value(d.len() + 1));
    }
    let mut n = 0;
    let mut i = 0;
    while let Some(j) = find_sub(&d, &sub, i) {
        n += 1;
        i = j + sub.len();
    }
    Ok(len_value(n))
}

fn m_split(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let d = data_of(ts, args[0])?;
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match args.get(1).filter(|v| !v.is_none()) {
        None => {
            for w in d
                .split(|c| c.is_ascii_whitespace())
                .filter(|w| !w.is_empty())
            {
                parts.push(w.to_vec());
            }
        }
        Some(&sep) => {
            let sep = data_of(ts, sep)?;
            if sep.is_empty() {
                return Err(ts.value_error("empty separator"));
            }
            let mut i = 0;
            while let Some(j) = find_sub(&d, &sep, i) {
                parts.push(d[i..j].to_vec());
                i = j + sep.len();
            }
            parts.push(d[i..].to_vec());
        }
    }
    let mut out = RootedVec::new(ts);
    for p in parts {
        let v = make_like(ts, args[0], &p);
        out.push(v);
    }
    Ok(crate::objects::list::ListObj::new(ts, &out).value())
}

fn m_strip(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let d = data_of(ts, args[0])?;
    let chars: Vec<u8> = match args.get(1).filter(|v| !v.is_none()) {
        Some(&c) => data_of(ts, c)?,
        None => b" \t\n\r\x0b\x0c".to_vec(),
    };
    let s = d.iter().position(|c| !chars.contains(c)).unwrap_or(d.len());
    let e = d
        .iter()
        .rposition(|c| !chars.contains(c))
        .map(|i| i + 1)
        .unwrap_or(s);
    Ok(make_like(ts, args[0], &d[s..e.max(s)]))
}

fn m_replace(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let d = data_of(ts, args[0])?;
    let (Some(&a), Some(&b)) = (args.get(1), args.get(2)) else {
        return Err(ts.type_error("replace() takes at least 2 arguments"));
    };
    let old = data_of(ts, a)?;
    let new = data_of(ts, b)?;
    let mut out = Vec::new();
    let mut i = 0;
    if old.is_empty() {
        for &c in &d {
            out.extend_from_slice(&new);
            out.push(c);
        }
        out.extend_from_slice(&new);
        return Ok(make_like(ts, args[0], &out));
    }
    while let Some(j) = find_sub(&d, &old, i) {
        out.extend_from_slice(&d[i..j]);
        out.extend_from_slice(&new);
        i = j + old.len();
    }
    out.extend_from_slice(&d[i..]);
    Ok(make_like(ts, args[0], &out))
}

fn m_upper(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let d = data_of(ts, args[0])?;
    Ok(make_like(ts, args[0], &d.to_ascii_uppercase()))
}

fn m_lower(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let d = data_of(ts, args[0])?;
    Ok(make_like(ts, args[0], &d.to_ascii_lowercase()))
}

fn ba_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    _args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    Ok(BytearrayObj::new(ts, cls, &[]).value())
}

fn ba_init(
    ts: &mut ThreadState,
    v: Value,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<()> {
    let b = bytes_from_args(ts, "bytearray", args, kw)?;
    let Some(ba) = v.downcast::<BytearrayObj>() else {
        return Err(ts.type_error("expected bytearray"));
    };
    ba.set_content(ts, &b);
    Ok(())
}

fn ba_append(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let Some(ba) = args[0].downcast::<BytearrayObj>() else {
        return Err(ts.type_error("expected bytearray"));
    };
    let Some(&x) = args.get(1) else {
        return Err(ts.type_error("append() takes exactly one argument (0 given)"));
    };
    let n = ops::index_to_i64(ts, x)?;
    if !(0..256).contains(&n) {
        return Err(ts.value_error("byte must be in range(0, 256)"));
    }
    let mut d = ba.to_vec();
    d.push(n as u8);
    ba.set_content(ts, &d);
    Ok(Value::NONE)
}

fn ba_extend(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let Some(ba) = args[0].downcast::<BytearrayObj>() else {
        return Err(ts.type_error("expected bytearray"));
    };
    let Some(&x) = args.get(1) else {
        return Err(ts.type_error("extend() takes exactly one argument (0 given)"));
    };
    let more = match bytes_data(x) {
        Some(d) => d,
        None => bytes_from_args(ts, "bytearray", &[x], None)?,
    };
    let mut d = ba.to_vec();
    d.extend_from_slice(&more);
    ba.set_content(ts, &d);
    Ok(Value::NONE)
}

fn ba_iadd(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let Some(ba) = a.downcast::<BytearrayObj>() else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let Some(more) = bytes_data(b) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let mut d = ba.to_vec();
    d.extend_from_slice(&more);
    ba.set_content(ts, &d);
    Ok(a)
}

fn ba_pop(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let Some(ba) = args[0].downcast::<BytearrayObj>() else {
        return Err(ts.type_error("expected bytearray"));
    };
    let mut d = ba.to_vec();
    let i = match args.get(1) {
        Some(&x) => ops::index_to_i64(ts, x)?,
        None => -1,
    };
    let Some(j) = normalize_index(i, d.len()) else {
        return Err(ts.index_error(if d.is_empty() {
            "pop from empty bytearray"
        } else {
            "pop index out of range"
        }));
    };
    let c = d.remove(j);
    ba.set_content(ts, &d);
    Ok(Value::small_int_unchecked(c as i64))
}

fn ba_clear(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let Some(ba) = args[0].downcast::<BytearrayObj>() else {
        return Err(ts.type_error("expected bytearray"));
    };
    ba.set_content(ts, &[]);
    Ok(Value::NONE)
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    for ty in [t.bytes, t.bytearray] {
        let s = &ty.slots;
        s.repr.set(Some(b_repr));
        s.len.set(Some(b_len));
        s.getitem.set(Some(b_getitem));
        s.contains.set(Some(b_contains));
        s.iter.set(Some(b_iter));
        s.richcompare.set(Some(b_richcompare));
        s.nb[BinaryOp::Add as usize].set(Some(b_add));
        s.nb[BinaryOp::Multiply as usize].set(Some(b_mul));
        add_methods(
            ts,
            ty,
            &[
                method("decode", m_decode),
                method("hex", m_hex),
                classmethod("fromhex", m_fromhex),
                method("join", m_join),
                method("startswith", m_startswith),
                method("endswith", m_endswith),
                method("find", m_find),
                method("count", m_count),
                method("split", m_split),
                method("strip", m_strip),
                method("replace", m_replace),
                method("upper", m_upper),
                method("lower", m_lower),
            ],
        );
    }
    t.bytes.slots.hash.set(Some(b_hash));
    t.bytes.slots.new.set(Some(bytes_new));
    let ba = t.bytearray;
    ba.slots
        .hash
        .set(Some(crate::objects::slots::hash_not_implemented));
    ba.slots.new.set(Some(ba_new));
    ba.slots.init.set(Some(ba_init));
    ba.slots.setitem.set(Some(ba_setitem));
    ba.slots.nb_inplace[BinaryOp::Add as usize].set(Some(ba_iadd));
    add_methods(
        ts,
        ba,
        &[
            method("append", ba_append),
            method("extend", ba_extend),
            method("pop", ba_pop),
            method("clear", ba_clear),
        ],
    );
}
