# gc-stress: 20
# faulthandler: enable/disable round trip, dump_traceback of one thread and
# of all threads, dump_traceback_later, register (user signal), argument
# errors, and the report of a fatal signal in a child process. Thread ids
# are masked; only this file's frames are shown (stdlib paths differ).
import faulthandler
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.basename(__file__)


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


def shown(text):
    out = []
    for line in text.splitlines():
        line = re.sub(r"0x[0-9a-f]{16}", "0xID", line)
        if line.startswith("  File "):
            if HERE not in line and "\"<string>\"" not in line:
                continue
            line = line.replace(__file__, HERE)
        out.append(line)
    return out


def dumped(**kw):
    with tempfile.TemporaryFile() as f:
        faulthandler.dump_traceback(f, **kw)
        f.seek(0)
        return f.read().decode()


print(faulthandler.is_enabled())
faulthandler.enable()
print(faulthandler.is_enabled())
faulthandler.enable(all_threads=False)
print(faulthandler.disable(), faulthandler.disable(), faulthandler.is_enabled())


def inner():
    return dumped(all_threads=False)


def outer():
    return inner()


for line in shown(outer()):
    print(line)

# All threads: a worker blocked on a lock shows its frames.
lock = threading.Lock()
lock.acquire()
started = threading.Event()


def blocked_here():
    started.set()
    lock.acquire()


def worker():
    blocked_here()


t = threading.Thread(target=worker)
t.start()
started.wait()
for _ in range(200):
    text = dumped()
    if "blocked_here" in text:
        break
    time.sleep(0.01)
for line in shown(text):
    print(line)
lock.release()
t.join()

# After a timeout: every thread, none labelled current.
with tempfile.TemporaryFile() as f:
    faulthandler.dump_traceback_later(0.05, file=f)

    def sleeper():
        time.sleep(0.5)

    sleeper()
    faulthandler.cancel_dump_traceback_later()
    f.seek(0)
    for line in shown(f.read().decode()):
        print(line)

# Cancelled before it fires: nothing written.
with tempfile.TemporaryFile() as f:
    faulthandler.dump_traceback_later(30, repeat=True, file=f)
    faulthandler.cancel_dump_traceback_later()
    f.seek(0)
    print(f.read())

# A user signal.
with tempfile.TemporaryFile() as f:
    faulthandler.register(signal.SIGUSR1, file=f, all_threads=False)

    def signalled():
        os.kill(os.getpid(), signal.SIGUSR1)

    signalled()
    print(faulthandler.unregister(signal.SIGUSR1), faulthandler.unregister(signal.SIGUSR1))
    f.seek(0)
    for line in shown(f.read().decode()):
        print(line)

# Errors.
attempt(lambda: faulthandler.register(0))
attempt(lambda: faulthandler.register(signal.SIGSEGV))
attempt(lambda: faulthandler.register(100))
attempt(lambda: faulthandler.unregister(signal.SIGUSR2))
attempt(lambda: faulthandler.dump_traceback_later(0))
attempt(lambda: faulthandler.dump_traceback_later(-1.5))
attempt(lambda: faulthandler.dump_traceback_later("x"))
attempt(lambda: faulthandler.dump_traceback_later(float("nan")))
attempt(lambda: faulthandler.dump_traceback(-1))
attempt(lambda: faulthandler.dump_traceback("x"))
attempt(lambda: faulthandler.enable(1, 2, 3))


class BadFileno:
    def fileno(self):
        return -1


class StrFileno:
    def fileno(self):
        return "x"


attempt(lambda: faulthandler.dump_traceback(BadFileno()))
attempt(lambda: faulthandler.dump_traceback(StrFileno()))

# A fatal signal: the report goes to stderr, then the signal kills.
child = """
import faulthandler
faulthandler.enable(all_threads=%s)
def crash():
    faulthandler._sigsegv()
crash()
"""
for all_threads in (False, True):
    r = subprocess.run([sys.executable, "-c", child % all_threads],
                       capture_output=True)
    print(r.returncode == -signal.SIGSEGV)
    for line in shown(r.stderr.decode()):
        print(line)
r = subprocess.run([sys.executable, "-c", "import faulthandler; faulthandler._sigabrt()"],
                   capture_output=True)
print(r.returncode == -signal.SIGABRT, r.stderr)
