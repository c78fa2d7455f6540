# round() of floats: half to even on the exact binary value, ndigits
# positive, zero, negative and huge, nan/inf rules and their messages;
# __round__, __floor__, __ceil__, __trunc__, math.floor/ceil/trunc.
import math

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))

vals = [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 2.675, 1.005, 0.125, 0.375, 1e300, -1e-300, 123.456,
        5e-324, 0.0, -0.0, 1234567.891, 9.995, 0.285, 1e16 + 2, 4.35, 2**52 + 0.5, 1e22, 0.045]
for v in vals:
    print(repr(v), round(v), [round(v, d) for d in [-400, -308, -5, -2, -1, 0, 1, 2, 3, 10, 17, 300, 400]])
for v in [float('nan'), float('inf'), float('-inf')]:
    show(f'round({v})', lambda: round(v))
    show(f'round({v}, 2)', lambda: round(v, 2))
    show(f'int({v})', lambda: int(v))
    show(f'math.floor({v})', lambda: math.floor(v))
    show(f'math.ceil({v})', lambda: math.ceil(v))
    show(f'math.trunc({v})', lambda: math.trunc(v))
    show(f'{v}.__floor__()', lambda: v.__floor__())
    show(f'{v}.as_integer_ratio()', lambda: v.as_integer_ratio())
show('round(1.5, None)', lambda: round(1.5, None))
show('round(1.5, 1.0)', lambda: round(1.5, 1.0))
show("round(1.5, '1')", lambda: round(1.5, '1'))
show('round(1.5, 2**70)', lambda: round(1.5, 2**70))
show('round(1.5, -2**70)', lambda: round(1.5, -2**70))
show('round(2.5, ndigits=0)', lambda: round(2.5, ndigits=0))
show('round(number=2.5)', lambda: round(number=2.5))
show('round()', lambda: round())
show('round(1.7976931348623157e308, -308)', lambda: round(1.7976931348623157e308, -308))
show('round(1e308, -308)', lambda: round(1e308, -308))
show('round(5e307, -308)', lambda: round(5e307, -308))
show('round(1.5e308, -308)', lambda: round(1.5e308, -308))
show('round(-1.5e308, -308)', lambda: round(-1.5e308, -308))
show('(2.5).__round__()', lambda: (2.5).__round__())
show('(2.5).__round__(None)', lambda: (2.5).__round__(None))
show('(2.55).__round__(1)', lambda: (2.55).__round__(1))
show('(2.5).__round__(1, 2)', lambda: (2.5).__round__(1, 2))
show('type(round(2.5))', lambda: type(round(2.5)).__name__)
show('type(round(2.5, 0))', lambda: type(round(2.5, 0)).__name__)
for v in [2.5, -2.5, 2.0, -0.0, 1e20, -1e20, 0.999999, -0.999999, 2.0**63, 1e300]:
    print(repr(v), v.__floor__(), v.__ceil__(), v.__trunc__(), math.floor(v), math.ceil(v), math.trunc(v), int(v),
          v.is_integer(), v.as_integer_ratio())
class F:
    def __floor__(self): return 'floor!'
    def __ceil__(self): return 'ceil!'
    def __trunc__(self): return 'trunc!'
    def __float__(self): return 2.5
class G:
    def __float__(self): return 2.5
class I:
    def __index__(self): return 7
class FF(float):
    pass
show('floor/ceil/trunc F', lambda: (math.floor(F()), math.ceil(F()), math.trunc(F())))
show('floor/ceil G', lambda: (math.floor(G()), math.ceil(G())))
show('trunc G', lambda: math.trunc(G()))
show('floor/ceil I', lambda: (math.floor(I()), math.ceil(I())))
show('floor FF', lambda: (math.floor(FF(2.5)), math.ceil(FF(-2.5)), math.trunc(FF(2.7)), round(FF(2.5))))
show('floor int', lambda: (math.floor(10**30), math.ceil(-7), math.floor(True), type(math.floor(True)).__name__))
show("math.floor('x')", lambda: math.floor('x'))
show("math.ceil(None)", lambda: math.ceil(None))
show("math.trunc([])", lambda: math.trunc([]))
show('math.floor()', lambda: math.floor())
show('math.floor(1, 2)', lambda: math.floor(1, 2))
show('round(F())', lambda: round(F()))
class R:
    def __round__(self, n=None): return ('round', n)
show('round(R())', lambda: round(R()))
show('round(R(), 3)', lambda: round(R(), 3))
show("round('x')", lambda: round('x'))
