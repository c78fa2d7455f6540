# Sets of ints and frozensets. Sets are printed directly only when they hold
# a few small non-negative ints that cannot collide in the hash table (the
# order is then ascending in CPython); anything else is printed sorted.

s = {3, 1, 2}
print(s, len(s), 1 in s, 5 in s, 5 not in s, type(s).__name__)
s.add(4)
s.add(1)
print(s)
s.discard(10)
s.discard(3)
print(s)
s.remove(4)
print(s)
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
print(set(), set([1, 1, 2]), set(range(5)), set("aaa") == {"a"}, set((5, 4, 4)), {0})
a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [8]), a.intersection(b, {5}), a.difference([1], (2,)), a.symmetric_difference(range(3, 9)))
print(a <= a, a < a, {1, 2} < a, a > {1}, {1, 9} <= a, a >= {1, 2}, a.issubset(range(10)), a.issuperset([1, 2]))
print(a.isdisjoint({10, 11}), a.isdisjoint(b), a == {5, 4, 3, 2, 1}, a != b, {1} == frozenset({1}))
c = set(a)
c |= {10}
print(sorted(c))
c &= {1, 2, 10, 11}
print(sorted(c))
c -= {2}
c ^= {1, 20}
print(sorted(c))
c.update([30, 31], {32})
print(sorted(c))
c.intersection_update(range(25, 35))
print(sorted(c))
c.difference_update({30})
print(sorted(c))
c.symmetric_difference_update({31, 40})
print(sorted(c))
popped = []
while c:
    popped.append(c.pop())
print(sorted(popped), c)
try:
    c.pop()
except KeyError as e:
    print("KeyError:", e)
d = {5, 1, 3}
e = d.copy()
e.add(7)
print(d, e, d.clear(), d)
fs = frozenset([3, 1, 2, 3])
print(fs, len(fs), 2 in fs, fs | {5}, fs & {1, 9}, type(fs | {9}).__name__, type({9} | fs).__name__)
print(hash(fs) == hash(frozenset({1, 2, 3})), {fs: "key"}[frozenset([1, 2, 3])], frozenset(), repr(frozenset()))
try:
    fs.add(4)
except AttributeError as e:
    print("AttributeError:", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
try:
    {1} | [2]
except TypeError as e:
    print("TypeError:", e)
print({x % 7 for x in range(30)}, sorted({x * x for x in range(-3, 4)}), sorted({i for i in range(10) if i % 3 == 0}), {i for i in range(7) if i % 3 == 0})
print(sorted({-5, 10, -1, 100}), min({4, 2, 9}), max({4, 2, 9}), sum({1, 2, 3}), len({1, 1.0, True}))
seen = set()
dups = []
for x in [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]:
    if x in seen:
        dups.append(x)
    seen.add(x)
print(sorted(seen), dups, sorted(set(dups)))
print(list({1: 0, 2: 0}.keys() | {3}), {(1, 2), (1, 2)}, len({(1, 2), (2, 1)}))
s2 = {1, 2, 3}
try:
    for x in s2:
        s2.add(x + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
print({1, 2} == {2, 1}, {1, 2} < {1, 2, 3}, sorted([{1, 2}, {1}], key=len))
big = set(range(0, 100, 7))
print(sorted(big), 49 in big, 50 in big, len(big))
big -= set(range(0, 100, 2))
print(sorted(big), len(big))
