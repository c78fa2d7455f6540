# gc-stress: 50
# asyncio 3.11 additions: TaskGroup (success, failure caught with except*),
# asyncio.timeout after a TaskGroup failure left the task cancelling,
# Semaphore, to_thread, run_in_executor, wait/as_completed, async generator
# aclose, asynccontextmanager, call_soon/call_later, Condition, shield.
import asyncio, time, contextlib
async def job(i, d=0):
    await asyncio.sleep(d)
    if i == 3: raise ValueError(f"job {i} failed")
    return i * 10
async def main():
    async with asyncio.TaskGroup() as tg:
        ts = [tg.create_task(job(i, 0.001 * i), name=f"job-{i}") for i in range(3)]
    print([t.result() for t in ts], ts[0].get_name())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job(3)); tg.create_task(job(4, 1))
    except* ValueError as eg:
        print("group:", [str(e) for e in eg.exceptions])
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError: print("timeout ctx")
    sem = asyncio.Semaphore(2); active = 0; peak = 0
    async def limited(i):
        nonlocal active, peak
        async with sem:
            active += 1; peak = max(peak, active); await asyncio.sleep(0.001); active -= 1
    await asyncio.gather(*(limited(i) for i in range(6))); print("peak", peak)
    r = await asyncio.to_thread(sum, [1, 2, 3]); print("to_thread", r)
    loop = asyncio.get_running_loop()
    r = await loop.run_in_executor(None, pow, 2, 10); print("executor", r)
    done, pending = await asyncio.wait([asyncio.create_task(job(i, 0.05 * i)) for i in range(3)], return_when=asyncio.FIRST_COMPLETED)
    print(0 in [t.result() for t in done], len(done) + len(pending))
    for p in pending: p.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    res = []
    for c in asyncio.as_completed([job(2, 0.05), job(1, 0)]): res.append(await c)
    print(res)
    async def agen():
        try:
            for i in range(10): yield i
        finally: print("agen cleanup")
    g = agen()
    async for v in g:
        if v == 2: break
    await g.aclose()
    @contextlib.asynccontextmanager
    async def acm():
        print("acm in"); yield 5; print("acm out")
    async with acm() as v: print("v", v)
    fut = loop.create_future(); loop.call_soon(fut.set_result, "soon"); print(await fut)
    loop.call_later(0.001, lambda: print("later"))
    await asyncio.sleep(0.01)
    print(asyncio.iscoroutinefunction(job), asyncio.iscoroutine(job(1)) if False else "", type(asyncio.current_task()).__name__)
    cond = asyncio.Condition(); items = []
    async def consumer():
        async with cond:
            await cond.wait_for(lambda: items); return items.pop()
    c = asyncio.create_task(consumer()); await asyncio.sleep(0)
    async with cond: items.append("item"); cond.notify()
    print(await c)
    try: await asyncio.wait_for(job(3), 1)
    except ValueError as e: print("wait_for raised", e)
    sh = asyncio.shield(job(1)); print(await sh)
asyncio.run(main())
async def boom():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(job(3))
        tg.create_task(job(3))
try: asyncio.run(boom())
except ExceptionGroup as eg: print(repr(eg), [repr(e) for e in eg.exceptions])
