# gc-stress: 20
# Recursion and mutual recursion; recursion limit queries; lambdas used as
# values, keys and in data structures.
import sys

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print([fact(i) for i in range(12)], fact(50))

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(20)])

def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print([(i, is_even(i), is_odd(i)) for i in range(6)], is_even(501))

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print([[ackermann(m, n) for n in range(4)] for m in range(3)])

def hanoi(n, src, dst, via, moves):
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append((src, dst))
        hanoi(n - 1, via, dst, src, moves)
    return moves
m = hanoi(4, "A", "C", "B", [])
print(len(m), m[:7])

def flatten(x):
    if isinstance(x, list):
        out = []
        for item in x:
            out.extend(flatten(item))
        return out
    return [x]
print(flatten([1, [2, [3, [4, [5]]], 6], [[[]]], 7]))

def permutations(items):
    if len(items) <= 1:
        return [items]
    out = []
    for i in range(len(items)):
        for p in permutations(items[:i] + items[i + 1:]):
            out.append(items[i:i + 1] + p)
    return out
print(permutations([1, 2, 3]), len(permutations(list(range(5)))))
print(["".join(p) for p in permutations(list("abc"))])

def power_set(s):
    if not s:
        return [[]]
    rest = power_set(s[1:])
    return rest + [[s[0]] + r for r in rest]
print(power_set([1, 2, 3]))

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900), sys.getrecursionlimit())

def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(gcd(1071, 462), gcd(2 ** 40, 6 ** 20), gcd(17, 5))

def binary_search(xs, target, lo=0, hi=None):
    if hi is None:
        hi = len(xs)
    if lo >= hi:
        return -1
    mid = (lo + hi) // 2
    if xs[mid] == target:
        return mid
    if xs[mid] < target:
        return binary_search(xs, target, mid + 1, hi)
    return binary_search(xs, target, lo, mid)
xs = list(range(0, 100, 3))
print([binary_search(xs, t) for t in (0, 3, 48, 99, 50, -1, 100)])

square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, z=2))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)), list(map(lambda x: x % 3, range(7))))
table = {"sq": lambda x: x ** 2, "neg": lambda x: -x, "str": lambda x: str(x) * 2}
print({k: fn(4) for k, fn in table.items()})
print(square.__name__, type(square).__name__, (lambda: 0).__name__)
y_fact = (lambda f: lambda n: f(f, n))(lambda self, n: 1 if n == 0 else n * self(self, n - 1))
print(y_fact(10))
cond = lambda x: "neg" if x < 0 else ("zero" if x == 0 else "pos")
print([cond(v) for v in (-2, 0, 3)])
nested = lambda x: lambda y: lambda z: x + y + z
print(nested(1)(2)(3))

old = sys.getrecursionlimit()
sys.setrecursionlimit(200)
try:
    depth(500)
except RecursionError as e:
    print("RecursionError caught")
sys.setrecursionlimit(old)
print(depth(500), sys.getrecursionlimit() == old)
