# dict: insertion order, access, deletion and re-insertion, views,
# equality, keys of many hashable types.

d = {"b": 1, "a": 2, "c": 3}
print(d, len(d), d["a"], list(d), list(d.keys()), list(d.values()), list(d.items()))
d["d"] = 4
d["b"] = 10
print(d)
del d["b"]
print(d)
d["b"] = 20
print(d, list(d))
d.pop("a")
d["a"] = 0
print(d)
print("a" in d, "z" in d, "z" not in d, 0 in d, 20 in d.values(), ("a", 0) in d.items(), ("a", 1) in d.items())
try:
    d["zz"]
except KeyError as e:
    print("KeyError:", e, repr(e), e.args)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
try:
    {}[("t", 1)]
except KeyError as e:
    print("KeyError:", e)
try:
    {}[""]
except KeyError as e:
    print("KeyError:", e, str(e) == "''")
keys = {1: "int", 2.5: "float", "s": "str", (1, 2): "tuple", None: "none", True: "bool?", frozenset([1]): "fs", -1: "neg", 10 ** 30: "big"}
print(keys)
print(keys[1], keys[True], keys[1.0], keys[(1, 2)], keys[None], keys[frozenset({1})], keys[10 ** 30])
try:
    keys[[1]] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    {}[{}]
except TypeError as e:
    print("TypeError:", e)
print({1: 1, 2: 2} == {2: 2, 1: 1}, {1: 1} == {1: 1.0}, {1: 1} != {1: 2}, {} == {}, {1: 1} == [(1, 1)])
try:
    {1: 1} < {2: 2}
except TypeError as e:
    print("TypeError:", e)
e = {}
for w in "the cat and the hat and the bat".split():
    e[w] = e.get(w, 0) + 1
print(e)
order = {}
for k in [5, 3, 9, 3, 1, 5, 7]:
    order[k] = order.get(k, 0) + 1
print(order, list(order))
for k in list(order):
    if order[k] > 1:
        del order[k]
print(order)
order[5] = "back"
print(order)
nested = {"a": {"b": {"c": [1, 2, {"d": None}]}}}
print(nested["a"]["b"]["c"][2]["d"], nested)
nested["a"]["b"]["x"] = (1,)
print(nested)
grid = {(r, c): r * c for r in range(3) for c in range(3)}
print(grid[(2, 2)], grid[1, 2], len(grid), sorted(grid)[:4])
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": 1}, z=2), dict(zip("abc", range(3))), dict())
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict.fromkeys(range(3), []))
sq = {i: i * i for i in range(6)}
print(sq, {v: k for k, v in sq.items()}, {k: v for k, v in sq.items() if v % 2})
print(list(reversed(sq)), list(reversed(sq.items()))[:2], list(reversed(sq.values())))
dd = {}
dd[1] = "a"
dd[1.0] = "b"
dd[True] = "c"
print(dd, type(list(dd)[0]).__name__)
d3 = {"x": 1}
d3["x"] += 5
d3.setdefault("y", []).append(1)
d3.setdefault("y", []).append(2)
print(d3)
k = {"k": 1}
v = k.values()
kk = k.keys()
it = k.items()
k["n"] = 2
print(v, kk, it, len(v), list(kk))
print(repr({}), str({"q": "it's"}), {"a": [1, {"b": ()}]}, {1: {2: {3: {}}}})
