# str_build: a threaded pattern outside the acceptance table (see README.md).
# Usage: str_build.py [size] [threads] [repeats]

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402

DEFAULT_SIZE = 361445


def work(n, slot):
    acc = 0
    for i in range(n):
        s = f"item-{i}-{slot}"
        parts = s.split("-")
        acc += len("".join(parts)) + len(s.upper())
    return acc


main(work, DEFAULT_SIZE)
