# __class__ assignment: behaviour changes, attributes stay, layout checks
# (slots, built-in bases, __dict__ presence), immutable types, module
# subclasses, and isinstance afterwards.

class Frog:
    def speak(self):
        return 'ribbit from ' + self.name
class Prince:
    def speak(self):
        return 'hello from ' + self.name
    def bow(self):
        return 'bows'

f = Frog()
f.name = 'Fred'
print(f.speak(), isinstance(f, Frog))
f.__class__ = Prince
print(f.speak(), f.bow(), isinstance(f, Frog), isinstance(f, Prince), type(f).__name__, vars(f))
f.__class__ = Frog
print(f.speak(), hasattr(f, 'bow'))

# Subclass <-> base.
class Base:
    pass
class Derived(Base):
    def extra(self):
        return 'extra'
o = Base()
o.__class__ = Derived
print(o.extra(), type(o).__name__)
o.__class__ = Base
print(type(o).__name__)

# Layout checks.
class S1:
    __slots__ = ('a',)
class S2:
    __slots__ = ('a',)
class S3:
    __slots__ = ('b',)
class WithDict:
    __slots__ = ('a', '__dict__')
s = S1()
s.a = 1
s.__class__ = S2
print(type(s).__name__, s.a)
for target in (S3, WithDict, Base):
    try:
        s.__class__ = target
    except TypeError as e:
        print('TypeError:', e)
class L1(list):
    pass
class L2(list):
    def total(self):
        return sum(self)
class D1(dict):
    pass
l = L1([1, 2])
l.__class__ = L2
print(l.total(), l)
for target in (D1, Base, list):
    try:
        l.__class__ = target
    except TypeError as e:
        print('TypeError:', e)
class I1(int):
    pass
class I2(int):
    def twice(self):
        return self * 2
i = I1(21)
try:
    i.__class__ = I2
except TypeError as e:
    print('TypeError:', e)
class J1(int):
    __slots__ = ()
class J2(int):
    __slots__ = ()
    def twice(self):
        return self * 2
j = J1(21)
j.__class__ = J2
print(j.twice(), type(j).__name__)

# Immutable types cannot be assigned to or from.
for obj, target in ((1, I1), ([], L1), (Base(), int), (Base(), object), (object(), Base)):
    try:
        obj.__class__ = target
    except TypeError as e:
        print('TypeError:', e)
try:
    Base().__class__ = 'not a class'
except TypeError as e:
    print('TypeError:', e)
try:
    del Base().__class__
except TypeError as e:
    print('TypeError:', e)

# Classes with different metaclasses (still plain layouts) are fine.
class Meta(type):
    pass
class WithMeta(metaclass=Meta):
    pass
w = Base()
w.__class__ = WithMeta
print(type(w).__name__, type(type(w)).__name__)

# __class__ assignment through object.__setattr__ and setattr().
obj = Base()
setattr(obj, '__class__', Derived)
print(type(obj).__name__)
object.__setattr__(obj, '__class__', Base)
print(type(obj).__name__)
