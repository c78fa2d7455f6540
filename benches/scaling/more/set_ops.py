# set_ops: a threaded pattern outside the acceptance table (see README.md).
# Usage: set_ops.py [size] [threads] [repeats]

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402

DEFAULT_SIZE = 1875000


def work(n, slot):
    acc = 0
    for k in range(n // 100):
        a = set(range(k % 50, k % 50 + 100))
        b = {x for x in range(100) if x & 1}
        acc += len(a & b) + len(a | b) + len(a - b)
    return acc


main(work, DEFAULT_SIZE)
