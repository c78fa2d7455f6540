# struct_pack: a threaded pattern outside the acceptance table (see README.md).
# Usage: struct_pack.py [size] [threads] [repeats]

import struct
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402

DEFAULT_SIZE = 616438


def work(n, slot):
    acc = 0
    for i in range(n):
        b = struct.pack('<iid', i, slot, 1.5)
        a, s, f = struct.unpack('<iid', b)
        acc += a + s
    return acc & 0xFFFFFF


main(work, DEFAULT_SIZE)
