# A TypeError from a bad call escapes after some output.

def area(width, height):
    return width * height

shapes = [(2, 3), (4, 5), (6,)]
for s in shapes:
    print("area of", s, "is", area(*s))
