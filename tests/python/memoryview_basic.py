# memoryview over bytes and bytearray: items, slices, attributes, writes.
from _helper_check import t

m = memoryview(b"hello")
t("attrs", lambda: [m.readonly, m.nbytes, m.format, m.itemsize, m.ndim, m.shape, m.strides, m.suboffsets, m.contiguous, m.c_contiguous, m.f_contiguous])
t("obj", lambda: m.obj)
t("items", lambda: [m[0], m[-1], len(m), list(m)])
t("slice", lambda: [m[1:3].tobytes(), m[::2].tobytes(), m[::-1].tobytes(), m[1:3][1], m[::2].strides])
t("tolist", lambda: m[::2].tolist())
t("tobytes", lambda: [m.tobytes(), bytes(m), bytearray(m), m.tobytes("A")])
t("hex", lambda: [m.hex(), m.hex(":", 2)])
t("readonly write", lambda: m.__setitem__(0, 1))
t("index range", lambda: m[10])
t("index type", lambda: m["a"])
t("del", lambda: m.__delitem__(0))
t("join", lambda: b"".join([m, memoryview(b"!")]))
t("in", lambda: [104 in m, 7 in m])
ba = bytearray(b"hello")
w = memoryview(ba)
w[0] = 72
w[1:3] = b"EL"
w[-1:] = bytearray(b"O")
t("writes", lambda: [ba, w.readonly])
t("write bad", lambda: w.__setitem__(0, 256))
t("write type", lambda: w.__setitem__(0, b"a"))
t("write struct", lambda: w.__setitem__(slice(0, 2), b"abc"))
ws = w[::2]
ws[0] = 33
t("strided write", lambda: [ba, ws.tolist()])
t("tobytes order", lambda: m.tobytes("X"))
t("of memoryview", lambda: [memoryview(w).obj is ba, memoryview(m)[1]])
t("not buffer", lambda: memoryview("abc"))
t("not buffer int", lambda: memoryview(5))
t("toreadonly", lambda: [w.toreadonly().readonly, w.toreadonly().tobytes()])
t("ro write", lambda: w.toreadonly().__setitem__(0, 1))
t("ellipsis", lambda: m[...].tobytes())
t("str", lambda: str(b"x" == memoryview(b"x")))
t("empty", lambda: [memoryview(b"").tolist(), len(memoryview(b"")), memoryview(b"")[:].nbytes])
