# gc-stress: 5
# print() into files of each mode, flush=True reaching the file at once,
# print to sys.stderr (nothing on stdout), and big outputs.
import sys
from _helper_tmpfiles import TmpFiles

tmp = TmpFiles("print_file")
p = tmp.path("p.txt")


def disk():
    with open(p, "rb") as r:
        return r.read()


with open(p, "w") as f:
    print("line", 1, file=f)
    print(disk())
    print("flushed", file=f, flush=True)
    print(disk())
    print("é", "𝄞", sep="|", end="", file=f)
print(disk())

with open(p, "w", newline="\r\n") as f:
    print("crlf", "text", file=f)
print(disk())

with open(p, "a", encoding="latin-1") as f:
    print("caf\xe9", file=f)
print(disk())

with open(p, "wb") as f:
    try:
        print("to binary", file=f)
    except TypeError as e:
        print("TypeError", e)

# stderr gets nothing on stdout.
print("to stderr", file=sys.stderr)
print(sys.stderr.write("") , sys.stderr.flush())

# Many prints.
with open(p, "w") as f:
    for i in range(3000):
        print(i, i * i, sep=":", file=f)
data = disk()
print(len(data), data[:12], data[-14:], data.count(b"\n"))

# Printing to a closed file.
f = open(p, "w")
f.close()
try:
    print("closed", file=f)
except ValueError as e:
    print("ValueError", e)

tmp.cleanup()
