# gc-stress: 20
# unicodedata: every property function on a sample of the whole code space
# (as CPython 3.11's Unicode 14.0.0: later characters are unassigned),
# names and lookup, numeric values, normalization, ucd_3_2_0, and the
# modules that use it (idna, stringprep).
import hashlib
import unicodedata as u


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


print(u.unidata_version, u.ucd_3_2_0.unidata_version, type(u.ucd_3_2_0).__name__)
print(sorted(n for n in dir(u) if not n.startswith("_")))

# a digest of all properties over a sample of the code space
h = hashlib.sha256()
cats = {}
for c in list(range(0, 0x3400, 23)) + list(range(0x3400, 0x110000, 997)) + [0x1FAE8, 0x1F6DC, 0x2630, 0x1B3A, 0x31350]:
    ch = chr(c)
    row = (u.category(ch), u.bidirectional(ch), u.east_asian_width(ch), u.mirrored(ch), u.combining(ch),
           u.decomposition(ch), u.name(ch, ""), u.numeric(ch, None), u.decimal(ch, None), u.digit(ch, None))
    cats[row[0]] = cats.get(row[0], 0) + 1
    h.update(repr(row).encode())
print(h.hexdigest())
print(sorted(cats.items()))

for ch in "A", "é", "\u0301", "٣", "½", "Ⅻ", "中", "😀", "\U0001FAE8", "\U00017000", "가", "\ud800", "\x00", "(":
    print(ascii(ch), u.category(ch), repr(u.bidirectional(ch)), u.east_asian_width(ch), u.mirrored(ch), u.combining(ch),
          repr(u.decomposition(ch)), u.name(ch, None), u.numeric(ch, None), u.decimal(ch, None), u.digit(ch, None))

for name in ["LATIN SMALL LETTER E WITH ACUTE", "latin small letter e with acute", "BYTE ORDER MARK", "CJK UNIFIED IDEOGRAPH-4E2D",
             "HANGUL SYLLABLE GAG", "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE", "TANGUT IDEOGRAPH-17000", "NO SUCH THING",
             "x" * 300]:
    t(lambda: u.lookup(name))
t(lambda: u.name("\x00"))
t(lambda: u.name("ab"))
t(lambda: u.category(1))
t(lambda: u.decimal("a"))
t(lambda: u.digit("a"))
t(lambda: u.numeric("a"))
print(u.decimal("a", -1), u.digit("x", "d"), u.numeric("q", 0.5))

# normalization
s = "Åström café ﬁ ① ｶ ẛ̣ 한국어 \u1e9b\u0323"
for form in ("NFC", "NFD", "NFKC", "NFKD"):
    n = u.normalize(form, s)
    print(form, ascii(n), len(n), u.is_normalized(form, n), u.is_normalized(form, s))
print(u.normalize("NFC", "abc"), u.normalize("NFD", ""))
t(lambda: u.normalize("X", "a"))
t(lambda: u.normalize("NFC", 1))
t(lambda: u.is_normalized("NFC", 1))
t(lambda: u.normalize(1, "a"))

# the Unicode 3.2.0 database
old = u.ucd_3_2_0
for ch in "A", "\u0221", "\u20ac", "\U0001F600", "é":
    print(ascii(ch), old.category(ch), old.bidirectional(ch), old.name(ch, None), old.decomposition(ch), old.east_asian_width(ch))
t(lambda: old.lookup("EURO SIGN"))
print(old.normalize("NFKC", "ﬁ"), old.numeric("½"))

# users: idna and stringprep
print("bücher.example".encode("idna"), b"xn--bcher-kva.example".decode("idna"))
import stringprep
print(stringprep.in_table_b1("\u00ad"), stringprep.in_table_c12("\u00a0"), stringprep.map_table_b2("ﬁ"))
