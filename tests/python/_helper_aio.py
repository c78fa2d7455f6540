# A tiny hand-written event loop for the async_* test programs (no
# asyncio): tasks are coroutines stepped with send()/throw(); awaitables
# talk to the loop by yielding request tuples.


class Future:
    """An awaitable whose result is set later by someone else."""

    def __init__(self, name="fut"):
        self.name = name
        self.done = False
        self.result = None
        self.error = None
        self.waiters = []

    def __repr__(self):
        return f"<Future {self.name}>"

    def set_result(self, v):
        self.done = True
        self.result = v
        for t in self.waiters:
            loop_ready(t)
        self.waiters = []

    def set_exception(self, e):
        self.done = True
        self.error = e
        for t in self.waiters:
            loop_ready(t)
        self.waiters = []

    def __await__(self):
        if not self.done:
            yield ("wait", self)
        if self.error is not None:
            raise self.error
        return self.result


class Sleep:
    """`await Sleep(n)`: resume after n ticks of the loop clock."""

    def __init__(self, ticks, value=None):
        self.ticks = ticks
        self.value = value

    def __await__(self):
        got = yield ("sleep", self.ticks)
        return self.value if self.value is not None else got


class Task:
    counter = 0

    def __init__(self, coro, name=None):
        Task.counter += 1
        self.coro = coro
        self.name = name or f"task{Task.counter}"
        self.future = Future(self.name)
        self.send_value = None
        self.throw_value = None

    def __await__(self):
        return self.future.__await__()


_loop = None


def loop_ready(task):
    _loop.ready.append(task)


class Loop:
    def __init__(self, trace=False):
        self.ready = []
        self.sleeping = []
        self.clock = 0
        self.trace = trace

    def spawn(self, coro, name=None):
        t = Task(coro, name)
        self.ready.append(t)
        return t

    def step(self, t):
        try:
            if t.throw_value is not None:
                e, t.throw_value = t.throw_value, None
                req = t.coro.throw(e)
            else:
                v, t.send_value = t.send_value, None
                req = t.coro.send(v)
        except StopIteration as e:
            if self.trace:
                print(f"  [{self.clock}] {t.name} returned {e.value!r}")
            t.future.set_result(e.value)
            return
        except BaseException as e:
            if self.trace:
                print(f"  [{self.clock}] {t.name} raised {type(e).__name__}: {e}")
            t.future.set_exception(e)
            return
        if self.trace:
            print(f"  [{self.clock}] {t.name} -> {req!r}")
        if isinstance(req, tuple) and req and req[0] == "sleep":
            self.sleeping.append((self.clock + req[1], Task.counter, t))
            self.sleeping.sort(key=lambda x: (x[0], x[1]))
            t.send_value = self.clock + req[1]
        elif isinstance(req, tuple) and req and req[0] == "wait":
            req[1].waiters.append(t)
        elif req is None:
            self.ready.append(t)
        else:
            t.throw_value = TypeError(f"bad request {req!r}")
            self.ready.append(t)

    def run_until_complete(self, coro):
        global _loop
        _loop = self
        main = self.spawn(coro, "main")
        while not main.future.done:
            if self.ready:
                t = self.ready.pop(0)
                self.step(t)
            elif self.sleeping:
                when, _, t = self.sleeping.pop(0)
                self.clock = max(self.clock, when)
                self.ready.append(t)
            else:
                raise RuntimeError("deadlock: nothing to run")
        _loop = None
        if main.future.error is not None:
            raise main.future.error
        return main.future.result


def run(coro, trace=False):
    return Loop(trace).run_until_complete(coro)


async def gather(*coros):
    tasks = [_loop.spawn(c) for c in coros]
    out = []
    for t in tasks:
        out.append(await t)
    return out


def spawn(coro, name=None):
    return _loop.spawn(coro, name)


class Yield:
    """`await Yield()`: give other tasks a turn (yields None to the loop)."""

    def __await__(self):
        yield None


def drive(aw, sends=None):
    """Steps an awaitable by hand: returns (yielded values, result or
    exception)."""
    it = aw.__await__()
    yielded = []
    sends = list(sends or [])
    v = None
    while True:
        try:
            y = it.send(v)
        except StopIteration as e:
            return yielded, ("return", e.value)
        except BaseException as e:
            return yielded, ("raise", type(e).__name__, str(e))
        yielded.append(y)
        v = sends.pop(0) if sends else None
