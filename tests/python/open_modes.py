# open(): every valid mode, the mode errors, the classes each mode gives,
# their mode/name attributes and reprs.
from _helper_tmpfiles import TmpFiles

tmp = TmpFiles("open_modes")
p = tmp.path("data.txt")


def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, tmp.clean(str(e)))


with open(p, "w") as f:
    f.write("hello\n")

for mode in ["r", "rt", "tr", "rb", "br", "r+", "r+b", "rb+", "+r", "w", "wb", "w+",
             "w+b", "a", "ab", "a+", "a+b", "at", "x", "xb", "x+", "xb+"]:
    path = tmp.path("m_" + mode.replace("+", "plus"))
    if "r" in mode:
        with open(path, "w") as g:
            g.write("abc\n")
    f = open(path, mode)
    kind = type(f).__name__
    raw = f if kind == "FileIO" else (f.raw if hasattr(f, "raw") else f.buffer.raw)
    print(repr(mode), kind, f.mode, raw.mode, f.readable(), f.writable(), f.seekable(),
          tmp.short(f.name), f.closed)
    f.close()
    print("  closed:", f.closed, raw.closed)

for bad in ["rw", "rr", "", "bt", "rU", "U", "b", "+", "t", "rz", "r++", "wa", "xa",
            "rbb", "r b", "ww", "ab+t"]:
    t("mode %r" % bad, lambda: open(p, bad))

t("mode int", lambda: open(p, 3))
t("mode None", lambda: open(p, None))
t("mode bytes", lambda: open(p, b"r"))

# Unbuffered and buffered binary.
f = open(p, "rb", buffering=0)
print(type(f).__name__, f.read(), f.mode)
f.close()
f = open(p, "rb", buffering=10)
print(type(f).__name__, f.read(2), f.read())
f.close()
t("unbuffered text", lambda: open(p, "r", buffering=0))
t("unbuffered text w", lambda: open(p, "w", buffering=0))
t("buffering str", lambda: open(p, buffering="x"))
t("buffering float", lambda: open(p, buffering=1.0))

# Reprs.
f = open(p)
print(tmp.clean(repr(f)))
print(tmp.clean(repr(f.buffer)))
print(tmp.clean(repr(f.buffer.raw)))
f.close()
print(tmp.clean(repr(f)))
print(tmp.clean(repr(f.buffer)))
print(repr(f.buffer.raw))
f = open(p, "a+", encoding="latin-1")
print(tmp.clean(repr(f)), f.encoding)
f.close()
f = open(p, "r+b")
print(tmp.clean(repr(f)), f.mode)
f.close()

# Keyword arguments.
with open(file=p, mode="r", encoding="ascii") as f:
    print(f.read(), f.encoding)
t("bad kw", lambda: open(p, foo=1))
t("no args", lambda: open())
t("too many", lambda: open(p, "r", -1, None, None, None, True, None, 1))

tmp.cleanup()
