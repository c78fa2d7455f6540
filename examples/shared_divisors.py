# shared_divisors.py: a pool of threads over one large shared read-only list.
#
# The workload of seed 002: one big array of integers, kept once in memory
# and read by every thread (no copies, no pickling); for each query n,
# count_divisors_under(n) scans the whole array and adds up the number of
# divisors of every element <= n.  The queries are spread over a pool of
# worker threads, like the post's `parallel_map(f, inputs, threads=4)`;
# its author needed inline C++ that released the GIL to get a speed-up.
#
# The pool here is written out in a few lines (a shared iterator of query
# indices handed out under a Lock, results stored into distinct items of one
# shared list), so what runs in parallel is visible.
#
# Usage: shared_divisors.py [m] [threads]   (array length, default 8000;
#                                            threads, default 2)

import random
import sys
import threading
import time

DEFAULT_SIZE = 8_000
REPEAT = 5
UNIT = 10_000
QUERIES = [UNIT * k for k in [1, 4, 1, 2, 4, 5, 1, 1, 2, 3, 4, 1, 2]] * 3


def count_divisors_under(common, n):
    """Sum over the elements v <= n of `common` of the number of divisors of v."""
    ret = 0
    for v in common:
        if v <= n:
            ret += 1                # 1
            if v > 1:
                ret += 1            # v itself
            j = 2
            while j * j <= v:
                if v % j == 0:
                    ret += 1
                    if j * j < v:
                        ret += 1
                j += 1
    return ret


def parallel_map(f, inputs, threads):
    """[f(x) for x in inputs], computed by `threads` worker threads that take
    the next input as soon as they are free."""
    results = [None] * len(inputs)
    next_index = iter(range(len(inputs)))
    lock = threading.Lock()

    def worker():
        while True:
            with lock:
                i = next(next_index, None)
            if i is None:
                return
            results[i] = f(inputs[i])

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return results


def main():
    m = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    threads = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    rng = random.Random(2024)
    common = [rng.randint(0, 10 * UNIT) for _ in range(m)]

    def query(n):
        return count_divisors_under(common, n)

    # Each way runs REPEAT times, alternately, and the best time counts:
    # the run least disturbed by the rest of the machine (timeit's rule).
    t_seq = t_thr = float("inf")
    for _ in range(REPEAT):
        start = time.perf_counter()
        sequential = list(map(query, QUERIES))
        t_seq = min(t_seq, time.perf_counter() - start)

        start = time.perf_counter()
        threaded = parallel_map(query, QUERIES, threads)
        t_thr = min(t_thr, time.perf_counter() - start)
        if threaded != sequential:
            break

    print(f"{len(QUERIES)} queries over {m:,} shared integers")
    print(f"first results: {sequential[:6]}")
    print(f"sum of results: {sum(sequential)}")
    print("threaded results equal" if threaded == sequential
          else "WRONG: threaded results differ")
    print(f"time sequential {t_seq:.3f} s, {threads} threads {t_thr:.3f} s (best of {REPEAT})")
    print(f"speedup = {t_seq / t_thr:.2f}")


main()
