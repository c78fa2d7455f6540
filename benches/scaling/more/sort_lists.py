# sort_lists: a threaded pattern outside the acceptance table (see README.md).
# Usage: sort_lists.py [size] [threads] [repeats]

import random
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402

DEFAULT_SIZE = 1578947


def work(n, slot):
    r = random.Random(slot)
    acc = 0
    for k in range(n // 1000):
        l = [r.random() for _ in range(1000)]
        l.sort()
        acc += int(l[500] * 1000)
    return acc


main(work, DEFAULT_SIZE)
