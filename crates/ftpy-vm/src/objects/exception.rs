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
use crate::objects::array::ValueArray;
use crate::objects::instance::AttrStore;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{tflags, type_name, type_of, TypeObj};
use crate::objects::{add_getset, add_methods, finish_type, method, GetterFn, SetterFn};
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
    /// The class family's own fields (CPython's members, kept out of
    /// `__dict__`): a `ValueArray` laid out by [`field_names`], NULL until
    /// one is set. Exception groups: `message`, `exceptions`.
    pub fields: Slot,
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
        m.slot(&self.fields);
        self.attrs.trace(m);
    }
}

/// Offset of the attribute store in an exception.
pub const ATTRS_OFFSET: u32 = std::mem::offset_of!(ExcObj, attrs) as u32;

// The store is the last field, with no padding after it: the member slots
// allocated after the object are the store's trailing slots.
const _: () = assert!(
    ATTRS_OFFSET as usize + crate::objects::instance::ATTR_STORE_SIZE
        == std::mem::size_of::<ExcObj>()
);

impl ExcObj {
    /// A new exception of type `ty` with `args` (no `__init__` runs).
    pub fn new(ts: &mut ThreadState, ty: Gc<TypeObj>, args: &[Value]) -> Gc<ExcObj> {
        let t = TupleObj::new(ts, args);
        // The member slots of `__slots__` names follow the attribute store,
        // the object's last field (as in an `InstanceObj`).
        let nmembers = ty.nmembers();
        let size = std::mem::size_of::<ExcObj>() + 8 * nmembers as usize;
        let e = ts.alloc_var(size, |p: *mut ExcObj| {
            // SAFETY: `size` bytes leave room for the object and its
            // member slots, which start where the store ends.
            unsafe {
                p.write(ExcObj {
                    header: Header::new(ty, Kind::Exception, 0),
                    args: Slot::new(t.value()),
                    traceback: Slot::new(Value::NULL),
                    cause: Slot::new(Value::NULL),
                    context: Slot::new(Value::NULL),
                    notes: Slot::new(Value::NULL),
                    fields: Slot::new(Value::NULL),
                    suppress_context: AtomicBool::new(false),
                    attrs: AttrStore::new_with(0, nmembers),
                });
                let slots = (p as usize + std::mem::size_of::<ExcObj>()) as *mut Slot;
                for i in 0..nmembers as usize {
                    slots.add(i).write(Slot::new(Value::NULL));
                }
            }
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

    /// Field `i` of the class family's fields (NULL if unset).
    pub fn field(&self, i: usize) -> Value {
        match self.fields.get().downcast::<ValueArray>() {
            Some(a) => a.slots().get(i).map(|s| s.get()).unwrap_or(Value::NULL),
            None => Value::NULL,
        }
    }

    /// Sets field `i` (NULL unsets it).
    pub fn set_field(&self, ts: &mut ThreadState, i: usize, v: Value) {
        let n = field_names(self.header.ty()).len();
        if i >= n {
            return;
        }
        let a = match self.fields.get().downcast::<ValueArray>() {
            Some(a) => a,
            None => {
                if v.is_null() {
                    return;
                }
                let a = ValueArray::new(ts, n);
                self.fields.set(a.value());
                a
            }
        };
        a.slots()[i].set(v);
    }

    /// Sets an attribute without running Python code: a field of the
    /// class family (`errno`, `name` ...) or an instance attribute.
    pub fn set_attr_quiet(&self, ts: &mut ThreadState, name: &str, v: Value) {
        if let Some(i) = field_index(self.header.ty(), name) {
            self.set_field(ts, i, v);
            return;
        }
        let n = intern(ts, name);
        let _ = self
            .attrs
            .set(ts, &self.header, self.header.ty(), n, Some(v));
    }

    /// Reads a field (None when unset) or an instance attribute.
    pub fn get_attr_quiet(&self, ts: &mut ThreadState, name: &str) -> Option<Value> {
        if let Some(i) = field_index(self.header.ty(), name) {
            let v = self.field(i);
            return Some(if v.is_null() { Value::NONE } else { v });
        }
        let n = intern(ts, name);
        self.attrs.get(ts, n).ok().flatten()
    }

    /// `StopIteration.value`.
    pub fn stop_iteration_value(&self) -> Value {
        if self.header.ty().is_subtype(types().stop_iteration) {
            let v = self.field(0);
            return if v.is_null() { Value::NONE } else { v };
        }
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
    let _ = EXCEPTIONS.set(made.iter().map(|&(n, ty)| (n, ty)).collect());
}

/// Every builtin exception class by name, published once bootstrap has
/// made them all: lookups by name (some on every exception created) read
/// it without a lock.
static EXCEPTIONS: std::sync::OnceLock<Vec<(&'static str, Gc<TypeObj>)>> =
    std::sync::OnceLock::new();

/// The exception class by name (after bootstrap).
pub fn exception_type(name: &str) -> Option<Gc<TypeObj>> {
    if let Some(all) = EXCEPTIONS.get() {
        return all.iter().find(|(n, _)| *n == name).map(|&(_, ty)| ty);
    }
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

// ---- class families and their fields ------------------------------------------------

const OS_FIELDS: &[&str] = &[
    "errno",
    "strerror",
    "filename",
    "filename2",
    "characters_written",
];
const SYNTAX_FIELDS: &[&str] = &[
    "msg",
    "filename",
    "lineno",
    "offset",
    "text",
    "end_lineno",
    "end_offset",
    "print_file_and_line",
];
const IMPORT_FIELDS: &[&str] = &["msg", "name", "path"];
const UNICODE_FIELDS: &[&str] = &["encoding", "object", "start", "end", "reason"];
const STOP_FIELDS: &[&str] = &["value"];
const EXIT_FIELDS: &[&str] = &["code"];
const NAME_FIELDS: &[&str] = &["name"];
const ATTRIBUTE_FIELDS: &[&str] = &["name", "obj"];
const GROUP_FIELDS: &[&str] = &["message", "exceptions"];

/// The fields of `ty`'s class family, in storage order.
static UNICODE_TRANSLATE: std::sync::OnceLock<Gc<TypeObj>> = std::sync::OnceLock::new();
static BASE_GROUP: std::sync::OnceLock<Gc<TypeObj>> = std::sync::OnceLock::new();

/// A builtin exception class without a `types()` field, looked up once.
fn known(cell: &'static std::sync::OnceLock<Gc<TypeObj>>, name: &str) -> Option<Gc<TypeObj>> {
    if let Some(&ty) = cell.get() {
        return Some(ty);
    }
    let ty = exception_type(name)?;
    Some(*cell.get_or_init(|| ty))
}

/// The field families, indexed by `field_family`.
const FAMILIES: [&[&str]; 10] = [
    &[],
    OS_FIELDS,
    SYNTAX_FIELDS,
    IMPORT_FIELDS,
    UNICODE_FIELDS,
    STOP_FIELDS,
    EXIT_FIELDS,
    NAME_FIELDS,
    ATTRIBUTE_FIELDS,
    GROUP_FIELDS,
];

/// The fields of an exception class, computed once per class and kept in
/// its flags (every exception created asks; a class's family cannot
/// change: `__bases__` assignment keeps the instance layout).
pub fn field_names(ty: Gc<TypeObj>) -> &'static [&'static str] {
    let cached = (ty.flags() & tflags::EXC_FIELDS_MASK) >> tflags::EXC_FIELDS_SHIFT;
    if cached != 0 {
        return FAMILIES[cached as usize - 1];
    }
    let family = field_family(ty);
    // Cached only once the classes named by `known` exist (during
    // bootstrap a class may be asked about before they are made).
    if known(&UNICODE_TRANSLATE, "UnicodeTranslateError").is_some()
        && known(&BASE_GROUP, "BaseExceptionGroup").is_some()
    {
        ty.set_flag(((family + 1) as u32) << tflags::EXC_FIELDS_SHIFT);
    }
    FAMILIES[family]
}

/// The index in `FAMILIES` of `ty`'s fields.
fn field_family(ty: Gc<TypeObj>) -> usize {
    let t = types();
    if ty.is_subtype(t.os_error) {
        1
    } else if ty.is_subtype(t.syntax_error) {
        2
    } else if ty.is_subtype(t.import_error) {
        3
    } else if ty.is_subtype(t.unicode_decode_error)
        || ty.is_subtype(t.unicode_encode_error)
        || known(&UNICODE_TRANSLATE, "UnicodeTranslateError").is_some_and(|u| ty.is_subtype(u))
    {
        4
    } else if ty.is_subtype(t.stop_iteration) {
        5
    } else if ty.is_subtype(t.system_exit) {
        6
    } else if ty.is_subtype(t.name_error) {
        7
    } else if ty.is_subtype(t.attribute_error) {
        8
    } else if known(&BASE_GROUP, "BaseExceptionGroup").is_some_and(|g| ty.is_subtype(g)) {
        9
    } else {
        0
    }
}

fn field_index(ty: Gc<TypeObj>, name: &str) -> Option<usize> {
    field_names(ty).iter().position(|&n| n == name)
}

// ---- construction -------------------------------------------------------------------

fn exc_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    let pos = &args[..args.len() - nkw];
    // OSError(errno, strerror, ...) picks the subclass for errno (ENOENT
    // gives FileNotFoundError ...): exactly OSError, 2 to 5 arguments, an
    // int errno.
    if cls == types().os_error && (2..=5).contains(&pos.len()) {
        if let Some(errno) = pos[0]
            .as_small_int()
            .filter(|_| type_of(pos[0]).is_subtype(types().int))
        {
            if let Some(sub) = os_error_subclass(errno) {
                return Ok(ExcObj::new(ts, sub, pos).value());
            }
        }
    }
    Ok(ExcObj::new(ts, cls, pos).value())
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

/// The fields some built-in exceptions derive from their arguments
/// (`ImportError.name`, `OSError.errno`, `SystemExit.code` ...), for
/// exceptions the runtime raises itself (no `__init__` call).
pub fn init_fields(ts: &mut ThreadState, e: Gc<ExcObj>, args: &[Value]) {
    if !field_names(e.header.ty()).is_empty() {
        let _ = exc_init(ts, e.value(), args, None);
    }
}

/// `PyArg_ParseTuple`'s count message for a fixed-arity init.
fn arity_error(ts: &mut ThreadState, want: &str, n: usize, given: usize) -> PyErr {
    ts.type_error(format!(
        "function takes {want} {n} argument{} ({given} given)",
        if n == 1 { "" } else { "s" }
    ))
}

/// Keyword arguments of the few built-in exceptions that take them
/// (`name=`/`path=` of ImportError, `name=`/`obj=` of AttributeError ...).
fn exc_keywords(
    ts: &mut ThreadState,
    e: Gc<ExcObj>,
    ty: Gc<TypeObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<()> {
    let Some(k) = kw.filter(|k| !k.is_empty()) else {
        return Ok(());
    };
    let t = types();
    let (fname, allowed): (&str, &[&str]) = if ty.is_subtype(t.import_error) {
        ("ImportError", &["name", "path"])
    } else if ty.is_subtype(t.attribute_error) {
        ("AttributeError", &["name", "obj"])
    } else if ty.is_subtype(t.name_error) {
        ("NameError", &["name"])
    } else if ty.is_heap_type() {
        return Ok(());
    } else {
        return Err(ts.type_error(format!("{}() takes no keyword arguments", ty.name_str())));
    };
    let nkw = k.len();
    for (i, &kn) in k.items().iter().enumerate() {
        let key = crate::objects::str::as_str(kn).unwrap_or("");
        if !allowed.contains(&key) {
            return Err(ts.type_error(format!(
                "'{key}' is an invalid keyword argument for {fname}()"
            )));
        }
        let v = args[args.len() - nkw + i];
        e.set_attr_quiet(ts, key, v);
    }
    Ok(())
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
    let t = TupleObj::new(ts, pos);
    e.args.set(t.value());
    let fields = field_names(ty);
    if !fields.is_empty() && fields != GROUP_FIELDS {
        // Every init starts the fields afresh (as CPython's do).
        e.fields.set(Value::NULL);
    }
    exc_keywords(ts, e, ty, args, kw)?;
    if fields == EXIT_FIELDS {
        let code = match pos.len() {
            0 => Value::NONE,
            1 => pos[0],
            _ => t.value(),
        };
        e.set_field(ts, 0, code);
    } else if fields == STOP_FIELDS {
        e.set_field(ts, 0, pos.first().copied().unwrap_or(Value::NONE));
    } else if fields == OS_FIELDS {
        if (2..=5).contains(&pos.len()) {
            e.set_field(ts, 0, pos[0]);
            e.set_field(ts, 1, pos[1]);
            let blocking = exception_type("BlockingIOError").is_some_and(|b| ty.is_subtype(b));
            if pos.len() >= 3 && blocking && type_of(pos[2]).slots.index.get().is_some() {
                let w = ops::index(ts, pos[2])?;
                e.set_field(ts, 4, w);
            } else if pos.len() >= 3 && !pos[2].is_none() {
                e.set_field(ts, 2, pos[2]);
                if pos.len() == 5 && !pos[4].is_none() {
                    e.set_field(ts, 3, pos[4]);
                }
            }
            if pos.len() >= 3 {
                // args keeps only (errno, strerror).
                let t2 = TupleObj::new(ts, &pos[..2]);
                e.args.set(t2.value());
            }
        }
    } else if fields == SYNTAX_FIELDS {
        if let Some(&m) = pos.first() {
            e.set_field(ts, 0, m);
        }
        if pos.len() == 2 {
            let info = ops::collect(ts, pos[1])?;
            if info.len() < 4 {
                return Err(arity_error(ts, "at least", 4, info.len()));
            }
            if info.len() > 6 {
                return Err(arity_error(ts, "at most", 6, info.len()));
            }
            for (i, &x) in info.iter().enumerate() {
                e.set_field(ts, i + 1, x);
            }
            if info.len() == 5 {
                return Err(
                    ts.type_error("end_offset must be provided when end_lineno is provided")
                );
            }
        }
    } else if fields == IMPORT_FIELDS {
        e.set_field(ts, 0, if pos.len() == 1 { pos[0] } else { Value::NULL });
    } else if fields == UNICODE_FIELDS {
        init_unicode_error(ts, e, ty, pos)?;
    }
    Ok(())
}

/// `UnicodeEncodeError(encoding, object, start, end, reason)`,
/// `UnicodeDecodeError(...)` and `UnicodeTranslateError(object, start,
/// end, reason)`: checked and stored by the codecs module.
fn init_unicode_error(
    ts: &mut ThreadState,
    e: Gc<ExcObj>,
    ty: Gc<TypeObj>,
    pos: &[Value],
) -> PyResult<()> {
    crate::codecs::unicode_error_init(ts, e, ty, pos)
}

// ---- str ----------------------------------------------------------------------------

/// `BaseException.__str__`: the args, one of them bare.
fn base_str(ts: &mut ThreadState, e: Gc<ExcObj>) -> PyResult<String> {
    let args = e.args_tuple();
    match args.len() {
        0 => Ok(String::new()),
        1 => ops::str_string(ts, args.items()[0]),
        _ => ops::str_string(ts, args.value()),
    }
}

fn field_or_none(e: Gc<ExcObj>, i: usize) -> Value {
    let v = e.field(i);
    if v.is_null() {
        Value::NONE
    } else {
        v
    }
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
    let fields = field_names(ty);
    if fields == OS_FIELDS {
        let (errno, strerror) = (e.field(0), e.field(1));
        let (filename, filename2) = (e.field(2), e.field(3));
        let or_none = |x: Value| if x.is_null() { Value::NONE } else { x };
        if !filename.is_null() {
            let es = ops::str_string(ts, or_none(errno))?;
            let ss = ops::str_string(ts, or_none(strerror))?;
            let fr = ops::repr_string(ts, filename)?;
            if !filename2.is_null() {
                let f2 = ops::repr_string(ts, filename2)?;
                return Ok(format!("[Errno {es}] {ss}: {fr} -> {f2}"));
            }
            return Ok(format!("[Errno {es}] {ss}: {fr}"));
        }
        if !errno.is_null() && !strerror.is_null() {
            let es = ops::str_string(ts, errno)?;
            let ss = ops::str_string(ts, strerror)?;
            return Ok(format!("[Errno {es}] {ss}"));
        }
        return base_str(ts, e);
    }
    if fields == SYNTAX_FIELDS {
        let msg = field_or_none(e, 0);
        let filename = e.field(1);
        let lineno = e.field(2);
        let fname = crate::objects::str::as_str(filename)
            .map(|f| f.rsplit('/').next().unwrap_or(f).to_string());
        let line = if !lineno.is_null() && type_of(lineno) == t.int {
            Some(crate::objects::int::to_i64(lineno).unwrap_or(-1))
        } else {
            None
        };
        let m = ops::str_string(ts, msg)?;
        return Ok(match (fname, line) {
            (Some(f), Some(l)) => format!("{m} ({f}, line {l})"),
            (Some(f), None) => format!("{m} ({f})"),
            (None, Some(l)) => format!("{m} (line {l})"),
            (None, None) => m,
        });
    }
    if fields == IMPORT_FIELDS {
        let msg = e.field(0);
        if !msg.is_null() && type_of(msg) == t.str {
            return ops::str_string(ts, msg);
        }
        return base_str(ts, e);
    }
    if fields == UNICODE_FIELDS {
        return unicode_error_str(ts, e, ty);
    }
    base_str(ts, e)
}

fn unicode_error_str(ts: &mut ThreadState, e: Gc<ExcObj>, _ty: Gc<TypeObj>) -> PyResult<String> {
    match crate::codecs::unicode_error_str(ts, e.value())? {
        Some(m) => Ok(m),
        // Not initialized with its fields (made by native code with just a
        // message): the message.
        None => base_str(ts, e),
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

// ---- attributes ---------------------------------------------------------------------

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

fn get_context(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let x = this(ts, v)?.context.get();
    Ok(if x.is_null() { Value::NONE } else { x })
}

fn set_context(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let e = this(ts, v)?;
    match x {
        None => Err(ts.type_error("__context__ may not be deleted")),
        Some(c) if c.is_none() => {
            e.context.set(Value::NULL);
            Ok(())
        }
        Some(c) if c.downcast::<ExcObj>().is_some() => {
            e.context.set(c);
            Ok(())
        }
        Some(_) => {
            Err(ts.type_error("exception context must be None or derive from BaseException"))
        }
    }
}

fn set_traceback(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    match x {
        None => Err(ts.type_error("__traceback__ may not be deleted")),
        Some(x)
            if !x.is_none()
                && x.downcast::<crate::objects::traceback::TracebackObj>()
                    .is_none() =>
        {
            Err(ts.type_error("__traceback__ must be a traceback or None"))
        }
        x => set_traceback_raw(ts, v, x),
    }
}

fn get_cause(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let x = this(ts, v)?.cause.get();
    Ok(if x.is_null() { Value::NONE } else { x })
}

fn set_cause(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let e = this(ts, v)?;
    match x {
        None => Err(ts.type_error("__cause__ may not be deleted")),
        Some(c) if !c.is_none() && c.downcast::<ExcObj>().is_none() => {
            Err(ts.type_error("exception cause must be None or derive from BaseException"))
        }
        Some(c) => {
            e.set_cause(if c.is_none() { Value::NULL } else { c });
            Ok(())
        }
    }
}

fn get_suppress(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::from_bool(this(ts, v)?.suppress_context()))
}

fn set_suppress(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let e = this(ts, v)?;
    let b = match x.map(|x| x.as_bool()) {
        Some(Some(b)) => b,
        Some(None) => return Err(ts.type_error("attribute value type must be bool")),
        None => return Err(ts.type_error("can't delete numeric/char attribute")),
    };
    e.suppress_context.store(b, Ordering::Relaxed);
    Ok(())
}

fn get_dict(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let e = this(ts, v)?;
    Ok(e.attrs.to_dict_mode(ts, &e.header)?.value())
}

/// The class-family fields as data descriptors (`OSError.errno` ...):
/// reading an unset one gives None (`characters_written`: an
/// AttributeError); `start`/`end` of the Unicode errors hold ints.
macro_rules! field_getsets {
    ($($get:ident, $set:ident, $idx:expr;)*) => {
        $(
            fn $get(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
                Ok(field_or_none(this(ts, v)?, $idx))
            }
            fn $set(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
                let e = this(ts, v)?;
                e.set_field(ts, $idx, x.unwrap_or(Value::NULL));
                Ok(())
            }
        )*
    };
}

field_getsets! {
    get_f0, set_f0, 0;
    get_f1, set_f1, 1;
    get_f2, set_f2, 2;
    get_f3, set_f3, 3;
    get_f4, set_f4, 4;
    get_f5, set_f5, 5;
    get_f6, set_f6, 6;
    get_f7, set_f7, 7;
}

const FIELD_GETSETS: [(GetterFn, SetterFn); 8] = [
    (get_f0, set_f0),
    (get_f1, set_f1),
    (get_f2, set_f2),
    (get_f3, set_f3),
    (get_f4, set_f4),
    (get_f5, set_f5),
    (get_f6, set_f6),
    (get_f7, set_f7),
];

fn get_written(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let w = this(ts, v)?.field(4);
    if w.is_null() {
        return Err(ts.attribute_error_msg("characters_written"));
    }
    Ok(w)
}

fn set_written(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let e = this(ts, v)?;
    match x {
        Some(x) => {
            let i = ops::index(ts, x)?;
            e.set_field(ts, 4, i);
        }
        None => {
            if e.field(4).is_null() {
                return Err(ts.attribute_error_msg("characters_written"));
            }
            e.set_field(ts, 4, Value::NULL);
        }
    }
    Ok(())
}

/// `start`/`end` of the Unicode errors: integers that cannot be deleted.
fn set_unicode_pos(ts: &mut ThreadState, v: Value, x: Option<Value>, idx: usize) -> PyResult<()> {
    let e = this(ts, v)?;
    let Some(x) = x else {
        return Err(ts.type_error("can't delete numeric/char attribute"));
    };
    if type_of(x).slots.index.get().is_none() {
        return Err(ts.type_error("an integer is required"));
    }
    let i = ops::index(ts, x)?;
    e.set_field(ts, idx, i);
    Ok(())
}

fn set_unicode_start(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    set_unicode_pos(ts, v, x, 2)
}

fn set_unicode_end(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    set_unicode_pos(ts, v, x, 3)
}

fn with_traceback(
    ts: &mut ThreadState,
    args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let e = this(ts, args[0])?;
    if args.len() != 2 {
        return Err(ts.type_error(format!(
            "BaseException.with_traceback() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    set_traceback(ts, e.value(), Some(args[1]))?;
    Ok(args[0])
}

fn add_note(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let e = this(ts, args[0])?;
    if args.len() != 2 {
        return Err(ts.type_error(format!(
            "BaseException.add_note() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    let note = args[1];
    if note.downcast::<StrObj>().is_none() {
        return Err(ts.type_error(format!("note must be a str, not '{}'", type_name(note))));
    }
    let notes = match ops::getattr_opt(ts, e.value(), names().__notes__)? {
        Some(n) => n,
        None => {
            let l = crate::objects::list::ListObj::new(ts, &[]);
            ops::setattr(ts, e.value(), names().__notes__, Some(l.value()))?;
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

/// `__reduce__`: `(type, args)` plus the instance dict when it has one;
/// OSError puts its file names back into the arguments.
fn exc_reduce(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let e = this(ts, args[0])?;
    let ty = type_of(args[0]);
    let mut a = e.args_tuple().value();
    if field_names(ty) == OS_FIELDS && e.args_tuple().len() == 2 && !e.field(2).is_null() {
        let t = e.args_tuple();
        let items: Vec<Value> = if e.field(3).is_null() {
            vec![t.items()[0], t.items()[1], e.field(2)]
        } else {
            vec![
                t.items()[0],
                t.items()[1],
                e.field(2),
                Value::NONE,
                e.field(3),
            ]
        };
        a = TupleObj::new(ts, &items).value();
    }
    let has_dict = match e.attrs.dict() {
        Some(d) => !d.is_empty(),
        None => !e.attrs.shape().is_empty(),
    };
    let t = if has_dict {
        let d = e.attrs.to_dict_mode(ts, &e.header)?;
        TupleObj::new(ts, &[ty.value(), a, d.value()])
    } else {
        TupleObj::new(ts, &[ty.value(), a])
    };
    Ok(t.value())
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
    // The class families' fields, on the family's root class.
    let mut roots: Vec<(Gc<TypeObj>, &'static [&'static str])> = vec![
        (t.os_error, &OS_FIELDS[..4]),
        (t.syntax_error, SYNTAX_FIELDS),
        (t.import_error, IMPORT_FIELDS),
        (t.stop_iteration, STOP_FIELDS),
        (t.system_exit, EXIT_FIELDS),
        (t.name_error, NAME_FIELDS),
        (t.attribute_error, ATTRIBUTE_FIELDS),
        (t.unicode_encode_error, UNICODE_FIELDS),
        (t.unicode_decode_error, UNICODE_FIELDS),
    ];
    if let Some(u) = exception_type("UnicodeTranslateError") {
        roots.push((u, UNICODE_FIELDS));
    }
    for (ty, fields) in roots {
        for (i, &name) in fields.iter().enumerate() {
            let (g, st) = FIELD_GETSETS[i];
            let st: SetterFn = if fields == UNICODE_FIELDS && i == 2 {
                set_unicode_start
            } else if fields == UNICODE_FIELDS && i == 3 {
                set_unicode_end
            } else {
                st
            };
            add_getset(ts, ty, name, g, Some(st));
        }
    }
    add_getset(
        ts,
        t.os_error,
        "characters_written",
        get_written,
        Some(set_written),
    );
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
}
