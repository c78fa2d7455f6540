# Container dunders on user classes: __getitem__/__setitem__/__delitem__
# with ints, negative ints, slices and tuples of them; __len__ with
# slicing semantics left to the class; __iter__/__next__ iterators;
# __contains__; a full sequence and mapping built by hand.

class Recorder:
    def __init__(self):
        self.log = []
    def __getitem__(self, key):
        self.log.append(('get', key))
        return key
    def __setitem__(self, key, value):
        self.log.append(('set', key, value))
    def __delitem__(self, key):
        self.log.append(('del', key))

r = Recorder()
r[0]
r[-1]
r[1:2]
r[::2]
r[1:2, 3]
r[...]
r['k'] = 'v'
r[1:3] = [1]
del r[0]
del r[::-1]
r[()]
for entry in r.log:
    print(entry)
s = r[1:2:3]
print(type(s).__name__, s.start, s.stop, s.step, r[:].indices(10), r[::-1].indices(5))

# Missing halves: only __getitem__, only __setitem__.
class ReadOnly:
    def __getitem__(self, k):
        return k
ro = ReadOnly()
for action in ('set', 'del'):
    try:
        if action == 'set':
            ro[0] = 1
        else:
            del ro[0]
    except TypeError as e:
        print('TypeError:', e)
class WriteOnly:
    def __setitem__(self, k, v):
        pass
wo = WriteOnly()
wo[0] = 1
try:
    wo[0]
except TypeError as e:
    print('TypeError:', e)
try:
    del wo[0]
except AttributeError as e:
    print('AttributeError:', e)

# A hand-made sequence.
class Seq:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Seq(*self.items[i])
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __repr__(self):
        return 'Seq%r' % (tuple(self.items),)
sq = Seq(1, 2, 3, 4)
print(sq[0], sq[-1], sq[1:3], len(sq), list(sq), 3 in sq, 9 in sq, list(reversed(sq)))
sq[0] = 'a'
del sq[1]
print(sq, sorted(sq[1:]), sum(sq[1:]), max(sq[1:]), tuple(sq), [*sq], dict(enumerate(sq)))
a, *rest = sq
print(a, rest)
try:
    sq[10]
except IndexError as e:
    print('IndexError:', e)

# A hand-made mapping.
class Map:
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        return self.d[k]
    def __setitem__(self, k, v):
        self.d[k] = v
    def __delitem__(self, k):
        del self.d[k]
    def __len__(self):
        return len(self.d)
    def __iter__(self):
        return iter(self.d)
    def keys(self):
        return self.d.keys()
m = Map()
m['x'] = 1
m['y'] = 2
print(dict(m), len(m), list(m), 'x' in m, {**m}, dict(**m))
del m['x']
try:
    m['x']
except KeyError as e:
    print('KeyError:', e)
try:
    del m['x']
except KeyError as e:
    print('KeyError:', e)

# Iterators: __iter__ returning self, __next__ raising StopIteration.
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
cd = Countdown(3)
print(list(cd), list(cd), next(Countdown(1)), next(Countdown(0), 'done'))
try:
    next(Countdown(0))
except StopIteration as e:
    print('StopIteration', e.args)
class NotIterator:
    pass
try:
    next(NotIterator())
except TypeError as e:
    print('TypeError:', e)
class IterReturnsNonIterator:
    def __iter__(self):
        return NotIterator()
try:
    iter(IterReturnsNonIterator())
except TypeError as e:
    print('TypeError:', e)
class NextRaisesValue:
    def __iter__(self):
        return self
    def __next__(self):
        raise ValueError('bad next')
try:
    list(NextRaisesValue())
except ValueError as e:
    print('ValueError:', e)
it = iter(Seq(5, 6))
print(type(it).__name__, next(it), list(it), list(it))

# Unpacking uses iteration; its errors.
class Three:
    def __iter__(self):
        return iter((1, 2, 3))
x, y, z = Three()
print(x, y, z)
try:
    x, y = Three()
except ValueError as e:
    print('ValueError:', e)
try:
    w, x, y, z = Three()
except ValueError as e:
    print('ValueError:', e)
try:
    x, y = NotIterator()
except TypeError as e:
    print('TypeError:', e)
