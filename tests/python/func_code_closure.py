# Function attributes: __code__ and its co_* fields, __closure__ cells,
# __globals__, __dict__, __defaults__/__kwdefaults__ assignment rules,
# __annotations__, __name__/__qualname__ assignment errors, __wrapped__.

G = 10

def sample(a, b, /, c, d=1, *args, e, f=2, **kw):
    """doc"""
    x = a + b
    y = [x for _ in range(1)]
    return x, y, G

co = sample.__code__
print(co.co_name, co.co_qualname, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount)
print(co.co_varnames[:9], co.co_nlocals >= 9)
print(co.co_flags & 0x04 != 0, co.co_flags & 0x08 != 0, co.co_flags & 0x20 != 0)
print(type(co).__name__, co.co_filename.endswith('func_code_closure.py'), co.co_firstlineno)
print('G' in co.co_names, co.co_freevars, co.co_cellvars)
print(type(co.co_code).__name__, type(co.co_consts).__name__, co.co_consts[0])
print(sample.__globals__ is globals(), sample.__globals__['G'])
print(sample.__builtins__ is __builtins__.__dict__ if hasattr(__builtins__, '__dict__') else 'dict')

def gen():
    yield 1
print(gen.__code__.co_flags & 0x20 != 0, sample.__code__.co_flags & 0x20 != 0)

def make_counter():
    count = 0
    label = 'c'
    def inc():
        nonlocal count
        count += 1
        return label, count
    return inc

inc = make_counter()
print(inc.__code__.co_freevars, make_counter.__code__.co_cellvars)
cells = inc.__closure__
print(type(cells).__name__, len(cells), [type(c).__name__ for c in cells])
print([c.cell_contents for c in cells])
inc()
inc()
print([c.cell_contents for c in cells])
cells[0].cell_contents = 100
print(inc())
print(sample.__closure__, (lambda: 0).__closure__)

def empty_cell():
    def inner():
        return z
    try:
        print(inner.__closure__[0].cell_contents)
    except ValueError as e:
        print('ValueError:', e)
    z = 5
    print(inner.__closure__[0].cell_contents)
    return inner
empty_cell()

try:
    sample.__closure__ = ()
except AttributeError as e:
    print('AttributeError:', e)
try:
    sample.__globals__ = {}
except AttributeError as e:
    print('AttributeError:', e)

# Defaults.
def d(a, b=2, *, c=3):
    return a, b, c
print(d.__defaults__, d.__kwdefaults__, d(1))
d.__defaults__ = (20,)
d.__kwdefaults__ = {'c': 30}
print(d(1), d.__defaults__, d.__kwdefaults__)
d.__defaults__ = None
try:
    d(1)
except TypeError as e:
    print('TypeError:', e)
print(d.__defaults__)
try:
    d.__defaults__ = [1]
except TypeError as e:
    print('TypeError:', e)
try:
    d.__kwdefaults__ = [1]
except TypeError as e:
    print('TypeError:', e)
del d.__defaults__
print(d.__defaults__)
d.__kwdefaults__ = None
try:
    d(1, 2)
except TypeError as e:
    print('TypeError:', e)

# Names.
def named():
    pass
named.__name__ = 'renamed'
named.__qualname__ = 'Some.renamed'
print(named.__name__, named.__qualname__, named.__code__.co_name)
for attr, val in [('__name__', 3), ('__qualname__', None)]:
    try:
        setattr(named, attr, val)
    except TypeError as e:
        print('TypeError:', e)
try:
    del named.__name__
except TypeError as e:
    print('TypeError:', e)

# __dict__ and arbitrary attributes.
def attrs():
    pass
print(attrs.__dict__)
attrs.x = 1
attrs.__dict__['y'] = 2
print(sorted(attrs.__dict__.items()), attrs.y)
attrs.__dict__ = {'z': 3}
print(attrs.z, hasattr(attrs, 'x'))
try:
    attrs.__dict__ = 5
except TypeError as e:
    print('TypeError:', e)
del attrs.z
try:
    del attrs.z
except AttributeError as e:
    print('AttributeError:', e)
try:
    attrs.missing
except AttributeError as e:
    print('AttributeError:', e)

# Annotations.
def ann(a: int, b: 'str' = 'x', *args: float, k: bool = True, **kw: dict) -> list:
    pass
print(ann.__annotations__)
def noann(a):
    pass
print(noann.__annotations__)
noann.__annotations__ = {'a': int}
print(noann.__annotations__)
try:
    noann.__annotations__ = 5
except TypeError as e:
    print('TypeError:', e)
del noann.__annotations__
print(noann.__annotations__)

# __doc__, __module__.
print(sample.__doc__, noann.__doc__, sample.__module__)
sample.__doc__ = 'changed'
sample.__module__ = 'elsewhere'
print(sample.__doc__, sample.__module__)

# __wrapped__ set by a hand-written decorator.
def wraps(wrapped):
    def deco(wrapper):
        wrapper.__wrapped__ = wrapped
        wrapper.__name__ = wrapped.__name__
        wrapper.__qualname__ = wrapped.__qualname__
        wrapper.__doc__ = wrapped.__doc__
        return wrapper
    return deco

def logged(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        print('call', fn.__name__, args, sorted(kwargs.items()))
        return fn(*args, **kwargs)
    return wrapper

@logged
def add(a, b=1):
    """Add."""
    return a + b
print(add(2, b=3), add.__name__, add.__qualname__, add.__doc__, add.__wrapped__.__name__)
print(add.__wrapped__(5))

# Function type, repr-free checks.
print(type(sample).__name__, callable(sample), type(sample) is type(lambda: 0))
print(sample.__get__(None, int) is sample)
bound = sample.__get__(5)
print(type(bound).__name__, bound.__self__, bound.__func__ is sample)
