# Padding and alignment: zfill, center, ljust, rjust; string * and +.

for s in ["", "a", "ab", "abc", "abcd", "héllo", "-5", "+5", "5", "-", "0x1f", "日本"]:
    print(repr(s), repr(s.zfill(5)), repr(s.center(6)), repr(s.center(7, "*")), repr(s.ljust(5, ".")), repr(s.rjust(5, "_")), repr(s.center(2)))
print("42".zfill(1), "-42".zfill(6), "+42".zfill(6), "--42".zfill(6), "abc".zfill(6), "4.5".zfill(6), "-0.5".zfill(8))
for w in range(0, 9):
    print(w, "[" + "ab".center(w) + "]", "[" + "abc".center(w, "-") + "]", "[" + "x".center(w, "=") + "]")
try:
    "a".center(5, "ab")
except TypeError as e:
    print("TypeError:", e)
try:
    "a".ljust(5, "")
except TypeError as e:
    print("TypeError:", e)
print("ab" * 3, 3 * "ab", "ab" * 0, "ab" * -2, repr("" * 100), "-" * 20)
print("a" + "b" + "c", "x" + str(1) + str(2.5) + str(None))
try:
    print("a" + 1)
except TypeError as e:
    print("TypeError:", e)
try:
    print(1 + "a")
except TypeError as e:
    print("TypeError:", e)
try:
    print("a" * 2.0)
except TypeError as e:
    print("TypeError:", e)
try:
    print("a" * "b")
except TypeError as e:
    print("TypeError:", e)
table = [("apple", 3, 1.25), ("kiwi", 12, 0.5), ("watermelon", 1, 3.999), ("fig", 100, 12.0)]
print("+" + "-" * 12 + "+" + "-" * 6 + "+" + "-" * 8 + "+")
for name, qty, price in table:
    print("|" + name.ljust(12) + "|" + str(qty).rjust(6) + "|" + ("%.2f" % price).rjust(8) + "|")
print("+" + "-" * 12 + "+" + "-" * 6 + "+" + "-" * 8 + "+")
total = sum(q * p for _, q, p in table)
print("TOTAL".center(28, "~"), ("%.3f" % total).zfill(12))
s = ""
for i in range(5):
    s += str(i) * i
    s = s + "|"
print(s, len(s))
parts = []
for ch in "hello":
    parts.append(ch.upper())
    parts.append(ch)
print("".join(parts))
print("abc" < "abd", "abc" < "ab", "" < "a", "B" < "a", "abc" == "abc", "abc" != "ABC", "a" * 3 == "aaa")
print("abc" >= "abc", "b" > "abcdef", "é" < "ê", "Z" < "[", sorted(["b", "B", "a", "A", "_", "1", "é"]))
print("lo" in "hello", "" in "abc", "" in "", "x" not in "abc", "hello" in "hello", "hello!" in "hello")
try:
    print(1 in "abc")
except TypeError as e:
    print("TypeError:", e)
