# slots_super: a threaded pattern outside the acceptance table (see README.md).
# Usage: slots_super.py [size] [threads] [repeats]


class Base:
    __slots__ = ('x',)
    def __init__(self, x):
        self.x = x
    def val(self):
        return self.x
class Child(Base):
    __slots__ = ('y',)
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
    def val(self):
        return super().val() + self.y
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402

DEFAULT_SIZE = 750000


def work(n, slot):
    acc = 0
    for i in range(n):
        acc += Child(i, slot).val()
    return acc & 0xFFFFFF


main(work, DEFAULT_SIZE)
