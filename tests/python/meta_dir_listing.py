# dir(): of instances (instance dict + class + bases, sorted, no
# duplicates), of classes (not including the metaclass's attributes), of
# metaclasses, of slotted instances, with __dir__ overrides on instances
# and metaclasses, and the errors when __dict__ is not a dict.

class Base:
    base_attr = 1
    def base_method(self):
        pass
class Child(Base):
    child_attr = 2
    def __init__(self):
        self.inst_attr = 3

c = Child()
d = dir(c)
print(d == sorted(d), len(d) == len(set(d)))
print([n for n in d if not n.startswith('__')])
print('__init__' in d, '__dict__' in d, '__weakref__' in d, '__class__' in d, '__module__' in d)

class Meta(type):
    meta_attr = 'm'
    def meta_method(cls):
        pass
class WithMeta(Child, metaclass=Meta):
    own = 1
dc = dir(WithMeta)
print([n for n in dc if not n.startswith('__')], 'meta_attr' in dc, 'mro' in dc)
dm = dir(Meta)
print('meta_attr' in dm, 'meta_method' in dm, 'mro' in dm, '__call__' in dm, '__prepare__' in dm)
print([n for n in dir(type) if not n.startswith('__')])

# Slotted instances list their slots (set or not).
class Slotted:
    __slots__ = ('a', 'b')
s = Slotted()
s.a = 1
print([n for n in dir(s) if not n.startswith('__')], '__slots__' in dir(s), '__dict__' in dir(s))

# __dir__ overrides.
class Custom:
    def __dir__(self):
        return ['b', 'a', 'c', 'a']
print(dir(Custom()))
class CustomMeta(type):
    def __dir__(cls):
        return ('only', 'these')
class UsesCustomMeta(metaclass=CustomMeta):
    x = 1
print(dir(UsesCustomMeta), 'x' in dir(UsesCustomMeta()))
class GenDir:
    def __dir__(self):
        return (x for x in 'zyx')
print(dir(GenDir()))
class BadDir:
    def __dir__(self):
        return 42
try:
    dir(BadDir())
except TypeError as e:
    print('TypeError:', e)
class NoneDir:
    __dir__ = None
try:
    dir(NoneDir())
except TypeError as e:
    print('TypeError:', e)

# object.__dir__ and type.__dir__ called directly.
print(sorted(object.__dir__(c)) == d, sorted(type.__dir__(WithMeta)) == dc)
print('inst_attr' in object.__dir__(c), 'inst_attr' in type.__dir__(Child))

# dir() of built-ins and of values.
for v in (1, 'x', [], {}, None, len, int):
    names = dir(v)
    print(type(v).__name__, names == sorted(names), len(names) > 10, '__class__' in names)
print([n for n in dir(1) if not n.startswith('_')][:6])
print(dir()[:3] if False else sorted(dir())[:2])
def local_scope():
    a = 1
    b = 2
    return dir()
print(local_scope())
