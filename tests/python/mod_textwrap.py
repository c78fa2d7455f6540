# gc-stress: 20
# textwrap: wrap, fill, shorten, dedent, indent, TextWrapper options.
import textwrap

text = ("The quick brown fox jumps over the lazy dog. " * 3 +
        "Supercalifragilisticexpialidocious is long. Tabs\there and  double  spaces.")
print(textwrap.wrap(text, width=30))
print(textwrap.fill(text, width=40))
print(textwrap.fill(text, width=25, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap("a-very-long-hyphenated-word-that-splits", width=10))
print(textwrap.wrap("a-very-long-hyphenated-word-that-splits", width=10, break_on_hyphens=False))
print(textwrap.wrap("abcdefghijklmnopqrstuvwxyz", width=7, break_long_words=False))
print(textwrap.wrap("abcdefghijklmnopqrstuvwxyz", width=7))
print(textwrap.shorten(text, width=50))
print(textwrap.shorten("Hello  world!", width=12), textwrap.shorten("Hello world!", width=11, placeholder="..."))
print(repr(textwrap.dedent("""\
    def f():
        return 1

    x = 2
""")))
print(repr(textwrap.dedent("  a\n\tb\n")), repr(textwrap.dedent("   \n  x\n    y")))
print(textwrap.indent("one\ntwo\n\nthree", "> "))
print(textwrap.indent("one\n\ntwo", "+ ", lambda line: True))
w = textwrap.TextWrapper(width=20, max_lines=3, placeholder=" [more]")
print(w.wrap(text))
w2 = textwrap.TextWrapper(width=15, expand_tabs=True, tabsize=4, replace_whitespace=False)
print(w2.wrap("a\tb\tc\td e f g h"))
w3 = textwrap.TextWrapper(width=30, fix_sentence_endings=True)
print(w3.fill("First sentence. Second one. Third?  Yes."))
w4 = textwrap.TextWrapper(width=12, drop_whitespace=False)
print(w4.wrap("  leading and trailing   "))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10), textwrap.fill("short", 100))
try:
    textwrap.wrap("x", width=0)
except ValueError as e:
    print("ValueError:", e)
try:
    textwrap.TextWrapper(width=5, max_lines=1, placeholder="  [long placeholder]").wrap("hello world here")
except ValueError as e:
    print("ValueError:", e)
print(textwrap.wrap("Ünïcödé wörds gö hërë tóó", width=10))
