# Descriptor patterns: a lazy non-data descriptor that caches into the
# instance __dict__ (later reads skip it), a typed data descriptor with
# validation, a descriptor keyed per instance in its own dict, a
# read-only data descriptor (__set__ raising), class-level access
# returning the descriptor, and descriptors on slotted classes.

calls = []

class lazy:
    def __init__(self, func):
        self.func = func
        self.name = func.__name__
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        calls.append(self.name)
        value = self.func(obj)
        obj.__dict__[self.name] = value
        return value

class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.private = '_typed_' + name
        self.public = name
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        try:
            return getattr(obj, self.private)
        except AttributeError:
            raise AttributeError('%s not set' % self.public) from None
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError('%s must be %s, not %s' % (self.public, self.kind.__name__, type(value).__name__))
        setattr(obj, self.private, value)
    def __delete__(self, obj):
        delattr(obj, self.private)

class ReadOnly:
    def __init__(self, value):
        self.value = value
    def __get__(self, obj, owner=None):
        return self.value
    def __set__(self, obj, value):
        raise AttributeError('read-only')

class PerInstance:
    def __init__(self):
        self.values = {}
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return self.values.get(id(obj), 'unset')
    def __set__(self, obj, value):
        self.values[id(obj)] = value

class Record:
    name = Typed(str)
    age = Typed(int)
    version = ReadOnly(3)
    tag = PerInstance()
    @lazy
    def expensive(self):
        return sum(range(100))
    def __init__(self, name, age):
        self.name = name
        self.age = age

r = Record('ann', 30)
print(r.name, r.age, r.version, r.tag, r.expensive, r.expensive, calls)
print(sorted(vars(r)))
for attr, val in (('age', 'old'), ('name', 5)):
    try:
        setattr(r, attr, val)
    except TypeError as e:
        print('TypeError:', e)
try:
    r.version = 4
except AttributeError as e:
    print('AttributeError:', e)
del r.age
try:
    r.age
except AttributeError as e:
    print('AttributeError:', e)
r.tag = 'mine'
other = Record('bob', 1)
print(r.tag, other.tag)
print(type(Record.name).__name__, type(Record.expensive).__name__, Record.version)
del r.__dict__['expensive']
print(r.expensive, calls)
r.__dict__['version'] = 'ignored'
print(r.version)
r.__dict__['expensive'] = 'overridden in dict'
print(r.expensive)

# On a slotted class, the lazy descriptor cannot cache (no __dict__).
class SlottedRecord:
    __slots__ = ('_typed_n',)
    n = Typed(float)
    @lazy
    def computed(self):
        return 'computed'
sr = SlottedRecord()
sr.n = 1.5
print(sr.n)
try:
    sr.computed
except AttributeError as e:
    print('AttributeError:', e)
try:
    sr.n = 1
except TypeError as e:
    print('TypeError:', e)

# Descriptors inherited and overridden.
class Sub(Record):
    age = ReadOnly(99)
s = Sub('x', 0) if False else Sub.__new__(Sub)
s.name = 'sub'
print(s.name, s.age)
try:
    Sub('y', 5)
except AttributeError as e:
    print('AttributeError:', e)
