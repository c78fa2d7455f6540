# Mixing int and float: promotion, true division, exact comparisons between
# big ints and floats, hashing equal values equally.

print(1 + 1.0, 2 * 0.5, 3 - 0.5, 7 / 2, 8 / 2, -7 / 2, 1 / 3, 2 / 3)
print(type(1 + 1.0).__name__, type(4 / 2).__name__, type(4 // 2).__name__, type(4.0 // 2).__name__)
print(7 // 2.0, -7 // 2.0, 7 % 2.5, -7 % 2.5, 7.5 // -2, 7.5 % -2, divmod(7.5, 2), divmod(-7.5, 2))
print(2 ** 0.5, 4 ** 0.5, 2 ** -2, 2.0 ** 3, 27 ** (1 / 3), (-8) ** 2, (-2.0) ** 3)
print(1 == 1.0, 1 != 1.0, 0 == -0.0, 2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53)
print(2 ** 53 + 1 > 2.0 ** 53, 2 ** 53 + 1 < 2.0 ** 53 + 2, 10 ** 30 == 1e30, 10 ** 22 == 1e22)
print(10 ** 400 > 1e308, 10 ** 400 < float("inf"), -(10 ** 400) > float("-inf"), 10 ** 400 == float("inf"))
nan = float("nan")
print(1 < nan, 1 > nan, 1 == nan, 1 != nan, 10 ** 400 < nan)
print(0.1 + 0.2 == 0.3, 0.1 + 0.2, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(hash(1) == hash(1.0), hash(0) == hash(-0.0), hash(2 ** 53) == hash(2.0 ** 53), hash(0.5) == hash(0.5))
d = {1: "int one"}
d[1.0] = "float one"
d[True] = "true"
print(d, len(d))
d2 = {}
d2[2.0] = "a"
d2[2] = "b"
print(d2)
s = {1, 1.0, True, 2, 2.0}
print(len(s))
print(sorted([3, 1.5, -2, 2.5, 0, -0.5, 10 ** 20, 1e19]))
print(max(1, 1.0), max(1.0, 1), min(0, -0.0), min(-0.0, 0))
print(sum([1, 2.5, 3]), sum([0.1] * 10), sum(range(10), 0.0))
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1e20), type(round(2.5)).__name__)
print(int(2.9), int(-2.9), int(1e10), float(7), float(-(2 ** 63)), float(2 ** 63 - 1))
print(1e16 + 1 == 1e16, 10 ** 16 + 1 == 10 ** 16, float(10 ** 16 + 1))
print(3 * 1.1, 1.1 * 3, 0.1 * 3, 100 * 1.1)
print(5 / 1e-300, 1e-300 / 1e300, 1e308 + 1e308, -1e308 * 10)
for a, b in [(1, 2.0), (2.0, 1), (2 ** 64, 1.5), (1.5, 2 ** 64), (-1, 0.5)]:
    print(a, b, a < b, a <= b, a > b, a >= b, a == b, a != b)
try:
    print(2 ** 10000 * 1.0)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(float(10 ** 400))
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(10 ** 400 / 3)
except OverflowError as e:
    print("OverflowError:", e)
print(10 ** 400 // 10 ** 399, (10 ** 400) / (10 ** 399))
try:
    print(1 / 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(1.0 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(5.0 % 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print((1).__truediv__(2), (1).__add__(2.0), (2.0).__radd__(1), (3.0).__rsub__(1))
print(float.__add__(1.5, 1), (1.5).__eq__(1), (1).__eq__(1.0))
print(isinstance(1, float), isinstance(1.0, int), (3.0).is_integer(), (3.5).is_integer())
print((2.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-0.75).as_integer_ratio())
