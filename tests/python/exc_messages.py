# The exact type and message of common built-in errors.

class Foo:
    def __init__(self):
        self.a = 1
    def method(self, x):
        return x

def f(a, b):
    return a + b

def kw(a, *, b):
    return a

def unbound():
    print(y)
    y = 1

def uses_global_later():
    total = 0
    for i in range(3):
        total += undefined_thing
    return total

five = 5
none = None
text = "str"
cases = [
    ("1 / 0", lambda: 1 / 0),
    ("1 // 0", lambda: 1 // 0),
    ("1 % 0", lambda: 1 % 0),
    ("1.0 / 0", lambda: 1.0 / 0),
    ("divmod(2.0, 0)", lambda: divmod(2.0, 0)),
    ("{}['k']", lambda: {}["k"]),
    ("{}[1]", lambda: {1.5: 0}[1]),
    ("[][0]", lambda: [][0]),
    ("[1][-2]", lambda: [1][-2]),
    ("'abc'[5]", lambda: "abc"[5]),
    ("(1,)[1]", lambda: (1,)[1]),
    ("range(3)[3]", lambda: range(3)[3]),
    ("five[0]", lambda: five[0]),
    ("none[0]", lambda: none[0]),
    ("len(5)", lambda: len(5)),
    ("1 + 'a'", lambda: 1 + "a"),
    ("'a' + 1", lambda: "a" + 1),
    ("[] + ()", lambda: [] + ()),
    ("None + 1", lambda: None + 1),
    ("-'a'", lambda: -"a"),
    ("'a' * 'b'", lambda: "a" * "b"),
    ("1 < 'a'", lambda: 1 < "a"),
    ("[] > 1", lambda: [] > 1),
    ("none()", lambda: none()),
    ("five()", lambda: five()),
    ("text()", lambda: text()),
    ("f(1, 2, 3)", lambda: f(1, 2, 3)),
    ("f(1)", lambda: f(1)),
    ("f()", lambda: f()),
    ("f(1, c=2)", lambda: f(1, c=2)),
    ("kw(1, 2)", lambda: kw(1, 2)),
    ("Foo().method()", lambda: Foo().method()),
    ("Foo().method(1, 2)", lambda: Foo().method(1, 2)),
    ("Foo(1)", lambda: Foo(1)),
    ("Foo().x", lambda: Foo().x),
    ("Foo.x", lambda: Foo.x),
    ("(1).x", lambda: (1).x),
    ("'s'.nope()", lambda: "s".nope()),
    ("None.x", lambda: None.x),
    ("[].push(1)", lambda: [].push(1)),
    ("del Foo().zz", lambda: delattr(Foo(), "zz")),
    ("setattr(1, 'x', 2)", lambda: setattr(1, "x", 2)),
    ("undefined_name", lambda: undefined_name),
    ("unbound()", unbound),
    ("uses_global_later()", uses_global_later),
    ("int('x')", lambda: int("x")),
    ("int('')", lambda: int("")),
    ("float('x')", lambda: float("x")),
    ("int(None)", lambda: int(None)),
    ("[].index(1)", lambda: [].index(1)),
    ("[1].remove(2)", lambda: [1].remove(2)),
    ("'abc'.index('z')", lambda: "abc".index("z")),
    ("a, b = [1]", lambda: [(a, b) for a, b in [[1]]]),
    ("a, = [1, 2]", lambda: [a for a, in [[1, 2]]]),
    ("iter(5)", lambda: iter(5)),
    ("next(iter([]))", lambda: next(iter([]))),
    ("hash([])", lambda: hash([])),
    ("{[]: 1}", lambda: {[]: 1}),
    ("chr(-1)", lambda: chr(-1)),
    ("ord('ab')", lambda: ord("ab")),
    ("sum(['a'])", lambda: sum(["a", "b"])),
    ("max([])", lambda: max([])),
    ("min()", lambda: min()),
    ("sorted(1)", lambda: sorted(1)),
    ("abs('x')", lambda: abs("x")),
    ("round('x')", lambda: round("x")),
    ("list(1)", lambda: list(1)),
    ("dict([1])", lambda: dict([1])),
    ("'%d' % 'x'", lambda: "%d" % "x"),
    ("'{}'.format()", lambda: "{}".format()),
    ("[1, 2][1:2:0]", lambda: [1, 2][1:2:0]),
    ("assert False", lambda: exec_assert(False, None)),
    ("assert 0, 'msg'", lambda: exec_assert(0, "msg")),
    ("raise NotImplementedError", lambda: raise_(NotImplementedError)),
    ("object().__dict__", lambda: object().__dict__),
    ("'a'.join([1])", lambda: "a".join([1])),
    ("tuple()[0] = 1", lambda: setitem((), 0, 1)),
    ("'abc'[0] = 'x'", lambda: setitem("abc", 0, "x")),
    ("del [][0]", lambda: delitem([], 0)),
    ("{}.pop(1)", lambda: {}.pop(1)),
    ("set().remove(1)", lambda: set().remove(1)),
    ("int.bad", lambda: int.bad),
    ("10 ** 400 * 1.0", lambda: 10 ** 400 * 1.0),
    ("int(float('inf'))", lambda: int(float("inf"))),
]
def exec_assert(cond, msg):
    if msg is None:
        assert cond
    else:
        assert cond, msg
def raise_(e):
    raise e
def setitem(o, k, v):
    o[k] = v
def delitem(o, k):
    del o[k]
for label, fn in cases:
    try:
        fn()
        print(label, "-> no error")
    except Exception as e:
        print("%-28s %s: %s" % (label, type(e).__name__, e))
