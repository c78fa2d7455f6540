# Mixed tabs and spaces in indentation: CPython's tokenizer compares every
# indentation with tabs counted to 8 columns and to 1, and raises TabError
# when the two disagree (also where the ruff lexer sees a plain dedent
# error), IndentationError when a dedent matches no outer level. Checks
# the exception type, message and location, and the displayed error.
import sys

from _helper_syntax import show_display

cases = [
    "def f():\n        a = 1\n\tb = 2\n",
    "def f():\n    if 1:\n\tpass\n",
    "if 1:\n\tx = 1\n        y = 2\n",
    "if 1:\n        x = 1\n\ty = 2\n",
    "if 1:\n    \tx = 1\n\t    y = 2\n",
    "if 1:\n\tif 2:\n\t    pass\n        pass\n",
    "if 1:\n\t  x = 1\n  \ty = 2\n",
    "if 1:\n  x\n\tpass\n",
    "if 1:\n\tx\n  pass\n",
    "if 1:\n\tif 1:\n\t\tx\n  \t  y\n",
    "if 1:\n        if 1:\n\t\tx\n",
    "if 1:\n\tif 1:\n                x\n",
    "if 1:\n    x\n  y\n",
    "x\n  y\n",
    "def f():\n\tif 1:\n\t\tx\n\t  y\n",
    "if 1:\n  x\n \ty\n",
    "if 1:\n\tx\n\t\n  \ty\n",
    "if 1:\n\tx\n\t# c\n        y\n",
    "if 1:\n\tx = (1,\n        2)\n        y\n",
    "if 1:\n\tx = 1; \\\n        y = 2\n        z\n",
    "if 1:\n\f\tx\n        y\n",
    "if 1:\n    x\n\f\ty\n",
    "class A:\n\tdef f(self):\n\t    pass\n        def g(self): pass",
    "x = (\n  1\n)\n  y\n",
    "  x\n",
    "".join(" " * i + "if 1:\n" for i in range(101)) + " " * 101 + "pass\n",
]

for src in cases:
    try:
        compile(src, "<s>", "exec")
        print("compiled")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text[:30]), e.end_lineno, e.end_offset)
        show_display(e)

# exec of a source string raises the same errors.
try:
    exec("def g():\n        a = 1\n\tb = 2\n")
except TabError as e:
    print("exec:", type(e).__name__, e.lineno, e.offset, issubclass(TabError, IndentationError))

# A module file with a TabError: the error names the file and line.
try:
    import _helper_tab_error
except TabError as e:
    print("import:", type(e).__name__, e.msg, e.filename.rsplit("/", 1)[-1], e.lineno, e.offset, repr(e.text), e.end_offset)
    e.filename = "_helper_tab_error.py"
    show_display(e)
