# Rich comparisons: reflection (a < b tries b > a), the subclass-first
# rule, NotImplemented from both sides, == and != defaults (identity),
# __ne__ derived from __eq__, error messages for ordering, and
# comparisons of built-in types with user types.

log = []

class C:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return 'C(%r)' % self.v
    def __lt__(self, other):
        log.append('%r.__lt__(%r)' % (self, other))
        if isinstance(other, C):
            return self.v < other.v
        return NotImplemented
    def __gt__(self, other):
        log.append('%r.__gt__(%r)' % (self, other))
        if isinstance(other, C):
            return self.v > other.v
        return NotImplemented
    def __eq__(self, other):
        log.append('%r.__eq__(%r)' % (self, other))
        if isinstance(other, C):
            return self.v == other.v
        return NotImplemented

print(C(1) < C(2), C(2) > C(1), C(1) == C(1), C(1) != C(2), log)
log.clear()
print(C(1) <= C(2) if hasattr(C, '__le__') and C.__le__ is not object.__le__ else 'no __le__', log)
log.clear()
try:
    C(1) <= C(2)
except TypeError as e:
    print('TypeError:', e, log)
log.clear()
print(1 < C(2) if False else 'skip')
try:
    C(1) < 5
except TypeError as e:
    print('TypeError:', e, log)
log.clear()
try:
    5 > C(1)
except TypeError as e:
    print('TypeError:', e, log)
log.clear()
print(C(1) == 5, 5 == C(1), C(1) != 'x', log)
log.clear()

class D(C):
    def __gt__(self, other):
        log.append('D.__gt__')
        return 'D says gt'
    def __eq__(self, other):
        log.append('D.__eq__')
        return 'D says eq'
print(C(1) < D(2), log)
log.clear()
print(C(1) == D(2), D(2) == C(1), log)
log.clear()
class E(C):
    pass
print(C(1) < E(2), log)
log.clear()

# Defaults: == is identity, != its negation, ordering unsupported.
class Plain:
    pass
a, b = Plain(), Plain()
print(a == a, a == b, a != b, a != a)
for expr in ('a < b', 'a <= b', 'a > b', 'a >= b', 'a < 1', '1 >= a', '"s" < 1', '[] < ()', 'None < None', '1j < 2j'):
    try:
        eval(expr)
    except TypeError as e:
        print(expr, '->', e)

# __ne__ defaults to the inverse of __eq__ unless __eq__ is NotImplemented.
class OnlyEq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        if isinstance(other, OnlyEq):
            return self.v == other.v
        return NotImplemented
print(OnlyEq(1) != OnlyEq(1), OnlyEq(1) != OnlyEq(2), OnlyEq(1) != 3)
class NeOverride(OnlyEq):
    def __ne__(self, other):
        return 'custom ne'
print(NeOverride(1) != OnlyEq(1), OnlyEq(1) != NeOverride(1))
class EqReturnsNonBool:
    def __eq__(self, other):
        return [1]
print(EqReturnsNonBool() == 1, EqReturnsNonBool() != 1)
class EqRaises:
    def __eq__(self, other):
        raise ValueError('no comparing')
try:
    EqRaises() == 1
except ValueError as e:
    print('ValueError:', e)
print(EqRaises() in [EqRaises] if False else 'x' in ['x'])
er = EqRaises()
print(er in [er], [er].count(er), [er].index(er))
try:
    [er].index(EqRaises())
except ValueError as e:
    print('ValueError:', e)

# Comparisons used by built-ins: sorted, min, max, list.sort, bisect-like.
class Rank:
    def __init__(self, r):
        self.r = r
    def __lt__(self, other):
        return self.r < other.r
    def __repr__(self):
        return 'R%d' % self.r
rs = [Rank(3), Rank(1), Rank(2)]
print(sorted(rs), min(rs), max(rs))
try:
    sorted([Plain(), Plain()])
except TypeError as e:
    print('TypeError:', e)
try:
    max(Plain(), Plain())
except TypeError as e:
    print('TypeError:', e)
print(sorted([Rank(2), Rank(1)], reverse=True))

# Chained comparisons call each once; comparison result truthiness.
class Loud:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        log.append('lt %d %d' % (self.v, other.v))
        return self.v < other.v
log.clear()
print(Loud(1) < Loud(2) < Loud(3), Loud(3) < Loud(2) < Loud(1), log)
class Truthy:
    def __lt__(self, other):
        return 'non-empty string'
    def __bool__(self):
        return False
print(Truthy() < Truthy(), bool(Truthy() < Truthy()))
class BadBool:
    def __lt__(self, other):
        return self
    def __bool__(self):
        raise RuntimeError('no truth')
try:
    if BadBool() < BadBool():
        pass
except RuntimeError as e:
    print('RuntimeError:', e)

# Comparisons between built-in subclass instances.
class MyInt(int):
    def __eq__(self, other):
        return 'MyInt eq'
    __hash__ = int.__hash__
print(1 == MyInt(1), MyInt(1) == 1, MyInt(1) != 1)
class MyStr(str):
    def __lt__(self, other):
        return 'MyStr lt'
    def __gt__(self, other):
        return 'MyStr gt'
print('a' < MyStr('b'), MyStr('b') < 'a', 'a' > MyStr('b'))

# The comparison wrappers used directly.
print(int.__lt__(1, 2), int.__eq__(1, 'a'), object.__eq__(a, a), object.__eq__(a, b), object.__ne__(a, b))
print(C.__lt__(C(1), 5), object.__lt__(a, b), str.__ge__('b', 'a'))
