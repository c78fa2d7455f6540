# repr quoting and escapes, comparisons, hashing consistency, iteration.
from _helper_check import t

for s in ["", "'", '"', "'\"", "a\\b", "\t\n\r\x00\x1f\x7f", "\x80\xff", "é\u0300", "\u200b\u2028\ufeff", "😀\U000e0001", "x\ue000"]:
    t("repr", lambda: repr(s))
    t("ascii", lambda: ascii(s))
t("eq hash", lambda: [hash("abc") == hash("ab" + "c"), hash("é") == hash("e\u0301"), hash("") == 0])
d = {}
for k in ["a", "é", "😀", "a" * 50]:
    d[k] = len(k)
t("dict", lambda: [d["a"], d["é"], d["😀"], d["a" * 50]])
t("sort", lambda: sorted(["b", "a", "é", "Z", "😀", "\uffff", ""]))
t("min max", lambda: [min("hello"), max("héllo")])
t("iter", lambda: [c for c in "a😀é"])
t("reversed", lambda: list(reversed("abé")))
t("enumerate", lambda: list(enumerate("ab")))
t("contains", lambda: ["😀" in "a😀b", "é" in "e", "" in ""])


class S(str):
    pass


x = S("abc")
t("sub", lambda: [type(x + "d").__name__, type(x.upper()).__name__, type(x[:]).__name__, type(str(x)).__name__, x == "abc"])
t("sub strip", lambda: type(S(" a").strip()).__name__)
t("sub repr", lambda: repr(S("q")))
