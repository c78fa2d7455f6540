# isinstance_abc: a threaded pattern outside the acceptance table (see README.md).
# Usage: isinstance_abc.py [size] [threads] [repeats]

from collections.abc import Mapping, Sequence, Iterable
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402

DEFAULT_SIZE = 405405


def work(n, slot):
    acc = 0
    objs = [{}, [], (), 'x', 1, set()]
    for i in range(n):
        o = objs[i % 6]
        if isinstance(o, Mapping): acc += 1
        if isinstance(o, Sequence): acc += 2
        if isinstance(o, Iterable): acc += 3
    return acc


main(work, DEFAULT_SIZE)
