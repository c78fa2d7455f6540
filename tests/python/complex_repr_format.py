# repr/str of complex numbers (signed zeros, nan, inf, exponents) and
# format() with every spec complex accepts, and its errors.

zs = [1 + 2j, 1 - 2j, -1 - 2j, 2j, -2j, 0j, -0j, complex(-0.0, 0), complex(-0.0, -0.0), complex(0, -0.0),
      complex(float('nan'), float('inf')), complex(1e16, 1e-5), complex(1.5, float('nan')),
      complex(float('inf'), -float('nan')), 1e300j, complex(3, 0), complex(0.1, 0.2), 1234567.891 + 0.5j,
      complex(-1.5, -2.25), complex(1e20, 1e-20), complex(123456789012345678, 1)]
for z in zs:
    print(repr(z), str(z), z.real, z.imag, z.conjugate(), z == z)
specs = ['', '.2f', '10.3e', '<20', '>20.2f', '^25', '+.1f', 'g', '.3g', 'G', 'e', 'E', 'f', 'F', 'n',
         '#g', '#.0f', 'z.1f', ',.2f', '_f', ' .1f', '-', '.0f', '*^30.2e', '.2', '#', '+', ' ', '10',
         '.0', '#.0', '.3', 'z', '+g', '.1e', '_', ',', ',.2', '>+30,.3f']
for s in specs:
    out = []
    for z in zs:
        try:
            out.append(format(z, s))
        except Exception as e:
            out.append(type(e).__name__ + ': ' + str(e))
    print(repr(s), out)
for s in ['010', '=20', '0<12', 'x=12', '0=12', '%', 'c', 'd', 's', '=12', 'xx', ',n']:
    try:
        print(repr(s), format(1 + 2j, s))
    except Exception as e:
        print(repr(s), type(e).__name__ + ':', e)
print(f'{1+2j:.1f} {3j:>8} {-1j!r} {complex(1, -1):e}')
print('{:.2f}|{:^12}'.format(1.5 - 2.5j, 1j))
print('%s %r' % (1 + 1j, -2j))
