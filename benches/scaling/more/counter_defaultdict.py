# counter_defaultdict: a threaded pattern outside the acceptance table (see README.md).
# Usage: counter_defaultdict.py [size] [threads] [repeats]

from collections import Counter, defaultdict
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402

DEFAULT_SIZE = 1636363


def work(n, slot):
    acc = 0
    for k in range(n // 100):
        c = Counter(i % 7 for i in range(100))
        dd = defaultdict(list)
        for i in range(20):
            dd[i % 3].append(i)
        acc += c[3] + len(dd[1])
    return acc


main(work, DEFAULT_SIZE)
