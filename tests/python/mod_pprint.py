# gc-stress: 200
# pprint: pformat of nested containers with width/indent/depth/compact,
# sort_dicts, PrettyPrinter, isreadable/isrecursive, saferepr, pp.
import pprint
import collections

data = {
    "name": "widget",
    "tags": ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"],
    "dims": {"w": 10, "h": 20, "d": [1, 2, 3, {"deep": (4, 5, 6)}]},
    "matrix": [[i * j for j in range(6)] for i in range(6)],
    "long text": "lorem ipsum dolor sit amet " * 4,
    10: None,
}
print(pprint.pformat(data))
print(pprint.pformat(data, width=40, indent=2))
print(pprint.pformat(data, depth=2))
print(pprint.pformat(data, sort_dicts=False, width=60))
print(pprint.pformat(list(range(40)), compact=True, width=50))
print(pprint.pformat(list(range(40)), width=50))
print(pprint.pformat((1, (2, (3, (4, (5,)))))))
print(pprint.pformat({"s": {3, 1, 2}, "f": frozenset([5, 4])}))
rec = [1, 2]
rec.append(rec)
print(pprint.pformat(rec).split(" with id=")[0], pprint.isrecursive(rec), pprint.isreadable(rec), pprint.isreadable([1, "a"]))
print(pprint.saferepr(rec).startswith("[1, 2, <Recursion on list"), pprint.saferepr({"b": 1, "a": 2}))
pp = pprint.PrettyPrinter(width=30, indent=4)
pp.pprint({"key%d" % i: list(range(i)) for i in range(5)})
pprint.pprint(collections.OrderedDict([("z", 1), ("a", [1] * 20)]), width=40)
pprint.pprint(collections.defaultdict(int, {"a": 1, "b": 2}))
pprint.pprint(collections.Counter("abracadabra"), width=30)
pprint.pprint(collections.deque(range(30), maxlen=40), width=40)
pprint.pp([{"x": b"bytes" * 10, "y": bytearray(b"ba") * 20}], width=50)
pprint.pprint("a fairly long string that will be wrapped across lines " * 3, width=40)
pprint.pprint(b"some bytes to wrap here" * 4, width=40)
from dataclasses import dataclass, field


@dataclass
class Rec:
    name: str
    values: list = field(default_factory=list)


pprint.pprint(Rec("r", list(range(25))), width=40)
pprint.pprint([], width=1)
pprint.pprint({}, width=1)
