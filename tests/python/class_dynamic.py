# Classes as objects: type() with three arguments, classes created in
# functions (closures over parameters), nested classes, class attributes
# added and removed at run time, methods replaced on the class, type()
# of instances and classes, __name__/__qualname__/__module__, __bases__.

def make_class(name, base, **attrs):
    return type(name, (base,), attrs)
Base = make_class("Base", object, greet=lambda self: "hello from " + type(self).__name__, kind="base")
Derived = make_class("Derived", Base, kind="derived")
d = Derived()
print(d.greet(), Derived.kind, Base.kind, Derived.__name__, Derived.__bases__[0].__name__, isinstance(d, Base))
print(type(Derived) is type, type(d) is Derived, Derived.__mro__[1] is Base, Derived.__module__)

def counter_class(start):
    class Counter:
        initial = start
        def __init__(self):
            self.value = start
        def inc(self):
            self.value += 1
            return self.value
    return Counter
C5 = counter_class(5)
C10 = counter_class(10)
a, b = C5(), C10()
print(a.inc(), a.inc(), b.inc(), C5.initial, C10.initial, C5 is C10, C5.__name__, C5.__qualname__)

class Outer:
    class Inner:
        value = 1
        class Deepest:
            value = 2
    def make_inner(self):
        return self.Inner()
print(Outer.Inner.value, Outer.Inner.Deepest.value, Outer().make_inner().value, Outer.Inner.Deepest.__qualname__)

class Dynamic:
    def method(self):
        return "original"
obj = Dynamic()
print(obj.method())
Dynamic.method = lambda self: "replaced on class"
print(obj.method())
obj.method = lambda: "replaced on instance"
print(obj.method(), Dynamic().method())
del obj.method
print(obj.method())
Dynamic.new_attr = 42
print(obj.new_attr, hasattr(Dynamic, "new_attr"))
del Dynamic.new_attr
print(hasattr(obj, "new_attr"))
def bound_later(self, x):
    return ("bound", type(self).__name__, x)
Dynamic.later = bound_later
print(obj.later(7), Dynamic.later(obj, 8))

classes = []
for i, shape in enumerate(["Circle", "Square", "Triangle"]):
    classes.append(type(shape, (), {"sides": i or float("inf"), "__repr__": lambda self: "<%s>" % type(self).__name__}))
print([c() for c in classes], [c.sides for c in classes], [c.__name__ for c in classes])

class Meta(type):
    def __call__(cls, *args):
        inst = super().__call__(*args)
        inst.created_by_meta = True
        return inst
class WithMeta(metaclass=Meta):
    def __init__(self, x):
        self.x = x
wm = WithMeta(3)
print(wm.x, wm.created_by_meta, type(WithMeta).__name__, isinstance(WithMeta, Meta))

class Registry(type):
    registered = []
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        if bases:
            Registry.registered.append(name)
        return cls
class PluginBase(metaclass=Registry):
    pass
class P1(PluginBase):
    pass
class P2(PluginBase):
    pass
print(Registry.registered, type(P1).__name__)
print(type(3).__name__, type(type(3)).__name__, type(int) is type, isinstance(int, type), issubclass(type, object), isinstance(type, type))
print(int.__name__, str.__qualname__, list.__module__, object.__bases__, bool.__bases__[0].__name__)
instance_class = type(obj)
another = instance_class()
print(type(another).__name__, another.method(), instance_class is Dynamic)
