# closure_creation: closures and lambdas created in a loop and called once
# or twice (MAKE_FUNCTION with cells, per thread), all from one shared
# code object.
# Usage: closure_creation.py [size] [threads] [repeats]

from _harness import main

DEFAULT_SIZE = 800000


def make_adder(k):
    def add(x):
        return x + k
    return add


def work(n, slot):
    acc = slot
    for i in range(n):
        f = make_adder(i & 255)
        g = lambda x, m=i & 7: (x * m) & 0xFFFFF
        acc = g(f(acc)) + f(1)
        acc &= 0xFFFFF
    return acc


main(work, DEFAULT_SIZE)
