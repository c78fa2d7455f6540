# Metaclass attributes: methods and properties on the metaclass (seen from
# the class, not its instances), lookup precedence between the metaclass
# and the class, dunders on the metaclass (repr, iteration, len,
# operators, getitem), metaclass conflicts and dir() of such classes.

class Meta(type):
    registry = []
    def describe(cls):
        return 'class ' + cls.__name__
    @property
    def upper_name(cls):
        return cls.__name__.upper()
    @property
    def shadowed(cls):
        return 'meta property wins'
    plain_meta_attr = 'from meta'
    overridden = 'meta value'
    def __repr__(cls):
        return '<Meta class %s>' % cls.__name__
    def __iter__(cls):
        return iter(sorted(k for k in cls.__dict__ if not k.startswith('_')))
    def __len__(cls):
        return len([k for k in cls.__dict__ if not k.startswith('_')])
    def __getitem__(cls, key):
        return (cls.__name__, key)
    def __or__(cls, other):
        return 'union of %s and %s' % (cls.__name__, getattr(other, '__name__', other))
    def __contains__(cls, item):
        return item in cls.__dict__
    def __call__(cls, *a):
        obj = super().__call__(*a)
        Meta.registry.append(cls.__name__)
        return obj

class A(metaclass=Meta):
    overridden = 'class value'
    shadowed = 'class attr'
    alpha = 1
    beta = 2
    def method(self):
        return 'instance method'

print(A.describe(), A.upper_name, A.shadowed, A.overridden, A.plain_meta_attr)
print(repr(A), str(A), list(A), len(A), A['k'], A | int, A | 5, 'alpha' in A, 'zeta' in A)
a = A()
print(a.method(), a.overridden, a.shadowed, Meta.registry)
for name in ('describe', 'upper_name', 'plain_meta_attr'):
    try:
        getattr(a, name)
    except AttributeError as e:
        print('AttributeError:', e)
print(hasattr(A, 'describe'), hasattr(a, 'describe'), type(A).describe(A))
try:
    A.upper_name = 'x'
except AttributeError as e:
    print('AttributeError:', e)
A.new_attr = 'set on class'
print(A.new_attr, 'new_attr' in A.__dict__, 'new_attr' in Meta.__dict__)

# dir() of a class lists the class's and its bases' attributes, not the
# metaclass's; dir() of the metaclass lists type's.
class B(A):
    gamma = 3
names = dir(B)
print('gamma' in names, 'alpha' in names, 'method' in names, 'describe' in names, 'mro' in names)
print('describe' in dir(Meta), 'mro' in dir(Meta), '__call__' in dir(Meta))
print(names == sorted(names), [n for n in names if not n.startswith('_')])
print(type(B).__name__, B.describe(), repr(B))

# Classes whose metaclass defines __dir__.
class DirMeta(type):
    def __dir__(cls):
        return ['z', 'a', 'm']
class WithDir(metaclass=DirMeta):
    pass
print(dir(WithDir))

# Metaclass conflicts.
class M1(type):
    pass
class M2(type):
    pass
class C1(metaclass=M1):
    pass
class C2(metaclass=M2):
    pass
try:
    class Both(C1, C2):
        pass
except TypeError as e:
    print('TypeError:', e)
try:
    class Explicit(C1, metaclass=M2):
        pass
except TypeError as e:
    print('TypeError:', e)
class M3(M1, M2):
    pass
class Both(C1, C2, metaclass=M3):
    pass
print(type(Both).__name__, [c.__name__ for c in Both.__mro__])
class Derived1(C1):
    pass
print(type(Derived1).__name__)
class Derived2(C1, metaclass=type):
    pass
print(type(Derived2).__name__)
try:
    type('T', (C1, C2), {})
except TypeError as e:
    print('TypeError:', e)
try:
    M2('T', (C1,), {})
except TypeError as e:
    print('TypeError:', e)
print(type(M1('T', (C1,), {})).__name__, type(type('T2', (C1,), {})).__name__)

# isinstance/issubclass hooks on the metaclass.
class Duck(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, 'quack')
    def __subclasscheck__(cls, sub):
        return hasattr(sub, 'quack')
class Quacker(metaclass=Duck):
    pass
class Mallard:
    def quack(self):
        return 'quack'
print(isinstance(Mallard(), Quacker), isinstance(1, Quacker), issubclass(Mallard, Quacker), issubclass(int, Quacker))
print(isinstance(Mallard(), (int, Quacker)), issubclass(Mallard, (str, Quacker)))
print(Quacker.__instancecheck__(Mallard()), type.__instancecheck__(Quacker, Mallard()))
print(type.__subclasscheck__(Quacker, Mallard), type.__subclasscheck__(object, Mallard))

# A metaclass __getattr__ only answers for the class, for missing names.
class Lazy(type):
    def __getattr__(cls, name):
        if name.startswith('auto_'):
            return name[5:]
        raise AttributeError(name)
class L(metaclass=Lazy):
    real = 'real'
print(L.auto_value, L.real, hasattr(L, 'other'), hasattr(L(), 'auto_x'))

# Methods defined on type reach classes through the metaclass chain.
print(A.mro() == list(A.__mro__), [c.__name__ for c in B.mro()], Meta.mro(B) == B.mro())
print(A.__subclasses__() == [B], B.__subclasses__())
