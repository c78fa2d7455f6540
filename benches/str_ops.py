# str_ops: building and taking apart strings: f-strings with format specs,
# str.format, %-formatting, join, split, replace, find/index/count, in,
# startswith/endswith, case changes, padding (ljust/rjust/center/zfill),
# strip, slicing with steps and negative indices, repetition, ord/chr,
# str.translate, and the same operations on text containing non-ASCII
# characters (where code-point indexing must still hold).
#
# Exercises: string allocation and concatenation, int and float formatting,
# substring search, code-point indexing of non-ASCII text.
#
# Usage: python3 str_ops.py [rounds]

import sys

DEFAULT_SIZE = 80000
MOD = 1000000007

NAMES = ["alpha", "Beta", "gamma", "DELTA", "épsilon", "zeta", "ηta", "θeta",
         "iota", "kappa", "λambda", "mü", "nu", "xi", "omicron", "π"]
TABLE = str.maketrans({"a": "4", "e": "3", "o": "0", "é": "e"})


def fold(check, s):
    # cheap, hash-free fingerprint of a string
    n = len(s)
    if n:
        check = (check * 131 + n * 7 + ord(s[0]) + ord(s[-1]) * 3 + ord(s[n // 2])) % MOD
    return check


def one_round(i, check):
    name = NAMES[i % len(NAMES)]
    other = NAMES[(i * 7 + 3) % len(NAMES)]
    x = i * 0.37 + 1.0 / (i + 1)

    s1 = f"{name}-{i:06d}|{x:10.3f}|{i:#x}|{i * 12345:,}|{other!r:>12}"
    s2 = "{0:<8}/{1:^9}/{2:>+8.2e}/{n}".format(name, other, x, n=i % 97)
    s3 = "%s=%d (%5.1f%%) [%-6s] %x" % (name, i, x % 100.0, other[:4], i)
    check = fold(check, s1)
    check = fold(check, s2)
    check = fold(check, s3)

    parts = s1.split("|")
    check = (check + len(parts) + len(parts[1].strip())) % MOD
    joined = ", ".join(p.strip().upper() for p in parts)
    check = fold(check, joined)
    check = fold(check, joined.lower().replace("0", "o").replace("-", " - "))

    line = (name + " ") * 3 + other
    words = line.split()
    check = (check + len(words) + line.find(other) + line.count(name)) % MOD
    if other in line and line.startswith(name) and line.endswith(other):
        check += 1
    check = fold(check, line[::-1])
    check = fold(check, line[1:-1:2])
    check = fold(check, line[-5:])
    check = fold(check, name.capitalize() + other.swapcase() + name.title())
    check = fold(check, name.center(15, "*") + other.ljust(10, ".") + str(i).zfill(9))
    check = fold(check, line.translate(TABLE))
    check = fold(check, "".join(chr(ord(c) + 1) for c in name))
    check = fold(check, "-".join(reversed(words)))
    try:
        check = (check + line.index("zz")) % MOD
    except ValueError:
        check = (check + 3) % MOD
    check = fold(check, str(x) + repr(i * 1.5) + str(-i) + str(i ** 3))
    return check


def build_report(n):
    rows = []
    for i in range(n):
        rows.append(f"{i:>5} {NAMES[i % len(NAMES)]:<10} {i * i % 1000:>4}")
    text = "\n".join(rows)
    lines = text.splitlines()
    widths = sum(len(l.rstrip()) for l in lines)
    return len(text), widths, lines[-1]


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    check = 0
    for i in range(rounds):
        check = one_round(i, check)
    size, widths, last = build_report(rounds)
    print("str_ops rounds=%d checksum=%d report=%d/%d last=%r"
          % (rounds, check, size, widths, last))


main()
