# super() and descriptors: reaching a base property's getter, setter and
# deleter from an override, super().__setattr__/__getattribute__/
# __delattr__ in attribute hooks, super() returning class attributes and
# static/class methods of bases, and super objects used as descriptors.

class Base:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        return 'Base.x=%r' % self._x
    @x.setter
    def x(self, v):
        self._x = v
    @x.deleter
    def x(self):
        self._x = 'deleted'
    @staticmethod
    def helper(v):
        return 'Base.helper(%r)' % v
    @classmethod
    def build(cls):
        return 'Base.build for ' + cls.__name__
    kind = 'base kind'

class Child(Base):
    @property
    def x(self):
        return 'Child wraps ' + super().x
    @x.setter
    def x(self, v):
        # Reach the base property's setter explicitly.
        Base.x.fset(self, v * 10)
    @x.deleter
    def x(self):
        super(Child, type(self)).x.fdel(self)
    @staticmethod
    def helper(v):
        return 'Child.helper>' + super(Child, Child).helper(v)
    @classmethod
    def build(cls):
        return 'Child.build>' + super().build()
    def kinds(self):
        return super().kind, self.kind

c = Child()
c.x = 4
print(c.x, c._x)
del c.x
print(c.x)
print(Child.helper(1), Child.build(), c.build(), c.kinds())
try:
    super(Child, c).x = 5
except AttributeError as e:
    print('AttributeError:', e)
print(super(Child, c).x, type(super(Child, Child).x).__name__)

# Attribute hooks delegating through super().
class Audited:
    def __init__(self):
        self.audit = []
    def __setattr__(self, name, value):
        if name != 'audit':
            self.audit.append('set ' + name)
        super().__setattr__(name, value)
    def __getattribute__(self, name):
        if name == 'secret':
            return 'redacted'
        return super().__getattribute__(name)
    def __delattr__(self, name):
        self.audit.append('del ' + name)
        super().__delattr__(name)
class Strict(Audited):
    def __setattr__(self, name, value):
        if name.startswith('_'):
            raise AttributeError('no private attributes: ' + name)
        super().__setattr__(name, value)
s = Strict()
s.a = 1
s.secret = 'real'
print(s.a, s.secret, object.__getattribute__(s, 'secret'), s.audit)
del s.a
print(s.audit, hasattr(s, 'a'))
try:
    s._p = 1
except AttributeError as e:
    print('AttributeError:', e)

# A super object is itself a (non-data) descriptor.
class Holder:
    pass
class Target(Base):
    pass
unbound = super(Target)
Holder.sup = unbound
print(type(unbound.__get__(Target(), Target)).__name__, unbound.__get__(None, Target) is unbound)

# super() finds __class__-independent attributes: __doc__, __module__.
class Documented(Base):
    """Doc of Documented."""
    def docs(self):
        return super().__doc__, super().__module__, super().__class__.__name__
print(Documented().docs())

# super() inside __new__ and __init_subclass__ of a class with properties.
class Factory(Base):
    def __new__(cls, *a):
        inst = super().__new__(cls)
        inst.created = True
        return inst
    def __init__(self, v):
        super().__init__()
        self.x = v
f = Factory(7)
print(f.created, f.x, f._x)
