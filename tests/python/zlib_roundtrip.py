# zlib: checksums, one-shot and streaming (de)compression with every window
# form, flush modes, max_length / unconsumed_tail, zdict, and the errors.
import zlib


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


data = bytes(range(256)) * 300 + b"the quick brown fox jumps over the lazy dog " * 800
print(sorted(n for n in dir(zlib) if not n.startswith("__")))
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_MEM_LEVEL, zlib.DEF_BUF_SIZE, zlib.Z_FINISH)

# checksums
print(zlib.crc32(data), zlib.adler32(data))
print(zlib.crc32(b"abc", 123), zlib.adler32(b"abc", 2**40 + 5), zlib.crc32(b"", -1))
print(zlib.crc32(bytearray(b"xyz")), zlib.adler32(memoryview(b"xyz")))
crc = 0
for i in range(0, len(data), 1000):
    crc = zlib.crc32(data[i:i + 1000], crc)
print(crc == zlib.crc32(data))

# one-shot, every level, every window form
for lvl in range(-1, 10):
    c = zlib.compress(data, lvl)
    print(lvl, zlib.decompress(c) == data, len(c) < len(data) or lvl == 0)
print(zlib.compress(b"hello", 0))
for wb in (9, 12, 15, -9, -15, 25, 31):
    c = zlib.compress(data, 6, wb)
    back = [zlib.decompress(c, wb) == data]
    if wb > 0:
        back.append(zlib.decompress(c, wb + 32 if wb < 16 else 47) == data)
        back.append(zlib.decompress(c, 0 if wb < 16 else wb) == data)
    print(wb, c[:2] if wb > 16 else "", back)
print(zlib.decompress(zlib.compress(b"")), zlib.decompress(zlib.compress(b"x"), bufsize=1))

# streaming compression with flush modes
co = zlib.compressobj(9, zlib.DEFLATED, -12, 9, zlib.Z_FILTERED)
out = co.compress(data[:1000]) + co.flush(zlib.Z_SYNC_FLUSH)
print(out[-4:])  # a sync flush ends with an empty stored block
out += co.compress(data[1000:5000]) + co.flush(zlib.Z_FULL_FLUSH)
out += co.compress(data[5000:]) + co.flush(zlib.Z_NO_FLUSH) + co.flush()
t(lambda: co.compress(b"more"))
t(lambda: co.flush())

# streaming decompression in small steps
do = zlib.decompressobj(-12)
r = b""
chunk = out
steps = 0
while chunk:
    r += do.decompress(chunk, 1000)
    chunk = do.unconsumed_tail
    steps += 1
r += do.flush()
print(r == data, do.eof, do.unused_data, steps > 10)

# byte by byte, with trailing data
z = zlib.compress(b"payload" * 50) + b"TRAILER"
do = zlib.decompressobj()
parts = [do.decompress(z[i:i + 1]) for i in range(len(z))]
print(b"".join(parts) == b"payload" * 50, do.eof, do.unused_data)
print(do.decompress(b"more"), do.unused_data)

# flush of a truncated stream returns what it has
do = zlib.decompressobj()
part = do.decompress(zlib.compress(data)[:300], 100)
rest = do.flush()
print(len(part), (part + rest) == data[:len(part + rest)], do.eof)

# preset dictionaries
zd = b"the quick brown fox"
co = zlib.compressobj(zdict=zd)
z = co.compress(b"the quick brown fox jumps") + co.flush()
t(lambda: zlib.decompress(z))
print(zlib.decompressobj(zdict=zd).decompress(z))
t(lambda: zlib.decompressobj().decompress(z))
co = zlib.compressobj(wbits=-15, zdict=zd)
z = co.compress(b"the quick brown fox again") + co.flush()
print(zlib.decompressobj(wbits=-15, zdict=zd).decompress(z))

# errors
for f in [
    lambda: zlib.decompress(b"abc"),
    lambda: zlib.decompress(zlib.compress(b"hello")[:-3]),
    lambda: zlib.decompress(b"", 99),
    lambda: zlib.compress(b"x", 10),
    lambda: zlib.compress(b"x", wbits=99),
    lambda: zlib.decompressobj(99),
    lambda: zlib.decompressobj(wbits=-7),
    lambda: zlib.compressobj(wbits=99),
    lambda: zlib.compressobj(memLevel=99),
    lambda: zlib.compressobj(strategy=99),
    lambda: zlib.compressobj(method=7),
    lambda: zlib.decompressobj().decompress(b"x", -1),
    lambda: zlib.decompressobj().flush(0),
    lambda: zlib.decompress(b"x", bufsize=-1),
    lambda: zlib.decompressobj(zdict=1),
    lambda: zlib.compressobj(zdict=1),
    lambda: zlib.crc32("x"),
    lambda: zlib.compress("x"),
    lambda: zlib.decompress(b"x\x9c\x01\x02"),
]:
    t(f)
print(issubclass(zlib.error, Exception), zlib.error.__module__)
print(type(zlib.compressobj()).__name__, type(zlib.decompressobj()).__name__)
