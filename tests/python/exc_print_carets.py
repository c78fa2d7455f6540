# Traceback source lines and carets (sys.excepthook, compared exactly):
# binary operators, subscripts, calls, attributes, multi-line
# expressions, unicode, trailing blanks, whole-line spans.
import sys


def show(f):
    try:
        f()
    except BaseException as e:
        sys.excepthook(type(e), e, e.__traceback__)


def binop():
    a, b = 1, 0
    return a / b


def binop_nested():
    a, b, c = 1, 2, 0
    return (a + b) // c


def binop_paren():
    x = 5
    return (x) % (x - 5)


def two_char():
    return 2 ** "x"


def subscript():
    d = {"a": 1}
    return d["b"] + 1


def subscript_spaces():
    lst = [1]
    return lst [ 3 ]


def nested_subscript():
    m = [[1, 2], [3]]
    return m[1][1]


def call():
    return int("nope")


def attribute():
    return None.upper


def method_chain():
    return "abc".upper().nothing()


def whole_line():
    raise ValueError("whole")


def trailing_blanks():
    return 1 / 0    


def unicode():
    résumé = {"é": 1}
    return résumé["ü"]


def multi_line():
    return int(
        "a"
    )


def multi_line_binop():
    return (1 +
            "a")


def compare():
    return 1 < "a"


def unary():
    return -"a"


def aug():
    x = "a"
    x += 1


def tabs():
	return 1 / 0


for f in [binop, binop_nested, binop_paren, two_char, subscript, subscript_spaces,
          nested_subscript, call, attribute, method_chain, whole_line, trailing_blanks,
          unicode, multi_line, multi_line_binop, compare, unary, aug, tabs]:
    show(f)
    print("done", f.__name__)
