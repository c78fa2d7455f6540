# Builtins: len, min/max (key, default, several args), sum (start),
# sorted, abs, round, pow (3-arg), divmod, chr/ord, hex/oct/bin, repr/str,
# int/float/bool/list/dict/tuple/set constructors, hash, id identity,
# getattr/setattr/hasattr/delattr, callable, isinstance/issubclass, type.

print(len("abc"), len([1, 2]), len({}), len(range(0, 10, 3)), len({1: 2, 3: 4}), len(set("aab")), len(""))
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"), min("b", "a"), max([1, 2], [1, 3]), min((2, "b"), (2, "a")))
print(min([], default="empty"), max([], default=None), min([5], default=0), max([-1, -5], key=abs), min(["bb", "a", "ccc"], key=len))
print(max(["a", "B", "c"], key=str.lower), max([3, 1, 3], key=lambda x: -x), max([(1, "x"), (1, "y")], key=lambda p: p[0]))
print(min([1, 1.0]), max([1.0, 1]), max(0, False), min(False, 0), max([2, 2.0, 2]), max(range(5), key=lambda x: x % 3))
for bad in (lambda: min([]), lambda: max(), lambda: max(1), lambda: min([1, "a"]), lambda: max([], key=len)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(sum([1, 2, 3]), sum([1, 2], 10), sum([[1], [2]], []), sum([0.1, 0.2]), sum([], 5), sum(range(1, 101)), sum([True, True]))
print(sum([1.5, 2, 3]), sum((x / 2 for x in range(4)), 0.5), sum([10 ** 20, 1]), sum([-1] * 10))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
print(abs(-3), abs(3.5), abs(-0.0), abs(True), abs(-(10 ** 30)))
print(pow(2, 8), pow(2, -2), pow(2.0, 0.5), pow(3, 4, 5), pow(-2, 3, 5), pow(2, 100, 10 ** 9 + 7), pow(0, 0), pow(7, 2, 1))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(-1, 10 ** 20))
print(chr(65), chr(0x263A), chr(0x1F600), ord("A"), ord("\n"), ord("€"), ord(chr(1114111)), chr(ord("a") + 25))
print(hex(255), hex(-255), oct(8), oct(-8), bin(10), bin(-10), hex(0), bin(0), hex(2 ** 64))
print(repr(1), repr("a"), repr([1, "a"]), str(1.0), str([1.0]), repr(None), repr(1e-10))
print(int(), float(), bool(), str(), list(), dict(), tuple(), set(), repr(str()))
print(int("12"), int(12.9), int(-12.9), int(True), float("1.5"), float(3), bool(0), bool(0.0), bool("False"), bool([[]]))
print(list("ab"), list({1: 2}), list((1,)), tuple([1, 2]), tuple("ab"), set([3, 3, 1]), dict(a=1), dict([(1, 2)]), dict({1: 2}, b=3))
print(str(123), str(-0.5), str(True), str([None]), str("s"), str(), str(object)[:7])
print(hash(1) == hash(1.0) == hash(True), hash(0), hash(-1), hash(2 ** 61 - 1), hash(2 ** 61), hash((1, 2)) == hash((1, 2)), hash(()) == hash(tuple()))
print(hash(10 ** 20) == hash(10 ** 20 % (2 ** 61 - 1)), hash(-(10 ** 20)), hash(1.5), hash(float("inf")), hash(-float("inf")))
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), id(a) == id(a), type(id(a)).__name__)
class Thing:
    cls_attr = "C"
    def __init__(self):
        self.x = 1
    def meth(self):
        return "m"
t = Thing()
print(getattr(t, "x"), getattr(t, "y", "default"), getattr(t, "cls_attr"), getattr(t, "meth")(), getattr(Thing, "meth")(t))
setattr(t, "y", 2)
setattr(t, "with space", 3)
print(t.y, hasattr(t, "y"), hasattr(t, "z"), getattr(t, "with space"), hasattr(Thing, "meth"), hasattr(1, "real"))
delattr(t, "y")
print(hasattr(t, "y"))
try:
    getattr(t, "nope")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(t, "nope")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(t, 5)
except TypeError as e:
    print("TypeError:", e)
print(callable(len), callable(Thing), callable(t), callable(t.meth), callable(None), callable(lambda: 0), callable("s"))
print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance(1.0, (str, float)), isinstance([], list))
print(isinstance(None, type(None)), isinstance(int, type), isinstance(t, Thing), issubclass(int, object), issubclass(Thing, (int, Thing)))
print(type(1), type("s"), type([]), type(None), type(Thing), type(t), type(len), type(t.meth).__name__, type(type))
print(type(1).__name__, type(1.5).__name__, type("").__name__, type(()).__name__, type({}).__name__, type(set()).__name__, type(range(1)).__name__)
print(round(3.14159, 2), round(2.5), round(-2.5), round(0.5), round(1.5), round(1234.5678, -2), round(15, -1), round(25, -1))
print(ascii("é"), format(255, "x"), format(3.5, ".2f"), bool(None), len(dir(t)) > 5, "x" in dir(t), vars(t))
print(sorted([3, 1, 2]), sorted("cba"), sorted([3, 1, 2], reverse=True), sorted({"b": 1, "a": 2}), sorted([[2], [1, 5]]))
print(list(range(3)) == [0, 1, 2], max(map(len, ["a", "abc"])), min(zip([3, 1], "ab")), list(map(abs, [-1, 2, -3])))
print(isinstance(t, object), issubclass(Thing, object), object().__class__.__name__, Thing.__class__.__name__)
