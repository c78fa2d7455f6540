# gc-stress: 200
# dataclasses: fields, defaults, default_factory, order, frozen, asdict,
# astuple, replace, __post_init__, InitVar, field metadata, inheritance.
import dataclasses
from dataclasses import dataclass, field, asdict, astuple, replace, fields, InitVar
from typing import ClassVar, List


@dataclass
class Point:
    x: int
    y: int = 0
    tags: List[str] = field(default_factory=list)
    count: ClassVar[int] = 0


p = Point(1)
print(p, p == Point(1, 0, []), p != Point(2))
p.tags.append("a")
print(Point(1).tags, p.tags)
print([f.name for f in fields(p)], asdict(p), astuple(p))
print(replace(p, y=5))
print(Point.__init__.__doc__ is None, Point.count)


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False, repr=False)


vs = sorted([Version(1, 2), Version(0, 9), Version(1, 0, "x")])
print(vs)
print(Version(1) < Version(1, 1), Version(2) >= Version(1, 9), hash(Version(1)) == hash(Version(1, 0, "z")))
try:
    vs[0].major = 5
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError:", e)


@dataclass
class WithPost:
    a: int
    b: int = field(init=False)
    scale: InitVar[int] = 2

    def __post_init__(self, scale):
        self.b = self.a * scale


print(WithPost(3), WithPost(3, 10))


@dataclass
class Base:
    x: int = 1


@dataclass
class Derived(Base):
    y: str = "s"


print(Derived(), Derived(5, "t"), dataclasses.is_dataclass(Derived), dataclasses.is_dataclass(Derived()))
print(fields(Derived)[0].metadata, field(metadata={"k": 1}).metadata["k"])

try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)

try:
    @dataclass
    class Mut:
        a: list = []
except ValueError as e:
    print("ValueError:", e)

D = dataclasses.make_dataclass("D", [("a", int), ("b", str, field(default="z"))])
print(D(1), D.__name__)


@dataclass(eq=False, repr=False)
class Plain:
    v: int


print(Plain(1) == Plain(1), "Plain object" in repr(Plain(1)))


@dataclass(kw_only=True)
class K:
    a: int
    b: int = 2


print(K(a=1), inspect_sig := str(__import__("inspect").signature(K)))


@dataclass(slots=True)
class S:
    a: int
    b: int = 0


print(S(1), S.__slots__, hasattr(S(1), "__dict__"))
print(asdict(WithPost(2)), Point.__match_args__)
match Point(3, 4):
    case Point(x, y):
        print("match", x, y)
