# Subclasses of complex: instance attributes, __slots__ members, __class__
# assignment between compatible layouts (the attribute store appended to a
# complex), and arithmetic results staying plain complex.
import gc

class D(complex):
    pass

class E(complex):
    pass

class S(complex):
    __slots__ = ('a', 'b')

class T(complex):
    __slots__ = ('a', 'b')

d = D(3, -1)
d.x = [1, 2]
d.y = 'why'
print(d, d.x, d.y, sorted(d.__dict__))
d.__class__ = E
print(type(d).__name__, d.x, d.real, d.imag)

s = S('1+2j')
s.a = {'k': 1}
print(s, s.a, hasattr(s, 'b'), hasattr(s, '__dict__'))
try:
    s.z = 1
except AttributeError as e:
    print('AttributeError:', e)
try:
    del s.b
except AttributeError as e:
    print('AttributeError:', e)
s.__class__ = T
print(type(s).__name__, s.a)
for target in (D, complex):
    try:
        s.__class__ = target
    except TypeError as e:
        print('TypeError:', e)

many = []
for i in range(200):
    v = S(i, -i)
    v.a = [i] * 3
    v.b = str(i)
    w = D(i)
    w.tag = (i, str(i))
    many.append((v, w))
gc.collect()
print(sum(v.a[0] + int(v.b) + w.tag[0] for v, w in many))
print(many[7][0], many[7][1])

for r in (s + 1, -s, s * s, s.conjugate(), complex(s), d ** 2):
    print(r, type(r).__name__)
print(S(2, 3) == complex(2, 3), hash(S(2, 0)) == hash(2))
