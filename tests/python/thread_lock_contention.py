# gc-stress: 500
# _thread locks under contention: exclusion, wake-ups, timeouts, a lock
# released by another thread than the one that took it.  A lost wake-up
# hangs (the runner's timeout reports it); a broken exclusion loses counts.
import _thread
import time

NTHREADS = 4
ROUNDS = 3000


def run_threads(n, target, *args):
    done = [_thread.allocate_lock() for _ in range(n)]
    for d in done:
        d.acquire()

    def body(i):
        try:
            target(i, *args)
        finally:
            done[i].release()

    for i in range(n):
        _thread.start_new_thread(body, (i,))
    for d in done:
        d.acquire()


# 1. Exclusion: a read-modify-write under the lock is never lost.
lock = _thread.allocate_lock()
counter = [0, 0]


def bump(i):
    for _ in range(ROUNDS):
        with lock:
            v = counter[0]
            counter[0] = v + 1
        lock.acquire()
        counter[1] += 2
        lock.release()


run_threads(NTHREADS, bump)
print("counts", counter, counter == [NTHREADS * ROUNDS, 2 * NTHREADS * ROUNDS])
print("unlocked after", lock.locked())

# 2. Ping-pong: each thread waits for a lock the other one releases, so
#    every round needs a wake-up of a sleeping thread.
a = _thread.allocate_lock()
b = _thread.allocate_lock()
b.acquire()
log = []
PINGS = 500


def player(i):
    mine, other = (a, b) if i == 0 else (b, a)
    for k in range(PINGS):
        mine.acquire()
        log.append((i, k))
        other.release()


run_threads(2, player)
alternates = all(log[j] == (j % 2, j // 2) for j in range(len(log)))
print("ping-pong", len(log), alternates)

# 3. A timed acquire of a lock another thread holds times out; it succeeds
#    once that thread lets go, even from a sleep.
held = _thread.allocate_lock()
started = _thread.allocate_lock()
started.acquire()
finish = _thread.allocate_lock()
finish.acquire()
results = []


def holder(i):
    held.acquire()
    started.release()
    finish.acquire()
    held.release()


def waiter(i):
    started.acquire()
    t0 = time.monotonic()
    got = held.acquire(timeout=0.05)
    results.append(("timed out", not got, time.monotonic() - t0 >= 0.04))
    finish.release()
    got = held.acquire(timeout=30)
    results.append(("acquired", got))
    held.release()


run_threads(2, lambda i: holder(i) if i == 0 else waiter(i))
print(results)
print("non-blocking on a free lock", held.acquire(False), held.locked())
held.release()

# 4. Many threads sleeping on one lock: every release lets one through.
gate = _thread.allocate_lock()
gate.acquire()
passed = []


def through(i):
    gate.acquire()
    passed.append(i)
    gate.release()


done = [_thread.allocate_lock() for _ in range(NTHREADS)]
for d in done:
    d.acquire()


def through_and_signal(i):
    try:
        through(i)
    finally:
        done[i].release()


for i in range(NTHREADS):
    _thread.start_new_thread(through_and_signal, (i,))
time.sleep(0.05)
gate.release()
for d in done:
    d.acquire()
print("all passed", sorted(passed), gate.locked())
