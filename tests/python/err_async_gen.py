# An exception from inside an async generator, driven by hand, ends the
# program.
async def numbers():
    for i in range(3):
        yield i
    raise LookupError("no more numbers")


async def consume():
    seen = []
    async for n in numbers():
        seen.append(n)
    return seen


coro = consume()
try:
    coro.send(None)
except StopIteration as e:
    print("unexpected", e.value)
