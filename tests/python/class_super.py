# Inheritance: overriding, super() in __init__ and methods, multi-level
# chains, super() with arguments, diamond MRO, isinstance/issubclass,
# class attributes through the hierarchy.

class Shape:
    sides = 0
    def __init__(self, name):
        self.name = name
        self.log = ["Shape.__init__"]
    def area(self):
        return 0
    def describe(self):
        return "%s with %d sides, area %.2f" % (self.name, self.sides, self.area())
    def kind(self):
        return "shape"

class Rect(Shape):
    sides = 4
    def __init__(self, w, h, name="rect"):
        super().__init__(name)
        self.w, self.h = w, h
        self.log.append("Rect.__init__")
    def area(self):
        return self.w * self.h
    def kind(self):
        return "rect/" + super().kind()

class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s, name="square")
        self.log.append("Square.__init__")
    def kind(self):
        return "square/" + super().kind()

class Triangle(Shape):
    sides = 3
    def __init__(self, b, h):
        Shape.__init__(self, "triangle")
        self.b, self.h = b, h
    def area(self):
        return self.b * self.h / 2

shapes = [Shape("blob"), Rect(2, 3), Square(4), Triangle(3, 5)]
for s in shapes:
    print(s.describe(), "|", s.kind(), "|", type(s).__name__, getattr(s, "log", None))
print(isinstance(shapes[2], Rect), isinstance(shapes[2], Shape), isinstance(shapes[1], Square), isinstance(shapes[3], (Rect, Triangle)))
print(issubclass(Square, Shape), issubclass(Shape, Square), issubclass(Square, Square), issubclass(bool, (str, int)), issubclass(Rect, object))
print([c.__name__ for c in Square.__mro__], Square.__bases__[0].__name__, Shape.__bases__[0].__name__)
print(Square.sides, Square(1).sides, Triangle.sides, super(Square, Square(2)).kind(), super(Rect, Square(2)).kind())

class A:
    def who(self):
        return ["A"]
    def hello(self):
        return "A.hello"
class B(A):
    def who(self):
        return ["B"] + super().who()
class C(A):
    def who(self):
        return ["C"] + super().who()
    def hello(self):
        return "C.hello"
class D(B, C):
    def who(self):
        return ["D"] + super().who()
print(D().who(), [k.__name__ for k in D.__mro__], D().hello(), B().hello())

class Base:
    def __init__(self, **kw):
        self.base_kw = kw
class Mixin:
    def __init__(self, **kw):
        self.mixin = True
        super().__init__(**kw)
class Combined(Mixin, Base):
    def __init__(self, x, **kw):
        self.x = x
        super().__init__(**kw)
cmb = Combined(1, y=2)
print(cmb.x, cmb.mixin, cmb.base_kw)

class Animal:
    noise = "..."
    def speak(self):
        return "%s says %s" % (type(self).__name__, self.noise)
class Cat(Animal):
    noise = "meow"
class Lion(Cat):
    noise = "roar"
    def speak(self):
        return super().speak().upper()
class Kitten(Cat):
    pass
print([x().speak() for x in (Animal, Cat, Lion, Kitten)])

class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError("insufficient funds")
        self.balance -= amount
        return self.balance
class Overdraft(Account):
    def __init__(self, owner, balance=0, limit=100):
        super().__init__(owner, balance)
        self.limit = limit
    def withdraw(self, amount):
        if amount > self.balance + self.limit:
            raise ValueError("over limit")
        self.balance -= amount
        return self.balance
for acct in (Account("ann", 50), Overdraft("bob", 50)):
    for amt in (30, 40, 100):
        try:
            print(type(acct).__name__, acct.owner, "withdraw", amt, "->", acct.withdraw(amt))
        except ValueError as e:
            print(type(acct).__name__, acct.owner, "withdraw", amt, "failed:", e)

class Parent:
    def template(self):
        return "[" + self.hook() + "]"
    def hook(self):
        return "parent"
class Child(Parent):
    def hook(self):
        return "child"
print(Parent().template(), Child().template())

class NoInit(Rect):
    pass
ni = NoInit(5, 6)
print(ni.area(), ni.name, ni.log)
try:
    class Bad(B, A, C):
        pass
except TypeError as e:
    print("TypeError:", e)
print(object.__name__, type(object()).__name__, isinstance(object, object), issubclass(type, object))
