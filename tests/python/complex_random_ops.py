# gc-stress: 20
# Seeded random complex numbers (signed zeros, inf, nan, tiny and huge
# parts): arithmetic, integral and complex powers with their errors, abs,
# repr/str round trips and format specs, compared with CPython.
state = 13
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state >> 16
def rf():
    r = rnd() % 8
    if r == 0: return 0.0
    if r == 1: return -0.0
    if r == 2: return float(rnd() % 7 - 3)
    if r == 3: return (rnd() % 10**6) * 10.0 ** (rnd() % 600 - 300)
    if r == 4: return [float('inf'), -float('inf'), float('nan')][rnd() % 3]
    return (rnd() % 10**8 - 5 * 10**7) / (rnd() % 997 + 1)
def call(f, *a):
    try:
        return repr(f(*a))
    except Exception as e:
        return type(e).__name__ + ':' + str(e)
specs = ['', '.3', 'g', '.2e', '>30.4f', '+', '#', '.0f', 'G', '^25,.1f', 'z.2g', ' .3e', '#.3g']
for _ in range(150):
    z = complex(rf(), rf())
    w = complex(rf(), rf())
    n = rnd() % 21 - 10
    print(call(repr, z), call(str, w), call(lambda: z + w), call(lambda: z - w), call(lambda: z * w), call(lambda: z / w),
          call(lambda: z ** n), call(lambda: z ** w), call(lambda: z ** 0.5), call(lambda: z ** (n * 20)), call(abs, z),
          call(lambda: z == w), call(lambda: z == z.real), call(lambda: -z), call(lambda: z.conjugate()),
          call(lambda: [format(z, s) for s in specs]), call(complex, repr(z)), call(complex, str(w).strip('()')),
          call(lambda: hash(z) if z == z else 0), call(lambda: z.real / (w.imag or 1)), call(lambda: pow(z.real, w.real)))
