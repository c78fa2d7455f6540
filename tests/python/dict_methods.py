# dict methods: get, setdefault, pop, popitem, update, copy, clear, |, |=,
# views and their set operations, iteration while reading.

d = {"x": 1, "y": 2}
print(d.get("x"), d.get("z"), d.get("z", "dflt"), d.get("x", "dflt"), d.get("z", None))
print(d.setdefault("x", 100), d.setdefault("z", 3), d.setdefault("w"), d)
print(d.pop("w"), d.pop("nope", "fallback"), d.pop("z"), d)
try:
    d.pop("nope")
except KeyError as e:
    print("KeyError:", e)
p = {"a": 1, "b": 2, "c": 3}
print(p.popitem(), p, p.popitem(), p)
p["d"] = 4
print(p.popitem(), p)
p.popitem()
try:
    p.popitem()
except KeyError as e:
    print("KeyError:", e)
u = {"a": 1}
u.update({"b": 2, "a": 10})
print(u)
u.update([("c", 3), ("d", 4)])
print(u)
u.update(e=5, a=-1)
print(u)
u.update({"f": 6}, g=7)
print(u)
u.update()
u.update(())
print(u)
try:
    u.update([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    u.update([("a", 1, 2)])
except ValueError as e:
    print("ValueError:", e)
c = u.copy()
c["a"] = "changed"
print(u["a"], c["a"], c is u, c == u)
inner = {"list": [1]}
shallow = inner.copy()
shallow["list"].append(2)
print(inner, shallow)
c.clear()
print(c, len(c), bool(c))
m1 = {"a": 1, "b": 2}
m2 = {"b": 20, "c": 30}
print(m1 | m2, m2 | m1, m1)
m1 |= m2
print(m1)
m1 |= [("z", 0)]
print(m1)
try:
    print(m1 | [("q", 1)])
except TypeError as e:
    print("TypeError:", e)
k1 = {"a": 1, "b": 2, "c": 3}.keys()
k2 = {"b": 0, "c": 0, "d": 0}.keys()
print(sorted(k1 & k2), sorted(k1 | k2), sorted(k1 - k2), sorted(k1 ^ k2), k1 == {"a", "b", "c"}, k1.isdisjoint({"x"}))
print(sorted({1: 1, 2: 2}.keys() & {2, 3}), {1: 1, 2: 2}.keys() - {1}, {1: "a"}.items() | {(2, "b")} == {(1, "a"), (2, "b")})
vals = {"a": 1, "b": 1}.values()
print(sorted(vals), list(vals) == [1, 1], 1 in vals, len(vals))
it = iter({"one": 1, "two": 2, "three": 3}.items())
print(next(it), next(it), next(it), next(it, "done"))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
inverted = {}
for k, v in {"a": 1, "b": 2, "c": 1}.items():
    inverted.setdefault(v, []).append(k)
print(inverted)
d = dict.fromkeys("abcde", 0)
for i, k in enumerate(d):
    d[k] = i * i
print(d, sum(d.values()), [k for k, v in d.items() if v > 3])
try:
    for k in d:
        d[k + k] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print("RuntimeError:", e)
print(len(d))
try:
    {}.get()
except TypeError as e:
    print("TypeError:", e)
print({}.get(1, 2), {1: None}.get(1, 2), dict.get({5: 6}, 5), {"a": 1}.__getitem__("a"), {"a": 1}.__contains__("b"))
