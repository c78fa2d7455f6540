# str.format and format_map: fields, conversions, nesting, errors.
from _helper_check import t


class P:
    x = 3
    items = [10, 20]


t("basic", lambda: "{}-{}".format(1, 2))
t("numbered", lambda: "{1}{0}{1}".format("a", "b"))
t("named", lambda: "{a}{b}".format(a=1, b=2))
t("attr", lambda: "{0.x} {0.items[1]}".format(P()))
t("key", lambda: "{0[k]} {0[1]}".format({"k": "v", 1: "one"}))
t("conv", lambda: "{!r} {!s} {!a}".format("é", "é", "é"))
t("spec", lambda: "{:>6.2f}|{:^7}|{:x}".format(3.14159, "ab", 255))
t("nested", lambda: "{:{w}.{p}f}".format(2.5, w=8, p=3))
t("escape", lambda: "{{}} {{{}}}".format(7))
t("format_map", lambda: "{a} {b[0]}".format_map({"a": 1, "b": [2]}))


class M(dict):
    def __missing__(self, k):
        return "<" + k + ">"


t("format_map missing", lambda: "{a} {zz}".format_map(M(a=1)))
t("single }", lambda: "a}".format())
t("single {", lambda: "a{".format())
t("unmatched", lambda: "{0".format(1))
t("auto then manual", lambda: "{}{0}".format(1, 2))
t("manual then auto", lambda: "{0}{}".format(1, 2))
t("index range", lambda: "{5}".format(1))
t("auto range", lambda: "{}{}".format(1))
t("missing key", lambda: "{x}".format())
t("bad conv", lambda: "{!x}".format(1))
t("conv no colon", lambda: "{!rx}".format(1))
t("conv end", lambda: "{!}".format(1))
t("empty attr", lambda: "{0.}".format(1))
t("missing ]", lambda: "{0[1}".format([1, 2]))
t("after ]", lambda: "{0[0]x}".format([1]))
t("deep", lambda: "{:{:{}}}".format(1, 2, 3))
t("neg index key", lambda: "{-1}".format(1))
t("plus key", lambda: "{+1}".format(1))
t("attr missing", lambda: "{0.nope}".format(1))
t("unicode", lambda: "{}—{}".format("é", "😀"))
t("obj spec", lambda: "{:%}".format(0.5))
t("bad spec", lambda: "{:d}".format("s"))
