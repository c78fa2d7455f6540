# os.utime: times as ints and floats (rounded toward minus infinity),
# ns pairs, None (now), fd and dir_fd forms, symlinks, and the argument
# errors; the stat times it leaves (float, int and ns views).
import os
import _helper_tmp as H
from _helper_tmp import t

root = H.make("utime")
here = os.getcwd()
try:
    os.chdir(root)
    os.close(os.open("f", os.O_CREAT | os.O_WRONLY))

    def times():
        s = os.stat("f")
        return (s.st_atime, s.st_mtime, s.st_atime_ns, s.st_mtime_ns, s[7], s[8])

    for arg in [(1, 2), (1.5, 2.25), (-1.5, 0.1), (1e9, 1e9 + 0.999999999), (0, -1),
                (1.0000000001, 2.9999999999), (-0.0000000001, 5)]:
        os.utime("f", arg)
        print(arg, times())
    os.utime("f", ns=(1_000_000_001, -1))
    print(times())
    os.utime("f", ns=(10**18, 123))
    print(times())
    os.utime("f", times=None, ns=(5, 6))
    print(times())
    before = os.stat("f").st_mtime
    os.utime("f")
    print(os.stat("f").st_mtime > before)
    os.utime("f", None)
    fd = os.open("f", os.O_RDONLY)
    os.utime(fd, (7, 8))
    print(times()[:2])
    os.close(fd)
    dfd = os.open(".", os.O_RDONLY)
    os.utime("f", (9, 10), dir_fd=dfd)
    print(times()[:2])
    os.close(dfd)
    os.symlink("f", "l")
    os.utime("l", (11, 12), follow_symlinks=False)
    print(times()[:2], os.lstat("l").st_mtime)
    os.utime("l", (13, 14))
    print(times()[:2])
    t("both", lambda: os.utime("f", (1, 2), ns=(1, 2)))
    t("times list", lambda: os.utime("f", [1, 2]))
    t("times short", lambda: os.utime("f", (1,)))
    t("times str", lambda: os.utime("f", ("a", "b")))
    t("ns short", lambda: os.utime("f", ns=(1,)))
    t("ns float", lambda: os.utime("f", ns=(1.5, 2)))
    t("ns None", lambda: os.utime("f", ns=None))
    t("nan", lambda: os.utime("f", (float("nan"), 1)))
    t("inf", lambda: os.utime("f", (float("inf"), 1)))
    t("big int", lambda: os.utime("f", (2**70, 1)))
    t("big ns", lambda: os.utime("f", ns=(2**100, 1)))
    t("missing", lambda: os.utime("nope", (1, 2)))
    t("three", lambda: os.utime("f", (1, 2), None))
    fd = os.open("f", os.O_RDONLY)
    t("fd nofollow", lambda: os.utime(fd, (1, 2), follow_symlinks=False))
    t("fd dir_fd", lambda: os.utime(fd, (1, 2), dir_fd=fd))
    os.close(fd)
    print(times()[:2])
finally:
    os.chdir(here)
    H.cleanup()
