# TextIOWrapper.reconfigure: line_buffering, write_through, encoding,
# errors and newline, the rule that encoding/newline cannot change after
# reading starts, and its argument errors.
from _helper_tmpfiles import TmpFiles

tmp = TmpFiles("open_reconfigure")
p = tmp.path("r.txt")


def t(label, fn):
    try:
        r = fn()
        print(label, "->", repr(r))
    except UnicodeEncodeError as e:
        print(label, "!!", type(e).__name__, e.encoding, e.start, e.end, e.reason)
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


def disk():
    with open(p, "rb") as r:
        return r.read()


f = open(p, "w", encoding="utf-8")
f.write("é")
t("encoding latin-1", lambda: f.reconfigure(encoding="latin-1"))
print(disk(), f.encoding, f.errors)
f.write("é")
f.flush()
print(disk())
t("errors only", lambda: f.reconfigure(errors="replace"))
print(f.encoding, f.errors)
f.write("€")
f.flush()
print(disk())
t("encoding resets errors", lambda: f.reconfigure(encoding="ascii"))
print(f.encoding, f.errors)
t("ascii write", lambda: (f.write("€"), f.flush()))
t("back to utf-8 with errors", lambda: f.reconfigure(encoding="utf-8", errors="strict"))
f.write("€")
t("newline crlf", lambda: f.reconfigure(newline="\r\n"))
f.write("a\nb")
f.flush()
print(disk())
t("line_buffering", lambda: f.reconfigure(line_buffering=True))
print(f.line_buffering, f.write_through)
f.write("c\n")
print(disk())
t("write_through", lambda: f.reconfigure(write_through=True, line_buffering=False))
print(f.line_buffering, f.write_through)
f.write("d")
print(disk())
t("none leaves as is", lambda: f.reconfigure(line_buffering=None, write_through=None))
print(f.line_buffering, f.write_through)
t("positional", lambda: f.reconfigure("utf-8"))
t("bad kw", lambda: f.reconfigure(buffering=1))
t("bad newline", lambda: f.reconfigure(newline="x"))
t("bad newline type", lambda: f.reconfigure(newline=1))
t("bad encoding type", lambda: f.reconfigure(encoding=1))
t("unknown encoding", lambda: f.reconfigure(encoding="no-such"))
print(f.encoding)
f.close()
t("closed", lambda: f.reconfigure(line_buffering=True))

with open(p, "w", encoding="utf-8") as w:
    w.write("héllo\r\nwörld\n")
g = open(p, encoding="utf-8", newline="")
t("before read", lambda: g.reconfigure(newline=None))
print(repr(g.read(3)))
t("encoding after read", lambda: g.reconfigure(encoding="latin-1"))
t("errors after read", lambda: g.reconfigure(errors="ignore"))
t("newline after read", lambda: g.reconfigure(newline="\n"))
t("line_buffering after read", lambda: g.reconfigure(line_buffering=True))
print(g.line_buffering, repr(g.read()))
g.close()

tmp.cleanup()
