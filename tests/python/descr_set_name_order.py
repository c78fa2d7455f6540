# __set_name__ details: called in namespace order after the class object
# exists (but before __init_subclass__), with the owner and the name it is
# bound to (including duplicates and private-name mangling), not for
# names added later or for values in nested containers; descriptors that
# use the name to store per-instance data.

events = []

class Field:
    def __init__(self, default=None):
        self.default = default
        self.name = None
    def __set_name__(self, owner, name):
        events.append(('set_name', owner.__name__, name, hasattr(owner, name)))
        self.name = name
        self.storage = '_' + name
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return getattr(obj, self.storage, self.default)
    def __set__(self, obj, value):
        setattr(obj, self.storage, value)

class Base:
    def __init_subclass__(cls, **kw):
        events.append(('init_subclass', cls.__name__))

class Model(Base):
    first = Field(1)
    second = Field('two')
    __private = Field('p')
    alias = first
    nested = [Field()]

for e in events:
    print(e)
m = Model()
print(m.first, m.second, m._Model__private, m.alias)
m.first = 10
print(m.first, m.alias, m._alias, vars(m))
print(Model.first.name, Model.alias.name, Model.nested[0].name)
Model.late = Field()
print(Model.late.name)
Model.late.__set_name__(Model, 'late')
m.late = 'now named'
print(m.late, m._late)

# type() calls __set_name__ too, for the final dict entries.
events.clear()
Dyn = type('Dyn', (), {'f': Field(0), 'g': Field(1)})
print(events)

# Metaclass-added attributes are named if they are in the namespace
# passed to type.__new__.
class AddingMeta(type):
    def __new__(mcls, name, bases, ns):
        ns['added'] = Field('added default')
        return super().__new__(mcls, name, bases, ns)
events.clear()
class WithMeta(metaclass=AddingMeta):
    own = Field()
print(events, WithMeta().added)

# __set_name__ looked up on the type, not the instance.
class InstanceHook:
    pass
ih = InstanceHook()
ih.__set_name__ = lambda owner, name: events.append('instance hook')
events.clear()
class UsesInstanceHook:
    x = ih
print(events)

# A class attribute whose __set_name__ is a staticmethod / classmethod.
class StaticHook:
    @staticmethod
    def __set_name__(owner, name):
        events.append(('static', owner.__name__, name))
class ClassHook:
    @classmethod
    def __set_name__(cls, owner, name):
        events.append(('classmethod', cls.__name__, owner.__name__, name))
events.clear()
class UsesHooks:
    s = StaticHook()
    c = ClassHook()
print(events)

# Descriptors on classes with __slots__.
class Slotted:
    __slots__ = ('_value',)
    value = Field()
    def __init__(self):
        self._value = 'slot storage'
sl = Slotted()
print(sl.value)
sl.value = 'updated'
print(sl.value, sl._value)
