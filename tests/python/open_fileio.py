# _io.FileIO directly: modes and the mode attribute, name in __dict__,
# closefd, fileno, read/readall/readinto/write, seek/tell/truncate, reprs,
# re-initialization, and its errors.
import _io
from _helper_tmpfiles import TmpFiles

tmp = TmpFiles("open_fileio")
p = tmp.path("f.bin")


def t(label, fn):
    try:
        r = fn()
        print(label, "->", tmp.clean(repr(r)))
    except Exception as e:
        print(label, "!!", type(e).__name__, tmp.clean(str(e)))


f = _io.FileIO(p, "w")
print(f.mode, f.closefd, f.readable(), f.writable(), f.seekable(), f.isatty())
print(tmp.short(f.name), list(f.__dict__), f.fileno() > 2, f._blksize > 0)
print(f.write(b"0123456789"), f.write(bytearray(b"ab")), f.tell())
t("read on w", lambda: f.read())
t("readinto on w", lambda: f.readinto(bytearray(2)))
t("write str", lambda: f.write("s"))
print(tmp.clean(repr(f)))
f.close()
print(repr(f), f.closed)
t("write closed", lambda: f.write(b"x"))
t("fileno closed", lambda: f.fileno())
t("seek closed", lambda: f.seek(0))

for mode in ["r", "rb", "r+", "w+", "a", "a+", "ab+", "x"]:
    path = tmp.path("mode_" + mode.replace("+", "p"))
    if mode[0] in "ra":
        with open(path, "wb") as w:
            w.write(b"data")
    g = _io.FileIO(path, mode)
    print(repr(mode), g.mode, g.readable(), g.writable(), g.tell())
    g.close()

for bad in ["rt", "rw", "", "b", "++", "r+r", "z", "rU"]:
    t("mode %r" % bad, lambda: _io.FileIO(p, bad))

g = _io.FileIO(p, "r+")
print(g.read(3), g.read(0), g.read(-1), g.read(), g.tell())
print(g.seek(2), g.read(2), g.seek(-1, 2), g.read(), g.seek(1, 1), g.tell())
b = bytearray(4)
g.seek(0)
print(g.readinto(b), b, g.readinto(bytearray(0)))
print(g.seek(0), g.readall(), g.readall())
print(g.truncate(5), g.tell(), g.seek(0), g.read())
print(g.truncate(), g.truncate(7), g.seek(0), g.read())
t("seek bad whence", lambda: g.seek(0, 9))
t("seek negative", lambda: g.seek(-20))
t("seek float", lambda: g.seek(1.0))
t("read float", lambda: g.read(2.0))
t("truncate str", lambda: g.truncate("1"))
t("readinto bytes", lambda: g.readinto(b"ro"))
g.close()

# Sharing a descriptor: closefd=False leaves it open.
g = _io.FileIO(p, "r")
h = _io.FileIO(g.fileno(), "r", closefd=False)
print(h.name == g.fileno(), h.closefd, h.read(2), h.mode)
t("repr fd", lambda: repr(h).replace(str(g.fileno()), "N"))
h.close()
print(g.read(2), g.closed)
t("closefd false with name", lambda: _io.FileIO(p, closefd=False))
t("negative fd", lambda: _io.FileIO(-3))
t("float", lambda: _io.FileIO(2.5))
t("bytes path", lambda: _io.FileIO(p.encode()).read(2))
t("nul", lambda: _io.FileIO(p + "\0"))
t("missing", lambda: _io.FileIO(tmp.path("none")))
try:
    _io.FileIO(tmp.dir())
except IsADirectoryError as e:
    print("dir", e.errno, e.strerror)
t("kwargs", lambda: _io.FileIO(file=p, mode="rb", closefd=True, opener=None).read(1))
t("bad kw", lambda: _io.FileIO(p, foo=1))

# __init__ again on an open object reopens it.
g.__init__(tmp.path("mode_r"))
print(tmp.short(g.name), g.read())
g.close()

# Attributes in __dict__.
g = _io.FileIO(p)
g.extra = 5
print(sorted(vars(g)), g.extra)
g.name = "renamed"
print(repr(g))
g.close()

tmp.cleanup()
