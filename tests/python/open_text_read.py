# Reading text files: read(n), readline(limit), readlines(hint), iteration,
# multi-byte UTF-8, empty files and files without a final newline.
from _helper_tmpfiles import TmpFiles

tmp = TmpFiles("open_text_read")
p = tmp.path("text.txt")
with open(p, "w", encoding="utf-8") as f:
    n = f.write("first line\nsecond: héllo wörld ☃\n\nfourth € 𝄞 end\nno newline")
    print("wrote", n)

with open(p, encoding="utf-8") as f:
    print(repr(f.read(5)), repr(f.read(0)), repr(f.read(7)))
    print(repr(f.readline()))
    print(repr(f.readline(3)), repr(f.readline(100)))
    print(repr(f.readline()), repr(f.readline(-1)))
    print(repr(f.read()))
    print(repr(f.read()), repr(f.readline()), repr(f.read(3)))

with open(p, encoding="utf-8") as f:
    print(f.readlines())
with open(p, encoding="utf-8") as f:
    print(f.readlines(5))
    print(f.readlines(0))
with open(p, encoding="utf-8") as f:
    print(f.readlines(None))
with open(p, encoding="utf-8") as f:
    for i, line in enumerate(f):
        print(i, repr(line), len(line))
with open(p, encoding="utf-8") as f:
    print(list(f) == open(p, encoding="utf-8").readlines())
with open(p, encoding="utf-8") as f:
    it = iter(f)
    print(it is f, repr(next(it)), repr(f.readline()))
    print([len(x) for x in f])
    try:
        next(f)
    except StopIteration:
        print("StopIteration at the end")

# read(n) counts characters, not bytes.
with open(p, encoding="utf-8") as f:
    f.readline()
    print(repr(f.read(10)), repr(f.read(6)))

# size arguments.
with open(p) as f:
    for size in [None, -1, -5, True]:
        f.seek(0)
        print(size, repr(f.read(size))[:20])
    for bad in [1.5, "3", []]:
        try:
            f.read(bad)
        except TypeError as e:
            print("read", type(bad).__name__, e)
        try:
            f.readline(bad)
        except TypeError as e:
            print("readline", type(bad).__name__, e)

# An empty file.
e = tmp.path("empty.txt")
open(e, "w").close()
with open(e) as f:
    print(repr(f.read()), repr(f.readline()), f.readlines(), list(f))

# A file of newlines only, and a long line.
q = tmp.path("long.txt")
with open(q, "w") as f:
    f.write("\n\n\n" + "x" * 20000 + "\n" + "ab" * 5000)
with open(q) as f:
    lines = f.readlines()
    print(len(lines), [len(x) for x in lines])
with open(q) as f:
    f.readline()
    print(len(f.readline(10000)), len(f.readline(10000)))
    print(len(f.readline()))
    print(len(f.readline()), repr(f.readline()))

tmp.cleanup()
