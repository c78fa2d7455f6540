# gc-stress: 200
# abc: ABC, ABCMeta, abstractmethod, abstract properties/classmethods,
# register, __subclasshook__, and collections.abc checks.
import abc
from abc import ABC, ABCMeta, abstractmethod
import collections.abc as cabc


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @property
    @abstractmethod
    def name(self):
        ...

    def describe(self):
        return f"{self.name}: {self.area()}"


try:
    Shape()
except TypeError as e:
    print("TypeError:", e)


class Half(Shape):
    def area(self):
        return 1


try:
    Half()
except TypeError as e:
    print("TypeError:", e)


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s

    @property
    def name(self):
        return "square"


sq = Square(3)
print(sq.describe(), isinstance(sq, Shape), issubclass(Square, Shape))
print(sorted(Shape.__abstractmethods__), sorted(Half.__abstractmethods__), Square.__abstractmethods__)


class Base(metaclass=ABCMeta):
    @classmethod
    @abstractmethod
    def make(cls):
        ...

    @staticmethod
    @abstractmethod
    def helper():
        ...


print(sorted(Base.__abstractmethods__))


class Sized2(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized2:
            return any("size" in B.__dict__ for B in C.__mro__)
        return NotImplemented


class HasSize:
    def size(self):
        return 0


print(issubclass(HasSize, Sized2), isinstance(HasSize(), Sized2), issubclass(int, Sized2))


class Registry(ABC):
    pass


Registry.register(tuple)
Registry.register(int)
print(isinstance((1,), Registry), isinstance(3, Registry), isinstance("s", Registry), issubclass(bool, Registry))
print(Registry.register(float) is float)


class MyList(cabc.Sequence):
    def __init__(self, data):
        self.data = data

    def __getitem__(self, i):
        return self.data[i]

    def __len__(self):
        return len(self.data)


m = MyList([3, 1, 2])
print(list(m), m.index(1), m.count(2), 2 in m, list(reversed(m)))
print(isinstance(m, cabc.Iterable), isinstance({}, cabc.Mapping), isinstance([], cabc.MutableSequence))
print(isinstance(iter([]), cabc.Iterator), isinstance(len, cabc.Callable), isinstance(b"", cabc.ByteString))
print(issubclass(dict, cabc.MutableMapping), issubclass(frozenset, cabc.Set), issubclass(str, cabc.Hashable))


class MyMap(cabc.Mapping):
    def __init__(self, **kw):
        self._d = kw

    def __getitem__(self, k):
        return self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


mm = MyMap(a=1, b=2)
print(dict(mm), mm.get("a"), mm.get("z", 0), sorted(mm.keys()), sorted(mm.items()), mm == {"a": 1, "b": 2})
print(abc.get_cache_token() is not None, type(Shape).__name__, ABC.__slots__)


class Concrete(Base):
    @classmethod
    def make(cls):
        return cls()

    @staticmethod
    def helper():
        return "help"


print(type(Concrete.make()).__name__, Concrete.helper())

import inspect
print(inspect.isabstract(Shape), inspect.isabstract(Half), inspect.isabstract(Square), inspect.isabstract(sq))
print(bool(Shape.__flags__ & (1 << 20)), bool(Square.__flags__ & (1 << 20)), bool(Square.__flags__ & (1 << 9)), bool(int.__flags__ & (1 << 9)))
print(bool(bool.__flags__ & (1 << 24)), bool(KeyError.__flags__ & (1 << 30)), bool(dict.__flags__ & (1 << 6)), bool(list.__flags__ & (1 << 5)), bool(str.__flags__ & (1 << 5)))
