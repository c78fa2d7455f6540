//! ftpy's compiler: Python source -> AST (`ruff_python_parser`) -> scopes
//! -> bytecode [`CodeObject`]s. It has no runtime dependency: the VM loads
//! its output.
//!
//! # Pipeline
//!
//! 1. `parse`: `ruff_python_parser` at target version 3.11; its errors
//!    (and its "unsupported syntax" errors, e.g. PEP 695) become
//!    [`CompileError`]s worded and placed as CPython 3.11 reports them.
//!    `lexcheck` adds the checks of CPython's tokenizer the parser does
//!    not make (bracket matching and nesting, indentation depth and
//!    tab/space consistency, number literals).
//! 2. `scope`: CPython's symbol table: every name of every
//!    scope resolved to local / cell / free / global, plus the checks the
//!    parser leaves to it (`nonlocal`, `global`, duplicate arguments ...).
//!    It also bounds the AST depth (`RecursionError`), so that later passes
//!    can recurse freely.
//! 3. `codegen`: one [`CodeObject`] per module, class body, function,
//!    lambda and comprehension, following CPython 3.11's compilation
//!    scheme (see `docs/bytecode.md`), with CPython's constant folding
//!    (`consts`) and annotation unparsing (`unparse`).
//! 4. `assemble`: peephole rewrites, dead code removal, stack depth
//!    analysis, the exception table, inline cache numbering.
//! 5. [`verify()`]: the invariants the interpreter relies on, checked on
//!    every output in debug builds.
//!
//! [`disassemble`] prints code objects the way CPython's `dis` does;
//! [`caret_anchors`] finds the operator a traceback underlines.

pub mod anchors;
pub mod code;
pub mod dis;
pub mod opcode;
pub mod printable;
pub mod serialize;
pub mod verify;

mod assemble;
mod codegen;
mod consts;
mod error;
mod fstring311;
mod lexcheck;
mod parse;
mod scope;
mod unparse;

#[cfg(test)]
mod tests;

pub use anchors::{caret_anchors, Anchors};
pub use code::{CodeObject, Constant, ExceptionEntry, Location};
pub use dis::disassemble;
pub use opcode::{ArgKind, BinaryOp, CompareOp, Instr, Op};
pub use verify::verify;

/// The parser's syntax tree types, for code that converts between them
/// and Python objects (the `_ast` module).
pub use ruff_python_ast as syntax;
pub use ruff_text_size as text_size;

/// What a piece of source is compiled as (the `mode` of `compile()`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module or `exec()` input: statements.
    Exec,
    /// An `eval()` input: one expression; the code returns its value.
    Eval,
    /// One interactive statement: expression statements print their value
    /// (`PRINT_EXPR`).
    Single,
}

/// The Python exception class a compile error is raised as.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// The program nests deeper than the compiler allows (CPython:
    /// `RecursionError: maximum recursion depth exceeded during
    /// compilation`). Such an error has no location (`lineno` is 0).
    RecursionError,
}

/// A compile-time error, with the attributes of CPython's `SyntaxError`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub kind: ErrorKind,
    /// CPython's wording, e.g. `invalid syntax`, `'return' outside function`.
    pub msg: String,
    pub filename: String,
    /// 1-based line; 0 when the error has no location.
    pub lineno: u32,
    /// 1-based column, counted in characters (CPython's `offset`).
    pub offset: u32,
    pub end_lineno: u32,
    /// 1-based end column; CPython's tokenizer errors have 0 (`TabError`)
    /// or -1 (`unindent does not match ...`, `unexpected indent`).
    pub end_offset: i32,
    /// The source line the error is on, without its line break.
    pub text: Option<String>,
    /// Found after parsing (scopes, code generation): CPython takes the
    /// `text` of such errors from the file named `filename`, so code that
    /// did not come from a readable file has none.
    pub text_from_file: bool,
}

impl CompileError {
    /// The error's end set to its start, as CPython's tokenizer reports
    /// errors at one character (`unmatched ')'`).
    pub(crate) fn at_start(mut self) -> CompileError {
        self.end_lineno = self.lineno;
        self.end_offset = self.offset as i32;
        self
    }
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.lineno == 0 {
            write!(f, "{:?}: {}", self.kind, self.msg)
        } else {
            write!(
                f,
                "{:?}: {} ({}, line {})",
                self.kind, self.msg, self.filename, self.lineno
            )
        }
    }
}

impl std::error::Error for CompileError {}

/// Compiles `source` (the text of `filename`) to a code object.
///
/// `optimize` is CPython's optimization level: at 1 and above `assert`
/// statements are dropped and `__debug__` is False (`python3 -O`); at 2
/// docstrings are dropped too (`-OO`).
///
/// Compilation recurses as deep as the program nests (bounded: deeper
/// programs are a [`ErrorKind::RecursionError`]); it grows its own stack
/// when it runs low, so any thread can call it.
pub fn compile(
    source: &str,
    filename: &str,
    mode: Mode,
    optimize: u8,
) -> Result<CodeObject, CompileError> {
    compile_with_flags(source, filename, mode, optimize, 0)
}

/// [`compile`] with `from __future__` features already in effect
/// (`code::flags::FUTURE_*` bits, as `compile()` inherits them from the
/// calling code or takes them from its `flags` argument).
pub fn compile_with_flags(
    source: &str,
    filename: &str,
    mode: Mode,
    optimize: u8,
    future_flags: u32,
) -> Result<CodeObject, CompileError> {
    compile_with_warnings(
        source,
        filename,
        mode,
        optimize,
        future_flags,
        &mut Vec::new(),
    )
}

/// [`compile_with_flags`] that also reports CPython's compile-time
/// `SyntaxWarning`s (`"is" with a literal`, an assertion on a tuple, a
/// literal called or subscripted as if a comma were missing, a number
/// followed by a keyword), in source order, as errors with their message
/// and location: the caller issues them (through `warnings`) and raises
/// one as a `SyntaxError` instead when the filters make it an error.
pub fn compile_with_warnings(
    source: &str,
    filename: &str,
    mode: Mode,
    optimize: u8,
    future_flags: u32,
    warnings: &mut Vec<CompileError>,
) -> Result<CodeObject, CompileError> {
    // CPython's tokenizer drops a leading byte order mark.
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let map = error::SourceMap::new(source, filename);
    let parsed = parse::parse(&map, mode, warnings)?;
    let result = consts::with_source(source, || {
        compile_parsed(&map, &parsed, mode, optimize, future_flags, warnings)
    })
    .map_err(|mut e| {
        e.text_from_file = true;
        e
    });
    if matches!(&result, Err(e) if e.kind == ErrorKind::RecursionError) {
        drop_deep(parsed, source.len());
    }
    let code = result?;
    debug_assert!(
        verify::verify(&code).is_ok(),
        "compiler output fails verification: {:?}",
        verify::verify(&code)
    );
    Ok(code)
}

/// Parses `source` without compiling it (`ast.parse`, `compile()` with
/// `PyCF_ONLY_AST`): only the errors CPython's parser and tokenizer
/// report. `Mode::Exec` and `Mode::Single` give a module, `Mode::Eval` an
/// expression.
pub fn parse_only(source: &str, filename: &str, mode: Mode) -> Result<syntax::Mod, CompileError> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let map = error::SourceMap::new(source, filename);
    Ok(match parse::parse(&map, mode, &mut Vec::new())? {
        parse::Parsed::Module(m) => syntax::Mod::Module(m),
        parse::Parsed::Expression(e) => syntax::Mod::Expression(e),
    })
}

/// Compiles a syntax tree that did not come from parsing `source` (an AST
/// object given to `compile()`): `source` is only the line index its
/// ranges are offsets into (see `_ast` in ftpy-stdlib, which builds one
/// from the nodes' line and column numbers). Its text is never a literal's
/// text, so it must not be taken for one.
pub fn compile_tree(
    tree: syntax::Mod,
    source: &str,
    filename: &str,
    mode: Mode,
    optimize: u8,
    future_flags: u32,
) -> Result<CodeObject, CompileError> {
    let map = error::SourceMap::new(source, filename);
    let parsed = match tree {
        syntax::Mod::Module(m) => parse::Parsed::Module(m),
        syntax::Mod::Expression(e) => parse::Parsed::Expression(e),
    };
    let result = compile_parsed(&map, &parsed, mode, optimize, future_flags, &mut Vec::new())
        .map_err(|mut e| {
            e.text_from_file = true;
            e
        });
    if matches!(&result, Err(e) if e.kind == ErrorKind::RecursionError) {
        drop_deep(parsed, source.len());
    }
    let code = result?;
    debug_assert!(
        verify::verify(&code).is_ok(),
        "compiler output fails verification: {:?}",
        verify::verify(&code)
    );
    Ok(code)
}

/// How deeply the compiler lets a program nest (deeper is a
/// `RecursionError`); converters of syntax trees keep to it too.
pub const MAX_DEPTH: u32 = scope::MAX_DEPTH;

/// Runs `f` with enough stack: the compiler recurses as deep as the
/// program nests, and grows its stack (in new segments) when it runs low.
#[inline]
pub fn grow<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(scope::STACK_RED_ZONE, scope::STACK_GROW, f)
}

/// Drops a syntax tree that may be nested as deeply as its source is long:
/// its (recursive) drop glue runs on a stack sized for the worst case, one
/// level per source byte. (A tree that compiled is at most
/// `scope::MAX_DEPTH` deep and is dropped normally.)
pub(crate) fn drop_deep<T: Send>(tree: T, source_len: usize) {
    if source_len < 4096 {
        drop(tree);
    } else {
        let size = (source_len * 256).clamp(1 << 20, 1 << 34);
        stacker::grow(size, move || drop(tree));
    }
}

fn compile_parsed(
    map: &error::SourceMap<'_>,
    parsed: &parse::Parsed,
    mode: Mode,
    optimize: u8,
    future_flags: u32,
    warnings: &mut Vec<CompileError>,
) -> Result<CodeObject, CompileError> {
    let future = codegen::Future::scan(map, parsed, future_flags)?;
    let table = scope::SymbolTable::build(map, parsed, &future)?;
    codegen::compile_module(map, parsed, &table, &future, mode, optimize, warnings)
}
