# list_slicing: a threaded pattern outside the acceptance table (see README.md).
# Usage: list_slicing.py [size] [threads] [repeats]

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402

DEFAULT_SIZE = 15000000


def work(n, slot):
    data = list(range(1000))
    acc = 0
    for k in range(n // 100):
        s = data[k % 500: k % 500 + 100]
        s.reverse()
        acc += s[0] + len(data[::7]) + sum(s[:10])
    return acc & 0xFFFFFF


main(work, DEFAULT_SIZE)
