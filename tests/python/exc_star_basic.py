# except*: each clause takes its part of the group; unmatched parts are
# re-raised; naked exceptions are wrapped; else/finally; the exception a
# clause sees; errors for invalid clause types.
import sys


def leaves(e):
    if e is None:
        return "None"
    if isinstance(e, BaseExceptionGroup):
        return f"{type(e).__name__}({e.message!r}, [" + ", ".join(leaves(x) for x in e.exceptions) + "])"
    return repr(e)


def run(label, exc):
    print("--", label)
    try:
        try:
            raise exc
        except* ValueError as e:
            print("  ValueError clause:", leaves(e), "exc_info:", leaves(sys.exc_info()[1]) == leaves(e))
        except* (TypeError, KeyError) as e:
            print("  Type/Key clause:", leaves(e))
        except* LookupError as e:
            print("  LookupError clause:", leaves(e))
        else:
            print("  else")
        finally:
            print("  finally")
    except BaseException as e:
        print("  escaped:", leaves(e))
    else:
        print("  nothing escaped")


run("all handled", ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)]))
run("part unhandled", ExceptionGroup("eg", [ValueError(1), OSError(2), IndexError(3)]))
run("nested", ExceptionGroup("outer", [ExceptionGroup("inner", [ValueError(1), OSError(5)]), TypeError(2)]))
run("naked matched", ValueError("naked"))
run("naked unmatched", OSError("naked os"))
run("naked lookup", IndexError(7))
run("base group", BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError(3)]))

# no exception: else runs
try:
    pass
except* ValueError:
    print("never")
else:
    print("else without exception")

# a clause without a name, and a clause matching nothing
try:
    raise ExceptionGroup("x", [ValueError(1)])
except* ZeroDivisionError:
    print("never")
except* ValueError:
    print("unnamed clause ran")

# the name is deleted after the clause
try:
    raise ExceptionGroup("x", [ValueError(1)])
except* ValueError as err:
    pass
try:
    err
except NameError as e:
    print("NameError:", e)

# each clause runs at most once, in order; the first match wins
log = []
try:
    raise ExceptionGroup("order", [KeyError(1), IndexError(2), ValueError(3)])
except* KeyError as e:
    log.append(("KeyError", leaves(e)))
except* LookupError as e:
    log.append(("LookupError", leaves(e)))
except* Exception as e:
    log.append(("Exception", leaves(e)))
print(log)

# invalid clause types
for t in ["ExceptionGroup", "BaseExceptionGroup", "(ValueError, ExceptionGroup)", "int", "(ValueError, 3)"]:
    src = f"try:\n    raise ValueError(1)\nexcept* {t}:\n    pass\n"
    try:
        exec(src)
    except TypeError as e:
        print(t, "TypeError:", e)

# syntax errors
for src in ["try:\n    pass\nexcept* ValueError:\n    pass\nexcept TypeError:\n    pass\n",
            "try:\n    pass\nexcept*:\n    pass\n",
            "for x in y:\n    try:\n        pass\n    except* ValueError:\n        break\n",
            "for x in y:\n    try:\n        pass\n    except* ValueError:\n        continue\n",
            "def f():\n    try:\n        pass\n    except* ValueError:\n        return 1\n"]:
    try:
        compile(src, "<s>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)

# break/continue/return inside a nested function or loop in the clause are fine
try:
    raise ExceptionGroup("loops", [ValueError(1)])
except* ValueError:
    for i in range(3):
        if i == 1:
            continue
        if i == 2:
            break

    def inner():
        return "inner return"
    print(inner())

# a caught group exposes its parts; the handler can inspect e.exceptions
try:
    raise ExceptionGroup("inspect", [ValueError(1), ValueError(2), TypeError(3)])
except* ValueError as e:
    print([x.args[0] for x in e.exceptions], e.message, type(e).__name__)
except* TypeError as e:
    print(e.exceptions)
