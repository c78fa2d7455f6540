# Hard and symbolic links: link (follow_symlinks), symlink (relative,
# absolute, to directories, dangling), readlink with str/bytes/PathLike,
# islink/lexists/exists, realpath through links, samefile, and errors
# naming both paths.
import os
import _helper_tmp as H
from _helper_tmp import t

root = H.make("links")
here = os.getcwd()
try:
    os.chdir(root)
    fd = os.open("target", os.O_CREAT | os.O_WRONLY)
    os.write(fd, b"data")
    os.close(fd)
    os.link("target", "hard")
    print(os.stat("hard").st_nlink, os.path.samefile("target", "hard"))
    os.symlink("target", "soft")
    os.symlink(os.path.join(root, "target"), "abs")
    os.symlink("nowhere", "dangling")
    os.mkdir("d")
    os.symlink("d", "dlink", target_is_directory=True)
    print(os.readlink("soft"), H.clean(os.readlink("abs")), os.readlink("dangling"))
    print(os.readlink(b"soft"), type(os.readlink(b"soft")).__name__)

    class P:
        def __fspath__(self):
            return "soft"
    print(os.readlink(P()))
    print(os.path.islink("soft"), os.path.islink("target"), os.path.islink("nope"))
    print(os.path.exists("dangling"), os.path.lexists("dangling"), os.path.isdir("dlink"))
    print(H.clean(os.path.realpath("soft")), H.clean(os.path.realpath("dlink")))
    os.link("soft", "hard_of_link", follow_symlinks=False)
    print(os.path.islink("hard_of_link"), os.readlink("hard_of_link"))
    os.link("soft", "hard_followed")
    print(os.path.islink("hard_followed"), os.path.samefile("hard_followed", "target"))
    t("readlink file", lambda: os.readlink("target"))
    t("readlink missing", lambda: os.readlink("nope"))
    t("readlink int", lambda: os.readlink(3))
    t("link exists", lambda: os.link("target", "hard"))
    t("link missing", lambda: os.link("nope", "x"))
    t("symlink exists", lambda: os.symlink("target", "soft"))
    t("symlink bytes", lambda: os.symlink(b"target", b"bsoft"))
    print(os.readlink("bsoft"))
    t("link kw", lambda: os.link(src="target", dst="hard2"))
    t("symlink kw", lambda: os.symlink(src="target", dst="soft2", target_is_directory=False))
    t("symlink too many", lambda: os.symlink("a", "b", False, 1))
    t("unlink link", lambda: os.unlink("soft2"))
    print(os.path.exists("target"), sorted(os.listdir(".")))
    os.unlink("dlink")
    print(os.path.isdir("d"))
    t("unlink dangling", lambda: os.unlink("dangling"))
    print(os.path.lexists("dangling"))
    long = "x" * 300
    t("long name", lambda: os.symlink("target", long))
    t("loop", lambda: (os.symlink("loop2", "loop1"), os.symlink("loop1", "loop2"), os.stat("loop1")))
finally:
    os.chdir(here)
    H.cleanup()
