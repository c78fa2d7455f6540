# set operations: results and iteration order as CPython's (same table sizes)
A = set(range(100)); B = set(range(0, 200, 2))
for r in (A | B, A & B, A - B, A ^ B, B - A, B & A):
    print(len(r), list(r)[:12], list(r)[-5:])
s = set(range(1000, 0, -7)); print(list(s)[:10], len(s))
s = set([3.5, "a", (1, 2), None, 10**30, -1, True, 0]); print(len(s), sorted(map(repr, s)))
s = set(); s.update(range(100)); s.update([1000, 2000]); s.update((5, 6, 7)); print(list(s)[-6:])
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return self.v % 3
    def __eq__(self, o): return isinstance(o, K) and o.v == self.v
    def __repr__(self): return "K%d" % self.v
s = set([K(1), K(4), K(1), 2, 3, K(7)]); print(sorted(s, key=repr))
seen = set()
def gen():
    for i in range(10):
        yield (i, len(seen))
seen.update(gen()); print(sorted(seen))
print(frozenset(range(20)) & {1, 2, 30}, {1, 2} | frozenset([3]))
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return self.v
    def __eq__(self, o): return isinstance(o, K) and o.v == self.v
s = set([1, K(2), 3, K(4), 5] * 3 + list(range(100)) + [K(7)])
print(len(s), sorted(x if isinstance(x, int) else -x.v for x in s)[:8])
