//! `_io.BufferedRWPair`: a `BufferedReader` over one raw stream and a
//! `BufferedWriter` over another, as one object. Every operation goes to
//! one of the two (they have their own locks), so the pair keeps only
//! the two references, set once by `__init__`.

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::{Marker, Slot};
use ftpy_vm::objects::native::{self, NativeData};
use ftpy_vm::objects::typeobj::{type_name, TypeObj};
use ftpy_vm::objects::{add_getset, add_methods, method};
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

use super::{io_types, names, Kw};

pub struct RwPair {
    reader: Slot,
    writer: Slot,
}

// SAFETY: both Values are in Slots and traced.
unsafe impl NativeData for RwPair {
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.reader);
        m.slot(&self.writer);
    }
}

fn this(ts: &mut ThreadState, v: Value) -> PyResult<&'static RwPair> {
    match native::data_of::<RwPair>(v) {
        Some(p) => Ok(p),
        None => Err(ts.type_error(format!(
            "descriptor requires a '_io.BufferedRWPair' object but received a '{}'",
            type_name(v)
        ))),
    }
}

/// (reader, writer); ValueError before `__init__`.
fn parts(ts: &mut ThreadState, v: Value) -> PyResult<(Value, Value)> {
    let p = this(ts, v)?;
    let (r, w) = (p.reader.get(), p.writer.get());
    if r.is_null() || w.is_null() {
        return Err(ts.value_error("I/O operation on uninitialized object"));
    }
    Ok((r, w))
}

fn rwpair_new(ts: &mut ThreadState, cls: Gc<TypeObj>, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    let payload = RwPair {
        reader: Slot::new(Value::NULL),
        writer: Slot::new(Value::NULL),
    };
    Ok(native::alloc_checked(ts, cls, io_types().buffered_rwpair, payload, true)?.value())
}

fn rwpair_init(ts: &mut ThreadState, v: Value, args: &[Value], kw: Kw) -> PyResult<()> {
    static SIG: Sig = Sig::new("BufferedRWPair(reader, writer, buffer_size=8192, /)");
    let [reader, writer, size] = SIG.bind(ts, args, kw)?;
    let n = names(ts);
    if !super::call_truthy(ts, reader, n.readable)? {
        return Err(super::unsupported(ts, "File or stream is not readable."));
    }
    if !super::call_truthy(ts, writer, n.writable)? {
        return Err(super::unsupported(ts, "File or stream is not writable."));
    }
    let t = io_types();
    let r = super::buffered::new_buffered(ts, t.buffered_reader, true)?;
    super::buffered::init_buffered(ts, r, reader, size)?;
    let w = super::buffered::new_buffered(ts, t.buffered_writer, true)?;
    super::buffered::init_buffered(ts, w, writer, size)?;
    let p = this(ts, v)?;
    p.reader.set(r);
    p.writer.set(w);
    Ok(())
}

/// Forwards a call to the reader (`to_writer` false) or the writer.
fn forward(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Kw,
    name: &str,
    to_writer: bool,
) -> PyResult<Value> {
    let Some(&v) = args.first() else {
        return Err(ts.type_error("descriptor needs an argument"));
    };
    let (r, w) = parts(ts, v)?;
    let target = if to_writer { w } else { r };
    let m = ftpy_vm::interp::intern(ts, name);
    let f = ops::getattr(ts, target, m)?;
    ops::call(ts, f, &args[1..], kw)
}

fn m_read(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    forward(ts, args, kw, "read", false)
}
fn m_peek(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    forward(ts, args, kw, "peek", false)
}
fn m_read1(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    forward(ts, args, kw, "read1", false)
}
fn m_readinto(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    forward(ts, args, kw, "readinto", false)
}
fn m_readinto1(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    forward(ts, args, kw, "readinto1", false)
}
fn m_readable(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    forward(ts, args, kw, "readable", false)
}
fn m_write(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    forward(ts, args, kw, "write", true)
}
fn m_flush(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    forward(ts, args, kw, "flush", true)
}
fn m_writable(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    forward(ts, args, kw, "writable", true)
}

fn m_isatty(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("isatty($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let (r, w) = parts(ts, v)?;
    let n = names(ts).isatty;
    if super::call_truthy(ts, w, n)? {
        return Ok(Value::TRUE);
    }
    Ok(Value::from_bool(super::call_truthy(ts, r, n)?))
}

fn m_close(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("close($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let (r, w) = parts(ts, v)?;
    let c = names(ts).close;
    let first = ops::call_method(ts, w, c, &[]);
    let second = ops::call_method(ts, r, c, &[]);
    match (first, second) {
        (Ok(_), r) => r.map(|_| Value::NONE),
        (Err(e), Ok(_)) => Err(e),
        (Err(e1), Err(e2)) => {
            e2.exc().context.set(e1.value());
            Err(e2)
        }
    }
}

fn get_closed(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let (_, w) = parts(ts, v)?;
    let c = names(ts).closed;
    ops::getattr(ts, w, c)
}

pub fn init_type(ts: &mut ThreadState, ty: Gc<TypeObj>) {
    ty.slots.new.set(Some(rwpair_new));
    ty.slots.init.set(Some(rwpair_init));
    add_methods(
        ts,
        ty,
        &[
            method("read", m_read),
            method("peek", m_peek),
            method("read1", m_read1),
            method("readinto", m_readinto),
            method("readinto1", m_readinto1),
            method("readable", m_readable),
            method("write", m_write),
            method("flush", m_flush),
            method("writable", m_writable),
            method("isatty", m_isatty),
            method("close", m_close),
        ],
    );
    add_getset(ts, ty, "closed", get_closed, None);
}
