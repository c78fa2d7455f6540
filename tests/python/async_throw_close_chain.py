# throw() and close() delivered through chains of awaits: a coroutine
# awaiting a coroutine awaiting a custom awaitable; cr_await chains;
# GeneratorExit reaching finally blocks at every level; exceptions
# converted on the way up.


class Suspend:
    """Yields once to the driver, then returns what was sent."""

    def __init__(self, tag, log):
        self.tag = tag
        self.log = log

    def __await__(self):
        try:
            return (yield self.tag)
        except GeneratorExit:
            self.log.append(f"{self.tag}: GeneratorExit in __await__")
            raise
        finally:
            self.log.append(f"{self.tag}: __await__ finally")


async def level3(log):
    try:
        return await Suspend("L3", log)
    except ValueError as e:
        log.append(f"level3 handled {e}")
        return "level3 recovered"
    finally:
        log.append("level3 finally")


async def level2(log):
    try:
        r = await level3(log)
        return f"level2 got {r}"
    finally:
        log.append("level2 finally")


async def level1(log):
    try:
        r = await level2(log)
        return f"level1 got {r}"
    except KeyError as e:
        log.append(f"level1 handled {e!r}")
        return "level1 recovered"


def run(label, action):
    log = []
    c = level1(log)
    print(label, "first yield:", c.send(None))
    chain = []
    cur = c
    while hasattr(cur, "cr_await") and cur.cr_await is not None:
        cur = cur.cr_await
        chain.append(type(cur).__name__)
    print("  await chain:", chain)
    try:
        r = action(c)
        print("  action returned", r)
    except StopIteration as s:
        print("  finished with", s.value)
    except BaseException as e:
        print("  raised", type(e).__name__, e)
    print("  log:", log)
    print("  suspended after:", c.cr_suspended, c.cr_frame is None)


run("send", lambda c: c.send("value"))
run("throw handled low", lambda c: c.throw(ValueError("v")))
run("throw handled high", lambda c: c.throw(KeyError("k")))
run("throw unhandled", lambda c: c.throw(OSError("o")))
run("close", lambda c: c.close())


# a coroutine that awaits in its finally keeps running while closing:
# close() then reports "coroutine ignored GeneratorExit"
async def stubborn(log):
    try:
        await Suspend("S1", log)
    finally:
        await Suspend("S2", log)


log = []
c = stubborn(log)
c.send(None)
try:
    c.close()
except RuntimeError as e:
    print("RuntimeError:", e)
print(log)
try:
    c.send(None)
except StopIteration:
    print("finished after the second await")
except BaseException as e:
    print(type(e).__name__, e)


# StopIteration raised inside a coroutine becomes RuntimeError
async def bad():
    raise StopIteration("inside coroutine")


c = bad()
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e, repr(e.__cause__))


# throw() while the coroutine is running is refused
async def self_throw():
    me.throw(ValueError("nested"))


me = self_throw()
try:
    me.send(None)
except ValueError as e:
    print("ValueError:", e)
