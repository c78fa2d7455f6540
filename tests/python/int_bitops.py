# Bitwise operations on ints of both signs and on big ints (two's complement
# semantics with infinite sign extension).

vals = [0, 1, -1, 5, -5, 12, -12, 255, -256, 2 ** 40 + 3, -(2 ** 40) - 3, 2 ** 70 + 1, -(2 ** 70)]
for a in vals:
    print(a, "~", ~a, "<<3", a << 3, ">>2", a >> 2, "&7", a & 7, "|8", a | 8, "^-1", a ^ -1)

for a in (6, -6, 2 ** 65 + 6, -(2 ** 65) - 6):
    for b in (3, -3, 2 ** 64 - 1, -(2 ** 64)):
        print(a & b, a | b, a ^ b, end=" | ")
    print()

print(1 << 0, 1 << 63, 1 << 64, 1 << 100, -1 << 100, 3 << 62)
print((1 << 100) >> 99, (1 << 100) >> 200, (-1 << 100) >> 200, -1 >> 1, -2 >> 1, -3 >> 1)
print(5 >> 0, 5 << 0, -7 >> 1, -7 >> 3, -7 >> 64, 7 >> 64)
try:
    print(1 << -1)
except ValueError as e:
    print("ValueError", e)
try:
    print(1 >> -1)
except ValueError as e:
    print("ValueError", e)

for n in (0, 1, 2, 3, 7, 8, 255, 256, -1, -8, 2 ** 64, 2 ** 64 - 1):
    print(n, n.bit_length(), bin(n), bin(n).count("1"))

# precedence: shifts bind tighter than &, & tighter than ^, ^ tighter than |
print(1 | 2 ^ 3 & 4 << 1, (1 | 2) ^ 3, 1 + 2 << 3, 1 << 2 + 3, 6 & 3 == 2)
print(~0 & 0xFF, ~0xFF & 0xFFFF, -0x10 & 0xF, 0xF0 | 0x0F ^ 0xFF)

# classic tricks
def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c
print([popcount(i) for i in range(20)])
print([i & -i for i in range(1, 20)])
print([(i >> 1) ^ i for i in range(16)])
x = 0
for i in (1, 5, 9, 70, 200):
    x |= 1 << i
print(x, x.bit_length(), [i for i in range(201) if x >> i & 1])
mask = (1 << 64) - 1
h = 1469598103934665603
for ch in "hello world":
    h ^= ord(ch)
    h = (h * 1099511628211) & mask
print("fnv1a:", h, hex(h))
print(bool(0 & 1), bool(2 | 0))
print(True << 3, False | 4, True ^ 1)
print(int.__and__(12, 10), (12).__or__(3), (12).__xor__(5), (12).__invert__(), (12).__lshift__(2), (12).__rshift__(2))
one, onef, a = 1, 1.0, "a"
for bad in (lambda: one & onef, lambda: 1.5 | 2, lambda: a ^ one, lambda: ~onef):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
