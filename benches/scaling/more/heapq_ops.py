# heapq_ops: a threaded pattern outside the acceptance table (see README.md).
# Usage: heapq_ops.py [size] [threads] [repeats]

import heapq
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402

DEFAULT_SIZE = 552147


def work(n, slot):
    h = []
    acc = 0
    for i in range(n):
        heapq.heappush(h, (i * 7919) % 1000)
        if len(h) > 100:
            acc += heapq.heappop(h)
    return acc & 0xFFFFFF


main(work, DEFAULT_SIZE)
