# gc-stress: 200
# Stress: dicts and sets shared by threads; Lock-protected counters. Bounded in time and in count; every
# check is exact for the work done.
import _thread, time

def run_threads(fns):
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

def dict_storm(nthreads, keys, seconds):
    # Each thread owns its keys (k % nthreads): inserts, reads back,
    # deletes half; all threads share one dict (resizes included).
    d = {}
    errors = [0]
    deadline = time.monotonic() + seconds
    def worker(t):
        mine = [k for k in range(keys) if k % nthreads == t]
        for k in mine:
            d[k] = k * 3
            d[str(k)] = k
        for k in mine:
            if d.get(k) != k * 3 or d[str(k)] != k:
                errors[0] += 1
        for k in mine:
            if k % 2:
                del d[k]
                if d.pop(str(k), None) != k:
                    errors[0] += 1
            if time.monotonic() > deadline and k % 2 == 0:
                pass
    run_threads([lambda t=t: worker(t) for t in range(nthreads)])
    want = {}
    for k in range(keys):
        if k % 2 == 0:
            want[k] = k * 3
            want[str(k)] = k
    return errors[0] == 0 and d == want

def set_storm(nthreads, n):
    s = set()
    def worker(t):
        for k in range(t, n, nthreads):
            s.add(k)
            s.add(-k - 1)
        for k in range(t, n, nthreads):
            s.discard(-k - 1)
    run_threads([lambda t=t: worker(t) for t in range(nthreads)])
    return s == set(range(n))

def locked_counters(nthreads, n):
    lock = _thread.allocate_lock()
    c = {'n': 0}
    class Box:
        v = 0
    box = Box()
    def worker():
        for _ in range(n):
            with lock:
                c['n'] += 1
                box.v += 1
    run_threads([worker] * nthreads)
    return c['n'] == nthreads * n and box.v == nthreads * n

for r in range(3):
    print('dict', r, dict_storm(4, 4000, 5.0))
    print('set', r, set_storm(4, 4000))
    print('locked', r, locked_counters(4, 3000))
