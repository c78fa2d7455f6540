# str methods: split/rsplit/join/strip/replace with their edge cases.

print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1), ",a,".split(","))
print("  a  b \t c\n ".split(), "".split(), "".split(","), "   ".split(), " x ".split(" "))
print("a b c d".split(None, 2), "a b c d".rsplit(None, 2), "a  b".split(" "), "abc".split("abc"))
print("1<>2<>3".split("<>"), "aaa".split("a"), "aaa".split("aa"), "x".split("x", 0), "a b".split(maxsplit=0))
print("line1\nline2\r\nline3\rline4\n".splitlines(), "a\n\nb\n".splitlines(), "".splitlines(), "x\n".splitlines(True))
print("a\x0bb\x0cc\x1cd\u2028e\x85f".splitlines())
try:
    "abc".split("")
except ValueError as e:
    print("ValueError:", e)

print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"), "+".join(str(i) for i in range(5)), " ".join(["solo"]))
try:
    ",".join(["a", 1, "b"])
except TypeError as e:
    print("TypeError:", e)

print(repr("  hi  ".strip()), repr("  hi  ".lstrip()), repr("  hi  ".rstrip()), repr("\t\n hi \r\x0b".strip()))
print("xxhixx".strip("x"), "abcHIcba".strip("abc"), "hello".strip("ol"), "aaa".strip("a"), repr("".strip()))
print("www.example.com".lstrip("w."), "www.example.com".rstrip(".com"), "  x".lstrip(""), "..x..".strip("."))
print("abc".removeprefix("ab"), "abc".removeprefix("x"), "abc".removesuffix("bc"), "abc".removesuffix(""))

print("aaaa".replace("a", "b"), "aaaa".replace("a", "b", 2), "aaaa".replace("aa", "b"), "abc".replace("", "-"))
print("abc".replace("", "-", 2), "hello".replace("l", ""), "hello".replace("xyz", "q"), "".replace("", "z"))
print("banana".replace("ana", "ANA"), "a.b.c".replace(".", "::"), "aaa".replace("a", "aa"), "x".replace("x", "x", 0))
print("mississippi".replace("ss", "SS", 1), "mississippi".replace("i", "I", -1))

s = "The quick brown fox jumps over the lazy dog"
words = s.split()
print(len(words), words[::2], " ".join(reversed(words)), " ".join(w[::-1] for w in words))
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), max(words, key=len))
print(s.count("o"), s.count("the"), s.count(""), s.count("o", 15), s.count("o", 15, 30), "aaaa".count("aa"))
print(s.lower().count("the"), s.swapcase(), s.casefold())
csv = "name, age ,city\n alice,30, paris \nbob , 25,  rome"
rows = [[c.strip() for c in line.split(",")] for line in csv.splitlines()]
print(rows)
print("%s|%s" % tuple("key=value=x".split("=", 1)), "key=value=x".partition("="), "key=value=x".rpartition("="))
print("nokey".partition("="), "nokey".rpartition("="), "=".partition("="), "a=b".partition("=="))
print("a\tb\tc".expandtabs(), "a\tb".expandtabs(4), "ab\tc\td".expandtabs(3), "\t".expandtabs(0))
print(str.join("/", ["usr", "lib"]), str.split("a b"), str.upper("abc"), "x".__len__(), "ab".__contains__("b"))
