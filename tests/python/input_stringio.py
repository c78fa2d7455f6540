# input() with sys.stdin (and sys.stdout) replaced: the prompt goes to
# stdout and is flushed, the newline is stripped, EOF raises EOFError,
# readline results are checked, and the lost-stream errors.
import sys
from _io import StringIO

saved_in, saved_out = sys.stdin, sys.stdout


class Out(StringIO):
    flushes = 0

    def flush(self):
        Out.flushes += 1


sys.stdin = StringIO("first line\nsecond\r\n\nno newline at end")
sys.stdout = out = Out()
got = []
got.append(input())
got.append(input("prompt> "))
got.append(input(""))
got.append(input(42))
try:
    input("last? ")
    got.append("no EOF")
except EOFError as e:
    got.append("EOFError: " + str(e))
sys.stdin, sys.stdout = saved_in, saved_out
print(got)
print(repr(out.getvalue()), Out.flushes)

# The prompt is str() of the object.


class P:
    def __str__(self):
        return "<P>"


sys.stdin = StringIO("x\n")
sys.stdout = out = StringIO()
v = input(P())
sys.stdin, sys.stdout = saved_in, saved_out
print(repr(v), repr(out.getvalue()))


class Lines:
    def __init__(self, lines):
        self.lines = list(lines)
        self.calls = 0

    def readline(self, *args):
        self.calls += 1
        return self.lines.pop(0)


for lines in [["ok\n"], [b"bytes\n"], [5], [""], ["a\nb\n"]]:
    sys.stdin = Lines(lines)
    try:
        r = repr(input())
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    sys.stdin = saved_in
    print(lines, "->", r)

for name in ["stdin", "stdout", "stderr"]:
    saved = getattr(sys, name)
    setattr(sys, name, None)
    try:
        input()
    except RuntimeError as e:
        msg = "RuntimeError: " + str(e)
    setattr(sys, name, saved)
    print(name, "None ->", msg)
    delattr(sys, name)
    try:
        input()
    except RuntimeError as e:
        msg = "RuntimeError: " + str(e)
    setattr(sys, name, saved)
    print(name, "missing ->", msg)

try:
    input("a", "b")
except TypeError as e:
    print("TypeError", e)
try:
    input(prompt="x")
except TypeError as e:
    print("TypeError", e)

# The real stdin of the test runner is empty.
try:
    input()
except EOFError as e:
    print("EOFError", e)
print(repr(sys.stdin.read()), repr(sys.stdin.readline()))
