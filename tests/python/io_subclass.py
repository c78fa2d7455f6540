# Subclasses of the _io classes: overridden methods are used by the
# generic machinery (iteration, readline, close over flush, print), extra
# attributes live in __dict__, __init__ can be extended.
import _io
from _helper_tmpfiles import TmpFiles

tmp = TmpFiles("io_subclass")


class LoudStringIO(_io.StringIO):
    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.writes = 0

    def write(self, s):
        self.writes += 1
        return super().write(s.upper())

    def readline(self, *args):
        line = super().readline(*args)
        return line.replace("a", "A")


s = LoudStringIO("banana\nsplit\n")
print(type(s).__name__, isinstance(s, _io.StringIO), isinstance(s, _io._TextIOBase))
print(list(s), s.writes)
print("x", "y", file=s)
print(s.writes, repr(s.getvalue()))
s.tag = "extra"
print(s.tag, sorted(s.__dict__))
print(repr(s)[:13])


class CountingBytes(_io.BytesIO):
    closes = 0

    def close(self):
        CountingBytes.closes += 1
        super().close()


with CountingBytes(b"x") as c:
    print(c.read(), c.closed)
print(c.closed, CountingBytes.closes)


class Upper(_io.TextIOWrapper):
    def write(self, s):
        return super().write(s.upper())


b = _io.BytesIO()
u = Upper(b, encoding="utf-8")
print("printed", file=u)
u.write("direct\n")
u.flush()
print(b.getvalue())
print(type(u).__name__, repr(u)[:30])


class Lines(_io.TextIOWrapper):
    def readline(self, size=-1):
        line = super().readline(size)
        return "[" + line if line else line


t = Lines(_io.BytesIO(b"1\n2\n"), encoding="utf-8")
print(list(t), t.__class__.__name__)


class MyFile(_io.FileIO):
    def __init__(self, name, mode="r"):
        super().__init__(name, mode)
        self.opened_as = mode


p = tmp.path("sub.bin")
f = MyFile(p, "w")
print(f.opened_as, f.write(b"raw"), f.mode, tmp.clean(repr(f)))
f.close()
print(repr(f))
f = MyFile(p)
print(f.readall(), sorted(k for k in f.__dict__ if k != "name"))
f.close()


class Reader(_io.BufferedReader):
    def read(self, n=-1):
        return super().read(n)[::-1]


r = Reader(_io.BytesIO(b"abcdef"), 4)
print(r.read(3), r.read(), repr(r)[:20])

# The mro of a subclass and super() into the native methods.
print([c.__name__ for c in Reader.__mro__])
print(_io.StringIO.write(s, "z"), s.getvalue()[-1])
try:
    _io.StringIO.write(b, "z")
except TypeError as e:
    print("TypeError", e)
tmp.cleanup()
