# gc-stress: 20
# A small program of the kind scripts are made of: make a tree of files in
# a temporary directory, write, read, append, rename and delete files, walk
# the tree with os.walk, os.scandir and pathlib, and run echo through
# subprocess. Only paths relative to the temporary directory are printed.
import os
import pathlib
import shutil
import subprocess
import tempfile

root = tempfile.mkdtemp(prefix="ftpy-walk-")


def rel(p):
    return os.path.relpath(p, root)


layout = {
    "README.txt": "top level\n",
    "src/main.py": "print('main')\n",
    "src/util/helpers.py": "def helper():\n    return 42\n",
    "src/util/__init__.py": "",
    "data/numbers.csv": "a,b\n1,2\n3,4\n",
    "data/raw/blob.bin": None,
    "empty/": None,
}
for name, content in layout.items():
    path = os.path.join(root, name)
    if name.endswith("/"):
        os.makedirs(path, exist_ok=True)
        continue
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if content is None:
        with open(path, "wb") as f:
            f.write(bytes(range(256)) * 4)
    else:
        with open(path, "w") as f:
            f.write(content)

# Reading back, appending, binary reads and seeks.
with open(os.path.join(root, "README.txt"), "a") as f:
    f.write("appended line\n")
with open(os.path.join(root, "README.txt")) as f:
    print(f.readlines())
with open(os.path.join(root, "data/raw/blob.bin"), "rb") as f:
    f.seek(250)
    print(list(f.read(10)), f.tell())
print(os.path.getsize(os.path.join(root, "data/raw/blob.bin")))

# os.walk, top-down and bottom-up, sorted for determinism.
for dirpath, dirnames, filenames in os.walk(root):
    dirnames.sort()
    print("walk", rel(dirpath), dirnames, sorted(filenames))
bottom_up = [rel(d) for d, _, _ in os.walk(root, topdown=False)]
print("bottom-up last is root:", bottom_up[-1], sorted(bottom_up))

# os.scandir with DirEntry methods.
with os.scandir(root) as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print("scandir", e.name, e.is_dir(), e.is_file(), e.is_symlink(),
          e.stat().st_size if e.is_file() else "-")

# pathlib: glob, rglob, suffixes, read/write helpers.
p = pathlib.Path(root)
print(sorted(str(x.relative_to(p)) for x in p.rglob("*.py")))
print(sorted(x.name for x in (p / "src").iterdir()))
print(sorted(str(x.relative_to(p)) for x in p.glob("*/*.csv")))
notes = p / "notes.md"
notes.write_text("# notes\nline\n")
print(notes.read_text().splitlines(), notes.suffix, notes.stem, notes.exists())
print((p / "data" / "numbers.csv").read_text().count("\n"))
total = sum(x.stat().st_size for x in p.rglob("*") if x.is_file())
print("total bytes", total)

# Rename, copy, delete.
os.rename(os.path.join(root, "notes.md"), os.path.join(root, "data", "notes.md"))
shutil.copy(os.path.join(root, "src/main.py"), os.path.join(root, "empty/copy.py"))
print(sorted(os.listdir(os.path.join(root, "data"))), os.listdir(os.path.join(root, "empty")))
os.remove(os.path.join(root, "data/raw/blob.bin"))
os.rmdir(os.path.join(root, "data/raw"))
(p / "src/util/__init__.py").unlink()
print(sorted(rel(os.path.join(d, f)) for d, _, fs in os.walk(root) for f in fs))

# Run echo with subprocess, in the tree, and count the files with ls.
r = subprocess.run(["echo", "hello from echo"], capture_output=True, text=True)
print(repr(r.stdout), r.returncode)
out = subprocess.check_output(["ls", "-1"], cwd=os.path.join(root, "src"), text=True)
print(out.split())
r = subprocess.run(["sh", "-c", "cat README.txt | wc -l"], cwd=root, capture_output=True, text=True)
print(r.stdout.strip())
p2 = subprocess.Popen(["sort"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
print(p2.communicate("pear\napple\nfig\n")[0].split())

shutil.rmtree(root)
print(os.path.exists(root))
