# gc-stress: 5
# Writing text: write() return values, writelines, append and exclusive
# modes, 'w+' and 'r+' (reading back what was written), write errors.
from _helper_tmpfiles import TmpFiles

tmp = TmpFiles("open_text_write")
p = tmp.path("out.txt")


def content(path):
    with open(path, "rb") as f:
        return f.read()


with open(p, "w") as f:
    print(f.write("abc"), f.write(""), f.write("héllo ☃ 𝄞\n"), f.write("x" * 10000))
    print(f.writelines(["one\n", "two\n"]), f.writelines([]), f.writelines(iter(["3", "4"])))
    for bad in [b"bytes", 3, None, ["list"]]:
        try:
            f.write(bad)
        except TypeError as e:
            print("write", e)
    try:
        f.writelines([1])
    except TypeError as e:
        print("writelines", e)
    try:
        f.writelines(5)
    except TypeError as e:
        print("writelines", e)
    try:
        f.read()
    except Exception as e:
        print(type(e).__name__, e)
data = content(p)
print(len(data), data[:40], data[-12:])

# Writing again truncates.
with open(p, "w") as f:
    f.write("new\n")
print(content(p))

# Append.
with open(p, "a") as f:
    print(f.tell())
    f.write("appended\n")
    print(f.tell())
with open(p, "a") as f:
    f.write("again\n")
print(content(p))

# 'a+' reads from where it is told to, writes at the end.
with open(p, "a+") as f:
    print(repr(f.read()))
    f.seek(0)
    print(repr(f.read(3)))
    f.write("END\n")
    f.seek(0)
    print(repr(f.read()))

# 'w+': write, seek, read back.
with open(p, "w+") as f:
    f.write("line 1\nline 2\n")
    print(f.tell())
    f.seek(0)
    print(f.readlines())
    f.write("tail\n")
    f.seek(0)
    print(repr(f.read()))

# 'r+': overwrite in place.
with open(p, "r+") as f:
    f.write("LINE")
    f.seek(0)
    print(repr(f.read()))
    f.seek(0, 2)
    f.write("more\n")
print(content(p))

# Exclusive creation.
q = tmp.path("fresh.txt")
with open(q, "x") as f:
    f.write("created")
print(content(q))
with open(tmp.path("fresh2.txt"), "x+") as f:
    f.write("rw")
    f.seek(0)
    print(f.read())

# str subclasses are written as str.
class S(str):
    pass


with open(p, "w") as f:
    print(f.write(S("sub")), f.write(S("")))
print(content(p))

# Many small writes.
with open(p, "w") as f:
    total = 0
    for i in range(2000):
        total += f.write(str(i) + ",")
    print(total)
data = content(p)
print(len(data), data[:20], data[-10:])

tmp.cleanup()
