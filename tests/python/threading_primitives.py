# gc-stress: 20
# CPython's threading.py, unmodified, on ftpy's _thread: every primitive
# with several threads at once; the output is deterministic.
import threading
import time

# Thread: start/join, name, ident, is_alive, daemon, args/kwargs, result
# through a shared list.
out = []
def work(n, scale=1):
    out.append(sum(range(n)) * scale)
ts = [threading.Thread(target=work, args=(i * 1000,), kwargs={"scale": 2}, name=f"w{i}")
      for i in range(8)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(out))
print([t.name for t in ts], any(t.is_alive() for t in ts), ts[0].daemon)
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
print(isinstance(threading.get_ident(), int), threading.active_count())

# Subclassing Thread.
class Counter(threading.Thread):
    def __init__(self):
        super().__init__()
        self.total = 0
    def run(self):
        for i in range(10000):
            self.total += i
c = Counter(); c.start(); c.join(); print("subclass", c.total)

# Lock: a shared counter incremented under the lock by 4 threads.
lock = threading.Lock()
count = 0
def inc():
    global count
    for _ in range(20000):
        with lock:
            count += 1
ts = [threading.Thread(target=inc) for _ in range(4)]
[t.start() for t in ts]; [t.join() for t in ts]
print("lock", count, lock.locked(), lock.acquire(blocking=False), lock.locked())
lock.release()
print("timeout", lock.acquire(timeout=0.01), lock.acquire(timeout=0.01))
lock.release()

# RLock: reentrant, owned.
r = threading.RLock()
with r:
    with r:
        print("rlock nested ok")
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError", e)

# Condition: producer/consumer with wait_for and notify_all.
cond = threading.Condition()
items = []
consumed = []
def consumer():
    while True:
        with cond:
            cond.wait_for(lambda: items)
            x = items.pop(0)
        if x is None:
            return
        consumed.append(x)
cs = [threading.Thread(target=consumer) for _ in range(3)]
[t.start() for t in cs]
for i in range(300):
    with cond:
        items.append(i)
        cond.notify()
for _ in cs:
    with cond:
        items.append(None)
        cond.notify_all()
[t.join() for t in cs]
print("condition", len(consumed), sum(consumed), sorted(consumed) == list(range(300)))

# Semaphore / BoundedSemaphore: at most 2 holders at once.
sem = threading.Semaphore(2)
holders = 0
max_holders = 0
hl = threading.Lock()
def hold():
    global holders, max_holders
    with sem:
        with hl:
            holders += 1
            max_holders = max(max_holders, holders)
        time.sleep(0.002)
        with hl:
            holders -= 1
ts = [threading.Thread(target=hold) for _ in range(8)]
[t.start() for t in ts]; [t.join() for t in ts]
print("semaphore max", max_holders)
b = threading.BoundedSemaphore(1)
b.acquire(); b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError", e)

# Event.
ev = threading.Event()
seen = []
def waiter(i):
    if ev.wait(5):
        seen.append(i)
ts = [threading.Thread(target=waiter, args=(i,)) for i in range(5)]
[t.start() for t in ts]
print("event before", ev.is_set(), seen)
ev.set(); [t.join() for t in ts]
print("event after", ev.is_set(), sorted(seen), ev.wait(0))
ev.clear(); print("cleared", ev.is_set(), ev.wait(0.01))

# Barrier: every party passes each round together.
bar = threading.Barrier(4)
rounds = []
rl = threading.Lock()
def party(i):
    for rnd in range(3):
        idx = bar.wait()
        with rl:
            rounds.append((rnd, idx == 0))
ts = [threading.Thread(target=party, args=(i,)) for i in range(4)]
[t.start() for t in ts]; [t.join() for t in ts]
print("barrier", len(rounds), sum(1 for _, first in rounds if first), bar.parties, bar.broken)
bar2 = threading.Barrier(2, timeout=0.05)
try:
    bar2.wait()
except threading.BrokenBarrierError:
    print("BrokenBarrierError", bar2.broken)

# Timer: runs once after its interval; cancel stops another.
fired = []
t1 = threading.Timer(0.01, fired.append, args=("t1",))
t2 = threading.Timer(10, fired.append, args=("t2",))
t1.start(); t2.start(); t2.cancel(); t1.join(); t2.join()
print("timer", fired)

# local: each thread sees its own attributes.
loc = threading.local()
loc.x = "main"
res = []
def setlocal(i):
    loc.x = i
    time.sleep(0.001)
    res.append(loc.x == i and not hasattr(loc, "y"))
loc.y = 1
ts = [threading.Thread(target=setlocal, args=(i,)) for i in range(6)]
[t.start() for t in ts]; [t.join() for t in ts]
print("local", res, loc.x)

class MyLocal(threading.local):
    def __init__(self, v):
        self.v = v
ml = MyLocal(7)
got = []
t = threading.Thread(target=lambda: got.append(ml.v)); t.start(); t.join()
print("local subclass", got, ml.v)

# excepthook: an exception in a thread reaches threading.excepthook.
caught = []
def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
old = threading.excepthook
threading.excepthook = hook
def boom():
    raise ValueError("in thread")
t = threading.Thread(target=boom, name="boomer"); t.start(); t.join()
threading.excepthook = old
print("excepthook", caught)

# enumerate / settrace-free introspection.
print("enumerate", [t.name for t in threading.enumerate()])
