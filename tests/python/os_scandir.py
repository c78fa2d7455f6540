# os.scandir and DirEntry: names and paths for str, bytes, PathLike, None
# and fd arguments; is_dir/is_file/is_symlink with and without following
# links (including a dangling link); stat caching; inode; __fspath__;
# repr; the iterator's context manager and close().
import os
import stat
import _helper_tmp as H
from _helper_tmp import t

root = H.make("scandir")
here = os.getcwd()
try:
    os.mkdir(os.path.join(root, "sub"))
    fd = os.open(os.path.join(root, "file"), os.O_CREAT | os.O_WRONLY)
    os.write(fd, b"12345")
    os.close(fd)
    os.symlink("file", os.path.join(root, "lfile"))
    os.symlink("sub", os.path.join(root, "ldir"))
    os.symlink("missing", os.path.join(root, "dangling"))

    def show(e):
        print(H.clean(e.path), e.name, repr(e),
              e.is_dir(), e.is_dir(follow_symlinks=False),
              e.is_file(), e.is_file(follow_symlinks=False),
              e.is_symlink())

    entries = sorted(os.scandir(root), key=lambda e: e.name)
    for e in entries:
        show(e)
    print([type(e).__name__ for e in entries][:1])
    f = [e for e in entries if e.name == "file"][0]
    print(f.stat().st_size, f.stat() is f.stat(), f.stat(follow_symlinks=False).st_size)
    print(f.inode() == os.stat(f.path).st_ino, isinstance(f.inode(), int))
    print(H.clean(os.fspath(f)), H.clean(f.__fspath__()))
    lf = [e for e in entries if e.name == "lfile"][0]
    print(lf.stat().st_size, stat.S_ISLNK(lf.stat(follow_symlinks=False).st_mode))
    dg = [e for e in entries if e.name == "dangling"][0]
    t("dangling stat", lambda: dg.stat())
    print(stat.S_ISLNK(dg.stat(follow_symlinks=False).st_mode))
    t("is_dir kw", lambda: f.is_dir(True))
    t("is_dir bad kw", lambda: f.is_dir(follow=True))
    t("name set", lambda: setattr(f, "name", "x"))

    # Bytes give bytes names and paths.
    for e in sorted(os.scandir(root.encode()), key=lambda e: e.name):
        print(type(e.name).__name__, H.clean(e.path), e.is_dir())

    # No argument: the current directory, "./name" paths.
    os.chdir(root)
    print(sorted(e.path for e in os.scandir()))
    print(sorted(e.path for e in os.scandir(".")))
    print(sorted(e.path for e in os.scandir("sub/")))
    os.chdir(here)

    # A directory descriptor: paths are the bare names.
    dfd = os.open(root, os.O_RDONLY)
    with os.scandir(dfd) as it:
        es = sorted(it, key=lambda e: e.name)
    print([(e.name, e.path, e.is_dir(), e.is_symlink()) for e in es])
    print([e.stat().st_size for e in es if e.name == "file"])
    print(sorted(os.listdir(dfd)))
    os.close(dfd)

    # Context manager and close.
    it = os.scandir(root)
    print(type(it).__name__, iter(it) is it)
    first = next(it)
    it.close()
    it.close()
    print(list(it))
    with os.scandir(root) as it2:
        print(it2 is it2.__enter__(), len(list(it2)))
    print(list(it2))
    it3 = os.scandir(os.path.join(root, "sub"))
    print(list(it3), list(it3))
    t("scandir missing", lambda: os.scandir(os.path.join(root, "nope")))
    t("scandir file", lambda: os.scandir(os.path.join(root, "file")))
    t("scandir float", lambda: os.scandir(1.5))
    t("scandir closed fd", lambda: os.scandir(99999))

    class P:
        def __fspath__(self):
            return root
    print(len(list(os.scandir(P()))))
    print(sum(1 for e in os.scandir(root) if e.is_dir()))
finally:
    os.chdir(here)
    H.cleanup()
