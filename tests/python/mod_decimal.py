# gc-stress: 200
# decimal: construction, arithmetic under contexts (precision, rounding),
# quantize, special values, comparisons, formatting, localcontext, traps
# and flags, tuples, math methods. (ftpy runs _pydecimal: its flags are
# 0/1 where C decimal's are bools, so they are printed through bool().)
import decimal
from decimal import Decimal as D, localcontext, getcontext, Context, ROUND_HALF_UP, ROUND_DOWN, ROUND_HALF_EVEN

print(D("1.10") + D("2.20"), D("1.1") * 3, D(10) / D(4), D(1) / D(3), D("7") // D("2"), D("-7") % D("3"))
print(D(0.1), D("1e3"), D("-0"), D("NaN"), D("-Infinity"), D((1, (3, 1, 4), -2)), D("  12.50  "))
print(repr(D("3.14")), str(D("1E+2")), D("100").normalize(), D("1.2300").normalize(), D("0.000001"), D("1e-7"))
print(D("3.14159").quantize(D("0.01")), D("2.675").quantize(D("0.01"), rounding=ROUND_HALF_UP), D("2.5").quantize(D("1")), D("3.5").quantize(D("1")))
print(D("1.23456789").quantize(D("1e-3"), rounding=ROUND_DOWN), D(2).sqrt(), D(10).ln(), D(100).log10(), D(1).exp())
with localcontext() as ctx:
    ctx.prec = 5
    print(D(1) / D(7), D("123456789") + 0, ctx.prec)
    ctx.rounding = ROUND_DOWN
    print(D(2) / D(3))
print(getcontext().prec, getcontext().rounding == ROUND_HALF_EVEN)
print(D("1.5") < D("2"), D("2.0") == D(2), D("0.5") == 0.5, D(1) < 1.5, max(D("1.1"), D("1.10")), sorted([D("3"), D("-1"), D("2.5")]))
print(D("1.30") == D("1.3"), hash(D("1.30")) == hash(D("1.3")), hash(D(5)) == hash(5), D("NaN") == D("NaN"))
print(D("-3.7").copy_abs(), D("3.7").copy_negate(), D("-2").copy_sign(D("1")), D("12.345").as_tuple(), D("1.5").as_integer_ratio())
print(int(D("-7.9")), float(D("0.25")), round(D("2.567"), 2), round(D("2.5")), D("7.2").to_integral_value(), D("1234.5").adjusted())
print(f"{D('1234.5678'):,.2f}", f"{D('0.125'):.1%}", f"{D('1e10'):e}", f"{D('-3.5'):>10}", format(D("3.14159"), ".3"))
print(D("Infinity") > 10 ** 100, D("-Infinity").is_infinite(), D("NaN").is_nan(), D("0").is_zero(), D("-1").is_signed())
print(D(5).max(D(7)), D(5).compare(D(7)), D("1.2").fma(2, D("0.1")), D(2) ** 10, D("1.1") ** 2, D(4) ** D("0.5"))
ctx = Context(prec=3, rounding=ROUND_HALF_UP)
print(ctx.add(D("1.234"), D("2.345")), ctx.divide(D(1), D(3)), ctx.create_decimal("3.14159"), ctx.power(D(2), 100))
ctx2 = Context(traps=[decimal.DivisionByZero, decimal.InvalidOperation])
for op in [lambda: ctx2.divide(D(1), D(0)), lambda: ctx2.sqrt(D(-1)), lambda: D("abc"), lambda: D(1) / D(0),
           lambda: D("1.5").quantize(D("1e-100")), lambda: int(D("NaN")), lambda: int(D("Infinity"))]:
    try:
        print(op())
    except (decimal.DivisionByZero, decimal.InvalidOperation, ValueError, OverflowError) as e:
        print(type(e).__name__)
ctx3 = Context(traps=[])
print(ctx3.divide(D(1), D(0)), bool(ctx3.flags[decimal.DivisionByZero]), ctx3.sqrt(D(-4)))
getcontext().clear_flags()
D(1) / D(3)
print(bool(getcontext().flags[decimal.Inexact]), bool(getcontext().flags[decimal.Rounded]), bool(getcontext().flags[decimal.DivisionByZero]))
print(sum([D("0.1")] * 10), D("0.1") * 3 == D("0.3"), D(1).scaleb(3), D("123.456").shift(2) if False else D(123).shift(1))
print(D("9.99").next_plus() if False else D("1").next_minus(), D("-5").logical_invert() if False else D("1010").logical_and(D("1100")))
