# iter() with and without a sentinel, next() with a default, generator
# return values, and the errors for objects that are not iterable or not
# iterators.
def t(label, f):
    try:
        print(label, '->', repr(f()))
    except BaseException as e:
        print(label, '->', type(e).__name__ + ':', e)

data = [1, 2, 3, 0, 5]
it = iter(data.pop, 3)
print('iter(callable, sentinel) pops until 3:', list(it), '| left:', data)
print('exhausted stays exhausted:', list(it))
counter = iter(range(5)).__next__
print('sentinel never seen:', list(iter(counter, 99)))
calls = []
def source():
    calls.append(1)
    return len(calls)
print('stops at 4:', list(iter(source, 4)))
t('type', lambda: type(iter(source, 0)).__name__)
t('not callable', lambda: iter(5, 1))
t('not iterable', lambda: iter(5))
t('None not iterable', lambda: iter(None))
t('no args', lambda: iter())
t('three args', lambda: iter([], 1, 2))
t('keyword', lambda: iter([], sentinel=1))
def raising():
    raise StopIteration('from the callable')
t('callable raising StopIteration', lambda: list(iter(raising, None)))
def value_error():
    raise ValueError('bad')
t('callable raising ValueError', lambda: list(iter(value_error, None)))

class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print('sequence protocol:', list(iter(Seq())), type(iter(Seq())).__name__)
class NotIterable:
    __iter__ = None
t('__iter__ = None', lambda: iter(NotIterable()))
class BadIter:
    def __iter__(self):
        return 5
t('__iter__ returns non-iterator', lambda: iter(BadIter()))

g = (x * 2 for x in range(2))
print('next:', next(g), next(g), next(g, 'default'), next(g, None))
t('next exhausted', lambda: next(g))
def returning():
    yield 1
    return 'the value'
r = returning()
next(r)
try:
    next(r)
except StopIteration as e:
    print('StopIteration.value:', e.value, e.args)
r2 = returning()
next(r2)
print('default hides the return value:', next(r2, 'dflt'))
t('next of a list', lambda: next([1]))
t('next of None', lambda: next(None, 1))
t('next no args', lambda: next())
t('next three args', lambda: next(iter([]), 1, 2))
t('next keyword', lambda: next(iter([]), default=1))
class Manual:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        return self.n
m = Manual()
print('hand-made iterator:', next(m), next(m), next(m, 'end'))
print('iter(iterator) is itself:', iter(m) is m)
it = iter({'a': 1}.items())
print('dict items iterator:', next(it), next(it, 'done'))
