# Async generators composed into a pipeline and run by the hand-written
# loop: producers that await, async generator transformers consuming
# other async generators, early exit with aclose, and an exception
# travelling from a producer through the consumers.
from _helper_aio import Sleep, Yield, run, spawn


async def produce(name, n, delay, log):
    try:
        for i in range(n):
            await Sleep(delay)
            log.append(f"{name} made {i}")
            yield f"{name}{i}"
    finally:
        log.append(f"{name} producer done")


async def upper(source):
    async for item in source:
        yield item.upper()


async def take(source, k):
    taken = 0
    async for item in source:
        if taken == k:
            break
        taken += 1
        yield item
    await source.aclose()


async def merge(*sources):
    # round-robin over several async generators
    pending = list(sources)
    while pending:
        for s in list(pending):
            try:
                yield await s.__anext__()
            except StopAsyncIteration:
                pending.remove(s)


async def main():
    log = []
    out = [x async for x in upper(produce("a", 3, 1, log))]
    print(out)
    print(log)

    log = []
    out = [x async for x in take(produce("b", 10, 1, log), 2)]
    print(out)
    print(log)

    log = []
    out = [x async for x in merge(produce("p", 2, 1, log), produce("q", 3, 2, log))]
    print(out)
    print(sorted(log))

    async def broken():
        yield 1
        await Sleep(1)
        raise ValueError("producer broke")

    got = []
    try:
        async for x in upper_nums(broken()):
            got.append(x)
    except ValueError as e:
        print("propagated:", e, got)

    # two tasks consuming their own generators concurrently
    results = {}

    async def consumer(name, agen):
        results[name] = [x async for x in agen]

    log = []
    t1 = spawn(consumer("one", produce("s", 2, 3, log)))
    t2 = spawn(consumer("two", produce("f", 3, 1, log)))
    await t1
    await t2
    print(results)
    print(log)
    return "ok"


async def upper_nums(source):
    async for item in source:
        yield item * 100


print(run(main()))
