# closures_calls: many calls to small functions, in the shapes real code
# uses: positional and keyword arguments, defaults, keyword-only parameters,
# *args and **kwargs (packing and unpacking), closures reading and writing
# (nonlocal) enclosing variables, lambdas, decorators that wrap with
# *args/**kwargs, bound methods, staticmethod/classmethod, and a
# hand-written partial().
#
# Exercises: the call path and argument binding, cell variables, function
# object creation, dict building for **kwargs.
#
# Usage: python3 closures_calls.py [iterations]

import sys

DEFAULT_SIZE = 500000
MOD = 1000000007


def add(a, b):
    return a + b


def scale(x, factor=2, offset=0):
    return x * factor + offset


def clamp(x, *, lo=0, hi=1000):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def total(*args):
    s = 0
    for a in args:
        s += a
    return s


def describe(name, **opts):
    return len(name) + len(opts) + opts.get("weight", 1)


def forward(*args, **kwargs):
    return scale(*args, **kwargs)


def make_counter(start=0, step=1):
    count = start

    def tick():
        nonlocal count
        count += step
        return count
    return tick


def make_adder(k):
    return lambda x: x + k


def compose(f, g):
    def h(x):
        return f(g(x))
    return h


def partial(func, *bound, **bound_kw):
    def call(*args, **kwargs):
        kw = dict(bound_kw)
        kw.update(kwargs)
        return func(*bound, *args, **kw)
    return call


def counted(func):
    calls = [0]

    def wrapper(*args, **kwargs):
        calls[0] += 1
        return func(*args, **kwargs)
    wrapper.calls = calls
    return wrapper


@counted
def poly(x, a=1, b=0, c=0):
    return (a * x + b) * x + c


class Accumulator:
    def __init__(self, weight=1):
        self.weight = weight
        self.value = 0

    def add(self, x, times=1):
        self.value += x * times * self.weight
        return self

    @staticmethod
    def norm(x, modulus=MOD):
        return x % modulus

    @classmethod
    def make(cls, weight):
        return cls(weight=weight)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    tick = make_counter(10, step=3)
    add5 = make_adder(5)
    both = compose(add5, make_adder(-2))
    scale3 = partial(scale, factor=3)
    acc = Accumulator.make(2)
    method = acc.add
    s = 0
    for i in range(n):
        s += add(i, 1)
        s += scale(i)
        s += scale(i, 3)
        s += scale(i, offset=7)
        s += scale(x=i, factor=5, offset=1)
        s += clamp(i - 500, hi=n)
        s += total(i, 1, 2, 3)
        s += total(*(i, i))
        s += describe("item", weight=i & 7, color="red")
        s += forward(i, factor=4)
        s += tick()
        s += both(i)
        s += scale3(i, offset=2)
        s += poly(i & 255, b=3, c=1)
        s += (lambda y, z=2: y * z)(i)
        method(i & 15, times=2)
        s = Accumulator.norm(s)
    print("closures_calls n=%d sum=%d acc=%d poly_calls=%d tick=%d"
          % (n, s, acc.value, poly.calls[0], tick()))


main()
