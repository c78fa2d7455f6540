# Chained comparisons (evaluated once, short-circuit), conditional
# expressions, the walrus operator, `is`/`in` operators, operator
# precedence, augmented assignment on subscripts and attributes.

calls = []
def v(x):
    calls.append(x)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1.0 == True, 1 < 2 > 1, 1 != 2 != 1, 0 <= 0 < 1 <= 1)
print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(5) < v(1) < v(9), calls)
calls.clear()
print(v(1) < v(2) == v(2) != v(3) >= v(3) > v(0), calls)
calls.clear()
x = 5
print(0 < x < 10, 0 < x < 3, x in range(10) in [range(10)], 1 in [1] in [[1]], "a" < "b" < "c")
print(2 if x > 3 else 3, "big" if x > 100 else "medium" if x > 4 else "small", (lambda: "t")() if x else "f")
print([("even" if i % 2 == 0 else "odd") for i in range(4)], None if None else "fallback", 0 or None if False else "else")
vals = [3, 8, 1, 9]
if (n := len(vals)) > 3:
    print("long list of", n)
print(n)
data = iter([1, 2, 3, 0, 4])
out = []
while (item := next(data)) != 0:
    out.append(item)
print(out, item)
print([y for x in range(6) if (y := x * 3) % 2 == 0], y)
print((w := 10) + w, w)
def walrus_in_func():
    if (m := max([4, 2, 7])) > 5:
        return m
print(walrus_in_func())
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, None is None, type(a) is list, type(a) is not tuple)
print(2 in [1, 2], 3 not in [1, 2], "b" in {"a": 1, "b": 2}, 1 in {1.0}, [1] in [[1]], (1,) in [(1,)], "" in "abc")
print(-2 ** 2, (-2) ** 2, 2 ** -1, not 1 + 1 == 3, 1 + 2 * 3 ** 2 // 4 % 5, -7 // 2 * 2, 1 if 0 else 2 if 0 else 3)
print(1 + 2 < 4 and 5 > 3, True or False and False, (True or False) and False, not True or True, not (True or True))
print(3 & 5 | 2 ^ 7, 1 << 2 + 1, ~5 + 1, -(~5), 10 - 3 - 2, 2 ** 3 ** 2, 100 / 10 / 5, 64 // 4 // 2)
lst = [1, 2, 3]
lst[0] += 10
lst[-1] *= 2
lst[1:2] += [20]
print(lst)
d = {"a": 1}
d["a"] += 1
d.setdefault("b", 0)
d["b"] -= 5
print(d)
class Box:
    pass
bx = Box()
bx.n = 1
bx.n += 41
bx.items = []
bx.items += ["x"]
print(bx.n, bx.items)
s = "ab"
s += "cd"
s *= 2
print(s)
t = (1,)
t *= 3
print(t)
n = 7
n //= 2
n **= 3
n %= 10
n <<= 2
n |= 1
print(n)
f = 1.5
f += 1
f /= 2
f **= 2
print(f)
matrix = [[0] * 3 for _ in range(3)]
for i in range(3):
    for j in range(3):
        matrix[i][j] += i * 3 + j
matrix[1][1] -= 100
print(matrix)
counter = {}
for ch in "abracadabra":
    counter[ch] = counter.get(ch, 0) + 1
print(counter)
print(1 if [] else 2, 1 if [0] else 2, "x" * (3 if True else 0), [0][0] if [0] else None)
ellipsis = ...
print(ellipsis, type(...).__name__, ... is Ellipsis, repr(NotImplemented))
