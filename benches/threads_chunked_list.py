# threads_chunked_list: the commonest parallel loop, `out[i] = f(x[i])`,
# with the index range cut into one contiguous chunk per thread.  All
# threads read the same input lists and write different items of the same
# output lists.  Two kernels run one after the other:
#   - floats: exp(cos(v) + sin(v)), as in a structural-biology user's
#     thread-pool example, refined by a few Newton steps; three sweeps over
#     the list, with new threads for each sweep;
#   - integers: counting the divisors of numbers taken from one shared
#     read-only list, as in the "embarrassingly parallel over a shared
#     array" user story.
#
# Exercises: threading.Thread start/join, list item reads and writes from
# several threads at once (different items), math.exp/sin/cos, int % and
# //, while loops.  On CPython 3.11 the GIL serializes the threads; a
# free-threaded implementation should approach N times faster with N threads
# (the runner shows CPU time against wall time).
#
# Usage: python3 threads_chunked_list.py [items] [threads]     (threads default 2)

import sys
import math
import threading

DEFAULT_SIZE = 400000
SWEEPS = 3
DEFAULT_THREADS = 2


def float_kernel(v):
    y = math.exp(math.cos(v) + math.sin(v))
    # a few Newton steps towards the cube root of y
    r = y
    for _ in range(5):
        r -= (r * r * r - y) / (3.0 * r * r)
    return r


def count_divisors(m):
    count = 0
    j = 1
    while j * j <= m:
        if m % j == 0:
            count += 1 if j * j == m else 2
        j += 1
    return count


def float_chunk(xs, out, lo, hi, shift):
    for i in range(lo, hi):
        out[i] = float_kernel(xs[i] + shift)


def int_chunk(ms, out, lo, hi, shift):
    for i in range(lo, hi):
        out[i] = count_divisors(ms[i])


def run_chunked(target, src, out, nthreads, shift):
    n = len(src)
    step = (n + nthreads - 1) // nthreads
    threads = []
    for t in range(nthreads):
        lo = t * step
        hi = min(n, lo + step)
        th = threading.Thread(target=target, args=(src, out, lo, hi, shift))
        threads.append(th)
        th.start()
    for th in threads:
        th.join()


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    nthreads = int(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_THREADS

    xs = [(i * 0.7071) % 10.0 - 5.0 for i in range(n)]
    fout = [0.0] * n
    float_sums = []
    for sweep in range(SWEEPS):
        run_chunked(float_chunk, xs, fout, nthreads, sweep * 0.25)
        float_sums.append(sum(fout))

    m = n // 20
    seed = 12345
    ms = []
    for _ in range(m):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        ms.append(seed % 600000 + 1)
    iout = [0] * m
    run_chunked(int_chunk, ms, iout, nthreads, 0)

    # verify a sample against a serial computation
    last = (SWEEPS - 1) * 0.25
    ok = all(fout[i] == float_kernel(xs[i] + last) for i in range(0, n, 997))
    ok = ok and all(iout[i] == count_divisors(ms[i]) for i in range(0, m, 499))
    print("threads_chunked_list n=%d threads=%d float_sums=%s divisors=%d max=%d %s"
          % (n, nthreads, ",".join("%.6f" % s for s in float_sums), sum(iout),
             max(iout), "ok" if ok else "WRONG"))


main()
