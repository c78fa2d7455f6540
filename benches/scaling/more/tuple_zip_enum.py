# tuple_zip_enum: a threaded pattern outside the acceptance table (see README.md).
# Usage: tuple_zip_enum.py [size] [threads] [repeats]

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402

DEFAULT_SIZE = 1621621


def work(n, slot):
    acc = 0
    a = list(range(100)); b = list(range(100, 200))
    for k in range(n // 100):
        for i, (x, y) in enumerate(zip(a, b)):
            acc += i + x * y
    return acc & 0xFFFFFF


main(work, DEFAULT_SIZE)
