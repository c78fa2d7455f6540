# CPython's messages for common runtime errors (beyond exc_messages.py):
# calls with wrong arguments, unbound names, iteration and unpacking,
# augmented assignment, comparisons, attribute access on special objects,
# hashing, integer conversions, recursion.
import math


def attempt(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


def two(a, b):
    return a + b


def kwonly(a, *, key):
    return key


def posonly(a, b, /, c=1):
    return c


def defaults(a, b=2, *args, c, d=4, **kw):
    return a


class K:
    def method(self, x):
        return x

    @staticmethod
    def st(x):
        return x

    @classmethod
    def cm(cls, x):
        return x

    __slots__ = ()


attempt("too many", lambda: two(1, 2, 3))
attempt("too few", lambda: two(1))
attempt("none", lambda: two())
attempt("unexpected kw", lambda: two(1, 2, c=3))
attempt("duplicate", lambda: two(1, a=1))
attempt("kwonly missing", lambda: kwonly(1))
attempt("kwonly positional", lambda: kwonly(1, 2))
attempt("posonly by name", lambda: posonly(1, b=2))
attempt("defaults missing", lambda: defaults())
attempt("defaults kw missing", lambda: defaults(1))
attempt("method too many", lambda: K().method(1, 2))
attempt("method missing", lambda: K().method())
attempt("unbound method", lambda: K.method(1))
attempt("static", lambda: K.st())
attempt("classmethod", lambda: K.cm(1, 2))
attempt("lambda", lambda: (lambda x: x)())
five, nothing, text, one_float, empty = 5, None, "s", 1.0, ""
attempt("not callable", lambda: five())
attempt("None call", lambda: nothing())
attempt("str call", lambda: text())
attempt("kwargs not mapping", lambda: two(**5))
attempt("args not iterable", lambda: two(*5))
attempt("kw not str", lambda: two(**{1: 2}))
attempt("kw dup in **", lambda: two(1, **{"a": 1}))
attempt("slots attr", lambda: setattr(K(), "x", 1))
attempt("none attr", lambda: None.foo)
attempt("module attr", lambda: math.nothing)
attempt("type attr", lambda: int.nothing)
attempt("builtin attr set", lambda: setattr(5, "x", 1))
attempt("builtin type attr set", lambda: setattr(int, "x", 1))
attempt("unhashable list", lambda: {[1]: 2})
attempt("unhashable dict in set", lambda: {{}})
attempt("unhashable hash()", lambda: hash([]))
attempt("not subscriptable", lambda: five[0])
attempt("func not subscriptable", lambda: two[0])
attempt("no item assignment", lambda: "abc".__setitem__(0, "x"))
attempt("tuple item assignment", lambda: exec("t = (1,); t[0] = 2"))
attempt("str del item", lambda: exec("s = 'a'; del s[0]"))
attempt("int not iterable", lambda: iter(5))
attempt("for over None", lambda: [x for x in None])
attempt("len of int", lambda: len(5))
attempt("int() bad literal", lambda: int("12a"))
attempt("int() base", lambda: int("z", 40))
attempt("float() bad", lambda: float("abc"))
attempt("int of None", lambda: int(None))
attempt("index with float", lambda: [1, 2][one_float])
attempt("index with str", lambda: [1][empty])
attempt("list index", lambda: [][0])
attempt("tuple index", lambda: ()[5])
attempt("str index", lambda: ""[1])
attempt("range index", lambda: range(3)[10])
attempt("dict key", lambda: {}["missing"])
attempt("dict tuple key", lambda: {}[(1, 2)])
attempt("list.remove", lambda: [].remove(1))
attempt("list.index", lambda: [1].index(2))
attempt("str.index", lambda: "abc".index("z"))
attempt("pop empty list", lambda: [].pop())
attempt("pop empty dict", lambda: {}.popitem())
attempt("set remove", lambda: set().remove(1))
attempt("zero div", lambda: 1 / 0)
attempt("zero floordiv", lambda: 1 // 0)
attempt("zero mod", lambda: 1 % 0)
attempt("float zero div", lambda: 1.0 / 0)
attempt("divmod zero", lambda: divmod(1, 0))
attempt("zero pow neg", lambda: 0 ** -1)
attempt("float overflow", lambda: 10.0 ** 400)
attempt("math domain", lambda: math.sqrt(-1))
attempt("str + int", lambda: "a" + 1)
attempt("int + str", lambda: 1 + "a")
attempt("list + tuple", lambda: [1] + (2,))
attempt("str * str", lambda: "a" * "b")
attempt("neg str", lambda: -"a")
attempt("invert float", lambda: ~1.5)
attempt("lt mismatch", lambda: [] < 1)
attempt("le None", lambda: None <= None)
attempt("sort mixed", lambda: sorted([1, "a"]))
attempt("aug add", lambda: exec("x = []\nx += 5"))
attempt("aug sub", lambda: exec("x = 'a'\nx -= 1"))
attempt("unpack too many", lambda: exec("a, b = 1, 2, 3"))
attempt("unpack int", lambda: exec("a, b = 1"))
attempt("chr range", lambda: chr(-1))
attempt("ord long", lambda: ord("ab"))
attempt("int too big float", lambda: int(float("inf")))
attempt("int nan", lambda: int(float("nan")))
attempt("str format", lambda: "{}{}".format(1))
attempt("percent format", lambda: "%d" % "a")
attempt("next on list", lambda: next([1]))
attempt("iter stop", lambda: next(iter([])))
attempt("generator next exhausted", lambda: next(x for x in []))
attempt("import missing", lambda: __import__("no_such_module_xyz"))
attempt("relative import", lambda: exec("from . import x"))
attempt("recursion", lambda: (lambda f: f(f))(lambda f: f(f)))
attempt("unbound local", lambda: exec("def f():\n    print(v)\n    v = 1\nf()"))
attempt("free var", lambda: exec("def f():\n    def g():\n        return v\n    g()\n    v = 1\nf()"))
attempt("name", lambda: undefined_name)
attempt("super no args outside", lambda: super())
attempt("isinstance bad", lambda: isinstance(1, 5))
attempt("issubclass bad", lambda: issubclass(5, int))
attempt("getattr non-str", lambda: getattr(1, 5))
attempt("str(bytes, enc) err", lambda: str(b"\xff", "utf-8"))
attempt("frozenset add", lambda: frozenset().add(1))
attempt("bool call kw", lambda: bool(x=1))
attempt("object() args", lambda: object(1))
attempt("class with bad base", lambda: exec("class A(5): pass"))
