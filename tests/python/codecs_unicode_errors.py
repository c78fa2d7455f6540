# UnicodeEncodeError/DecodeError/TranslateError: construction, attributes,
# messages, and attribute changes.
from _helper_check import t

e = UnicodeEncodeError("ascii", "abc\xe9\u1234\U0001f600", 3, 4, "bad")
t("enc str", lambda: str(e))
t("enc attrs", lambda: [e.encoding, e.object, e.start, e.end, e.reason, e.args])
for (s, en) in [(4, 5), (5, 6), (0, 2), (6, 7), (9, 10), (3, 3)]:
    e.start, e.end = s, en
    t("enc %d-%d" % (s, en), lambda: str(e))
e.reason = "changed"
e.encoding = "enc"
t("changed", lambda: str(e))
d = UnicodeDecodeError("utf-8", b"ab\xff", 2, 3, "invalid")
t("dec str", lambda: str(d))
t("dec attrs", lambda: [d.object, d.start, d.end, d.reason, d.encoding])
d.end = 3
d.start = 0
t("dec range", lambda: str(d))
t("dec bytearray", lambda: UnicodeDecodeError("x", bytearray(b"ab"), 0, 1, "r").object)
t("dec mv", lambda: UnicodeDecodeError("x", memoryview(b"ab"), 0, 1, "r").object)
tr = UnicodeTranslateError("abc", 1, 2, "no")
t("tr str", lambda: [str(tr), tr.encoding, tr.object])
t("tr range", lambda: str(UnicodeTranslateError("abc", 0, 3, "no")))
t("enc args0", lambda: UnicodeEncodeError())
t("enc args bad", lambda: UnicodeEncodeError(1, "a", 0, 1, "r"))
t("enc obj bad", lambda: UnicodeEncodeError("a", b"a", 0, 1, "r"))
t("enc start bad", lambda: UnicodeEncodeError("a", "a", "x", 1, "r"))
t("dec obj bad", lambda: UnicodeDecodeError("a", "x", 0, 1, "r"))
t("tr args", lambda: UnicodeTranslateError("a", 0, 1))
t("isinstance", lambda: [issubclass(UnicodeEncodeError, UnicodeError), issubclass(UnicodeError, ValueError)])
try:
    "é".encode("ascii")
except UnicodeError as x:
    t("raised", lambda: [type(x).__name__, x.args, x.object, x.start])
try:
    b"\xe9".decode("ascii")
except ValueError as x:
    t("raised dec", lambda: [type(x).__name__, x.args])
