# complex(): from strings (every accepted form, parentheses, whitespace,
# underscores, errors), from numbers and pairs, through __complex__,
# __float__ and __index__, with CPython's TypeErrors; complex subclasses.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))

for s in ['1+2j', '(1+2j)', ' ( 1+2j ) ', '1-2j', 'j', '-j', '+j', '2j', '-2.5J', '1e3+1e-3j', '1e3j',
          'inf+nanj', '-inf-infj', 'nan', 'infj', '1', '1.5', '', ' ', '1+', '1+2', 'j1', '1 + 2j',
          '(1+2j', '1+2j)', '()', '1_0+2_0j', '1__0j', '1+2jj', '+1-1j', '1e+1+1e-1j', '1.e1j', '.5j',
          '0x1j', '1+2i', '\u2003(1+1j)\u2003', '(\u20031+1j\u2003)', 'nanj', 'Infinityj', '-1e500j',
          '1e500+1j', '-0j', '-0-0j', '0-j', '(j)', '1+-2j', '1-+2j', '_1j', '1_j', '\u0661+\u0662j',
          '1.5e', '1e5j5', '((1+2j))', '1+1j ', ' -1.5 ']:
    show(f'complex({s!r})', lambda: complex(s))
show('complex()', lambda: complex())
show('complex(1)', lambda: complex(1))
show('complex(1, 2)', lambda: complex(1, 2))
show('complex(1.5, -0.0)', lambda: complex(1.5, -0.0))
show('complex(-0.0, 0.0)', lambda: complex(-0.0, 0.0))
show('complex(0.0, -0.0)', lambda: complex(0.0, -0.0))
show('complex(1j, 1j)', lambda: complex(1j, 1j))
show('complex(1+2j, 3+4j)', lambda: complex(1 + 2j, 3 + 4j))
show('complex(-0.0j)', lambda: complex(-0.0j))
show("complex('1', 2)", lambda: complex('1', 2))
show("complex(1, '2')", lambda: complex(1, '2'))
show('complex(None)', lambda: complex(None))
show('complex(1, None)', lambda: complex(1, None))
show('complex([])', lambda: complex([]))
show('complex(real=1, imag=2)', lambda: complex(real=1, imag=2))
show('complex(imag=2)', lambda: complex(imag=2))
show('complex(imag=-0.0)', lambda: complex(imag=-0.0))
show("complex(b'1')", lambda: complex(b'1'))
show('complex(10**400)', lambda: complex(10**400))
show('complex(1, 10**400)', lambda: complex(1, 10**400))
show('complex(1, 2, 3)', lambda: complex(1, 2, 3))
show('complex(x=1)', lambda: complex(x=1))
show('complex(True, False)', lambda: complex(True, False))

class A:
    def __complex__(self): return 1 + 1j
class B:
    def __float__(self): return 2.5
class C:
    def __index__(self): return 3
class D:
    def __complex__(self): return 1
class G:
    def __complex__(self): return 'x'
class H:
    def __float__(self): return 'x'
class Both:
    def __complex__(self): return 5j
    def __float__(self): return 9.0
class E(complex):
    pass
for name, o in [('A', A()), ('B', B()), ('C', C()), ('D', D()), ('G', G()), ('H', H()), ('Both', Both())]:
    show(f'complex({name})', lambda: complex(o))
show('complex(A(), 1)', lambda: complex(A(), 1))
show('complex(1, A())', lambda: complex(1, A()))
show('complex(B(), B())', lambda: complex(B(), B()))
show('complex(C(), C())', lambda: complex(C(), C()))
show('E(1, 2)', lambda: (E(1, 2), type(E(1, 2)).__name__))
show("E('3-4j')", lambda: (E('3-4j'), type(E('3-4j')).__name__))
show('E() + 1', lambda: (E(1, 2) + 1, type(E(1, 2) + 1).__name__))
show('+E(1, 2)', lambda: type(+E(1, 2)).__name__)
show('complex(E(1, 2))', lambda: (complex(E(1, 2)), type(complex(E(1, 2))).__name__))
show('E(1, 2).__complex__()', lambda: type(E(1, 2).__complex__()).__name__)
e = E(1, 2)
e.tag = 'ok'
show('E attr', lambda: (e.tag, e.real, e.imag, e.conjugate()))
z = 3 + 4j
show('complex(z) is z', lambda: complex(z) is z)
show('z.__complex__() is z', lambda: z.__complex__() is z)
show('z.__getnewargs__()', lambda: z.__getnewargs__())
show('z.conjugate(1)', lambda: z.conjugate(1))
show('z.real = 1', lambda: setattr(z, 'real', 1))
show('(1j).real, (1j).imag', lambda: ((1j).real, (1j).imag, type((1j).imag).__name__))
