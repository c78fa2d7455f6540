# split/rsplit/splitlines, including every line boundary splitlines knows.
from _helper_check import t

t("ws", lambda: "  a  b\tc\n d  ".split())
t("ws max1", lambda: "  a  b  c  ".split(None, 1))
t("ws rmax1", lambda: "  a  b  c  ".rsplit(None, 1))
t("ws max0", lambda: ["  a b ".split(maxsplit=0), "  a b ".rsplit(maxsplit=0)])
t("sep", lambda: "a,b,,c,".split(","))
t("sep max", lambda: "a,b,c,d".split(",", 2))
t("rsep max", lambda: "a,b,c,d".rsplit(",", 2))
t("multi sep", lambda: "a<>b<><>c".split("<>"))
t("rmulti", lambda: "aaaa".rsplit("aa"))
t("empty", lambda: ["".split(), "".split(","), "".rsplit("x")])
t("unicode ws", lambda: "a\u3000b\xa0c\u2028d".split())
t("kw", lambda: "a b c".split(sep=" ", maxsplit=1))
seps = "\n \r \r\n \v \f \x1c \x1d \x1e \x85 \u2028 \u2029".split(" ")
for sep in seps:
    t("lines %r" % sep, lambda: ("a" + sep + "b" + sep).splitlines())
    t("keep %r" % sep, lambda: ("a" + sep + "b").splitlines(keepends=True))
t("no final", lambda: "a\n\nb".splitlines())
t("cr lf split", lambda: "a\r\rb\n\rc".splitlines(True))
t("tab not line", lambda: "a\tb\x1fc".splitlines())
t("keepends int", lambda: "a\nb".splitlines(2))
