# `with` with several items (enter/exit order, exceptions in __enter__,
# __exit__ suppressing or replacing exceptions, the exit arguments) and
# `assert` (messages, evaluation only on failure, -O not used here).
import sys


class CM:
    def __init__(self, name, log, suppress=False, fail_enter=False, fail_exit=False):
        self.name = name
        self.log = log
        self.suppress = suppress
        self.fail_enter = fail_enter
        self.fail_exit = fail_exit

    def __enter__(self):
        self.log.append(f"enter {self.name}")
        if self.fail_enter:
            raise RuntimeError(f"enter {self.name} failed")
        return self.name

    def __exit__(self, typ, val, tb):
        self.log.append(f"exit {self.name} {typ.__name__ if typ else None} "
                        f"{val!r} tb={tb is not None}")
        if self.fail_exit:
            raise KeyError(f"exit {self.name} failed")
        return self.suppress


log = []
with CM("a", log) as a, CM("b", log) as b, CM("c", log):
    log.append(f"body {a} {b}")
print(log)

log = []
try:
    with CM("a", log), CM("b", log, fail_enter=True), CM("c", log):
        log.append("body")
except RuntimeError as e:
    log.append(f"caught {e}")
print(log)

log = []
with CM("outer", log), CM("inner", log, suppress=True):
    raise ValueError("suppressed by inner")
print(log)

log = []
try:
    with CM("outer", log), CM("inner", log, fail_exit=True):
        raise ValueError("original")
except KeyError as e:
    log.append(f"caught {e!r} context={e.__context__!r}")
print(log)

# parenthesized multi-item form and targets that unpack
log = []
with (CM("p", log) as (x, *y),
      CM("q", log) as z):
    log.append(f"{x} {y} {z}")
print(log)


# return, break and continue through with
def early(log):
    with CM("r", log):
        return "returned"


log = []
print(early(log), log)
log = []
for i in range(3):
    with CM(f"l{i}", log):
        if i == 0:
            continue
        if i == 1:
            break
print(log)


# exit gets the exception's traceback; the exception after with has it too
class Inspect:
    def __enter__(self):
        return self

    def __exit__(self, typ, val, tb):
        print("exit tb line:", tb.tb_lineno, "is val tb:", tb is val.__traceback__)
        return False


try:
    with Inspect():
        raise IndexError("x")
except IndexError:
    pass


# __exit__ truthiness decides suppression
class Truthy:
    def __init__(self, r):
        self.r = r

    def __enter__(self):
        return None

    def __exit__(self, *args):
        return self.r


for r in [0, 1, "", "yes", None, [], [0]]:
    try:
        with Truthy(r):
            raise ValueError
        print(repr(r), "suppressed")
    except ValueError:
        print(repr(r), "propagated")

# objects that are not context managers
for obj in [1, object(), type("OnlyEnter", (), {"__enter__": lambda s: s})()]:
    try:
        with obj:
            pass
    except TypeError as e:
        print("TypeError:", e)

# assert
try:
    assert 1 == 2, f"values differ: {1} != {2}"
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert []
except AssertionError as e:
    print("AssertionError with no message:", repr(e), e.args)
evaluated = []


def msg():
    evaluated.append(1)
    return "message"


assert True, msg()
print("message evaluated on success:", bool(evaluated))
try:
    assert False, msg()
except AssertionError as e:
    print(e, evaluated)
try:
    assert 0, ValueError("exception as message")
except AssertionError as e:
    print(repr(e.args[0]))


# AssertionError is looked up as a builtin even if shadowed globally
AssertionError = KeyError
try:
    assert False, "shadowed"
except KeyError:
    print("caught the shadowing name")
except BaseException as e:
    print("still the real AssertionError:", type(e).__name__, e)
del AssertionError
print(__debug__)
