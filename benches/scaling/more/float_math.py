# float_math: a threaded pattern outside the acceptance table (see README.md).
# Usage: float_math.py [size] [threads] [repeats]

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402

DEFAULT_SIZE = 1714285


def work(n, slot):
    acc = 0.0
    for i in range(n):
        x = i * 0.001 + slot
        acc += math.sqrt(x) * math.sin(x) + x / (1.0 + x)
    return int(acc) & 0xFFFF


main(work, DEFAULT_SIZE)
