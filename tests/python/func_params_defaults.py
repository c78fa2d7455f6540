# Parameters and defaults: defaults evaluated once at definition (shared
# mutable defaults), keyword-only defaults, positional-only names usable
# as **kwargs keys, *args/**kwargs collection, argument unpacking order,
# lambdas, and keyword arguments to built-in-looking Python functions.

calls = []
def note(label, value):
    calls.append(label)
    return value

def f(a=note('a', 1), *, b=note('b', 2), c=note('c', 3)):
    return a, b, c
print(calls, f(), f.__defaults__, f.__kwdefaults__)

def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2), append_to(3, []), append_to.__defaults__)

def none_default(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(none_default(1), none_default(2))

# Positional-only names may also appear in **kwargs.
def po(a, b, /, **kw):
    return a, b, sorted(kw.items())
print(po(1, 2, a=3, b=4), po(1, 2, **{'a': 'x'}))

# Keyword-only after *args; a bare * with defaults.
def ko(*args, sep=' ', end='!'):
    return sep.join(map(str, args)) + end
print(ko(1, 2, 3), ko(1, 2, sep='-'), ko(end='?'))
def bare(a, *, b, c=5):
    return a + b + c
print(bare(1, b=2), bare(a=1, b=2, c=3))

# Argument evaluation order: positional, *iterables, keywords, **mappings
# all left to right.
order = []
def val(tag):
    order.append(tag)
    return tag
def collect(*a, **k):
    return a, sorted(k)
print(collect(val('p1'), *[val('s1')], val('p2'), k1=val('k1'), **{val('m'): val('mv')}, k2=val('k2')))
print(order)

# Unpacking several iterables and mappings.
def show(*a, **k):
    return a, k
print(show(*[1, 2], *(3,), *'ab', **{'x': 1}, **{'y': 2}))
print(show(*range(3), 9, *{4: 'd'}))
try:
    show(**{'x': 1}, **{'x': 2})
except TypeError as e:
    print('TypeError:', e)
try:
    show(x=1, **{'x': 2})
except TypeError as e:
    print('TypeError:', e)
try:
    show(**{1: 2})
except TypeError as e:
    print('TypeError:', e)
class Mapping:
    def keys(self):
        return ['k1', 'k2']
    def __getitem__(self, k):
        return k.upper()
print(show(**Mapping()))
try:
    show(*1)
except TypeError as e:
    print('TypeError:', e)
try:
    show(**1)
except TypeError as e:
    print('TypeError:', e)
try:
    show(**[('a', 1)])
except TypeError as e:
    print('TypeError:', e)

# Defaults can be replaced and are consulted at call time.
def g(a, b=1, *, c=2):
    return a, b, c
g.__defaults__ = (10,)
g.__kwdefaults__ = {'c': 20}
print(g(0))
g.__defaults__ = (100, 200)
print(g(), g(b=3))

# Lambdas with every parameter kind.
lam = lambda a, /, b=2, *c, d, e=5, **f: (a, b, c, d, e, sorted(f))
print(lam(1, d=4), lam(1, 2, 3, d=4, z=0))
print(lam.__code__.co_posonlyargcount, lam.__code__.co_argcount, lam.__code__.co_kwonlyargcount)
try:
    lam(1)
except TypeError as e:
    print('TypeError:', e)

# Recursion and default values referring to earlier definitions.
def fact(n, acc=1):
    return acc if n <= 1 else fact(n - 1, acc * n)
print(fact(10), fact(20))

# Many arguments.
def many(*args, **kwargs):
    return len(args), len(kwargs), sum(args)
print(many(*range(300), **{'k%d' % i: i for i in range(50)}))
def wide(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15):
    return a0 + a15
print(wide(*range(16)), wide(**{'a%d' % i: i for i in range(16)}))
