# namedtuple: a threaded pattern outside the acceptance table (see README.md).
# Usage: namedtuple.py [size] [threads] [repeats]

from collections import namedtuple
P = namedtuple('P', 'x y')
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402

DEFAULT_SIZE = 762711


def work(n, slot):
    acc = 0
    for i in range(n):
        p = P(i, slot)
        x, y = p
        acc += p.x + y
    return acc & 0xFFFFFF


main(work, DEFAULT_SIZE)
