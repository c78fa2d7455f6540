# map_lambda: a threaded pattern outside the acceptance table (see README.md).
# Usage: map_lambda.py [size] [threads] [repeats]

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402

DEFAULT_SIZE = 2884615


def work(n, slot):
    acc = 0
    for k in range(n // 100):
        acc += sum(map(lambda v: v * 2, filter(lambda v: v % 3, range(100))))
    return acc & 0xFFFFFF


main(work, DEFAULT_SIZE)
