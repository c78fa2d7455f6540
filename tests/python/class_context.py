# with statements: __enter__/__exit__ order, the value bound by `as`,
# exceptions passed to __exit__, suppression, nesting, multiple managers,
# return/break/continue through with blocks.

log = []
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        log.append("enter " + self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        log.append("exit %s %s %s %s" % (self.name, exc_type.__name__ if exc_type else None, exc, tb is not None))
        return self.suppress

with CM("a") as v:
    log.append("body " + v)
print(log)
log.clear()

try:
    with CM("b"):
        log.append("before raise")
        raise ValueError("boom")
        log.append("not reached")
except ValueError as e:
    log.append("caught " + str(e))
print(log)
log.clear()

with CM("c", suppress=True):
    raise KeyError("hidden")
log.append("after suppressed")
print(log)
log.clear()

with CM("outer") as o, CM("inner") as i:
    log.append("body %s %s" % (o, i))
print(log)
log.clear()

try:
    with CM("x"), CM("y", suppress=True), CM("z"):
        raise RuntimeError("multi")
    log.append("continued after y suppressed")
except RuntimeError:
    log.append("not reached")
print(log)
log.clear()

def early():
    with CM("ret"):
        log.append("returning")
        return "value"
    log.append("unreachable")
print(early(), log)
log.clear()

for n in range(3):
    with CM("loop%d" % n):
        if n == 0:
            continue
        if n == 2:
            break
        log.append("body %d" % n)
print(log)
log.clear()

class Resource:
    opened = 0
    def __init__(self):
        self.closed = False
    def __enter__(self):
        Resource.opened += 1
        return self
    def __exit__(self, *exc):
        self.closed = True
        Resource.opened -= 1
        return False
with Resource() as r1:
    with Resource() as r2:
        print("open:", Resource.opened, r1.closed, r2.closed)
    print("open:", Resource.opened, r2.closed)
print("open:", Resource.opened, r1.closed)

class ExitReplaces:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        raise TypeError("from exit") from ev
try:
    with ExitReplaces():
        1 / 0
except TypeError as e:
    print("TypeError:", e, "| cause:", type(e.__cause__).__name__, "| context:", type(e.__context__).__name__)

class Bad:
    pass
try:
    with Bad():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__ + ":", e)

class EnterFails:
    def __enter__(self):
        raise OSError("cannot enter")
    def __exit__(self, *a):
        print("exit must not run")
try:
    with CM("first"), EnterFails():
        print("body must not run")
except OSError as e:
    print("OSError:", e, log)
log.clear()

class Tx:
    def __init__(self, store):
        self.store = store
    def __enter__(self):
        self.snapshot = dict(self.store)
        return self.store
    def __exit__(self, et, ev, tb):
        if et is not None:
            self.store.clear()
            self.store.update(self.snapshot)
            print("rolled back because of", et.__name__)
            return True
        print("committed")
store = {"a": 1}
with Tx(store) as s:
    s["b"] = 2
with Tx(store) as s:
    s["c"] = 3
    raise LookupError
print(store)
with CM("as-tuple") as (first, *rest):
    print(first, rest)
print(log)
