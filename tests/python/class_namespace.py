# Class namespaces: __dict__ (a mappingproxy), its order and contents,
# __qualname__, __module__, __doc__, __annotations__, __name__ and
# __qualname__ assignment, and instance __dict__ behaviour.

class Outer:
    """Outer doc."""
    a: int = 1
    b: 'str'
    def method(self):
        pass
    class Inner:
        def deep(self):
            class Local:
                pass
            return Local

print([k for k in Outer.__dict__])
print(type(Outer.__dict__).__name__, Outer.__dict__['a'], 'b' in Outer.__dict__, len(Outer.__dict__) > 3)
print(Outer.__qualname__, Outer.Inner.__qualname__, Outer.Inner().deep().__qualname__, Outer.Inner.deep.__qualname__)
print(Outer.__module__, Outer.__doc__, Outer.Inner.__doc__, Outer.__annotations__)
print(Outer.__name__, Outer.Inner.__name__)

# mappingproxy is read-only and live.
proxy = Outer.__dict__
try:
    proxy['x'] = 1
except TypeError as e:
    print('TypeError:', e)
try:
    del proxy['a']
except TypeError as e:
    print('TypeError:', e)
Outer.x = 10
print(proxy['x'], 'x' in proxy, proxy.get('x'), proxy.get('missing', 'dflt'))
del Outer.x
print('x' in proxy)
print(sorted(proxy.keys())[:3], type(proxy.copy()).__name__, str(proxy) == str(dict(proxy)))
print(repr(type(proxy)), type(proxy).__module__ if hasattr(type(proxy), '__module__') else '')
MP = type(proxy)
p2 = MP({'k': 'v'})
print(p2, p2['k'], list(p2), len(p2), p2 | {'j': 1}, {'j': 1} | p2, p2 == {'k': 'v'})
for bad in ([1, 2], 5, (1,)):
    try:
        MP(bad)
    except TypeError as e:
        print('TypeError:', e)
try:
    p2 |= {}
except TypeError as e:
    print('TypeError:', e)
try:
    hash(p2)
except TypeError as e:
    print('TypeError:', e)
try:
    Outer.__dict__ = {}
except AttributeError as e:
    print('AttributeError:', e)
print(list(reversed(MP({'a': 1, 'b': 2}))), list(MP({'a': 1}).items()), list(MP({'a': 1}).values()))

# __dict__ of built-in types is a proxy too.
print(type(int.__dict__).__name__, 'bit_length' in int.__dict__, '__add__' in int.__dict__)
try:
    int.__dict__['x'] = 1
except TypeError as e:
    print('TypeError:', e)

# Setting __name__, __qualname__, __doc__, __module__.
class Renamed:
    pass
Renamed.__name__ = 'NewName'
Renamed.__qualname__ = 'Some.NewName'
Renamed.__module__ = 'elsewhere'
Renamed.__doc__ = 'now documented'
print(Renamed.__name__, Renamed.__qualname__, Renamed.__module__, Renamed.__doc__, repr(Renamed))
for attr, val in (('__name__', 5), ('__qualname__', None)):
    try:
        setattr(Renamed, attr, val)
    except TypeError as e:
        print('TypeError:', e)
for attr in ('__name__', '__qualname__'):
    try:
        delattr(Renamed, attr)
    except TypeError as e:
        print('TypeError:', e)
try:
    int.__name__ = 'integer'
except TypeError as e:
    print('TypeError:', e)
try:
    int.__doc__ = 'x'
except TypeError as e:
    print('TypeError:', e)
try:
    int.new_attr = 1
except TypeError as e:
    print('TypeError:', e)
try:
    object.__setattr__(int, 'x', 1)
except TypeError as e:
    print('TypeError:', e)
try:
    type.__setattr__(int, 'x', 1)
except TypeError as e:
    print('TypeError:', e)
try:
    del int.bit_length
except TypeError as e:
    print('TypeError:', e)

# __annotations__ of classes.
class NoAnn:
    pass
print(NoAnn.__annotations__, 'annotations' if '__annotations__' in NoAnn.__dict__ else 'lazy')
class Sub(Outer):
    c: float
print(Sub.__annotations__, Outer.__annotations__)
NoAnn.__annotations__ = {'q': int}
print(NoAnn.__annotations__)
del NoAnn.__annotations__
print(NoAnn.__annotations__)

# Instance __dict__.
class Bag:
    def __init__(self):
        self.a = 1
        self.b = 2
bag = Bag()
d = bag.__dict__
print(d, d is bag.__dict__, vars(bag) is d)
d['c'] = 3
print(bag.c)
del bag.a
print(d)
bag.__dict__ = {'fresh': True}
print(bag.fresh, hasattr(bag, 'b'), vars(bag))
newd = {'x': 1}
bag.__dict__ = newd
newd['y'] = 2
print(bag.y, bag.__dict__ is newd)
try:
    bag.__dict__ = []
except TypeError as e:
    print('TypeError:', e)
try:
    del bag.__dict__
except TypeError as e:
    print('TypeError:', e)
class DictSub(dict):
    pass
bag.__dict__ = DictSub(z=26)
print(bag.z, type(bag.__dict__).__name__)
print(vars(Bag) is not None, type(vars(Bag)).__name__)
try:
    vars(5)
except TypeError as e:
    print('TypeError:', e)
