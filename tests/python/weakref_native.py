import _weakref, gc
class A:
    def __init__(self, n): self.n = n
    def __repr__(self): return f"A({self.n})"
a = A(1)
r = _weakref.ref(a)
print(r() is a, r is _weakref.ref(a), _weakref.getweakrefcount(a))
log = []
r2 = _weakref.ref(a, lambda w: log.append(('cb', w is r2)))
print(_weakref.getweakrefcount(a), len(_weakref.getweakrefs(a)))
print(hash(r) == hash(a), r == r2, r == _weakref.ref(A(2)))
del a
gc.collect()
print(r(), log, repr(r)[:9], 'dead' in repr(r))
try: _weakref.ref(1)
except TypeError as e: print(e)
try: _weakref.ref([])
except TypeError as e: print(e)
class S: __slots__ = ('x',)
try: _weakref.ref(S())
except TypeError as e: print(e)
class S2: __slots__ = ('x', '__weakref__')
print(_weakref.ref(S2())() is None or True)
b = A(3)
p = _weakref.proxy(b)
print(p.n, p, type(p).__name__)
p.n = 5; print(b.n)
del b; gc.collect()
try: p.n
except ReferenceError as e: print('RefErr', e)
def f(): return 42
cp = _weakref.proxy(f); print(cp(), type(cp).__name__)
