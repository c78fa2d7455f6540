# __slots__: member descriptors, no __dict__, errors, private-name
# mangling, __dict__ and __weakref__ entries, class dict contents.

class P:
    __slots__ = ('x', 'y', '__secret')
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.__secret = x * y
    def secret(self):
        return self.__secret

p = P(2, 3)
print(p.x, p.y, p.secret())
print(type(P.x).__name__, repr(P.x), P.x.__name__, P.x.__qualname__, P.x.__objclass__.__name__)
print(repr(P._P__secret), P.__slots__)
print(sorted(k for k in P.__dict__ if not k.startswith('__')))
print([k for k in P.__dict__])
print(hasattr(p, '__dict__'), hasattr(P, '__weakref__'))

try:
    p.z = 1
except AttributeError as e:
    print('AttributeError:', e)
try:
    p.__dict__
except AttributeError as e:
    print('AttributeError:', e)
try:
    vars(p)
except TypeError as e:
    print('TypeError:', e)

q = P.__new__(P)
try:
    q.x
except AttributeError as e:
    print('AttributeError:', e)
try:
    del q.x
except AttributeError as e:
    print('AttributeError:', e)
q.x = 5
print(q.x)
del q.x
print(hasattr(q, 'x'))

# The descriptor used directly.
print(P.x.__get__(p), P.x.__get__(None, P) is P.x)
P.y.__set__(p, 30)
print(p.y)
P.y.__delete__(p)
print(hasattr(p, 'y'))
for call in (lambda: P.x.__get__(1), lambda: P.x.__set__('s', 1), lambda: P.x.__delete__(2.5)):
    try:
        call()
    except TypeError as e:
        print('TypeError:', e)

# A class attribute that shadows nothing: read-only through instances.
class R:
    __slots__ = ()
    const = 7
r = R()
print(r.const)
try:
    r.const = 8
except AttributeError as e:
    print('AttributeError:', e)
try:
    r.other = 8
except AttributeError as e:
    print('AttributeError:', e)
try:
    del r.const
except AttributeError as e:
    print('AttributeError:', e)

# A single string is one slot; any iterable of strings works.
class One:
    __slots__ = 'only'
class FromList:
    __slots__ = ['a', 'b']
class FromDict:
    __slots__ = {'d1': 'doc one', 'd2': 'doc two'}
class FromGen:
    __slots__ = (n for n in ('g1', 'g2'))
o = One()
o.only = 1
print(o.only, One.__slots__, FromList.__slots__, FromDict.__slots__)
print(sorted(k for k in FromGen.__dict__ if k.startswith('g')))

# Errors when the class is made.
def attempt(src):
    ns = {}
    try:
        exec(src, ns)
        print('created', [k for k in ns if not k.startswith('__')])
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)

attempt("class A:\n    __slots__ = (1,)")
attempt("class A:\n    __slots__ = ('1a',)")
attempt("class A:\n    __slots__ = ('a b',)")
attempt("class A:\n    __slots__ = 5")
attempt("class A:\n    __slots__ = ('x',)\n    x = 1")
attempt("class A:\n    __slots__ = ('__dict__', '__dict__')")
attempt("class A:\n    __slots__ = ('__weakref__', '__weakref__')")
attempt("class A:\n    pass\nclass B(A):\n    __slots__ = ('__dict__',)")
attempt("class A:\n    pass\nclass B(A):\n    __slots__ = ('__weakref__',)")
attempt("class B(int):\n    __slots__ = ('x',)")
attempt("class B(tuple):\n    __slots__ = ('x',)")
attempt("class B(bytes):\n    __slots__ = ('x',)")
attempt("class B(int):\n    __slots__ = ()")
attempt("class B(int):\n    __slots__ = ('__weakref__',)")
attempt("class B(int):\n    __slots__ = ('__dict__',)")
attempt("class A:\n    __slots__ = ('a', 'a')")
attempt("class M(type):\n    __slots__ = ('x',)")
attempt("class M(type):\n    __slots__ = ('__dict__',)")
attempt("class A:\n    __slots__ = ('__x',)\n    _A__x = 1")
attempt("class _:\n    __slots__ = ('__x',)\n    __x = 1")
attempt("class A:\n    __slots__ = ('__class__',)")
attempt("class A:\n    __slots__ = ('__init__',)\n    def __init__(self): pass")

# __dict__ and __weakref__ as slots.
class WithDict:
    __slots__ = ('a', '__dict__')
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.__dict__, [k for k in WithDict.__dict__])
class WithWeak:
    __slots__ = ('a', '__weakref__')
ww = WithWeak()
print(ww.__weakref__, [k for k in WithWeak.__dict__])
try:
    ww.b = 1
except AttributeError as e:
    print('AttributeError:', e)

# Slotted instances under memory pressure.
class Node:
    __slots__ = ('value', 'next')
    def __init__(self, value, next=None):
        self.value = value
        self.next = next
head = None
for i in range(300):
    head = Node(i, head)
    junk = [object() for _ in range(3)]
total = 0
n = head
while n is not None:
    total += n.value
    n = n.next
print(total)
