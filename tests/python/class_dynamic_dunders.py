# Special methods added, replaced and deleted after a class exists: the
# change reaches existing instances and subclasses (slot updates), also
# for classes with metaclasses and for built-in subclasses.

class A:
    pass
class B(A):
    pass
a, b = A(), B()
try:
    len(a)
except TypeError as e:
    print('TypeError:', e)
A.__len__ = lambda self: 3
print(len(a), len(b))
B.__len__ = lambda self: 4
print(len(a), len(b))
del A.__len__
try:
    len(a)
except TypeError as e:
    print('TypeError:', e)
print(len(b))
del B.__len__
try:
    len(b)
except TypeError as e:
    print('TypeError:', e)

# Operators and comparisons.
A.__add__ = lambda self, o: 'A+'
A.__radd__ = lambda self, o: '+A'
print(a + 1, 1 + a, b + b)
A.__lt__ = lambda self, o: 'A<'
print(a < b, b > a)
del A.__add__
print(1 + a)
try:
    a + 1
except TypeError as e:
    print('TypeError:', e)

# Truth, iteration, calls, repr, hash, attribute hooks.
print(bool(a))
A.__bool__ = lambda self: False
print(bool(a), bool(b), not b)
A.__iter__ = lambda self: iter([1, 2])
print(list(a), list(b), 2 in b)
A.__call__ = lambda self, x: x * 2
print(a(4), b(5))
A.__repr__ = lambda self: 'A-instance'
print(repr(a), str(b), [a])
A.__str__ = lambda self: 'str of A'
print(str(a), repr(a), f'{a}', '%s' % b)
h = hash(a)
A.__eq__ = lambda self, o: True
print(hash(a) == h)
A.__hash__ = lambda self: 42
print(hash(a), hash(b))
A.__hash__ = None
try:
    hash(b)
except TypeError as e:
    print('TypeError:', e)
A.__getattr__ = lambda self, name: 'dyn ' + name
print(a.whatever, b.other)
A.__setattr__ = lambda self, name, v: object.__setattr__(self, name, str(v) + '!')
b.x = 1
print(b.x)
del A.__setattr__
b.y = 2
print(b.y)
A.__getitem__ = lambda self, k: ('item', k)
print(a[0], b['k'], a[1:2])
A.__contains__ = lambda self, x: x == 'in'
print('in' in a, 'out' in b)
A.__neg__ = lambda self: 'neg'
A.__index__ = lambda self: 7
print(-a, [0] * 8 == [0] * a, bin(b), list(range(10))[a])
A.__enter__ = lambda self: 'entered'
A.__exit__ = lambda self, *exc: True
with b as v:
    raise ValueError('suppressed')
print(v)

# Setting a special method to a non-function callable, and to a builtin.
class CallableImpl:
    def __call__(self, obj):
        return 99
A.__len__ = CallableImpl()
try:
    print(len(a))
except TypeError as e:
    print('TypeError:', e)
A.__len__ = staticmethod(lambda: 5)
print(len(a))

# Through a metaclass: setting dunders on the metaclass changes classes.
class Meta(type):
    pass
class M(metaclass=Meta):
    pass
Meta.__len__ = lambda cls: 10
Meta.__getitem__ = lambda cls, k: ('meta item', k)
Meta.__repr__ = lambda cls: '<' + cls.__name__ + '>'
print(len(M), M[1], repr(M), [M])
del Meta.__repr__
print(repr(M).startswith("<class '"))

# Built-in subclasses pick up overrides added later.
class L(list):
    pass
l = L([1, 2, 3])
print(len(l), l[0])
L.__len__ = lambda self: 100
L.__getitem__ = lambda self, i: 'overridden'
print(len(l), l[0], list.__len__(l), list.__getitem__(l, 0))
del L.__len__
print(len(l))

# Built-in types refuse.
for name in ('__len__', '__add__', 'x'):
    try:
        setattr(int, name, lambda *a: 0)
    except TypeError as e:
        print('TypeError:', e)
