//! `zlib`: deflate compression, on the `zlib-rs` crate (a Rust port of
//! zlib with zlib's stream semantics: window bits, flush modes, preset
//! dictionaries).
//!
//! `Compress` and `Decompress` keep their stream behind the object's own
//! mutex, held only while the stream runs (pure Rust: no allocation on the
//! collected heap, no Python code). Their data holds no `Value`s.
//! The streams cannot be duplicated with `zlib-rs`'s stable API, so
//! `Compress.copy` / `Decompress.copy` are not provided.

use std::sync::OnceLock;

use parking_lot::Mutex;
use zlib_rs::{
    DeflateConfig, DeflateFlush, Inflate, InflateError, InflateFlush, Method, Status, Strategy,
};

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::{Marker, Slot};
use ftpy_vm::objects::bytes::BytesObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::native::{self, NativeData, NativeObj};
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{type_name, TypeObj};
use ftpy_vm::objects::{add_getset, add_methods, int, method};
use ftpy_vm::{ops, Gc, PyErr, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

static ERROR: OnceLock<Slot> = OnceLock::new();
static COMPRESS: OnceLock<Gc<TypeObj>> = OnceLock::new();
static DECOMPRESS: OnceLock<Gc<TypeObj>> = OnceLock::new();

const DEF_BUF_SIZE: usize = 16384;
const MAX_WBITS: i64 = 15;
const DEF_MEM_LEVEL: i64 = 8;
const DEFLATED: i64 = 8;
const Z_FINISH: i64 = 4;

// zlib's return codes, for messages.
const Z_NEED_DICT: i32 = 2;
const Z_STREAM_ERROR: i32 = -2;
const Z_DATA_ERROR: i32 = -3;
const Z_MEM_ERROR: i32 = -4;
const Z_BUF_ERROR: i32 = -5;

/// A stream of `zlib-rs`, which holds raw pointers to its own
/// allocations.
struct Stream<T>(T);

// SAFETY: a zlib-rs stream owns its buffers exclusively and has no
// thread-affine state; it is only touched under the owning object's mutex.
unsafe impl<T> Send for Stream<T> {}

/// `zlib.error` with CPython's wording: "Error -3 while decompressing
/// data: incorrect header check".
fn zerror(ts: &mut ThreadState, code: i32, doing: &str, msg: Option<&str>) -> PyErr {
    let msg = msg.or(match code {
        Z_BUF_ERROR => Some("incomplete or truncated stream"),
        Z_STREAM_ERROR => Some("inconsistent stream state"),
        Z_DATA_ERROR => Some("invalid input data"),
        _ => None,
    });
    let text = match msg {
        Some(m) => format!("Error {code} while {doing}: {m}"),
        None => format!("Error {code} while {doing}"),
    };
    error(ts, text)
}

fn error(ts: &mut ThreadState, msg: impl AsRef<str>) -> PyErr {
    match ERROR.get().and_then(|s| s.get().downcast::<TypeObj>()) {
        Some(t) => ts.new_error(t, msg.as_ref()),
        None => ts.value_error(msg.as_ref()),
    }
}

fn inflate_code(e: InflateError) -> i32 {
    match e {
        InflateError::NeedDict { .. } => Z_NEED_DICT,
        InflateError::StreamError => Z_STREAM_ERROR,
        InflateError::DataError => Z_DATA_ERROR,
        InflateError::MemError => Z_MEM_ERROR,
    }
}

fn int_arg(ts: &mut ThreadState, v: Value, default: i64) -> PyResult<i64> {
    match v.non_null() {
        None => Ok(default),
        Some(v) => {
            if ftpy_vm::objects::float::is_float(v) {
                return Err(ts.type_error("'float' object cannot be interpreted as an integer"));
            }
            let i = ops::index(ts, v)?;
            match int::to_i64(i).and_then(|i| i32::try_from(i).ok()) {
                Some(i) => Ok(i as i64),
                None => Err(ts.overflow_error(if int::to_i64(i).is_some_and(|i| i < 0) {
                    "signed integer is less than minimum"
                } else {
                    "signed integer is greater than maximum"
                })),
            }
        }
    }
}

/// A `Py_ssize_t` size argument (bufsize, max_length, length).
fn size_arg(ts: &mut ThreadState, v: Value, default: i64) -> PyResult<i64> {
    match v.non_null() {
        None => Ok(default),
        Some(v) => {
            if ftpy_vm::objects::float::is_float(v) {
                return Err(ts.type_error("'float' object cannot be interpreted as an integer"));
            }
            ops::index_to_i64(ts, v)
        }
    }
}

fn data_arg(ts: &mut ThreadState, v: Value) -> PyResult<Vec<u8>> {
    Ok(ftpy_vm::objects::bytes::expect_buffer(ts, v)?.into_owned())
}

/// An `unsigned_int(bitwise=True)` checksum start value.
fn checksum_start(ts: &mut ThreadState, v: Value, default: u32) -> PyResult<u32> {
    let Some(v) = v.non_null() else {
        return Ok(default);
    };
    if !int::is_int(v) {
        return Err(ts.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v)
        )));
    }
    let b = int::to_big(v).map(|b| b.into_owned()).unwrap_or_default();
    let m: num_bigint::BigInt = b & num_bigint::BigInt::from(u32::MAX);
    Ok(num_traits::ToPrimitive::to_u32(&m).unwrap_or(0))
}

// ---- checksums ----------------------------------------------------------------------

fn f_crc32(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("crc32(data, value=0, /)");
    let [data, value] = SIG.bind(ts, args, kw)?;
    let d = ftpy_vm::objects::bytes::expect_buffer(ts, data)?;
    let start = checksum_start(ts, value, 0)?;
    Ok(int::int_from_u64(
        ts,
        zlib_rs::crc32::crc32(start, &d) as u64,
    ))
}

fn f_adler32(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("adler32(data, value=1, /)");
    let [data, value] = SIG.bind(ts, args, kw)?;
    let d = ftpy_vm::objects::bytes::expect_buffer(ts, data)?;
    let start = checksum_start(ts, value, 1)?;
    Ok(int::int_from_u64(
        ts,
        zlib_rs::adler32::adler32(start, &d) as u64,
    ))
}

// ---- compression ----------------------------------------------------------------------

/// A deflate configuration, or None when zlib's `deflateInit2` would
/// refuse it (`Z_STREAM_ERROR`).
fn deflate_config(
    level: i64,
    method: i64,
    wbits: i64,
    mem_level: i64,
    strategy: i64,
) -> Option<DeflateConfig> {
    let strategy = match strategy {
        0 => Strategy::Default,
        1 => Strategy::Filtered,
        2 => Strategy::HuffmanOnly,
        3 => Strategy::Rle,
        4 => Strategy::Fixed,
        _ => return None,
    };
    let bits_ok = matches!(wbits, -15..=-9 | 8..=15 | 25..=31);
    if method != DEFLATED || !bits_ok || !(1..=9).contains(&mem_level) {
        return None;
    }
    if !(-1..=9).contains(&level) {
        return None;
    }
    Some(DeflateConfig {
        level: level as i32,
        method: Method::Deflated,
        window_bits: wbits as i32,
        mem_level: mem_level as i32,
        strategy,
    })
}

/// Runs `d` over `input` with `flush`, collecting all output.
fn deflate_all(
    d: &mut zlib_rs::Deflate,
    input: &[u8],
    flush: DeflateFlush,
) -> Result<(Vec<u8>, Status), zlib_rs::DeflateError> {
    let mut out: Vec<u8> = Vec::new();
    let mut pos = 0usize;
    loop {
        let start = out.len();
        let chunk = DEF_BUF_SIZE.max(start);
        out.resize(start + chunk, 0);
        let (in0, out0) = (d.total_in(), d.total_out());
        let st = d.compress(&input[pos..], &mut out[start..], flush);
        let wrote = (d.total_out() - out0) as usize;
        pos += (d.total_in() - in0) as usize;
        out.truncate(start + wrote);
        let st = st?;
        if st == Status::StreamEnd {
            return Ok((out, st));
        }
        let full = wrote == chunk;
        if !full && pos >= input.len() {
            return Ok((out, st));
        }
        if st == Status::BufError && wrote == 0 {
            return Ok((out, st));
        }
    }
}

fn f_compress(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("compress(data, /, level=-1, wbits=15)");
    let [data, level, wbits] = SIG.bind(ts, args, kw)?;
    let d = data_arg(ts, data)?;
    let level = int_arg(ts, level, -1)?;
    let wbits = int_arg(ts, wbits, MAX_WBITS)?;
    let Some(cfg) = deflate_config(level, DEFLATED, wbits, DEF_MEM_LEVEL, 0) else {
        return Err(error(ts, "Bad compression level"));
    };
    let mut s = zlib_rs::Deflate::new_with_config(cfg);
    match deflate_all(&mut s, &d, DeflateFlush::Finish) {
        Ok((out, _)) => Ok(BytesObj::new(ts, &out)),
        Err(e) => Err(zerror(ts, e as i32, "compressing data", s.error_message())),
    }
}

struct Compress {
    stream: Mutex<Option<Stream<zlib_rs::Deflate>>>,
}

// SAFETY: holds no Values.
unsafe impl NativeData for Compress {
    fn trace(&self, _m: &mut Marker) {}
}

fn f_compressobj(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig =
        Sig::new("compressobj(level=-1, method=8, wbits=15, memLevel=8, strategy=0, zdict=None)");
    let [level, meth, wbits, mem, strategy, zdict] = SIG.bind(ts, args, kw)?;
    let level = int_arg(ts, level, -1)?;
    let meth = int_arg(ts, meth, DEFLATED)?;
    let wbits = int_arg(ts, wbits, MAX_WBITS)?;
    let mem = int_arg(ts, mem, DEF_MEM_LEVEL)?;
    let strategy = int_arg(ts, strategy, 0)?;
    let dict = match zdict.non_null().filter(|z| !z.is_none()) {
        None => None,
        Some(z) => Some(ftpy_vm::objects::bytes::expect_buffer(ts, z)?.into_owned()),
    };
    let Some(cfg) = deflate_config(level, meth, wbits, mem, strategy) else {
        return Err(ts.value_error("Invalid initialization option"));
    };
    let mut s = zlib_rs::Deflate::new_with_config(cfg);
    if let Some(dict) = dict {
        if let Err(e) = s.set_dictionary(&dict) {
            return Err(zerror(ts, e as i32, "setting zdict", None));
        }
    }
    let cls = *COMPRESS
        .get()
        .ok_or_else(|| ts.system_error("zlib not initialized"))?;
    let c = Compress {
        stream: Mutex::new(Some(Stream(s))),
    };
    Ok(NativeObj::new(ts, cls, c).value())
}

fn compress_of(ts: &mut ThreadState, v: Value) -> PyResult<&'static Compress> {
    native::expect::<Compress>(ts, v, "zlib.Compress")
}

fn c_compress(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Compress.compress($self, data, /)");
    let [v, data] = SIG.bind(ts, args, kw)?;
    let c = compress_of(ts, v)?;
    let d = data_arg(ts, data)?;
    let r = {
        let mut g = c.stream.lock();
        match g.as_mut() {
            None => Err((Z_STREAM_ERROR, None)),
            Some(s) => {
                deflate_all(&mut s.0, &d, DeflateFlush::NoFlush).map_err(|e| (e as i32, None))
            }
        }
    };
    match r {
        Ok((out, _)) => Ok(BytesObj::new(ts, &out)),
        Err((code, msg)) => Err(zerror(ts, code, "compressing data", msg)),
    }
}

fn c_flush(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Compress.flush($self, mode=zlib.Z_FINISH, /)");
    let [v, mode] = SIG.bind(ts, args, kw)?;
    let c = compress_of(ts, v)?;
    let mode = int_arg(ts, mode, Z_FINISH)?;
    let flush = match mode {
        0 => return Ok(BytesObj::new(ts, b"")),
        1 => DeflateFlush::PartialFlush,
        2 => DeflateFlush::SyncFlush,
        3 => DeflateFlush::FullFlush,
        4 => DeflateFlush::Finish,
        5 => DeflateFlush::Block,
        _ => return Err(zerror(ts, Z_STREAM_ERROR, "flushing", None)),
    };
    let r = {
        let mut g = c.stream.lock();
        let r = match g.as_mut() {
            None => Err(Z_STREAM_ERROR),
            Some(s) => deflate_all(&mut s.0, &[], flush).map_err(|e| e as i32),
        };
        if matches!(r, Ok((_, Status::StreamEnd))) && mode == Z_FINISH {
            *g = None;
        }
        r
    };
    match r {
        Ok((out, _)) => Ok(BytesObj::new(ts, &out)),
        Err(code) => Err(zerror(ts, code, "flushing", None)),
    }
}

// ---- decompression --------------------------------------------------------------------

/// A validated inflate setup: (expect a header, window bits for zlib-rs).
fn inflate_setup(wbits: i64) -> Option<(bool, u8)> {
    match wbits {
        -15..=-8 => Some((false, (-wbits) as u8)),
        0..=47 if wbits & 15 == 0 || wbits & 15 >= 8 => Some((true, wbits as u8)),
        _ => None,
    }
}

/// Output of one inflate run.
struct Inflated {
    out: Vec<u8>,
    /// Input bytes consumed.
    used: usize,
    eof: bool,
}

/// Inflates `input` into at most `max_out` bytes (0: no limit), using
/// `zdict` when the stream asks for a dictionary.
fn inflate_run(
    s: &mut Inflate,
    input: &[u8],
    max_out: usize,
    zdict: Option<&[u8]>,
    flush: InflateFlush,
    bufsize: usize,
) -> Result<Inflated, (i32, Option<&'static str>)> {
    let mut out: Vec<u8> = Vec::new();
    let mut pos = 0usize;
    loop {
        let start = out.len();
        let mut chunk = bufsize.max(1).max(start);
        if max_out > 0 {
            if start >= max_out {
                break;
            }
            chunk = chunk.min(max_out - start);
        }
        out.resize(start + chunk, 0);
        let (in0, out0) = (s.total_in(), s.total_out());
        let r = s.decompress(&input[pos..], &mut out[start..], flush);
        let wrote = (s.total_out() - out0) as usize;
        pos += (s.total_in() - in0) as usize;
        out.truncate(start + wrote);
        match r {
            Ok(Status::StreamEnd) => {
                return Ok(Inflated {
                    out,
                    used: pos,
                    eof: true,
                })
            }
            Ok(st) => {
                let full = wrote == chunk;
                if !full && (pos >= input.len() || st == Status::BufError) {
                    break;
                }
                if st == Status::BufError && wrote == 0 {
                    break;
                }
            }
            Err(InflateError::NeedDict { .. }) => match zdict {
                Some(d) => {
                    if s.set_dictionary(d).is_err() {
                        return Err((Z_DATA_ERROR, None));
                    }
                }
                None => return Err((Z_NEED_DICT, None)),
            },
            Err(e) => return Err((inflate_code(e), s.error_message())),
        }
    }
    Ok(Inflated {
        out,
        used: pos,
        eof: false,
    })
}

fn f_decompress(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("decompress(data, /, wbits=15, bufsize=16384)");
    let [data, wbits, bufsize] = SIG.bind(ts, args, kw)?;
    let d = data_arg(ts, data)?;
    let wbits = int_arg(ts, wbits, MAX_WBITS)?;
    let bufsize = size_arg(ts, bufsize, DEF_BUF_SIZE as i64)?;
    if bufsize < 0 {
        return Err(ts.value_error("bufsize must be non-negative"));
    }
    let Some((header, bits)) = inflate_setup(wbits) else {
        return Err(zerror(
            ts,
            Z_STREAM_ERROR,
            "preparing to decompress data",
            None,
        ));
    };
    let mut s = Inflate::new(header, bits);
    match inflate_run(
        &mut s,
        &d,
        0,
        None,
        InflateFlush::NoFlush,
        (bufsize as usize).clamp(1, 1 << 20),
    ) {
        Ok(r) if r.eof => Ok(BytesObj::new(ts, &r.out)),
        Ok(_) => Err(zerror(ts, Z_BUF_ERROR, "decompressing data", None)),
        Err((code, msg)) => Err(zerror(ts, code, "decompressing data", msg)),
    }
}

struct DecompState {
    stream: Option<Stream<Inflate>>,
    unused_data: Vec<u8>,
    unconsumed_tail: Vec<u8>,
    eof: bool,
    zdict: Option<Vec<u8>>,
}

struct Decompress {
    st: Mutex<DecompState>,
}

// SAFETY: holds no Values.
unsafe impl NativeData for Decompress {
    fn trace(&self, _m: &mut Marker) {}
}

fn decompress_of(ts: &mut ThreadState, v: Value) -> PyResult<&'static Decompress> {
    native::expect::<Decompress>(ts, v, "zlib.Decompress")
}

fn f_decompressobj(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("decompressobj(wbits=15, zdict=b'')");
    let [wbits, zdict] = SIG.bind(ts, args, kw)?;
    let wbits = int_arg(ts, wbits, MAX_WBITS)?;
    let dict = match zdict.non_null() {
        None => None,
        Some(z) => match ftpy_vm::objects::bytes::buffer_bytes(ts, z)? {
            Some(b) => Some(b.into_owned()),
            None => return Err(ts.type_error("zdict argument must support the buffer protocol")),
        },
    };
    let Some((header, bits)) = inflate_setup(wbits) else {
        return Err(ts.value_error("Invalid initialization option"));
    };
    let mut s = Inflate::new(header, bits);
    if let Some(d) = dict.as_deref() {
        if !header && s.set_dictionary(d).is_err() {
            return Err(zerror(ts, Z_DATA_ERROR, "setting zdict", None));
        }
    }
    let cls = *DECOMPRESS
        .get()
        .ok_or_else(|| ts.system_error("zlib not initialized"))?;
    let st = DecompState {
        stream: Some(Stream(s)),
        unused_data: Vec::new(),
        unconsumed_tail: Vec::new(),
        eof: false,
        zdict: dict,
    };
    Ok(NativeObj::new(ts, cls, Decompress { st: Mutex::new(st) }).value())
}

/// Records the leftover input after a run: `unused_data` once the stream
/// ended, else `unconsumed_tail`.
fn settle(st: &mut DecompState, input: &[u8], r: &Inflated) {
    let rest = &input[r.used.min(input.len())..];
    if r.eof {
        st.eof = true;
        st.unused_data.extend_from_slice(rest);
        st.unconsumed_tail.clear();
    } else {
        st.unconsumed_tail = rest.to_vec();
    }
}

fn d_decompress(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Decompress.decompress($self, data, /, max_length=0)");
    let [v, data, max_length] = SIG.bind(ts, args, kw)?;
    let dobj = decompress_of(ts, v)?;
    let input = data_arg(ts, data)?;
    let max = size_arg(ts, max_length, 0)?;
    if max < 0 {
        return Err(ts.value_error("max_length must be non-negative"));
    }
    let r = {
        let mut g = dobj.st.lock();
        let st = &mut *g;
        if st.eof {
            // After the end of the stream, input is unused data.
            st.unused_data.extend_from_slice(&input);
            Ok(Vec::new())
        } else {
            match st.stream.as_mut() {
                None => Err((Z_STREAM_ERROR, None)),
                Some(s) => {
                    let zd = st.zdict.as_deref();
                    let r = inflate_run(
                        &mut s.0,
                        &input,
                        max as usize,
                        zd,
                        InflateFlush::SyncFlush,
                        DEF_BUF_SIZE,
                    );
                    match r {
                        Ok(r) => {
                            settle(st, &input, &r);
                            Ok(r.out)
                        }
                        Err(e) => Err(e),
                    }
                }
            }
        }
    };
    match r {
        Ok(out) => Ok(BytesObj::new(ts, &out)),
        Err((code, msg)) => Err(zerror(ts, code, "decompressing data", msg)),
    }
}

fn d_flush(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Decompress.flush($self, length=zlib.DEF_BUF_SIZE, /)");
    let [v, length] = SIG.bind(ts, args, kw)?;
    let dobj = decompress_of(ts, v)?;
    let length = size_arg(ts, length, DEF_BUF_SIZE as i64)?;
    if length <= 0 {
        return Err(ts.value_error("length must be greater than zero"));
    }
    let r = {
        let mut g = dobj.st.lock();
        let st = &mut *g;
        let input = std::mem::take(&mut st.unconsumed_tail);
        if st.eof || input.is_empty() {
            st.unconsumed_tail = input;
            Ok(Vec::new())
        } else {
            match st.stream.as_mut() {
                None => Err((Z_STREAM_ERROR, None)),
                Some(s) => {
                    let zd = st.zdict.as_deref();
                    let r = inflate_run(
                        &mut s.0,
                        &input,
                        0,
                        zd,
                        InflateFlush::Finish,
                        (length as usize).min(1 << 20),
                    );
                    match r {
                        Ok(r) => {
                            settle(st, &input, &r);
                            Ok(r.out)
                        }
                        Err(e) => Err(e),
                    }
                }
            }
        }
    };
    match r {
        Ok(out) => Ok(BytesObj::new(ts, &out)),
        Err((code, msg)) => Err(zerror(ts, code, "flushing", msg)),
    }
}

fn get_unused_data(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let d = decompress_of(ts, v)?;
    let b = d.st.lock().unused_data.clone();
    Ok(BytesObj::new(ts, &b))
}

fn get_unconsumed_tail(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let d = decompress_of(ts, v)?;
    let b = d.st.lock().unconsumed_tail.clone();
    Ok(BytesObj::new(ts, &b))
}

fn get_eof(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let d = decompress_of(ts, v)?;
    Ok(Value::from_bool(d.st.lock().eof))
}

fn readonly(ts: &mut ThreadState, _v: Value, _x: Option<Value>) -> PyResult<()> {
    Err(ts.attribute_error_msg("readonly attribute"))
}

fn no_new(ts: &mut ThreadState, cls: Gc<TypeObj>, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    Err(ts.type_error(format!("cannot create 'zlib.{}' instances", cls.name_str())))
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    if ERROR.get().is_none() {
        let exc = ftpy_vm::interp::types().exception.value();
        let e = crate::binascii::make_exception(ts, "zlib", "error", exc)?;
        let _ = ERROR.set(Slot::new(e));
    }
    if let Some(e) = ERROR.get() {
        m.set_attr(ts, "error", e.get());
    }
    if COMPRESS.get().is_none() {
        let t = native::new_type::<Compress>(ts, "Compress", "zlib", None, false);
        t.slots.new.set(Some(no_new));
        add_methods(
            ts,
            t,
            &[method("compress", c_compress), method("flush", c_flush)],
        );
        native::finish_type(ts, t);
        ftpy_vm::interp::add_global_root(t.value());
        let _ = COMPRESS.set(t);

        let t = native::new_type::<Decompress>(ts, "Decompress", "zlib", None, false);
        t.slots.new.set(Some(no_new));
        add_methods(
            ts,
            t,
            &[method("decompress", d_decompress), method("flush", d_flush)],
        );
        add_getset(ts, t, "unused_data", get_unused_data, Some(readonly));
        add_getset(
            ts,
            t,
            "unconsumed_tail",
            get_unconsumed_tail,
            Some(readonly),
        );
        add_getset(ts, t, "eof", get_eof, Some(readonly));
        native::finish_type(ts, t);
        ftpy_vm::interp::add_global_root(t.value());
        let _ = DECOMPRESS.set(t);
    }
    m.add_function(ts, "crc32", f_crc32);
    m.add_function(ts, "adler32", f_adler32);
    m.add_function(ts, "compress", f_compress);
    m.add_function(ts, "decompress", f_decompress);
    m.add_function(ts, "compressobj", f_compressobj);
    m.add_function(ts, "decompressobj", f_decompressobj);
    let consts: &[(&str, i64)] = &[
        ("MAX_WBITS", MAX_WBITS),
        ("DEFLATED", DEFLATED),
        ("DEF_MEM_LEVEL", DEF_MEM_LEVEL),
        ("DEF_BUF_SIZE", DEF_BUF_SIZE as i64),
        ("Z_NO_COMPRESSION", 0),
        ("Z_BEST_SPEED", 1),
        ("Z_BEST_COMPRESSION", 9),
        ("Z_DEFAULT_COMPRESSION", -1),
        ("Z_FILTERED", 1),
        ("Z_HUFFMAN_ONLY", 2),
        ("Z_RLE", 3),
        ("Z_FIXED", 4),
        ("Z_DEFAULT_STRATEGY", 0),
        ("Z_NO_FLUSH", 0),
        ("Z_PARTIAL_FLUSH", 1),
        ("Z_SYNC_FLUSH", 2),
        ("Z_FULL_FLUSH", 3),
        ("Z_FINISH", 4),
        ("Z_BLOCK", 5),
        ("Z_TREES", 6),
    ];
    for &(name, v) in consts {
        m.set_attr(ts, name, Value::small_int_unchecked(v));
    }
    // The zlib version whose behaviour (and messages) zlib-rs follows.
    for name in ["ZLIB_VERSION", "ZLIB_RUNTIME_VERSION"] {
        let s = StrObj::new(ts, "1.3.1");
        m.set_attr(ts, name, s);
    }
    Ok(())
}
