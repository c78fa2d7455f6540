# Container protocol: __len__, __getitem__ (ints and slices), __setitem__,
# __delitem__, __contains__, __iter__/__next__, the old __getitem__
# iteration protocol, reversed(), and how builtins use them.

class Grid:
    def __init__(self, w, h, fill=0):
        self.w, self.h = w, h
        self.cells = [fill] * (w * h)
    def __len__(self):
        return self.w * self.h
    def __getitem__(self, pos):
        r, c = pos
        if not (0 <= r < self.h and 0 <= c < self.w):
            raise IndexError("cell %r out of range" % (pos,))
        return self.cells[r * self.w + c]
    def __setitem__(self, pos, value):
        r, c = pos
        self.cells[r * self.w + c] = value
    def __delitem__(self, pos):
        self[pos] = 0
    def __contains__(self, value):
        return value in self.cells
    def __iter__(self):
        for r in range(self.h):
            yield [self[r, c] for c in range(self.w)]
g = Grid(3, 2)
g[0, 1] = 5
g[1, 2] = 7
print(len(g), g[0, 1], g[1, 2], 5 in g, 9 in g, 9 not in g, list(g), bool(g))
del g[0, 1]
print(list(g), 5 in g)
try:
    g[5, 5]
except IndexError as e:
    print("IndexError:", e)

class Seq:
    """Old-style iteration through __getitem__ only."""
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError(i)
        return i * i
    def __len__(self):
        return self.n
s = Seq(6)
print(list(s), s[2], s[-1], s[1:4], s[::-2], 16 in s, 15 in s, sorted(s, reverse=True), list(reversed(s)))
for v in s:
    if v > 5:
        break
    print("item", v)
a, b, *rest = Seq(4)
print(a, b, rest, sum(Seq(10)), max(Seq(3)), list(enumerate(Seq(3))))

class CountDown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
cd = CountDown(3)
print(list(cd), list(cd), [x * 10 for x in CountDown(4)], next(CountDown(1)), next(iter(CountDown(0)), "empty"))
it = iter(CountDown(2))
print(next(it), next(it))
try:
    next(it)
except StopIteration:
    print("StopIteration")

class Reversible:
    def __init__(self, data):
        self.data = data
    def __iter__(self):
        return iter(self.data)
    def __reversed__(self):
        return iter(self.data[::-1] + ["(rev)"])
    def __len__(self):
        return len(self.data)
r = Reversible([1, 2, 3])
print(list(r), list(reversed(r)), len(r))

class Registry:
    def __init__(self):
        self._d = {}
    def __setitem__(self, k, v):
        print("  set", k, v)
        self._d[k] = v
    def __getitem__(self, k):
        return self._d.get(k, "missing:%s" % (k,))
    def __delitem__(self, k):
        print("  del", k)
        del self._d[k]
    def __contains__(self, k):
        return k in self._d
    def __len__(self):
        return len(self._d)
reg = Registry()
reg["a"] = 1
reg["b"] = [2]
reg["a"] += 10
reg["b"] += [3]
print(reg["a"], reg["b"], reg["zz"], "a" in reg, len(reg))
del reg["a"]
print("a" in reg, len(reg), reg[1, 2])
try:
    del reg["nope"]
except KeyError as e:
    print("KeyError:", e)

class NotIterable:
    pass
try:
    iter(NotIterable())
except TypeError as e:
    print("TypeError:", e)
try:
    for _ in 5:
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    len(NotIterable())
except TypeError as e:
    print("TypeError:", e)
try:
    NotIterable()[0]
except TypeError as e:
    print("TypeError:", e)
try:
    3 in NotIterable()
except TypeError as e:
    print("TypeError:", e)

class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
class Fib:
    def __init__(self, limit):
        self.limit = limit
    def __iter__(self):
        a, b = 0, 1
        while a < self.limit:
            yield a
            a, b = b, a + b
f = Fib(100)
print(list(f), sum(f), 55 in f, 56 in f, list(zip(f, "abc")), dict(zip("xyz", f)))
