# gc-stress: 5
# Text-mode tell()/seek(): cookies are byte positions for UTF-8 text, they
# round-trip anywhere (multi-byte characters, \r\n translation, chunk
# boundaries), iteration disables tell(), relative seeks are refused.
from _helper_tmpfiles import TmpFiles

tmp = TmpFiles("open_seek_tell")
p = tmp.path("t.txt")
with open(p, "w", encoding="utf-8") as f:
    print(f.tell(), f.write("héllo\nwörld ☃\n"), f.tell(), f.write("𝄞!\n"), f.tell())

with open(p, encoding="utf-8") as f:
    marks = []
    while True:
        pos = f.tell()
        c = f.read(1)
        if not c:
            break
        marks.append((pos, c))
    print(marks)
    print(f.tell())
    for pos, c in marks:
        f.seek(pos)
        assert f.read(1) == c, (pos, c)
    print("single chars round-trip")
    f.seek(0)
    lines = []
    while True:
        pos = f.tell()
        line = f.readline()
        if not line:
            break
        lines.append((pos, line))
    print(lines)
    for pos, line in reversed(lines):
        print(f.seek(pos), repr(f.readline()), f.tell())

# Iteration disables tell() until the end.
with open(p, encoding="utf-8") as f:
    next(f)
    try:
        f.tell()
    except OSError as e:
        print("OSError", e)
    for line in f:
        pass
    print(f.tell())
    f.seek(0)
    next(f)
    f.readline()
    try:
        f.tell()
    except OSError as e:
        print("still disabled:", e)
    f.seek(0)
    print("after seek:", f.tell())

# Relative seeks.
with open(p, encoding="utf-8") as f:
    f.read(2)
    for args in [(1, 1), (-1, 1), (1, 2), (0, 3), (-1,)]:
        try:
            f.seek(*args)
        except Exception as e:
            print(args, type(e).__name__, e)
    print(f.seek(0, 1), f.read(1))
    print(f.seek(0, 2), repr(f.read()), f.tell())

# \r\n files with translation: positions count the \r bytes.
q = tmp.path("crlf.txt")
with open(q, "wb") as f:
    f.write(b"ab\r\ncd\r\n\r\nef")
with open(q) as f:
    out = []
    while True:
        pos = f.tell()
        c = f.read(1)
        if not c:
            break
        out.append((pos, c))
    print(out)
    for pos, c in out:
        f.seek(pos)
        assert f.read(1) == c
    print("crlf round-trip")
with open(q, newline="") as f:
    print([(f.tell(), f.readline()) for _ in range(5)])

# Many lines: tell at every line across the chunk boundaries, then seek
# back to each and compare.
r = tmp.path("many.txt")
with open(r, "w", encoding="utf-8") as f:
    for i in range(1500):
        f.write("%d: %s\n" % (i, "é€𝄞"[i % 3] * (i % 17)))
with open(r, encoding="utf-8") as f:
    table = []
    while True:
        pos = f.tell()
        line = f.readline()
        if not line:
            break
        table.append((pos, line))
    print(len(table), table[0], table[-1], f.tell())
    ok = True
    for pos, line in table[::7]:
        f.seek(pos)
        if f.readline() != line:
            ok = False
    print("lines round-trip:", ok)
    # Positions after partial reads inside a line.
    f.seek(table[600][0])
    f.read(3)
    mid = f.tell()
    rest = f.read(5)
    f.seek(mid)
    print(mid - table[600][0], f.read(5) == rest)

# Seek to the end and write through 'r+'; tell after writes.
with open(p, "r+", encoding="utf-8") as f:
    f.seek(0, 2)
    print(f.tell(), f.write("end"), f.tell())
    f.seek(0)
    print(repr(f.read()))

# Writes in 'w' mode: tell is the byte count.
with open(p, "w", encoding="utf-8") as f:
    for s in ["a", "é", "€", "𝄞", "\n"]:
        f.write(s)
        print(repr(s), f.tell())
    try:
        f.seek(-1)
    except ValueError as e:
        print(e)

tmp.cleanup()
