# chunked_squares.py: threads square chunks of one large list into one
# shared output list.
#
# The workload of seed 003 (an astronomy tutorial on threading versus
# multiprocessing): every thread works on the same input x and writes to the
# same result list r, each on its own chunk, `r[i] = x[i]**2`.  Under a GIL
# the threads take turns and nothing gets faster, which pushed the tutorial
# to multiprocessing (pickling every chunk and copying the data into every
# worker).  Here the threads share x and r and run at once.
#
# Usage: chunked_squares.py [n] [threads]   (defaults: 3000000, 2)

import sys
import threading
import time
from math import ceil

DEFAULT_SIZE = 3_000_000
REPEAT = 5


def square_chunk(x, start, size, res):
    """All threads read the same x and write the same res, each its own chunk."""
    for i in range(start, min(start + size, len(x))):
        res[i] = x[i] ** 2


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    threads = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    x = list(range(n))

    # Each way runs REPEAT times, alternately, and the best time counts:
    # the run least disturbed by the rest of the machine (timeit's rule).
    t_seq = t_thr = float("inf")
    for _ in range(REPEAT):
        sequential = [0] * n
        start = time.perf_counter()
        square_chunk(x, 0, n, sequential)
        t_seq = min(t_seq, time.perf_counter() - start)

        r = [0] * n
        chunk = ceil(n / threads)
        workers = [threading.Thread(target=square_chunk, args=(x, t * chunk, chunk, r))
                   for t in range(threads)]
        start = time.perf_counter()
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        t_thr = min(t_thr, time.perf_counter() - start)
        if r != sequential:
            break

    print(f"squares of 0..{n - 1}: sum {sum(r)}, last {r[-1]}")
    print("threaded result equal" if r == sequential else "WRONG: threaded result differs")
    print(f"time sequential {t_seq:.3f} s, {threads} threads {t_thr:.3f} s (best of {REPEAT})")
    print(f"speedup = {t_seq / t_thr:.2f}")


main()
