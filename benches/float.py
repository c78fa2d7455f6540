# float: build many small objects holding three floats computed with
# math.sin/cos, normalize each to unit length with math.sqrt, and fold them
# into a component-wise maximum.  Repeated several rounds so that allocation
# and collection of short-lived objects matter.
#
# Exercises: object creation (__init__ with float attributes), attribute
# reads and writes, math.sin/cos/sqrt, float arithmetic, max(), method calls,
# __repr__ with %-formatting of floats.
#
# Usage: python3 float.py [points]

import sys
from math import sin, cos, sqrt

DEFAULT_SIZE = 200000
ROUNDS = 6


class Point:
    def __init__(self, i):
        x = sin(i)
        self.x = x
        self.y = cos(i) * 3.0
        self.z = (x * x) / 2.0

    def __repr__(self):
        return "<Point %.9f %.9f %.9f>" % (self.x, self.y, self.z)

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        length = sqrt(x * x + y * y + z * z)
        self.x = x / length
        self.y = y / length
        self.z = z / length

    def maximize(self, other):
        self.x = max(self.x, other.x)
        self.y = max(self.y, other.y)
        self.z = max(self.z, other.z)
        return self


def make_points(n):
    points = [Point(i) for i in range(n)]
    for p in points:
        p.normalize()
    return points


def fold_max(points):
    it = iter(points)
    best = next(it)
    for p in it:
        best = best.maximize(p)
    return best


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    result = None
    for _ in range(ROUNDS):
        result = fold_max(make_points(n))
    print("float n=%d rounds=%d max=%r" % (n, ROUNDS, result))


main()
