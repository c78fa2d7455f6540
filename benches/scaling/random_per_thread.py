# random_per_thread: a random.Random per thread (seeded by the thread's
# slot): random() and randint() (pure-Python code of the random module
# over the native generator), no generator shared between threads.
# Usage: random_per_thread.py [size] [threads] [repeats]

import random

from _harness import main

DEFAULT_SIZE = 400000


def work(n, slot):
    rng = random.Random(1000 + slot)
    acc = 0
    for _ in range(n):
        acc += rng.randint(1, 6)
        if rng.random() < 0.5:
            acc += 1
    return acc


main(work, DEFAULT_SIZE)
