# Attribute hooks on metaclasses: __getattribute__, __getattr__,
# __setattr__ and __delattr__ defined on the metaclass intercept access to
# class attributes (not to instance attributes); type.__getattribute__ and
# type.__setattr__ called explicitly; class-level data descriptors.

log = []

class Watched(type):
    def __getattribute__(cls, name):
        if not name.startswith('__'):
            log.append('get ' + name)
        return super().__getattribute__(name)
    def __setattr__(cls, name, value):
        log.append('set ' + name)
        if name == 'frozen':
            raise AttributeError('cannot set frozen')
        super().__setattr__(name, value)
    def __delattr__(cls, name):
        log.append('del ' + name)
        super().__delattr__(name)
    def __getattr__(cls, name):
        return 'missing:' + name

class W(metaclass=Watched):
    a = 1
    def m(self):
        return 'm'

print(W.a, W.nothing, W().a, W().m())
W.b = 2
del W.b
try:
    W.frozen = 1
except AttributeError as e:
    print('AttributeError:', e)
try:
    del W.not_there
except AttributeError as e:
    print('AttributeError:', e)
print(log)
log.clear()

# Instances are not affected by the metaclass hooks.
w = W()
w.x = 1
print(w.x, log)
try:
    w.nothing
except AttributeError as e:
    print('AttributeError:', e)

# type.__getattribute__ / type.__setattr__ directly.
class Plain:
    attr = 'plain'
print(type.__getattribute__(Plain, 'attr'), type.__getattribute__(W, 'a'))
type.__setattr__(Plain, 'attr', 'changed')
print(Plain.attr)
try:
    type.__getattribute__(Plain, 'missing')
except AttributeError as e:
    print('AttributeError:', e)
try:
    type.__getattribute__(1, 'x')
except TypeError as e:
    print('TypeError:', e)
try:
    type.__setattr__(1, 'x', 1)
except TypeError as e:
    print('TypeError:', e)
try:
    type.__delattr__(Plain, 'missing')
except AttributeError as e:
    print('AttributeError:', e)

# A data descriptor on the metaclass takes precedence over the class
# attribute; a non-data one does not.
class Desc:
    def __get__(self, obj, owner):
        return 'meta data descriptor'
    def __set__(self, obj, value):
        log.append('meta set ' + repr(value))
class NonDataDesc:
    def __get__(self, obj, owner):
        return 'meta non-data'
class DM(type):
    d = Desc()
    n = NonDataDesc()
class UsesDM(metaclass=DM):
    d = 'class d'
    n = 'class n'
print(UsesDM.d, UsesDM.n, UsesDM().d, UsesDM().n)
UsesDM.d = 'assign'
print(log, UsesDM.__dict__['d'])
log.clear()

# The class's own descriptors bind with instance None when read on the class.
class Own:
    @property
    def p(self):
        return 'instance property'
    class Nested:
        pass
print(type(Own.p).__name__, Own().p, Own.Nested.__qualname__)

# __getattribute__ on the metaclass raising AttributeError falls back to
# the metaclass __getattr__.
class Fallback(type):
    def __getattribute__(cls, name):
        if name == 'hidden':
            raise AttributeError(name)
        return super().__getattribute__(name)
    def __getattr__(cls, name):
        return 'fallback for ' + name
class F(metaclass=Fallback):
    hidden = 'really here'
print(F.hidden, F.__dict__['hidden'])
