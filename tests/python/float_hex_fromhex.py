# float.hex() (13 hex digits, as CPython) and float.fromhex(): optional 0x,
# exponents, rounding half to even, subnormals, overflow, errors.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))

for v in [0.0, -0.0, 1.0, -1.5, 0.1, 1/3, 1e16, 1e300, 5e-324, 2.2250738585072014e-308,
          2.225073858507201e-308, 1.7976931348623157e308, 0.5, 100.0, -1234.5678, 2.0**-1022,
          float('inf'), float('-inf'), float('nan')]:
    h = v.hex()
    print(repr(v), h, float.fromhex(h) == v or v != v)
for s in ['0x1.8p+0', '0x1.8000000000000p+0', '-0x1p-1074', '0x1p-1075', '0x1p-1076',
          '0x1.fffffffffffffp+1023', '0x1p1024', '0x.8', '0x8.', '1.5', 'inf', '-Infinity', 'nan',
          ' 0x1p3 ', '0x', '0xg', '0x1p', '0X1P3', '1p3', '0x1.000000000000000000001p0',
          '0x1.00000000000008p0', '0x1.00000000000018p0', '0x1.00000000000008000001p0', '+0x1p+2',
          '0x1_0p0', '0x-1p0', '', '0x1e', '0x1pe', '-0x0p0', '.p1', '0x1.p1', '0x.1', 'x1',
          '0x1p+', '0x1p-', '1', '-1', '  -0X1.8P+1  ', '0x1p1_0', '0x1.fffffffffffff8p1023',
          '0x1.fffffffffffff7p1023', '0x1.0000000000001p-1075', '0x1p99999999999999999999',
          '0x0p99999999999999999999', '0x1p-99999999999999999999', '0x00000000000000001p0',
          '0x.00000000000000001p0', 'infinity', '-nan', '+inf ', 'in', '0x1p-1074', '0x3p-1076',
          '0x1.ffffffffffffffp-1023', '0x0.0000000000001p-1022', '\t0x10\n', '0x1\u2003']:
    show(f'fromhex({s!r})', lambda: float.fromhex(s))
show('float.fromhex(1)', lambda: float.fromhex(1))
show('float.fromhex()', lambda: float.fromhex())
class F(float):
    pass
show('F.fromhex("0x1p1")', lambda: (F.fromhex('0x1p1'), type(F.fromhex('0x1p1')).__name__))
show('(1.5).hex(1)', lambda: (1.5).hex(1))
show('float.hex(2)', lambda: float.hex(2))
for i in range(-5, 6):
    x = 2.0 ** (i * 200)
    print(i, x.hex(), (x * 3).hex(), (-x / 7).hex())
