# Binary files: read, read1, readinto, readinto1, peek, readline,
# readlines, iteration, write/writelines with bytes-like objects, seek/tell
# and truncate through BufferedReader, BufferedWriter and BufferedRandom.
from _helper_tmpfiles import TmpFiles

tmp = TmpFiles("open_binary")
p = tmp.path("data.bin")

with open(p, "wb") as f:
    print(type(f).__name__, f.write(b"line1\nline2\n"), f.write(bytearray(b"\x00\xff")),
          f.write(b""), f.tell())
    print(f.writelines([b"a", bytearray(b"b"), b"\n"]), f.tell())
    for bad in ["str", 5, None, [1, 2]]:
        try:
            f.write(bad)
        except TypeError as e:
            print("write", e)
    try:
        f.read()
    except Exception as e:
        print(type(e).__name__, e)

with open(p, "rb") as f:
    print(type(f).__name__, f.read(3), f.read1(4), f.peek()[:5], f.read(0))
    print(f.readline(), f.readline(2), f.readline(), f.readline(), f.readline())
    print(f.tell(), f.seek(0), f.readlines())
    print(f.seek(0), list(f))
    print(f.seek(-3, 2), f.read(), f.seek(2), f.seek(3, 1), f.read(2), f.tell())
    b = bytearray(5)
    f.seek(0)
    print(f.readinto(b), b, f.readinto1(b), b)
    b = bytearray(100)
    print(f.readinto(b), bytes(b[:10]))
    print(f.readinto(bytearray()), f.read(), f.read1(5), f.peek())
    try:
        f.readinto(b"immutable")
    except TypeError as e:
        print("readinto", e)
    for bad in [-2, -10]:
        try:
            f.read(bad)
        except ValueError as e:
            print("read", bad, e)
    try:
        f.seek(0, 5)
    except ValueError as e:
        print("seek", e)
    try:
        f.seek(-100)
    except OSError as e:
        print("seek", type(e).__name__, e.errno)
    try:
        f.write(b"x")
    except Exception as e:
        print(type(e).__name__, e)
    try:
        f.truncate()
    except Exception as e:
        print(type(e).__name__, e)

# Append and read-write.
with open(p, "ab") as f:
    print(f.tell(), f.write(b"tail"), f.tell())
with open(p, "r+b") as f:
    print(type(f).__name__, f.read(5), f.tell())
    print(f.write(b"XY"), f.tell())
    print(f.read(4), f.tell())
    print(f.seek(0), f.read())
    print(f.truncate(8), f.tell())
    print(f.seek(0), f.read())
    print(f.truncate(), f.seek(0, 2))
    f.seek(20)
    f.write(b"!")
    f.seek(0)
    print(f.read())
with open(p, "w+b") as f:
    print(f.read(), f.write(b"0123456789"), f.seek(3), f.read(2), f.peek()[:2])
    print(f.write(b"ab"), f.tell(), f.seek(0), f.read())
    print(f.read1(), f.readline())

# Big reads and writes pass the buffer size.
q = tmp.path("big.bin")
data = bytes(range(256)) * 200
with open(q, "wb") as f:
    print(f.write(data[:10]), f.write(data[10:20000]), f.write(data[20000:]))
with open(q, "rb") as f:
    parts = [f.read(10), f.read(9000), f.read1(100000), f.read(20000), f.read()]
    print([len(x) for x in parts], b"".join(parts) == data)
with open(q, "rb", buffering=16) as f:
    print(f.read(5), f.peek()[:3], len(f.peek()), f.read(20)[:3], len(f.read()))
with open(q, "rb") as f:
    f.seek(51199)
    print(f.read(), f.read(), f.tell())

tmp.cleanup()
