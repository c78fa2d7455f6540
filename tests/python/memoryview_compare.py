# memoryview equality and hashing.
from _helper_check import t

a = memoryview(b"abc")
t("eq bytes", lambda: [a == b"abc", b"abc" == a, a == bytearray(b"abc"), a == b"abd", a != b"x"])
t("eq mv", lambda: [a == memoryview(b"abc"), a == memoryview(b"abcd"), a[::2] == b"ac"])
t("eq other", lambda: [a == "abc", a == 1, a == [97, 98, 99]])
t("order", lambda: a < b"b")
t("hash", lambda: hash(a) == hash(b"abc"))
t("hash slice", lambda: hash(a[1:]) == hash(b"bc"))
t("hash writable", lambda: hash(memoryview(bytearray(b"x"))))
i = memoryview(bytes(8)).cast("i")
t("hash fmt", lambda: hash(i))
t("cast eq", lambda: [i == memoryview(bytes(8)).cast("i"), i == memoryview(bytes(8)), i.tolist() == [0, 0]])
f = memoryview(bytearray(8)).cast("d")
t("float eq int", lambda: f == memoryview(bytearray(16)).cast("Q")[:1])
t("self eq", lambda: a == a)
t("bool", lambda: [bool(memoryview(b"")), bool(a)])
