//! `_io._IOBase`, `_io._RawIOBase`, `_io._BufferedIOBase`,
//! `_io._TextIOBase`: the generic behaviour of every stream, written
//! against the stream's Python methods (so that a program's own
//! subclass, which defines only `readinto` or `read`, gets `readline`,
//! iteration, `with` and `close` for free).
//!
//! Their instances are plain instances with `__dict__`; "closed" is the
//! `__IOBase_closed` attribute, as in CPython.

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::interp::types;
use ftpy_vm::objects::bytearray::BytearrayObj;
use ftpy_vm::objects::bytes::BytesObj;
use ftpy_vm::objects::list::ListObj;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::typeobj::{type_name, TypeObj};
use ftpy_vm::objects::{add_getset, add_methods, method};
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

use super::{names, size_arg, unsupported, Kw, DEFAULT_BUFFER_SIZE};

/// Whether the `__IOBase_closed` flag is set (what `_IOBase.closed`
/// reads).
fn flag_closed(ts: &mut ThreadState, v: Value) -> PyResult<bool> {
    let n = names(ts).iobase_closed;
    Ok(match ftpy_vm::objects::instance::attr_store(v) {
        Some(store) => store.get(ts, n)?.is_some(),
        None => false,
    })
}

/// `self.closed`, as a bool.
pub fn is_closed(ts: &mut ThreadState, v: Value) -> PyResult<bool> {
    let n = names(ts).closed;
    super::attr_truthy(ts, v, n)
}

/// `ValueError: I/O operation on closed file.` if `self.closed`.
pub fn check_closed(ts: &mut ThreadState, v: Value) -> PyResult<()> {
    if is_closed(ts, v)? {
        return Err(ts.value_error("I/O operation on closed file."));
    }
    Ok(())
}

fn check_with(ts: &mut ThreadState, v: Value, name: &str, what: &str) -> PyResult<()> {
    let n = match name {
        "readable" => names(ts).readable,
        "writable" => names(ts).writable,
        _ => names(ts).seekable,
    };
    if !super::call_truthy(ts, v, n)? {
        return Err(unsupported(ts, &format!("File or stream is not {what}.")));
    }
    Ok(())
}

fn b_check_closed(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_closed(ts, args[0])?;
    Ok(Value::NONE)
}

fn b_check_readable(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_with(ts, args[0], "readable", "readable")?;
    Ok(Value::NONE)
}

fn b_check_writable(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_with(ts, args[0], "writable", "writable")?;
    Ok(Value::NONE)
}

fn b_check_seekable(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_with(ts, args[0], "seekable", "seekable")?;
    Ok(Value::NONE)
}

fn b_seek(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("seek($self, *args)");
    let _ = SIG.bind_star::<1>(ts, args, kw)?;
    Err(unsupported(ts, "seek"))
}

fn b_tell(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("tell($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let seek = names(ts).seek;
    ops::call_method(
        ts,
        v,
        seek,
        &[Value::small_int_unchecked(0), Value::small_int_unchecked(1)],
    )
}

fn b_truncate(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("truncate($self, *args)");
    let _ = SIG.bind_star::<1>(ts, args, kw)?;
    Err(unsupported(ts, "truncate"))
}

fn b_flush(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("flush($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    if flag_closed(ts, v)? {
        return Err(ts.value_error("I/O operation on closed file."));
    }
    Ok(Value::NONE)
}

/// `_IOBase.close`: flush, then mark closed (even if flushing failed).
pub fn iobase_close(ts: &mut ThreadState, v: Value) -> PyResult<()> {
    if flag_closed(ts, v)? {
        return Ok(());
    }
    let flush = names(ts).flush;
    let r = ops::call_method(ts, v, flush, &[]);
    let n = names(ts).iobase_closed;
    ops::setattr(ts, v, n, Some(Value::TRUE))?;
    r?;
    Ok(())
}

fn b_close(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("close($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    iobase_close(ts, v)?;
    Ok(Value::NONE)
}

fn b_false(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("readable($self, /)");
    let _ = SIG.bind::<1>(ts, args, kw)?;
    Ok(Value::FALSE)
}

fn b_fileno(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("fileno($self, /)");
    let _ = SIG.bind::<1>(ts, args, kw)?;
    Err(unsupported(ts, "fileno"))
}

fn b_isatty(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("isatty($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    check_closed(ts, v)?;
    Ok(Value::FALSE)
}

fn b_enter(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("__enter__($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    check_closed(ts, v)?;
    Ok(v)
}

fn b_exit(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("__exit__($self, *args)");
    let ([v], _) = SIG.bind_star(ts, args, kw)?;
    let close = names(ts).close;
    ops::call_method(ts, v, close, &[])
}

fn iobase_iter(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    check_closed(ts, v)?;
    Ok(v)
}

fn iobase_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let rl = names(ts).readline;
    let line = ops::call_method(ts, v, rl, &[])?;
    if ops::len(ts, line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line))
}

/// `_IOBase.readline(size=-1)`: over `peek` when the stream has it, else
/// `read(1)` at a time.
fn b_readline(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("readline($self, size=-1, /)");
    let [v, size] = SIG.bind(ts, args, kw)?;
    let limit = size_arg(ts, size)?;
    let n = names(ts);
    let peek = ops::getattr_opt(ts, v, n.peek)?;
    let read = n.read;
    let mut out: Vec<u8> = Vec::new();
    while limit < 0 || (out.len() as i64) < limit {
        let mut nreadahead = 1i64;
        if let Some(p) = peek {
            let ahead = ops::call1(ts, p, Value::small_int_unchecked(1))?;
            let Some(a) = ftpy_vm::objects::bytes::bytes_data(ahead) else {
                return Err(ts.os_error(format!(
                    "peek() should have returned a bytes object, not '{}'",
                    type_name(ahead)
                )));
            };
            if !a.is_empty() {
                let mut k = 0;
                while k < a.len() && (limit < 0 || (k as i64) < limit) {
                    k += 1;
                    if a[k - 1] == b'\n' {
                        break;
                    }
                }
                nreadahead = k as i64;
            }
        }
        let b = ops::call_method(ts, v, read, &[Value::small_int_unchecked(nreadahead)])?;
        if b.is_none() {
            break;
        }
        let Some(data) = ftpy_vm::objects::bytes::bytes_data(b) else {
            return Err(ts.os_error(format!(
                "read() should have returned a bytes object, not '{}'",
                type_name(b)
            )));
        };
        if data.is_empty() {
            break;
        }
        out.extend_from_slice(&data);
        if out.last() == Some(&b'\n') {
            break;
        }
    }
    Ok(BytesObj::new(ts, &out))
}

/// `readlines(hint=-1)` over iteration.
fn b_readlines(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("readlines($self, hint=-1, /)");
    let [v, hint] = SIG.bind(ts, args, kw)?;
    let hint = size_arg(ts, hint)?;
    let out = ListObj::new(ts, &[]);
    let it = ops::iter(ts, v)?;
    let mut total: i64 = 0;
    while let Some(line) = ops::next(ts, it)? {
        out.append(ts, line);
        if hint > 0 {
            total += ops::len(ts, line)? as i64;
            if total >= hint {
                break;
            }
        }
    }
    Ok(out.value())
}

fn b_writelines(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("writelines($self, lines, /)");
    let [v, lines] = SIG.bind(ts, args, kw)?;
    check_closed(ts, v)?;
    let it = ops::iter(ts, lines)?;
    let write = names(ts).write;
    while let Some(line) = ops::next(ts, it)? {
        ops::call_method(ts, v, write, &[line])?;
    }
    Ok(Value::NONE)
}

fn get_closed(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(flag_closed(ts, v)?))
}

/// `__del__`: close the stream if it is still open, errors ignored (as
/// CPython does outside its development mode).
fn b_del(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let v = args[0];
    if super::fileio::leave_to_wrapper(v) {
        return Ok(Value::NONE);
    }
    let cn = names(ts).closed;
    let closed = match ops::getattr_opt(ts, v, cn) {
        Ok(Some(c)) => ops::truthy(ts, c).unwrap_or(true),
        _ => true,
    };
    if !closed {
        let f = names(ts).finalizing;
        let _ = ops::setattr(ts, v, f, Some(Value::TRUE));
        let close = names(ts).close;
        let _ = ops::call_method(ts, v, close, &[]);
    }
    Ok(Value::NONE)
}

pub fn init_iobase(ts: &mut ThreadState, ty: Gc<TypeObj>) {
    add_methods(
        ts,
        ty,
        &[
            method("seek", b_seek),
            method("tell", b_tell),
            method("truncate", b_truncate),
            method("flush", b_flush),
            method("close", b_close),
            method("seekable", b_false),
            method("readable", b_false),
            method("writable", b_false),
            method("_checkClosed", b_check_closed),
            method("_checkSeekable", b_check_seekable),
            method("_checkReadable", b_check_readable),
            method("_checkWritable", b_check_writable),
            method("fileno", b_fileno),
            method("isatty", b_isatty),
            method("__enter__", b_enter),
            method("__exit__", b_exit),
            method("readline", b_readline),
            method("readlines", b_readlines),
            method("writelines", b_writelines),
            method("__del__", b_del),
        ],
    );
    ty.slots.iter.set(Some(iobase_iter));
    ty.slots.next.set(Some(iobase_next));
    add_getset(ts, ty, "closed", get_closed, None);
}

// ---- _RawIOBase ------------------------------------------------------------------

/// `_RawIOBase.read(size=-1)`: over `readinto` (or `readall`).
fn raw_read(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("read($self, size=-1, /)");
    let [v, size] = SIG.bind(ts, args, kw)?;
    let n = size_arg(ts, size)?;
    if n < 0 {
        let ra = names(ts).readall;
        return ops::call_method(ts, v, ra, &[]);
    }
    let buf = BytearrayObj::new(ts, types().bytearray, &vec![0u8; n as usize]);
    let ri = names(ts).readinto;
    let r = ops::call_method(ts, v, ri, &[buf.value()])?;
    if r.is_none() {
        return Ok(Value::NONE);
    }
    let got = ops::index_to_i64(ts, r)?;
    if got < 0 || got > n {
        return Err(ts.value_error(format!("readinto returned {got} outside buffer size {n}")));
    }
    let data = buf.to_vec();
    Ok(BytesObj::new(ts, &data[..got as usize]))
}

/// `_RawIOBase.readall()`: `read(DEFAULT_BUFFER_SIZE)` until EOF.
fn raw_readall(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("readall($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let read = names(ts).read;
    let mut out: Vec<u8> = Vec::new();
    loop {
        let d = ops::call_method(
            ts,
            v,
            read,
            &[Value::small_int_unchecked(DEFAULT_BUFFER_SIZE as i64)],
        )?;
        if d.is_none() {
            if out.is_empty() {
                return Ok(Value::NONE);
            }
            break;
        }
        let Some(b) = d.downcast::<BytesObj>() else {
            return Err(ts.type_error("read() should return bytes"));
        };
        if b.is_empty() {
            break;
        }
        out.extend_from_slice(b.as_bytes());
    }
    Ok(BytesObj::new(ts, &out))
}

fn raw_not_implemented(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("readinto($self, *args)");
    let _ = SIG.bind_star::<1>(ts, args, kw)?;
    Err(ts.new_error_with(types().not_implemented_error, &[]))
}

pub fn init_rawiobase(ts: &mut ThreadState, ty: Gc<TypeObj>) {
    add_methods(
        ts,
        ty,
        &[
            method("read", raw_read),
            method("readall", raw_readall),
            method("readinto", raw_not_implemented),
            method("write", raw_not_implemented),
        ],
    );
}

// ---- _BufferedIOBase ---------------------------------------------------------------

fn unsupported_method(ts: &mut ThreadState, args: &[Value], kw: Kw, name: &str) -> PyResult<Value> {
    static SIG: Sig = Sig::new("method($self, *args)");
    let _ = SIG.bind_star::<1>(ts, args, kw)?;
    Err(unsupported(ts, name))
}

fn buf_read(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    unsupported_method(ts, args, kw, "read")
}
fn buf_read1(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    unsupported_method(ts, args, kw, "read1")
}
fn buf_write(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    unsupported_method(ts, args, kw, "write")
}
fn buf_detach(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    unsupported_method(ts, args, kw, "detach")
}

/// `readinto(b)` over `read(len(b))` (or `read1`).
fn buf_readinto_impl(ts: &mut ThreadState, args: &[Value], kw: Kw, one: bool) -> PyResult<Value> {
    static SIG: Sig = Sig::new("readinto($self, buffer, /)");
    let [v, b] = SIG.bind(ts, args, kw)?;
    let n = super::writable_len(ts, b, if one { "readinto1" } else { "readinto" })?;
    let name = if one { names(ts).read1 } else { names(ts).read };
    let data = ops::call_method(ts, v, name, &[Value::small_int_unchecked(n as i64)])?;
    let Some(d) = data.downcast::<BytesObj>() else {
        return Err(ts.type_error("read() should return bytes"));
    };
    if d.len() > n {
        return Err(ts.value_error(format!(
            "read() returned too much data: {n} bytes requested, {} returned",
            d.len()
        )));
    }
    let bytes = d.as_bytes().to_vec();
    super::store_into(ts, b, &bytes)?;
    Ok(Value::small_int_unchecked(bytes.len() as i64))
}

fn buf_readinto(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    buf_readinto_impl(ts, args, kw, false)
}
fn buf_readinto1(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    buf_readinto_impl(ts, args, kw, true)
}

pub fn init_bufferediobase(ts: &mut ThreadState, ty: Gc<TypeObj>) {
    add_methods(
        ts,
        ty,
        &[
            method("read", buf_read),
            method("read1", buf_read1),
            method("readinto", buf_readinto),
            method("readinto1", buf_readinto1),
            method("write", buf_write),
            method("detach", buf_detach),
        ],
    );
}

// ---- _TextIOBase -----------------------------------------------------------------------

fn text_read(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    unsupported_method(ts, args, kw, "read")
}
fn text_readline(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    unsupported_method(ts, args, kw, "readline")
}
fn text_write(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    unsupported_method(ts, args, kw, "write")
}

fn get_none(_ts: &mut ThreadState, _v: Value) -> PyResult<Value> {
    Ok(Value::NONE)
}

pub fn init_textiobase(ts: &mut ThreadState, ty: Gc<TypeObj>) {
    add_methods(
        ts,
        ty,
        &[
            method("read", text_read),
            method("readline", text_readline),
            method("write", text_write),
            method("detach", buf_detach),
        ],
    );
    add_getset(ts, ty, "encoding", get_none, None);
    add_getset(ts, ty, "newlines", get_none, None);
    add_getset(ts, ty, "errors", get_none, None);
}

/// A str value (helper for the text streams).
pub fn new_str(ts: &mut ThreadState, s: &str) -> Value {
    StrObj::new(ts, s)
}
