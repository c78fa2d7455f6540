# _io.BytesIO: read/read1/readinto/readline/readlines, writes at any
# position (zero padding past the end), seek/tell/truncate rules,
# getvalue, iteration, close, state, and argument errors.
from _io import BytesIO


def t(label, fn):
    try:
        r = fn()
        rr = repr(r)
        print(label, "->", type(r).__name__ if " at 0x" in rr else rr)
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


b = BytesIO(b"line1\nline2\n\xff\x00end")
print(b.read(3), b.read1(2), b.read1(), b.read(), b.tell())
print(b.seek(0), b.readline(), b.readline(2), b.readline(), b.readline(-1), b.readline())
print(b.seek(0), b.readlines(), b.seek(0), b.readlines(7), b.readlines(0))
print(b.seek(0), list(b), b.readable(), b.writable(), b.seekable(), b.isatty())
ba = bytearray(4)
print(b.seek(2), b.readinto(ba), ba, b.readinto1(bytearray(100)), b.readinto(bytearray(3)))
print(b.seek(-3, 2), b.read(), b.seek(-100, 1), b.tell(), b.seek(5, 1), b.tell())
print(b.seek(30), b.write(b"Z"), len(b.getvalue()), b.getvalue()[-5:], b.tell())
print(b.truncate(4), b.getvalue(), b.tell(), b.truncate(), b.getvalue())
print(b.seek(1), b.truncate(), b.getvalue(), b.truncate(10), b.getvalue())
print(b.write(bytearray(b"AB")), b.writelines([b"C", bytearray(b"D")]), b.getvalue())
print(b.seek(0), b.write(b"overwrite"), b.getvalue(), b.flush())
for args in [(-1,), (0, 3), (0, -1), (-5, 2)]:
    t("seek%r" % (args,), lambda: b.seek(*args))
t("seek float", lambda: b.seek(1.0))
t("truncate -1", lambda: b.truncate(-1))
t("write str", lambda: b.write("s"))
t("write int", lambda: b.write(3))
t("writelines str", lambda: b.writelines(["s"]))
t("read float", lambda: b.read(1.5))
t("readline str", lambda: b.readline("1"))
t("readlines float", lambda: b.readlines(1.5))
t("readinto bytes", lambda: b.readinto(b"xx"))
t("getstate", lambda: b.__getstate__())
t("fileno", lambda: b.fileno())
t("detach", lambda: b.detach())

c = BytesIO()
c.__setstate__((b"state", 2, {"k": "v"}))
print(c.getvalue(), c.tell(), c.k, c.read())
t("setstate short", lambda: c.__setstate__((b"x",)))
t("setstate neg", lambda: c.__setstate__((b"x", -1, None)))
t("setstate str", lambda: c.__setstate__(("x", 0, None)))

for arg in [None, b"", b"abc", bytearray(b"xy")]:
    print(repr(arg), BytesIO(arg).getvalue())
print(BytesIO(initial_bytes=b"kw").getvalue())
t("init str", lambda: BytesIO("s"))
t("init int", lambda: BytesIO(3))
t("init list", lambda: BytesIO([1]))
t("init two", lambda: BytesIO(b"a", b"b"))

b.close()
print(b.closed, b.close())
for name in ["read", "getvalue", "tell", "readline", "readlines", "readable", "writable",
             "seekable", "flush", "isatty", "__next__", "__iter__", "__enter__", "read1"]:
    t("closed " + name, lambda: getattr(b, name)())
t("closed write", lambda: b.write(b"x"))
t("closed seek", lambda: b.seek(0))
t("closed truncate", lambda: b.truncate())
t("closed readinto", lambda: b.readinto(bytearray(1)))

with BytesIO(b"ctx") as c:
    print(c.read())
print(c.closed)

big = BytesIO()
for i in range(5000):
    big.write(("%d;" % i).encode())
print(len(big.getvalue()), big.tell(), big.getvalue()[-10:])
