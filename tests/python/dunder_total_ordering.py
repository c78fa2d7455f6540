# A total ordering written by hand (no functools): deriving <=, >, >=
# from < and == with NotImplemented propagation, mixed comparisons with
# other types, sorting stability with keys, and comparison of
# heterogeneous lists with user types.

def total_ordering(cls):
    def le(self, other):
        lt = cls.__lt__(self, other)
        if lt is NotImplemented:
            return NotImplemented
        return lt or self == other
    def gt(self, other):
        lt = cls.__lt__(self, other)
        if lt is NotImplemented:
            return NotImplemented
        return not lt and self != other
    def ge(self, other):
        lt = cls.__lt__(self, other)
        if lt is NotImplemented:
            return NotImplemented
        return not lt
    for name, f in (('__le__', le), ('__gt__', gt), ('__ge__', ge)):
        if getattr(cls, name) is getattr(object, name):
            f.__name__ = name
            f.__qualname__ = cls.__qualname__ + '.' + name
            setattr(cls, name, f)
    return cls

@total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split('.'))
    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts
    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts
    def __hash__(self):
        return hash(self.parts)
    def __repr__(self):
        return 'V' + '.'.join(map(str, self.parts))

vs = [Version(s) for s in ('1.10', '1.2', '1.2.0', '0.9', '1.2')]
print(sorted(vs), max(vs), min(vs))
a, b = Version('1.2'), Version('1.10')
print(a < b, a <= b, a > b, a >= b, a == Version('1.2'), a != b, a <= Version('1.2'), a >= Version('1.2'))
print(Version.__le__.__qualname__, Version.__ge__.__name__)
for expr in ('a < 1', 'a <= "x"', '1 > a', 'a >= None'):
    try:
        eval(expr)
    except TypeError as e:
        print(expr, '->', e)
print(a == 1, a != 'x', len({a, Version('1.2'), b}))

# Sorting: stability, key functions, reverse, and comparison errors.
records = [('b', Version('2.0')), ('a', Version('1.0')), ('c', Version('2.0')), ('d', Version('0.1'))]
print([r[0] for r in sorted(records, key=lambda r: r[1])])
print([r[0] for r in sorted(records, key=lambda r: r[1], reverse=True)])
try:
    sorted([Version('1.0'), 'str'])
except TypeError as e:
    print('TypeError:', e)
try:
    sorted([object(), object()])
except TypeError as e:
    print('TypeError:', e)

# Tuples and lists compare element-wise using the user comparisons.
print((a, 1) < (b, 0), [a, b] < [a, Version('2.0')], (a,) == (Version('1.2'),))
try:
    (a, 1) < (1, a)
except TypeError as e:
    print('TypeError:', e)

# Comparisons returning non-bools are passed through by the operators and
# converted by sort.
class Weird:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v and 'yes' or ''
    def __repr__(self):
        return 'W%d' % self.v
print(Weird(1) < Weird(2), repr(Weird(2) < Weird(1)), sorted([Weird(3), Weird(1), Weird(2)]))
