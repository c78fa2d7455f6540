# gc-stress: 20
# isinstance() and issubclass(): types, nested tuples, unions (int | str,
# with None), __instancecheck__/__subclasscheck__ on metaclasses, the
# __class__ of proxies, "abstract" classes that only have __bases__, and
# the errors.
def t(label, f):
    try:
        print(label, '->', repr(f()))
    except BaseException as e:
        print(label, '->', type(e).__name__ + ':', e)

t('int', lambda: isinstance(1, int))
t('bool is int', lambda: isinstance(True, int))
t('tuple', lambda: isinstance('s', (int, str)))
t('nested tuple', lambda: isinstance(1.5, (str, (bytes, (float,)))))
t('empty tuple', lambda: isinstance(1, ()))
t('union', lambda: isinstance(1, int | str))
t('union miss', lambda: isinstance(1.5, int | str))
t('union with None', lambda: isinstance(None, int | None))
t('None | int', lambda: isinstance(None, None | int))
t('tuple of unions', lambda: isinstance(b'', (int | str, bytes | None)))
t('object', lambda: isinstance(object, object))
t('type of type', lambda: isinstance(type, type))
t('not a type', lambda: isinstance(1, 5))
t('tuple with a non-type after a match', lambda: isinstance(1, (int, 5)))
t('tuple with a non-type before', lambda: isinstance(1, (5, int)))
t('None as class', lambda: isinstance(1, None))
t('keyword', lambda: isinstance(1, class_or_tuple=int))
t('one arg', lambda: isinstance(1))

t('issubclass', lambda: issubclass(bool, int))
t('issubclass self', lambda: issubclass(int, int))
t('issubclass tuple', lambda: issubclass(bool, (str, (float, int))))
t('issubclass union', lambda: issubclass(bool, int | str))
t('issubclass NoneType | int', lambda: issubclass(type(None), int | None))
t('issubclass instance', lambda: issubclass(1, int))
t('issubclass second arg', lambda: issubclass(int, 1))
t('issubclass both wrong', lambda: issubclass(1, 1))
t('issubclass object', lambda: issubclass(type, object))

class Meta(type):
    def __instancecheck__(cls, obj):
        print('  __instancecheck__', cls.__name__, obj)
        return obj == 42
    def __subclasscheck__(cls, sub):
        print('  __subclasscheck__', cls.__name__, sub.__name__)
        return sub is float
class Magic(metaclass=Meta):
    pass
t('__instancecheck__ yes', lambda: isinstance(42, Magic))
t('__instancecheck__ no', lambda: isinstance(41, Magic))
t('exact type skips the hook', lambda: isinstance(Magic(), Magic))
t('hook inside a tuple', lambda: isinstance(42, (str, Magic)))
t('__subclasscheck__', lambda: (issubclass(float, Magic), issubclass(int, Magic)))
t('hook result made bool', lambda: isinstance(42, type('M2', (Meta,), {'__instancecheck__': lambda c, o: 'truthy'})('X', (), {})))
class Raising(type):
    def __instancecheck__(cls, obj):
        raise ValueError('check failed')
t('hook raising', lambda: isinstance(1, Raising('R', (), {})))

class Proxy:
    def __init__(self, target):
        self._target = target
    @property
    def __class__(self):
        return type(self._target)
p = Proxy([])
t('proxy via __class__', lambda: (isinstance(p, list), isinstance(p, Proxy), type(p).__name__))

class AbstractBase:
    pass
class FakeClass:
    def __init__(self, *bases):
        self.__bases__ = bases
root = FakeClass()
mid = FakeClass(root)
leaf = FakeClass(mid, FakeClass())
class Inst:
    pass
i = Inst()
i.__class__ = Inst
t('abstract issubclass', lambda: (issubclass(leaf, root), issubclass(root, leaf), issubclass(mid, mid)))
obj = type('Obj', (), {'__class__': leaf})()
t('abstract isinstance via __class__', lambda: isinstance(obj, root))
class NoBases:
    pass
t('object without __bases__', lambda: issubclass(NoBases(), root))
t('second arg without __bases__', lambda: issubclass(leaf, NoBases()))
class BadBases:
    __bases__ = 5
t('__bases__ not a tuple', lambda: issubclass(BadBases(), root))

deep = int
for _ in range(100):
    deep = (deep,)
t('deeply nested tuple', lambda: isinstance(1, deep))
very = int
for _ in range(3000):
    very = (very,)
t('too deeply nested', lambda: isinstance(1, very))
