# Attribute hooks: __getattr__ (only for missing names), __getattribute__,
# __setattr__, __delattr__, descriptors (__get__/__set__/__set_name__),
# __init_subclass__, __class__ checks, dynamic attribute names.

class Defaults:
    known = "class level"
    def __init__(self):
        self.real = "instance level"
    def __getattr__(self, name):
        if name.startswith("opt_"):
            return "default for " + name[4:]
        raise AttributeError("%s has no %r" % (type(self).__name__, name))
d = Defaults()
print(d.real, d.known, d.opt_color, getattr(d, "opt_size"), hasattr(d, "opt_x"), hasattr(d, "other"))
try:
    d.missing
except AttributeError as e:
    print("AttributeError:", e)

class Recorder:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __setattr__(self, name, value):
        self.log.append(("set", name, value))
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append(("del", name))
        object.__delattr__(self, name)
r = Recorder()
r.a = 1
r.b = [2]
r.a += 10
del r.b
print(r.log, r.a, hasattr(r, "b"))

class Counted:
    def __init__(self):
        self.hits = {}
    def __getattribute__(self, name):
        if name != "hits":
            hits = object.__getattribute__(self, "hits")
            hits[name] = hits.get(name, 0) + 1
        return object.__getattribute__(self, name)
    def method(self):
        return "m"
c = Counted()
c.x = 5
print(c.x, c.x, c.method(), c.hits)

class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError("%s must be %s" % (self.name[1:], self.kind.__name__))
        setattr(obj, self.name, value)
class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name = name
        self.age = age
p = Person("Ann", 30)
print(p.name, p.age, sorted(vars(p)), type(Person.name).__name__, Person.age.name)
try:
    p.age = "old"
except TypeError as e:
    print("TypeError:", e)
p.age = 31
print(p.age)

class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"
class Holder:
    attr = NonData()
h = Holder()
print(h.attr)
h.attr = "instance wins over non-data descriptor"
print(h.attr, Holder.attr)

class Plugin:
    plugins = []
    def __init_subclass__(cls, key=None, **kw):
        super().__init_subclass__(**kw)
        cls.key = key or cls.__name__.lower()
        Plugin.plugins.append(cls.key)
class CsvPlugin(Plugin, key="csv"):
    pass
class JsonPlugin(Plugin):
    pass
print(Plugin.plugins, CsvPlugin.key, JsonPlugin.key)

class Dyn:
    pass
obj = Dyn()
for i, name in enumerate(["alpha", "beta", "gamma"]):
    setattr(obj, name, i * 10)
print(sorted(vars(obj).items()), [getattr(obj, n) for n in ("alpha", "gamma")], getattr(obj, "delta", "absent"))
obj.__dict__["direct"] = "via __dict__"
print(obj.direct)
class WithClassAttr:
    shared = []
a1, a2 = WithClassAttr(), WithClassAttr()
a1.shared.append(1)
a2.shared = ["own"]
print(a1.shared, a2.shared, WithClassAttr.shared)
print(type(p).__name__, p.__class__ is Person, isinstance(p, Person), Person.__dict__["age"] is Person.age)
class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        value = getattr(self._target, name)
        if callable(value):
            def wrapped(*a, **k):
                return ("proxied", value(*a, **k))
            return wrapped
        return value
px = Proxy([3, 1, 2])
print(px.count(1), px.index(2), px.__class__.__name__)
px2 = Proxy("hello")
print(px2.upper(), px2.find("l"))
