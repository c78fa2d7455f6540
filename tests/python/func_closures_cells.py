# Closures and cells: late binding, cells shared between closures,
# nonlocal rebinding, cells of parameters, closures created in loops and
# comprehensions, class bodies (which are not enclosing scopes for
# methods) and the __class__ cell, cell objects compared and inspected.

def make_pair():
    n = 0
    def get():
        return n
    def inc():
        nonlocal n
        n += 1
        return n
    return get, inc

get, inc = make_pair()
inc()
inc()
print(get(), get.__closure__[0] is inc.__closure__[0], get.__code__.co_freevars, make_pair.__code__.co_cellvars)

# Late binding in loops; default arguments capture early.
late = [lambda: i for i in range(3)]
early = [lambda i=i: i for i in range(3)]
print([f() for f in late], [f() for f in early])
def builder():
    fs = []
    for i in range(3):
        def f():
            return i
        fs.append(f)
    i = 'changed'
    return fs
print([f() for f in builder()])

# A parameter captured by an inner function is a cell from the start.
def param_cell(x, y=2):
    def inner():
        return x + y
    x = x * 10
    return inner
print(param_cell(1)(), param_cell.__code__.co_cellvars, param_cell.__code__.co_varnames)

# Nested three levels; nonlocal through an intermediate scope.
def outer():
    v = 'outer'
    def middle():
        def inner():
            nonlocal v
            v = 'set by inner'
            return v
        return inner
    r = middle()()
    return r, v
print(outer())

# Cells compare by content; empty cells.
def two_cells():
    a = 1
    b = 2
    return (lambda: a), (lambda: b), (lambda: (a, b))
fa, fb, fab = two_cells()
ca, cb = fa.__closure__[0], fb.__closure__[0]
print(ca < cb, ca == fab.__closure__[0], ca != cb, ca.cell_contents, type(ca).__name__)
def empty():
    if False:
        z = 1
    return lambda: z
ez = empty()
try:
    ez()
except NameError as e:
    print('NameError:', e)
try:
    ez.__closure__[0].cell_contents
except ValueError as e:
    print('ValueError:', e)
ez.__closure__[0].cell_contents = 'filled'
print(ez())
del ez.__closure__[0].cell_contents
try:
    ez()
except NameError as e:
    print('NameError:', e)
CellType = type(ca)
c = CellType(5)
print(c.cell_contents, CellType().__class__.__name__)
try:
    CellType().cell_contents
except ValueError as e:
    print('ValueError:', e)

# Class bodies do not enclose their methods; comprehensions in class
# bodies see only the first iterable.
x = 'global x'
class Scope:
    x = 'class x'
    def method(self):
        return x
    items = [x for _ in range(1)]
    first = [y for y in [x]]
print(Scope().method(), Scope.items, Scope.first)

# __class__ cell, and methods using it after the class is renamed.
class Named:
    def which(self):
        return __class__.__name__
    def via_super(self):
        return super().__class__.__name__
N = Named
del Named
print(N().which(), N().via_super(), N.which.__code__.co_freevars)

# Closures keep their cells alive.
def counter_factory():
    count = [0]
    def tick():
        count[0] += 1
        return count[0]
    return tick
ticks = [counter_factory() for _ in range(50)]
junk = [list(range(10)) for _ in range(100)]
print(sum(t() for t in ticks), ticks[0](), ticks[0].__closure__[0].cell_contents)

# nonlocal errors are syntax errors.
for src in ('def f():\n    nonlocal q\n', 'nonlocal q\n', 'def f(a):\n    def g():\n        a = 1\n        nonlocal a\n'):
    try:
        compile(src, 'snippet', 'exec')
    except SyntaxError as e:
        print('SyntaxError:', e.msg)
