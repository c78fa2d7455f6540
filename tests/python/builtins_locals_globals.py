# locals(), globals() and vars() in every kind of scope: a function keeps
# one locals dict that each call refreshes (names exec adds stay), class
# bodies return their namespace, comprehensions and nested functions see
# their own names, and modules return their globals.
import sys
print('module level: locals() is globals():', locals() is globals(), vars() is globals())
print('sys.modules[__name__].__dict__ is globals():', sys.modules[__name__].__dict__ is globals())

def f(a, b=2, *args, **kw):
    c = 3
    l1 = locals()
    print('  params and locals:', sorted(l1))
    l1['added'] = 'by hand'
    d = 4
    l2 = locals()
    print('  same dict:', l1 is l2, '| refreshed with d:', 'd' in l2, '| hand-added kept:', l2['added'])
    del c
    print('  deleted name removed:', 'c' in locals())
    exec('e = 5')
    print('  exec added e:', locals()['e'], '| but e is not a variable:', 'e' not in f.__code__.co_varnames)
    return sorted(locals())
print('function:', f(1, x=9))

def outer():
    free = 'free'
    cell = 'cell'
    def inner():
        own = cell
        return sorted(locals())
    print('  outer sees its cell:', sorted(locals()))
    return inner()
print('nested:', outer())

def comp():
    base = 10
    return [sorted(locals()) for x in range(1)][0], {k: 1 for k in ['key']}
print('comprehension locals:', comp())

class K:
    attr = 1
    snapshot = sorted(locals())
    def method(self):
        return __class__
    names_in_body = sorted(vars())
print('class body:', K.snapshot, K.names_in_body)

def gen():
    g1 = 1
    yield sorted(locals())
    g2 = 2
    yield sorted(locals())
it = gen()
print('generator:', next(it), next(it))
it.close()

def vars_demo():
    q = 'q'
    return vars() is locals(), sorted(vars())
print('vars():', vars_demo())

class WithDict:
    def __init__(self):
        self.a = 1
print('vars(obj):', vars(WithDict()))
print('vars(class) keys:', sorted(k for k in vars(WithDict) if not k.startswith('__')))
for bad in (1, 'str', [1]):
    try:
        vars(bad)
    except TypeError as e:
        print('vars(%s):' % type(bad).__name__, e)
class Slotted:
    __slots__ = ('x',)
try:
    vars(Slotted())
except TypeError as e:
    print('slots:', e)
try:
    vars(1, 2)
except TypeError as e:
    print(e)
try:
    locals(1)
except TypeError as e:
    print(e)
try:
    globals(x=1)
except TypeError as e:
    print(e)

def g_in_function():
    return globals() is sys.modules[__name__].__dict__
print('globals() in a function:', g_in_function())
ns = {'__name__': 'elsewhere'}
exec('def where(): return globals()["__name__"]', ns)
print('globals() of exec code:', ns['where']())
print('locals() inside eval in a function:', (lambda z: eval('sorted(locals())'))(1))
