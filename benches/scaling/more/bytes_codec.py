# bytes_codec: a threaded pattern outside the acceptance table (see README.md):
# str.encode, bytes.decode and bytes.count.
# Usage: bytes_codec.py [size] [threads] [repeats]

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402

DEFAULT_SIZE = 2000000

def work(n, slot):
    acc = 0
    for i in range(n // 10):
        s = "item-%d-\u00e9" % i
        b = s.encode("utf-8")
        acc += len(b) + len(b.decode("utf-8")) + b.count(b"-")
    return acc


main(work, DEFAULT_SIZE)
