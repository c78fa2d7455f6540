# lock_uncontended: a threaded pattern outside the acceptance table (see README.md).
# Usage: lock_uncontended.py [size] [threads] [repeats]

import threading
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402

DEFAULT_SIZE = 2857142


def work(n, slot):
    lock = threading.Lock()
    acc = 0
    for i in range(n):
        with lock:
            acc += 1
    return acc


main(work, DEFAULT_SIZE)
