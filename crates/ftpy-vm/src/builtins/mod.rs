//! The `builtins` module: `print`, `len`, `isinstance`, `sorted` ... and
//! the built-in types and exceptions by name.

pub mod args;
mod attrs;
mod classes;
mod code;
mod iteration;
mod numeric;
pub mod site;

pub use classes::{isinstance, issubclass, real_isinstance, real_issubclass};
pub use code::cf as compile_flags;
pub use code::{set_ast_hooks, AstHooks};
pub use numeric::numeric_divmod;

use std::sync::OnceLock;

use crate::error::PyResult;
use crate::gc::RootedVec;
use crate::interp::{intern, interp, names, types};
use crate::object::Gc;
use crate::objects::int;
use crate::objects::list::ListObj;
use crate::objects::module::ModuleObj;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, type_of};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

use args::{check_count, no_kwargs};

pub(crate) type Kw = Option<Gc<TupleObj>>;

static IMPORT_FN: OnceLock<u64> = OnceLock::new();

/// The original `builtins.__import__` (to tell whether it was replaced).
pub fn builtin_import_value() -> Value {
    match IMPORT_FN.get() {
        // SAFETY: the bits of a function object kept alive by the builtins
        // module (a root) for the process.
        Some(&b) => unsafe { Value::from_bits(b) },
        None => Value::NULL,
    }
}

/// The name CPython uses for a callable in call errors (`f()`).
pub fn callable_name(ts: &mut ThreadState, f: Value) -> String {
    // CPython's _PyObject_FunctionStr: "module.qualname()", without the
    // module for builtins, or str(f) when there is no __qualname__.
    let out = (|| -> Option<String> {
        let Ok(Some(q)) = ops::getattr_opt(ts, f, names().__qualname__) else {
            return ops::str_string(ts, f).ok();
        };
        let q = ops::str_string(ts, q).ok()?;
        match ops::getattr_opt(ts, f, names().__module__) {
            Ok(Some(m)) if !m.is_none() => {
                let m = ops::str_string(ts, m).ok()?;
                if m == "builtins" {
                    Some(format!("{q}()"))
                } else {
                    Some(format!("{m}.{q}()"))
                }
            }
            _ => Some(format!("{q}()")),
        }
    })();
    out.unwrap_or_else(|| format!("{} object", type_name(f)))
}

/// `ascii(v)`.
pub fn ascii_of(ts: &mut ThreadState, v: Value) -> PyResult<String> {
    let r = ops::repr(ts, v)?;
    let mut out = String::new();
    for c in r.as_str().chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n <= 0xff {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n <= 0xffff {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    Ok(out)
}

/// A float from a number (`%f` formatting, math functions).
pub fn to_f64(ts: &mut ThreadState, v: Value) -> PyResult<f64> {
    if let Some(f) = crate::objects::float::as_f64(v) {
        return Ok(f);
    }
    if int::is_int(v) {
        return int::int_to_f64(ts, v);
    }
    let ty = type_of(v);
    if let Some(f) = ty.slots.float.get() {
        let r = f(ts, v)?;
        return crate::objects::float::as_f64(r).ok_or_else(|| {
            ts.type_error(format!("{}.__float__ returned non-float", type_name(v)))
        });
    }
    if ty.slots.index.get().is_some() {
        let i = ops::index(ts, v)?;
        return int::int_to_f64(ts, i);
    }
    Err(ts.type_error(format!("must be real number, not {}", type_name(v))))
}

// ---- output ---------------------------------------------------------------------

/// Writes `s` to a file object (fast path for the standard streams).
pub fn write_to(ts: &mut ThreadState, file: Value, s: &str) -> PyResult<()> {
    if let Some(st) = file.downcast::<crate::objects::stream::StreamObj>() {
        if !st.readable && !st.closed.load(std::sync::atomic::Ordering::Relaxed) {
            crate::objects::stream::write_fd(ts, st.fd, s.as_bytes());
            return Ok(());
        }
    }
    let text = StrObj::new(ts, s);
    ops::call_method(ts, file, names().write, &[text])?;
    Ok(())
}

fn sys_stream(ts: &mut ThreadState, name: Gc<StrObj>) -> PyResult<Value> {
    match interp().sys().dict().get_str(name) {
        Some(v) if !v.is_none() => Ok(v),
        _ => Err(ts.runtime_error(format!("lost sys.{}", name.as_str()))),
    }
}

fn b_print(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    let pos = &args[..args.len() - nkw];
    let mut sep: Option<Value> = None;
    let mut end: Option<Value> = None;
    let mut file = Value::NONE;
    let mut flush = false;
    if let Some(k) = kw {
        for (i, &name) in k.items().iter().enumerate() {
            let v = args[pos.len() + i];
            match crate::objects::str::as_str(name) {
                Some("sep") => sep = Some(v),
                Some("end") => end = Some(v),
                Some("file") => file = v,
                Some("flush") => flush = ops::truthy(ts, v)?,
                Some(other) => {
                    return Err(ts.type_error(format!(
                        "'{other}' is an invalid keyword argument for print()"
                    )))
                }
                None => return Err(ts.type_error("keywords must be strings")),
            }
        }
    }
    let text_of =
        |ts: &mut ThreadState, v: Option<Value>, default: &str, what: &str| -> PyResult<String> {
            match v {
                None => Ok(default.to_string()),
                Some(x) if x.is_none() => Ok(default.to_string()),
                Some(x) => match x.downcast::<StrObj>() {
                    Some(s) => Ok(s.as_str().to_string()),
                    None => Err(ts.type_error(format!(
                        "{what} must be None or a string, not {}",
                        type_name(x)
                    ))),
                },
            }
        };
    let sep = text_of(ts, sep, " ", "sep")?;
    let end = text_of(ts, end, "\n", "end")?;
    let file = if file.is_none() {
        sys_stream(ts, names().stdout)?
    } else {
        file
    };
    let mut out = String::new();
    for (i, &v) in pos.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        let s = ops::str_(ts, v)?;
        if s.has_surrogates() {
            // Written on its own, as CPython writes each piece: encoding
            // it may fail after what came before was written.
            write_to(ts, file, &std::mem::take(&mut out))?;
            ops::call_method(ts, file, names().write, &[s.value()])?;
            continue;
        }
        out.push_str(s.as_str());
    }
    out.push_str(&end);
    write_to(ts, file, &out)?;
    if flush {
        ops::call_method(ts, file, names().flush, &[])?;
    }
    Ok(Value::NONE)
}

fn b_input(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(ts, "input", kw)?;
    check_count(ts, "input", args, 0, 1)?;
    if let Some(&p) = args.first() {
        let out = sys_stream(ts, names().stdout)?;
        let s = ops::str_(ts, p)?;
        write_to(ts, out, s.as_str())?;
        ops::call_method(ts, out, names().flush, &[])?;
    }
    let stdin = sys_stream(ts, names().stdin)?;
    let line = ops::call_method(ts, stdin, names().readline, &[])?;
    let Some(s) = line.downcast::<StrObj>() else {
        return Err(ts.type_error("object.readline() returned non-string"));
    };
    if s.byte_len() == 0 {
        return Err(ts.eof_error("EOF when reading a line"));
    }
    let t = s
        .as_str()
        .strip_suffix('\n')
        .unwrap_or(s.as_str())
        .to_string();
    Ok(StrObj::new(ts, &t))
}

/// The frame of the Python code that called the running builtin.
pub(crate) fn caller_frame(
    ts: &mut ThreadState,
) -> Option<&'static crate::interpreter::frame::Frame> {
    let f = ts.top_frame();
    if f.is_null() {
        None
    } else {
        // SAFETY: the thread's top frame is live while this builtin runs.
        Some(unsafe { &*f })
    }
}

/// A list of strs.
pub fn str_list(ts: &mut ThreadState, items: &[String]) -> Value {
    let mut v = RootedVec::new(ts);
    for s in items {
        v.push(StrObj::new(ts, s));
    }
    ListObj::new(ts, &v).value()
}

fn b_open(ts: &mut ThreadState, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    Err(ts.not_implemented_error(
        "open() is not available in ftpy yet (the io module is the next step)",
    ))
}

/// Builds the builtins module.
pub fn make_module(ts: &mut ThreadState) -> Gc<ModuleObj> {
    let m = ModuleObj::new(ts, "builtins");
    let d = m.dict();
    let funcs: &[(&str, crate::objects::NativeFn)] = &[
        ("print", b_print),
        ("input", b_input),
        ("len", numeric::b_len),
        ("repr", numeric::b_repr),
        ("ascii", numeric::b_ascii),
        ("abs", numeric::b_abs),
        ("all", iteration::b_all),
        ("any", iteration::b_any),
        ("bin", numeric::b_bin),
        ("oct", numeric::b_oct),
        ("hex", numeric::b_hex),
        ("callable", numeric::b_callable),
        ("chr", numeric::b_chr),
        ("ord", numeric::b_ord),
        ("divmod", numeric::b_divmod),
        ("format", numeric::b_format),
        ("getattr", attrs::b_getattr),
        ("setattr", attrs::b_setattr),
        ("delattr", attrs::b_delattr),
        ("hasattr", attrs::b_hasattr),
        ("hash", numeric::b_hash),
        ("id", numeric::b_id),
        ("isinstance", classes::b_isinstance),
        ("issubclass", classes::b_issubclass),
        ("iter", iteration::b_iter),
        ("next", iteration::b_next),
        ("max", iteration::b_max),
        ("min", iteration::b_min),
        ("sum", iteration::b_sum),
        ("sorted", iteration::b_sorted),
        ("pow", numeric::b_pow),
        ("round", numeric::b_round),
        ("globals", attrs::b_globals),
        ("locals", attrs::b_locals),
        ("vars", attrs::b_vars),
        ("dir", attrs::b_dir),
        ("compile", code::b_compile),
        ("exec", code::b_exec),
        ("eval", code::b_eval),
        ("__import__", code::b_import),
        ("__build_class__", classes::b_build_class),
        ("open", b_open),
        ("breakpoint", code::b_breakpoint),
        ("aiter", crate::objects::anext_awaitable::builtin_aiter),
        ("anext", crate::objects::anext_awaitable::builtin_anext),
    ];
    for &(name, f) in funcs {
        m.add_function(ts, name, f);
    }
    if let Some(imp) = d.get_str_text("__import__") {
        let _ = IMPORT_FN.set(imp.bits());
    }
    let t = types();
    for (ty, name) in t.all() {
        if ty.has_flag(crate::objects::typeobj::tflags::INTERNAL)
            || name.contains("iterator")
            || name.starts_with("dict_")
        {
            continue;
        }
        let skip = [
            "NoneType",
            "NotImplementedType",
            "ellipsis",
            "function",
            "builtin_function_or_method",
            "method_descriptor",
            "classmethod_descriptor",
            "wrapper_descriptor",
            "getset_descriptor",
            "method",
            "code",
            "cell",
            "module",
            "traceback",
            "frame",
            "generator",
            "coroutine",
            "async_generator",
            "TextIOWrapper",
            "async_generator_asend",
            "async_generator_athrow",
            "coroutine_wrapper",
            "anext_awaitable",
            "mappingproxy",
        ];
        if skip.contains(&name) {
            continue;
        }
        d.set_item_str(ts, name, ty.value());
    }
    for ty in t.exceptions.lock().clone() {
        let n = ty.name_str();
        d.set_item_str(ts, n, ty.value());
    }
    let os = t.os_error.value();
    d.set_item_str(ts, "EnvironmentError", os);
    d.set_item_str(ts, "IOError", os);
    d.set_item_str(ts, "None", Value::NONE);
    d.set_item_str(ts, "True", Value::TRUE);
    d.set_item_str(ts, "False", Value::FALSE);
    d.set_item_str(ts, "Ellipsis", Value::ELLIPSIS);
    d.set_item_str(ts, "NotImplemented", Value::NOT_IMPLEMENTED);
    d.set_item_str(ts, "__debug__", Value::TRUE);
    let _ = intern(ts, "__builtins__");
    m
}
