# Decorators: plain, with arguments, stacked (application order), class
# decorators, decorators keeping state, wrapping methods, memoization.

def trace(fn):
    def wrapper(*args, **kwargs):
        print("  call %s%r %r" % (fn.__name__, args, kwargs))
        result = fn(*args, **kwargs)
        print("  %s returned %r" % (fn.__name__, result))
        return result
    wrapper.__name__ = "traced_" + fn.__name__
    wrapper.wrapped = fn
    return wrapper

@trace
def add(a, b=0):
    return a + b
print(add(1, 2), add(5, b=1), add.__name__, add.wrapped.__name__)

def repeat(times):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(times)]
        return wrapper
    return deco

@repeat(3)
def hello(name):
    return "hi " + name
print(hello("bo"))

order = []
def tag(label):
    order.append("make " + label)
    def deco(fn):
        order.append("apply " + label)
        def wrapper():
            return "<%s>%s</%s>" % (label, fn(), label)
        return wrapper
    return deco

@tag("b")
@tag("i")
def text():
    return "x"
print(text(), order)

def count_calls(fn):
    def wrapper(*a, **k):
        wrapper.calls += 1
        return fn(*a, **k)
    wrapper.calls = 0
    return wrapper

@count_calls
def noop():
    pass
for _ in range(4):
    noop()
print(noop.calls)

def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper

@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))

registry = {}
def register(cls):
    registry[cls.__name__.lower()] = cls
    cls.registered = True
    return cls

@register
class Alpha:
    pass

@register
class Beta:
    def __init__(self, v=0):
        self.v = v
print(sorted(registry), Alpha.registered, registry["beta"](7).v)

def add_repr(cls):
    def __repr__(self):
        fields = ", ".join("%s=%r" % kv for kv in sorted(vars(self).items()))
        return "%s(%s)" % (cls.__name__, fields)
    cls.__repr__ = __repr__
    return cls

@add_repr
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(Point(1, "two"), [Point(0, 0)])

def method_logger(fn):
    def wrapper(self, *a):
        return "%s.%s -> %r" % (type(self).__name__, fn.__name__, fn(self, *a))
    return wrapper

class Calc:
    def __init__(self, base):
        self.base = base
    @method_logger
    def plus(self, n):
        return self.base + n
    @staticmethod
    @trace
    def static_thing(x):
        return x * 2
    @classmethod
    def build(cls, v):
        return cls(v)
print(Calc(10).plus(5), Calc.static_thing(4), Calc.build(3).plus(1))

def validate(*types):
    def deco(fn):
        def wrapper(*args):
            for a, t in zip(args, types):
                if not isinstance(a, t):
                    raise TypeError("%s: expected %s, got %s" % (fn.__name__, t.__name__, type(a).__name__))
            return fn(*args)
        return wrapper
    return deco

@validate(int, str)
def describe(n, s):
    return s * n
print(describe(3, "ab"))
try:
    describe("3", "ab")
except TypeError as e:
    print("TypeError:", e)

def identity(x):
    return x
@identity
@identity
def twice_identity():
    return "still works"
print(twice_identity())
lam_decorated = (lambda f: (lambda: f().upper()))(lambda: "lambda decorated")
print(lam_decorated())
def deco_with_default(fn=None, *, prefix=">"):
    if fn is None:
        return lambda f: deco_with_default(f, prefix=prefix)
    return lambda *a: prefix + str(fn(*a))
@deco_with_default
def one():
    return 1
@deco_with_default(prefix="#")
def two():
    return 2
print(one(), two())
