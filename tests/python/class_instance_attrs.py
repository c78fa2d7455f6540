# Instance attributes: many attributes, insertion order, deletion and
# re-adding, __dict__ views staying in sync with attribute access,
# instances of the same class with different attribute sets, attributes
# named like dunders, non-identifier names via setattr/getattr, and
# attributes on instances of built-in subclasses.

class Bag:
    pass

b = Bag()
for i in range(40):
    setattr(b, 'attr%d' % i, i * i)
print(len(vars(b)), b.attr39, list(vars(b))[:3], sum(vars(b).values()))
for i in range(0, 40, 2):
    delattr(b, 'attr%d' % i)
print(len(vars(b)), list(vars(b))[:3], hasattr(b, 'attr0'), b.attr1)
b.attr0 = 'back'
print(list(vars(b))[-1], b.attr0)

# Same class, different shapes.
x, y = Bag(), Bag()
x.a, x.b = 1, 2
y.b, y.a = 3, 4
print(vars(x), vars(y), x.a + y.a, x.b + y.b)
y.c = 5
del x.a
print(vars(x), vars(y))

# The __dict__ is the live store.
d = x.__dict__
x.new = 'via attribute'
d['other'] = 'via dict'
print(d, x.other, 'new' in d)
del d['new']
print(hasattr(x, 'new'))
d.clear()
print(vars(x), hasattr(x, 'b'))
d.update(k=1)
print(x.k)

# Names that are not identifiers, and dunder-like names.
setattr(b, 'not an identifier', 1)
setattr(b, '', 'empty')
setattr(b, '__custom__', 'dunder-ish')
print(getattr(b, 'not an identifier'), getattr(b, ''), b.__custom__, '__custom__' in vars(b))
class StrSub(str):
    pass
setattr(b, StrSub('subkey'), 'from str subclass')
print(b.subkey)
try:
    setattr(b, 5, 1)
except TypeError as e:
    print('TypeError:', e)
try:
    getattr(b, 5)
except TypeError as e:
    print('TypeError:', e)
try:
    delattr(b, 'nope')
except AttributeError as e:
    print('AttributeError:', e)
print(getattr(b, 'nope', 'default'))

# Attributes vs class attributes.
class WithClassAttr:
    shared = []
    count = 0
w1, w2 = WithClassAttr(), WithClassAttr()
w1.shared.append(1)
w1.count += 1
print(w2.shared, w1.count, w2.count, WithClassAttr.count, 'count' in vars(w1), 'shared' in vars(w1))
del w1.count
print(w1.count)
try:
    del w1.count
except AttributeError as e:
    print('AttributeError:', e)

# Built-in subclass instances carry attributes too.
class Num(int):
    pass
class Text(str):
    pass
class Pair(tuple):
    pass
class Seq(list):
    pass
class Map(dict):
    pass
class Real(float):
    pass
for cls, arg in ((Num, 5), (Text, 'hi'), (Pair, (1, 2)), (Seq, [1]), (Map, {'a': 1}), (Real, 1.5)):
    o = cls(arg)
    o.label = cls.__name__
    o.extra = [o.label]
    print(o, o.label, o.extra, vars(o))
t = Text('abc')
t.x = 1
print(t.upper(), t + 'd', type(t + 'd').__name__, t.x, len(t))
p = Pair((1, 2, 3))
p.meta = 'm'
print(p[1], len(p), p.meta, p.count(1))

# Many instances, attributes added in loops, under memory pressure.
objs = []
for i in range(200):
    o = Bag()
    o.i = i
    o.sq = i * i
    if i % 3 == 0:
        o.third = True
    objs.append(o)
print(sum(o.sq for o in objs), sum(1 for o in objs if hasattr(o, 'third')), objs[99].i)
