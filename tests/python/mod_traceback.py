# gc-stress: 200
# traceback: format_exception, format_exception_only, print_exc to a
# stream, extract_tb/StackSummary/FrameSummary, TracebackException with
# causes and contexts, walk_tb, format_list, and exception groups.
import io
import sys
import traceback


def inner(x):
    return 1 / x


def outer(x):
    return inner(x)


def strip(text):
    # Keep only file base names (the absolute path differs).
    out = []
    for line in text.splitlines():
        if 'File "' in line:
            a = line.index('File "') + 6
            b = line.index('"', a)
            line = line[:a] + line[a:b].rsplit("/", 1)[-1] + line[b:]
        out.append(line)
    return "\n".join(out)


try:
    outer(0)
except ZeroDivisionError as e:
    err = e
print(strip("".join(traceback.format_exception(err))))
print(traceback.format_exception_only(type(err), err))
print(traceback.format_exception_only(err))
tb = traceback.extract_tb(err.__traceback__)
print(len(tb), [f.name for f in tb], [f.line for f in tb], tb[-1].lineno > tb[0].lineno)
print([(fr.f_code.co_name, type(ln).__name__) for fr, ln in traceback.walk_tb(err.__traceback__)])
print(strip("".join(traceback.format_list(tb))))
buf = io.StringIO()
try:
    {}["missing"]
except KeyError:
    traceback.print_exc(file=buf)
    print(traceback.format_exc().splitlines()[-1])
print(strip(buf.getvalue()))

try:
    try:
        int("x")
    except ValueError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    chained = e
print(strip("".join(traceback.format_exception(chained))))
try:
    try:
        [][0]
    except IndexError:
        raise TypeError("during handling")
except TypeError as e:
    ctx = e
te = traceback.TracebackException.from_exception(ctx)
print(strip("".join(te.format())))
print(te.exc_type.__name__, str(te), te.__context__.exc_type.__name__)
print("".join(traceback.format_exception(chained, chain=False)).count("Traceback"))
print(traceback.format_exception_only(SyntaxError("bad", ("f.py", 3, 5, "x = = 1\n"))))


def limited(n):
    if n == 0:
        raise ValueError("bottom")
    limited(n - 1)


try:
    limited(5)
except ValueError as e:
    lim = e
print(strip("".join(traceback.format_exception(lim, limit=2))))
print(len(traceback.format_tb(lim.__traceback__)), len(traceback.format_tb(lim.__traceback__, limit=-1)))
ss = traceback.StackSummary.from_list([("a.py", 1, "f", "x = 1"), ("b.py", 2, "g", None)])
print(ss.format())
fs = traceback.FrameSummary("c.py", 7, "h", line="return y")
print(fs, fs.filename, fs.lineno, fs.line, list(fs))
try:
    raise ExceptionGroup("many", [ValueError("a"), TypeError("b")])
except ExceptionGroup as e:
    eg = e
print(strip("".join(traceback.format_exception(eg))))
e = ValueError("with note")
e.add_note("a note")
print(traceback.format_exception_only(e))
stack = traceback.extract_stack()
print(stack[-1].name, stack[-1].line)
