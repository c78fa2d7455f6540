# gc-stress: 200
# contextlib: contextmanager, closing, suppress, redirect_stdout, ExitStack,
# nullcontext, ContextDecorator, AbstractContextManager, chdir-free usage.
import contextlib
import io
from contextlib import contextmanager, suppress, ExitStack, closing, nullcontext, redirect_stdout


log = []


@contextmanager
def tag(name):
    log.append("<" + name + ">")
    try:
        yield name.upper()
    except KeyError as e:
        log.append("caught " + repr(e))
    finally:
        log.append("</" + name + ">")


with tag("a") as t:
    log.append(t)
with tag("b"):
    raise KeyError("k")
try:
    with tag("c"):
        raise ValueError("v")
except ValueError as e:
    log.append("outer " + str(e))
print(log)


@contextmanager
def bad():
    yield 1
    yield 2


try:
    with bad():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)


@contextmanager
def noyield():
    if False:
        yield


try:
    with noyield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)


with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")
try:
    with suppress(KeyError):
        [][1]
except IndexError as e:
    print("IndexError:", e)


class Res:
    def __init__(self, n):
        self.n = n

    def close(self):
        print("close", self.n)


with closing(Res(1)) as r:
    print("using", r.n)

buf = io.StringIO()
with redirect_stdout(buf):
    print("hidden")
print(repr(buf.getvalue()))

with nullcontext(42) as v:
    print(v)

with ExitStack() as stack:
    for i in range(3):
        stack.callback(print, "callback", i)
    rs = [stack.enter_context(closing(Res(i))) for i in (10, 11)]
    print("inside", [x.n for x in rs])


def cleanup_raise():
    raise OSError("cleanup failed")


try:
    with ExitStack() as stack:
        stack.callback(cleanup_raise)
        stack.callback(print, "first cleanup")
except OSError as e:
    print("OSError:", e)

stack = ExitStack()
stack.callback(print, "moved")
other = stack.pop_all()
stack.close()
print("after close")
other.close()


class track(contextlib.ContextDecorator):
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *exc):
        print("exit", exc[0].__name__ if exc[0] else None)
        return False


@track()
def work(x):
    print("work", x)
    return x * 2


print(work(5))


class Mgr(contextlib.AbstractContextManager):
    def __exit__(self, *a):
        return None


with Mgr() as m:
    print(type(m).__name__)
print(issubclass(type(nullcontext()), contextlib.AbstractContextManager))


@contextmanager
def gen_value():
    v = [1]
    yield v
    v.append(2)
    print("after", v)


with gen_value() as v:
    v.append(9)
