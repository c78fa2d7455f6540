//! `array`: compact arrays of C numbers (`array('i', [1, 2])`).
//!
//! An array keeps its items as raw native-endian bytes in a `Vec<u8>`,
//! guarded by the object's own header lock (the lock `memoryview` takes
//! when it reads or writes an exporter, see `ftpy_vm::buffer`): every
//! access, ours or a view's, holds that lock, and none holds it across an
//! allocation or Python code. The data holds no `Value`s.
//!
//! While a buffer is exported (a live `memoryview`), the array may not
//! change its length: `BufferError: cannot resize an array that is
//! exporting buffers`, after collecting views nobody references.

use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use ftpy_compiler::CompareOp;
use ftpy_vm::buffer::{BufferProcs, Memory, NativeExporter};
use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::{Marker, RootedVec, Slot};
use ftpy_vm::objects::bytes::BytesObj;
use ftpy_vm::objects::float;
use ftpy_vm::objects::list::ListObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::native::{self, NativeData, NativeObj};
use ftpy_vm::objects::slice::{normalize_index, SliceObj};
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{short_type_name, tflags, type_name, TypeObj};
use ftpy_vm::objects::{add_getset, add_methods, int, method};
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

/// The type codes, in CPython's order.
const TYPECODES: &str = "bBuhHiIlLqQfd";

static ARRAY: OnceLock<Gc<TypeObj>> = OnceLock::new();
static ITER: OnceLock<Gc<TypeObj>> = OnceLock::new();
static RECONSTRUCTOR: OnceLock<Value> = OnceLock::new();

fn itemsize(code: u8) -> Option<usize> {
    Some(match code {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' | b'u' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'd' => 8,
        _ => return None,
    })
}

/// The struct format a buffer of this type code exports.
fn format_of(code: u8) -> &'static str {
    match code {
        b'b' => "b",
        b'B' => "B",
        b'h' => "h",
        b'H' => "H",
        b'i' => "i",
        b'I' => "I",
        b'l' => "l",
        b'L' => "L",
        b'q' => "q",
        b'Q' => "Q",
        b'f' => "f",
        b'd' => "d",
        _ => "u",
    }
}

/// One item, decoded.
#[derive(Copy, Clone, Debug)]
enum Item {
    I(i128),
    F(f64),
    C(u32),
}

/// The bytes, behind the object's header lock.
struct Bytes(UnsafeCell<Vec<u8>>);

// SAFETY: the vector is only read or written while the owning object's
// header lock is held (see the module doc), or by the collector's sweeper
// when the object is dead.
unsafe impl Sync for Bytes {}
// SAFETY: as above; a Vec<u8> has no thread affinity.
unsafe impl Send for Bytes {}

struct ArrayData {
    code: u8,
    size: usize,
    bytes: Bytes,
    exports: AtomicUsize,
}

// SAFETY: holds no Values.
unsafe impl NativeData for ArrayData {
    fn trace(&self, _m: &mut Marker) {}
}

impl ArrayData {
    fn read<R>(&self, o: Gc<NativeObj>, f: impl FnOnce(&[u8]) -> R) -> R {
        let _g = o.header.lock();
        // SAFETY: the bytes are accessed only under the object's lock.
        f(unsafe { &*self.bytes.0.get() })
    }

    fn write<R>(&self, o: Gc<NativeObj>, f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
        let _g = o.header.lock();
        // SAFETY: as in `read`; the lock makes this the only access.
        f(unsafe { &mut *self.bytes.0.get() })
    }

    fn copy(&self, o: Gc<NativeObj>) -> Vec<u8> {
        self.read(o, |b| b.to_vec())
    }

    fn len(&self, o: Gc<NativeObj>) -> usize {
        self.read(o, |b| b.len() / self.size)
    }
}

/// Runs `f` on the bytes if no buffer is exported (else BufferError).
fn resize<R>(
    ts: &mut ThreadState,
    o: Gc<NativeObj>,
    a: &ArrayData,
    f: impl FnOnce(&mut Vec<u8>) -> R,
) -> PyResult<R> {
    if a.exports.load(Ordering::Acquire) > 0 {
        ftpy_vm::buffer::collect_dead_views(ts);
    }
    let r = a.write(o, |b| {
        if a.exports.load(Ordering::Acquire) > 0 {
            None
        } else {
            Some(f(b))
        }
    });
    match r {
        Some(r) => Ok(r),
        None => Err(ts.buffer_error("cannot resize an array that is exporting buffers")),
    }
}

fn decode(code: u8, b: &[u8]) -> Item {
    let mut w = [0u8; 8];
    w[..b.len().min(8)].copy_from_slice(&b[..b.len().min(8)]);
    match code {
        b'b' => Item::I(b[0] as i8 as i128),
        b'B' => Item::I(b[0] as i128),
        b'h' => Item::I(i16::from_ne_bytes([w[0], w[1]]) as i128),
        b'H' => Item::I(u16::from_ne_bytes([w[0], w[1]]) as i128),
        b'i' => Item::I(i32::from_ne_bytes([w[0], w[1], w[2], w[3]]) as i128),
        b'I' => Item::I(u32::from_ne_bytes([w[0], w[1], w[2], w[3]]) as i128),
        b'l' | b'q' => Item::I(i64::from_ne_bytes(w) as i128),
        b'L' | b'Q' => Item::I(u64::from_ne_bytes(w) as i128),
        b'f' => Item::F(f32::from_ne_bytes([w[0], w[1], w[2], w[3]]) as f64),
        b'd' => Item::F(f64::from_ne_bytes(w)),
        _ => Item::C(u32::from_ne_bytes([w[0], w[1], w[2], w[3]])),
    }
}

/// Writes `it` (already range-checked for `code`) into `out`.
fn encode(code: u8, it: Item, out: &mut Vec<u8>) {
    match (code, it) {
        (b'b' | b'B', Item::I(i)) => out.push(i as u8),
        (b'h' | b'H', Item::I(i)) => out.extend_from_slice(&(i as u16).to_ne_bytes()),
        (b'i' | b'I', Item::I(i)) => out.extend_from_slice(&(i as u32).to_ne_bytes()),
        (b'l' | b'L' | b'q' | b'Q', Item::I(i)) => out.extend_from_slice(&(i as u64).to_ne_bytes()),
        (b'f', Item::F(f)) => out.extend_from_slice(&(f as f32).to_ne_bytes()),
        (b'd', Item::F(f)) => out.extend_from_slice(&f.to_ne_bytes()),
        (_, Item::C(c)) => out.extend_from_slice(&c.to_ne_bytes()),
        // Not produced by `to_item`.
        (_, _) => out.extend(std::iter::repeat_n(0u8, itemsize(code).unwrap_or(1))),
    }
}

fn item_value(ts: &mut ThreadState, it: Item) -> PyResult<Value> {
    Ok(match it {
        Item::I(i) => int::int_from_i128(ts, i),
        Item::F(f) => float::new_float(ts, f),
        Item::C(c) => {
            if c > 0x10FFFF {
                return Err(ts.value_error(format!(
                    "character U+{c:x} is not in range [U+0000; U+10ffff]"
                )));
            }
            ftpy_vm::objects::str::from_code_point(ts, c)
        }
    })
}

const LONG: &str = "Python int too large to convert to C long";

/// `v` as an item of type `code`, with CPython's conversion errors.
fn to_item(ts: &mut ThreadState, code: u8, v: Value) -> PyResult<Item> {
    match code {
        b'u' => {
            if let Some(s) = v.downcast::<StrObj>() {
                if s.char_len() == 1 {
                    return Ok(Item::C(s.char_at(0)));
                }
            }
            Err(ts.type_error("array item must be unicode character"))
        }
        b'f' | b'd' => {
            if let Some(f) = float::as_f64(v) {
                return Ok(Item::F(f));
            }
            if int::is_int(v) {
                return Ok(Item::F(int::int_to_f64(ts, v)?));
            }
            if let Some(m) = ops::getattr_str_opt(ts, v, "__float__")? {
                let r = ops::call0(ts, m)?;
                if let Some(f) = float::as_f64(r) {
                    return Ok(Item::F(f));
                }
            }
            Err(ts.type_error(format!("must be real number, not {}", type_name(v))))
        }
        _ => {
            let i = ops::index(ts, v)?;
            let n: Option<i128> =
                int::to_big(i).and_then(|b| num_traits::ToPrimitive::to_i128(b.as_ref()));
            let neg = match n {
                Some(n) => n < 0,
                None => int::to_big(i).is_some_and(|b| num_traits::Signed::is_negative(b.as_ref())),
            };
            let in_range = |lo: i128, hi: i128| n.is_some_and(|n| n >= lo && n <= hi);
            let long = in_range(i64::MIN as i128, i64::MAX as i128);
            let ulong = in_range(0, u64::MAX as i128);
            let over = |ts: &mut ThreadState, m: &str| Err(ts.overflow_error(m));
            let nv = n.unwrap_or(0);
            match code {
                b'b' | b'B' | b'h' | b'H' | b'i' | b'l' if !long => return over(ts, LONG),
                b'q' if !long => return over(ts, "int too big to convert"),
                _ => {}
            }
            match code {
                b'b' if !in_range(-32768, 32767) => {
                    return over(
                        ts,
                        if neg {
                            "signed short integer is less than minimum"
                        } else {
                            "signed short integer is greater than maximum"
                        },
                    )
                }
                b'b' if nv < -128 => return over(ts, "signed char is less than minimum"),
                b'b' if nv > 127 => return over(ts, "signed char is greater than maximum"),
                b'B' if nv < 0 => return over(ts, "unsigned byte integer is less than minimum"),
                b'B' if nv > 255 => {
                    return over(ts, "unsigned byte integer is greater than maximum")
                }
                b'h' if nv < -32768 => {
                    return over(ts, "signed short integer is less than minimum")
                }
                b'h' if nv > 32767 => {
                    return over(ts, "signed short integer is greater than maximum")
                }
                b'H' | b'i' if nv < i32::MIN as i128 => {
                    return over(ts, "signed integer is less than minimum")
                }
                b'H' | b'i' if nv > i32::MAX as i128 => {
                    return over(ts, "signed integer is greater than maximum")
                }
                b'H' if nv < 0 => return over(ts, "unsigned short is less than minimum"),
                b'H' if nv > 65535 => return over(ts, "unsigned short is greater than maximum"),
                b'I' | b'L' if neg => {
                    return over(ts, "can't convert negative value to unsigned int")
                }
                b'I' | b'L' if !ulong => {
                    return over(ts, "Python int too large to convert to C unsigned long")
                }
                b'I' if nv > u32::MAX as i128 => {
                    return over(ts, "unsigned int is greater than maximum")
                }
                b'Q' if neg => return over(ts, "can't convert negative int to unsigned"),
                b'Q' if !ulong => return over(ts, "int too big to convert"),
                _ => {}
            }
            Ok(Item::I(nv))
        }
    }
}

/// Whether two items are equal as Python values.
fn item_eq(a: Item, b: Item) -> bool {
    match (a, b) {
        (Item::I(x), Item::I(y)) => x == y,
        (Item::F(x), Item::F(y)) => x == y,
        (Item::C(x), Item::C(y)) => x == y,
        (Item::I(i), Item::F(f)) | (Item::F(f), Item::I(i)) => {
            f.fract() == 0.0 && f.abs() < 1.8e38 && f as i128 == i
        }
        _ => false,
    }
}

fn items_of(code: u8, size: usize, b: &[u8]) -> Vec<Item> {
    b.chunks_exact(size).map(|c| decode(code, c)).collect()
}

// ---- objects ----------------------------------------------------------------------------

fn array_type(ts: &mut ThreadState) -> PyResult<Gc<TypeObj>> {
    match ARRAY.get() {
        Some(&t) => Ok(t),
        None => Err(ts.system_error("array not initialized")),
    }
}

fn new_array(ts: &mut ThreadState, cls: Gc<TypeObj>, code: u8, bytes: Vec<u8>) -> Value {
    let d = ArrayData {
        code,
        size: itemsize(code).unwrap_or(1),
        bytes: Bytes(UnsafeCell::new(bytes)),
        exports: AtomicUsize::new(0),
    };
    NativeObj::new(ts, cls, d).value()
}

/// The array behind `v` (an array or a subclass instance).
fn arr(ts: &mut ThreadState, v: Value) -> PyResult<(Gc<NativeObj>, &'static ArrayData)> {
    let a = native::expect::<ArrayData>(ts, v, "array.array")?;
    match v.downcast::<NativeObj>() {
        Some(o) => Ok((o, a)),
        None => Err(ts.type_error("expected an array.array object")),
    }
}

fn as_array(v: Value) -> Option<(Gc<NativeObj>, &'static ArrayData)> {
    let a = native::data_of::<ArrayData>(v)?;
    Some((v.downcast::<NativeObj>()?, a))
}

// ---- the buffer protocol ----------------------------------------------------------------

fn buf_memory(v: Value) -> Memory {
    match as_array(v) {
        Some((_, a)) => {
            // SAFETY: the buffer consumer holds the object's lock (the
            // procs say `locked`), so the vector is not changing.
            let b = unsafe { &*a.bytes.0.get() };
            Memory {
                ptr: b.as_ptr() as *mut u8,
                len: b.len(),
            }
        }
        None => Memory {
            ptr: std::ptr::NonNull::<u8>::dangling().as_ptr(),
            len: 0,
        },
    }
}

fn buf_format(v: Value) -> (&'static str, usize) {
    match as_array(v) {
        Some((_, a)) => (format_of(a.code), a.size),
        None => ("B", 1),
    }
}

fn buf_acquire(v: Value) {
    if let Some((_, a)) = as_array(v) {
        a.exports.fetch_add(1, Ordering::AcqRel);
    }
}

fn buf_release(v: Value) {
    if let Some((_, a)) = as_array(v) {
        let _ = a
            .exports
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1));
    }
}

static ARRAY_BUFFER: BufferProcs = BufferProcs {
    memory: buf_memory,
    readonly: |_| false,
    format: buf_format,
    acquire: Some(buf_acquire),
    release: Some(buf_release),
    locked: true,
};

static EXPORTER: NativeExporter = NativeExporter {
    is: |v| native::data_of::<ArrayData>(v).is_some(),
    procs: &ARRAY_BUFFER,
};

// ---- construction ----------------------------------------------------------------------

fn bad_typecode(ts: &mut ThreadState) -> ftpy_vm::PyErr {
    ts.value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
}

/// Converts every item of `vals` (all or nothing).
fn convert_all(ts: &mut ThreadState, code: u8, vals: &[Value]) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(vals.len() * itemsize(code).unwrap_or(1));
    for &v in vals {
        let it = to_item(ts, code, v)?;
        encode(code, it, &mut out);
    }
    Ok(out)
}

fn unicode_bytes(s: &StrObj) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.char_len() * 4);
    for cp in s.code_points() {
        out.extend_from_slice(&cp.to_ne_bytes());
    }
    out
}

fn array_new(ts: &mut ThreadState, cls: Gc<TypeObj>, args: &[Value], kw: Kw) -> PyResult<Value> {
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    if nkw > 0 && Some(cls) == ARRAY.get().copied() {
        return Err(ts.type_error("array.array() takes no keyword arguments"));
    }
    let args = &args[..args.len() - nkw];
    if args.is_empty() {
        return Err(ts.type_error("array() takes at least 1 argument (0 given)"));
    }
    if args.len() > 2 {
        return Err(ts.type_error(format!(
            "array() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let code = match args[0].downcast::<StrObj>() {
        Some(s) if s.char_len() == 1 => s.char_at(0),
        _ => {
            return Err(ts.type_error(format!(
                "array() argument 1 must be a unicode character, not {}",
                type_name(args[0])
            )))
        }
    };
    let code = match u8::try_from(code) {
        Ok(c) if TYPECODES.as_bytes().contains(&c) => c,
        _ => return Err(bad_typecode(ts)),
    };
    let size = itemsize(code).unwrap_or(1);
    let init = args.get(1).copied().filter(|v| !v.is_none());
    let bytes = match init {
        None => Vec::new(),
        Some(v) => {
            if let Some(s) = v.downcast::<StrObj>() {
                if code != b'u' {
                    return Err(ts.type_error(format!(
                        "cannot use a str to initialize an array with typecode '{}'",
                        code as char
                    )));
                }
                unicode_bytes(&s)
            } else if let Some((o, a)) = as_array(v) {
                if a.code == b'u' && code != b'u' {
                    return Err(ts.type_error(format!(
                        "cannot use a unicode array to initialize an array with typecode '{}'",
                        code as char
                    )));
                }
                let b = a.copy(o);
                if a.code == code {
                    b
                } else {
                    let vals = values_of(ts, a.code, a.size, &b)?;
                    convert_all(ts, code, &vals)?
                }
            } else if v.downcast::<BytesObj>().is_some()
                || v.downcast::<ftpy_vm::objects::bytearray::BytearrayObj>()
                    .is_some()
            {
                let b = ftpy_vm::objects::bytes::expect_buffer(ts, v)?.into_owned();
                if b.len() % size != 0 {
                    return Err(ts.value_error("bytes length not a multiple of item size"));
                }
                b
            } else {
                let vals = ops::collect(ts, v)?;
                convert_all(ts, code, &vals)?
            }
        }
    };
    Ok(new_array(ts, cls, code, bytes))
}

/// The items of raw bytes as Python values (rooted).
fn values_of(ts: &mut ThreadState, code: u8, size: usize, b: &[u8]) -> PyResult<RootedVec> {
    let mut out = RootedVec::with_capacity(ts, b.len() / size);
    for c in b.chunks_exact(size) {
        let v = item_value(ts, decode(code, c))?;
        out.push(v);
    }
    Ok(out)
}

// ---- sequence slots ---------------------------------------------------------------------

fn sq_len(ts: &mut ThreadState, v: Value) -> PyResult<usize> {
    let (o, a) = arr(ts, v)?;
    Ok(a.len(o))
}

fn item_at(a: &ArrayData, o: Gc<NativeObj>, i: i64) -> Option<Item> {
    a.read(o, |b| {
        let n = b.len() / a.size;
        normalize_index(i, n).map(|j| decode(a.code, &b[j * a.size..(j + 1) * a.size]))
    })
}

fn index_key(ts: &mut ThreadState, key: Value) -> PyResult<Option<i64>> {
    if let Some(i) = key.as_small_int() {
        return Ok(Some(i));
    }
    if int::is_int(key) || ops::getattr_str_opt(ts, key, "__index__")?.is_some() {
        return Ok(Some(ops::item_index(ts, key, "array")?));
    }
    Ok(None)
}

fn mp_getitem(ts: &mut ThreadState, v: Value, key: Value) -> PyResult<Value> {
    let (o, a) = arr(ts, v)?;
    if let Some(i) = index_key(ts, key)? {
        return match item_at(a, o, i) {
            Some(it) => item_value(ts, it),
            None => Err(ts.index_error("array index out of range")),
        };
    }
    if let Some(s) = key.downcast::<SliceObj>() {
        let b = a.copy(o);
        let n = b.len() / a.size;
        let (start, _, step, count) = s.indices(ts, n as i64)?;
        let mut out = Vec::with_capacity(count * a.size);
        let mut i = start;
        for _ in 0..count {
            let j = i as usize * a.size;
            out.extend_from_slice(&b[j..j + a.size]);
            i = i.wrapping_add(step); // past the last item it may overflow, unused
        }
        let cls = array_type(ts)?;
        return Ok(new_array(ts, cls, a.code, out));
    }
    Err(ts.type_error("array indices must be integers"))
}

fn mp_setitem(ts: &mut ThreadState, v: Value, key: Value, x: Option<Value>) -> PyResult<()> {
    let (o, a) = arr(ts, v)?;
    if let Some(i) = index_key(ts, key)? {
        return match x {
            Some(x) => {
                let it = to_item(ts, a.code, x)?;
                let mut raw = Vec::with_capacity(8);
                encode(a.code, it, &mut raw);
                let ok = a.write(o, |b| {
                    let n = b.len() / a.size;
                    match normalize_index(i, n) {
                        Some(j) => {
                            b[j * a.size..(j + 1) * a.size].copy_from_slice(&raw);
                            true
                        }
                        None => false,
                    }
                });
                if ok {
                    Ok(())
                } else {
                    Err(ts.index_error("array assignment index out of range"))
                }
            }
            None => {
                let n = a.len(o);
                let Some(j) = normalize_index(i, n) else {
                    return Err(ts.index_error("array assignment index out of range"));
                };
                let size = a.size;
                resize(ts, o, a, |b| {
                    if (j + 1) * size <= b.len() {
                        b.drain(j * size..(j + 1) * size);
                    }
                })
            }
        };
    }
    let Some(s) = key.downcast::<SliceObj>() else {
        return Err(ts.type_error("array indices must be integers"));
    };
    let n = a.len(o);
    let (start, stop, step, count) = s.indices(ts, n as i64)?;
    let size = a.size;
    // The replacement's bytes (None: delete).
    let repl: Option<Vec<u8>> = match x {
        None => None,
        Some(x) => match as_array(x) {
            Some((xo, xa)) => {
                if xa.code != a.code {
                    return Err(ts.type_error("bad argument type for built-in operation"));
                }
                Some(xa.copy(xo))
            }
            None => {
                return Err(ts.type_error(format!(
                    "can only assign array (not \"{}\") to array slice",
                    type_name(x)
                )))
            }
        },
    };
    if step == 1 {
        let from = start.max(0) as usize;
        let to = (stop.max(start).max(0) as usize).max(from);
        let r = repl.unwrap_or_default();
        if r.len() == (to - from) * size {
            a.write(o, |b| {
                let to = (to * size).min(b.len());
                let from = (from * size).min(to);
                if to - from == r.len() {
                    b[from..to].copy_from_slice(&r);
                }
            });
            return Ok(());
        }
        return resize(ts, o, a, |b| {
            let to = (to * size).min(b.len());
            let from = (from * size).min(to);
            b.splice(from..to, r);
        });
    }
    match repl {
        Some(r) => {
            if r.len() / size != count {
                return Err(ts.value_error(format!(
                    "attempt to assign array of size {} to extended slice of size {count}",
                    r.len() / size
                )));
            }
            a.write(o, |b| {
                let mut i = start;
                for k in 0..count {
                    let j = i as usize * size;
                    if j + size <= b.len() {
                        b[j..j + size].copy_from_slice(&r[k * size..(k + 1) * size]);
                    }
                    i = i.wrapping_add(step); // past the last item it may overflow, unused
                }
            });
            Ok(())
        }
        None => {
            if count == 0 {
                return Ok(());
            }
            let mut drop_idx = vec![false; n];
            let mut i = start;
            for _ in 0..count {
                if let Some(d) = drop_idx.get_mut(i as usize) {
                    *d = true;
                }
                i = i.wrapping_add(step); // past the last item it may overflow, unused
            }
            resize(ts, o, a, |b| {
                let kept: Vec<u8> = b
                    .chunks_exact(size)
                    .enumerate()
                    .filter(|(k, _)| !drop_idx.get(*k).copied().unwrap_or(false))
                    .flat_map(|(_, c)| c.iter().copied())
                    .collect();
                *b = kept;
            })
        }
    }
}

/// The item `x` as an item of any kind, when it can equal one.
fn probe(x: Value) -> Option<Item> {
    if let Some(i) = x.as_small_int() {
        return Some(Item::I(i as i128));
    }
    if let Some(f) = float::as_f64(x) {
        return Some(Item::F(f));
    }
    None
}

/// Positions of items equal to `x`: (count in [start, stop), first index).
fn find(
    ts: &mut ThreadState,
    o: Gc<NativeObj>,
    a: &ArrayData,
    x: Value,
    start: usize,
    stop: usize,
    first_only: bool,
) -> PyResult<(usize, Option<usize>)> {
    let b = a.copy(o);
    let items = items_of(a.code, a.size, &b);
    let stop = stop.min(items.len());
    let mut count = 0;
    let mut first = None;
    let exact = probe(x).filter(|_| {
        let t = ftpy_vm::objects::typeobj::type_of(x);
        t == ftpy_vm::interp::types().int || t == ftpy_vm::interp::types().float
    });
    for (k, &it) in items.iter().enumerate().take(stop).skip(start) {
        let eq = match exact {
            Some(p) => item_eq(it, p),
            None => {
                let v = item_value(ts, it)?;
                ops::eq(ts, v, x)?
            }
        };
        if eq {
            count += 1;
            if first.is_none() {
                first = Some(k);
                if first_only {
                    break;
                }
            }
        }
    }
    Ok((count, first))
}

fn sq_contains(ts: &mut ThreadState, v: Value, x: Value) -> PyResult<bool> {
    let (o, a) = arr(ts, v)?;
    Ok(find(ts, o, a, x, 0, usize::MAX, true)?.1.is_some())
}

fn repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let (o, a) = arr(ts, v)?;
    let name = short_type_name(v);
    let b = a.copy(o);
    if b.is_empty() {
        return Ok(StrObj::new(ts, &format!("{name}('{}')", a.code as char)));
    }
    let body = if a.code == b'u' {
        let s = tounicode(ts, a.code, &b)?;
        ops::repr_string(ts, s)?
    } else {
        let mut s = String::from("[");
        for (k, c) in b.chunks_exact(a.size).enumerate() {
            if k > 0 {
                s.push_str(", ");
            }
            match decode(a.code, c) {
                Item::I(i) => s.push_str(&i.to_string()),
                Item::F(f) => s.push_str(&ftpy_vm::format::float_repr(f)),
                Item::C(_) => {}
            }
        }
        s.push(']');
        s
    };
    Ok(StrObj::new(
        ts,
        &format!("{name}('{}', {body})", a.code as char),
    ))
}

fn richcompare(ts: &mut ThreadState, x: Value, y: Value, op: CompareOp) -> PyResult<Value> {
    let (Some((xo, xa)), Some((yo, ya))) = (as_array(x), as_array(y)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let (xb, yb) = (xa.copy(xo), ya.copy(yo));
    let (xn, yn) = (xb.len() / xa.size, yb.len() / ya.size);
    if xn != yn && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Value::from_bool(op == CompareOp::Ne));
    }
    let xi = items_of(xa.code, xa.size, &xb);
    let yi = items_of(ya.code, ya.size, &yb);
    for (&p, &q) in xi.iter().zip(yi.iter()) {
        if item_eq(p, q) {
            continue;
        }
        if matches!(op, CompareOp::Eq | CompareOp::Ne) {
            return Ok(Value::from_bool(op == CompareOp::Ne));
        }
        let pv = item_value(ts, p)?;
        let qv = item_value(ts, q)?;
        return ops::rich_compare(ts, pv, qv, op);
    }
    let r = match op {
        CompareOp::Lt => xn < yn,
        CompareOp::Le => xn <= yn,
        CompareOp::Eq => xn == yn,
        CompareOp::Ne => xn != yn,
        CompareOp::Gt => xn > yn,
        CompareOp::Ge => xn >= yn,
    };
    Ok(Value::from_bool(r))
}

fn hash(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    // CPython names the type by its tp_name: "array.array" for the type
    // itself, the class name for a Python subclass.
    let exact = ARRAY
        .get()
        .is_some_and(|&t| ftpy_vm::objects::typeobj::type_of(v) == t);
    let name = if exact { "array.array" } else { type_name(v) };
    Err(ts.type_error(format!("unhashable type: '{name}'")))
}

fn nb_add(ts: &mut ThreadState, x: Value, y: Value) -> PyResult<Value> {
    let Some((xo, xa)) = as_array(x) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let Some((yo, ya)) = as_array(y) else {
        return Err(ts.type_error(format!(
            "can only append array (not \"{}\") to array",
            type_name(y)
        )));
    };
    if xa.code != ya.code {
        return Err(ts.type_error("bad argument type for built-in operation"));
    }
    let mut b = xa.copy(xo);
    b.extend_from_slice(&ya.copy(yo));
    let cls = array_type(ts)?;
    Ok(new_array(ts, cls, xa.code, b))
}

/// The repeat count of `array * n`.
fn repeat_count(ts: &mut ThreadState, n: Value) -> PyResult<Option<i64>> {
    if int::is_int(n) || ops::getattr_str_opt(ts, n, "__index__")?.is_some() {
        return Ok(Some(ops::index_saturating(ts, n, "")?));
    }
    Ok(None)
}

fn repeated(ts: &mut ThreadState, b: &[u8], n: i64) -> PyResult<Vec<u8>> {
    let n = n.max(0) as usize;
    if b.len()
        .checked_mul(n)
        .is_none_or(|t| t > isize::MAX as usize / 2)
    {
        return Err(ts.memory_error(""));
    }
    Ok(b.repeat(n))
}

fn nb_mul(ts: &mut ThreadState, x: Value, y: Value) -> PyResult<Value> {
    let (av, n) = if as_array(x).is_some() {
        (x, y)
    } else {
        (y, x)
    };
    let Some((o, a)) = as_array(av) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let Some(k) = repeat_count(ts, n)? else {
        if as_array(x).is_none() {
            return Ok(Value::NOT_IMPLEMENTED);
        }
        return Err(ts.type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            type_name(n)
        )));
    };
    let b = a.copy(o);
    let out = repeated(ts, &b, k)?;
    let cls = array_type(ts)?;
    Ok(new_array(ts, cls, a.code, out))
}

fn nb_iadd(ts: &mut ThreadState, x: Value, y: Value) -> PyResult<Value> {
    let Some((xo, xa)) = as_array(x) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let Some((yo, ya)) = as_array(y) else {
        return Err(ts.type_error(format!(
            "can only extend array with array (not \"{}\")",
            type_name(y)
        )));
    };
    if xa.code != ya.code {
        return Err(ts.type_error("can only extend with array of same kind"));
    }
    let more = ya.copy(yo);
    resize(ts, xo, xa, |b| b.extend_from_slice(&more))?;
    Ok(x)
}

fn nb_imul(ts: &mut ThreadState, x: Value, y: Value) -> PyResult<Value> {
    let Some((o, a)) = as_array(x) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let Some(k) = repeat_count(ts, y)? else {
        return Err(ts.type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            type_name(y)
        )));
    };
    let b = a.copy(o);
    let out = repeated(ts, &b, k)?;
    if out.len() != b.len() {
        resize(ts, o, a, |b| *b = out)?;
    }
    Ok(x)
}

// ---- iterator ---------------------------------------------------------------------------

struct ArrayIter {
    array: Slot,
    index: AtomicUsize,
}

// SAFETY: traces the array it walks.
unsafe impl NativeData for ArrayIter {
    fn trace(&self, m: &mut Marker) {
        m.value(self.array.get());
    }
}

fn sq_iter(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    arr(ts, v)?;
    let Some(&cls) = ITER.get() else {
        return Err(ts.system_error("array not initialized"));
    };
    let it = ArrayIter {
        array: Slot::new(v),
        index: AtomicUsize::new(0),
    };
    Ok(NativeObj::new(ts, cls, it).value())
}

fn iter_self(_ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(v)
}

fn iter_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let it = native::expect::<ArrayIter>(ts, v, "array.arrayiterator")?;
    let av = it.array.get();
    let Some((o, a)) = as_array(av) else {
        return Ok(None);
    };
    let i = it.index.fetch_add(1, Ordering::AcqRel);
    match item_at(a, o, i as i64).filter(|_| i < isize::MAX as usize) {
        Some(x) => Ok(Some(item_value(ts, x)?)),
        None => {
            it.index.store(usize::MAX / 2, Ordering::Release);
            Ok(None)
        }
    }
}

// ---- methods ----------------------------------------------------------------------------

fn m_append(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("array.append($self, v, /)");
    let [v, x] = SIG.bind(ts, args, kw)?;
    let (o, a) = arr(ts, v)?;
    let it = to_item(ts, a.code, x)?;
    resize(ts, o, a, |b| encode(a.code, it, b))?;
    Ok(Value::NONE)
}

fn m_buffer_info(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("array.buffer_info($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let (o, a) = arr(ts, v)?;
    let (p, n) = a.read(o, |b| (b.as_ptr() as u64, b.len() / a.size));
    let pv = int::int_from_u64(ts, p);
    let nv = int::int_from_u64(ts, n as u64);
    Ok(TupleObj::new(ts, &[pv, nv]).value())
}

fn m_byteswap(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("array.byteswap($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let (o, a) = arr(ts, v)?;
    a.write(o, |b| {
        for c in b.chunks_exact_mut(a.size) {
            c.reverse();
        }
    });
    Ok(Value::NONE)
}

fn m_count(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("array.count($self, v, /)");
    let [v, x] = SIG.bind(ts, args, kw)?;
    let (o, a) = arr(ts, v)?;
    let (n, _) = find(ts, o, a, x, 0, usize::MAX, false)?;
    Ok(int::int_from_u64(ts, n as u64))
}

fn extend_from(ts: &mut ThreadState, o: Gc<NativeObj>, a: &ArrayData, src: Value) -> PyResult<()> {
    if let Some((so, sa)) = as_array(src) {
        if sa.code != a.code {
            return Err(ts.type_error("can only extend with array of same kind"));
        }
        let more = sa.copy(so);
        return resize(ts, o, a, |b| b.extend_from_slice(&more));
    }
    // Item by item, as CPython: items before a bad one stay appended.
    let it = ops::iter(ts, src)?;
    while let Some(x) = ops::next(ts, it)? {
        let item = to_item(ts, a.code, x)?;
        resize(ts, o, a, |b| encode(a.code, item, b))?;
    }
    Ok(())
}

fn m_extend(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("array.extend($self, bb, /)");
    let [v, src] = SIG.bind(ts, args, kw)?;
    let (o, a) = arr(ts, v)?;
    extend_from(ts, o, a, src)?;
    Ok(Value::NONE)
}

fn frombytes(ts: &mut ThreadState, o: Gc<NativeObj>, a: &ArrayData, data: &[u8]) -> PyResult<()> {
    if !data.len().is_multiple_of(a.size) {
        return Err(ts.value_error("bytes length not a multiple of item size"));
    }
    resize(ts, o, a, |b| b.extend_from_slice(data))
}

fn m_frombytes(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("array.frombytes($self, buffer, /)");
    let [v, data] = SIG.bind(ts, args, kw)?;
    let (o, a) = arr(ts, v)?;
    let d = ftpy_vm::objects::bytes::expect_buffer(ts, data)?.into_owned();
    frombytes(ts, o, a, &d)?;
    Ok(Value::NONE)
}

fn m_fromfile(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("array.fromfile($self, f, n, /)");
    let [v, f, n] = SIG.bind(ts, args, kw)?;
    let (o, a) = arr(ts, v)?;
    let n = ops::index_to_i64(ts, n)?;
    if n < 0 {
        return Err(ts.value_error("negative count"));
    }
    let Some(want) = (n as u64).checked_mul(a.size as u64) else {
        return Err(ts.memory_error(""));
    };
    let nb = int::int_from_u64(ts, want);
    let read = ops::getattr_str(ts, f, "read")?;
    let got = ops::call1(ts, read, nb)?;
    let Some(d) = got.downcast::<BytesObj>() else {
        return Err(ts.type_error("read() didn't return bytes"));
    };
    let d = d.as_bytes().to_vec();
    let whole = d.len() - d.len() % a.size;
    frombytes(ts, o, a, &d[..whole])?;
    if (d.len() as u64) != want {
        return Err(ts.eof_error("read() didn't return enough bytes"));
    }
    Ok(Value::NONE)
}

fn m_fromlist(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("array.fromlist($self, list, /)");
    let [v, l] = SIG.bind(ts, args, kw)?;
    let (o, a) = arr(ts, v)?;
    let Some(l) = l.downcast::<ListObj>() else {
        return Err(ts.type_error("arg must be list"));
    };
    let mut vals = RootedVec::new(ts);
    vals.extend_from_slice(&l.snapshot_items(ts));
    let more = convert_all(ts, a.code, &vals)?;
    resize(ts, o, a, |b| b.extend_from_slice(&more))?;
    Ok(Value::NONE)
}

fn m_fromunicode(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("array.fromunicode($self, ustr, /)");
    let [v, s] = SIG.bind(ts, args, kw)?;
    let (o, a) = arr(ts, v)?;
    let Some(s) = s.downcast::<StrObj>() else {
        return Err(ts.type_error(format!(
            "fromunicode() argument must be str, not {}",
            type_name(s)
        )));
    };
    if a.code != b'u' {
        return Err(ts.value_error("fromunicode() may only be called on unicode type arrays"));
    }
    let more = unicode_bytes(&s);
    resize(ts, o, a, |b| b.extend_from_slice(&more))?;
    Ok(Value::NONE)
}

fn m_index(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("array.index($self, v, start=0, stop=sys.maxsize, /)");
    let [v, x, start, stop] = SIG.bind(ts, args, kw)?;
    let (o, a) = arr(ts, v)?;
    let n = a.len(o) as i64;
    let bound = |ts: &mut ThreadState, b: Value, d: i64| -> PyResult<usize> {
        let i = match b.non_null() {
            Some(b) => ops::slice_bound(ts, b)?,
            None => d,
        };
        let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
        Ok(i as usize)
    };
    let start = bound(ts, start, 0)?;
    let stop = bound(ts, stop, n)?;
    match find(ts, o, a, x, start, stop, true)?.1 {
        Some(i) => Ok(int::int_from_u64(ts, i as u64)),
        None => Err(ts.value_error("array.index(x): x not in array")),
    }
}

fn m_insert(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("array.insert($self, i, v, /)");
    let [v, i, x] = SIG.bind(ts, args, kw)?;
    let (o, a) = arr(ts, v)?;
    let i = ops::index_to_i64(ts, i)?;
    let it = to_item(ts, a.code, x)?;
    let mut raw = Vec::with_capacity(8);
    encode(a.code, it, &mut raw);
    let size = a.size;
    resize(ts, o, a, |b| {
        let n = (b.len() / size) as i64;
        let j = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
        b.splice(j * size..j * size, raw);
    })?;
    Ok(Value::NONE)
}

fn m_pop(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("array.pop($self, i=-1, /)");
    let [v, i] = SIG.bind(ts, args, kw)?;
    let (o, a) = arr(ts, v)?;
    let i = match i.non_null() {
        Some(i) => ops::index_to_i64(ts, i)?,
        None => -1,
    };
    let n = a.len(o);
    if n == 0 {
        return Err(ts.index_error("pop from empty array"));
    }
    let Some(j) = normalize_index(i, n) else {
        return Err(ts.index_error("pop index out of range"));
    };
    let size = a.size;
    let it = resize(ts, o, a, |b| {
        if (j + 1) * size > b.len() {
            return None;
        }
        let it = decode(a.code, &b[j * size..(j + 1) * size]);
        b.drain(j * size..(j + 1) * size);
        Some(it)
    })?;
    match it {
        Some(it) => item_value(ts, it),
        None => Err(ts.index_error("pop index out of range")),
    }
}

fn m_remove(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("array.remove($self, v, /)");
    let [v, x] = SIG.bind(ts, args, kw)?;
    let (o, a) = arr(ts, v)?;
    let Some(j) = find(ts, o, a, x, 0, usize::MAX, true)?.1 else {
        return Err(ts.value_error("array.remove(x): x not in array"));
    };
    let size = a.size;
    resize(ts, o, a, |b| {
        if (j + 1) * size <= b.len() {
            b.drain(j * size..(j + 1) * size);
        }
    })?;
    Ok(Value::NONE)
}

fn m_reverse(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("array.reverse($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let (o, a) = arr(ts, v)?;
    a.write(o, |b| {
        let n = b.len() / a.size;
        for k in 0..n / 2 {
            let (p, q) = (k * a.size, (n - 1 - k) * a.size);
            for t in 0..a.size {
                b.swap(p + t, q + t);
            }
        }
    });
    Ok(Value::NONE)
}

fn m_tobytes(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("array.tobytes($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let (o, a) = arr(ts, v)?;
    let b = a.copy(o);
    Ok(BytesObj::new(ts, &b))
}

fn m_tofile(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("array.tofile($self, f, /)");
    let [v, f] = SIG.bind(ts, args, kw)?;
    let (o, a) = arr(ts, v)?;
    let b = a.copy(o);
    // In blocks, as CPython (a file may take a limited size per write).
    for chunk in b.chunks(64 * 1024) {
        let bv = BytesObj::new(ts, chunk);
        let name = ftpy_vm::interp::intern(ts, "write");
        ops::call_method(ts, f, name, &[bv])?;
    }
    Ok(Value::NONE)
}

fn m_tolist(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("array.tolist($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let (o, a) = arr(ts, v)?;
    let b = a.copy(o);
    let vals = values_of(ts, a.code, a.size, &b)?;
    Ok(ListObj::new(ts, &vals).value())
}

fn tounicode(ts: &mut ThreadState, code: u8, b: &[u8]) -> PyResult<Value> {
    let mut s = String::with_capacity(b.len() / 4);
    for c in b.chunks_exact(4) {
        let Item::C(cp) = decode(code, c) else {
            continue;
        };
        match char::from_u32(cp) {
            Some(ch) => s.push(ch),
            None => {
                if cp > 0x10FFFF {
                    return Err(ts.value_error(format!(
                        "character U+{cp:x} is not in range [U+0000; U+10ffff]"
                    )));
                }
                // A lone surrogate: build the str through the code-point path.
                let prefix = StrObj::new(ts, &s);
                let sur = ftpy_vm::objects::str::from_code_point(ts, cp);
                let joined = ops::add(ts, prefix, sur)?;
                let rest = tounicode(ts, code, &b[(s.chars().count() + 1) * 4..])?;
                return ops::add(ts, joined, rest);
            }
        }
    }
    Ok(StrObj::new(ts, &s))
}

fn m_tounicode(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("array.tounicode($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let (o, a) = arr(ts, v)?;
    if a.code != b'u' {
        return Err(ts.value_error("tounicode() may only be called on unicode type arrays"));
    }
    let b = a.copy(o);
    tounicode(ts, a.code, &b)
}

/// The machine format code of `_array_reconstructor` for a type code.
fn mformat_of(code: u8) -> i64 {
    match code {
        b'B' => 0,
        b'b' => 1,
        b'H' => 2,
        b'h' => 4,
        b'I' => 6,
        b'i' => 8,
        b'L' | b'Q' => 10,
        b'l' | b'q' => 12,
        b'f' => 14,
        b'd' => 16,
        _ => 20,
    }
}

fn instance_dict(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    match ops::getattr_str_opt(ts, v, "__dict__")? {
        Some(d) if ops::truthy(ts, d)? => Ok(d),
        _ => Ok(Value::NONE),
    }
}

fn m_reduce_ex(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("array.__reduce_ex__($self, value, /)");
    let [v, proto] = SIG.bind(ts, args, kw)?;
    let (o, a) = arr(ts, v)?;
    let proto = ops::index_to_i64(ts, proto)?;
    let cls = ftpy_vm::objects::typeobj::type_of(v).value();
    let dict = instance_dict(ts, v)?;
    let code = StrObj::new(ts, &(a.code as char).to_string());
    let b = a.copy(o);
    if proto < 3 {
        let vals = values_of(ts, a.code, a.size, &b)?;
        let list = ListObj::new(ts, &vals).value();
        let cargs = TupleObj::new(ts, &[code, list]).value();
        return Ok(TupleObj::new(ts, &[cls, cargs, dict]).value());
    }
    let Some(&recon) = RECONSTRUCTOR.get() else {
        return Err(ts.system_error("array not initialized"));
    };
    let bytes = BytesObj::new(ts, &b);
    let mf = Value::small_int_unchecked(mformat_of(a.code));
    let cargs = TupleObj::new(ts, &[cls, code, mf, bytes]).value();
    Ok(TupleObj::new(ts, &[recon, cargs, dict]).value())
}

fn m_copy(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("array.__copy__($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    copy_of(ts, v)
}

fn m_deepcopy(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("array.__deepcopy__($self, unused, /)");
    let [v, _memo] = SIG.bind(ts, args, kw)?;
    copy_of(ts, v)
}

fn copy_of(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let (o, a) = arr(ts, v)?;
    let b = a.copy(o);
    let cls = array_type(ts)?;
    Ok(new_array(ts, cls, a.code, b))
}

fn m_sizeof(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("array.__sizeof__($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let (o, a) = arr(ts, v)?;
    let cap = a.write(o, |b| b.capacity());
    Ok(int::int_from_u64(ts, (64 + cap) as u64))
}

fn get_typecode(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let (_, a) = arr(ts, v)?;
    Ok(StrObj::new(ts, &(a.code as char).to_string()))
}

fn get_itemsize(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let (_, a) = arr(ts, v)?;
    Ok(Value::small_int_unchecked(a.size as i64))
}

fn readonly(ts: &mut ThreadState, _v: Value, _x: Option<Value>) -> PyResult<()> {
    Err(ts.attribute_error_msg("readonly attribute"))
}

// ---- _array_reconstructor ---------------------------------------------------------------

/// Decodes `items` stored in machine format `mf` into Python values.
fn decode_mformat(ts: &mut ThreadState, mf: i64, items: &[u8]) -> PyResult<RootedVec> {
    let (size, kind) = match mf {
        0 | 1 => (1, 'i'),
        2..=5 => (2, 'i'),
        6..=9 => (4, 'i'),
        10..=13 => (8, 'i'),
        14 | 15 => (4, 'f'),
        16 | 17 => (8, 'f'),
        18 | 19 => (2, 'u'),
        _ => (4, 'u'),
    };
    let big = match mf {
        0 | 1 => false,
        2..=17 => (mf - 2) % 2 == 1,
        _ => mf % 2 == 1,
    };
    let signed = matches!(mf, 1 | 4 | 5 | 8 | 9 | 12 | 13);
    let mut out = RootedVec::new(ts);
    if kind == 'u' {
        let units: Vec<u32> = items
            .chunks_exact(size)
            .map(|c| {
                let mut w = [0u8; 4];
                w[..size].copy_from_slice(c);
                if big {
                    w[..size].reverse();
                }
                u32::from_le_bytes(w)
            })
            .collect();
        let cps: Vec<u32> = if size == 2 {
            let u16s: Vec<u16> = units.iter().map(|&u| u as u16).collect();
            char::decode_utf16(u16s.iter().copied())
                .map(|r| {
                    r.map(|c| c as u32)
                        .unwrap_or_else(|e| e.unpaired_surrogate() as u32)
                })
                .collect()
        } else {
            units
        };
        for cp in cps {
            let v = item_value(ts, Item::C(cp))?;
            out.push(v);
        }
        return Ok(out);
    }
    for c in items.chunks_exact(size) {
        let mut w = [0u8; 8];
        w[..size].copy_from_slice(c);
        if big {
            w[..size].reverse();
        }
        let it = if kind == 'f' {
            if size == 4 {
                Item::F(f32::from_le_bytes([w[0], w[1], w[2], w[3]]) as f64)
            } else {
                Item::F(f64::from_le_bytes(w))
            }
        } else {
            let u = u64::from_le_bytes(w);
            let bits = size * 8;
            let i = if signed && bits < 64 && (u >> (bits - 1)) & 1 == 1 {
                u as i128 - (1i128 << bits)
            } else if signed && bits == 64 {
                u as i64 as i128
            } else {
                u as i128
            };
            Item::I(i)
        };
        let v = item_value(ts, it)?;
        out.push(v);
    }
    Ok(out)
}

fn f_reconstructor(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_array_reconstructor(arraytype, typecode, mformat_code, items, /)");
    let [cls, code, mf, items] = SIG.bind(ts, args, kw)?;
    let Some(cls) = cls.downcast::<TypeObj>() else {
        return Err(ts.type_error(format!(
            "first argument must be a type object, not {}",
            type_name(cls)
        )));
    };
    let at = array_type(ts)?;
    if cls != at && !cls.is_subtype(at) {
        return Err(ts.type_error(format!(
            "{} is not a subtype of array.array",
            cls.name_str()
        )));
    }
    let code = match code.downcast::<StrObj>() {
        Some(s) if s.char_len() == 1 => s.char_at(0),
        _ => {
            return Err(ts.type_error(format!(
                "_array_reconstructor() argument 2 must be a unicode character, not {}",
                type_name(code)
            )))
        }
    };
    let code = match u8::try_from(code) {
        Ok(c) if TYPECODES.as_bytes().contains(&c) => c,
        _ => return Err(ts.value_error("second argument must be a valid type code")),
    };
    let mf = ops::index_to_i64(ts, mf)?;
    if !(0..=21).contains(&mf) {
        return Err(ts.value_error("third argument must be a valid machine format code."));
    }
    let Some(items) = items.downcast::<BytesObj>() else {
        return Err(ts.type_error(format!(
            "fourth argument should be bytes, not {}",
            type_name(items)
        )));
    };
    let raw = items.as_bytes().to_vec();
    let (code, bytes) = if mf == mformat_of(code) && cfg!(target_endian = "little") {
        if raw.len() % itemsize(code).unwrap_or(1) != 0 {
            return Err(ts.value_error("string length not a multiple of item size"));
        }
        (code, raw)
    } else {
        // Integers go into the (last) type code of the machine format's
        // size and signedness, whatever `typecode` says, as CPython's.
        let code = if mf <= 13 {
            let size = [1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 8, 8, 8, 8][mf as usize];
            let signed = matches!(mf, 1 | 4 | 5 | 8 | 9 | 12 | 13);
            "bBhHiIlLqQ"
                .bytes()
                .rfind(|&c| itemsize(c) == Some(size) && c.is_ascii_lowercase() == signed)
                .unwrap_or(code)
        } else {
            code
        };
        let vals = decode_mformat(ts, mf, &raw)?;
        (code, convert_all(ts, code, &vals)?)
    };
    Ok(new_array(ts, cls, code, bytes))
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    if ARRAY.get().is_none() {
        let t = native::new_type::<ArrayData>(ts, "array", "array", None, true);
        t.set_flag(tflags::WEAKREFABLE);
        t.slots.new.set(Some(array_new));
        t.slots.len.set(Some(sq_len));
        t.slots.getitem.set(Some(mp_getitem));
        t.slots.setitem.set(Some(mp_setitem));
        t.slots.contains.set(Some(sq_contains));
        t.slots.iter.set(Some(sq_iter));
        t.slots.repr.set(Some(repr));
        t.slots.richcompare.set(Some(richcompare));
        t.slots.hash.set(Some(hash));
        t.slots.nb[ftpy_compiler::BinaryOp::Add as usize].set(Some(nb_add));
        t.slots.nb[ftpy_compiler::BinaryOp::Multiply as usize].set(Some(nb_mul));
        t.slots.nb_inplace[ftpy_compiler::BinaryOp::Add as usize].set(Some(nb_iadd));
        t.slots.nb_inplace[ftpy_compiler::BinaryOp::Multiply as usize].set(Some(nb_imul));
        add_methods(
            ts,
            t,
            &[
                method("append", m_append),
                method("buffer_info", m_buffer_info),
                method("byteswap", m_byteswap),
                method("count", m_count),
                method("extend", m_extend),
                method("frombytes", m_frombytes),
                method("fromfile", m_fromfile),
                method("fromlist", m_fromlist),
                method("fromunicode", m_fromunicode),
                method("index", m_index),
                method("insert", m_insert),
                method("pop", m_pop),
                method("remove", m_remove),
                method("reverse", m_reverse),
                method("tobytes", m_tobytes),
                method("tofile", m_tofile),
                method("tolist", m_tolist),
                method("tounicode", m_tounicode),
                method("__reduce_ex__", m_reduce_ex),
                method("__copy__", m_copy),
                method("__deepcopy__", m_deepcopy),
                method("__sizeof__", m_sizeof),
            ],
        );
        add_getset(ts, t, "typecode", get_typecode, Some(readonly));
        add_getset(ts, t, "itemsize", get_itemsize, Some(readonly));
        native::finish_type(ts, t);
        ftpy_vm::interp::add_global_root(t.value());
        let _ = ARRAY.set(t);

        let it = native::new_type::<ArrayIter>(ts, "arrayiterator", "array", None, false);
        it.slots.iter.set(Some(iter_self));
        it.slots.next.set(Some(iter_next));
        native::finish_type(ts, it);
        ftpy_vm::interp::add_global_root(it.value());
        let _ = ITER.set(it);

        ftpy_vm::buffer::register_native(&EXPORTER);
    }
    let t = array_type(ts)?;
    m.set_attr(ts, "array", t.value());
    m.set_attr(ts, "ArrayType", t.value());
    let codes = StrObj::new(ts, TYPECODES);
    m.set_attr(ts, "typecodes", codes);
    m.add_function(ts, "_array_reconstructor", f_reconstructor);
    if RECONSTRUCTOR.get().is_none() {
        let f = ops::getattr_str(ts, m.value(), "_array_reconstructor")?;
        ftpy_vm::interp::add_global_root(f);
        let _ = RECONSTRUCTOR.set(f);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_round_trip_through_bytes() {
        for &code in TYPECODES.as_bytes() {
            let it = match code {
                b'f' | b'd' => Item::F(1.5),
                b'u' => Item::C(0x263A),
                _ => Item::I(100),
            };
            let mut b = Vec::new();
            encode(code, it, &mut b);
            assert_eq!(b.len(), itemsize(code).unwrap_or(0));
            assert!(item_eq(decode(code, &b), it) || code == b'u');
        }
    }

    #[test]
    fn mixed_int_float_equality() {
        assert!(item_eq(Item::I(3), Item::F(3.0)));
        assert!(!item_eq(Item::I(3), Item::F(3.5)));
        assert!(!item_eq(Item::F(f64::NAN), Item::F(f64::NAN)));
    }
}
