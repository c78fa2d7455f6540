# dict_creation: small dicts created at a high rate: displays, dict() with
# keywords, a comprehension, then read back; each thread its own dicts.
# Usage: dict_creation.py [size] [threads] [repeats]

from _harness import main

DEFAULT_SIZE = 500000


def work(n, slot):
    acc = slot
    for i in range(n):
        a = {"x": i, "y": acc, "z": 3}
        b = dict(left=a["x"], right=a["y"])
        c = {k: k * 2 for k in range(i & 3)}
        acc = (acc + a["z"] + b["left"] + len(c)) & 0xFFFFF
    return acc


main(work, DEFAULT_SIZE)
