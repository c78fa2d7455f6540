# hash() of tuples (CPython's xxHash-based combination), frozensets
# (CPython's shuffle-and-xor), ranges, nested containers and unhashable
# items inside them.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))

for t in [(), (1,), (1, 2), (2, 1), (1, (2, 3)), (1.5, -1, 2**70), ((),), ((), ()), (0.0, -0.0), tuple(range(20)),
          tuple(range(100)), (1j, 2j), (True, False), (-1,), (-2,), (1, (2, (3, (4, (5, (6, (7, (8, (9, (10,)))))))))),
          (2**61 - 1, 2**61), (1, 2.0, 3 + 0j), ((1, 2), (3, 4)), (frozenset([1]), frozenset()), (range(3), range(4))]:
    print(t if len(t) < 10 else len(t), hash(t))
print(hash((1, 2)) == hash((1.0, 2)), hash((1, 2)) == hash((1, 2.0 + 0j)), hash((1,)) != hash(1))
for fs in [frozenset(), frozenset([1]), frozenset([1, 2, 3]), frozenset([3, 2, 1]), frozenset(range(100)),
           frozenset([-1]), frozenset([-1, -2]), frozenset([(1, 2), 3.5]), frozenset([frozenset([1])]),
           frozenset([frozenset(), frozenset([frozenset()])]), frozenset([2**70, -2**70, 0.5]),
           frozenset(range(0, 1000, 7)), frozenset([True, 2, 3.0])]:
    print(sorted(fs, key=repr)[:5], len(fs), hash(fs))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), hash(frozenset({1, 2})) == hash(frozenset([1.0, 2.0])))
for r in [range(10), range(0), range(1, 10, 2), range(0, 10, 3), range(5, 5), range(-1, -10, -2), range(1, 2),
          range(1, 5, 10), range(10**20), range(0, 10**20, 3)]:
    n = max(0, (r.stop - r.start + r.step - (1 if r.step > 0 else -1)) // r.step)
    print(r, n, hash(r) == hash(r[:]), hash(r) == hash((n, r.start, r.step)) if n > 1 else '-')
print(hash(range(1, 2)) == hash(range(1, 5, 10)), hash(range(0)) == hash(range(5, 5)), hash(range(1, 10, 2)) == hash(range(1, 11, 2)))
show('hash((1, [2]))', lambda: hash((1, [2])))
show('hash((1, {2: 3}))', lambda: hash((1, {2: 3})))
show('hash(frozenset([1]) | {2})', lambda: hash(frozenset([1]) | {2}))
show('hash({1: 2}.items())', lambda: hash({1: 2}.items()))
show('hash(((1, [2]),))', lambda: hash(((1, [2]),)))
show('hash(slice(1))', lambda: hash(slice(1)))
d = {}
for t in [(1, 2), (1.0, 2.0), (1, 2 + 0j), frozenset([1]), frozenset([1.0]), range(3), range(0, 3, 1)]:
    d[t] = d.get(t, 0) + 1
print(list(d.values()))
