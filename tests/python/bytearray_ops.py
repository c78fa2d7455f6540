# bytearray comparisons, iteration, repr of subclasses, sharing results.
from _helper_check import t


class BA(bytearray):
    pass


x = BA(b"abc")
t("repr", lambda: [repr(x), repr(bytearray()), str(bytearray(b"q"))])
t("types", lambda: [type(x + b"d").__name__, type(x[:1]).__name__, type(x.upper()).__name__, type(x * 2).__name__])
t("eq", lambda: [bytearray(b"a") == b"a", bytearray(b"a") == memoryview(b"a"), bytearray(b"a") != "a"])
t("order", lambda: [bytearray(b"a") < bytearray(b"b"), bytearray(b"ab") > b"a", sorted([bytearray(b"b"), bytearray(b"a")])])
t("iter", lambda: [list(iter(bytearray(b"ab"))), type(iter(bytearray())).__name__, type(iter(b"")).__name__])
b = bytearray(b"abc")
it = iter(b)
next(it)
b.append(100)
t("iter sees append", lambda: list(it))
t("bool", lambda: [bool(bytearray()), bool(bytearray(b"\x00"))])
t("in", lambda: [b"b" in bytearray(b"abc"), 99 in bytearray(b"abc")])
t("decode", lambda: bytearray("héllo", "utf-8").decode())
t("fromhex", lambda: [bytearray.fromhex("41 42"), type(BA.fromhex("41")).__name__])
t("mod", lambda: bytearray(b"%s") % b"x")
d = {}
t("unhashable", lambda: d.setdefault(bytearray(), 1))
t("len", lambda: [len(bytearray(10)), len(bytearray())])
