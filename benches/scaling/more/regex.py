# regex: a threaded pattern outside the acceptance table (see README.md).
# Usage: regex.py [size] [threads] [repeats]

import re
PAT = re.compile(r'(\w+)@(\w+)\.com')
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402

DEFAULT_SIZE = 235294


def work(n, slot):
    acc = 0
    for i in range(n):
        m = PAT.match('user%d@example.com' % i)
        acc += len(m.group(1)) + len(m.group(2))
    return acc


main(work, DEFAULT_SIZE)
