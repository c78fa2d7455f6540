# gc-stress: 3
# _multiprocessing.SemLock (POSIX named semaphores) through
# multiprocessing.Lock/RLock/Semaphore/BoundedSemaphore/Condition/Event,
# used by threads of one process; and the raw type.
import os
import threading
import time
import multiprocessing
import _multiprocessing
from _multiprocessing import SemLock


def err(f, *a, **k):
    try:
        f(*a, **k)
    except Exception as e:
        print("  ", type(e).__name__, e)
    else:
        print("   no error")


print(sorted(_multiprocessing.flags.items()))
print(SemLock.SEM_VALUE_MAX, SemLock.__module__, SemLock.__name__)

# Lock: not recursive
lk = multiprocessing.Lock()
print(type(lk).__name__, repr(lk).startswith("<Lock("))
print(lk.acquire(), lk.acquire(False), lk.acquire(timeout=0.01), lk.acquire(True, 0))
print(repr(lk).split("(")[1])
lk.release()
err(lk.release)
with lk:
    print("in with", lk._semlock._is_mine(), lk._semlock._count())
print(lk._semlock._is_mine(), lk._semlock._count(), lk._semlock._get_value())
print(lk.acquire(timeout=-5))
lk.release()


# another thread holds the lock; timeouts expire, then it is released
def holder(l, ready, go):
    l.acquire()
    ready.set()
    go.wait()
    l.release()


ready, go = threading.Event(), threading.Event()
t = threading.Thread(target=holder, args=(lk, ready, go))
t.start()
ready.wait()
t0 = time.monotonic()
print("timed out:", lk.acquire(timeout=0.05) is False, time.monotonic() - t0 >= 0.04)
print("nonblocking:", lk.acquire(block=False))
go.set()
print("after release:", lk.acquire(timeout=10))
t.join()
lk.release()

# RLock: recursive, owned by a thread
rl = multiprocessing.RLock()
print(rl.acquire(), rl.acquire(), rl._semlock._count(), rl._semlock._is_mine())
print(repr(rl).split("(")[1])
rl.release()
print(rl._semlock._count())
box = []
th = threading.Thread(target=lambda: box.append((rl.acquire(timeout=0.02), rl._semlock._is_mine())))
th.start()
th.join()
print("other thread:", box)
th = threading.Thread(target=lambda: err(rl.release))
th.start()
th.join()
rl.release()
print(rl._semlock._count())
err(rl.release)
with rl:
    with rl:
        print("nested", rl._semlock._count())
print(rl._semlock._count())

# Semaphore / BoundedSemaphore
s = multiprocessing.Semaphore(3)
print(s.get_value(), [s.acquire() for _ in range(3)], s.acquire(timeout=0.01), s.get_value())
print(repr(s).split("(")[1])
for _ in range(5):
    s.release()
print(s.get_value())
b = multiprocessing.BoundedSemaphore(2)
b.acquire()
b.release()
err(b.release)
print(b.get_value(), repr(b).split("(")[1])
err(multiprocessing.Semaphore, -1)

# many threads through a Semaphore(2): never more than 2 inside
sem = multiprocessing.Semaphore(2)
inside = [0]
most = [0]
guard = threading.Lock()


def work():
    for _ in range(20):
        with sem:
            with guard:
                inside[0] += 1
                most[0] = max(most[0], inside[0])
            time.sleep(0.0005)
            with guard:
                inside[0] -= 1


ts = [threading.Thread(target=work) for _ in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("max inside", most[0], "value", sem.get_value())

# a Lock as a mutex for a counter
counter = [0]
ml = multiprocessing.Lock()


def bump():
    for _ in range(200):
        with ml:
            v = counter[0]
            counter[0] = v + 1


ts = [threading.Thread(target=bump) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("counter", counter[0])

# Condition and Event build on SemLock too
ev = multiprocessing.Event()
print(ev.is_set(), ev.wait(0.01))
threading.Timer(0.02, ev.set).start()
print(ev.wait(10), ev.is_set())
cond = multiprocessing.Condition()
items = []


def producer():
    with cond:
        items.append(1)
        cond.notify()


with cond:
    threading.Thread(target=producer).start()
    print("cond", cond.wait_for(lambda: items, timeout=10))

# the raw type
raw = SemLock(1, 2, 5, "/ftpy-semlock-test-a-%d" % os.getpid(), True)
print(raw.kind, raw.maxvalue, raw.name, type(raw.handle).__name__, raw._get_value(), raw._is_zero())
print(raw.acquire(), raw.acquire(), raw._is_zero(), raw._count(), raw.acquire(False))
raw.release()
raw.release()
raw.release()
raw.release()
raw.release()
err(raw.release)
print(raw._get_value())
raw._after_fork()
print(raw._count())
NAME = "/ftpy-semlock-test-b-%d" % os.getpid()
named = SemLock(0, 1, 1, NAME, False)
print(named.name == NAME)
again = SemLock._rebuild(named.handle, 0, 1, NAME)
print(named.acquire(), again.acquire(False), again._is_mine(), again.name == NAME)
named.release()
print(again.acquire(False))
again.release()
err(SemLock, 0, 1, 1, NAME, False)
_multiprocessing.sem_unlink(NAME)
err(_multiprocessing.sem_unlink, NAME)
err(_multiprocessing.sem_unlink, 3)
err(SemLock, 2, 1, 1, "/ftpy-semlock-test-c", True)
err(SemLock, 1, 1, 1, 3, True)
err(SemLock, 1, 1, 1, "/a\x00b", True)
err(SemLock, 1.0, 1, 1, "/x", True)
err(SemLock)
err(raw.acquire, 1, 2, 3)
err(raw.acquire, timeout="x")
err(raw.release, 1)
err(setattr, raw, "kind", 3)
with raw:
    print("raw with", raw._count())
print("done")
