# StringIO newline modes: None translates on write, '' reads lines
# universally without translating, '\n' leaves everything, '\r' and
# '\r\n' turn written '\n' into themselves; newlines; readline endings.
from _io import StringIO

data = "a\nb\rc\r\nd\r\r\ne\r"
for nl in [None, "", "\n", "\r", "\r\n"]:
    s = StringIO(data, newline=nl)
    print(repr(nl), repr(s.getvalue()), s.tell(), s.newlines)
    print("  lines:", s.readlines(), s.newlines)
    s.seek(0)
    print("  limit:", [s.readline(2) for _ in range(4)])
    w = StringIO(newline=nl)
    print("  write:", w.write("x\ny\r\nz\r"), w.write("\nq"), repr(w.getvalue()), w.tell())
    w.seek(0)
    print("  back:", w.readlines(), w.newlines)
    st = StringIO(data, newline=nl).__getstate__()
    print("  state:", st)
