# raise ... from, __context__, __cause__, __suppress_context__,
# __traceback__ objects (tb_frame, tb_lineno, tb_next, tb_lasti),
# with_traceback, add_note/__notes__, and re-raising semantics.
import sys


def chain(e):
    out = []
    while e is not None:
        out.append((type(e).__name__, str(e), e.__suppress_context__))
        e = e.__cause__ if e.__cause__ is not None else (
            None if e.__suppress_context__ else e.__context__)
    return out


try:
    try:
        raise KeyError("first")
    except KeyError as k:
        raise ValueError("second") from k
except ValueError as v:
    print(chain(v), v.__context__ is v.__cause__)

try:
    try:
        raise KeyError("first")
    except KeyError:
        raise ValueError("implicit")
except ValueError as v:
    print(chain(v), v.__cause__)

try:
    try:
        raise KeyError("hidden")
    except KeyError:
        raise ValueError("from None") from None
except ValueError as v:
    print(chain(v), repr(v.__context__), v.__cause__)

# from a class: instantiated; from something that is not an exception
try:
    raise ValueError("x") from KeyError
except ValueError as v:
    print(repr(v.__cause__))
try:
    raise ValueError("x") from 5
except TypeError as t:
    print("TypeError:", t)
try:
    raise 5
except TypeError as t:
    print("TypeError:", t)
try:
    raise int
except TypeError as t:
    print("TypeError:", t)


class NotReallyExc(Exception):
    def __new__(cls):
        return 5


try:
    raise NotReallyExc
except TypeError as t:
    print("TypeError:", t)

# setting the attributes by hand
e = ValueError("v")
print(e.__cause__, e.__context__, e.__suppress_context__, e.__traceback__)
e.__cause__ = KeyError("c")
print(e.__suppress_context__)
e.__cause__ = None
print(e.__cause__, e.__suppress_context__)
try:
    e.__suppress_context__ = 0
except TypeError as t:
    print("TypeError:", t)
e.__suppress_context__ = False
print(e.__suppress_context__)
for attr, val in [("__cause__", 5), ("__context__", "x"), ("__traceback__", 1)]:
    try:
        setattr(e, attr, val)
    except TypeError as t:
        print(attr, "TypeError:", t)
for attr in ["__cause__", "__context__", "__traceback__", "__suppress_context__", "args"]:
    try:
        delattr(e, attr)
        print(attr, "deleted")
    except (TypeError, AttributeError) as t:
        print(attr, type(t).__name__ + ":", t)


# context set when raising inside except and finally, cycles avoided
def ctx():
    try:
        raise KeyError("a")
    except KeyError as a:
        try:
            raise a
        except KeyError as again:
            return again.__context__


print("re-raising the handled exception keeps no self context:", ctx())


def cycle():
    try:
        try:
            raise KeyError("a")
        except KeyError as a:
            try:
                raise ValueError("b")
            except ValueError as b:
                raise a
    except KeyError as final:
        return final, final.__context__, final.__context__.__context__


f, c1, c2 = cycle()
print(repr(f), repr(c1), repr(c2))

# traceback objects
def inner():
    raise RuntimeError("deep")


def outer():
    inner()


try:
    outer()
except RuntimeError as err:
    tb = err.__traceback__
    frames = []
    while tb is not None:
        frames.append((tb.tb_frame.f_code.co_name, tb.tb_lineno - tb.tb_frame.f_code.co_firstlineno,
                       type(tb.tb_lasti).__name__))
        tb = tb.tb_next
    print(frames)
    saved = err.__traceback__

# tb_next can be relinked, but not to something else
try:
    saved.tb_next = 5
except TypeError as t:
    print("TypeError:", t)
try:
    del saved.tb_next
except TypeError as t:
    print("TypeError:", t)
try:
    saved.tb_next.tb_next = saved
except ValueError as t:
    print("ValueError:", t)
saved.tb_next = None
print(saved.tb_next)

# with_traceback replaces the traceback; raising adds the current frame
try:
    raise ValueError("a")
except ValueError as a:
    tb_a = a.__traceback__
e = KeyError("k").with_traceback(tb_a)
print(e.__traceback__ is tb_a)
try:
    raise e
except KeyError as k:
    print(k.__traceback__.tb_next is tb_a)
print(KeyError().with_traceback(None).__traceback__)
try:
    KeyError().with_traceback(5)
except TypeError as t:
    print("TypeError:", t)

# notes
e = ValueError("noted")
print(hasattr(e, "__notes__"))
e.add_note("one")
e.add_note("two")
print(e.__notes__, e.__dict__)
for bad in [5, b"bytes", None]:
    try:
        e.add_note(bad)
    except TypeError as t:
        print("TypeError:", t)
e.__notes__ = "not a list"
try:
    e.add_note("x")
except TypeError as t:
    print("TypeError:", t)
del e.__notes__
e.add_note("fresh")
print(e.__notes__)
try:
    e.add_note()
except TypeError as t:
    print("TypeError:", t)

# bare raise re-raises the exception being handled, with its traceback
def reraiser():
    try:
        raise OSError("orig")
    except OSError:
        raise


try:
    reraiser()
except OSError as o:
    n = 0
    tb = o.__traceback__
    while tb:
        n += 1
        tb = tb.tb_next
    print("tb entries after bare raise:", n)
try:
    raise
except RuntimeError as t:
    print("RuntimeError:", t)

# sys.exc_info inside and after handlers, nested
try:
    raise KeyError("outer")
except KeyError:
    try:
        raise ValueError("inner")
    except ValueError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())
