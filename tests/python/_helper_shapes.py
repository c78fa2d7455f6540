# Helper module imported by import_*.py tests (not a test itself).
"""Shapes helper module."""

import math

print("_helper_shapes is being imported, __name__ =", __name__)

PI_APPROX = 3.14
registry = []
_private = "underscore names are skipped by star-import"
__all__ = ["Shape", "Circle", "Square", "area_sum", "registry", "PI_APPROX", "make"]


class Shape:
    def __init__(self, name):
        self.name = name
        registry.append(name)

    def area(self):
        raise NotImplementedError("area of " + self.name)

    def __repr__(self):
        return "%s(area=%.2f)" % (type(self).__name__, self.area())


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    def area(self):
        return math.pi * self.r ** 2


class Square(Shape):
    def __init__(self, s):
        super().__init__("square")
        self.s = s

    def area(self):
        return self.s * self.s


def area_sum(shapes):
    return sum(s.area() for s in shapes)


def make(kind, size):
    return {"circle": Circle, "square": Square}[kind](size)


if __name__ == "__main__":
    print("this must not run on import")
