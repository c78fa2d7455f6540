# __getattr__, __getattribute__, __setattr__, __delattr__: their order,
# AttributeError falling back to __getattr__, object.__getattribute__ /
# __setattr__ called explicitly, recursion-free patterns, hooks added and
# removed after class creation, and errors raised in them.

class Tracing:
    def __init__(self):
        object.__setattr__(self, 'log', [])
        self.a = 1
    def __getattribute__(self, name):
        if name != 'log':
            object.__getattribute__(self, 'log').append('get ' + name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        self.log.append('missing ' + name)
        if name == 'computed':
            return 42
        raise AttributeError(f'{type(self).__name__!r} has no {name!r}')
    def __setattr__(self, name, value):
        self.log.append('set %s=%r' % (name, value))
        super().__setattr__(name, value)
    def __delattr__(self, name):
        self.log.append('del ' + name)
        object.__delattr__(self, name)

t = Tracing()
print(t.a, t.computed)
try:
    t.nothing
except AttributeError as e:
    print('AttributeError:', e)
del t.a
try:
    del t.a
except AttributeError as e:
    print('AttributeError:', e)
print(hasattr(t, 'a'), getattr(t, 'zz', 'default'))
print(t.log)

# __getattribute__ raising AttributeError falls back to __getattr__; other
# exceptions propagate.
class Picky:
    def __getattribute__(self, name):
        if name.startswith('bad'):
            raise KeyError(name)
        if name.startswith('missing'):
            raise AttributeError(name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return 'getattr(%s)' % name
p = Picky()
print(p.missing_one)
try:
    p.bad_one
except KeyError as e:
    print('KeyError:', e)
print(getattr(p, 'missing_two', 'unused'))
try:
    getattr(p, 'bad_two', 'unused')
except KeyError as e:
    print('KeyError:', e)
print(hasattr(p, 'missing_three'))
try:
    hasattr(p, 'bad_three')
except KeyError as e:
    print('KeyError:', e)

# __getattr__ is not consulted for dunder lookups made by the
# interpreter (they go to the type).
class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        return getattr(self._target, name)
pr = Proxy([3, 1, 2])
print(pr.count(1), pr.index(2))
try:
    len(pr)
except TypeError as e:
    print('TypeError:', e)
try:
    pr[0]
except TypeError as e:
    print('TypeError:', e)
print(pr.__len__())

# Hooks added and removed after the class exists.
class Late:
    pass
obj = Late()
try:
    obj.x
except AttributeError as e:
    print('AttributeError:', e)
Late.__getattr__ = lambda self, name: 'late ' + name
print(obj.x)
def guard(self, name, value):
    if name.startswith('_'):
        raise AttributeError('private: ' + name)
    object.__setattr__(self, name, value.upper())
Late.__setattr__ = guard
obj.y = 'shout'
print(obj.y)
try:
    obj._p = 1
except AttributeError as e:
    print('AttributeError:', e)
del Late.__getattr__
del Late.__setattr__
obj._p = 'ok'
print(obj._p)
try:
    obj.x
except AttributeError as e:
    print('AttributeError:', e)

# Subclass inherits the hooks; super() reaches them.
class Base:
    def __getattr__(self, name):
        return 'Base.__getattr__(%s)' % name
class Sub(Base):
    def __getattr__(self, name):
        if name == 'special':
            return 'Sub special'
        return super().__getattr__(name)
print(Sub().special, Sub().other)

# object.__setattr__ and friends used directly.
class Plain:
    pass
pl = Plain()
object.__setattr__(pl, 'v', 1)
print(object.__getattribute__(pl, 'v'), pl.v)
object.__delattr__(pl, 'v')
print(hasattr(pl, 'v'))
for fn, args in ((object.__getattribute__, (pl, 'v')), (object.__delattr__, (pl, 'v')),
                 (object.__getattribute__, (pl, 5)), (object.__setattr__, (pl, 5, 1))):
    try:
        fn(*args)
    except (AttributeError, TypeError) as e:
        print(type(e).__name__ + ':', e)
for target in (1, 'str', [], int):
    try:
        object.__setattr__(target, 'attr', 1)
    except (AttributeError, TypeError) as e:
        print(type(e).__name__ + ':', e)
try:
    setattr(1, 'real', 5)
except AttributeError as e:
    print('AttributeError:', e)
try:
    setattr([], 'append', 5)
except AttributeError as e:
    print('AttributeError:', e)
try:
    del [].append
except AttributeError as e:
    print('AttributeError:', e)
try:
    object().x = 1
except AttributeError as e:
    print('AttributeError:', e)
try:
    getattr(pl, 1)
except TypeError as e:
    print('TypeError:', e)
try:
    setattr(pl, None, 1)
except TypeError as e:
    print('TypeError:', e)

# __setattr__ that stores elsewhere; __dict__ stays empty.
class Redirect:
    def __init__(self):
        object.__setattr__(self, 'store', {})
    def __setattr__(self, name, value):
        self.store[name] = value
    def __getattr__(self, name):
        try:
            return self.store[name]
        except KeyError:
            raise AttributeError(name) from None
    def __delattr__(self, name):
        del self.store[name]
r = Redirect()
r.a = 1
r.b = 2
print(r.a, r.b, sorted(r.__dict__), r.store)
del r.a
try:
    r.a
except AttributeError as e:
    print('AttributeError:', e)
try:
    del r.zzz
except KeyError as e:
    print('KeyError:', e)

# The AttributeError raised for a missing attribute carries name and obj.
try:
    pl.missing_attr
except AttributeError as e:
    print(e.name, e.obj is pl)
