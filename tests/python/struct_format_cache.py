# struct: module functions with repeated formats (str and bytes, equal
# text), Struct objects re-initialized with another format, iter_unpack
# from a Struct, errors for bad formats (not cached).
import struct

for fmt in ("<iid", b"<iid", "<iid", ">HhB", b">HhB", "3s2x?", "@qd"):
    for k in range(3):
        n = struct.calcsize(fmt)
        if fmt in ("3s2x?",):
            b = struct.pack(fmt, b"abc", k % 2 == 0)
        elif fmt in ("@qd",):
            b = struct.pack(fmt, k, k / 2)
        elif fmt in (">HhB", b">HhB"):
            b = struct.pack(fmt, 60000 + k, -k, k)
        else:
            b = struct.pack(fmt, k, -k, 1.5 * k)
        print(fmt, n, b.hex(), struct.unpack(fmt, b), struct.unpack_from(fmt, b + b"xx", 0))

s = struct.Struct("<I")
print(s.format, s.size, s.pack(7).hex())
s.__init__(">hh")
print(s.format, s.size, s.pack(1, -2).hex(), s.unpack(b"\x00\x01\xff\xfe"))
print(list(s.iter_unpack(bytes(range(8)))))
s.__init__("<b")
print(list(s.iter_unpack(bytes(range(3)))), s.unpack(b"\x80"))

for bad in ("<z", "ii\0", 5, "é"):
    for _ in range(2):
        try:
            struct.pack(bad, 1)
        except (struct.error, TypeError, UnicodeEncodeError) as e:
            print(type(e).__name__, e)
try:
    struct.pack("<ii", 1)
except struct.error as e:
    print("error:", e)
print(len({struct.calcsize("%di" % i) for i in range(300)}))
