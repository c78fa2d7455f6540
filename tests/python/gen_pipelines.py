# Generator-based coroutines driven by send(): a push pipeline
# (source -> filters -> sink), a trampoline that runs generator "tasks"
# which call each other by yielding sub-generators, and a state machine.


def coroutine(func):
    def start(*args, **kwargs):
        g = func(*args, **kwargs)
        next(g)
        return g
    return start


@coroutine
def sink(log):
    try:
        while True:
            item = yield
            log.append(item)
    except GeneratorExit:
        log.append("sink closed")


@coroutine
def filt(pred, target):
    try:
        while True:
            item = yield
            if pred(item):
                target.send(item)
    finally:
        target.close()


@coroutine
def mapper(fn, target):
    try:
        while True:
            target.send(fn((yield)))
    finally:
        target.close()


log = []
pipe = filt(lambda x: x % 2 == 0, mapper(lambda x: x * 10, sink(log)))
for i in range(7):
    pipe.send(i)
pipe.close()
print(log)


# a trampoline: tasks yield sub-generators to call them, or values to
# return results; exceptions propagate up the task's own call stack
def trampoline(main):
    stack = [main]
    value = None
    error = None
    while stack:
        top = stack[-1]
        try:
            if error is not None:
                e, error = error, None
                r = top.throw(e)
            else:
                r = top.send(value)
            value = None
        except StopIteration as s:
            stack.pop()
            value = s.value
            continue
        except Exception as e:
            stack.pop()
            if not stack:
                raise
            error = e
            continue
        if hasattr(r, "send"):
            stack.append(r)
        else:
            print("  task yielded", r)
    return value


def fib(n):
    if n < 2:
        return n
    a = yield fib(n - 1)
    b = yield fib(n - 2)
    return a + b


def failing(depth):
    if depth == 0:
        raise KeyError("bottom")
    yield failing(depth - 1)


def main_task():
    r = yield fib(10)
    yield f"fib(10) = {r}"
    try:
        yield failing(3)
    except KeyError as e:
        yield f"caught {e} from 4 levels down"
    return "main done"


print(trampoline(main_task()))


# a state machine stepped by send
def turnstile():
    state = "locked"
    event = yield state
    while True:
        if state == "locked" and event == "coin":
            state = "unlocked"
        elif state == "unlocked" and event == "push":
            state = "locked"
        elif event == "reset":
            return f"reset in {state}"
        event = yield state


t = turnstile()
print(next(t), [t.send(e) for e in ["push", "coin", "coin", "push", "push"]])
try:
    t.send("reset")
except StopIteration as s:
    print(s.value)


# running average with send, and closing it to get a final value
def averager():
    total = count = 0
    avg = None
    while True:
        try:
            value = yield avg
        except GeneratorExit:
            return
        if value is None:
            break
        total += value
        count += 1
        avg = total / count
    return (count, avg)


def grouper(results, key):
    while True:
        results[key] = yield from averager()


results = {}
for key, values in [("a", [1, 2, 3]), ("b", [10, 20])]:
    g = grouper(results, key)
    next(g)
    for v in values:
        g.send(v)
    g.send(None)
print(results)

# generators used as context-like cleanups with try/finally
def resource(name, log):
    log.append(f"open {name}")
    try:
        yield name
    finally:
        log.append(f"close {name}")


log = []
gens = [resource(n, log) for n in "xyz"]
handles = [next(g) for g in gens]
for g in reversed(gens):
    g.close()
print(handles, log)
