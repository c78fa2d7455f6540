# call_module_function: calls of functions reached through a module
# attribute: native ones (math.gcd, math.floor) and a pure-Python one
# (colorsys.rgb_to_yiq), all shared by every thread.
# Usage: call_module_function.py [size] [threads] [repeats]

import colorsys
import math

from _harness import main

DEFAULT_SIZE = 600000


def work(n, slot):
    acc = slot
    for i in range(n):
        acc = (acc + math.gcd(i, 360) + math.floor(i / 7)) & 0xFFFFF
        y, _i, _q = colorsys.rgb_to_yiq((i & 255) / 255, 0.5, 0.25)
        acc = (acc + int(y * 1000)) & 0xFFFFF
    return acc


main(work, DEFAULT_SIZE)
