# int() from strings in many bases, hex/oct/bin and their inverses,
# and the errors for bad input.

cases = [("42", 10), ("-42", 10), ("  +7\n", 10), ("0", 10), ("00012", 10), ("1_2_3", 10),
         ("ff", 16), ("FF", 16), ("0xff", 16), ("-0XfF", 16), ("777", 8), ("0o777", 8),
         ("101", 2), ("0b101", 2), ("-0B11", 2), ("z", 36), ("ZZ", 36), ("hello", 36),
         ("0x1f", 0), ("0o17", 0), ("0b11", 0), ("123", 0), ("0", 0), ("1_000", 0), ("0_0", 0),
         ("12", 3), ("2222", 3), ("7", 8), ("11", 5), ("123456789abcdef0123456789", 16)]
for s, base in cases:
    print(repr(s), base, "->", int(s, base))

bad = [("", 10), ("  ", 10), ("1.5", 10), ("abc", 10), ("12", 2), ("0x", 16), ("1__0", 10), ("_1", 10),
       ("1_", 10), ("08", 0), ("0b2", 0), ("--1", 10), ("1 2", 10), ("z", 35), ("9", 8)]
for s, base in bad:
    try:
        print(int(s, base))
    except ValueError as e:
        print("ValueError:", e)

for b in (1, 37, -1):
    try:
        int("1", b)
    except ValueError as e:
        print("ValueError:", e)
try:
    int(5, 10)
except TypeError as e:
    print("TypeError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
try:
    int([1])
except TypeError as e:
    print("TypeError:", e)

for n in (0, 1, -1, 10, 255, -255, 4096, 2 ** 32, -(2 ** 70), 123456789):
    h, o, b = hex(n), oct(n), bin(n)
    print(n, h, o, b, int(h, 16), int(o, 0), int(b, 0))
    print("  format:", format(n, "x"), format(n, "X"), format(n, "o"), format(n, "b"), format(n, "#x"), format(n, "#o"), format(n, "#b"))

print(int("٣"), int("１２"), int(" \t 99 \n "))
print(int(True), int(-3.9), int(3.9), int("-0"), int(" 0010 "))
print(int("1" * 30), int("-" + "9" * 25, 10))
print(int("10", base=16), int("11", base=2), int("z", base=36))
print(str(10 ** 20), repr(-(10 ** 20)), str(0), str(-0))
print(float("3"), float(" -2.5 "), float("1e3"), float("inf"), float("-Infinity"), float("nan"))
