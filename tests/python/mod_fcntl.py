# gc-stress: 5
# fcntl: descriptor flags, file status flags, locks (flock, lockf, F_SETLK
# through a struct), ioctl, argument errors and constants.
import fcntl
import os
import struct
import tempfile


def t(label, f, *a):
    try:
        print(label, repr(f(*a)))
    except Exception as e:
        print(label, type(e).__name__, e)


r, w = os.pipe()
flags = fcntl.fcntl(r, fcntl.F_GETFD)
print("cloexec", bool(flags & fcntl.FD_CLOEXEC))
fcntl.fcntl(r, fcntl.F_SETFD, flags & ~fcntl.FD_CLOEXEC)
print("cloexec after", bool(fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC),
      os.get_inheritable(r))
fl = fcntl.fcntl(w, fcntl.F_GETFL)
print("nonblock", bool(fl & os.O_NONBLOCK))
print("setfl", fcntl.fcntl(w, fcntl.F_SETFL, fl | os.O_NONBLOCK))
print("nonblock after", bool(fcntl.fcntl(w, fcntl.F_GETFL) & os.O_NONBLOCK),
      os.get_blocking(w))
print("wronly", fcntl.fcntl(w, fcntl.F_GETFL) & os.O_ACCMODE == os.O_WRONLY)


class F:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd


print("fileno object", fcntl.fcntl(F(r), fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
d = fcntl.fcntl(r, fcntl.F_DUPFD, 100)
print("dupfd >= 100", d >= 100)
os.close(d)
print("pipe size > 0", fcntl.fcntl(r, fcntl.F_GETPIPE_SZ) > 0)
os.close(r)
os.close(w)

t("bad fd", fcntl.fcntl, 9999, fcntl.F_GETFD)
t("negative fd", fcntl.fcntl, -1, fcntl.F_GETFD)
t("str fd", fcntl.fcntl, "x", fcntl.F_GETFD)
t("float arg", fcntl.fcntl, 0, fcntl.F_GETFD, 1.5)
t("none arg", fcntl.fcntl, 0, fcntl.F_GETFD, None)
t("bytearray arg", fcntl.fcntl, 0, fcntl.F_GETFD, bytearray(b"x"))
t("long string", fcntl.fcntl, 0, fcntl.F_GETFD, b"x" * 1025)
t("bytes arg", fcntl.fcntl, 0, fcntl.F_GETFL, b"abc")
t("str arg", fcntl.fcntl, 0, fcntl.F_GETFL, "abc")
t("one arg", fcntl.fcntl, 0)
t("four args", fcntl.fcntl, 0, 1, 2, 3)
t("big cmd", fcntl.fcntl, 0, 2 ** 40)
t("flock bad fd", fcntl.flock, 9999, fcntl.LOCK_SH)
t("flock str op", fcntl.flock, 0, "x")
t("lockf bad cmd", fcntl.lockf, 0, fcntl.LOCK_NB)
t("lockf bad fd", fcntl.lockf, 9999, fcntl.LOCK_SH)
t("ioctl bad fd", fcntl.ioctl, 9999, 1)
t("ioctl float", fcntl.ioctl, 0, 1, 1.5)

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "lockme")
    with open(path, "w+") as f:
        f.write("hello")
        f.flush()
        print("flock ex", fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB))
        print("flock un", fcntl.flock(f.fileno(), fcntl.LOCK_UN))
        print("lockf ex", fcntl.lockf(f, fcntl.LOCK_EX, 2, 1, os.SEEK_SET))
        print("lockf un", fcntl.lockf(f, fcntl.LOCK_UN, 2, 1))
        print("lockf sh", fcntl.lockf(f, fcntl.LOCK_SH | fcntl.LOCK_NB))
        fcntl.lockf(f, fcntl.LOCK_UN)
        # F_SETLK / F_GETLK with a packed struct flock (Linux x86-64 layout).
        fmt = "hhqqi4x"
        lk = struct.pack(fmt, fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
        res = fcntl.fcntl(f, fcntl.F_SETLK, lk)
        print("setlk", type(res).__name__, len(res) == len(lk))
        got = fcntl.fcntl(f, fcntl.F_GETLK, struct.pack(fmt, fcntl.F_WRLCK, 0, 0, 0, 0))
        print("getlk own lock ->", struct.unpack(fmt, got)[0] == fcntl.F_UNLCK)
        fcntl.fcntl(f, fcntl.F_SETLK, struct.pack(fmt, fcntl.F_UNLCK, 0, 0, 0, 0))
        # A child process cannot take the lock while we hold it.
        fcntl.flock(f, fcntl.LOCK_EX)
        pid = os.fork()
        if pid == 0:
            with open(path) as g:
                try:
                    fcntl.flock(g, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    os._exit(0)
                except BlockingIOError:
                    os._exit(7)
        print("child exit", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
        fcntl.flock(f, fcntl.LOCK_UN)
    # ioctl: FIONREAD on a pipe with data (int result through a buffer).
    r, w = os.pipe()
    os.write(w, b"12345")
    FIONREAD = 0x541B
    buf = bytearray(4)
    print("ioctl mutate", fcntl.ioctl(r, FIONREAD, buf), struct.unpack("i", buf)[0])
    print("ioctl bytes", struct.unpack("i", fcntl.ioctl(r, FIONREAD, b"\0" * 4))[0])
    print("ioctl no mutate", struct.unpack("i", fcntl.ioctl(r, FIONREAD, bytearray(4), False))[0])
    os.close(r)
    os.close(w)

names = [n for n in dir(fcntl) if n.isupper()]
print(len(names), all(isinstance(getattr(fcntl, n), int) for n in names))
for n in ["FD_CLOEXEC", "F_GETFD", "F_SETFD", "F_GETFL", "F_SETFL", "F_DUPFD",
          "F_DUPFD_CLOEXEC", "F_GETLK", "F_SETLK", "F_SETLKW", "F_RDLCK", "F_WRLCK",
          "F_UNLCK", "LOCK_SH", "LOCK_EX", "LOCK_NB", "LOCK_UN", "F_SETPIPE_SZ",
          "F_GETPIPE_SZ", "F_OFD_SETLK", "DN_MULTISHOT", "F_ADD_SEALS"]:
    print(n, getattr(fcntl, n))
print(sorted(n for n in dir(fcntl) if not n.startswith("_") and not n.isupper()))
