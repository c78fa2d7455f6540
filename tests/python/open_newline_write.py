# Writing with each newline mode: '\n' becomes os.linesep ('\n') for None,
# stays for '' and '\n', becomes '\r' or '\r\n'; '\r' in the text is
# written as is.
from _helper_tmpfiles import TmpFiles

tmp = TmpFiles("open_newline_write")
p = tmp.path("nl.txt")
text = "a\nb\r\nc\rd\n"
for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(p, "w", newline=nl) as f:
        print(repr(nl), f.write(text), f.write("\n"), f.tell())
    with open(p, "rb") as f:
        data = f.read()
    print("  bytes:", data)
    with open(p, newline=nl) as f:
        print("  back:", repr(f.read()))
    with open(p, newline=None) as f:
        print("  universal:", repr(f.read()), f.newlines)

# 'w+' with a translating newline: tell counts bytes written.
with open(p, "w+", newline="\r\n") as f:
    f.write("x\ny\n")
    print(f.tell())
    f.seek(0)
    print(repr(f.readline()), f.tell(), repr(f.read()))

# print() to a file goes through the same translation.
with open(p, "w", newline="\r\n") as f:
    print("one", "two", file=f)
    print("three", file=f, end="!\n")
with open(p, "rb") as f:
    print(f.read())

tmp.cleanup()
