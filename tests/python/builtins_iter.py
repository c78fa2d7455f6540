# Iteration builtins: enumerate, zip, map, filter, reversed, iter, next,
# any, all, and their laziness.

print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate("ab", start=-5)), list(enumerate([])))
e = enumerate(["x", "y"])
print(next(e), next(e), next(e, "end"), type(e).__name__)
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])), list(zip("ab", "cd", "ef")), list(zip(range(3), range(10, 13))))
names, ages = zip(*[("ann", 30), ("bob", 25)])
print(names, ages)
print(dict(zip("abc", range(3))), list(zip(*[[1, 2, 3], [4, 5, 6]])))
print(list(map(str, [1, 2, 3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(len, ["a", "bb", ""])))
print(list(map(pow, [2, 3], [3, 2])), list(map(str.upper, "ab")), list(map(int, "123")))
print(list(filter(None, [0, 1, "", "a", [], [0], None])), list(filter(lambda x: x > 2, range(6))), list(filter(str.isdigit, "a1b2")))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1,))), list(reversed({"a": 1, "b": 2})))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
try:
    reversed(x for x in [1])
except TypeError as e:
    print("TypeError:", e)
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "a", [0]]), all([1, 0]), any(x > 3 for x in range(5)))
seen = []
def check(x):
    seen.append(x)
    return x > 2
print(any(check(x) for x in range(10)), seen)
seen.clear()
print(all(check(x) for x in [5, 4, 1, 9]), seen)
seen.clear()
lazy = map(check, range(100))
print(seen, next(lazy), next(lazy), seen)
seen.clear()
lazy_filter = filter(check, range(100))
print(next(lazy_filter), seen)
it = iter([10, 20, 30])
print(next(it), list(it), next(it, None))
print(iter(it) is it, list(iter("xy")), list(iter(range(2))))
calls = [0]
def produce():
    calls[0] += 1
    return calls[0]
print(list(iter(produce, 4)))
stream = iter(["line1", "line2", "", "line3"])
print(list(iter(lambda: next(stream), "")))
z = zip([1, 2, 3], iter([10, 20]))
print(list(z))
z2 = zip(*[iter(range(9))] * 3)
print(list(z2))
m = map(lambda x: x * 2, [1, 2, 3])
print(list(m), list(m))
words = ["apple", "bob", "kayak", "level", "python"]
print(list(filter(lambda w: w == w[::-1], words)), [i for i, w in enumerate(words) if len(w) == 5])
print(sorted(enumerate("cab"), key=lambda p: p[1]), max(enumerate([3, 9, 2]), key=lambda p: p[1]))
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*matrix)], list(map(sum, matrix)), list(map(sum, zip(*matrix))))
print(sum(map(int, "9875")), "".join(map(chr, range(97, 102))), list(map(ord, "AZ")))
try:
    next(iter([]))
except StopIteration as e:
    print("StopIteration", e.args)
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    list(zip(1, 2))
except TypeError as e:
    print("TypeError:", e)
print(list(zip("abc", range(5), strict=False)))
try:
    list(zip("abc", range(5), strict=True))
except ValueError as e:
    print("ValueError:", e)
