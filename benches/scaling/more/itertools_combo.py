# itertools_combo: a threaded pattern outside the acceptance table (see README.md):
# itertools.combinations and chain.
# Usage: itertools_combo.py [size] [threads] [repeats]

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402
import itertools  # noqa: E402

DEFAULT_SIZE = 3000000

def work(n, slot):
    acc = 0
    for k in range(n // 1000):
        for a, b in itertools.combinations(range(45), 2):
            acc += a * b
        acc += sum(itertools.chain(range(10), range(5)))
    return acc % 1000003


main(work, DEFAULT_SIZE)
