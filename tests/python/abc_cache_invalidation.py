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

# Many classes per ABC (more than the lock-free fronts hold): positive,
# negative and registered answers stay right as the caches fill, after
# _abc_caches_clear and after _abc_registry_clear.
class Box(abc.ABC):
    pass


yes = [type("Y%d" % i, (Box,), {}) for i in range(40)]
no = [type("N%d" % i, (), {}) for i in range(40)]
reg = [type("R%d" % i, (), {}) for i in range(40)]
for r in reg:
    Box.register(r)
for rnd in range(3):
    print(rnd, sum(issubclass(c, Box) for c in yes), sum(issubclass(c, Box) for c in no),
          sum(issubclass(c, Box) for c in reg), sum(isinstance(c(), Box) for c in reg + no + yes))
Box._abc_caches_clear()
print(sum(issubclass(c, Box) for c in yes + reg), sum(issubclass(c, Box) for c in no))
Box._abc_registry_clear()
print(sum(issubclass(c, Box) for c in reg), sum(isinstance(c(), Box) for c in reg[:5]))
registry, cache, negative, _ = Box._abc_impl and abc._get_dump(Box)
print(len(registry), len([c for c in yes if c in {r() for r in cache}]))


# A hook that answers for registered classes is asked on every check.
class Hooked(abc.ABC):
    asked = 0

    @classmethod
    def __subclasshook__(cls, c):
        Hooked.asked += 1
        return NotImplemented


Hooked.register(tuple)
print([isinstance((), Hooked) for _ in range(5)], Hooked.asked)

# Threads checking the same ABCs at once agree with one thread.
import threading

results = []


def check():
    n = 0
    for _ in range(200):
        for o in ((), "x", [], {}, 1, set(), b"", range(3), yes[3](), reg[4]()):
            n += isinstance(o, Sequence) + 2 * isinstance(o, Mapping) + 4 * isinstance(o, Box)
    results.append(n)


ts = [threading.Thread(target=check) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(results)
