# gc-stress: 20
# Building strings: accumulation with +=, join, repetition, formatting a
# calendar, a boxed report, word wrapping, a multiplication table, run-length
# encoding, caesar/rot13, number to words, roman numerals.

def wrap(text, width):
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = word if not line else line + " " + word
    if line:
        lines.append(line)
    return lines

text = ("Python is a programming language that lets you work quickly and integrate systems more "
        "effectively. Free threading means that threads can run bytecode in parallel.")
for width in (20, 35):
    lines = wrap(text, width)
    print("+" + "-" * (width + 2) + "+")
    for l in lines:
        print("| " + l.ljust(width) + " |")
    print("+" + "-" * (width + 2) + "+")
print("\n".join(line.center(40, ".") for line in wrap(text, 30)[:3]))

def month(name, first_weekday, days):
    out = [name.center(20), "Mo Tu We Th Fr Sa Su"]
    cells = ["  "] * first_weekday + ["%2d" % d for d in range(1, days + 1)]
    for i in range(0, len(cells), 7):
        out.append(" ".join(cells[i:i + 7]).rstrip())
    return "\n".join(out)
print(month("February 2024", 3, 29))

table = ""
for i in range(1, 10):
    row = ""
    for j in range(1, i + 1):
        row += "%dx%d=%-3d" % (j, i, i * j)
    table += row.rstrip() + "\n"
print(table, end="")

def rle(s):
    if not s:
        return ""
    out = []
    prev, count = s[0], 1
    for ch in s[1:]:
        if ch == prev:
            count += 1
        else:
            out.append("%d%s" % (count, prev))
            prev, count = ch, 1
    out.append("%d%s" % (count, prev))
    return "".join(out)
def unrle(s):
    out, num = [], ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * int(num))
            num = ""
    return "".join(out)
for s in ["WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW", "abc", "", "aaaaaaaaaaaa", "aabbaa"]:
    enc = rle(s)
    print(repr(enc), unrle(enc) == s)

def caesar(s, k):
    out = []
    for ch in s:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + k) % 26 + 97))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - 65 + k) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)
msg = "The Quick Brown Fox, 123!"
print(caesar(msg, 3), caesar(caesar(msg, 3), -3), caesar(msg, 13), caesar(caesar(msg, 13), 13) == msg)

ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
def words(n):
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else "-" + ONES[n % 10])
    if n < 1000:
        return ONES[n // 100] + " hundred" + ("" if n % 100 == 0 else " and " + words(n % 100))
    for value, name in ((10 ** 9, "billion"), (10 ** 6, "million"), (1000, "thousand")):
        if n >= value:
            rest = n % value
            return words(n // value) + " " + name + ("" if rest == 0 else (", " if rest >= 100 else " and ") + words(rest))
for n in (0, 7, 13, 20, 42, 99, 100, 101, 342, 1000, 1001, 12345, 1000000, 2147483647):
    print(n, words(n))
total_letters = sum(len(words(n).replace(" ", "").replace("-", "")) for n in range(1, 1001))
print("letters used for 1..1000:", total_letters)

def roman(n):
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out
def from_roman(s):
    vals = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = vals[a]
        total += -v if b != " " and vals[b] > v else v
    return total
print([roman(n) for n in (1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999)])
print(all(from_roman(roman(n)) == n for n in range(1, 4000, 3)))
parts = []
for i in range(5):
    parts.append(str(i) * (i + 1))
s = "-".join(parts)
s2 = ""
for p in parts:
    s2 += p + "-"
print(s, s2[:-1] == s, len(s), s.count("-"), s[::-1])
