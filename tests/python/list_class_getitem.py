# list[int], dict[str, int] ... (types.GenericAlias, PEP 585) and int | None
# (types.UnionType, PEP 604): reprs, attributes, calls, equality, hashing,
# isinstance rules, subclassing an alias, annotations evaluated at def time.
def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))
show('list[int]', lambda: list[int])
show('dict[str, list[int]]', lambda: dict[str, list[int]])
show('tuple[()]', lambda: tuple[()])
show('tuple[int, ...]', lambda: tuple[int, ...])
show('set[frozenset[int]]', lambda: set[frozenset[int]])
a = list[int]
show('attrs', lambda: (a.__origin__, a.__args__, a.__parameters__, a.__unpacked__, a.__name__, a.__qualname__))
show('call', lambda: (a([1, 2]), type(a([1, 2])).__name__, a()))
show('eq', lambda: (a == list[int], a == list[str], a == list, hash(a) == hash(list[int])))
show('isinstance', lambda: isinstance([], a))
show('issubclass', lambda: issubclass(list, a))
show('type', lambda: (type(a), type(a).__name__, type(a).__module__))
show('mro_entries', lambda: a.__mro_entries__(()))
class MyList(list[int]):
    pass
show('subclass', lambda: (MyList.__bases__, MyList.__mro__, MyList([1])))
show('reduce', lambda: a.__reduce__())
show('no params', lambda: a[int])
show('nested', lambda: dict[str, dict[int, list[float]]])
show('ga ctor', lambda: type(a)(list, (int, str)))
show('ga ctor 2', lambda: type(a)(list, int))
show('union', lambda: int | str)
show('union none', lambda: int | None)
show('none union', lambda: None | int)
show('union3', lambda: int | str | None)
show('union dup', lambda: int | int)
show('union ga', lambda: list[int] | None)
show('union ga dup', lambda: list[int] | list[int])
show('union args', lambda: (int | str).__args__)
show('union eq', lambda: ((int | str) == (str | int), hash(int | str) == hash(str | int)))
show('isinstance union', lambda: (isinstance(1, int | str), isinstance(None, int | None), isinstance(1.0, int | str)))
show('issubclass union', lambda: (issubclass(bool, int | str), issubclass(float, int | str)))
show('union type', lambda: (type(int | str).__name__, type(int | str).__module__))
show('union bad', lambda: int | 3)
show('union str', lambda: int | 'str')
show('union parameters', lambda: (int | str).__parameters__)
def f(x: list[int], y: dict[str, int] | None = None) -> tuple[int, ...]:
    return x
show('annotations', lambda: f.__annotations__)
show('ga getattr', lambda: list[int].append is list.append)
show('ga dir', lambda: 'append' in dir(list[int]))
show('ga getitem str', lambda: dict[str, int]['x'])
show('ga str', lambda: str(list[int]))
show('collections', lambda: [list[int], tuple[int], dict[int, int], set[int], frozenset[int]])
class TV:
    """A stand-in type variable (has __typing_subst__, like typing.TypeVar)."""
    def __init__(self, name): self.name = name
    def __repr__(self): return '~' + self.name
    def __typing_subst__(self, arg): return arg
T, U = TV('T'), TV('U')
g = dict[T, list[U]]
show('parameters', lambda: (g.__parameters__, list[T].__parameters__, (int | list[T]).__parameters__))
show('substitute', lambda: (g[int, str], list[T][float], g[int, list[int]]))
show('substitute counts', lambda: g[int])
show('substitute too many', lambda: list[T][int, str])
show('union substitute', lambda: (int | list[T])[str])
show('ga type name', lambda: (type(list[int]).__name__, type(list[int]).__module__, type(int | str).__name__))
show('GenericAlias()', lambda: type(list[int])(dict, (str, int)))
show('GenericAlias kw', lambda: type(list[int])(origin=list, args=int))
show('origin attrs', lambda: (list[int].__name__, dict[str, int].fromkeys([1]), tuple[int].__mro__))
