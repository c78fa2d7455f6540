# Function arguments: defaults, keywords, *args, **kwargs, keyword-only,
# positional-only, unpacking at the call site, and the errors.

def f(a, b, c=3, d=4):
    return (a, b, c, d)
print(f(1, 2), f(1, 2, 5), f(1, 2, d=7), f(b=1, a=2), f(1, c=9, b=8), f(*[1, 2, 3]), f(1, *(2,), **{"d": 0}))

def g(*args, **kwargs):
    return args, kwargs
print(g(), g(1), g(1, 2, x=3), g(*range(3), **{"k": "v"}, z=1), g(*"ab", *"cd"), g(**{"a": 1}, **{"b": 2}))

def h(a, *rest, flag=False, **opts):
    return a, rest, flag, sorted(opts.items())
print(h(1), h(1, 2, 3), h(1, flag=True), h(1, 2, flag=1, x=2, y=3))

def kwonly(a, *, b, c=10):
    return a + b + c
print(kwonly(1, b=2), kwonly(1, c=0, b=5), kwonly(a=1, b=1))

def posonly(a, b, /, c, *, d):
    return [a, b, c, d]
print(posonly(1, 2, 3, d=4), posonly(1, 2, c=3, d=4))

def mixed(p, /, q=2, *args, r, s=5, **kw):
    return p, q, args, r, s, kw
print(mixed(1, r=3), mixed(1, 2, 3, 4, r=0, t=9), mixed(1, q=7, r=8, p=11))

def show(*args, sep="-"):
    return sep.join(str(x) for x in args)
print(show(1, 2, 3), show("a", sep="+"), show(), show(*range(5), sep=""))

errors = [
    lambda: f(1),
    lambda: f(1, 2, 3, 4, 5),
    lambda: f(1, 2, a=3),
    lambda: f(1, 2, e=5),
    lambda: kwonly(1, 2),
    lambda: kwonly(1),
    lambda: posonly(1, b=2, c=3, d=4),
    lambda: posonly(1, 2, 3, 4),
    lambda: g(**{1: 2}),
    lambda: f(*5),
    lambda: f(**[1]),
    lambda: f(1, 2, **{"c": 1}, c=2),
    lambda: (lambda: 0)(1),
    lambda: (lambda x, y: 0)(),
    lambda: (lambda *, k: 0)(),
    lambda: mixed(),
]
for e in errors:
    try:
        e()
    except TypeError as ex:
        print("TypeError:", ex)

def defaults(a, b=[], c={}, d=None):
    b.append(a)
    c[a] = len(b)
    if d is None:
        d = []
    d.append(a)
    return b, c, d
print(defaults(1))
print(defaults(2))
print(defaults(3, []))
print(defaults(4))
print(defaults.__defaults__[0], len(defaults.__defaults__))

counter = 0
def make_default():
    global counter
    counter += 1
    return counter
def uses(x=make_default()):
    return x
print(uses(), uses(), uses(10), counter)

def annotated(x: int, y: "str" = "s") -> list:
    return [x, y]
print(annotated(1), annotated.__name__, sorted(annotated.__annotations__))

def returns_many():
    return 1, [2], {3: 4}
a, b, c = returns_many()
print(a, b, c, returns_many())

def no_return():
    pass
def bare_return():
    return
print(no_return(), bare_return(), no_return.__name__)

def outer_kw(**kw):
    return inner_kw(**kw, extra=1)
def inner_kw(**kw):
    return sorted(kw)
print(outer_kw(b=1, a=2))

def recurse_kw(n, acc=()):
    if n == 0:
        return acc
    return recurse_kw(n - 1, acc=acc + (n,))
print(recurse_kw(5))
args = (1, 2)
kwargs = {"d": 9}
print(f(*args, **kwargs), f(*args, c=args), f(*(i for i in range(4))))
