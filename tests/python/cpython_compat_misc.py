# Behaviours CPython's own tests check: function() constructor, static
# method qualnames, ExceptionGroup[...], `global` in an enclosing function,
# the class cell during a metaclass mro(), property error messages,
# TracebackType(...), `raise X from <class>`, GenericAlias subclasses,
# comparison/hash dunders whose descriptor raises, weakrefs to locks.
import sys, types, weakref, _thread, collections

F = type(lambda: 0)
def f(x): return x
for args in [(), (f.__code__,), (f.__code__, 1), (f.__code__, {}, 1), (f.__code__, {}, None, 1),
             (f.__code__, {}, None, None, 1), (f.__code__, {}, None, None, (1,)), (1, {})]:
    try: F(*args)
    except Exception as e: print(type(e).__name__, e)
def g():
    y = 1
    def h(): return y
    return h
h = g()
for args in [(h.__code__, {}), (h.__code__, {}, None, None, ()), (h.__code__, {}, None, None, (1,)),
             (h.__code__, {}, None, None, (h.__closure__[0],))]:
    try: print(F(*args)())
    except Exception as e: print(type(e).__name__, e)
try: F(f.__code__, {}, kwdefaults={})
except Exception as e: print(type(e).__name__, e)
x = F(f.__code__, {}, 'nm', (5,))
print(x.__name__, x.__qualname__, x.__defaults__, x(), x.__module__)
x = F(f.__code__, {'__name__': 'mod'})
print(x.__module__, x.__globals__, x.__builtins__ is sys.modules['builtins'].__dict__)
safe = {'None': None, 'len': len}
ns = {'type': type, '__builtins__': safe}
exec("def f3(s): return len(s)\nf4 = type(f3)(f3.__code__, {})", ns)
print(ns['f3'].__builtins__ is safe, ns['f4'].__builtins__ is safe, ns['f4']('abc'))

print(str.maketrans.__qualname__, str.maketrans.__self__, bytes.maketrans.__qualname__,
      dict.fromkeys.__qualname__, len.__qualname__)
print(ExceptionGroup[int], BaseExceptionGroup[ValueError].__origin__)
print('__bool__' in dir(str), '__len__' in dir(str))

x = 7
def f():
    x = 1
    def g():
        global x
        def i():
            def h():
                return x
            return h()
        return i()
    return g()
print(f())

class Meta(type):
    def mro(self):
        self.__dict__["f"]()
        return super().mro()
class A(metaclass=Meta):
    def f():
        print("class cell", __class__.__name__)

class P:
    class Inner:
        foo = property()
        bar = property(doc="d")
for op in ("get", "set", "del"):
    try:
        if op == "get": P.Inner().foo
        elif op == "set": P.Inner().foo = 1
        else: del P.Inner().foo
    except AttributeError as e: print(e)
p = property()
try: p.__get__(1)
except AttributeError as e: print(e)

def get_tb():
    try: raise ValueError
    except ValueError as e: return e.__traceback__
frame = sys._getframe()
other = get_tb()
tb = types.TracebackType(other, frame, 7, -3)
print(tb.tb_next is other, tb.tb_frame is frame, tb.tb_lasti, tb.tb_lineno)
tb = types.TracebackType(tb_next=None, tb_frame=frame, tb_lasti=1, tb_lineno=2)
print(tb.tb_next, tb.tb_lasti, tb.tb_lineno)
for a in [("no", frame, 1, 2), (None, "no", 1, 2), (None, frame, "no", 2), (None, frame, 1, "x"),
          (None, frame, 1), (None, frame, 2**40, 1)]:
    try: types.TracebackType(*a)
    except Exception as e: print(type(e).__name__, e)
try: tb.tb_next = tb
except ValueError as e: print(e)

class MyException(Exception):
    def __init__(self):
        raise RuntimeError("from __init__")
try:
    raise IndexError from MyException
except RuntimeError as e: print("RuntimeError", e)
for cause in (1, "x", int):
    try:
        raise IndexError from cause
    except TypeError as e: print(e)
try:
    raise IndexError from KeyError
except IndexError as e: print(repr(e.__cause__))

class GA(types.GenericAlias):
    pass
a = GA(list, int)
print(type(a).__name__, a.__origin__, a.__args__, isinstance(a, GA))

def booh(self):
    raise AttributeError("booh")
class E:
    __eq__ = property(booh)
    __lt__ = property(booh)
    __hash__ = property(booh)
print(E() == E())
try: E() < E()
except TypeError as e: print(e)
try: hash(E())
except TypeError as e: print(e)

print(type(weakref.ref(_thread.allocate_lock())).__name__, type(weakref.ref(_thread.RLock())).__name__,
      type(weakref.ref(collections.deque())).__name__)
