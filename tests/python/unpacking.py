# Unpacking: tuple/list targets, starred targets in every position, nested
# targets, swapping, unpacking in for loops, star-expressions in calls and
# displays, errors.

a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = "xyz"
print(a, b, c)
[a, b], c = (1, 2), [3]
print(a, b, c)
(a, (b, (c, d))) = 1, (2, (3, 4))
print(a, b, c, d)
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = [1]
print(init, tail)
head, *rest = "a"
print(head, rest)
a, *b, c, d = 1, 2, 3
print(a, b, c, d)
*everything, = (1, 2, 3)
print(everything)
a, (b, *c), *d = 1, (2, 3, 4), 5, 6
print(a, b, c, d)
x = y = z = [0]
x.append(1)
print(x, y, z, x is z)
i, j = j, i = 1, 2
print(i, j)
l = [0, 0, 0]
idx = 0
idx, l[idx] = 2, "set"
print(idx, l)
d = {}
d["a"], d["b"] = 1, 2
print(d)
class O:
    pass
o = O()
o.p, o.q = "P", "Q"
print(o.p, o.q)
for n, (ch, *more) in enumerate(["ab", "c", "def"]):
    print(n, ch, more)
for (a, b), c in [((1, 2), 3), ((4, 5), 6)]:
    print(a + b + c)
pairs = {"x": (1, 2), "y": (3, 4)}
for key, (lo, hi) in sorted(pairs.items()):
    print(key, hi - lo)
def f(*args, **kw):
    return args, kw
print(f(*[1, 2], *(3,), 4, *"ab"), f(**{"x": 1}, y=2, **{"z": 3}))
print([*range(3), *[9], *"hi"], (*"ab", *[1]), {*[1, 1, 2]}, {**{"a": 1}, "b": 2, **{"a": 3}})
print(*[1, 2, 3], sep="-")
print(*"abc")
print(*[])
print(*range(3), *range(3, 5), sep="|", end=".\n")
for bad in ["a, b = 1, 2, 3", "a, b, c = 1, 2", "a, *b, c = [1]", "a, b = None", "(a, b), c = 1, 2"]:
    try:
        if bad == "a, b = 1, 2, 3":
            a, b = 1, 2, 3
        elif bad == "a, b, c = 1, 2":
            a, b, c = 1, 2
        elif bad == "a, *b, c = [1]":
            a, *b, c = [1]
        elif bad == "a, b = None":
            a, b = None
        else:
            (a, b), c = 1, 2
    except (ValueError, TypeError) as e:
        print(bad, "->", type(e).__name__ + ":", e)
def gen():
    yield 1
    yield 2
p, q = gen()
print(p, q)
k1, k2 = {"first": 1, "second": 2}
print(k1, k2)
s1, s2 = {7}, {8}
print(s1, s2)
(a, b) = [b, a] = (5, 6)
print(a, b)
big_first, *_, big_last = range(10 ** 4)
print(big_first, big_last, len(_))
