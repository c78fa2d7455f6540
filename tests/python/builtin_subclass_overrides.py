# Subclasses of list, tuple, dict and str that override __iter__, keys,
# __int__ or __float__ are used through those overrides (CPython takes its
# fast paths only for the exact types); %-formatting of bytes does not take
# a bytearray as the mapping.
class L(list):
    def __iter__(self): return iter([9, 9])
    def __len__(self): return 7
l = L([1, 2, 3])
print(list(l), tuple(l), [*l], set(l))
a, b = l
print(a, b)
class T(tuple):
    def __iter__(self): return iter('ab')
t = T((1, 2, 3))
print(list(t), tuple(t), [*t])
x, y = t
print(x, y)
print(sorted(l), sum(l), ' '.join(map(str, l)))
d = dict.fromkeys(l); print(d)
class D(dict):
    def __iter__(self): return iter(['z'])
    def keys(self): return ['z']
    def __getitem__(self, k): return 5
print(list(D(a=1)), dict(D(a=1)), {**D(a=1)})
def f(*a, **k): return a, k
print(f(*l), f(**D(a=1)))
class S(str):
    def __int__(self): return 42
    def __float__(self): return 1.5
try: print(int(S("7")), float(S("2.5")))
except Exception as e: print(type(e).__name__, e)
print(b'%(a)s' % {b'a': 1} if False else b'%s' % bytearray(b'x'))
try: print(b'%(a)s' % bytearray(b'x'))
except Exception as e: print(type(e).__name__, e)
class M:
    def __getitem__(s,k): return b'5'
print(b'%(a)s' % M())
for fmt in (b'%(a)s', '%(a)s'):
    for a in ([1], bytearray(b'x'), b'x', 'x', (1,)):
        try: print(fmt % a)
        except Exception as e: print(type(e).__name__, e)
