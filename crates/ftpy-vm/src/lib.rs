//! ftpy's runtime: values, the heap and its collector, the object model,
//! the interpreter loop, threads, import and exceptions.
//!
//! Start with `DESIGN.md` (the commitments), then `gc` (the invariants
//! everything relies on), `value` (the encoding), `object` (the header),
//! `interpreter` (the loop and its rules).

#![allow(clippy::missing_safety_doc)]
// Constructors of heap objects return the new object as a `Value` or
// `Gc`, by design; native slot signatures are fixed by the type protocol.
#![allow(
    clippy::new_ret_no_self,
    clippy::too_many_arguments,
    clippy::needless_range_loop,
    clippy::type_complexity,
    clippy::result_unit_err,
    clippy::inherent_to_string,
    clippy::nonminimal_bool
)]

pub mod buffer;
pub mod builtins;
pub mod codecs;
pub mod error;
pub mod format;
pub mod gc;
pub mod hash;
pub mod import;
pub mod interp;
pub mod interpreter;
pub mod object;
pub mod objects;
pub mod ops;
pub mod sort;
pub mod sys;
pub mod thread;
pub mod unicode;
pub mod value;

pub use error::{PyErr, PyResult};
pub use interp::{Config, Interp};
pub use object::Gc;
pub use thread::ThreadState;
pub use value::Value;

use interp::{interp, types};
use objects::code::CodeObj;
use objects::dict::DictObj;
use objects::module::ModuleObj;
use objects::str::StrObj;
use objects::tuple::TupleObj;

/// Compiles source text into a code object; a compile error becomes a
/// `SyntaxError` (or `IndentationError`, `TabError`, `RecursionError`).
pub fn compile_source(
    ts: &mut ThreadState,
    text: &str,
    filename: &str,
    mode: ftpy_compiler::Mode,
) -> PyResult<Gc<CodeObj>> {
    let optimize = interp::try_interp().map(|i| i.config.optimize).unwrap_or(0);
    compile_source_with(ts, text, filename, mode, optimize, 0)
}

/// [`compile_source`] at an explicit optimization level, with
/// `from __future__` features in effect (`code::flags::FUTURE_*`).
pub fn compile_source_with(
    ts: &mut ThreadState,
    text: &str,
    filename: &str,
    mode: ftpy_compiler::Mode,
    optimize: u8,
    future_flags: u32,
) -> PyResult<Gc<CodeObj>> {
    let mut warnings = Vec::new();
    let result = ftpy_compiler::compile_with_warnings(
        text,
        filename,
        mode,
        optimize,
        future_flags,
        &mut warnings,
    );
    issue_syntax_warnings(ts, &warnings)?;
    match result {
        Ok(code) => code_object(ts, &code),
        Err(e) => Err(syntax_error(ts, &e)),
    }
}

/// Issues the compiler's `SyntaxWarning`s (CPython's `compiler_warn`):
/// through `warnings.warn_explicit` at the warning's file and line; one
/// the filters turn into an exception is raised as a `SyntaxError` with
/// the same message and location instead.
fn issue_syntax_warnings(
    ts: &mut ThreadState,
    warnings: &[ftpy_compiler::CompileError],
) -> PyResult<()> {
    if warnings.is_empty() {
        return Ok(());
    }
    let module = match interp().modules.get_str_text("warnings") {
        Some(m) if !m.is_none() => Some(m),
        _ => import::import_simple(ts, "warnings").ok(),
    };
    let warn = match module {
        Some(m) => ops::getattr_str_opt(ts, m, "warn_explicit")?,
        None => None,
    };
    let Some(category) = objects::exception::exception_type("SyntaxWarning") else {
        return Ok(());
    };
    for w in warnings {
        let Some(warn) = warn else {
            // No `warnings` module yet (bootstrap): CPython's default
            // filters show a SyntaxWarning.
            let text = format!("{}:{}: SyntaxWarning: {}\n", w.filename, w.lineno, w.msg);
            objects::stream::write_raw(2, text.as_bytes());
            continue;
        };
        let msg = StrObj::new(ts, &w.msg);
        let fname = StrObj::new(ts, &w.filename);
        let line = Value::small_int_unchecked(w.lineno as i64);
        if let Err(e) = ops::call(ts, warn, &[msg, category.value(), fname, line], None) {
            if e.matches(category) {
                return Err(syntax_error(ts, w));
            }
            return Err(e);
        }
    }
    Ok(())
}

/// Loads compiler output as a heap code object, after the bytecode
/// verifier accepted it (compiler output is verified in debug builds
/// already; code read back from the compiled-code cache is checked here).
pub fn code_object(
    ts: &mut ThreadState,
    code: &ftpy_compiler::CodeObject,
) -> PyResult<Gc<CodeObj>> {
    if let Err(msg) = ftpy_compiler::verify::verify(code) {
        return Err(ts.system_error(format!("ftpy compiler produced invalid bytecode: {msg}")));
    }
    CodeObj::from_compiled(ts, code)
}

/// A compile error as a Python exception.
pub fn syntax_error(ts: &mut ThreadState, e: &ftpy_compiler::CompileError) -> PyErr {
    let t = types();
    let ty = match e.kind {
        ftpy_compiler::ErrorKind::SyntaxError => t.syntax_error,
        ftpy_compiler::ErrorKind::IndentationError => t.indentation_error,
        ftpy_compiler::ErrorKind::TabError => t.tab_error,
        ftpy_compiler::ErrorKind::RecursionError => return ts.recursion_error(e.msg.clone()),
    };
    let msg = StrObj::new(ts, &e.msg);
    let fname = StrObj::new(ts, &e.filename);
    let text = if e.text_from_file {
        // As CPython: the line as the file on disk has it, if it can be read.
        match objects::traceback::source_line(&e.filename, e.lineno) {
            Some(t) => StrObj::new(ts, &format!("{t}\n")),
            None => Value::NONE,
        }
    } else {
        match &e.text {
            Some(t) => StrObj::new(ts, &format!("{t}\n")),
            None => Value::NONE,
        }
    };
    let details = TupleObj::new(
        ts,
        &[
            fname,
            Value::small_int_unchecked(e.lineno as i64),
            Value::small_int_unchecked(e.offset as i64),
            text,
            Value::small_int_unchecked(e.end_lineno as i64),
            Value::small_int_unchecked(e.end_offset as i64),
        ],
    );
    match ops::call(ts, ty.value(), &[msg, details.value()], None) {
        Ok(v) => PyErr::from_exception(v),
        Err(err) => err,
    }
}

/// Creates the `__main__` module, as CPython's start-up does: for a
/// script (`file`), `__file__` and `__cached__` and a `SourceFileLoader`;
/// for `-c`, `-m` and stdin, `BuiltinImporter` as `__loader__`.
pub fn main_module(ts: &mut ThreadState, file: Option<&str>) -> Gc<ModuleObj> {
    let m = ModuleObj::new(ts, "__main__");
    let d = m.dict();
    let ann = DictObj::new(ts);
    d.set_item_str(ts, "__annotations__", ann.value());
    d.set_item_str(ts, "__builtins__", interp().builtins.value());
    let loader = match file {
        Some(f) if import::bootstrap::ready() => {
            let name = StrObj::new(ts, "__main__");
            let fv = StrObj::new(ts, f);
            ops::call2(ts, import::bootstrap::source_loader(), name, fv).unwrap_or(Value::NONE)
        }
        Some(_) => Value::NONE,
        None => import::bootstrap::builtin_importer(),
    };
    d.set_item_str(ts, "__loader__", loader);
    if let Some(f) = file {
        let fv = StrObj::new(ts, f);
        d.set_item_str(ts, "__file__", fv);
        d.set_item_str(ts, "__cached__", Value::NONE);
    }
    interp().modules.set_item_str(ts, "__main__", m.value());
    m
}

/// Runs source text as `__main__` (a script or `-c`).
pub fn run_main_source(ts: &mut ThreadState, source: &str, filename: &str) -> PyResult<Value> {
    let file = if filename.starts_with('<') {
        None
    } else {
        Some(filename)
    };
    let m = main_module(ts, file);
    let code = compile_source(ts, source, filename, ftpy_compiler::Mode::Exec)?;
    let d = m.dict();
    interpreter::run_code(ts, code, d, d.value(), Value::NULL)
}

/// What an uncaught exception makes of the process: prints the traceback
/// (or the `SystemExit` message) and returns the exit status.
pub fn report_exception(ts: &mut ThreadState, e: PyErr) -> i32 {
    objects::stream::flush_stdout(ts);
    let t = types();
    if e.matches(t.system_exit) {
        let code = e.exc().get_attr_quiet(ts, "code").unwrap_or(Value::NONE);
        if code.is_none() {
            return 0;
        }
        if let Some(i) = objects::int::to_i64(code) {
            return (i & 0xff) as i32;
        }
        let s = match ops::str_(ts, code) {
            Ok(s) => s.value(),
            Err(_) => StrObj::new(ts, "<exit code>"),
        };
        objects::stream::write_stderr_str(ts, s);
        objects::stream::write_stderr(ts, "\n");
        objects::stream::flush_stderr(ts);
        return 1;
    }
    let hook = interp().sys().dict().get_str(interp().names.excepthook);
    let tb = e.exc().traceback.get();
    let tb = if tb.is_null() { Value::NONE } else { tb };
    let ty = objects::typeobj::type_of(e.value()).value();
    match hook {
        Some(h) => {
            if let Err(hook_err) = ops::call(ts, h, &[ty, e.value(), tb], None) {
                // As CPython: the hook's own error, then the original.
                let first = objects::traceback::format_exception(ts, hook_err.value());
                let orig = objects::traceback::format_exception(ts, e.value());
                let text =
                    format!("Error in sys.excepthook:\n{first}\nOriginal exception was:\n{orig}");
                objects::stream::write_stderr(ts, &text);
            }
        }
        None => {
            let text = objects::traceback::format_exception(ts, e.value());
            let text = format!("sys.excepthook is missing\n{text}");
            objects::stream::write_stderr(ts, &text);
        }
    }
    objects::stream::flush_stderr(ts);
    if e.matches(t.keyboard_interrupt) {
        return 130;
    }
    1
}

/// Runs pending `__del__` methods (after a collection, at exit).
pub fn run_finalizers(ts: &mut ThreadState, all: bool) {
    // Weak-reference callbacks first, as CPython's collector calls them
    // before finalizers.
    objects::weakref::run_pending_callbacks(ts);
    let mut pending = gc::RootedVec::new(ts);
    if all {
        gc::collect::take_all_finalizable(&mut pending);
    } else {
        gc::collect::take_pending_finalizers(&mut pending);
    }
    let items: Vec<Value> = pending.to_vec();
    for v in items {
        let Some(h) = v.header() else { continue };
        if h.flags() & object::flags::FINALIZED != 0 {
            continue;
        }
        h.set_flag(object::flags::FINALIZED);
        if h.kind() == object::Kind::MemoryView {
            objects::memoryview::finalize(v);
            continue;
        }
        let del = interp().names.__del__;
        if let Err(err) = objects::slots::call_dunder(ts, v, del, &[]) {
            let f = objects::typeobj::type_of(v)
                .lookup(del)
                .unwrap_or(Value::NONE);
            report_unraisable(ts, err, f);
        }
    }
    drop(pending);
}

/// Reports an exception that nothing can catch (a failing weakref
/// callback or `__del__`), as CPython's `PyErr_WriteUnraisable` does:
/// through `sys.unraisablehook`, whose default prints "Exception ignored
/// in: <repr of obj>" and the traceback.
pub fn report_unraisable(ts: &mut ThreadState, err: PyErr, obj: Value) {
    sys::write_unraisable(ts, err.value(), None, obj);
}

/// Like [`report_unraisable`] with the first line's text given
/// ("Exception ignored in thread started by"), shown before `obj`'s repr.
pub fn report_unraisable_msg(ts: &mut ThreadState, err: PyErr, err_msg: &str, obj: Value) {
    sys::write_unraisable(ts, err.value(), Some(err_msg), obj);
}

/// Interpreter shutdown, in CPython's order: join the non-daemon threads
/// (`threading._shutdown`), run the `atexit` callbacks (each only if its
/// module was imported), flush the standard streams, run the remaining
/// finalizers (which flush and close the files still open), flush the
/// standard streams again. Returns false when flushing `sys.stdout`
/// failed (CPython then exits with status 120).
pub fn finalize(ts: &mut ThreadState) -> bool {
    for (module, func) in [("threading", "_shutdown"), ("atexit", "_run_exitfuncs")] {
        let m = interp().modules.get_str_text(module);
        if let Some(m) = m {
            if let Ok(Some(f)) = ops::getattr_str_opt(ts, m, func) {
                if let Err(e) = ops::call0(ts, f) {
                    let text = objects::traceback::format_exception(ts, e.value());
                    objects::stream::write_stderr(
                        ts,
                        &format!("Exception ignored in: {module}.{func}\n{text}"),
                    );
                }
            }
        }
    }
    let ok = objects::stream::flush_std_streams(ts);
    interp()
        .finalizing
        .store(true, std::sync::atomic::Ordering::Relaxed);
    run_finalizers(ts, true);
    let ok2 = objects::stream::flush_std_streams(ts);
    ok && ok2
}
