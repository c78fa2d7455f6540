# bytes() and bytearray() from every kind of argument.
from _helper_check import t


class HasBytes:
    def __bytes__(self):
        return b"from __bytes__"


class BadBytes:
    def __bytes__(self):
        return "nope"


class Idx:
    def __index__(self):
        return 3


for B in (bytes, bytearray):
    print("---", B.__name__)
    t("empty", lambda: B())
    t("int", lambda: B(3))
    t("index", lambda: B(Idx()))
    t("list", lambda: B([65, 66, 67]))
    t("tuple", lambda: B((0, 255)))
    t("range", lambda: B(range(97, 100)))
    t("gen", lambda: B(x for x in [1, 2]))
    t("bytes", lambda: B(b"abc"))
    t("bytearray", lambda: B(bytearray(b"xy")))
    t("memoryview", lambda: B(memoryview(b"mv")))
    t("str enc", lambda: B("héllo", "utf-8"))
    t("str enc kw", lambda: B("héllo", encoding="latin-1", errors="strict"))
    t("str errors", lambda: B("héllo", "ascii", "replace"))
    t("str no enc", lambda: B("abc"))
    t("enc no str", lambda: B(b"abc", "ascii"))
    t("errors no str", lambda: B(5, errors="strict"))
    t("neg", lambda: B(-1))
    t("float", lambda: B(1.5))
    t("range err", lambda: B([256]))
    t("neg item", lambda: B([-1]))
    t("str item", lambda: B(["a"]))
    t("__bytes__", lambda: B(HasBytes()))
    t("bad __bytes__", lambda: B(BadBytes()))
    t("4 args", lambda: B(b"a", "b", "c", "d"))
    t("bad kw", lambda: B(x=1))
    t("bad enc type", lambda: B("a", 1))
    t("unknown enc", lambda: B("a", "nope"))
    t("none", lambda: B(None))


class MyBytes(bytes):
    pass


m = MyBytes(b"xy")
t("subclass", lambda: [type(m).__name__, m, m == b"xy", type(m + b"z").__name__, type(m[:1]).__name__])
t("fromhex sub", lambda: type(MyBytes.fromhex("41")).__name__)
t("bytes of bytes is", lambda: bytes(m) is m)
t("__bytes__", lambda: [b"ab".__bytes__(), type(m.__bytes__()).__name__])
t("getnewargs", lambda: b"ab".__getnewargs__())
