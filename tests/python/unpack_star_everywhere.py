# Star-unpacking in every place it is allowed: assignment targets (any
# position, nested, for-loop targets), displays, calls, returns/yields,
# subscripts; and the errors for too few/many values.
a, *b = [1, 2, 3]
*c, d = "xyz"
e, *f, g = range(6)
(h, *i), j = (1, 2, 3), 4
[k, *l] = (9,)
print(a, b, c, d, e, f, g, h, i, j, k, l)
for first, *rest in [(1, 2, 3), (4,), "ab"]:
    print(first, rest)
for (x, *y), z in [((1, 2), 3)]:
    print(x, y, z)
it = iter([1, 2, 3, 4])
p, *q = it
print(p, q, type(q).__name__)

print([*range(3), *"ab", *(), *{"k": 1}])
print((*[1, 2], 3))
print({*[1, 1, 2], *()} == {1, 2})
print({**{"a": 1}, "b": 2, **{"a": 3}})
print(*[1, 2], *[3], sep="-")


def f(*args, **kwargs):
    return args, sorted(kwargs.items())


print(f(*[1, 2], 3, *(4,), x=1, **{"y": 2}, **{"z": 3}))


def ret():
    rest = [2, 3]
    return 1, *rest


def gen():
    parts = ["b", "c"]
    yield "a", *parts


print(ret(), next(gen()))
matrix = {}
key = (1, 2)
matrix[(*key, 3)] = "slice key"
matrix[0, *key] = "bare tuple key"
print(matrix)
print([*[*[*[1]]]])
t = 1, *[2, 3], 4
print(t)
first, *_ = t
print(first, _)

for src, vals in [("x, y = v", [1]), ("x, y = v", [1, 2, 3]), ("x, *y, z = v", [1]),
                  ("x, y = v", 5), ("x, *y = v", None), ("[x] = v", []),
                  ("x, y = v", "abc"), ("(x, y), z = v", [1, 2])]:
    try:
        exec(src, {"v": vals})
    except (ValueError, TypeError) as err:
        print(src, "->", type(err).__name__ + ":", err)


class Gen:
    def __iter__(self):
        yield 1
        yield 2
        raise RuntimeError("iteration failed")


try:
    u, *w = Gen()
except RuntimeError as err:
    print("RuntimeError:", err)

for bad in ["*a = [1]", "a, *b, *c = d", "print(*)", "*a, = b", "[*a] = 1",
            "del *a, b", "f(**x, *y)", "x = *a", "return *a",
            "(*a)", "a += *b", "for *x in y: pass", "{**a for a in b}"]:
    try:
        compile(bad, "<s>", "exec")
        print("compiled:", bad)
    except SyntaxError as err:
        print(repr(bad), "SyntaxError:", err.msg)
