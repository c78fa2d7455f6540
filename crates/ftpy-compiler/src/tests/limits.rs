//! Deep nesting and the other limits: clean errors, never a crash.

use crate::{compile, ErrorKind, Mode};

/// Runs `f` on a thread with a stack like the main thread's (8 MiB).
fn on_thread<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

#[test]
fn deeply_nested_expressions_are_a_recursion_error() {
    let sources: Vec<String> = vec![
        format!("x = {}1", "-".repeat(100_000)),
        format!("x = {}1", "not ".repeat(100_000)),
        format!("x = 1{}", " + 1".repeat(100_000)),
        format!("x = {}b", "a.".repeat(100_000)),
        format!("x = {}1", "lambda: ".repeat(20_000)),
        format!("x = f(){}", "()".repeat(100_000)),
    ];
    for src in sources {
        let e = on_thread(move || compile(&src, "t", Mode::Exec, 0)).unwrap_err();
        assert_eq!(e.kind, ErrorKind::RecursionError);
        assert_eq!(e.msg, "maximum recursion depth exceeded during compilation");
    }
}

#[test]
fn nesting_within_the_limit_compiles() {
    let src = format!("x = {}1", "-".repeat(2_000));
    on_thread(move || compile(&src, "t", Mode::Exec, 0)).unwrap();
    let src = format!(
        "def f():\n  return {}1{}\n",
        "[".repeat(150),
        "]".repeat(150)
    );
    on_thread(move || compile(&src, "t", Mode::Exec, 0)).unwrap();
}

#[test]
fn too_many_nested_parentheses() {
    let src = format!("x = {}1{}", "(".repeat(100_000), ")".repeat(100_000));
    let e = on_thread(move || compile(&src, "t", Mode::Exec, 0)).unwrap_err();
    assert_eq!(e.msg, "too many nested parentheses");
    assert_eq!((e.lineno, e.offset), (1, 205));
}

#[test]
fn too_many_levels_of_indentation() {
    let mut src = String::new();
    for i in 0..120 {
        src.push_str(&" ".repeat(i));
        src.push_str("if x:\n");
    }
    src.push_str(&" ".repeat(120));
    src.push_str("pass\n");
    let e = compile(&src, "t", Mode::Exec, 0).unwrap_err();
    assert_eq!(e.kind, ErrorKind::IndentationError);
    assert_eq!(e.msg, "too many levels of indentation");
    assert_eq!(e.lineno, 101);
}

#[test]
fn big_flat_programs_compile() {
    let src = format!("x = [{}]\n", "a, ".repeat(50_000));
    let c = compile(&src, "t", Mode::Exec, 0).unwrap();
    assert!(crate::verify(&c).is_ok());
    let mut src = String::new();
    for i in 0..5000 {
        src.push_str(&format!("v{i} = {i}\n"));
    }
    compile(&src, "t", Mode::Exec, 0).unwrap();
}

#[test]
fn a_deep_tree_with_a_syntax_error_is_dropped_safely() {
    // The recovered tree is 200,000 levels deep; a 2 MiB stack could not
    // drop it recursively.
    let src = format!("x = {}1 $", "-".repeat(200_000));
    let e = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || compile(&src, "t", Mode::Exec, 0))
        .unwrap()
        .join()
        .unwrap()
        .unwrap_err();
    assert_eq!(e.msg, "invalid syntax");
}

#[test]
fn many_comprehension_clauses() {
    let src = format!("x = [a {}]", "for a in b ".repeat(5000));
    let e = on_thread(move || compile(&src, "t", Mode::Exec, 0)).unwrap_err();
    assert_eq!(e.kind, ErrorKind::RecursionError);
    let src = format!("x = [a {}]", "for a in b ".repeat(500));
    on_thread(move || compile(&src, "t", Mode::Exec, 0)).unwrap();
}

#[test]
fn huge_decimal_literals() {
    let e = compile(&format!("x = {}", "1".repeat(5000)), "t", Mode::Exec, 0).unwrap_err();
    assert!(e.msg.starts_with(
        "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits"
    ));
    assert_eq!((e.lineno, e.offset), (1, 0));
    // Hexadecimal ones have no limit.
    let c = compile(&format!("x = 0x{}", "f".repeat(5000)), "t", Mode::Exec, 0).unwrap();
    assert!(c
        .constants
        .iter()
        .any(|k| matches!(k, crate::Constant::BigInt(s) if s.len() > 6000)));
}
