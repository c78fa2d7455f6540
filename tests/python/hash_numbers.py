# hash() of numbers equals CPython's: ints (small, big, negative, -1 -> -2,
# around the modulus 2**61-1), floats (incl. inf, subnormals, equal to the
# int they equal), complex, bool, int/float subclasses, and a rational
# type hashing by the documented algorithm through __hash__.
import sys

print(sys.hash_info.width, sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.imag, sys.hash_info.algorithm == 'siphash13' or sys.hash_info.algorithm)
M = sys.hash_info.modulus
ints = [0, 1, -1, -2, 2, M - 1, M, M + 1, -M, -M - 1, 2**61, 2**62, 2**63, 2**64, -2**64, 10**30, -10**30,
        2**1000, -(2**1000) + 1, 3**200, 2**47, -(2**47), 2**47 - 1, 123456789012345678901234567890]
for n in ints:
    print(n % 1000, hash(n), hash(n) == hash(float(n)) if abs(n) < 2**1000 else '-', hash(-n))
floats = [0.0, -0.0, 0.5, -0.5, 1.5, 1e300, -1e300, 1e-300, 5e-324, float('inf'), float('-inf'), 3.14159,
          2.0**70, 2.0**-70, 1/3, -2/3, 1e16 + 1, 0.1, 1e-10, 1.7976931348623157e308, 2.0**61, 2.0**61 - 2**9]
for f in floats:
    print(repr(f), hash(f), hash(f) == hash(f.as_integer_ratio()[0]) if f.is_integer() else '-')
for z in [1j, -1j, 1 + 2j, complex(1e300, 0.5), complex(-1.5, -2.5), 3 + 0j, complex(0, -0.0), complex(float('inf'), 1)]:
    print(repr(z), hash(z), hash(z) == hash(z.real) if z.imag == 0 else '-')
print(hash(True), hash(False), hash(True) == hash(1), hash(False) == hash(0.0))

class I(int):
    pass
class F(float):
    pass
class V(int):
    def __hash__(self):
        return 99
print(hash(I(-1)), hash(I(2**70)) == hash(2**70), hash(F(1.5)) == hash(1.5), hash(V(5)), hash((V(5),)) == hash((99,)))

class Q:
    """A fraction n/d hashing like an equal float or int would."""
    def __init__(self, n, d):
        self.n, self.d = n, d
    def __hash__(self):
        inv = pow(self.d, M - 2, M)
        h = (abs(self.n) * inv) % M
        h = -h if self.n < 0 else h
        return -2 if h == -1 else h
print(hash(Q(1, 2)) == hash(0.5), hash(Q(-3, 4)) == hash(-0.75), hash(Q(1, 3)), hash(Q(-1, 1)), hash(Q(7, 1)) == hash(7))
print(hash(Q(1, 2**70)) == hash(2.0**-70))

class R:
    def __hash__(self): return -1
class S:
    def __hash__(self): return 2**100
class T:
    def __hash__(self): return -2**100 - 1
class U:
    def __hash__(self): return 1.5
class X:
    __hash__ = None
class Y:
    def __eq__(self, o): return True
class W:
    def __hash__(self): return True
print(hash(R()), hash(S()), hash(T()), hash(W()))
for cls in [U, X, Y]:
    try:
        print(hash(cls()))
    except TypeError as e:
        print('TypeError:', e)
for v in [[], {}, set(), bytearray(), slice(1, 2), (1, []), {}.keys()]:
    try:
        print(hash(v))
    except TypeError as e:
        print('TypeError:', e)
n = float('nan')
print(hash(n) == hash(n), {n: 1}[n], len({float('nan'), float('nan')}))
print({1: 'a', 1.0: 'b', True: 'c'}, {0: 'a', -0.0: 'b', False: 'c', 0j: 'd'})
print(len({M, 0, 2**61, 1, M + 1}), len({2**61 - 1, 2**122 - 1}))
print(hash(2**61 - 1) == hash(0), hash(2**122) == hash(1), hash(-(2**61 - 1)))
