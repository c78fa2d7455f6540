# cmath: every function on every combination of special parts (infinities,
# signed zeros, nan, finite), the domain/range errors CPython raises,
# log with a base, phase/polar/rect, isclose, constants, argument errors.
import cmath, math
vals = [-math.inf, -2.3, -0.0, 0.0, 2.3, math.inf, math.nan]
def pr(d):
    if d != d: return 'nan'
    if d in (math.inf, -math.inf): return 'inf' if d > 0 else '-inf'
    return repr(d) if d != 0 else ('-0' if math.copysign(1, d) < 0 else '0')
for name in ["sqrt","exp","log","acos","acosh","asin","asinh","atan","atanh","cos","cosh","sin","sinh","tan","tanh"]:
    f = getattr(cmath, name)
    for a in vals:
        for b in vals:
            if math.isfinite(a) and math.isfinite(b): continue
            try:
                r = f(complex(a, b)); out = pr(r.real) + ' ' + pr(r.imag) + ' '
            except ValueError:
                out = 'ERR ERR INVALID'
            print(name, pr(a), pr(b), '->', out)
print([n for n in dir(cmath) if not n.startswith('__')])
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))
for r in [-math.inf, -1.5, -0.0, 0.0, 1.5, math.inf, math.nan]:
    for phi in [-math.inf, -2.0, -0.0, 0.0, 0.5, 2.0, math.inf, math.nan]:
        show(f'rect({r}, {phi})', lambda: cmath.rect(r, phi))
for z in [0j, -0j, 1 + 1j, -1 - 1j, complex(-1, -0.0), complex(math.inf, 1), complex(1, math.nan), complex(1e300, 1e300),
          complex(1e308, 1e308), complex(-math.inf, -math.inf)]:
    show(f'phase/polar {z}', lambda: (cmath.phase(z), cmath.polar(z)))
show('phase underflow', lambda: cmath.phase(complex(1e300, -1e-320)))
show('log(0)', lambda: cmath.log(0))
show('log(0, 2)', lambda: cmath.log(0, 2))
show('log(8, 2)', lambda: cmath.log(8, 2))
show('log(2, 1)', lambda: cmath.log(2, 1))
show('log(1j, 1j)', lambda: cmath.log(1j, 1j))
show('log(-1, -1)', lambda: cmath.log(-1, -1))
show('log(10, 0)', lambda: cmath.log(10, 0))
show('log10(-100)', lambda: cmath.log10(-100))
show('log10(0j)', lambda: cmath.log10(0j))
show('exp(1000)', lambda: cmath.exp(1000))
show('exp(710+1j)', lambda: cmath.exp(complex(710, 1)))
show('cosh(1000)', lambda: cmath.cosh(1000))
show('sinh(-1000j)', lambda: cmath.sinh(-1000j))
show('tan(1000j)', lambda: cmath.tan(1000j))
show('atanh(1)', lambda: cmath.atanh(1))
show('atanh(-1)', lambda: cmath.atanh(-1))
show('atanh(1+1e-200j)', lambda: cmath.atanh(complex(1, 1e-200)))
show('sqrt(-4)', lambda: cmath.sqrt(-4))
show('sqrt(1e-320-1e-320j)', lambda: cmath.sqrt(complex(1e-320, -1e-320)))
show('acos(1e300)', lambda: cmath.acos(1e300))
show('asinh(-1e300j)', lambda: cmath.asinh(-1e300j))
show('isclose', lambda: (cmath.isclose(1j, 1j * (1 + 1e-10)), cmath.isclose(1, 1.1, rel_tol=0.2), cmath.isclose(0, 1e-10j, abs_tol=1e-9),
                         cmath.isclose(complex(math.inf, 1), complex(math.inf, 1)), cmath.isclose(complex(math.inf, 1), complex(math.inf, 2))))
show('isclose negative tol', lambda: cmath.isclose(1, 2, rel_tol=-1))
show('predicates', lambda: [(f(z)) for f in (cmath.isfinite, cmath.isinf, cmath.isnan) for z in (1j, complex(math.inf, 0), complex(0, math.nan))])
class C:
    def __complex__(self): return 2j
class F:
    def __float__(self): return 4.0
class I:
    def __index__(self): return 9
show('__complex__', lambda: cmath.sqrt(C()))
show('__float__', lambda: cmath.sqrt(F()))
show('__index__', lambda: cmath.sqrt(I()))
show("sqrt('x')", lambda: cmath.sqrt('x'))
show('sqrt()', lambda: cmath.sqrt())
show('sqrt(1, 2)', lambda: cmath.sqrt(1, 2))
show('log()', lambda: cmath.log())
show('log(1, 2, 3)', lambda: cmath.log(1, 2, 3))
show('rect(1)', lambda: cmath.rect(1))
show('rect(1j, 0)', lambda: cmath.rect(1j, 0))
show('sqrt(10**400)', lambda: cmath.sqrt(10**400))
