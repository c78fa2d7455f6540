# List, dict, set comprehensions and generator expressions: conditions,
# nesting, scope of loop variables, evaluation order, closures inside.

print([x * x for x in range(10)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[x * y for y in range(4)] for x in range(3)])
print([c.upper() if c in "aeiou" else c for c in "comprehension"])
print([x for row in [[1, 2], [3], [], [4, 5, 6]] for x in row])
print([(i, j, k) for i in range(3) for j in range(i, 3) for k in range(j, 3) if i + j + k == 4])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([[row[i] for row in matrix] for i in range(3)], [matrix[i][i] for i in range(3)], [sum(r) for r in matrix])
print({x: x ** 3 for x in range(5)}, {k: v for k, v in zip("abc", [1, 2, 3]) if v != 2})
print({w: len(w) for w in "the quick brown the".split()}, {v: k for k, v in {"a": 1, "b": 1, "c": 2}.items()})
print(sorted({x % 5 for x in range(100)}), {len(w) for w in ["a", "bb", "cc", "d"]}, {(x, -x) for x in range(1)})
print(sum(x * x for x in range(10)), max(len(w) for w in ["ab", "abcd", "a"]), any(x > 8 for x in range(10)), all(x < 5 for x in range(10)))
gen = (x * 2 for x in range(4))
print(type(gen).__name__, next(gen), list(gen), list(gen))
print(list(x for x in "abc"), tuple(i for i in range(3)), dict((i, str(i)) for i in range(3)), set(c for c in "aab") == {"a", "b"})
print("".join(str(d) for d in range(10)), ", ".join(f"{k}={v}" for k, v in sorted({"b": 2, "a": 1}.items())))
x = "outer"
squares = [x for x in range(3)]
print(x, squares)
i = 100
pairs = [(i, j) for j in range(2)]
print(pairs)
funcs = [lambda: n for n in range(3)]
print([f() for f in funcs])
funcs2 = [(lambda n=n: n) for n in range(3)]
print([f() for f in funcs2])
def uses_enclosing():
    base = 10
    return [base + k for k in range(3)], {k: base for k in "ab"}, list(base * k for k in range(2))
print(uses_enclosing())
class K:
    items = [1, 2, 3]
    doubled = [v * 2 for v in items]
    try:
        scaled = [v * factor for v in items for factor in (1, 2)]
    except NameError as e:
        scaled = str(e)
    factor = 3
    try:
        uses_class_name = [v * factor for v in items]
    except NameError as e:
        uses_class_name = "NameError: " + str(e)
print(K.doubled, K.scaled, K.uses_class_name)
order = []
def src(name, n):
    order.append("iter " + name)
    return range(n)
result = [(a, b) for a in src("outer", 2) for b in src("inner", 2)]
print(result, order)
order.clear()
g = (v for v in src("genexpr", 2))
print(order)
print(list(g), order)
nested = [[[k for k in range(j)] for j in range(i)] for i in range(4)]
print(nested)
words = ["apple", "banana", "cherry", "date", "elderberry", "fig"]
print({w[0]: [x for x in words if x[0] == w[0]] for w in words})
print([w for w in words if len(w) > 4 and "e" in w], [len(w) for w in words if w.endswith("y")])
print([(w, i) for i, w in enumerate(words) if i % 2], [w[::-1] for w in reversed(words)][:2])
flat = [c for w in words[:2] for c in w if c not in "an"]
print(flat)
print([y for x in range(5) if (y := x * x) > 4], [z := 5, z + 1])
total = 0
running = [total := total + v for v in range(1, 6)]
print(running, total)
print([[1, 2][i] for i in (0, 1, -1)], [i for i in range(3)][::-1], [*range(3), *"ab"])
print({**{"a": 1}, **{"b": 2}, "c": 3}, {*range(3), *[3, 4]} == set(range(5)))
print(sum(1 for _ in range(1000)), sum(i for i in range(1000) if i % 7 == 0))
