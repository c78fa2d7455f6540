# Integer powers of small ints (the interpreter's fast path) against the
# general path: signs, zero, results at and past the small-int range,
# negative exponents (floats), in-place **=, and bool operands.
cases = [0, 1, -1, 2, -2, 3, -3, 7, 10, -10, 255, 65535, 2**20, -(2**20), 2**47 - 1, -(2**47)]
exps = [0, 1, 2, 3, 5, 10, 17, 31, 46, 47, 48, 62, 63, 64, 100]
for x in cases:
    row = []
    for e in exps:
        r = x ** e
        row.append(r % 1000003 if r else r)
        assert r == pow(x, e), (x, e)
        y = x
        y **= e
        assert y == r, (x, e)
        assert type(r) is int
    print(x, row)
for x in [2, -2, 3, 10]:
    for e in [-1, -2, -5]:
        print(x, e, x ** e, type(x ** e).__name__)
try:
    0 ** -1
except ZeroDivisionError as exc:
    print("ZeroDivisionError:", exc)
print(True ** 2, False ** 0, 2 ** True, type(True ** 2).__name__)
total = 0
for i in range(-3000, 3000):
    total += i ** 2 + i ** 3 - (i % 7) ** 5
print(total)
