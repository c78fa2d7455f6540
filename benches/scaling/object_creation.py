# object_creation: instances created and dropped at a high rate: a class
# with __init__ and a __slots__ class, each thread making its own objects
# (allocation-heavy: collections must not eat the gain).
# Usage: object_creation.py [size] [threads] [repeats]

from _harness import main

DEFAULT_SIZE = 1000000


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Pair:
    __slots__ = ("first", "second")

    def __init__(self, first, second):
        self.first = first
        self.second = second


def work(n, slot):
    acc = slot
    prev = Point(0, 0)
    for i in range(n):
        p = Point(i, acc)
        q = Pair(p, prev)
        acc = (acc + q.first.x - q.second.y) & 0xFFFFF
        prev = p
    return acc


main(work, DEFAULT_SIZE)
