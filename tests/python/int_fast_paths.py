# The interpreter's direct paths for int arithmetic (small ints, ints up to
# 128 bits) against the general ones: signs, edges, overflow into big ints.
import math

edges = [0, 1, -1, 7, -7, 255, -256, (1 << 47) - 1, -(1 << 47), 1 << 47,
         (1 << 63) - 1, -(1 << 63), 1 << 63, (1 << 64) - 1, 1 << 64,
         (1 << 127) - 1, -(1 << 127), 1 << 127, 3 ** 90, -(5 ** 60)]

rows = []
for x in edges:
    for y in edges:
        r = [x + y, x - y, x * y, x & y, x | y, x ^ y]
        if y:
            r += [x // y, x % y, divmod(x, y)]
            try:
                r.append(x / y)
            except OverflowError as e:
                r.append("OverflowError")
        for s in (0, 1, 5, 15, 16, 47, 63, 64, 127, 128, 200):
            r.append(x >> s)
            if abs(x) < 1 << 200:
                r.append(x << s)
        rows.append(hash(tuple(r)) & 0xFFFFFFFF)
print(len(rows), sum(rows) % 1000003)

# In-place forms and bool operands.
a = 12
a &= 10
a |= 1
a ^= 6
a <<= 3
a >>= 1
print(a, True & 3, True | 2, False ^ True, True << 2, -5 >> 1, -1 << 10)

# Negative shift counts and division by zero still raise.
for f in (lambda: 1 << -1, lambda: 1 >> -1, lambda: (1 << 70) >> -2, lambda: 5 / 0,
          lambda: (1 << 100) / 0, lambda: 7 // 0, lambda: (1 << 90) % 0):
    try:
        f()
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)

# True division: exact operands, negative zero, large operands.
print(1 / 3, -1 / 3, 0 / -5, 10 ** 15 / 3, (1 << 53) / 3, ((1 << 53) + 1) / 1, -(1 << 60) / 7)

# math.gcd: machine words, signs, big arguments, many arguments.
print(math.gcd(), math.gcd(0), math.gcd(0, 0), math.gcd(-12, 18), math.gcd(12, -18))
print(math.gcd(-(1 << 63), 0), math.gcd(-(1 << 63), 1 << 62), math.gcd(3 ** 50, 3 ** 40 * 2))
print(math.gcd(360, 48, 1 << 100, 12), math.gcd(7, True), math.gcd(2 ** 64, 2 ** 70 + 2 ** 64))


class I(int):
    pass


print(math.gcd(I(12), 8), I(5) + 3, type(I(5) & 3).__name__, type(I(1 << 50) + 1).__name__)
try:
    math.gcd(1.5, 2)
except TypeError as e:
    print("TypeError", e)
