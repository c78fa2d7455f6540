# math.gamma, lgamma, erf, erfc on grids of values, poles and errors:
# results must equal CPython's to the last bit.
import math

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))

print([math.gamma(x / 4) for x in range(1, 60)])
print([math.gamma(-x / 4 - 0.1) for x in range(0, 40)])
print([math.lgamma(x / 4) for x in range(1, 60)])
print([math.lgamma(-x / 3 - 0.05) for x in range(0, 40)])
print([math.gamma(x) for x in [1e-20, 1e-10, 0.001, 140.5, 150.3, 171.5, -150.5, -180.5, -201.5, -170.5]])
print([math.lgamma(x) for x in [1e-20, 1e-10, 0.001, 1e5, 1e10, 1e300, -1e-5, -200.5, 2.0, 3.0, 1.0]])
print([math.erf(x / 8) for x in range(-40, 41)])
print([math.erfc(x / 4) for x in range(-30, 120)])
for x in [0, -1, -2.0, 172, 171, -math.inf, math.inf, math.nan, 1e-320, -1e-320, 0.0, -0.0, 2**1100]:
    show(f'gamma({x!r})', lambda: math.gamma(x))
    show(f'lgamma({x!r})', lambda: math.lgamma(x))
for x in [math.inf, -math.inf, math.nan, 0.0, -0.0, 30.0, -30.0, 1e-300]:
    show(f'erf({x!r})', lambda: (math.erf(x), math.erfc(x)))
show("gamma('x')", lambda: math.gamma('x'))
show('gamma()', lambda: math.gamma())
show('erf(1, 2)', lambda: math.erf(1, 2))
