# try/except/else/finally in all combinations; order of execution; which
# handler matches; exception objects and args.

def run(case):
    trace = []
    try:
        trace.append("try")
        if case == "raise":
            raise ValueError("v")
        if case == "key":
            {}["missing"]
        if case == "other":
            raise RuntimeError("r")
    except ValueError as e:
        trace.append("except ValueError %s" % e)
    except (KeyError, IndexError) as e:
        trace.append("except lookup %r" % e)
    else:
        trace.append("else")
    finally:
        trace.append("finally")
    return trace
for case in ("ok", "raise", "key"):
    print(case, run(case))
try:
    run("other")
except RuntimeError as e:
    print("escaped:", e)

def try_finally_only(fail):
    out = []
    try:
        try:
            out.append("inner try")
            if fail:
                raise OSError("disk")
        finally:
            out.append("inner finally")
        out.append("after inner")
    except OSError as e:
        out.append("outer caught " + str(e))
    return out
print(try_finally_only(False), try_finally_only(True))

def try_else_no_except():
    out = []
    try:
        out.append("t")
    except Exception:
        out.append("x")
    else:
        out.append("e")
    return out
print(try_else_no_except())

def handler_order():
    try:
        raise KeyError("k")
    except LookupError as e:
        return "LookupError handler got " + type(e).__name__
    except KeyError:
        return "never"
print(handler_order())

try:
    raise ValueError
except ValueError as e:
    print(repr(e), str(e) == "", e.args)
try:
    raise ValueError("a", 2, None)
except ValueError as e:
    print(repr(e), str(e), e.args, e.args[1])
try:
    raise TypeError()
except TypeError as e:
    print(repr(e), e.args)
e1 = ValueError("stored")
print(repr(e1), str(e1), isinstance(e1, Exception), isinstance(e1, BaseException), e1.args)
try:
    raise e1
except ValueError as caught:
    print(caught is e1)
try:
    raise Exception
except Exception as e:
    print(type(e).__name__, repr(e))

x = "unchanged"
try:
    pass
except NameError as x:
    pass
print(x)
try:
    raise IndexError("bound")
except IndexError as err:
    pass
try:
    print(err)
except NameError as e:
    print("NameError:", e)

for exc in (ZeroDivisionError, ArithmeticError, OverflowError, KeyError, IndexError, LookupError, ValueError, UnicodeError,
            TypeError, AttributeError, NameError, UnboundLocalError, RuntimeError, RecursionError, NotImplementedError,
            StopIteration, AssertionError, OSError, FileNotFoundError, Exception, KeyboardInterrupt, SystemExit, GeneratorExit):
    print(exc.__name__, [b.__name__ for b in exc.__mro__[1:]])

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("replaced")
except ValueError as e:
    print("outer got", repr(e), type(e.__context__).__name__, e.__suppress_context__, e.__cause__)

def catch_base():
    try:
        raise KeyboardInterrupt
    except Exception:
        return "Exception caught it"
    except BaseException as b:
        return "BaseException caught " + type(b).__name__
print(catch_base())

def which(exc):
    try:
        raise exc
    except (ArithmeticError, AttributeError):
        return "arith-or-attr"
    except LookupError:
        return "lookup"
    except Exception as e:
        return "exception:" + type(e).__name__
print([which(e) for e in (OverflowError, KeyError("k"), AttributeError, ValueError("x"), ZeroDivisionError)])

classes = (ValueError, TypeError)
try:
    raise TypeError("dynamic tuple")
except classes as e:
    print("caught via tuple variable:", e)
try:
    try:
        raise ValueError("x")
    except 42:
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
try:
    raise ValueError("x") from 5
except TypeError as e:
    print("TypeError:", e)
