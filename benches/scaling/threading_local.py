# threading_local: reads (and a few writes) of a threading.local object
# shared by every thread, each seeing its own attributes.
# Usage: threading_local.py [size] [threads] [repeats]

import threading

from _harness import main

DEFAULT_SIZE = 1000000

LOCAL = threading.local()


def work(n, slot):
    loc = LOCAL
    loc.step = slot + 1
    loc.total = 0
    acc = 0
    for i in range(n):
        acc += loc.step
        if i & 1023 == 0:
            loc.total += acc & 0xFF
    return (acc + loc.total) & 0xFFFFFF


main(work, DEFAULT_SIZE)
