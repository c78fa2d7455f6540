//! Errors are data: `PyResult<T>` carries a Python exception object.
//!
//! A `PyErr` is always a normalized exception instance (never a "type plus
//! arguments" pair), created on the raising thread. The constructors on
//! `ThreadState` (`ts.type_error(...)`) are the usual way to make one.
//! Failure paths are `#[cold]`.

use crate::interp::types;
use crate::object::Gc;
use crate::objects::exception::ExcObj;
use crate::objects::str::StrObj;
use crate::objects::typeobj::{type_name, TypeObj};
use crate::thread::ThreadState;
use crate::value::Value;

/// A raised Python exception (a `BaseException` instance).
#[derive(Copy, Clone, PartialEq, Eq)]
pub struct PyErr(Value);

pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    /// Wraps an exception instance.
    ///
    /// The value must be a `BaseException` instance.
    #[inline]
    pub fn from_exception(v: Value) -> PyErr {
        debug_assert!(v.downcast::<ExcObj>().is_some());
        PyErr(v)
    }

    #[inline]
    pub fn value(self) -> Value {
        self.0
    }

    pub fn exc(self) -> Gc<ExcObj> {
        // SAFETY: a PyErr always holds an exception instance.
        unsafe { self.0.downcast_unchecked() }
    }

    pub fn type_(self) -> Gc<TypeObj> {
        crate::objects::typeobj::type_of(self.0)
    }

    /// Whether the exception is an instance of `ty`.
    pub fn matches(self, ty: Gc<TypeObj>) -> bool {
        ty.instance_check(self.0)
    }
}

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "PyErr({}: {})",
            type_name(self.0),
            self.exc().message_for_debug()
        )
    }
}

macro_rules! error_ctors {
    ($($fn:ident => $field:ident,)*) => {
        impl ThreadState {
            $(
                #[cold]
                #[inline(never)]
                pub fn $fn(&mut self, msg: impl AsRef<str>) -> PyErr {
                    let ty = types().$field;
                    self.new_error(ty, msg.as_ref())
                }
            )*
        }
    };
}

error_ctors! {
    type_error => type_error,
    value_error => value_error,
    index_error => index_error,
    attribute_error_msg => attribute_error,
    name_error_msg => name_error,
    zero_division_error => zero_division_error,
    overflow_error => overflow_error,
    runtime_error => runtime_error,
    recursion_error => recursion_error,
    not_implemented_error => not_implemented_error,
    assertion_error => assertion_error,
    unbound_local_error => unbound_local_error,
    system_error => system_error,
    import_error => import_error,
    module_not_found_error => module_not_found_error,
    lookup_error => lookup_error,
    os_error => os_error,
    eof_error => eof_error,
    unicode_error => unicode_decode_error,
    syntax_error_msg => syntax_error,
    stop_async_iteration => stop_async_iteration,
    keyboard_interrupt => keyboard_interrupt,
    buffer_error => buffer_error,
}

impl ThreadState {
    /// An exception of type `ty` with one str argument.
    #[cold]
    #[inline(never)]
    pub fn new_error(&mut self, ty: Gc<TypeObj>, msg: &str) -> PyErr {
        let s = StrObj::new(self, msg);
        self.new_error_with(ty, &[s])
    }

    /// An exception of type `ty` with the given args (built-in
    /// exception types only: no `__init__` runs).
    #[cold]
    pub fn new_error_with(&mut self, ty: Gc<TypeObj>, args: &[Value]) -> PyErr {
        let e = ExcObj::new(self, ty, args);
        crate::objects::exception::init_fields(self, e, args);
        // Raised while another exception is handled: implicit chaining,
        // as for `raise` (the new exception cannot be in that chain).
        let handled = self.exc_info();
        if !handled.is_null() && !handled.is_none() {
            e.context.set(handled);
        }
        PyErr(e.value())
    }

    /// `MemoryError` (CPython's PyErr_NoMemory raises it without args when
    /// `msg` is empty).
    #[cold]
    #[inline(never)]
    pub fn memory_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let ty = types().memory_error;
        match msg.as_ref() {
            "" => self.new_error_with(ty, &[]),
            m => self.new_error(ty, m),
        }
    }

    /// `KeyError(key)`.
    #[cold]
    #[inline(never)]
    pub fn key_error(&mut self, key: Value) -> PyErr {
        self.new_error_with(types().key_error, &[key])
    }

    /// `StopIteration(value)` (or with no args for None).
    #[cold]
    pub fn stop_iteration(&mut self, value: Value) -> PyErr {
        if value.is_none() || value.is_null() {
            self.new_error_with(types().stop_iteration, &[])
        } else {
            self.new_error_with(types().stop_iteration, &[value])
        }
    }

    /// `AttributeError: 'T' object has no attribute 'name'`, with the
    /// `name` and `obj` attributes set as CPython 3.11 does.
    #[cold]
    #[inline(never)]
    pub fn attribute_error(&mut self, obj: Value, name: Gc<StrObj>) -> PyErr {
        let msg = if let Some(t) = obj.downcast::<TypeObj>() {
            format!(
                "type object '{}' has no attribute '{}'",
                t.name_str(),
                name.as_str()
            )
        } else if let Some(m) = obj.downcast::<crate::objects::module::ModuleObj>() {
            format!(
                "module '{}' has no attribute '{}'",
                m.name_string(),
                name.as_str()
            )
        } else {
            format!(
                "'{}' object has no attribute '{}'",
                type_name(obj),
                name.as_str()
            )
        };
        let e = self.attribute_error_msg(msg);
        e.exc().set_attr_quiet(self, "name", name.value());
        e.exc().set_attr_quiet(self, "obj", obj);
        e
    }

    /// `NameError: name 'x' is not defined`.
    #[cold]
    #[inline(never)]
    pub fn name_error(&mut self, name: Gc<StrObj>) -> PyErr {
        let e = self.name_error_msg(format!("name '{}' is not defined", name.as_str()));
        e.exc().set_attr_quiet(self, "name", name.value());
        e
    }

    /// `TypeError: unsupported operand type(s) for OP: 'A' and 'B'`.
    #[cold]
    #[inline(never)]
    pub fn unsupported_operands(&mut self, op: &str, a: Value, b: Value) -> PyErr {
        self.type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            op,
            type_name(a),
            type_name(b)
        ))
    }

    /// RecursionError: maximum recursion depth exceeded (+ suffix).
    #[cold]
    #[inline(never)]
    pub fn recursion_exceeded(&mut self, suffix: &str) -> PyErr {
        self.recursion_error(format!("maximum recursion depth exceeded{suffix}"))
    }
}
