# fraction_math: a threaded pattern outside the acceptance table (see README.md):
# fractions.Fraction sums (pure-Python objects, gcd on ints).
# Usage: fraction_math.py [size] [threads] [repeats]

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from _harness import main  # noqa: E402
from fractions import Fraction  # noqa: E402

DEFAULT_SIZE = 600000

def work(n, slot):
    s = Fraction(0)
    for i in range(1, n // 20):
        s += Fraction(1, i % 97 + 1)
        if i % 50 == 0:
            s = Fraction(s.numerator % 1000003, s.denominator % 1000 + 1)
    return s.numerator % 1000


main(work, DEFAULT_SIZE)
