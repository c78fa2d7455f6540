# __slots__ with inheritance: subclasses adding slots or a __dict__,
# multiple inheritance and lay-out conflicts, slots on subclasses of
# built-ins, __class__ assignment between slotted classes.

class Base:
    __slots__ = ('a',)
class Child(Base):
    __slots__ = ('b',)
class Free(Base):
    pass
class Grand(Child):
    __slots__ = ()

c = Child()
c.a, c.b = 1, 2
print(c.a, c.b, hasattr(c, '__dict__'))
f = Free()
f.a = 1
f.z = 26
print(f.a, f.z, f.__dict__, sorted(vars(f)))
g = Grand()
g.a, g.b = 'x', 'y'
print(g.a, g.b)
try:
    g.c = 1
except AttributeError as e:
    print('AttributeError:', e)
print([k for k in Child.__dict__], [k for k in Free.__dict__], [k for k in Grand.__dict__])
print(Child.b.__objclass__.__name__, Child.a.__objclass__.__name__, Grand.a is Base.a)

# Redefining a base's slot in a subclass makes a second member.
class Again(Base):
    __slots__ = ('a',)
ag = Again()
ag.a = 'mine'
print(ag.a, Base.a.__get__(ag, Base) if False else 'skip', Again.a is Base.a)
Base.a.__set__(ag, 'base')
print(ag.a, Base.a.__get__(ag))

# Multiple inheritance: at most one base may add members.
class E1:
    __slots__ = ('e1',)
class E2:
    __slots__ = ('e2',)
class Empty:
    __slots__ = ()
class Plain:
    pass
def attempt(name, *bases):
    try:
        t = type(name, bases, {})
        print(name, 'ok', [b.__name__ for b in t.__mro__])
    except TypeError as e:
        print(name, 'TypeError:', e)
attempt('M1', E1, E2)
attempt('M2', E1, Empty)
attempt('M3', Empty, E1)
attempt('M4', E1, Plain)
attempt('M5', Plain, E1)
attempt('M6', Child, E1)
attempt('M7', Child, Base)
attempt('M8', E1, list)
attempt('M9', dict, list)
attempt('M10', int, str)
attempt('M11', Empty, int)

m3 = type('M3', (Empty, E1), {})()
m3.e1 = 3
m3.other = 4
print(m3.e1, m3.__dict__)

# Slots on subclasses of built-in types.
class SL(list):
    __slots__ = ('tag',)
sl = SL([3, 1, 2])
sl.tag = 'sorted'
sl.sort()
print(sl, sl.tag, len(sl))
try:
    sl.other = 1
except AttributeError as e:
    print('AttributeError:', e)
class SD(dict):
    __slots__ = ('default',)
sd = SD(a=1)
sd.default = 0
print(sd, sd.default)
class SF(float):
    __slots__ = ('unit',)
sf = SF(2.5)
sf.unit = 'm'
print(sf + 1, sf.unit)
class ST(tuple):
    __slots__ = ()
print(ST((1, 2)), hasattr(ST((1,)), '__dict__'))
class SI(int):
    pass
si = SI(5)
si.note = 'five'
print(si, si.note, si.__dict__)

# __class__ assignment between slotted classes.
class S1:
    __slots__ = ('a', 'b')
class S2:
    __slots__ = ('a', 'b')
    def total(self):
        return self.a + self.b
class S3:
    __slots__ = ('b', 'a')
class S4:
    __slots__ = ('a',)
s = S1()
s.a, s.b = 1, 2
s.__class__ = S2
print(type(s).__name__, s.total())
s.__class__ = S3
print(type(s).__name__, s.a, s.b)
for target in (S4, Plain, Base):
    try:
        s.__class__ = target
    except TypeError as e:
        print('TypeError:', e)
p = Plain()
class Plain2:
    pass
p.__class__ = Plain2
print(type(p).__name__)
try:
    p.__class__ = S1
except TypeError as e:
    print('TypeError:', e)
try:
    p.__class__ = 5
except TypeError as e:
    print('TypeError:', e)
try:
    p.__class__ = int
except TypeError as e:
    print('TypeError:', e)
try:
    (1).__class__ = SI
except TypeError as e:
    print('TypeError:', e)
class L2(list):
    pass
l = L2()
class L3(list):
    pass
l.__class__ = L3
print(type(l).__name__)
try:
    l.__class__ = SL
except TypeError as e:
    print('TypeError:', e)
