# __str__ / __repr__ and where each is used; __eq__, __ne__, ordering,
# __hash__ (and its removal when __eq__ is defined), objects as dict keys.

class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "P(%r, %r)" % (self.x, self.y)
    def __str__(self):
        return "(%s; %s)" % (self.x, self.y)
p = P(1, "a")
print(p, str(p), repr(p), [p], (p,), {"k": p}, f"{p}", f"{p!r}", "%s %r" % (p, p), format(p))

class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"
class OnlyStr:
    def __str__(self):
        return "only-str"
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()], OnlyStr(), "%s" % OnlyStr())
print(repr(OnlyStr()).startswith("<__main__.OnlyStr object at "), str([OnlyStr()]).startswith("[<__main__.OnlyStr object"))

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents == other.cents
    def __lt__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents < other.cents
    def __le__(self, other):
        return self == other or self < other
    def __hash__(self):
        return hash(self.cents)
    def __repr__(self):
        return "M%d" % self.cents
a, b, c = Money(5), Money(5), Money(7)
print(a == b, a is b, a != b, a != c, a < c, c > a, a <= b, c >= a, a == 5, 5 == a, a != "x")
print(sorted([Money(3), Money(1), Money(2)]), max([a, c]), min([c, a]), len({a, b, c}), {a: 1, b: 2}[Money(5)])
try:
    print(a < 5)
except TypeError as e:
    print("TypeError:", e)
try:
    print(a > "s")
except TypeError as e:
    print("TypeError:", e)

class EqOnly:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, EqOnly) and self.v == other.v
print(EqOnly(1) == EqOnly(1), EqOnly(1) != EqOnly(1), EqOnly(1) != EqOnly(2), EqOnly.__hash__ is None)
try:
    hash(EqOnly(1))
except TypeError as e:
    print("TypeError:", e)
try:
    {EqOnly(1)}
except TypeError as e:
    print("TypeError:", e)

class Plain:
    pass
x, y = Plain(), Plain()
print(x == x, x == y, x != y, hash(x) == hash(x), len({x, y, x}), x in [y, x], [x].index(x))
try:
    x < y
except TypeError as e:
    print("TypeError:", e)

calls = []
class Loud:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        calls.append(("eq", self.n, getattr(other, "n", other)))
        return NotImplemented
print(Loud(1) == Loud(2), calls)
calls.clear()
print(Loud(1) != Loud(2), calls)
calls.clear()
print(Loud(3) == 3, 3 == Loud(4), calls)
calls.clear()
l1 = Loud(5)
print(l1 == l1, l1 in [l1], calls)

class Reversed:
    def __init__(self, v):
        self.v = v
    def __gt__(self, other):
        print("  __gt__ called", self.v, other.v)
        return self.v > other.v
class Plain2:
    def __init__(self, v):
        self.v = v
print(Plain2(1) < Reversed(2))

class Sub(Money):
    def __eq__(self, other):
        print("  Sub.__eq__ first")
        return super().__eq__(other)
print(Money(1) == Sub(1))

class Key:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        return 42
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k
    def __repr__(self):
        return "Key(%s)" % self.k
d = {Key(1): "one", Key(2): "two"}
d[Key(1)] = "uno"
print(d, len(d), Key(2) in d, Key(3) in d, hash(Key(9)))
print(hash(Money(7)) == hash(7), hash(-1), hash(-2), hash(0), hash(1.5), hash(-0.5), hash((1, 2)) == hash((1, 2)))
