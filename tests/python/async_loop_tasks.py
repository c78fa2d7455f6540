# Coroutines run by a tiny hand-written event loop (tests/_helper_aio):
# await on futures, sleeping, tasks awaiting each other, exceptions
# crossing awaits, gather.
from _helper_aio import Future, Sleep, Yield, run, gather, spawn


async def worker(name, ticks, log):
    log.append(f"{name} start")
    t = await Sleep(ticks)
    log.append(f"{name} woke at {t}")
    return name.upper()


async def main():
    log = []
    r = await gather(worker("a", 3, log), worker("b", 1, log), worker("c", 2, log))
    print("gather:", r)
    print("log:", log)
    f = Future()

    async def setter():
        await Sleep(5)
        f.set_result("future value")
        return "setter done"

    t = spawn(setter())
    print("future:", await f)
    print("task:", await t)

    async def failing():
        await Yield()
        raise KeyError("task failed")

    t = spawn(failing())
    try:
        await t
    except KeyError as e:
        print("awaited task raised", e)

    async def deep(n):
        if n == 0:
            await Sleep(1)
            return 0
        return 1 + await deep(n - 1)

    print("deep:", await deep(50))
    return "main done"


print(run(main(), trace=False))
print(run(main(), trace=True))


# an exception thrown into a coroutine by the loop, handled in a finally
async def guarded(log):
    try:
        await Sleep(1)
    finally:
        log.append("cleanup")


async def thrower():
    log = []
    f = Future()
    t = spawn(guarded(log))
    await Yield()
    await Sleep(3)
    print("guarded log:", log)
    f.set_exception(ValueError("via future"))
    try:
        await f
    except ValueError as e:
        print("future exception:", e)


run(thrower())
