# Numeric algorithms with while loops: integer square root, Newton's
# method, bisection, digit manipulation, base conversion, perfect powers,
# continued fractions, Euclid, Horner, repeated squaring, Zeller's rule.

def isqrt(n):
    lo, hi = 0, n + 1
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid
    return lo
print([isqrt(n) for n in (0, 1, 2, 3, 4, 15, 16, 17, 99, 100, 10 ** 12, 10 ** 30 + 1)])

def newton_sqrt(x, tol=1e-15):
    guess = x / 2 or 1.0
    steps = 0
    while abs(guess * guess - x) > tol * x and steps < 100:
        guess = (guess + x / guess) / 2
        steps += 1
    return guess, steps
for x in (2.0, 9.0, 0.25, 1e10, 12345.678):
    print(x, newton_sqrt(x))

def reverse_digits(n):
    sign = -1 if n < 0 else 1
    n = abs(n)
    r = 0
    while n:
        n, d = divmod(n, 10)
        r = r * 10 + d
    return sign * r
print([reverse_digits(n) for n in (0, 7, 120, -345, 1000001, 2 ** 64)])

def to_base(n, base, digits="0123456789abcdefghijklmnopqrstuvwxyz"):
    if n == 0:
        return "0"
    neg = n < 0
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, base)
        out.append(digits[r])
    return ("-" if neg else "") + "".join(reversed(out))
for n in (0, 5, 255, -255, 2 ** 40, 123456789):
    print(n, [to_base(n, b) for b in (2, 3, 7, 16, 36)], int(to_base(n, 36), 36) == n)

def continued_fraction(num, den, limit=20):
    terms = []
    while den and len(terms) < limit:
        q, r = divmod(num, den)
        terms.append(q)
        num, den = den, r
    return terms
print(continued_fraction(415, 93), continued_fraction(355, 113), continued_fraction(17, 1), continued_fraction(-7, 3))
def convergents(terms):
    h0, h1, k0, k1 = 1, terms[0], 0, 1
    out = [(h1, k1)]
    for a in terms[1:]:
        h0, h1 = h1, a * h1 + h0
        k0, k1 = k1, a * k1 + k0
        out.append((h1, k1))
    return out
print(convergents([3, 7, 15, 1, 292, 1, 1]))

def euclid_steps(a, b):
    steps = []
    while b:
        steps.append("%d = %d*%d + %d" % (a, a // b, b, a % b))
        a, b = b, a % b
    return a, steps
g, steps = euclid_steps(1071, 462)
print(g, steps)

def zeller(y, m, d):
    if m < 3:
        m += 12
        y -= 1
    k, j = y % 100, y // 100
    h = (d + 13 * (m + 1) // 5 + k + k // 4 + j // 4 + 5 * j) % 7
    return ["Sat", "Sun", "Mon", "Tue", "Wed", "Thu", "Fri"][h]
print([zeller(*date) for date in [(2000, 1, 1), (1969, 7, 20), (2024, 2, 29), (1900, 3, 1), (2038, 1, 19)]])

def is_perfect_power(n):
    b = 2
    while 2 ** b <= n:
        lo, hi = 1, n
        while lo <= hi:
            mid = (lo + hi) // 2
            p = mid ** b
            if p == n:
                return mid, b
            if p < n:
                lo = mid + 1
            else:
                hi = mid - 1
        b += 1
    return None
print([(n, is_perfect_power(n)) for n in (4, 8, 27, 30, 1024, 3 ** 20, 10 ** 18 + 1, 2 ** 61 - 1)])

x = 1.0
n = 0
while 1.0 + x != 1.0:
    x /= 2
    n += 1
print("machine epsilon", x * 2, n)
y = 1.0
k = 0
while y * 2 != float("inf"):
    y *= 2
    k += 1
print("largest power of two", k, y)
z = 1.0
m = 0
while z / 2 > 0:
    z /= 2
    m += 1
print("smallest subnormal", z, m)
a, b, steps = 0, 1, 0
while b < 10 ** 50:
    a, b = b, a + b
    steps += 1
print(steps, b)
