# CPython's io.py on top of _io: the names it re-exports, its ABCs
# (IOBase, RawIOBase, BufferedIOBase, TextIOBase) with the native classes
# registered, subclassing the ABCs, io.open, SEEK_* and
# UnsupportedOperation.
import io
import _io

print(io.open is open, io.open is _io.open, io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
print(io.DEFAULT_BUFFER_SIZE, io.UnsupportedOperation.__module__, io.BlockingIOError is BlockingIOError)
for name in ["StringIO", "BytesIO", "FileIO", "BufferedReader", "BufferedWriter", "BufferedRandom",
             "BufferedRWPair", "TextIOWrapper", "IncrementalNewlineDecoder"]:
    print(name, getattr(io, name) is getattr(_io, name))
print(io.text_encoding(None), io.text_encoding("ascii"))

checks = [
    (io.StringIO(), ["IOBase", "TextIOBase"]),
    (io.BytesIO(), ["IOBase", "BufferedIOBase"]),
    (io.BufferedReader(io.BytesIO()), ["IOBase", "BufferedIOBase"]),
    (io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), ["IOBase", "TextIOBase"]),
]
for obj, expect in checks:
    got = [n for n in ["IOBase", "RawIOBase", "BufferedIOBase", "TextIOBase"]
           if isinstance(obj, getattr(io, n))]
    print(type(obj).__name__, got, got == expect)
print(issubclass(io.FileIO, io.RawIOBase), issubclass(io.FileIO, io.IOBase),
      issubclass(io.StringIO, io.BufferedIOBase), issubclass(int, io.IOBase))
print([c.__name__ for c in io.RawIOBase.__mro__])
print(type(io.IOBase).__name__, io.IOBase.__module__)


class Numbers(io.RawIOBase):
    def __init__(self, n):
        self.data = "".join("%d\n" % i for i in range(n)).encode()
        self.pos = 0

    def readable(self):
        return True

    def readinto(self, b):
        chunk = self.data[self.pos:self.pos + len(b)]
        b[:len(chunk)] = chunk
        self.pos += len(chunk)
        return len(chunk)


raw = Numbers(50)
print(isinstance(raw, io.IOBase), isinstance(raw, io.RawIOBase), raw.readable(), raw.closed)
text = io.TextIOWrapper(io.BufferedReader(raw), encoding="ascii")
lines = text.readlines()
print(len(lines), lines[:3], lines[-1], text.closed)
text.close()
print(raw.closed, text.closed)


class Upper(io.TextIOBase):
    def __init__(self):
        self.parts = []

    def writable(self):
        return True

    def write(self, s):
        self.parts.append(s.upper())
        return len(s)


u = Upper()
print("to", "the", "abc", file=u)
print(u.parts, isinstance(u, io.TextIOBase), u.encoding, u.newlines)
with u:
    pass
print(u.closed)
try:
    io.StringIO().fileno()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e, isinstance(e, OSError), isinstance(e, ValueError))
w = io.TextIOWrapper(io.BytesIO(), encoding="utf-16-le" if False else "latin-1", newline="\r\n")
w.write("x\ny")
w.flush()
print(w.buffer.getvalue())
