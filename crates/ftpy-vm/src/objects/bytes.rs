//! `bytes`: immutable bytes, stored inline in the object.
//!
//! ```text
//! +--------+------------+-----------+--------------+
//! | Header | hash (i64) | len       | bytes ...    |
//! +--------+------------+-----------+--------------+
//! ```
//!
//! This file also holds what `bytes` and `bytearray` share: the methods
//! that do not mutate (registered on both types; a result has the type of
//! the receiver's family), "bytes-like object" arguments (anything with
//! the buffer protocol, see `buffer.rs`), `bytes(...)`/`bytearray(...)`
//! argument conversion, and `%`-formatting of bytes (and of str that holds
//! lone surrogates, which the `&str` formatter cannot carry).

use std::borrow::Cow;
use std::sync::atomic::{AtomicI64, Ordering};

use ftpy_compiler::{BinaryOp, CompareOp};

use crate::builtins::args::Sig;
use crate::error::PyResult;
use crate::gc::{Marker, RootedVec};
use crate::interp::{types, BuiltinTypes};
use crate::object::{len_value, Gc, Header, HeapObj, Kind};
use crate::objects::bytearray::BytearrayObj;
use crate::objects::slice::{normalize_index, SliceObj};
use crate::objects::str::{adjust_indices, bytes_find, bytes_rfind, slice_arg, split_sep, StrObj};
use crate::objects::tuple::{repeat_count, TupleObj};
use crate::objects::typeobj::{type_name, type_of, TypeObj};
use crate::objects::{add_methods, classmethod, method, staticmethod};
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
        // SAFETY: `len` bytes follow the header, immutable after creation
        // (except a bytearray's private buffer, see `data_ptr`).
        unsafe {
            std::slice::from_raw_parts(
                (self as *const BytesObj as *const u8).add(std::mem::size_of::<BytesObj>()),
                self.len,
            )
        }
    }

    /// The address of the data: a bytearray's private buffer is written
    /// through it (under the bytearray's lock); nobody else writes.
    #[inline]
    pub(crate) fn data_ptr(&self) -> *mut u8 {
        // SAFETY: the data follows the fields.
        unsafe { (self as *const BytesObj as *mut u8).add(std::mem::size_of::<BytesObj>()) }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn hash_value(&self) -> i64 {
        let h = self.hash.load(Ordering::Relaxed);
        if h != -1 {
            return h;
        }
        let h = crate::hash::hash_bytes(self.as_bytes());
        self.hash.store(h, Ordering::Relaxed);
        h
    }
}

// ---- the buffer protocol ------------------------------------------------------------

fn bytes_memory(v: Value) -> crate::buffer::Memory {
    // SAFETY: registered for the Bytes kind only.
    let b: Gc<BytesObj> = unsafe { v.downcast_unchecked() };
    crate::buffer::Memory {
        ptr: b.data_ptr(),
        len: b.len(),
    }
}

static BYTES_BUFFER: crate::buffer::BufferProcs = crate::buffer::BufferProcs {
    memory: bytes_memory,
    readonly: |_| true,
    format: |_| ("B", 1),
    acquire: None,
    release: None,
    locked: false,
};

/// The bytes of a bytes-like object (anything exporting a buffer), or
/// `None` when `v` is not one. A bytes object is borrowed, not copied.
pub fn buffer_bytes(ts: &mut ThreadState, v: Value) -> PyResult<Option<Cow<'static, [u8]>>> {
    if let Some(b) = v.downcast::<BytesObj>() {
        return Ok(Some(Cow::Borrowed(b.obj().as_bytes())));
    }
    if let Some(m) = v.downcast::<crate::objects::memoryview::MemoryViewObj>() {
        return Ok(Some(Cow::Owned(m.to_bytes(ts)?)));
    }
    match crate::buffer::procs(v) {
        Some(p) => Ok(Some(Cow::Owned(crate::buffer::copy_bytes(v, p)))),
        None => Ok(None),
    }
}

/// The bytes of a bytes-like object, or TypeError `a bytes-like object is
/// required, not 'X'`.
pub fn expect_buffer(ts: &mut ThreadState, v: Value) -> PyResult<Cow<'static, [u8]>> {
    match buffer_bytes(ts, v)? {
        Some(b) => Ok(b),
        None => Err(ts.type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(v)
        ))),
    }
}

/// The bytes of a bytes, bytearray or other exporter (not memoryview;
/// see [`buffer_bytes`]).
pub fn bytes_data(v: Value) -> Option<Vec<u8>> {
    if let Some(b) = v.downcast::<BytesObj>() {
        return Some(b.as_bytes().to_vec());
    }
    if let Some(m) = v.downcast::<crate::objects::memoryview::MemoryViewObj>() {
        return m.to_bytes_quiet();
    }
    crate::buffer::procs(v).map(|p| crate::buffer::copy_bytes(v, p))
}

/// `repr(bytes)`.
pub fn repr_bytes(b: &[u8], prefix: &str) -> String {
    repr_bytes_impl(b, prefix, false)
}

/// `repr_bytes`; `escape_single` also escapes `'` inside double quotes
/// (as CPython's bytearray repr does).
fn repr_bytes_impl(b: &[u8], prefix: &str, escape_single: bool) -> String {
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
            c if c as char == quote || (escape_single && c == b'\'') => {
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

/// Decodes bytes to text (lossy for lone surrogates; see `codecs.rs` for
/// the exact API).
pub fn decode(ts: &mut ThreadState, b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let e = StrObj::alloc(ts, encoding);
    let r = StrObj::alloc(ts, errors);
    let v = crate::codecs::decode_value(ts, b, Some(e), Some(r))?;
    Ok(crate::objects::str::as_str(v).unwrap_or("").to_string())
}

/// Encodes text (see `codecs.rs` for the exact API).
pub fn encode(ts: &mut ThreadState, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let so = StrObj::alloc(ts, s);
    let e = StrObj::alloc(ts, encoding);
    let r = StrObj::alloc(ts, errors);
    let v = crate::codecs::encode_value(ts, so, Some(e), Some(r))?;
    Ok(bytes_data(v).unwrap_or_default())
}

// ---- construction -------------------------------------------------------------------

/// The bytes `bytes(x)` / `bytearray(x)` make (`name` is the type's name
/// for messages).
pub fn bytes_from_args(
    ts: &mut ThreadState,
    name: &str,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Vec<u8>> {
    static BYTES: Sig = Sig::new("bytes(source=None, encoding=None, errors=None)");
    static BYTEARRAY: Sig = Sig::new("bytearray(source=None, encoding=None, errors=None)");
    let sig = if name == "bytes" { &BYTES } else { &BYTEARRAY };
    let [src, enc, errors] = sig.bind(ts, args, kw)?;
    let Some(src) = src.non_null() else {
        if !enc.is_null() {
            return Err(ts.type_error("encoding without a string argument"));
        }
        if !errors.is_null() {
            return Err(ts.type_error("errors without a string argument"));
        }
        return Ok(Vec::new());
    };
    let enc = match enc.non_null() {
        Some(e) => Some(crate::objects::str::expect_str(
            ts,
            e,
            &format!("{name}() argument 'encoding'"),
        )?),
        None => None,
    };
    let errors = match errors.non_null() {
        Some(e) => Some(crate::objects::str::expect_str(
            ts,
            e,
            &format!("{name}() argument 'errors'"),
        )?),
        None => None,
    };
    // `bytes(x)` asks `x.__bytes__` first, even of a str subclass.
    let has_bytes = || {
        type_of(src)
            .lookup(crate::interp::names().__bytes__)
            .is_some()
    };
    if name == "bytes" && enc.is_none() && errors.is_none() && has_bytes() {
        return from_object(ts, name, src);
    }
    if let Some(s) = src.downcast::<StrObj>() {
        if enc.is_none() {
            return Err(ts.type_error("string argument without an encoding"));
        }
        let v = crate::codecs::encode_value(ts, s, enc, errors)?;
        return Ok(bytes_data(v).unwrap_or_default());
    }
    if enc.is_some() {
        return Err(ts.type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(ts.type_error("errors without a string argument"));
    }
    from_object(ts, name, src)
}

/// `bytes(x)` for one argument that is not a str.
fn from_object(ts: &mut ThreadState, name: &str, src: Value) -> PyResult<Vec<u8>> {
    if name == "bytes" {
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
    }
    if let Some(d) = buffer_bytes(ts, src)? {
        return Ok(d.into_owned());
    }
    if crate::objects::int::is_int(src) || type_of(src).slots.index.get().is_some() {
        let n = match ops::index_to_i64(ts, src) {
            Ok(n) => n,
            Err(e) if e.matches(types().overflow_error) => {
                return Err(ts.overflow_error("cannot fit 'int' into an index-sized integer"))
            }
            Err(e) => return Err(e),
        };
        if n < 0 {
            return Err(ts.value_error("negative count"));
        }
        ts.check_alloc_size(n as usize)?;
        return Ok(vec![0; n as usize]);
    }
    if type_of(src).slots.iter.get().is_none() && type_of(src).slots.getitem.get().is_none() {
        return Err(ts.type_error(format!(
            "cannot convert '{}' object to {name}",
            type_name(src)
        )));
    }
    let msg = if name == "bytes" {
        "bytes must be in range(0, 256)"
    } else {
        "byte must be in range(0, 256)"
    };
    ints_of_iterable(ts, src, msg)
}

/// The bytes of an iterable of ints in range(256).
pub fn ints_of_iterable(ts: &mut ThreadState, src: Value, range_msg: &str) -> PyResult<Vec<u8>> {
    let items = ops::collect(ts, src)?;
    let mut out = Vec::with_capacity(items.len());
    for &x in items.iter() {
        out.push(byte_value(ts, x, range_msg)?);
    }
    Ok(out)
}

/// An int in range(256) (`msg` otherwise).
pub fn byte_value(ts: &mut ThreadState, x: Value, msg: &str) -> PyResult<u8> {
    if let Some(i) = x.as_small_int() {
        if (0..256).contains(&i) {
            return Ok(i as u8);
        }
        return Err(ts.value_error(msg));
    }
    let n = ops::index(ts, x)?;
    match crate::objects::int::to_i64(n) {
        Some(i) if (0..256).contains(&i) => Ok(i as u8),
        _ => Err(ts.value_error(msg)),
    }
}

fn bytes_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    // `bytes(b)` of an exact bytes is `b` itself.
    if cls == types().bytes && args.len() == 1 && kw.is_none() && type_of(args[0]) == types().bytes
    {
        return Ok(args[0]);
    }
    // `bytes(x)` is what `x.__bytes__()` returns (a bytes subclass
    // included).
    if cls == types().bytes && args.len() == 1 && kw.is_none() && type_of(args[0]) != types().bytes
    {
        if let Some(f) = type_of(args[0]).lookup(crate::interp::names().__bytes__) {
            let r = ops::call_unbound(ts, f, args[0], &[], None)?;
            if r.downcast::<BytesObj>().is_none() {
                return Err(ts.type_error(format!(
                    "__bytes__ returned non-bytes (type {})",
                    type_name(r)
                )));
            }
            return Ok(r);
        }
    }
    let b = bytes_from_args(ts, "bytes", args, kw)?;
    Ok(BytesObj::alloc_typed(ts, cls, &b).value())
}

// ---- shared helpers -------------------------------------------------------------------

type Kw = Option<Gc<TupleObj>>;

pub(crate) fn is_bytearray(v: Value) -> bool {
    v.downcast::<BytearrayObj>().is_some()
}

/// The receiver's bytes (a bytes object is borrowed, a bytearray copied).
pub(crate) fn recv_data(ts: &mut ThreadState, v: Value) -> PyResult<Cow<'static, [u8]>> {
    if let Some(b) = v.downcast::<BytesObj>() {
        return Ok(Cow::Borrowed(b.obj().as_bytes()));
    }
    if let Some(b) = v.downcast::<BytearrayObj>() {
        return Ok(Cow::Owned(b.to_vec()));
    }
    Err(ts.type_error(format!(
        "descriptor requires a 'bytes' object but received a '{}'",
        type_name(v)
    )))
}

/// A result of the receiver's family: exact bytes or exact bytearray.
pub(crate) fn make_like(ts: &mut ThreadState, like: Value, b: &[u8]) -> Value {
    if is_bytearray(like) {
        BytearrayObj::new(ts, types().bytearray, b).value()
    } else {
        BytesObj::new(ts, b)
    }
}

/// The type name for messages (`bytes` or `bytearray`).
fn family(v: Value) -> &'static str {
    if is_bytearray(v) {
        "bytearray"
    } else {
        "bytes"
    }
}

/// A "sub" argument of find and friends: an int (one byte) or bytes-like.
fn sub_arg(ts: &mut ThreadState, v: Value) -> PyResult<Cow<'static, [u8]>> {
    if crate::objects::int::is_int(v) {
        let b = byte_value(ts, v, "byte must be in range(0, 256)")?;
        return Ok(Cow::Owned(vec![b]));
    }
    match buffer_bytes(ts, v)? {
        Some(b) => Ok(b),
        None => {
            if type_of(v).slots.index.get().is_some() {
                let b = byte_value(ts, v, "byte must be in range(0, 256)")?;
                return Ok(Cow::Owned(vec![b]));
            }
            Err(ts.type_error(format!(
                "argument should be integer or bytes-like object, not '{}'",
                type_name(v)
            )))
        }
    }
}

// ---- slots ----------------------------------------------------------------------------

fn b_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let d = recv_data(ts, v)?;
    let s = if is_bytearray(v) {
        format!(
            "{}({})",
            type_of(v).name_str(),
            repr_bytes_impl(&d, "b", true)
        )
    } else {
        repr_bytes(&d, "b")
    };
    Ok(StrObj::new(ts, &s))
}

fn b_hash(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    let Some(b) = v.downcast::<BytesObj>() else {
        return Err(ts.type_error("unhashable type: 'bytearray'"));
    };
    Ok(b.hash_value())
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

pub(crate) fn b_getitem(ts: &mut ThreadState, v: Value, key: Value) -> PyResult<Value> {
    let ba = is_bytearray(v);
    if let Some(s) = key.downcast::<SliceObj>() {
        let d = recv_data(ts, v)?;
        let (start, _, step, n) = s.indices(ts, d.len() as i64)?;
        if step == 1 {
            let a = start as usize;
            if !ba && n == d.len() && type_of(v) == types().bytes {
                return Ok(v);
            }
            return Ok(make_like(ts, v, &d[a..a + n]));
        }
        let out: Vec<u8> = (0..n)
            .map(|k| d[(start + k as i64 * step) as usize])
            .collect();
        return Ok(make_like(ts, v, &out));
    }
    let i = match key.as_small_int() {
        Some(i) => i,
        None => {
            if !crate::objects::int::is_int(key) && type_of(key).slots.index.get().is_none() {
                return Err(ts.type_error(format!(
                    "{} indices must be integers or slices, not {}",
                    if ba { "bytearray" } else { "byte" },
                    type_name(key)
                )));
            }
            ops::index_saturating(ts, key, "byte")?
        }
    };
    let byte = if let Some(b) = v.downcast::<BytesObj>() {
        normalize_index(i, b.len()).map(|j| b.as_bytes()[j])
    } else if let Some(b) = v.downcast::<BytearrayObj>() {
        b.get(i)
    } else {
        None
    };
    match byte {
        Some(c) => Ok(Value::small_int_unchecked(c as i64)),
        None => Err(ts.index_error(if ba {
            "bytearray index out of range"
        } else {
            "index out of range"
        })),
    }
}

fn b_contains(ts: &mut ThreadState, v: Value, x: Value) -> PyResult<bool> {
    let d = recv_data(ts, v)?;
    if crate::objects::int::is_int(x) {
        let b = byte_value(ts, x, "byte must be in range(0, 256)")?;
        return Ok(d.contains(&b));
    }
    let sub = match buffer_bytes(ts, x)? {
        Some(s) => s,
        None if type_of(x).slots.index.get().is_some() => {
            let b = byte_value(ts, x, "byte must be in range(0, 256)")?;
            return Ok(d.contains(&b));
        }
        None => {
            return Err(ts.type_error(format!(
                "a bytes-like object is required, not '{}'",
                type_name(x)
            )))
        }
    };
    Ok(bytes_find(&d, &sub).is_some())
}

fn b_iter(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let ty = if is_bytearray(v) {
        types().bytearray_iterator
    } else {
        types().bytes_iterator
    };
    Ok(crate::objects::iterators::IterObj::new(ts, ty, v, Value::NULL, 0).value())
}

/// bytes_iterator / bytearray_iterator: a = bytes or bytearray, index.
pub fn bytes_iter_next(_ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    // SAFETY: installed only on the bytes iterator types (IterObj layout).
    let o: Gc<crate::objects::iterators::IterObj> = unsafe { v.downcast_unchecked() };
    let src = o.a.get();
    let i = o.index.load(Ordering::Relaxed);
    let byte = if let Some(b) = src.downcast::<BytesObj>() {
        b.as_bytes().get(i as usize).copied()
    } else if let Some(b) = src.downcast::<BytearrayObj>() {
        b.get(i)
    } else {
        None
    };
    match byte {
        Some(c) => {
            o.index.store(i + 1, Ordering::Relaxed);
            Ok(Some(Value::small_int_unchecked(c as i64)))
        }
        None => {
            o.a.set(Value::NULL);
            Ok(None)
        }
    }
}

fn b_richcompare(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    // bytes compares with bytes and bytearray only; bytearray with any
    // bytes-like object.
    let ok = |v: Value| v.downcast::<BytesObj>().is_some() || is_bytearray(v);
    if !ok(a) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let buffer_like = |v: Value| {
        crate::buffer::procs(v).is_some()
            || v.downcast::<crate::objects::memoryview::MemoryViewObj>()
                .is_some()
    };
    let y = if ok(b) || (is_bytearray(a) && buffer_like(b)) {
        recv_or_buffer(ts, b)?
    } else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let x = recv_data(ts, a)?;
    Ok(Value::from_bool(crate::objects::float::ordering_matches(
        x.as_ref().cmp(y.as_ref()),
        op,
    )))
}

fn recv_or_buffer(ts: &mut ThreadState, v: Value) -> PyResult<Cow<'static, [u8]>> {
    if let Some(b) = buffer_bytes(ts, v)? {
        return Ok(b);
    }
    recv_data(ts, v)
}

fn b_add(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    if a.downcast::<BytesObj>().is_none() && !is_bytearray(a) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let x = recv_data(ts, a)?;
    let Some(y) = buffer_bytes(ts, b)? else {
        return Err(ts.type_error(format!("can't concat {} to {}", type_name(b), family(a))));
    };
    if !is_bytearray(a) && y.is_empty() && type_of(a) == types().bytes {
        return Ok(a);
    }
    let mut out = Vec::with_capacity(x.len() + y.len());
    out.extend_from_slice(&x);
    out.extend_from_slice(&y);
    Ok(make_like(ts, a, &out))
}

fn b_mul(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let is_b = |v: Value| v.downcast::<BytesObj>().is_some() || is_bytearray(v);
    let (seq, n) = if is_b(a) { (a, b) } else { (b, a) };
    if !is_b(seq) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let Some(n) = repeat_count(ts, n)? else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let d = recv_data(ts, seq)?;
    let n = n.max(0) as usize;
    if d.len()
        .checked_mul(n)
        .is_none_or(|t| t > isize::MAX as usize)
    {
        // CPython: bytes checks the size first, bytearray just fails to
        // allocate.
        if is_bytearray(seq) {
            return Err(ts.memory_error(""));
        }
        return Err(ts.overflow_error("repeated bytes are too long"));
    }
    ts.check_alloc_size(d.len().saturating_mul(n))?;
    if n == 1 && !is_bytearray(seq) && type_of(seq) == types().bytes {
        return Ok(seq);
    }
    Ok(make_like(ts, seq, &d.repeat(n)))
}

fn b_mod(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    if a.downcast::<BytesObj>().is_none() && !is_bytearray(a) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let d = recv_data(ts, a)?;
    let r = percent_format_wtf8(ts, &d, b, true)?;
    if is_bytearray(a) {
        let out = bytes_data(r).unwrap_or_default();
        return Ok(BytearrayObj::new(ts, types().bytearray, &out).value());
    }
    Ok(r)
}

// ---- methods --------------------------------------------------------------------------

fn pick<'a>(v: Value, b: &'a Sig, ba: &'a Sig) -> &'a Sig {
    if is_bytearray(v) {
        ba
    } else {
        b
    }
}

fn bind<const N: usize>(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Kw,
    b: &Sig,
    ba: &Sig,
) -> PyResult<[Value; N]> {
    let recv = args.first().copied().unwrap_or(Value::NONE);
    pick(recv, b, ba).bind(ts, args, kw)
}

fn m_decode(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static B: Sig = Sig::new("bytes.decode($self, /, encoding='utf-8', errors='strict')");
    static BA: Sig = Sig::new("bytearray.decode($self, /, encoding='utf-8', errors='strict')");
    let [v, ev, errv] = bind(ts, args, kw, &B, &BA)?;
    let d = recv_data(ts, v)?;
    let enc = match ev.non_null() {
        Some(e) => Some(crate::objects::str::expect_str(
            ts,
            e,
            "decode() argument 'encoding'",
        )?),
        None => None,
    };
    let errors = match errv.non_null() {
        Some(e) => Some(crate::objects::str::expect_str(
            ts,
            e,
            "decode() argument 'errors'",
        )?),
        None => None,
    };
    crate::codecs::decode_value(ts, &d, enc, errors)
}

/// `hex(sep, bytes_per_sep)` shared by bytes, bytearray and memoryview.
pub fn hex_with_sep(ts: &mut ThreadState, d: &[u8], sep: Value, per: Value) -> PyResult<Value> {
    let sep_char = match sep.non_null() {
        None => None,
        Some(s) => {
            let sb: Vec<u8> = if let Some(st) = s.downcast::<StrObj>() {
                if st.char_len() != 1 {
                    return Err(ts.value_error("sep must be length 1."));
                }
                if !st.is_ascii() {
                    return Err(ts.value_error("sep must be ASCII."));
                }
                st.as_wtf8().to_vec()
            } else if let Some(b) = buffer_bytes(ts, s)? {
                if b.len() != 1 {
                    return Err(ts.value_error("sep must be length 1."));
                }
                b.into_owned()
            } else {
                let n = ops::len(ts, s)?;
                if n != 1 {
                    return Err(ts.value_error("sep must be length 1."));
                }
                return Err(ts.type_error("sep must be str or bytes."));
            };
            if sb[0] >= 0x80 {
                return Err(ts.value_error("sep must be ASCII."));
            }
            Some(sb[0] as char)
        }
    };
    let per = match per.non_null() {
        Some(p) => {
            let n = ops::index_to_i64(ts, p)?;
            if n > i32::MAX as i64 || n < i32::MIN as i64 {
                return Err(ts.overflow_error("Python int too large to convert to C int"));
            }
            n
        }
        None => 1,
    };
    let mut out = String::with_capacity(d.len() * 3);
    let hexd = |out: &mut String, c: u8| {
        const H: &[u8; 16] = b"0123456789abcdef";
        out.push(H[(c >> 4) as usize] as char);
        out.push(H[(c & 15) as usize] as char);
    };
    match sep_char {
        Some(sc) if per != 0 && d.len() > 1 => {
            let k = per.unsigned_abs() as usize;
            if per > 0 {
                // Groups counted from the right.
                let first = match d.len() % k {
                    0 => k,
                    r => r,
                };
                for (i, &c) in d.iter().enumerate() {
                    if i > 0 && (i + k - first).is_multiple_of(k) {
                        out.push(sc);
                    }
                    hexd(&mut out, c);
                }
            } else {
                for (i, &c) in d.iter().enumerate() {
                    if i > 0 && i % k == 0 {
                        out.push(sc);
                    }
                    hexd(&mut out, c);
                }
            }
        }
        _ => {
            for &c in d {
                hexd(&mut out, c);
            }
        }
    }
    Ok(StrObj::new(ts, &out))
}

fn m_hex(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static B: Sig = Sig::new("bytes.hex($self, /, sep=<unrepresentable>, bytes_per_sep=1)");
    static BA: Sig = Sig::new("bytearray.hex($self, /, sep=<unrepresentable>, bytes_per_sep=1)");
    let [v, sep, per] = bind(ts, args, kw, &B, &BA)?;
    let d = recv_data(ts, v)?;
    hex_with_sep(ts, &d, sep, per)
}

fn m_fromhex(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("bytes.fromhex($type, string, /)");
    let [cls, sv] = SIG.bind(ts, args, kw)?;
    let Some(s) = sv.downcast::<StrObj>() else {
        return Err(ts.type_error(format!(
            "fromhex() argument must be str, not {}",
            type_name(sv)
        )));
    };
    let text = s.as_wtf8();
    let cps: Vec<u32> = s.code_points().collect();
    let _ = text;
    let mut out = Vec::with_capacity(cps.len() / 2);
    let mut i = 0;
    let hexv = |c: u32| char::from_u32(c).and_then(|c| c.to_digit(16));
    while i < cps.len() {
        if matches!(cps[i], 0x20 | 0x09 | 0x0A | 0x0B | 0x0C | 0x0D) {
            i += 1;
            continue;
        }
        let Some(hi) = hexv(cps[i]) else {
            return Err(ts.value_error(format!(
                "non-hexadecimal number found in fromhex() arg at position {i}"
            )));
        };
        let Some(lo) = cps.get(i + 1).and_then(|&c| hexv(c)) else {
            return Err(ts.value_error(format!(
                "non-hexadecimal number found in fromhex() arg at position {}",
                i + 1
            )));
        };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    let Some(cls_t) = cls.downcast::<TypeObj>() else {
        return Ok(BytesObj::new(ts, &out));
    };
    if cls_t == types().bytes {
        return Ok(BytesObj::new(ts, &out));
    }
    if cls_t == types().bytearray {
        return Ok(BytearrayObj::new(ts, cls_t, &out).value());
    }
    // A subclass: cls(bytes) as CPython does.
    let b = BytesObj::new(ts, &out);
    ops::call(ts, cls, &[b], None)
}

fn m_join(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static B: Sig = Sig::new("bytes.join($self, iterable_of_bytes, /)");
    static BA: Sig = Sig::new("bytearray.join($self, iterable_of_bytes, /)");
    let [v, it] = bind(ts, args, kw, &B, &BA)?;
    let sep = recv_data(ts, v)?;
    // Only the TypeError of a non-iterable is reworded; an error while
    // iterating propagates (CPython's PySequence_Fast).
    let items = match ops::collect(ts, it) {
        Ok(items) => items,
        Err(e) if e.matches(types().type_error) && !ops::is_iterable_type(it) => {
            return Err(ts.type_error("can only join an iterable"))
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    for (i, &x) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match buffer_bytes(ts, x)? {
            Some(d) => out.extend_from_slice(&d),
            None => {
                return Err(ts.type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    type_name(x)
                )))
            }
        }
    }
    drop(items);
    Ok(make_like(ts, v, &out))
}

fn affix(ts: &mut ThreadState, args: &[Value], kw: Kw, start: bool) -> PyResult<Value> {
    static SB: Sig = Sig::new("bytes.startswith($self, prefix, start=None, end=None, /)").legacy();
    static SBA: Sig =
        Sig::new("bytearray.startswith($self, prefix, start=None, end=None, /)").legacy();
    static EB: Sig = Sig::new("bytes.endswith($self, suffix, start=None, end=None, /)").legacy();
    static EBA: Sig =
        Sig::new("bytearray.endswith($self, suffix, start=None, end=None, /)").legacy();
    let recv = args.first().copied().unwrap_or(Value::NONE);
    let sig = match (start, is_bytearray(recv)) {
        (true, false) => &SB,
        (true, true) => &SBA,
        (false, false) => &EB,
        (false, true) => &EBA,
    };
    let sig_legacy: &Sig = sig;
    let [v, p, st, en] = sig_legacy.bind(ts, args, kw)?;
    let name = if start { "startswith" } else { "endswith" };
    let d = recv_data(ts, v)?;
    let st = slice_arg(ts, st)?;
    let en = slice_arg(ts, en)?;
    let (a, b) = adjust_indices(st, en, d.len() as i64);
    let test = |x: &[u8]| -> bool {
        if b - a < x.len() as i64 {
            return false;
        }
        let hay = &d[a as usize..b as usize];
        if start {
            hay.starts_with(x)
        } else {
            hay.ends_with(x)
        }
    };
    if let Some(t) = p.downcast::<TupleObj>() {
        for &x in t.items() {
            let Some(xb) = buffer_bytes(ts, x)? else {
                return Err(ts.type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    type_name(x)
                )));
            };
            if test(&xb) {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    match buffer_bytes(ts, p)? {
        Some(x) => Ok(Value::from_bool(test(&x))),
        None => Err(ts.type_error(format!(
            "{name} first arg must be bytes or a tuple of bytes, not {}",
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

/// find / rfind / index / rindex / count (`which` 0..5).
fn find_family(ts: &mut ThreadState, args: &[Value], kw: Kw, which: u8) -> PyResult<Value> {
    static FB: Sig = Sig::new("bytes.find($self, sub, start=None, end=None, /)").legacy();
    static FBA: Sig = Sig::new("bytearray.find($self, sub, start=None, end=None, /)").legacy();
    static RB: Sig = Sig::new("bytes.rfind($self, sub, start=None, end=None, /)").legacy();
    static RBA: Sig = Sig::new("bytearray.rfind($self, sub, start=None, end=None, /)").legacy();
    static IB: Sig = Sig::new("bytes.index($self, sub, start=None, end=None, /)").legacy();
    static IBA: Sig = Sig::new("bytearray.index($self, sub, start=None, end=None, /)").legacy();
    static RIB: Sig = Sig::new("bytes.rindex($self, sub, start=None, end=None, /)").legacy();
    static RIBA: Sig = Sig::new("bytearray.rindex($self, sub, start=None, end=None, /)").legacy();
    static CB: Sig = Sig::new("bytes.count($self, sub, start=None, end=None, /)").legacy();
    static CBA: Sig = Sig::new("bytearray.count($self, sub, start=None, end=None, /)").legacy();
    let (b, ba) = match which {
        0 => (&FB, &FBA),
        1 => (&RB, &RBA),
        2 => (&IB, &IBA),
        3 => (&RIB, &RIBA),
        _ => (&CB, &CBA),
    };
    let [v, subv, st, en] = bind(ts, args, kw, b, ba)?;
    let d = recv_data(ts, v)?;
    let sub = sub_arg(ts, subv)?;
    let st = slice_arg(ts, st)?;
    let en = slice_arg(ts, en)?;
    let (a, e) = adjust_indices(st, en, d.len() as i64);
    if which == 4 {
        if e < a || e - a < sub.len() as i64 {
            return Ok(len_value(0));
        }
        let hay = &d[a as usize..e as usize];
        if sub.is_empty() {
            return Ok(len_value(hay.len() + 1));
        }
        let (mut n, mut i) = (0, 0);
        while let Some(j) = bytes_find(&hay[i..], &sub) {
            n += 1;
            i += j + sub.len();
        }
        return Ok(len_value(n));
    }
    let found = if e - a < sub.len() as i64 {
        None
    } else {
        let hay = &d[a as usize..e as usize];
        let r = if which == 1 || which == 3 {
            bytes_rfind(hay, &sub)
        } else {
            bytes_find(hay, &sub)
        };
        r.map(|i| i + a as usize)
    };
    match found {
        Some(i) => Ok(len_value(i)),
        None if which >= 2 => Err(ts.value_error("subsection not found")),
        None => Ok(Value::small_int_unchecked(-1)),
    }
}

fn m_find(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    find_family(ts, args, kw, 0)
}
fn m_rfind(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    find_family(ts, args, kw, 1)
}
fn m_index(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    find_family(ts, args, kw, 2)
}
fn m_rindex(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    find_family(ts, args, kw, 3)
}
fn m_count(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    find_family(ts, args, kw, 4)
}

const ASCII_SPACE: &[u8] = b" \t\n\r\x0b\x0c";

fn list_of(ts: &mut ThreadState, like: Value, parts: &[&[u8]]) -> Value {
    let mut out = RootedVec::with_capacity(ts, parts.len());
    for p in parts {
        let v = make_like(ts, like, p);
        out.push(v);
    }
    crate::objects::list::ListObj::new(ts, &out).value()
}

fn split_ws(d: &[u8], maxsplit: i64, rev: bool) -> Vec<&[u8]> {
    let sp = |c: &u8| ASCII_SPACE.contains(c);
    let mut parts: Vec<&[u8]> = Vec::new();
    if !rev {
        let mut i = 0;
        loop {
            while i < d.len() && sp(&d[i]) {
                i += 1;
            }
            if i == d.len() {
                break;
            }
            if maxsplit >= 0 && parts.len() as i64 == maxsplit {
                parts.push(&d[i..]);
                break;
            }
            let s = i;
            while i < d.len() && !sp(&d[i]) {
                i += 1;
            }
            parts.push(&d[s..i]);
        }
    } else {
        let mut i = d.len();
        loop {
            while i > 0 && sp(&d[i - 1]) {
                i -= 1;
            }
            if i == 0 {
                break;
            }
            if maxsplit >= 0 && parts.len() as i64 == maxsplit {
                parts.push(&d[..i]);
                break;
            }
            let e = i;
            while i > 0 && !sp(&d[i - 1]) {
                i -= 1;
            }
            parts.push(&d[i..e]);
        }
        parts.reverse();
    }
    parts
}

fn split_impl(ts: &mut ThreadState, args: &[Value], kw: Kw, rev: bool) -> PyResult<Value> {
    static SB: Sig = Sig::new("bytes.split($self, /, sep=None, maxsplit=-1)");
    static SBA: Sig = Sig::new("bytearray.split($self, /, sep=None, maxsplit=-1)");
    static RB: Sig = Sig::new("bytes.rsplit($self, /, sep=None, maxsplit=-1)");
    static RBA: Sig = Sig::new("bytearray.rsplit($self, /, sep=None, maxsplit=-1)");
    let (b, ba) = if rev { (&RB, &RBA) } else { (&SB, &SBA) };
    let [v, sep, maxsplit] = bind(ts, args, kw, b, ba)?;
    let d = recv_data(ts, v)?;
    let maxsplit = match maxsplit.non_null() {
        Some(m) => ops::index_to_i64(ts, m)?,
        None => -1,
    };
    let parts = match sep.non_null().filter(|s| !s.is_none()) {
        None => split_ws(&d, maxsplit, rev),
        Some(s) => {
            let sb = expect_buffer(ts, s)?;
            if sb.is_empty() {
                return Err(ts.value_error("empty separator"));
            }
            let parts = split_sep(&d, &sb, maxsplit, rev);
            // Lifetimes: `parts` borrows `d`, not `sb`.
            parts
        }
    };
    Ok(list_of(ts, v, &parts))
}

fn m_split(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    split_impl(ts, args, kw, false)
}
fn m_rsplit(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    split_impl(ts, args, kw, true)
}

fn m_splitlines(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static B: Sig = Sig::new("bytes.splitlines($self, /, keepends=False)");
    static BA: Sig = Sig::new("bytearray.splitlines($self, /, keepends=False)");
    let [v, keep] = bind(ts, args, kw, &B, &BA)?;
    let d = recv_data(ts, v)?;
    let keep = match keep.non_null() {
        Some(k) => crate::objects::str::keep_flag(ts, k)?,
        None => false,
    };
    let mut parts: Vec<&[u8]> = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < d.len() {
        let c = d[i];
        if c == b'\n' || c == b'\r' {
            let mut end = i + 1;
            if c == b'\r' && d.get(i + 1) == Some(&b'\n') {
                end += 1;
            }
            parts.push(if keep { &d[start..end] } else { &d[start..i] });
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < d.len() {
        parts.push(&d[start..]);
    }
    Ok(list_of(ts, v, &parts))
}

fn strip_impl(ts: &mut ThreadState, args: &[Value], kw: Kw, which: u8) -> PyResult<Value> {
    static SB: Sig = Sig::new("bytes.strip($self, bytes=None, /)");
    static SBA: Sig = Sig::new("bytearray.strip($self, bytes=None, /)");
    static LB: Sig = Sig::new("bytes.lstrip($self, bytes=None, /)");
    static LBA: Sig = Sig::new("bytearray.lstrip($self, bytes=None, /)");
    static RB: Sig = Sig::new("bytes.rstrip($self, bytes=None, /)");
    static RBA: Sig = Sig::new("bytearray.rstrip($self, bytes=None, /)");
    let (b, ba) = match which {
        0 => (&SB, &SBA),
        1 => (&LB, &LBA),
        _ => (&RB, &RBA),
    };
    let [v, chars] = bind(ts, args, kw, b, ba)?;
    let d = recv_data(ts, v)?;
    let set: Cow<[u8]> = match chars.non_null().filter(|c| !c.is_none()) {
        Some(c) => expect_buffer(ts, c)?,
        None => Cow::Borrowed(ASCII_SPACE),
    };
    let mut s = 0;
    let mut e = d.len();
    if which != 2 {
        while s < e && set.contains(&d[s]) {
            s += 1;
        }
    }
    if which != 1 {
        while e > s && set.contains(&d[e - 1]) {
            e -= 1;
        }
    }
    if s == 0 && e == d.len() && !is_bytearray(v) && type_of(v) == types().bytes {
        return Ok(v);
    }
    Ok(make_like(ts, v, &d[s..e]))
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
    static B: Sig = Sig::new("bytes.replace($self, old, new, count=-1, /)");
    static BA: Sig = Sig::new("bytearray.replace($self, old, new, count=-1, /)");
    let [v, ov, nv, cv] = bind(ts, args, kw, &B, &BA)?;
    let d = recv_data(ts, v)?;
    let old = expect_buffer(ts, ov)?;
    let new = expect_buffer(ts, nv)?;
    let count = match cv.non_null() {
        Some(c) => ops::index_to_i64(ts, c)?,
        None => -1,
    };
    let mut out = Vec::with_capacity(d.len());
    let mut n = 0i64;
    if old.is_empty() {
        for (i, &c) in d.iter().enumerate() {
            if count < 0 || n < count {
                out.extend_from_slice(&new);
                n += 1;
            } else {
                out.extend_from_slice(&d[i..]);
                return Ok(make_like(ts, v, &out));
            }
            out.push(c);
        }
        if count < 0 || n < count {
            out.extend_from_slice(&new);
        }
        ts.check_alloc_size(out.len())?;
        return Ok(make_like(ts, v, &out));
    }
    let mut i = 0;
    while count < 0 || n < count {
        match bytes_find(&d[i..], &old) {
            Some(j) => {
                out.extend_from_slice(&d[i..i + j]);
                out.extend_from_slice(&new);
                i += j + old.len();
                n += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&d[i..]);
    Ok(make_like(ts, v, &out))
}

fn noarg(ts: &mut ThreadState, args: &[Value], kw: Kw, b: &Sig, ba: &Sig) -> PyResult<Value> {
    let [v] = bind(ts, args, kw, b, ba)?;
    Ok(v)
}

macro_rules! bytes_map {
    ($fname:ident, $name:literal, $f:expr) => {
        fn $fname(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
            static B: Sig = Sig::new(concat!("bytes.", $name, "($self, /)"));
            static BA: Sig = Sig::new(concat!("bytearray.", $name, "($self, /)"));
            let v = noarg(ts, args, kw, &B, &BA)?;
            let d = recv_data(ts, v)?;
            let f: fn(&[u8]) -> Vec<u8> = $f;
            let out = f(&d);
            Ok(make_like(ts, v, &out))
        }
    };
}

macro_rules! bytes_pred {
    ($fname:ident, $name:literal, $empty:expr, $f:expr) => {
        fn $fname(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
            static B: Sig = Sig::new(concat!("bytes.", $name, "($self, /)"));
            static BA: Sig = Sig::new(concat!("bytearray.", $name, "($self, /)"));
            let v = noarg(ts, args, kw, &B, &BA)?;
            let d = recv_data(ts, v)?;
            if d.is_empty() {
                return Ok(Value::from_bool($empty));
            }
            let f: fn(&[u8]) -> bool = $f;
            Ok(Value::from_bool(f(&d)))
        }
    };
}

fn title_bytes(d: &[u8]) -> Vec<u8> {
    let mut prev = false;
    d.iter()
        .map(|&c| {
            let r = if prev {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            };
            prev = c.is_ascii_alphabetic();
            r
        })
        .collect()
}

fn capitalize_bytes(d: &[u8]) -> Vec<u8> {
    d.iter()
        .enumerate()
        .map(|(i, &c)| {
            if i == 0 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

bytes_map!(m_upper, "upper", |d| d.to_ascii_uppercase());
bytes_map!(m_lower, "lower", |d| d.to_ascii_lowercase());
bytes_map!(m_title, "title", title_bytes);
bytes_map!(m_capitalize, "capitalize", capitalize_bytes);
bytes_map!(m_swapcase, "swapcase", |d| d
    .iter()
    .map(|&c| if c.is_ascii_uppercase() {
        c.to_ascii_lowercase()
    } else {
        c.to_ascii_uppercase()
    })
    .collect());

bytes_pred!(m_isalnum, "isalnum", false, |d| d
    .iter()
    .all(|c| c.is_ascii_alphanumeric()));
bytes_pred!(m_isalpha, "isalpha", false, |d| d
    .iter()
    .all(|c| c.is_ascii_alphabetic()));
bytes_pred!(m_isascii, "isascii", true, |d| d.is_ascii());
bytes_pred!(m_isdigit, "isdigit", false, |d| d
    .iter()
    .all(|c| c.is_ascii_digit()));
bytes_pred!(m_isspace, "isspace", false, |d| d
    .iter()
    .all(|c| ASCII_SPACE.contains(c)));
bytes_pred!(m_islower, "islower", false, |d| d
    .iter()
    .any(|c| c.is_ascii_lowercase())
    && !d.iter().any(|c| c.is_ascii_uppercase()));
bytes_pred!(m_isupper, "isupper", false, |d| d
    .iter()
    .any(|c| c.is_ascii_uppercase())
    && !d.iter().any(|c| c.is_ascii_lowercase()));
bytes_pred!(m_istitle, "istitle", false, |d| {
    let mut prev_cased = false;
    let mut any = false;
    for &c in d {
        if c.is_ascii_uppercase() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            any = true;
        } else if c.is_ascii_lowercase() {
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
});

fn pad_impl(ts: &mut ThreadState, args: &[Value], kw: Kw, mode: u8) -> PyResult<Value> {
    static LB: Sig = Sig::new("bytes.ljust($self, width, fillchar=b' ', /)");
    static LBA: Sig = Sig::new("bytearray.ljust($self, width, fillchar=b' ', /)");
    static RB: Sig = Sig::new("bytes.rjust($self, width, fillchar=b' ', /)");
    static RBA: Sig = Sig::new("bytearray.rjust($self, width, fillchar=b' ', /)");
    static CB: Sig = Sig::new("bytes.center($self, width, fillchar=b' ', /)");
    static CBA: Sig = Sig::new("bytearray.center($self, width, fillchar=b' ', /)");
    let (b, ba, name) = match mode {
        0 => (&LB, &LBA, "ljust"),
        1 => (&RB, &RBA, "rjust"),
        _ => (&CB, &CBA, "center"),
    };
    let [v, wv, fv] = bind(ts, args, kw, b, ba)?;
    let d = recv_data(ts, v)?;
    let width = ops::index_to_i64(ts, wv)?;
    let fill = match fv.non_null() {
        Some(f) => {
            let fb = if f.downcast::<BytesObj>().is_some() || is_bytearray(f) {
                recv_data(ts, f)?
            } else {
                return Err(ts.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    type_name(f)
                )));
            };
            if fb.len() != 1 {
                return Err(ts.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    type_name(f)
                )));
            }
            fb[0]
        }
        None => b' ',
    };
    let len = d.len() as i64;
    if width <= len {
        if !is_bytearray(v) && type_of(v) == types().bytes {
            return Ok(v);
        }
        return Ok(make_like(ts, v, &d));
    }
    let total = (width - len) as usize;
    ts.check_alloc_size(width as usize)?;
    let (left, right) = match mode {
        0 => (0, total),
        1 => (total, 0),
        _ => {
            let left = total / 2 + (total & width as usize & 1);
            (left, total - left)
        }
    };
    let mut out = Vec::with_capacity(width as usize);
    out.extend(std::iter::repeat_n(fill, left));
    out.extend_from_slice(&d);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(make_like(ts, v, &out))
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
    static B: Sig = Sig::new("bytes.zfill($self, width, /)");
    static BA: Sig = Sig::new("bytearray.zfill($self, width, /)");
    let [v, wv] = bind(ts, args, kw, &B, &BA)?;
    let d = recv_data(ts, v)?;
    let width = ops::index_to_i64(ts, wv)?;
    let len = d.len() as i64;
    if width <= len {
        return Ok(make_like(ts, v, &d));
    }
    ts.check_alloc_size(width as usize)?;
    let (sign, rest) = match d.first() {
        Some(&c @ (b'+' | b'-')) => (Some(c), &d[1..]),
        _ => (None, &d[..]),
    };
    let mut out = Vec::with_capacity(width as usize);
    if let Some(c) = sign {
        out.push(c);
    }
    out.extend(std::iter::repeat_n(b'0', (width - len) as usize));
    out.extend_from_slice(rest);
    Ok(make_like(ts, v, &out))
}

fn m_expandtabs(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static B: Sig = Sig::new("bytes.expandtabs($self, /, tabsize=8)");
    static BA: Sig = Sig::new("bytearray.expandtabs($self, /, tabsize=8)");
    let [v, tv] = bind(ts, args, kw, &B, &BA)?;
    let d = recv_data(ts, v)?;
    let tab = match tv.non_null() {
        Some(t) => ops::index_to_i64(ts, t)?,
        None => 8,
    };
    if tab > i32::MAX as i64 || tab < i32::MIN as i64 {
        return Err(ts.overflow_error("Python int too large to convert to C int"));
    }
    let tabs = d.iter().filter(|&&b| b == b'\t').count();
    ts.check_alloc_size(
        tabs.saturating_mul(tab.max(0) as usize)
            .saturating_add(d.len()),
    )?;
    let mut out = Vec::with_capacity(d.len());
    let mut col = 0i64;
    for &c in d.iter() {
        match c {
            b'\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(make_like(ts, v, &out))
}

fn partition_impl(ts: &mut ThreadState, args: &[Value], kw: Kw, rev: bool) -> PyResult<Value> {
    static PB: Sig = Sig::new("bytes.partition($self, sep, /)");
    static PBA: Sig = Sig::new("bytearray.partition($self, sep, /)");
    static RB: Sig = Sig::new("bytes.rpartition($self, sep, /)");
    static RBA: Sig = Sig::new("bytearray.rpartition($self, sep, /)");
    let (b, ba) = if rev { (&RB, &RBA) } else { (&PB, &PBA) };
    let [v, sepv] = bind(ts, args, kw, b, ba)?;
    let d = recv_data(ts, v)?;
    let sep = expect_buffer(ts, sepv)?;
    if sep.is_empty() {
        return Err(ts.value_error("empty separator"));
    }
    let found = if rev {
        bytes_rfind(&d, &sep)
    } else {
        bytes_find(&d, &sep)
    };
    let parts: [&[u8]; 3] = match found {
        Some(i) => [&d[..i], &sep, &d[i + sep.len()..]],
        None if rev => [b"", b"", &d],
        None => [&d, b"", b""],
    };
    let mut vals = [Value::NONE; 3];
    for (i, p) in parts.iter().enumerate() {
        vals[i] = make_like(ts, v, p);
    }
    Ok(TupleObj::new(ts, &vals).value())
}

fn m_partition(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    partition_impl(ts, args, kw, false)
}
fn m_rpartition(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    partition_impl(ts, args, kw, true)
}

fn m_removeprefix(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static B: Sig = Sig::new("bytes.removeprefix($self, prefix, /)");
    static BA: Sig = Sig::new("bytearray.removeprefix($self, prefix, /)");
    let [v, pv] = bind(ts, args, kw, &B, &BA)?;
    let d = recv_data(ts, v)?;
    let p = expect_buffer(ts, pv)?;
    let out = d.strip_prefix(&p[..]).unwrap_or(&d);
    Ok(make_like(ts, v, out))
}

fn m_removesuffix(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static B: Sig = Sig::new("bytes.removesuffix($self, suffix, /)");
    static BA: Sig = Sig::new("bytearray.removesuffix($self, suffix, /)");
    let [v, pv] = bind(ts, args, kw, &B, &BA)?;
    let d = recv_data(ts, v)?;
    let p = expect_buffer(ts, pv)?;
    let out = if p.is_empty() {
        &d[..]
    } else {
        d.strip_suffix(&p[..]).unwrap_or(&d)
    };
    Ok(make_like(ts, v, out))
}

fn m_maketrans(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("bytes.maketrans(frm, to, /)");
    let [f, t] = SIG.bind(ts, args, kw)?;
    let f = expect_buffer(ts, f)?;
    let t = expect_buffer(ts, t)?;
    if f.len() != t.len() {
        return Err(ts.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (&a, &b) in f.iter().zip(t.iter()) {
        table[a as usize] = b;
    }
    Ok(BytesObj::new(ts, &table))
}

fn m_translate(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static B: Sig = Sig::new("bytes.translate($self, table, /, delete=b'')");
    static BA: Sig = Sig::new("bytearray.translate($self, table, /, delete=b'')");
    let [v, tv, dv] = bind(ts, args, kw, &B, &BA)?;
    let d = recv_data(ts, v)?;
    let table = if tv.is_none() {
        None
    } else {
        let t = expect_buffer(ts, tv)?;
        if t.len() != 256 {
            return Err(ts.value_error("translation table must be 256 characters long"));
        }
        Some(t)
    };
    let del: Cow<[u8]> = match dv.non_null() {
        Some(x) => expect_buffer(ts, x)?,
        None => Cow::Borrowed(b""),
    };
    let mut out = Vec::with_capacity(d.len());
    for &c in d.iter() {
        if del.contains(&c) {
            continue;
        }
        out.push(match &table {
            Some(t) => t[c as usize],
            None => c,
        });
    }
    Ok(make_like(ts, v, &out))
}

fn m_getnewargs(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("bytes.__getnewargs__($self, /)").without_text_signature();
    let [v] = SIG.bind(ts, args, kw)?;
    let d = recv_data(ts, v)?;
    let b = BytesObj::new(ts, &d);
    Ok(TupleObj::new(ts, &[b]).value())
}

fn m_bytes(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("bytes.__bytes__($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    if type_of(v) == types().bytes {
        return Ok(v);
    }
    let d = recv_data(ts, v)?;
    Ok(BytesObj::new(ts, &d))
}

fn m_sizeof(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("bytes.__sizeof__($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let d = recv_data(ts, v)?;
    Ok(len_value(33 + d.len()))
}

fn m_format_spec(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("bytes.__format__($self, format_spec, /)");
    let [v, spec] = SIG.bind(ts, args, kw)?;
    let Some(sp) = spec.downcast::<StrObj>() else {
        return Err(ts.type_error(format!(
            "__format__() argument must be str, not {}",
            type_name(spec)
        )));
    };
    if sp.byte_len() > 0 {
        return Err(ts.type_error(format!(
            "unsupported format string passed to {}.__format__",
            type_name(v)
        )));
    }
    Ok(ops::str_(ts, v)?.value())
}

// ---- %-formatting ---------------------------------------------------------------------

/// `fmt % args` for bytes (`bytes_mode`) or for generalized UTF-8 text.
/// Numeric conversions are done by the str formatter, one spec at a time.
pub fn percent_format_wtf8(
    ts: &mut ThreadState,
    fmt: &[u8],
    args: Value,
    bytes_mode: bool,
) -> PyResult<Value> {
    let tuple_args = args.downcast::<TupleObj>();
    // As CPython: any subscriptable object that is not a tuple or a
    // string is the mapping (for `%(key)s`; `%s` then shows it whole).
    let is_mapping = tuple_args.is_none()
        && args.downcast::<StrObj>().is_none()
        && !(bytes_mode
            && (args.downcast::<BytesObj>().is_some()
                || args
                    .downcast::<crate::objects::bytearray::BytearrayObj>()
                    .is_some()))
        && type_of(args).slots.getitem.get().is_some();
    let mapping = if is_mapping { Some(args) } else { None };
    let nitems = match tuple_args {
        Some(t) => t.len(),
        None => 1,
    };
    let item = |i: usize| -> Value {
        match tuple_args {
            Some(t) => t.items()[i],
            None => args,
        }
    };
    let what = if bytes_mode { "bytes" } else { "string" };
    let mut idx = 0usize;
    let mut used_key = false;
    let mut out: Vec<u8> = Vec::with_capacity(fmt.len() + 16);
    let mut i = 0;
    // Index of a position in the format, in characters (for messages).
    let char_index = |pos: usize| -> usize {
        if bytes_mode {
            pos
        } else {
            crate::unicode::cp_count(&fmt[..pos])
        }
    };
    while i < fmt.len() {
        let c = fmt[i];
        if c != b'%' {
            let j = fmt[i..]
                .iter()
                .position(|&b| b == b'%')
                .map_or(fmt.len(), |k| i + k);
            out.extend_from_slice(&fmt[i..j]);
            i = j;
            continue;
        }
        i += 1;
        if i >= fmt.len() {
            return Err(ts.value_error("incomplete format"));
        }
        // "%%" is a percent sign; a '%' after a key, flags, width or
        // precision is a conversion like the others, as CPython.
        if fmt[i] == b'%' {
            out.push(b'%');
            i += 1;
            continue;
        }
        let mut key_val: Option<Value> = None;
        if fmt[i] == b'(' {
            let Some(m) = mapping else {
                return Err(ts.type_error("format requires a mapping"));
            };
            let mut depth = 1;
            let st = i + 1;
            i += 1;
            while i < fmt.len() && depth > 0 {
                if fmt[i] == b'(' {
                    depth += 1;
                } else if fmt[i] == b')' {
                    depth -= 1;
                }
                i += 1;
            }
            if depth > 0 {
                return Err(ts.value_error("incomplete format key"));
            }
            let key = &fmt[st..i - 1];
            let k = if bytes_mode {
                BytesObj::new(ts, key)
            } else {
                crate::objects::str::new_str_wtf8(ts, key)
            };
            key_val = Some(ops::getitem(ts, m, k)?);
            used_key = true;
        }
        let mut flags = String::new();
        while i < fmt.len() && matches!(fmt[i], b'-' | b'+' | b' ' | b'#' | b'0') {
            flags.push(fmt[i] as char);
            i += 1;
        }
        let mut next_arg = |ts: &mut ThreadState| -> PyResult<Value> {
            if let Some(v) = key_val.take() {
                return Ok(v);
            }
            if mapping.is_some() {
                return Ok(args);
            }
            if idx < nitems {
                idx += 1;
                Ok(item(idx - 1))
            } else {
                Err(ts.type_error("not enough arguments for format string"))
            }
        };
        let mut width: Option<i64> = None;
        if i < fmt.len() && fmt[i] == b'*' {
            let w = next_arg(ts)?;
            if !crate::objects::int::is_int(w) {
                return Err(ts.type_error("* wants int"));
            }
            width = Some(ops::index_to_i64(ts, w)?);
            i += 1;
        } else {
            let st = i;
            while i < fmt.len() && fmt[i].is_ascii_digit() {
                i += 1;
            }
            if i > st {
                match std::str::from_utf8(&fmt[st..i])
                    .ok()
                    .and_then(|t| t.parse::<i64>().ok())
                {
                    Some(w) => width = Some(w),
                    None => return Err(ts.value_error("width too big")),
                }
            }
        }
        let mut prec: Option<i64> = None;
        if i < fmt.len() && fmt[i] == b'.' {
            i += 1;
            if i < fmt.len() && fmt[i] == b'*' {
                let p = next_arg(ts)?;
                if !crate::objects::int::is_int(p) {
                    return Err(ts.type_error("* wants int"));
                }
                // A C int, as CPython.
                let p = crate::objects::int::to_i64(p)
                    .and_then(|p| i32::try_from(p).ok())
                    .ok_or_else(|| ts.overflow_error("Python int too large to convert to C int"))?;
                prec = Some(i64::from(p.max(0)));
                i += 1;
            } else {
                let st = i;
                while i < fmt.len() && fmt[i].is_ascii_digit() {
                    i += 1;
                }
                prec = match std::str::from_utf8(&fmt[st..i])
                    .ok()
                    .and_then(|t| t.parse::<i64>().ok())
                {
                    _ if i == st => Some(0),
                    Some(p) if p <= i64::from(i32::MAX) => Some(p),
                    _ => return Err(ts.value_error("prec too big")),
                };
            }
        }
        while i < fmt.len() && matches!(fmt[i], b'h' | b'l' | b'L') {
            i += 1;
        }
        if i >= fmt.len() {
            return Err(ts.value_error("incomplete format"));
        }
        let conv_pos = i;
        if bytes_mode && fmt[i] >= 0x80 {
            // CPython reads the byte as a negative char here.
            return Err(ts.overflow_error("character argument not in range(0x110000)"));
        }
        let (conv, clen) = if bytes_mode {
            (fmt[i] as u32, 1)
        } else {
            crate::unicode::cp_at(fmt, i)
        };
        i += clen;
        let v = next_arg(ts)?;
        let mut left = flags.contains('-');
        if let Some(w) = width {
            if w < 0 {
                left = true;
            }
        }
        let w = width.map_or(0, |w| w.unsigned_abs() as usize);
        ts.check_alloc_size(w)?;
        let body: Vec<u8> = match char::from_u32(conv).unwrap_or('\u{FFFD}') {
            's' | 'b' if bytes_mode => {
                let b = if let Some(d) = buffer_bytes(ts, v)? {
                    d.into_owned()
                } else if let Some(f) = type_of(v).lookup(crate::interp::names().__bytes__) {
                    let r = ops::call_unbound(ts, f, v, &[], None)?;
                    match r.downcast::<BytesObj>() {
                        Some(b) => b.as_bytes().to_vec(),
                        None => {
                            return Err(ts.type_error(format!(
                                "__bytes__ returned non-bytes (type {})",
                                type_name(r)
                            )))
                        }
                    }
                } else {
                    return Err(ts.type_error(format!(
                        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                        type_name(v)
                    )));
                };
                truncate(b, prec, true)
            }
            'r' | 'a' if bytes_mode => {
                let a = crate::builtins::ascii_of(ts, v)?;
                truncate(a.into_bytes(), prec, true)
            }
            's' if !bytes_mode => {
                let s = ops::str_(ts, v)?;
                truncate(s.as_wtf8().to_vec(), prec, false)
            }
            'r' if !bytes_mode => {
                let s = ops::repr(ts, v)?;
                truncate(s.as_wtf8().to_vec(), prec, false)
            }
            'a' if !bytes_mode => {
                let a = crate::builtins::ascii_of(ts, v)?;
                truncate(a.into_bytes(), prec, false)
            }
            'c' => {
                if bytes_mode {
                    if let Some(d) = buffer_bytes(ts, v)?.filter(|d| d.len() == 1) {
                        vec![d[0]]
                    } else if crate::objects::int::is_int(v) {
                        let n = crate::objects::int::to_i64(v).unwrap_or(-1);
                        if !(0..256).contains(&n) {
                            return Err(ts.overflow_error("%c arg not in range(256)"));
                        }
                        vec![n as u8]
                    } else {
                        return Err(
                            ts.type_error("%c requires an integer in range(256) or a single byte")
                        );
                    }
                } else if let Some(s) = v.downcast::<StrObj>() {
                    if s.char_len() != 1 {
                        return Err(ts.type_error("%c requires int or char"));
                    }
                    s.as_wtf8().to_vec()
                } else {
                    let n = ops::index_to_i64(ts, v)
                        .map_err(|_| ts.type_error("%c requires int or char"))?;
                    if !(0..0x110000).contains(&n) {
                        return Err(ts.overflow_error("%c arg not in range(0x110000)"));
                    }
                    let mut b = Vec::new();
                    crate::unicode::push_cp(&mut b, n as u32);
                    b
                }
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                // One spec through the str formatter (width included: its
                // padding rules for numbers are the same).
                let mut spec = String::from("%");
                spec.push_str(&flags);
                if let Some(wv) = width {
                    spec.push_str(&wv.to_string());
                }
                if let Some(p) = prec {
                    spec.push('.');
                    spec.push_str(&p.to_string());
                }
                spec.push(conv as u8 as char);
                let tup = TupleObj::new(ts, &[v]).value();
                let r = crate::format::percent_format(ts, &spec, tup)?;
                let s = crate::objects::str::as_str(r).unwrap_or("");
                out.extend_from_slice(s.as_bytes());
                continue;
            }
            _ => {
                let idx_c = char_index(conv_pos);
                let shown = if (32..127).contains(&conv) {
                    (conv as u8 as char).to_string()
                } else {
                    "?".to_string()
                };
                return Err(ts.value_error(format!(
                    "unsupported format character '{shown}' (0x{conv:x}) at index {idx_c}"
                )));
            }
        };
        let n = if bytes_mode {
            body.len()
        } else {
            crate::unicode::cp_count(&body)
        };
        if n >= w {
            out.extend_from_slice(&body);
        } else if left {
            out.extend_from_slice(&body);
            out.extend(std::iter::repeat_n(b' ', w - n));
        } else {
            out.extend(std::iter::repeat_n(b' ', w - n));
            out.extend_from_slice(&body);
        }
    }
    if mapping.is_none() && idx < nitems && !used_key {
        return Err(ts.type_error(format!(
            "not all arguments converted during {what} formatting"
        )));
    }
    if bytes_mode {
        Ok(BytesObj::new(ts, &out))
    } else {
        Ok(crate::objects::str::new_str_wtf8(ts, &out))
    }
}

/// Truncates to `prec` characters (bytes, or code points of text).
fn truncate(mut b: Vec<u8>, prec: Option<i64>, bytes: bool) -> Vec<u8> {
    if let Some(p) = prec {
        let p = p.max(0) as usize;
        if bytes {
            b.truncate(p);
        } else {
            let mut seen = 0;
            let mut cut = b.len();
            for (k, &c) in b.iter().enumerate() {
                if c & 0xC0 != 0x80 {
                    if seen == p {
                        cut = k;
                        break;
                    }
                    seen += 1;
                }
            }
            b.truncate(cut);
        }
    }
    b
}

// ---- init -----------------------------------------------------------------------------

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    crate::buffer::register(Kind::Bytes, &BYTES_BUFFER);
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
        s.nb[BinaryOp::Remainder as usize].set(Some(b_mod));
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
                method("rfind", m_rfind),
                method("index", m_index),
                method("rindex", m_rindex),
                method("count", m_count),
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
                method("isalnum", m_isalnum),
                method("isalpha", m_isalpha),
                method("isascii", m_isascii),
                method("isdigit", m_isdigit),
                method("isspace", m_isspace),
                method("islower", m_islower),
                method("isupper", m_isupper),
                method("istitle", m_istitle),
                method("ljust", m_ljust),
                method("rjust", m_rjust),
                method("center", m_center),
                method("zfill", m_zfill),
                method("expandtabs", m_expandtabs),
                method("partition", m_partition),
                method("rpartition", m_rpartition),
                method("removeprefix", m_removeprefix),
                method("removesuffix", m_removesuffix),
                staticmethod("maketrans", m_maketrans),
                method("translate", m_translate),
                method("__sizeof__", m_sizeof),
                method("__format__", m_format_spec),
            ],
        );
    }
    let b = t.bytes;
    b.slots.hash.set(Some(b_hash));
    b.slots.new.set(Some(bytes_new));
    add_methods(
        ts,
        b,
        &[
            method("__getnewargs__", m_getnewargs),
            method("__bytes__", m_bytes),
        ],
    );
    let it = t.bytearray_iterator;
    it.slots
        .iter
        .set(Some(|_ts: &mut ThreadState, v: Value| Ok(v)));
    it.slots.next.set(Some(bytes_iter_next));
    crate::objects::bytearray::init(ts, t);
}
