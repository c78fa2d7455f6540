# int_str_conv: a threaded pattern outside the acceptance table (see README.md):
# int(str(i)) round trips.
# Usage: int_str_conv.py [size] [threads] [repeats]

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402

DEFAULT_SIZE = 800000

def work(n, slot):
    acc = 0
    for i in range(n):
        acc += int(str(i * 7)) & 255
    return acc


main(work, DEFAULT_SIZE)
