# gc-stress: 20
# fractions: construction from ints, strings, floats, Decimals; arithmetic
# and comparisons with ints/floats/complex; limit_denominator, rounding,
# formatting, hashing, as_integer_ratio; errors.
from fractions import Fraction as F
from decimal import Decimal
import math

print(F(3, 4), F(-6, 8), F(5), F("3/7"), F(" -1.25 "), F("1e-3"), F(0.5), F(Decimal("2.75")), F(F(1, 3), F(2, 3)))
print(repr(F(1, 3)), F(1, 3).numerator, F(1, 3).denominator, F(6, -4))
a, b = F(1, 3), F(1, 6)
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(F(7, 2), F(2, 3)), a ** 2, a ** -2, F(4, 9) ** F(1, 2))
print(a + 1, 1 - a, a * 2.0, 2 ** F(1, 2), a + 1j, -a, +a, abs(F(-2, 5)))
print(a < b, a > 0.3, a == F(2, 6), F(1, 2) == 0.5, F(1, 2) != 0.5, sorted([F(2, 3), F(1, 2), 0.6, 1]))
print(F(355, 113).limit_denominator(10), F(math.pi).limit_denominator(1000), F(0.1), F(0.1).limit_denominator())
print(round(F(7, 2)), round(F(5, 2)), round(F(-7, 2)), round(F(22, 7), 2), math.floor(F(-7, 2)), math.ceil(F(7, 2)), math.trunc(F(-7, 2)))
print(int(F(7, 2)), float(F(1, 8)), F(3, 4).as_integer_ratio(), F(10, 2).is_integer() if hasattr(F, "is_integer") else True)
print(hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), {F(1, 2): "half"}[0.5])
print(f"{F(1, 3)}", str(F(10, 4)), bool(F(0)), bool(F(1, 100)))
print(F.from_float(0.25), F.from_decimal(Decimal("-1.5")), F(1, 3) * 3 == 1)
for bad in [lambda: F(1, 0), lambda: F("abc"), lambda: F("1/0"), lambda: F(float("nan")), lambda: F(float("inf")), lambda: F(1.5, 2)]:
    try:
        print(bad())
    except (ZeroDivisionError, ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
total = sum(F(1, n) for n in range(1, 11))
print(total, float(total))
print(max(F(1, 3), F(2, 7)), min(F(-1, 2), -0.4), F(1, 3) + F(2, 3) == 1)
