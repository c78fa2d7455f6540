# athrow()/aclose() awaitables of async generators: all argument forms,
# GeneratorExit handling, awaiting inside finally while closing,
# "ignored GeneratorExit", reuse and "already running" errors.
from _helper_aio import Sleep


def step(aw, send=None):
    try:
        r = aw.send(send)
        return ("through", r)
    except StopIteration as e:
        return ("value", e.value)
    except StopAsyncIteration:
        return ("end",)
    except BaseException as e:
        return ("raised", type(e).__name__, str(e))


async def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            yield ("caught", e.args)


def started(agen):
    print("  start:", step(agen.__anext__()))
    return agen


g = started(catcher())
print(type(g.athrow(ValueError)).__name__)
print("class:", step(g.athrow(ValueError)))
print("resume:", step(g.__anext__()))
print("instance:", step(g.athrow(ValueError("v"))))
print("resume:", step(g.__anext__()))
print("class+value:", step(g.athrow(ValueError, 7)))
print("resume:", step(g.__anext__()))
print("class+tuple:", step(g.athrow(ValueError, (1, 2))))
print("resume:", step(g.__anext__()))
print("uncaught:", step(g.athrow(KeyError("k"))))
print("after uncaught:", step(g.__anext__()))

# argument errors appear when the awaitable runs
g = started(catcher())
print("no args:", step(g.athrow()))
print("afterwards the generator counts as running:", step(g.__anext__()))
g = started(catcher())
print("bad type:", step(g.athrow(5)))
print("bad tb:", step(g.athrow(ValueError, None, 5)))
print("instance+value:", step(g.athrow(ValueError("a"), 1)))

# athrow on a fresh generator raises at its start
g = catcher()
print("fresh athrow:", step(g.athrow(KeyError("first"))))
print("then:", step(g.__anext__()))
print("athrow on finished:", step(g.athrow(ValueError)))
print("aclose on finished:", step(g.aclose()))

# non-None send to a fresh athrow awaitable
g = started(catcher())
aw = g.athrow(ValueError)
print("send non-None:", step(aw, 1))
print("then send None:", step(aw))
print("reuse:", step(aw))
print("aw.close:", aw.close(), step(aw))


# aclose runs finally blocks; awaits inside them pass through
async def cleanup(log):
    try:
        yield 1
        yield 2
    finally:
        log.append("finally start")
        t = await Sleep(1, "slept")
        log.append(("finally after await", t))


log = []
g = cleanup(log)
print(step(g.__anext__()))
c = g.aclose()
print("aclose 1:", step(c))
print("aclose 2:", step(c))
print("aclose 3:", step(c))
print(log)
print("next after close:", step(g.__anext__()))
print("aclose again:", step(g.aclose()))


# a generator that yields while closing
async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "no"


g = stubborn()
step(g.__anext__())
print("ignored:", step(g.aclose()))
print("closed flag makes athrow end:", step(g.athrow(ValueError)))
print("and aclose end:", step(g.aclose()))


# aclose on a fresh generator and on one that returns while closing
g = cleanup([])
print("fresh aclose:", step(g.aclose()))
print(step(g.__anext__()))


async def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return


g = returns_on_exit()
step(g.__anext__())
print("return on exit:", step(g.aclose()))


# aclose while an asend is in progress
async def slow():
    await Sleep(1)
    yield 1


g = slow()
aw = g.__anext__()
print(step(aw))
print("aclose while running:", step(g.aclose()))
print("athrow while running:", step(g.athrow(ValueError)))
print(step(aw))


# throw()/close() on the asend and athrow awaitables themselves
async def thrown_into():
    try:
        await Sleep(1)
    except KeyError as e:
        yield ("caught in await", str(e))
    yield "end"


g = thrown_into()
aw = g.__anext__()
print(step(aw))
try:
    print("asend.throw:", aw.throw(KeyError("kk")))
except StopIteration as e:
    print("asend.throw value:", e.value)
try:
    aw.throw(KeyError)
except RuntimeError as e:
    print("RuntimeError:", e)
aw = g.__anext__()
print("asend.close:", aw.close(), step(aw))
g2 = started(catcher())
at = g2.athrow(ValueError)
try:
    at.throw(KeyError("via athrow.throw"))
except KeyError as e:
    print("athrow.throw:", e)
print(step(at))
