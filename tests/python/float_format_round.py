# Float formatting and rounding corner cases: round-half-even on the
# binary value, format() precision, %g switching to exponent notation,
# repr vs str vs format of awkward values, int() of float strings.

for v in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 0.125, 0.375, 2.675, 1.005, 0.045, 1.25, 1.35, 5e-324):
    print(repr(v), round(v), round(v, 1), round(v, 2), format(v, ".0f"), format(v, ".1f"), format(v, ".2f"), "%.2f" % v)
for v in (1e-5, 1.23456e-5, 0.0001, 0.00012345, 123456.0, 1234567.0, 12345678.9, 1e15, 1e16, 1.5e16, 1e100, -0.0, 100.0):
    print(repr(v), format(v, "g"), format(v, ".3g"), format(v, ".10g"), format(v, "e"), format(v, ".2e"), "%g" % v, "%.3G" % v)
print(format(0.1, ".20f"), format(0.1, ".17g"), format(1 / 3, ".30f"))
print(format(2 ** 0.5, ".50f"))
print(format(1e22, "f"), format(1e23, "f"), format(2 ** 70 * 1.0, ",.0f"), format(123.456, "015.4f"), format(-123.456, "+015.4f"))
print(format(0.000001, "f"), format(0.0000001, "f"), format(1e-10, ".12f"), format(9.9999, ".2f"), format(-9.995, ".2f"))
print(format(99.5, ".0f"), format(100.5, ".0f"), format(101.5, ".0f"), format(0.05, ".1f"), format(0.15, ".1f"), format(0.25, ".1f"))
print(str(1e16), repr(1e16), format(1e16), format(1e16, ""), f"{1e16}", "%s" % 1e16, "%r" % 1e16, "%f" % 1e16)
print(round(1234.5678, 2), round(1234.5678, -1), round(-1234.5678, -2), round(0.0001234, 5), round(1e-20, 25), round(123, 5))
print(round(2.5, 0), round(3.5, 0), round(-2.5, 0), type(round(2.5, 0)).__name__, round(7.45, 1), round(7.55, 1))
print(float("0.1") * 3, float("1.7976931348623157e308"), float("2.2250738585072014e-308") / 2, float("4.9e-324"), float("2e-324"))
print(int(float("1e19")), int(1e19) == 10 ** 19, int(float("123456789012345678901234567890")), float(int(1e300)) == 1e300)
print(0.1 + 0.7, 0.1 * 0.7, 1.1 * 1.1, 3.0 * 1.1, 0.3 - 0.1, 1 - 0.9, 100 * 1.15, 4.35 * 100, 0.57 * 100)
print(sum([0.1] * 10), 0.1 * 10, 1e16 + 1.0, 1e16 + 2.0, 2 ** 53 + 1.0, (2 ** 53 + 1) * 1.0, 9007199254740993 / 1)
print(1 / 7, 2 / 7, 22 / 7, 355 / 113, 1 / 9, 1 / 11, 1 / 81, 1e-7 / 3, 7e22 / 3)
print(3.0, 3.10, 3.14000, 1.0e0, 1e0, 10e-1, 0.0e5, 123e-2, 5e-1, 0.3e1)
