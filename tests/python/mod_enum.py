# gc-stress: 200
# enum: Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique, member
# access by value and name, iteration, aliases, functional API, pickling
# names, and the errors for bad values.
import enum
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1  # alias


print(Color.RED, repr(Color.GREEN), Color(3), Color["BLUE"], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), [m.name for m in Color.__members__.values()])
print(Color.RED.name, Color.RED.value, type(Color.RED).__name__, isinstance(Color.RED, Color))
print(Color.RED == 1, Color.RED == Color.RED, Color.RED in Color, hash(Color.RED) == hash(Color.RED))
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
try:
    Color["PURPLE"]
except KeyError as e:
    print("KeyError:", e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError:", e)


class Shape(IntEnum):
    CIRCLE = 1
    SQUARE = 2


print(Shape.CIRCLE < Shape.SQUARE, Shape.SQUARE + 1, int(Shape.SQUARE), sorted([Shape.SQUARE, Shape.CIRCLE]))
print(str(Shape.CIRCLE), format(Shape.SQUARE), f"{Shape.SQUARE:>4}")


class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RW = 6


print(Perm.R | Perm.W, Perm.RW == Perm.R | Perm.W, Perm.R in Perm.RW, bool(Perm(0)))
print(list(Perm.RW), Perm(7), ~Perm.R, Perm.RW & Perm.W)


class Open(IntFlag):
    RD = 1
    WR = 2
    APPEND = 4


print(Open.RD | Open.WR, int(Open.RD | Open.APPEND), Open(3), Open.RD | 8)


class Auto(Enum):
    A = auto()
    B = auto()
    C = auto()


print([(m.name, m.value) for m in Auto])


class Lower(str, Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()
    X = auto()
    Y = auto()


print(Lower.X.value, Lower.Y == "y", Lower("x"))


class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return round(6.673e-11 * self.mass / (self.radius * self.radius), 2)


print(Planet.EARTH.gravity, Planet.MERCURY.mass, Planet((5.976e24, 6.37814e6)).name)

Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, Animal(3))
Sizes = IntEnum("Sizes", [("S", 10), ("M", 20)])
print(Sizes.M, Sizes.M > Sizes.S)

try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError:", e)

try:
    class Bad(Color):
        PINK = 9
except TypeError as e:
    print("TypeError:", e)


class Status(enum.StrEnum):
    OK = auto()
    FAIL = "failed"


print(Status.OK, Status.FAIL.upper(), Status.OK == "ok", [s for s in Status])


class Mood(Enum):
    HAPPY = 1
    SAD = 2

    def describe(self):
        return f"{self.name} is {self.value}"

    @classmethod
    def default(cls):
        return cls.HAPPY


print(Mood.default().describe(), Mood.SAD.describe(), Mood.__members__.keys() == {"HAPPY": 0, "SAD": 0}.keys())
print(Color.RED._name_, Color._member_names_, Color._value2member_map_[2])
print(enum.Enum.__name__, issubclass(IntEnum, int), Color.__class__.__name__)
