# Descriptor plumbing: pipe/pipe2 (non-inheritable, flags), dup/dup2
# (inheritable flag), get/set_inheritable, get/set_blocking (EAGAIN as
# BlockingIOError), isatty/ttyname on pipes, get_terminal_size on a
# pipe, device_encoding, closerange, and a reader thread blocked in
# os.read while the main thread writes.
import os
import threading
from _helper_tmp import t

r, w = os.pipe()
print(type(r).__name__, r != w, os.get_inheritable(r), os.get_inheritable(w))
print(os.get_blocking(r), os.get_blocking(w))
os.set_inheritable(r, True)
print(os.get_inheritable(r))
os.set_inheritable(r, False)
print(os.get_inheritable(r))
os.set_blocking(r, False)
print(os.get_blocking(r))
t("read empty nonblocking", lambda: os.read(r, 10))
os.set_blocking(r, True)
print(os.get_blocking(r))
print(os.write(w, b"ping"), os.read(r, 10))
print(os.isatty(r), os.isatty(w), os.isatty(99999))
t("ttyname pipe", lambda: os.ttyname(r))
t("ttyname bad", lambda: os.ttyname(99999))
t("terminal size pipe", lambda: os.get_terminal_size(r))
t("terminal size bad", lambda: os.get_terminal_size(99999))
print(os.device_encoding(r))
t("device_encoding bad", lambda: os.device_encoding(99999))
d = os.dup(r)
print(d not in (r, w), os.get_inheritable(d))
os.write(w, b"via dup")
print(os.read(d, 100))
d2 = os.dup2(r, d)
print(d2 == d, os.get_inheritable(d))
d3 = os.dup2(r, d, inheritable=False)
print(d3 == d, os.get_inheritable(d))
print(os.dup2(r, r) == r)
os.close(d)
t("dup bad", lambda: os.dup(99999))
t("dup2 bad", lambda: os.dup2(99999, 50))
t("dup2 neg", lambda: os.dup2(r, -1))
t("get_inheritable bad", lambda: os.get_inheritable(99999))
t("set_inheritable bad", lambda: os.set_inheritable(99999, True))
t("get_blocking bad", lambda: os.get_blocking(99999))
t("set_blocking bad", lambda: os.set_blocking(99999, True))
t("pipe2 bad flags", lambda: os.pipe2(-1))
t("pipe args", lambda: os.pipe(1))
os.close(r)
os.close(w)
t("write closed pipe end", lambda: os.write(w, b"x"))

r, w = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
print(os.get_blocking(r), os.get_blocking(w), os.get_inheritable(r))
t("read nonblocking pipe2", lambda: os.read(r, 1))
r2, w2 = os.pipe2(0)
print(os.get_inheritable(r2), os.get_blocking(r2))
os.close(r2)
os.close(r)
t("write broken pipe", lambda: os.write(w, b"x"))
os.close(w)
os.close(w2)

# A thread blocked in read does not stop the main thread (or a collection).
r, w = os.pipe()
got = []


def reader():
    while True:
        b = os.read(r, 3)
        if not b:
            break
        got.append(b)


th = threading.Thread(target=reader)
th.start()
junk = []
for i in range(5):
    junk.append([str(j) for j in range(200)])
    os.write(w, b"abc")
os.close(w)
th.join()
os.close(r)
print(b"".join(got), len(junk))

lo, hi = os.pipe()
os.closerange(lo, hi + 1)
t("closed by closerange", lambda: os.fstat(lo))
t("closerange backwards", lambda: os.closerange(5, 1))
