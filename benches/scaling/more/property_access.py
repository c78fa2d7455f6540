# property_access: a threaded pattern outside the acceptance table (see README.md):
# a property's getter and setter on a per-thread object.
# Usage: property_access.py [size] [threads] [repeats]

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402

DEFAULT_SIZE = 1000000

class P:
    def __init__(self, v):
        self._v = v

    @property
    def v(self):
        return self._v

    @v.setter
    def v(self, x):
        self._v = x


def work(n, slot):
    p = P(0)
    for i in range(n):
        p.v = p.v + 1
    return p.v


main(work, DEFAULT_SIZE)
