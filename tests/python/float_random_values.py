# gc-stress: 20
# Seeded random floats (random bit patterns, decimals, binary fractions,
# wide exponents): repr, str, hex, round, every format type, hashing,
# int conversion, divmod, compared with CPython.
import math
state = 12345
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state
def rndfloat():
    r = rnd()
    kind = r % 4
    if kind == 0:
        bits = rnd()
        # reinterpret bits as float via fromhex
        sign = '-' if bits >> 63 else ''
        exp = (bits >> 52) & 0x7ff
        man = bits & ((1 << 52) - 1)
        if exp == 0x7ff: exp = 0x7fe
        if exp == 0:
            return float.fromhex(f'{sign}0x0.{man:013x}p-1022')
        return float.fromhex(f'{sign}0x1.{man:013x}p{exp - 1023}')
    if kind == 1:
        return (rnd() % 10**6) / 10 ** (rnd() % 8)
    if kind == 2:
        return (rnd() % 2000 - 1000) / 8
    return (rnd() % 10**17) * 10.0 ** (rnd() % 40 - 20)
out = []
for i in range(250):
    x = rndfloat()
    nd = rnd() % 30 - 12
    line = [repr(x), str(x), x.hex(), repr(round(x, nd)), repr(round(x, 0)), format(x, '.%de' % (rnd() % 20)),
            format(x, '.%dg' % (rnd() % 20)), format(x, '.%df' % (rnd() % 25)), format(x, '.%d' % (rnd() % 20)),
            repr(float(repr(x)) == x), repr(float.fromhex(x.hex()) == x), format(x, ','), format(x, '#.3g'),
            repr(x.as_integer_ratio()), repr(hash(x)), repr(x.is_integer())]
    if abs(x) < 1e300:
        line.append(repr(round(x)))
        line.append(repr(int(x)))
        line.append(repr(math.floor(x)))
        line.append(repr(divmod(x, 7.5)))
        line.append(repr(x % -3.25))
        line.append(repr(x // 0.1))
    print(' '.join(line))
