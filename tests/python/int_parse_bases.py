# int(str, base): every base, prefixes with base 0, underscores, whitespace,
# Unicode digits, signs, and CPython's error messages; int() of bytes.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))

digits = '0123456789abcdefghijklmnopqrstuvwxyz'
for base in range(2, 37):
    s = digits[:base]
    print(base, int(s, base), int(s.upper(), base), int('-' + s[::-1], base), int('1' + '0' * 20, base))
    show(f'bad digit base {base}', lambda: int(digits[base] if base < 36 else '!', base))

cases = [('10', 10), ('  42\n', 10), ('-0x1f', 16), ('0x1f', 0), ('0o17', 0), ('0b101', 0),
         ('017', 0), ('0', 0), ('00', 0), ('0_0', 0), ('1_000', 10), ('1__0', 10), ('_1', 10),
         ('1_', 10), ('z', 36), ('Z', 36), ('10', 2), ('12', 2), ('0x', 16), ('0x_1', 16),
         ('0x_1', 0), ('0b_1_0', 0), ('0B11', 0), ('0O7', 8), ('0X1F', 16), ('1f', 16),
         ('', 10), (' ', 10), ('+', 10), ('-', 10), ('+-1', 10), ('\u0661\u0662\u0663', 10),
         ('\uff11\uff12', 10), ('12', 1), ('12', 37), ('12', -1), ('0x10', 10), ('9', 8),
         ('  -  1', 10), ('1 2', 10), ('\u00a012\u2003', 10), ('0b', 0), ('0_', 0), ('08', 0),
         ('0_7', 0), ('1.5', 10), ('1e5', 10), ('xxxxx', 10), ('-0', 10), ('+0x0', 0),
         ('0x1', 2), ('0b1', 16), ('0b1', 2), ('0o7', 8), ('0o8', 8), ('-0b_1', 0),
         ('\t\n 7 \r\x0b\x0c', 10), ('1\x00', 10), ('\u0967\u0968', 10), ('٣', 0), ('0' * 50 + '1', 0)]
for s, b in cases:
    show(f'int({s!r}, {b})', lambda: int(s, b))

show("int('10', base=16)", lambda: int('10', base=16))
show("int(x='10')", lambda: int(x='10'))
show('int(base=10)', lambda: int(base=10))
show('int(10, 10)', lambda: int(10, 10))
show('int(10.5, 10)', lambda: int(10.5, 10))
show("int(b'12', 16)", lambda: int(b'12', 16))
show("int(bytearray(b'12'))", lambda: int(bytearray(b'12')))
show("int(b' 12 ')", lambda: int(b' 12 '))
show("int(b'1x')", lambda: int(b'1x'))
show("int('12', 2.5)", lambda: int('12', 2.5))
show("int('12', '2')", lambda: int('12', '2'))
show("int('1' * 20, 2)", lambda: int('1' * 20, 2))
show('int()', lambda: int())
show("int('7', 0, 1)", lambda: int('7', 0, 1))
class Base:
    def __index__(self):
        return 16
show("int('ff', Base())", lambda: int('ff', Base()))
show("int('ff', 2**100)", lambda: int('ff', 2**100))

# The int/str conversion limit (4300 digits for base 10).
show("int('1' * 4300) > 0", lambda: int('1' * 4300) > 0)
show("int('1' * 4301)", lambda: int('1' * 4301))
show("int('-' + '2' * 5000)", lambda: int('-' + '2' * 5000))
show("int('1_' * 4000 + '1')", lambda: int('1_' * 4000 + '1') > 0)
show("int('1' * 5000, 16) > 0", lambda: int('1' * 5000, 16) > 0)
show('len(str(10 ** 4299))', lambda: len(str(10 ** 4299)))
show('str(10 ** 4300)', lambda: str(10 ** 4300))
show('repr(-10 ** 5000)', lambda: repr(-10 ** 5000))
show('hex(10 ** 5000)[:12]', lambda: hex(10 ** 5000)[:12])
show("f'{10**5000:x}'[:5]", lambda: f'{10**5000:x}'[:5])
show("f'{10**5000:d}'", lambda: f'{10**5000:d}')
show('(10**5000) % 7', lambda: (10**5000) % 7)
