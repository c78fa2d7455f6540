# float(x) from strings and bytes (inf, nan, underscores, whitespace,
# Unicode digits, errors), from objects with __float__/__index__, and
# float subclasses.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))

for s in ['1.5', ' 1.5 ', '1_000.5', '1__0.5', '_1.0', '1.0_', '1._5', '1_.5', 'inf', '-inf', '+inf',
          'Infinity', 'iNfInItY', 'nan', '-nan', 'NaN', 'infinity1', 'in', '', ' ', '1e5', '1E-5',
          '1e', 'e5', '.5', '5.', '.', '-.5e-3', '1e1_0', '1_e10', '0x10', '\u0661.\u0665',
          '\uff11.\uff15', '\u20031.0\u2003', '1.0\x00', '+-1.0', '--1', '1e+', '1e+-5', '1.5j',
          '1e500', '-1e500', '1e-500', 'nan(123)', '0.1' + '0' * 500, '1' * 400, '-0', '+0.0',
          '\t\n1\r\x0b\x0c', '1 000', '1,5', '0001.5000', '1.7976931348623157e308',
          '1.7976931348623159e308', '2.4703282292062328e-324', '2.4703282292062327e-324',
          '9007199254740993', '0.30000000000000004', 'infinit', 'nani', '١٢٣', '1\u00a0']:
    show(f'float({s[:30]!r})', lambda: float(s))
show("float(b'1.5')", lambda: float(b'1.5'))
show("float(b'xx')", lambda: float(b'xx'))
show("float(b' -2.5e3 ')", lambda: float(b' -2.5e3 '))
show("float(bytearray(b'2.5'))", lambda: float(bytearray(b'2.5')))
show("float(b'\\xff')", lambda: float(b'\xff'))
show('float(None)', lambda: float(None))
show('float([])', lambda: float([]))
show('float(1j)', lambda: float(1j))
show('float(10**400)', lambda: float(10**400))
show('float(-10**400)', lambda: float(-10**400))
show('float(2**1023)', lambda: float(2**1023))
show('float(2**1024 - 2**970)', lambda: float(2**1024 - 2**970))
show('float(2**1024 - 2**971)', lambda: float(2**1024 - 2**971))
show('float(x=1)', lambda: float(x=1))
show('float(1, 2)', lambda: float(1, 2))
show('float()', lambda: float())
show('float(True)', lambda: float(True))
show('float(2**53 + 1)', lambda: float(2**53 + 1))
class A:
    def __float__(self): return 2.5
class B:
    def __index__(self): return 3
class C:
    def __float__(self): return 1
class D(float):
    pass
class E:
    def __float__(self): raise KeyError('boom')
class Both:
    def __float__(self): return 1.0
    def __index__(self): return 2
for name, o in [('A', A()), ('B', B()), ('C', C()), ('E', E()), ('Both', Both()), ('D', D(4.5))]:
    show(f'float({name})', lambda: float(o))
show('type(float(D(2)))', lambda: type(float(D(2))).__name__)
show('D(2.5) + 1', lambda: (D(2.5) + 1, type(D(2.5) + 1).__name__))
show('repr(D(2.5))', lambda: repr(D(2.5)))
show("D('1.25')", lambda: D('1.25'))
show('float.__new__(D, 3)', lambda: (float.__new__(D, 3), type(float.__new__(D, 3)).__name__))
show('D.__mro__', lambda: [c.__name__ for c in D.__mro__])
d = D(1.5)
d.tag = 'x'
show('D attribute', lambda: (d.tag, d * 2))
show("float.__getformat__('double')", lambda: float.__getformat__('double'))
show("float.__getformat__('float')", lambda: float.__getformat__('float'))
show("float.__getformat__('x')", lambda: float.__getformat__('x'))
