# array_ops: a threaded pattern outside the acceptance table (see README.md):
# array.array('d') item updates.
# Usage: array_ops.py [size] [threads] [repeats]

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402
from array import array  # noqa: E402

DEFAULT_SIZE = 1500000

def work(n, slot):
    a = array("d", [0.0]) * 1000
    for i in range(n):
        a[i % 1000] += i * 0.5
    return int(sum(a))


main(work, DEFAULT_SIZE)
