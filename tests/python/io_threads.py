# gc-stress: 20
# Streams shared between threads: every write() of StringIO, BytesIO, a
# text file and print() to a shared stream is whole, nothing is lost;
# threads reading lines from one file each get distinct lines, all of them.
import _thread
import sys
import _io
from _helper_tmpfiles import TmpFiles

tmp = TmpFiles("io_threads")


def run_threads(fn, n):
    done = _thread.allocate_lock()
    lock = _thread.allocate_lock()
    count = [0]
    errors = []
    done.acquire()

    def wrap(k):
        try:
            fn(k)
        except Exception as e:
            errors.append(repr(e))
        finally:
            with lock:
                count[0] += 1
                if count[0] == n:
                    done.release()

    for k in range(n):
        _thread.start_new_thread(wrap, (k,))
    done.acquire()
    return errors


expected = sorted("t%d-%d" % (k, i) for k in range(4) for i in range(200))

s = _io.StringIO()
b = _io.BytesIO()


def writers(k):
    for i in range(200):
        s.write("t%d-%d\n" % (k, i))
        b.write(("t%d-%d\n" % (k, i)).encode())


print(run_threads(writers, 4))
print(sorted(s.getvalue().splitlines()) == expected)
print(sorted(b.getvalue().decode().splitlines()) == expected)

p = tmp.path("shared.txt")
f = open(p, "w")


def file_writers(k):
    for i in range(200):
        f.write("t%d-%d\n" % (k, i))


print(run_threads(file_writers, 4))
f.close()
with open(p) as r:
    lines = r.read().splitlines()
print(len(lines), sorted(lines) == expected)

g = open(p)
got = []
glock = _thread.allocate_lock()


def readers(k):
    while True:
        line = g.readline()
        if not line:
            return
        with glock:
            got.append(line.rstrip("\n"))


print(run_threads(readers, 4))
g.close()
print(len(got), sorted(got) == expected)

saved = sys.stdout
sys.stdout = out = _io.StringIO()


def printers(k):
    for i in range(200):
        # One write per line: print() writes its argument and `end`
        # separately, and another thread may write in between.
        print("t%d-%d\n" % (k, i), end="")


errs = run_threads(printers, 4)
sys.stdout = saved
print(errs)
lines = sorted(out.getvalue().splitlines())
print(len(lines), lines == expected)
tmp.cleanup()
