//! `BaseException` and the built-in exception hierarchy.
//!
//! Every exception instance has the `ExcObj` layout: its args, traceback,
//! cause, context and an attribute store (for `name`, `errno`, user
//! attributes ...). Subclass-specific behaviour (`KeyError.__str__`,
//! `StopIteration.value`, `SystemExit.code`, `OSError`'s errno mapping,
//! `SyntaxError`'s fields) is implemented here with native methods.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::{PyErr, PyResult};
use crate::gc::{Marker, Slot};
use crate::interp::{intern, names, types, BuiltinTypes};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::instance::AttrStore;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{tflags, type_name, type_of, TypeObj};
use crate::objects::{add_getset, add_methods, finish_type, method};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

#[repr(C)]
pub struct ExcObj {
    pub header: Header,
    pub args: Slot,
    pub traceback: Slot,
    pub cause: Slot,
    pub context: Slot,
    pub notes: Slot,
    /// Exception groups: `(message, exceptions)`; NULL for the others.
    pub group: Slot,
    suppress_context: AtomicBool,
    pub attrs: AttrStore,
}

// SAFETY: repr(C), Header first; traces every Slot and the attributes.
unsafe impl HeapObj for ExcObj {
    const KIND: Kind = Kind::Exception;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.args);
        m.slot(&self.traceback);
        m.slot(&self.cause);
        m.slot(&self.context);
        m.slot(&self.notes);
        m.slot(&self.group);
        self.attrs.trace(m);
    }
}

/// Offset of the attribute store in an exception.
pub const ATTRS_OFFSET: u32 = std::mem::offset_of!(ExcObj, attrs) as u32;

impl ExcObj {
    /// A new exception of type `ty` with `args` (no `__init__` runs).
    pub fn new(ts: &mut ThreadState, ty: Gc<TypeObj>, args: &[Value]) -> Gc<ExcObj> {
        let t = TupleObj::new(ts, args);
        let e = ts.alloc(ExcObj {
            header: Header::new(ty, Kind::Exception, 0),
            args: Slot::new(t.value()),
            traceback: Slot::new(Value::NULL),
            cause: Slot::new(Value::NULL),
            context: Slot::new(Value::NULL),
            notes: Slot::new(Value::NULL),
            group: Slot::new(Value::NULL),
            suppress_context: AtomicBool::new(false),
            attrs: AttrStore::new(0),
        });
        if ty.has_flag(tflags::HAS_DEL) {
            crate::gc::collect::register_finalizer(&e.header);
        }
        e
    }

    pub fn args_tuple(&self) -> Gc<TupleObj> {
        match self.args.get().downcast::<TupleObj>() {
            Some(t) => t,
            None => crate::interp::interp().empty_tuple,
        }
    }

    pub fn set_cause(&self, c: Value) {
        self.cause.set(c);
        self.suppress_context.store(true, Ordering::Relaxed);
    }

    pub fn suppress_context(&self) -> bool {
        self.suppress_context.load(Ordering::Relaxed)
    }

    /// Sets an attribute without running Python code (our own fields).
    pub fn set_attr_quiet(&self, ts: &mut ThreadState, name: &str, v: Value) {
        let n = intern(ts, name);
        let _ = self
            .attrs
            .set(ts, &self.header, self.header.ty(), n, Some(v));
    }

    pub fn get_attr_quiet(&self, ts: &mut ThreadState, name: &str) -> Option<Value> {
        let n = intern(ts, name);
        self.attrs.get(ts, n).ok().flatten()
    }

    /// `StopIteration.value`.
    pub fn stop_iteration_value(&self) -> Value {
        self.args_tuple().get(0).unwrap_or(Value::NONE)
    }

    /// A short description for Rust-side debugging.
    pub fn message_for_debug(&self) -> String {
        let a = self.args_tuple();
        match a.get(0).and_then(crate::objects::str::as_str) {
            Some(s) => s.to_string(),
            None => format!("{} args", a.len()),
        }
    }
}

/// Sets `__context__` of a newly raised exception to the exception being
/// handled (if any), breaking cycles as CPython does.
pub fn set_context_on_raise(ts: &mut ThreadState, e: PyErr) {
    let handled = ts.exc_info();
    if handled.is_null() || handled.is_none() || handled == e.value() {
        return;
    }
    // Avoid a cycle: cut the chain where it reaches `e`.
    let mut o = handled;
    let mut steps = 0;
    while let Some(x) = o.downcast::<ExcObj>() {
        let c = x.context.get();
        if c == e.value() {
            x.context.set(Value::NULL);
            break;
        }
        o = c;
        steps += 1;
        if steps > 10000 {
            break;
        }
    }
    e.exc().context.set(handled);
}

/// (name, base name) of every built-in exception, parents first.
const HIERARCHY: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("BaseExceptionGroup", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("SystemExit", "BaseException"),
    ("Exception", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ExceptionGroup", "BaseExceptionGroup"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("StopAsyncIteration", "Exception"),
    ("StopIteration", "Exception"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("Warning", "Exception"),
    ("BytesWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("EncodingWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("UserWarning", "Warning"),
];

/// Whether a built-in type name is an exception class.
pub fn is_exception_name(name: &str) -> bool {
    HIERARCHY.iter().any(|(n, _)| *n == name)
}

/// Builds the exception classes (names, bases, MROs) in hierarchy order.
pub fn init_hierarchy(ts: &mut ThreadState, t: &BuiltinTypes) {
    let mut made: Vec<(&'static str, Gc<TypeObj>)> = Vec::new();
    let existing: Vec<(Gc<TypeObj>, &'static str)> = t.all();
    for &(name, base) in HIERARCHY {
        let ty = match existing.iter().find(|(_, n)| *n == name) {
            Some(&(ty, _)) => ty,
            None => {
                let ty = ts.alloc(TypeObj::blank(
                    Header::new(t.type_, Kind::Type, 0),
                    Kind::Exception,
                    std::mem::size_of::<ExcObj>() as u32,
                    0,
                ));
                ty.set_flag(tflags::BASETYPE);
                ty
            }
        };
        let base_ty = if base.is_empty() {
            t.object
        } else {
            made.iter()
                .find(|(n, _)| *n == base)
                .map(|x| x.1)
                .unwrap_or(t.object)
        };
        finish_type(ts, ty, name, "builtins", Some(base_ty));
        // Exceptions keep attributes in their own store.
        // SAFETY: type shells are private during bootstrap; attrs_offset is
        // written once before any instance exists.
        unsafe {
            let p = &ty.attrs_offset as *const u32 as *mut u32;
            p.write(ATTRS_OFFSET);
        }
        ty.set_flag(tflags::EXCEPTION | tflags::BASETYPE);
        made.push((name, ty));
        t.exceptions.lock().push(ty);
    }
}

/// The exception class by name (after bootstrap).
pub fn exception_type(name: &str) -> Option<Gc<TypeObj>> {
    let t = types();
    t.exceptions
        .lock()
        .iter()
        .copied()
        .find(|ty| ty.name_str() == name)
}

fn this(ts: &mut ThreadState, v: Value) -> PyResult<Gc<ExcObj>> {
    v.downcast::<ExcObj>()
        .ok_or_else(|| ts.type_error(format!("expected an exception, got {}", type_name(v))))
}

fn exc_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    let pos = &args[..args.len() - nkw];
    let e = ExcObj::new(ts, cls, pos);
    // OSError(errno, strerror) picks the subclass for errno (ENOENT ...).
    if cls == types().os_error && pos.len() >= 2 {
        if let Some(errno) = crate::objects::int::to_i64(pos[0]) {
            if let Some(sub) = os_error_subclass(errno) {
                let e2 = ExcObj::new(ts, sub, pos);
                return Ok(e2.value());
            }
        }
    }
    Ok(e.value())
}

fn os_error_subclass(errno: i64) -> Option<Gc<TypeObj>> {
    let name = match errno as i32 {
        libc::ENOENT => "FileNotFoundError",
        libc::EEXIST => "FileExistsError",
        libc::EACCES | libc::EPERM => "PermissionError",
        libc::EISDIR => "IsADirectoryError",
        libc::ENOTDIR => "NotADirectoryError",
        libc::EINTR => "InterruptedError",
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => "BlockingIOError",
        libc::ECHILD => "ChildProcessError",
        libc::EPIPE | libc::ESHUTDOWN => "BrokenPipeError",
        libc::ECONNABORTED => "ConnectionAbortedError",
        libc::ECONNREFUSED => "ConnectionRefusedError",
        libc::ECONNRESET => "ConnectionResetError",
        libc::ESRCH => "ProcessLookupError",
        libc::ETIMEDOUT => "TimeoutError",
        _ => return None,
    };
    exception_type(name)
}

/// The attributes some built-in exceptions derive from their arguments
/// (`ImportError.name`, `OSError.errno`, `SystemExit.code` ...), for
/// exceptions the runtime raises itself (no `__init__` call).
pub fn init_fields(ts: &mut ThreadState, e: Gc<ExcObj>, args: &[Value]) {
    let t = types();
    let ty = e.header.ty();
    if [t.import_error, t.os_error, t.system_exit, t.syntax_error]
        .iter()
        .any(|&b| ty.is_subtype(b))
    {
        let _ = exc_init(ts, e.value(), args, None);
    }
}

fn exc_init(
    ts: &mut ThreadState,
    v: Value,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<()> {
    let e = this(ts, v)?;
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    let ty = type_of(v);
    let pos = &args[..args.len() - nkw];
    if nkw > 0 && !ty.is_heap_type() {
        // A few built-ins take keywords.
        let allowed = [
            types().import_error,
            types().module_not_found_error,
            types().attribute_error,
            types().name_error,
        ];
        if !allowed.iter().any(|&a| ty.is_subtype(a)) {
            return Err(ts.type_error(format!("{}() takes no keyword arguments", ty.name_str())));
        }
    }
    let t = TupleObj::new(ts, pos);
    e.args.set(t.value());
    let t_all = types();
    // Subclass-specific fields.
    if ty.is_subtype(t_all.system_exit) {
        let code = match pos.len() {
            0 => Value::NONE,
            1 => pos[0],
            _ => t.value(),
        };
        e.set_attr_quiet(ts, "code", code);
    } else if ty.is_subtype(t_all.os_error) {
        let (errno, strerror, filename, filename2) = match pos.len() {
            2 => (pos[0], pos[1], Value::NONE, Value::NONE),
            3 => (pos[0], pos[1], pos[2], Value::NONE),
            4 | 5 => (pos[0], pos[1], pos[2], *pos.get(4).unwrap_or(&Value::NONE)),
            _ => (Value::NONE, Value::NONE, Value::NONE, Value::NONE),
        };
        e.set_attr_quiet(ts, "errno", errno);
        e.set_attr_quiet(ts, "strerror", strerror);
        e.set_attr_quiet(ts, "filename", filename);
        e.set_attr_quiet(ts, "filename2", filename2);
        if (3..=5).contains(&pos.len()) {
            // args keeps only (errno, strerror).
            let t2 = TupleObj::new(ts, &pos[..2]);
            e.args.set(t2.value());
        }
    } else if ty.is_subtype(t_all.syntax_error) {
        let msg = pos.first().copied().unwrap_or(Value::NONE);
        e.set_attr_quiet(ts, "msg", msg);
        let mut fields = [Value::NONE; 6];
        if let Some(&details) = pos.get(1) {
            if let Some(d) = details.downcast::<TupleObj>() {
                for (i, &x) in d.items().iter().take(6).enumerate() {
                    fields[i] = x;
                }
            }
        }
        for (i, n) in [
            "filename",
            "lineno",
            "offset",
            "text",
            "end_lineno",
            "end_offset",
        ]
        .iter()
        .enumerate()
        {
            e.set_attr_quiet(ts, n, fields[i]);
        }
        e.set_attr_quiet(ts, "print_file_and_line", Value::NONE);
    } else if ty.is_subtype(t_all.import_error) {
        let mut name = Value::NONE;
        let mut path = Value::NONE;
        if let Some(k) = kw {
            for (i, &kn) in k.items().iter().enumerate() {
                match crate::objects::str::as_str(kn) {
                    Some("name") => name = args[args.len() - nkw + i],
                    Some("path") => path = args[args.len() - nkw + i],
                    _ => {
                        return Err(ts.type_error(format!(
                            "'{}' is an invalid keyword argument for {}()",
                            crate::objects::str::as_str(kn).unwrap_or("?"),
                            ty.name_str()
                        )))
                    }
                }
            }
        }
        let msg = if pos.len() == 1 { pos[0] } else { Value::NONE };
        e.set_attr_quiet(ts, "msg", msg);
        e.set_attr_quiet(ts, "name", name);
        e.set_attr_quiet(ts, "path", path);
    } else if ty.is_subtype(t_all.attribute_error) || ty.is_subtype(t_all.name_error) {
        if let Some(k) = kw {
            for (i, &kn) in k.items().iter().enumerate() {
                if let Some(n) = crate::objects::str::as_str(kn) {
                    if n == "name" || n == "obj" {
                        e.set_attr_quiet(ts, n, args[args.len() - nkw + i]);
                    }
                }
            }
        }
    } else if ty.is_subtype(t_all.unicode_decode_error) || ty.is_subtype(t_all.unicode_encode_error)
    {
        for (i, n) in ["encoding", "object", "start", "end", "reason"]
            .iter()
            .enumerate()
        {
            e.set_attr_quiet(ts, n, pos.get(i).copied().unwrap_or(Value::NONE));
        }
    }
    Ok(())
}

/// `str(exc)` per class.
pub fn exc_str_value(ts: &mut ThreadState, v: Value) -> PyResult<String> {
    let e = this(ts, v)?;
    let ty = type_of(v);
    let t = types();
    let args = e.args_tuple();
    if ty.is_subtype(t.key_error) && args.len() == 1 {
        return ops::repr_string(ts, args.items()[0]);
    }
    if ty.is_subtype(t.os_error) {
        let errno = e.get_attr_quiet(ts, "errno").unwrap_or(Value::NONE);
        let strerror = e.get_attr_quiet(ts, "strerror").unwrap_or(Value::NONE);
        let filename = e.get_attr_quiet(ts, "filename").unwrap_or(Value::NONE);
        let filename2 = e.get_attr_quiet(ts, "filename2").unwrap_or(Value::NONE);
        if !errno.is_none() || !strerror.is_none() {
            let es = ops::str_string(ts, errno)?;
            let ss = ops::str_string(ts, strerror)?;
            if !filename.is_none() {
                let fr = ops::repr_string(ts, filename)?;
                if !filename2.is_none() {
                    let f2 = ops::repr_string(ts, filename2)?;
                    return Ok(format!("[Errno {es}] {ss}: {fr} -> {f2}"));
                }
                return Ok(format!("[Errno {es}] {ss}: {fr}"));
            }
            return Ok(format!("[Errno {es}] {ss}"));
        }
    }
    if ty.is_subtype(t.syntax_error) {
        let msg = e.get_attr_quiet(ts, "msg").unwrap_or(Value::NONE);
        let filename = e.get_attr_quiet(ts, "filename").unwrap_or(Value::NONE);
        let lineno = e.get_attr_quiet(ts, "lineno").unwrap_or(Value::NONE);
        let m = ops::str_string(ts, msg)?;
        let fname = crate::objects::str::as_str(filename)
            .map(|f| f.rsplit('/').next().unwrap_or(f).to_string());
        return Ok(match (fname, crate::objects::int::to_i64(lineno)) {
            (Some(f), Some(l)) => format!("{m} ({f}, line {l})"),
            (Some(f), None) => format!("{m} ({f})"),
            (None, Some(l)) => format!("{m} (line {l})"),
            (None, None) => m,
        });
    }
    if ty.is_subtype(t.unicode_decode_error) {
        if let (Some(enc), Some(obj), Some(start), Some(end), Some(reason)) = (
            e.get_attr_quiet(ts, "encoding"),
            e.get_attr_quiet(ts, "object"),
            e.get_attr_quiet(ts, "start"),
            e.get_attr_quiet(ts, "end"),
            e.get_attr_quiet(ts, "reason"),
        ) {
            if let (Some(data), Some(s), Some(en)) = (
                crate::objects::bytes::bytes_data(obj),
                crate::objects::int::to_i64(start),
                crate::objects::int::to_i64(end),
            ) {
                let enc = ops::str_string(ts, enc)?;
                let reason = ops::str_string(ts, reason)?;
                if en == s + 1 {
                    if let Some(b) = data.get(s as usize) {
                        return Ok(format!(
                            "'{enc}' codec can't decode byte 0x{b:02x} in position {s}: {reason}"
                        ));
                    }
                }
                return Ok(format!(
                    "'{enc}' codec can't decode bytes in position {s}-{}: {reason}",
                    en - 1
                ));
            }
        }
    }
    match args.len() {
        0 => Ok(String::new()),
        1 => ops::str_string(ts, args.items()[0]),
        _ => ops::str_string(ts, args.value()),
    }
}

fn exc_str(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let s = exc_str_value(ts, v)?;
    Ok(StrObj::new(ts, &s))
}

fn exc_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let e = this(ts, v)?;
    let name = type_name(v);
    let args = e.args_tuple();
    let s = if args.len() == 1 {
        format!("{name}({})", ops::repr_string(ts, args.items()[0])?)
    } else {
        format!("{name}{}", ops::repr_string(ts, args.value())?)
    };
    Ok(StrObj::new(ts, &s))
}

fn get_args(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(this(ts, v)?.args_tuple().value())
}

fn set_args(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let e = this(ts, v)?;
    let Some(x) = x else {
        return Err(ts.type_error("args may not be deleted"));
    };
    let items = ops::collect(ts, x)?;
    let t = TupleObj::new(ts, &items);
    e.args.set(t.value());
    Ok(())
}

macro_rules! exc_slot_getset {
    ($get:ident, $set:ident, $field:ident) => {
        fn $get(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
            let x = this(ts, v)?.$field.get();
            Ok(if x.is_null() { Value::NONE } else { x })
        }
        fn $set(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
            let e = this(ts, v)?;
            e.$field.set(match x {
                Some(x) if !x.is_none() => x,
                _ => Value::NULL,
            });
            Ok(())
        }
    };
}

exc_slot_getset!(get_traceback, set_traceback_raw, traceback);
exc_slot_getset!(get_context, set_context, context);

fn set_traceback(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    if let Some(x) = x {
        if !x.is_none()
            && x.downcast::<crate::objects::traceback::TracebackObj>()
                .is_none()
        {
            return Err(ts.type_error("__traceback__ must be a traceback or None"));
        }
    }
    set_traceback_raw(ts, v, x)
}

fn get_cause(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let x = this(ts, v)?.cause.get();
    Ok(if x.is_null() { Value::NONE } else { x })
}

fn set_cause(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let e = this(ts, v)?;
    match x {
        Some(c) if !c.is_none() && c.downcast::<ExcObj>().is_none() => {
            Err(ts.type_error("exception cause must be None or derive from BaseException"))
        }
        Some(c) => {
            e.set_cause(if c.is_none() { Value::NULL } else { c });
            Ok(())
        }
        None => {
            e.cause.set(Value::NULL);
            Ok(())
        }
    }
}

fn get_suppress(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(this(ts, v)?.suppress_context()))
}

fn set_suppress(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let e = this(ts, v)?;
    let b = match x {
        Some(x) => ops::truthy(ts, x)?,
        None => false,
    };
    e.suppress_context.store(b, Ordering::Relaxed);
    Ok(())
}

fn get_dict(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let e = this(ts, v)?;
    Ok(e.attrs.to_dict_mode(ts, &e.header)?.value())
}

fn with_traceback(
    ts: &mut ThreadState,
    args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let e = this(ts, args[0])?;
    let tb = args.get(1).copied().unwrap_or(Value::NONE);
    set_traceback(ts, e.value(), Some(tb))?;
    Ok(args[0])
}

fn add_note(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let e = this(ts, args[0])?;
    let Some(&note) = args.get(1) else {
        return Err(ts.type_error("add_note() takes exactly one argument (0 given)"));
    };
    if note.downcast::<StrObj>().is_none() {
        return Err(ts.type_error(format!("note must be a str, not '{}'", type_name(note))));
    }
    let notes = match e.get_attr_quiet(ts, "__notes__") {
        Some(n) => n,
        None => {
            let l = crate::objects::list::ListObj::new(ts, &[]);
            e.set_attr_quiet(ts, "__notes__", l.value());
            l.value()
        }
    };
    match notes.downcast::<crate::objects::list::ListObj>() {
        Some(l) => {
            l.append(ts, note);
            Ok(Value::NONE)
        }
        None => Err(ts.type_error("Cannot add note: __notes__ is not a list")),
    }
}

fn exc_reduce(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let e = this(ts, args[0])?;
    let t = TupleObj::new(ts, &[type_of(args[0]).value(), e.args_tuple().value()]);
    Ok(t.value())
}

fn stop_iteration_value(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(this(ts, v)?.stop_iteration_value())
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let base = t.base_exception;
    let s = &base.slots;
    s.new.set(Some(exc_new));
    s.init.set(Some(exc_init));
    s.str.set(Some(exc_str));
    s.repr.set(Some(exc_repr));
    add_getset(ts, base, "args", get_args, Some(set_args));
    add_getset(
        ts,
        base,
        "__traceback__",
        get_traceback,
        Some(set_traceback),
    );
    add_getset(ts, base, "__context__", get_context, Some(set_context));
    add_getset(ts, base, "__cause__", get_cause, Some(set_cause));
    add_getset(
        ts,
        base,
        "__suppress_context__",
        get_suppress,
        Some(set_suppress),
    );
    add_getset(ts, base, "__dict__", get_dict, None);
    add_methods(
        ts,
        base,
        &[
            method("with_traceback", with_traceback),
            method("add_note", add_note),
            method("__reduce__", exc_reduce),
        ],
    );
    add_getset(ts, t.stop_iteration, "value", stop_iteration_value, None);
    // Every exception class shares the slots (inherited below).
    for ty in t.exceptions.lock().iter() {
        if *ty == base {
            continue;
        }
        let s = &ty.slots;
        s.new.set(Some(exc_new));
        s.init.set(Some(exc_init));
        s.str.set(Some(exc_str));
        s.repr.set(Some(exc_repr));
    }
    let _ = names();
}
