# SyntaxError messages and positions of common mistakes: a missing colon
# (the error sits on the line break, one caret after the line), a decorator
# with nothing after it, a `try` body followed by something that is neither
# `except` nor `finally`, a tuple as augmented-assignment target, a dict
# item without its colon, assignment to an unparenthesized `yield`, and
# names after `import *`. Each is shown as the traceback module prints it.
import traceback

CASES = [
    "if True\n    x = 1\n",
    "while x < 3\n    x += 1\n",
    "def f(a, b)\n    return a\n",
    "class A\n    pass\n",
    "for i in range(3)\n    print(i)\n",
    "@\ndef f(): pass\n",
    "try:\n    pass\nx = 1\n",
    "def g():\n    try:\n        x = 1\n    # note\n    y = 2\n",
    "try:\n    pass\n",
    "a, b += 1\n",
    "x = 1; a, b -= 2\n",
    "x = {1: 2, 3}\n",
    "x = {'k': 1, 'j': 2, other}\n",
    "x = {1: 2, f(3), 4}\n",
    "def h():\n    yield = 3\n",
    "def h():\n    x = yield = 3\n",
    "def h():\n    (yield) = 3\n",
    "from os import *, path\n",
]

for src in CASES:
    try:
        compile(src, "<case>", "exec")
    except SyntaxError as e:
        print(repr(src))
        print("  ", type(e).__name__, repr(e.msg), e.lineno, e.offset)
        print("".join(traceback.format_exception_only(type(e), e)), end="")
    else:
        print(repr(src), "compiled")

# The same display for an uncaught error in exec'd code.
try:
    exec("if 1 > 0\n    print('x')\n")
except SyntaxError as e:
    print("".join(traceback.format_exception_only(type(e), e)), end="")
