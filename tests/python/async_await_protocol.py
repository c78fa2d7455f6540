# The __await__ protocol: custom awaitables, generator-based coroutines
# (CO_ITERABLE_COROUTINE, what types.coroutine sets), coroutine objects
# (cr_* attributes, coroutine_wrapper, reuse errors), and the errors of
# bad awaitables.


class Ready:
    def __init__(self, v):
        self.v = v

    def __await__(self):
        return iter([])  # finishes at once with None

    def __repr__(self):
        return f"Ready({self.v})"


class Value:
    def __init__(self, v):
        self.v = v

    def __await__(self):
        got = yield ("need", self.v)
        return (self.v, got)


def drive(coro, replies=()):
    replies = list(replies)
    out = []
    v = None
    while True:
        try:
            y = coro.send(v)
        except StopIteration as e:
            out.append(("result", e.value))
            return out
        except Exception as e:
            out.append(("error", type(e).__name__, str(e)))
            return out
        out.append(y)
        v = replies.pop(0) if replies else None


async def uses(*aws):
    results = []
    for a in aws:
        results.append(await a)
    return results


print(drive(uses(Ready(1), Value("x"), Value("y")), ["rx", "ry"]))


# generator-based coroutine: a generator whose code has the
# CO_ITERABLE_COROUTINE flag (0x100), as types.coroutine makes it
def gen_coro(n):
    total = 0
    for i in range(n):
        total += yield ("tick", i)
    return total


gen_coro.__code__ = gen_coro.__code__.replace(
    co_flags=gen_coro.__code__.co_flags | 0x100)
print("flag set:", bool(gen_coro.__code__.co_flags & 0x100))


async def awaits_gen():
    r = await gen_coro(3)
    return ("gen coro returned", r)


print(drive(awaits_gen(), [1, 2, 3]))


def plain_gen():
    yield 1


async def awaits_plain():
    await plain_gen()


print(drive(awaits_plain()))


# a generator-based coroutine can 'yield from' a coroutine
async def native():
    return await Value("n")


def legacy():
    r = yield from native()
    return ("legacy", r)


legacy.__code__ = legacy.__code__.replace(co_flags=legacy.__code__.co_flags | 0x100)
print(drive(legacy(), ["reply"]))


def legacy_unflagged(c):
    yield from c


nc = native()
g = legacy_unflagged(nc)
try:
    next(g)
except TypeError as e:
    print("TypeError:", e)
nc.close()

# bad awaitables
class NoAwait:
    pass


class AwaitReturnsInt:
    def __await__(self):
        return 5


made = []


class AwaitReturnsCoro:
    def __await__(self):
        c = native()
        made.append(c)
        return c


class AwaitRaises:
    def __await__(self):
        raise KeyError("from __await__")


for obj in [NoAwait(), AwaitReturnsInt(), AwaitReturnsCoro(), AwaitRaises(), 3, None]:
    async def f():
        await obj
    c = f()
    print(type(obj).__name__, drive(c))
    c.close()
for c in made:
    c.close()

# coroutine objects
async def coro(x):
    y = await Value(x)
    return y


c = coro(1)
print(type(c).__name__, c.__name__, c.__qualname__, c.cr_code.co_name)
print("cr_running:", c.cr_running, "cr_await:", c.cr_await, "cr_suspended:", c.cr_suspended,
      "cr_origin:", c.cr_origin, "cr_frame:", c.cr_frame is not None)
print(c.send(None))
print("suspended:", c.cr_suspended, type(c.cr_await).__name__)
try:
    c.send("r")
except StopIteration as e:
    print("result:", e.value)
print("cr_frame after:", c.cr_frame, c.cr_suspended)
for action in ["send", "throw", "close"]:
    try:
        if action == "send":
            c.send(None)
        elif action == "throw":
            c.throw(ValueError("late"))
        else:
            print("close:", c.close())
    except RuntimeError as e:
        print(action, "RuntimeError:", e)

c = coro(2)
try:
    c.send(5)
except TypeError as e:
    print("TypeError:", e)
c.close()

# coroutines are not iterable; __await__ gives a coroutine_wrapper
c = coro(3)
try:
    iter(c)
except TypeError as e:
    print("TypeError:", e)
w = c.__await__()
print(type(w).__name__, iter(w) is w)
print(next(w))
try:
    w.send("via wrapper")
except StopIteration as e:
    print("wrapper result:", e.value)
try:
    next(w)
except RuntimeError as e:
    print("RuntimeError:", e)
c = coro(4)
w = c.__await__()
next(w)
try:
    w.throw(KeyError("k"))
except KeyError as e:
    print("wrapper throw:", e)
c = coro(5)
w = c.__await__()
next(w)
print("wrapper close:", w.close(), c.cr_frame)


# awaiting a coroutine that is already being awaited
async def waiter(inner):
    return await inner


inner = coro(6)
w1 = waiter(inner)
print(w1.send(None))
w2 = waiter(inner)
try:
    w2.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
w1.close()
w2.close()

# reusing an awaited coroutine inside another coroutine
done = coro(7)
drive(done, ["x"])


async def reuse():
    return await done


print(drive(reuse()))

# throw() into a coroutine suspended inside an await of a generator
def catching():
    try:
        yield "waiting"
    except ValueError as e:
        return f"inner handled {e}"


catching.__code__ = catching.__code__.replace(co_flags=catching.__code__.co_flags | 0x100)


async def outer():
    r = await catching()
    return r


c = outer()
print(c.send(None))
try:
    c.throw(ValueError("v"))
except StopIteration as e:
    print("outer returned:", e.value)
