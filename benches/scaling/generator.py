# generator: generator functions and generator expressions created and
# run to the end by every thread (frame creation, yield and resume).
# Usage: generator.py [size] [threads] [repeats]

from _harness import main

DEFAULT_SIZE = 300000


def countdown(k):
    while k > 0:
        yield k
        k -= 1


def work(n, slot):
    acc = slot
    for i in range(n):
        for v in countdown(i & 7):
            acc += v
        acc += sum(x * x for x in range(4))
        acc &= 0xFFFFF
    return acc


main(work, DEFAULT_SIZE)
