# gc-stress: 50
# asyncio: run, tasks, gather, sleep, wait_for, timeouts, cancellation,
# Queue, Lock, Event, Semaphore, Condition, TaskGroup, contextvars in
# tasks, async generators, executors and call_soon/call_later ordering.
import asyncio
import contextvars
import threading


async def double(n, delay=0):
    await asyncio.sleep(delay)
    return n * 2


async def boom(msg, delay=0):
    await asyncio.sleep(delay)
    raise ValueError(msg)


async def basics():
    print("await", await double(21))
    print("gather", await asyncio.gather(double(1, 0.02), double(2, 0.01), double(3)))
    r = await asyncio.gather(double(1), boom("bad"), return_exceptions=True)
    print("gather exc", [type(x).__name__ if isinstance(x, Exception) else x for x in r])
    try:
        await asyncio.gather(double(1), boom("first"))
    except ValueError as e:
        print("gather raised", e)
    print("sleep result", await asyncio.sleep(0, result="r"))
    t = asyncio.create_task(double(5), name="doubler")
    print("task name", t.get_name(), t.done())
    print("task result", await t, t.done(), t.result())
    print("wait_for ok", await asyncio.wait_for(double(4), 1))
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.02)
    except asyncio.TimeoutError as e:
        print("wait_for timeout", type(e).__name__, asyncio.TimeoutError is TimeoutError)
    try:
        async with asyncio.timeout(0.02):
            await asyncio.sleep(10)
    except TimeoutError:
        print("timeout cm")
    done, pending = await asyncio.wait([asyncio.create_task(double(i, i / 100)) for i in range(3)])
    print("wait", sorted(f.result() for f in done), len(pending))
    tasks = [asyncio.create_task(double(i, (3 - i) / 100)) for i in range(3)]
    print("as_completed", sorted([await f for f in asyncio.as_completed(tasks)]))
    print("current task", asyncio.current_task() is not None)
    print("all tasks", len(asyncio.all_tasks()) >= 1)


async def cancellation():
    started = asyncio.Event()
    log = []

    async def victim():
        started.set()
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            log.append("cancelled inside")
            raise
        finally:
            log.append("finally")

    t = asyncio.create_task(victim())
    await started.wait()
    t.cancel("stop")
    try:
        await t
    except asyncio.CancelledError as e:
        log.append(("caught", e.args))
    print("cancel", log, t.cancelled())
    t2 = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    s = asyncio.shield(double(3))
    print("shield", await s)
    t2.cancel()
    r = await asyncio.gather(t2, return_exceptions=True)
    print("cancelled in gather", type(r[0]).__name__)


async def primitives():
    q = asyncio.Queue(maxsize=2)
    out = []

    async def producer():
        for i in range(6):
            await q.put(i)
            out.append(("put", i, q.qsize()))
        await q.put(None)

    async def consumer():
        got = []
        while (x := await q.get()) is not None:
            got.append(x)
            q.task_done()
        q.task_done()
        return got

    p = asyncio.create_task(producer())
    print("queue", await consumer())
    await p
    await q.join()
    print("queue full seen", max(n for _, _, n in out))
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    pq = asyncio.PriorityQueue()
    for x in [5, 1, 3]:
        pq.put_nowait(x)
    print("priority", [pq.get_nowait() for _ in range(3)])
    lq = asyncio.LifoQueue()
    for x in [5, 1, 3]:
        lq.put_nowait(x)
    print("lifo", [lq.get_nowait() for _ in range(3)])

    lock = asyncio.Lock()
    order = []

    async def locked(i):
        async with lock:
            order.append(("in", i))
            await asyncio.sleep(0)
            order.append(("out", i))

    await asyncio.gather(*(locked(i) for i in range(3)))
    print("lock", order, lock.locked())

    ev = asyncio.Event()

    async def waiter(i):
        await ev.wait()
        return i

    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print("event before", ev.is_set(), any(w.done() for w in ws))
    ev.set()
    print("event", await asyncio.gather(*ws))

    sem = asyncio.Semaphore(2)
    active = []
    peak = []

    async def limited(i):
        async with sem:
            active.append(i)
            peak.append(len(active))
            await asyncio.sleep(0.01)
            active.remove(i)

    await asyncio.gather(*(limited(i) for i in range(5)))
    print("semaphore peak", max(peak))

    cond = asyncio.Condition()
    items = []

    async def cons():
        async with cond:
            await cond.wait_for(lambda: items)
            return items.pop()

    c = asyncio.create_task(cons())
    await asyncio.sleep(0)
    async with cond:
        items.append("item")
        cond.notify()
    print("condition", await c)


async def taskgroup():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(double(1))
        b = tg.create_task(double(2, 0.01))
    print("taskgroup", a.result(), b.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(boom("in group"))
            tg.create_task(asyncio.sleep(10))
    except* ValueError as eg:
        print("taskgroup error", [str(e) for e in eg.exceptions])


var = contextvars.ContextVar("var", default="unset")


async def context():
    var.set("main")

    async def child(v):
        before = var.get()
        var.set(v)
        await asyncio.sleep(0)
        return before, var.get()

    print("contextvars", await asyncio.gather(child("a"), child("b")), var.get())


async def agen(n):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            yield i
    finally:
        print("agen closed")


async def generators():
    print("async for", [x async for x in agen(3)])
    g = agen(10)
    print("anext", await g.__anext__(), await anext(g))
    await g.aclose()


async def threads():
    loop = asyncio.get_running_loop()
    r = await loop.run_in_executor(None, sum, [1, 2, 3])
    print("executor", r)
    print("to_thread", await asyncio.to_thread(lambda: threading.current_thread() is not threading.main_thread()))
    fut = loop.create_future()
    threading.Thread(target=lambda: loop.call_soon_threadsafe(fut.set_result, "from thread")).start()
    print("threadsafe", await fut)
    order = []
    now = loop.time()
    loop.call_at(now + 0.02, order.append, "later")
    loop.call_soon(order.append, "soon1")
    loop.call_soon(order.append, "soon2")
    loop.call_at(now + 0.01, order.append, "at")
    await asyncio.sleep(0.05)
    print("callbacks", order)
    f = asyncio.run_coroutine_threadsafe(double(8), loop)
    print("run_coroutine_threadsafe", await asyncio.wrap_future(f))


async def main():
    await basics()
    await cancellation()
    await primitives()
    await taskgroup()
    await context()
    await generators()
    await threads()
    return "main done"


print(asyncio.run(main()))
try:
    asyncio.run(boom("top level"))
except ValueError as e:
    print("run raised", e)
loop = asyncio.new_event_loop()
print("run_until_complete", loop.run_until_complete(double(7)))
loop.close()
print("closed", loop.is_closed())
