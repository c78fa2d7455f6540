# match: class patterns with positional sub-patterns (__match_args__),
# keyword sub-patterns, built-in types matching themselves, inheritance,
# and the errors CPython raises for bad class patterns.


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class Named:
    def __init__(self, name):
        self.name = name


class Lazy:
    __match_args__ = ("computed",)

    @property
    def computed(self):
        print("  computing")
        return 42


def where(p):
    match p:
        case Point3(0, 0, 0):
            return "3d origin"
        case Point3(x, y, z=0):
            return f"3d flat {x},{y}"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on y axis at {yy}"
        case Point(xx, 0):
            return f"on x axis at {xx}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "some point"
        case Named(name="bob" | "alice" as who):
            return f"known {who}"
        case Named(name=str(n)):
            return f"named {n}"
        case Lazy(42):
            return "lazy 42"
        case _:
            return "unknown"


for obj in [Point(0, 0), Point(0, 5), Point(7, 0), Point(3, 3), Point(1, 2),
            Point3(0, 0, 0), Point3(1, 2, 0), Point3(1, 2, 3), Named("bob"),
            Named("eve"), Named(5), Lazy(), 5]:
    print(type(obj).__name__, "->", where(obj))

# built-in types take one positional sub-pattern matching the object
for v in [5, 5.0, "s", b"b", [1], (1,), {1: 2}, {1}, frozenset({2}), True, bytearray(b"x")]:
    match v:
        case bool(b):
            r = f"bool {b}"
        case int(i):
            r = f"int {i}"
        case float(f):
            r = f"float {f}"
        case str(s) | bytes(s):
            r = f"str/bytes {s!r}"
        case list([x]) | tuple((x,)):
            r = f"one-item sequence {x}"
        case dict({1: v2}):
            r = f"dict with 1 -> {v2}"
        case set() | frozenset():
            r = f"set-like {sorted(v)}"
        case bytearray(ba):
            r = f"bytearray {ba}"
    print(repr(v), "->", r)


# subclasses of built-ins keep the self-match behaviour
class MyInt(int):
    pass


match MyInt(7):
    case int(n):
        print("MyInt matched int(n):", n, type(n).__name__)

# keyword patterns on built-ins read attributes
match 3 + 4j:
    case complex(real=r, imag=i):
        print("complex parts", r, i)
match "abc":
    case str(upper=u):
        print("bound method found:", u())

# missing attributes make the pattern fail, not raise
match Named("x"):
    case Named(age=a):
        print("no")
    case Named():
        print("attribute missing: no match")

# a tuple subclass match_args of a dataclass-like class
class Pair:
    __match_args__ = ("first", "second")
    first = "F"
    second = "S"


match Pair():
    case Pair(a, b):
        print("class attributes:", a, b)


def error(pattern_src, subject):
    src = f"match subject:\n    case {pattern_src}:\n        print('matched')\n"
    try:
        exec(src, {"subject": subject, "Point": Point, "Named": Named, "bad": 5,
                   "BadArgs": BadArgs, "BadArgs2": BadArgs2})
    except TypeError as e:
        print(f"{pattern_src}: TypeError: {e}")
    except SyntaxError as e:
        print(f"{pattern_src}: SyntaxError: {e.msg}")


class BadArgs:
    __match_args__ = ["x"]
    x = 1


class BadArgs2:
    __match_args__ = (1,)


error("Point(1, 2, 3)", Point(1, 2))
error("Named(1)", Named("n"))
error("int(1, 2)", 1)
error("bad()", 1)
error("BadArgs(1)", BadArgs())
error("BadArgs2(1)", BadArgs2())
error("Point(1, x=1)", Point(1, 2))
error("Point(x=1, x=2)", Point(1, 2))
error("int(real=0, real=0)", 0)
error("Point(y, x=0)", Point(0, 0))

# the isinstance check happens first: a wrong type never reads attributes
match 5:
    case Point(1, 2, 3):
        print("no")
    case _:
        print("not a Point, no TypeError")
