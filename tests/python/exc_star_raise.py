# except*: what escapes when clauses raise, re-raise with a bare `raise`,
# or raise the caught group; how new and re-raised exceptions are
# combined; __context__ of exceptions raised in clauses; nesting.


def leaves(e):
    if e is None:
        return "None"
    if isinstance(e, BaseExceptionGroup):
        return f"{type(e).__name__}({e.message!r}, [" + ", ".join(leaves(x) for x in e.exceptions) + "])"
    return repr(e)


def attempt(label, body):
    try:
        body()
    except BaseException as e:
        print(label, "->", leaves(e))
        return e
    print(label, "-> nothing")


orig = None


def bare_reraise():
    global orig
    orig = ExceptionGroup("orig", [ValueError(1), TypeError(2), ValueError(3)])
    try:
        raise orig
    except* ValueError:
        raise


e = attempt("bare raise", bare_reraise)
print("  same object:", e is orig, "| leaves are the originals:",
      e.exceptions[0] is orig.exceptions[0])


def reraise_caught():
    try:
        raise ExceptionGroup("orig", [ValueError(1), TypeError(2)])
    except* ValueError as eg:
        raise eg


e = attempt("raise eg", reraise_caught)


def raise_new():
    try:
        raise ExceptionGroup("orig", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("new")


e = attempt("raise new", raise_new)
print("  context of new:", leaves(e.exceptions[0].__context__))


def raise_new_and_unhandled():
    try:
        raise ExceptionGroup("orig", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise KeyError("from V")
    except* TypeError:
        raise IndexError("from T")


e = attempt("two new + rest", raise_new_and_unhandled)


def new_and_reraise():
    try:
        raise ExceptionGroup("orig", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
    except* TypeError:
        raise KeyError("new")


e = attempt("reraise + new", new_and_reraise)


def naked_reraise():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise


e = attempt("naked bare raise", naked_reraise)


def naked_new():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise TypeError("replacement")


e = attempt("naked new", naked_new)
print("  context:", leaves(e.__context__))


def nested_star():
    try:
        try:
            raise ExceptionGroup("inner", [ValueError(1), KeyError(2)])
        except* ValueError:
            raise TypeError("from inner handler")
    except* TypeError as e:
        print("  outer got:", leaves(e))
    except* KeyError as e:
        print("  outer got keys:", leaves(e))


attempt("nested", nested_star)


def handler_raises_group():
    try:
        raise ExceptionGroup("orig", [ValueError(1)])
    except* ValueError:
        raise ExceptionGroup("raised", [ZeroDivisionError(), OSError()])


e = attempt("raise a group", handler_raises_group)


def finally_after_star(log):
    try:
        try:
            raise ExceptionGroup("f", [ValueError(1), OSError(2)])
        except* ValueError:
            log.append("handled V")
        finally:
            log.append("finally")
    except* OSError as e:
        log.append(("outer", leaves(e)))


log = []
finally_after_star(log)
print("finally order:", log)


# re-raising preserves the structure of nested groups
def structure():
    try:
        raise ExceptionGroup("a", [ExceptionGroup("b", [ValueError(1), TypeError(2)]),
                                   ExceptionGroup("c", [ValueError(3)]), TypeError(4)])
    except* ValueError:
        raise
    except* TypeError:
        pass


attempt("structure", structure)


# a group subclass: the parts keep the subclass through derive()
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + "*", excs)


def subclass_split():
    try:
        raise MyEG("mine", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        print("  clause sees", type(e).__name__, e.message)


attempt("subclass", subclass_split)

# exceptions from except* in a loop, with the handler variable in use
results = []
for i in range(3):
    try:
        raise ExceptionGroup(f"loop{i}", [ValueError(i), TypeError(i)])
    except* ValueError as ve:
        results.append(("V", ve.exceptions[0].args[0]))
    except* TypeError as te:
        results.append(("T", te.exceptions[0].args[0]))
print(results)
