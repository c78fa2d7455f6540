# printf-style % formatting of bytes and bytearray.
from _helper_check import t


class HB:
    def __bytes__(self):
        return b"HB"


t("s b", lambda: b"%s|%b|%5s|%-5b|" % (b"x", bytearray(b"y"), b"ab", memoryview(b"cd")))
t("r a", lambda: b"%r %a" % ("é", b"x"))
t("num", lambda: b"%d %5.2f %x %o %e %+i" % (42, 3.14159, 255, 8, 12345.6, 5))
t("c", lambda: b"%c%c" % (65, b"B"))
t("pct", lambda: b"100%%")
t("map", lambda: b"%(a)s-%(b)d" % {b"a": b"x", b"b": 2})
t("__bytes__", lambda: b"%s" % HB())
t("bytearray", lambda: bytearray(b"%d!") % 7)
t("star", lambda: b"%*d|%.*f" % (4, 1, 1, 2.25))
t("prec", lambda: b"%.1s" % b"abc")
t("s str", lambda: b"%s" % "x")
t("b int", lambda: b"%b" % 1)
t("c big", lambda: b"%c" % 256)
t("c str", lambda: b"%c" % "a")
t("few", lambda: b"%s %s" % (b"a",))
t("many", lambda: b"%s" % (b"a", b"b"))
t("bad", lambda: b"%y" % 1)
t("bad nonascii", lambda: b"%\xff" % 1)
t("incomplete", lambda: b"%" % ())
t("d str", lambda: b"%d" % "x")
t("mapping needed", lambda: b"%(a)s" % (1,))
