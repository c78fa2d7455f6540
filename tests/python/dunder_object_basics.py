# object's own protocol: object() and class calls with arguments
# ('A() takes no arguments' and friends), __init__ returning non-None,
# __new__ rules, __reduce_ex__ / __reduce__ / __getstate__ for plain
# objects, __sizeof__, __dir__, __instancecheck__ defined on a class
# (not used), __del__ called explicitly, and __class__.

def attempt(f, *a, **k):
    try:
        r = f(*a, **k)
        print('ok', type(r).__name__)
    except TypeError as e:
        print('TypeError:', e)

class Empty:
    pass
class WithInit:
    def __init__(self, x):
        self.x = x
class WithNew:
    def __new__(cls, *a, **k):
        return super().__new__(cls)
class NewPassesArgs:
    def __new__(cls, *a):
        return super().__new__(cls, *a)
class InitPassesArgs:
    def __init__(self, *a):
        super().__init__(*a)

attempt(object, 1)
attempt(object, x=1)
attempt(Empty, 1)
attempt(Empty, k=2)
attempt(WithInit)
attempt(WithInit, 1, 2)
attempt(WithNew, 1, 2)
attempt(NewPassesArgs)
attempt(NewPassesArgs, 1)
attempt(InitPassesArgs)
attempt(InitPassesArgs, 1)
attempt(object.__new__)
attempt(object.__new__, 1)
attempt(object.__new__, int)
attempt(object.__new__, Empty, 1)
attempt(object.__init__, Empty(), 1)
attempt(object.__init__, WithInit(1), 1)
attempt(int.__new__, str)
attempt(object.__new__, list)

class BadInit:
    def __init__(self):
        return 5
attempt(BadInit)
class NoneInit:
    def __init__(self):
        return None
attempt(NoneInit)
class GenInit:
    def __init__(self):
        yield 1
attempt(GenInit)

# __new__ returning another type's instance skips __init__.
class Other:
    pass
class Redirect:
    def __new__(cls):
        return Other()
    def __init__(self):
        raise RuntimeError('not reached')
print(type(Redirect()).__name__)
class StaticNew:
    @staticmethod
    def __new__(cls, v):
        obj = object.__new__(cls)
        obj.v = v
        return obj
print(StaticNew(3).v, type(StaticNew.__dict__['__new__']).__name__)
class PlainNew:
    def __new__(cls):
        return object.__new__(cls)
print(type(PlainNew.__dict__['__new__']).__name__, type(PlainNew()).__name__)

# Abstract-looking classes are still instantiable without ABCMeta.
class Abstract:
    __abstractmethods__ = frozenset({'run'})
try:
    Abstract()
except TypeError as e:
    print('TypeError:', e)

# Reduction and state.
class State:
    def __init__(self):
        self.a = 1
        self.b = [2]
s = State()
r = s.__reduce_ex__(2)
print(r[0].__name__, r[1][0] is State, r[2], r[3], r[4], len(r))
print(s.__getstate__() is s.__dict__, Empty().__getstate__(), object().__getstate__())
r0 = s.__reduce_ex__(0)
print(r0[0].__name__, r0[1], r0[2])
print(s.__reduce__()[1], s.__reduce__()[0].__name__)
class Slotted:
    __slots__ = ('x', 'y')
sl = Slotted()
sl.x = 5
print(sl.__getstate__(), sl.__reduce_ex__(2)[2], '__slotnames__' in Slotted.__dict__, Slotted.__slotnames__)
class Mixed:
    __slots__ = ('x', '__dict__')
m = Mixed()
m.x = 1
m.extra = 2
print(m.__getstate__())
class NewArgs:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __getnewargs__(self):
        return (self.a, self.b)
print(NewArgs(1, 2).__reduce_ex__(2)[1][1:], NewArgs(1, 2).__reduce_ex__(2)[2])
class NewArgsEx:
    def __getnewargs_ex__(self):
        return ((1,), {'k': 2})
r = NewArgsEx().__reduce_ex__(4)
print(r[0].__name__, r[1][1:])
class BadNewArgs:
    def __getnewargs__(self):
        return [1]
try:
    BadNewArgs().__reduce_ex__(2)
except TypeError as e:
    print('TypeError:', e)
class CustomState:
    def __getstate__(self):
        return 'custom'
print(CustomState().__reduce_ex__(2)[2])
class OwnReduce:
    def __reduce__(self):
        return (OwnReduce, ())
print(OwnReduce().__reduce_ex__(2) == (OwnReduce, ()))
class LSub(list):
    pass
ls = LSub([1, 2])
ls.tag = 't'
r = ls.__reduce_ex__(2)
print(r[2], list(r[3]), r[4])
class DSub(dict):
    pass
r = DSub(a=1).__reduce_ex__(2)
print(r[2], r[3], list(r[4]))
for bad in ((s,), (s, 'x')):
    try:
        object.__reduce_ex__(*bad)
    except TypeError as e:
        print('TypeError:', e)

# __sizeof__ gives an int; __dir__ gives the attribute names.
print(type(object().__sizeof__()).__name__, object().__sizeof__() > 0, type(s.__sizeof__()).__name__)
print(sorted(s.__dir__()) == sorted(dir(s)), 'a' in dir(s), '__init__' in dir(s), dir(s) == sorted(dir(s)))
class CustomDir:
    def __dir__(self):
        return ['zeta', 'alpha', 'alpha']
print(dir(CustomDir()))
class BadDir:
    def __dir__(self):
        return 5
try:
    dir(BadDir())
except TypeError as e:
    print('TypeError:', e)
class TupleDir:
    def __dir__(self):
        return ('b', 'a')
print(dir(TupleDir()))

# __instancecheck__ on the class itself is not consulted by isinstance.
class SelfCheck:
    def __instancecheck__(self, obj):
        return True
    def __subclasscheck__(self, cls):
        return True
print(isinstance(1, SelfCheck), issubclass(int, SelfCheck), SelfCheck().__instancecheck__(1))
try:
    isinstance(1, SelfCheck())
except TypeError as e:
    print('TypeError:', e)
print(isinstance(1, SelfCheck()) if False else 'instance used as class works via type:', SelfCheck.__instancecheck__(None, 1))
for bad in (1, 'x', [int]):
    try:
        isinstance(1, bad)
    except TypeError as e:
        print('TypeError:', e)
    try:
        issubclass(int, bad)
    except TypeError as e:
        print('TypeError:', e)
try:
    issubclass(1, int)
except TypeError as e:
    print('TypeError:', e)
print(isinstance(1, (str, (list, int))), issubclass(bool, (str, (int,))))

# __del__ is an ordinary method when called explicitly.
finalized = []
class Finalized:
    def __del__(self):
        finalized.append('explicit __del__ call')
f = Finalized()
f.__del__()
print(finalized, type(f).__name__, type(Finalized.__dict__['__del__']).__name__)

# __class__ of various objects.
print(s.__class__.__name__, (1).__class__.__name__, State.__class__.__name__, type.__class__.__name__, None.__class__.__name__)
class FakeClass:
    @property
    def __class__(self):
        return int
fc = FakeClass()
print(fc.__class__.__name__, type(fc).__name__, isinstance(fc, int), isinstance(fc, FakeClass))
