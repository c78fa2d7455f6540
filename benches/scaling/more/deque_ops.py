# deque_ops: a threaded pattern outside the acceptance table (see README.md):
# collections.deque append and popleft, with a maxlen.
# Usage: deque_ops.py [size] [threads] [repeats]

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402
from collections import deque  # noqa: E402

DEFAULT_SIZE = 1500000

def work(n, slot):
    d = deque(maxlen=1000)
    acc = 0
    for i in range(n):
        d.append(i)
        if i & 3 == 0:
            acc += d.popleft()
    return acc % 1000003


main(work, DEFAULT_SIZE)
