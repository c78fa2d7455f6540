# abc with the native _abc: registration, the positive and negative caches
# and their invalidation, __subclasshook__, abstract methods, the
# collection flags `match` uses, errors, and concurrent checks.
import _abc
import abc
import collections.abc as cabc
import threading


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


print(abc.ABCMeta.__module__, type(abc.ABC._abc_impl).__name__)
print(type(abc.ABC._abc_impl).__module__)


class Base(abc.ABC):
    @abc.abstractmethod
    def f(self):
        ...

    @property
    @abc.abstractmethod
    def p(self):
        ...

    def g(self):
        return 1


class Half(Base):
    def f(self):
        return 2


class Full(Half):
    p = 3


print(sorted(Base.__abstractmethods__), sorted(Half.__abstractmethods__),
      sorted(Full.__abstractmethods__))
attempt(lambda: Half())
print(Full().f(), Full().p)

token = abc.get_cache_token()
print(token == _abc.get_cache_token())


class Plain:
    pass


class Sub(Plain):
    pass


print(issubclass(Plain, Base), isinstance(Plain(), Base))
print(Base.register(Plain) is Plain)
print(abc.get_cache_token() == token + 1)
print(issubclass(Plain, Base), issubclass(Sub, Base), isinstance(Sub(), Base))
print(Base.register(Plain) is Plain, abc.get_cache_token() == token + 1)
reg, cache, neg, version = _abc._get_dump(Base)
print(sorted(r().__name__ for r in reg), sorted(r().__name__ for r in cache))
print(type(version).__name__)
Base._abc_caches_clear()
reg, cache, neg, version = _abc._get_dump(Base)
print(len(reg), len(cache), len(neg))
Base._abc_registry_clear()
print(len(_abc._get_dump(Base)[0]), issubclass(Plain, Base))

# The negative cache is voided by a registration anywhere.
class Other(abc.ABC):
    pass


class Late:
    pass


print(issubclass(Late, Other))
Other.register(Late)
print(issubclass(Late, Other))


# __subclasshook__ answers first.
class Hooked(abc.ABC):
    @classmethod
    def __subclasshook__(cls, c):
        if cls is Hooked:
            return hasattr(c, "quack")
        return NotImplemented


class Duck:
    def quack(self):
        pass


print(issubclass(Duck, Hooked), isinstance(Duck(), Hooked), issubclass(int, Hooked))


class BadHook(abc.ABC):
    @classmethod
    def __subclasshook__(cls, c):
        return 5


attempt(lambda: issubclass(int, BadHook))

# Errors.
attempt(lambda: Base.register(1))
attempt(lambda: issubclass(1, Base))
attempt(lambda: Base.register(Base))
attempt(lambda: Half.register(Base))
attempt(lambda: _abc._abc_init())
attempt(lambda: _abc._abc_register(Base))
attempt(lambda: _abc._get_dump(int))
attempt(lambda: _abc._abc_instancecheck(1, 1))


class Fake:
    _abc_impl = 5


attempt(lambda: _abc._abc_subclasscheck(Fake, int))

# collections.abc, and the flags `match` reads.
print(isinstance({}, cabc.Mapping), isinstance([], cabc.Mapping), issubclass(list, cabc.Sequence))
print(isinstance(range(3), cabc.Sequence), isinstance("s", cabc.Hashable), isinstance([], cabc.Hashable))


class MyMap(cabc.Mapping):
    def __getitem__(self, k):
        if k == "a":
            return 1
        raise KeyError(k)

    def __len__(self):
        return 1

    def __iter__(self):
        return iter(["a"])


class MySeq(cabc.Sequence):
    def __getitem__(self, i):
        if i < 2:
            return i
        raise IndexError(i)

    def __len__(self):
        return 2


class Registered:
    def __len__(self):
        return 1

    def __getitem__(self, i):
        if i == 0:
            return "only"
        raise IndexError(i)


cabc.Sequence.register(Registered)
for subject in (MyMap(), MySeq(), Registered(), {"a": 1}, "str"):
    match subject:
        case {"a": v}:
            print("mapping", v)
        case [*items]:
            print("sequence", items)
        case _:
            print("neither")
print("__abc_tpflags__" in cabc.Sequence.__dict__)

# Many threads checking and registering at once.
class Shared(abc.ABC):
    pass


classes = [type("C%d" % i, (), {}) for i in range(40)]
errors = []


def work(k):
    try:
        for i, c in enumerate(classes):
            if i % 4 == k:
                Shared.register(c)
            for _ in range(3):
                isinstance(c(), Shared)
                issubclass(c, Shared)
    except Exception as e:
        errors.append(e)


ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(errors, all(issubclass(c, Shared) for c in classes))
print(sum(isinstance(c(), Shared) for c in classes))
