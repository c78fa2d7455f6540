# Decorators: evaluation order, stacking, decorators with arguments,
# class decorators, decorators returning non-functions, decorators that
# are arbitrary expressions (PEP 614), methods, and wrappers keeping
# metadata by hand.

trace = []

def tag(label):
    trace.append('make ' + label)
    def deco(f):
        trace.append('apply ' + label + ' to ' + getattr(f, '__name__', type(f).__name__))
        return f
    return deco

@tag('outer')
@tag('middle')
@tag('inner')
def target():
    return 'target'

print(trace, target())

# Decorators are evaluated before the function is defined, applied
# bottom-up, and the name is bound only at the end.
trace.clear()
def check_unbound(f):
    trace.append('target2 bound yet? %s' % ('target2' in globals()))
    return f
@check_unbound
def target2():
    pass
print(trace, 'target2' in globals())

def counter(f):
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return f(*args, **kwargs)
    wrapper.calls = 0
    wrapper.__name__ = f.__name__
    wrapper.__qualname__ = f.__qualname__
    wrapper.__doc__ = f.__doc__
    wrapper.__wrapped__ = f
    return wrapper

@counter
def add(a, b=1):
    """Add two numbers."""
    return a + b
print(add(1), add(2, b=3), add.calls, add.__name__, add.__doc__, add.__wrapped__(10))

def repeat(times):
    def deco(f):
        def wrapper(*a):
            return [f(*a) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return 'hi ' + name
print(hello('bob'))

# Decorators returning something else entirely.
def to_value(f):
    return f()
@to_value
def computed():
    return 6 * 7
print(computed)
def to_class(f):
    class Made:
        name = f.__name__
    return Made
@to_class
def becomes_class():
    pass
print(becomes_class.__name__, becomes_class.name)

# PEP 614: any expression.
decos = {'double': lambda f: lambda x: 2 * f(x)}
@decos['double']
def ten(x):
    return x + 10
print(ten(1))
@(lambda f: f)
def identity():
    return 'identity'
print(identity())
class Holder:
    def method_deco(self, f):
        return lambda: 'via method deco: ' + f()
h = Holder()
@h.method_deco
def fn():
    return 'fn'
print(fn())
@tag('a') if True else tag('b')
def conditional():
    pass
print(trace[-2:])

# Class decorators.
def register(cls):
    cls.registered = True
    return cls
def add_repr(cls):
    def __repr__(self):
        return '%s(%s)' % (type(self).__name__, ', '.join('%s=%r' % kv for kv in sorted(vars(self).items())))
    cls.__repr__ = __repr__
    return cls
@register
@add_repr
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(Point(1, 2), Point.registered)
def replace_class(cls):
    return 'replaced ' + cls.__name__
@replace_class
class Gone:
    pass
print(Gone)

# Decorated methods, classmethods and properties.
def logged(f):
    def wrapper(self, *a):
        return ('logged', f.__name__, f(self, *a))
    return wrapper
class Svc:
    @logged
    def run(self, x):
        return x * 2
    @classmethod
    @counter
    def build(cls):
        return cls.__name__
    @property
    @logged
    def prop(self):
        return 'p'
print(Svc().run(4), Svc.build(), Svc.build.calls if hasattr(Svc.build, 'calls') else Svc.__dict__['build'].__func__.calls, Svc().prop)

# A decorator raising stops the definition.
def refuse(f):
    raise ValueError('refused ' + f.__name__)
try:
    @refuse
    def never():
        pass
except ValueError as e:
    print('ValueError:', e, 'never' in globals())

# Decorators see the function's attributes and defaults.
def inspect_it(f):
    print(f.__name__, f.__defaults__, f.__kwdefaults__, f.__code__.co_argcount, sorted(f.__annotations__))
    return f
@inspect_it
def annotated(a: int, b: str = 'x', *, c: float = 1.0) -> None:
    pass
