# int arithmetic: floor division and modulo with every sign combination,
# powers, divmod, abs, unary ops, augmented assignment.

pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (0, -3), (6, 3), (-6, 3), (1, 10), (-1, 10), (10**20 + 7, 3), (-(10**20) - 7, 3)]
for a, b in pairs:
    print(a, b, "//", a // b, "%", a % b, "divmod", divmod(a, b), "/", a / b)
    q, r = divmod(a, b)
    assert q * b + r == a

for a in range(-5, 6):
    row = []
    for b in (-3, -2, -1, 1, 2, 3):
        row.append("%d,%d" % (a // b, a % b))
    print(a, " ".join(row))

print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4, -2 ** 2, 2 ** -1, 10 ** -2, (-8) ** -1)
print(3 ** 3 ** 2, (3 ** 3) ** 2, 2 ** 3 ** 0)
print(type(2 ** -1).__name__, type(2 ** 2).__name__, type(7 / 7).__name__)
print(pow(2, 10), pow(2, 100, 1000), pow(-3, 3, 7), pow(3, -1, 7), pow(5, 0, 1))
print(abs(-5), abs(5), abs(0), abs(-10**30), -(-3), +(-3))
print(7 // 1, -7 // 1, 1 // 7, -1 // 7)
print(5 * 0, -5 * 0, 0 * -1, 123456789 * 987654321)
print(1 - 2 - 3, 1 - (2 - 3), 2 * 3 + 4, 2 + 3 * 4, (2 + 3) * 4, 10 - 2 * 3 ** 2)
print(17 % 5 * 2, 17 // 5 * 5 + 17 % 5, -17 % 5, 17 % -5)

x = 10
x += 5
print(x)
x -= 20
print(x)
x *= -3
print(x)
x //= 4
print(x)
x %= 5
print(x)
x **= 3
print(x)
x <<= 3
print(x)
x >>= 1
print(x)
x |= 0b1000001
print(x)
x &= 0xF0
print(x)
x ^= 0xFF
print(x)
x /= 4
print(x, type(x).__name__)

for bad in [lambda: 1 // 0, lambda: 1 % 0, lambda: divmod(1, 0), lambda: 1 / 0, lambda: 0 ** -1, lambda: pow(2, -1, 4), lambda: pow(2, 3, 0)]:
    try:
        bad()
    except (ZeroDivisionError, ValueError) as e:
        print(type(e).__name__, e)

print(int(7), int(-7), int("  42 "), int("-0"), int("+17"), int("1_000_000"))
print(max(3, 10, -4), min(3, 10, -4), sum(range(101)), sum([-1, -2, -3]))
print(round(7), round(-7), round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(5, 1))
print(type(round(7)).__name__, type(round(1234, -2)).__name__)
print((-7).__floordiv__(2), (7).__mod__(-2), (5).__neg__(), (5).__pow__(2))
print(int.__add__(3, 4), (3).__add__(4.5), (3).__radd__(1))
print(1_0, 0b1010, 0o17, 0xff, 0XFF, 0B11, 0O7)
print(divmod(-10**20, 7), divmod(10**20, -7))
print(12345678901234567890 // 1000000007, 12345678901234567890 % 1000000007)
