# _io.StringIO: reading, writing at any position (past the end pads with
# NULs), seek/tell/truncate rules and errors, getvalue, iteration, close,
# pickling state, and its argument errors.
from _io import StringIO


def t(label, fn):
    try:
        r = fn()
        rr = repr(r)
        print(label, "->", type(r).__name__ if " at 0x" in rr else rr)
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


s = StringIO("héllo\nwörld\n☃ 𝄞")
print(s.read(3), s.tell(), repr(s.readline()), s.tell(), repr(s.readline(2)))
print(repr(s.readline()), repr(s.read()), repr(s.read()), s.tell())
print(s.seek(0), s.readlines())
print(s.seek(0), list(s), s.readable(), s.writable(), s.seekable())
print(s.seek(1), s.write("E"), s.getvalue()[:6], s.tell())
print(s.seek(0, 2), s.write("!"), s.tell(), repr(s.getvalue()[-3:]))
print(s.seek(20), s.write("x"), repr(s.getvalue()[-5:]), len(s.getvalue()))
print(s.truncate(4), s.tell(), repr(s.getvalue()))
print(s.truncate(), repr(s.getvalue()), s.tell())
print(s.seek(2), s.truncate(), repr(s.getvalue()), s.truncate(10), repr(s.getvalue()))
print(s.seek(0, 1), s.seek(0, 0))
for args in [(-1,), (1, 1), (-1, 2), (1, 2), (0, 3), (0, -1)]:
    t("seek%r" % (args,), lambda: s.seek(*args))
t("seek str", lambda: s.seek("0"))
t("seek float", lambda: s.seek(1.5))
t("truncate -1", lambda: s.truncate(-1))
t("truncate str", lambda: s.truncate("1"))
t("write int", lambda: s.write(1))
t("write bytes", lambda: s.write(b"x"))
t("write None", lambda: s.write(None))
t("read str", lambda: s.read("1"))
t("read float", lambda: s.read(1.0))
t("readline float", lambda: s.readline(1.0))
print(s.write(""), s.write("abc"), s.writelines(["d", "e"]), repr(s.getvalue()))
print(s.line_buffering, s.encoding, s.errors, s.newlines, s.closed, s.isatty())
t("fileno", lambda: s.fileno())
t("detach", lambda: s.detach())
t("getstate", lambda: s.__getstate__())

s2 = StringIO()
s2.__setstate__(("restored", "\r\n", 3, {"a": 1}))
print(repr(s2.getvalue()), s2.tell(), s2.a, s2.__getstate__())
t("setstate bad", lambda: s2.__setstate__(("x",)))
t("setstate pos", lambda: s2.__setstate__(("x", None, -1, None)))

# Construction.
for args, kw in [((), {}), (("init",), {}), ((None,), {}), (("a\nb",), {"newline": None}),
                 ((), {"initial_value": "kw"}), (("x", "\n"), {})]:
    x = StringIO(*args, **kw)
    print(args, kw, repr(x.getvalue()), x.tell())
t("init int", lambda: StringIO(5))
t("init bytes", lambda: StringIO(b"b"))
t("init newline", lambda: StringIO("", "x"))
t("init newline type", lambda: StringIO("", 5))
t("init too many", lambda: StringIO("", "\n", 1))
t("init bad kw", lambda: StringIO(foo=1))

# Writing overwrites in place.
w = StringIO("abcdef")
print(w.write("XY"), repr(w.getvalue()), w.tell(), repr(w.read()))
w.seek(4)
print(w.write("123456"), repr(w.getvalue()))

# Closed.
s.close()
print(s.closed, s.close())
for name in ["read", "getvalue", "tell", "readline", "readable", "writable", "seekable",
             "flush", "isatty", "__next__", "__iter__", "__enter__"]:
    t("closed " + name, lambda: getattr(s, name)())
t("closed write", lambda: s.write("x"))
t("closed seek", lambda: s.seek(0))
t("closed truncate", lambda: s.truncate())
t("closed line_buffering", lambda: s.line_buffering)
t("closed newlines", lambda: s.newlines)

# with.
with StringIO("ctx") as c:
    print(c.read())
print(c.closed)

# A big one.
big = StringIO()
for i in range(3000):
    big.write("%d,%s\n" % (i, "é" * (i % 5)))
v = big.getvalue()
print(len(v), big.tell(), v[:10], v[-12:])
big.seek(0)
print(sum(1 for _ in big), big.tell() == len(v))
