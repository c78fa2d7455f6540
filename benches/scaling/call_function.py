# call_function: calls of a shared module-level Python function.
# Every thread calls the same function object (positional arguments, a
# default, a keyword argument): a call must not write to the function or
# its code object.
# Usage: call_function.py [size] [threads] [repeats]

from _harness import main

DEFAULT_SIZE = 2200000


def mix(a, b, c=3):
    return (a * c + b) & 0xFFFF


def work(n, slot):
    acc = slot
    for i in range(n):
        acc = mix(acc, i)
        acc = mix(acc, i, c=5)
    return acc


main(work, DEFAULT_SIZE)
