# gc-stress: 20
# array: copying, __reduce_ex__, pickling with every protocol, and
# _array_reconstructor with foreign machine formats. (Collections every 20
# safepoints: importing the pure-Python pickle is slow under full stress.)
import array
from array import array as A
import copy
import pickle


def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)


# copying and pickling
orig = A("l", [1, -2, 3])
print(copy.copy(orig), copy.deepcopy(orig), copy.copy(orig) is orig)
print(orig.__reduce_ex__(2))
print(A("u", "ab").__reduce_ex__(3)[1][1:])
print(A("d", [1.5]).__reduce_ex__(4)[1][1:])
for proto in (0, 1, 2, 3):  # 4 and 5 need io.BytesIO.getbuffer
    for code in array.typecodes:
        x = A(code, "xyz" if code == "u" else [1, 2, 3])
        y = pickle.loads(pickle.dumps(x, proto))
        assert y == x and y.typecode == code, (proto, code)
print("pickle ok")
rec = array._array_reconstructor
print(rec(A, "i", 9, b"\x00\x00\x00\x01"), rec(A, "h", 2, b"\xff\xff"), rec(A, "d", 15, b"?\xc0\x00\x00"))
print(rec(A, "b", 4, b"\x01\x80"), rec(A, "l", 10, b"\xff" * 8), rec(A, "f", 17, b"?\xf8" + bytes(6)))
print(rec(A, "u", 18, "hi".encode("utf-16-le")), rec(A, "q", 13, (2**40).to_bytes(8, "big")))
t(lambda: rec(A, "i", 99, b""))
t(lambda: rec(A, "x", 0, b""))
t(lambda: rec(int, "i", 0, b""))
t(lambda: rec(1, "i", 0, b""))
t(lambda: rec(A, "i", 8, "s"))


class MyArray(A):
    pass


s = MyArray("i", [1, 2, 3])
s.tag = "t"
u2 = pickle.loads(pickle.dumps(s, 3))
print(type(u2).__name__, u2, u2.tag)
print(s.__reduce_ex__(2)[2])
import math
print(pickle.loads(pickle.dumps(math.sqrt, 2)), pickle.loads(pickle.dumps([1, 2].append, 2))([3]))
print(math.sqrt.__reduce__(), [].append.__reduce__()[1])
