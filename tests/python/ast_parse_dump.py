# gc-stress: 20
# ast.parse on every kind of node; ast.dump with and without positions
# (CPython's line/column numbers, columns in UTF-8 bytes).
import ast

SOURCES = [
    "x = 1",
    "a, *b = c = f(1, *args, k=2, **kw)",
    "x: int = 5\ny: 'str'\n(z): int",
    "x += 1; y //= 2; z @= m",
    "del a, b[0], c.d",
    "import os, sys as s\nfrom . import a\nfrom ..pkg.mod import (b as bb, c)\nfrom m import *",
    "global g\nnonlocal n",
    "assert x, 'msg'\nraise E from e\nraise",
    "if a:\n    pass\nelif b:\n    x\nelif c:\n    y\nelse:\n    z",
    "while x:\n    break\nelse:\n    continue",
    "for i, j in enumerate(s):\n    pass\nelse:\n    pass",
    "async def f():\n    async for x in y:\n        await z\n    async with a as b, c:\n        yield\n    yield from q",
    "@dec\n@dec2(1)\ndef f(a, /, b: int = 1, *args, c, d=2, **kw) -> None:\n    'doc'\n    return a",
    "@dec\nclass C(B, metaclass=M):\n    x = 1\n    def m(self): ...",
    "try:\n    pass\nexcept E as e:\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass",
    "try:\n    pass\nexcept* (E, F) as e:\n    pass",
    "with open(f) as g, h:\n    pass",
    "lambda x, *y, z=3, **w: x + y",
    "a if b else c",
    "[x for x in y if x if z for w in x]",
    "{k: v for k, v in d.items()}",
    "{x for x in s}",
    "f(x for x in y)",
    "f((x for x in y), 1)",
    "{1: 2, **d, 3: 4}",
    "{1, 2, *s}",
    "[1, 2][0:1:2], a[1:], a[::2], a[i, j], a[1:2, ...]",
    "not a and b or c",
    "-x + ~y * +z ** 2 - a @ b % c << d >> e | f ^ g & h",
    "a < b <= c > d >= e == f != g is h is not i in j not in k",
    "(y := 10)",
    "'a' 'b'",
    "u'unicode'",
    "b'bytes' b'more'",
    "1, 1.5, 2j, 10**100, 0xFF, 1_000, True, False, None, ...",
    "f'a{x!r:>{w}} b{y=} {z:.2f}' 'c'",
    "f'{x}' f'{y!s}' f'{z!a}'",
    "f''",
    "match p:\n    case 1 | 2:\n        pass\n    case [a, *rest]:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case Point(x, y=0) as pt if x > 0:\n        pass\n    case None:\n        pass\n    case _:\n        pass",
    "x = 'héllo'; y = 1",
    "def g():\n    x = yield 1\n    return x",
]

for src in SOURCES:
    tree = ast.parse(src)
    print(ast.dump(tree))
    print(ast.dump(tree, include_attributes=True))

print(ast.dump(ast.parse("1 + 2", mode="eval"), include_attributes=True))
print(ast.dump(ast.parse("x = 1", mode="single")))
print(ast.dump(ast.parse("x = 1\n"), indent=2))
print(ast.dump(compile("a.b", "<s>", "eval", ast.PyCF_ONLY_AST)))
