# hash_mix64: a threaded pattern outside the acceptance table (see README.md).
# Usage: hash_mix64.py [size] [threads] [repeats]

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402

DEFAULT_SIZE = 2553191


def work(n, slot):
    h = 1469598103934665603 + slot
    for i in range(n):
        h = ((h ^ i) * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return h & 0xFFFFFF


main(work, DEFAULT_SIZE)
