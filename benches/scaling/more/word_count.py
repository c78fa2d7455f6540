# word_count: a threaded pattern outside the acceptance table (see README.md).
# Usage: word_count.py [size] [threads] [repeats]

WORDS = ('alpha beta gamma delta epsilon zeta eta theta iota kappa ' * 50).split()
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402

DEFAULT_SIZE = 2857142


def work(n, slot):
    acc = 0
    for k in range(n // len(WORDS)):
        d = {}
        for w in WORDS:
            d[w] = d.get(w, 0) + 1
        acc += len(d) + d['alpha']
    return acc


main(work, DEFAULT_SIZE)
