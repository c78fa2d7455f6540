//! Every statement and expression form compiles and verifies, and the
//! constructs with a fixed scheme compile to it.

use super::{code, code_mode, find, names, ops};
use crate::code::flags;
use crate::code::Constant;
use crate::Mode;

/// One snippet per form; each must compile and verify.
const FORMS: &[&str] = &[
    // Simple statements.
    "x = 1",
    "x = y = z = f()",
    "a, b = b, a",
    "a, b, c = c, b, a",
    "a, *b, c = range(10)",
    "[a, (b, c)] = 1, (2, 3)",
    "x.y = 1; x[0] = 2; x[1:2] = 3; x[::2] = 4",
    "x += 1; x.a -= 2; x[i] *= 3",
    "for op in [0]:\n  x @= 1; x /= 2; x //= 3; x %= 4; x **= 5; x <<= 6; x >>= 7; x &= 8; x |= 9; x ^= 10",
    "del x; del x.y, x[1], x[1:2]; del (a, [b, c])",
    "x: int = 1\ny: 'str'\nz.a: int\nw[0]: int = 2",
    "assert x\nassert x, 'message'",
    "raise\nraise E\nraise E from None",
    "import a\nimport a.b.c\nimport a.b.c as d\nimport a as b, c",
    "from a import b\nfrom a import b as c, d\nfrom . import x\nfrom ..a.b import c\nfrom a import *",
    "global g\ng = 1",
    "pass",
    "print(1)",
    // Expressions.
    "x = a + b - c * d / e // f % g ** h @ i",
    "x = a << b >> c & d | e ^ f",
    "x = -a, +a, ~a, not a",
    "x = a < b <= c == d != e > f >= g",
    "x = a is b, a is not b, a in b, a not in b",
    "x = a and b or c and not d",
    "x = a if b else c",
    "x = (y := 10) + y",
    "x = lambda: 0",
    "x = lambda a, b=1, *c, d, e=2, **f: (a, b, c, d, e, f)",
    "x = lambda a, /, b: a",
    "x = [1, 2, 3], (1, 2, 3), {1, 2, 3}, {1: 2, 3: 4}",
    "x = [], (), {}, set()",
    "x = [*a, *b], (*a, 1), {*a, 1}, {**a, 'b': 1, **c}",
    "x = [a, b], (a, b), {a, b}, {a: b, c: d}",
    "x = a[1], a[1:2], a[1:2:3], a[:, 1], a[...], a[::]",
    "x = a.b.c.d",
    "x = f(), f(1), f(a=1), f(1, a=2), f(*a), f(**k), f(1, *a, b=2, **k), f(*a, *b, **c, **d)",
    "x = o.m(), o.m(1), o.m(k=2), o.m(*a), o.m(**k)",
    "x = f(x for x in y)",
    "x = [i for i in range(3)]",
    "x = [i * j for i in range(3) if i for j in range(i) if j if i + j]",
    "x = {i for i in y}",
    "x = {k: v for k, v in items}",
    "x = (i for i in y)",
    "x = [y for y in [f(z)]]",
    "x = [[j for j in range(i)] for i in range(3)]",
    "x = f'{a}', f'{a!r}', f'{a!s:>10}', f'{a!a}', f'{a:{w}.{p}}', f'{a=}', f'{a = !s}', f''",
    "x = 'a' 'b', b'a' b'b', f'a' 'b' f'{c}'",
    "x = 1, 1.5, 1j, 1 + 2j, 10 ** 100, 0x10, 0o10, 0b10, 1_000_000, None, True, False, ...",
    "x = '%s and %r' % (a, b)",
    "x = __debug__",
    // Compound statements.
    "if a:\n  pass\nelif b:\n  pass\nelse:\n  pass",
    "while a:\n  if b: break\n  if c: continue\nelse:\n  pass",
    "while True:\n  x()",
    "for i in range(3):\n  if i: break\nelse:\n  pass",
    "for a, (b, *c) in x:\n  pass",
    "try:\n  pass\nexcept E:\n  pass",
    "try:\n  pass\nexcept (A, B) as e:\n  pass\nexcept C:\n  pass\nexcept:\n  pass\nelse:\n  pass\nfinally:\n  pass",
    "try:\n  pass\nfinally:\n  pass",
    "try:\n  f()\nexcept* ValueError as e:\n  pass\nexcept* (TypeError, KeyError):\n  pass",
    "try:\n  f()\nexcept* ValueError:\n  pass\nelse:\n  g()\nfinally:\n  h()",
    "with a:\n  pass",
    "with a as b, c as (d, e):\n  pass",
    "with (a as b, c):\n  pass",
    "def f():\n  pass",
    "def f(a, b=1, /, c=2, *d, e, f=3, **g) -> int:\n  'doc'\n  return a",
    "@d1\n@d2(x)\ndef f(): pass",
    "class C: pass",
    "class C(A, B, metaclass=M, **kw):\n  'doc'\n  x: int = 1\n  def m(self): return super().m()",
    "@d\nclass C(*bases): pass",
    "match x:\n  case 1 | 2:\n    pass\n  case [a, *b]:\n    pass\n  case {'k': v, **rest}:\n    pass\n  case C(1, y=2) as c if c:\n    pass\n  case _:\n    pass",
    "match x:\n  case None: pass\n  case True: pass\n  case -1: pass\n  case 1+2j: pass\n  case 'a' | b'b': pass\n  case C.D: pass\n  case [_, _, *_]: pass\n  case (a, b) | (b, a): pass\n  case {}: pass\n  case str(): pass",
    // Functions: generators, closures, async.
    "def g():\n  yield\n  yield 1\n  x = yield\n  return 2",
    "def g():\n  yield from h()",
    "def f():\n  x = 1\n  def g():\n    nonlocal x\n    x += 1\n    return x\n  return g",
    "def f(a):\n  return lambda: a",
    "async def f():\n  await x\n  async with a as b:\n    pass\n  async for i in y:\n    pass\n  else:\n    pass\n  return [i async for i in y]",
    "async def f():\n  return [await i for i in y], {await i for i in y}, {i: await i for i in y}",
    "async def ag():\n  yield 1\n  await x",
    "def f():\n  return (await x for x in y)",
    "async def f():\n  try:\n    await x\n  finally:\n    await y",
    // Unwinding through try/finally/with.
    "def f():\n  for x in y:\n    try:\n      if x: return x\n      if not x: break\n      continue\n    finally:\n      g()",
    "def f():\n  with a:\n    with b:\n      return c",
    "def f():\n  try:\n    pass\n  except E as e:\n    return e",
    "def f():\n  while x:\n    try:\n      break\n    except:\n      continue\n    finally:\n      return 1",
    "async def f():\n  async with a:\n    return 1",
    "def f():\n  for x in y:\n    with z:\n      break",
];

#[test]
fn every_form_compiles_and_verifies() {
    for src in FORMS {
        let c = code(src);
        assert!(!c.instructions.is_empty(), "{src}");
    }
}

#[test]
fn eval_and_single_modes() {
    let c = code_mode("a + 1", Mode::Eval);
    assert_eq!(
        ops(&c),
        ["LOAD_NAME 0", "LOAD_CONST 0", "BINARY_OP 0", "RETURN_VALUE"]
    );
    let c = code_mode("a + 1", Mode::Single);
    assert_eq!(
        names(&c),
        [
            "LOAD_NAME",
            "LOAD_CONST",
            "BINARY_OP",
            "PRINT_EXPR",
            "LOAD_CONST",
            "RETURN_VALUE"
        ]
    );
    // Only module-level expression statements print.
    let c = code_mode("def f():\n  x\n", Mode::Single);
    assert!(!names(find(&c, "f")).contains(&"PRINT_EXPR"));
    // One logical line may hold several simple statements.
    code_mode("a = 1; b = 2", Mode::Single);
}

#[test]
fn plain_and_method_calls_follow_the_call_convention() {
    let c = code("def f():\n  g(1)\n  o.m(1, k=2)\n  h(*a)\n");
    let f = find(&c, "f");
    assert_eq!(
        ops(f),
        [
            "LOAD_GLOBAL 1", // NULL + g
            "LOAD_CONST 1",
            "CALL 1",
            "POP_TOP",
            "LOAD_GLOBAL 2", // o
            "LOAD_METHOD 2",
            "LOAD_CONST 1",
            "LOAD_CONST 2",
            "LOAD_CONST 3", // ('k',)
            "CALL_KW 2",
            "POP_TOP",
            "LOAD_GLOBAL 7", // NULL + h
            "BUILD_LIST 0",
            "LOAD_GLOBAL 8",
            "LIST_EXTEND 1",
            "LIST_TO_TUPLE",
            "CALL_FUNCTION_EX 0",
            "POP_TOP",
            "LOAD_CONST 0",
            "RETURN_VALUE",
        ]
    );
    assert_eq!(
        f.constants[3],
        Constant::Tuple(vec![Constant::Str("k".into())])
    );
    // A star call of a method loads it as an attribute.
    let c = code("o.m(*a, **k)");
    assert_eq!(
        names(&c)[..7],
        [
            "PUSH_NULL",
            "LOAD_NAME",
            "LOAD_ATTR",
            "BUILD_LIST",
            "LOAD_NAME",
            "LIST_EXTEND",
            "LIST_TO_TUPLE"
        ]
    );
    assert!(names(&c).contains(&"CALL_FUNCTION_EX"));
}

#[test]
fn function_code_objects() {
    let c = code("def f(a, b=1, /, c=2, *d, e, f=3, **g):\n  'doc'\n  return a\ndef h(): pass\n");
    let f = find(&c, "f");
    assert_eq!(f.argcount, 3);
    assert_eq!(f.posonlyargcount, 2);
    assert_eq!(f.kwonlyargcount, 2);
    assert_eq!(f.varnames, ["a", "b", "c", "e", "f", "d", "g"]);
    assert_eq!(
        f.flags,
        flags::OPTIMIZED | flags::NEWLOCALS | flags::VARARGS | flags::VARKEYWORDS
    );
    assert_eq!(f.constants[0], Constant::Str("doc".into()));
    assert_eq!(find(&c, "h").constants[0], Constant::None);
    // Defaults: a constant tuple, and a dict of keyword-only defaults.
    assert_eq!(
        names(&c)[..5],
        [
            "LOAD_CONST",
            "LOAD_CONST",
            "LOAD_CONST",
            "BUILD_CONST_KEY_MAP",
            "LOAD_CONST"
        ]
    );
    assert_eq!(c.instructions[5].a(), 3); // MAKE_FUNCTION defaults|kwdefaults
}

#[test]
fn docstrings_and_optimize_levels() {
    let c = code("'mod doc'\nclass C:\n  'class doc'\n");
    assert_eq!(names(&c)[..2], ["LOAD_CONST", "STORE_NAME"]);
    assert_eq!(c.names[0], "__doc__");
    let cls = find(&c, "C");
    assert!(cls.names.contains(&"__doc__".to_string()));
    let stripped =
        crate::compile("'doc'\nassert x\nif __debug__: y()\n", "t", Mode::Exec, 2).unwrap();
    assert!(!stripped.names.contains(&"__doc__".to_string()));
    assert!(!names(&stripped).contains(&"LOAD_ASSERTION_ERROR"));
    assert!(!names(&stripped).contains(&"CALL"));
    let o1 = crate::compile("'doc'\nassert x\n", "t", Mode::Exec, 1).unwrap();
    assert!(o1.names.contains(&"__doc__".to_string()));
    assert!(!names(&o1).contains(&"LOAD_ASSERTION_ERROR"));
}

#[test]
fn class_body_scheme() {
    let c = code("class C(B):\n  def m(self): return __class__\n");
    assert_eq!(
        names(&c)[..7],
        [
            "PUSH_NULL",
            "LOAD_BUILD_CLASS",
            "LOAD_CONST",
            "MAKE_FUNCTION",
            "LOAD_CONST",
            "LOAD_NAME",
            "CALL"
        ]
    );
    let body = find(&c, "C");
    assert_eq!(body.cellvars, ["__class__"]);
    assert_eq!(
        names(body),
        [
            "LOAD_NAME",
            "STORE_NAME",
            "LOAD_CONST",
            "STORE_NAME",
            "LOAD_CLOSURE",
            "BUILD_TUPLE",
            "LOAD_CONST",
            "MAKE_FUNCTION",
            "STORE_NAME",
            "LOAD_CLOSURE",
            "COPY",
            "STORE_NAME",
            "RETURN_VALUE",
        ]
    );
    assert_eq!(
        body.names,
        [
            "__name__",
            "__module__",
            "__qualname__",
            "m",
            "__classcell__"
        ]
    );
    assert_eq!(body.constants[0], Constant::Str("C".into()));
    // No `__class__` use: the body returns None.
    let c = code("class D:\n  x = 1\n");
    let body = find(&c, "D");
    assert!(body.cellvars.is_empty());
    assert_eq!(
        &names(body)[names(body).len() - 2..],
        ["LOAD_CONST", "RETURN_VALUE"]
    );
    // Keywords go through CALL_KW.
    let c = code("class E(B, metaclass=M): pass");
    assert!(names(&c).contains(&"CALL_KW"));
}

#[test]
fn generators_start_with_their_first_statement() {
    let c = code("def g():\n  x = yield 1\n  y = yield from h()\n  return x\n");
    let g = find(&c, "g");
    assert_ne!(g.flags & flags::GENERATOR, 0);
    assert_eq!(
        names(g),
        [
            "LOAD_CONST",
            "YIELD_VALUE",
            "STORE_FAST",
            "LOAD_GLOBAL",
            "CALL",
            "GET_YIELD_FROM_ITER",
            "LOAD_CONST",
            "SEND",
            "YIELD_VALUE",
            "JUMP_BACKWARD_NO_INTERRUPT",
            "STORE_FAST",
            "LOAD_FAST",
            "RETURN_VALUE",
        ]
    );
    // The SEND loop jumps back to SEND.
    assert_eq!(g.instructions[9].a(), 7);
    assert_eq!(g.instructions[7].a(), 10);
}

#[test]
fn await_and_async_generators() {
    let c = code("async def f():\n  await x\nasync def ag():\n  yield 1\n");
    let f = find(&c, "f");
    assert_ne!(f.flags & flags::COROUTINE, 0);
    assert_eq!(
        names(f)[..6],
        [
            "LOAD_GLOBAL",
            "GET_AWAITABLE",
            "LOAD_CONST",
            "SEND",
            "YIELD_VALUE",
            "JUMP_BACKWARD_NO_INTERRUPT"
        ]
    );
    let ag = find(&c, "ag");
    assert_ne!(ag.flags & flags::ASYNC_GENERATOR, 0);
    assert_eq!(
        names(ag)[..3],
        ["LOAD_CONST", "ASYNC_GEN_WRAP", "YIELD_VALUE"]
    );
}

#[test]
fn comprehension_scheme() {
    let c = code("def f(xs):\n  return [x for x in xs]\n");
    let f = find(&c, "f");
    assert_eq!(
        names(f),
        [
            "LOAD_CONST",
            "MAKE_FUNCTION",
            "LOAD_FAST",
            "GET_ITER",
            "CALL",
            "RETURN_VALUE"
        ]
    );
    let comp = find(&c, "f.<locals>.<listcomp>");
    assert_eq!(comp.name, "<listcomp>");
    assert_eq!(comp.argcount, 1);
    assert_eq!(comp.varnames, [".0", "x"]);
    assert_eq!(
        ops(comp),
        [
            "BUILD_LIST 0",
            "LOAD_FAST 0",
            "FOR_ITER 7",
            "STORE_FAST 1",
            "LOAD_FAST 1",
            "LIST_APPEND 2",
            "JUMP_BACKWARD 2",
            "RETURN_VALUE"
        ]
    );
    let g = code("x = (i for i in y)");
    let gen = find(&g, "<genexpr>");
    assert_ne!(gen.flags & flags::GENERATOR, 0);
    assert!(names(gen).contains(&"YIELD_VALUE"));
}

#[test]
fn try_except_scheme() {
    let c = code("try:\n  f()\nexcept E as e:\n  g(e)\n");
    assert_eq!(
        names(&c),
        [
            "NOP",
            "PUSH_NULL",
            "LOAD_NAME",
            "CALL",
            "POP_TOP",
            "LOAD_CONST",
            "RETURN_VALUE",
            "PUSH_EXC_INFO",
            "LOAD_NAME",
            "CHECK_EXC_MATCH",
            "POP_JUMP_IF_FALSE",
            "STORE_NAME",
            "PUSH_NULL",
            "LOAD_NAME",
            "LOAD_NAME",
            "CALL",
            "POP_TOP",
            "POP_EXCEPT",
            "LOAD_CONST",
            "STORE_NAME",
            "DELETE_NAME",
            "LOAD_CONST",
            "RETURN_VALUE",
            "LOAD_CONST",
            "STORE_NAME",
            "DELETE_NAME",
            "RERAISE",
            "RERAISE",
            "COPY",
            "POP_EXCEPT",
            "RERAISE",
        ]
    );
    let t = &c.exception_table;
    assert_eq!(
        (t[0].start, t[0].end, t[0].target, t[0].depth, t[0].lasti),
        (1, 5, 7, 0, false)
    );
    // The handler's own cleanup keeps the saved exception (depth 1) and lasti.
    assert!(t.iter().any(|e| e.target == 28 && e.depth == 1 && e.lasti));
}

#[test]
fn with_scheme() {
    let c = code("with a as b:\n  c()\n");
    assert_eq!(
        names(&c)[..12],
        [
            "LOAD_NAME",
            "BEFORE_WITH",
            "STORE_NAME",
            "PUSH_NULL",
            "LOAD_NAME",
            "CALL",
            "POP_TOP",
            "LOAD_CONST",
            "LOAD_CONST",
            "LOAD_CONST",
            "CALL",
            "POP_TOP",
        ]
    );
    assert_eq!(c.instructions[10].a(), 2); // exit(None, None, None)
    assert!(names(&c).contains(&"WITH_EXCEPT_START"));
    // The handler unwinds to below the __enter__ result: just `exit`.
    let e = &c.exception_table[0];
    assert_eq!((e.start, e.depth, e.lasti), (2, 1, true));
}

#[test]
fn return_through_finally_runs_the_body_first() {
    let c = code("def f():\n  try:\n    return g()\n  finally:\n    h()\n");
    let f = find(&c, "f");
    let n = names(f);
    assert_eq!(
        n[..9],
        [
            "NOP",
            "LOAD_GLOBAL",
            "CALL",
            "LOAD_GLOBAL",
            "CALL",
            "POP_TOP",
            "RETURN_VALUE",
            "PUSH_EXC_INFO",
            "LOAD_GLOBAL"
        ]
    );
}

#[test]
fn match_sequence_scheme() {
    let c = code("match x:\n  case [a, b]:\n    pass\n");
    assert_eq!(
        names(&c)[..8],
        [
            "LOAD_NAME",
            "MATCH_SEQUENCE",
            "POP_JUMP_IF_FALSE",
            "GET_LEN",
            "LOAD_CONST",
            "COMPARE_OP",
            "POP_JUMP_IF_FALSE",
            "UNPACK_SEQUENCE"
        ]
    );
}

#[test]
fn except_star_scheme() {
    let c = code("try:\n  f()\nexcept* E:\n  pass\n");
    let n = names(&c);
    assert!(n.contains(&"CHECK_EG_MATCH"));
    assert!(n.contains(&"PREP_RERAISE_STAR"));
}

#[test]
fn future_annotations_are_strings() {
    let c = code(
        "from __future__ import annotations\nx: List[ int ] = []\ndef f(a: 'q' | None, *b: int) -> Dict[str, int]: pass\n",
    );
    assert!(c.constants.contains(&Constant::Str("List[int]".into())));
    assert!(c.constants.contains(&Constant::Str("'q' | None".into())));
    assert!(c
        .constants
        .contains(&Constant::Str("Dict[str, int]".into())));
}

#[test]
fn locations_follow_the_source() {
    let c = code("x = 1\n\ndef f(a,\n      b):\n  return a.b(\n    c)\n");
    let f = find(&c, "f");
    assert_eq!(f.first_line, 3);
    let loc = f.locations[f
        .instructions
        .iter()
        .position(|i| i.op().name() == "CALL")
        .unwrap()];
    assert_eq!((loc.line, loc.end_line, loc.col, loc.end_col), (5, 6, 9, 6));
    // Columns are byte offsets.
    let c = code("é = 'é' + x\n");
    let x = c
        .instructions
        .iter()
        .position(|i| i.op().name() == "LOAD_NAME")
        .unwrap();
    assert_eq!(c.locations[x].col, 12);
}

#[test]
fn qualnames() {
    let c = code(
        "def f():\n  def g():\n    class C:\n      def m(self): return [lambda: 0 for _ in x]\n  return g\nclass D:\n  def n(self): pass\n",
    );
    find(&c, "f.<locals>.g.<locals>.C.m.<locals>.<listcomp>.<lambda>");
    find(&c, "D.n");
    // A function declared global in its parent is named from the top.
    let c = code("def f():\n  global g\n  def g(): pass\n");
    find(&c, "g");
}
