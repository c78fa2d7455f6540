//! Caret anchors for tracebacks.
//!
//! CPython 3.11 underlines the failing part of a source line in a
//! traceback: `~` under the instruction's span, `^` under the operator of
//! a binary operation or the subscript of a subscription:
//!
//! ```text
//!     return a[i] / b
//!            ~~~~~^~~
//! ```
//!
//! It finds the operator by parsing the span's text. [`caret_anchors`] does
//! the same for the interpreter's traceback printer.

use ruff_python_ast::{Expr, Stmt};
use ruff_python_parser::{Mode, ParseOptions};
use ruff_text_size::Ranged;

/// The part of a caret line drawn with `^` rather than `~`: character
/// offsets within the segment, `left..right`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Anchors {
    pub left: usize,
    pub right: usize,
}

/// The anchors for `segment`, the source text an instruction's location
/// spans (on one line), when it is one binary operation or subscription
/// (CPython's `extract_anchors_from_line`); None otherwise, in which case
/// the whole span is drawn with `^`.
pub fn caret_anchors(segment: &str) -> Option<Anchors> {
    let parsed = ruff_python_parser::parse_unchecked(segment, ParseOptions::from(Mode::Module));
    if !parsed.errors().is_empty() {
        return None;
    }
    let ruff_python_ast::Mod::Module(m) = parsed.syntax() else {
        return None;
    };
    let [Stmt::Expr(e)] = m.body.as_slice() else {
        return None;
    };
    let bytes = segment.as_bytes();
    let (left, right) = match &*e.value {
        Expr::BinOp(b) => {
            let from = b.left.range().end().to_usize();
            let to = b.right.range().start().to_usize();
            let mut found = None;
            let mut i = from;
            while i < to {
                if bytes[i].is_ascii_whitespace() {
                    i += 1;
                    continue;
                }
                let mut right = i + 1;
                // Two-character operators (`//`, `**`, `<<` ...).
                if i + 1 < to && !bytes[i + 1].is_ascii_whitespace() {
                    right += 1;
                }
                found = Some((i, right));
                // A closing parenthesis of the left operand is not it.
                if i + 1 < to && bytes[i] == b')' {
                    i += 1;
                    continue;
                }
                break;
            }
            found?
        }
        Expr::Subscript(s) => {
            // From the `[` after the value to just past the `]` after
            // the slice.
            let mut left = s.value.range().end().to_usize();
            let mut right = s.slice.range().end().to_usize() + 1;
            while left < bytes.len() && bytes[left] != b'[' {
                left += 1;
            }
            while right < bytes.len() && bytes[right] != b']' {
                right += 1;
            }
            if right < bytes.len() {
                right += 1;
            }
            (left, right)
        }
        _ => return None,
    };
    let chars = |byte: usize| {
        segment
            .get(..byte.min(segment.len()))
            .map(|s| s.chars().count())
    };
    Some(Anchors {
        left: chars(left)?,
        right: chars(right)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_operations_and_subscripts() {
        assert_eq!(caret_anchors("1 / 0"), Some(Anchors { left: 2, right: 3 }));
        assert_eq!(caret_anchors("a // b"), Some(Anchors { left: 2, right: 4 }));
        assert_eq!(
            caret_anchors("(a) + b"),
            Some(Anchors { left: 4, right: 5 })
        );
        assert_eq!(
            caret_anchors("d['key']"),
            Some(Anchors { left: 1, right: 8 })
        );
        assert_eq!(caret_anchors("é[0]"), Some(Anchors { left: 1, right: 4 }));
        assert_eq!(caret_anchors("f(x)"), None);
        assert_eq!(caret_anchors("x = 1"), None);
        assert_eq!(caret_anchors("(("), None);
    }
}
