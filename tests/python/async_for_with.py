# async for (over async generators and hand-written async iterators,
# with else/break/continue, nested) and async with (several items,
# suppression by __aexit__, exceptions and their messages).
from _helper_aio import Sleep, Yield, run


async def ticker(n, log):
    try:
        for i in range(n):
            await Sleep(1)
            yield i
    finally:
        log.append(f"ticker({n}) finalized")


class AsyncRange:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Yield()
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i * 10


class Manager:
    def __init__(self, name, log, suppress=False):
        self.name = name
        self.log = log
        self.suppress = suppress

    async def __aenter__(self):
        await Sleep(1)
        self.log.append(f"enter {self.name}")
        return self.name.upper()

    async def __aexit__(self, typ, val, tb):
        await Yield()
        self.log.append(f"exit {self.name} {typ.__name__ if typ else None} {val!r}")
        return self.suppress


async def main():
    log = []
    out = []
    async for x in ticker(3, log):
        out.append(x)
    else:
        out.append("else")
    print("for:", out, log)

    out = []
    async for x in AsyncRange(5):
        if x == 20:
            continue
        if x == 40:
            break
        out.append(x)
    else:
        out.append("no else after break")
    print("break/continue:", out)

    pairs = []
    async for a in AsyncRange(2):
        async for b in ticker(2, log):
            pairs.append((a, b))
    print("nested:", pairs)

    # break out of an async generator: it is left suspended; close it
    log.clear()
    agen = ticker(10, log)
    async for x in agen:
        if x == 1:
            break
    await agen.aclose()
    print("after break and aclose:", log)

    # async with, several items, exceptions reach __aexit__ in order
    log = []
    async with Manager("a", log) as a, Manager("b", log) as b:
        log.append(f"body {a} {b}")
    print("with:", log)

    log = []
    try:
        async with Manager("outer", log), Manager("inner", log, suppress=True):
            raise KeyError("suppressed")
        log.append("after suppressed block")
        async with Manager("x", log):
            raise ValueError("escapes")
    except ValueError as e:
        log.append(f"caught {e}")
    print("with exc:", log)

    # return and break through async with
    async def ret():
        async with Manager("r", log):
            return "returned"
    log = []
    print(await ret(), log)

    log = []
    async for i in AsyncRange(3):
        async with Manager(f"m{i}", log):
            if i == 20:
                break
    print("break in with:", log)

    # errors
    class NoAiter:
        pass

    class BadAiter:
        def __aiter__(self):
            return 5

    class BadAnext:
        def __aiter__(self):
            return self

        def __anext__(self):
            return 5

    for obj in [NoAiter(), BadAiter(), BadAnext(), [1, 2]]:
        try:
            async for x in obj:
                pass
        except TypeError as e:
            print("TypeError:", e, "| cause:", repr(e.__cause__))

    class NoAexit:
        async def __aenter__(self):
            return 1

    class BadEnter:
        def __aenter__(self):
            return 5

        async def __aexit__(self, *a):
            return False

    class BadExit:
        async def __aenter__(self):
            return 1

        def __aexit__(self, *a):
            return 7

    for obj in [object(), NoAexit(), BadEnter(), BadExit()]:
        try:
            async with obj:
                pass
        except TypeError as e:
            print("TypeError:", e)

    try:
        with Manager("sync", log):
            pass
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
    return "done"


print(run(main()))

for src in ["async for x in y: pass", "async with x: pass",
            "def f():\n    async for x in y: pass",
            "def f():\n    async with x: pass",
            "def f():\n    await x",
            "def f():\n    [x async for x in y]"]:
    try:
        compile(src, "<s>", "exec")
        print("compiled:", src)
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
