# __qualname__ and __name__ of functions, lambdas, nested functions,
# methods, classes in functions, comprehensions' code, generators, and
# their use in reprs and error messages; global/nonlocal declarations
# affecting qualnames.

def top():
    def nested():
        def deeper():
            pass
        return deeper
    return nested

print(top.__qualname__, top().__qualname__, top()().__qualname__)
lam = lambda: None
print(lam.__name__, lam.__qualname__, (lambda: lambda: 0)().__qualname__)

class Outer:
    def method(self):
        def inner():
            pass
        return inner
    @staticmethod
    def static():
        return lambda: 0
    @classmethod
    def clsm(cls):
        class InMethod:
            def m(self):
                pass
        return InMethod
    class Inner:
        class Deepest:
            def f(self):
                pass
        attr = [i for i in range(1)]

print(Outer.method.__qualname__, Outer().method().__qualname__, Outer.static().__qualname__)
print(Outer.clsm().__qualname__, Outer.clsm().m.__qualname__, Outer.Inner.Deepest.f.__qualname__)

def make_class():
    class Local:
        def m(self):
            pass
    return Local
L = make_class()
print(L.__qualname__, L.m.__qualname__, L.__name__, L.__module__)

# Generators, coroutines and their code names.
def gen():
    yield 1
g = gen()
print(gen.__qualname__, g.__name__, g.__qualname__, gen.__code__.co_qualname)
class G:
    def gen(self):
        yield self
print(G().gen().__qualname__)

# Comprehensions get <listcomp> etc. code objects.
codes = [c for c in top.__code__.co_consts if hasattr(c, 'co_name')]
print([c.co_name for c in codes])
def comps():
    a = [x for x in 'a']
    b = {x for x in 'b'}
    c = {x: x for x in 'c'}
    d = (x for x in 'd')
    return d
print(comps().__name__, comps().__qualname__, [c.co_name for c in comps.__code__.co_consts if hasattr(c, 'co_name')])

# global declarations make nested names top-level.
def defines_global():
    global made_global
    def made_global():
        pass
    return made_global
print(defines_global().__qualname__)
class WithGlobal:
    global GlobalFromClass
    def GlobalFromClass():
        pass
print(GlobalFromClass.__qualname__)

# Qualnames appear in reprs and argument errors.
print(repr(Outer.Inner.Deepest).endswith("Outer.Inner.Deepest'>"), repr(Outer.method).startswith('<function Outer.method at'))
try:
    Outer.Inner.Deepest().f(1)
except TypeError as e:
    print('TypeError:', e)
try:
    top()(1)
except TypeError as e:
    print('TypeError:', e)
nested = top()
nested.__qualname__ = 'renamed.qualname'
try:
    nested(1)
except TypeError as e:
    print('TypeError:', e)
print(nested.__code__.co_qualname)
