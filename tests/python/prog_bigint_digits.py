# Exact big-integer computations: digits of pi (Machin), e, sqrt(2) by
# integer Newton iteration, large factorials and their digit sums,
# Fibonacci via fast doubling, modular exponentiation, RSA toy example.

def arctan_inv(x, digits):
    scale = 10 ** (digits + 10)
    total = term = scale // x
    x2 = x * x
    n = 1
    sign = -1
    while term:
        term //= x2
        total += sign * (term // (2 * n + 1))
        sign = -sign
        n += 1
    return total

def pi_digits(digits):
    pi = 4 * (4 * arctan_inv(5, digits) - arctan_inv(239, digits))
    return pi // 10 ** 10

p = str(pi_digits(300))
print(p[0] + "." + p[1:101])
print(p[101:201])
print(len(p), p.count("9"), p[-10:])

def e_digits(digits):
    scale = 10 ** (digits + 10)
    total = 0
    term = scale
    k = 0
    while term:
        total += term
        k += 1
        term //= k
    return total // 10 ** 10
e = str(e_digits(200))
print(e[0] + "." + e[1:101])

def isqrt(n):
    if n < 0:
        raise ValueError("negative")
    if n == 0:
        return 0
    x = 1 << ((n.bit_length() + 1) // 2)
    while True:
        y = (x + n // x) // 2
        if y >= x:
            return x
        x = y
r2 = isqrt(2 * 10 ** 200)
print(str(r2)[:1] + "." + str(r2)[1:81])
print(isqrt(10 ** 40), isqrt(99), isqrt(100), isqrt(2 ** 127), isqrt(2 ** 127) ** 2 <= 2 ** 127 < (isqrt(2 ** 127) + 1) ** 2)

f = 1
for i in range(2, 201):
    f *= i
fs = str(f)
print(len(fs), sum(int(d) for d in fs), fs[:20], len(fs) - len(fs.rstrip("0")))

def fib_pair(n):
    if n == 0:
        return 0, 1
    a, b = fib_pair(n // 2)
    c = a * (2 * b - a)
    d = a * a + b * b
    return (d, c + d) if n % 2 else (c, d)
f1000 = fib_pair(1000)[0]
print(len(str(f1000)), str(f1000)[:15], str(f1000)[-15:], fib_pair(90)[0])
print([fib_pair(n)[0] for n in range(15)])

def modpow(base, exp, mod):
    result = 1
    base %= mod
    while exp:
        if exp & 1:
            result = result * base % mod
        base = base * base % mod
        exp >>= 1
    return result
print(modpow(2, 10 ** 18, 10 ** 9 + 7) == pow(2, 10 ** 18, 10 ** 9 + 7), modpow(3, 12345, 1000))

def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y
p_, q_ = 1000000007, 998244353
n = p_ * q_
phi = (p_ - 1) * (q_ - 1)
e_ = 65537
g, d, _ = egcd(e_, phi)
d %= phi
print(g, d, pow(e_, -1, phi) == d)
message = 0
for ch in "ftpy!":
    message = message * 256 + ord(ch)
cipher = pow(message, e_, n)
plain = pow(cipher, d, n)
print(message, cipher, plain == message)
collatz_big = 2 ** 100 + 1
steps = 0
while collatz_big != 1:
    collatz_big = collatz_big // 2 if collatz_big % 2 == 0 else 3 * collatz_big + 1
    steps += 1
print("collatz steps from 2**100+1:", steps)
print(sum(int(c) for c in str(2 ** 1000)), str(3 ** 500)[:30], (7 ** 222) % 1000, len(str(9 ** 999)))
