# Generator attributes (gi_*, __name__, __qualname__), PEP 479
# (StopIteration inside a generator), exception state across yields, and
# generator expressions.
import sys


class Holder:
    def gen(self):
        yield 1


g = Holder().gen()
print(g.__name__, g.__qualname__, g.gi_code.co_name)
g.__name__ = "renamed"
g.__qualname__ = "Q.renamed"
print(g.__name__, g.__qualname__)
for bad in [1, None]:
    try:
        g.__name__ = bad
    except TypeError as e:
        print("TypeError:", e)
    try:
        g.__qualname__ = bad
    except TypeError as e:
        print("TypeError:", e)
print(g.gi_frame.f_code is g.gi_code, g.gi_running, g.gi_suspended, g.gi_yieldfrom)
next(g)
print("suspended:", g.gi_suspended, g.gi_frame.f_lineno)
g.close()
print("closed:", g.gi_frame, g.gi_suspended)
print(type(g).__name__, repr(g).startswith("<generator object Q.renamed at 0x"))
for attr in ["gi_running", "gi_frame", "gi_code", "gi_yieldfrom", "gi_suspended"]:
    try:
        setattr(g, attr, 1)
    except AttributeError as e:
        print(attr, "AttributeError")


# PEP 479
def leaks_stop():
    yield 1
    raise StopIteration("inner")


try:
    list(leaks_stop())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__), "| context is cause:",
          e.__context__ is e.__cause__, e.__suppress_context__)


def next_on_empty():
    yield next(iter([]))


try:
    list(next_on_empty())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)


def stop_subclass():
    class MyStop(StopIteration):
        pass
    yield 1
    raise MyStop


try:
    list(stop_subclass())
except RuntimeError as e:
    print("subclass:", e, type(e.__cause__).__name__)


# return inside a generator is fine
def early():
    yield 1
    return
    yield 2


print(list(early()))


# sys.exc_info inside a generator is saved across yields and does not
# leak into the caller
def exc_keeper():
    try:
        raise KeyError("inside")
    except KeyError:
        print("inside before yield:", sys.exc_info()[0].__name__)
        yield 1
        print("inside after yield:", sys.exc_info()[0].__name__, sys.exc_info()[1])
    yield 2


g = exc_keeper()
next(g)
print("caller sees:", sys.exc_info())
try:
    raise ValueError("caller")
except ValueError:
    next(g)
    print("caller still:", sys.exc_info()[0].__name__)
g.close()


# generator expressions: the first iterable is evaluated at once
def src(name, n):
    print("making", name)
    return range(n)


ge = (x * y for x in src("outer", 3) for y in src("inner", 2))
print("created")
print(list(ge))
try:
    (x for x in 5)
except TypeError as e:
    print("TypeError:", e)
ge = (1 / x for x in [1, 0])
print(next(ge))
try:
    next(ge)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(list(ge))
ge = (x for x in [1, 2])
print(ge.__name__, ge.__qualname__, type(ge).__name__)
print(sum(x * x for x in range(10)), max((len(w), w) for w in ["a", "ccc", "bb"]))

# send values through a generator expression: only None is allowed first
ge = (x for x in range(3))
try:
    ge.send(1)
except TypeError as e:
    print("TypeError:", e)
print(ge.send(None), ge.send("ignored"))
