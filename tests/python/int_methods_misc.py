# int methods and attributes: as_integer_ratio, conjugate, numerator and
# friends, __round__ with negative ndigits, __trunc__/__floor__/__ceil__,
# no is_integer in 3.11, __sizeof__ growth, __getnewargs__.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))

for n in [0, 7, -7, 2**70, -(2**70), True, False]:
    print(n, n.as_integer_ratio(), n.conjugate(), n.numerator, n.denominator, n.real, n.imag,
          type(n.numerator).__name__, type(n.real).__name__, n.__trunc__(), n.__floor__(), n.__ceil__(),
          n.__getnewargs__(), n.__index__(), n.__abs__(), n.__neg__(), n.__pos__(), n.__invert__(), n.__bool__())
show("hasattr(1, 'is_integer')", lambda: hasattr(1, 'is_integer'))
for n in [12345, 12350, 12250, -12250, -12251, 5, 15, 25, 35, -25, 2**70 + 5 * 10**9, 123, 0, 10**25 + 5 * 10**24]:
    print(n, [round(n, d) for d in [-1, -2, -3, -10, -30, 0, 1, 5]], round(n), round(n, None))
show('round(123, 1.5)', lambda: round(123, 1.5))
show("round(123, 'x')", lambda: round(123, 'x'))
show('round(5, -100)', lambda: round(5, -100))
show('round(5, 2**70)', lambda: round(5, 2**70))
show('type(round(True))', lambda: type(round(True)).__name__)
show('type(round(True, 1))', lambda: type(round(True, 1)).__name__)
show('int.__round__(7)', lambda: int.__round__(7))
show('int.__round__(17, -1)', lambda: int.__round__(17, -1))
show('(5).__round__(1, 2)', lambda: (5).__round__(1, 2))
show("int.bit_length('x')", lambda: int.bit_length('x'))
show('(5).bit_length(1)', lambda: (5).bit_length(1))
show('(5).__sizeof__() > 0', lambda: (5).__sizeof__() > 0)
show('(2**1000).__sizeof__() > (5).__sizeof__()', lambda: (2**1000).__sizeof__() > (5).__sizeof__())
show('(1).real is 1 or True', lambda: (1).real == 1)
show('int.real', lambda: type(int.real).__name__)
show('(5).numerator = 3', lambda: setattr(5, 'numerator', 3))
show('(5).foo', lambda: (5).foo)
show('hash(-1), hash(-2)', lambda: (hash(-1), hash(-2)))
show('abs(-2**63)', lambda: abs(-2**63))
show('-(-2**63)', lambda: -(-2**63))
show('sum(range(10**6))', lambda: sum(range(10**6)))
show('2**64 // 2**32', lambda: 2**64 // 2**32)
show('(2**47) * (2**47)', lambda: (2**47) * (2**47))
show('(-2**47) - 1', lambda: (-2**47) - 1)
show('(2**47 - 1) + 1', lambda: (2**47 - 1) + 1)
show('int.__new__(int, 5)', lambda: int.__new__(int, 5))
show("int.__new__(str, 5)", lambda: int.__new__(str, 5))
show('int.__add__(1, 2.0)', lambda: int.__add__(1, 2.0))
show('int.__radd__(1, 2)', lambda: int.__radd__(1, 2))
show('(3).__rsub__(10)', lambda: (3).__rsub__(10))
show('(3).__rpow__(2)', lambda: (3).__rpow__(2))
show('(3).__pow__(2, 5)', lambda: (3).__pow__(2, 5))
