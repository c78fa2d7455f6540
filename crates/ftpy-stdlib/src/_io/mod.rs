//! `_io`: the native half of `io`, and the standard streams.
//!
//! # Layers
//! As in CPython, a text file is three objects:
//! ```text
//! TextIOWrapper  (textio.rs)   str <-> bytes: codec, newlines, tell cookies
//!   .buffer -> BufferedReader / BufferedWriter / BufferedRandom (buffered.rs)
//!     .raw  -> FileIO (fileio.rs)    a file descriptor, system calls
//! ```
//! `open()` (open.rs) builds the stack; `StringIO` and `BytesIO` are
//! in-memory streams; `_IOBase`, `_RawIOBase`, `_BufferedIOBase` and
//! `_TextIOBase` (iobase.rs) give the generic behaviour (`readline` over
//! `read`, iteration, `with`, `close` over `flush`) to every stream,
//! including the program's own subclasses. CPython's `io.py` imports this
//! module and registers the classes with its ABCs.
//!
//! # Objects and threads
//! The concrete types are native objects (`ftpy_vm::objects::native`):
//! their Rust state lives inside the heap object, values in traced `Slot`s,
//! everything else (buffers, decoded text) behind the object's own
//! [`lock::IoLock`], taken by every operation; a thread that waits for it
//! waits detached. A layer calls the layer below directly in Rust when
//! that layer is one of these exact types (no Python runs, no method
//! lookup), and through its Python methods otherwise (a subclass, or a
//! stream class of the program's own). System calls run detached from the
//! collector (`ThreadState::allow_threads`).
//!
//! # Finalization
//! Every stream is registered for finalization: when it becomes garbage,
//! or at exit, `_IOBase.__del__` closes it (a buffered or text layer
//! flushes first). A raw `FileIO` that a native buffered or text object
//! still wraps leaves the closing to that wrapper, so the wrapper's
//! pending data reaches the file whatever order the finalizers run in.
//! The standard streams are never finalized, only flushed at exit.

pub mod buffered;
pub mod bytesio;
pub mod codec;
pub mod fileio;
pub mod iobase;
pub mod lock;
pub mod newline;
pub mod open;
pub mod rwpair;
pub mod std_streams;
pub mod stringio;
pub mod textio;

use std::sync::OnceLock;

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::interp::{add_global_root, intern, types};
use ftpy_vm::objects::bytearray::BytearrayObj;
use ftpy_vm::objects::bytes::BytesObj;
use ftpy_vm::objects::dict::DictObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::native;
use ftpy_vm::objects::slice::SliceObj;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{type_name, type_of, TypeObj};
use ftpy_vm::{ops, Gc, PyErr, PyResult, ThreadState, Value};

pub type Kw = Option<Gc<TupleObj>>;

/// `io.DEFAULT_BUFFER_SIZE`.
pub const DEFAULT_BUFFER_SIZE: usize = 8192;

/// The classes of this module (rooted for the process).
pub struct IoTypes {
    pub iobase: Gc<TypeObj>,
    pub rawiobase: Gc<TypeObj>,
    pub bufferediobase: Gc<TypeObj>,
    pub textiobase: Gc<TypeObj>,
    pub fileio: Gc<TypeObj>,
    pub bytesio: Gc<TypeObj>,
    pub stringio: Gc<TypeObj>,
    pub buffered_reader: Gc<TypeObj>,
    pub buffered_writer: Gc<TypeObj>,
    pub buffered_random: Gc<TypeObj>,
    pub buffered_rwpair: Gc<TypeObj>,
    pub text_io_wrapper: Gc<TypeObj>,
    pub newline_decoder: Gc<TypeObj>,
    pub unsupported_operation: Gc<TypeObj>,
    /// `_io.open`, also `builtins.open`.
    pub open: Value,
}

static TYPES: OnceLock<IoTypes> = OnceLock::new();

/// The classes (after [`ensure_types`]).
pub fn io_types() -> &'static IoTypes {
    match TYPES.get() {
        Some(t) => t,
        None => panic!("_io types used before initialization"),
    }
}

/// Creates the classes once (the first import of `_io`, or the creation of
/// the standard streams at start-up, whichever comes first).
pub fn ensure_types(ts: &mut ThreadState) -> PyResult<&'static IoTypes> {
    if let Some(t) = TYPES.get() {
        return Ok(t);
    }
    let object = types().object;
    let iobase = native::new_abstract_type(ts, "_IOBase", "_io", object);
    iobase::init_iobase(ts, iobase);
    native::ready_type(ts, iobase);
    let rawiobase = native::new_abstract_type(ts, "_RawIOBase", "_io", iobase);
    iobase::init_rawiobase(ts, rawiobase);
    native::ready_type(ts, rawiobase);
    let bufferediobase = native::new_abstract_type(ts, "_BufferedIOBase", "_io", iobase);
    iobase::init_bufferediobase(ts, bufferediobase);
    native::ready_type(ts, bufferediobase);
    let textiobase = native::new_abstract_type(ts, "_TextIOBase", "_io", iobase);
    iobase::init_textiobase(ts, textiobase);
    native::ready_type(ts, textiobase);

    let fileio = native::new_module_type::<fileio::FileIO>(ts, "FileIO", "_io", rawiobase, true);
    fileio::init_type(ts, fileio);
    native::ready_type(ts, fileio);
    let bytesio =
        native::new_module_type::<bytesio::BytesIO>(ts, "BytesIO", "_io", bufferediobase, true);
    bytesio::init_type(ts, bytesio);
    native::ready_type(ts, bytesio);
    let stringio =
        native::new_module_type::<stringio::StringIO>(ts, "StringIO", "_io", textiobase, true);
    stringio::init_type(ts, stringio);
    native::ready_type(ts, stringio);
    let mut bt = [object; 3];
    for (i, name) in ["BufferedReader", "BufferedWriter", "BufferedRandom"]
        .iter()
        .enumerate()
    {
        let ty =
            native::new_module_type::<buffered::Buffered>(ts, name, "_io", bufferediobase, true);
        buffered::init_type(ts, ty, i);
        native::ready_type(ts, ty);
        bt[i] = ty;
    }
    let rwpair = native::new_module_type::<rwpair::RwPair>(
        ts,
        "BufferedRWPair",
        "_io",
        bufferediobase,
        true,
    );
    rwpair::init_type(ts, rwpair);
    native::ready_type(ts, rwpair);
    let text =
        native::new_module_type::<textio::TextIO>(ts, "TextIOWrapper", "_io", textiobase, true);
    textio::init_type(ts, text);
    native::ready_type(ts, text);
    let nl = native::new_module_type::<newline::NlDecoder>(
        ts,
        "IncrementalNewlineDecoder",
        "_io",
        object,
        false,
    );
    newline::init_type(ts, nl);
    // Not cycle-collected in CPython (see `tflags::NO_CYCLE_GC`).
    nl.set_flag(ftpy_vm::objects::typeobj::tflags::NO_CYCLE_GC);
    native::ready_type(ts, nl);

    // class UnsupportedOperation(OSError, ValueError), as CPython makes it.
    let name = StrObj::new(ts, "UnsupportedOperation");
    let bases = TupleObj::new(ts, &[types().os_error.value(), types().value_error.value()]);
    let ns = DictObj::new(ts);
    let m = StrObj::new(ts, "io");
    ns.set_item_str(ts, "__module__", m);
    let uo = ops::call(
        ts,
        types().type_.value(),
        &[name, bases.value(), ns.value()],
        None,
    )?;
    add_global_root(uo);
    let Some(uo) = uo.downcast::<TypeObj>() else {
        return Err(ts.system_error("_io: UnsupportedOperation is not a class"));
    };
    // CPython's `_io` module calls itself `io`: `open.__module__ == 'io'`
    // (pickle stores `io.open`).
    let modname = StrObj::new(ts, "io");
    let open =
        ftpy_vm::objects::builtin::BuiltinObj::new_function(ts, "open", open::io_open, modname);
    add_global_root(open);
    let _ = TYPES.set(IoTypes {
        iobase,
        rawiobase,
        bufferediobase,
        textiobase,
        fileio,
        bytesio,
        stringio,
        buffered_reader: bt[0],
        buffered_writer: bt[1],
        buffered_random: bt[2],
        buffered_rwpair: rwpair,
        text_io_wrapper: text,
        newline_decoder: nl,
        unsupported_operation: uo,
        open,
    });
    Ok(io_types())
}

/// The module's initializer.
pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let t = ensure_types(ts)?;
    m.set_attr(
        ts,
        "DEFAULT_BUFFER_SIZE",
        Value::small_int_unchecked(DEFAULT_BUFFER_SIZE as i64),
    );
    let blocking = ftpy_vm::interp::interp()
        .builtins_dict
        .get_str_text("BlockingIOError")
        .unwrap_or(types().os_error.value());
    m.set_attr(ts, "BlockingIOError", blocking);
    for (n, ty) in [
        ("_IOBase", t.iobase),
        ("_RawIOBase", t.rawiobase),
        ("_BufferedIOBase", t.bufferediobase),
        ("_TextIOBase", t.textiobase),
        ("FileIO", t.fileio),
        ("BytesIO", t.bytesio),
        ("StringIO", t.stringio),
        ("BufferedReader", t.buffered_reader),
        ("BufferedWriter", t.buffered_writer),
        ("BufferedRandom", t.buffered_random),
        ("BufferedRWPair", t.buffered_rwpair),
        ("TextIOWrapper", t.text_io_wrapper),
        ("IncrementalNewlineDecoder", t.newline_decoder),
        ("UnsupportedOperation", t.unsupported_operation),
    ] {
        m.set_attr(ts, n, ty.value());
    }
    m.set_attr(ts, "open", t.open);
    m.add_function(ts, "open_code", open::io_open_code);
    m.add_function(ts, "text_encoding", text_encoding);
    Ok(())
}

/// `text_encoding(encoding, stacklevel=2, /)`: ftpy always runs in UTF-8
/// mode (`sys.flags.utf8_mode` is 1), so the default is "utf-8".
fn text_encoding(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("text_encoding(encoding, stacklevel=2, /)");
    let [enc, _] = SIG.bind(ts, args, kw)?;
    if enc.is_none() {
        return Ok(StrObj::new(ts, "utf-8"));
    }
    Ok(enc)
}

// ---- shared helpers ----------------------------------------------------------

/// Interned method and attribute names used across the module (interned
/// strings are immortal, so keeping them in a static is safe).
pub struct Names {
    pub close: Gc<StrObj>,
    pub closed: Gc<StrObj>,
    pub flush: Gc<StrObj>,
    pub read: Gc<StrObj>,
    pub read1: Gc<StrObj>,
    pub readinto: Gc<StrObj>,
    pub readall: Gc<StrObj>,
    pub readline: Gc<StrObj>,
    pub write: Gc<StrObj>,
    pub seek: Gc<StrObj>,
    pub tell: Gc<StrObj>,
    pub truncate: Gc<StrObj>,
    pub readable: Gc<StrObj>,
    pub writable: Gc<StrObj>,
    pub seekable: Gc<StrObj>,
    pub fileno: Gc<StrObj>,
    pub isatty: Gc<StrObj>,
    pub peek: Gc<StrObj>,
    pub name: Gc<StrObj>,
    pub mode: Gc<StrObj>,
    pub iobase_closed: Gc<StrObj>,
    pub finalizing: Gc<StrObj>,
    pub detach: Gc<StrObj>,
    pub raw: Gc<StrObj>,
}

static NAMES: OnceLock<Names> = OnceLock::new();

pub fn names(ts: &mut ThreadState) -> &'static Names {
    if let Some(n) = NAMES.get() {
        return n;
    }
    let n = Names {
        close: intern(ts, "close"),
        closed: intern(ts, "closed"),
        flush: intern(ts, "flush"),
        read: intern(ts, "read"),
        read1: intern(ts, "read1"),
        readinto: intern(ts, "readinto"),
        readall: intern(ts, "readall"),
        readline: intern(ts, "readline"),
        write: intern(ts, "write"),
        seek: intern(ts, "seek"),
        tell: intern(ts, "tell"),
        truncate: intern(ts, "truncate"),
        readable: intern(ts, "readable"),
        writable: intern(ts, "writable"),
        seekable: intern(ts, "seekable"),
        fileno: intern(ts, "fileno"),
        isatty: intern(ts, "isatty"),
        peek: intern(ts, "peek"),
        name: intern(ts, "name"),
        mode: intern(ts, "mode"),
        iobase_closed: intern(ts, "__IOBase_closed"),
        finalizing: intern(ts, "_finalizing"),
        detach: intern(ts, "detach"),
        raw: intern(ts, "raw"),
    };
    let _ = NAMES.set(n);
    match NAMES.get() {
        Some(n) => n,
        None => panic!("_io names"),
    }
}

/// `UnsupportedOperation(msg)`.
pub fn unsupported(ts: &mut ThreadState, msg: &str) -> PyErr {
    let ty = io_types().unsupported_operation;
    let m = StrObj::new(ts, msg);
    match ops::call(ts, ty.value(), &[m], None) {
        Ok(e) => PyErr::from_exception(e),
        Err(e) => e,
    }
}

/// `RuntimeError: reentrant call inside <repr>` (a stream's lock taken
/// again by the thread that holds it).
pub fn reentrant(ts: &mut ThreadState, v: Value) -> PyErr {
    let r = type_display(v);
    ts.runtime_error(format!("reentrant call inside <{r}>"))
}

/// The name of `type(v)` as CPython's `tp_name` shows it: `_io.FileIO`
/// for the module's own classes, the plain name for a Python subclass.
pub fn type_display(v: Value) -> String {
    type_of(v).name_str().to_string()
}

/// How CPython's argument errors name the type of `v` ("must be str, not
/// None", "not int").
pub fn arg_type_name(v: Value) -> &'static str {
    if v.is_none() {
        "None"
    } else {
        type_name(v)
    }
}

/// The text of an OS error number (`strerror`).
pub fn strerror(errno: i32) -> String {
    let s = std::io::Error::from_raw_os_error(errno).to_string();
    match s.rfind(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// `OSError(errno, strerror[, filename])`, of the subclass the number
/// selects (`FileNotFoundError` ...).
pub fn os_error(ts: &mut ThreadState, errno: i32, filename: Option<Value>) -> PyErr {
    let msg = strerror(errno);
    let e = Value::small_int_unchecked(errno as i64);
    let m = StrObj::new(ts, &msg);
    let r = match filename {
        Some(f) => ops::call(ts, types().os_error.value(), &[e, m, f], None),
        None => ops::call(ts, types().os_error.value(), &[e, m], None),
    };
    match r {
        Ok(v) => PyErr::from_exception(v),
        Err(e) => e,
    }
}

/// The calling thread's `errno`.
pub fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// The bytes of a bytes-like object (bytes, bytearray; other buffer
/// objects through `bytes(obj)` once they exist: memoryview, array).
pub fn bytes_like(ts: &mut ThreadState, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = v.downcast::<BytesObj>() {
        return Ok(b.as_bytes().to_vec());
    }
    if let Some(b) = v.downcast::<BytearrayObj>() {
        return Ok(b.to_vec());
    }
    if is_buffer_type(v) {
        let b = ops::call1(ts, types().bytes.value(), v)?;
        if let Some(b) = b.downcast::<BytesObj>() {
            return Ok(b.as_bytes().to_vec());
        }
    }
    Err(ts.type_error(format!(
        "a bytes-like object is required, not '{}'",
        type_name(v)
    )))
}

/// Whether `v` is one of the buffer types the VM does not expose to
/// native code yet (`memoryview`, `array.array`): `bytes(v)` copies them.
fn is_buffer_type(v: Value) -> bool {
    let ty = type_of(v);
    for &t in ty.mro_tuple().items() {
        if let Some(t) = t.downcast::<TypeObj>() {
            let n = t.name_str();
            let last = n.rsplit('.').next().unwrap_or(n);
            if matches!(last, "memoryview" | "array") && !t.is_heap_type() {
                return true;
            }
        }
    }
    false
}

/// The length of a writable buffer passed to `readinto`.
pub fn writable_len(ts: &mut ThreadState, target: Value, fname: &str) -> PyResult<usize> {
    if let Some(b) = target.downcast::<BytearrayObj>() {
        return Ok(b.len());
    }
    if is_buffer_type(target) {
        return ops::len(ts, target);
    }
    Err(ts.type_error(format!(
        "{fname}() argument must be read-write bytes-like object, not {}",
        type_name(target)
    )))
}

/// Copies `data` to the start of a writable buffer (`readinto`).
pub fn store_into(ts: &mut ThreadState, target: Value, data: &[u8]) -> PyResult<()> {
    if data.is_empty() {
        return Ok(());
    }
    let n = Value::small_int_unchecked(data.len() as i64);
    let sl = SliceObj::new(ts, Value::small_int_unchecked(0), n, Value::NONE);
    let b = BytesObj::new(ts, data);
    ops::setitem(ts, target, sl.value(), Some(b))
}

/// A size argument: None (or missing) is -1.
pub fn size_arg(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    if v.is_null() || v.is_none() {
        return Ok(-1);
    }
    if ftpy_vm::objects::int::is_int(v) || type_of(v).slots.index.get().is_some() {
        let i = ops::index(ts, v)?;
        return Ok(ftpy_vm::objects::int::to_i64_saturating(i));
    }
    Err(ts.type_error(format!(
        "argument should be integer or None, not '{}'",
        type_name(v)
    )))
}

/// An optional size (`truncate(size=None)`): None or missing is `None`.
pub fn opt_size_arg(ts: &mut ThreadState, v: Value) -> PyResult<Option<i64>> {
    if v.is_null() || v.is_none() {
        return Ok(None);
    }
    size_arg(ts, v).map(Some)
}

/// A `Py_ssize_t` argument (no None): missing is `default`.
pub fn ssize_arg(ts: &mut ThreadState, v: Value, default: i64) -> PyResult<i64> {
    if v.is_null() {
        return Ok(default);
    }
    let i = ops::index(ts, v)?;
    Ok(ftpy_vm::objects::int::to_i64_saturating(i))
}

/// `bool(obj.<name>)`.
pub fn attr_truthy(ts: &mut ThreadState, obj: Value, name: Gc<StrObj>) -> PyResult<bool> {
    let v = ops::getattr(ts, obj, name)?;
    ops::truthy(ts, v)
}

/// `bool(obj.<name>())`.
pub fn call_truthy(ts: &mut ThreadState, obj: Value, name: Gc<StrObj>) -> PyResult<bool> {
    let v = ops::call_method(ts, obj, name, &[])?;
    ops::truthy(ts, v)
}

/// A new bytes value.
pub fn new_bytes(ts: &mut ThreadState, b: &[u8]) -> Value {
    BytesObj::new(ts, b)
}

/// The value of a stream's `__repr__` part `name=...`: `Ok(None)` when
/// the object has no `name` (or it cannot be read: CPython ignores the
/// error there too, except for a few).
pub fn repr_name(ts: &mut ThreadState, v: Value) -> PyResult<Option<String>> {
    let n = names(ts).name;
    match ops::getattr_opt(ts, v, n) {
        Ok(Some(x)) => Ok(Some(ops::repr_string(ts, x)?)),
        Ok(None) => Ok(None),
        Err(e) if e.matches(types().value_error) || e.matches(types().attribute_error) => Ok(None),
        Err(e) => Err(e),
    }
}
