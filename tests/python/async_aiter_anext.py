# The aiter() and anext() builtins: with async generators and hand-written
# async iterators, anext's default (the anext_awaitable object), and the
# errors for objects that are not async iterables/iterators.
from _helper_aio import Sleep, run


async def agen(n):
    for i in range(n):
        await Sleep(1)
        yield i


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        await Sleep(1)
        self.n -= 1
        return self.n


class SyncAnext:
    """__anext__ returns an awaitable that is not a coroutine."""

    def __init__(self):
        self.i = 0

    def __aiter__(self):
        return self

    def __anext__(self):
        self.i += 1
        return Sleep(0, f"value{self.i}") if self.i < 3 else Done()


class Done:
    def __await__(self):
        raise StopAsyncIteration
        yield


async def main():
    g = agen(3)
    print(aiter(g) is g)
    print(await anext(g), await anext(g), await anext(g))
    try:
        await anext(g)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    print("default:", await anext(g, "dflt"), await anext(agen(1), "unused"))

    c = Countdown(2)
    it = aiter(c)
    print(it is c, await anext(it), await anext(it), await anext(it, None))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("Countdown done")

    s = SyncAnext()
    print(await anext(s))
    try:
        # CPython 3.11 asks the awaitable for a fresh iterator at every
        # step of an anext_awaitable: a second step sends a value into a
        # just-started generator
        await anext(s, 1)
    except TypeError as e:
        print("TypeError:", e)
    print(await anext(s, "end"))
    return "main ok"


print(run(main()))

# anext_awaitable stepped by hand
g = agen(2)
aw = anext(g, "D")
print(type(aw).__name__, aw.__await__() is aw, iter(aw) is aw)
print(aw.send(None))
try:
    aw.send(None)
except StopIteration as e:
    print("StopIteration", e.value)
aw = anext(g, "D")
print(aw.send(None))
try:
    next(aw)
except StopIteration as e:
    print("StopIteration", e.value)
aw = anext(g, "D")
try:
    aw.send(None)
except StopIteration as e:
    print("exhausted gives default:", e.value)
aw = anext(g, None)
try:
    aw.send(None)
except StopIteration as e:
    print("default None:", e.value, e.args)

# throw and close on anext_awaitable
g = agen(5)
aw = anext(g, 0)
print(aw.send(None))
try:
    aw.throw(KeyError("into anext"))
except KeyError as e:
    print("KeyError:", e)
g = agen(5)
aw = anext(g, 0)
print(aw.send(None))
print("close:", aw.close())

# without a default anext returns __anext__()'s result as is
g = agen(1)
n = anext(g)
print(type(n).__name__)
n.close()
c = Countdown(1)
n = anext(c)
print(type(n).__name__)
n.close()

# errors
for args in [(), (1,), (1, 2, 3)]:
    try:
        aiter(*args)
    except TypeError as e:
        print("aiter TypeError:", e)
for args in [(), (1,), (1, 2), (1, 2, 3), ([1],)]:
    try:
        anext(*args)
    except TypeError as e:
        print("anext TypeError:", e)


class AiterReturnsInt:
    def __aiter__(self):
        return 1


class AiterReturnsSync:
    def __aiter__(self):
        return iter([])


for obj in [AiterReturnsInt(), AiterReturnsSync(), [], agen]:
    try:
        aiter(obj)
    except TypeError as e:
        print("aiter TypeError:", e)


class BadAnext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 42


aw = anext(BadAnext(), "d")
try:
    aw.send(None)
except TypeError as e:
    print("TypeError:", e)
try:
    anext(agen(1), 1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    anext(g, default=1)
except TypeError as e:
    print("TypeError:", e)
