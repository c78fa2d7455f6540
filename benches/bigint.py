# bigint: arbitrary-precision integer arithmetic.  Streams the decimal digits
# of pi with Gibbons' unbounded spigot (multiplications and floor divisions
# of ever-growing integers), then checks a few identities with big numbers:
# a factorial, Fibonacci by fast doubling, modular exponentiation, and
# conversion between int and str (kept below CPython's 4300-digit limit).
#
# Exercises: big-int *, +, -, //, %, divmod, pow(a, b, m), shifts, bit_length,
# comparisons between big ints, int <-> str conversion, and the promotion
# from small to big ints and back.
#
# Usage: python3 bigint.py [digits]     (work grows a bit faster than digits squared)

import sys

DEFAULT_SIZE = 5500
SIZE_GROWTH = "square"


def pi_digits(count):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < count:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = (q * k, (2 * q + r) * x, t * x, k + 1,
                                (q * (7 * k + 2) + r * x) // (t * x), x + 2)
    return out


def fib_pair(n):
    # returns (F(n), F(n+1)) by fast doubling
    if n == 0:
        return 0, 1
    a, b = fib_pair(n >> 1)
    c = a * (2 * b - a)
    d = a * a + b * b
    if n & 1:
        return d, c + d
    return c, d


def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result


def digit_sum(n):
    return sum(int(ch) for ch in str(n))


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    digits = pi_digits(count)
    text = "".join(map(str, digits))
    checks = []

    f = factorial(1000)
    checks.append(digit_sum(f))
    checks.append(f.bit_length())
    trailing = 0
    while f % 10 == 0:
        f //= 10
        trailing += 1
    checks.append(trailing)

    fa, fb = fib_pair(10000)
    checks.append(len(str(fa)))
    checks.append(fa * fa - fb * (fb - fa) in (1, -1))     # Cassini's identity
    checks.append(fa % 1000000007)

    p = (1 << 127) - 1                                      # a Mersenne prime
    checks.append(pow(3, p - 1, p) == 1)                    # Fermat
    a = 12345678901234567890123456789
    q, rem = divmod(a ** 7, p)
    checks.append(q * p + rem == a ** 7)
    checks.append(int(str(a ** 20)) == a ** 20)
    checks.append((a ** 5 >> 100) % 99991)
    checks.append(-(a ** 3) // 7 == -((a ** 3 + 6) // 7))     # floor division
    checks.append((-a) % 1000003 + a % 1000003 == 1000003)

    print("bigint digits=%d head=%s tail=%s sum=%d checks=%s"
          % (count, text[:12], text[-12:], sum(digits), checks))


main()
