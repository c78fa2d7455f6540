# constants: loads of constants of every kind (ints, floats, strs, tuples,
# frozensets from `in {...}`, None/True/False) from one shared code object.
# Usage: constants.py [size] [threads] [repeats]

from _harness import main

DEFAULT_SIZE = 1500000


def work(n, slot):
    acc = slot
    for i in range(n):
        k = i & 7
        if k in (1, 3, 5):
            acc += 3
        elif k in {2, 4}:
            acc += len("two-four")
        else:
            acc += int(2.5 * 2.0)
        if ("a", "b", 7)[i % 3] == "b" and None is not True:
            acc ^= 0x55
        acc &= 0xFFFFFF
    return acc


main(work, DEFAULT_SIZE)
