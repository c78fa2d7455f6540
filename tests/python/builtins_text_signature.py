# gc-stress: 20
# __text_signature__ of built-in functions and methods (from their parameter
# declarations), None where CPython has none, and inspect.signature built
# from it: module functions get `$module`, methods `$self`, class methods
# `$type`, every type's __new__ `($type, *args, **kwargs)`.
import inspect
import sys

funcs = [len, sorted, print, pow, round, sum, divmod, isinstance, globals, input, format, anext, aiter,
         __import__, compile, exec, eval, abs, getattr, iter, next, dir, vars, max, min]
for f in funcs:
    print(f.__name__, repr(f.__text_signature__))
methods = [str.join, str.split, str.upper, str.startswith, str.find, str.maketrans, dict.get, dict.pop,
           dict.fromkeys, dict.keys, dict.update, list.append, list.index, list.pop, list.sort, list.insert,
           bytes.hex, bytes.decode, bytearray.append, int.to_bytes, int.from_bytes, int.__round__,
           float.fromhex, object.__reduce_ex__, object.__format__, type.mro, tuple.__getnewargs__,
           int.__new__, str.__new__, object.__new__, sys.exit, sys.intern, sys._getframe, sys.call_tracing,
           sys.getsizeof, sys.settrace]
for m in methods:
    print(m.__qualname__, repr(m.__text_signature__))
print("bound", repr("a".join.__text_signature__), repr([].append.__text_signature__))

for f in [len, sorted, print, pow, sum, str.join, "x".join, str.split, dict.get, {}.get, dict.fromkeys,
          list.append, [].pop, list.sort, int.to_bytes, sys.exit, sys._getframe, type.mro,
          object.__reduce_ex__]:
    print(getattr(f, "__qualname__", f), inspect.signature(f))
for f in [getattr, iter, max, str.find, dict.keys, int, anext, bytes.hex]:
    try:
        print(inspect.signature(f))
    except ValueError as e:
        print("ValueError", e)
sig = inspect.signature(sorted)
print([(p.name, p.kind.name, p.default) for p in sig.parameters.values()])
sig = inspect.signature(str.split)
print([(p.name, p.kind.name, p.default) for p in sig.parameters.values()])
