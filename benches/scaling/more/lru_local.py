# lru_local: a threaded pattern outside the acceptance table (see README.md):
# a functools.lru_cache-decorated function per thread.
# Usage: lru_local.py [size] [threads] [repeats]

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402
import functools  # noqa: E402

DEFAULT_SIZE = 1000000

def work(n, slot):
    @functools.lru_cache(maxsize=256)
    def f(k):
        return k * k + 1

    acc = 0
    for i in range(n):
        acc += f(i % 300)
    return acc


main(work, DEFAULT_SIZE)
