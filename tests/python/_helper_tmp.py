# A scratch directory for the os/posix/path tests, made with os alone (so
# the tests do not depend on tempfile or shutil): a fresh directory under
# the system's temporary directory, removed with everything in it by
# cleanup(). show() prints an outcome with the directory's absolute path
# replaced by <tmp>, so error messages stay deterministic.
import os

_root = None


def make(tag):
    global _root
    base = os.environ.get("TMPDIR") or "/tmp"
    _root = os.path.join(base, "ftpy-%s-%d" % (tag, os.getpid()))
    if os.path.lexists(_root):
        cleanup()
    os.mkdir(_root)
    return _root


def _rm(p):
    st = os.lstat(p)
    if (st.st_mode & 0o170000) == 0o040000:
        os.chmod(p, 0o700)
        for n in os.listdir(p):
            _rm(os.path.join(p, n))
        os.rmdir(p)
    else:
        os.unlink(p)


def cleanup():
    if _root is not None and os.path.lexists(_root):
        _rm(_root)


def clean(s):
    s = str(s)
    if _root:
        s = s.replace(_root, "<tmp>")
        s = s.replace(repr(os.fsencode(_root))[2:-1], "<tmp>")
    return s


def t(label, f):
    try:
        r = f()
    except Exception as e:
        extra = ""
        if isinstance(e, OSError):
            extra = " errno=%s" % (e.errno,)
        print(label, "!", type(e).__name__, clean(e) + extra)
    else:
        print(label, "=", clean(repr(r)))
