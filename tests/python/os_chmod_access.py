# Permissions: chmod (path, fd, follow_symlinks on Linux), fchmod,
# access with every mode and effective_ids, umask round trips, chown to
# the current owner (allowed unprivileged), and the uid/gid converter's
# errors.
import os
import stat
import _helper_tmp as H
from _helper_tmp import t

root = H.make("chmod")
here = os.getcwd()
try:
    os.chdir(root)
    os.close(os.open("f", os.O_CREAT | os.O_WRONLY, 0o644))
    for m in [0o600, 0o755, 0o4755, 0o1777, 0o000, 0o644]:
        os.chmod("f", m)
        print(oct(stat.S_IMODE(os.stat("f").st_mode)), stat.filemode(os.stat("f").st_mode))
    fd = os.open("f", os.O_RDONLY)
    os.fchmod(fd, 0o640)
    print(oct(stat.S_IMODE(os.stat("f").st_mode)))
    os.chmod(fd, 0o600)
    print(oct(stat.S_IMODE(os.fstat(fd).st_mode)))
    os.close(fd)
    t("chmod missing", lambda: os.chmod("nope", 0o600))
    t("chmod bad mode", lambda: os.chmod("f", "rw"))
    t("chmod no mode", lambda: os.chmod("f"))
    t("fchmod closed", lambda: os.fchmod(fd, 0o600))
    os.symlink("f", "lnk")
    t("chmod nofollow link", lambda: os.chmod("lnk", 0o600, follow_symlinks=False))
    fd = os.open("f", os.O_RDONLY)
    t("chmod fd nofollow", lambda: os.chmod(fd, 0o640, follow_symlinks=False))
    t("chmod fd dir_fd", lambda: os.chmod(fd, 0o640, dir_fd=fd))
    os.close(fd)
    print(oct(stat.S_IMODE(os.stat("f").st_mode)))
    os.chmod("f", 0o644)

    print(os.access("f", os.F_OK), os.access("nope", os.F_OK))
    print(os.access("f", os.R_OK), os.access("f", os.W_OK), os.access("f", os.X_OK) == (os.geteuid() == 0 and False))
    print(os.access("f", os.R_OK | os.W_OK, effective_ids=True))
    print(os.access(b"f", os.F_OK), os.access("lnk", os.F_OK, follow_symlinks=False))
    t("access no mode", lambda: os.access("f"))
    t("access bad mode", lambda: os.access("f", "r"))
    t("access fd", lambda: os.access(0, os.F_OK))

    old = os.umask(0o022)
    print(oct(os.umask(0o077)), oct(os.umask(old)))
    t("umask str", lambda: os.umask("0"))

    st = os.stat("f")
    os.chown("f", st.st_uid, st.st_gid)
    os.chown("f", -1, -1)
    os.lchown("lnk", -1, -1)
    fd = os.open("f", os.O_RDONLY)
    os.fchown(fd, -1, -1)
    os.chown(fd, -1, -1)
    os.close(fd)
    print(os.stat("f").st_uid == st.st_uid)
    t("chown float", lambda: os.chown("f", 1.5, -1))
    t("chown str", lambda: os.chown("f", -1, "x"))
    t("chown neg", lambda: os.chown("f", -2, -1))
    t("chown big", lambda: os.chown("f", 2**32, -1))
    t("chown huge", lambda: os.chown("f", 2**64, -1))
    t("chown huge neg", lambda: os.chown("f", -2**64, -1))
    t("chown missing", lambda: os.chown("nope", -1, -1))
    t("lchown fd", lambda: os.lchown(12345, -1, -1))
finally:
    os.chdir(here)
    H.cleanup()
