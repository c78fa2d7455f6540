# gc-stress: 50
# CPython's concurrent.futures, unmodified, on ftpy: ThreadPoolExecutor's
# map, submit, as_completed, wait, initializer, exceptions through
# futures, callbacks, shutdown(cancel_futures=True). Deterministic output.
import concurrent.futures as cf
import threading
import time

def square(x):
    return x * x

with cf.ThreadPoolExecutor(max_workers=4) as ex:
    print("map", list(ex.map(square, range(10))))
    print("map2", list(ex.map(pow, [2, 3, 4], [5, 6, 7])))
    print("chunks", sum(ex.map(square, range(1000), chunksize=50)))

# submit + result, done, exception.
with cf.ThreadPoolExecutor(max_workers=2) as ex:
    f = ex.submit(sum, range(100))
    print("submit", f.result(timeout=5), f.done(), f.cancelled(), f.exception())

    def fail(x):
        raise KeyError(x)
    g = ex.submit(fail, "k")
    try:
        g.result()
    except KeyError as e:
        print("KeyError through future", e)
    print("exception()", repr(g.exception()))

# as_completed over many futures: all results, any order.
def slow(i):
    time.sleep(0.001 * (i % 3))
    return i
with cf.ThreadPoolExecutor(max_workers=3) as ex:
    fs = [ex.submit(slow, i) for i in range(20)]
    got = sorted(f.result() for f in cf.as_completed(fs))
    print("as_completed", got == list(range(20)))
    done, not_done = cf.wait(fs, return_when=cf.ALL_COMPLETED)
    print("wait", len(done), len(not_done))

# initializer / initargs: each worker thread runs it once.
inited = []
lock = threading.Lock()
def init(tag):
    with lock:
        inited.append(tag)
local = threading.local()
def whoami(_):
    return hasattr(local, "x")
with cf.ThreadPoolExecutor(max_workers=3, initializer=init, initargs=("ok",)) as ex:
    list(ex.map(square, range(30)))
print("initializer", set(inited), 1 <= len(inited) <= 3)

# A failing initializer breaks the pool (its log record, which names the
# library's path, is kept off stderr).
import logging
logging.getLogger("concurrent.futures").addHandler(logging.NullHandler())
def bad_init():
    raise RuntimeError("init failed")
ex = cf.ThreadPoolExecutor(max_workers=1, initializer=bad_init)
f = ex.submit(square, 3)
try:
    f.result(timeout=5)
except cf.BrokenExecutor as e:
    print("BrokenExecutor", type(e).__name__)
ex.shutdown()

# Callbacks run with the finished future.
calls = []
with cf.ThreadPoolExecutor(max_workers=2) as ex:
    f = ex.submit(square, 12)
    f.add_done_callback(lambda fut: calls.append(fut.result()))
print("callback", calls)

# shutdown(cancel_futures=True): queued work is cancelled.
gate = threading.Event()
ex = cf.ThreadPoolExecutor(max_workers=1)
first = ex.submit(gate.wait, 5)
rest = [ex.submit(square, i) for i in range(10)]
while not first.running():
    time.sleep(0.001)
ex.shutdown(wait=False, cancel_futures=True)
gate.set()
print("cancel_futures", first.result(), [f.cancelled() for f in rest])
ex.shutdown(wait=True)
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print("RuntimeError", e)

# A future by hand.
fut = cf.Future()
print("manual", fut.running(), fut.set_running_or_notify_cancel(), fut.running())
fut.set_result(42)
print(fut.result(), fut.done())
fut2 = cf.Future()
print("cancel", fut2.cancel(), fut2.cancelled())
try:
    fut2.result()
except cf.CancelledError:
    print("CancelledError")
try:
    cf.Future().result(timeout=0.01)
except cf.TimeoutError:
    print("TimeoutError")

# Parallel work that shares one big list without copying it.
data = list(range(200_000))
def part(k):
    return sum(data[k::4])
with cf.ThreadPoolExecutor(max_workers=4) as ex:
    print("shared", sum(ex.map(part, range(4))) == sum(data))
