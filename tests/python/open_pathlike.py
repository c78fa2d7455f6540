# File arguments: str, bytes, objects with __fspath__ (str or bytes),
# file descriptors (ints, with closefd), and bad ones.
import _io
from _helper_tmpfiles import TmpFiles

tmp = TmpFiles("open_pathlike")
p = tmp.path("path.txt")
with open(p, "w") as f:
    f.write("content\n")


class PathLike:
    def __init__(self, path):
        self.path = path

    def __fspath__(self):
        return self.path


class BadPath:
    def __fspath__(self):
        return 42


def t(label, fn):
    try:
        r = fn()
        print(label, "->", tmp.clean(repr(r)))
    except Exception as e:
        print(label, "!!", type(e).__name__, tmp.clean(str(e)))


with open(PathLike(p)) as f:
    print(f.read(), tmp.short(f.name), type(f.name).__name__)
with open(p.encode()) as f:
    print(f.read(), type(f.name).__name__, tmp.short(f.name))
with open(PathLike(p.encode()), "rb") as f:
    print(f.read(), type(f.name).__name__)
t("fspath returns int", lambda: open(BadPath()))
t("no fspath", lambda: open(object()))
t("bytearray path", lambda: open(bytearray(p.encode())))

# Descriptors.
src = open(p, "rb", buffering=0)
fd = src.fileno()
with open(fd, closefd=False) as f:
    print(f.read(), f.name == fd, type(f.buffer.raw).__name__)
print(src.closed)
src.seek(0)
g = open(fd, "rb", closefd=False)
print(g.read(3), g.raw.closefd)
g.close()
print(src.read(), src.closed)
h = _io.FileIO(fd, "r", closefd=True)
print(h.read(), h.closefd)
h.close()
t("fd closed by the other object", lambda: src.read())
t("closing again", lambda: src.close())
print(src.closed)
t("bool path", lambda: open(False, "rb", closefd=False).name)
t("big fd", lambda: open(2 ** 40))
t("negative fd", lambda: open(-5))
tmp.cleanup()
