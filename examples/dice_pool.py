# dice_pool.py: a thread pool instead of a process pool, with a random
# generator and a Counter per thread, merged at the end.
#
# The workload of seed 004 ("A fast, free threading Python"): people who
# use ProcessPoolExecutor or multiprocessing today want to switch to
# threads and keep the speed, without "subtly wrong answers".  The rules
# that make it right are the ones used here:
#   - no random generator is shared: each worker thread owns a
#     random.Random (made by the pool's initializer, kept in a
#     threading.local) and reseeds it for each task, so the result does not
#     depend on which thread ran which task;
#   - no shared counter is updated (`d[k] += 1` on a shared dict is not
#     atomic): each thread counts into its own collections.Counter, and the
#     Counters are added up once the pool is done.
#
# The simulation: roll two dice ROLLS times, split into CHUNKS tasks, and
# histogram the sums.  Three pools, all threads:
#   executor    concurrent.futures.ThreadPoolExecutor (map)
#   threadpool  multiprocessing.pool.ThreadPool (map)
#   dummy       multiprocessing.dummy.Pool (imap_unordered)
#
# Usage: dice_pool.py [pool] [rolls] [threads]
#        (defaults: executor, 400000, 2)

import random
import sys
import threading
import time
from collections import Counter

DEFAULT_SIZE = 400_000
CHUNKS = 16
REPEAT = 5
SEED = 4004

state = threading.local()
counters = []               # every worker thread's Counter, to merge at the end


def init_worker():
    """Runs once in each worker thread: its own generator and Counter."""
    state.rng = random.Random()
    state.counter = Counter()
    counters.append(state.counter)  # list.append is atomic


def roll_chunk(rng, counter, index, rolls):
    rng.seed(SEED + index)
    for _ in range(rolls):
        counter[rng.randint(1, 6) + rng.randint(1, 6)] += 1


def task(args):
    index, rolls = args
    roll_chunk(state.rng, state.counter, index, rolls)
    return rolls


def run_pool(kind, tasks, threads):
    counters.clear()            # the Counters of this pool's threads only
    if kind == "executor":
        from concurrent.futures import ThreadPoolExecutor
        with ThreadPoolExecutor(max_workers=threads, initializer=init_worker) as ex:
            done = sum(ex.map(task, tasks))
    elif kind == "threadpool":
        from multiprocessing.pool import ThreadPool
        with ThreadPool(threads, initializer=init_worker) as pool:
            done = sum(pool.map(task, tasks))
    elif kind == "dummy":
        import multiprocessing.dummy
        with multiprocessing.dummy.Pool(threads, initializer=init_worker) as pool:
            done = sum(pool.imap_unordered(task, tasks))
    else:
        raise SystemExit("unknown pool %r: executor, threadpool or dummy" % kind)
    total = Counter()
    for c in counters:
        total.update(c)
    return done, total


def main():
    kind = sys.argv[1] if len(sys.argv) > 1 else "executor"
    rolls = int(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_SIZE
    threads = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    per_chunk = rolls // CHUNKS
    tasks = [(i, per_chunk) for i in range(CHUNKS)]
    # The pool's module is imported before the clocks start: the timings
    # compare the rolling, not the first import of a package.
    # (multiprocessing.dummy.Pool imports multiprocessing.pool on its first
    # call: both are imported here.)
    modules = {"executor": ["concurrent.futures"], "threadpool": ["multiprocessing.pool"],
               "dummy": ["multiprocessing.dummy", "multiprocessing.pool"]}.get(kind, [])
    for module in modules:
        __import__(module)

    # Each way runs REPEAT times, alternately, and the best time counts:
    # the run least disturbed by the rest of the machine (timeit's rule).
    t_seq = t_thr = float("inf")
    for _ in range(REPEAT):
        start = time.perf_counter()
        rng = random.Random()
        sequential = Counter()
        for index, n in tasks:
            roll_chunk(rng, sequential, index, n)
        t_seq = min(t_seq, time.perf_counter() - start)

        start = time.perf_counter()
        done, threaded = run_pool(kind, tasks, threads)
        t_thr = min(t_thr, time.perf_counter() - start)
        if threaded != sequential:
            break

    print(f"{done} rolls of two dice in {CHUNKS} tasks ({kind})")
    for s in range(2, 13):
        print(f"  {s:2d}: {sequential[s]:7d}  {sequential[s] / done:.4f}")
    print("threaded histogram equal" if threaded == sequential
          else f"WRONG: threaded histogram {sorted(threaded.items())}")
    print(f"time sequential {t_seq:.3f} s, {threads} threads {t_thr:.3f} s (best of {REPEAT})")
    print(f"speedup = {t_seq / t_thr:.2f}")


main()
