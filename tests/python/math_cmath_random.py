# gc-stress: 20
# cmath on seeded random finite arguments (tiny, huge, near 1, subnormal,
# signed zeros): every function's result equal to CPython's to the last bit.
import cmath, math
state = 31337
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state >> 16
def rf():
    r = rnd() % 9
    if r == 0: return 0.0
    if r == 1: return -0.0
    if r == 2: return float(rnd() % 7 - 3)
    if r == 3: return (rnd() % 10**6) * 10.0 ** (rnd() % 600 - 300) * (1 if rnd() % 2 else -1)
    if r == 4: return (rnd() % 2000 - 1000) / 997
    if r == 5: return 1.0 + (rnd() % 1000 - 500) * 1e-12
    if r == 6: return (rnd() % 10**6) * 1e-320 * (1 if rnd() % 2 else -1)
    if r == 7: return 1e308 * (rnd() % 100) / 50
    return (rnd() % 10**8 - 5 * 10**7) / (rnd() % 997 + 1)
def call(f, *a):
    try:
        return repr(f(*a))
    except Exception as e:
        return type(e).__name__ + ':' + str(e)
names = ['sqrt','exp','log','log10','acos','acosh','asin','asinh','atan','atanh','cos','cosh','sin','sinh','tan','tanh','phase','polar','isfinite']
for _ in range(150):
    z = complex(rf(), rf())
    w = complex(rf(), rf())
    print(repr(z), [call(getattr(cmath, n), z) for n in names], call(cmath.log, z, w), call(cmath.rect, z.real, z.imag),
          call(cmath.isclose, z, w), call(cmath.isclose, z, z * (1 + 1e-10)))
