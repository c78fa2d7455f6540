# bytearray's mutating methods and in-place operators.
from _helper_check import t

b = bytearray(b"abc")
t("append", lambda: (b.append(100), b)[1])
t("append big", lambda: b.append(256))
t("append str", lambda: b.append("x"))
t("extend list", lambda: (b.extend([101, 102]), b)[1])
t("extend bytes", lambda: (b.extend(b"gh"), b)[1])
t("extend gen", lambda: (b.extend(x for x in b"i"), b)[1])
t("extend self", lambda: (b.extend(b), len(b))[1])
t("extend int", lambda: b.extend(5))
t("extend str", lambda: b.extend("ab"))
t("extend bad item", lambda: b.extend([1, 300]))
b = bytearray(b"abc")
t("insert", lambda: (b.insert(1, 120), b.insert(-1, 121), b.insert(100, 122), b.insert(-100, 119), b)[4])
t("insert bad", lambda: b.insert(0, 256))
t("pop", lambda: [b.pop(), b.pop(0), b.pop(-2), b])
t("pop range", lambda: b.pop(10))
t("remove", lambda: (b.remove(98), b)[1])
t("remove missing", lambda: b.remove(200))
t("remove range", lambda: b.remove(300))
t("clear", lambda: (b.clear(), b)[1])
t("pop empty", lambda: b.pop())
b = bytearray(b"hello")
c = b.copy()
c[0] = 72
t("copy", lambda: [b, c, type(c).__name__])
t("reverse", lambda: (b.reverse(), b)[1])
b = bytearray(b"ab")
b += b"cd"
t("+=", lambda: b)
b += memoryview(b"e")
t("+= mv", lambda: b)
t("+= str", lambda: b.__iadd__("x"))
b *= 2
t("*=", lambda: b)
b *= 0
t("*= 0", lambda: b)
x = bytearray(b"xy")
y = x
x += b"z"
x *= 2
t("same object", lambda: [x is y, y])
t("__alloc__ ok", lambda: x.__alloc__() > len(x))
t("__reduce__", lambda: bytearray(b"a\xff").__reduce__())
t("__reduce_ex__", lambda: bytearray(b"ab").__reduce_ex__(4))
t("hash", lambda: hash(bytearray()))
t("__init__ again", lambda: (x.__init__(b"new"), x)[1])
t("__init__ empty", lambda: (x.__init__(), x)[1])
