# parallel_sum.py: threads that really run in parallel.
#
# Splits the sum of squares 0**2 + 1**2 + ... + (n-1)**2 into one slice per
# thread, runs the slices on threading.Thread workers, adds up their partial
# sums and checks the answer against the closed formula n(n-1)(2n-1)/6.
# Each thread writes only its own slot of `partials`, so no lock is needed.
#
# On CPython 3.11 the global interpreter lock lets one thread run at a time,
# so more threads do not make this faster; on ftpy the threads run at once
# and the time should drop with each core you add.  Try:
#
#     target/release/ftpy examples/parallel_sum.py 20000000 1
#     target/release/ftpy examples/parallel_sum.py 20000000 4
#
# Usage: parallel_sum.py [n] [threads]     (defaults: 10000000, one per CPU)

import os
import sys
import threading
import time


def sum_of_squares(lo, hi):
    total = 0
    for i in range(lo, hi):
        total += i * i
    return total


def worker(lo, hi, partials, slot):
    partials[slot] = sum_of_squares(lo, hi)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
    nthreads = int(sys.argv[2]) if len(sys.argv) > 2 else (os.cpu_count() or 2)

    start = time.perf_counter()
    partials = [0] * nthreads
    step = (n + nthreads - 1) // nthreads
    threads = []
    for t in range(nthreads):
        lo = min(n, t * step)
        hi = min(n, lo + step)
        th = threading.Thread(target=worker, args=(lo, hi, partials, t))
        threads.append(th)
        th.start()
    for th in threads:
        th.join()
    total = sum(partials)
    elapsed = time.perf_counter() - start

    expected = n * (n - 1) * (2 * n - 1) // 6
    print(f"sum of i*i for i < {n:,} with {nthreads} threads = {total}")
    print("correct" if total == expected else f"WRONG: expected {expected}")
    print(f"time: {elapsed:.3f} s")


main()
