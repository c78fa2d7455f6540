# gc-stress: 20
# __int__/__index__/__float__/__complex__ returning a strict subclass of the
# expected type: accepted with a DeprecationWarning, the result is exact;
# int() delegating to __trunc__ warns too.
import math
import operator
import warnings


class I(int):
    pass


class F(float):
    pass


class C(complex):
    pass


class A:
    def __int__(self):
        return I(5)

    def __index__(self):
        return I(6)

    def __float__(self):
        return F(1.5)

    def __complex__(self):
        return C(2j)


class B:
    def __int__(self):
        return True


class T:
    def __trunc__(self):
        return 42


class TI:
    def __trunc__(self):
        return I(7)


class Bad:
    def __int__(self):
        return 1.5

    def __float__(self):
        return 2

    def __index__(self):
        return "x"


def show(label, f, *args):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            r = f(*args)
            print(label, type(r).__name__, r)
        except Exception as e:
            print(label, "raised", type(e).__name__, e)
        for x in w:
            print("   ", x.category.__name__, x.message)


a = A()
show("int", int, a)
show("index", operator.index, a)
show("float", float, a)
show("complex", complex, a)
show("floor", math.floor, a)
show("list index", lambda x: [1, 2, 3, 4, 5, 6, 7][x], a)
show("%d", lambda x: "%d" % x, a)
show("%x", lambda x: "%x" % x, a)
show("hex", hex, a)
show("sqrt", math.sqrt, a)
show("bool result", int, B())
show("trunc", int, T())
show("trunc subclass", int, TI())
show("bad int", int, Bad())
show("bad float", float, Bad())
show("bad index", operator.index, Bad())

with warnings.catch_warnings():
    warnings.simplefilter("error")
    for f in (int, float, complex, operator.index):
        try:
            f(a)
        except DeprecationWarning as e:
            print(f.__name__, "as error:", e)
