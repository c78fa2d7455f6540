//! The disassembler's output for a few small functions.

use super::code;
use crate::disassemble;

#[test]
fn simple_function() {
    let c = code("def add(a, b=1):\n    return a + b\n");
    assert_eq!(
        disassemble(&c),
        r#"  1           0 LOAD_CONST               0 ((1,))
              1 LOAD_CONST               1 (<code object add, file "<test>", line 1>)
              2 MAKE_FUNCTION            1 (defaults)
              3 STORE_NAME               0 (add)
              4 LOAD_CONST               2 (None)
              5 RETURN_VALUE

Disassembly of <code object add, file "<test>", line 1>:
  2           0 LOAD_FAST                0 (a)
              1 LOAD_FAST                1 (b)
              2 BINARY_OP                0 (+)
              3 RETURN_VALUE
"#
    );
}

#[test]
fn loops_and_exception_table() {
    let c = code(
        "def f(xs):\n    try:\n        for x in xs:\n            if x is None:\n                continue\n            g(x)\n    except ValueError as e:\n        print(e)\n    return len(xs)\n",
    );
    let text = disassemble(&c);
    let f = &text[text.find("Disassembly of").unwrap()..];
    assert_eq!(
        f,
        r#"Disassembly of <code object f, file "<test>", line 1>:
  2           0 NOP

  3           1 LOAD_FAST                0 (xs)
              2 GET_ITER
        >>    3 FOR_ITER                13 (to 13)
              4 STORE_FAST               1 (x)

  4           5 LOAD_FAST                1 (x)
              6 POP_JUMP_IF_NOT_NONE     8 (to 8)

  5           7 JUMP_BACKWARD            3 (to 3)

  6     >>    8 LOAD_GLOBAL              1 (NULL + g)
              9 LOAD_FAST                1 (x)
             10 CALL                     1
             11 POP_TOP
             12 JUMP_BACKWARD            3 (to 3)
        >>   13 JUMP_FORWARD            36 (to 36)
        >>   14 PUSH_EXC_INFO

  7          15 LOAD_GLOBAL              2 (ValueError)
             16 CHECK_EXC_MATCH
             17 POP_JUMP_IF_FALSE       32 (to 32)
             18 STORE_FAST               2 (e)

  8          19 LOAD_GLOBAL              5 (NULL + print)
             20 LOAD_FAST                2 (e)
             21 CALL                     1
             22 POP_TOP
             23 POP_EXCEPT
             24 LOAD_CONST               0 (None)
             25 STORE_FAST               2 (e)
             26 DELETE_FAST              2 (e)
             27 JUMP_FORWARD            36 (to 36)
        >>   28 LOAD_CONST               0 (None)
             29 STORE_FAST               2 (e)
             30 DELETE_FAST              2 (e)
             31 RERAISE                  1
        >>   32 RERAISE                  0
        >>   33 COPY                     3
             34 POP_EXCEPT
             35 RERAISE                  1

  9     >>   36 LOAD_GLOBAL              7 (NULL + len)
             37 LOAD_FAST                0 (xs)
             38 CALL                     1
             39 RETURN_VALUE
ExceptionTable:
  1 to 12 -> 14 [0]
  14 to 18 -> 33 [1] lasti
  19 to 22 -> 28 [1] lasti
  28 to 32 -> 33 [1] lasti
"#
    );
}

#[test]
fn closures_and_comprehensions() {
    let c = code(
        "def outer():\n    n = 0\n    def inc(k=1):\n        nonlocal n\n        n += k\n        return n\n    return [inc() for _ in range(3)]\n",
    );
    let text = disassemble(&c);
    assert!(text.contains(
        "  3           2 LOAD_CONST               2 ((1,))\n              3 LOAD_CLOSURE             1 (n)\n              4 BUILD_TUPLE              1\n"
    ));
    assert!(text.contains("MAKE_FUNCTION            9 (defaults, closure)"));
    assert!(text.contains("BINARY_OP               13 (+=)"));
    assert!(text.contains("Disassembly of <code object <listcomp>, file \"<test>\", line 7>:\n  7           0 BUILD_LIST               0\n              1 LOAD_FAST                0 (.0)\n        >>    2 FOR_ITER                 9 (to 9)\n"));
}

#[test]
fn constant_reprs() {
    let c = code(
        "x = (1.5, -0.0, 1e16, 2.5e-08, 1j, (1-2j), \"it's\", b'\\x00\"', None, ..., True, 10**30)",
    );
    let text = disassemble(&c);
    assert!(
        text.contains(r#"((1.5, -0.0, 1e+16, 2.5e-08, 1j, (1-2j), "it's", b'\x00"', None, Ellipsis, True, 1000000000000000000000000000000))"#),
        "{text}"
    );
}
