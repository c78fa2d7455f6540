# gc-stress: 200
# inspect.signature of functions, methods, classes and partials; getsource;
# the inspect predicates and helpers. (Builtins: ftpy has no
# __text_signature__ yet, so inspect.signature(len) is left out.)
import functools
import inspect


def f(a, b: int = 1, /, c=2, *args, d, e: "str" = "x", **kw) -> bool:
    """Doc of f.

        Indented.
    """
    return True


async def co(x):
    pass


def gen():
    yield 1


class C:
    def __init__(self, x, y=0):
        self.x = x

    def m(self, p, *, q=3):
        pass

    @classmethod
    def cm(cls, z):
        pass

    @staticmethod
    def sm(w=None):
        pass


sig = inspect.signature(f)
print(sig)
for name, p in sig.parameters.items():
    print(name, p.kind, p.default is inspect.Parameter.empty, p.annotation)
print(sig.return_annotation)
print(inspect.signature(C))
print(inspect.signature(C.m), inspect.signature(C(1).m))
print(inspect.signature(C.cm), inspect.signature(C.sm))
print(inspect.signature(lambda x, *y: 0))
print(inspect.signature(functools.partial(f, 1, d=4)))
ba = sig.bind(1, 2, 3, 4, 5, d=6, z=7)
print(ba.arguments)
ba.apply_defaults()
print(ba.args, ba.kwargs)
try:
    sig.bind(1)
except TypeError as e:
    print("TypeError:", e)
print(inspect.getdoc(f))
print(inspect.cleandoc("  a\n    b\n  c"))
print(inspect.isfunction(f), inspect.ismethod(C(1).m), inspect.isclass(C),
      inspect.iscoroutinefunction(co), inspect.isgeneratorfunction(gen),
      inspect.isbuiltin(len), inspect.isroutine(len), inspect.ismodule(inspect))
print(inspect.getfullargspec(f))
print(inspect.getmembers(C, inspect.isfunction)[0][0])
print(inspect.getmodule(f).__name__)
print(inspect.getsource(C.m))
print(inspect.getsourcelines(gen)[1])
new = sig.replace(return_annotation=inspect.Signature.empty)
print(new)
print(inspect.unwrap(functools.wraps(f)(lambda: 0)) is f)
import ast
print(repr(ast.get_docstring(ast.parse('def f():\n    """  Indented\n    doc.\n    """').body[0])))


# Classes: without __init__/__new__ (object's signature), with either,
# through a metaclass __call__; callable instances; text signatures
# written in a class docstring.
class Plain:
    pass


class WithInit:
    def __init__(self, a, b=1):
        pass


class WithNew:
    def __new__(cls, q):
        return super().__new__(cls)


class Meta(type):
    def __call__(cls, z):
        return super().__call__()


class UsesMeta(metaclass=Meta):
    pass


class CallMe:
    def __call__(self, u, v=3):
        pass


class Documented:
    """Documented(x, y=0)
--

Has a signature in its docstring."""


print(inspect.signature(Plain), inspect.signature(WithInit), inspect.signature(WithNew), inspect.signature(UsesMeta))
print(inspect.signature(CallMe()), inspect.signature(lambda *a, **k: 0), object.__text_signature__)
print(Documented.__text_signature__, Plain.__text_signature__, WithInit.__text_signature__)
made = inspect.Signature([inspect.Parameter("a", inspect.Parameter.POSITIONAL_ONLY),
                          inspect.Parameter("b", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=int)],
                         return_annotation=str)
print(made, made == inspect.signature(lambda a, /, *, b=None: 0), str(made.parameters["b"]))
