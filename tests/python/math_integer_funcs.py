# math: integer functions (factorial, comb, perm, isqrt, gcd, lcm) and
# prod, with big arguments and CPython's errors.
import math

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))

print([math.factorial(n) for n in range(25)])
print(math.factorial(100) % (10**40), len(str(math.factorial(500))))
for arg in [-1, 5.0, 5.5, '5', 2**64, True, None]:
    show(f'factorial({arg!r})', lambda: math.factorial(arg))
for n in range(12):
    print(n, [math.comb(n, k) for k in range(n + 2)], [math.perm(n, k) for k in range(n + 2)])
print(math.comb(100, 50), math.comb(10**6, 3), math.perm(30, 10), math.perm(12), math.perm(5, None))
print(math.comb(2**64, 2), math.comb(10, 2**64), math.perm(10, 2**64), math.comb(2**100, 2**100 - 2))
for args in [(10, -2), (-1, 2), (1.0, 2), (10, 2.5), (10,), (), (1, 2, 3), (2**70, 2**65), (-1, -1)]:
    show(f'comb{args}', lambda: math.comb(*args))
for args in [(3, -1), (-3, 1), (3, 1.0), (), (1, 2, 3), (2**70, 2**65), (-1,), (5.0,)]:
    show(f'perm{args}', lambda: math.perm(*args))
for n in [0, 1, 2, 3, 4, 15, 16, 17, 10**100, 2**200 - 1, 2**200, True]:
    print(n if n < 10**30 else 'big', math.isqrt(n), math.isqrt(n) ** 2 <= n < (math.isqrt(n) + 1) ** 2)
for arg in [-1, 2.0, '4', None]:
    show(f'isqrt({arg!r})', lambda: math.isqrt(arg))
print(math.gcd(), math.gcd(12), math.gcd(-12), math.gcd(12, 18, 27), math.gcd(-12, 18), math.gcd(0, 0),
      math.gcd(2**100, 2**60 * 3), math.gcd(0, -5), math.gcd(True, 4))
print(math.lcm(), math.lcm(-7), math.lcm(4, 6, 10), math.lcm(-4, 6), math.lcm(0, 5), math.lcm(5, 0, 3),
      math.lcm(2**64, 3**40) == 2**64 * 3**40, math.lcm(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
for args in [(1.0, 2), (1, 'x'), (1, None)]:
    show(f'gcd{args}', lambda: math.gcd(*args))
    show(f'lcm{args}', lambda: math.lcm(*args))
print(math.prod([1, 2, 3]), math.prod([]), math.prod([], start=5), math.prod([2, 3], start=2.0),
      math.prod([1.5, 2**70]), math.prod(range(1, 30)), math.prod([2, 3j]), math.prod(x for x in [4, 5]),
      math.prod([True, True]), math.prod([[1], 3]) if False else math.prod([3, [1]]))
for args, kw in [((['a', 2],), {}), (([2, 'a'],), {}), (([1], 2), {}), ((), {}), (([1],), {'begin': 1}),
                 ((5,), {}), ((['ab'],), {'start': 2})]:
    show(f'prod{args}{kw}', lambda: math.prod(*args, **kw))
class I:
    def __index__(self): return 6
print(math.factorial(I()), math.comb(I(), 2), math.perm(I(), I()), math.isqrt(I()), math.gcd(I(), 4), math.lcm(I(), 4))
