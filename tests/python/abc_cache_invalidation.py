# ABC isinstance/issubclass answers through the caches: a negative answer
# is revised after register() (of the class itself or of a base, and on
# another ABC), a positive one survives many classes sharing cache
# entries, and a dead class's cache entry does not answer for a new one.
import abc
import gc
from collections.abc import Mapping, Sequence, Iterable, Hashable, Sized


class Base(abc.ABC):
    pass


class Other(abc.ABC):
    pass


classes = [type("C%d" % i, (), {}) for i in range(100)]
objs = [c() for c in classes]
print(sum(isinstance(o, Base) for o in objs), sum(issubclass(c, Base) for c in classes))
for c in classes[::7]:
    Base.register(c)
print(sum(isinstance(o, Base) for o in objs), sum(issubclass(c, Base) for c in classes))
print(sum(isinstance(o, Base) for o in objs), sum(issubclass(c, Base) for c in classes))


class Parent:
    pass


class Child(Parent):
    pass


print(isinstance(Child(), Other), issubclass(Child, Other))
Other.register(Parent)
print(isinstance(Child(), Other), issubclass(Child, Other))

# A registration on one ABC voids every ABC's negative answers.
class Lone:
    pass


print(isinstance(Lone(), Base))
Other.register(Lone)
print(isinstance(Lone(), Base), isinstance(Lone(), Other))

# Builtin ABCs, repeated (answered from the caches the second time).
values = [{}, [], (), "x", 1, set(), frozenset(), b"", bytearray(), range(3), None, 1.5]
for _ in range(3):
    print([(isinstance(v, Mapping), isinstance(v, Sequence), isinstance(v, Iterable),
            isinstance(v, Hashable), isinstance(v, Sized)) for v in values].count((False, True, True, True, True)),
          [type(v).__name__ for v in values if isinstance(v, Sequence)])

# Classes die and others are made: no stale answer.
for round_ in range(5):
    made = [type("T%d" % i, (), {}) for i in range(50)]
    if round_ % 2:
        for m in made[::3]:
            Base.register(m)
    print(round_, sum(issubclass(m, Base) for m in made), sum(isinstance(m(), Base) for m in made))
    del made
    gc.collect()

Base._abc_caches_clear()
print(sum(isinstance(o, Base) for o in objs), isinstance(Lone(), Other))
