# Big ints: arithmetic beyond 64 bits must be exact and transparent.

a = 2 ** 64
print(a, a - 1, a + 1, -a, a * a)
print(2 ** 63 - 1, -(2 ** 63), 2 ** 63, 2 ** 127 - 1)
print(type(a).__name__, type(2 ** 1000).__name__)
b = 12345678901234567890123456789
print(b * b)
print(b // 97, b % 97, divmod(b, -97))
print(-b // 97, -b % 97)
print(b // b, b % b, b - b, (b - b) == 0)
print(2 ** 200 // 3 ** 50, 2 ** 200 % 3 ** 50)
print(10 ** 50 // 10 ** 25 == 10 ** 25)
print(abs(-(10 ** 40)), -(10 ** 40) < -(10 ** 39), 10 ** 40 > 10 ** 39)

# overflow boundaries of small-int representations
for base in (2 ** 30, 2 ** 31, 2 ** 32, 2 ** 47, 2 ** 48, 2 ** 52, 2 ** 53, 2 ** 62, 2 ** 63, 2 ** 64):
    print(base - 1, base, base + 1, -base, (base - 1) * 2, base * base - 1)

x = 1
for i in range(1, 31):
    x *= i
print("30! =", x)
print(x // (2 ** 26), x % 1000003)
s = 0
for i in range(100):
    s += 3 ** i
print(s)
print(s % (2 ** 64), s >> 100, s & 0xFFFF)

# mixing small and big, results shrinking back to small
big = 2 ** 100
small = big - (2 ** 100 - 5)
print(small, type(small).__name__, small + 1, small * 3, small == 5, hash(small) == hash(5))
print(big // big, (big + 1) - big, big % 7, -big % 7)
print(int("9" * 40) + 1)
print(int("-" + "1" * 50) * 9)

# comparisons across magnitudes
vals = [2 ** 64, -(2 ** 64), 0, 1, -1, 2 ** 63, -(2 ** 63), 10 ** 30, -(10 ** 30), 2 ** 64 - 1]
print(sorted(vals))
print(max(vals), min(vals))
print(2 ** 64 == 2 ** 64, 2 ** 64 != 2 ** 64 + 1, 2 ** 64 > 2 ** 64 - 1)

# pow with big exponents and modulus
print(pow(3, 200), pow(3, 200, 10 ** 9 + 7), pow(2, 10 ** 6, 1000))
print(pow(-2, 101))
print(pow(7, -1, 10 ** 20 + 39))

# gcd-like loop with big ints
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(2 ** 100 * 3 ** 20, 2 ** 50 * 3 ** 40 * 7))

# str/repr of big and conversion back
n = 7 ** 77
t = str(n)
print(len(t), t[:10], t[-10:], int(t) == n, repr(n) == t)
print(hex(n), oct(2 ** 70), bin(2 ** 70 + 1))
print(float(2 ** 64), float(10 ** 30), float(-(2 ** 100)))
print(2 ** 64 / 2 ** 32, (10 ** 30) / (10 ** 10), 1 / 2 ** 64)
print((2 ** 1000).bit_length(), (-(2 ** 1000)).bit_length(), (2 ** 1000 - 1).bit_length())
print(int(1e20), int(-1e25), int(2.5e30))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 64), hash(-(2 ** 64)), hash(10 ** 30))
