# repr/str of floats: shortest round-trip digits, exponent layout.

values = [0.1, 0.2, 0.3, 0.1 + 0.2, 1 / 3, 2 / 3, 1.0, -1.0, 0.0, -0.0, 100.0, 1e15, 1e16, 1e17,
          123456789012345678.0, 1e-4, 1e-5, 0.0001234, 0.00001234, 2.5e-08, 1e22, 1e23, 1.7976931348623157e308,
          5e-324, 2.2250738585072014e-308, 3.14159, 2.718281828459045, 1.5, 0.5, 0.25, 0.125,
          9.999999999999999e15, 1234.5678, 1e100, -1e-100, 12345678.9, 0.000001, 0.0000001,
          float("inf"), float("-inf"), float("nan"), float("1e308") * 10, -float("1e308") * 10,
          4.35, 0.07, 1.1, 2.675, 1e21, 1e-7, 999999999999999.9, 9007199254740993.0, 1e16 + 2]
for v in values:
    print(repr(v), str(v), v)

print([0.1, -0.0, 1e16, float("nan")])
print((1.5, 2.0), {"x": 0.1})
for i in range(-8, 25, 3):
    print(i, 10.0 ** i, 1.5 * 10.0 ** i, -(2.0 ** i))
x = 1.0
for i in range(12):
    x /= 7
    print(x)
print(0.1 * 3, 0.1 * 10, 1.1 + 2.2, 3.3 / 3, 1e-9 * 1e9)
print(float("0.1"), float("1e-5"), float("-1.25E+3"), float("  .5 "), float("5."), float("1_000.5"))
print(float("infinity"), float("-inf"), float("+NaN"), float("1e500"), float("-1e-500"))
for bad in ["", "abc", "1.2.3", "1e", "--1", "0x10", "1_", "in f"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
print(format(0.1, ""), format(1e16, ""), str(1e16), "%s" % 1e16, "%r" % 0.1, f"{1e-5}")
print(2.0 ** 62, 2.0 ** 63, 2.0 ** 64, 2.0 ** -20, 1 / 1024)
print(1e16 * 10, 123e-20, 6.02214076e23, 1.602e-19)
print(-0.0 == 0.0, str(-0.0), repr(0.0 * -1), abs(-0.0), -0.0 + 0.0, 0.0 - 0.0, -0.0 - 0.0)
print(round(-0.4), round(-0.0), round(-0.4, 1), -0.0 * 5, 0.0 * -5)
