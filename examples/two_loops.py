# two_loops.py: two CPU-bound loops in two threads finish in half the time.
#
# The workload of seed 001 ("Release the GIL"): a busy-work Fibonacci loop
# over unsigned 64-bit numbers, run twice: first one call after the other on
# the main thread, then both calls at once on two threading.Thread workers.
# The blog post needed Cython's `nogil` or Numba's `nogil=True` to make the
# second way faster; here both loops are plain Python.
#
# Under CPython 3.11 the threaded time is about the sequential time (the
# GIL lets one thread run at a time); on ftpy with two free cores it is
# about half.
#
# Usage: two_loops.py [n]     (loop length per call, default 1500000)

import sys
import threading
import time

DEFAULT_SIZE = 1_500_000
MASK = (1 << 64) - 1        # wrap around like C's unsigned long
REPEAT = 5


def fibonacci(n):
    """The n-th Fibonacci number modulo 2**64, by the plain loop."""
    if n <= 1:
        return n
    a, b = 0, 1
    c = a + b
    for _ in range(2, n):
        a = b
        b = c
        c = (a + b) & MASK
    return c


def run_threaded(n):
    """fibonacci(n) and fibonacci(n + 1), each on its own thread."""
    threaded = [None, None]

    def run(slot, arg):
        threaded[slot] = fibonacci(arg)

    t1 = threading.Thread(target=run, args=(0, n))
    t2 = threading.Thread(target=run, args=(1, n + 1))
    t1.start()
    t2.start()
    t1.join()
    t2.join()
    return threaded


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE

    # Each way runs REPEAT times, alternately, and the best time counts:
    # the run least disturbed by the rest of the machine (timeit's rule).
    t_seq = t_thr = float("inf")
    for _ in range(REPEAT):
        start = time.perf_counter()
        sequential = [fibonacci(n), fibonacci(n + 1)]
        t_seq = min(t_seq, time.perf_counter() - start)

        start = time.perf_counter()
        threaded = run_threaded(n)
        t_thr = min(t_thr, time.perf_counter() - start)
        if threaded != sequential:
            break

    print(f"fib({n}) mod 2**64 = {sequential[0]}")
    print(f"fib({n + 1}) mod 2**64 = {sequential[1]}")
    print("threaded results equal" if threaded == sequential
          else f"WRONG: threaded results {threaded}")
    print(f"time sequential {t_seq:.3f} s, 2 threads {t_thr:.3f} s (best of {REPEAT})")
    print(f"speedup = {t_seq / t_thr:.2f}")

main()
