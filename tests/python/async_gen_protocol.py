# Async generators stepped by hand: __anext__/asend awaitables, the
# StopIteration that carries a yielded value, StopAsyncIteration at the
# end, values passed up from awaits, ag_* attributes, reuse errors.
from _helper_aio import Sleep, drive


async def counter(n):
    for i in range(n):
        got = yield i
        if got is not None:
            print("  counter got", got)


def step(aw, send=None):
    """One step of an asend/athrow awaitable: what happened."""
    try:
        r = aw.send(send)
        return ("yielded-through", r)
    except StopIteration as e:
        return ("value", e.value)
    except StopAsyncIteration:
        return ("end",)
    except BaseException as e:
        return ("raised", type(e).__name__, str(e))


a = counter(3)
print(type(a).__name__, a.__name__, a.__qualname__, a.ag_code.co_name)
print("ag_running:", a.ag_running, "ag_await:", a.ag_await, "frame:", a.ag_frame is not None)
print(a.__aiter__() is a)
n = a.__anext__()
print(type(n).__name__, n.__await__() is n, iter(n) is n)
print(step(n))
print("reuse:", step(n))
print(step(a.asend("hello")))
print(step(a.__anext__()))
print(step(a.__anext__()))
print("after end:", step(a.__anext__()))
print("frame after end:", a.ag_frame)

# asend with a non-None value to a just-started generator
b = counter(2)
print(step(b.asend(5)))
print(step(b.asend(None)))
print(step(b.asend(None), send=7))
b2 = counter(1)
aw = b2.asend(None)
print("send non-None first:", step(aw, send=9))
print("then:", step(aw))


# values an await passes up reach the driver; the asend awaitable stays
# in progress meanwhile
async def sleeper():
    x = await Sleep(1, "slept")
    yield x
    y = await Sleep(2)
    yield ("second", y)


s = sleeper()
aw = s.__anext__()
print(step(aw))
print("running while awaiting:", s.ag_running, type(s.ag_await).__name__)
other = s.__anext__()
print("second anext meanwhile:", step(other))
print(step(aw, "ignored"))
print("after:", s.ag_running)
aw = s.__anext__()
print(step(aw))
print(step(aw, 42))
print(step(s.__anext__()))


# drive() from the helper: __await__ loop over an asend
print(drive(counter(1).__anext__()))


# StopIteration/StopAsyncIteration raised in the body
async def bad_stop():
    yield 1
    raise StopIteration("x")


g = bad_stop()
print(step(g.__anext__()))
r = step(g.__anext__())
print(r)


async def bad_async_stop():
    raise StopAsyncIteration
    yield


g = bad_async_stop()
try:
    g.__anext__().send(None)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
print("after bad stop:", step(g.__anext__()))


# return value other than None is a syntax error; plain return is fine
async def early_return(flag):
    yield 1
    if flag:
        return
    yield 2


g = early_return(True)
print(step(g.__anext__()), step(g.__anext__()))
try:
    compile("async def f():\n    yield 1\n    return 2\n", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    compile("async def f():\n    yield from [1]\n", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)

# async generators are not iterators
try:
    iter(counter(1))
except TypeError as e:
    print("TypeError:", e)
try:
    next(counter(1))
except TypeError as e:
    print("TypeError:", e)
print(repr(counter(1)).startswith("<async_generator object counter at 0x"))
print(repr(counter(1).__anext__()).startswith("<async_generator_asend object at 0x"))
for name in ["asend", "__anext__", "aclose"]:
    try:
        getattr(counter(1), name)(1, 2)
    except TypeError as e:
        print("TypeError:", e)
