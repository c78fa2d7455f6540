# Tuples: construction, packing/unpacking, immutability, comparison,
# hashing, methods, nested tuples.

t = (1, "two", 3.0, None, (5, 6))
print(t, len(t), t[0], t[-1], t[-1][0], t[1:3], t[::-1], t[::2], type(t).__name__)
print((), (1,), (1), tuple(), tuple([1, 2]), tuple("abc"), tuple(range(3)), tuple({1: 2, 3: 4}))
print(repr(()), repr((1,)), repr(((),)), repr(((1,),)), str((None, True)), ("a",) * 3, (1, 2) + (3,), 2 * (0,))
a, b, c = 1, 2, 3
print(a, b, c)
a, b = b, a
print(a, b)
(p, q), r = (1, 2), 3
print(p, q, r)
x = 1, 2
print(x, type(x).__name__)
first, *rest = t
print(first, rest)
*init, last = (1, 2, 3, 4)
print(init, last)
head, *mid, tail = "abcde"
print(head, mid, tail)
print(t.count(3.0), (1, 1, 2, 1).count(1), (1, 2, 3).index(2), (1, 2, 3, 2).index(2, 2))
try:
    (1, 2).index(5)
except ValueError as e:
    print("ValueError:", e)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    del t[0]
except TypeError as e:
    print("TypeError:", e)
try:
    t[10]
except IndexError as e:
    print("IndexError:", e)
try:
    a, b = (1, 2, 3)
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = (1, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), () < (0,), (1, "a") == (1, "a"), (1, 2) != (2, 1))
print((1, 2) == [1, 2], sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]), max([(1, 2), (1, 3), (0, 9)]))
try:
    print((1, "a") < (1, 2))
except TypeError as e:
    print("TypeError:", e)
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), hash((1, (2, 3))) == hash((1, (2, 3))))
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
inner = [1, 2]
tt = (inner, 3)
inner.append(99)
print(tt)
tt[0].append(100)
print(tt)
try:
    tt[0] += [5]
except TypeError as e:
    print("TypeError:", e)
print(tt)
print(1 in t, "two" in t, (5, 6) in t, 5 in t, [] in ((),), () in ((),))
print(list(enumerate(("x", "y"))), list(zip((1, 2), ("a", "b"))), dict([(1, "a"), (2, "b")]))
coords = [(0, 0), (1, 2), (-3, 4)]
for i, (cx, cy) in enumerate(coords):
    print(i, cx, cy, (cx ** 2 + cy ** 2) ** 0.5)
print(tuple(x * 2 for x in range(4)), tuple(reversed((1, 2, 3))), sum((1, 2, 3)), min((4, 2, 8)))
nested = ((1, 2), (3, (4, (5, (6,)))))
print(nested, nested[1][1][1][1][0], len(nested[1][1]))
print((1, 2, 3)[5:], (1, 2, 3)[-10:2], (0,) * 0, tuple(tuple(range(i)) for i in range(4)))
