# append_per_thread: each thread appends to lists of its own (list growth,
# allocation of new backing arrays) and reads them back.
# Usage: append_per_thread.py [size] [threads] [repeats]

from _harness import main

DEFAULT_SIZE = 4500000


def work(n, slot):
    acc = slot
    out = []
    for i in range(n):
        out.append(i ^ slot)
        if len(out) == 50000:
            acc = (acc + out[-1] + len(out)) & 0xFFFFFF
            out = []
    return (acc + sum(out)) & 0xFFFFFF


main(work, DEFAULT_SIZE)
