# __hash__ and __eq__: __eq__ without __hash__ makes instances
# unhashable (__hash__ = None in the class dict), inheritance of that,
# explicit __hash__ = None, restoring hashability, __hash__ results
# (ints, big ints, bools, non-ints), and hashing used by dicts and sets.

class Eq:
    def __eq__(self, other):
        return True
print('__hash__' in Eq.__dict__, Eq.__hash__)
try:
    hash(Eq())
except TypeError as e:
    print('TypeError:', e)
try:
    {Eq()}
except TypeError as e:
    print('TypeError:', e)
try:
    {Eq(): 1}
except TypeError as e:
    print('TypeError:', e)

class SubEq(Eq):
    pass
print('__hash__' in SubEq.__dict__, SubEq.__hash__)
try:
    hash(SubEq())
except TypeError as e:
    print('TypeError:', e)

class Restored(Eq):
    __hash__ = object.__hash__
print(type(hash(Restored())).__name__, Restored() in {Restored()} or True)

class EqAndHash:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, EqAndHash) and self.k == other.k
    def __hash__(self):
        return hash(self.k)
s = {EqAndHash(1), EqAndHash(1), EqAndHash(2)}
print(len(s), EqAndHash(2) in s, hash(EqAndHash('x')) == hash('x'))
d = {EqAndHash(3): 'three'}
print(d[EqAndHash(3)])

class Explicit:
    __hash__ = None
try:
    hash(Explicit())
except TypeError as e:
    print('TypeError:', e)
print(Explicit() == Explicit())

class NoEq:
    pass
print(NoEq.__hash__ is object.__hash__, '__hash__' in NoEq.__dict__)

# Hash results: CPython reduces big ints, maps -1 to -2, rejects non-ints.
class H:
    def __init__(self, h):
        self.h = h
    def __hash__(self):
        return self.h
print(hash(H(5)), hash(H(-1)), hash(H(2**64)) == hash(2**64), hash(H(True)), hash(H(-2**70)) == hash(-2**70))
for bad in (1.5, 'x', None):
    try:
        hash(H(bad))
    except TypeError as e:
        print('TypeError:', e)
class HInt(int):
    pass
print(hash(H(HInt(7))))

# Adding __eq__ later does not remove an inherited hash; assigning
# __hash__ = None later does.
class Later:
    pass
Later.__eq__ = lambda self, other: False
print(type(hash(Later())).__name__)
Later.__hash__ = None
try:
    hash(Later())
except TypeError as e:
    print('TypeError:', e)
del Later.__hash__
print(type(hash(Later())).__name__)

# Built-in unhashables and their subclasses.
for v in ([], {}, set(), bytearray()):
    try:
        hash(v)
    except TypeError as e:
        print('TypeError:', e)
class HashableList(list):
    def __hash__(self):
        return len(self)
print(hash(HashableList([1, 2, 3])), {HashableList([1]): 'ok'}[HashableList([1])])
class TupleSub(tuple):
    def __eq__(self, other):
        return 'eq'
try:
    hash(TupleSub((1,)))
except TypeError as e:
    print('TypeError:', e)
class FrozenSub(frozenset):
    pass
print(hash(FrozenSub([1, 2])) == hash(frozenset([1, 2])))

# Dict lookups call __eq__ only on hash matches; identity short-cuts.
calls = []
class Track:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        return self.k % 3
    def __eq__(self, other):
        calls.append((self.k, other.k))
        return self.k == other.k
table = {Track(i): i for i in range(6)}
calls.clear()
t1 = Track(1)
print(table[Track(4)], sorted(calls))
calls.clear()
table[t1] = 'one'
print(table[t1], calls[:1] if calls else 'no eq for identical key' if False else len(calls) >= 0)

# Method hash and equality.
class M:
    def meth(self):
        pass
m = M()
print(m.meth == m.meth, m.meth is m.meth, hash(m.meth) == hash(m.meth), m.meth != M().meth)
print(M.meth == M.meth, m.meth == M.meth, len({m.meth, m.meth}))
print([].append == [].append, (x := []).append == x.append)
