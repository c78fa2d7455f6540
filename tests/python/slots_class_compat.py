# __class__ assignment between every pair of classes in a set of layouts
# (plain, __slots__ with members, __dict__ and/or __weakref__ slots, empty
# __slots__, subclasses adding nothing, built-in bases): which pairs are
# compatible must match CPython's rules exactly.

class Base:
    pass
class Plain1:
    pass
class Plain2:
    pass
class PlainSub(Plain1):
    pass
class Empty1:
    __slots__ = ()
class Empty2:
    __slots__ = ()
class A1:
    __slots__ = ('a',)
class A2:
    __slots__ = ('a',)
class AB:
    __slots__ = ('a', 'b')
class BA:
    __slots__ = ('b', 'a')
class AWeak1:
    __slots__ = ('a', '__weakref__')
class AWeak2:
    __slots__ = ('a', '__weakref__')
class Weak1:
    __slots__ = ('__weakref__',)
class Weak2:
    __slots__ = ('__weakref__',)
class Dict1:
    __slots__ = ('__dict__',)
class Dict2:
    __slots__ = ('__dict__',)
class DictWeak:
    __slots__ = ('__dict__', '__weakref__')
class ADict1:
    __slots__ = ('a', '__dict__')
class ADict2:
    __slots__ = ('a', '__dict__')
class A1Sub(A1):
    pass
class A1SubEmpty(A1):
    __slots__ = ()
class A2SubEmpty(A2):
    __slots__ = ()
class A1More(A1):
    __slots__ = ('m',)
class A2More(A2):
    __slots__ = ('m',)
class L1(list):
    pass
class L2(list):
    pass
class LE1(list):
    __slots__ = ()
class LE2(list):
    __slots__ = ()
class LA1(list):
    __slots__ = ('x',)
class LA2(list):
    __slots__ = ('x',)

classes = [Plain1, Plain2, PlainSub, Empty1, Empty2, A1, A2, AB, BA, AWeak1, AWeak2,
           Weak1, Weak2, Dict1, Dict2, DictWeak, ADict1, ADict2, A1Sub, A1SubEmpty,
           A2SubEmpty, A1More, A2More]
lists = [L1, L2, LE1, LE2, LA1, LA2]

def compatible(src, dst, make=lambda c: c.__new__(c)):
    obj = make(src)
    try:
        obj.__class__ = dst
        return True
    except TypeError:
        return False

for src in classes:
    row = ''.join('x' if compatible(src, dst) else '.' for dst in classes)
    print('%-10s %s' % (src.__name__, row))
for src in lists:
    row = ''.join('x' if compatible(src, dst, lambda c: c()) else '.' for dst in lists)
    print('%-10s %s' % (src.__name__, row))

# The error message names both classes.
try:
    A1().__class__ = AB
except TypeError as e:
    print('TypeError:', e)
o = AWeak1()
try:
    o.__class__ = AWeak2
except TypeError as e:
    print('TypeError:', e)
