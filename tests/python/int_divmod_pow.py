# int: floor division, modulo, divmod and powers (negative operands, big
# ints, modular powers with negative exponents) with CPython's errors.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))

big = 2**100 + 12345
values = [7, -7, 0, 1, -1, big, -big, 3**50, 2**63, -(2**63)]
divisors = [2, -2, 3, -3, 7, big, -big, 2**64 + 1]
for a in values:
    for b in divisors:
        print(a, b, a // b, a % b, divmod(a, b), (a // b) * b + a % b == a)

for a in [5, -5, big, 0]:
    show(f'{a} // 0', lambda: a // 0)
    show(f'{a} % 0', lambda: a % 0)
    show(f'divmod({a}, 0)', lambda: divmod(a, 0))
    show(f'{a} / 0', lambda: a / 0)

show('2 ** -1', lambda: 2 ** -1)
show('2 ** -2', lambda: 2 ** -2)
show('(-2) ** -3', lambda: (-2) ** -3)
show('0 ** -1', lambda: 0 ** -1)
show('0 ** 0', lambda: 0 ** 0)
show('(-2) ** 0.5', lambda: (-2) ** 0.5)
show('10 ** 20', lambda: 10 ** 20)
show('(-10) ** 21', lambda: (-10) ** 21)
show('(-1) ** (10**20)', lambda: (-1) ** (10**20))
show('(-1) ** (10**20 + 1)', lambda: (-1) ** (10**20 + 1))
show('1 ** (10**30)', lambda: 1 ** (10**30))
show('2 ** 100', lambda: 2 ** 100)
show('big ** 3', lambda: big ** 3)
show('7 ** 0.5', lambda: 7 ** 0.5)

# Modular powers.
for args in [(3, 4, 5), (3, -1, 7), (3, -2, 7), (2, -1, 4), (2, 3, 0), (2, 3, -5),
             (-2, 3, 5), (2, 3, 1), (2, 3, -1), (0, -1, 5), (5, -1, 1), (5, -1, -7),
             (big, big, 1000007), (big, -1, 10**9 + 7), (-big, 5, -13), (10, 0, 3),
             (2, 3.0, 5), (2, 3, 5.0), (2.0, 3, 5), (2, 3, None)]:
    show(f'pow{args}', lambda: pow(*args))
show('pow(2, 3, mod=5)', lambda: pow(2, 3, mod=5))
show('pow(base=2, exp=10)', lambda: pow(base=2, exp=10))
show("pow(2, 'x', 3)", lambda: pow(2, 'x', 3))
show("pow('x', 2, 3)", lambda: pow('x', 2, 3))
show('pow(1j, 2, 3)', lambda: pow(1j, 2, 3))

class P:
    def __pow__(self, other, mod=None):
        return ('pow', other, mod)
    def __rpow__(self, other):
        return ('rpow', other)
show('pow(P(), 2, 3)', lambda: pow(P(), 2, 3))
show('P() ** 2', lambda: P() ** 2)
show('2 ** P()', lambda: 2 ** P())
show('pow(2, P(), 3)', lambda: pow(2, P(), 3))

# True division of ints is correctly rounded, even for huge ints.
show('7 / 2', lambda: 7 / 2)
show('big / 3', lambda: big / 3)
show('10**400 / 10**399', lambda: 10**400 / 10**399)
show('10**400 / 3', lambda: 10**400 / 3)
show('1 / 10**400', lambda: 1 / 10**400)
show('(2**53 + 1) / 1', lambda: (2**53 + 1) / 1)
show('(2**54 + 3) / 2', lambda: (2**54 + 3) / 2)
show('-(10**30) / 7', lambda: -(10**30) / 7)
show('10**400 // 1.5', lambda: 10**400 // 1.5)
show('10**400 * 1.0', lambda: 10**400 * 1.0)

# Mixed with floats.
show('divmod(-7, 2)', lambda: divmod(-7, 2))
show('divmod(7, -2.0)', lambda: divmod(7, -2.0))
show('divmod(7.5, 2)', lambda: divmod(7.5, 2))
show('divmod(-7.5, 0.0)', lambda: divmod(-7.5, 0.0))
show('7 // 2.0', lambda: 7 // 2.0)
show('-7 % 2.5', lambda: -7 % 2.5)
show('7 % -0.0', lambda: 7 % -0.0)
show('int.__divmod__(7, 2)', lambda: int.__divmod__(7, 2))
show('int.__rdivmod__(7, 2)', lambda: int.__rdivmod__(7, 2))
show('(7).__divmod__(2.0)', lambda: (7).__divmod__(2.0))
show('(7).__floordiv__(2.0)', lambda: (7).__floordiv__(2.0))
show("divmod(7, 'x')", lambda: divmod(7, 'x'))
show('divmod(7)', lambda: divmod(7))
