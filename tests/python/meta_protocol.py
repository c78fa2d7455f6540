# Metaclasses: __new__, __init__, __prepare__ (ordered and custom
# namespaces), __call__ (instance creation control), keyword arguments
# reaching every stage, and the order in which they run.

log = []

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        log.append(('prepare', mcls.__name__, name, [b.__name__ for b in bases], sorted(kw)))
        return {'injected': 'by prepare'}

    def __new__(mcls, name, bases, ns, **kw):
        log.append(('new', name, sorted(k for k in ns if not k.startswith('__')), sorted(kw)))
        cls = super().__new__(mcls, name, bases, ns)
        cls.created_by = mcls.__name__
        return cls

    def __init__(cls, name, bases, ns, **kw):
        log.append(('init', name, sorted(kw)))
        super().__init__(name, bases, ns)

    def __call__(cls, *args, **kwargs):
        log.append(('call', cls.__name__, args, sorted(kwargs)))
        inst = super().__call__(*args, **kwargs)
        inst.made_by_meta = True
        return inst

class Base(metaclass=Meta, flavor='vanilla'):
    x = 1
    def __init_subclass__(cls, **kw):
        log.append(('init_subclass', cls.__name__, sorted(kw)))
    def __init__(self, v=0):
        self.v = v

class Derived(Base, flavor='chocolate', size=3):
    y = 2

d = Derived(5)
for entry in log:
    print(entry)
print(d.v, d.made_by_meta, Derived.injected, Derived.created_by, type(Derived).__name__)
print(Base.x, Derived.x, Derived.y)

# __prepare__ returning a custom mapping that records definition order
# and duplicate definitions.
class Recorder(dict):
    def __init__(self):
        super().__init__()
        self.order = []
    def __setitem__(self, key, value):
        if key in self and not key.startswith('__'):
            self.order.append('dup:' + key)
        else:
            self.order.append(key)
        super().__setitem__(key, value)

class OrderMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Recorder()
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.order = [k for k in ns.order if not k.startswith('__')]
        return cls

class Ordered(metaclass=OrderMeta):
    b = 1
    a = 2
    def m(self):
        pass
    b = 3
print(Ordered.order, Ordered.b)

# A __prepare__ namespace lookups go through (class body name lookups).
class Defaulting(dict):
    def __missing__(self, key):
        if key.startswith('auto_'):
            return key.upper()
        raise KeyError(key)
class AutoMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Defaulting()
    def __new__(mcls, name, bases, ns):
        return super().__new__(mcls, name, bases, dict(ns))
class Auto(metaclass=AutoMeta):
    value = auto_thing
    total = len(auto_xy)
print(Auto.value, Auto.total)

# __call__ can return anything; __init__ only runs for instances of the class.
class Singleton(type):
    _instances = {}
    def __call__(cls, *a):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*a)
        return cls._instances[cls]
class Config(metaclass=Singleton):
    def __init__(self, name='default'):
        self.name = name
c1 = Config('first')
c2 = Config('second')
print(c1 is c2, c1.name)

class NotAnInstance:
    def __new__(cls):
        return 42
    def __init__(self):
        print('never printed')
print(NotAnInstance())

class SubInstance:
    def __new__(cls, *a):
        return super().__new__(Other)
    def __init__(self, *a):
        print('never either')
class Other(SubInstance):
    def __init__(self, *a):
        print('Other.__init__ skipped too')
print(type(SubInstance(1)).__name__)

class Returning(type):
    def __new__(mcls, name, bases, ns):
        return 'not a class'
class Weird(metaclass=Returning):
    pass
print(Weird)

# A plain function as the metaclass.
def factory(name, bases, ns, **kw):
    print('factory', name, bases, sorted(k for k in ns if not k.startswith('__')), kw)
    return (name, len(ns))
class Made(metaclass=factory, extra=1):
    a = 1
print(Made)

# type(name, bases, dict) and type.__new__ with keywords.
T = type('T', (Base,), {'z': 26}, flavor='strawberry')
print(type(T).__name__, T.z, T.created_by, log[-2:])
class KwMeta(type):
    def __new__(mcls, name, bases, ns, **kw):
        cls = type.__new__(mcls, name, bases, ns)
        cls.kw = kw
        return cls
    def __init__(cls, *a, **kw):
        pass
K = KwMeta('K', (), {}, alpha=1, beta=2)
print(sorted(K.kw.items()))
try:
    type('Bad', (), {}, unexpected=1)
except TypeError as e:
    print('TypeError:', e)
try:
    type.__new__(KwMeta, 'X', (), {}, q=1)
except TypeError as e:
    print('TypeError:', e)
