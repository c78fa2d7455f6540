# super() in every form: zero-argument in methods, class methods, static
# methods (an error), nested functions and comprehensions, super(C, obj),
# super(C, C2), super of properties and other descriptors,
# super().__init_subclass__, and super objects' own attributes and errors.

class A:
    def who(self):
        return 'A.who'
    @classmethod
    def cm(cls):
        return 'A.cm(%s)' % cls.__name__
    @staticmethod
    def sm():
        return 'A.sm'
    @property
    def prop(self):
        return 'A.prop of ' + type(self).__name__
    attr = 'A.attr'
    def __repr__(self):
        return 'A-repr'

class B(A):
    def who(self):
        return 'B.who>' + super().who()
    @classmethod
    def cm(cls):
        return 'B.cm>' + super().cm()
    @staticmethod
    def sm():
        try:
            return super().sm()
        except RuntimeError as e:
            return 'RuntimeError: ' + str(e)
    @property
    def prop(self):
        return 'B.prop>' + super().prop
    def nested(self):
        def inner():
            return super().who()
        try:
            return inner()
        except RuntimeError as e:
            return 'RuntimeError: ' + str(e)
    def in_lambda(self):
        f = lambda: super(B, self).who()
        return f()
    def in_comprehension(self):
        return [super(B, self).who() for _ in range(2)]
    def attr_via_super(self):
        return super().attr
    def repr_via_super(self):
        return super().__repr__()

class C(B):
    def who(self):
        return 'C.who>' + super().who()

c = C()
print(c.who())
print(C.cm(), c.cm())
print(B.sm())
print(c.prop)
print(c.nested())
print(c.in_lambda(), c.in_comprehension())
print(c.attr_via_super(), c.repr_via_super())

# Explicit forms.
print(super(C, c).who(), super(B, c).who())
print(super(C, C).cm(), super(B, C).cm(), super(C, C).who(c))
print(super(B, c).prop, super(A, c).__class__.__name__)
try:
    super(A, c).who()
except AttributeError as e:
    print('AttributeError:', e)
try:
    super(C, A())
except TypeError as e:
    print('TypeError:', e)
try:
    super(C, int)
except TypeError as e:
    print('TypeError:', e)
try:
    super(1, c)
except TypeError as e:
    print('TypeError:', e)
try:
    super(C, c, 1)
except TypeError as e:
    print('TypeError:', e)
try:
    super(C, c).nothing
except AttributeError as e:
    print('AttributeError:', e)
try:
    super()
except RuntimeError as e:
    print('RuntimeError:', e)
def bare():
    return super()
try:
    bare()
except RuntimeError as e:
    print('RuntimeError:', e)
def with_arg(x):
    return super()
try:
    with_arg(1)
except RuntimeError as e:
    print('RuntimeError:', e)

# Unbound super and its binding.
u = super(B)
print(u.__thisclass__.__name__, u.__self__, u.__self_class__)
bound = u.__get__(c, C)
print(bound.who(), bound.__self__ is c, bound.__self_class__.__name__)
s = super(C, c)
print(s.__thisclass__.__name__, s.__self__ is c, s.__self_class__.__name__, type(s).__name__)
print(super(C, C).__self__ is C, super(C, C).__self_class__ is C)
print(repr(super(B, c)), repr(super(B, C)), repr(super(B)))

# super() when the first argument was reassigned or deleted.
class D(A):
    def reassigned(self):
        self = 'nope'
        try:
            return super().who()
        except TypeError as e:
            return 'TypeError: ' + str(e)
    def deleted(self):
        del self
        try:
            return super().who()
        except RuntimeError as e:
            return 'RuntimeError: ' + str(e)
    def varargs(*args):
        try:
            return super().who()
        except RuntimeError as e:
            return 'RuntimeError: ' + str(e)
print(D().reassigned())
print(D().deleted())
print(D().varargs())

# Cooperative multiple inheritance.
class Root:
    def __init__(self, **kw):
        self.trail = ['Root']
class Left(Root):
    def __init__(self, left=0, **kw):
        super().__init__(**kw)
        self.trail.append('Left%d' % left)
class Right(Root):
    def __init__(self, right=0, **kw):
        super().__init__(**kw)
        self.trail.append('Right%d' % right)
class Bottom(Left, Right):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.trail.append('Bottom')
print(Bottom(left=1, right=2).trail, [k.__name__ for k in Bottom.__mro__])

# super().__init_subclass__ and __set_name__ through super.
class Registry:
    subclasses = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Registry.subclasses.append((cls.__name__, tag))
class Tagged(Registry, tag='t1'):
    pass
class Tagged2(Tagged, tag='t2'):
    def __init_subclass__(cls, **kw):
        kw.setdefault('tag', 'defaulted')
        super().__init_subclass__(**kw)
class Tagged3(Tagged2):
    pass
print(Registry.subclasses)
try:
    class Bad(Registry, unknown=1):
        pass
except TypeError as e:
    print('TypeError:', e)

# super() with __class__ in the method, and a class defined in a function.
def make():
    class Local(A):
        def who(self):
            return 'Local>' + super().who() + ' ' + __class__.__name__
    return Local
print(make()().who())

# super() finds data descriptors on later classes and binds methods.
class Desc:
    def __get__(self, obj, owner):
        return 'Desc.__get__(%s, %s)' % (type(obj).__name__, owner.__name__)
class Holder:
    d = Desc()
class Sub(Holder):
    d = 'shadow'
    def get(self):
        return super().d
print(Sub().get(), Sub.d)
print(super(Sub, Sub).d)
m = super(C, c).who
print(type(m).__name__, m.__self__ is c, m())
