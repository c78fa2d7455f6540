//! Unit tests of the compiler. Every compiled program is also run through
//! the verifier (`compile` does so in debug builds; [`code`] does it
//! explicitly).
//!
//! - `forms`: every statement and expression form compiles and verifies;
//!   the shape of the code for the constructs with a fixed scheme.
//! - `scopes`: symbol resolution (locals, cells, free variables, class
//!   scopes, comprehensions, `__class__`).
//! - `errors`: syntax errors with CPython 3.11's message, line and offset.
//! - `disasm`: disassembler output.
//! - `verifier`: the verifier rejects broken code objects.
//! - `limits`: deep nesting and the other limits.
//! - `folding`: constant folding.

mod disasm;
mod error_cases;
mod errors;
mod folding;
mod forms;
mod limits;
mod scopes;
mod verifier;

use crate::code::{CodeObject, Constant};
use crate::{compile, CompileError, Mode};

/// Compiles a module and verifies it.
pub(crate) fn code(src: &str) -> CodeObject {
    code_mode(src, Mode::Exec)
}

pub(crate) fn code_mode(src: &str, mode: Mode) -> CodeObject {
    match compile(src, "<test>", mode, 0) {
        Ok(c) => {
            if let Err(e) = crate::verify(&c) {
                panic!("verification failed for {src:?}: {e}");
            }
            c
        }
        Err(e) => panic!("compile failed for {src:?}: {e:?}"),
    }
}

pub(crate) fn error(src: &str) -> CompileError {
    match compile(src, "<test>", Mode::Exec, 0) {
        Ok(_) => panic!("expected an error for {src:?}"),
        Err(e) => e,
    }
}

/// The code object with this qualname, anywhere in `code`.
pub(crate) fn find<'c>(code: &'c CodeObject, qualname: &str) -> &'c CodeObject {
    fn walk<'c>(c: &'c CodeObject, q: &str) -> Option<&'c CodeObject> {
        if c.qualname == q {
            return Some(c);
        }
        c.constants.iter().find_map(|k| match k {
            Constant::Code(inner) => walk(inner, q),
            _ => None,
        })
    }
    walk(code, qualname).unwrap_or_else(|| panic!("no code object {qualname}"))
}

/// The instructions as `NAME arg` strings (jump targets as indices).
pub(crate) fn ops(code: &CodeObject) -> Vec<String> {
    code.instructions
        .iter()
        .map(|i| {
            let op = i.op();
            if op.arg_kind() == crate::ArgKind::None {
                op.name().to_string()
            } else {
                format!("{} {}", op.name(), i.a())
            }
        })
        .collect()
}

/// The opcode names only.
pub(crate) fn names(code: &CodeObject) -> Vec<&'static str> {
    code.instructions.iter().map(|i| i.op().name()).collect()
}
