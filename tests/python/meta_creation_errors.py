# Errors while creating classes: type() argument checks, bad bases,
# metaclass problems, __prepare__ results, __classcell__ propagation,
# __set_name__ failures, __init_subclass__ failures, and __build_class__
# called directly.

def attempt(f):
    try:
        r = f()
        print('ok', r if isinstance(r, (str, int)) else type(r).__name__)
    except (TypeError, ValueError, RuntimeError, AttributeError) as e:
        print(type(e).__name__ + ':', e)

attempt(lambda: type('A'))
attempt(lambda: type('A', ()))
attempt(lambda: type('A', (), {}, {}))
attempt(lambda: type(1, (), {}))
attempt(lambda: type('A', [], {}))
attempt(lambda: type('A', (), []))
attempt(lambda: type('A', (1,), {}))
attempt(lambda: type('A', (int, 'x'), {}))
attempt(lambda: type('A\0', (), {}))
attempt(lambda: type('A', (), {'__qualname__': 5}))
attempt(lambda: type('A', (), {'__slots__': 5}))
attempt(lambda: type(5, x=1))
attempt(lambda: type.__new__(type))
attempt(lambda: type.__new__(type, 'A'))
attempt(lambda: type.__new__(int, 'A', (), {}))
attempt(lambda: type.__new__(1, 'A', (), {}))
attempt(lambda: type.__init__(type, 1, 2))
attempt(lambda: type('A', (), {}).__name__)
attempt(lambda: type('', (), {}).__qualname__)
attempt(lambda: type('Has Space', (), {}).__name__)

# Metaclasses that are not classes, or not callable.
def meta_function(name, bases, ns):
    return 'made by function: ' + name
class M1(metaclass=meta_function):
    pass
print(M1)
try:
    class M2(metaclass=5):
        pass
except TypeError as e:
    print('TypeError:', e)
class M3(metaclass=lambda *a, **k: sorted(k)):
    pass
print(M3)
try:
    class M4(metaclass=type, extra=1):
        pass
except TypeError as e:
    print('TypeError:', e)

# __prepare__ must return a mapping.
class BadPrepare(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 42
try:
    class UsesBadPrepare(metaclass=BadPrepare):
        pass
except TypeError as e:
    print('TypeError:', e)
class PrepareNotDict(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        class NS:
            def __init__(self):
                self.d = {}
            def __getitem__(self, k):
                return self.d[k]
            def __setitem__(self, k, v):
                self.d[k] = v
        return NS()
try:
    class UsesNotDict(metaclass=PrepareNotDict):
        x = 1
except TypeError as e:
    print('TypeError:', e)
class PrepareRaises(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        raise RuntimeError('no namespace for ' + name)
try:
    class UsesRaising(metaclass=PrepareRaises):
        pass
except RuntimeError as e:
    print('RuntimeError:', e)

# __classcell__ not passed on.
class DropsCell(type):
    def __new__(mcls, name, bases, ns):
        ns = {k: v for k, v in ns.items() if k != '__classcell__'}
        return super().__new__(mcls, name, bases, ns)
try:
    class NeedsCell(metaclass=DropsCell):
        def f(self):
            return __class__
except RuntimeError as e:
    print('RuntimeError:', e)
class NoCellNeeded(metaclass=DropsCell):
    def f(self):
        return 'no __class__ here'
print(NoCellNeeded().f())
try:
    type('Bad', (), {'__classcell__': 'not a cell'})
except TypeError as e:
    print('TypeError:', e)
class ReturnsOther(type):
    def __new__(mcls, name, bases, ns):
        return int
try:
    class Replaced(metaclass=ReturnsOther):
        def f(self):
            return __class__
except RuntimeError as e:
    print('RuntimeError:', e)

# __set_name__ and __init_subclass__ failures.
class BadName:
    def __set_name__(self, owner, name):
        raise KeyError(name)
try:
    class WithBadName:
        attr = BadName()
except RuntimeError as e:
    print('RuntimeError:', e, type(e.__cause__).__name__, e.__cause__)
class Picky:
    def __init_subclass__(cls, **kw):
        if cls.__name__.startswith('Bad'):
            raise ValueError('refusing ' + cls.__name__)
class GoodChild(Picky):
    pass
try:
    class BadChild(Picky):
        pass
except ValueError as e:
    print('ValueError:', e)
print('BadChild' in Picky.__subclasses__().__repr__(), len(Picky.__subclasses__()) >= 1)

# __build_class__ directly.
for args in ((), (lambda: None,), (1, 'A'), (lambda: None, 1)):
    try:
        __build_class__(*args)
    except TypeError as e:
        print('TypeError:', e)
def body():
    x = 1
C = __build_class__(body, 'Direct')
print(C.__name__, C.__qualname__, sorted(k for k in C.__dict__ if not k.startswith('__')))
