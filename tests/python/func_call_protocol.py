# Calling things: functions, bound methods, classes (metaclass __call__,
# __new__ and __init__ argument routing), instances with __call__,
# callable class attributes, call errors for non-callables, and
# recursion through __call__.

def f(a, b=2):
    return ('f', a, b)

class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *more):
        return self.n + x + sum(more)

add5 = Adder(5)
print(add5(1), add5(1, 2, 3), callable(add5), Adder.__call__(add5, 10))
try:
    add5()
except TypeError as e:
    print('TypeError:', e)
try:
    add5(y=1)
except TypeError as e:
    print('TypeError:', e)

# __call__ looked up on the type; instance attribute ignored.
add5.__call__ = lambda x: 'instance attr'
print(add5(1))

# An instance whose __call__ is itself a callable object.
class Inner:
    def __call__(self, *a):
        return ('inner', a)
class Outer:
    __call__ = Inner()
print(Outer()(1, 2))

# Class call routing: __new__ gets the arguments, __init__ too.
class Route:
    def __new__(cls, *args, **kwargs):
        print('__new__', args, sorted(kwargs))
        return super().__new__(cls)
    def __init__(self, *args, **kwargs):
        print('__init__', args, sorted(kwargs))
Route(1, k=2)
class OnlyInit:
    def __init__(self, a, *, b):
        self.t = (a, b)
print(OnlyInit(1, b=2).t)
for args, kw in (((), {}), ((1,), {}), ((1, 2), {'b': 3}), ((1,), {'b': 2, 'c': 3})):
    try:
        OnlyInit(*args, **kw)
    except TypeError as e:
        print('TypeError:', e)
class OnlyNew:
    def __new__(cls, a):
        return ('made', a)
print(OnlyNew(1))
try:
    OnlyNew()
except TypeError as e:
    print('TypeError:', e)

# Metaclass __call__ can intercept everything.
class Counting(type):
    calls = 0
    def __call__(cls, *a, **k):
        Counting.calls += 1
        if k.get('skip'):
            return 'skipped'
        return super().__call__(*a)
class Counted(metaclass=Counting):
    def __init__(self, x=0):
        self.x = x
print(Counted(3).x, Counted(skip=True), Counting.calls)

# Non-callables.
for obj in (1, 'str', [1], None, object(), Counted(1)):
    try:
        obj()
    except TypeError as e:
        print('TypeError:', e)
print([callable(o) for o in (f, Adder, add5, len, 1, Counted(), print, type, lambda: 0)])

# Methods of built-in types called through the class.
print(str.join(',', ['a', 'b']), list.__len__([1, 2]), dict.get({'k': 1}, 'k'), int.__new__(int, '7'))
try:
    str.join(1, ['a'])
except TypeError as e:
    print('TypeError:', e)
try:
    list.append()
except TypeError as e:
    print('TypeError:', e)

# Deep recursion through __call__ is a RecursionError.
class Loop:
    def __call__(self):
        return self()
try:
    Loop()()
except RecursionError as e:
    print('RecursionError:', str(e)[:40])

# Keyword argument names must be strings; duplicate keywords.
try:
    f(**{'a': 1}, a=2)
except TypeError as e:
    print('TypeError:', e)
try:
    f(1, **{'b': 2, 'c': 3})
except TypeError as e:
    print('TypeError:', e)
print(f(*[1], **{'b': 'kw'}))
