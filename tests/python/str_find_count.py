# find/rfind/index/rindex/count/startswith/endswith with start and end.
from _helper_check import t

s = "abcabcab"
for args in [("b",), ("b", 2), ("b", 2, 4), ("b", -3), ("b", -100, 100), ("", 3), ("", 8), ("", 9),
             ("", 9, 2), ("ab", 6), ("ab", 6, 7), ("ca", None, None), ("x",), ("b", None, -2)]:
    t("find%r" % (args,), lambda: s.find(*args))
    t("rfind%r" % (args,), lambda: s.rfind(*args))
    t("count%r" % (args,), lambda: s.count(*args))
    t("startswith%r" % (args,), lambda: s.startswith(*args))
    t("endswith%r" % (args,), lambda: s.endswith(*args))
t("index", lambda: s.index("c", 3))
t("rindex", lambda: s.rindex("c", 0, 5))
t("index miss", lambda: s.index("c", 6))
t("count empty", lambda: ["".count(""), "abc".count(""), "abc".count("", 1), "abc".count("", 4)])
t("count overlap", lambda: "aaaa".count("aa"))
t("unicode find", lambda: ["héllo wörld".find("wö"), "héllo wörld".rfind("l"), "😀a😀".rfind("😀")])
t("unicode count", lambda: "éé é".count("é", 1))
t("bigidx", lambda: s.find("a", 10**30))
t("negbig", lambda: s.find("a", -10**30))

class I:
    def __index__(self):
        return 2

t("__index__ start", lambda: s.find("a", I()))
t("startswith tuple", lambda: ["abc".startswith(("x", "ab")), "abc".startswith(()), "abc".endswith(("c",), 0, 2)])
