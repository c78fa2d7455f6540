# bytearray item and slice assignment and deletion.
from _helper_check import t


def fresh():
    return bytearray(b"0123456789")


b = fresh()
b[0] = 65
b[-1] = 66
t("item", lambda: b)
t("item big", lambda: b.__setitem__(0, 256))
t("item str", lambda: b.__setitem__(0, b"a"))
t("item range", lambda: b.__setitem__(20, 1))
t("key type", lambda: b.__setitem__("x", 1))
b = fresh()
b[2:5] = b"xy"
t("shrink", lambda: b)
b[0:0] = b"<<"
t("insert", lambda: b)
b[len(b):] = [33, 63]
t("append ints", lambda: b)
b[1:3] = memoryview(b"MV")
t("mv", lambda: b)
b[:] = b
t("self", lambda: b)
t("int value", lambda: fresh().__setitem__(slice(0, 2), 5))
t("str value", lambda: fresh().__setitem__(slice(0, 2), "ab"))
t("bad ints", lambda: fresh().__setitem__(slice(0, 2), [1, 256]))
b = fresh()
b[::2] = b"abcde"
t("ext", lambda: b)
b[::-3] = [1, 2, 3, 4]
t("ext neg", lambda: b)
t("ext mismatch", lambda: fresh().__setitem__(slice(None, None, 2), b"ab"))
b = fresh()
del b[0]
del b[-1]
t("del item", lambda: b)
del b[1:3]
t("del slice", lambda: b)
del b[::2]
t("del ext", lambda: b)
b = fresh()
del b[::-3]
t("del ext neg", lambda: b)
del b[100:200]
t("del empty", lambda: b)
t("del range", lambda: fresh().__delitem__(30))
b = fresh()
b[5:2] = b"XY"
t("reversed bounds", lambda: b)
b = fresh()
b[-100:2] = b""
t("clamped", lambda: b)
