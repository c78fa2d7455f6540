# __import__(): what it returns for dotted names with and without a
# fromlist, relative levels, its argument checks, and replacing
# builtins.__import__ (the import statement then calls the replacement).
import sys, builtins
sys.path.insert(0, sys.path[0] + '/_imp')
def t(label, f):
    try:
        r = f()
        print(label, '->', getattr(r, '__name__', r))
    except BaseException as e:
        print(label, '->', type(e).__name__ + ':', e)

t('top', lambda: __import__('plainpkg'))
t('dotted returns the top', lambda: __import__('plainpkg.alpha'))
t('dotted with fromlist', lambda: __import__('plainpkg.alpha', fromlist=['A']))
t('fromlist imports submodules', lambda: __import__('plainpkg', fromlist=['beta', 'gamma']).gamma)
t('fromlist with a missing name is fine', lambda: __import__('plainpkg', fromlist=['not_there']))
t('fromlist star', lambda: __import__('plainpkg', fromlist=['*']))
t('empty fromlist is false', lambda: __import__('plainpkg.alpha', fromlist=[]))
t('fromlist tuple', lambda: __import__('plainpkg.alpha', fromlist=('x',)))
t('keywords', lambda: __import__(name='plainpkg', globals=None, locals=None, fromlist=(), level=0))
t('level 1', lambda: __import__('alpha', {'__package__': 'plainpkg'}, None, ['A'], 1))
t('level 1 no fromlist', lambda: __import__('alpha', {'__package__': 'plainpkg'}, None, [], 1))
t('level 1 dotted no fromlist', lambda: __import__('sub.mod', {'__package__': 'orderpkg'}, None, [], 1))
t('level 1 empty name', lambda: __import__('', {'__package__': 'plainpkg'}, None, ['alpha'], 1))
t('level string', lambda: __import__('x', level='1'))
t('level float', lambda: __import__('x', level=1.0))
t('name int', lambda: __import__(1))
t('no args', lambda: __import__())
t('too many', lambda: __import__('a', None, None, (), 0, 0))
t('bad keyword', lambda: __import__('a', nope=1))
t('globals given as None', lambda: __import__('x', None, None, (), 1))
t('globals not given', lambda: __import__('x', level=1))

calls = []
original = builtins.__import__
def tracing_import(name, globals=None, locals=None, fromlist=(), level=0):
    calls.append((name, fromlist, level, globals is not None and '__name__' in globals))
    return original(name, globals, locals, fromlist, level)
builtins.__import__ = tracing_import
import plainpkg.beta
from plainpkg import alpha as a1
import plainpkg as _p
builtins.__import__ = original
print('the import statement called the replacement:', calls)

class FakeModule:
    def __init__(self, name):
        self.name = name
        self.value = 'attribute of the fake'
    def __repr__(self):
        return f'<fake {self.name}>'
def returns_object(name, *args):
    return FakeModule(name)
builtins.__import__ = returns_object
import anything_at_all
from whatever import value
builtins.__import__ = original
print('anything_at_all =', anything_at_all)
print('value =', value)
