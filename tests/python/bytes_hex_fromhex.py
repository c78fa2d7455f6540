# bytes.hex with separators and group sizes; fromhex whitespace rules.
from _helper_check import t

data = bytes(range(1, 8))
for sep in [None, ":", b"-", " "]:
    for n in [1, 2, 3, -2, -3, 7, 8, -8, 0]:
        if sep is None:
            t("hex none %d" % n, lambda: data.hex())
        else:
            t("hex %r %d" % (sep, n), lambda: [data.hex(sep, n), bytearray(data).hex(sep, n), memoryview(data).hex(sep, n)])
t("hex kw", lambda: data.hex(sep="|", bytes_per_sep=4))
t("hex empty", lambda: [b"".hex(":"), b"a".hex(":")])
t("hex big per", lambda: data.hex(":", 2**40))
t("fromhex ws", lambda: [bytes.fromhex(" 0a\t0B\n0c\r\x0b\x0c "), bytes.fromhex("")])
t("fromhex split pair", lambda: bytes.fromhex("0 a"))
t("fromhex unicode ws", lambda: bytes.fromhex("0a\u3000"))
t("fromhex nonascii", lambda: bytes.fromhex("é"))
t("fromhex trailing", lambda: bytes.fromhex("0a0"))
t("roundtrip", lambda: bytes.fromhex(data.hex(" ")) == data)
