# call_builtin: calls of builtins (len, abs, min, max, isinstance, ord,
# divmod) loaded from the shared builtins module by every thread.
# Usage: call_builtin.py [size] [threads] [repeats]

from _harness import main

DEFAULT_SIZE = 800000

WORD = "scaling"


def work(n, slot):
    acc = slot
    t = (1, 2, 3)
    for i in range(n):
        acc += len(t) + abs(-i) % 7 + min(i, 5) + max(i & 3, 1)
        if isinstance(acc, int):
            acc += ord(WORD[i % 7])
        q, r = divmod(acc, 65521)
        acc = r + q
    return acc


main(work, DEFAULT_SIZE)
