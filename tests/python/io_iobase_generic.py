# The generic behaviour of _io._IOBase and friends for streams written in
# Python: readline over read/peek, readlines, iteration, writelines, with,
# close over flush, the __IOBase_closed flag, _check* helpers,
# _RawIOBase.read/readall over readinto, _BufferedIOBase.readinto over read,
# and the unsupported operations.
import _io


def t(label, fn):
    try:
        r = fn()
        rr = repr(r)
        print(label, "->", type(r).__name__ if " at 0x" in rr else rr)
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


class Lines(_io._IOBase):
    def __init__(self, data):
        self.data = data
        self.pos = 0
        self.flushes = 0

    def read(self, n=-1):
        if n < 0:
            n = len(self.data)
        out = self.data[self.pos:self.pos + n]
        self.pos += len(out)
        return out

    def readable(self):
        return True

    def flush(self):
        self.flushes += 1
        super().flush()


s = Lines(b"one\ntwo\nthree")
print(s.readline(), s.readline(2), s.readline(), s.readline(), s.readline())
s = Lines(b"a\nbb\nccc\n")
print(s.readlines(), Lines(b"a\nbb\nccc\n").readlines(3), Lines(b"x\ny").readlines(0))
print(list(Lines(b"1\n2\n3")), [x for x in Lines(b"")])
t("readline float", lambda: Lines(b"").readline(1.5))
print(s.closed, s.__dict__ == {"data": b"a\nbb\nccc\n", "pos": 9, "flushes": 0})
s.close()
print(s.closed, s.flushes, s.__dict__.get("__IOBase_closed"))
s.close()
print(s.flushes)
for name in ["flush", "__enter__", "__iter__", "isatty", "_checkClosed"]:
    t("closed " + name, lambda: getattr(s, name)())
t("closed writelines", lambda: s.writelines([]))
t("closed readable", lambda: s.readable())

b = _io._IOBase()
for name in ["seek", "tell", "truncate", "fileno"]:
    t(name, lambda: getattr(b, name)())
for name in ["isatty", "readable", "writable", "seekable", "flush", "_checkClosed"]:
    t(name, lambda: getattr(b, name)())
for name in ["_checkReadable", "_checkWritable", "_checkSeekable"]:
    t(name, lambda: getattr(b, name)())
t("readline no read", lambda: b.readline())
t("next no read", lambda: next(b))
with b as ctx:
    print("with", ctx is b, b.closed)
print("after with", b.closed)


class Peeky(Lines):
    peeks = 0

    def peek(self, n=0):
        self.peeks += 1
        return self.data[self.pos:self.pos + 4]


p = Peeky(b"peeking lines\nsecond\n")
print(p.readline(), p.peeks, p.readline(), p.readline(), p.peeks)


class BadRead(_io._IOBase):
    def read(self, n):
        return "str"


t("read returns str", lambda: BadRead().readline())


class Writer(_io._IOBase):
    def __init__(self):
        self.got = []

    def write(self, x):
        self.got.append(x)
        return len(x)


w = Writer()
print(w.writelines(["a", b"b", (3,)]), w.got)
t("writelines item error", lambda: w.writelines(["ok", 5]))
print(w.got)
t("writelines not iterable", lambda: w.writelines(5))

# _RawIOBase.
class Raw(_io._RawIOBase):
    def __init__(self, data):
        self.data = data

    def readinto(self, b):
        n = min(len(b), 4, len(self.data))
        b[:n] = self.data[:n]
        self.data = self.data[n:]
        return n


r = Raw(b"0123456789")
print(r.read(3), r.read(), r.read(), Raw(b"abcdefghij").readall(), Raw(b"").read())
r = _io._RawIOBase()
t("raw read", lambda: r.read(2))
t("raw readall", lambda: r.readall())
t("raw readinto", lambda: r.readinto(bytearray(2)))
t("raw write", lambda: r.write(b"x"))


class NoneRaw(_io._RawIOBase):
    def readinto(self, b):
        return None


print(NoneRaw().read(3), NoneRaw().readall())


# _BufferedIOBase.
class Buf(_io._BufferedIOBase):
    def __init__(self, data):
        self.data = data

    def read(self, n=-1):
        out, self.data = self.data[:n], self.data[n:]
        return out


bb = Buf(b"buffered data")
ba = bytearray(5)
print(bb.readinto(ba), ba, bb.readinto(bytearray(100)))
t("readinto1", lambda: Buf(b"x").readinto1(bytearray(2)))
t("buf read1", lambda: _io._BufferedIOBase().read1())
t("buf read", lambda: _io._BufferedIOBase().read())
t("buf write", lambda: _io._BufferedIOBase().write(b""))
t("buf detach", lambda: _io._BufferedIOBase().detach())
t("buf readinto", lambda: _io._BufferedIOBase().readinto(bytearray(1)))


class TooMuch(_io._BufferedIOBase):
    def read(self, n):
        return b"x" * (n + 3)


t("read too much", lambda: TooMuch().readinto(bytearray(2)))

# _TextIOBase.
tb = _io._TextIOBase()
for name in ["read", "readline", "detach"]:
    t("text " + name, lambda: getattr(tb, name)())
t("text write", lambda: tb.write("x"))
print(tb.encoding, tb.newlines, tb.errors)

# The class hierarchy.
for cls in [_io.FileIO, _io.BytesIO, _io.StringIO, _io.BufferedReader, _io.BufferedWriter,
            _io.BufferedRandom, _io.BufferedRWPair, _io.TextIOWrapper,
            _io.IncrementalNewlineDecoder]:
    print(cls.__name__, cls.__module__, [c.__name__ for c in cls.__mro__])
