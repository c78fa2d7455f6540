//! `_io.BytesIO`: a binary stream over a growable byte buffer, with a
//! position that may lie past the end (a write there fills the gap with
//! zeros). The buffer and position are behind the object's `IoLock`.

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::Marker;
use ftpy_vm::objects::bytes::BytesObj;
use ftpy_vm::objects::list::ListObj;
use ftpy_vm::objects::native::{self, NativeData};
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{type_name, TypeObj};
use ftpy_vm::objects::{add_getset, add_methods, method};
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use ftpy_vm::buffer::{BufferProcs, Memory, NativeExporter};
use ftpy_vm::gc::Slot;

use super::lock::{IoGuard, IoLock};
use super::{io_types, reentrant, size_arg, Kw};

pub struct BytesState {
    buf: Vec<u8>,
    pos: usize,
    closed: bool,
}

/// The payload of a `BytesIO`.
pub struct BytesIO {
    st: IoLock<BytesState>,
    /// Live exports of `getbuffer()` views: while nonzero the buffer must
    /// not move (every write, truncate, close raises BufferError).
    exports: AtomicUsize,
}

// SAFETY: no Values.
unsafe impl NativeData for BytesIO {
    fn trace(&self, _m: &mut Marker) {}
}

fn this(ts: &mut ThreadState, v: Value) -> PyResult<&'static BytesIO> {
    match native::data_of::<BytesIO>(v) {
        Some(b) => Ok(b),
        None => Err(ts.type_error(format!(
            "descriptor requires a '_io.BytesIO' object but received a '{}'",
            type_name(v)
        ))),
    }
}

/// The state, locked; ValueError if the stream is closed.
fn open_state(ts: &mut ThreadState, v: Value) -> PyResult<IoGuard<'static, BytesState>> {
    let b = this(ts, v)?;
    let g = b.st.lock(ts).map_err(|_| reentrant(ts, v))?;
    if g.closed {
        return Err(ts.value_error("I/O operation on closed file."));
    }
    Ok(g)
}

impl BytesState {
    fn read(&mut self, n: i64) -> &[u8] {
        let start = self.pos.min(self.buf.len());
        let avail = self.buf.len() - start;
        let k = if n < 0 {
            avail
        } else {
            (n as usize).min(avail)
        };
        self.pos = start + k;
        &self.buf[start..start + k]
    }

    fn readline(&mut self, limit: i64) -> &[u8] {
        let start = self.pos.min(self.buf.len());
        let rest = &self.buf[start..];
        let mut k = match rest.iter().position(|&c| c == b'\n') {
            Some(i) => i + 1,
            None => rest.len(),
        };
        if limit >= 0 {
            k = k.min(limit as usize);
        }
        self.pos = start + k;
        &self.buf[start..start + k]
    }

    fn write(&mut self, data: &[u8]) -> PyResult<()> {
        let end = self.pos + data.len();
        if end > self.buf.len() {
            self.buf.resize(end, 0);
        }
        self.buf[self.pos..end].copy_from_slice(data);
        self.pos = end;
        Ok(())
    }
}

fn bytesio_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    _args: &[Value],
    _kw: Kw,
) -> PyResult<Value> {
    let payload = BytesIO {
        st: IoLock::new(BytesState {
            buf: Vec::new(),
            pos: 0,
            closed: false,
        }),
        exports: AtomicUsize::new(0),
    };
    Ok(native::alloc_checked(ts, cls, io_types().bytesio, payload, true)?.value())
}

fn bytesio_init(ts: &mut ThreadState, v: Value, args: &[Value], kw: Kw) -> PyResult<()> {
    static SIG: Sig = Sig::new("BytesIO(initial_bytes=b'')");
    let [init] = SIG.bind(ts, args, kw)?;
    let data = if init.is_null() || init.is_none() {
        Vec::new()
    } else {
        super::bytes_like(ts, init)?
    };
    let b = this(ts, v)?;
    check_exports(ts, b)?;
    let mut g = b.st.lock(ts).map_err(|_| reentrant(ts, v))?;
    g.buf = data;
    g.pos = 0;
    Ok(())
}

/// BufferError while a `getbuffer()` view is exported (views nobody
/// references any more are collected first: see `ftpy_vm::buffer`).
fn check_exports(ts: &mut ThreadState, b: &BytesIO) -> PyResult<()> {
    if b.exports.load(Ordering::Acquire) == 0 {
        return Ok(());
    }
    ftpy_vm::buffer::collect_dead_views(ts);
    if b.exports.load(Ordering::Acquire) == 0 {
        return Ok(());
    }
    Err(ts.buffer_error("Existing exports of data: object cannot be re-sized"))
}

/// The exporter behind `BytesIO.getbuffer()` (CPython's
/// `_io._BytesIOBuffer`): its memory is the BytesIO's bytes.
struct BytesIOBuffer {
    owner: Slot,
}

// SAFETY: traces its BytesIO.
unsafe impl NativeData for BytesIOBuffer {
    fn trace(&self, m: &mut Marker) {
        m.value(self.owner.get());
    }
}

fn view_owner(v: Value) -> Option<&'static BytesIO> {
    native::data_of::<BytesIO>(native::data_of::<BytesIOBuffer>(v)?.owner.get())
}

fn view_memory(v: Value) -> Memory {
    if let Some(b) = view_owner(v) {
        loop {
            // The BytesIO's own lock is held only for short byte
            // operations; the buffer cannot move while exported, so the
            // pointer stays valid after the guard is dropped.
            if let Some(g) = b.st.try_lock_raw() {
                return Memory {
                    ptr: g.buf.as_ptr() as *mut u8,
                    len: g.buf.len(),
                };
            }
            std::thread::yield_now();
        }
    }
    Memory {
        ptr: std::ptr::NonNull::<u8>::dangling().as_ptr(),
        len: 0,
    }
}

fn view_acquire(v: Value) {
    if let Some(b) = view_owner(v) {
        b.exports.fetch_add(1, Ordering::AcqRel);
    }
}

fn view_release(v: Value) {
    if let Some(b) = view_owner(v) {
        let _ = b
            .exports
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1));
    }
}

static VIEW_BUFFER: BufferProcs = BufferProcs {
    memory: view_memory,
    readonly: |_| false,
    format: |_| ("B", 1),
    acquire: Some(view_acquire),
    release: Some(view_release),
    locked: true,
};

static VIEW_EXPORTER: NativeExporter = NativeExporter {
    is: |v| native::data_of::<BytesIOBuffer>(v).is_some(),
    procs: &VIEW_BUFFER,
};

static VIEW_TYPE: OnceLock<Gc<TypeObj>> = OnceLock::new();

fn m_getbuffer(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("getbuffer($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    drop(open_state(ts, v)?);
    let Some(&ty) = VIEW_TYPE.get() else {
        return Err(ts.system_error("_io._BytesIOBuffer not initialized"));
    };
    let exporter = native::NativeObj::new(
        ts,
        ty,
        BytesIOBuffer {
            owner: Slot::new(v),
        },
    );
    let mv = ftpy_vm::interp::types().memoryview.value();
    ops::call(ts, mv, &[exporter.value()], None)
}

fn m_getvalue(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("getvalue($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let g = open_state(ts, v)?;
    let data = g.buf.clone();
    drop(g);
    Ok(BytesObj::new(ts, &data))
}

fn read_impl(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("read($self, size=-1, /)");
    let [v, size] = SIG.bind(ts, args, kw)?;
    let n = size_arg(ts, size)?;
    let mut g = open_state(ts, v)?;
    let data = g.read(n).to_vec();
    drop(g);
    Ok(BytesObj::new(ts, &data))
}

fn m_read(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    read_impl(ts, args, kw)
}

fn m_readinto(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("readinto($self, buffer, /)");
    let [v, b] = SIG.bind(ts, args, kw)?;
    let n = super::writable_len(ts, b, "readinto")?;
    let mut g = open_state(ts, v)?;
    let data = g.read(n as i64).to_vec();
    drop(g);
    super::store_into(ts, b, &data)?;
    Ok(Value::small_int_unchecked(data.len() as i64))
}

fn m_readline(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("readline($self, size=-1, /)");
    let [v, size] = SIG.bind(ts, args, kw)?;
    let n = size_arg(ts, size)?;
    let mut g = open_state(ts, v)?;
    let data = g.readline(n).to_vec();
    drop(g);
    Ok(BytesObj::new(ts, &data))
}

fn m_readlines(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("readlines($self, size=None, /)");
    let [v, hint] = SIG.bind(ts, args, kw)?;
    let hint = if hint.is_null() || hint.is_none() {
        -1
    } else if ftpy_vm::objects::int::is_int(hint) {
        ops::index_to_i64(ts, hint)?
    } else {
        return Err(ts.type_error(format!(
            "integer argument expected, got '{}'",
            type_name(hint)
        )));
    };
    let mut lines: Vec<Vec<u8>> = Vec::new();
    {
        let mut g = open_state(ts, v)?;
        let mut total = 0usize;
        loop {
            let l = g.readline(-1);
            if l.is_empty() {
                break;
            }
            total += l.len();
            lines.push(l.to_vec());
            if hint > 0 && total >= hint as usize {
                break;
            }
        }
    }
    let out = ListObj::new(ts, &[]);
    for l in lines {
        let b = BytesObj::new(ts, &l);
        out.append(ts, b);
    }
    Ok(out.value())
}

fn m_write(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("write($self, b, /)");
    let [v, b] = SIG.bind(ts, args, kw)?;
    drop(open_state(ts, v)?);
    let owner = this(ts, v)?;
    check_exports(ts, owner)?;
    let data = super::bytes_like(ts, b)?;
    let mut g = open_state(ts, v)?;
    g.write(&data)?;
    Ok(Value::small_int_unchecked(data.len() as i64))
}

fn m_writelines(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("writelines($self, lines, /)");
    let [v, lines] = SIG.bind(ts, args, kw)?;
    drop(open_state(ts, v)?);
    let owner = this(ts, v)?;
    check_exports(ts, owner)?;
    let it = ops::iter(ts, lines)?;
    while let Some(line) = ops::next(ts, it)? {
        let data = super::bytes_like(ts, line)?;
        open_state(ts, v)?.write(&data)?;
    }
    Ok(Value::NONE)
}

fn m_seek(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("seek($self, pos, whence=0, /)");
    let [v, pos, whence] = SIG.bind(ts, args, kw)?;
    let p = ops::index_to_i64(ts, pos)?;
    let w = super::fileio::whence_arg(ts, whence)?;
    let mut g = open_state(ts, v)?;
    let new = match w {
        0 => {
            if p < 0 {
                drop(g);
                return Err(ts.value_error(format!("negative seek value {p}")));
            }
            p
        }
        1 => (g.pos as i64).saturating_add(p).max(0),
        2 => (g.buf.len() as i64).saturating_add(p).max(0),
        _ => {
            drop(g);
            return Err(ts.value_error(format!("invalid whence ({w}, should be 0, 1 or 2)")));
        }
    };
    g.pos = new as usize;
    drop(g);
    Ok(ftpy_vm::objects::int::int_from_i64(ts, new))
}

fn m_tell(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("tell($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let pos = open_state(ts, v)?.pos;
    Ok(ftpy_vm::objects::int::int_from_i64(ts, pos as i64))
}

fn m_truncate(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("truncate($self, size=None, /)");
    let [v, size] = SIG.bind(ts, args, kw)?;
    drop(open_state(ts, v)?);
    let owner = this(ts, v)?;
    check_exports(ts, owner)?;
    let n = super::opt_size_arg(ts, size)?;
    let mut g = open_state(ts, v)?;
    let n = n.unwrap_or(g.pos as i64);
    if n < 0 {
        drop(g);
        return Err(ts.value_error(format!("negative size value {n}")));
    }
    if (n as usize) < g.buf.len() {
        g.buf.truncate(n as usize);
    }
    drop(g);
    Ok(ftpy_vm::objects::int::int_from_i64(ts, n))
}

fn m_true(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    drop(open_state(ts, args[0])?);
    Ok(Value::TRUE)
}

fn m_isatty(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("isatty($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    drop(open_state(ts, v)?);
    Ok(Value::FALSE)
}

fn m_flush(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("flush($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    drop(open_state(ts, v)?);
    Ok(Value::NONE)
}

fn m_close(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("close($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let b = this(ts, v)?;
    check_exports(ts, b)?;
    let mut g = b.st.lock(ts).map_err(|_| reentrant(ts, v))?;
    g.closed = true;
    g.buf = Vec::new();
    Ok(Value::NONE)
}

fn get_closed(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let b = this(ts, v)?;
    let g = b.st.lock(ts).map_err(|_| reentrant(ts, v))?;
    Ok(Value::from_bool(g.closed))
}

/// `iter(b)` is `b`, closed or not (CPython's `PyObject_SelfIter`).
fn bytesio_iter(_ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(v)
}

fn bytesio_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    let mut g = open_state(ts, v)?;
    let line = g.readline(-1).to_vec();
    drop(g);
    if line.is_empty() {
        return Ok(None);
    }
    Ok(Some(BytesObj::new(ts, &line)))
}

/// `__getstate__`: (value, position, __dict__ or None).
fn m_getstate(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("__getstate__($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let g = open_state(ts, v)?;
    let (data, pos) = (g.buf.clone(), g.pos);
    drop(g);
    let b = BytesObj::new(ts, &data);
    let p = ftpy_vm::objects::int::int_from_i64(ts, pos as i64);
    let d = match ftpy_vm::objects::instance::attr_store(v) {
        Some(store) if !store.items(ts)?.is_empty() => {
            ops::getattr(ts, v, ftpy_vm::interp::names().__dict__)?
        }
        _ => Value::NONE,
    };
    Ok(TupleObj::new(ts, &[b, p, d]).value())
}

fn m_setstate(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("__setstate__($self, state, /)");
    let [v, state] = SIG.bind(ts, args, kw)?;
    let Some(t) = state.downcast::<TupleObj>().filter(|t| t.len() >= 3) else {
        return Err(ts.type_error(format!(
            "{}.__setstate__ argument should be 3-tuple, got {}",
            super::type_display(v),
            type_name(state)
        )));
    };
    let (b, p, d) = (t.items()[0], t.items()[1], t.items()[2]);
    let data = super::bytes_like(ts, b)?;
    let pos = ops::index_to_i64(ts, p)?;
    if pos < 0 {
        return Err(ts.value_error("position value cannot be negative"));
    }
    {
        let owner = this(ts, v)?;
        check_exports(ts, owner)?;
        let mut g = open_state(ts, v)?;
        g.buf = data;
        g.pos = pos as usize;
    }
    if !d.is_none() {
        let dict = ops::getattr(ts, v, ftpy_vm::interp::names().__dict__)?;
        let upd = ftpy_vm::interp::intern(ts, "update");
        ops::call_method(ts, dict, upd, &[d])?;
    }
    Ok(Value::NONE)
}

pub fn init_type(ts: &mut ThreadState, ty: Gc<TypeObj>) {
    ty.slots.new.set(Some(bytesio_new));
    ty.slots.init.set(Some(bytesio_init));
    ty.slots.iter.set(Some(bytesio_iter));
    ty.slots.next.set(Some(bytesio_next));
    add_methods(
        ts,
        ty,
        &[
            method("getvalue", m_getvalue),
            method("getbuffer", m_getbuffer),
            method("read", m_read),
            method("read1", m_read),
            method("readinto", m_readinto),
            method("readinto1", m_readinto),
            method("readline", m_readline),
            method("readlines", m_readlines),
            method("write", m_write),
            method("writelines", m_writelines),
            method("seek", m_seek),
            method("tell", m_tell),
            method("truncate", m_truncate),
            method("readable", m_true),
            method("writable", m_true),
            method("seekable", m_true),
            method("isatty", m_isatty),
            method("flush", m_flush),
            method("close", m_close),
            method("__getstate__", m_getstate),
            method("__setstate__", m_setstate),
        ],
    );
    add_getset(ts, ty, "closed", get_closed, None);
    if VIEW_TYPE.get().is_none() {
        let vt = native::new_type::<BytesIOBuffer>(ts, "_BytesIOBuffer", "_io", None, false);
        native::finish_type(ts, vt);
        ftpy_vm::interp::add_global_root(vt.value());
        let _ = VIEW_TYPE.set(vt);
        ftpy_vm::buffer::register_native(&VIEW_EXPORTER);
    }
}
