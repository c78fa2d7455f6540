# match: sequence patterns (fixed length, star anywhere, nested; which
# types count as sequences) and mapping patterns (keys, **rest, extra
# keys, subclasses, get() semantics).


def seq(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one: {a}"
        case [a, b]:
            return f"two: {a}, {b}"
        case [first, *middle, last] if len(middle) > 3:
            return f"long: {first}..{last} ({len(middle)} inside)"
        case (a, b, *rest):
            return f"at least three: {a}, {b}, rest={rest}"
        case _:
            return "not a sequence"


class MyList(list):
    pass


class MyTuple(tuple):
    pass


for v in [[], [1], (1, 2), [1, 2, 3], list(range(7)), range(3), "ab", b"ab",
          bytearray(b"ab"), {1: 2}, {1, 2}, MyList([9, 8]), MyTuple((1, 2, 3)), 5,
          iter([1, 2]), (x for x in [1])]:
    print(type(v).__name__, repr(v)[:20] if type(v).__repr__ is not object.__repr__ else "", "->", seq(v))

# star capture is always a list
match (1, 2, 3, 4):
    case (*head, tail):
        print(head, tail, type(head).__name__)
match [1, 2, 3, 4]:
    case [h, *_, t]:
        print(h, t)
match "xyz":
    case [*chars]:
        print("str matched a sequence pattern?", chars)
    case str(s):
        print("str is not a sequence:", s)

# nested sequences and groups
data = [("add", 1, 2), ("neg", 5), ("sum", [1, 2, 3]), ("pair", (1, (2, 3)))]
for item in data:
    match item:
        case ("add", a, b):
            print("add", a + b)
        case ("neg", a):
            print("neg", -a)
        case ("sum", [*nums]):
            print("sum", sum(nums))
        case ("pair", (x, (y, z))):
            print("pair", x, y, z)


def mapping(x):
    match x:
        case {"type": "point", "x": x0, "y": y0}:
            return f"point {x0},{y0}"
        case {"type": "circle", "r": r, **rest} if rest:
            return f"circle r={r} extra={sorted(rest.items())}"
        case {"type": "circle", "r": r}:
            return f"plain circle r={r}"
        case {1: one, 2.5: frac, None: nothing}:
            return f"non-str keys {one} {frac} {nothing}"
        case {}:
            return f"some mapping with {len(x)} keys"
        case _:
            return "not a mapping"


class MyDict(dict):
    pass


class Defaulting(dict):
    def __missing__(self, key):
        return "default"


for v in [{"type": "point", "x": 1, "y": 2, "extra": 0},
          {"type": "circle", "r": 3},
          {"type": "circle", "r": 3, "color": "red", "fill": True},
          {1: "a", 2.5: "b", None: "c"},
          {"type": "square"},
          MyDict(type="point", x=0, y=0),
          Defaulting(type="point"),
          [("type", "point")], "type", 7]:
    print(repr(v)[:40], "->", mapping(v))

# **rest is a new dict holding the other keys
d = {"a": 1, "b": 2, "c": 3}
match d:
    case {"a": 1, **others}:
        print(others, others is d, type(others).__name__)

# keys of a mapping pattern use get(); a custom get is honoured
class Tracing(dict):
    def get(self, key, default=None):
        print("  get", key)
        return super().get(key, default)


match Tracing(k=1):
    case {"k": v}:
        print("found", v)


class Counting:
    """Not a mapping: a mapping pattern never calls its get."""

    def get(self, key, default=None):
        print("  never called")


match Counting():
    case {"k": v}:
        print("no")
    case _:
        print("an object with get() is not a mapping")


class Red:
    KEY = "r"


for d in [{"r": 1}, {"r": 5, "s": 2}]:
    try:
        match d:
            case {Red.KEY: 1, "s": 2}:
                print("no")
            case {Red.KEY: 5, "r": 5}:
                print("no")
    except ValueError as e:
        print("ValueError:", e)
try:
    match {"a": 1, "b": 2}:
        case {Red.KEY: 1}:
            pass
        case {"x": 1, Red.KEY: 2}:
            pass
    print("no error without a duplicate")
except ValueError as e:
    print("ValueError:", e)

# duplicate keys and bad keys are errors
for src in ["match x:\n    case {'a': 1, 'a': 2}: pass",
            "match x:\n    case {**rest, 'a': 1}: pass",
            "match x:\n    case [*a, *b]: pass",
            "match x:\n    case {f(): 1}: pass",
            "match x:\n    case [a, a]: pass",
            "match x:\n    case a | b: pass",
            "match x:\n    case x:\n        pass\n    case 1:\n        pass",
            "match x:\n    case _:\n        pass\n    case 1:\n        pass",
            "match x:\n    case 1 + 2: pass",
            "match x:\n    case -a: pass",
            "match x:\n    case {**_}: pass",
            "match x:\n    case (1 | a): pass",
            "match x:\n    case [a, *_, a]: pass"]:
    try:
        compile(src, "<s>", "exec")
        print("compiled:", src.split("case ")[1].split(":")[0])
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
