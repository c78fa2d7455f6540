# __init_subclass__ (implicit classmethod, keyword arguments, chains via
# super(), errors), __class_getitem__ (implicit classmethod, with
# metaclass __getitem__ precedence), and __mro_entries__ (PEP 560).

class Plugin:
    registry = {}
    def __init_subclass__(cls, /, name=None, priority=0, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        cls.priority = priority
        Plugin.registry[cls.plugin_name] = cls

class Alpha(Plugin):
    pass
class Beta(Plugin, name='b', priority=5):
    pass
class Gamma(Beta):
    pass
print(sorted((k, v.__name__, v.priority) for k, v in Plugin.registry.items()))
print(type(Plugin.__dict__['__init_subclass__']).__name__, Plugin.plugin_name if hasattr(Plugin, 'plugin_name') else 'base not registered')
try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print('TypeError:', e)
try:
    class Bad2(object, unknown=1):
        pass
except TypeError as e:
    print('TypeError:', e)
try:
    class Bad3(Plugin, 5):
        pass
except TypeError as e:
    print('TypeError:', e)

# The hook runs on the parent, after the class is complete; the class
# body's own __init_subclass__ applies to its subclasses only.
order = []
class Base:
    def __init_subclass__(cls, **kw):
        order.append(('Base hook for', cls.__name__, sorted(cls.__dict__.keys() - {'__module__', '__qualname__', '__doc__'})))
class Mid(Base):
    x = 1
    def __init_subclass__(cls, **kw):
        order.append(('Mid hook for', cls.__name__))
        super().__init_subclass__(**kw)
class Leaf(Mid):
    y = 2
for o in order:
    print(o)

# An explicit classmethod decorator works too; a staticmethod gets no cls.
class Explicit:
    @classmethod
    def __init_subclass__(cls, **kw):
        cls.flag = 'explicit'
class ExplicitChild(Explicit):
    pass
print(ExplicitChild.flag)

# __init_subclass__ receives keywords given to type() as well.
Dyn = type('Dyn', (Plugin,), {}, name='dynamic', priority=9)
print(Dyn.plugin_name, Dyn.priority, 'dynamic' in Plugin.registry)

# __class_getitem__.
class Box:
    def __class_getitem__(cls, item):
        return ('Box of', cls.__name__, item)
class SubBox(Box):
    pass
print(Box[int], SubBox[str, 1], type(Box.__dict__['__class_getitem__']).__name__)
try:
    Box()[0]
except TypeError as e:
    print('TypeError:', e)
class MetaGetitem(type):
    def __getitem__(cls, item):
        return 'metaclass wins'
class Both(metaclass=MetaGetitem):
    def __class_getitem__(cls, item):
        return 'class_getitem'
print(Both[0])
try:
    object[int]
except TypeError as e:
    print('TypeError:', e)
class NotCallableCG:
    __class_getitem__ = 5
try:
    NotCallableCG[0]
except TypeError as e:
    print('TypeError:', e)

# __mro_entries__.
class Real1:
    pass
class Real2:
    pass
class Alias:
    def __init__(self, *targets):
        self.targets = targets
    def __mro_entries__(self, bases):
        print('mro_entries called with', len(bases), 'bases')
        return self.targets
a = Alias(Real1, Real2)
class UsesAlias(a):
    pass
print([c.__name__ for c in UsesAlias.__mro__], UsesAlias.__bases__ == (Real1, Real2))
print(UsesAlias.__orig_bases__[0] is a, '__orig_bases__' in UsesAlias.__dict__)
class Mixed(Real2, Alias(Real1)):
    pass
print([c.__name__ for c in Mixed.__mro__])
class Nothing:
    def __mro_entries__(self, bases):
        return ()
class FromNothing(Nothing()):
    pass
print(FromNothing.__bases__, FromNothing.__orig_bases__[0].__class__.__name__)
class BadEntries:
    def __mro_entries__(self, bases):
        return [Real1]
try:
    class UsesBad(BadEntries()):
        pass
except TypeError as e:
    print('TypeError:', e)
try:
    type('T', (Alias(Real1),), {})
except TypeError as e:
    print('TypeError:', e)
class NotABase:
    pass
try:
    class UsesInstance(NotABase()):
        pass
except TypeError as e:
    print('TypeError:', e)
print('no __orig_bases__' if '__orig_bases__' not in Real1.__dict__ else 'has')
