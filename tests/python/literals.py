# Literal syntax: string prefixes and escapes, triple quotes, implicit
# concatenation, backslash line continuation, numeric literals with
# underscores and bases, float forms, containers with trailing commas.

print('single', "double", '''triple single''', """triple double""", 'mixed "quotes"', "it's")
print("tab\tnewline\\n", r"raw\tstring\n", R"RAW\d", "bell\a".count("\a"), "\x41\x42", "\101\102", "\u00e9\U0001F600", "\N{EURO SIGN}")
print("a" "b" 'c' """d""", ("implicit"
       " concatenation"
       " across lines"))
text = """line one
    line two (indented)
line three\
 continued"""
print(text)
print(len("""
"""), repr("""a
b"""), repr('''\''''), repr(""" " """))
total = 1 + \
    2 + \
    3
print(total)
print(1_000_000, 0x_ff, 0o_17, 0b_1010, 1_0.5_0, 1e1_0, 0xDEAD_BEEF, 0B1111_0000, 0O777)
print(10, 0, 00, 0x0, 1e3, 1E-3, .5, 5., 3.14_15, 1_2e-1_0, 0e0, 9.99e+99)
print(0xff == 255, 0o10 == 8, 0b11 == 3, 1e3 == 1000, type(1e3).__name__, type(10 ** 3).__name__)
print([1, 2, 3,], (1,), (1, 2,), {1: 2,}, {3,}, [], (), {})
print(True, False, None, ..., type(...).__name__)
print("\\", '\'', "\"", "'", '"', '\\n', "\0".__len__(), "\x00" == "\0", "\7" == "\a")
print("{}" "{}".format(1, 2), "%s" "%s" % (3, 4), f"{5}" "{6}", f"{'x'}" f"{'y'}")
print(u"unicode prefix", "é" == "\xe9" == "\u00e9")
long_string = ("abcdefghijklmnopqrstuvwxyz"
               "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
               "0123456789")
print(len(long_string), long_string[::7])
matrix = [
    [1, 2, 3],
    [4, 5, 6],
]
mapping = {
    "key": "value",
    "nested": {"a": [1, 2, {"b": (3,)}]},
}
print(matrix, mapping)
print(-1, +1, - 1, -(-1), --1, -+-1, ~~5, not not 0)
print(1 if True else 2, [x for x in(1, 2)if x], (1)if(2)else(3), [0]*2, {1:2}[1])
