# Exports: a viewed bytearray cannot resize; release() and with end it.
from _helper_check import t

ba = bytearray(b"abc")
m = memoryview(ba)
t("append", lambda: ba.append(1))
t("extend", lambda: ba.extend(b"x"))
t("pop", lambda: ba.pop())
t("clear", lambda: ba.clear())
t("del", lambda: ba.__delitem__(0))
t("iadd", lambda: ba.__iadd__(b"z"))
t("slice resize", lambda: ba.__setitem__(slice(0, 1), b"xy"))
ba[0:1] = b"X"
ba[1] = 66
t("same size ok", lambda: [ba, m.tobytes()])
m2 = m[1:]
m.release()
t("released", lambda: m[0])
t("released len", lambda: len(m))
t("released tobytes", lambda: m.tobytes())
t("released attr", lambda: m.format)
t("released release", lambda: m.release())
t("child keeps", lambda: ba.append(1))
m2.release()
t("all released", lambda: (ba.append(1), ba)[1])
with memoryview(ba) as v:
    t("inside", lambda: ba.append(2))
    t("v", lambda: v[0])
t("after with", lambda: (ba.append(3), ba)[1])
t("with released", lambda: v.tobytes())
v2 = memoryview(ba)
del v2
t("dropped view", lambda: (ba.append(4), len(ba))[1])
t("enter released", lambda: v.__enter__())
t("eq released", lambda: [v == v, v == memoryview(b"x")])
b = b"immutable"
mb = memoryview(b)
t("bytes view", lambda: [mb.obj is b, bytes(mb) == b])
x = bytearray(b"abc") + b""
mx = memoryview(x)
x[0:1] = b"Z"
x[::2] = b"QR"
t("same size exact", lambda: [x, mx.tobytes()])
t("grow exact", lambda: x.__setitem__(slice(0, 1), b"12"))
mx.release()
x[0:1] = b"12"
t("grow after release", lambda: x)
