# Instances of built-in types have no __module__ attribute (their types' dicts hold none);
# the types answer 'builtins' and repr/pickle still name them.
import collections, threading, io
print(hasattr(1.5, '__module__'), hasattr(1, '__module__'), hasattr([], '__module__'), hasattr(ValueError(), '__module__'))
print(int.__module__, ValueError.__module__, type.__module__, object.__module__, type(None).__module__)
print(repr(int), repr(ValueError), repr(collections.deque), repr(io.StringIO), repr(type(len)))
print(collections.OrderedDict.__module__, threading.Lock.__module__ if hasattr(threading.Lock, '__module__') else '-')
print(len.__module__, (lambda: 0).__module__, io.open.__module__)
print('__module__' in int.__dict__)
import pickle
print(len(pickle.dumps(int)) > 0, pickle.loads(pickle.dumps([int, ValueError, len])))
class A(int): pass
print(A.__module__, A(1).__module__, object().__repr__()[:8])
