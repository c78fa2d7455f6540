# Sorting: stability, key functions, reverse (which keeps stability),
# sorted() vs list.sort(), sorting records, custom __lt__.

records = [("bob", 25, "NY"), ("alice", 30, "LA"), ("carol", 25, "SF"), ("dave", 30, "NY"), ("eve", 22, "LA"), ("frank", 25, "LA")]
print(sorted(records))
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(records, key=lambda r: r[2]))
print(sorted(records, key=lambda r: (r[2], -r[1])))
by_city = sorted(records, key=lambda r: r[0])
by_city.sort(key=lambda r: r[2])
print(by_city)
print(sorted([3, 1, 2], reverse=True), sorted("hello"), sorted((5, -1)), sorted({3: "a", 1: "b"}), sorted([]))
print(sorted([-5, 3, -1, 4, -2], key=abs), sorted([-5, 3, -1, 4, -2], key=abs, reverse=True))
words = "the Quick brown fox Jumps over the lazy dog".split()
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=lambda w: (len(w), w.lower())))
print(sorted(words, key=lambda w: w[-1]))
pairs = [(i % 3, i) for i in range(12)]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
data = [5, 2, 8, 2, 9, 1, 5, 5]
s = data[:]
s.sort()
print(data, s, sorted(data) == s, s.sort() is None)
print(sorted([1.5, 1, -0.5, True, 0]), sorted([[2, 1], [1, 2], [1], []]), sorted(["b", "a", "B", "A", "aa", "a1"]))
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
        self.s = s
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return "V" + self.s
vs = [Version(v) for v in ["1.10", "1.2", "1.2.1", "0.9", "1.10.0", "10.0", "2.0"]]
print(sorted(vs), max(vs), min(vs))
print(sorted(vs, reverse=True))
calls = []
def key(x):
    calls.append(x)
    return -x
print(sorted([3, 1, 2], key=key), calls)
big = [(i * 7919) % 1000 for i in range(200)]
sb = sorted(big)
print(sb[:10], sb[-10:], all(sb[i] <= sb[i + 1] for i in range(len(sb) - 1)))
stable = sorted(range(50), key=lambda i: i % 5)
print(stable)
nested = [[3, "c"], [1, "a"], [2, "b"], [1, "A"]]
nested.sort(key=lambda x: x[0])
print(nested)
try:
    sorted([1, "x", 2])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([Version("1.0"), 3])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([None, None])
except TypeError as e:
    print("TypeError:", e)
print(sorted([None]), sorted([(1, None), (0, None)]))
try:
    sorted([(1, None), (1, None)])
except TypeError as e:
    print("TypeError:", e)
print(sorted("bca", key=None), sorted([3, 2, 1], key=None, reverse=False))
