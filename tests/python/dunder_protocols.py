# Protocol dunders and their fallbacks: __bool__/__len__ truthiness and
# errors, __index__, __call__, __contains__ falling back to __iter__ and
# to __getitem__, __iter__ falling back to __getitem__, __reversed__
# falling back to __len__+__getitem__, __length_hint__, __missing__.

# Truthiness.
class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return self.v
class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
class Both:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
print(bool(B(True)), bool(B(False)), bool(L(0)), bool(L(3)), bool(Both()), not L(0))
for bad in (B(1), B('yes'), B(None)):
    try:
        bool(bad)
    except TypeError as e:
        print('TypeError:', e)
for bad in (L(-1), L(1.5), L('x'), L(2**100)):
    try:
        bool(bad)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ':', e)
try:
    len(L(-5))
except ValueError as e:
    print('ValueError:', e)
class LenIndex:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
print(len(L(LenIndex(4))), bool(L(True)))
class BoolNone:
    __bool__ = None
try:
    bool(BoolNone())
except TypeError as e:
    print('TypeError:', e)
class LenNone:
    __len__ = None
try:
    len(LenNone())
except TypeError as e:
    print('TypeError:', e)
print(bool(LenNone()) if False else 'skip')
if L(2) and not L(0):
    print('if uses truth')
print([x for x in (L(0), L(1), B(True)) if x].__len__(), L(0) or 'fallback', L(1) and 'second')

# __index__.
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
print([10, 20, 30][Idx(1)], 'abc'[Idx(-1)], bin(Idx(5)), hex(Idx(255)), oct(Idx(8)), range(Idx(3))[-1])
print([1, 2, 3, 4][Idx(1):Idx(3)], (2).__pow__(Idx(3)) if False else 2 ** 3, int(Idx(7)), 'x' * Idx(3))
for bad in (Idx('s'), Idx(1.5)):
    try:
        [1][bad]
    except TypeError as e:
        print('TypeError:', e)
class IdxSub(int):
    pass
print(Idx(IdxSub(2)).__index__() == 2, [0, 1, 2][Idx(1)])
try:
    [1, 2][object()]
except TypeError as e:
    print('TypeError:', e)

# __call__.
class Callable:
    def __call__(self, *a, **k):
        return ('called', a, sorted(k.items()))
c = Callable()
print(c(1, x=2), callable(c), callable(Callable), callable(1))
try:
    object()()
except TypeError as e:
    print('TypeError:', e)
class CallNone:
    __call__ = None
try:
    CallNone()()
except TypeError as e:
    print('TypeError:', e)
inst = Callable()
inst.__call__ = lambda: 'instance attribute is ignored'
print(inst()[0])

# __contains__ and its fallbacks.
class Cont:
    def __contains__(self, x):
        return x == 'yes'
class ByIter:
    def __iter__(self):
        return iter([1, 2, 3])
class ByGetitem:
    def __getitem__(self, i):
        if i < 4:
            return i * 10
        raise IndexError(i)
class NotContainer:
    pass
print('yes' in Cont(), 'no' in Cont(), 2 in ByIter(), 5 in ByIter(), 20 in ByGetitem(), 25 in ByGetitem())
print('no' not in Cont(), 3 not in ByIter())
try:
    1 in NotContainer()
except TypeError as e:
    print('TypeError:', e)
class ContNone:
    __contains__ = None
    def __iter__(self):
        return iter([1])
try:
    1 in ContNone()
except TypeError as e:
    print('TypeError:', e)
class ContTruthy:
    def __contains__(self, x):
        return [x]
print(0 in ContTruthy(), type(0 in ContTruthy()).__name__)

# __iter__ falling back to __getitem__; __iter__ = None.
print(list(ByGetitem()), [x for x in ByGetitem()], tuple(ByGetitem()), sorted(ByGetitem(), reverse=True))
it = iter(ByGetitem())
print(type(it).__name__, next(it), next(it))
class IterNone:
    __iter__ = None
    def __getitem__(self, i):
        return i
try:
    iter(IterNone())
except TypeError as e:
    print('TypeError:', e)
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print('TypeError:', e)
try:
    for _ in BadIter():
        pass
except TypeError as e:
    print('TypeError:', e)
class KeyErrorStops:
    def __getitem__(self, i):
        raise KeyError(i)
try:
    list(KeyErrorStops())
except KeyError as e:
    print('KeyError:', e)
class StopIterStops:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return i
print(list(StopIterStops()))

# __reversed__ and its fallback.
class Rev:
    def __reversed__(self):
        return iter('cba')
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return 'abc'[i]
print(list(reversed(Rev())), list(reversed(Seq())), type(reversed(Seq())).__name__)
for bad in (ByIter(), NotContainer(), ByGetitem()):
    try:
        reversed(bad)
    except TypeError as e:
        print('TypeError:', e)
class RevNone(Seq):
    __reversed__ = None
try:
    reversed(RevNone())
except TypeError as e:
    print('TypeError:', e)

# __length_hint__ used when building lists from iterators.
class Hinted:
    def __init__(self, n, hint):
        self.n = n
        self.hint = hint
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n
    def __length_hint__(self):
        return self.hint
print(list(Hinted(3, 100)), list(Hinted(2, 0)), list(Hinted(2, NotImplemented)))
for bad in (-1, 'x', 1.5):
    try:
        list(Hinted(2, bad))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)

# __missing__ on dict subclasses (only for d[key]).
class Counter(dict):
    def __missing__(self, key):
        return 0
cnt = Counter(a=1)
print(cnt['a'], cnt['zzz'], cnt.get('zzz'), 'zzz' in cnt, len(cnt))
class Auto(dict):
    def __missing__(self, key):
        self[key] = v = key * 2
        return v
au = Auto()
print(au['x'], au, au.setdefault('y', 'Y'))
class Raising(dict):
    def __missing__(self, key):
        raise LookupError('custom missing ' + repr(key))
try:
    Raising()['q']
except LookupError as e:
    print('LookupError:', e)
class NotADict:
    def __missing__(self, key):
        return 'never'
    def __getitem__(self, key):
        raise KeyError(key)
try:
    NotADict()['k']
except KeyError as e:
    print('KeyError:', e)
