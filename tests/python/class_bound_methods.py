# Bound methods: creation on access, __self__/__func__, equality and
# hashing (by the object's identity and the function), repr pieces,
# attribute access through the function, binding of functions stored on
# instances, built-in methods, and methods as dict keys.

class C:
    def m(self, x=1):
        """m doc"""
        return (self.tag, x)
    def __init__(self, tag):
        self.tag = tag
    def __eq__(self, other):
        return isinstance(other, C)
    __hash__ = object.__hash__

a, b = C('a'), C('b')
ma = a.m
print(ma(), ma(5), C.m(a, 7), ma.__self__ is a, ma.__func__ is C.m, type(ma).__name__)
print(a.m == a.m, a.m is a.m, a.m == b.m, a.m != b.m, hash(a.m) == hash(a.m))
print(len({a.m, a.m, b.m}), {a.m: 1}[a.m], a == b)
print(ma.__name__, ma.__qualname__, ma.__doc__, ma.__module__, ma.__defaults__)
print(repr(ma).startswith('<bound method C.m of <__main__.C object at 0x'))
try:
    ma.new_attr = 1
except AttributeError as e:
    print('AttributeError:', e)
C.m.func_attr = 'on the function'
print(ma.func_attr, a.m.func_attr)
try:
    ma.missing
except AttributeError as e:
    print('AttributeError:', e)

# A method bound to an object whose __eq__ says everything is equal is
# still compared by identity.
class AllEqual:
    def __eq__(self, other):
        return True
    __hash__ = object.__hash__
    def f(self):
        pass
x, y = AllEqual(), AllEqual()
print(x.f == y.f, x.f == x.f)

# Functions stored on the instance are not bound; on the class they are.
def free(*args):
    return args
a.free = free
C.free = free
print(a.free(1), b.free(1)[0] is b, C.free(1))

# Binding through __get__ explicitly, and rebinding a method.
bound = free.__get__(a)
print(bound(2)[0] is a, type(bound).__name__, bound.__get__(b) is bound, bound.__get__(None, C) is bound)
MethodType = type(bound)
m2 = MethodType(free, 'self-object')
print(m2(3), m2.__self__)
try:
    MethodType(1, 2)
except TypeError as e:
    print('TypeError:', e)
try:
    MethodType(free)
except TypeError as e:
    print('TypeError:', e)
try:
    MethodType(free, None)
except TypeError as e:
    print('TypeError:', e)

# Class methods are bound to the class.
class K:
    @classmethod
    def cm(cls):
        return cls.__name__
class KSub(K):
    pass
print(K.cm == K.cm, K.cm == KSub.cm, K().cm == K.cm, K.cm.__self__ is K, KSub().cm.__self__ is KSub)

# Built-in methods.
lst = [3, 1]
app = lst.append
app(2)
print(lst, app.__self__ is lst, app.__name__, app.__qualname__, type(app).__name__)
print(lst.append == lst.append, lst.append == [].append, hash(lst.append) == hash(lst.append))
print(repr(lst.append).startswith('<built-in method append of list object at 0x'))
print(str.upper.__qualname__, type(str.upper).__name__, 'x'.upper.__qualname__, 'x'.upper.__self__)
print(int.__add__.__qualname__, (5).__add__.__qualname__, (5).__add__(3), type((5).__add__).__name__)
print(dict.fromkeys.__qualname__, type(dict.fromkeys).__name__, dict.fromkeys.__self__ is dict)
print(len.__qualname__, len.__self__.__name__, type(len).__name__, len.__module__)

# Methods compare equal across repeated binding; distinct functions differ.
class Twice:
    def f(self):
        pass
    g = f
t = Twice()
print(t.f == t.g, t.f.__func__ is t.g.__func__, Twice.f is Twice.g)

# Calling with wrong arguments names the method's qualname.
try:
    a.m(1, 2)
except TypeError as e:
    print('TypeError:', e)
try:
    C.m()
except TypeError as e:
    print('TypeError:', e)
