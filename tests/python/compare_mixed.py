# Comparisons across types: equality never raises, ordering between
# unrelated types raises TypeError, containers compare element-wise with
# identity shortcuts, numbers compare by value, rich comparison fallbacks.

values = [0, 1, 1.0, True, "1", [1], (1,), None, {1}, {1: 1}, "b", -0.0]
for a in values:
    print(repr(a).ljust(8), " ".join("T" if a == b else "." for b in values))
pairs = [(1, "1"), ([], ()), (None, None), (None, 0), ((), []), ({}, []), ("a", ["a"]), (1, [1]), ([1, 2], [1, 2.0]), ((1, [2]), (1, [2]))]
for a, b in pairs:
    print(repr(a), repr(b), a == b, a != b)
for a, b in [(1, "a"), ("a", 1), (None, 1), ([], ()), ({}, {}), ((1,), [1]), (1, None), ({1}, [1])]:
    for op in ("<", ">", "<=", ">="):
        try:
            r = {"<": lambda: a < b, ">": lambda: a > b, "<=": lambda: a <= b, ">=": lambda: a >= b}[op]()
            print(repr(a), op, repr(b), "->", r)
        except TypeError as e:
            print(repr(a), op, repr(b), "-> TypeError:", e)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 2, 3], (1, "a") < (1, "b"), ("a", 1) < ("a", 1.5), [[1]] < [[2]])
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 2} > {1}, {1} < {2}, {1} > {2}, frozenset({1}) < {1, 2})
print("abc" < "abd", "a" < "B", "Z" < "a", "" < "a", "10" < "9", 10 < 9, "abc" == "abc", "abc" != None)
class Undefined:
    pass
u1, u2 = Undefined(), Undefined()
print(u1 == u1, u1 == u2, u1 != u2, u1 in [u2], u1 in [u1])
class Sneaky:
    def __eq__(self, other):
        return True
sn = Sneaky()
print(sn == 1, 1 == sn, sn == None, None == sn, sn in [1], [sn] == [2], (sn,) == (3,), sn != 1)
class Weird:
    def __eq__(self, other):
        return "truthy string"
    def __lt__(self, other):
        return 0
w = Weird()
print(w == 1, w < 1, [w] == [1], bool(w == 1), sorted([3, 1, 2]) if not (w < 1) else None)
class NeverEq:
    def __eq__(self, other):
        return False
ne = NeverEq()
print(ne == ne, ne in [ne], [ne] == [ne], [ne].count(ne), [ne].index(ne) if ne in [ne] else -1)
nan = float("nan")
print(nan == nan, [nan] == [nan], nan in [nan], {nan: 1}.get(nan), min(3, nan), max(nan, 3), min(nan, 3))
print(1 == 1.0 == True, 0 == -0.0 == False, 2 ** 53 + 1 == float(2 ** 53 + 1), 10 ** 20 == 1e20, 0.1 * 3 == 0.3)
print(max("apple", "Apple", "APPLE"), min([[3], [1, 5], [1]]), max((1, 2), (1, 2, -1)), sorted([(2, "b"), (2, "a"), (1, "z")]))
