# array: every type code, conversions and their errors, sequence protocol,
# slicing, comparisons, bytes/list/unicode conversions, byteswap and the
# buffer protocol (memoryview). Pickling: array_pickle.py.
import array
from array import array as A


def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)


print(array.typecodes, array.ArrayType is A, A.__module__, A.__name__)
print(sorted(n for n in dir(array) if not n.startswith("__")))

# conversions of every type code
for c in array.typecodes:
    a = A(c)
    print(c, a.typecode, a.itemsize, repr(a), len(a))
    for v in [-1, 0, 127, 128, 255, 256, 2**15, 2**31, 2**32, 2**63, 2**64, -2**31 - 1, -2**63 - 1, "a", 1.5, None]:
        t(lambda: A(c, [v]))

# construction
t(lambda: A("x"))
t(lambda: A("ii"))
t(lambda: A(1))
t(lambda: A())
t(lambda: A("i", 5))
t(lambda: A("i", b"abcd").tolist())
t(lambda: A("i", b"abc"))
t(lambda: A("h", bytearray(b"\x01\x00\x02\x00")))
t(lambda: A("u", "abc"))
t(lambda: A("i", "abc"))
t(lambda: A("b", A("i", [1, 2])))
t(lambda: A("u", A("i", [1, 2])))
t(lambda: A("i", A("u", "ab")))
t(lambda: A("d", (x / 2 for x in range(5))))
t(lambda: A("i", range(5), 1))
t(lambda: A(typecode="i"))

# sequence protocol
a = A("i", range(10))
print(len(a), a[0], a[-1], a[2:5], a[::3], a[::-2], a[5:2], 3 in a, 3.0 in a, "x" in a, 11 in a)
t(lambda: a[10])
t(lambda: a["x"])
t(lambda: a[2**100])
a[0] = 100
a[-1] = -100
t(lambda: a.__setitem__(10, 1))
t(lambda: a.__setitem__(0, "x"))
print(a)
a[1:3] = A("i", [7, 7, 7, 7])
print(a)
a[::2] = A("i", [0] * len(a[::2]))
print(a)
t(lambda: a.__setitem__(slice(0, 3, 2), A("i", [1])))
t(lambda: a.__setitem__(slice(0, 1), [1]))
t(lambda: a.__setitem__(slice(0, 1), A("b", [1])))
del a[0]
del a[::3]
del a[1:3]
print(a)
t(lambda: a.__delitem__(50))
print(list(a), list(reversed(a)), [x for x in A("d", [0.5, 1.5])])

# methods
b = A("h", [3, 1, 2, 3])
b.append(4)
b.extend([5, 6])
b.extend(A("h", [7]))
t(lambda: b.extend(A("i", [7])))
t(lambda: b.extend([8, "x"]))
print(b)
b.insert(0, -1)
b.insert(-2, 99)
b.insert(100, 100)
b.insert(-100, -100)
print(b, b.count(3), b.index(3), b.index(3, 3), b.index(3, 2, -1))
t(lambda: b.index(1000))
t(lambda: b.index(3, 0, 1))
print(b.pop(), b.pop(0), b.pop(2), b)
t(lambda: A("i").pop())
t(lambda: b.pop(50))
b.remove(3)
t(lambda: b.remove(3000))
b.reverse()
print(b)
c = A("i", [1, 2])
t(lambda: c.fromlist([3, "x"]))
print(c)
c.fromlist([3, 4])
t(lambda: c.fromlist((1,)))
c.frombytes(A("i", [5]).tobytes())
t(lambda: c.frombytes(b"abc"))
t(lambda: c.frombytes("abc"))
print(c, c.tobytes() == bytes(c), c.tolist())
u = A("u", "hé")
u.fromunicode("llo☺")
u.append("!")
print(u, u.tounicode(), u.tolist(), len(u))
t(lambda: c.fromunicode("a"))
t(lambda: u.fromunicode(1))
t(lambda: c.tounicode())
t(lambda: u.append("ab"))

# byteswap
for code in "hHiIlLqQfd":
    x = A(code, [1, 2, 3])
    x.byteswap()
    y = A(code, x.tobytes())
    y.byteswap()
    print(code, y == A(code, [1, 2, 3]), x.tobytes() == bytes(reversed(A(code, [3, 2, 1]).tobytes())))

# operators and comparisons
p, q = A("i", [1, 2]), A("i", [3])
print(p + q, p * 2, 2 * p, p * 0, p * -1)
t(lambda: p + A("b", [1]))
t(lambda: p + [1])
t(lambda: p * "a")
r = p
r += q
r *= 2
print(r, r is p)
t(lambda: r.__iadd__([1]))
print(A("i", [1, 2]) == A("i", [1, 2]), A("i", [1, 2]) == A("d", [1.0, 2.0]), A("i", [1]) != A("i", [1, 0]))
print(A("i", [1, 2]) < A("i", [1, 3]), A("i", [1, 2]) <= A("i", [1]), A("b", [5]) > A("H", [4, 9]), A("i") < A("i", [0]))
print(A("f", [float("nan")]) == A("f", [float("nan")]), A("u", "ab") < A("u", "b"))
print(A("i", [1]) == [1], A("i", [1]) != (1,))
t(lambda: A("i", [1]) < A("u", "a"))
t(lambda: hash(A("i")))

# floats
f = A("f", [0.1, 1e40, -0.0])
d = A("d", [0.1, 1e308, float("inf")])
print(f, d, f[0] == 0.1, f.tolist(), d.tolist())

# the buffer protocol
m = memoryview(A("i", [1, 2, 3]))
print(m.format, m.itemsize, m.nbytes, m.tolist(), m[1], m.readonly, m.shape)
arr = A("d", [1.0, 2.0])
with memoryview(arr) as mv:
    mv[0] = 9.5
    t(lambda: arr.append(3.0))
    t(lambda: arr.pop())
    arr[1] = 4.0
    cast = mv.cast("B")
    print(mv.tolist(), cast.nbytes)
    cast.release()
arr.append(5.0)
print(arr, bytes(A("H", [0x4142])), bytearray(A("b", [65, 66])), b"".join([A("B", b"xy"), b"z"]))
mb = memoryview(A("B", b"hello"))
print(mb[1:3].tobytes(), bytes(mb[::2]))

# subclasses
class MyArray(A):
    def total(self):
        return sum(self)


s = MyArray("i", [1, 2, 3])
s.tag = "t"
t(lambda: hash(s))
print(type(s).__name__, s, s.total(), isinstance(s, A), type(s[0:2]).__name__, type(s + s).__name__)
try:
    A[int]
except TypeError:
    print("A[int]: TypeError")
it = iter(A("b", [1, 2]))
print(type(it).__name__, next(it), next(it), next(it, "done"))
