# C3 method resolution order: diamonds, the classic examples, errors
# ('Cannot create a consistent method resolution order (MRO)'), duplicate
# bases, mro() overridden in a metaclass, __bases__/__base__/__mro__,
# and method lookup following the MRO.

def names(cls):
    return [c.__name__ for c in cls.__mro__]

class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass
print(names(Z))
print(Z.__bases__ == (K1, K2, K3), Z.__base__.__name__, K3.__base__.__name__)

class Top:
    def who(self):
        return 'Top'
class Left(Top):
    def who(self):
        return 'Left>' + super().who()
class Right(Top):
    def who(self):
        return 'Right>' + super().who()
class Bottom(Left, Right):
    def who(self):
        return 'Bottom>' + super().who()
print(names(Bottom), Bottom().who())
print(Bottom.mro() == list(Bottom.__mro__), type(Bottom.mro()).__name__, type(Bottom.__mro__).__name__)

def attempt(name, *bases):
    try:
        t = type(name, bases, {})
        print(name, names(t))
    except TypeError as e:
        print(name, 'TypeError:', e)
attempt('Bad1', A, K1)
attempt('Bad2', K1, K2, A, B)
attempt('Ok1', K1, A) if False else None
attempt('Good', K1, K2)
attempt('Dup', A, A)
attempt('Dup2', A, B, A)
class X: pass
class Y: pass
class XY(X, Y): pass
class YX(Y, X): pass
attempt('Conflict', XY, YX)
attempt('Object first', object, A)
attempt('Object last', A, object)
try:
    class Again(A, B, A):
        pass
except TypeError as e:
    print('TypeError:', e)
try:
    class Bad3(O, A):
        pass
except TypeError as e:
    print('TypeError:', e)

# Built-in bases in the MRO.
class MyDict(dict): pass
class MyList(list): pass
print(names(MyDict), names(bool), names(type), [c.__name__ for c in int.__mro__])
attempt('Layout', MyDict, MyList)
attempt('Layout2', int, str)
attempt('NotBase', bool)
try:
    type('F', (len,), {})
except TypeError as e:
    print('TypeError:', e)

# mro() overridden in a metaclass.
class ReverseMeta(type):
    def mro(cls):
        default = super().mro()
        return [default[0]] + list(reversed(default[1:]))
class R1: pass
class R2: pass
class Rev(R1, R2, metaclass=ReverseMeta):
    pass
print(names(Rev), Rev.mro() == list(Rev.__mro__))
class BadMroMeta(type):
    def mro(cls):
        return [cls, 5]
try:
    class BadMro(metaclass=BadMroMeta):
        pass
except TypeError as e:
    print('TypeError:', e)
class LayoutMroMeta(type):
    def mro(cls):
        return [cls, list, object]
try:
    class LayoutMro(dict, metaclass=LayoutMroMeta):
        pass
except TypeError as e:
    print('TypeError:', e)

# Lookup follows the MRO for attributes and special methods.
class P1:
    attr = 'P1'
    def __len__(self):
        return 1
class P2:
    attr = 'P2'
    def __len__(self):
        return 2
    def only2(self):
        return 'only in P2'
class PP(P1, P2):
    pass
class QQ(P2, P1):
    pass
print(PP.attr, QQ.attr, len(PP()), len(QQ()), PP().only2())
del P1.__len__
print(len(PP()), len(QQ()))
P1.attr = 'changed'
print(PP.attr, QQ.attr)
del P1.attr
print(PP.attr)

# __bases__ of various classes.
print(object.__bases__, object.__base__, int.__bases__, bool.__base__.__name__, O.__bases__)
class Empty:
    pass
print(Empty.__bases__ == (object,), Empty.__mro__ == (Empty, object))
try:
    Empty.__mro__ = ()
except AttributeError as e:
    print('AttributeError:', e)

# While a metaclass's mro() runs, the class has no __mro__ yet: lookups
# see only its own dict, dir() follows __bases__.
class Probe(type):
    def mro(cls):
        print('during mro:', cls.__mro__, cls.__name__, [b.__name__ for b in cls.__bases__], 'own' in dir(cls), 'inherited' in dir(cls))
        try:
            cls.inherited
        except AttributeError as e:
            print('AttributeError:', e)
        return super().mro()
class HasInherited:
    inherited = 'from base'
class Probed(HasInherited, metaclass=Probe):
    own = 1
print(names(Probed), Probed.inherited)
class FakeClass:
    @property
    def __class__(self):
        return int
print('bit_length' in dir(FakeClass()), '__class__' in dir(FakeClass()))
