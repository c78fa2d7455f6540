# int methods and attributes, int/str conversions near the 4300-digit
# limit, bool arithmetic, and ints used as indexes.

for n in (0, 1, -1, 7, -8, 255, 2 ** 63, -(2 ** 63), 10 ** 25):
    print(n, n.bit_length(), n.real, n.imag, n.numerator, n.denominator, n.conjugate(), abs(n), -n, +n, ~n)
print((5).__index__(), int.__index__(7), (10).__bool__(), (0).__bool__(), (3).__int__(), (3).__float__(), (3).__trunc__())
print(int(3.99), int(-3.99), int("0b101", 0), int(" -0x_ff ".replace("_", ""), 16), (255).__format__("08b"), format(-5, "#06x"))
print(divmod(True, 2), True * "ab", [0, 1][True], 3 + True, True / 4, -True, abs(False), hash(True))
s = "9" * 4300
n = int(s)
print(len(str(n)), n % 1000, str(n)[-5:], (n + 1) % 10 ** 6)
try:
    int("1" * 4301)
except ValueError as e:
    print("ValueError:", str(e)[:60])
try:
    str(10 ** 4300)
except ValueError as e:
    print("ValueError:", str(e)[:60])
big = 10 ** 4299
print(len(str(big)), len(repr(-big)), len("%d" % big), len(f"{big}"), len(str(big * 9)))
print(len(hex(10 ** 5000)), hex(10 ** 5000)[:12], bin(2 ** 10000).count("0"), len(oct(3 ** 3000)))
items = list(range(10))
print(items[True], items[-True], items[2:True + 5], items[::True + 1], "abc"[int("1")], range(10)[int(2.9)])
print((37).__divmod__(5), (37).__rdivmod__(5), (2).__pow__(10, 1000), (2).__rpow__(3))
print(sum(range(10 ** 6, 10 ** 6 + 10)), max(range(-5, 5), key=lambda x: x * x), min(-3, 3, key=abs), sorted([-3, 2, -1], key=abs))
print(int("١٢٣"), int("𝟗"), int("٣") + 1, float("١.٥"))
count = 0
for i in range(1, 10 ** 3):
    if str(i) == str(i)[::-1]:
        count += 1
print(count, sum(int(d) for d in str(2 ** 100)), int(str(2 ** 100)[::-1]) % 997)
print(5 .bit_length(), 0x10 .real, 1_000 .numerator, (1).__class__.__name__, type(10 ** 100).__name__)
