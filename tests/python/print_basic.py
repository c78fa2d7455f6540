# print(): sep, end, file, flush; None for sep/end; str() of each object;
# one write() per piece; the argument errors; sys.stdout replaced or None.
import sys
from _io import StringIO

print()
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep="--", end="!\n")
print("no newline", end="")
print(" <- same line")
print(1, 2.5, None, True, [1, "x"], {"k": (1,)}, sep=" | ")
print("sep None", "end None", sep=None, end=None)
print(*range(5))
print(*[], sep="x", end="[empty]\n")
print("é€𝄞☃", "\t", repr("\n"))


class Recorder:
    def __init__(self):
        self.calls = []

    def write(self, s):
        self.calls.append(s)
        return len(s)

    def flush(self):
        self.calls.append("<flush>")


r = Recorder()
print("x", 1, "y", file=r)
print(file=r)
print("a", "b", sep="", end="", file=r)
print("f", file=r, flush=True)
print("g", file=r, flush=0)
print("h", file=r, flush=[1])
print(r.calls)

# str() is taken one argument at a time: a failing one stops the line.


class Bad:
    def __str__(self):
        raise ValueError("no str")


class S:
    def __str__(self):
        return "custom"

    def __repr__(self):
        return "repr!"


r = Recorder()
try:
    print("before", Bad(), "after", file=r)
except ValueError as e:
    print("ValueError", e, r.calls)
print(S(), [S()])


class StrSub(str):
    def __str__(self):
        return "never used"


print(StrSub("str subclass"))

# Argument errors.
for kw in [{"sep": 1}, {"end": b"x"}, {"sep": []}, {"foo": 1}, {"file": 5},
           {"file": "not a file"}]:
    try:
        print("x", **kw)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)


class NoFlush:
    def write(self, s):
        return len(s)


try:
    print("x", file=NoFlush(), flush=True)
except AttributeError as e:
    print("AttributeError", e)
print("flush=False does not need flush", file=NoFlush(), flush=False)


class WriteFails:
    def write(self, s):
        raise OSError("disk full")


try:
    print("x", file=WriteFails())
except OSError as e:
    print("OSError", e)

# Printing to StringIO, and through sys.stdout.
buf = StringIO()
print("into", "buffer", file=buf, sep="_")
print(repr(buf.getvalue()))
saved = sys.stdout
sys.stdout = StringIO()
print("captured", 42)
captured = sys.stdout.getvalue()
sys.stdout = saved
print(repr(captured))
sys.stdout = None
print("goes nowhere")
sys.stdout = saved
print("file=None uses sys.stdout", file=None)
del sys.stdout
try:
    print("lost")
except RuntimeError as e:
    msg = str(e)
sys.stdout = saved
print("RuntimeError", msg)
sys.stdout.write("direct write\n")
print(sys.stdout.write("len"), sys.stdout.write("\n"))
