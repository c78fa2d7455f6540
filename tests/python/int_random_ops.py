# gc-stress: 20
# A seeded random walk over int (and mixed float/complex) operations:
# arithmetic, powers with moduli, shifts, bit operations, hashing,
# rounding, bytes and str conversions, compared with CPython.
state = 99
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state >> 16
def rint():
    r = rnd() % 6
    if r == 0: return rnd() % 10 - 5
    if r == 1: return rnd() - 2**47
    if r == 2: return (rnd() << 40) - (rnd() << 20)
    if r == 3: return -(rnd() ** 3)
    if r == 4: return rnd() ** 5 * (1 if rnd() % 2 else -1)
    return 2 ** (rnd() % 130) - rnd() % 3
def call(f, *a):
    try:
        return repr(f(*a))
    except Exception as e:
        return type(e).__name__ + ':' + str(e)
for _ in range(120):
    a, b = rint(), rint()
    m = rint()
    e = rnd() % 40
    f = (rnd() % 10**6) / (rnd() % 1000 + 1) * (1 if rnd() % 2 else -1)
    print(call(lambda: a + b), call(lambda: a - b), call(lambda: a * b), call(lambda: a // b), call(lambda: a % b),
          call(divmod, a, b), call(lambda: a / b), call(lambda: a ** (e % 7)), call(pow, a, e, m), call(pow, a, -1, m),
          call(lambda: a << (e % 70)), call(lambda: a >> (e % 70)), call(lambda: a & b), call(lambda: a | b), call(lambda: a ^ b),
          call(lambda: ~a), call(lambda: -a), call(abs, a), call(lambda: a.bit_length()), call(lambda: a.bit_count()),
          call(lambda: a == f), call(lambda: a < f), call(lambda: a + f), call(lambda: f // (a or 1)), call(lambda: a % (f or 1.0)),
          call(hash, a), call(hash, f), call(hash, (a, f)), call(round, a, -(e % 12)), call(round, f, e % 5 - 2),
          call(lambda: a.to_bytes(20, 'little', signed=True)), call(lambda: int.from_bytes(abs(a).to_bytes(24, 'big'), 'little', signed=True)),
          call(lambda: format(a, '_x')), call(lambda: format(a, ',')), call(lambda: format(a, '+#o')), call(str, a),
          call(lambda: int(str(a), 0)), call(lambda: int(hex(a), 16)), call(lambda: int(bin(a), 0)), call(lambda: float(a)),
          call(lambda: complex(a, f) * complex(b, 1)), call(lambda: complex(f, a) / complex(b, f)), call(lambda: complex(f, 1) ** (e % 9 - 4)),
          call(lambda: (a / (b or 1)).as_integer_ratio()), call(lambda: a.__round__(-(e % 20))), call(lambda: f.__round__(e % 4)),
          call(lambda: f == a), call(lambda: f.hex()), call(lambda: (f * 1e10).__trunc__()), call(lambda: a.as_integer_ratio()))
