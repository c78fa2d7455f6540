# str.split()/rsplit() with no separator: every whitespace kind (ASCII
# controls \x1c-\x1f, Unicode spaces), limits from the left and the right.
cases = ["", "   ", "a", " a ", "a b  c", "  a\tb\n c \x1c d\x1f", "x\u3000y\u2028z  ", "\u00a0a\u00a0b\u0085c", " é  ü ß "]
for s in cases:
    for m in (-1, 0, 1, 2, 5):
        print(repr(s), m, s.split(None, m), s.rsplit(None, m), s.split(maxsplit=m), s.rsplit(maxsplit=m))
# A long text: the words and the limit pieces.
text = " ".join("w%d" % i for i in range(20000)) + "\n"
print(len(text.split()), text.split(None, 3)[-1][:12], text.rsplit(None, 3)[0][-12:])
