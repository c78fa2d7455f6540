# detach() on text and buffered objects, the buffer/raw attributes, what
# a detached object still answers, and rewrapping the detached layer.
import _io
from _helper_tmpfiles import TmpFiles

tmp = TmpFiles("open_detach")
p = tmp.path("d.txt")


def t(label, fn):
    try:
        r = fn()
        print(label, "->", tmp.clean(repr(r)))
    except Exception as e:
        print(label, "!!", type(e).__name__, tmp.clean(str(e)))


f = open(p, "w")
f.write("pending text")
buf = f.buffer
raw = buf.raw
print(type(buf).__name__, type(raw).__name__, f.buffer is buf, buf.raw is raw)
b = f.detach()
print(b is buf, f.buffer)
with open(p, "rb") as r:
    print("on disk after detach:", r.read())
for name in ["read", "write", "flush", "tell", "close", "fileno", "readable", "detach"]:
    args = ("x",) if name == "write" else ()
    t("text " + name, lambda: getattr(f, name)(*args))
for attr in ["closed", "name", "encoding", "errors", "newlines", "line_buffering"]:
    t("text ." + attr, lambda: getattr(f, attr))
t("text repr", lambda: repr(f))

# The buffer is still usable.
print(b.write(b" + bytes"), b.closed)
r2 = b.detach()
print(r2 is raw, b.raw)
for name in ["write", "flush", "tell", "close", "fileno", "readable", "seekable", "detach"]:
    args = (b"x",) if name == "write" else ()
    t("buffer " + name, lambda: getattr(b, name)(*args))
for attr in ["closed", "name", "mode"]:
    t("buffer ." + attr, lambda: getattr(b, attr))
t("buffer repr", lambda: repr(b))
print(r2.write(b" + raw"), r2.closed)
r2.close()
with open(p) as r:
    print(repr(r.read()))

# Rewrap a detached buffer with another encoding.
f = open(p, "r", encoding="utf-8")
print(f.read(3))
bb = f.detach()
g = _io.TextIOWrapper(bb, encoding="latin-1")
print(g.encoding, repr(g.read()))
g.close()
print(bb.closed)

# Detaching a closed file.
f = open(p)
f.close()
t("detach closed text", lambda: f.detach())
f = open(p, "rb")
f.close()
t("detach closed buffered", lambda: f.detach())
f = open(p, "wb")
f.close()
t("detach closed writer", lambda: f.detach())

tmp.cleanup()
