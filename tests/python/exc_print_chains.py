# Tracebacks printed by sys.excepthook (to stderr, compared exactly):
# chained causes and contexts, suppressed context, cycles, notes,
# "Did you mean" suggestions, module-qualified names, str() failures.
import sys


def show(f):
    try:
        f()
    except BaseException as e:
        sys.excepthook(type(e), e, e.__traceback__)
    print("shown", f.__name__)


def level3():
    return {}["missing"]


def level2():
    try:
        level3()
    except KeyError as e:
        raise ValueError("converted") from e


def level1():
    try:
        level2()
    except ValueError:
        raise RuntimeError("while handling")


show(level1)


def suppressed():
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("no context shown") from None


show(suppressed)


def explicit_context_after_suppress():
    e = TypeError("ctx set by hand")
    e.__context__ = KeyError("hidden")
    e.__suppress_context__ = True
    raise e


show(explicit_context_after_suppress)


def cycle():
    a = ValueError("a")
    b = TypeError("b")
    a.__context__ = b
    b.__context__ = a
    raise a


show(cycle)


def cause_and_context():
    try:
        raise KeyError("context")
    except KeyError:
        raise ValueError("top") from OSError("cause")


show(cause_and_context)


def notes():
    e = ValueError("with notes")
    e.add_note("first note")
    e.add_note("multi\nline note")
    e.add_note("")
    raise e


show(notes)


class Unprintable(Exception):
    def __str__(self):
        raise RuntimeError("no str")


def unprintable():
    raise Unprintable()


show(unprintable)


class Local(Exception):
    pass


Local.__module__ = "some.module"


def qualified():
    class Inner(Exception):
        pass
    raise Inner("nested class")


show(qualified)
show(lambda: (_ for _ in ()).throw(Local("module name")))


class Thing:
    value = 1

    def method(self):
        return self.valeu


show(lambda: Thing().method())


def name_suggestion():
    counter = 0
    return countre


show(name_suggestion)
show(lambda: prnt("x"))
show(lambda: [].apend(1))
show(lambda: Thing().zzzzzzzz)


def recursion(n):
    return recursion(n + 1)


show(lambda: recursion(0))


def empty_message():
    raise KeyError()


show(empty_message)


def syntax():
    compile("x = (1,\n", "fake.py", "exec")


show(syntax)
show(lambda: exec("def f(:\n    pass"))


def multiline_expression():
    values = [1, 2, 3]
    return (values[0] +
            values[5])


show(multiline_expression)
