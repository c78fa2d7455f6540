# UTF-8 decoding errors: positions and reasons as CPython reports them.
from _helper_check import t


def dec(b, errors="strict"):
    try:
        return repr(b.decode("utf-8", errors))
    except UnicodeDecodeError as e:
        return "%s | %r %d %d %r" % (e, e.object, e.start, e.end, e.reason)


cases = [b"a\xffb", b"\x80", b"\xc0\x80", b"\xc2", b"\xc2a", b"\xe2\x82", b"\xe2\x82a", b"\xe2\x28\xa1",
         b"\xe0\x80\x80", b"\xed\xa0\x80", b"\xef\xbf\xbf", b"\xf0\x9f\x98", b"\xf0\x9f\x98\x80", b"\xf0\x8f\x80\x80",
         b"\xf4\x90\x80\x80", b"\xf5\x80", b"\xf0\x9fa", b"ok\xf0\x9f\x98", b"\xfe\xff"]
for c in cases:
    for h in ("strict", "replace", "ignore", "backslashreplace", "surrogateescape", "surrogatepass"):
        print(c, h, dec(c, h))
t("encode ok", lambda: "aé€😀".encode("utf-8"))
t("names", lambda: ["é".encode(n) for n in ("UTF-8", "utf8", "Utf_8", "U8", "utf", "cp65001")])
t("sig encode", lambda: "é".encode("utf-8-sig"))
t("sig decode", lambda: [b"\xef\xbb\xbf\xc3\xa9".decode("utf-8-sig"), b"\xc3\xa9".decode("utf_8_sig")])
t("sig error", lambda: b"\xef\xbb\xbfa\xff".decode("utf-8-sig"))
t("str()", lambda: str(b"\xff", "utf-8", "replace"))
t("bytes()", lambda: bytes("\udcff", "utf-8", "surrogateescape"))
