# _io.TextIOWrapper over in-memory buffers: construction and its argument
# errors, encodings, newline modes, line_buffering and write_through,
# mixed reads and writes, tell/seek, detach, repr.
import _io
from _io import TextIOWrapper, BytesIO


def t(label, fn):
    try:
        r = fn()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


w = TextIOWrapper(BytesIO(b"alpha\r\nbeta\rgamma\ndelta"), encoding="ascii")
print(repr(w), w.encoding, w.errors, w.line_buffering, w.write_through, w.newlines)
print(w.readlines(), w.newlines, w.readable(), w.writable(), w.seekable())
t("name", lambda: w.name)
t("fileno", lambda: w.fileno())
t("isatty", lambda: w.isatty())
print(w.buffer.getvalue()[:5], w.closed)

for nl in [None, "", "\n", "\r", "\r\n"]:
    b = BytesIO()
    x = TextIOWrapper(b, encoding="utf-8", newline=nl)
    x.write("1\n2\r3\r\n")
    x.flush()
    print(repr(nl), b.getvalue())
    x.seek(0)
    print("   ", x.readlines(), x.newlines)

for args, kw in [((BytesIO(),), {}), ((BytesIO(), "latin-1"), {}),
                 ((BytesIO(),), {"encoding": "utf-8", "errors": "replace"}),
                 ((BytesIO(),), {"newline": ""}),
                 ((BytesIO(), None, None, None, True, True), {})]:
    x = TextIOWrapper(*args, **kw)
    print(x.encoding, x.errors, x.line_buffering, x.write_through)
t("encoding int", lambda: TextIOWrapper(BytesIO(), encoding=1))
t("errors int", lambda: TextIOWrapper(BytesIO(), errors=1))
t("newline bad", lambda: TextIOWrapper(BytesIO(), newline="\t"))
t("newline int", lambda: TextIOWrapper(BytesIO(), newline=1))
t("unknown encoding", lambda: TextIOWrapper(BytesIO(), encoding="nope"))
t("no buffer", lambda: TextIOWrapper())
t("buffer int", lambda: TextIOWrapper(3))
t("bad kw", lambda: TextIOWrapper(BytesIO(), foo=1))

# line_buffering and write_through against the buffer's content.
b = BytesIO()
x = TextIOWrapper(b, encoding="utf-8", line_buffering=True)
x.write("ab")
print(b.getvalue())
x.write("c\nd")
print(b.getvalue())
x.write("\re")
print(b.getvalue())
b = BytesIO()
x = TextIOWrapper(b, encoding="utf-8", write_through=True)
x.write("wt")
print(b.getvalue())
b = BytesIO()
x = TextIOWrapper(b, encoding="utf-8")
x.write("buffered")
print(b.getvalue())
x.flush()
print(b.getvalue())

# Read, then write, then read.
b = BytesIO(b"one\ntwo\nthree\n")
x = TextIOWrapper(b, encoding="utf-8")
print(repr(x.readline()), x.tell())
x.seek(x.tell())
print(x.write("TWO\n"), x.tell())
x.seek(0)
print(repr(x.read()))

# tell/seek over a BytesIO with multi-byte characters.
b = BytesIO("añb€c𝄞d".encode("utf-8"))
x = TextIOWrapper(b, encoding="utf-8")
pos = []
while True:
    p = x.tell()
    c = x.read(1)
    if not c:
        break
    pos.append((p, c))
print(pos)
for p, c in pos[::-1]:
    x.seek(p)
    assert x.read(1) == c
print("round-trip")
t("seek neg", lambda: x.seek(-2))
t("seek cur", lambda: x.seek(2, 1))
t("seek end", lambda: x.seek(-1, 2))
print(x.seek(0, 2), repr(x.read()))

# Decoding errors report the chunk.
x = TextIOWrapper(BytesIO(b"ok\nbad \xff here\n"), encoding="utf-8")
try:
    x.readline()
except UnicodeDecodeError as e:
    print(e.encoding, e.start, e.end, e.reason, e.object)
x = TextIOWrapper(BytesIO(b"bad \xff here\n"), encoding="utf-8", errors="backslashreplace")
print(repr(x.read()))

# Closing closes the buffer; repr with a mode attribute.
b = BytesIO(b"z")
x = TextIOWrapper(b, encoding="utf-8")
x.mode = "r"
print(repr(x))
x.close()
print(b.closed, x.closed, x.close())
t("read closed", lambda: x.read())
t("repr closed", lambda: repr(x))

# Detach, then the buffer is all that is left.
b = BytesIO()
x = TextIOWrapper(b, encoding="utf-8")
x.write("before detach")
print(x.detach() is b, b.getvalue())
t("after detach", lambda: x.write("x"))

# A read-only or write-only buffer.
r = _io.BufferedReader(_io.BytesIO(b"ro"))
x = TextIOWrapper(r, encoding="utf-8")
t("write on reader", lambda: x.write("x"))
print(x.read())
