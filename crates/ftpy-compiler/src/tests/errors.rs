//! Syntax errors: the message, line and offset of CPython 3.11 for each
//! case of `error_cases.rs`.

use super::error_cases::CASES;
use crate::{compile, Mode};

#[test]
fn syntax_errors_match_cpython() {
    let mut failures = Vec::new();
    for &(src, kind, msg, line, offset) in CASES {
        match compile(src, "<t>", Mode::Exec, 0) {
            Ok(_) => failures.push(format!("{src:?}: compiled, expected {msg}")),
            Err(e) => {
                if e.kind != kind || e.msg != msg || e.lineno != line || e.offset != offset {
                    failures.push(format!(
                        "{src:?}:\n   expected {kind:?} {msg} ({line}:{offset})\n   got      {:?} {} ({}:{})",
                        e.kind, e.msg, e.lineno, e.offset
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn error_attributes() {
    let e = compile("x = 1\nif x\n  pass\n", "prog.py", Mode::Exec, 0).unwrap_err();
    assert_eq!(e.filename, "prog.py");
    assert_eq!(e.text.as_deref(), Some("if x"));
    assert_eq!((e.lineno, e.offset), (2, 5));
    // Offsets count characters, not bytes.
    let e = compile("é = 'a\n", "p", Mode::Exec, 0).unwrap_err();
    assert_eq!(e.msg, "unterminated string literal (detected at line 1)");
    assert_eq!(e.offset, 5);
}

#[test]
fn newer_syntax_is_rejected() {
    for src in [
        "def f[T](): pass",
        "class C[T]: pass",
        "type X = int",
        "x = f'{'a'}'",
        "try:\n  pass\nexcept A, B:\n  pass",
        "x = t'hi'",
    ] {
        assert!(compile(src, "t", Mode::Exec, 0).is_err(), "{src}");
    }
}

#[test]
fn single_mode_takes_one_statement() {
    let e = compile("x = 1\ny = 2", "t", Mode::Single, 0).unwrap_err();
    assert_eq!(
        e.msg,
        "multiple statements found while compiling a single statement"
    );
    assert_eq!((e.lineno, e.offset), (1, 6));
}
