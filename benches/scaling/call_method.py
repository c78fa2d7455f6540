# call_method: method calls on one shared instance.
# All threads call methods of the same object (a plain method, a method
# calling another method, a classmethod and a staticmethod); the methods
# only read the instance.
# Usage: call_method.py [size] [threads] [repeats]

from _harness import main

DEFAULT_SIZE = 1000000


class Scaler:
    FACTOR = 7

    def __init__(self, mul, add):
        self.mul = mul
        self.add = add

    def apply(self, x):
        return (x * self.mul + self.add) & 0xFFFF

    def twice(self, x):
        return self.apply(self.apply(x))

    @classmethod
    def factor(cls, x):
        return x * cls.FACTOR

    @staticmethod
    def fold(x):
        return x & 0xFFF


SHARED = Scaler(3, 11)


def work(n, slot):
    s = SHARED
    acc = slot
    for i in range(n):
        acc = s.twice(acc ^ i)
        acc = s.fold(s.factor(acc))
    return acc


main(work, DEFAULT_SIZE)
