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

use args::Sig;

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
    Ok(ascii_escape(r.as_str()))
}

/// `text` with every non-ASCII character escaped (`\xe9`, `\u20ac`,
/// `\U0001f600`), as `ascii()` escapes a repr.
pub fn ascii_escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
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
    out
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
        return crate::objects::float::check_float_result(ts, v, r);
    }
    if ty.slots.index.get().is_some() {
        let i = ops::index(ts, v)?;
        return int::int_to_f64(ts, i);
    }
    Err(ts.type_error(format!("must be real number, not {}", type_name(v))))
}

// ---- output ---------------------------------------------------------------------

/// `file.write(s)` (what CPython's `PyFile_WriteString` does).
pub fn write_to(ts: &mut ThreadState, file: Value, s: &str) -> PyResult<()> {
    let text = StrObj::new(ts, s);
    ops::call_method(ts, file, names().write, &[text])?;
    Ok(())
}

/// `sys.<name>` for print/input: missing is an error, None is returned.
fn sys_stream(ts: &mut ThreadState, name: Gc<StrObj>, who: &str) -> PyResult<Value> {
    match interp().sys().dict().get_str(name) {
        Some(v) => Ok(v),
        None => Err(ts.runtime_error(format!("{who}lost sys.{}", name.as_str()))),
    }
}

/// `file.write(str(v))`, fetching `write` first as CPython's
/// `PyFile_WriteObject` does.
fn write_object(ts: &mut ThreadState, file: Value, v: Value) -> PyResult<()> {
    let write = ops::getattr(ts, file, names().write)?;
    let s = if v.downcast::<StrObj>().is_some() && type_of(v) == types().str {
        v
    } else {
        ops::str_(ts, v)?.value()
    };
    ops::call1(ts, write, s)?;
    Ok(())
}

fn b_print(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("print(*args, sep=' ', end='\\n', file=None, flush=False)");
    let ([sep, end, file, flush], objects) = SIG.bind_star(ts, args, kw)?;
    for (v, what) in [(sep, "sep"), (end, "end")] {
        if !v.is_null() && !v.is_none() && v.downcast::<StrObj>().is_none() {
            return Err(ts.type_error(format!(
                "{what} must be None or a string, not {}",
                type_name(v)
            )));
        }
    }
    let flush = !flush.is_null() && ops::truthy(ts, flush)?;
    let file = if file.is_null() || file.is_none() {
        sys_stream(ts, names().stdout, "")?
    } else {
        file
    };
    // `sys.stdout = None`: print does nothing.
    if file.is_none() {
        return Ok(Value::NONE);
    }
    let sep = sep.non_null().filter(|s| !s.is_none());
    let end = end.non_null().filter(|s| !s.is_none());
    // A native text stream (sys.stdout, a file from open()) takes the
    // line in one write: the same result as a write per piece (only a
    // `write` written in Python could tell), and the line stays whole when
    // threads print at once.
    if let Some(write) = crate::objects::stream::native_text_writer(file) {
        let mut line = String::new();
        let mut failed = None;
        for (i, &v) in objects.iter().enumerate() {
            if i > 0 {
                line.push_str(sep.and_then(crate::objects::str::as_str).unwrap_or(" "));
            }
            match ops::str_(ts, v) {
                Ok(s) if s.has_surrogates() => {
                    // Text with lone surrogates goes to `write` as the
                    // str itself (its encoding may fail, after what came
                    // before was written).
                    write(ts, file, &std::mem::take(&mut line))?;
                    ops::call_method(ts, file, names().write, &[s.value()])?;
                }
                Ok(s) => line.push_str(s.as_str()),
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            }
        }
        if failed.is_none() {
            line.push_str(end.and_then(crate::objects::str::as_str).unwrap_or("\n"));
        }
        if !line.is_empty() {
            write(ts, file, &line)?;
        }
        if let Some(e) = failed {
            return Err(e);
        }
        if flush {
            ops::call_method(ts, file, names().flush, &[])?;
        }
        return Ok(Value::NONE);
    }
    for (i, &v) in objects.iter().enumerate() {
        if i > 0 {
            match sep {
                Some(s) => write_object(ts, file, s)?,
                None => write_to(ts, file, " ")?,
            }
        }
        write_object(ts, file, v)?;
    }
    match end {
        Some(s) => write_object(ts, file, s)?,
        None => write_to(ts, file, "\n")?,
    }
    if flush {
        ops::call_method(ts, file, names().flush, &[])?;
    }
    Ok(Value::NONE)
}

fn b_input(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("input(prompt='', /)");
    let [prompt] = SIG.bind(ts, args, kw)?;
    let mut streams = [Value::NONE; 3];
    for (i, name) in [names().stdin, names().stdout, names().stderr]
        .into_iter()
        .enumerate()
    {
        let v = sys_stream(ts, name, "input(): ")?;
        if v.is_none() {
            return Err(ts.runtime_error(format!("input(): lost sys.{}", name.as_str())));
        }
        streams[i] = v;
    }
    let [stdin, stdout, stderr] = streams;
    // Errors flushing stderr are ignored, as in CPython.
    let _ = ops::call_method(ts, stderr, names().flush, &[]);
    if !prompt.is_null() {
        write_object(ts, stdout, prompt)?;
    }
    ops::call_method(ts, stdout, names().flush, &[])?;
    let line = ops::call_method(ts, stdin, names().readline, &[])?;
    // CPython's PyFile_GetLine takes bytes too.
    if let Some(b) = line.downcast::<crate::objects::bytes::BytesObj>() {
        let data = b.as_bytes();
        if data.is_empty() {
            return Err(ts.eof_error("EOF when reading a line"));
        }
        return match data.strip_suffix(b"\n") {
            Some(d) => {
                let d = d.to_vec();
                Ok(crate::objects::bytes::BytesObj::new(ts, &d))
            }
            None => Ok(line),
        };
    }
    let Some(s) = line.downcast::<StrObj>() else {
        return Err(ts.type_error("object.readline() returned non-string"));
    };
    if s.byte_len() == 0 {
        return Err(ts.eof_error("EOF when reading a line"));
    }
    match s.as_str().strip_suffix('\n') {
        Some(t) => {
            let t = t.to_string();
            Ok(StrObj::new(ts, &t))
        }
        None => Ok(s.value()),
    }
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
            "member_descriptor",
            "UnionType",
            "method-wrapper",
            "method",
            "code",
            "cell",
            "module",
            "traceback",
            "frame",
            "generator",
            "coroutine",
            "async_generator",
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
