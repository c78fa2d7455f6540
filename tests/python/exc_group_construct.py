# BaseExceptionGroup / ExceptionGroup construction: which class the
# constructor returns, its error messages, message/exceptions/args/str/
# repr, readonly fields, subclassing with extra state.

print(ExceptionGroup.__mro__)
print(BaseExceptionGroup.__mro__)
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))

e1 = BaseExceptionGroup("all ordinary", [ValueError(1), TypeError(2)])
print(type(e1).__name__, repr(e1), str(e1))
e2 = BaseExceptionGroup("has base", [ValueError(1), KeyboardInterrupt()])
print(type(e2).__name__, repr(e2), str(e2))
e3 = ExceptionGroup("one", (KeyError("k"),))
print(type(e3).__name__, e3.message, e3.exceptions, e3.args, str(e3))
print(type(e3.exceptions).__name__, e3.exceptions == (e3.exceptions[0],))

# exceptions given as any sequence, kept as given in args
lst = [ValueError("a")]
e4 = ExceptionGroup("m", lst)
lst.append(TypeError("later"))
print(e4.args[1] is lst, len(e4.exceptions), e4.args)
print(ExceptionGroup("r", range(0) or [OSError(2, "x")]).exceptions)


class Seq:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        if i >= 2:
            raise IndexError
        return ArithmeticError(i)


print(ExceptionGroup("custom seq", Seq()).exceptions)

for args in [(), ("only",), (1, [ValueError()]), ("m", 5), ("m", {ValueError()}),
             ("m", []), ("m", ()), ("m", [1]), ("m", [ValueError(), "x"]),
             ("m", [ValueError()], 3), (b"m", [ValueError()]), (None, [ValueError()]),
             ("m", {"a": ValueError()}), ("m", "abc")]:
    for cls in (BaseExceptionGroup, ExceptionGroup):
        try:
            r = cls(*args)
            print(cls.__name__, "ok", repr(r))
        except Exception as e:
            print(cls.__name__, type(e).__name__, e)

try:
    ExceptionGroup("m", [SystemExit(1)])
except TypeError as e:
    print("TypeError:", e)
try:
    ExceptionGroup("m", [ValueError()], extra=1)
except TypeError as e:
    print("TypeError:", e)

# readonly fields
eg = ExceptionGroup("ro", [ValueError()])
for name in ["message", "exceptions"]:
    try:
        setattr(eg, name, 1)
    except AttributeError as e:
        print(name, "AttributeError:", e)
    try:
        delattr(eg, name)
    except AttributeError as e:
        print(name, "del AttributeError:", e)
eg.other = 5
print(eg.other, eg.__dict__)


# subclasses
class MyGroup(ExceptionGroup):
    pass


class MyBaseGroup(BaseExceptionGroup):
    pass


print(type(MyGroup("x", [ValueError()])).__name__)
print(type(MyBaseGroup("x", [ValueError()])).__name__)
print(type(MyBaseGroup("x", [KeyboardInterrupt()])).__name__)
try:
    MyGroup("x", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError:", e)


class Tagged(ExceptionGroup):
    def __new__(cls, message, excs, tag):
        self = super().__new__(cls, message, excs)
        self.tag = tag
        return self

    def __init__(self, message, excs, tag):
        super().__init__(message, excs)

    def derive(self, excs):
        return Tagged(self.message, excs, self.tag + "'")


t = Tagged("tagged", [ValueError(1), TypeError(2)], "T")
print(t.tag, t.args, repr(t))
m, r = t.split(ValueError)
print(type(m).__name__, m.tag, m.exceptions, type(r).__name__, r.tag, r.exceptions)


class StrMsg(str):
    pass


g = ExceptionGroup(StrMsg("sub-str"), [ValueError()])
print(type(g.message).__name__, g)
print(isinstance(ExceptionGroup("a", [ValueError()]), BaseExceptionGroup))
try:
    raise ExceptionGroup("raised", [ValueError(1)])
except Exception as e:
    print("caught as Exception:", repr(e))
try:
    raise BaseExceptionGroup("base", [KeyboardInterrupt()])
except Exception:
    print("not reached")
except BaseException as e:
    print("caught as BaseException:", repr(e))
