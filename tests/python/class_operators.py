# Operator overloading: arithmetic and reflected operators, in-place
# operators (and the fallback to the binary ones), unary operators,
# __bool__, __call__, NotImplemented handling, __index__.

class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "V(%g, %g)" % (self.x, self.y)
    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x, self.y + o.y)
        if isinstance(o, (int, float)):
            return V(self.x + o, self.y + o)
        return NotImplemented
    def __radd__(self, o):
        print("  __radd__ with", o)
        return self + o
    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, V):
            return self.x * k.x + self.y * k.y
        return V(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __truediv__(self, k):
        return V(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return V(self.x // k, self.y // k)
    def __mod__(self, k):
        return V(self.x % k, self.y % k)
    def __pow__(self, k):
        return V(self.x ** k, self.y ** k)
    def __neg__(self):
        return V(-self.x, -self.y)
    def __pos__(self):
        return self
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __invert__(self):
        return V(self.y, self.x)
    def __bool__(self):
        return bool(self.x or self.y)
    def __eq__(self, o):
        return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)
    __hash__ = None
a, b = V(1, 2), V(3, 4)
print(a + b, a - b, a * 3, 3 * a, a * b, b / 2, b // 2, b % 3, a ** 2, -a, +a, abs(b), ~a)
print(a + 1, 1 + a, 2.5 + a)
print(sum([a, b, V(10, 10)], V(0, 0)))
print(sum([a, b]))
print(bool(V(0, 0)), bool(a), not V(0, 0), "yes" if V(0, 1) else "no", a == V(1, 2), a != V(1, 2))
try:
    a + "s"
except TypeError as e:
    print("TypeError:", e)
try:
    "s" + a
except TypeError as e:
    print("TypeError:", e)
try:
    a @ b
except TypeError as e:
    print("TypeError:", e)

class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, other):
        print("  __iadd__", other)
        self.items.append(other)
        return self
    def __add__(self, other):
        print("  __add__", other)
        new = Acc()
        new.items = self.items + [other]
        return new
acc = Acc()
orig = acc
acc += 1
acc += 2
print(acc.items, acc is orig)
acc2 = acc + 3
print(acc2.items, acc2 is acc)
v = V(1, 1)
before = v
v += V(1, 1)
print(v, v is before)
v *= 2
print(v)
v -= V(1, 1)
print(v)
lst = [1]
alias = lst
lst += (2, 3)
print(lst, alias is lst)
t = (1,)
talias = t
t += (2,)
print(t, talias, t is talias)

class Adder:
    def __init__(self, n):
        self.n = n
        self.calls = 0
    def __call__(self, x, *more, scale=1):
        self.calls += 1
        return (self.n + x + sum(more)) * scale
add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10), add5.calls, callable(add5), callable(Adder), callable(3))
print(list(map(add5, [1, 2, 3])), sorted([3, 1, 2], key=Adder(0)))

class Idx:
    def __init__(self, i):
        self.i = i
    def __index__(self):
        return self.i
data = list("abcdef")
print(data[Idx(2)], data[Idx(-1)], data[Idx(1):Idx(4)], hex(Idx(255)), bin(Idx(5)), "ab" * Idx(3), range(Idx(3)))

class Cmp:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __le__(self, o):
        return self.v <= o.v
    def __repr__(self):
        return "C%d" % self.v
print(Cmp(1) < Cmp(2), Cmp(2) > Cmp(1), Cmp(1) <= Cmp(1), Cmp(3) >= Cmp(2), sorted([Cmp(3), Cmp(1), Cmp(2)]))

class Len0:
    def __len__(self):
        return 0
class Num:
    def __init__(self, v):
        self.v = v
    def __int__(self):
        return int(self.v)
    def __float__(self):
        return float(self.v)
    def __str__(self):
        return "Num<%s>" % self.v
print(bool(Len0()), int(Num(3.7)), float(Num(2)), str(Num(1)), int(Num("42")))
class Matrix:
    def __init__(self, rows):
        self.rows = rows
    def __matmul__(self, o):
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in zip(*o.rows)] for r in self.rows])
    def __repr__(self):
        return "Matrix(%r)" % (self.rows,)
print(Matrix([[1, 2], [3, 4]]) @ Matrix([[5, 6], [7, 8]]))
class Shift:
    def __lshift__(self, n):
        return "<<%d" % n
    def __rrshift__(self, n):
        return "%d>>" % n
    def __and__(self, o):
        return "and"
    def __ror__(self, o):
        return "ror"
    def __xor__(self, o):
        return "xor"
sh = Shift()
print(sh << 2, 5 >> sh, sh & 1, 1 | sh, sh ^ sh)
