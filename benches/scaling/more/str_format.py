# str_format: a threaded pattern outside the acceptance table (see README.md).
# Usage: str_format.py [size] [threads] [repeats]

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402

DEFAULT_SIZE = 105820


def work(n, slot):
    acc = 0
    for i in range(n):
        acc += len('%s:%d:%.2f' % ('ab', i, i / 3)) + len('{}-{:>5}'.format(i, slot))
    return acc


main(work, DEFAULT_SIZE)
