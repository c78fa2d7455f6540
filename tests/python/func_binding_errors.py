# Argument binding of Python functions: every TypeError CPython raises
# (missing, unexpected, multiple values, positional-only passed by
# keyword, too many positional), worded with the function's __qualname__.

def attempt(fn, /, *args, **kwargs):
    try:
        r = fn(*args, **kwargs)
        print('ok', r)
    except TypeError as e:
        print('TypeError:', e)

def f0():
    return ()
def f1(a):
    return (a,)
def f2(a, b):
    return (a, b)
def f3(a, b, c):
    return (a, b, c)
def fd(a, b=2, c=3):
    return (a, b, c)
def fko(a, *, k):
    return (a, k)
def fko2(*, x, y, z=0):
    return (x, y, z)
def fpo(a, b, /, c):
    return (a, b, c)
def fpo_d(a, b=5, /, *, c=7):
    return (a, b, c)
def fvar(a, *args):
    return (a, args)
def fkw(a, **kw):
    return (a, sorted(kw.items()))
def fall(a, b=1, /, c=2, *args, d, e=4, **kw):
    return (a, b, c, args, d, e, sorted(kw.items()))

attempt(f0, 1)
attempt(f0, 1, 2)
attempt(f0, x=1)
attempt(f1)
attempt(f1, 1, 2)
attempt(f2)
attempt(f2, 1)
attempt(f2, b=1)
attempt(f3)
attempt(f3, 1)
attempt(f3, c=1)
attempt(f3, 1, 2, 3, 4)
attempt(f2, 1, a=2)
attempt(f2, 1, 2, b=3)
attempt(f2, 1, 2, z=3)
attempt(fd)
attempt(fd, 1, 2, 3, 4)
attempt(fd, 1, 2, 3, 4, 5)
attempt(fd, 1, d=4)
attempt(fd, 1, c=9)
attempt(fko, 1)
attempt(fko, 1, 2)
attempt(fko, 1, 2, k=3)
attempt(fko, k=3)
attempt(fko, a=1, k=2)
attempt(fko2)
attempt(fko2, x=1)
attempt(fko2, 1)
attempt(fko2, 1, x=1, y=2)
attempt(fko2, 1, 2, x=1, y=2)
attempt(fko2, x=1, y=2)
attempt(fpo, 1, 2, 3)
attempt(fpo, 1, 2, c=3)
attempt(fpo, 1, b=2, c=3)
attempt(fpo, a=1, b=2, c=3)
attempt(fpo, 1, 2)
attempt(fpo_d, 1)
attempt(fpo_d, 1, 2, 3)
attempt(fpo_d, 1, b=2)
attempt(fpo_d, 1, c=2)
attempt(fpo_d, 1, 2, c=3, d=4)
attempt(fvar)
attempt(fvar, 1, 2, 3)
attempt(fvar, 1, a=2)
attempt(fvar, 1, x=2)
attempt(fkw)
attempt(fkw, 1, 2)
attempt(fkw, 1, a=2)
attempt(fkw, 1, b=2, c=3)
attempt(fkw, a=1, b=2)
attempt(fall, 1, d=1)
attempt(fall, 1, 2, 3, 4, 5, d=6, f=7)
attempt(fall, 1)
attempt(fall, a=1, d=2)
attempt(fall, 1, b=2, d=3)
attempt(fall, 1, 2, c=3, d=4, e=5, b=6)
attempt(fall)

# Methods: qualname includes the class, and self counts.
class C:
    def m(self, x):
        return x
    @classmethod
    def cm(cls, x):
        return x
    @staticmethod
    def sm(x):
        return x
    class Inner:
        def deep(self, *, q):
            return q

c = C()
attempt(c.m)
attempt(c.m, 1, 2)
attempt(C.m, 1)
attempt(C.m)
attempt(c.cm)
attempt(C.cm, 1, 2)
attempt(c.sm)
attempt(C.sm, 1, 2)
attempt(C.Inner().deep, 1)
attempt(C.Inner().deep)
attempt(c.m, y=1)
attempt(c.m, 1, x=1)

def outer():
    def inner(a, b, /):
        return a + b
    return inner
attempt(outer(), 1)
attempt(outer(), 1, b=2)
attempt(outer(), a=1, b=2)
attempt(lambda: 0, 1)
attempt(lambda x, *, y: 0, 1)

# Several missing: the list is joined with commas and 'and'.
def many(a, b, c, d, *, e, f, g):
    pass
attempt(many)
attempt(many, 1)
attempt(many, 1, 2, 3)
attempt(many, 1, 2, 3, 4)
attempt(many, 1, 2, 3, 4, e=1)
attempt(many, 1, 2, 3, 4, e=1, f=2)

# Keywords that are not strings, and ** of non-mappings.
try:
    f1(**{1: 2})
except TypeError as e:
    print('TypeError:', e)
try:
    f1(*5)
except TypeError as e:
    print('TypeError:', e)
try:
    f1(**[1])
except TypeError as e:
    print('TypeError:', e)
try:
    f1(1, **{'a': 2})
except TypeError as e:
    print('TypeError:', e)
try:
    f2(**{'a': 1}, **{'a': 2})
except TypeError as e:
    print('TypeError:', e)

# Binding succeeds in all the legal shapes.
print(fall(1, d=0))
print(fall(1, 2, 3, 4, 5, d=6, e=7, z=8, y=9))
print(fpo_d(1, 2, c=3))
print(fkw(1, a2=1, **{'b': 2}))
print(fvar(*range(4)))
print(fko2(**{'x': 1, 'y': 2}))
