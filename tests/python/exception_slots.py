# Exception subclasses may declare nonempty __slots__ (test_exceptions
# defines such classes at import).
import gc


class E(Exception):
    __slots__ = ("code", "detail")


e = E("boom", 2)
e.code = 5
print(e.code, e.args, str(e), repr(e))
try:
    e.detail
except AttributeError as x:
    print("AttributeError:", x)
# BaseException instances still have a __dict__.
e.other = 3
print(e.__dict__)
del e.code
print(hasattr(e, "code"))


class F(E):
    __slots__ = ("extra",)

    def __init__(self, msg, extra):
        super().__init__(msg)
        self.extra = extra
        self.code = len(msg)


try:
    raise F("failure", [1, 2])
except E as caught:
    print(type(caught).__name__, caught.args, caught.extra, caught.code)

print(sorted(n for n in F.__dict__ if not n.startswith("__")))
print(type(F.__dict__["extra"]).__name__)


class G(ValueError, OSError):
    pass


class H(OSError):
    __slots__ = ("where",)


h = H(2, "No such file")
h.where = "here"
print(h.errno, h.strerror, h.where)

# Many of them, with collections in between: the slots are traced.
items = []
for i in range(200):
    x = F("m%d" % i, [i] * 3)
    items.append(x)
    if i % 50 == 0:
        gc.collect()
print(sum(len(x.extra) for x in items), items[-1].code)

try:
    class Bad(Exception):
        __slots__ = ("args",)
except Exception as err:
    print(type(err).__name__, err)
else:
    print("Bad made; args member:", type(Bad.__dict__["args"]).__name__)
