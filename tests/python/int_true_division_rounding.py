# gc-stress: 20
# int / int is correctly rounded, subnormal results and overflow included.
n = 2**1024 - 2**970
cases = [
    (n, 1), (n - 1, 1), (-n, 1), (2**1024 - 2**971, 1),
    (-10**20, 10**400), (10**20, -10**400),
    (1, 2**1074), (3, 2**1075), (1, 2**1075), (1, 2**1076), (5, 3 * 2**1070), (-7, 2**1076),
    (10**400, 10**80), (10**400, 10**92), (10**308 * 17, 10),
    (2**53 + 1, 1), (2**54 + 3, 2), (2**60 + 1, 3), (-(2**100 + 1), 2**47),
    (123456789 * 10**300, 987654321 * 10**290), (1, 3), (-2, 3), (0, 5), (0, -5),
    (2**2000 + 1, 2**1000), (3**700, 2**1100), (7**400, 11**380),
]
for a, b in cases:
    try:
        print(repr(a / b))
    except OverflowError as e:
        print("OverflowError", e)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)

# A sweep around the subnormal boundary and the float precision.
for k in range(1060, 1080):
    print(k, repr(3 / 2**k), repr(-5 / 2**k), repr(2**60 / 2**(k + 60)))
for k in range(50, 58):
    x = 2**k + 1
    print(k, repr(x / 1), repr((x * 3) / 3), repr((2**k + 3) / 2))

import fractions
import statistics

print(statistics.mean([8.988465674311579e+307, 8.98846567431158e+307]))
for n in (2, 3, 5, 200):
    print(statistics.mean([5e-324] * n), statistics.mean([8.98846567431158e+307] * n))
print(float(fractions.Fraction(1, 3 * 2**1070)))
