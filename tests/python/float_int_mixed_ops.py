# Arithmetic between floats and ints (small, bool, beyond 48 bits, huge):
# signs of zero, infinities, NaN, division by zero, in-place forms.
import math

ints = [0, 1, -1, 7, -3, 2**47 - 1, -2**47, 2**53 + 1, 10**20, True, False]
floats = [0.0, -0.0, 1.5, -2.25, 1e300, float("inf"), float("-inf"), float("nan"), 3.0]


def show(x):
    if isinstance(x, float) and math.isnan(x):
        return "nan"
    return repr(x)


for i in ints:
    row = []
    for f in floats:
        for op in ("+", "-", "*", "/"):
            for a, b in ((i, f), (f, i)):
                try:
                    r = eval("a %s b" % op)
                    row.append(show(r))
                except ZeroDivisionError as e:
                    row.append("ZDE:" + str(e))
                except OverflowError as e:
                    row.append("OE:" + str(e))
    print(i, " ".join(row))

x = 5
x += 0.5
x *= 2
x -= 1
x /= 4
print(x)
y = 0.0
for k in range(10):
    y += k
    y = y * 1 - 0
print(y, 2 ** 0.5 * 2, 3 * 0.1, 0.1 * 3, -0.0 * 5, 5 * -0.0, 0 * -1.5)
print(10**400 / 1e300 if False else "skip", end=" ")
try:
    print(10**400 * 1.0)
except OverflowError as e:
    print("OverflowError:", e)
