# math: the one- and two-argument float functions over special and
# ordinary values, with CPython's domain/range errors and argument errors.
import math

inf, nan = math.inf, math.nan
print([n for n in dir(math) if not n.startswith('__')])
print(math.pi, math.e, math.tau, math.inf, math.nan, math.nan is math.nan)
args = [0.0, -0.0, 0.5, 1.0, -1.0, 2.0, -2.5, 10.0, 100.0, 710.0, 1e-300, 1e300, inf, -inf, nan, 3, -3, 2**1100, True]
for name in ['sqrt', 'exp', 'exp2', 'expm1', 'log', 'log2', 'log10', 'log1p', 'sin', 'cos', 'tan', 'asin',
             'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'fabs', 'cbrt', 'degrees',
             'radians', 'isfinite', 'isinf', 'isnan', 'frexp', 'modf', 'ulp']:
    f = getattr(math, name)
    out = []
    for x in args:
        try:
            out.append(repr(f(x)))
        except Exception as e:
            out.append(type(e).__name__ + ':' + str(e))
    print(name, out)
    for bad in [('x',), (), (1, 2), (None,)]:
        try:
            f(*bad)
        except TypeError as e:
            print('  TypeError:', e)
pairs = [(1.0, 2.0), (-1.0, 0.0), (0.0, -0.0), (-0.0, -0.0), (2.0, 0.5), (-8.0, 1 / 3), (inf, 1.0),
         (1.0, inf), (nan, 1.0), (1.0, nan), (inf, inf), (-inf, 2), (0.0, -1.0), (10.0, 3.0),
         (-10.0, 3.0), (1e308, 10.0), (5, 3), (2**100, 3), (1, 2**2000), (-inf, -inf), (0.5, -inf)]
for name in ['atan2', 'copysign', 'fmod', 'remainder', 'pow', 'hypot', 'nextafter', 'log', 'isclose', 'gcd', 'lcm']:
    f = getattr(math, name)
    out = []
    for x, y in pairs:
        try:
            out.append(repr(f(x, y)))
        except Exception as e:
            out.append(type(e).__name__ + ':' + str(e))
    print(name, out)
for call in ['math.log()', 'math.log(1, 2, 3)', 'math.log(x=1)', 'math.atan2(1)', 'math.pow(1, 2, 3)',
             'math.copysign(1)', 'math.sqrt(-1)', 'math.sqrt(10**400)', 'math.exp(1000)', 'math.exp(-1000)',
             'math.pow(0, -1)', 'math.pow(-1, 0.5)', 'math.pow(1e300, 2)', 'math.pow(-inf, 3)',
             'math.pow(-inf, -3)', 'math.pow(nan, 0)', 'math.pow(1, nan)', 'math.pow(-0.0, -3)',
             'math.fmod(inf, 1)', 'math.fmod(1, 0)', 'math.fmod(-5, inf)', 'math.remainder(inf, 1)',
             'math.remainder(1, 0)', 'math.remainder(5, 2)', 'math.remainder(7, 2)', 'math.remainder(-7, 2)',
             'math.remainder(3, inf)', 'math.log(0)', 'math.log(-0.0)', 'math.log2(0)', 'math.log10(-1)',
             'math.log1p(-1)', 'math.log1p(-2)', 'math.log(1, 1)', 'math.log(2, 1)', 'math.log(2, 0)',
             'math.log(2, -1)', 'math.log(2, 0.5)', 'math.log(8, 2)', 'math.log(100, 10)', 'math.log(True)',
             'math.atan2(0.0, -0.0)', 'math.atan2(-0.0, -0.0)', 'math.atan2(inf, -inf)', 'math.sin(inf)',
             'math.cosh(1000)', 'math.expm1(1000)', 'math.acosh(0.5)', 'math.atanh(1)', 'math.degrees(1e308)',
             'math.sqrt(-0.0)', 'math.cbrt(-27)', 'math.exp2(1024)', 'math.exp2(-1080)', 'math.copysign(1, -0.0)',
             'math.copysign(1, nan)', 'math.copysign(1, -nan)', 'math.fabs(-2**1100)', 'math.sqrt(2**1100)',
             'math.nextafter(1.0, 2.0)', 'math.nextafter(0.0, -1.0)', 'math.nextafter(1.0, 1.0)',
             'math.nextafter(inf, 0)', 'math.ulp(1.0)', 'math.ulp(0.0)', 'math.ulp(-1e300)', 'math.ulp(5e-324)',
             'math.ulp(1.7976931348623157e308)', 'math.ulp(inf)', 'math.ulp(nan)',
             'math.ldexp(1, 2000)', 'math.ldexp(1, -2000)', 'math.ldexp(1, 2**100)', 'math.ldexp(1, -2**100)',
             'math.ldexp(0.5, 1.0)', 'math.ldexp(inf, -5)', 'math.ldexp(0.75, 3)', 'math.ldexp(1, True)',
             'math.ldexp(3, -1075)', 'math.ldexp(3, -1074)', 'math.frexp(0.0)', 'math.frexp(inf)',
             'math.frexp(5e-324)', 'math.frexp(-8)', 'math.modf(inf)', 'math.modf(-inf)', 'math.modf(nan)',
             'math.modf(-2.5)', 'math.modf(-2.0)', 'math.modf(3)', 'math.isclose(1.0, 1.0 + 1e-10)',
             'math.isclose(1.0, 1.1, rel_tol=0.2)', 'math.isclose(0, 1e-10, abs_tol=1e-9)',
             'math.isclose(1, 2, rel_tol=-1)', 'math.isclose(inf, inf)', 'math.isclose(inf, -inf)',
             'math.isclose(nan, nan)', 'math.isclose(1, 2, 3)', 'math.isclose(1)', 'math.isclose(a=1, b=1)',
             'math.isclose(1, 1, tol=1)', "math.sqrt('4')", 'math.sqrt(4j)', 'math.isnan(10**400)']:
    try:
        print(call, '->', repr(eval(call)))
    except Exception as e:
        print(call, '->', type(e).__name__ + ':', e)
class I:
    def __index__(self): return 7
class Fl:
    def __float__(self): return 0.25
print(math.sqrt(I()), math.sqrt(Fl()), math.exp(Fl()), math.atan2(I(), Fl()))
