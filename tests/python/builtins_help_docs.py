# gc-stress: 100
# help() of ordinary classes: the docstrings CPython gives slot wrappers
# (inherited by dunder methods without one), object's methods and a
# class's __dict__/__weakref__ descriptors.
from dataclasses import dataclass
import enum
def area(w: float, h: float = 1.0) -> float:
    """Compute the area of a rectangle."""
    return w * h
class Shape:
    """A shape."""
    sides = 0
    def __init__(self, name):
        self.name = name
    def describe(self):
        """Describe it."""
        return self.name
help(area)
help(Shape)
print(area.__doc__)
@dataclass
class P:
    """A point."""
    x: int
    y: int = 0
    def norm(self) -> float:
        return (self.x ** 2 + self.y ** 2) ** 0.5
class Color(enum.Enum):
    """Colors."""
    RED = 1
class Base:
    def __repr__(self): return "B"
    def __eq__(self, o): return True
    __hash__ = None
    def __len__(self): return 0
    def __format__(self, s): return ""
    @property
    def size(self):
        """The size."""
        return 1
    @classmethod
    def make(cls): return cls()
    @staticmethod
    def util(a, b=2): pass
class Sub(Base):
    """Sub doc."""
    extra = 5
help(P)
help(Sub)
import inspect
print(inspect.getdoc(Sub.__repr__), inspect.getdoc(Sub.__init__), inspect.getdoc(Sub.__format__))
print(object.__init__.__doc__, int.__add__.__doc__, (1).__add__.__doc__)


# pydoc reads docstrings with object.__getattribute__: on a class it finds
# the class's own __doc__ (its namespace is its instance dict), on a bound
# method the function's (a descriptor of the method type).
class Color(enum.Enum):
    """Colors."""
    RED = 1


help(Color)


class Meta(type):
    """Meta doc."""


class K(metaclass=Meta):
    """K doc."""
    x = 1

    def f(self):
        "f doc"


print(repr(object.__getattribute__(K, "__doc__")), repr(object.__getattribute__(K, "x")))
print(repr(object.__getattribute__(Color, "__doc__")), repr(object.__getattribute__(K(), "__doc__")))
print(repr(object.__getattribute__(K().f, "__doc__")), repr(K().f.__doc__), type(K.__dict__["f"]).__name__)
try:
    object.__getattribute__(K, "nope")
except AttributeError as e:
    print("AttributeError", e)
