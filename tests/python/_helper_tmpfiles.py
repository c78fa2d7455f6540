# Temporary files for the io/open tests.
#
# TmpFiles("name") gives paths under /tmp/ftpy_test_<name>_<pid>/, a
# directory made here and removed by cleanup(). Where `os` cannot be
# imported yet (an early ftpy), the files are /tmp/ftpy_test_<name>_<pid>_<file>
# instead, emptied by cleanup(). Only `open` and `sys` are needed for that.
# Paths contain the process id: tests print only base names.


def _pid():
    with open("/proc/self/stat") as f:
        return f.read().split()[0]


try:
    # `posix` first: without it `os` cannot import, and trying costs a lot
    # of work under FTPY_GC_STRESS.
    import posix as _posix  # noqa: F401
    import os as _os
    import shutil as _shutil
except Exception:
    _os = None


class TmpFiles:
    def __init__(self, name):
        self.base = "/tmp/ftpy_test_%s_%s" % (name, _pid())
        self.made = []
        if _os is not None:
            # A directory left by a killed run whose pid was reused.
            _shutil.rmtree(self.base, ignore_errors=True)
            _os.makedirs(self.base, exist_ok=True)

    def path(self, fname):
        if _os is not None:
            p = self.base + "/" + fname
        else:
            p = self.base + "_" + fname
        if p not in self.made:
            self.made.append(p)
        return p

    def short(self, path):
        # The file name a path was made from (for printing).
        if isinstance(path, bytes):
            path = path.decode()
        for sep in ("/", "_"):
            if path.startswith(self.base + sep):
                return path[len(self.base) + 1:]
        return path

    def clean(self, text):
        # `text` with the temporary paths shown as <tmp>/name.
        text = text.replace(self.base + "/", "<tmp>/")
        return text.replace(self.base + "_", "<tmp>/")

    def dir(self):
        # A path that is a directory (for IsADirectoryError).
        if _os is not None:
            return self.base
        return "/tmp"

    def cleanup(self):
        if _os is not None:
            _shutil.rmtree(self.base, ignore_errors=True)
            return
        for p in self.made:
            try:
                open(p, "w").close()
            except OSError:
                pass
