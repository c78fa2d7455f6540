# genexpr_sum: a threaded pattern outside the acceptance table (see README.md).
# Usage: genexpr_sum.py [size] [threads] [repeats]

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402

DEFAULT_SIZE = 3846153


def work(n, slot):
    acc = 0
    for k in range(n // 100):
        acc += sum(x * x for x in range(100))
        acc += sum([x + 1 for x in range(100)])
    return acc & 0xFFFFFF


main(work, DEFAULT_SIZE)
