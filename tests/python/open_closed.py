# Closed files: every layer's error for each operation, close() is
# idempotent, `with` closes on normal exit and on an exception, the closed
# attribute, and what still works on a closed file (name, mode, encoding).
from _helper_tmpfiles import TmpFiles

tmp = TmpFiles("open_closed")
p = tmp.path("c.txt")
with open(p, "w") as f:
    f.write("abc\ndef\n")
print(f.closed, f.buffer.closed, f.buffer.raw.closed)


def t(label, fn):
    try:
        r = fn()
        print(label, "->", tmp.clean(repr(r)))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


def ops(label, f):
    for name, args in [("read", ()), ("readline", ()), ("readlines", ()), ("write", None),
                       ("flush", ()), ("tell", ()), ("seek", (0,)), ("truncate", ()),
                       ("fileno", ()), ("isatty", ()), ("readable", ()), ("writable", ()),
                       ("seekable", ()), ("__enter__", ()), ("__iter__", ()), ("__next__", ()),
                       ("peek", ()), ("read1", ()), ("readinto", (bytearray(2),)),
                       ("writelines", ([],)), ("detach", ())]:
        if not hasattr(f, name):
            print(label, name, "(none)")
            continue
        if args is None:
            args = ("x",) if hasattr(f, "encoding") else (b"x",)
        t(label + " " + name, lambda: getattr(f, name)(*args))
    t(label + " closed", lambda: f.closed)
    t(label + " name", lambda: f.name)
    t(label + " repr", lambda: repr(f))
    t(label + " close again", lambda: f.close())


f = open(p)
f.close()
ops("text-r", f)
t("text encoding", lambda: (f.encoding, f.errors, f.mode, f.line_buffering))
f = open(p, "a")
f.close()
ops("text-a", f)
f = open(p, "rb")
f.close()
ops("bufr", f)
t("bufr mode", lambda: f.mode)
f = open(p, "wb")
f.close()
ops("bufw", f)
f = open(p, "r+b")
f.close()
ops("bufrw", f)
f = open(p, "rb", buffering=0)
f.close()
ops("raw", f)
t("raw mode", lambda: (f.mode, f.closefd))

# with: the file is closed after the block, also when it raises.
with open(p, "w") as f:
    f.write("inside")
    print("in block:", f.closed)
print("after block:", f.closed)
try:
    with open(p) as g:
        print(g.read())
        raise KeyError("boom")
except KeyError as e:
    print("caught", e, g.closed)
with open(p, "rb") as b, open(p) as t2:
    print(b.read(2), t2.read(2))
print(b.closed, t2.closed)
g = open(p)
print(g.__enter__() is g, g.__exit__(None, None, None), g.closed)
g = open(p)
print(g.__exit__(KeyError, KeyError("x"), None), g.closed)

# Closing the buffer closes the text layer; closing the raw file closes
# the buffer.
g = open(p)
g.buffer.close()
print(g.closed, g.buffer.closed)
t("read after buffer.close", lambda: g.read())
g = open(p, "rb")
g.raw.close()
print(g.closed)
t("read after raw.close", lambda: g.read())
t("close buffered after raw.close", lambda: g.close())

tmp.cleanup()
