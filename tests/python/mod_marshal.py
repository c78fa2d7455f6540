# gc-stress: 5
# marshal: dumps/loads/dump/load of every supported type in versions 0-4,
# byte for byte as CPython writes them, references (FLAG_REF / TYPE_REF),
# and the errors for bad data, unmarshallable objects and deep nesting.
# Values written with version >= 3 are built fresh at run time (see
# `fresh`): CPython flags objects by reference count, which constants and
# variables raise (docs/deviations.md).
import marshal
import io
import sys

print(marshal.version)


def fresh(v):
    """A copy of v made of new objects (as a computation would make)."""
    t = type(v)
    if t is int:
        return int(str(v))
    if t is float:
        return float(repr(v))
    if t is complex:
        return complex(fresh(v.real), fresh(v.imag))
    if t is str:
        return "".join([c for c in v]) if len(v) > 1 else v
    if t is bytes:
        return bytes(list(v))
    if t is tuple:
        return tuple([fresh(x) for x in v])
    if t is list:
        return [fresh(x) for x in v]
    if t is dict:
        return {fresh(k): fresh(x) for k, x in v.items()}
    if t is set:
        return set([fresh(x) for x in v])
    if t is frozenset:
        return frozenset([fresh(x) for x in v])
    return v


values = [
    None, True, False, Ellipsis, StopIteration,
    0, 1, -1, 255, 256, 257, -5, -6, 1000, -1000, 2**31 - 1, -2**31, 2**31, -2**31 - 1,
    2**40, -2**40, 2**62, 2**63, -2**63, 2**64 + 12345, 10**30, -10**30, 3**200,
    0.0, -0.0, 1.5, -2.25, 0.1, 1e100, 1e-300, 5e-324, 1e16, 123456789012345678.0,
    float("inf"), float("-inf"),
    1j, complex(1.5, -2.0), complex(-0.0, 0.0),
    "", "a b", "hello world", "x" * 300, "caf\u00e9 au lait", "\u03b1\u03b2\u03b3 \U0001f600", "\ud800 lone",
    b"", b"\x00\xff binary", b"y" * 260,
    (), (1000, "two words", 3.5), tuple(range(300)),
    [], [1, [2, [3, []]]], {"k v": [1, 2], 1000: (None, True)},
    {1, 2, 3}, frozenset({4, 5}), set(), frozenset(),
]

for v in values:
    line = []
    for version in range(5):
        line.append(marshal.dumps(fresh(v), version).hex())
    back = marshal.loads(bytes.fromhex(line[-1]))
    same = back == v or (v != v and back != back)
    print(repr(v)[:40], type(back).__name__, same)
    for version, h in enumerate(line):
        print("  v%d" % version, h[:120], len(h))
        back = marshal.loads(bytes.fromhex(h))
        if not (back == v or repr(back) == repr(v)):
            print("  round trip differs:", repr(back)[:60])

# NaN: the bits are kept in the binary forms, the text forms write 'nan'.
for version in range(5):
    b = marshal.dumps(float("nan"), version)
    print(version, b.hex(), marshal.loads(b) != marshal.loads(b))

# Signed zeros survive.
for version in range(5):
    z = marshal.loads(marshal.dumps(complex(-0.0, -0.0), version))
    print(version, repr(z), repr(marshal.loads(marshal.dumps(-0.0, version))))

# Interned strings (identifier-like constants and sys.intern).
name = sys.intern("".join(["some", "_name"]))
for version in range(5):
    print(version, marshal.dumps(name, version).hex(), marshal.dumps(fresh("no interned"), version).hex())
print(marshal.dumps(sys.intern("x" * 300))[:6].hex(), marshal.dumps(sys.intern("\u00e9t\u00e9"))[:6].hex())

# Shared objects become references in versions 3 and 4, not before.
item = fresh([1000, "two words"])
big = fresh(2**70)
text = fresh("shared text")
for version in range(5):
    b = marshal.dumps([item, item, big, big, text, (text, big)], version)
    print(version, b.hex())
    back = marshal.loads(b)
    print("  ", back, back[0] is back[1], back[2] is back[3], back[4] is back[5][0])

# Small ints are always shared in CPython: the second one is a reference.
print(marshal.dumps(fresh((7, 7, 300, 300))).hex())
print(marshal.dumps(fresh([(), (), b"", b"", b"q", b"q"])).hex())

# A list that contains itself (references make it writable).
loop = [1]
loop.append(loop)
b = marshal.dumps(loop)
print(b.hex())
back = marshal.loads(b)
print(back, back[1] is back)
d = {}
d["self"] = d
back = marshal.loads(marshal.dumps(d))
print(back, back["self"] is back)

# dict order, set iteration order of small ints.
print(marshal.dumps(fresh({3: "c", 1: "a", 2: "b"})).hex())
print(marshal.loads(marshal.dumps({3: "c", 1: "a", 2: "b"})))
print(marshal.dumps(fresh({2, 513, 1})).hex(), marshal.dumps(fresh(frozenset([9, 1]))).hex())
mixed = {(1, 2), 1000, "words here", 2.5, frozenset([3, 300]), -7}
for version in range(5):
    b = marshal.dumps(fresh(mixed), version)
    print(version, b.hex(), marshal.loads(b) == mixed)

# Bytes-like objects are written as bytes.
print(marshal.dumps(bytearray(b"ab")).hex(), marshal.dumps(memoryview(b"cd")).hex())
print(marshal.loads(bytearray(b"\xe9\x05\x00\x00\x00")), marshal.loads(memoryview(b"N")))
print(marshal.loads(b"N trailing data is ignored"))

# dump/load on files: load reads exactly one value.
f = io.BytesIO()
print(marshal.dump([1, "ab"], f), marshal.dump(2.5, f, 1), marshal.dump({"k": b"v"}, f, 2))
f.seek(0)
print(marshal.load(f), marshal.load(f), f.tell(), marshal.load(f), f.tell())
for data in [b"", b"[\x02\x00\x00\x00N", b"l\x02\x00\x00\x00\x01\x00"]:
    try:
        marshal.load(io.BytesIO(data))
    except Exception as e:
        print(type(e).__name__, e)

# Unmarshallable objects.
class MyInt(int):
    pass

class MyStr(str):
    pass

class MyBytes(bytes):
    pass

for bad in [object(), [1, object()], {1: {2: print}}, MyInt(3), MyStr("s"), int, range(3)]:
    try:
        marshal.dumps(bad)
    except Exception as e:
        print(type(e).__name__, e)
print(marshal.dumps(MyBytes(b"sub"), 2).hex())

# Bad data.
bad_data = [
    b"", b"i\x01", b"?", b"[\x01\x00\x00\x00", b"r\x00\x00\x00\x00",
    b"[\xff\xff\xff\xff", b"l\x01\x00\x00\x00\x00\x80", b"u\x02\x00\x00\x00\xff\xff",
    b"{i\x01\x00\x00\x00", b"{0", b"{i\x01\x00\x00\x00i\x02\x00\x00\x000",
    b"I\x01\x00\x00\x00\x00\x00\x00\x00", b"0", b"f\x03abc", b"f\x03", b"x\x011",
    b"g\x00\x00\x00\x00\x00\x00\xf0?", b"y", b"l\xff\xff\xff\xff", b"l\x00\x00\x00\x00",
    b"l\x01\x00\x00\x00\x00\x00", b"l\x02\x00\x00\x00\x01\x00\x00\x00",
    b"s\xff\xff\xff\xff", b"(\x00\x00\x00\x80", b"<\x01\x00\x00\x00[\x00\x00\x00\x00",
    b"<\x01\x00\x00\x00r\x00\x00\x00\x00", b"\xbc\x01\x00\x00\x00r\x00\x00\x00\x00",
    b"\xdb\x01\x00\x00\x00r\x00\x00\x00\x00", b"a\x02\x00\x00\x00ab", b"A\x02ab",
    b"z\x02\xc3\xa9", b"\xfa\x02ab", b"z", b"z\x05ab", b")\x02N", b"(\x02\x00\x00\x00N0",
    b"[\x01\x00\x00\x000", b"<\x01\x00\x00\x000", b"r\xff\xff\xff\xff", b"\xe9\x07\x00\x00\x00",
    b"l\x01\x00\x00\x00\x07", b"s\x03\x00\x00\x00ab", b"t\x01\x00\x00\x00\xed", b"\x80",
]
for data in bad_data:
    try:
        print(repr(marshal.loads(data)))
    except Exception as e:
        print(type(e).__name__, e)

# Deep nesting: 2000 levels can be written and read, 2001 cannot.
a = []
for i in range(1999):
    a = [a]
print(len(marshal.dumps(a)))
try:
    marshal.dumps([a])
except ValueError as e:
    print("ValueError", e)
try:
    marshal.dumps([[a]], 2)
except ValueError as e:
    print("ValueError", e)
t = marshal.loads(b"(\x01\x00\x00\x00" * 1999 + b"N")
depth = 0
while t is not None:
    t = t[0]
    depth += 1
print(depth)
try:
    marshal.loads(b"[\x01\x00\x00\x00" * 2000 + b"N")
except ValueError as e:
    print("ValueError", e)

# Arguments.
calls = [
    lambda: marshal.dumps(),
    lambda: marshal.dumps(1, 2, 3),
    lambda: marshal.dumps(1, version=2),
    lambda: marshal.dumps(1, "a"),
    lambda: marshal.dumps(1, 2**70),
    lambda: marshal.dumps(1, -1),
    lambda: marshal.dumps(1, 99),
    lambda: marshal.loads("abc"),
    lambda: marshal.loads(),
    lambda: marshal.load(1),
    lambda: marshal.dump(1, 2),
    lambda: marshal.load(io.StringIO("x")),
]
for c in calls:
    try:
        print(repr(c()))
    except Exception as e:
        print(type(e).__name__, e)
