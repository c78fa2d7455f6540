# _io.IncrementalNewlineDecoder: translation, a \r held back across calls,
# final, the newlines kinds, getstate/setstate/reset, a wrapped decoder
# object, and errors.
from _io import IncrementalNewlineDecoder as D


def t(label, fn):
    try:
        r = fn()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


for translate in [True, False]:
    d = D(None, translate)
    out = []
    for piece in ["a\r", "\nb\r", "\r", "c\r\n", "\n", "d\r"]:
        out.append(d.decode(piece))
        out.append(d.getstate())
    out.append(d.decode("", final=True))
    print(translate, out, d.newlines)
    d.reset()
    print(d.getstate(), d.newlines, repr(d.decode("x\ry", True)), d.newlines)

d = D(None, True)
print(d.newlines)
for piece, kind in [("a\n", "LF"), ("b\r\n", "CRLF"), ("c\rd", "CR")]:
    d.decode(piece)
    print(kind, d.newlines)
d = D(None, False)
d.decode("only\r")
print(d.newlines, d.getstate())
d.decode("", True)
print(d.newlines)
d.setstate((b"", 1))
print(repr(d.decode("x")), d.getstate())
d.setstate((b"", 0))
print(repr(d.decode("y\r")), d.getstate())
t("setstate bad", lambda: d.setstate(5))
t("setstate flag", lambda: d.setstate((b"", "x")))
t("decode bytes", lambda: D(None, True).decode(b"x"))
t("decode int", lambda: D(None, True).decode(1))
t("no args", lambda: D())
t("one arg", lambda: D(None))
t("kw", lambda: D(decoder=None, translate=1, errors="strict").decode("a\r\n"))
t("final kw", lambda: D(None, 0).decode("a\r", final=True))


class Upper:
    def __init__(self):
        self.state = 0

    def decode(self, data, final=False):
        return data.decode("latin-1").upper()

    def getstate(self):
        return (b"held", self.state)

    def setstate(self, st):
        self.state = st[1]

    def reset(self):
        self.state = 7


u = Upper()
d = D(u, True)
print(repr(d.decode(b"ab\r")), d.getstate(), repr(d.decode(b"\ncd")), d.newlines)
d.setstate((b"", 5))
print(u.state, d.getstate())
d.reset()
print(u.state, d.getstate(), d.newlines)


class Bad:
    def decode(self, data, final=False):
        return b"bytes"


t("decoder returns bytes", lambda: D(Bad(), True).decode(b"x"))
t("decoder missing decode", lambda: D(3, True).decode(b"x"))
