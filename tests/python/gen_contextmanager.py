# A contextmanager decorator written by hand on top of generators (like
# contextlib's), used for timing-free "timers", temporary state, nested
# managers, exception suppression and transformation.

class GeneratorCM:
    def __init__(self, gen):
        self.gen = gen
    def __enter__(self):
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None
    def __exit__(self, et, ev, tb):
        if et is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if ev is None:
            ev = et()
        try:
            self.gen.throw(ev)
        except StopIteration as stop:
            return stop is not ev
        except BaseException as exc:
            if exc is ev:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw()")

def contextmanager(fn):
    def helper(*args, **kwargs):
        return GeneratorCM(fn(*args, **kwargs))
    helper.__name__ = fn.__name__
    return helper

events = []

@contextmanager
def tag(name):
    events.append("<%s>" % name)
    try:
        yield name.upper()
    finally:
        events.append("</%s>" % name)

with tag("a") as t:
    events.append("body " + t)
    with tag("b"):
        events.append("inner")
print("".join(events))
events.clear()

try:
    with tag("x"):
        raise ValueError("inside x")
except ValueError as e:
    print("propagated:", e, events)
events.clear()

@contextmanager
def suppress(*types):
    try:
        yield
    except types as e:
        events.append("suppressed %s: %s" % (type(e).__name__, e))

with suppress(KeyError, IndexError):
    {}["missing"]
with suppress(KeyError):
    pass
print(events)
try:
    with suppress(KeyError):
        1 / 0
except ZeroDivisionError:
    print("ZeroDivisionError not suppressed")
events.clear()

@contextmanager
def translate(src, dst):
    try:
        yield
    except src as e:
        raise dst("translated: %s" % e) from e

try:
    with translate(KeyError, LookupError):
        {}["k"]
except LookupError as e:
    print(type(e).__name__, e, "| cause:", repr(e.__cause__))

settings = {"debug": False, "level": 1}
@contextmanager
def temporarily(**changes):
    saved = {k: settings[k] for k in changes}
    settings.update(changes)
    try:
        yield dict(settings)
    finally:
        settings.update(saved)

with temporarily(debug=True, level=5) as inside:
    print("inside:", inside, settings)
print("after:", settings)
try:
    with temporarily(level=99):
        raise RuntimeError("fails while changed")
except RuntimeError as e:
    print("restored after error:", settings, e)

@contextmanager
def counter():
    box = [0]
    yield box
    events.append("final count %d" % box[0])
with counter() as c:
    for i in range(5):
        c[0] += i
print(events)

@contextmanager
def no_yield():
    if False:
        yield
try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)

@contextmanager
def two_yields():
    yield 1
    yield 2
try:
    with two_yields() as v:
        print("got", v)
except RuntimeError as e:
    print("RuntimeError:", e)

@contextmanager
def stack(name, depth):
    events.append("enter %s" % name)
    if depth:
        with stack(name + ".child", depth - 1) as inner:
            yield inner
    else:
        yield name
    events.append("exit %s" % name)
events.clear()
with stack("root", 2) as leaf:
    events.append("leaf " + leaf)
print(events)
