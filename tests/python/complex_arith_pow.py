# complex arithmetic: +, -, *, / (Smith's method), ** with integral, real
# and complex exponents, zero-division and overflow messages, abs,
# comparisons (equality only, exact against ints), unsupported operators.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))

zs = [1 + 2j, 1 - 2j, -1 - 2j, 2j, -2j, 0j, 3 + 0j, 0.1 + 0.2j, 1e200 + 1e200j, 1e-200 - 1e-200j,
      complex(float('inf'), 1), complex(1, float('nan'))]
for a in zs[:8]:
    for b in zs:
        row = []
        for op in ['+', '-', '*', '/']:
            try:
                row.append(repr(eval(f'a {op} b')))
            except Exception as e:
                row.append(type(e).__name__ + ':' + str(e))
        print(repr(a), repr(b), row)
for a in [1 + 2j, 2j, 0j, -1 + 0j, 0.5 - 1.5j, 1e10 + 1e10j]:
    row = []
    for e in [0, 1, 2, 3, -1, -2, 10, 100, 101, -101, 0.5, 2.0, -0.5, 1j, 1 + 1j, 0j, 1000]:
        try:
            row.append(repr(a ** e))
        except Exception as ex:
            row.append(type(ex).__name__ + ':' + str(ex))
    print(repr(a), row)
show('2 ** (1+1j)', lambda: 2 ** (1 + 1j))
show('(-8) ** (1/3)', lambda: (-8) ** (1 / 3))
show('1j ** 2', lambda: 1j ** 2)
show('(1+1j) ** 10000', lambda: (1 + 1j) ** 10000)
show('(1e200+1e200j) * (1e200+1e200j)', lambda: (1e200 + 1e200j) * (1e200 + 1e200j))
show('(1e300j) ** 0.5', lambda: (1e300j) ** 0.5)
show('complex(1, float("inf")) ** 1.5', lambda: complex(1, float('inf')) ** 1.5)
show('(1+2j) / 0', lambda: (1 + 2j) / 0)
show('(1+2j) / 0j', lambda: (1 + 2j) / 0j)
show('1 / 0j', lambda: 1 / 0j)
show('0j ** -1', lambda: 0j ** -1)
show('0j ** 1j', lambda: 0j ** 1j)
show('0j ** (-1+0j)', lambda: 0j ** (-1 + 0j))
show('0j ** 0', lambda: 0j ** 0)
show('(1+2j) // 2', lambda: (1 + 2j) // 2)
show('(1+2j) % 2', lambda: (1 + 2j) % 2)
show('divmod(1+2j, 2)', lambda: divmod(1 + 2j, 2))
show('pow(1j, 2, 3)', lambda: pow(1j, 2, 3))
show('1j < 2j', lambda: 1j < 2j)
show('1j > 1', lambda: 1j > 1)
show("1j + 'a'", lambda: 1j + 'a')
show('-1j', lambda: -1j)
show('-(0j)', lambda: -(0j))
show('-(1-0j)', lambda: -(1 - 0j))
show('+(1+2j)', lambda: +(1 + 2j))
show('1j * 1j', lambda: 1j * 1j)
show('1 + 1j - 1j', lambda: 1 + 1j - 1j)
show('10**400 + 1j', lambda: 10**400 + 1j)
for z in [3 + 4j, 1e308 + 1e308j, complex(float('inf'), float('nan')), complex(float('nan'), 1), -0j, 1e-320j]:
    show(f'abs({z!r})', lambda: abs(z))
for a, b in [(1 + 0j, 1), (1 + 0j, 1.0), (1 + 0j, True), (1j, 1j), (1j, 'x'), (2**53 + 1 + 0j, 2**53 + 1),
             (complex(2**53), 2**53 + 1), (complex(2**53), 2**53), (1 + 1j, 1), (complex(1e308 * 10), 10**400),
             (0j, 0), (-0j, 0.0), (0j, False), (1j, None)]:
    print(repr(a), repr(b), a == b, a != b, b == a, b != a)
show('bool(0j), bool(-0j), bool(1e-300j)', lambda: (bool(0j), bool(-0j), bool(1e-300j)))
show('hash(3+0j) == hash(3)', lambda: hash(3 + 0j) == hash(3))
show('hash(1.5+0j) == hash(1.5)', lambda: hash(1.5 + 0j) == hash(1.5))
show('(1+2j).__add__(1)', lambda: (1 + 2j).__add__(1))
show("(1+2j).__add__('x')", lambda: (1 + 2j).__add__('x'))
show('(1+2j).__rsub__(1)', lambda: (1 + 2j).__rsub__(1))
show('(1+2j).__rtruediv__(1)', lambda: (1 + 2j).__rtruediv__(1))
show('(1+2j).__rpow__(2)', lambda: (1 + 2j).__rpow__(2))
show('int(1j)', lambda: int(1j))
show('float(1j)', lambda: float(1j))
show('round(1j)', lambda: round(1j))
