# Augmented assignment on attributes, items and slices: the get / in-place
# operation / set sequence (each called once), properties and
# descriptors in the middle, __iadd__ returning another object,
# immutable targets, and errors at each step.

log = []

class Box:
    def __init__(self, v):
        self._v = v
    @property
    def v(self):
        log.append('get v')
        return self._v
    @v.setter
    def v(self, new):
        log.append('set v=%s' % (type(new).__name__ if hasattr(new, '__dict__') else repr(new)))
        self._v = new

b = Box(1)
b.v += 5
print(b.v, log)
log.clear()
b.v *= 2
b.v -= 1
b.v **= 2
b.v //= 3
b.v %= 7
b.v <<= 2
b.v >>= 1
b.v |= 8
b.v &= 12
b.v ^= 5
print(b._v, len(log))
log.clear()

class Items:
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        log.append(('get', k))
        return self.d.get(k, 0)
    def __setitem__(self, k, v):
        log.append(('set', k, v))
        self.d[k] = v
it = Items()
it['a'] += 1
it['a'] += 1
it[1, 2] += 3
print(it.d, log)
log.clear()

# The target expression is evaluated once.
def key():
    log.append('key evaluated')
    return 'k'
def target():
    log.append('target evaluated')
    return it
target()[key()] += 10
print(log, it.d['k'])
log.clear()

# __iadd__ mutating in place vs. returning a new object.
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, other):
        self.items.append(other)
        return self
class Fresh:
    def __init__(self, n):
        self.n = n
    def __iadd__(self, other):
        return Fresh(self.n + other)
holder = Box(Acc())
orig = holder._v
holder.v += 'x'
print(holder._v is orig, orig.items, log)
log.clear()
holder.v = Fresh(1)
log.clear()
holder.v += 2
print(holder._v.n, log)
log.clear()

# Tuples: the in-place op on a list element succeeds, then the store fails.
t = ([1],)
try:
    t[0] += [2]
except TypeError as e:
    print('TypeError:', e, t)
s = 'abc'
try:
    s[0] += 'x'
except TypeError as e:
    print('TypeError:', e)

# Read-only attributes: the read happens, the write fails.
class RO:
    @property
    def p(self):
        log.append('read p')
        return 1
ro = RO()
try:
    ro.p += 1
except AttributeError as e:
    print('AttributeError:', e, log)
log.clear()

# Missing attribute or item.
try:
    ro.missing += 1
except AttributeError as e:
    print('AttributeError:', e)
d = {}
try:
    d['nokey'] += 1
except KeyError as e:
    print('KeyError:', e)
class Slots:
    __slots__ = ('a',)
sl = Slots()
try:
    sl.a += 1
except AttributeError as e:
    print('AttributeError:', e)
sl.a = 1
sl.a += 1
print(sl.a)

# Class attributes: augmented assignment through an instance creates an
# instance attribute; through the class changes the class.
class Counter:
    n = 0
c = Counter()
c.n += 1
Counter.n += 10
print(c.n, Counter.n, Counter().n, vars(c))
lst_holder = Counter()
Counter.shared = []
lst_holder.shared += [1]
print(Counter.shared, vars(lst_holder))
