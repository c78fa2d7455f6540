# More str: translate/maketrans, format_map, encode/len of UTF-8,
# iteration, comparisons, str() of many types, building and splitting
# paths, string constants written out by hand.

table = str.maketrans("abc", "xyz")
print("aabbcc-abc".translate(table), "hello".translate(str.maketrans({"l": "L", "o": None})), "abc".translate({97: "AA", 98: None}))
print("remove vowels".translate(str.maketrans("", "", "aeiou")), sorted(str.maketrans("ab", "cd").items()))
print("{name} is {age}".format_map({"name": "Ann", "age": 3}))
class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"
print("{a} {b} {c}".format_map(Default(a=1)))
for s in ["", "a", "é", "日本", "🐍", "aé日🐍"]:
    print(repr(s), len(s), len(s.encode("utf-8")), [len(c.encode("utf-8")) for c in s])
print(list("hé🐍"), [c for c in "ab" * 2], tuple("xyz"), "".join(reversed("stressed")))
path = "/usr/local/lib/python3.11/site-packages"
parts = path.split("/")
print(parts, "/".join(parts[:3]), parts[-1].split("-"), path.rsplit("/", 1), path.count("/"))
name = "archive.tar.gz"
print(name.split(".", 1), name.rsplit(".", 1), name.partition("."), name.rpartition("."), name.endswith((".gz", ".zip")))
print(str(12), str(-1.5), str(None), str(True), str([1, "a"]), str((1,)), str({1: "b"}), str(range(3)), str(2 ** 64))
print("a" < "b" < "c", "abc" < "abd", "ab" < "abc", "B" < "a", "" < " ", "é" > "e", "Z" < "a", ord("Z") < ord("a"))
print(sorted(["banana", "Apple", "cherry", "apple", "Banana", "123", "_x", " space"]))
print(max("abc", "abd", "ab"), min(["zz", "a", "m"]), "abc" * 0 == "", "-" * 3 + ">" + "<" + "=" * 2)
lower = "abcdefghijklmnopqrstuvwxyz"
digits = "0123456789"
punct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
print(len(lower), lower.upper(), digits[::-1], len(punct), punct[:10], all(not c.isalnum() for c in punct))
s = "The rain in Spain stays mainly in the plain"
print(s.find("ain"), s.rfind("ain"), [i for i in range(len(s)) if s.startswith("ain", i)], s.count("ain"))
print(s.replace("ain", "AIN", 2), s.title().swapcase(), s.split(" in "), s.lower().split("ain"))
print(s[::3], s[4:8].upper() + s[8:], s.center(50, "*"), len(s.center(50)))
acronym = "".join(w[0].upper() for w in "portable network graphics".split())
print(acronym, "-".join("2024-01-15".split("-")[::-1]), "%s" % "".join(sorted("dcba")))
def is_palindrome(text):
    cleaned = [c.lower() for c in text if c.isalnum()]
    return cleaned == cleaned[::-1]
for t in ("A man, a plan, a canal: Panama", "race a car", "", "No 'x' in Nixon", "ab"):
    print(repr(t), is_palindrome(t))
def count_words(text):
    counts = {}
    for w in text.lower().split():
        w = w.strip(".,;:!?\"'")
        if w:
            counts[w] = counts.get(w, 0) + 1
    return counts
print(sorted(count_words("To be, or not to be: that is the question! To BE?").items()))
print("%-10s|%10s|" % ("left", "right"), "{:-^20}".format(" mid "), "x".rjust(3, "0"), "7".zfill(3))
print("line1\nline2".split("\n"), "a\r\nb".splitlines(), "tab\tsep".split("\t"), "  x  y  ".strip().split("  "))
print("Hello"[::-1].lower().capitalize(), "hello world".title().replace(" ", ""), "snake_case_name".split("_"))
camel = "".join(p.capitalize() if i else p for i, p in enumerate("my_variable_name".split("_")))
print(camel, "".join("_" + c.lower() if c.isupper() else c for c in "myVariableName"))
