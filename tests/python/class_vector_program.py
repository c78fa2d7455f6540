# A small program built from classes: an immutable 2-D vector with the
# full operator set, a total ordering written by hand, a registry via
# __init_subclass__, shapes with properties and abstract hooks, and a
# scene sorted and summarised.
import math

class Vec:
    __slots__ = ('x', 'y')
    def __init__(self, x=0, y=0):
        object.__setattr__(self, 'x', x)
        object.__setattr__(self, 'y', y)
    def __setattr__(self, name, value):
        raise AttributeError('Vec is immutable')
    def __repr__(self):
        return 'Vec(%g, %g)' % (self.x, self.y)
    def __iter__(self):
        yield self.x
        yield self.y
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        return NotImplemented
    __radd__ = __add__
    def __sub__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x - o.x, self.y - o.y)
        return NotImplemented
    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vec(self.x * k, self.y * k)
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return NotImplemented
    def __rmul__(self, k):
        return self * k
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return math.hypot(self.x, self.y)
    def __bool__(self):
        return bool(self.x or self.y)
    def __eq__(self, o):
        return isinstance(o, Vec) and tuple(self) == tuple(o)
    def __hash__(self):
        return hash((self.x, self.y))
    def __lt__(self, o):
        return abs(self) < abs(o)
    def __le__(self, o):
        return self == o or self < o
    def __format__(self, spec):
        return '<%s, %s>' % (format(self.x, spec), format(self.y, spec))

a, b = Vec(3, 4), Vec(1, -2)
print(a + b, a - b, a * 2, 2 * a, a * b, -a, abs(a), a / 2, bool(Vec()), bool(b))
print(sum([a, b, Vec(1, 1)], Vec()), sorted([a, b, Vec()]), max(a, b), {a, Vec(3, 4)})
print(f'{a:.2f}', format(b, '+'), list(a), dict(zip('xy', b)))
try:
    a.x = 5
except AttributeError as e:
    print('AttributeError:', e)
try:
    a + 1
except TypeError as e:
    print('TypeError:', e)
try:
    a > b
except TypeError as e:
    print('TypeError:', e)
print(a >= b if hasattr(Vec, '__ge__') and Vec.__ge__ is not object.__ge__ else 'ge via reflection:', b <= a)

class Shape:
    kinds = {}
    def __init_subclass__(cls, kind=None, **kw):
        super().__init_subclass__(**kw)
        if kind:
            Shape.kinds[kind] = cls
    def __init__(self, origin):
        self.origin = origin
    @property
    def area(self):
        raise NotImplementedError(type(self).__name__ + '.area')
    def __lt__(self, other):
        return self.area < other.area
    def __repr__(self):
        return '%s(area=%.2f)' % (type(self).__name__, self.area)
    @classmethod
    def make(cls, kind, *args):
        return cls.kinds[kind](*args)

class Circle(Shape, kind='circle'):
    def __init__(self, origin, r):
        super().__init__(origin)
        self.r = r
    @property
    def area(self):
        return math.pi * self.r ** 2

class Rect(Shape, kind='rect'):
    def __init__(self, origin, w, h):
        super().__init__(origin)
        self.w, self.h = w, h
    @property
    def area(self):
        return self.w * self.h

class Square(Rect, kind='square'):
    def __init__(self, origin, side):
        super().__init__(origin, side, side)

scene = [Shape.make('circle', Vec(), 1), Shape.make('rect', Vec(1, 1), 2, 3), Shape.make('square', a, 2)]
print(sorted(Shape.kinds), scene)
print(sorted(scene), min(scene), [s.origin for s in sorted(scene, reverse=True)])
try:
    Shape(Vec()).area
except NotImplementedError as e:
    print('NotImplementedError:', e)
total = sum(s.area for s in scene)
print('%.3f' % total, [type(s).__mro__[1].__name__ for s in scene])
