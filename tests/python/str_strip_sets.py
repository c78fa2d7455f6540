# str.strip/lstrip/rstrip with ASCII and non-ASCII char sets, and splits
# whose pieces are ASCII or not.
for s in ["  ab  ", ",.hello!?", "xxhixx", "", "...", "é,é", "\u00e9ab\u00e9", "a\x00b\x00", "\t\n x \r\x0b\x0c", "\u2003w\u2003"]:
    print(repr(s.strip()), repr(s.strip(",.!?")), repr(s.lstrip("x")), repr(s.rstrip("é")), repr(s.strip("\x00a")), repr(s.strip("")), repr(s.strip("\u2003")))
print("a,b,,c".split(","), "  a b  c ".split(), "é a é".split(), "x\udc80y".split("y"))
