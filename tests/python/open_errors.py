# open() errors: OSError subclasses with errno/strerror/filename, argument
# type errors, closefd and opener rules.
from _helper_tmpfiles import TmpFiles

tmp = TmpFiles("open_errors")


def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
        if hasattr(r, "close"):
            r.close()
    except Exception as e:
        print(label, "!!", type(e).__name__, tmp.clean(str(e)))


missing = tmp.path("missing.txt")
try:
    open(missing)
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, tmp.short(e.filename), e.filename2)
    print(e.args, isinstance(e, OSError))
    print(tmp.clean(str(e)))
except Exception as e:
    print("unexpected", type(e).__name__)

for mode in ["r", "rb", "r+", "rb+"]:
    t("missing " + mode, lambda: open(missing, mode))

t("missing dir w", lambda: open(tmp.path("nodir") + "/x.txt", "w"))

# A directory.
for mode in ["r", "rb", "w", "a"]:
    try:
        open(tmp.dir(), mode)
    except IsADirectoryError as e:
        print("isdir", mode, e.errno, e.strerror)
    except Exception as e:
        print("isdir", mode, type(e).__name__, e.errno)

# Exclusive creation.
p = tmp.path("exists.txt")
with open(p, "x") as f:
    f.write("one")
try:
    open(p, "x")
except FileExistsError as e:
    print("exists", e.errno, e.strerror, tmp.short(e.filename))
try:
    open(p, "xb")
except OSError as e:
    print("exists b", type(e).__name__, e.errno)
with open(p) as f:
    print(f.read())

# A file used as a directory.
try:
    open(p + "/sub")
except NotADirectoryError as e:
    print("notdir", e.errno, e.strerror)

# Argument types.
t("float file", lambda: open(1.5))
t("list file", lambda: open([]))
t("None file", lambda: open(None))
t("encoding type", lambda: open(p, encoding=3))
t("errors type", lambda: open(p, errors=3))
t("newline type", lambda: open(p, newline=3))
t("newline value", lambda: open(p, newline="x"))
t("newline value2", lambda: open(p, newline="\n\n"))
t("bad encoding", lambda: open(p, encoding="no-such-codec"))
t("binary encoding", lambda: open(p, "rb", encoding="utf-8"))
t("binary errors", lambda: open(p, "rb", errors="strict"))
t("binary newline", lambda: open(p, "rb", newline=""))
t("binary newline None", lambda: open(p, "rb", newline=None).read())
t("closefd name", lambda: open(p, closefd=False))
t("negative fd", lambda: open(-1))
t("bad fd", lambda: open(987654))
t("embedded nul", lambda: open(p + "\0x"))

# opener.
seen = []


def opener(path, flags):
    seen.append(tmp.short(path))
    return open(path, "rb", buffering=0, closefd=False).fileno() if False else -1


t("opener -1", lambda: open(p, opener=opener))
print(seen)
t("opener str", lambda: open(p, opener=lambda path, flags: "3"))


def raising(path, flags):
    raise KeyError("from opener")


t("opener raises", lambda: open(p, opener=raising))

# An opener that opens the file itself (through another FileIO).
keep = []


def good_opener(path, flags):
    raw = open(path, "rb", buffering=0)
    keep.append(raw)
    return raw.fileno()


f = open(p, "rb", buffering=0, opener=good_opener)
print(f.read(), f.closefd, tmp.short(f.name))
f.close()
# The descriptor is closed already: the other object fails to close it.
for r in keep:
    try:
        r.close()
    except OSError as e:
        print("second close:", e.errno, r.closed)

# closefd=False with a descriptor leaves it open.
src = open(p, "rb", buffering=0)
g = open(src.fileno(), "rb", closefd=False)
print(g.read(), g.name == src.fileno(), g.raw.closefd)
g.close()
src.seek(0)
print(src.read(), src.closed)
src.close()

tmp.cleanup()
