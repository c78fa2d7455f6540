# shared_str_dict: a threaded pattern outside the acceptance table (see README.md).
# Usage: shared_str_dict.py [size] [threads] [repeats]

TABLE = {('key%d' % i): i for i in range(1000)}
KEYS = list(TABLE)
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402

DEFAULT_SIZE = 5217391


def work(n, slot):
    acc = 0
    t = TABLE
    keys = KEYS
    for i in range(n):
        acc += t[keys[i % 1000]]
    return acc & 0xFFFFFF


main(work, DEFAULT_SIZE)
