# gc-stress: 200
# Stress: lists shared by threads (DESIGN.md, the thread-safety contract).
# Each round is bounded in time as well as in count (under FTPY_GC_STRESS
# a round does less work); every check is exact for the work done.
import _thread, time

def run_threads(fns):
    """Starts every fn on its own thread, together; waits for all."""
    go = _thread.allocate_lock(); go.acquire()
    dones = []
    for fn in fns:
        done = _thread.allocate_lock(); done.acquire(); dones.append(done)
        def body(fn=fn, done=done):
            with go:
                pass
            try:
                fn()
            finally:
                done.release()
        _thread.start_new_thread(body, ())
    go.release()
    for d in dones:
        d.acquire()

def appends(nthreads, per_thread, seconds):
    l = []
    counts = [0] * nthreads
    deadline = time.monotonic() + seconds
    def worker(k):
        n = 0
        while n < per_thread:
            for _ in range(1000):
                l.append(k)
            n += 1000
            if time.monotonic() > deadline:
                break
        counts[k] = n
    run_threads([lambda k=k: worker(k) for k in range(nthreads)])
    per = [l.count(k) for k in range(nthreads)]
    return len(l) == sum(counts) and per == counts

def stores_while_appending(n, passes, seconds):
    # Two threads store into distinct halves of one list while a third
    # appends (growing it, so its backing array is replaced again and
    # again): no store may be lost.
    out = [None] * n
    deadline = time.monotonic() + seconds
    last = [0, 0]
    writing = [2]
    def writer(w, lo, hi):
        p = 0
        while p < passes:
            for i in range(lo, hi):
                out[i] = (p, i)
            p += 1
            if time.monotonic() > deadline:
                break
        last[w] = p - 1
        writing[0] -= 1
    def appender():
        k = 0
        while writing[0] and k < 50 * n:
            out.append(k)
            k += 1
    half = n // 2
    run_threads([lambda: writer(0, 0, half), lambda: writer(1, half, n), appender])
    ok = all(out[i] == (last[0], i) for i in range(half))
    ok = ok and all(out[i] == (last[1], i) for i in range(half, n))
    return ok and out[n:] == list(range(len(out) - n))

def pops_and_inserts(n, seconds):
    # Two threads move items around; a third stores into the middle. The
    # multiset of items stays exact.
    l = list(range(n))
    deadline = time.monotonic() + seconds
    def mover():
        while time.monotonic() < deadline:
            for _ in range(200):
                l.insert(0, l.pop())
    def reverser():
        while time.monotonic() < deadline:
            for _ in range(20):
                l.reverse()
    run_threads([mover, reverser])
    return sorted(l) == list(range(n))

for r in range(3):
    print('appends', r, appends(4, 100000, 2.0))
    print('stores', r, stores_while_appending(20000, 50, 0.7))
    print('moves', r, pops_and_inserts(3000, 0.3))
