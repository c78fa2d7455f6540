# dataclass: a threaded pattern outside the acceptance table (see README.md).
# Usage: dataclass.py [size] [threads] [repeats]

from dataclasses import dataclass
@dataclass
class D:
    a: int
    b: int = 0
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402

DEFAULT_SIZE = 2195121


def work(n, slot):
    acc = 0
    for i in range(n):
        d = D(i, slot)
        acc += d.a + d.b
    return acc & 0xFFFFFF


main(work, DEFAULT_SIZE)
