# range objects (len, indexing, negative steps, membership, slicing, repr,
# equality) and slice objects (indices, attributes).

rs = [range(5), range(2, 10), range(0, 10, 3), range(10, 0, -1), range(10, 0, -3), range(-5, 5, 2), range(0),
      range(5, 5), range(5, 0), range(0, 5, -1), range(-1, -10, -4), range(1, 2, 10), range(0, 10 ** 20, 10 ** 19)]
for r in rs:
    print(repr(r), len(r), list(r)[:12], bool(r), r.start, r.stop, r.step)
r = range(3, 30, 4)
print(r[0], r[-1], r[2], r[-3], r[1:4], r[::-1], r[::2], r[1:-1:3], list(r[::-2]), r[100:], r[-100:2])
print(7 in r, 8 in r, 27 in r, 31 in r, -1 in range(-5, 0), 3.0 in r, "3" in r, r.index(11), r.count(11), r.count(12))
try:
    r[7]
except IndexError as e:
    print("IndexError:", e)
try:
    r.index(4)
except ValueError as e:
    print("ValueError:", e)
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
print(range(0, 3) == range(0, 3), range(0) == range(5, 5), range(0, 3, 2) == range(0, 4, 2), range(1) == range(0, 1, 5), range(3) == [0, 1, 2])
print(list(reversed(range(5))), list(reversed(range(1, 10, 4))), sum(range(101)), max(range(-3, 3)), min(range(10, 0, -2)))
big = range(10 ** 18)
print(len(big), big[-1], big[10 ** 17], 10 ** 17 in big, big[::10 ** 17], len(big[::7]))
huge = range(10 ** 30)
print(huge[-1], 10 ** 29 in huge, huge[5:10], huge.index(12345))
try:
    len(huge)
except OverflowError as e:
    print("OverflowError:", e)
print(hash(range(3)) == hash(range(0, 3, 1)), sorted(range(5, 0, -1)), tuple(range(3)), set(range(3)))
total = 0
for i in range(10, -10, -3):
    total += i
    print(i, end=" ")
print(total)
it = iter(range(3))
print(next(it), next(it), next(it), next(it, "end"))
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, repr(slice(3)), slice(None), slice(1, None), slice(-1, None, -1))
print(s.indices(5), s.indices(20), slice(None, None, -1).indices(10), slice(-3, None).indices(10), slice(-100, 100).indices(4))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), "abcdefghij"[s], list(range(20))[s], range(20)[s])
try:
    slice(0, 1, 0).indices(5)
except ValueError as e:
    print("ValueError:", e)
for step in (1, 2, 3, -1, -2):
    for start in (None, 0, 2, -2):
        sl = slice(start, None, step)
        print(step, start, sl.indices(7), list(range(7))[sl], range(7)[sl])
