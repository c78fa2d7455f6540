# Generators: yield, laziness, send, throw, close, return values,
# yield from (delegation, return value, send passing through), infinite
# generators with limits, generator pipelines.

def counter(n):
    print("  counter starts")
    i = 0
    while i < n:
        yield i
        i += 1
    print("  counter ends")
g = counter(3)
print("created")
print(next(g))
print(list(g))
print(list(g))

def echo():
    received = []
    while True:
        value = yield len(received)
        if value is None:
            break
        received.append(value)
    return received
e = echo()
print(next(e), e.send("a"), e.send("b"), e.send("c"))
try:
    e.send(None)
except StopIteration as stop:
    print("returned", stop.value)
try:
    echo().send("x")
except TypeError as err:
    print("TypeError:", err)

def averager():
    total = count = 0
    avg = None
    while True:
        v = yield avg
        total += v
        count += 1
        avg = total / count
a = averager()
next(a)
print([a.send(v) for v in (10, 20, 60, 5)])

def guarded():
    try:
        yield 1
        yield 2
    except ValueError as exc:
        print("  caught inside:", exc)
        yield "recovered"
    finally:
        print("  cleanup")
gg = guarded()
print(next(gg), gg.throw(ValueError("injected")))
try:
    next(gg)
except StopIteration:
    print("exhausted after recovery")
g2 = guarded()
next(g2)
g2.close()
print("closed; next gives:", next(g2, "nothing"))
g3 = guarded()
try:
    g3.throw(KeyError("before start"))
except KeyError as exc:
    print("throw before start propagates:", repr(exc))

def inner():
    x = yield "inner-1"
    print("  inner got", x)
    y = yield "inner-2"
    print("  inner got", y)
    return "inner-result"
def outer():
    r = yield from inner()
    print("  outer got return value", r)
    yield "outer-after"
    return "outer-done"
o = outer()
print(next(o), o.send("s1"), o.send("s2"))
try:
    next(o)
except StopIteration as s:
    print("outer returned", s.value)

def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], "ab", range(2), (x * x for x in range(3)), {"k": 0})))

def flatten(tree):
    for node in tree:
        if isinstance(node, list):
            yield from flatten(node)
        else:
            yield node
print(list(flatten([1, [2, [3, [4, []]], 5], [[6]]])))

def naturals():
    n = 0
    while True:
        yield n
        n += 1
def take(n, it):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out
evens = (x for x in naturals() if x % 2 == 0)
squares = (x * x for x in evens)
print(take(6, squares), take(3, naturals()))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
print(next(x for x in fib() if x > 1000))

def lines_pipeline(text):
    lines = (l.strip() for l in text.splitlines())
    nonempty = (l for l in lines if l and not l.startswith("#"))
    pairs = (l.split("=", 1) for l in nonempty)
    return {k.strip(): v.strip() for k, v in pairs}
print(lines_pipeline("# config\nname = ftpy\n\n  threads= 4\n# end\nmode =fast = yes\n"))

def gen_with_state():
    state = yield "ready"
    while state != "stop":
        state = yield "got " + str(state)
    yield "stopping"
gs = gen_with_state()
print(next(gs), gs.send(1), gs.send("two"), gs.send("stop"))

def countdown(n):
    while n > 0:
        yield n
        n -= 1
cd = countdown(3)
print(iter(cd) is cd, list(zip(cd, "abcd")), list(cd))
gen_exp = (i for i in range(3))
print(sum(gen_exp), sum(gen_exp))

def yield_expr_values():
    x = yield
    y = yield x * 2
    yield x + y
ye = yield_expr_values()
print(next(ye), ye.send(5), ye.send(7))

def running_gen():
    yield gen_ref.gi_running
gen_ref = running_gen()
print(gen_ref.gi_running, next(gen_ref))
try:
    def bad():
        yield next(gen_self)
    gen_self = bad()
    next(gen_self)
except ValueError as exc:
    print("ValueError:", exc)
def early_return(flag):
    if flag:
        return
    yield "value"
print(list(early_return(True)), list(early_return(False)))
print(type(counter).__name__, type(counter(1)).__name__, counter(1).__name__)
