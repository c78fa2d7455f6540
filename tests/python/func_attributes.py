# Function objects: __name__, __qualname__, __doc__, __defaults__,
# __kwdefaults__, __module__, custom attributes, functions as values in
# containers, higher-order functions, functions returning functions.

def documented(a, b=2, *args, c, d=4, **kw):
    """Adds things.

    More text here.
    """
    return a + b + c + d
print(documented.__name__, documented.__qualname__, documented.__module__)
print(repr(documented.__doc__.splitlines()[0]), documented.__defaults__, documented.__kwdefaults__)
print(documented(1, c=3), documented(1, 1, c=1, d=1))
def nodoc():
    pass
print(nodoc.__doc__, nodoc.__defaults__, nodoc.__kwdefaults__)
class Outer:
    def method(self):
        def inner():
            pass
        return inner
    class Nested:
        def deep(self):
            pass
print(Outer.method.__qualname__, Outer().method().__qualname__, Outer.Nested.deep.__qualname__, Outer.Nested.__qualname__)
print((lambda: 0).__qualname__, Outer.method.__name__, type(Outer.method).__name__, type(Outer().method).__name__)
documented.custom = "attached"
documented.calls = 0
print(documented.custom, sorted(k for k in vars(documented)))
documented.__defaults__ = (100,)
print(documented(1, c=0))
def apply(fn, *args):
    return fn(*args)
def compose2(f, g):
    return lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(apply(max, 3, 9, 2), apply(len, "four"), compose2(inc, dbl)(5), compose2(dbl, inc)(5))
pipeline = [inc, dbl, str, len]
value = 49
for f in pipeline:
    value = f(value)
print(value)
dispatch = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "max": max, "pow": pow}
print({k: f(7, 3) for k, f in dispatch.items()})
def make_multiplier(n):
    def multiply(x):
        return x * n
    multiply.__name__ = "times%d" % n
    return multiply
times = [make_multiplier(i) for i in range(1, 4)]
print([f.__name__ for f in times], [f(10) for f in times])
def counter_func():
    counter_func.count += 1
    return counter_func.count
counter_func.count = 0
counter_func()
counter_func()
print(counter_func.count)
print(callable(documented), documented is documented, documented == documented, documented != nodoc)
print(sorted([inc, dbl], key=lambda f: f(10))[0] is inc, max([inc, dbl], key=lambda f: f(10)) is dbl)
def varargs_info(*args, **kwargs):
    return len(args), sorted(kwargs)
print(varargs_info(), varargs_info(1, 2, x=1, y=2))
def recursive_lambda_holder():
    fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
    return fact
print(recursive_lambda_holder()(10))
def gen_func():
    yield 1
print(type(gen_func).__name__, type(gen_func()).__name__, gen_func.__name__)
def kwonly_defaults(*, a=1, b):
    return a, b
print(kwonly_defaults.__kwdefaults__, kwonly_defaults(b=2))
def annotations(x: int, y: float = 1.0) -> str:
    return str(x + y)
print(annotations.__annotations__, annotations(1))
builtin_names = [f.__name__ for f in (len, print, sorted, max, abs)]
print(builtin_names, type(len).__name__, len.__qualname__)
print(str.upper.__name__, [].append.__name__, dict.fromkeys.__name__, str.upper.__qualname__)
