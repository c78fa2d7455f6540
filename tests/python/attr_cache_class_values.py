# The LOAD_ATTR caches for class attributes read through instances and for
# properties: every way the cached answer can become wrong must be seen.


class C:
    LIMIT = 10
    NAME = "c"
    T = (1, 2)

    def __init__(self):
        self.x = 1

    @property
    def span(self):
        return self.LIMIT - self.x


def read(o):
    return o.LIMIT, o.NAME, o.T, o.span


objs = [C() for _ in range(3)]
for _ in range(3):
    print(read(objs[0]))

# The instance gains a same-named attribute: it shadows the class value.
objs[1].LIMIT = 99
print(read(objs[1]), read(objs[0]))

# The class value changes.
C.LIMIT = 20
print([read(o) for o in objs])

# The property is replaced, then becomes a plain value, then is deleted.
C.span = property(lambda self: "new getter")
print([read(o) for o in objs])
C.span = 5
print([read(o) for o in objs])
objs[2].span = "own"
print(read(objs[2]))
del C.span
try:
    read(objs[0])
except AttributeError as e:
    print("AttributeError:", e)


# A subclass overrides the class attribute; the same code reads both.
class D(C):
    LIMIT = -1


for o in (C(), D(), C(), D()):
    print(o.LIMIT, o.NAME)


# A property whose getter raises, and a class with __getattr__.
class E:
    @property
    def bad(self):
        raise AttributeError("from getter")

    def __getattr__(self, name):
        return "fallback " + name


class F:
    @property
    def bad(self):
        raise KeyError("k")


e = E()
for _ in range(3):
    print(e.bad)
f = F()
for _ in range(3):
    try:
        f.bad
    except KeyError as ex:
        print("KeyError", ex)


# A property mutated in place through __init__ (CPython allows it).
class G:
    p = property(lambda self: 1)


g = G()
for _ in range(2):
    print(g.p)
G.__dict__["p"].__init__(lambda self: 2)
print(g.p)


# Class values of user types that later gain __get__ are never cached.
class V:
    pass


class H:
    v = V()


h = H()
print(type(h.v).__name__)
V.__get__ = lambda self, obj, owner: "got"
print(h.v)
