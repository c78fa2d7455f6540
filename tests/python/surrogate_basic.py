# Lone surrogates in str: literals, chr, len, indexing, repr, hashing.
from _helper_check import t

s = "\ud800"
t("chr", lambda: [chr(0xD800) == s, len(chr(0xDFFF)), ord(chr(0xDC80))])
t("repr", lambda: [repr(s), repr("a\udfffb"), ascii("\udc80"), repr("\ud83d\ude00")])
t("pair not joined", lambda: [len("\ud83d\ude00"), "\ud83d\ude00" == "😀", "\ud83d" + "\ude00" == "😀"])
t("literal forms", lambda: ["\U0000dc00" == "\udc00", "x\udc00"[1] == chr(0xDC00), u"\udabc" == chr(0xDABC)])
t("concat literal", lambda: ("a" "\ud800" "b") == "a" + chr(0xD800) + "b")
t("raw", lambda: len(r"\ud800"))
t("index", lambda: [ord(c) for c in "a\ud800b\udfff"])
t("slice", lambda: [repr("a\ud800b\udfff"[1:3]), repr("a\ud800b\udfff"[::-1]), repr("\ud800abc"[1:])])
t("len", lambda: [len("a\ud800b"), len(s * 5)])
t("eq", lambda: [s == "\ud800", s != "\ud801", s == "\ufffd", "\ufffd" == s])
t("order", lambda: ["\ud7ff" < s < "\ue000", sorted(["\ue000", "\udfff", "\ud800", "\ud7ff", "😀"]) == ["\ud7ff", "\ud800", "\udfff", "\ue000", "😀"]])
t("hash", lambda: [hash(s) == hash(chr(0xD800)), hash(s) != hash("\ufffd"), hash("a\ud800") == hash("a" + s)])
d = {s: 1, "\ufffd": 2, "a\udc80": 3}
t("dict", lambda: [d[chr(0xD800)], d["\ufffd"], d["a" + chr(0xDC80)]])
t("set", lambda: len({s, "\ufffd", chr(0xD800)}))
t("in", lambda: [s in "ab\ud800c", "\ufffd" in "ab\ud800c", "\ud800c" in "ab\ud800c"])
t("iter", lambda: [repr(c) for c in "\udc80x\ud800"])
t("str()", lambda: repr(str(s)))
t("format", lambda: [repr("{}|{:>4}|{!r}".format(s, s, s)), repr(f"{s}{s!r}"), repr(format(s, "<3"))])
t("percent", lambda: [repr("%s-%r" % (s, s)), repr("%5s|" % s), repr("\ud800%d" % 5), repr("%(k)s" % {"k": s})])
t("chr range", lambda: chr(0x110000))
t("print repr", lambda: print(repr(s)))
