# threads_pool_montecarlo: Monte Carlo work on a
# concurrent.futures.ThreadPoolExecutor, written with the idioms that are
# right under free threading: every task owns its random.Random (seeded by
# the task number, so the answer does not depend on which thread ran which
# task), and each worker thread keeps its own histogram in a threading.local
# (set up by the pool's initializer) that is merged once at the end, instead
# of all threads incrementing one shared dict.
#
# Each task estimates pi from random points in the unit square and rolls
# 3d6 many times (random.randint, the pure-Python path of the random
# module), counting the totals.
#
# Exercises: ThreadPoolExecutor submit/result, threading.local, a Lock
# around the rare shared registration, random.Random (Mersenne Twister:
# random(), randint/randrange/getrandbits), dict counting, float compares.
#
# Usage: python3 threads_pool_montecarlo.py [samples] [threads]     (threads default 2)

import sys
import random
import threading
from concurrent.futures import ThreadPoolExecutor

DEFAULT_SIZE = 6000000
DEFAULT_THREADS = 2
TASKS = 32

local = threading.local()
histograms = []
registry_lock = threading.Lock()


def init_worker():
    local.histogram = {}
    with registry_lock:
        histograms.append(local.histogram)


def task(index, samples):
    rng = random.Random(1000 + index)
    rand = rng.random
    inside = 0
    for _ in range(samples):
        x = rand()
        y = rand()
        if x * x + y * y <= 1.0:
            inside += 1
    hist = local.histogram
    randint = rng.randint
    for _ in range(samples // 8):
        total = randint(1, 6) + randint(1, 6) + randint(1, 6)
        hist[total] = hist.get(total, 0) + 1
    return inside


def main():
    samples = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    nthreads = int(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_THREADS
    per_task = samples // TASKS
    with ThreadPoolExecutor(max_workers=nthreads, initializer=init_worker) as pool:
        futures = [pool.submit(task, i, per_task) for i in range(TASKS)]
        inside = [f.result() for f in futures]
    merged = {}
    for h in histograms:
        for k, v in h.items():
            merged[k] = merged.get(k, 0) + v
    rolls = sum(merged.values())
    mode = max(sorted(merged), key=lambda k: merged[k])
    moment = sum(k * k * v for k, v in merged.items())
    pi = 4.0 * sum(inside) / (per_task * TASKS)
    ok = rolls == TASKS * (per_task // 8) and len(histograms) <= nthreads
    print("threads_pool_montecarlo samples=%d threads=%d pi=%.6f rolls=%d mode=%d moment=%d %s"
          % (per_task * TASKS, nthreads, pi, rolls, mode, moment, "ok" if ok else "WRONG"))


main()
