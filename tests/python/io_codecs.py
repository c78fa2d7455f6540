# Text files in other encodings (UTF-16/32 with and without BOM, cp1252
# from the encodings package), lone surrogates through surrogateescape
# and surrogatepass, tell/seek in UTF-16, StringIO holding surrogates.
import _io
from _helper_tmpfiles import TmpFiles

tmp = TmpFiles("io_codecs")
p = tmp.path("c.txt")


def raw():
    with open(p, "rb") as f:
        return f.read()


text = "héllo\nwörld €\n"
for enc in ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be", "UTF16", "cp1252",
            "iso8859-15", "utf-8-sig"]:
    with open(p, "w", encoding=enc) as f:
        print(enc, f.encoding, f.write(text), f.write("end"))
    data = raw()
    print("  ", len(data), data[:12])
    with open(p, encoding=enc) as f:
        print("  ", f.readline() == "héllo\n", repr(f.read()))
    with open(p, encoding=enc) as f:
        lines = list(f)
    print("  ", lines == ["héllo\n", "wörld €\n", "end"])

# Appending to a UTF-16 file writes no second BOM.
with open(p, "w", encoding="utf-16") as f:
    f.write("ab")
with open(p, "a", encoding="utf-16") as f:
    f.write("cd")
print(raw())
with open(p, encoding="utf-16") as f:
    print(repr(f.read()))

# tell/seek in UTF-16.
with open(p, "w", encoding="utf-16") as f:
    f.write("line one\nline two\nline three\n")
with open(p, encoding="utf-16") as f:
    marks = []
    while True:
        pos = f.tell()
        line = f.readline()
        if not line:
            break
        marks.append((pos, line))
    print([m[1] for m in marks])
    for pos, line in reversed(marks):
        f.seek(pos)
        assert f.readline() == line, (pos, line)
    print("utf-16 round-trip")

# Lone surrogates.
with open(p, "wb") as f:
    f.write(b"ok \xff\xfe bytes\n")
with open(p, encoding="utf-8", errors="surrogateescape") as f:
    s = f.read()
print(ascii(s), len(s))
with open(p, "w", encoding="utf-8", errors="surrogateescape") as f:
    f.write(s)
print(raw())
try:
    with open(p, "w", encoding="utf-8") as f:
        f.write(s)
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e.encoding, e.start, e.end, e.reason)
with open(p, "w", encoding="utf-8", errors="surrogatepass") as f:
    f.write("\ud800x")
print(raw())
with open(p, encoding="utf-8", errors="surrogatepass") as f:
    print(ascii(f.read()))
with open(p, encoding="utf-8", errors="replace") as f:
    print(ascii(f.read()))
with open(p, "w", encoding="ascii", errors="backslashreplace") as f:
    print("\udcff é", file=f)
print(raw())

# StringIO keeps surrogates.
sio = _io.StringIO("a\udc80b\n\ud83dz")
print(ascii(sio.read(2)), sio.tell(), ascii(sio.readline()), ascii(sio.getvalue()))
sio.write("\udfff")
print(ascii(sio.getvalue()), len(sio.getvalue()))

# TextIOWrapper over BytesIO with surrogateescape both ways.
b = _io.BytesIO(b"\x80abc\xfe")
w = _io.TextIOWrapper(b, encoding="utf-8", errors="surrogateescape")
s = w.read()
print(ascii(s))
w.seek(0)
w.write(s[::-1])
w.flush()
print(b.getvalue())
tmp.cleanup()
