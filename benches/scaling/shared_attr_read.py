# shared_attr_read: reads of the attributes of one shared instance (its
# own attributes, a class attribute, a property) by every thread; nothing
# is written.
# Usage: shared_attr_read.py [size] [threads] [repeats]

from _harness import main

DEFAULT_SIZE = 4000000


class Config:
    LIMIT = 1000

    def __init__(self):
        self.scale = 3
        self.offset = 17
        self.name = "cfg"

    @property
    def span(self):
        return self.LIMIT - self.offset


CONFIG = Config()


def work(n, slot):
    cfg = CONFIG
    acc = slot
    for i in range(n):
        acc += cfg.scale * (i & 15) + cfg.offset
        if acc > cfg.LIMIT:
            acc -= cfg.span + len(cfg.name)
    return acc


main(work, DEFAULT_SIZE)
