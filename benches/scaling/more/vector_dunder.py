# vector_dunder: a threaded pattern outside the acceptance table (see README.md):
# a 2-D vector class with __slots__ and arithmetic dunders.
# Usage: vector_dunder.py [size] [threads] [repeats]

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402

DEFAULT_SIZE = 400000

class V:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)

    def __mul__(self, k):
        return V(self.x * k, self.y * k)

    def __abs__(self):
        return (self.x * self.x + self.y * self.y) ** 0.5


def work(n, slot):
    acc = V(0.0, 0.0)
    d = V(1.5, -0.5)
    for i in range(n):
        acc = acc + d * 0.5
    return int(abs(acc))


main(work, DEFAULT_SIZE)
