# Exceptions and generators: errors raised inside generators propagate to
# the consumer and finish the generator; try/finally and with blocks inside
# generators; close() raising GeneratorExit; throw() into yield from chains;
# generators that catch GeneratorExit and yield (RuntimeError).

def failing():
    yield 1
    yield 2
    raise ValueError("generator failed")
    yield 3
g = failing()
out = []
try:
    for v in g:
        out.append(v)
except ValueError as e:
    print("consumer caught:", e, out)
print("finished generator:", next(g, "exhausted"))

log = []
class Res:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        log.append("open " + self.name)
        return self
    def __exit__(self, et, ev, tb):
        log.append("close %s (%s)" % (self.name, et.__name__ if et else "ok"))
        return False
def reader(name, n):
    with Res(name):
        for i in range(n):
            yield "%s-%d" % (name, i)
print(list(reader("a", 3)), log)
log.clear()
r = reader("b", 5)
print(next(r), next(r))
r.close()
print(log)
log.clear()

def watcher():
    try:
        while True:
            yield
    except GeneratorExit:
        print("  GeneratorExit seen")
        raise
w = watcher()
next(w)
w.close()
w.close()
print("closing twice is fine")

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuses to stop"
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
print(next(s, "stubborn finished"))

def inner():
    try:
        yield "inner 1"
        yield "inner 2"
    except KeyError as e:
        print("  inner handled", repr(e))
        yield "inner recovered"
    finally:
        print("  inner finally")
def outer():
    try:
        result = yield from inner()
        yield "outer continues"
    except IndexError as e:
        print("  outer handled", repr(e))
        yield "outer recovered"
o = outer()
print(next(o), o.throw(KeyError("k")), next(o), next(o, "done"))
o2 = outer()
print(next(o2), o2.throw(IndexError("i")))
o2.close()
o3 = outer()
next(o3)
try:
    o3.throw(TypeError("unhandled"))
except TypeError as e:
    print("propagated out of both:", e)
print(next(o3, "o3 finished"))

def counter():
    n = 0
    while True:
        try:
            cmd = yield n
        except ValueError:
            n = 0
            continue
        n += cmd or 1
c = counter()
print(next(c), c.send(5), c.send(None), c.throw(ValueError), c.send(2))
c.close()

def gen_in_except():
    try:
        raise KeyError("original")
    except KeyError:
        yield "inside except"
        yield "still inside"
ge = gen_in_except()
print(next(ge))
try:
    raise ValueError("outside")
except ValueError as e:
    print(next(ge), "| context of outside:", e.__context__)
print(list(ge))

def fib_checked(limit):
    a, b = 0, 1
    while True:
        if a > limit:
            return "stopped at %d" % a
        yield a
        a, b = b, a + b
def consume(gen):
    items = []
    while True:
        try:
            items.append(next(gen))
        except StopIteration as stop:
            return items, stop.value
print(consume(fib_checked(50)))
gen = (1 / x for x in (2, 1, 0, 4))
vals = []
try:
    for v in gen:
        vals.append(v)
except ZeroDivisionError as e:
    print("genexpr error:", e, vals, list(gen))
