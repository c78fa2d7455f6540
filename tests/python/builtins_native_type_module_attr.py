# Types of native modules modelled on CPython's static types (collections.deque,
# io.StringIO, the itertools types, contextvars) hold no __module__ in their
# dicts, so their instances have no __module__ attribute; the types still name
# their module (type.__module__, repr, pickling by reference). Types CPython
# builds as heap types (array.array, functools.partial, _struct.Struct) keep it.
import collections, io, itertools, contextvars, _string, array, functools, struct, operator, pickle, copy

static = [collections.deque([1, 2]), iter(collections.deque([1])), io.StringIO("x"), io.BytesIO(b"x"),
          itertools.count(3), itertools.chain([1]), itertools.repeat(1, 2), contextvars.ContextVar("v"),
          contextvars.Token.MISSING, _string.formatter_parser("a{b}")]
heap = [array.array('i', [1]), functools.partial(max, 1), struct.Struct('i'), operator.itemgetter(1)]
for o in static + heap:
    t = type(o)
    print(repr(t), t.__module__, t.__name__, t.__qualname__, hasattr(o, '__module__'), '__module__' in t.__dict__)
print(collections.deque.__module__ == 'collections', io.StringIO.__module__, itertools.chain.__module__)
print(pickle.loads(pickle.dumps(collections.deque([1, 2]))), pickle.loads(pickle.dumps(collections.deque)))
print(pickle.loads(pickle.dumps(itertools.count)), pickle.loads(pickle.dumps(io.StringIO)))
print(copy.copy(collections.deque([3])), copy.deepcopy(collections.deque([[4]])))

class D(collections.deque):
    pass
print(D.__module__, D().__module__, repr(D).replace(__name__, 'M'))

for t, attr in [(collections.deque, '__module__'), (collections.deque, 'x'), (io.StringIO, '__doc__'), (int, '__module__')]:
    try:
        setattr(t, attr, 'y')
    except TypeError as e:
        print(e)
try:
    collections.deque.__bases__ = (object,)
except TypeError as e:
    print(e)
