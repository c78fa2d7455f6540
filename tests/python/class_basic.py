# Classes: __init__, methods, class vs instance attributes, attribute
# lookup order, bound methods, class-level counters, __dict__, type names.

class Dog:
    species = "canis"
    count = 0
    tricks = []

    def __init__(self, name, age=1):
        self.name = name
        self.age = age
        Dog.count += 1
        self.id = Dog.count

    def bark(self, times=1):
        return " ".join([self.name + "!"] * times)

    def birthday(self):
        self.age += 1
        return self

    def add_trick_shared(self, t):
        self.tricks.append(t)

    def add_trick_own(self, t):
        self.tricks = self.tricks + [t]

rex = Dog("Rex", 3)
fido = Dog("Fido")
print(rex.name, rex.age, fido.age, rex.id, fido.id, Dog.count, rex.count, rex.species)
print(rex.bark(), fido.bark(3), rex.birthday().birthday().age)
rex.species = "wolf"
print(rex.species, fido.species, Dog.species)
del rex.species
print(rex.species)
Dog.species = "canis familiaris"
print(rex.species, fido.species)
rex.add_trick_shared("sit")
fido.add_trick_shared("roll")
print(rex.tricks, fido.tricks, Dog.tricks)
rex.add_trick_own("beg")
print(rex.tricks, fido.tricks, Dog.tricks)
print(sorted(vars(rex)), sorted(fido.__dict__), "name" in rex.__dict__, "species" in rex.__dict__)
m = rex.bark
print(m(), m(2), Dog.bark(fido), Dog.bark(fido, 2), m.__self__ is rex, m.__func__ is Dog.bark)
rex.name = "Rexy"
print(m())
print(type(rex).__name__, type(rex) is Dog, Dog.__name__, type(Dog).__name__, rex.__class__.__name__)
print(isinstance(rex, Dog), isinstance(rex, object), isinstance(Dog, type), isinstance(3, Dog))
rex.extra = [1, 2]
print(rex.extra, hasattr(rex, "extra"), hasattr(fido, "extra"))
try:
    fido.extra
except AttributeError as e:
    print("AttributeError:", e)
try:
    Dog.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Dog("a", 1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    Dog()
except TypeError as e:
    print("TypeError:", e)
try:
    rex.bark(1, 2)
except TypeError as e:
    print("TypeError:", e)

class Empty:
    pass
e = Empty()
e.x = 1
e.y = e.x + 1
print(e.x, e.y, sorted(vars(e).items()), Empty.__name__, Empty.__qualname__)
Empty.z = "class attr added later"
print(e.z)

class Counter:
    instances = 0
    def __init__(self):
        type(self).instances += 1
class SubCounter(Counter):
    pass
Counter()
Counter()
SubCounter()
print(Counter.instances, SubCounter.instances, "instances" in SubCounter.__dict__)

class Temp:
    unit = "C"
    def __init__(self, deg):
        self.deg = deg
    def to(self, unit):
        if unit == self.unit:
            return self.deg
        return self.deg * 9 / 5 + 32
    def describe(self):
        return "%.1f%s" % (self.deg, self.unit)
t = Temp(21.5)
print(t.to("C"), t.to("F"), t.describe(), Temp(-40).to("F"))

def external(self):
    return "external " + self.name
Dog.ext = external
print(rex.ext(), fido.ext())

class WithClassBody:
    values = [i * i for i in range(4)]
    total = sum(values)
    lookup = {v: k for k, v in enumerate(values)}
    def first(self):
        return self.values[0]
print(WithClassBody.values, WithClassBody.total, WithClassBody.lookup, WithClassBody().first())

class Node:
    def __init__(self, val, nxt=None):
        self.val = val
        self.nxt = nxt
n = Node(1, Node(2, Node(3)))
vals = []
while n:
    vals.append(n.val)
    n = n.nxt
print(vals)
