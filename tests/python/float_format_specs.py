# format() of floats: every presentation type (e E f F g G n % and none),
# precision, '#', 'z', sign, fill/align, '0' padding, grouping; inf/nan;
# printf-style % formatting of floats.

specs = ['', 'f', '.2f', '.0f', '#.0f', 'e', '.3e', 'E', '.0e', '#.0e', 'g', '.3g', '#g', 'G',
         '.10g', '#.3g', 'n', '%', '.1%', '.0%', '10.3f', '<10.2f', '^12.3e', '>10', '=+10.2f',
         '+.2f', ' .2f', '-.2f', 'z.2f', 'z.0f', '010.2f', '0=12,.2f', ',', ',.2f', '_.3f',
         '012,.1f', '*^15,.3f', '.3', '.1', '#', '#.3', '15', '+', 'z', '.17g', '.20f', '.50e',
         '#.0%', '0', '00', '01', '.2n', '#n', 'z.1e', 'z,.2f', 'zg', '>+#010.3g', 'F', '.3F',
         '_g', '020,.3g', 'x<20.4e', '+015.3%', ' 12', ',.3e', '.0', '#.0', ',.1', '_.0f']
vals = [0.0, -0.0, 1.0, -1.5, 0.1, 1/3, 2/3, 1e16, 1e22, 1.5e-7, 123456.789, -9876543.21,
        float('inf'), float('-inf'), float('nan'), 5e-324, 1.7976931348623157e308, 0.5, 2.5,
        1e-5, 100.0, 1234.5678, 0.000123, 12345678901234567890.0, 0.125, 0.375, -0.004, 9.9999]
for v in vals:
    for s in specs:
        try:
            out = repr(format(v, s))
        except Exception as e:
            out = type(e).__name__ + ': ' + str(e)
        print(repr(v), repr(s), out)

for s in ['x', 'd', 'c', 's', ',n', '_n', ',_', '.', 'xx', '%x', '1' * 30, '.' + '1' * 30,
          '.2147483648f', ',x', '_c', ' =', 'zz']:
    try:
        print(repr(s), repr(format(1.5, s)))
    except Exception as e:
        print(repr(s), type(e).__name__ + ':', e)

print('%5.2f|%-8.3e|%g|%G|%10.4g|%e|%.0f|%#.0f|%+.3e|% .2f|%05.1f|%#g|%.0e|%F' % (
    3.14159, 1234.5, 1e-5, 1e20, 2.0, 0.0, 2.5, 2.5, -1e-10, 3.0, -2.25, 1.0, 12345.0, float('inf')))
print('%.0f %.1f %.2f %.3f' % (0.5, 0.25, 0.125, 0.0625))
print('%.15g %.17g %.16e %r %s %a' % (0.1, 0.1, 0.1, 0.1, 1e16, 1.5))
print('%f %e %g' % (float('nan'), float('-inf'), -0.0), '%d' % 2.0**70)
print(f'{3.14159:.2f} {2.5:08.3f} {-1234.5:,.1f} {0.5:%} {1e-9:g} {12.0:g} {12.0} {1e16:.0f}')
print('{:.3} {:10.4e} {:^9.2f} {:+g}'.format(3.14159, 123.456, 2.5, 5.0))
print(str(1.5), repr(1e23), str(1e-7), 1e16, 123456789012345678.0, 1e15, 0.1 + 0.2, 1 / 3, 2 / 3)
print(float.__format__(2.5, ''), (2.5).__format__('.1f'), format(2.5))
try:
    (2.5).__format__(1)
except TypeError as e:
    print('TypeError:', e)
