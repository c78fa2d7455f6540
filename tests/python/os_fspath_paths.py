# PEP 519 and path arguments: os.fspath/fsencode/fsdecode, PathLike
# objects (including bad __fspath__ results), bytes paths giving bytes
# results, undecodable names round-tripping through surrogateescape, and
# the embedded-NUL and wrong-type errors of path arguments.
import os
import _helper_tmp as H
from _helper_tmp import t


class P:
    def __init__(self, v):
        self.v = v

    def __fspath__(self):
        return self.v


class Bad:
    def __fspath__(self):
        raise RuntimeError("boom")


class NoneAttr:
    __fspath__ = None


print(os.fspath("a"), os.fspath(b"b"), os.fspath(P("c")), os.fspath(P(b"d")))
t("fspath int", lambda: os.fspath(1))
t("fspath none", lambda: os.fspath(None))
t("fspath bad result", lambda: os.fspath(P(3)))
t("fspath raises", lambda: os.fspath(Bad()))
t("fspath attr None", lambda: os.fspath(NoneAttr()))
t("fspath kw", lambda: os.fspath(path="x"))
t("fspath no arg", lambda: os.fspath())


class S(str):
    pass


print(type(os.fspath(S("x"))).__name__)
print(os.fsencode("a\udcffb"), os.fsdecode(b"a\xffb") == "a\udcffb", os.fsencode(P("q")), os.fsdecode(P(b"r")))
t("fsencode surrogate", lambda: os.fsencode("\ud800"))
t("fsencode int", lambda: os.fsencode(1))
print(os.fsencode("é"), os.fsdecode(b"\xc3\xa9"), os.fsdecode(b"\xed\xa0\x80") == "\udced\udca0\udc80")

root = H.make("fspath")
here = os.getcwd()
try:
    os.chdir(root)
    os.close(os.open(b"raw\xff", os.O_CREAT | os.O_WRONLY))
    os.close(os.open("caf\u00e9", os.O_CREAT | os.O_WRONLY))
    print(sorted(os.listdir(".")), sorted(os.listdir(b".")))
    print(os.path.exists("raw\udcff"), os.stat("raw\udcff").st_size)
    print(sorted(e.name for e in os.scandir(".")))
    os.rename("raw\udcff", P("renamed"))
    print(sorted(os.listdir(P("."))))
    os.mkdir(P(b"bdir"))
    print(os.path.isdir("bdir"), os.stat(P("bdir")) == os.stat(b"bdir"))
    t("stat nul", lambda: os.stat("a\0b"))
    t("stat bytes nul", lambda: os.stat(b"a\0b"))
    t("stat PathLike nul", lambda: os.stat(P("a\0b")))
    t("stat surrogate", lambda: os.stat("\ud800x"))
    t("stat float", lambda: os.stat(1.5))
    t("stat None", lambda: os.stat(None))
    t("stat list", lambda: os.stat(["x"]))
    t("stat pathlike int", lambda: os.stat(P(3)))
    t("stat missing pathlike", lambda: os.stat(P("missing")))
    t("stat missing bytes", lambda: os.stat(b"missing\xff"))
    t("stat missing undecodable", lambda: os.stat("missing\udcff"))
    t("mkdir int", lambda: os.mkdir(3))
    t("unlink None", lambda: os.unlink(None))
    t("listdir bytes missing", lambda: os.listdir(b"nope"))
    t("stat huge fd", lambda: os.stat(2**80))
    t("stat neg huge fd", lambda: os.stat(-2**80))
    t("stat bad fd", lambda: os.stat(-5))
    t("stat True", lambda: os.stat(True).st_mode > 0)
    t("stat dir_fd str", lambda: os.stat("x", dir_fd="a"))
    t("stat dir_fd huge", lambda: os.stat("x", dir_fd=2**80))
    t("stat fd with dir_fd", lambda: os.stat(1, dir_fd=1))
    fd = os.open(".", os.O_RDONLY)
    t("stat fd nofollow", lambda: os.stat(fd, follow_symlinks=False))
    os.close(fd)
finally:
    os.chdir(here)
    H.cleanup()
