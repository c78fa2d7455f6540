# After the last reference goes and gc.collect() runs, weak references are
# dead (their callbacks ran, in the collecting thread, before collect()
# returned) and __del__ has run: what test.support.gc_collect() relies on.
import gc
import weakref


def collect():
    gc.collect()
    gc.collect()
    gc.collect()


class Obj:
    pass


# A plain object, a module-level name.
o = Obj()
w = weakref.ref(o)
del o
collect()
print("module del:", w() is None)

# A cycle through a slice (test_slice.test_cycle).
o = Obj()
o.s = slice(o)
w = weakref.ref(o)
o = None
collect()
print("slice cycle:", w() is None)

# Callbacks run before collect() returns, in this thread.
events = []
o = Obj()
r = weakref.ref(o, lambda ref: events.append("callback, ref dead: %s" % (ref() is None)))
del o
gc.collect()
print("after collect:", events)


def in_function():
    x = Obj()
    wx = weakref.ref(x)
    x = None
    collect()
    return wx() is None


print("function local:", in_function())


# The temporaries an expression leaves on the value stack are dropped.
def temporaries():
    refs = []
    for i in range(3):
        t = Obj()
        refs.append(weakref.ref(t))
        print(len([t, t, t]), end=" ")
        del t
    collect()
    return [r() is None for r in refs]


print("temporaries:", temporaries())


# An exhausted iterator drops its sequence (CPython sets it to NULL), so
# a sequence with __del__ is finalized (test_list/test_tuple
# test_free_after_iterating).
def free_after_iterating(cls, how, arg):
    done = False

    class A(cls):
        def __del__(self):
            nonlocal done
            done = True

    it = iter(A(arg))
    if how == "list":
        list(it)
    elif how == "for":
        for _ in it:
            pass
    else:
        try:
            while True:
                next(it)
        except StopIteration:
            pass
    collect()
    return done


for cls, arg in ((list, [1, 2]), (tuple, [1, 2]), (str, "ab"), (bytes, b"ab"),
                 (bytearray, b"ab"), (set, [1, 2]), (frozenset, [1, 2]),
                 (dict, {1: 2, 3: 4})):
    for how in ("list", "for", "next"):
        print(cls.__name__, how, free_after_iterating(cls, how, arg))


# __del__ of subclasses of built-in types runs (it was never registered).
class D(dict):
    def __del__(self):
        print("D.__del__", sorted(self))


d = D(a=1)
del d
collect()
print("after D")


# A generator drops what it yielded while suspended, and its frame once done.
def gen():
    yield Obj()
    yield 1


g = gen()
wy = weakref.ref(next(g))
collect()
print("yielded value freed:", wy() is None)


# Unpacking through a Python iterator that collects while the items are
# being stored.
class Collecting:
    def __init__(self):
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        gc.collect()
        return [self.i] * self.i


a, b, c = Collecting()
print("unpacked:", a, b, c)
first, *rest = Collecting()
print("unpacked star:", first, rest)

# WeakValueDictionary entries go with their values.
wvd = weakref.WeakValueDictionary()
vals = [Obj() for _ in range(5)]
for i, v in enumerate(vals):
    wvd[i] = v
del v
vals[1:4] = []
collect()
print("weak values left:", sorted(wvd.keys()))


# A cycle through a thread-local value (test_threading_local
# test_cycle_collection): the local's dict lives as long as the local.
import threading
import _threading_local

for local_type in (threading.local, _threading_local.local):
    x = Obj()
    x.local = local_type()
    x.local.x = x
    wr = weakref.ref(x)
    del x
    collect()
    print(local_type.__module__, "local cycle freed:", wr() is None)

# A live local keeps its value.
keep = threading.local()
keep.value = Obj()
wv = weakref.ref(keep.value)
collect()
print("live local value kept:", wv() is not None)


# __del__ order: an object and what only it references.
class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child

    def __del__(self):
        print("del", self.name)


n = Node("parent", Node("child"))
del n
collect()
print("end")
