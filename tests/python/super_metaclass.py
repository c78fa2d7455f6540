# super() inside metaclasses and class-creation hooks: in metaclass
# __new__/__init__/__call__/__prepare__, in classmethods of the metaclass,
# in __new__ of ordinary classes, in __init_subclass__ chains, in
# properties and in __getattr__.

trail = []

class MetaBase(type):
    def __new__(mcls, name, bases, ns, **kw):
        trail.append('MetaBase.__new__ ' + name)
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        trail.append('MetaBase.__init__ ' + name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        trail.append('MetaBase.__call__ ' + cls.__name__)
        return super().__call__(*a, **k)
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        trail.append('MetaBase.__prepare__ ' + name)
        return super().__prepare__(name, bases)
    def meta_method(cls):
        return 'MetaBase.meta_method(%s)' % cls.__name__

class MetaDerived(MetaBase):
    def __new__(mcls, name, bases, ns, **kw):
        trail.append('MetaDerived.__new__ ' + name)
        return super().__new__(mcls, name, bases, ns, **kw)
    def meta_method(cls):
        return 'MetaDerived>' + super().meta_method()
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        ns = super().__prepare__(name, bases, **kw)
        ns['prepared_by'] = mcls.__name__
        return ns

class Thing(metaclass=MetaDerived, option=1):
    def __new__(cls, *a):
        trail.append('Thing.__new__')
        return super().__new__(cls)
    def __init__(self, v):
        trail.append('Thing.__init__')
        super().__init__()
        self.v = v

t = Thing(5)
for line in trail:
    print(line)
print(t.v, Thing.prepared_by, Thing.meta_method())

# super() in a class method of the metaclass and of the class.
class M2(type):
    @classmethod
    def create(mcls, name):
        return super().__new__(mcls, name, (), {})
print(M2.create('Made').__name__, type(M2.create('X')).__name__)

# super() with a property and __getattr__.
class Base:
    @property
    def value(self):
        return 'base value'
    def __getattr__(self, name):
        return 'Base.__getattr__ ' + name
class Child(Base):
    @property
    def value(self):
        return 'child sees ' + super().value
    def __getattr__(self, name):
        if name == 'special':
            return 'Child special'
        return super().__getattr__(name)
c = Child()
print(c.value, c.special, c.other)
try:
    super(Child, c).nonexistent
except AttributeError as e:
    print('AttributeError:', e)

# super() in __init_subclass__ reaching object's, and in __class_getitem__.
class Root:
    def __init_subclass__(cls, **kw):
        cls.root_seen = True
        super().__init_subclass__(**kw)
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
class Mid(Root):
    def __init_subclass__(cls, **kw):
        cls.mid_seen = True
        super().__init_subclass__(**kw)
    def __class_getitem__(cls, item):
        return ('Mid', super().__class_getitem__(item))
class Leaf(Mid):
    pass
print(Leaf.root_seen, Leaf.mid_seen, Leaf[int], Root[str])

# super() in a method of a class created by type() cannot use the
# zero-argument form (no __class__ cell); the explicit form works.
def explicit(self):
    return 'explicit>' + super(Dyn, self).who()
def zero(self):
    return super().who()
class WhoBase:
    def who(self):
        return 'WhoBase'
Dyn = type('Dyn', (WhoBase,), {'explicit': explicit, 'zero': zero})
print(Dyn().explicit())
try:
    Dyn().zero()
except RuntimeError as e:
    print('RuntimeError:', e)

# __class__ cell is the class even when the name is rebound.
class Original:
    def cls(self):
        return __class__
    def sup(self):
        return super().__repr__
Alias = Original
Original = None
print(Alias().cls() is Alias, Alias().cls().__name__, type(Alias().sup()).__name__)
