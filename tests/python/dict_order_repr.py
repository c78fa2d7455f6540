# dict insertion order through deletions, re-insertions, updates and
# resizes; popitem LIFO; repr of nested and self-referencing dicts;
# KeyError values; dicts built by comprehension, fromkeys, zip.

d = {}
for i in range(30):
    d[i * 7 % 31] = i
for k in list(d)[::3]:
    del d[k]
d[100] = 'x'
d[0] = 'y'
d[3] = 'z'
print(d)
print(list(d.keys())[:5], list(d.values())[-5:], list(d.items())[10:13])
print(d.popitem(), d.popitem(), len(d))
e = dict.fromkeys(range(10))
e.update({3: 'a', 30: 'b'})
e.update([(1, 'c')], z=None)
print(list(e.keys()), list(reversed(e.items()))[:3])
f = {}
for i in range(1000):
    f[i] = i
for i in range(0, 1000, 2):
    del f[i]
f[-1] = -1
print(len(f), list(f)[:5], list(f)[-3:], f.popitem())
g = {k: k * k for k in range(10) if k % 3}
print(g, dict(zip('abc', range(3))) == {'a': 0, 'b': 1, 'c': 2})
h = {1: 'a'}
h.pop(1)
h[2] = 'b'
h[1] = 'c'
print(h, list(h))
x = {}
x[1] = x
print(x, str({1: 'x', 'k': [1, {2: 3}]}), {(1, 2): {3: (4,)}})
nested = {'a': {'b': {'c': {}}}}
nested['a']['b']['c']['d'] = nested
print(nested)
try:
    {}[(1, 2)]
except KeyError as e:
    print(repr(e), e.args, str(e))
try:
    {}['k']
except KeyError as e:
    print(repr(e), str(e))
try:
    {}[()]
except KeyError as e:
    print(repr(e), str(e), e.args)
try:
    {1: 2}.pop(5)
except KeyError as e:
    print(repr(e))
try:
    {}.popitem()
except KeyError as e:
    print(repr(e), e.args)
print({1: 1, 2: 2} == {2: 2, 1: 1}, list({1: 1, 2: 2}) == list({2: 2, 1: 1}))
class Key:
    def __init__(self, n): self.n = n
    def __hash__(self): return self.n % 3
    def __eq__(self, o): return isinstance(o, Key) and o.n == self.n
    def __repr__(self): return f'Key({self.n})'
kd = {Key(i): i for i in range(10)}
del kd[Key(4)]
kd[Key(4)] = 'again'
print(kd, Key(7) in kd, kd.get(Key(11)))
