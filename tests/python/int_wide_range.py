# gc-stress: 50
# Ints around the i64 and i128 boundaries: ftpy keeps them inline (no big
# digits) up to 128 bits, so every operation must agree with the big-int
# results exactly at and across both edges.
edges = []
for b in (47, 63, 64, 65, 127, 128):
    for d in (-1, 0, 1):
        edges.append(2**b + d)
        edges.append(-(2**b) + d)
small = [0, 1, -1, 3, -7, 2**31, -(2**32)]
vals = edges + small

def show(tag, f):
    out = []
    for x in vals:
        for y in vals:
            try:
                out.append(f(x, y))
            except (ZeroDivisionError, ValueError, OverflowError) as e:
                out.append(type(e).__name__)
    h = 0
    for r in out:
        for ch in repr(r):
            h = (h * 1000003 + ord(ch)) & (2**64 - 1)
    print(tag, len(out), h, out[:3], out[-3:])

show('add', lambda x, y: x + y)
show('sub', lambda x, y: x - y)
show('mul', lambda x, y: x * y)
show('floordiv', lambda x, y: x // y)
show('mod', lambda x, y: x % y)
show('divmod', lambda x, y: divmod(x, y))
show('and', lambda x, y: x & y)
show('or', lambda x, y: x | y)
show('xor', lambda x, y: x ^ y)
show('lt', lambda x, y: x < y)
show('eq', lambda x, y: x == y)
show('lshift', lambda x, y: x << (y % 140) if y >= 0 else x >> 3)
show('rshift', lambda x, y: x >> (y % 140) if y >= 0 else x << 3)
show('truediv', lambda x, y: x / y)

for x in edges:
    print(x, -x, ~x, abs(x), hash(x), hash(-x), x.bit_length(), bool(x),
          float(x), str(x)[-5:], hex(x), x == float(x), hash(x) == hash(float(x)))

# Results landing exactly on the edges, from both sides.
for b in (63, 64, 127, 128):
    m = 2**b
    print(b, (m - 1) + 1 == m, (m + 1) - 1 == m - 0, -m - 1 + 1 == -m,
          (m >> 1) * 2 == m, (m - 1) & m, (m - 1) | m == 2 * m - 1,
          m // -1, -m // -1, (-m) * -1, type((m - 1) + 1).__name__)

# Mixed with floats, bools and int subclasses.
class I(int):
    pass

w = 2**100 + 5
print(w + True, w * False, w + 0.5, w < 2.0**100, w > 2.0**100, I(w) + 1,
      type(I(w) + 1).__name__, I(w) == w, hash(I(w)) == hash(w))
print(sorted([2**64, -(2**64), 2**63, 2**127, -(2**127), 5]))
print({2**64: 'a', 2**64 + 0: 'b'}, {2**100, 2**100 + 0, float(2**100)})
print(pow(2**64 + 1, 3, 2**127 - 1), (2**64 + 1) ** 2, 2**70 % 1000, -(2**70) % 1000)

# A 64-bit LCG and Fibonacci modulo 2**64: the work ftpy keeps inline.
MASK = 2**64 - 1
x = 12345
for _ in range(1000):
    x = (x * 6364136223846793005 + 1442695040888963407) & MASK
print(x)
a, b = 0, 1
for _ in range(5000):
    a, b = b, (a + b) & MASK
print(a, b)
