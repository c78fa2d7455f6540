# gc-stress: 20
# glob: glob/iglob with *, ?, [], ** (recursive), hidden files, root_dir,
# escape and has_magic, on a tree made in a temporary directory.
import glob
import os
import tempfile

with tempfile.TemporaryDirectory() as root:
    for rel in ["a.txt", "b.txt", "c.py", ".hidden.txt", "sub/d.txt", "sub/e.py", "sub/deep/f.txt", "x[1].txt", "sub2/g.md"]:
        p = os.path.join(root, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w") as f:
            f.write(rel)

    def g(pat, **kw):
        return sorted(os.path.relpath(p, root) for p in glob.glob(os.path.join(root, pat), **kw))

    print(g("*.txt"))
    print(g("?.py"), g("[ab].txt"), g("*"), g("*/"))
    print(g("**/*.txt", recursive=True))
    print(g("**", recursive=True))
    print(g("**/*.py"), g("sub/**/*.txt", recursive=True))
    print(g(".*"), g("*.txt", include_hidden=True))
    print(g(glob.escape("x[1].txt")), g("x[1].txt"), glob.escape("a*b?[c]"), glob.has_magic("a*"), glob.has_magic("abc"))
    print(sorted(glob.glob("*.txt", root_dir=root)), sorted(glob.glob("sub/*", root_dir=root)))
    print(sorted(os.path.relpath(p, root) for p in glob.iglob(os.path.join(root, "sub", "*.py"))))
    print(g("nothing*"), g("sub/deep"), g("missing/*.txt"))
