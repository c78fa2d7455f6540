# gc-stress: 20
# fnmatch: fnmatch/fnmatchcase/filter/translate with *, ?, [seq], [!seq],
# escapes through brackets, and case handling on POSIX.
import fnmatch

names = ["a.py", "b.PY", "test_x.py", "data.csv", "x1.txt", "x22.txt", "[a].txt", "a*b", ".hidden"]
for pat in ["*.py", "*.PY", "?.py", "x?.txt", "x*.txt", "[ab].*", "[!a]*", "[[]a].txt", "a[*]b", "*", ".*", "[a-c]*", "*[0-9]*"]:
    print(pat, fnmatch.filter(names, pat), [n for n in names if fnmatch.fnmatchcase(n, pat)] == fnmatch.filter(names, pat))
print(fnmatch.fnmatch("A.PY", "*.py"), fnmatch.fnmatchcase("A.PY", "*.py"), fnmatch.fnmatch("dir/file.py", "*.py"))
for pat in ["*.py", "?", "[!abc]x", "[a-z]*[0-9]", "a[]b", "[^x]", "***", "a\\*"]:
    print(repr(fnmatch.translate(pat)))
print(fnmatch.fnmatch("a]b", "a]b"), fnmatch.fnmatch("ab", "a[]b"), fnmatch.fnmatch("-", "[a-]"), fnmatch.fnmatch("b", "[z-a]"))
