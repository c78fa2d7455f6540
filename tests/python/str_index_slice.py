# Indexing and slicing strings by code point, including non-ASCII text.

s = "hello, world"
print(len(s), s[0], s[-1], s[4], s[-5], s[7:], s[:5], s[:], s[::-1], s[::2], s[1::3])
print(s[3:8], s[-5:-1], s[-100:3], s[3:100], s[8:3], s[5:5], repr(s[100:]), s[-3:-100:-1])
print(s[::-2], s[10:2:-3], s[-1:-6:-1], s[2:-2], s[::100], s[::-100])

u = "héllo wörld – ünïcödé ✓ 日本語 🐍!"
print(len(u), u[0], u[1], u[-1], u[-2], u[-4:-1], u[::-1])
for i in range(len(u)):
    if ord(u[i]) > 127:
        print(i, u[i], ord(u[i]), hex(ord(u[i])))
print(u[6:11], u[14:21], u[24:27], u[5::4], u[::-3])
print(u.upper(), u.title())
print(u.find("日"), u.index("🐍"), u.count("ö"), u.rfind("ö"), "🐍" in u, u.find("zzz"))
print(u.split(" "))
print(u.replace("ö", "oe"), len(u.encode("utf-8")))
print([c for c in "aé🐍"], list(reversed("aé🐍")), "🐍" * 3, len("🐍" * 3))
e = "e\u0301"
print(len(e), e == "é", repr(e), [hex(ord(c)) for c in e])
mixed = "A\u00e9\u4e2d\U0001f600z"
for i in range(-len(mixed), len(mixed)):
    print(i, mixed[i], mixed[i:], mixed[:i])
for bad in (lambda: s[12], lambda: s[-13], lambda: u[100], lambda: ""[0]):
    try:
        bad()
    except IndexError as e:
        print("IndexError:", e)
try:
    s[1.5]
except TypeError as e:
    print("TypeError:", e)
try:
    s[0] = "H"
except TypeError as e:
    print("TypeError:", e)
print(s[True], s[False:True + 2], s[None:None:None], s[None:4], s[4:None])
idx = slice(1, 10, 2)
print(s[idx], u[idx], s[slice(None, None, -1)], s[slice(3)])
big = 10 ** 30
print(s[-big:big], s[big:], s[:-big], s[::big], s[::-big])
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
for start in (None, -20, -3, 0, 3, 20):
    for stop in (None, -20, -3, 0, 3, 20):
        for step in (None, 1, 2, -1, -2):
            print(repr("abcdefg"[start:stop:step]), end=" ")
    print()
