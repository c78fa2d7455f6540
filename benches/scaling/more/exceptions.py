# exceptions: a threaded pattern outside the acceptance table (see README.md).
# Usage: exceptions.py [size] [threads] [repeats]

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402

DEFAULT_SIZE = 2727272


def work(n, slot):
    acc = 0
    for i in range(n):
        try:
            if i % 3 == 0:
                raise ValueError(i)
            acc += 1
        except ValueError as e:
            acc += 2
    return acc


main(work, DEFAULT_SIZE)
