# gc-stress: 5
# copy: copy and deepcopy of builtins, user classes, __copy__/__deepcopy__,
# __reduce_ex__, __getstate__/__setstate__, recursive structures, memo.
import copy


a = [1, [2, 3], {"k": [4]}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[1].append(99)
a[2]["k"].append(5)
print(b, c, b[1] is a[1], c[1] is a[1])
t = (1, 2, (3, 4))
print(copy.copy(t) is t, copy.deepcopy(t) is t)
t2 = (1, [2])
print(copy.deepcopy(t2) is t2, copy.deepcopy(t2) == t2)
d = {"a": {1, 2}, "b": frozenset([3])}
dd = copy.deepcopy(d)
print(dd == d, dd["a"] is d["a"], dd["b"] is d["b"])
s = "text"
print(copy.copy(s) is s, copy.deepcopy(42) == 42, copy.copy(None), copy.deepcopy(len) is len)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"


p = Point([1], 2)
q = copy.copy(p)
r = copy.deepcopy(p)
p.x.append(3)
print(q, r, q.x is p.x)


class Custom:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print("__copy__ called")
        return Custom(self.v)

    def __deepcopy__(self, memo):
        print("__deepcopy__ called", type(memo).__name__)
        return Custom(copy.deepcopy(self.v, memo))


x = Custom([1, 2])
y = copy.copy(x)
z = copy.deepcopy(x)
print(y.v is x.v, z.v is x.v, z.v)


class State:
    def __init__(self):
        self.a = 1
        self.cache = "big"

    def __getstate__(self):
        st = self.__dict__.copy()
        del st["cache"]
        return st

    def __setstate__(self, st):
        self.__dict__.update(st)
        self.cache = "rebuilt"


s2 = copy.deepcopy(State())
print(s2.a, s2.cache)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = [1]
        self.b = 2


sl = copy.deepcopy(Slotted())
print(sl.a, sl.b)

rec = [1]
rec.append(rec)
rc = copy.deepcopy(rec)
print(rc[1] is rc, rc[1] is rec, len(rc))

shared = [0]
pair = [shared, shared]
pc = copy.deepcopy(pair)
print(pc[0] is pc[1], pc[0] is shared)


class Reduced:
    def __init__(self, n):
        self.n = n

    def __reduce__(self):
        return (Reduced, (self.n * 10,))


print(copy.copy(Reduced(2)).n, copy.deepcopy(Reduced(3)).n)

import collections
od = collections.OrderedDict(a=1, b=[2])
odc = copy.deepcopy(od)
print(type(odc).__name__, odc, odc["b"] is od["b"])
dq = collections.deque([1, [2]], maxlen=5)
print(copy.copy(dq), copy.deepcopy(dq).maxlen)
dfd = collections.defaultdict(list, {"x": [1]})
print(copy.deepcopy(dfd).default_factory is list, copy.copy(dfd)["x"] is dfd["x"])
print(copy.copy(bytearray(b"ab")), copy.deepcopy(range(3)), copy.copy(slice(1, 2)))

try:
    copy.deepcopy(iter([]))
except TypeError as e:
    print("TypeError:", str(e)[:40])
print(copy.Error is copy.error)
