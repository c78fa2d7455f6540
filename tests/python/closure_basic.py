# Closures: captured variables, nonlocal, counters, late binding in loops,
# closures over loop variables fixed with default arguments, cells shared
# between closures.

def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter()
print(inc(), inc(), inc(10), get())
inc2, get2 = make_counter(100)
print(inc2(), get(), get2())

def adders():
    fs = []
    for i in range(4):
        fs.append(lambda x: x + i)
    return fs
print([f(10) for f in adders()])

def adders_fixed():
    return [lambda x, i=i: x + i for i in range(4)]
print([f(10) for f in adders_fixed()])

def adders_factory():
    def make(n):
        return lambda x: x + n
    return [make(i) for i in range(4)]
print([f(10) for f in adders_factory()])

late = [lambda: i for i in range(3)]
print([f() for f in late])

def shared():
    value = []
    def add(x):
        value.append(x)
    def total():
        return sum(value)
    def reset():
        nonlocal value
        value = []
    return add, total, reset
add, total, reset = shared()
add(1)
add(2)
print(total())
reset()
add(5)
print(total())

def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    r1 = middle()()
    x = "changed"
    r2 = middle()()
    return r1, r2
print(outer())

def deep():
    a = 1
    def l1():
        b = 2
        def l2():
            c = 3
            def l3():
                nonlocal a, b
                a += 100
                b += 100
                return a + b + c
            return l3
        return l2
    f = l1()()
    return f(), f(), a
print(deep())

def accumulate():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    return add
acc = accumulate()
print([acc(i) for i in range(6)])

def fib_gen():
    a, b = 0, 1
    def nxt():
        nonlocal a, b
        r = a
        a, b = b, a + b
        return r
    return nxt
nx = fib_gen()
print([nx() for _ in range(15)])

def make_ops():
    ops = {}
    for name, fn in [("add", lambda a, b: a + b), ("mul", lambda a, b: a * b)]:
        ops[name] = fn
    ops["sub"] = lambda a, b: a - b
    return ops
ops = make_ops()
print(sorted((k, v(6, 3)) for k, v in ops.items()))

x = "global"
def reads_global():
    return x
def shadows():
    x = "local"
    def inner():
        return x
    return inner()
print(reads_global(), shadows())

def counter_class_like():
    state = {"n": 0}
    def bump():
        state["n"] += 1
        return state["n"]
    return bump
bump = counter_class_like()
bump()
bump()
print(bump())
print(make_counter.__name__, inc.__name__, inc.__qualname__, len(inc.__closure__), type(inc.__closure__[0]).__name__)
print(inc.__closure__[0].cell_contents, make_counter.__closure__)

def compose(*fns):
    def composed(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return composed
print(compose(str, lambda v: v * 2, abs)(-21), compose()(7))
