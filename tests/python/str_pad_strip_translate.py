# Padding, stripping, tabs, prefixes, translate/maketrans.
from _helper_check import t

for w in range(0, 8):
    t("center %d" % w, lambda: ["ab".center(w), "abc".center(w, "é"), "".center(w, "-")])
t("ljust rjust", lambda: ["é".ljust(3, "😀"), "x".rjust(4), "xyz".rjust(2)])
t("zfill", lambda: ["".zfill(3), "-".zfill(3), "+-5".zfill(5), "é".zfill(3)])
t("strip chars", lambda: ["xxhixx".strip("x"), "abcba".strip("ab"), "hi".strip(""), "ééaé".strip("é")])
t("strip none", lambda: ["\u3000a\u2009".strip(), " a ".lstrip(None), " a ".rstrip(None)])
t("expandtabs", lambda: ["a\tb".expandtabs(), "ab\tc\nd\te".expandtabs(3), "\t".expandtabs(0), "a\tb".expandtabs(-1), "é\tx".expandtabs(2)])
t("expandtabs kw", lambda: "a\tb".expandtabs(tabsize=2))
t("removeprefix", lambda: ["abc".removeprefix(""), "abc".removeprefix("abcd"), "abab".removeprefix("ab")])
t("removesuffix", lambda: ["abc".removesuffix(""), "abc".removesuffix("c"), "c".removesuffix("c")])
tbl = str.maketrans({"a": "1", "b": None, 99: "xyz", "d": 100})
t("tbl", lambda: sorted(tbl.items()))
t("translate", lambda: "abcde".translate(tbl))
t("translate list", lambda: "abc".translate(["x", "y", "z", None]))


class T:
    def __getitem__(self, k):
        if k == 98:
            raise LookupError
        return k + 1


t("translate obj", lambda: "abc".translate(T()))
t("maketrans 3", lambda: sorted(str.maketrans("ab", "cd", "ef").items()))
t("maketrans int keys", lambda: str.maketrans({1: 2}))
t("replace empty", lambda: ["abc".replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"), "aaa".replace("a", "", 1)])
t("replace unicode", lambda: "héhé".replace("é", "e"))
