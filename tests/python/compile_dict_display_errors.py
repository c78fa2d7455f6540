# SyntaxErrors for dict displays mixed with set elements and missing values
# ({1: 2, 3}, {1: 2, 3: }, {1, 2: 3}): CPython's message, line, offsets and
# the displayed line with its caret.
import sys

from _helper_syntax import show_display

cases = [
    "{1: 2, 3}",
    "{1: 2, 3: }",
    "{1, 2: 3}",
    "x = {1: 2, 3}\n",
    "{1: 2, 3, 4: 5}",
    "{1:2, **a, 3}",
    "{**a, 3}",
    "{1: 2,\n 3}",
    "{1:}",
    "{1: , 2: 3}",
    "{1: 2, 3: 4, 5 }",
    "{'a': 1, 'b'}",
    "{'a': 1, 'é'}",
    "f({1: 2, 3})",
    "{1: 2, 3 4}",
    "{1:2, 3 if x else 4}",
    "{1: 2, (3)}",
    "{1: 2, x[1:2]}",
    "[{1: 2, 3}]",
    "{1: {2: 3, 4}}",
    "{1: 2, \n  3 \n}",
    "{1:2, 3 \n: 4, 5}",
    "{1: 2, 3, }",
    "{1: *a}",
    "{1: 2, 3: 4: 5}",
    "{x, y: z}",
    "{1, **a}",
]
for src in cases:
    try:
        compile(src, "<s>", "exec")
        print("compiled", repr(src))
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
        show_display(e)
