# surrogateescape and surrogatepass round trips (file-name style).
from _helper_check import t

raw = [b"plain", b"caf\xc3\xa9", b"bad\xff\xfe", b"\x80", b"mixed\xe9\xc3\xa9", b"\xed\xa0\x80"]
for b in raw:
    s = b.decode("utf-8", "surrogateescape")
    t("se %r" % b, lambda: [repr(s), s.encode("utf-8", "surrogateescape") == b, len(s)])
    t("se latin %r" % b, lambda: b.decode("ascii", "surrogateescape").encode("ascii", "surrogateescape") == b)
for s in ["\ud800", "a\udfffb", "\ud83d\ude00", "x\udbff\udc00"]:
    b = s.encode("utf-8", "surrogatepass")
    t("sp %r" % s, lambda: [b, b.decode("utf-8", "surrogatepass") == s])
    t("sp16 %r" % s, lambda: s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass") == s)
    t("sp32 %r" % s, lambda: s.encode("utf-32", "surrogatepass").decode("utf-32", "surrogatepass") == s)
t("strict enc", lambda: "a\ud800".encode())
t("strict enc run", lambda: "a\ud800\udc00b\udfff".encode("utf-8"))
t("strict latin", lambda: "\udc80".encode("latin-1"))
t("se not escapable", lambda: "\ud800".encode("utf-8", "surrogateescape"))
t("sp not surrogate", lambda: "é".encode("ascii", "surrogatepass"))
t("sp dec bad", lambda: b"\xe9".decode("utf-8", "surrogatepass"))
t("backslash", lambda: "\ud800x".encode("ascii", "backslashreplace"))
t("xml", lambda: "\udc80".encode("utf-8", "xmlcharrefreplace"))
t("replace", lambda: "a\ud800\udc00".encode("utf-8", "replace"))
t("ignore", lambda: "a\ud800".encode("utf-8", "ignore"))
t("unicode_escape", lambda: "\ud800".encode("unicode_escape"))
t("decode escape", lambda: repr(b"\\udc80".decode("unicode_escape")))
