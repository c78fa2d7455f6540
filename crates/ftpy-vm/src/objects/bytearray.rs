//! `bytearray`: mutable bytes.
//!
//! ```text
//! +--------+-----------+-------------+-----------------+
//! | Header | buf: Slot | len         | exports         |
//! +--------+-----------+-------------+-----------------+
//!              |
//!              v  a private `bytes` object used as storage; its length
//!                 is the capacity, the first `len` bytes are the content
//! ```
//!
//! Every read and write of the content holds the object's lock (one
//! operation is atomic, as the threading contract promises). Growing
//! needs a bigger storage object, which cannot be allocated under the lock
//! (gc invariant 7): [`BytearrayObj::edit`] allocates first, then locks,
//! checks nothing moved meanwhile, and retries if something did.
//!
//! While the content is exported through the buffer protocol (a
//! memoryview), its length may not change: the storage stays where the
//! view reads it. See `buffer.rs` for how views that were dropped without
//! `release()` stop counting.

use std::sync::atomic::{AtomicUsize, Ordering};

use ftpy_compiler::BinaryOp;

use crate::builtins::args::Sig;
use crate::error::PyResult;
use crate::gc::{Marker, Slot};
use crate::interp::{types, BuiltinTypes};
use crate::object::{len_value, Gc, Header, HeapObj, Kind};
use crate::objects::bytes::{buffer_bytes, byte_value, bytes_from_args, BytesObj};
use crate::objects::slice::{normalize_index, SliceObj};
use crate::objects::tuple::{repeat_count, TupleObj};
use crate::objects::typeobj::{type_name, type_of, TypeObj};
use crate::objects::{add_methods, method};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

#[repr(C)]
pub struct BytearrayObj {
    pub header: Header,
    /// The storage (a bytes object nobody else sees). Guarded by the lock.
    buf: Slot,
    /// The content's length. Written under the lock.
    len: AtomicUsize,
    /// Buffer exports (memoryviews) alive.
    exports: AtomicUsize,
}

// SAFETY: repr(C), Header first; traces the storage.
unsafe impl HeapObj for BytearrayObj {
    const KIND: Kind = Kind::Bytearray;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.buf);
    }
}

/// The content being edited under the lock: `data[..len]` is the content,
/// `data` the whole storage.
pub struct Edit<'a> {
    data: &'a mut [u8],
    len: usize,
    exported: bool,
}

/// An error found under the lock, raised after it is released.
#[derive(Debug)]
pub enum EditErr {
    Index(&'static str),
    Value(&'static str),
    Exported,
    /// The storage must hold this many bytes (the content changed size
    /// between the caller's estimate and the lock): retried.
    Grow(usize),
}

impl Edit<'_> {
    pub fn content(&mut self) -> &mut [u8] {
        &mut self.data[..self.len]
    }

    /// Checks that the length may change (not exported).
    pub fn resizing(&self) -> Result<(), EditErr> {
        if self.exported {
            Err(EditErr::Exported)
        } else {
            Ok(())
        }
    }

    /// Replaces `a..b` by `with` (the storage has room: see `edit`).
    pub fn splice(&mut self, a: usize, b: usize, with: &[u8]) -> Result<(), EditErr> {
        let (a, b) = (a.min(self.len), b.min(self.len).max(a.min(self.len)));
        let newlen = self.len - (b - a) + with.len();
        if newlen != self.len {
            self.resizing()?;
        }
        if newlen > self.data.len() {
            return Err(EditErr::Grow(newlen));
        }
        self.data.copy_within(b..self.len, a + with.len());
        self.data[a..a + with.len()].copy_from_slice(with);
        self.len = newlen;
        Ok(())
    }

    pub fn set_len(&mut self, n: usize) -> Result<(), EditErr> {
        if n != self.len {
            self.resizing()?;
        }
        self.len = n;
        Ok(())
    }
}

impl BytearrayObj {
    pub fn new(ts: &mut ThreadState, ty: Gc<TypeObj>, b: &[u8]) -> Gc<BytearrayObj> {
        let buf = BytesObj::alloc_typed(ts, types().bytes, b);
        let obj = BytearrayObj {
            header: Header::new(ty, Kind::Bytearray, 0),
            buf: Slot::new(buf.value()),
            len: AtomicUsize::new(b.len()),
            exports: AtomicUsize::new(0),
        };
        crate::objects::instance::alloc_with_attrs(ts, ty, obj)
    }

    fn buffer(&self) -> Gc<BytesObj> {
        // SAFETY: `buf` always holds a bytes object.
        unsafe { self.buf.get().downcast_unchecked() }
    }

    fn capacity(&self) -> usize {
        self.buffer().len()
    }

    /// A copy of the content.
    pub fn to_vec(&self) -> Vec<u8> {
        let _g = self.header.lock();
        let n = self.len.load(Ordering::Acquire);
        self.buffer().as_bytes()[..n].to_vec()
    }

    /// The byte at index `i` (negative from the end).
    pub fn get(&self, i: i64) -> Option<u8> {
        let _g = self.header.lock();
        let n = self.len.load(Ordering::Acquire);
        normalize_index(i, n).map(|j| self.buffer().as_bytes()[j])
    }

    pub fn len(&self) -> usize {
        self.len.load(Ordering::Acquire)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn exports(&self) -> usize {
        self.exports.load(Ordering::Acquire)
    }

    /// Replaces the content.
    pub fn set_content(&self, ts: &mut ThreadState, b: &[u8]) {
        let _ = self.edit(
            ts,
            |_| b.len(),
            |e| {
                let n = e.len;
                e.splice(0, n, b)
            },
        );
    }

    /// Runs `f` on the content under the lock, with storage for at least
    /// `need(len)` bytes. `f` must not allocate or call anything (it runs
    /// under the lock); it reports errors as [`EditErr`].
    pub fn edit<R>(
        &self,
        ts: &mut ThreadState,
        need: impl Fn(usize) -> usize,
        mut f: impl FnMut(&mut Edit) -> Result<R, EditErr>,
    ) -> PyResult<R> {
        let mut collected = false;
        let mut at_least = 0;
        loop {
            let len = self.len();
            let cap = self.capacity();
            let want = need(len).max(at_least);
            let fresh = if want > cap {
                ts.check_alloc_size(want)?;
                let grown =
                    want.saturating_add(want >> 3)
                        .saturating_add(if want < 9 { 3 } else { 6 });
                Some(BytesObj::alloc_typed(ts, types().bytes, &vec![0u8; grown]))
            } else {
                None
            };
            let r = {
                let _g = self.header.lock();
                let len_now = self.len.load(Ordering::Acquire);
                if len_now != len || (fresh.is_none() && self.capacity() < want) {
                    continue;
                }
                if let Some(nb) = fresh {
                    if self.exports() > 0 {
                        Err(EditErr::Exported)
                    } else {
                        // SAFETY: `nb` is new and private; the old storage
                        // has `len` content bytes; both are distinct.
                        unsafe {
                            std::ptr::copy_nonoverlapping(
                                self.buffer().data_ptr(),
                                nb.data_ptr(),
                                len,
                            );
                        }
                        self.buf.set(nb.value());
                        self.run(len, &mut f)
                    }
                } else {
                    self.run(len, &mut f)
                }
            };
            return match r {
                Ok(v) => Ok(v),
                Err(EditErr::Grow(n)) => {
                    at_least = n;
                    continue;
                }
                Err(EditErr::Exported) if !collected => {
                    // Views nobody holds any more may still count: collect
                    // them and try again.
                    collected = true;
                    crate::buffer::collect_dead_views(ts);
                    continue;
                }
                Err(EditErr::Exported) => {
                    Err(ts.buffer_error("Existing exports of data: object cannot be re-sized"))
                }
                Err(EditErr::Index(m)) => Err(ts.index_error(m)),
                Err(EditErr::Value(m)) => Err(ts.value_error(m)),
            };
        }
    }

    /// Runs an edit on the current storage (lock held by the caller).
    fn run<R>(
        &self,
        len: usize,
        f: &mut impl FnMut(&mut Edit) -> Result<R, EditErr>,
    ) -> Result<R, EditErr> {
        let buf = self.buffer();
        // SAFETY: the storage is private to this bytearray and we hold its
        // lock; `len()` bytes of it are initialized (all of it is).
        let data = unsafe { std::slice::from_raw_parts_mut(buf.data_ptr(), buf.len()) };
        let mut e = Edit {
            data,
            len,
            exported: self.exports() > 0,
        };
        let r = f(&mut e)?;
        self.len.store(e.len, Ordering::Release);
        Ok(r)
    }
}

// ---- the buffer protocol ------------------------------------------------------------

fn ba_memory(v: Value) -> crate::buffer::Memory {
    // SAFETY: registered for the Bytearray kind only.
    let b: Gc<BytearrayObj> = unsafe { v.downcast_unchecked() };
    crate::buffer::Memory {
        ptr: b.buffer().data_ptr(),
        len: b.len(),
    }
}

fn ba_acquire(v: Value) {
    // SAFETY: registered for the Bytearray kind only.
    let b: Gc<BytearrayObj> = unsafe { v.downcast_unchecked() };
    b.exports.fetch_add(1, Ordering::AcqRel);
}

fn ba_release(v: Value) {
    // SAFETY: registered for the Bytearray kind only.
    let b: Gc<BytearrayObj> = unsafe { v.downcast_unchecked() };
    let _ = b
        .exports
        .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1));
}

static BYTEARRAY_BUFFER: crate::buffer::BufferProcs = crate::buffer::BufferProcs {
    memory: ba_memory,
    readonly: |_| false,
    format: |_| ("B", 1),
    acquire: Some(ba_acquire),
    release: Some(ba_release),
    locked: true,
};

// ---- slots and methods ----------------------------------------------------------------

type Kw = Option<Gc<TupleObj>>;

fn this(ts: &mut ThreadState, v: Value) -> PyResult<Gc<BytearrayObj>> {
    match v.downcast::<BytearrayObj>() {
        Some(b) => Ok(b),
        None => Err(ts.type_error(format!(
            "descriptor requires a 'bytearray' object but received a '{}'",
            type_name(v)
        ))),
    }
}

fn ba_new(ts: &mut ThreadState, cls: Gc<TypeObj>, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    Ok(BytearrayObj::new(ts, cls, &[]).value())
}

fn ba_init(ts: &mut ThreadState, v: Value, args: &[Value], kw: Kw) -> PyResult<()> {
    let ba = this(ts, v)?;
    let b = bytes_from_args(ts, "bytearray", args, kw)?;
    ba.edit(
        ts,
        |_| b.len(),
        |e| {
            let n = e.len;
            e.splice(0, n, &b)
        },
    )
}

/// The bytes a slice assignment inserts.
fn assigned_bytes(ts: &mut ThreadState, x: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer_bytes(ts, x)? {
        return Ok(b.into_owned());
    }
    let bad = |ts: &mut ThreadState| {
        ts.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
    };
    if crate::objects::int::is_int(x) || x.downcast::<crate::objects::str::StrObj>().is_some() {
        return Err(bad(ts));
    }
    if type_of(x).slots.iter.get().is_none() && type_of(x).slots.getitem.get().is_none() {
        return Err(bad(ts));
    }
    crate::objects::bytes::ints_of_iterable(ts, x, "byte must be in range(0, 256)")
}

fn ba_setitem(ts: &mut ThreadState, v: Value, key: Value, x: Option<Value>) -> PyResult<()> {
    let ba = this(ts, v)?;
    if let Some(s) = key.downcast::<SliceObj>() {
        let new = match x {
            Some(x) => Some(assigned_bytes(ts, x)?),
            None => None,
        };
        let len0 = ba.len();
        let (start, stop, step, n) = s.indices(ts, len0 as i64)?;
        // The content's size after the assignment (an extended slice keeps
        // it; storage is asked for only when it grows).
        let removed = if step == 1 {
            (stop - start).max(0) as usize
        } else {
            0
        };
        let grow = match &new {
            Some(b) if step == 1 => b.len(),
            _ => removed,
        };
        if let Some(new) = &new {
            if step != 1 && new.len() != n {
                return Err(ts.value_error(format!(
                    "attempt to assign bytes of size {} to extended slice of size {n}",
                    new.len()
                )));
            }
        }
        return ba.edit(
            ts,
            |len| (len + grow).saturating_sub(removed),
            |e| {
                // Recompute against the length under the lock (another
                // thread may have changed it since `indices`).
                let len = e.len;
                let (start, stop, step, n) = if len == len0 {
                    (start, stop, step, n)
                } else {
                    let (a, b, c, m) = clamp_indices(start, stop, step, len);
                    (a, b, c, m)
                };
                match &new {
                    Some(new) if step == 1 => {
                        let (a, b) = (start as usize, stop.max(start) as usize);
                        e.splice(a, b, new)
                    }
                    Some(new) => {
                        if new.len() != n {
                            return Err(EditErr::Value("extended slice size mismatch"));
                        }
                        let c = e.content();
                        for (k, &byte) in new.iter().enumerate() {
                            c[(start + k as i64 * step) as usize] = byte;
                        }
                        Ok(())
                    }
                    None if step == 1 => {
                        let (a, b) = (start as usize, stop.max(start) as usize);
                        e.splice(a, b, &[])
                    }
                    None => {
                        if n == 0 {
                            return Ok(());
                        }
                        e.resizing()?;
                        let (lo, hi, st) = if step > 0 {
                            (start, start + (n as i64 - 1) * step, step)
                        } else {
                            (start + (n as i64 - 1) * step, start, -step)
                        };
                        let c = e.content();
                        let mut w = 0usize;
                        for r in 0..c.len() {
                            let ri = r as i64;
                            let drop = ri >= lo && ri <= hi && (ri - lo) % st == 0;
                            if !drop {
                                c[w] = c[r];
                                w += 1;
                            }
                        }
                        e.set_len(w)
                    }
                }
            },
        );
    }
    let i = match key.as_small_int() {
        Some(i) => i,
        None => {
            if !crate::objects::int::is_int(key) && type_of(key).slots.index.get().is_none() {
                return Err(ts.type_error(format!(
                    "bytearray indices must be integers or slices, not {}",
                    type_name(key)
                )));
            }
            ops::index_saturating(ts, key, "bytearray")?
        }
    };
    match x {
        Some(x) => {
            let b = byte_value(ts, x, "byte must be in range(0, 256)")?;
            ba.edit(
                ts,
                |len| len,
                |e| match normalize_index(i, e.len) {
                    Some(j) => {
                        e.content()[j] = b;
                        Ok(())
                    }
                    None => Err(EditErr::Index("bytearray index out of range")),
                },
            )
        }
        None => ba.edit(
            ts,
            |len| len,
            |e| match normalize_index(i, e.len) {
                Some(j) => e.splice(j, j + 1, &[]),
                None => Err(EditErr::Index("bytearray index out of range")),
            },
        ),
    }
}

/// Slice indices against a new length (a concurrent resize).
fn clamp_indices(start: i64, stop: i64, step: i64, len: usize) -> (i64, i64, i64, usize) {
    let len = len as i64;
    let (start, stop) = if step > 0 {
        (start.min(len), stop.min(len))
    } else {
        (start.min(len - 1), stop.min(len - 1))
    };
    let n = if step > 0 {
        if stop > start {
            ((stop - start - 1) / step + 1) as usize
        } else {
            0
        }
    } else if start > stop {
        ((start - stop - 1) / (-step) + 1) as usize
    } else {
        0
    };
    (start, stop, step, n)
}

fn ba_iadd(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let Some(ba) = a.downcast::<BytearrayObj>() else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let Some(more) = buffer_bytes(ts, b)? else {
        return Err(ts.type_error(format!("can't concat {} to bytearray", type_name(b))));
    };
    ba.edit(
        ts,
        |len| len + more.len(),
        |e| {
            let n = e.len;
            e.splice(n, n, &more)
        },
    )?;
    Ok(a)
}

fn ba_imul(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let Some(ba) = a.downcast::<BytearrayObj>() else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let Some(n) = repeat_count(ts, b)? else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let n = n.max(0) as usize;
    let cur = ba.to_vec();
    let total = cur
        .len()
        .checked_mul(n)
        .ok_or_else(|| ts.memory_error(""))?;
    ts.check_alloc_size(total)?;
    let rep = cur.repeat(n);
    ba.edit(
        ts,
        |_| total,
        |e| {
            let len = e.len;
            e.splice(0, len, &rep)
        },
    )?;
    Ok(a)
}

fn m_append(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("bytearray.append($self, item, /)");
    let [v, x] = SIG.bind(ts, args, kw)?;
    let ba = this(ts, v)?;
    let b = byte_value(ts, x, "byte must be in range(0, 256)")?;
    ba.edit(
        ts,
        |len| len + 1,
        |e| {
            let n = e.len;
            e.splice(n, n, &[b])
        },
    )?;
    Ok(Value::NONE)
}

fn m_extend(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("bytearray.extend($self, iterable_of_ints, /)");
    let [v, x] = SIG.bind(ts, args, kw)?;
    let ba = this(ts, v)?;
    let more = match buffer_bytes(ts, x)? {
        Some(d) => d.into_owned(),
        None => {
            if type_of(x).slots.iter.get().is_none() && type_of(x).slots.getitem.get().is_none() {
                return Err(ts.type_error(format!("can't extend bytearray with {}", type_name(x))));
            }
            crate::objects::bytes::ints_of_iterable(ts, x, "byte must be in range(0, 256)")?
        }
    };
    ba.edit(
        ts,
        |len| len + more.len(),
        |e| {
            let n = e.len;
            e.splice(n, n, &more)
        },
    )?;
    Ok(Value::NONE)
}

fn m_insert(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("bytearray.insert($self, index, item, /)");
    let [v, iv, x] = SIG.bind(ts, args, kw)?;
    let ba = this(ts, v)?;
    let i = ops::index_to_i64(ts, iv)?;
    let b = byte_value(ts, x, "byte must be in range(0, 256)")?;
    ba.edit(
        ts,
        |len| len + 1,
        |e| {
            let n = e.len as i64;
            let at = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
            e.splice(at, at, &[b])
        },
    )?;
    Ok(Value::NONE)
}

fn m_pop(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("bytearray.pop($self, index=-1, /)");
    let [v, iv] = SIG.bind(ts, args, kw)?;
    let ba = this(ts, v)?;
    let i = match iv.non_null() {
        Some(x) => ops::index_to_i64(ts, x)?,
        None => -1,
    };
    let c = ba.edit(
        ts,
        |len| len,
        |e| {
            if e.len == 0 {
                return Err(EditErr::Index("pop from empty bytearray"));
            }
            let Some(j) = normalize_index(i, e.len) else {
                return Err(EditErr::Index("pop index out of range"));
            };
            let c = e.content()[j];
            e.splice(j, j + 1, &[])?;
            Ok(c)
        },
    )?;
    Ok(Value::small_int_unchecked(c as i64))
}

fn m_remove(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("bytearray.remove($self, value, /)");
    let [v, x] = SIG.bind(ts, args, kw)?;
    let ba = this(ts, v)?;
    let b = byte_value(ts, x, "byte must be in range(0, 256)")?;
    ba.edit(
        ts,
        |len| len,
        |e| {
            let Some(j) = e.content().iter().position(|&c| c == b) else {
                return Err(EditErr::Value("value not found in bytearray"));
            };
            e.splice(j, j + 1, &[])
        },
    )?;
    Ok(Value::NONE)
}

fn m_clear(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("bytearray.clear($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let ba = this(ts, v)?;
    ba.edit(ts, |_| 0, |e| e.set_len(0))?;
    Ok(Value::NONE)
}

fn m_copy(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("bytearray.copy($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let ba = this(ts, v)?;
    let d = ba.to_vec();
    Ok(BytearrayObj::new(ts, types().bytearray, &d).value())
}

fn m_reverse(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("bytearray.reverse($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let ba = this(ts, v)?;
    ba.edit(
        ts,
        |len| len,
        |e| {
            e.content().reverse();
            Ok(())
        },
    )?;
    Ok(Value::NONE)
}

fn m_alloc(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("bytearray.__alloc__($self, /)").without_text_signature();
    let [v] = SIG.bind(ts, args, kw)?;
    let ba = this(ts, v)?;
    let cap = {
        let _g = ba.header.lock();
        ba.capacity()
    };
    Ok(len_value(cap + 1))
}

fn m_sizeof(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("bytearray.__sizeof__($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let ba = this(ts, v)?;
    let cap = {
        let _g = ba.header.lock();
        ba.capacity()
    };
    Ok(len_value(56 + if cap > 0 { cap + 1 } else { 0 }))
}

/// `__reduce__` / `__reduce_ex__`: `(type, args, state)` for pickle/copy.
fn reduce(ts: &mut ThreadState, v: Value, proto: i64) -> PyResult<Value> {
    let ba = this(ts, v)?;
    let d = ba.to_vec();
    let args = if proto < 3 {
        let latin: String = d.iter().map(|&c| c as char).collect();
        let s = crate::objects::str::new_str(ts, &latin);
        let enc = crate::objects::str::new_str(ts, "latin-1");
        TupleObj::new(ts, &[s, enc]).value()
    } else {
        let b = BytesObj::new(ts, &d);
        TupleObj::new(ts, &[b]).value()
    };
    let state = match crate::objects::instance::attr_store(v) {
        Some(_) => {
            let n = crate::interp::names().__dict__;
            ops::getattr_opt(ts, v, n)?.unwrap_or(Value::NONE)
        }
        None => Value::NONE,
    };
    let cls = type_of(v).value();
    Ok(TupleObj::new(ts, &[cls, args, state]).value())
}

fn m_reduce(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("bytearray.__reduce__($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    reduce(ts, v, 0)
}

fn m_reduce_ex(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("bytearray.__reduce_ex__($self, proto=0, /)");
    let [v, p] = SIG.bind(ts, args, kw)?;
    let proto = match p.non_null() {
        Some(p) => ops::index_to_i64(ts, p)?,
        None => 0,
    };
    reduce(ts, v, proto)
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    crate::buffer::register(Kind::Bytearray, &BYTEARRAY_BUFFER);
    let ba = t.bytearray;
    ba.slots
        .hash
        .set(Some(crate::objects::slots::hash_not_implemented));
    ba.slots.new.set(Some(ba_new));
    ba.slots.init.set(Some(ba_init));
    ba.slots.setitem.set(Some(ba_setitem));
    ba.slots.nb_inplace[BinaryOp::Add as usize].set(Some(ba_iadd));
    ba.slots.nb_inplace[BinaryOp::Multiply as usize].set(Some(ba_imul));
    add_methods(
        ts,
        ba,
        &[
            method("append", m_append),
            method("extend", m_extend),
            method("insert", m_insert),
            method("pop", m_pop),
            method("remove", m_remove),
            method("clear", m_clear),
            method("copy", m_copy),
            method("reverse", m_reverse),
            method("__alloc__", m_alloc),
            method("__sizeof__", m_sizeof),
            method("__reduce__", m_reduce),
            method("__reduce_ex__", m_reduce_ex),
        ],
    );
}
