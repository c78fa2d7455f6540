# A class pattern with too many positional sub-patterns: TypeError.
class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x, 0):
            return f"on the x axis at {x}"
        case Point(x, y, z):
            return "3d?"


print(where(Point(0, 0)), where(Point(3, 0)))
print(where(Point(1, 2)))
