//! Scope resolution: which instructions access each name, and the cell and
//! free variable tables.

use super::{code, error, find, names, ops};
use crate::code::flags;

#[test]
fn module_and_function_names() {
    let c = code("x = 1\ndef f(a):\n  b = a + x\n  return len(b)\n");
    assert_eq!(ops(&c)[..2], ["LOAD_CONST 0", "STORE_NAME 0"]);
    let f = find(&c, "f");
    assert_eq!(
        names(f),
        [
            "LOAD_FAST",
            "LOAD_GLOBAL",
            "BINARY_OP",
            "STORE_FAST",
            "LOAD_GLOBAL",
            "LOAD_FAST",
            "CALL",
            "RETURN_VALUE"
        ]
    );
    assert_eq!(f.varnames, ["a", "b"]);
    assert_eq!(f.names, ["x", "len"]);
}

#[test]
fn explicit_globals() {
    let c = code("def f():\n  global g\n  g = 1\n  del g\n  return g\n");
    let f = find(&c, "f");
    assert_eq!(
        names(f),
        [
            "LOAD_CONST",
            "STORE_GLOBAL",
            "DELETE_GLOBAL",
            "LOAD_GLOBAL",
            "RETURN_VALUE"
        ]
    );
    // A module-level name declared global in a function is accessed as a
    // global at module level too.
    let c = code("g = 1\ndef f():\n  global g\n");
    assert_eq!(names(&c)[..2], ["LOAD_CONST", "STORE_GLOBAL"]);
}

#[test]
fn cells_and_free_variables() {
    let c = code(
        "def outer(p, q):\n  x = 1\n  def inner():\n    nonlocal x\n    x = p\n    return q\n  return inner\n",
    );
    let outer = find(&c, "outer");
    // Parameters captured by an inner function come first, in order.
    assert_eq!(outer.cellvars, ["p", "q", "x"]);
    assert_eq!(outer.cell2arg, [Some(0), Some(1), None]);
    assert_eq!(outer.varnames, ["p", "q", "inner"]);
    assert_eq!(ops(outer)[..2], ["LOAD_CONST 1", "STORE_DEREF 2"]);
    let inner = find(&c, "outer.<locals>.inner");
    assert_eq!(inner.freevars, ["p", "q", "x"]);
    assert_ne!(inner.flags & flags::NESTED, 0);
    assert_eq!(
        ops(inner),
        [
            "LOAD_DEREF 0",
            "STORE_DEREF 2",
            "LOAD_DEREF 1",
            "RETURN_VALUE"
        ]
    );
    // The closure tuple follows the inner code's freevars.
    let n = names(outer);
    assert_eq!(
        n[2..8],
        [
            "LOAD_CLOSURE",
            "LOAD_CLOSURE",
            "LOAD_CLOSURE",
            "BUILD_TUPLE",
            "LOAD_CONST",
            "MAKE_FUNCTION"
        ]
    );
}

#[test]
fn free_variables_pass_through_intermediate_scopes() {
    let c = code(
        "def a():\n  v = 1\n  def b():\n    def c():\n      return v\n    return c\n  return b\n",
    );
    assert_eq!(find(&c, "a").cellvars, ["v"]);
    assert_eq!(find(&c, "a.<locals>.b").freevars, ["v"]);
    assert_eq!(find(&c, "a.<locals>.b.<locals>.c").freevars, ["v"]);
}

#[test]
fn class_scopes_are_invisible_to_methods() {
    let c = code("def f():\n  x = 1\n  class C:\n    x = 2\n    y = x\n    def m(self):\n      return x\n  return C\n");
    let cls = find(&c, "f.<locals>.C");
    // The class binds `x` (STORE_NAME / LOAD_NAME) and also passes the
    // function's `x` through to its method.
    assert_eq!(cls.freevars, ["x"]);
    assert!(names(cls).contains(&"LOAD_NAME"));
    let m = find(&c, "f.<locals>.C.m");
    assert_eq!(m.freevars, ["x"]);
    assert_eq!(names(m), ["LOAD_DEREF", "RETURN_VALUE"]);
}

#[test]
fn class_body_reading_a_free_variable_uses_load_classderef() {
    let c = code("def f():\n  x = 1\n  class C:\n    y = x\n");
    let cls = find(&c, "f.<locals>.C");
    assert!(names(cls).contains(&"LOAD_CLASSDEREF"));
}

#[test]
fn super_and_dunder_class_create_a_class_cell() {
    for body in [
        "return super().m()",
        "return __class__",
        "return (lambda: super())()",
    ] {
        let c = code(&format!("class C:\n  def m(self):\n    {body}\n"));
        let cls = find(&c, "C");
        assert_eq!(cls.cellvars, ["__class__"], "{body}");
        let m = find(&c, "C.m");
        assert_eq!(m.freevars, ["__class__"], "{body}");
    }
    // Outside a class, `super` is just a global.
    let c = code("def f():\n  return super()\n");
    assert!(find(&c, "f").freevars.is_empty());
}

#[test]
fn comprehensions_are_function_scopes() {
    let c = code("class C:\n  y = 1\n  z = [y for _ in range(3)]\n");
    let comp = find(&c, "C.<listcomp>");
    // The class variable is not visible: a global lookup.
    assert!(names(comp).contains(&"LOAD_GLOBAL"));
    // The first iterable is evaluated in the class scope.
    let cls = find(&c, "C");
    assert!(cls.names.contains(&"range".to_string()));
    // Iteration variables are local to the comprehension.
    let c = code("def f():\n  [i for i in x]\n  return i\n");
    assert!(find(&c, "f").names.contains(&"i".to_string()));
}

#[test]
fn assignment_expressions_in_comprehensions_bind_outside() {
    let c = code("def f():\n  [(last := i) for i in x]\n  return last\n");
    let f = find(&c, "f");
    assert_eq!(f.cellvars, ["last"]);
    let comp = find(&c, "f.<locals>.<listcomp>");
    assert_eq!(comp.freevars, ["last"]);
    assert!(names(comp).contains(&"STORE_DEREF"));
    // At module level they bind a global.
    let c = code("[(last := i) for i in x]\n");
    assert!(names(find(&c, "<listcomp>")).contains(&"STORE_GLOBAL"));
}

#[test]
fn private_names_are_mangled() {
    let c = code("class C:\n  __x = 1\n  def m(self, __y):\n    return self.__x, __y, __z__\n");
    let cls = find(&c, "C");
    assert!(cls.names.contains(&"_C__x".to_string()));
    let m = find(&c, "C.m");
    assert_eq!(m.varnames, ["self", "_C__y"]);
    assert!(m.names.contains(&"_C__x".to_string()));
    assert!(m.names.contains(&"__z__".to_string()));
    // Leading underscores of the class name are dropped.
    let c = code("class _D:\n  __a = 1\n");
    assert!(find(&c, "_D").names.contains(&"_D__a".to_string()));
}

#[test]
fn generator_and_coroutine_flags() {
    let c = code("def g(): yield\nasync def c(): pass\nasync def ag(): yield\ndef n(): pass\nx = (i for i in y)\n");
    assert_ne!(find(&c, "g").flags & flags::GENERATOR, 0);
    assert_ne!(find(&c, "c").flags & flags::COROUTINE, 0);
    assert_ne!(find(&c, "ag").flags & flags::ASYNC_GENERATOR, 0);
    assert_eq!(
        find(&c, "n").flags & (flags::GENERATOR | flags::COROUTINE),
        0
    );
    assert_ne!(find(&c, "<genexpr>").flags & flags::GENERATOR, 0);
}

#[test]
fn scope_errors() {
    let cases: &[(&str, &str)] = &[
        (
            "nonlocal x",
            "nonlocal declaration not allowed at module level",
        ),
        (
            "def f():\n  nonlocal x",
            "no binding for nonlocal 'x' found",
        ),
        ("def f(x):\n  global x", "name 'x' is parameter and global"),
        (
            "def f(x):\n  nonlocal x",
            "name 'x' is parameter and nonlocal",
        ),
        (
            "def f():\n  x = 1\n  global x",
            "name 'x' is assigned to before global declaration",
        ),
        (
            "def f():\n  print(x)\n  global x",
            "name 'x' is used prior to global declaration",
        ),
        (
            "def f():\n  x: int\n  global x",
            "annotated name 'x' can't be global",
        ),
        (
            "def f():\n  global x\n  x: int",
            "annotated name 'x' can't be global",
        ),
        (
            "def f():\n  y = 1\n  def g():\n    global y\n    nonlocal y",
            "name 'y' is nonlocal and global",
        ),
        (
            "def f(a, a): pass",
            "duplicate argument 'a' in function definition",
        ),
        (
            "lambda a, a: 0",
            "duplicate argument 'a' in function definition",
        ),
        (
            "def f(): from m import *",
            "import * only allowed at module level",
        ),
        ("[(yield) for x in y]", "'yield' inside list comprehension"),
        (
            "def f(): ((yield) for x in y)",
            "'yield' inside generator expression",
        ),
        (
            "class C:\n  [(y := 1) for x in z]",
            "assignment expression within a comprehension cannot be used in a class body",
        ),
        (
            "[(x := 1) for x in y]",
            "assignment expression cannot rebind comprehension iteration variable 'x'",
        ),
        (
            "[x for x in (y := z)]",
            "assignment expression cannot be used in a comprehension iterable expression",
        ),
        ("return 1", "'return' outside function"),
        ("class C:\n  return", "'return' outside function"),
        ("yield 1", "'yield' outside function"),
        ("await x", "'await' outside function"),
        ("def f(): await x", "'await' outside async function"),
        (
            "async def f(): yield from x",
            "'yield from' inside async function",
        ),
        (
            "async def f():\n  yield 1\n  return 2",
            "'return' with value in async generator",
        ),
        ("break", "'break' outside loop"),
        ("continue", "'continue' not properly in loop"),
        ("for x in y:\n  def f(): break", "'break' outside loop"),
        (
            "def f():\n  async with x: pass",
            "'async with' outside async function",
        ),
        (
            "def f():\n  async for x in y: pass",
            "'async for' outside async function",
        ),
        (
            "def f(): return [x async for x in y]",
            "asynchronous comprehension outside of an asynchronous function",
        ),
        (
            "try:\n  pass\nexcept* E:\n  break",
            "'break', 'continue' and 'return' cannot appear in an except* block",
        ),
        ("__debug__ = 1", "cannot assign to __debug__"),
        ("del __debug__", "cannot delete __debug__"),
        ("def f(__debug__): pass", "cannot assign to __debug__"),
        ("f(__debug__=1)", "cannot assign to __debug__"),
        ("x.__debug__ = 1", "cannot assign to __debug__"),
        ("f(a=1, a=2)", "keyword argument repeated: a"),
        (
            "*a = b",
            "starred assignment target must be in a list or tuple",
        ),
        ("*a", "can't use starred expression here"),
        (
            "a, *b, *c = d",
            "multiple starred expressions in assignment",
        ),
        (
            "try:\n  pass\nexcept:\n  pass\nexcept E:\n  pass",
            "default 'except:' must be last",
        ),
        (
            "match x:\n  case a:\n    pass\n  case b:\n    pass",
            "name capture 'a' makes remaining patterns unreachable",
        ),
        (
            "match x:\n  case _:\n    pass\n  case b:\n    pass",
            "wildcard makes remaining patterns unreachable",
        ),
        (
            "match x:\n  case [a, a]: pass",
            "multiple assignments to name 'a' in pattern",
        ),
        (
            "match x:\n  case [a] | [b]: pass",
            "alternative patterns bind different names",
        ),
        (
            "match x:\n  case a | b: pass",
            "name capture 'a' makes remaining patterns unreachable",
        ),
        (
            "match x:\n  case C(a=1, a=2): pass",
            "attribute name repeated in class pattern: a",
        ),
        (
            "match x:\n  case {'a': 1, 'a': 2}: pass",
            "mapping pattern checks duplicate key ('a')",
        ),
        (
            "match x:\n  case {1: 1, True: 2}: pass",
            "mapping pattern checks duplicate key (True)",
        ),
        ("from __future__ import braces", "not a chance"),
        (
            "from __future__ import nope",
            "future feature nope is not defined",
        ),
        (
            "x = 1\nfrom __future__ import division",
            "from __future__ imports must occur at the beginning of the file",
        ),
    ];
    for (src, msg) in cases {
        let e = error(src);
        assert_eq!(e.msg, *msg, "for {src:?}");
        assert_eq!(e.kind, crate::ErrorKind::SyntaxError, "for {src:?}");
    }
}

#[test]
fn too_many_statically_nested_blocks() {
    let mut src = String::new();
    for i in 0..21 {
        src.push_str(&" ".repeat(i));
        src.push_str("while x:\n");
    }
    src.push_str(&" ".repeat(21));
    src.push_str("pass\n");
    assert_eq!(error(&src).msg, "too many statically nested blocks");
}
