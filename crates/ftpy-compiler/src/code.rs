//! The compiler's output: code objects that know nothing of the runtime.
//!
//! The VM turns a [`CodeObject`] into its own heap code object once, when
//! it is loaded (constants become Python values, instructions become atomic
//! words with inline caches).

use crate::opcode::Instr;

/// `co_flags` bits, with CPython's values (programs can read them).
pub mod flags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    pub const NOFREE: u32 = 0x0040;
    pub const COROUTINE: u32 = 0x0080;
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    pub const ASYNC_GENERATOR: u32 = 0x0200;
    /// `from __future__ import ...` features (CPython's `CO_FUTURE_*`):
    /// set on every code object compiled under them, and what
    /// `compile()`/`exec()`/`eval()` pass on to code they compile.
    pub const FUTURE_DIVISION: u32 = 0x20000;
    pub const FUTURE_ABSOLUTE_IMPORT: u32 = 0x40000;
    pub const FUTURE_WITH_STATEMENT: u32 = 0x80000;
    pub const FUTURE_PRINT_FUNCTION: u32 = 0x100000;
    pub const FUTURE_UNICODE_LITERALS: u32 = 0x200000;
    pub const FUTURE_BARRY_AS_BDFL: u32 = 0x400000;
    pub const FUTURE_GENERATOR_STOP: u32 = 0x800000;
    pub const FUTURE_ANNOTATIONS: u32 = 0x1000000;
    /// Every `FUTURE_*` bit (CPython's `PyCF_MASK`).
    pub const FUTURE_MASK: u32 = FUTURE_DIVISION
        | FUTURE_ABSOLUTE_IMPORT
        | FUTURE_WITH_STATEMENT
        | FUTURE_PRINT_FUNCTION
        | FUTURE_UNICODE_LITERALS
        | FUTURE_BARRY_AS_BDFL
        | FUTURE_GENERATOR_STOP
        | FUTURE_ANNOTATIONS;
}

/// A constant in `co_consts`.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Ellipsis,
    /// An int that fits in an `i64`.
    Int(i64),
    /// A larger int, as decimal digits with an optional leading `-`.
    BigInt(String),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    Str(String),
    /// A str holding lone surrogates (which a Rust `String` cannot): its
    /// text in generalized UTF-8, a surrogate as its own 3-byte sequence.
    Wtf8(Vec<u8>),
    Bytes(Vec<u8>),
    Tuple(Vec<Constant>),
    FrozenSet(Vec<Constant>),
    Code(Box<CodeObject>),
}

/// The source span of one instruction. Lines are 1-based; columns are
/// 0-based byte offsets into the line's UTF-8 text, as CPython's
/// `co_positions()`. A line of 0 means "no location" (synthetic code).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

/// One range of the exception table: instructions `start..end` (indices,
/// `end` exclusive) are handled at `target`. See the `opcode` module doc.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    /// Value-stack depth (items above the locals) the handler starts from,
    /// before the unwinder pushes `[lasti] exc`.
    pub depth: u32,
    /// Push the index of the raising instruction before the exception.
    pub lasti: bool,
}

/// A compiled function, class body, module, or comprehension.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    /// `co_name`: the function name, `<module>`, `<listcomp>`, ...
    pub name: String,
    /// `co_qualname`: `C.method`, `f.<locals>.g`, ...
    pub qualname: String,
    pub filename: String,
    /// `co_flags`, see [`flags`].
    pub flags: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// `co_firstlineno`.
    pub first_line: u32,
    pub instructions: Vec<Instr>,
    /// One entry per instruction.
    pub locations: Vec<Location>,
    pub constants: Vec<Constant>,
    /// Names of globals, attributes and imports (`co_names`).
    pub names: Vec<String>,
    /// Local variables; the parameters come first, in order: positional,
    /// keyword-only, `*args`, `**kwargs` (`co_varnames`).
    pub varnames: Vec<String>,
    /// Locals captured by inner functions (`co_cellvars`).
    pub cellvars: Vec<String>,
    /// Variables captured from enclosing functions (`co_freevars`).
    pub freevars: Vec<String>,
    /// For each cellvar that is also a parameter, the parameter's index in
    /// `varnames`: the interpreter starts the cell with the argument's
    /// value. The body only reaches such a parameter through the cell.
    pub cell2arg: Vec<Option<u32>>,
    pub exception_table: Vec<ExceptionEntry>,
    /// Maximum value-stack depth (items above the locals).
    pub stacksize: u32,
    /// Number of inline cache entries (`b` operands are `0..ncaches`).
    pub ncaches: u32,
}

impl CodeObject {
    /// Total local slots: varnames, then cellvars, then freevars.
    pub fn nlocalsplus(&self) -> usize {
        self.varnames.len() + self.cellvars.len() + self.freevars.len()
    }

    /// The name of `cellvars ++ freevars` slot `i` (a `LOAD_DEREF` operand).
    pub fn deref_name(&self, i: u32) -> Option<&str> {
        let i = i as usize;
        if i < self.cellvars.len() {
            Some(&self.cellvars[i])
        } else {
            self.freevars
                .get(i - self.cellvars.len())
                .map(|s| s.as_str())
        }
    }

    /// Total number of positional-or-keyword plus keyword-only parameters.
    pub fn total_args(&self) -> usize {
        let mut n = self.argcount as usize + self.kwonlyargcount as usize;
        if self.flags & flags::VARARGS != 0 {
            n += 1;
        }
        if self.flags & flags::VARKEYWORDS != 0 {
            n += 1;
        }
        n
    }
}
