//! ftpy's compiler: Python source -> AST (`ruff_python_parser`) -> scopes
//! -> bytecode [`CodeObject`]s. It has no runtime dependency: the VM loads
//! its output.

pub mod code;
pub mod opcode;

pub use code::{CodeObject, Constant, ExceptionEntry, Location};
pub use opcode::{ArgKind, BinaryOp, CompareOp, Instr, Op};

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
}

/// A compile-time error, with the attributes of CPython's `SyntaxError`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub kind: ErrorKind,
    /// CPython's wording, e.g. `invalid syntax`, `'return' outside function`.
    pub msg: String,
    pub filename: String,
    /// 1-based line.
    pub lineno: u32,
    /// 1-based column, counted in characters (CPython's `offset`).
    pub offset: u32,
    pub end_lineno: u32,
    pub end_offset: u32,
    /// The source line the error is on, without its line break.
    pub text: Option<String>,
}
