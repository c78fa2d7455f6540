# Binary operator dispatch: forward, reflected, NotImplemented, the
# subclass-first rule for reflected operators, in-place operators and
# their fallbacks, every operator's dunder names, and the error messages.

log = []

class V:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return '%s(%r)' % (type(self).__name__, self.x)
    def __add__(self, other):
        log.append('%s.__add__' % type(self).__name__)
        if isinstance(other, V):
            return V(self.x + other.x)
        if isinstance(other, int):
            return V(self.x + other)
        return NotImplemented
    def __radd__(self, other):
        log.append('%s.__radd__' % type(self).__name__)
        if isinstance(other, int):
            return V(other + self.x)
        return NotImplemented

class W(V):
    def __radd__(self, other):
        log.append('W.__radd__')
        return W(('W-radd', other.x if isinstance(other, V) else other))

class W2(V):
    pass

print(V(1) + V(2), V(1) + 3, 3 + V(1), log)
log.clear()
print(V(1) + W(2), log)
log.clear()
print(W(1) + V(2), log)
log.clear()
print(V(1) + W2(2), log)
log.clear()
try:
    V(1) + 'x'
except TypeError as e:
    print('TypeError:', e, log)
log.clear()
try:
    'x' + V(1)
except TypeError as e:
    print('TypeError:', e, log)

# Every operator, forward and reflected, with its symbol in errors.
class All:
    pass
ops = [('+', '__add__'), ('-', '__sub__'), ('*', '__mul__'), ('/', '__truediv__'),
       ('//', '__floordiv__'), ('%', '__mod__'), ('**', '__pow__'), ('<<', '__lshift__'),
       ('>>', '__rshift__'), ('&', '__and__'), ('|', '__or__'), ('^', '__xor__'), ('@', '__matmul__')]
for sym, name in ops:
    rname = '__r' + name[2:]
    setattr(All, name, lambda self, other, n=name: n)
    setattr(All, rname, lambda self, other, n=rname: n)
a = All()
for sym, name in ops:
    print(sym, eval('a %s 1' % sym), eval('1 %s a' % sym), end='; ')
print()
for sym, name in ops:
    try:
        eval('object() %s object()' % sym)
    except TypeError as e:
        print(e)

# pow with three arguments uses __pow__ only; __rpow__ is not tried.
class P:
    def __pow__(self, other, mod=None):
        return ('pow', other, mod)
    def __rpow__(self, other, mod=None):
        return ('rpow', other, mod)
print(pow(P(), 2), pow(P(), 2, 5), pow(2, P()), 2 ** P())
try:
    pow(2, P(), 5)
except TypeError as e:
    print('TypeError:', e)

# In-place operators: __iadd__ first, then __add__, then __radd__.
class Acc:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, other):
        self.v += other
        return self
    def __isub__(self, other):
        return NotImplemented
    def __sub__(self, other):
        return Acc(self.v - other)
    def __imul__(self, other):
        return 'imul result'
    def __repr__(self):
        return 'Acc(%r)' % self.v
acc = Acc(1)
orig = acc
acc += 5
print(acc, acc is orig)
acc -= 2
print(acc, acc is orig)
acc *= 3
print(acc)
class OnlyR:
    def __radd__(self, other):
        return 'radd from %r' % (other,)
x = 5
x += OnlyR()
print(x)
l = [1]
l += (2, 3)
print(l)
try:
    l -= [1]
except TypeError as e:
    print('TypeError:', e)
n = None
try:
    n += 1
except TypeError as e:
    print('TypeError:', e)
s = 'a'
try:
    s *= 'b'
except TypeError as e:
    print('TypeError:', e)
for sym in ('+=', '-=', '*=', '/=', '//=', '%=', '**=', '<<=', '>>=', '&=', '|=', '^=', '@='):
    try:
        exec('q = object()\nq %s object()' % sym)
    except TypeError as e:
        print(e)

# NotImplemented from both sides; a subclass that does not override the
# reflected method is not tried first.
class N:
    def __add__(self, o):
        log.append('N.add')
        return NotImplemented
    def __radd__(self, o):
        log.append('N.radd')
        return NotImplemented
class NSub(N):
    def __radd__(self, o):
        log.append('NSub.radd')
        return NotImplemented
log.clear()
try:
    N() + NSub()
except TypeError as e:
    print('TypeError:', e, log)
log.clear()
try:
    N() + N()
except TypeError as e:
    print('TypeError:', e, log)

# Built-in types and subclasses: int subclass with __radd__ is tried first.
class MyInt(int):
    def __radd__(self, other):
        return 'MyInt.__radd__'
    def __rsub__(self, other):
        return NotImplemented
print(1 + MyInt(2), MyInt(2) + 1, 5 - MyInt(3))
class MyList(list):
    def __radd__(self, other):
        return 'MyList.__radd__'
print([1] + MyList([2]), MyList([1]) + [2])
class MyFloat(float):
    def __rmul__(self, other):
        return 'rmul %r' % other
print(2 * MyFloat(1.5), 2.0 * MyFloat(1.5), MyFloat(1.5) * 2)

# Operators defined as non-function callables and via __getattr__ (which
# does not count).
class CallableOp:
    def __call__(self, a, b):
        return 'callable op'
class UsesCallable:
    __add__ = CallableOp()
try:
    print(UsesCallable() + 1)
except TypeError as e:
    print('TypeError:', e)
class StaticOp:
    @staticmethod
    def __add__(a, b):
        return ('static', a, b)
print(StaticOp() + 1 if False else StaticOp.__add__(1, 2))
class ViaGetattr:
    def __getattr__(self, name):
        return lambda *a: 'getattr ' + name
try:
    ViaGetattr() + 1
except TypeError as e:
    print('TypeError:', e)

# Setting __add__ = None makes the operator unsupported.
class Blocked(V):
    __add__ = None
try:
    Blocked(1) + 1
except TypeError as e:
    print('TypeError:', e)
print(1 + Blocked(2))

# Unary operators.
class U:
    def __neg__(self):
        return 'neg'
    def __pos__(self):
        return 'pos'
    def __invert__(self):
        return 'invert'
    def __abs__(self):
        return 'abs'
print(-U(), +U(), ~U(), abs(U()))
for expr in ('-object()', '+object()', '~object()', 'abs(object())', '~1.5', '-"s"'):
    try:
        eval(expr)
    except TypeError as e:
        print(e)
