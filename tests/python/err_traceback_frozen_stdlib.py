# gc-stress: 20
# Tracebacks (here and the uncaught one at the end) through the standard-library modules CPython 3.11 freezes
# (os, posixpath, genericpath, _collections_abc, codecs ...) name the file
# "<frozen NAME>" and show no source line; the module's __file__ is still
# the real file.
import collections.abc
import os
import traceback


def last_frames(fn):
    try:
        fn()
    except Exception:
        lines = traceback.format_exc().splitlines()
        # Drop this file's frames (their path differs between machines).
        print([l for l in lines if "<frozen" in l or not l.startswith(" ")])


last_frames(lambda: os.path.join(1, "a"))
last_frames(lambda: os.path.getsize("/nonexistent/file"))
last_frames(lambda: os.makedirs("/proc/no/such/dir"))


class M(collections.abc.MutableMapping):
    def __getitem__(self, k):
        raise KeyError(k)

    def __setitem__(self, k, v):
        raise ValueError("read-only")

    def __delitem__(self, k):
        pass

    def __iter__(self):
        return iter(())

    def __len__(self):
        return 0


last_frames(lambda: M().update({"a": 1}))
last_frames(lambda: M().setdefault("k", 1))
print(os.__file__.endswith("os.py"), os.makedirs.__code__.co_filename)
print(os.path.join.__code__.co_filename, collections.abc.Mapping.get.__code__.co_filename)
os.makedirs("/proc/no/such/dir")
