# Reading with each newline mode: None (universal, translated), ''
# (universal, untranslated), '\n', '\r', '\r\n'; the newlines attribute;
# readline and iteration across the endings.
from _helper_tmpfiles import TmpFiles

tmp = TmpFiles("open_newline_read")
p = tmp.path("mixed.txt")
raw = b"unix\nmac\rwindows\r\nlast\r\r\n\n\r"
with open(p, "wb") as f:
    f.write(raw)

for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(p, newline=nl) as f:
        print(repr(nl), "newlines before:", f.newlines)
        print("  read:", repr(f.read()))
        print("  newlines:", f.newlines)
    with open(p, newline=nl) as f:
        print("  lines:", f.readlines())
    with open(p, newline=nl) as f:
        out = []
        while True:
            line = f.readline()
            if not line:
                break
            out.append(line)
        print("  readline:", out)
    with open(p, newline=nl) as f:
        print("  limit 3:", [f.readline(3) for _ in range(6)])
    with open(p, newline=nl) as f:
        print("  read(4):", [f.read(4) for _ in range(6)])

# newlines grows as kinds are seen.
q = tmp.path("grow.txt")
with open(q, "wb") as f:
    f.write(b"a\nb\r\nc\rd")
with open(q) as f:
    seen = []
    for line in f:
        seen.append(f.newlines)
    print(seen)
with open(q, newline="") as f:
    seen = []
    for line in f:
        seen.append(f.newlines)
    print(seen)

# A \r\n split by the chunk size still counts as one ending.
r = tmp.path("split.txt")
with open(r, "wb") as f:
    f.write(b"x" * 8191 + b"\r\n" + b"y\r" + b"z" * 8190 + b"\r\nend")
for nl in [None, "", "\r\n", "\r"]:
    with open(r, newline=nl) as f:
        lines = f.readlines()
        print(repr(nl), [len(x) for x in lines], [x[-2:] for x in lines])

tmp.cleanup()
