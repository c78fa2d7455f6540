# gc-stress: 20
# Files opened for writing and never closed have their data on disk once
# the process exits: normally, through sys.exit, an uncaught exception,
# from a thread or an atexit handler. (A daemon thread's file still in
# use at exit is flushed by ftpy, not by CPython: not tested.)
import os
import subprocess
import sys
import tempfile

CHILD = r'''
import sys, threading, atexit, time
p, mode = sys.argv[1], sys.argv[2]
if mode == "module":
    open(p, "w").write("x" * 10000)
elif mode == "function":
    def f():
        g = open(p, "w")
        g.write("text\n")
    f()
elif mode == "binary":
    open(p, "wb").write(b"\x00" * 5000)
elif mode == "global":
    keep = open(p, "w", encoding="utf-16")
    keep.write("kept\n")
elif mode == "exit":
    open(p, "w").write("exit\n")
    sys.exit(3)
elif mode == "raise":
    open(p, "w").write("raise\n")
    raise SystemError("boom")
elif mode == "thread":
    t = threading.Thread(target=lambda: open(p, "w").write("thread\n"))
    t.start()
    t.join()
elif mode == "atexit":
    atexit.register(lambda: open(p, "w").write("atexit\n"))
'''

d = tempfile.mkdtemp()
path = os.path.join(d, "out")
for mode in ["module", "function", "binary", "global", "exit", "raise", "thread", "atexit"]:
    r = subprocess.run([sys.executable, "-c", CHILD, path, mode], capture_output=True)
    with open(path, "rb") as f:
        data = f.read()
    os.remove(path)
    print(mode, r.returncode, len(data), data[:8])
os.rmdir(d)
