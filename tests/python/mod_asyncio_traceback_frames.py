# gc-stress: 50
# Tracebacks of errors raised in asyncio tasks: CPython runs Future and
# Task in C (_asyncio), so no entry for Task.__step, Future.result or
# Future.__await__ appears; the pure-Python asyncio ftpy runs must add none
# either. Frames are printed as (file name, function).
import asyncio
import os
import traceback


def frames(exc):
    return [(os.path.basename(f.filename), f.name) for f in traceback.extract_tb(exc.__traceback__)]


def run(label, coro_fn):
    try:
        asyncio.run(coro_fn())
    except BaseException as e:
        print(label, type(e).__name__, frames(e))
        for sub in getattr(e, "exceptions", ()):
            print("   sub", type(sub).__name__, frames(sub))


async def inner():
    raise KeyError("k")


async def gathered():
    await asyncio.gather(asyncio.sleep(0), inner())


async def cancelled():
    t = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    t.cancel()
    await t


async def timed_out():
    await asyncio.wait_for(asyncio.sleep(1), 0.01)


async def future_exc():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_exception, OSError(5, "io failed"))
    await fut


async def job(n):
    await asyncio.sleep(0)
    raise ValueError(f"job {n}")


async def group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(job(1))
        tg.create_task(asyncio.sleep(10))


async def agen():
    yield 1
    raise ValueError("in agen")


async def agen_user():
    async for x in agen():
        pass


async def direct():
    await inner()


async def timeout_cm():
    async with asyncio.timeout(0.01):
        await asyncio.sleep(1)


for label, fn in [("gather", gathered), ("cancelled", cancelled), ("wait_for", timed_out),
                  ("future", future_exc), ("taskgroup", group), ("agen", agen_user),
                  ("direct", direct), ("timeout", timeout_cm)]:
    run(label, fn)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("no loop", e, frames(e))
