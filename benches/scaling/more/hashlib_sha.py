# hashlib_sha: a threaded pattern outside the acceptance table (see README.md):
# hashlib.sha256 of a short bytes object per item.
# Usage: hashlib_sha.py [size] [threads] [repeats]

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402
import hashlib  # noqa: E402

DEFAULT_SIZE = 1500000

def work(n, slot):
    acc = 0
    for i in range(n // 10):
        acc ^= hashlib.sha256(b"block %d" % i).digest()[0]
    return acc


main(work, DEFAULT_SIZE)
