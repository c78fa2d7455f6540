# Subclasses of built-in types whose instances used to be allocated
# without the attribute store their class layout promised (a segfault):
# metaclasses (instances are classes), enumerate/zip/map/filter/reversed,
# classmethod, staticmethod, super, property.

class M(type):
    pass

class A(metaclass=M):
    pass

print(dir(A)[:3])
print(type(A).__name__, isinstance(A, M), isinstance(A, type))
A.y = 3
print(A.y, vars(A)['y'], A.__dict__['y'])
del A.y
print(hasattr(A, 'y'))

class B(A):
    z = 1
print(type(B).__name__, dir(B)[-1], B.z)

class M2(M):
    def hello(cls):
        return 'hello from ' + cls.__name__
class C(metaclass=M2):
    pass
print(C.hello(), dir(C)[:2], 'hello' in dir(C), 'hello' in dir(M2))
C.attr = [1, 2]
print(C.attr, C.__dict__['attr'])

class E(enumerate):
    pass
e = E('ab', 5)
e.note = 'n'
print(e.note, list(e), e.__dict__)

class Z(zip):
    pass
z = Z([1, 2], 'xy')
z.tag = 1
print(z.tag, list(z))

class Mp(map):
    pass
m = Mp(abs, [-1, -2])
m.k = 2
print(m.k, list(m))

class F(filter):
    pass
f = F(None, [0, 1, 2])
f.k = 3
print(f.k, list(f))

class R(reversed):
    pass
r = R('abc')
r.k = 4
print(r.k, list(r), vars(r))

class SM(staticmethod):
    pass
s = SM(len)
s.x = 1
print(s.x, s.__func__ is len, vars(s)['x'])

class CM(classmethod):
    pass
c = CM(len)
c.x = 2
print(c.x, c.__func__ is len)

class P(property):
    pass
p = P(lambda self: 42)
p.extra = 'e'
print(p.extra)

class Sup(super):
    pass
class Base:
    def f(self):
        return 'Base.f'
class Derived(Base):
    def f(self):
        return 'Derived.f'
sp = Sup(Derived, Derived())
sp.x = 5
print(sp.x, sp.f())

# Many of them, so a collection runs while they are alive.
keep = []
for i in range(200):
    o = E([i])
    o.i = i
    keep.append(o)
    k = M('K%d' % i, (), {'i': i})
    k.j = i * 2
    keep.append(k)
print(sum(o.i for o in keep[::2]), sum(k.j for k in keep[1::2]))
