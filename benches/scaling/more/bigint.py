# bigint: a threaded pattern outside the acceptance table (see README.md).
# Usage: bigint.py [size] [threads] [repeats]

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402

DEFAULT_SIZE = 2812500


def work(n, slot):
    acc = 0
    for k in range(n // 100):
        x = 1
        for j in range(1, 100):
            x *= j + slot
        acc += x % 1000003
    return acc


main(work, DEFAULT_SIZE)
