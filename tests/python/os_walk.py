# os.walk (top-down with pruning, bottom-up, followlinks, onerror) and
# os.fwalk (directory descriptors), over a tree with files, empty
# directories and symbolic links; results sorted to be deterministic.
import os
import _helper_tmp as H

root = H.make("walk")
here = os.getcwd()
try:
    os.chdir(root)
    for d in ["a", "a/b", "a/b/c", "a/empty", "skip", "skip/inner", "z"]:
        os.mkdir(d)
    for f in ["top.txt", "a/one", "a/b/two", "a/b/c/three", "skip/inner/hidden", "z/last"]:
        os.close(os.open(f, os.O_CREAT | os.O_WRONLY))
    os.symlink("a/b", "linkdir")
    os.symlink("top.txt", "linkfile")

    def show(rows):
        for top, dirs, files in sorted(rows):
            print(" ", top, sorted(dirs), sorted(files))

    print("topdown")
    show(list(os.walk(".")))
    print("pruned")
    rows = []
    for top, dirs, files in os.walk("."):
        dirs[:] = sorted(d for d in dirs if d != "skip")
        rows.append((top, list(dirs), files))
    show(rows)
    print("bottomup order ok:", [t for t, _, _ in os.walk(".", topdown=False)][-1] == ".")
    show(list(os.walk(".", topdown=False)))
    print("followlinks")
    show(list(os.walk(".", followlinks=True)))
    print("bytes")
    show(list(os.walk(b"a")))
    errs = []
    print(list(os.walk("missing", onerror=lambda e: errs.append((type(e).__name__, e.filename)))), errs)
    print(list(os.walk("top.txt")))
    print("fwalk")
    rows = []
    for top, dirs, files, dfd in os.fwalk("."):
        rows.append((top, dirs, files))
        assert isinstance(dfd, int)
        assert sorted(os.listdir(dfd)) == sorted(dirs + files)
    show(rows)
    rows = [(t, d, f) for t, d, f, _ in os.fwalk("a", topdown=False)]
    show(rows)
    print(sorted(os.listdir(".")))
finally:
    os.chdir(here)
    H.cleanup()
