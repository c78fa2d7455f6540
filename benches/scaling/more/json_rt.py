# json_rt: a threaded pattern outside the acceptance table (see README.md).
# Usage: json_rt.py [size] [threads] [repeats]

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402

DEFAULT_SIZE = 588235


def work(n, slot):
    acc = 0
    for i in range(n // 10):
        s = json.dumps({'a': i, 'b': [1, 2, 3], 'c': 'x' * (i % 5)})
        acc += len(json.loads(s)['c']) + len(s)
    return acc


main(work, DEFAULT_SIZE)
