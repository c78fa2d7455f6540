# shared_list_chunked: out[i] = f(x[i]) over one chunk per thread of one
# shared input list into one shared output list (distinct items of one
# list stored by several threads at once).
# Usage: shared_list_chunked.py [size] [threads] [repeats]

import sys

from _harness import main

DEFAULT_SIZE = 1800000

NTHREADS = int(sys.argv[2]) if len(sys.argv) > 2 else 2
SIZE = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
X = [(i * 7919) % 10007 for i in range(SIZE * NTHREADS)]
OUT = [0] * len(X)


def f(v):
    return (v * v + 3 * v + 1) % 65521


def work(n, slot):
    x = X
    out = OUT
    lo = slot * n
    for i in range(lo, lo + n):
        out[i] = f(x[i])
    acc = 0
    for i in range(lo, lo + n, 97):
        acc += out[i]
    return acc


main(work, DEFAULT_SIZE)
