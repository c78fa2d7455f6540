//! `_struct`: packing Python values into C structs laid out in bytes and
//! back (`struct.pack`, `struct.Struct`, ...), CPython 3.11's behaviour on
//! a little-endian 64-bit machine.
//!
//! A format is parsed once into a [`Layout`]: the byte order, a list of
//! items (format character, repeat count, offset) and the total size.
//! `@` (the default) uses native sizes and alignment, `=`, `<`, `>` and
//! `!` standard sizes without alignment.
//!
//! CPython's messages for out-of-range integers depend on which C routine
//! packs a code in which table (on a little-endian machine `<` and `=`
//! borrow the native routines where the sizes agree); [`range_error`]
//! reproduces them case by case.

use std::sync::atomic::{AtomicPtr, Ordering};
use std::sync::Arc;
use std::sync::OnceLock;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use parking_lot::Mutex;

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::{Marker, RootedVec, Slot};
use ftpy_vm::objects::bytes::BytesObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::native::{self, NativeData, NativeObj};
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{type_name, type_of, TypeObj};
use ftpy_vm::objects::{add_getset, add_methods, method};
use ftpy_vm::{ops, Gc, PyErr, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum Order {
    /// `@`: native sizes, alignment and byte order (little-endian here).
    Native,
    /// `=` and `<`: standard sizes, little-endian.
    Little,
    /// `>` and `!`: standard sizes, big-endian.
    Big,
}

#[derive(Copy, Clone, Debug)]
struct Item {
    code: u8,
    /// Repeat count; for `s` and `p`, the string's length.
    count: usize,
    /// Byte offset of the first element.
    offset: usize,
    /// Size of one element (of the whole string for `s`/`p`).
    size: usize,
}

#[derive(Debug)]
struct Layout {
    order: Order,
    items: Vec<Item>,
    size: usize,
    /// Values that `pack` takes and `unpack` returns.
    nargs: usize,
    /// The format as given (str), for `Struct.format`.
    text: String,
}

/// Size and alignment of a code, or None if the table lacks it.
fn size_of_code(code: u8, order: Order) -> Option<(usize, usize)> {
    let native = order == Order::Native;
    let s = match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    };
    let align = if native && !matches!(code, b'x' | b's' | b'p' | b'c' | b'b' | b'B' | b'?') {
        s
    } else {
        1
    };
    Some((s, align))
}

fn struct_error_type() -> Value {
    ERROR.get().map(|e| e.get()).unwrap_or(Value::NONE)
}

fn error(ts: &mut ThreadState, msg: impl AsRef<str>) -> PyErr {
    let ty = struct_error_type();
    match ty.downcast::<TypeObj>() {
        Some(t) => ts.new_error(t, msg.as_ref()),
        None => ts.runtime_error(msg.as_ref()),
    }
}

fn parse(ts: &mut ThreadState, fmt: &[u8], text: String) -> PyResult<Layout> {
    let (order, body) = match fmt.first() {
        Some(b'@') => (Order::Native, &fmt[1..]),
        Some(b'=') | Some(b'<') => (Order::Little, &fmt[1..]),
        Some(b'>') | Some(b'!') => (Order::Big, &fmt[1..]),
        _ => (Order::Native, fmt),
    };
    let too_long = |ts: &mut ThreadState| error(ts, "total struct size too long");
    let mut items = Vec::new();
    let (mut size, mut nargs) = (0usize, 0usize);
    let mut i = 0;
    while i < body.len() {
        let mut c = body[i];
        i += 1;
        if c.is_ascii_whitespace() {
            continue;
        }
        let mut num = 1usize;
        if c.is_ascii_digit() {
            num = (c - b'0') as usize;
            loop {
                let Some(&d) = body.get(i) else {
                    return Err(error(ts, "repeat count given without format specifier"));
                };
                i += 1;
                if !d.is_ascii_digit() {
                    c = d;
                    break;
                }
                num = match num
                    .checked_mul(10)
                    .and_then(|n| n.checked_add((d - b'0') as usize))
                {
                    Some(n) if n <= isize::MAX as usize => n,
                    _ => return Err(too_long(ts)),
                };
            }
        }
        let Some((isz, align)) = size_of_code(c, order) else {
            return Err(error(ts, "bad char in struct format"));
        };
        if align > 1 && size > 0 {
            size = size.div_ceil(align) * align;
        }
        let total = match num.checked_mul(isz).and_then(|t| t.checked_add(size)) {
            Some(t) if t <= isize::MAX as usize => t,
            _ => return Err(too_long(ts)),
        };
        match c {
            b's' | b'p' => {
                items.push(Item {
                    code: c,
                    count: num,
                    offset: size,
                    size: num,
                });
                nargs += 1;
            }
            b'x' => {}
            _ => {
                if num > 0 {
                    items.push(Item {
                        code: c,
                        count: num,
                        offset: size,
                        size: isz,
                    });
                    nargs += num;
                }
            }
        }
        size = total;
    }
    Ok(Layout {
        order,
        items,
        size,
        nargs,
        text,
    })
}

/// Parses a format argument (str or bytes).
fn layout_of(ts: &mut ThreadState, fmt: Value) -> PyResult<Layout> {
    if let Some(s) = fmt.downcast::<StrObj>() {
        let s = s.obj();
        if !s.is_ascii() {
            let t = s.as_str().to_string();
            ftpy_vm::objects::bytes::encode(ts, &t, "ascii", "strict")?;
        }
        let t = s.as_str().to_string();
        if t.contains('\0') {
            return Err(error(ts, "embedded null character"));
        }
        return parse(ts, t.as_bytes(), t.clone());
    }
    if let Some(b) = fmt.downcast::<BytesObj>() {
        let b = b.obj().as_bytes().to_vec();
        if b.contains(&0) {
            return Err(error(ts, "embedded null character"));
        }
        let text = String::from_utf8_lossy(&b).into_owned();
        return parse(ts, &b, text);
    }
    Err(ts.type_error(format!(
        "Struct() argument 1 must be a str or bytes object, not {}",
        type_name(fmt)
    )))
}

// ---- packing ------------------------------------------------------------------

/// The message CPython gives when `v` does not fit code `c`.
fn range_error(c: u8, order: Order, size: usize, v: &BigInt) -> String {
    let fits_long = v.to_i64().is_some();
    let fits_ulong = v.to_u64().is_some();
    let oor = "argument out of range".to_string();
    let signed = c.is_ascii_lowercase();
    let ch = c as char;
    match c {
        b'b' if fits_long => return "byte format requires -128 <= number <= 127".into(),
        b'B' if fits_long => return "ubyte format requires 0 <= number <= 255".into(),
        b'b' | b'B' => return oor,
        b'h' if order != Order::Big && fits_long => {
            return "short format requires -32768 <= number <= 32767".into()
        }
        b'H' if order != Order::Big && fits_long => {
            return "ushort format requires 0 <= number <= 65535".into()
        }
        b'h' | b'H' if order != Order::Big => return oor,
        b'P' => return "int too large to convert".into(),
        _ => {}
    }
    if size == 8 {
        return if order == Order::Big {
            "int too large to convert".into()
        } else {
            oor
        };
    }
    let bits = size * 8;
    if signed {
        if fits_long {
            let hi = (1i64 << (bits - 1)) - 1;
            format!("'{ch}' format requires {} <= number <= {hi}", -hi - 1)
        } else {
            oor
        }
    } else if v.is_negative() || !fits_ulong {
        oor
    } else {
        format!(
            "'{ch}' format requires 0 <= number <= {}",
            (1u64 << bits) - 1
        )
    }
}

fn get_int(ts: &mut ThreadState, v: Value) -> PyResult<BigInt> {
    let iv = if ftpy_vm::objects::int::is_int(v) {
        v
    } else if type_of(v).slots.index.get().is_some() {
        ops::index(ts, v)?
    } else {
        return Err(error(ts, "required argument is not an integer"));
    };
    Ok(ftpy_vm::objects::int::to_big(iv)
        .map(|b| b.into_owned())
        .unwrap_or_default())
}

fn get_float(ts: &mut ThreadState, v: Value) -> PyResult<f64> {
    if let Some(f) = ftpy_vm::objects::float::as_f64(v) {
        return Ok(f);
    }
    if ftpy_vm::objects::int::is_int(v) {
        return ftpy_vm::objects::int::int_to_f64(ts, v);
    }
    let t = type_of(v);
    if t.slots.float.get().is_some() || t.slots.index.get().is_some() {
        let f = ops::call1(ts, ftpy_vm::interp::types().float.value(), v)?;
        if let Some(x) = ftpy_vm::objects::float::as_f64(f) {
            return Ok(x);
        }
    }
    Err(error(ts, "required argument is not a float"))
}

fn put_uint(out: &mut [u8], x: u64, order: Order) {
    let n = out.len();
    let b = x.to_le_bytes();
    if order == Order::Big {
        for k in 0..n {
            out[k] = b[n - 1 - k];
        }
    } else {
        out.copy_from_slice(&b[..n]);
    }
}

/// IEEE 754 half precision, rounding half to even (CPython's
/// `PyFloat_Pack2`). Err on overflow.
fn pack_half(x: f64) -> Result<u16, ()> {
    let sign = (x.is_sign_negative() as u16) << 15;
    if x.is_nan() {
        return Ok(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Ok(sign | 0x7c00);
    }
    let a = x.abs();
    if a == 0.0 {
        return Ok(sign);
    }
    // a = f * 2**e with 1 <= f < 2.
    let mut e = a.log2().floor() as i32;
    let mut f = a / 2f64.powi(e);
    if f >= 2.0 {
        f /= 2.0;
        e += 1;
    } else if f < 1.0 {
        f *= 2.0;
        e -= 1;
    }
    if e >= 16 {
        return Err(());
    }
    let (mut f, mut e) = if e < -25 {
        (0.0, 0)
    } else if e < -14 {
        (f * 2f64.powi(14 + e), 0)
    } else {
        (f - 1.0, e + 15)
    };
    f *= 1024.0;
    let mut bits = f as u16;
    let rest = f - bits as f64;
    if rest > 0.5 || (rest == 0.5 && bits % 2 == 1) {
        bits += 1;
        if bits == 1024 {
            bits = 0;
            e += 1;
            if e == 31 {
                return Err(());
            }
        }
    }
    Ok(bits | ((e as u16) << 10) | sign)
}

fn unpack_half(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let f = (h & 0x3ff) as f64;
    match e {
        0 => sign * f * 2f64.powi(-24),
        31 => {
            if f == 0.0 {
                sign * f64::INFINITY
            } else {
                f64::NAN.copysign(sign)
            }
        }
        _ => sign * (1.0 + f / 1024.0) * 2f64.powi(e - 15),
    }
}

fn pack_one(
    ts: &mut ThreadState,
    code: u8,
    order: Order,
    size: usize,
    v: Value,
    out: &mut [u8],
) -> PyResult<()> {
    match code {
        b'?' => {
            out[0] = ops::truthy(ts, v)? as u8;
        }
        b'c' => match v.downcast::<BytesObj>() {
            Some(b) if b.obj().len() == 1 => out[0] = b.obj().as_bytes()[0],
            _ => return Err(error(ts, "char format requires a bytes object of length 1")),
        },
        b'e' => {
            let x = get_float(ts, v)?;
            let Ok(h) = pack_half(x) else {
                return Err(ts.overflow_error("float too large to pack with e format"));
            };
            put_uint(out, h as u64, order);
        }
        b'f' => {
            let x = get_float(ts, v)?;
            let y = x as f32;
            if y.is_infinite() && x.is_finite() && order != Order::Native {
                return Err(ts.overflow_error("float too large to pack with f format"));
            }
            put_uint(out, y.to_bits() as u64, order);
        }
        b'd' => {
            let x = get_float(ts, v)?;
            put_uint(out, x.to_bits(), order);
        }
        _ => {
            let n = get_int(ts, v)?;
            let signed = code.is_ascii_lowercase();
            let bits = size * 8;
            let ok = if code == b'P' {
                n.to_i64().is_some() || n.to_u64().is_some()
            } else if signed {
                let lo = -(BigInt::from(1) << (bits - 1));
                let hi = (BigInt::from(1) << (bits - 1)) - 1;
                n >= lo && n <= hi
            } else {
                !n.is_negative() && n < (BigInt::from(1) << bits)
            };
            if !ok {
                let msg = range_error(code, order, size, &n);
                return Err(error(ts, msg));
            }
            let x = match n.to_i64() {
                Some(i) => i as u64,
                None => n.to_u64().unwrap_or(0),
            };
            put_uint(out, x, order);
        }
    }
    Ok(())
}

fn pack_items(ts: &mut ThreadState, l: &Layout, args: &[Value], out: &mut [u8]) -> PyResult<()> {
    let mut k = 0;
    for it in &l.items {
        match it.code {
            b's' | b'p' => {
                let v = args[k];
                k += 1;
                let data: Vec<u8> = if let Some(b) = v.downcast::<BytesObj>() {
                    b.obj().as_bytes().to_vec()
                } else if v
                    .downcast::<ftpy_vm::objects::bytearray::BytearrayObj>()
                    .is_some()
                {
                    ftpy_vm::objects::bytes::bytes_data(v).unwrap_or_default()
                } else {
                    let msg = format!("argument for '{}' must be a bytes object", it.code as char);
                    return Err(error(ts, msg));
                };
                let dst = &mut out[it.offset..it.offset + it.size];
                if it.code == b's' {
                    let n = data.len().min(it.size);
                    dst[..n].copy_from_slice(&data[..n]);
                } else if it.size > 0 {
                    let n = data.len().min(it.size - 1);
                    dst[1..1 + n].copy_from_slice(&data[..n]);
                    dst[0] = n.min(255) as u8;
                }
            }
            _ => {
                for j in 0..it.count {
                    let off = it.offset + j * it.size;
                    pack_one(
                        ts,
                        it.code,
                        l.order,
                        it.size,
                        args[k],
                        &mut out[off..off + it.size],
                    )?;
                    k += 1;
                }
            }
        }
    }
    Ok(())
}

fn pack_to_vec(ts: &mut ThreadState, l: &Layout, args: &[Value]) -> PyResult<Vec<u8>> {
    if args.len() != l.nargs {
        let msg = format!(
            "pack expected {} items for packing (got {})",
            l.nargs,
            args.len()
        );
        return Err(error(ts, msg));
    }
    let mut out = vec![0u8; l.size];
    pack_items(ts, l, args, &mut out)?;
    Ok(out)
}

// ---- unpacking -------------------------------------------------------------

fn get_uint(b: &[u8], order: Order) -> u64 {
    let mut x = 0u64;
    if order == Order::Big {
        for &c in b {
            x = (x << 8) | c as u64;
        }
    } else {
        for &c in b.iter().rev() {
            x = (x << 8) | c as u64;
        }
    }
    x
}

fn unpack_one(ts: &mut ThreadState, code: u8, order: Order, b: &[u8]) -> Value {
    use ftpy_vm::objects::float::new_float;
    use ftpy_vm::objects::int::{int_from_i64, int_from_u64};
    match code {
        b'?' => Value::from_bool(b[0] != 0),
        b'c' => BytesObj::new(ts, &b[..1]),
        b'e' => new_float(ts, unpack_half(get_uint(b, order) as u16)),
        b'f' => new_float(ts, f32::from_bits(get_uint(b, order) as u32) as f64),
        b'd' => new_float(ts, f64::from_bits(get_uint(b, order))),
        _ => {
            let x = get_uint(b, order);
            if code.is_ascii_lowercase() {
                let bits = b.len() * 8;
                let v = if bits < 64 && x >> (bits - 1) & 1 == 1 {
                    (x as i64) - (1i64 << bits)
                } else {
                    x as i64
                };
                int_from_i64(ts, v)
            } else {
                int_from_u64(ts, x)
            }
        }
    }
}

fn unpack_at(ts: &mut ThreadState, l: &Layout, data: &[u8]) -> Value {
    let mut out = RootedVec::new(ts);
    for it in &l.items {
        match it.code {
            b's' => {
                let v = BytesObj::new(ts, &data[it.offset..it.offset + it.size]);
                out.push(v);
            }
            b'p' => {
                let d = &data[it.offset..it.offset + it.size];
                let v = if d.is_empty() {
                    BytesObj::new(ts, b"")
                } else {
                    let n = (d[0] as usize).min(d.len() - 1);
                    BytesObj::new(ts, &d[1..1 + n])
                };
                out.push(v);
            }
            _ => {
                for j in 0..it.count {
                    let off = it.offset + j * it.size;
                    let v = unpack_one(ts, it.code, l.order, &data[off..off + it.size]);
                    out.push(v);
                }
            }
        }
    }
    TupleObj::new(ts, &out).value()
}

fn do_unpack(ts: &mut ThreadState, l: &Layout, buffer: Value) -> PyResult<Value> {
    let data = ftpy_vm::objects::bytes::expect_buffer(ts, buffer)?;
    if data.len() != l.size {
        let msg = format!("unpack requires a buffer of {} bytes", l.size);
        return Err(error(ts, msg));
    }
    Ok(unpack_at(ts, l, &data))
}

fn do_unpack_from(
    ts: &mut ThreadState,
    l: &Layout,
    buffer: Value,
    offset: Value,
) -> PyResult<Value> {
    let data = ftpy_vm::objects::bytes::expect_buffer(ts, buffer)?;
    let mut off = match offset.non_null() {
        Some(o) => ops::index_to_i64(ts, o)?,
        None => 0,
    };
    let (len, size) = (data.len() as i64, l.size as i64);
    if off < 0 {
        if off + size > 0 {
            let msg = format!("not enough data to unpack {size} bytes at offset {off}");
            return Err(error(ts, msg));
        }
        if off + len < 0 {
            let msg = format!("offset {off} out of range for {len}-byte buffer");
            return Err(error(ts, msg));
        }
        off += len;
    }
    if len - off < size {
        let msg = format!(
            "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes at offset {off} (actual buffer size is {len})",
            size as i128 + off as i128
        );
        return Err(error(ts, msg));
    }
    let off = off as usize;
    Ok(unpack_at(ts, l, &data[off..off + l.size]))
}

/// Writes `bytes` at `offset` into a writable buffer `buf`.
fn write_into(ts: &mut ThreadState, buf: Value, offset: usize, bytes: &[u8]) -> PyResult<()> {
    if buf
        .downcast::<ftpy_vm::objects::memoryview::MemoryViewObj>()
        .is_some()
    {
        let name = ftpy_vm::interp::intern(ts, "cast");
        let fmt = ftpy_vm::objects::str::new_str(ts, "B");
        let flat = ops::call_method(ts, buf, name, &[fmt])?;
        let (a, b) = (
            Value::small_int_unchecked(offset as i64),
            Value::small_int_unchecked((offset + bytes.len()) as i64),
        );
        let sl = ftpy_vm::objects::slice::SliceObj::new(ts, a, b, Value::NONE).value();
        let data = BytesObj::new(ts, bytes);
        return ops::setitem(ts, flat, sl, Some(data));
    }
    let Some(p) = ftpy_vm::buffer::procs(buf) else {
        return Err(ts.type_error(format!(
            "argument must be read-write bytes-like object, not {}",
            type_name(buf)
        )));
    };
    let h = buf.header();
    let _g = if p.locked { h.map(|h| h.lock()) } else { None };
    let m = (p.memory)(buf);
    if offset + bytes.len() > m.len {
        return Err(ts.buffer_error("buffer changed size during pack_into"));
    }
    if !bytes.is_empty() {
        // SAFETY: `memory` describes `m.len` writable bytes (the exporter
        // is not read-only, checked by the caller), stable while we hold
        // its lock; the range is inside it.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), m.ptr.add(offset), bytes.len()) };
    }
    Ok(())
}

fn writable_len(ts: &mut ThreadState, buf: Value) -> PyResult<usize> {
    let readonly = if let Some(mv) = buf.downcast::<ftpy_vm::objects::memoryview::MemoryViewObj>() {
        let ro = ops::getattr_str(ts, buf, "readonly")?;
        if ro == Value::TRUE {
            true
        } else {
            return Ok(mv.obj().nbytes());
        }
    } else {
        match ftpy_vm::buffer::procs(buf) {
            Some(p) => (p.readonly)(buf),
            None => true,
        }
    };
    if readonly {
        return Err(ts.type_error(format!(
            "argument must be read-write bytes-like object, not {}",
            type_name(buf)
        )));
    }
    let Some(p) = ftpy_vm::buffer::procs(buf) else {
        return Ok(0);
    };
    let h = buf.header();
    let _g = if p.locked { h.map(|h| h.lock()) } else { None };
    Ok((p.memory)(buf).len)
}

fn do_pack_into(ts: &mut ThreadState, l: &Layout, rest: &[Value]) -> PyResult<Value> {
    let Some(&buf) = rest.first() else {
        return Err(error(ts, "pack_into expected buffer argument"));
    };
    let Some(&offset) = rest.get(1) else {
        return Err(error(ts, "pack_into expected offset argument"));
    };
    let vals = &rest[2..];
    if vals.len() != l.nargs {
        let msg = format!(
            "pack_into expected {} items for packing (got {})",
            l.nargs,
            vals.len()
        );
        return Err(error(ts, msg));
    }
    let len = writable_len(ts, buf)? as i64;
    let mut off = ops::index_to_i64(ts, offset)?;
    let size = l.size as i64;
    if off < 0 {
        if off + size > 0 {
            let msg = format!("no space to pack {size} bytes at offset {off}");
            return Err(error(ts, msg));
        }
        if off + len < 0 {
            let msg = format!("offset {off} out of range for {len}-byte buffer");
            return Err(error(ts, msg));
        }
        off += len;
    }
    if len - off < size {
        let msg = format!(
            "pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {off} (actual buffer size is {len})",
            size as i128 + off as i128
        );
        return Err(error(ts, msg));
    }
    let mut out = vec![0u8; l.size];
    pack_items(ts, l, vals, &mut out)?;
    write_into(ts, buf, off as usize, &out)?;
    Ok(Value::NONE)
}

// ---- unpack_iterator --------------------------------------------------------

struct UnpackIter {
    layout: Arc<Layout>,
    data: Vec<u8>,
    pos: Mutex<usize>,
}

// SAFETY: holds no values.
unsafe impl NativeData for UnpackIter {
    fn trace(&self, _m: &mut Marker) {}
}

static ITER_TYPE: OnceLock<Gc<TypeObj>> = OnceLock::new();
static STRUCT_TYPE: OnceLock<Gc<TypeObj>> = OnceLock::new();
static ERROR: OnceLock<Slot> = OnceLock::new();

fn do_iter_unpack(ts: &mut ThreadState, l: Arc<Layout>, buffer: Value) -> PyResult<Value> {
    if l.size == 0 {
        return Err(error(
            ts,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    let data = ftpy_vm::objects::bytes::expect_buffer(ts, buffer)?.into_owned();
    if data.len() % l.size != 0 {
        let msg = format!(
            "iterative unpacking requires a buffer of a multiple of {} bytes",
            l.size
        );
        return Err(error(ts, msg));
    }
    let ty = *ITER_TYPE
        .get()
        .ok_or_else(|| ts.runtime_error("_struct is not initialized"))?;
    let it = UnpackIter {
        layout: l,
        data,
        pos: Mutex::new(0),
    };
    Ok(NativeObj::new(ts, ty, it).value())
}

fn iter_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let it = native::expect::<UnpackIter>(ts, v, "_struct.unpack_iterator")?;
    let at = {
        let mut p = it.pos.lock();
        if *p + it.layout.size > it.data.len() {
            return Ok(None);
        }
        let at = *p;
        *p += it.layout.size;
        at
    };
    Ok(Some(unpack_at(
        ts,
        &it.layout,
        &it.data[at..at + it.layout.size],
    )))
}

fn iter_self(_ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(v)
}

fn iter_length_hint(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("unpack_iterator.__length_hint__($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let it = native::expect::<UnpackIter>(ts, v, "_struct.unpack_iterator")?;
    let p = *it.pos.lock();
    let n = (it.data.len().saturating_sub(p)) / it.layout.size.max(1);
    Ok(Value::small_int_unchecked(n as i64))
}

// ---- Struct -------------------------------------------------------------

/// A `Struct`'s layout is read by every call, from any thread, without a
/// lock or a reference count (`current`); `__init__` (rarely called twice)
/// publishes a new one and keeps the old ones alive in `owned` until the
/// object dies, so a call in progress on another thread keeps using the
/// layout it read.
struct StructData {
    current: AtomicPtr<Layout>,
    owned: Mutex<Vec<Arc<Layout>>>,
}

impl StructData {
    fn set(&self, l: Arc<Layout>) {
        let mut owned = self.owned.lock();
        self.current
            .store(Arc::as_ptr(&l) as *mut Layout, Ordering::Release);
        owned.push(l);
    }
}

// SAFETY: holds no values.
unsafe impl NativeData for StructData {
    fn trace(&self, _m: &mut Marker) {}
}

/// The layout of Struct `v`, valid while `v` is alive (the caller holds
/// it: it is an argument).
fn st(ts: &mut ThreadState, v: Value) -> PyResult<&'static Layout> {
    let d = native::expect::<StructData>(ts, v, "_struct.Struct")?;
    // SAFETY: `current` always points at a layout in `owned`, which only
    // grows while the object lives (see StructData).
    Ok(unsafe { &*d.current.load(Ordering::Acquire) })
}

/// The layout of Struct `v` as a shared pointer (for iterators that
/// outlive the call).
fn st_arc(ts: &mut ThreadState, v: Value) -> PyResult<Arc<Layout>> {
    let d = native::expect::<StructData>(ts, v, "_struct.Struct")?;
    let owned = d.owned.lock();
    let cur = d.current.load(Ordering::Acquire);
    match owned.iter().find(|l| std::ptr::eq(Arc::as_ptr(l), cur)) {
        Some(l) => Ok(l.clone()),
        None => Err(ts.system_error("Struct layout missing")),
    }
}

/// Layouts parsed from format strings by the module functions
/// (`struct.pack(fmt, ...)`), per thread: threads neither share nor lock
/// the cache. Bounded: emptied when full.
const LAYOUT_CACHE_MAX: usize = 128;

/// ASCII format text -> layout (a str and a bytes format with the same
/// ASCII text parse alike).
type LayoutCache = std::collections::HashMap<Vec<u8>, Arc<Layout>>;

thread_local! {
    static LAYOUTS: std::cell::RefCell<LayoutCache> =
        std::cell::RefCell::new(LayoutCache::new());
}

/// `layout_of(fmt)`, from this thread's cache when `fmt` (ASCII text) was
/// seen before. A hit allocates nothing.
fn cached_layout(ts: &mut ThreadState, fmt: Value) -> PyResult<Arc<Layout>> {
    let text: Option<&[u8]> = if let Some(s) = fmt.downcast::<StrObj>() {
        Some(s.obj().as_wtf8())
    } else {
        fmt.downcast::<BytesObj>().map(|b| b.obj().as_bytes())
    };
    let Some(text) = text.filter(|t| t.is_ascii()) else {
        return Ok(Arc::new(layout_of(ts, fmt)?));
    };
    if let Some(l) = LAYOUTS.with(|c| c.borrow().get(text).cloned()) {
        return Ok(l);
    }
    let l = Arc::new(layout_of(ts, fmt)?);
    LAYOUTS.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= LAYOUT_CACHE_MAX {
            c.clear();
        }
        c.insert(text.to_vec(), l.clone());
    });
    Ok(l)
}

fn struct_new(ts: &mut ThreadState, cls: Gc<TypeObj>, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    let empty = Layout {
        order: Order::Native,
        items: Vec::new(),
        size: 0,
        nargs: 0,
        text: String::new(),
    };
    let d = StructData {
        current: AtomicPtr::new(std::ptr::null_mut()),
        owned: Mutex::new(Vec::new()),
    };
    d.set(Arc::new(empty));
    Ok(NativeObj::new(ts, cls, d).value())
}

fn struct_init(ts: &mut ThreadState, v: Value, args: &[Value], kw: Kw) -> PyResult<()> {
    static SIG: Sig = Sig::new("Struct(format)");
    let [fmt] = SIG.bind(ts, args, kw)?;
    let l = layout_of(ts, fmt)?;
    native::expect::<StructData>(ts, v, "_struct.Struct")?.set(Arc::new(l));
    Ok(())
}

fn s_pack(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    ftpy_vm::builtins::args::no_kwargs(ts, "pack", kw)?;
    let l = st(ts, args[0])?;
    let out = pack_to_vec(ts, l, &args[1..])?;
    Ok(BytesObj::new(ts, &out))
}

fn s_pack_into(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    ftpy_vm::builtins::args::no_kwargs(ts, "pack_into", kw)?;
    let l = st(ts, args[0])?;
    do_pack_into(ts, l, &args[1..])
}

fn s_unpack(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Struct.unpack($self, buffer, /)");
    let [v, buffer] = SIG.bind(ts, args, kw)?;
    let l = st(ts, v)?;
    do_unpack(ts, l, buffer)
}

fn s_unpack_from(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Struct.unpack_from($self, /, buffer, offset=0)");
    let [v, buffer, offset] = SIG.bind(ts, args, kw)?;
    let l = st(ts, v)?;
    do_unpack_from(ts, l, buffer, offset)
}

fn s_iter_unpack(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Struct.iter_unpack($self, buffer, /)");
    let [v, buffer] = SIG.bind(ts, args, kw)?;
    let l = st_arc(ts, v)?;
    do_iter_unpack(ts, l, buffer)
}

fn s_sizeof(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Struct.__sizeof__($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let l = st(ts, v)?;
    Ok(Value::small_int_unchecked(
        (64 + 32 * (l.items.len() + 1)) as i64,
    ))
}

fn get_format(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let l = st(ts, v)?;
    Ok(ftpy_vm::objects::str::new_str(ts, &l.text))
}

fn get_size(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let l = st(ts, v)?;
    Ok(Value::small_int_unchecked(l.size as i64))
}

// ---- module functions ----------------------------------------------------

fn split_format<'a>(
    ts: &mut ThreadState,
    args: &'a [Value],
) -> PyResult<(Arc<Layout>, &'a [Value])> {
    let Some((&fmt, rest)) = args.split_first() else {
        return Err(ts.type_error("missing format argument"));
    };
    Ok((cached_layout(ts, fmt)?, rest))
}

fn f_pack(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    ftpy_vm::builtins::args::no_kwargs(ts, "pack", kw)?;
    let (l, rest) = split_format(ts, args)?;
    let out = pack_to_vec(ts, &l, rest)?;
    Ok(BytesObj::new(ts, &out))
}

fn f_pack_into(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    ftpy_vm::builtins::args::no_kwargs(ts, "pack_into", kw)?;
    let (l, rest) = split_format(ts, args)?;
    do_pack_into(ts, &l, rest)
}

fn f_unpack(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("unpack(format, buffer, /)");
    let [fmt, buffer] = SIG.bind(ts, args, kw)?;
    let l = cached_layout(ts, fmt)?;
    do_unpack(ts, &l, buffer)
}

fn f_unpack_from(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("unpack_from(format, /, buffer, offset=0)");
    let [fmt, buffer, offset] = SIG.bind(ts, args, kw)?;
    let l = cached_layout(ts, fmt)?;
    do_unpack_from(ts, &l, buffer, offset)
}

fn f_iter_unpack(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("iter_unpack(format, buffer, /)");
    let [fmt, buffer] = SIG.bind(ts, args, kw)?;
    let l = cached_layout(ts, fmt)?;
    do_iter_unpack(ts, l, buffer)
}

fn f_calcsize(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("calcsize(format, /)");
    let [fmt] = SIG.bind(ts, args, kw)?;
    let l = cached_layout(ts, fmt)?;
    Ok(Value::small_int_unchecked(l.size as i64))
}

/// `_clearcache()`: formats are parsed on every call (there is no cache
/// to clear), so this only checks its arguments.
fn f_clearcache(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_clearcache()");
    let [] = SIG.bind(ts, args, kw)?;
    Ok(Value::NONE)
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let err = match ERROR.get() {
        Some(e) => e.get(),
        None => {
            // `struct.error`, made as `class error(Exception)` in module
            // `struct` (CPython's qualified name).
            let exc = ftpy_vm::interp::types().exception.value();
            let name = ftpy_vm::objects::str::new_str(ts, "error");
            let bases = TupleObj::new(ts, &[exc]).value();
            let ns = ftpy_vm::objects::dict::DictObj::new(ts);
            let modname = ftpy_vm::objects::str::new_str(ts, "struct");
            ns.set_item_str(ts, "__module__", modname);
            let e = ops::call(
                ts,
                ftpy_vm::interp::types().type_.value(),
                &[name, bases, ns.value()],
                None,
            )?;
            ftpy_vm::interp::add_global_root(e);
            let _ = ERROR.set(Slot::new(e));
            e
        }
    };
    m.set_attr(ts, "error", err);
    if STRUCT_TYPE.get().is_none() {
        let t = native::new_type::<StructData>(ts, "Struct", "_struct", None, true);
        t.slots.new.set(Some(struct_new));
        t.slots.init.set(Some(struct_init));
        add_methods(
            ts,
            t,
            &[
                method("pack", s_pack),
                method("pack_into", s_pack_into),
                method("unpack", s_unpack),
                method("unpack_from", s_unpack_from),
                method("iter_unpack", s_iter_unpack),
                method("__sizeof__", s_sizeof),
            ],
        );
        add_getset(ts, t, "format", get_format, None);
        add_getset(ts, t, "size", get_size, None);
        native::finish_type(ts, t);
        ftpy_vm::interp::add_global_root(t.value());
        let _ = STRUCT_TYPE.set(t);
        let it = native::new_type::<UnpackIter>(ts, "unpack_iterator", "_struct", None, false);
        it.slots.iter.set(Some(iter_self));
        it.slots.next.set(Some(iter_next));
        add_methods(ts, it, &[method("__length_hint__", iter_length_hint)]);
        native::finish_type(ts, it);
        ftpy_vm::interp::add_global_root(it.value());
        let _ = ITER_TYPE.set(it);
    }
    if let Some(t) = STRUCT_TYPE.get() {
        m.set_attr(ts, "Struct", t.value());
    }
    if let Some(t) = ITER_TYPE.get() {
        m.set_attr(ts, "unpack_iterator", t.value());
    }
    m.add_function(ts, "pack", f_pack);
    m.add_function(ts, "pack_into", f_pack_into);
    m.add_function(ts, "unpack", f_unpack);
    m.add_function(ts, "unpack_from", f_unpack_from);
    m.add_function(ts, "iter_unpack", f_iter_unpack);
    m.add_function(ts, "calcsize", f_calcsize);
    m.add_function(ts, "_clearcache", f_clearcache);
    let _ = BigInt::zero();
    Ok(())
}
