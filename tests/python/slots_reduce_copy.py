# Copying objects by hand through the pickle protocol: __reduce_ex__(2)
# gives (copyreg.__newobj__, (cls, *args), state, listitems, dictitems);
# rebuild with cls.__new__ and the state (dict and/or slots), for plain,
# slotted, mixed, list/dict subclasses, __getnewargs__ and __getstate__ /
# __setstate__ classes.

def rebuild(obj):
    reduced = obj.__reduce_ex__(2)
    func, args, state, listitems, dictitems = (list(reduced) + [None] * 5)[:5]
    new = func(*args)
    if state is not None:
        setstate = getattr(new, '__setstate__', None)
        if setstate is not None:
            setstate(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state:
                new.__dict__.update(state)
            if slotstate:
                for k, v in slotstate.items():
                    setattr(new, k, v)
    if listitems is not None:
        for item in listitems:
            new.append(item)
    if dictitems is not None:
        for k, v in dictitems:
            new[k] = v
    return new

class Plain:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __repr__(self):
        return 'Plain(%r, %r)' % (self.a, self.b)
p = rebuild(Plain(1, [2]))
print(p, type(p).__name__, p.__dict__)

class Slotted:
    __slots__ = ('x', 'y', 'z')
    def __init__(self):
        self.x, self.y = 'X', 'Y'
s = rebuild(Slotted())
print(s.x, s.y, hasattr(s, 'z'), Slotted.__slotnames__)

class Mixed:
    __slots__ = ('slot', '__dict__')
m0 = Mixed()
m0.slot = 'in slot'
m0.free = 'in dict'
m = rebuild(m0)
print(m.slot, m.free, m.__dict__)

class Derived(Slotted):
    __slots__ = ('w',)
d0 = Derived()
d0.w = 'W'
d = rebuild(d0)
print(d.x, d.w, sorted(Derived.__slotnames__))

class Items(list):
    pass
it0 = Items([1, 2, 3])
it0.tag = 'tagged'
it = rebuild(it0)
print(it, it.tag, type(it).__name__)

class Table(dict):
    pass
t = rebuild(Table(a=1, b=2))
print(t, type(t).__name__)

class WithArgs:
    def __new__(cls, n):
        obj = super().__new__(cls)
        obj.n = n
        return obj
    def __getnewargs__(self):
        return (self.n,)
w = rebuild(WithArgs(7))
print(w.n, type(w).__name__)

class CustomState:
    def __init__(self):
        self.secret = 's'
        self.cache = 'not copied'
    def __getstate__(self):
        return {'secret': self.secret}
    def __setstate__(self, state):
        self.secret = state['secret'].upper()
        self.restored = True
cs = rebuild(CustomState())
print(cs.secret, cs.restored, hasattr(cs, 'cache'))

# Protocol 0/1 uses copyreg._reconstructor.
r = Plain(3, 4).__reduce_ex__(1)
print(r[0].__name__, r[1][0].__name__, r[1][1].__name__, r[2])
obj = r[0](*r[1])
obj.__dict__.update(r[2])
print(obj)
try:
    Slotted().__reduce_ex__(1)
except TypeError as e:
    print('TypeError:', e)
