//! `memoryview`: a view of another object's memory through the buffer
//! protocol (`buffer.rs`), read and written in place.
//!
//! ```text
//! +--------+----------+--------+----------+------+-----------+-----------+--------+
//! | Header | obj Slot | offset | itemsize | ndim | shape[8]  | strides[8]| format |
//! +--------+----------+--------+----------+------+-----------+-----------+--------+
//! ```
//!
//! `obj` is the exporter (a view of a view refers to the first view's
//! exporter, as CPython's managed buffer does); item `(i, j, ...)` lives at
//! byte `offset + i*strides[0] + j*strides[1] + ...` of the exporter's
//! memory, which is asked for on every access (under the exporter's lock
//! when it is mutable), never kept. All fields but `released` are fixed at
//! creation. A view of a resizable exporter holds an export of it until
//! `release()`, the end of a `with` block, or its finalization (see
//! `buffer.rs`).

use std::sync::atomic::{AtomicBool, Ordering};

use ftpy_compiler::CompareOp;

use crate::buffer::{self, BufferProcs};
use crate::builtins::args::Sig;
use crate::error::PyResult;
use crate::gc::{Marker, RootedVec, Slot};
use crate::interp::{types, BuiltinTypes};
use crate::object::{len_value, Gc, Header, HeapObj, Kind};
use crate::objects::bytes::BytesObj;
use crate::objects::list::ListObj;
use crate::objects::slice::{normalize_index, SliceObj};
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, type_of, TypeObj};
use crate::objects::{add_getset, add_methods, method};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

/// The most dimensions a view may have.
pub const MAXDIM: usize = 8;

#[repr(C)]
pub struct MemoryViewObj {
    pub header: Header,
    /// The exporter.
    obj: Slot,
    offset: usize,
    itemsize: usize,
    ndim: usize,
    shape: [usize; MAXDIM],
    strides: [isize; MAXDIM],
    format: [u8; 8],
    format_len: usize,
    readonly: bool,
    /// Holds an export of `obj` (released once).
    counted: bool,
    released: AtomicBool,
}

// SAFETY: repr(C), Header first; traces the exporter.
unsafe impl HeapObj for MemoryViewObj {
    const KIND: Kind = Kind::MemoryView;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.obj);
    }
}

/// The description of a new view.
#[derive(Clone)]
struct Layout {
    offset: usize,
    itemsize: usize,
    ndim: usize,
    shape: [usize; MAXDIM],
    strides: [isize; MAXDIM],
    format: [u8; 8],
    format_len: usize,
    readonly: bool,
}

fn fmt_bytes(f: &str) -> ([u8; 8], usize) {
    let mut b = [0u8; 8];
    let n = f.len().min(8);
    b[..n].copy_from_slice(&f.as_bytes()[..n]);
    (b, n)
}

impl MemoryViewObj {
    fn alloc(ts: &mut ThreadState, obj: Value, l: &Layout) -> Gc<MemoryViewObj> {
        let counted = buffer::procs(obj).is_some_and(|p| p.acquire.is_some());
        if counted {
            if let Some(acq) = buffer::procs(obj).and_then(|p| p.acquire) {
                acq(obj);
            }
        }
        let g = ts.alloc(MemoryViewObj {
            header: Header::new(types().memoryview, Kind::MemoryView, 0),
            obj: Slot::new(obj),
            offset: l.offset,
            itemsize: l.itemsize,
            ndim: l.ndim,
            shape: l.shape,
            strides: l.strides,
            format: l.format,
            format_len: l.format_len,
            readonly: l.readonly,
            counted,
            released: AtomicBool::new(false),
        });
        if counted {
            crate::gc::collect::register_finalizer(&g.header);
        }
        g
    }

    /// A view of the whole of `obj`.
    pub fn from_object(ts: &mut ThreadState, obj: Value) -> PyResult<Gc<MemoryViewObj>> {
        if let Some(m) = obj.downcast::<MemoryViewObj>() {
            m.check(ts)?;
            let l = m.layout();
            return Ok(Self::alloc(ts, m.obj.get(), &l));
        }
        let Some(p) = buffer::procs(obj) else {
            return Err(ts.type_error(format!(
                "memoryview: a bytes-like object is required, not '{}'",
                type_name(obj)
            )));
        };
        let (fmt, itemsize) = (p.format)(obj);
        let len = {
            let _g = if p.locked {
                obj.header().map(|h| h.lock())
            } else {
                None
            };
            (p.memory)(obj).len
        };
        let (format, format_len) = fmt_bytes(fmt);
        let mut shape = [0; MAXDIM];
        let mut strides = [0; MAXDIM];
        shape[0] = len / itemsize.max(1);
        strides[0] = itemsize as isize;
        let l = Layout {
            offset: 0,
            itemsize,
            ndim: 1,
            shape,
            strides,
            format,
            format_len,
            readonly: (p.readonly)(obj),
        };
        Ok(Self::alloc(ts, obj, &l))
    }

    fn layout(&self) -> Layout {
        Layout {
            offset: self.offset,
            itemsize: self.itemsize,
            ndim: self.ndim,
            shape: self.shape,
            strides: self.strides,
            format: self.format,
            format_len: self.format_len,
            readonly: self.readonly,
        }
    }

    pub fn is_released(&self) -> bool {
        self.released.load(Ordering::Acquire)
    }

    fn check(&self, ts: &mut ThreadState) -> PyResult<()> {
        if self.is_released() {
            return Err(ts.value_error("operation forbidden on released memoryview object"));
        }
        Ok(())
    }

    pub fn format(&self) -> &str {
        std::str::from_utf8(&self.format[..self.format_len]).unwrap_or("B")
    }

    fn nitems(&self) -> usize {
        self.shape[..self.ndim].iter().product()
    }

    pub fn nbytes(&self) -> usize {
        self.nitems() * self.itemsize
    }

    fn c_contiguous(&self) -> bool {
        let mut expect = self.itemsize as isize;
        for d in (0..self.ndim).rev() {
            if self.shape[d] > 1 && self.strides[d] != expect {
                return false;
            }
            expect *= self.shape[d] as isize;
        }
        true
    }

    fn f_contiguous(&self) -> bool {
        if self.nitems() == 0 {
            return true;
        }
        let mut expect = self.itemsize as isize;
        for d in 0..self.ndim {
            if self.shape[d] > 1 && self.strides[d] != expect {
                return false;
            }
            expect *= self.shape[d] as isize;
        }
        true
    }

    /// Byte offsets (into the exporter) of every item, in C order.
    fn item_offsets(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.nitems());
        let mut idx = [0usize; MAXDIM];
        let n = self.nitems();
        for _ in 0..n {
            let mut off = self.offset as isize;
            for d in 0..self.ndim {
                off += idx[d] as isize * self.strides[d];
            }
            out.push(off.max(0) as usize);
            for d in (0..self.ndim).rev() {
                idx[d] += 1;
                if idx[d] < self.shape[d] {
                    break;
                }
                idx[d] = 0;
            }
        }
        if self.ndim == 0 {
            out.push(self.offset);
        }
        out
    }

    /// Runs `f` on the exporter's whole memory (under its lock if it is
    /// mutable). `f` must not allocate.
    fn with_memory<R>(&self, f: impl FnOnce(&mut [u8]) -> R) -> Option<R> {
        let obj = self.obj.get();
        let p: &BufferProcs = buffer::procs(obj)?;
        let _g = if p.locked {
            obj.header().map(|h| h.lock())
        } else {
            None
        };
        let m = (p.memory)(obj);
        let mem: &mut [u8] = if m.len == 0 {
            &mut []
        } else {
            // SAFETY: the exporter describes `len` bytes, stable while we
            // hold its lock (or forever for an immutable exporter). Writes
            // happen only through writable views of mutable exporters.
            unsafe { std::slice::from_raw_parts_mut(m.ptr, m.len) }
        };
        Some(f(mem))
    }

    /// The items' bytes in C order (`None` if released or out of range).
    pub fn to_bytes_quiet(&self) -> Option<Vec<u8>> {
        if self.is_released() {
            return None;
        }
        let offs = self.item_offsets();
        let size = self.itemsize;
        self.with_memory(|mem| {
            let mut out = Vec::with_capacity(offs.len() * size);
            for &o in &offs {
                out.extend_from_slice(mem.get(o..o + size)?);
            }
            Some(out)
        })
        .flatten()
    }

    /// `tobytes()`.
    pub fn to_bytes(&self, ts: &mut ThreadState) -> PyResult<Vec<u8>> {
        self.check(ts)?;
        match self.to_bytes_quiet() {
            Some(b) => Ok(b),
            None => Err(ts.index_error("memoryview: underlying buffer is too small")),
        }
    }

    /// Releases the export (once).
    pub fn release_export(&self) {
        if self.released.swap(true, Ordering::AcqRel) {
            return;
        }
        if self.counted {
            let obj = self.obj.get();
            if let Some(rel) = buffer::procs(obj).and_then(|p| p.release) {
                rel(obj);
            }
        }
    }
}

/// Called by the finalizer pass for an unreachable view.
pub fn finalize(v: Value) {
    if let Some(m) = v.downcast::<MemoryViewObj>() {
        m.release_export();
    }
}

// ---- item formats -----------------------------------------------------------------

/// The size of a native single-character struct format, `None` if not one.
fn format_size(f: &str) -> Option<usize> {
    let f = f.strip_prefix('@').unwrap_or(f);
    Some(match f {
        "b" | "B" | "c" | "?" => 1,
        "h" | "H" | "e" => 2,
        "i" | "I" | "f" => 4,
        "l" | "L" | "q" | "Q" | "n" | "N" | "d" | "P" => 8,
        _ => return None,
    })
}

fn bare(f: &str) -> &str {
    f.strip_prefix('@').unwrap_or(f)
}

fn is_byte_format(f: &str) -> bool {
    matches!(bare(f), "B" | "b" | "c")
}

/// An item's value.
fn unpack(ts: &mut ThreadState, fmt: &str, b: &[u8]) -> PyResult<Value> {
    let arr8 = |b: &[u8]| {
        let mut a = [0u8; 8];
        a[..b.len().min(8)].copy_from_slice(&b[..b.len().min(8)]);
        a
    };
    let int = |ts: &mut ThreadState, i: i128| -> Value {
        match i64::try_from(i) {
            Ok(x) => crate::objects::int::int_from_i64(ts, x),
            Err(_) => crate::objects::int::int_from_big(ts, num_bigint::BigInt::from(i)),
        }
    };
    Ok(match bare(fmt) {
        "b" => int(ts, b[0] as i8 as i128),
        "B" => int(ts, b[0] as i128),
        "c" => BytesObj::new(ts, &b[..1]),
        "?" => Value::from_bool(b[0] != 0),
        "h" => int(ts, i16::from_ne_bytes([b[0], b[1]]) as i128),
        "H" => int(ts, u16::from_ne_bytes([b[0], b[1]]) as i128),
        "i" => int(ts, i32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i128),
        "I" => int(ts, u32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i128),
        "l" | "q" | "n" => int(ts, i64::from_ne_bytes(arr8(b)) as i128),
        "L" | "Q" | "N" | "P" => int(ts, u64::from_ne_bytes(arr8(b)) as i128),
        "f" => Value::from_f64(f32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as f64),
        "d" => Value::from_f64(f64::from_ne_bytes(arr8(b))),
        "e" => Value::from_f64(half_to_f64(u16::from_ne_bytes([b[0], b[1]]))),
        other => {
            return Err(
                ts.not_implemented_error(format!("memoryview: format {other} not supported"))
            )
        }
    })
}

fn half_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = ((h >> 10) & 0x1F) as i32;
    let frac = (h & 0x3FF) as f64;
    match exp {
        0 => sign * frac * 2f64.powi(-24),
        31 if frac == 0.0 => sign * f64::INFINITY,
        31 => f64::NAN,
        e => sign * (1.0 + frac / 1024.0) * 2f64.powi(e - 15),
    }
}

/// The bytes of `v` as an item of format `fmt`.
fn pack(ts: &mut ThreadState, fmt: &str, v: Value) -> PyResult<Vec<u8>> {
    let f = bare(fmt);
    let bad_type =
        |ts: &mut ThreadState| ts.type_error(format!("memoryview: invalid type for format '{f}'"));
    let bad_value = |ts: &mut ThreadState| {
        ts.value_error(format!("memoryview: invalid value for format '{f}'"))
    };
    match f {
        "c" => match v.downcast::<BytesObj>() {
            Some(b) if b.len() == 1 => Ok(b.as_bytes().to_vec()),
            _ => Err(bad_value(ts)),
        },
        "?" => Ok(vec![ops::truthy(ts, v)? as u8]),
        "f" | "d" | "e" => {
            let x = match v.as_float() {
                Some(x) => x,
                None if crate::objects::int::is_int(v) => crate::objects::int::int_to_f64(ts, v)?,
                None => return Err(bad_type(ts)),
            };
            Ok(match f {
                "f" => (x as f32).to_ne_bytes().to_vec(),
                "d" => x.to_ne_bytes().to_vec(),
                _ => return Err(ts.not_implemented_error("memoryview: format e not supported")),
            })
        }
        _ => {
            if !crate::objects::int::is_int(v) && type_of(v).slots.index.get().is_none() {
                return Err(bad_type(ts));
            }
            let i = ops::index(ts, v)?;
            let n: i128 = match crate::objects::int::to_big(i) {
                Some(b) => match num_traits::ToPrimitive::to_i128(b.as_ref()) {
                    Some(n) => n,
                    None => return Err(bad_value(ts)),
                },
                None => return Err(bad_type(ts)),
            };
            let (lo, hi, size): (i128, i128, usize) = match f {
                "b" => (i8::MIN as i128, i8::MAX as i128, 1),
                "B" => (0, u8::MAX as i128, 1),
                "h" => (i16::MIN as i128, i16::MAX as i128, 2),
                "H" => (0, u16::MAX as i128, 2),
                "i" => (i32::MIN as i128, i32::MAX as i128, 4),
                "I" => (0, u32::MAX as i128, 4),
                "l" | "q" | "n" => (i64::MIN as i128, i64::MAX as i128, 8),
                _ => (0, u64::MAX as i128, 8),
            };
            if n < lo || n > hi {
                return Err(bad_value(ts));
            }
            Ok((n as u64).to_ne_bytes()[..size].to_vec())
        }
    }
}

// ---- slots -----------------------------------------------------------------------------

type Kw = Option<Gc<TupleObj>>;

fn this(ts: &mut ThreadState, v: Value) -> PyResult<Gc<MemoryViewObj>> {
    match v.downcast::<MemoryViewObj>() {
        Some(m) => Ok(m),
        None => Err(ts.type_error(format!(
            "descriptor requires a 'memoryview' object but received a '{}'",
            type_name(v)
        ))),
    }
}

/// `this` that also refuses a released view.
fn live(ts: &mut ThreadState, v: Value) -> PyResult<Gc<MemoryViewObj>> {
    let m = this(ts, v)?;
    m.check(ts)?;
    Ok(m)
}

fn mv_new(ts: &mut ThreadState, _cls: Gc<TypeObj>, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("memoryview(object)");
    let [obj] = SIG.bind(ts, args, kw)?;
    Ok(MemoryViewObj::from_object(ts, obj)?.value())
}

fn read_item(ts: &mut ThreadState, m: &MemoryViewObj, off: usize) -> PyResult<Value> {
    let size = m.itemsize;
    let bytes = m
        .with_memory(|mem| mem.get(off..off + size).map(|s| s.to_vec()))
        .flatten();
    match bytes {
        Some(b) => unpack(ts, m.format(), &b),
        None => Err(ts.index_error("memoryview: underlying buffer is too small")),
    }
}

/// The byte offset of item `idx` along the first dimension.
fn index_offset(
    ts: &mut ThreadState,
    m: &MemoryViewObj,
    dim: usize,
    key: Value,
) -> PyResult<isize> {
    let i = if let Some(i) = key.as_small_int() {
        i
    } else {
        if !crate::objects::int::is_int(key) && type_of(key).slots.index.get().is_none() {
            return Err(ts.type_error("memoryview: invalid slice key"));
        }
        ops::index_saturating(ts, key, "memoryview")?
    };
    match normalize_index(i, m.shape[dim]) {
        Some(j) => Ok(j as isize * m.strides[dim]),
        None => Err(ts.index_error(format!("index out of bounds on dimension {}", dim + 1))),
    }
}

fn mv_getitem(ts: &mut ThreadState, v: Value, key: Value) -> PyResult<Value> {
    let m = live(ts, v)?;
    if m.ndim == 0 {
        if key == Value::ELLIPSIS {
            return Ok(v);
        }
        if key.downcast::<TupleObj>().is_some_and(|t| t.is_empty()) {
            return read_item(ts, &m, m.offset);
        }
        return Err(ts.type_error("invalid indexing of 0-dim memory"));
    }
    if let Some(s) = key.downcast::<SliceObj>() {
        let (start, _, step, n) = s.indices(ts, m.shape[0] as i64)?;
        let mut l = m.layout();
        l.offset = (m.offset as isize + start as isize * m.strides[0]).max(0) as usize;
        l.shape[0] = n;
        l.strides[0] = m.strides[0] * step as isize;
        return Ok(MemoryViewObj::alloc(ts, m.obj.get(), &l).value());
    }
    if let Some(t) = key.downcast::<TupleObj>() {
        if t.items().iter().any(|k| k.downcast::<SliceObj>().is_some()) {
            return Err(ts.not_implemented_error("multi-dimensional slicing is not implemented"));
        }
        if t.len() < m.ndim {
            return Err(ts.not_implemented_error("sub-views are not implemented"));
        }
        if t.len() > m.ndim {
            return Err(ts.type_error(format!(
                "cannot index {}-dimension view with {}-element tuple",
                m.ndim,
                t.len()
            )));
        }
        let mut off = m.offset as isize;
        for (d, &k) in t.items().iter().enumerate() {
            off += index_offset(ts, &m, d, k)?;
        }
        return read_item(ts, &m, off.max(0) as usize);
    }
    if m.ndim > 1 {
        return Err(ts.not_implemented_error("multi-dimensional sub-views are not implemented"));
    }
    let off = m.offset as isize + index_offset(ts, &m, 0, key)?;
    read_item(ts, &m, off.max(0) as usize)
}

fn write_at(ts: &mut ThreadState, m: &MemoryViewObj, offs: &[usize], data: &[u8]) -> PyResult<()> {
    let size = m.itemsize;
    let ok = m
        .with_memory(|mem| {
            for (k, &o) in offs.iter().enumerate() {
                let dst = mem.get_mut(o..o + size)?;
                dst.copy_from_slice(&data[k * size..(k + 1) * size]);
            }
            Some(())
        })
        .flatten();
    match ok {
        Some(()) => Ok(()),
        None => Err(ts.index_error("memoryview: underlying buffer is too small")),
    }
}

fn mv_setitem(ts: &mut ThreadState, v: Value, key: Value, x: Option<Value>) -> PyResult<()> {
    let m = live(ts, v)?;
    if m.readonly {
        return Err(ts.type_error("cannot modify read-only memory"));
    }
    let Some(x) = x else {
        return Err(ts.type_error("cannot delete memory"));
    };
    if m.ndim == 0 {
        if key == Value::ELLIPSIS || key.downcast::<TupleObj>().is_some_and(|t| t.is_empty()) {
            let b = pack(ts, m.format(), x)?;
            return write_at(ts, &m, &[m.offset], &b);
        }
        return Err(ts.type_error("invalid indexing of 0-dim memory"));
    }
    if let Some(s) = key.downcast::<SliceObj>() {
        if m.ndim != 1 {
            return Err(ts.not_implemented_error(
                "memoryview slice assignments are currently restricted to ndim = 1",
            ));
        }
        let (start, _, step, n) = s.indices(ts, m.shape[0] as i64)?;
        // The source: another view or exporter of the same structure.
        let src = MemoryViewObj::from_object(ts, x)?;
        let same = bare(src.format()) == bare(m.format())
            && src.itemsize == m.itemsize
            && src.ndim == 1
            && src.shape[0] == n;
        let data = src.to_bytes(ts);
        src.release_export();
        if !same {
            return Err(ts.value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        let data = data?;
        let offs: Vec<usize> = (0..n)
            .map(|k| {
                (m.offset as isize + (start + k as i64 * step) as isize * m.strides[0]).max(0)
                    as usize
            })
            .collect();
        return write_at(ts, &m, &offs, &data);
    }
    let off = if let Some(t) = key.downcast::<TupleObj>() {
        if t.len() != m.ndim {
            return Err(ts.type_error(format!(
                "cannot index {}-dimension view with {}-element tuple",
                m.ndim,
                t.len()
            )));
        }
        let mut off = m.offset as isize;
        for (d, &k) in t.items().iter().enumerate() {
            off += index_offset(ts, &m, d, k)?;
        }
        off
    } else {
        if m.ndim > 1 {
            return Err(ts.not_implemented_error("sub-views are not implemented"));
        }
        m.offset as isize + index_offset(ts, &m, 0, key)?
    };
    let b = pack(ts, m.format(), x)?;
    write_at(ts, &m, &[off.max(0) as usize], &b)
}

fn mv_len(ts: &mut ThreadState, v: Value) -> PyResult<usize> {
    let m = live(ts, v)?;
    // As CPython: a 0-dim view has length 1.
    Ok(if m.ndim == 0 { 1 } else { m.shape[0] })
}

fn mv_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let m = this(ts, v)?;
    let s = if m.is_released() {
        format!("<released memory at {:#x}>", m.addr())
    } else {
        format!("<memory at {:#x}>", m.addr())
    };
    Ok(StrObj::new(ts, &s))
}

fn mv_hash(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    let m = live(ts, v)?;
    if !m.readonly {
        return Err(ts.value_error("cannot hash writable memoryview object"));
    }
    if !is_byte_format(m.format()) {
        return Err(ts.value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
    }
    let b = m.to_bytes(ts)?;
    Ok(crate::hash::hash_bytes(&b))
}

/// The items of a view, flattened (for comparison).
fn flat_items(ts: &mut ThreadState, m: &MemoryViewObj) -> PyResult<RootedVec> {
    let offs = m.item_offsets();
    let mut out = RootedVec::with_capacity(ts, offs.len());
    for o in offs {
        let x = read_item(ts, m, o)?;
        out.push(x);
    }
    Ok(out)
}

fn mv_richcompare(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let (x, y) = match (a.downcast::<MemoryViewObj>(), b.downcast::<MemoryViewObj>()) {
        (Some(x), _) => (x, b),
        (None, Some(y)) => (y, a),
        _ => return Ok(Value::NOT_IMPLEMENTED),
    };
    let eq = if a == b {
        true
    } else if x.is_released()
        || y.downcast::<MemoryViewObj>()
            .is_some_and(|m| m.is_released())
    {
        false
    } else {
        let other = if let Some(o) = y.downcast::<MemoryViewObj>() {
            o
        } else if buffer::procs(y).is_some() {
            MemoryViewObj::from_object(ts, y)?
        } else {
            return Ok(Value::NOT_IMPLEMENTED);
        };
        let temp = y.downcast::<MemoryViewObj>().is_none();
        let r = views_equal(ts, &x, &other);
        if temp {
            other.release_export();
        }
        r?
    };
    Ok(Value::from_bool(if op == CompareOp::Eq { eq } else { !eq }))
}

fn views_equal(ts: &mut ThreadState, x: &MemoryViewObj, y: &MemoryViewObj) -> PyResult<bool> {
    if x.ndim != y.ndim || x.shape[..x.ndim] != y.shape[..y.ndim] {
        return Ok(false);
    }
    if bare(x.format()) == bare(y.format()) && matches!(bare(x.format()), "B" | "b" | "c") {
        return Ok(x.to_bytes(ts)? == y.to_bytes(ts)?);
    }
    let xs = flat_items(ts, x)?;
    let ys = flat_items(ts, y)?;
    for (&p, &q) in xs.iter().zip(ys.iter()) {
        let r = ops::rich_compare(ts, p, q, CompareOp::Eq)?;
        if !ops::truthy(ts, r)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn mv_iter(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let m = live(ts, v)?;
    if m.ndim == 0 {
        return Err(ts.type_error("invalid indexing of 0-dim memory"));
    }
    if m.ndim > 1 {
        return Err(ts.not_implemented_error("multi-dimensional sub-views are not implemented"));
    }
    Ok(
        crate::objects::iterators::IterObj::new(ts, types().memory_iterator, v, Value::NULL, 0)
            .value(),
    )
}

/// memory_iterator: a = the view, index.
fn iter_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    // SAFETY: installed only on memory_iterator (IterObj layout).
    let o: Gc<crate::objects::iterators::IterObj> = unsafe { v.downcast_unchecked() };
    let Some(m) = o.a.get().downcast::<MemoryViewObj>() else {
        return Ok(None);
    };
    m.check(ts)?;
    let i = o.index.load(Ordering::Relaxed);
    if i < 0 || i as usize >= m.shape[0] {
        o.a.set(Value::NULL);
        return Ok(None);
    }
    o.index.store(i + 1, Ordering::Relaxed);
    let off = (m.offset as isize + i as isize * m.strides[0]).max(0) as usize;
    read_item(ts, &m, off).map(Some)
}

// ---- methods ---------------------------------------------------------------------------

fn m_tobytes(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("memoryview.tobytes($self, /, order='C')");
    let [v, order] = SIG.bind(ts, args, kw)?;
    let m = live(ts, v)?;
    if let Some(o) = order.non_null().filter(|o| !o.is_none()) {
        match crate::objects::str::as_str(o) {
            Some("C" | "F" | "A") => {}
            Some(_) => return Err(ts.value_error("order must be 'C', 'F' or 'A'")),
            None => {
                return Err(ts.type_error(format!(
                    "tobytes() argument 'order' must be str or None, not {}",
                    type_name(o)
                )))
            }
        }
    }
    let b = m.to_bytes(ts)?;
    Ok(BytesObj::new(ts, &b))
}

fn m_tolist(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("memoryview.tolist($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let m = live(ts, v)?;
    if m.ndim == 0 {
        return read_item(ts, &m, m.offset);
    }
    let items = flat_items(ts, &m)?;
    nest(ts, &items, &m.shape[..m.ndim])
}

/// Nested lists of `items` (C order) with `shape`.
fn nest(ts: &mut ThreadState, items: &[Value], shape: &[usize]) -> PyResult<Value> {
    if shape.len() <= 1 {
        return Ok(ListObj::new(ts, items).value());
    }
    let inner: usize = shape[1..].iter().product();
    let mut out = RootedVec::with_capacity(ts, shape[0]);
    for k in 0..shape[0] {
        let sub = nest(ts, &items[k * inner..(k + 1) * inner], &shape[1..])?;
        out.push(sub);
    }
    Ok(ListObj::new(ts, &out).value())
}

fn m_hex(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("memoryview.hex($self, /, sep=<unrepresentable>, bytes_per_sep=1)");
    let [v, sep, per] = SIG.bind(ts, args, kw)?;
    let m = live(ts, v)?;
    let b = m.to_bytes(ts)?;
    crate::objects::bytes::hex_with_sep(ts, &b, sep, per)
}

fn m_release(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("memoryview.release($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    this(ts, v)?.release_export();
    Ok(Value::NONE)
}

fn m_enter(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("memoryview.__enter__($self, /)").without_text_signature();
    let [v] = SIG.bind(ts, args, kw)?;
    live(ts, v)?;
    Ok(v)
}

fn m_exit(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("memoryview.__exit__($self, *args)").without_text_signature();
    let ([v], _) = SIG.bind_star::<1>(ts, args, kw)?;
    this(ts, v)?.release_export();
    Ok(Value::NONE)
}

fn m_toreadonly(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("memoryview.toreadonly($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let m = live(ts, v)?;
    let mut l = m.layout();
    l.readonly = true;
    Ok(MemoryViewObj::alloc(ts, m.obj.get(), &l).value())
}

fn m_cast(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("memoryview.cast($self, /, format, shape=<unrepresentable>)");
    let [v, fv, sv] = SIG.bind(ts, args, kw)?;
    let m = live(ts, v)?;
    let Some(fs) = fv.downcast::<StrObj>() else {
        return Err(ts.type_error(format!(
            "cast() argument 'format' must be str, not {}",
            type_name(fv)
        )));
    };
    if !m.c_contiguous() {
        return Err(ts.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let fmt = fs.as_str();
    let Some(size) = format_size(fmt).filter(|_| fmt.len() <= 2) else {
        return Err(ts.value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    let shape: Option<Vec<usize>> = match sv.non_null().filter(|s| !s.is_none()) {
        None => None,
        Some(s) => {
            if s.downcast::<TupleObj>().is_none() && s.downcast::<ListObj>().is_none() {
                return Err(ts.type_error("shape must be a list or a tuple"));
            }
            let items = ops::collect(ts, s)?;
            let mut dims = Vec::with_capacity(items.len());
            for &d in items.iter() {
                let n = ops::index_to_i64(ts, d)?;
                if n <= 0 {
                    return Err(
                        ts.value_error("memoryview.cast(): elements of shape must be integers > 0")
                    );
                }
                dims.push(n as usize);
            }
            Some(dims)
        }
    };
    if !is_byte_format(m.format()) && !is_byte_format(fmt) {
        return Err(ts.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    if let Some(dims) = &shape {
        if m.ndim != 1 && !dims.is_empty() && dims.len() != 1 {
            return Err(ts.type_error("memoryview: cast must be 1D -> ND or ND -> 1D"));
        }
        if dims.len() > MAXDIM {
            return Err(ts.value_error(format!(
                "memoryview: number of dimensions must not exceed {MAXDIM}"
            )));
        }
    }
    let nbytes = m.nbytes();
    let mut l = m.layout();
    let (format, format_len) = fmt_bytes(fmt);
    l.format = format;
    l.format_len = format_len;
    l.itemsize = size;
    l.shape = [0; MAXDIM];
    l.strides = [0; MAXDIM];
    match shape {
        None => {
            if nbytes % size != 0 {
                return Err(ts.type_error("memoryview: length is not a multiple of itemsize"));
            }
            l.ndim = 1;
            l.shape[0] = nbytes / size;
            l.strides[0] = size as isize;
        }
        Some(dims) => {
            let prod = dims.iter().try_fold(size, |acc, &d| acc.checked_mul(d));
            if prod != Some(nbytes) {
                return Err(ts.type_error("memoryview: product(shape) * itemsize != buffer size"));
            }
            l.ndim = dims.len();
            let mut stride = size as isize;
            for (d, &n) in dims.iter().enumerate().rev() {
                l.shape[d] = n;
                l.strides[d] = stride;
                stride *= n as isize;
            }
        }
    }
    Ok(MemoryViewObj::alloc(ts, m.obj.get(), &l).value())
}

fn m_sizeof(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("memoryview.__sizeof__($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    this(ts, v)?;
    Ok(len_value(184))
}

// ---- attributes -----------------------------------------------------------------------

fn g_obj(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(live(ts, v)?.obj.get())
}
fn g_nbytes(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(len_value(live(ts, v)?.nbytes()))
}
fn g_readonly(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(live(ts, v)?.readonly))
}
fn g_itemsize(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(len_value(live(ts, v)?.itemsize))
}
fn g_format(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let m = live(ts, v)?;
    Ok(StrObj::new(ts, m.format()))
}
fn g_ndim(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(len_value(live(ts, v)?.ndim))
}
fn g_shape(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let m = live(ts, v)?;
    let items: Vec<Value> = m.shape[..m.ndim].iter().map(|&n| len_value(n)).collect();
    Ok(TupleObj::new(ts, &items).value())
}
fn g_strides(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let m = live(ts, v)?;
    let items: Vec<Value> = m.strides[..m.ndim]
        .iter()
        .map(|&n| Value::small_int_unchecked(n as i64))
        .collect();
    Ok(TupleObj::new(ts, &items).value())
}
fn g_suboffsets(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    live(ts, v)?;
    Ok(crate::interp::interp().empty_tuple.value())
}
fn g_c_contiguous(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(live(ts, v)?.c_contiguous()))
}
fn g_f_contiguous(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let m = live(ts, v)?;
    Ok(Value::from_bool(
        m.f_contiguous() || (m.ndim <= 1 && m.c_contiguous()),
    ))
}
fn g_contiguous(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let m = live(ts, v)?;
    Ok(Value::from_bool(m.c_contiguous() || m.f_contiguous()))
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let ty = t.memoryview;
    let s = &ty.slots;
    s.new.set(Some(mv_new));
    s.getitem.set(Some(mv_getitem));
    s.setitem.set(Some(mv_setitem));
    s.len.set(Some(mv_len));
    s.repr.set(Some(mv_repr));
    s.hash.set(Some(mv_hash));
    s.richcompare.set(Some(mv_richcompare));
    s.iter.set(Some(mv_iter));
    t.memory_iterator.slots.next.set(Some(iter_next));
    t.memory_iterator
        .slots
        .iter
        .set(Some(|_ts: &mut ThreadState, v: Value| Ok(v)));
    add_methods(
        ts,
        ty,
        &[
            method("tobytes", m_tobytes),
            method("tolist", m_tolist),
            method("hex", m_hex),
            method("release", m_release),
            method("cast", m_cast),
            method("toreadonly", m_toreadonly),
            method("__enter__", m_enter),
            method("__exit__", m_exit),
            method("__sizeof__", m_sizeof),
        ],
    );
    for (name, g) in [
        ("obj", g_obj as crate::objects::GetterFn),
        ("nbytes", g_nbytes),
        ("readonly", g_readonly),
        ("itemsize", g_itemsize),
        ("format", g_format),
        ("ndim", g_ndim),
        ("shape", g_shape),
        ("strides", g_strides),
        ("suboffsets", g_suboffsets),
        ("c_contiguous", g_c_contiguous),
        ("f_contiguous", g_f_contiguous),
        ("contiguous", g_contiguous),
    ] {
        add_getset(ts, ty, name, g, None);
    }
}
