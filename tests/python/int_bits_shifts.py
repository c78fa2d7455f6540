# int: bitwise operators on small, big and negative ints and bools, shifts
# (including negative and huge shift counts), bit_length and bit_count.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))

big = 2**100 + 12345
vals = [0, 1, -1, 5, -5, 255, -256, 2**47, -(2**47), 2**63 - 1, -(2**63), big, -big, 3**60]
for a in vals:
    print(a, ~a, -a, abs(a), a.bit_length(), a.bit_count(), a & 0xff, a | 1, a ^ -1)
    for b in [3, -3, big, -big, 0xF0F0F0F0F0F0F0F0F0F0]:
        print(' ', a & b, a | b, a ^ b, (a & b) | (a ^ b) == a | b)
    for n in [0, 1, 3, 47, 48, 63, 64, 65, 100, 200]:
        print(' <<', n, a << n, a >> n, (a << n) >> n == a)

for a in [1, -1, 0, big]:
    show(f'{a} << -1', lambda: a << -1)
    show(f'{a} >> -1', lambda: a >> -1)
    show(f'{a} >> 2**70', lambda: a >> 2**70)
show('1 << 2**70', lambda: 1 << 2**70)
show('0 << 2**70', lambda: 0 << 2**70)
show('-1 >> 2**70', lambda: -1 >> 2**70)
show('-big >> 300', lambda: -big >> 300)
show('1 << 1.0', lambda: 1 << 1.0)
show("1 & 'x'", lambda: 1 & 'x')
show('1.0 | 2', lambda: 1.0 | 2)
show('~1.5', lambda: ~1.5)

# bool: bitwise operators on two bools give bools, everything else ints.
print(True & True, True | False, True ^ True, False ^ False, True & 1, type(True & 1).__name__)
print(~True, ~False, -True, +True, True + True, True * 3, True << 3, True >> 1, True // 2, True / 2, True ** 2)
print(abs(True), abs(False), type(True + 0).__name__, type(abs(True)).__name__, type(-True).__name__)
print(True == 1, False == 0, hash(True), hash(False))
print(repr(True), str(False), int(True), float(True), complex(True), True.real, True.imag, True.numerator, True.denominator)
print(True.bit_length(), False.bit_count(), (True).as_integer_ratio(), True.conjugate(), type(True.conjugate()).__name__)
print(sum([True, True, False]), max(True, 0), min(False, -1), sorted([True, False, 2, -1]))
print(divmod(True, 2), True % 2, pow(True, 5), round(True), type(round(True)).__name__)
print(f'{True:d} {True:5} {False:>3} {True!r} {True!s}')
show('bool(x=1)', lambda: bool(x=1))
show('bool(1, 2)', lambda: bool(1, 2))
show('bool()', lambda: bool())
class B(int):
    pass
show('B(3) & B(5)', lambda: (B(3) & B(5), type(B(3) & B(5)).__name__))
show('~B(3)', lambda: (~B(3), type(~B(3)).__name__))
show('B(3) << 2', lambda: (B(3) << 2, type(B(3) << 2).__name__))
