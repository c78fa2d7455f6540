# __build_class__, what the class statement calls: direct calls,
# __prepare__ and its namespace, __mro_entries__ and __orig_bases__,
# metaclass selection and conflicts, keywords, and the __class__ cell.
def t(label, f):
    try:
        print(label, '->', repr(f()))
    except BaseException as e:
        print(label, '->', type(e).__name__ + ':', e)

def body():
    pass
C = __build_class__(body, 'C')
print('direct call:', C.__name__, C.__qualname__, C.__module__, C.__bases__)
C2 = __build_class__(body, 'C2', C, metaclass=type)
print('with a base:', C2.__name__, C2.__bases__[0].__name__)
t('no args', lambda: __build_class__())
t('one arg', lambda: __build_class__(body))
t('func not a function', lambda: __build_class__(len, 'X'))
t('name not a str', lambda: __build_class__(body, 5))

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print('  __prepare__', name, [b.__name__ for b in bases], kw)
        ns = {'prepared': True}
        return ns
    def __new__(mcls, name, bases, ns, **kw):
        print('  __new__', name, sorted(k for k in ns if not k.startswith('__')), kw)
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
class A(metaclass=Meta, flag=1):
    y = 2
print('A.prepared:', A.prepared, type(A).__name__)
class B(A):
    pass
print('metaclass inherited:', type(B).__name__)

class Other(type):
    pass
class O(metaclass=Other):
    pass
try:
    class Conflict(A, O):
        pass
except TypeError as e:
    print('TypeError:', e)

class BadPrepare(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 5
try:
    class P(metaclass=BadPrepare):
        pass
except TypeError as e:
    print('TypeError:', e)

class Recorder(dict):
    def __setitem__(self, key, value):
        print('  namespace set', key)
        super().__setitem__(key, value)
class RecMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Recorder()
class R(metaclass=RecMeta):
    a = 1
    def f(self):
        pass

class Entries:
    def __mro_entries__(self, bases):
        print('  __mro_entries__ got', len(bases), 'bases')
        return (dict,)
class D(Entries()):
    pass
print('bases from __mro_entries__:', D.__bases__, '| orig:', type(D.__orig_bases__[0]).__name__)
class BadEntries:
    def __mro_entries__(self, bases):
        return [dict]
try:
    class E(BadEntries()):
        pass
except TypeError as e:
    print('TypeError:', e)

def meta_function(name, bases, ns, **kw):
    print('  metaclass function called for', name, kw)
    return 'not a class'
class F(metaclass=meta_function, extra='kw'):
    pass
print('class statement result:', F)

class UsesSuper:
    def who(self):
        return __class__.__name__
print('__class__ cell:', UsesSuper().who())
class DropsCell(type):
    def __new__(mcls, name, bases, ns):
        ns.pop('__classcell__', None)
        return super().__new__(mcls, name, bases, ns)
try:
    class Broken(metaclass=DropsCell):
        def m(self):
            return __class__
except RuntimeError as e:
    print('RuntimeError:', str(e).replace(__name__, 'MAIN'))
print('plain class __dict__ order:', [k for k in vars(C) if not k.startswith('__')])
