# Float operations: floor division and modulo signs, round() with ties to
# even and ndigits, int() truncation, nan and inf behaviour.
import math

for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (1.0, 0.1), (0.3, 0.1), (-0.0, 1), (5.0, float("inf")), (-5.0, float("inf"))]:
    print(a, b, a // b, a % b, divmod(a, b))

print([round(x) for x in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 0.49999999999999994, 2.5000001)])
print([round(x, 1) for x in (0.05, 0.15, 0.25, 0.35, 0.45, 1.25, -1.25, 2.675)])
print(round(123.456, -1), round(123.456, -2), round(153.0, -2), round(-153.0, -2), round(0.0, 3), round(1e300, -300))
print(round(3.14159, 3), round(3.14159, 0), round(3.9), type(round(3.9, 0)).__name__, round(2.5, None))
print(round(1.23456789e-5, 7), round(12345.6789, 2), round(-0.5), round(-1.5))
for v in (0.9, -0.9, 1e20, -1e20, 3.99999, -3.99999, 1e-300, 2.0 ** 70):
    print(v, int(v), math.floor(v), math.ceil(v), -v // 1)
inf = float("inf")
nan = float("nan")
print(inf + 1, inf - inf, inf * 0, -inf * -1, inf / inf, 1 / inf, -1 / inf, inf > 1e308, -inf < -1e308)
print(nan == nan, nan != nan, nan < 0, nan > 0, nan <= nan, nan is nan, math.isnan(nan), math.isnan(inf))
print(math.isinf(inf), math.isinf(-inf), math.isinf(nan), math.isinf(1e308))
print(inf == inf, -inf == -inf, inf == -inf, max(inf, 5), min(-inf, -5))
l = [nan, 1.0]
print(nan in l, l.count(nan), l.index(nan), [nan] == [nan])
x = float("nan")
print(x == x, [x] == [x], (x,) == (x,), x in [float("nan")])
for bad in (lambda: int(inf), lambda: int(-inf), lambda: int(nan), lambda: round(inf), lambda: round(nan)):
    try:
        bad()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(round(inf, 2), round(nan, 2))
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10, 1e-323 * 0.1)
print(abs(-3.5), abs(-inf), -(-0.0), +(-0.0))
print(3.0 ** 2, 2.0 ** 0.5, (-8.0) ** 2, 0.0 ** 0, 10.0 ** -3, inf ** 0, nan ** 0, 1.0 ** nan)
try:
    print(0.0 ** -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(10.0 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(math.sqrt(-1))
except ValueError as e:
    print("ValueError:", e)
print(math.sqrt(2), math.sqrt(16.0), math.sqrt(0.0), math.sqrt(inf))
print(math.floor(-0.5), math.ceil(-0.5), math.floor(2), math.ceil(2.0000001), type(math.floor(2.5)).__name__)
print(math.fabs(-2), math.fabs(3.5), math.pi, math.e, math.inf, -math.inf)
t = 0.0
for i in range(10):
    t += 0.1
print(t, t == 1.0, round(t, 10) == 1.0)
acc = 1.0
for i in range(60):
    acc *= 2
print(acc, int(acc), acc == 2 ** 60)
print(7.0 // 0.1, 7.0 % 0.1, 1.0 // 0.1, 1.0 % 0.1)
print(-1e-20 % 1.0, 1e-20 % -1.0, -1e-20 // 1.0)
