# float arithmetic: %, //, divmod signs, ** special cases (zeros, infinities,
# nan, negative bases, overflow), division by zero messages, comparisons
# with ints that are exact even for huge ints, as_integer_ratio, is_integer.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))

inf, nan = float('inf'), float('nan')
xs = [7.5, -7.5, 0.0, -0.0, 1e300, 3.0, inf, -inf]
ys = [2.0, -2.0, 0.5, 1e-300, 3.0, inf, -inf]
for x in xs:
    for y in ys:
        print(repr(x), repr(y), x % y, x // y, divmod(x, y), x / y, x * y, x - y)
for x in [1.0, 0.0, -0.0, inf, 5]:
    show(f'{x} / 0', lambda: x / 0)
    show(f'{x} // 0.0', lambda: x // 0.0)
    show(f'{x} % 0.0', lambda: x % 0.0)
    show(f'divmod({x}, 0.0)', lambda: divmod(x, 0.0))
bases = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, inf, -inf, nan, 10.0]
exps = [0.0, -0.0, 1.0, 2.0, 3.0, -1.0, -2.0, -3.0, 0.5, -0.5, inf, -inf, nan, 1e300, 1075.0, -1075.0]
for b in bases:
    row = []
    for e in exps:
        try:
            row.append(repr(b ** e))
        except Exception as ex:
            row.append(type(ex).__name__ + ':' + str(ex))
    print(repr(b), row)
show('1e308 * 10', lambda: 1e308 * 10)
show('2.0 ** 10000', lambda: 2.0 ** 10000)
show('(-2.0) ** 10001', lambda: (-2.0) ** 10001)
show('10.0 ** -320', lambda: 10.0 ** -320)
show('(-8.0) ** (1/3)', lambda: (-8.0) ** (1 / 3))
show('(-1.0) ** 0.5', lambda: (-1.0) ** 0.5)
show('pow(-2.0, 0.5)', lambda: pow(-2.0, 0.5))
show('(-1) ** 1e300', lambda: (-1) ** 1e300)
show('(-1.5) ** 1e300', lambda: (-1.5) ** 1e300)
show('1e300 * 1e300', lambda: 1e300 * 1e300)
show('-1e300 * 1e300', lambda: -1e300 * 1e300)
show('inf - inf', lambda: inf - inf)
show('inf * 0', lambda: inf * 0)
show("1.0 + 'x'", lambda: 1.0 + 'x')
show("'x' * 1.5", lambda: 'x' * 1.5)
show('(12.0).__mod__(5)', lambda: (12.0).__mod__(5))
show('(12.0).__rmod__(5)', lambda: (12.0).__rmod__(5))
show('(12.0).__rfloordiv__(5)', lambda: (12.0).__rfloordiv__(5))
show('(12.0).__rpow__(2)', lambda: (12.0).__rpow__(2))
show("(12.0).__add__('x')", lambda: (12.0).__add__('x'))
show('(12.0).__divmod__(5)', lambda: (12.0).__divmod__(5))
show('(12.0).__rdivmod__(5)', lambda: (12.0).__rdivmod__(5))
show('1.0 + 2**60', lambda: 1.0 + 2**60)
show('1.0 + 10**400', lambda: 1.0 + 10**400)

# Exact comparisons between floats and (big) ints.
pairs = [(3.0, 3), (2**53 + 1, float(2**53 + 1)), (2**53 + 1, float(2**53)), (10**400, inf), (-10**400, -inf),
         (nan, 0), (0.5, 1), (2**63, 9.223372036854776e18), (2**63 + 1, 9.223372036854776e18),
         (-(2**63) - 1, -9.223372036854776e18), (1.5, True), (2**1024, 1.7976931348623157e308),
         (-0.0, 0), (10**16 + 1, 1e16), (1e16, 10**16), (0.1, 0), (-0.5, -1)]
for a, b in pairs:
    print(repr(a), repr(b), a == b, a != b, a < b, a <= b, a > b, a >= b, b < a, b == a)
print(sorted([1.5, 1, True, -0.0, 0, 2**60, 1e18, -1e18, -(2**60)]))
print(max(1, 1.0), max(1.0, 1), min(0, -0.0), min(-0.0, 0), 1 == 1.0 == True)

for v in [0.5, -0.1, 1e300, 5e-324, 0.0, -0.0, 1.0, 3.75, 2.0**70, 1e-10, 123.456]:
    print(repr(v), v.as_integer_ratio(), v.is_integer(), v.conjugate(), v.real, v.imag, abs(v), -v, +v, bool(v))
print((1e300).as_integer_ratio()[1], (5e-324).as_integer_ratio()[1].bit_length())
show('float.is_integer(1)', lambda: float.is_integer(1))
show('(1.0).is_integer(1)', lambda: (1.0).is_integer(1))
show('float.real.__get__(1.5)', lambda: float.real.__get__(1.5))
