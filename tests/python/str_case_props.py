# Case mapping and character classes beyond ASCII.
from _helper_check import t

words = ["hello", "HELLO", "Hello World", "ǅungla", "ß", "ﬁsh", "ΣΑΣ ΑΣ", "İi", "ŉ", "a1b2", "123", "", "Ω", "ꭰ"]
for w in words:
    t(repr(w), lambda: [w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold()])
    t(repr(w) + " is", lambda: [w.isupper(), w.islower(), w.istitle(), w.isalpha(), w.isalnum()])
chars = "aZ0 _\t\n\x00\x7f\xa0é²½⅕٣\u2028\u200b😀中"
for c in chars:
    t("%04x" % ord(c), lambda: [c.isalnum(), c.isalpha(), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isspace(), c.isprintable(), c.isidentifier()])
