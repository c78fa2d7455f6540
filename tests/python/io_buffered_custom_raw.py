# Buffered classes over raw streams written in Python (subclasses of
# _io._RawIOBase): the calls the raw stream sees, non-blocking results
# (None), bad results, and BufferedRWPair.
import _io


def t(label, fn):
    try:
        r = fn()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


class Source(_io._RawIOBase):
    def __init__(self, data, chunk=5):
        self.data = data
        self.pos = 0
        self.chunk = chunk
        self.calls = []

    def readable(self):
        return True

    def readinto(self, b):
        self.calls.append(len(b))
        n = min(len(b), self.chunk, len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n


class Sink(_io._RawIOBase):
    def __init__(self, limit=None):
        self.out = []
        self.limit = limit

    def writable(self):
        return True

    def write(self, b):
        b = bytes(b)
        if self.limit is not None:
            b = b[:self.limit]
        self.out.append(b)
        return len(b)


src = Source(b"hello world\nsecond line\nthird")
r = _io.BufferedReader(src, buffer_size=8)
print(r.read(3), src.calls)
print(r.peek(), src.calls)
print(r.read1(100), src.calls)
print(r.readline(), src.calls)
print(r.read(20), src.calls)
print(r.read(), r.read(), src.calls)
print(r.raw is src, r.readable(), r.seekable(), r.closed)
t("tell", lambda: r.tell())
t("seek", lambda: r.seek(0))
t("fileno", lambda: r.fileno())
t("name", lambda: r.name)
print(repr(r))

src = Source(b"line one\nline two\n", chunk=3)
print(list(_io.BufferedReader(src, 4)), src.calls)
src = Source(b"abcdefghij" * 3, chunk=100)
r = _io.BufferedReader(src, 4)
print(r.read(10), src.calls, r.read(3), src.calls, r.read(7), src.calls)

# Python readall is used for read() when the raw stream has one.
class WithReadall(Source):
    def readall(self):
        self.calls.append("readall")
        rest = self.data[self.pos:]
        self.pos = len(self.data)
        return rest


src = WithReadall(b"0123456789")
r = _io.BufferedReader(src, 4)
print(r.read(2), r.read(), src.calls)

# Non-blocking raw streams.
class Empty(_io._RawIOBase):
    def readable(self):
        return True

    def readinto(self, b):
        return None


r = _io.BufferedReader(Empty())
print(r.read(5), r.read(), r.read1(3), r.peek(), r.readline())


class Liar(_io._RawIOBase):
    def readable(self):
        return True

    def readinto(self, b):
        return len(b) + 1


t("readinto too long", lambda: _io.BufferedReader(Liar()).read(3))


class Negative(Liar):
    def readinto(self, b):
        return -1


t("readinto negative", lambda: _io.BufferedReader(Negative()).read(3))

# Writers.
sink = Sink()
w = _io.BufferedWriter(sink, 4)
print(w.write(b"ab"), sink.out, w.write(b"cd"), sink.out, w.write(b"e"), sink.out)
print(w.write(b"0123456789"), sink.out)
print(w.flush(), sink.out, w.writable(), w.closed)
w.write(b"tail")
w.close()
print(sink.out, sink.closed, w.closed)

sink = Sink(limit=2)
w = _io.BufferedWriter(sink, 4)
print(w.write(b"0123456789"), sink.out)
w.flush()
print(sink.out)


class BadWriter(Sink):
    def write(self, b):
        return len(b) * 10


w = _io.BufferedWriter(BadWriter(), 2)
t("write too long", lambda: w.write(b"abcdef"))

# Checks on construction.
t("reader over writer", lambda: _io.BufferedReader(Sink()))
t("writer over reader", lambda: _io.BufferedWriter(Source(b"")))
t("random over reader", lambda: _io.BufferedRandom(Source(b"")))
t("buffer size 0", lambda: _io.BufferedReader(Source(b""), 0))
t("buffer size -1", lambda: _io.BufferedWriter(Sink(), -1))
t("not a stream", lambda: _io.BufferedReader(42))
t("uninitialized", lambda: _io.BufferedReader.__new__(_io.BufferedReader).read())
t("uninitialized repr", lambda: repr(_io.BufferedWriter.__new__(_io.BufferedWriter)))

# BufferedRWPair.
src = Source(b"pair data\nmore\n")
sink = Sink()
pair = _io.BufferedRWPair(src, sink, 8)
print(pair.read(4), pair.peek()[:3], pair.readline(), pair.read1(2))
print(pair.write(b"out"), sink.out, pair.flush(), sink.out)
print(pair.readable(), pair.writable(), pair.seekable(), pair.isatty(), pair.closed)
t("pair seek", lambda: pair.seek(0))
t("pair fileno", lambda: pair.fileno())
t("pair detach", lambda: pair.detach())
ba = bytearray(3)
print(pair.readinto(ba), ba)
pair.close()
print(pair.closed, src.closed, sink.closed)
t("pair bad", lambda: _io.BufferedRWPair(src, 3))
t("pair not readable", lambda: _io.BufferedRWPair(Sink(), Sink()))
t("pair uninit", lambda: _io.BufferedRWPair.__new__(_io.BufferedRWPair).read())
