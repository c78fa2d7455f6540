# dict_attrs: a threaded pattern outside the acceptance table (see README.md).
# Usage: dict_attrs.py [size] [threads] [repeats]

class O: pass
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402

DEFAULT_SIZE = 1216216


def work(n, slot):
    acc = 0
    for i in range(n):
        o = O()
        o.a = i; o.b = slot; o.c = i + 1
        setattr(o, 'd', 5)
        acc += o.a + getattr(o, 'b') + o.c + o.d
    return acc & 0xFFFFFF


main(work, DEFAULT_SIZE)
