# The built-in error handlers with ascii and latin-1, both directions.
from _helper_check import t


def e(s, enc, h):
    try:
        return repr(s.encode(enc, h))
    except UnicodeEncodeError as x:
        return "%s (%d,%d)" % (x, x.start, x.end)
    except Exception as x:
        return "%s: %s" % (type(x).__name__, x)


def d(b, enc, h):
    try:
        return repr(b.decode(enc, h))
    except UnicodeDecodeError as x:
        return "%s (%d,%d)" % (x, x.start, x.end)
    except Exception as x:
        return "%s: %s" % (type(x).__name__, x)


handlers = ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace", "surrogateescape", "surrogatepass", "bogus"]
for s in ["abc", "aé", "éé€x", "a\U0001f600b", "\udc80\udcff", "\udc80\ud800", "x\x80\u0100"]:
    for enc in ("ascii", "latin-1", "utf-8"):
        for h in handlers:
            print(repr(s), enc, h, e(s, enc, h))
for b in [b"abc", b"a\xe9b", b"\x80\x81\x82\x83\x84\x85"]:
    for h in handlers:
        print(b, "ascii", h, d(b, "ascii", h))
        print(b, "latin-1", h, d(b, "latin-1", h))
