# The allowed parts of math and sys.
import math
import sys

print(math.sqrt(2), math.sqrt(144), math.sqrt(0.25), math.floor(3.7), math.floor(-3.2), math.ceil(3.2), math.ceil(-3.7))
print(math.pi, math.e, math.inf, -math.inf, math.inf > 10 ** 300, math.isnan(math.inf - math.inf), math.isinf(-math.inf))
print(math.fabs(-3), math.fabs(2.5), math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6), math.gcd(2 ** 100, 6 ** 50), math.gcd())
print(math.factorial(0), math.factorial(5), math.factorial(20), math.factorial(30))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 12), round(math.cos(math.pi), 12), round(math.sin(math.pi / 6), 12))
print(math.exp(0), math.exp(1) == math.e, round(math.exp(2), 10), math.log(1), math.log(math.e), round(math.log(100, 10), 12), math.log(8, 2))
print(type(math.floor(2.5)).__name__, type(math.sqrt(4)).__name__, math.floor(10 ** 20 + 0.0), math.ceil(-0.0))
for bad in (lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.factorial(-1), lambda: math.factorial(2.5)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
print(math.sqrt(10 ** 20), math.floor(-0.5), math.ceil(0.0000001), math.fabs(-0.0))
def hypot(a, b):
    return math.sqrt(a * a + b * b)
print(hypot(3, 4), hypot(5, 12), round(hypot(1, 1), 10))
angles = [0, 30, 45, 60, 90, 180, 270]
for deg in angles:
    rad = deg * math.pi / 180
    print(deg, round(math.sin(rad), 6), round(math.cos(rad), 6))
print(sys.argv[0].endswith("math_sys.py"), len(sys.argv))
print(sys.maxsize == 2 ** 63 - 1, sys.maxsize + 1, type(sys.maxsize).__name__)
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(1000)
n = sys.stdout.write("via sys.stdout.write\n")
print(n)
sys.stdout.write("a")
sys.stdout.write("b\n")
print(math.isnan(float("nan")), math.isnan(0.0), math.isinf(1e308 * 10), math.isinf(1e308))
total = 0.0
for k in range(1, 1001):
    total += 1 / (k * k)
print(round(total, 10), round(math.sqrt(total * 6), 6))
print(round(math.log(2), 15), round(math.exp(math.log(10)), 12))
