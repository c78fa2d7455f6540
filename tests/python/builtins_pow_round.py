# pow() with two and three arguments (modular inverse, negative moduli,
# which operand's __pow__ answers, the error for each type combination)
# and round() with and without ndigits.
def t(label, f):
    try:
        print(label, '->', repr(f()))
    except BaseException as e:
        print(label, '->', type(e).__name__ + ':', e)

t('pow', lambda: pow(2, 10))
t('pow mod', lambda: pow(2, 10, 1000))
t('pow huge exponent mod', lambda: pow(3, 2**100, 1000007))
t('pow inverse', lambda: pow(3, -1, 7))
t('pow inverse power', lambda: pow(3, -2, 7))
t('pow not invertible', lambda: pow(2, -1, 4))
t('pow negative modulus', lambda: pow(3, 3, -7))
t('pow negative base', lambda: pow(-3, 3, 7))
t('pow mod 1', lambda: pow(5, 3, 1))
t('pow mod 0', lambda: pow(2, 3, 0))
t('pow mod None', lambda: pow(2, 3, None))
t('pow bool', lambda: pow(True, 5, 3))
t('pow keywords', lambda: pow(base=2, exp=3, mod=5))
t('pow negative exponent', lambda: pow(2, -2))
t('pow float', lambda: pow(2.5, 2))
t('pow negative float fractional', lambda: pow(-8, 1/3))
t('pow zero negative', lambda: pow(0, -1))
t('pow 0.0 negative', lambda: pow(0.0, -1))
t('pow float mod', lambda: pow(2.0, 3, 5))
t('pow float exponent mod', lambda: pow(2, 3.0, 5))
t('pow float modulus', lambda: pow(2, 3, 5.0))
t('pow str modulus', lambda: pow(2, 3, 'a'))
t('pow str base', lambda: pow('a', 3, 5))
t('pow str exponent', lambda: pow(2, 'a', 5))
t('pow str two args', lambda: pow(2, 'a'))
t('** str', lambda: 2 ** 'a')
t('pow complex mod', lambda: pow(1j, 2, 3))
t('pow no args', lambda: pow())
t('pow one arg', lambda: pow(2))
t('pow four args', lambda: pow(1, 2, 3, 4))
t('pow bad keyword', lambda: pow(2, 3, modulo=5))

class P:
    def __pow__(self, other, mod=None):
        return ('P.__pow__', other, mod)
    def __rpow__(self, other, mod=None):
        return ('P.__rpow__', other, mod)
t('own __pow__ with mod', lambda: pow(P(), 2, 3))
t('own __pow__ two args', lambda: pow(P(), 2))
t('__rpow__ two args', lambda: pow(2, P()))
t('no __rpow__ with mod', lambda: pow(2, P(), 3))
t('modulus with __pow__ only', lambda: pow(2, 3, P()))
class I(int):
    def __pow__(self, other, mod=None):
        return ('I.__pow__', other, mod)
t('int subclass __pow__', lambda: pow(I(2), 3, 5))
t('int subclass as exponent', lambda: pow(2, I(3), 5))

t('round half even', lambda: [round(x) for x in (0.5, 1.5, 2.5, -0.5, -1.5)])
t('round ndigits', lambda: round(2.675, 2))
t('round negative ndigits float', lambda: round(1234.5, -2))
t('round int', lambda: round(1234, -2))
t('round int half even', lambda: (round(1250, -2), round(1350, -2), round(-1250, -2)))
t('round int positive ndigits', lambda: round(15, 3))
t('round None', lambda: (round(5.5, None), round(5, None)))
t('round bool', lambda: round(True))
t('round big int', lambda: round(2**80 + 123, -5))
t('round inf', lambda: round(float('inf')))
t('round nan', lambda: round(float('nan')))
t('round inf ndigits', lambda: round(float('inf'), 2))
t('round huge ndigits', lambda: (round(1.5, 2**70), round(1.5, -2**70)))
t('round float ndigits type', lambda: round(1.5, 1.0))
t('round str', lambda: round('a'))
t('round no args', lambda: round())
t('round keywords', lambda: round(number=1.25, ndigits=1))
t('round missing number', lambda: round(ndigits=1))
t('round both ways', lambda: round(1.5, number=2))
class R:
    def __round__(self, n=None):
        return ('R.__round__', n)
t('__round__', lambda: (round(R()), round(R(), 3), round(R(), None)))
class NoRound:
    pass
t('no __round__', lambda: round(NoRound()))
