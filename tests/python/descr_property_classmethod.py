# property, classmethod and staticmethod in full: accessors and their
# errors (named after the attribute), getter/setter/deleter copies and
# docstrings, property subclasses, __isabstractmethod__, __wrapped__ and
# the attributes classmethod/staticmethod copy from the function,
# chaining classmethod over property, and calling conventions.

class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        """Temperature in C."""
        return self._c
    @celsius.setter
    def celsius(self, v):
        if not isinstance(v, (int, float)):
            raise TypeError('number expected')
        self._c = v
    @celsius.deleter
    def celsius(self):
        self._c = None
    readonly = property(lambda self: 'ro')
    nothing = property()

t = Temp()
t.celsius = 25
print(t.celsius, Temp.celsius.__doc__, type(Temp.celsius).__name__)
del t.celsius
print(t.celsius)
try:
    t.celsius = 'hot'
except TypeError as e:
    print('TypeError:', e)
for action in ('set', 'del'):
    try:
        if action == 'set':
            t.readonly = 1
        else:
            del t.readonly
    except AttributeError as e:
        print('AttributeError:', e)
for action in ('get', 'set', 'del'):
    try:
        if action == 'get':
            t.nothing
        elif action == 'set':
            t.nothing = 1
        else:
            del t.nothing
    except AttributeError as e:
        print('AttributeError:', e)
anon = property()
try:
    anon.__get__(t, Temp)
except AttributeError as e:
    print('AttributeError:', e)
try:
    anon.__set__(t, 1)
except AttributeError as e:
    print('AttributeError:', e)
print(anon.__get__(None, Temp) is anon, Temp.readonly.fget(None), Temp.nothing.fget)

# getter/setter/deleter return new properties; None keeps the old one.
p = Temp.__dict__['celsius']
p2 = p.getter(lambda self: 'new getter')
print(p2 is p, p2.fset is p.fset, p2.fdel is p.fdel, p2.__doc__)
p3 = p.setter(None)
print(p3.fset is p.fset, p3.__doc__)
try:
    p.getter()
except TypeError as e:
    print('TypeError:', e)
try:
    property(1, 2, 3, 4, 5)
except TypeError as e:
    print('TypeError:', e)
try:
    property(fget=1).__get__(t)
except TypeError as e:
    print('TypeError:', e)
print(property(doc='explicit').__doc__, property(lambda s: 0, doc='given').__doc__)
def documented(self):
    """From the getter."""
print(property(documented).__doc__, property(documented).getter(lambda s: 1).__doc__)
print(property(documented, doc='kept').getter(lambda s: 1).__doc__)
pd = property(documented)
pd.__doc__ = 'assigned'
print(pd.__doc__)

# Property subclasses.
class CachedProp(property):
    """CachedProp class doc."""
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return ('cached', super().__get__(obj, owner))
class UsesCached:
    @CachedProp
    def val(self):
        """val doc"""
        return 7
print(UsesCached().val, UsesCached.val.__doc__, type(UsesCached.val).__name__)
class NoDocGetter(property):
    pass
print(NoDocGetter(lambda s: 1).__doc__, NoDocGetter(documented).__doc__)
nd = NoDocGetter(documented)
print(vars(nd))

# __set_name__ on properties names them in errors.
class Late:
    pass
lp = property(lambda self: 1)
Late.attr = lp
try:
    Late().attr = 5
except AttributeError as e:
    print('AttributeError:', e)
lp.__set_name__(Late, 'attr')
try:
    Late().attr = 5
except AttributeError as e:
    print('AttributeError:', e)

# classmethod and staticmethod objects.
def plain(x: int) -> str:
    """plain doc"""
    return x
cm = classmethod(plain)
sm = staticmethod(plain)
print(cm.__func__ is plain, cm.__wrapped__ is plain, sm.__func__ is plain, sm.__wrapped__ is plain)
print(list(vars(cm)), cm.__name__, cm.__qualname__, cm.__doc__, sm.__annotations__)
print(repr(classmethod(len)), repr(staticmethod(len)), list(vars(staticmethod(len))))
print(sm(5), callable(sm), callable(cm))
try:
    cm(5)
except TypeError as e:
    print('TypeError:', e)
sm.extra = 'x'
print(sm.extra, 'extra' in sm.__dict__)
del sm.__name__
try:
    sm.__name__
except AttributeError as e:
    print('AttributeError:', e)
for attr in ('__func__', '__wrapped__', '__isabstractmethod__'):
    try:
        setattr(cm, attr, 1)
    except AttributeError as e:
        print('AttributeError:', e)
for args, kw in (((), {}), ((1, 2), {}), ((), {'f': 1})):
    for kind in (classmethod, staticmethod):
        try:
            kind(*args, **kw)
        except TypeError as e:
            print('TypeError:', e)
print(cm.__get__(None, int)(1) if False else type(cm.__get__(None, int)).__name__, cm.__get__(5)() if False else '')
try:
    cm.__get__(None, None)
except TypeError as e:
    print('TypeError:', e)
try:
    sm.__get__(None)
except TypeError as e:
    print('TypeError:', e)
print(sm.__get__(1) is plain, sm.__get__(None, int) is plain)

class K:
    @classmethod
    def make(cls, *a):
        return (cls.__name__, a)
    @staticmethod
    def util(*a):
        return a
class KSub(K):
    pass
print(K.make(1), K().make(2), KSub.make(3), KSub().make(4), K.util(5), KSub().util(6))
print(type(K.__dict__['make']).__name__, type(K.make).__name__, K.make.__self__.__name__, KSub.make.__self__.__name__)
print(K.__dict__['util'].__func__(7), K.make.__func__ is K.__dict__['make'].__func__)

# A built-in function in a class is not bound; classmethod binds it.
class HoldsLen:
    f = len
    g = classmethod(len)
print(HoldsLen().f('abc'))
try:
    HoldsLen.g()
except TypeError as e:
    print('TypeError:', e)

# Chained classmethod over property (3.9 - 3.12).
class Chained:
    @classmethod
    @property
    def name(cls):
        return 'Chained name: ' + cls.__name__
class ChainedSub(Chained):
    pass
print(Chained.name, Chained().name, ChainedSub.name)
class StaticProp:
    @staticmethod
    @property
    def sp():
        return 1
print(type(StaticProp.sp).__name__)

# __isabstractmethod__.
def abstract(self):
    pass
abstract.__isabstractmethod__ = True
print(property(abstract).__isabstractmethod__, property(lambda s: 0).__isabstractmethod__)
print(property(None, abstract).__isabstractmethod__, classmethod(abstract).__isabstractmethod__)
print(staticmethod(abstract).__isabstractmethod__, staticmethod(plain).__isabstractmethod__)
class WeirdAbstract:
    __isabstractmethod__ = 'yes'
print(property(WeirdAbstract()).__isabstractmethod__)

# Subclasses of classmethod and staticmethod.
class LoggedClassmethod(classmethod):
    def __get__(self, obj, owner=None):
        return ('logged', super().__get__(obj, owner)())
class UsesLogged:
    @LoggedClassmethod
    def who(cls):
        return cls.__name__
print(UsesLogged.who, UsesLogged().who, type(UsesLogged.__dict__['who']).__name__, UsesLogged.__dict__['who'].__name__)
