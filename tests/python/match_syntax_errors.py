# CPython's SyntaxErrors for bad match statements and patterns (message,
# line and column), and runtime errors of patterns that compile.
cases = [
    "match x:\n    case 1 + 1: pass",
    "match x:\n    case f(): pass",
    "match x:\n    case [*_, *_]: pass",
    "match x:\n    case *a: pass",
    "match x:\n    case 1 as _: pass",
    "match x:\n    case C(a, b=1, c): pass",
    "match x:\n    case C(x=1, x=2): pass",
    "match x:\n    case 1 - 2: pass",
    "match x:\n    case 1j + 2: pass",
    "match x:\n    case f'x': pass",
    "match x:\n    case {1: a, 1: b}: pass",
    "match x:\n    case {'a': 1, **_}: pass",
    "match x:\n    case [a, (b | a)]: pass",
    "match x:\n    case (a | b) as c: pass",
    "match x:\n    case a:\n        pass\n    case _:\n        pass",
    "match x:\n    case (a):\n        pass\n    case 2:\n        pass",
    "match x:\n    case 1 | _:\n        pass\n    case 2:\n        pass",
    "match x:\n    case x | 1: pass",
    "match x:\n    case [a, *b, c, *d]: pass",
    "match x:\n    case {**a, 'k': 1}: pass",
    "match x:\n    case (1 | a) as b: pass",
    "match x:\n    case a.b as c if c: pass",
    "match x:\ncase 1: pass",
    "match x:\n    pass",
    "match x:\n    case 1:\n    pass",
    "match:\n    case 1: pass",
    "def f():\n    match x:\n        case y:\n            return\n        case z:\n            return",
    "match x:\n    case {**rest}: pass\n    case {}: pass",
    "match x:\n    case [1, 2] | (3, 4): pass",
    "match x:\n    case str() | bytes() as s: pass",
]
for src in cases:
    first = src.split("case ")[1].split(":")[0] if "case " in src else src.split("\n")[0]
    try:
        compile(src, "<s>", "exec")
        print("compiles:", first)
    except SyntaxError as e:
        print(f"{first!r}: {e.msg} (line {e.lineno}, offset {e.offset})")

# soft keywords: match/case/_ stay usable as names
match = [1, 2]
case = {"k": "v"}
_ = "underscore"
print(match, case, _)
match match:
    case [case, *_]:
        print("case bound to", case, "and _ untouched:", _)
