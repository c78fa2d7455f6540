# Exception groups printed by sys.excepthook (stderr compared exactly):
# the boxed +-+---- N ---- format, nesting, tracebacks inside groups,
# notes, chained groups, "and N more exceptions", max_group_depth,
# groups escaping except*.
import sys


def show(e):
    sys.excepthook(type(e), e, e.__traceback__)
    print("shown", type(e).__name__)


def raised(n):
    excs = []
    for i in range(n):
        try:
            raise TypeError(f"t{i}")
        except TypeError as e:
            excs.append(e)
    return excs


try:
    raise ExceptionGroup("outer", [ExceptionGroup("g2", raised(2)), ValueError("v"),
                                   ExceptionGroup("x", [ExceptionGroup("g1", raised(1))])])
except ExceptionGroup as e:
    show(e)

show(ExceptionGroup("wide", [ValueError(i) for i in range(16)]))
show(ExceptionGroup("wider", [KeyError(i) for i in range(20)]))
show(ExceptionGroup("exactly 15", [IndexError(i) for i in range(15)]))


def deep(n):
    if n == 0:
        return ValueError("leaf")
    return ExceptionGroup(f"d{n}", [deep(n - 1), OSError(n)])


show(deep(12))

try:
    try:
        raise ExceptionGroup("first", [ValueError(1)])
    except ExceptionGroup:
        raise ExceptionGroup("second", [TypeError(2)])
except ExceptionGroup as e:
    show(e)

try:
    try:
        raise KeyError("plain context")
    except KeyError:
        g = ExceptionGroup("with context", [KeyError(3), ValueError(4)])
        raise g
except ExceptionGroup as e:
    e.add_note("a note on the group")
    e.exceptions[0].add_note("a note on a leaf\nover two lines")
    show(e)


# a leaf with its own cause inside a group
def leaf_with_cause():
    try:
        {}["k"]
    except KeyError as k:
        try:
            raise ValueError("leaf") from k
        except ValueError as v:
            return v


show(ExceptionGroup("causes", [leaf_with_cause(), TypeError("other")]))

# the same leaf twice: printed once per place
leaf = ValueError("shared")
show(ExceptionGroup("shared", [leaf, ExceptionGroup("again", [leaf])]))

# group raised from a group
try:
    raise ExceptionGroup("effect", [TypeError(1)]) from ExceptionGroup("cause", [OSError(2)])
except ExceptionGroup as e:
    show(e)

# BaseExceptionGroup and a custom subclass with a module name
class Custom(ExceptionGroup):
    pass


Custom.__module__ = "pkg.errors"
show(BaseExceptionGroup("base", [KeyboardInterrupt(), SystemExit(3)]))
show(Custom("custom", [ZeroDivisionError("zd")]))


# what escapes an except*
def star():
    try:
        raise ExceptionGroup("star", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise KeyError("from handler")
    except* TypeError:
        pass


try:
    star()
except ExceptionGroup as e:
    show(e)


def naked_star():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise


try:
    naked_star()
except ExceptionGroup as e:
    show(e)


# a group inside a chain inside a group
def inner_chain():
    try:
        raise ExceptionGroup("inner", [IndexError(0)])
    except ExceptionGroup as g:
        try:
            raise RuntimeError("after inner group")
        except RuntimeError as r:
            return r


show(ExceptionGroup("chain in group", [inner_chain()]))
