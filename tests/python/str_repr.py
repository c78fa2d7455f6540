# repr() of strings: quote choice, escapes, non-printable and non-ASCII
# characters; repr inside containers.

samples = ["", "plain", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\there", "new\nline", "cr\rx",
           "nul\x00", "bell\x07", "esc\x1b[0m", "del\x7f", "\x80\x9f", "nbsp\xa0x", "soft\xadhyphen", "é", "ñandú",
           "日本語", "🐍", "\u200b", "\u2028", "\ufeff", "\U0001F600", "\u00ff", "\x0b\x0c",
           "'", '"', "'\"", "\\n", "a\\'b", "\t\n\r\\", "\u0300", "Ωmega", "\x1f\x20\x7e"]
for s in samples:
    r = repr(s)
    print(len(s), r, ascii(s), len(r))
print(["a'b", 'a"b', "x\ny"], ("é",), {"k'": "v\t"})
print(str(["é\n"]), "%r" % "q'", f"{'q'!r}", repr(repr("x")), repr(str(repr("a'b"))))
print(repr("\\"), repr("\\\\"), "\\", len("\\"), r"\d+\s*", len(r"\n"), r"raw\\x")
print("\x41\u0042\U00000043\N{DIGIT ONE}\101\0622", "\N{GREEK SMALL LETTER ALPHA}", "\N{SNAKE}")
print(repr("tab:[\t] bs:[\b]"))
print("abc" "def", "con" 'cat' """enated""", ("implicit "
      "line join"))
long = """first
  second\tthird
"""
print(repr(long), long.count("\n"))
print(repr(chr(0)), repr(chr(31)), repr(chr(127)), repr(chr(128)), repr(chr(160)), repr(chr(173)), repr(chr(0x2029)), repr(chr(0xe000)), repr(chr(0x10ffff)))
print([repr(chr(c)) for c in range(0x20)])
