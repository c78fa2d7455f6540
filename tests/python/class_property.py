# @property (getter, setter, deleter, read-only errors), @staticmethod,
# @classmethod (alternative constructors, inheritance), class-level state.

class Celsius:
    def __init__(self, degrees=0.0):
        self._c = None
        self.celsius = degrees
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero: %r" % value)
        self._c = value
    @celsius.deleter
    def celsius(self):
        print("  deleting")
        self._c = None
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @fahrenheit.setter
    def fahrenheit(self, f):
        self.celsius = (f - 32) * 5 / 9
t = Celsius(25)
print(t.celsius, t.fahrenheit)
t.fahrenheit = 212
print(t.celsius, t.fahrenheit)
t.celsius = -40
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
del t.celsius
print(t.celsius)
print(type(Celsius.celsius).__name__, Celsius.celsius.fget.__name__, Celsius.fahrenheit.fset is not None)

class Circle:
    def __init__(self, r):
        self.r = r
    @property
    def area(self):
        return round(3.14159 * self.r ** 2, 3)
c = Circle(2)
print(c.area)
try:
    c.area = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    del c.area
except AttributeError as e:
    print("AttributeError:", e)

class Lazy:
    computed = 0
    def __init__(self):
        self._cache = None
    @property
    def value(self):
        if self._cache is None:
            Lazy.computed += 1
            self._cache = sum(range(100))
        return self._cache
lz = Lazy()
print(lz.value, lz.value, Lazy.computed)

class Pizza:
    count = 0
    def __init__(self, toppings):
        self.toppings = list(toppings)
        Pizza.count += 1
    @classmethod
    def margherita(cls):
        return cls(["mozzarella", "tomato"])
    @classmethod
    def made(cls):
        return "%s made %d" % (cls.__name__, cls.count)
    @staticmethod
    def area(r):
        return round(3.14159 * r * r, 2)
    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self.toppings)
class Calzone(Pizza):
    pass
print(Pizza.margherita(), Calzone.margherita(), Pizza.area(10), Pizza(["x"]).area(1))
print(Pizza.made(), Calzone.made(), Calzone.margherita().made())
print(type(Pizza.__dict__["area"]).__name__, type(Pizza.__dict__["made"]).__name__)
sm = Pizza.area
print(sm(2), Pizza.made.__self__ is Pizza, Calzone.made.__self__ is Calzone)

class Config:
    _registry = {}
    @classmethod
    def register(cls, name):
        def deco(fn):
            cls._registry[name] = fn
            return fn
        return deco
    @classmethod
    def run(cls, name, *args):
        return cls._registry[name](*args)
@Config.register("double")
def double(x):
    return 2 * x
@Config.register("greet")
def greet(name):
    return "hi " + name
print(Config.run("double", 21), Config.run("greet", "bo"), sorted(Config._registry))

class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(1, 2)
p.x = 10
print(p.x, p.y)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)

class Validated:
    def __init__(self):
        self._age = 0
    def _get(self):
        return self._age
    def _set(self, v):
        if not isinstance(v, int):
            raise TypeError("age must be int, got " + type(v).__name__)
        self._age = v
    age = property(_get, _set, doc="the age")
vv = Validated()
vv.age = 30
print(vv.age, Validated.age.__doc__)
try:
    vv.age = "old"
except TypeError as e:
    print("TypeError:", e)

class Temperature:
    scale = "C"
    @staticmethod
    def convert(v, to):
        return v * 9 / 5 + 32 if to == "F" else (v - 32) * 5 / 9
    @classmethod
    def set_scale(cls, s):
        cls.scale = s
print(Temperature.convert(100, "F"), Temperature().convert(212, "C"), Temperature.scale)
Temperature.set_scale("F")
print(Temperature.scale, Temperature().scale)
