# Slice reads, slice assignment (growing, shrinking, extended slices),
# slice deletion.

base = list(range(10))
print(base[2:5], base[:3], base[7:], base[::3], base[::-1], base[-3:], base[8:2:-2], base[100:], base[-100:2])
for start, stop, val in [(2, 5, ["a"]), (2, 5, []), (2, 2, ["x", "y"]), (0, 0, [-1]), (10, 10, [10]), (-2, None, "ZZ"),
                         (None, None, []), (5, 2, ["q"]), (3, 4, range(3)), (100, 200, [1]), (-100, 1, [0, 0])]:
    l = list(range(10))
    l[start:stop] = val
    print(start, stop, l)
l = list(range(10))
l[::2] = "abcde"
print(l)
l[1::2] = [x * 10 for x in range(5)]
print(l)
l[::-3] = [None] * 4
print(l)
for bad in [("abc",), ["x"] * 6]:
    try:
        m = list(range(10))
        m[::2] = bad
    except ValueError as e:
        print("ValueError:", e)
m = list(range(10))
m[::1] = [7]
print(m)
l = list(range(12))
del l[1:3]
print(l)
del l[::4]
print(l)
del l[-2:]
print(l)
del l[::-2]
print(l)
del l[:]
print(l, len(l))
l = [1, 2, 3]
l[1:2] = l
print(l)
l = [1, 2, 3]
l[:] = l[::-1]
print(l)
l[len(l):] = [4, 5]
l[:0] = [0]
print(l)
a = [1, 2, 3, 4]
b = a[:]
b[0] = 99
print(a, b, a[:] == a, a[:] is a)
s = slice(1, 3)
a[s] = ["S"]
print(a)
try:
    a[1:2] = 5
except TypeError as e:
    print("TypeError:", e)
t = list("abcdefgh")
print(t[slice(None, None, 2)], t[slice(-1, None, -3)], t[-1:-9:-1], t[7:-9:-2])
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
grid[1][1:] = ["m", "n", "o"]
print(grid)
col = [row[0] for row in grid]
print(col, [row[-1] for row in grid], grid[::-1][0][::-1])
x = list(range(5))
x[1:4] = x[3:0:-1]
print(x)
y = list(range(8))
y[2:6] = y[2:6][::-1]
print(y)
z = [0] * 5
for i in range(5):
    z[i:i + 1] = [i, i]
print(z, len(z))
