# Files that are dropped without close() are flushed and closed when they
# are collected, in any order of the layers. CPython does it at once; a
# tracing collector when the object is found dead, which may take more than
# one gc.collect() (a stale copy of the reference on the native stack keeps
# it a little longer), so the test collects until the data is there.
import gc
import _io
from _helper_tmpfiles import TmpFiles

tmp = TmpFiles("open_gc")
p = tmp.path("g.txt")


def disk():
    with open(p, "rb") as r:
        return r.read()


def settle():
    for _ in range(50):
        gc.collect()
        if disk():
            return


def drop_text():
    f = open(p, "w")
    f.write("dropped text file")


drop_text()
settle()
print(disk())


def drop_layers():
    # The raw file is made (and registered) before the layers over it.
    raw = _io.FileIO(p, "w")
    buf = _io.BufferedWriter(raw)
    text = _io.TextIOWrapper(buf, encoding="utf-8")
    text.write("three layers")


drop_layers()
settle()
print(disk())


def drop_buffered():
    b = open(p, "wb")
    b.write(b"buffered bytes")


drop_buffered()
settle()
print(disk())


# A file kept alive is not closed by a collection.
keep = open(p, "w")
keep.write("kept")
gc.collect()
print(disk(), keep.closed)
keep.close()
print(disk())

print("last print")
tmp.cleanup()
