# sys.tracebacklimit limits the entries of a printed traceback to the last N
# (0 or less: no traceback at all, not even its header; not an int: the
# default); a SyntaxError whose filename is bytes shows its str().
import sys

src = """
def f1():
    1 / 0
def f2():
    f1()
def f3():
    f2()
f3()
"""
code = compile(src, "<t>", "exec")

def show(exc):
    saved = sys.stderr
    sys.stderr = sys.stdout
    try:
        sys.__excepthook__(type(exc), exc, exc.__traceback__)
    finally:
        sys.stderr = saved

for limit in [10, 4, 3, 2, 1, 0, -1, 1 << 100, -(1 << 100), None, "3", 2.5, True]:
    sys.tracebacklimit = limit
    print("limit", repr(limit))
    try:
        exec(code, {})
    except ZeroDivisionError as e:
        show(e.with_traceback(e.__traceback__.tb_next))
del sys.tracebacklimit

try:
    raise SyntaxError("msg", (b"bytes_filename", 123, 0, "text"))
except SyntaxError as e:
    show(e.with_traceback(None))
try:
    raise SyntaxError("msg2", (None, 5, 2, "abc"))
except SyntaxError as e:
    show(e.with_traceback(None))
