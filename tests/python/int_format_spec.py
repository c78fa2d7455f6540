# format() of ints and bools: every presentation type, fill/align/sign,
# '#', '0', width, ',' and '_' grouping, and CPython's error messages.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))

specs = ['', 'd', 'b', 'o', 'x', 'X', 'c', 'n', '#b', '#o', '#x', '#X', '+', '-', ' ', '10', '<10', '>10',
         '^10', '=10', '*^11', '0>8', '08', '+08', '#010x', '#010b', ',', '_', '_x', '_b', '_o', '12,',
         '012,', '0=12_', '+,', 'e', 'E', 'f', '.2f', 'g', '.3G', '%', '.1%', ',.2f', '010.3e', ' x',
         '-#o', '>+#12_X', 'z', '.2', ',n', '_n', ',x', '#c', '+c', ',c', 'xx', 's', '.', ',_']
for v in [0, 1, -1, 42, -42, 255, 1234567, -1234567, 2**64, -(2**70), 65, True, False]:
    for s in specs:
        try:
            out = repr(format(v, s))
        except Exception as e:
            out = type(e).__name__ + ': ' + str(e)
        print(repr(v), repr(s), out)
show("format(-1, 'c')", lambda: format(-1, 'c'))
show("format(0x110000, 'c')", lambda: format(0x110000, 'c'))
show("format(0x10ffff, 'c')", lambda: format(0x10ffff, 'c'))
show("format(1, '1' * 30)", lambda: format(1, '1' * 30))
show("format(10**30, 'e')", lambda: format(10**30, 'e'))
show("format(10**400, 'e')", lambda: format(10**400, 'e'))
show("format(10**400, '.2%')", lambda: format(10**400, '.2%'))
show("format(10**5000, 'd')", lambda: format(10**5000, 'd'))
show("len(format(10**5000, 'x'))", lambda: len(format(10**5000, 'x')))
show("format(12, '=x^10')", lambda: format(-12, '=x^10'))
show("(5).__format__('>3')", lambda: (5).__format__('>3'))
show("(5).__format__(3)", lambda: (5).__format__(3))
print(f'{255:#x} {255:08b} {-3:+d} {1000000:,} {1000000:_} {7:^5}|{7:<3}|{7:>3}|')
print('{:x} {:o} {:b} {:c} {:,d} {:+}'.format(255, 8, 5, 65, 10**9, 0))
print('%d %i %x %X %o %5d %-5d| %+d % d %05d %.3d %#x %#o' % (42, -42, 255, 255, 8, 7, 7, 7, 7, -7, 7, 255, 8))
print('%d %x' % (True, 2**70), '%d' % 3.99, '%d' % -3.99, '%s %r' % (10**20, -5))
show("'%x' % 1.5", lambda: '%x' % 1.5)
show("'%d' % 'a'", lambda: '%d' % 'a')
show("'%c' % 65", lambda: '%c' % 65)
show("'%c' % 0x110000", lambda: '%c' % 0x110000)
