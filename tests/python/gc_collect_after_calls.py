# gc.collect() frees objects that are no longer referenced even when the
# program has just called their methods (the interpreter must not keep
# them alive through leftovers of those calls), and a file written with
# open(p, 'w').write(s) and dropped is closed (so flushed) by it.
import collections
import gc
import io
import os
import tempfile
import weakref


class C:
    def m(self):
        return 1


def make(kind, path):
    if kind == "instance_method":
        o = C()
        o.m()
    elif kind == "deque_append":
        o = collections.deque()
        o.append(1)
    elif kind == "bytesio_write":
        o = io.BytesIO()
        o.write(b"x")
    elif kind == "file_write":
        o = open(path, "w")
        o.write("x")
    elif kind == "file_tell":
        o = open(path, "rb")
        o.tell()
    else:
        o = C()
    return weakref.ref(o)


d = tempfile.mkdtemp()
path = os.path.join(d, "f.txt")
open(path, "w").close()
for kind in ["plain", "instance_method", "deque_append", "bytesio_write", "file_write", "file_tell"]:
    r = make(kind, path)
    gc.collect()
    print(kind, r() is None)


def write(p, s):
    open(p, "w").write(s)


write(path, "in a function\n")
gc.collect()
with open(path) as f:
    print(repr(f.read()))

open(path, "w").write("at module level\n")
gc.collect()
with open(path) as f:
    print(repr(f.read()))

os.remove(path)
os.rmdir(d)
