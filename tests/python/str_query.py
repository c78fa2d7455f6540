# str query and case methods: find/rfind/index/rindex, startswith/endswith
# (with tuples and ranges), is* predicates, case conversions.

s = "abracadabra"
print(s.find("a"), s.find("a", 1), s.find("a", 1, 3), s.find("bra", -4), s.find("z"), s.find(""), s.find("", 11), s.find("", 12))
print(s.rfind("a"), s.rfind("a", 0, 10), s.rfind("abra"), s.rfind("z"), s.rfind(""), s.index("c"), s.rindex("b"))
print(s.find("a", -3, -1), s.find("abra", 7), s.find("abra", 8), s.count("a", -5), s.count("abra"))
for sub in ("zz", "dab", ""):
    try:
        print(sub, s.index(sub), s.rindex(sub))
    except ValueError as e:
        print("ValueError:", e)
try:
    s.rindex("q")
except ValueError as e:
    print("ValueError:", e)

print(s.startswith("abr"), s.startswith("bra"), s.startswith("bra", 1), s.startswith(("x", "ab")), s.startswith(""))
print(s.endswith("bra"), s.endswith("abr"), s.endswith("abr", 0, 10), s.endswith(("q", "ra")), s.endswith("", 20))
print(s.startswith("a", 100), s.endswith("a", -1), s.startswith(("",)), "".startswith(""), "".endswith("a"))
try:
    s.startswith(["a"])
except TypeError as e:
    print("TypeError:", e)

tests = ["", "abc", "ABC", "Abc", "123", "１２３", "½", "²", "12.5", "-1", "abc123", "a b", " ", "\t\n", "Hello World",
         "hello world", "HELLO", "Hello world", "ÉCOLE", "école", "日本", "ß", "_x", "x1", "1x", "class", "ǅ"]
for t in tests:
    print(repr(t), t.isalpha(), t.isdigit(), t.isdecimal(), t.isnumeric(), t.isalnum(), t.isspace(),
          t.isupper(), t.islower(), t.istitle(), t.isidentifier(), t.isascii(), t.isprintable())

for t in ["hello world", "HELLO WORLD", "hElLo wOrLd", "they're bill's friends", "123abc def", "o'neil mc-donald", "ß straße", "ǆemal", "ﬁnd", "ñandú", "", "a", "A1b2 c3D4", "  lead"]:
    print(repr(t), "|", t.upper(), "|", t.lower(), "|", t.title(), "|", t.capitalize(), "|", t.swapcase(), "|", t.casefold())
print("İ".lower(), len("İ".lower()), "ß".upper(), "ﬃ".upper(), "Σ".lower(), "ΑΣ".lower(), "ΑΣ Α".lower())
print("straße".upper() == "STRASSE", "Straße".casefold() == "strasse", "ǉ".title(), "ǉ".upper())
print(ord("a"), ord("A"), ord("€"), ord("🐍"), chr(97), chr(8364), chr(128013), chr(0x41) + chr(0x42))
print(min("hello"), max("hello"), sorted("hello"), sorted("bBaA"), "a" < "b", "Z" < "a", "é" > "z")
