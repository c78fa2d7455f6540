//! Builtins that compile and run code: `compile`, `exec`, `eval`,
//! `__import__`, `breakpoint`.

use ftpy_compiler::code::flags as coflags;
use ftpy_compiler::Mode;

use crate::error::PyResult;
use crate::interp::{interp, names, types};
use crate::object::Gc;
use crate::objects::bytes::bytes_data;
use crate::objects::code::CodeObj;
use crate::objects::dict::DictObj;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, type_of};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

use super::args::Sig;
use super::{caller_frame, Kw};

/// `compile()` flags (CPython's `PyCF_*`).
pub mod cf {
    pub const DONT_IMPLY_DEDENT: i64 = 0x0200;
    pub const ONLY_AST: i64 = 0x0400;
    pub const TYPE_COMMENTS: i64 = 0x1000;
    pub const ALLOW_TOP_LEVEL_AWAIT: i64 = 0x2000;
    pub const ALLOW_INCOMPLETE_INPUT: i64 = 0x4000;
    /// `CO_NESTED`, accepted and ignored (`PyCF_MASK_OBSOLETE`).
    pub const OBSOLETE: i64 = 0x0010;
    /// Everything `compile()` accepts.
    pub const ACCEPTED: i64 = super::coflags::FUTURE_MASK as i64
        | OBSOLETE
        | ONLY_AST
        | ALLOW_TOP_LEVEL_AWAIT
        | TYPE_COMMENTS
        | DONT_IMPLY_DEDENT
        | ALLOW_INCOMPLETE_INPUT;
}

/// What the `_ast` module (in ftpy-stdlib) lends `compile()`: the VM
/// knows nothing of node classes.
pub struct AstHooks {
    /// Parses source text into `ast` node objects (`PyCF_ONLY_AST`).
    pub parse: fn(&mut ThreadState, &str, &str, Mode) -> PyResult<Value>,
    /// Whether a value is an `ast.AST` instance.
    pub is_ast: fn(Value) -> bool,
    /// Compiles an `ast.mod` object: (tree, filename, mode, optimize,
    /// future flags).
    pub compile: fn(&mut ThreadState, Value, &str, Mode, u8, u32) -> PyResult<Gc<CodeObj>>,
}

static AST_HOOKS: std::sync::OnceLock<AstHooks> = std::sync::OnceLock::new();

/// Installs the `_ast` hooks (once, when the native modules are registered).
pub fn set_ast_hooks(hooks: AstHooks) {
    let _ = AST_HOOKS.set(hooks);
}

/// The `from __future__` features of the code calling a builtin (what
/// `compile`, `exec` and `eval` inherit, as `PyEval_MergeCompilerFlags`).
fn inherited_future_flags(ts: &mut ThreadState) -> u32 {
    match caller_frame(ts) {
        Some(f) => f.code.flags & coflags::FUTURE_MASK,
        None => 0,
    }
}

/// Source text from a str (its coding cookie ignored) or from bytes
/// (decoded by their PEP 263 cookie, as CPython's tokenizer does).
/// `what` names the accepted types in the error.
fn source_text(
    ts: &mut ThreadState,
    v: Value,
    fname: &str,
    what: &str,
    filename: &str,
) -> PyResult<String> {
    let text = if let Some(s) = v.downcast::<StrObj>() {
        s.as_str().to_string()
    } else if let Some(b) = bytes_data(v) {
        if b.contains(&0) {
            return Err(ts.syntax_error_msg("source code string cannot contain null bytes"));
        }
        match crate::import::source::decode_string_source(&b) {
            Ok(t) => t,
            Err((msg, line)) => return Err(source_error(ts, &msg, filename, line)),
        }
    } else {
        return Err(ts.type_error(format!("{fname}() arg 1 must be a {what} object")));
    };
    if text.contains('\0') {
        return Err(ts.syntax_error_msg("source code string cannot contain null bytes"));
    }
    Ok(text)
}

/// A SyntaxError about source text (no offset), as the tokenizer reports
/// decoding errors.
fn source_error(
    ts: &mut ThreadState,
    msg: &str,
    filename: &str,
    line: usize,
) -> crate::error::PyErr {
    let m = StrObj::new(ts, msg);
    let f = StrObj::new(ts, filename);
    let details = TupleObj::new(
        ts,
        &[
            f,
            Value::small_int_unchecked(line as i64),
            Value::NONE,
            Value::NONE,
        ],
    );
    match ops::call(
        ts,
        types().syntax_error.value(),
        &[m, details.value()],
        None,
    ) {
        Ok(e) => crate::error::PyErr::from_exception(e),
        Err(e) => e,
    }
}

/// A file name as `os.fsdecode` makes it (str, bytes or a path-like).
fn fs_decode(ts: &mut ThreadState, v: Value) -> PyResult<String> {
    if let Some(s) = v.downcast::<StrObj>() {
        return Ok(s.as_str().to_string());
    }
    if let Some(b) = bytes_data(v) {
        return Ok(String::from_utf8_lossy(&b).into_owned());
    }
    if let Some(f) = type_of(v).lookup(names().__fspath__) {
        let r = ops::call_unbound(ts, f, v, &[], None)?;
        if let Some(s) = r.downcast::<StrObj>() {
            return Ok(s.as_str().to_string());
        }
        if let Some(b) = bytes_data(r) {
            return Ok(String::from_utf8_lossy(&b).into_owned());
        }
        return Err(ts.type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            type_name(v),
            type_name(r)
        )));
    }
    Err(ts.type_error(format!(
        "expected str, bytes or os.PathLike object, not {}",
        type_name(v)
    )))
}

/// An `int` parameter as a C `int` (`_PyLong_AsInt`).
fn as_c_int(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    if v.is_float() {
        return Err(ts.type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = ops::index(ts, v)?;
    match crate::objects::int::to_i64(i) {
        Some(n) if i32::try_from(n).is_ok() => Ok(n),
        _ => Err(ts.overflow_error("Python int too large to convert to C int")),
    }
}

pub(super) fn b_compile(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new(
        "compile(source, filename, mode, flags=0,\n        dont_inherit=False, optimize=-1, *, _feature_version=-1)",
    );
    let [src, filename, mode, flags, dont_inherit, optimize, feature] = SIG.bind(ts, args, kw)?;
    let filename = fs_decode(ts, filename)?;
    let Some(mode) = mode.downcast::<StrObj>() else {
        return Err(ts.type_error(format!(
            "compile() argument 'mode' must be str, not {}",
            type_name(mode)
        )));
    };
    let flags = match flags.non_null() {
        Some(f) => as_c_int(ts, f)?,
        None => 0,
    };
    let dont_inherit = match dont_inherit.non_null() {
        Some(d) => as_c_int(ts, d)? != 0,
        None => false,
    };
    let optimize = match optimize.non_null() {
        Some(o) => as_c_int(ts, o)?,
        None => -1,
    };
    if let Some(f) = feature.non_null() {
        as_c_int(ts, f)?;
    }
    if flags & !cf::ACCEPTED != 0 {
        return Err(ts.value_error("compile(): unrecognised flags"));
    }
    if !(-1..=2).contains(&optimize) {
        return Err(ts.value_error("compile(): invalid optimize value"));
    }
    let mut future = (flags as u32) & coflags::FUTURE_MASK;
    if !dont_inherit {
        future |= inherited_future_flags(ts);
    }
    let only_ast = flags & cf::ONLY_AST != 0;
    let mode_name_is_func_type = mode.as_str() == "func_type";
    let mode = match mode.as_str() {
        "exec" => Mode::Exec,
        "eval" => Mode::Eval,
        "single" => Mode::Single,
        "func_type" if !only_ast => {
            return Err(ts.value_error("compile() mode 'func_type' requires flag PyCF_ONLY_AST"))
        }
        "func_type" => Mode::Exec,
        _ => {
            return Err(ts.value_error(if only_ast {
                "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"
            } else {
                "compile() mode must be 'exec', 'eval' or 'single'"
            }))
        }
    };
    let optimize = if optimize < 0 {
        interp().config.optimize
    } else {
        optimize as u8
    };
    let hooks = AST_HOOKS.get();
    if let Some(h) = hooks.filter(|h| (h.is_ast)(src)) {
        if only_ast {
            return Ok(src);
        }
        return Ok((h.compile)(ts, src, &filename, mode, optimize, future)?.value());
    }
    let text = source_text(ts, src, "compile", "string, bytes or AST", &filename)?;
    if only_ast {
        let Some(h) = hooks else {
            return Err(ts.import_error("compile() with PyCF_ONLY_AST needs the _ast module"));
        };
        if mode_name_is_func_type {
            return Err(
                ts.not_implemented_error("compile() mode 'func_type' is not supported by ftpy")
            );
        }
        return (h.parse)(ts, &text, &filename, mode);
    }
    let code = crate::compile_source_with(ts, &text, &filename, mode, optimize, future)?;
    Ok(code.value())
}

/// `PyMapping_Check`: the type can be subscripted.
fn is_mapping(v: Value) -> bool {
    type_of(v).slots.getitem.get().is_some()
}

/// The builtins dict `exec`/`eval` put in globals that lack
/// `__builtins__`: the calling frame's.
fn current_builtins(ts: &mut ThreadState) -> Value {
    match caller_frame(ts) {
        Some(f) => f.builtins.value(),
        None => interp().builtins_dict.value(),
    }
}

fn ensure_builtins(ts: &mut ThreadState, globals: Gc<DictObj>) -> PyResult<()> {
    if globals
        .get_item_opt(ts, names().__builtins__.value())?
        .is_none()
    {
        let b = current_builtins(ts);
        globals.set_item(ts, names().__builtins__.value(), b)?;
    }
    Ok(())
}

pub(super) fn b_eval(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("eval(source, globals=None, locals=None, /)");
    let [src, globals, locals] = SIG.bind(ts, args, kw)?;
    let globals = globals.non_null().unwrap_or(Value::NONE);
    let mut locals = locals.non_null().unwrap_or(Value::NONE);
    if !locals.is_none() && !is_mapping(locals) {
        return Err(ts.type_error("locals must be a mapping"));
    }
    let globals = if globals.is_none() {
        if locals.is_none() {
            locals = super::attrs::current_locals(ts)?;
        }
        super::attrs::current_globals(ts)?
    } else {
        if globals.downcast::<DictObj>().is_none() {
            return Err(ts.type_error(if is_mapping(globals) {
                "globals must be a real dict; try eval(expr, {}, mapping)"
            } else {
                "globals must be a dict"
            }));
        }
        if locals.is_none() {
            locals = globals;
        }
        globals
    };
    let Some(globals) = globals.downcast::<DictObj>() else {
        return Err(ts.system_error("globals is not a dict"));
    };
    ensure_builtins(ts, globals)?;
    if let Some(code) = src.downcast::<CodeObj>() {
        if code.nfree > 0 {
            return Err(
                ts.type_error("code object passed to eval() may not contain free variables")
            );
        }
        return crate::interpreter::run_code(ts, code, globals, locals, Value::NULL);
    }
    let text = source_text(ts, src, "eval", "string, bytes or code", "<string>")?;
    let text = text.trim_start_matches([' ', '\t']);
    let future = inherited_future_flags(ts);
    let optimize = interp().config.optimize;
    let code = crate::compile_source_with(ts, text, "<string>", Mode::Eval, optimize, future)?;
    crate::interpreter::run_code(ts, code, globals, locals, Value::NULL)
}

pub(super) fn b_exec(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("exec(source, globals=None, locals=None, /, *, closure=None)");
    let [src, globals, locals, closure] = SIG.bind(ts, args, kw)?;
    let globals = globals.non_null().unwrap_or(Value::NONE);
    let mut locals = locals.non_null().unwrap_or(Value::NONE);
    let globals = if globals.is_none() {
        if locals.is_none() {
            locals = super::attrs::current_locals(ts)?;
        }
        super::attrs::current_globals(ts)?
    } else {
        if locals.is_none() {
            locals = globals;
        }
        globals
    };
    let Some(globals) = globals.downcast::<DictObj>() else {
        return Err(ts.type_error(format!(
            "exec() globals must be a dict, not {}",
            type_name(globals)
        )));
    };
    if !is_mapping(locals) {
        return Err(ts.type_error(format!(
            "locals must be a mapping or None, not {}",
            type_name(locals)
        )));
    }
    ensure_builtins(ts, globals)?;
    let closure = closure.non_null().filter(|c| !c.is_none());
    if let Some(code) = src.downcast::<CodeObj>() {
        let nfree = code.nfree as usize;
        if nfree == 0 {
            if closure.is_some() {
                return Err(ts.type_error("cannot use a closure with this code object"));
            }
        } else {
            let ok = closure.is_some_and(|c| {
                type_of(c) == types().tuple
                    && c.downcast::<TupleObj>().is_some_and(|t| {
                        t.len() == nfree
                            && t.items()
                                .iter()
                                .all(|x| x.downcast::<crate::objects::cell::CellObj>().is_some())
                    })
            });
            if !ok {
                return Err(ts.type_error(format!(
                    "code object requires a closure of exactly length {nfree}"
                )));
            }
        }
        crate::interpreter::run_code(ts, code, globals, locals, closure.unwrap_or(Value::NULL))?;
        return Ok(Value::NONE);
    }
    if closure.is_some() {
        return Err(ts.type_error("closure can only be used when source is a code object"));
    }
    let text = source_text(ts, src, "exec", "string, bytes or code", "<string>")?;
    let future = inherited_future_flags(ts);
    let optimize = interp().config.optimize;
    let code = crate::compile_source_with(ts, &text, "<string>", Mode::Exec, optimize, future)?;
    crate::interpreter::run_code(ts, code, globals, locals, Value::NULL)?;
    Ok(Value::NONE)
}

pub(super) fn b_import(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig =
        Sig::new("__import__(name, globals=None, locals=None, fromlist=(),\n           level=0)");
    let [name, globals, locals, fromlist, level] = SIG.bind(ts, args, kw)?;
    let level = match level.non_null() {
        Some(l) => as_c_int(ts, l)?,
        None => 0,
    };
    crate::import::import_module_level(
        ts,
        name,
        globals,
        locals.non_null().unwrap_or(Value::NONE),
        fromlist.non_null().unwrap_or(Value::NONE),
        level,
    )
}

/// `breakpoint(*args, **kws)`: calls `sys.breakpointhook`.
pub(super) fn b_breakpoint(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    let hook = interp().sys().dict().get_str_text("breakpointhook");
    let Some(hook) = hook else {
        return Err(ts.runtime_error("lost sys.breakpointhook"));
    };
    ops::call(ts, hook, args, kw)
}
