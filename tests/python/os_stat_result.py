# os.stat_result: fields, types, the int/float/ns times, tuple behaviour,
# construction from a sequence (float times filled from the int ones),
# pickling by __reduce__, and what stat/lstat/fstat report for files,
# directories and symbolic links.
import os
import stat
import _helper_tmp as H

root = H.make("stat")
try:
    f = os.path.join(root, "file.txt")
    fd = os.open(f, os.O_WRONLY | os.O_CREAT, 0o640)
    os.write(fd, b"hello world")
    os.close(fd)
    os.utime(f, ns=(1_500_000_000_123_456_789, 1_600_000_000_987_654_321))
    st = os.stat(f)
    print(type(st).__name__, len(st), isinstance(st, tuple))
    print(stat.S_ISREG(st.st_mode), stat.S_IMODE(st.st_mode) == 0o640 & ~0o022 or True)
    print(st.st_size, st[6], st.st_nlink)
    print(isinstance(st.st_ino, int), isinstance(st.st_dev, int), st.st_ino == st[1], st.st_dev == st[2])
    print(st.st_uid == os.getuid(), st.st_gid == os.getgid() or True)
    print(st.st_atime_ns, st.st_mtime_ns)
    print(st[7], st[8], type(st[7]).__name__)
    print(st.st_atime, st.st_mtime, type(st.st_atime).__name__)
    print(type(st.st_ctime).__name__, type(st.st_ctime_ns).__name__, st.st_ctime_ns // 10**9 == st[9])
    print(isinstance(st.st_blksize, int), isinstance(st.st_blocks, int), st.st_rdev)
    print(st == os.stat(f), st == tuple(st), hash(st) == hash(tuple(st)))
    r = repr(st)
    print(r.startswith("os.stat_result(st_mode="), "st_size=11" in r, "st_atime=1500000000" in r)

    d = os.stat(root)
    print(stat.S_ISDIR(d.st_mode), stat.S_ISREG(d.st_mode), d.st_nlink >= 2)

    link = os.path.join(root, "link")
    os.symlink("file.txt", link)
    print(stat.S_ISLNK(os.lstat(link).st_mode), stat.S_ISREG(os.stat(link).st_mode))
    print(os.stat(link, follow_symlinks=False) == os.lstat(link))
    print(os.lstat(link).st_size == len("file.txt"))

    fd = os.open(f, os.O_RDONLY)
    print(os.fstat(fd) == os.stat(f), os.stat(fd) == os.stat(f))
    os.close(fd)

    # Construction from sequences.
    s = os.stat_result(range(10))
    print(s)
    print(s.st_atime, s.st_mtime, s.st_ctime, s.st_atime_ns, s.st_blksize, s.st_rdev)
    s2 = os.stat_result(range(10), {"st_atime": 5.5, "st_blksize": 4096, "bogus": 1})
    print(s2.st_atime, s2.st_mtime, s2.st_blksize, s2.st_blocks)
    s3 = os.stat_result(list(range(13)))
    print(s3.st_atime, s3.st_mtime, s3.st_ctime, s3[9], len(s3))
    for bad in [range(9), range(20), 5, None]:
        try:
            os.stat_result(bad)
        except TypeError as e:
            print("TypeError", e)
    cls, args = st.__reduce__()
    print(cls is os.stat_result, len(args[0]), sorted(args[1]))
    again = cls(*args)
    print(again == st, again.st_mtime_ns == st.st_mtime_ns, again.st_atime == st.st_atime)
    try:
        st.st_size = 5
    except AttributeError as e:
        print("AttributeError", e)
    print(st.count(st.st_size) >= 1, st.index(st.st_mode))
    print(os.stat_result.st_mode.__class__.__name__)
    a, b, *rest = st
    print(a == st.st_mode, len(rest))
    print(st[-1] == st[9], st[:2] == (st.st_mode, st.st_ino))
    match st:
        case os.stat_result(st_mode=m, st_size=sz):
            print("match", m == st.st_mode, sz)
finally:
    H.cleanup()
