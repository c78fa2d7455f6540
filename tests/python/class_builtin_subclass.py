# Subclassing built-in types: list, dict (with __missing__), int, float,
# str, tuple; which methods return the subclass and which the base type.

class Stack(list):
    def push(self, x):
        self.append(x)
        return self
    def peek(self):
        return self[-1] if self else None
    def append(self, x):
        print("  Stack.append", x)
        super().append(x)
s = Stack([1, 2])
s.push(3).push(4)
print(s, len(s), s.peek(), isinstance(s, list), type(s).__name__, s == [1, 2, 3, 4])
s.extend([5])
s += [6]
print(s, type(s).__name__, type(s + [7]).__name__, type(s[1:]).__name__, type(s * 2).__name__)
print(sorted(s, reverse=True), s.pop(), Stack().peek(), repr(Stack("ab")))

class DefaultDict(dict):
    def __init__(self, factory, *args, **kw):
        super().__init__(*args, **kw)
        self.factory = factory
    def __missing__(self, key):
        value = self[key] = self.factory()
        return value
dd = DefaultDict(list)
for word in "apple avocado banana blueberry cherry".split():
    dd[word[0]].append(word)
print(dd, len(dd), dd["z"], "z" in dd, dd.get("q"), "q" in dd)
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in "hello world":
    c[ch] += 1
print(sorted(c.items()), c["missing"], len(c))

class Money(int):
    def __new__(cls, cents):
        return super().__new__(cls, round(cents))
    def __str__(self):
        return "$%d.%02d" % divmod(int(self), 100)
    def __add__(self, other):
        return Money(int(self) + int(other))
m = Money(1999.6)
print(m, repr(m), int(m), m + 1, type(m + 1).__name__, type(m * 2).__name__, m * 2, m > 1000, isinstance(m, int))
print(Money(5) == 5, hash(Money(5)) == hash(5), {Money(5): "x"}[5], sum([Money(1), Money(2)]), type(-m).__name__)

class Celsius(float):
    def __repr__(self):
        return "%.1f°C" % self
    def fahrenheit(self):
        return self * 9 / 5 + 32
t = Celsius(21.25)
print(t, repr(t), [t], t.fahrenheit(), type(t + 1).__name__, t + 1, t == 21.25, round(t, 1), int(t))

class Shout(str):
    def __new__(cls, text):
        return super().__new__(cls, text.upper())
    def exclaim(self):
        return self + "!"
sh = Shout("hello")
print(sh, repr(sh), sh.exclaim(), type(sh.exclaim()).__name__, type(sh.lower()).__name__, sh.lower(), len(sh), sh == "HELLO")
print(sh[1:3], type(sh[1:3]).__name__, sh.split("L"), "E" in sh, f"{sh:>8}", "%s" % sh, str(sh), type(str(sh)).__name__)

class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    @property
    def y(self):
        return self[1]
    def __repr__(self):
        return "Point(x=%r, y=%r)" % self
p = Point(3, 4)
print(p, p.x, p.y, p[0], len(p), p == (3, 4), hash(p) == hash((3, 4)), type(p + (5,)).__name__, sorted([Point(2, 1), Point(1, 2)]))
x, y = p
print(x, y, list(p), max(p), p.count(3), p.index(4))

class Matrix(list):
    @classmethod
    def zeros(cls, n):
        return cls([0] * n for _ in range(n))
    def __str__(self):
        return "\n".join(" ".join(map(str, row)) for row in self)
z = Matrix.zeros(3)
z[1][1] = 5
print(z, type(z).__name__, len(z))

class LoggedError(ValueError):
    count = 0
    def __init__(self, *args):
        super().__init__(*args)
        LoggedError.count += 1
for i in range(3):
    try:
        raise LoggedError("problem", i)
    except ValueError as e:
        print(repr(e), e.args, LoggedError.count)
class MyDict(dict):
    pass
md = MyDict(a=1)
md["b"] = 2
print(md, type(md).__name__, type(md.copy()).__name__, md | {"c": 3}, type(md | {"c": 3}).__name__, dict(md) == md)
