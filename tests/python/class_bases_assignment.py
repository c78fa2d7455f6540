# gc-stress: 20
def tryit(label, f):
    try:
        f()
        print(label, "ok")
    except Exception as e:
        print(label, type(e).__name__, e)

class A: pass
class B: pass
class C(A): pass
class D(C): pass
def s(cls, b):
    def f():
        cls.__bases__ = b
    return f
tryit("C->B", s(C, (B,)))
print(C.__mro__, D.__mro__, C.__bases__, C.__base__)
print(A.__subclasses__(), B.__subclasses__())
tryit("C->A,B", s(C, (A, B)))
print(D.__mro__)
tryit("int", s(int, (object,)))
tryit("list", s(C, [A]))
tryit("empty", s(C, ()))
tryit("nonclass", s(C, (1,)))
tryit("cycle", s(A, (D,)))
tryit("self", s(A, (A,)))
tryit("obj->A", s(B, (A,)))
class O(object): pass
tryit("plainobj", s(O, (A,)))
tryit("C->int", s(C, (int,)))
tryit("C->list", s(C, (list,)))
class L(list): pass
class L2(list): pass
class L3(L): pass
tryit("L3->L2", s(L3, (L2,)))
print(L3.__mro__)
tryit("L3->list", s(L3, (list,)))
tryit("del", lambda: delattr(C, '__bases__'))
tryit("dup", s(C, (A, A)))
tryit("mroconf", s(D, (object, A)))
class Sl: __slots__ = ('a',)
class Sl2: __slots__ = ('a',)
class Sl3: __slots__ = ('b',)
class X(Sl): pass
tryit("X->Sl2", s(X, (Sl2,)))
tryit("X->Sl3", s(X, (Sl3,)))
tryit("X->A", s(X, (A,)))
tryit("bool", s(C, (bool,)))
import types
tryit("Gen", s(C, (types.GenericAlias,)))
tryit("str", s(C, ("x",)))

# Method lookup, slots and caches follow the new bases.
class P:
    def who(self): return "P"
    def __len__(self): return 1
    def __add__(self, o): return "P+"
class Q:
    def who(self): return "Q"
    def __len__(self): return 2
    def __add__(self, o): return "Q+"
class R(P): pass
class RR(R): pass
r, rr = R(), RR()
for _ in range(3):
    print(r.who(), rr.who(), len(r), len(rr), r + 1, rr + 1)
R.__bases__ = (Q,)
for _ in range(3):
    print(r.who(), rr.who(), len(r), len(rr), r + 1, rr + 1)
print(isinstance(rr, Q), isinstance(rr, P), issubclass(RR, Q), issubclass(RR, P))
print(P.__subclasses__(), Q.__subclasses__(), R.__subclasses__())
R.__bases__ = (P, Q)
print(RR.__mro__)
print(r.who(), len(rr), Q.__subclasses__(), P.__subclasses__())

# A failing subclass MRO undoes every change.
class X1: pass
class X2: pass
class Top: pass
class Mid(Top): pass
class Low(X1, Mid): pass
try:
    Mid.__bases__ = (X1,)
except TypeError as e:
    print("undo:", e)
print(Mid.__mro__, Low.__mro__, Mid.__bases__, Mid.__base__)
print(Top.__subclasses__(), X1.__subclasses__())

# A metaclass's own mro() runs for the class and its subclasses.
calls = []
class Meta(type):
    def mro(cls):
        calls.append(cls.__name__)
        return super().mro()
class M0: pass
class M1(M0, metaclass=Meta): pass
class M2(M1): pass
calls.clear()
M1.__bases__ = (A,)
print(calls, M2.__mro__)
class BadMeta(type):
    def mro(cls):
        if getattr(cls, "bad", False):
            return [1]
        return super().mro()
class K(M0, metaclass=BadMeta): pass
K.bad = True
try:
    K.__bases__ = (B,)
except TypeError as e:
    print("badmro:", e)
print(K.__bases__, K.__mro__)

# typing.NamedTuple with Generic does this.
from typing import NamedTuple, Generic, TypeVar
T = TypeVar("T")
class Pair(NamedTuple, Generic[T]):
    a: T
    b: int = 0
p = Pair(1)
print(p, Pair.__bases__, Pair[int], p._fields)

# Exceptions keep working through a bases change.
class E1(Exception): pass
class E2(Exception):
    def tag(self): return "E2"
class E3(E1): pass
E3.__bases__ = (E2,)
try:
    raise E3("x")
except E2 as e:
    print("caught", type(e).__name__, e, e.tag(), E3.__mro__)
class V(ValueError): pass
try:
    E3.__bases__ = (V,)
except TypeError as e:
    print(e)

# Many classes and collections while bases change.
import gc
objs = []
for i in range(200):
    class Tmp(P): pass
    t = Tmp()
    Tmp.__bases__ = (Q,) if i % 2 else (R,)
    objs.append((t.who(), len(t)))
    if i % 50 == 0:
        gc.collect()
print(objs[:4], len(objs))
