# Dict and set keys: numeric equivalence (1 == 1.0 == True share a slot and
# the first key object is kept), -0.0 and 0, nan keys found only by
# identity, tuples and frozensets as keys, user-defined __hash__/__eq__,
# mutation of a key object, and many insertions/deletions keeping order.

d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d, type(next(iter(d))).__name__)
d2 = {True: "bool first"}
d2[1] = "int later"
print(d2)
z = {0.0: "zero"}
z[-0.0] = "negzero"
z[0] = "int zero"
z[False] = "false"
print(z)
nan = float("nan")
n = {nan: "a"}
n[nan] = "b"
n[float("nan")] = "c"
print(len(n), n[nan], float("nan") in n, nan in n)
s = {nan, nan, float("nan")}
print(len(s))
t = {(1, 2): "tuple", (1, (2, 3)): "nested", (): "empty", ("a",): "one"}
print(t[(1, 2)], t[1, (2, 3)], t[()], t["a",], (1, 2.0) in t, (1.0, 2) in t)
fs = {frozenset({1, 2}): "fs", frozenset(): "empty fs"}
print(fs[frozenset([2, 1])], fs[frozenset()], frozenset({1, 2}) == {1, 2}, {1, 2} == frozenset({2, 1}))

class Key:
    def __init__(self, name):
        self.name = name
    def __hash__(self):
        return hash(self.name.lower())
    def __eq__(self, other):
        return isinstance(other, Key) and self.name.lower() == other.name.lower()
    def __repr__(self):
        return "Key(%r)" % self.name
k = {Key("Alpha"): 1}
k[Key("ALPHA")] = 2
k[Key("beta")] = 3
print(k, Key("alpha") in k, Key("gamma") in k)
class NumKey:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        return self.n
    def __eq__(self, other):
        return isinstance(other, NumKey) and self.n == other.n
mutable = NumKey(1)
m = {mutable: "value"}
mutable.n = 2
print(NumKey(1) in m, NumKey(2) in m, mutable in m, list(m.values()))

class AlwaysEqual:
    def __init__(self, h):
        self.h = h
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        return True
ae = {AlwaysEqual(1): "first"}
ae[AlwaysEqual(1)] = "second"
ae[AlwaysEqual(2)] = "different hash"
print(len(ae), sorted(ae.values()))

order = {}
for i in range(50):
    order[i * 7 % 50] = i
for i in range(0, 50, 3):
    del order[i]
for i in range(0, 50, 6):
    order[i] = -i
print(list(order)[:20], len(order))
print(list(order.values())[-10:])
big = {}
for i in range(1000):
    big[str(i)] = i
for i in range(0, 1000, 2):
    del big[str(i)]
print(len(big), list(big)[:5], list(big)[-3:], sum(big.values()))
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(-0.0) == hash(False), hash(2 ** 70) == hash(2.0 ** 70))
print(hash((1, 2.0)) == hash((1.0, 2)), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
print({1: "a"} == {1.0: "a"}, {(1, 2): 0} == {(1.0, 2.0): 0}, {nan: 1} == {nan: 1}, {float("nan"): 1} == {float("nan"): 1})
print([nan] == [nan], [float("nan")] == [float("nan")], (nan,) == (nan,), nan in [nan], nan in [float("nan")])
