# lock_serialized: a workload serialized by one Lock by design: every
# update of a shared histogram happens under the same lock, so N threads
# cannot be faster than one.  What is measured is the cost of contention:
# the speed-up should stay near 1 (at least 0.7), not collapse.
# Usage: lock_serialized.py [size] [threads] [repeats]

import _thread

from _harness import main

DEFAULT_SIZE = 1200000

LOCK = _thread.allocate_lock()
HIST = [0] * 64


def work(n, slot):
    lock = LOCK
    hist = HIST
    for i in range(n):
        with lock:
            k = (i * 13 + slot) & 63
            hist[k] = (hist[k] + i) & 0xFFFF
    return n


main(work, DEFAULT_SIZE)
