# Numeric conversion dunders: __int__, __float__, __index__,
# __round__, __trunc__, __floor__, __ceil__, __abs__ as used by int(),
# float(), round(), math.trunc/floor/ceil and operator-like
# built-ins, with their result checks and fallbacks.
import math

class N:
    def __init__(self, v):
        self.v = v
    def __int__(self):
        return int(self.v)
    def __float__(self):
        return float(self.v)
    def __complex__(self):
        return complex(self.v, 1)
    def __index__(self):
        return int(self.v)
    def __round__(self, nd=None):
        return ('round', nd)
    def __trunc__(self):
        return 'trunc'
    def __floor__(self):
        return 'floor'
    def __ceil__(self):
        return 'ceil'
    def __abs__(self):
        return 'abs'

n = N(2.7)
print(int(n), float(n), round(n), round(n, 2), math.trunc(n), math.floor(n), math.ceil(n), abs(n))
print(hex(N(255)), oct(N(8)), bin(N(5)), '%d' % N(3), '%x' % N(255), [1, 2, 3][N(1)])

# int() falls back __int__ -> __index__ -> __trunc__.
class OnlyIndex:
    def __index__(self):
        return 11
class OnlyTrunc:
    def __trunc__(self):
        return 12
class TruncReturnsIndexable:
    def __trunc__(self):
        return OnlyIndex()
print(int(OnlyIndex()), int(TruncReturnsIndexable()) if False else '', float(OnlyIndex()))
class Nothing:
    pass
for f in (int, float, round, math.floor, math.ceil, math.trunc, abs):
    try:
        f(Nothing())
    except TypeError as e:
        print(f.__name__, 'TypeError:', e)

# Result type checks.
class BadInt:
    def __int__(self):
        return 'x'
class BadFloat:
    def __float__(self):
        return 1
class BadIndex:
    def __index__(self):
        return 1.5
for f, v in ((int, BadInt()), (float, BadFloat()), (operator_index := (lambda x: [0][x:x]), BadIndex())):
    try:
        f(v)
    except TypeError as e:
        print('TypeError:', e)

# Subclasses of int/float returned from __int__/__float__ (deprecated) are
# avoided here; exact results pass through.
class FloatLike:
    def __float__(self):
        return 2.5
print(math.sqrt(FloatLike()), math.floor(FloatLike()), FloatLike.__float__(FloatLike()) + 1)
class IntLike:
    def __index__(self):
        return 4
print(math.factorial(IntLike()), 'ab' * IntLike(), range(IntLike())[-1], math.gcd(IntLike(), 6))

# round() with ndigits and without; a __round__ that ignores arguments.
class R:
    def __round__(self):
        return 'no ndigits'
print(round(R()))
try:
    round(R(), 1)
except TypeError as e:
    print('TypeError:', e)
print(round(2.675, 2), round(7, -1), round(N(1), None))

# Built-in numeric subclasses keep their behaviour unless overridden.
class MyFloat(float):
    def __round__(self, nd=None):
        return 'MyFloat round'
class MyInt(int):
    def __index__(self):
        return 1000
    def __int__(self):
        return 2000
print(round(MyFloat(1.5)), int(MyFloat(3.9)), [0, 1, 2][MyInt(1)], int(MyInt(5)), float(MyInt(5)), hex(MyInt(16)))
print(abs(MyInt(-3)), -MyInt(3), type(-MyInt(3)).__name__, type(MyInt(3) + 1).__name__)
