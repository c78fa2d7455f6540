# gc-stress: 20
# Seeded random arguments for the math functions (gamma, lgamma, hypot,
# dist, fsum, logs of big ints, remainder, pow, erf ...): every result
# equal to CPython's to the last bit.
import math
state = 987654321
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state
def rf(scale=None):
    r = rnd()
    if scale is None:
        scale = 10.0 ** (rnd() % 40 - 20)
    v = (r % 10**15) / 10**15 * scale
    return -v if rnd() % 3 == 0 else v
def call(f, *a):
    try:
        return repr(f(*a))
    except Exception as e:
        return type(e).__name__
for i in range(100):
    x = rf(200.0)
    y = rf()
    z = rf(1e3)
    n = rnd() % 2000
    big = rnd() ** (1 + rnd() % 40) + 1
    vec = [rf() for _ in range(rnd() % 6)]
    print(call(math.gamma, x), call(math.lgamma, x), call(math.gamma, x / 40), call(math.lgamma, x * 1e5),
          call(math.hypot, *vec), call(math.dist, vec, vec[::-1]), call(math.fsum, vec + [1e16, -1e16, y]),
          call(math.log, big), call(math.log2, big), call(math.log10, big), call(math.log, big, x),
          call(math.remainder, x, y), call(math.fmod, x, z), call(math.hypot, x, y), call(math.atan2, x, y),
          call(math.erf, x / 50), call(math.erfc, x / 20), call(math.pow, z, y), call(math.exp, y),
          call(math.sqrt, z), call(math.cbrt, x), call(math.asinh, z), call(math.acosh, abs(z)),
          call(math.expm1, y), call(math.log1p, y), call(math.ldexp, x, n - 1000), call(math.frexp, y),
          call(math.modf, z), call(math.ulp, y), call(math.nextafter, x, y), call(math.comb, n, n // 3),
          call(math.perm, n % 50, n % 7), call(math.isqrt, big), call(math.factorial, n % 60),
          call(math.prod, vec), call(math.degrees, x), call(math.radians, x), call(math.tan, x),
          call(math.atanh, y / 1e10), call(math.hypot, *[v * 1e-310 for v in vec]), call(math.hypot, *[v * 1e300 for v in vec]))
