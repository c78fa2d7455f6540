# Abstract classes without the abc module: __abstractmethods__ set on a
# class blocks instantiation with CPython's message (sorted names, plural
# rules), clearing it allows it again; __isabstractmethod__ on functions,
# properties, classmethod/staticmethod; a hand-written ABCMeta-like
# metaclass computing the abstract set.

class Shape:
    pass
Shape.__abstractmethods__ = frozenset({'area', 'perimeter'})
try:
    Shape()
except TypeError as e:
    print('TypeError:', e)
Shape.__abstractmethods__ = frozenset({'area'})
try:
    Shape()
except TypeError as e:
    print('TypeError:', e)
Shape.__abstractmethods__ = frozenset()
print(type(Shape()).__name__)
Shape.__abstractmethods__ = ['z', 'a']
try:
    Shape()
except TypeError as e:
    print('TypeError:', e)
del Shape.__abstractmethods__
print(type(Shape()).__name__)
try:
    del Shape.__abstractmethods__
except AttributeError as e:
    print('AttributeError:', e)
try:
    type.__abstractmethods__
except AttributeError as e:
    print('AttributeError:', e)
try:
    int.__abstractmethods__
except AttributeError as e:
    print('AttributeError:', e)
print(Shape.__dict__.get('__abstractmethods__', 'absent'))

def abstract(f):
    f.__isabstractmethod__ = True
    return f

class MiniABCMeta(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        abstracts = {n for n, v in ns.items() if getattr(v, '__isabstractmethod__', False)}
        for base in bases:
            for n in getattr(base, '__abstractmethods__', ()):
                if getattr(getattr(cls, n, None), '__isabstractmethod__', False):
                    abstracts.add(n)
        cls.__abstractmethods__ = frozenset(abstracts)
        return cls

class Base(metaclass=MiniABCMeta):
    @abstract
    def run(self):
        pass
    @property
    @abstract
    def name(self):
        pass
    @classmethod
    @abstract
    def make(cls):
        pass
    def concrete(self):
        return 'concrete'

print(sorted(Base.__abstractmethods__))
try:
    Base()
except TypeError as e:
    print('TypeError:', e)
class Half(Base):
    def run(self):
        return 'ran'
try:
    Half()
except TypeError as e:
    print('TypeError:', e)
class Full(Half):
    @property
    def name(self):
        return 'full'
    @classmethod
    def make(cls):
        return cls()
f = Full.make()
print(f.run(), f.name, f.concrete(), sorted(Full.__abstractmethods__))
print(Base.__dict__['name'].__isabstractmethod__, Full.__dict__['name'].__isabstractmethod__)
print(Base.__dict__['make'].__isabstractmethod__, staticmethod(abstract(lambda: 0)).__isabstractmethod__)

# Abstractness checks come before __init__ and after __new__ lookup.
class Counted:
    made = 0
    def __new__(cls):
        Counted.made += 1
        return super().__new__(cls)
Counted.__abstractmethods__ = frozenset({'x'})
try:
    Counted()
except TypeError as e:
    print('TypeError:', e, Counted.made)
