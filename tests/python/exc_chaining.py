# Exception chaining: implicit __context__, explicit `raise ... from`,
# `from None`, bare `raise` re-raising the current exception, re-raise
# after handling a nested one, sys-free inspection of the chain.

def chain_of(e):
    out = []
    while e is not None:
        out.append("%s(%s)[cause=%s, suppress=%s]" % (type(e).__name__, e, type(e.__cause__).__name__ if e.__cause__ else None, e.__suppress_context__))
        e = e.__cause__ or (None if e.__suppress_context__ else e.__context__)
    return out

try:
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("bad key") from e
except ValueError as e:
    print(chain_of(e), e.__cause__ is e.__context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("implicit")
except ValueError as e:
    print(chain_of(e), e.__cause__, type(e.__context__).__name__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("hidden context") from None
except ValueError as e:
    print(chain_of(e), e.__suppress_context__, type(e.__context__).__name__, e.__cause__)

def reraise():
    try:
        int("x")
    except ValueError:
        print("  logging and re-raising")
        raise
try:
    reraise()
except ValueError as e:
    print("re-raised:", e, e.__context__)

def reraise_after_nested():
    try:
        raise KeyError("outer")
    except KeyError:
        try:
            raise IndexError("inner")
        except IndexError:
            pass
        raise
try:
    reraise_after_nested()
except LookupError as e:
    print("bare raise re-raises:", repr(e))

try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)

def three_level():
    try:
        try:
            try:
                raise OSError("level1")
            except OSError as e1:
                raise KeyError("level2") from e1
        except KeyError as e2:
            raise RuntimeError("level3")
    except RuntimeError as e3:
        return chain_of(e3)
print(three_level())

class AppError(Exception):
    pass
def load(name):
    try:
        return {"a": 1}[name]
    except KeyError as exc:
        raise AppError("cannot load %r" % name) from exc
try:
    load("zz")
except AppError as e:
    print(e, "<-", repr(e.__cause__), e.__cause__.args)

e = ValueError("manual")
e.__cause__ = TypeError("set by hand")
try:
    raise e
except ValueError as caught:
    print(chain_of(caught), caught.__suppress_context__)

try:
    try:
        raise ValueError("a")
    except ValueError as first:
        try:
            raise TypeError("b")
        except TypeError as second:
            print("inner context:", repr(second.__context__))
            raise
except TypeError as t:
    print("outer sees:", repr(t), repr(t.__context__))

def context_in_finally():
    try:
        try:
            raise ValueError("v")
        finally:
            try:
                raise KeyError("in finally")
            except KeyError as k:
                print("  finally handler context:", repr(k.__context__))
    except ValueError as v:
        return "outer got " + repr(v) + " context " + repr(v.__context__)
print(context_in_finally())

err = None
try:
    raise ValueError("saved")
except ValueError as exc:
    err = exc
print(repr(err), err.__traceback__ is not None, type(err.__traceback__).__name__)
try:
    raise err
except ValueError as again:
    print(again is err)

def raise_with_traceback_chain(n):
    if n == 0:
        raise LookupError("bottom")
    try:
        raise_with_traceback_chain(n - 1)
    except LookupError as exc:
        raise LookupError("level %d" % n) from exc
try:
    raise_with_traceback_chain(3)
except LookupError as top:
    print(chain_of(top))
e = Exception("with notes")
e.add_note("note 1")
e.add_note("note 2")
print(e.__notes__, e.args, str(e))
