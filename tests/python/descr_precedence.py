# Descriptors: data descriptors beat the instance __dict__, non-data
# descriptors lose to it, __get__ with a None instance, __set__ and
# __delete__ alone, __set_name__, descriptors on the metaclass,
# descriptors implemented by built-in wrappers, and errors raised inside.

log = []

class DataDesc:
    def __set_name__(self, owner, name):
        self.name = name
        log.append(('set_name', owner.__name__, name))
    def __get__(self, obj, objtype=None):
        if obj is None:
            return 'class access via %s' % objtype.__name__
        return 'data:' + str(obj.__dict__.get('_' + self.name, 'unset'))
    def __set__(self, obj, value):
        obj.__dict__['_' + self.name] = value * 2
    def __delete__(self, obj):
        obj.__dict__.pop('_' + self.name, None)
        log.append(('delete', self.name))

class NonData:
    def __get__(self, obj, objtype=None):
        return 'nondata for %s' % (type(obj).__name__ if obj is not None else None)

class SetOnly:
    def __set__(self, obj, value):
        log.append(('SetOnly.set', value))

class DeleteOnly:
    def __delete__(self, obj):
        log.append(('DeleteOnly.delete',))

class Host:
    d = DataDesc()
    n = NonData()
    s = SetOnly()
    x = DeleteOnly()

h = Host()
print(h.d, Host.d)
h.d = 21
print(h.d, h.__dict__)
h.__dict__['d'] = 'instance value ignored'
print(h.d)
del h.d
print(h.d, log[-1])
print(h.n, Host.n)
h.__dict__['n'] = 'instance wins'
print(h.n)
del h.__dict__['n']
h.n = 'assigned'
print(h.n, h.__dict__['n'])
h.s = 5
print(log[-1], 's' in h.__dict__)
print(type(h.s).__name__)
h.__dict__['s'] = 'in dict'
print(h.s)
try:
    del h.s
except AttributeError as e:
    print('AttributeError:', e)
del h.x
print(log[-1])
try:
    h.x = 1
except AttributeError as e:
    print('AttributeError:', e)
print(log[:1])

# __get__ called explicitly and through classes.
print(Host.__dict__['d'].__get__(h, Host), Host.__dict__['d'].__get__(None, Host))
print(Host.__dict__['n'].__get__(None, Host))

# Functions are non-data descriptors.
def f(self, x):
    return (type(self).__name__, x)
print(f.__get__(h, Host)(1), f.__get__(None, Host) is f, f.__get__(h).__self__ is h)
Host.f = f
print(h.f(2), Host.f(h, 3))
h.f = lambda x: 'shadowed %s' % x
print(h.f(4))

# Built-in descriptor objects.
print(type(int.__dict__['real']).__name__, int.__dict__['real'].__get__(5), int.__dict__['real'].__get__(None, int) is int.__dict__['real'])
print(type(str.__dict__['upper']).__name__, str.__dict__['upper'].__get__('ab')())
print(type(dict.__dict__['fromkeys']).__name__, dict.__dict__['fromkeys'].__get__(None, dict)('ab'))
print(type(object.__dict__['__init__']).__name__, type(int.__dict__['__add__']).__name__)
try:
    str.__dict__['upper'].__get__(5)
except TypeError as e:
    print('TypeError:', e)
try:
    int.__dict__['real'].__set__(5, 1)
except AttributeError as e:
    print('AttributeError:', e)

# A descriptor defined on the metaclass applies to the class only.
class MetaDesc(type):
    special = DataDesc()
class WithMeta(metaclass=MetaDesc):
    special = 'class attribute'
print(WithMeta.special, WithMeta().special)

# __set_name__ is called for every attribute at class creation, in
# definition order, also for attributes added by the metaclass namespace,
# but not for attributes set later.
class Named:
    def __init__(self):
        self.names = []
    def __set_name__(self, owner, name):
        self.names.append((owner.__name__, name))
shared = Named()
class Two:
    first = shared
    second = shared
print(shared.names)
Two.third = shared
print(shared.names)
class Broken:
    def __set_name__(self, owner, name):
        raise ValueError('cannot name ' + name)
try:
    class Fails:
        ok = 1
        bad = Broken()
except RuntimeError as e:
    print('RuntimeError:', e, '| cause:', repr(e.__cause__))
class NotCallable:
    __set_name__ = 5
try:
    class Fails2:
        a = NotCallable()
except RuntimeError as e:
    print('RuntimeError:', e, '| cause:', type(e.__cause__).__name__)

# Errors inside __get__ propagate (AttributeError falls back to
# __getattr__).
class Raising:
    def __get__(self, obj, owner):
        raise AttributeError('from __get__')
class UsesGetattr:
    r = Raising()
    def __getattr__(self, name):
        return 'fallback for ' + name
print(UsesGetattr().r)
class NoGetattr:
    r = Raising()
try:
    NoGetattr().r
except AttributeError as e:
    print('AttributeError:', e)

# A descriptor whose __get__ is itself looked up on the type.
class Weird:
    pass
def late_get(self, obj, owner):
    return 'late get'
w = Weird()
class UsesWeird:
    attr = w
print(UsesWeird().attr is w)
Weird.__get__ = late_get
print(UsesWeird().attr)
del Weird.__get__
print(UsesWeird().attr is w)
