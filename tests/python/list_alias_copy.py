# Aliasing and copying: assignment shares objects, slicing and list()
# make shallow copies, nested mutation shows through shallow copies, a
# hand-written deep copy, identity vs equality, default-argument sharing.

a = [1, [2, 3], {"k": [4]}]
b = a
c = a[:]
d = list(a)
e = a.copy()
print(b is a, c is a, c == a, c[1] is a[1], d[2] is a[2], e == a)
a[0] = 100
a[1].append(99)
a[2]["k"].append(5)
print(a, b, c, d, e, sep="\n")

def deep_copy(obj, memo=None):
    if memo is None:
        memo = {}
    if id(obj) in memo:
        return memo[id(obj)]
    if isinstance(obj, list):
        out = []
        memo[id(obj)] = out
        out.extend(deep_copy(x, memo) for x in obj)
        return out
    if isinstance(obj, dict):
        out = {}
        memo[id(obj)] = out
        for k, v in obj.items():
            out[k] = deep_copy(v, memo)
        return out
    if isinstance(obj, tuple):
        return tuple(deep_copy(x, memo) for x in obj)
    return obj
f = deep_copy(a)
a[1].append("after deep copy")
print(f, f == a, f[1] is a[1])
cyc = [1, 2]
cyc.append(cyc)
cc = deep_copy(cyc)
print(cc[2] is cc, cc[2] is cyc, len(cc), cc[:2])
shared = [[]] * 3
shared[0].append("x")
separate = [[] for _ in range(3)]
separate[0].append("x")
print(shared, separate, shared[0] is shared[2], separate[0] is separate[2])
row = [0] * 3
grid = [row] * 2
grid[0][0] = 5
print(grid, row)
t = ([1], [2])
t2 = t
t[0].append(10)
print(t, t2, t is t2)
s = "immutable"
s2 = s
s += "!"
print(s, s2, s is s2)
n = 10
m = n
n += 1
print(n, m)
l1 = [1, 2]
l2 = l1
l1 += [3]
print(l1, l2, l1 is l2)
l1 = l1 + [4]
print(l1, l2, l1 is l2)
def append_to(item, target=[]):
    target.append(item)
    return target
r1 = append_to(1)
r2 = append_to(2)
print(r1, r2, r1 is r2)
def safe_append(item, target=None):
    target = [] if target is None else target
    target.append(item)
    return target
print(safe_append(1), safe_append(2))
d1 = {"a": [1]}
d2 = dict(d1)
d3 = {k: list(v) for k, v in d1.items()}
d1["a"].append(2)
d1["b"] = 0
print(d1, d2, d3)
nested = {"x": {"y": {"z": 1}}}
alias = nested["x"]["y"]
alias["z"] = 2
alias["w"] = 3
print(nested)
matrix = [[1, 2], [3, 4]]
transposed = [list(r) for r in zip(*matrix)]
transposed[0][0] = "T"
print(matrix, transposed)
items = [[i] for i in range(3)]
snapshot = [x[:] for x in items]
for x in items:
    x.append(x[0] * 10)
print(items, snapshot)
x = y = []
x.append(1)
print(x, y, x is y)
x = []
print(x, y, x is y)
