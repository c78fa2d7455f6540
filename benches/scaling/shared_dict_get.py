# shared_dict_get: dict.get and [] on one shared dict with str and int
# keys (hits and misses), by every thread; nothing is written.
# Usage: shared_dict_get.py [size] [threads] [repeats]

from _harness import main

DEFAULT_SIZE = 2400000

KEYS = ["k%d" % i for i in range(256)]
TABLE = {k: i for i, k in enumerate(KEYS)}
TABLE.update({i: i * 3 for i in range(256)})


def work(n, slot):
    table = TABLE
    keys = KEYS
    acc = slot
    for i in range(n):
        acc += table.get(keys[i & 255], 0) + table.get(i & 511, 1)
        acc += table[i & 127]
        acc &= 0xFFFFF
    return acc


main(work, DEFAULT_SIZE)
