# Relative imports: `from . import x`, `from ..a import b`, the parent
# package chosen by __package__ / __spec__.parent / __name__, and the
# errors for going beyond the top-level package or having no package.
import sys
sys.path.insert(0, sys.path[0] + '/_imp')

import relpkg.sub.leaf as leaf
print('leaf.RESULT:', leaf.RESULT)
print('leaf __package__:', leaf.__package__, '| spec.parent:', leaf.__spec__.parent)
import relpkg
print('relpkg attributes:', sorted(n for n in dir(relpkg) if not n.startswith('__')))
print('relpkg.sub is a package:', hasattr(relpkg.sub, '__path__'), relpkg.sub.__package__)
print('relpkg._helper():', relpkg._helper())

for name in ['relpkg.sub.too_far', 'relpkg.sub.missing_rel']:
    try:
        __import__(name)
    except ImportError as e:
        print(name, '->', type(e).__name__ + ':', e, '| name:', e.name)

# __import__ with a level resolves against the globals it is given.
def rel(name, globals, level, fromlist=()):
    try:
        m = __import__(name, globals, None, fromlist, level)
        return m.__name__
    except (ImportError, KeyError, TypeError, ValueError) as e:
        return f'{type(e).__name__}: {e}'

print(rel('sibling', {'__package__': 'relpkg'}, 1))
print(rel('sibling', {'__package__': 'relpkg'}, 1, ['VALUE']))
print(rel('', {'__package__': 'relpkg.sub'}, 2, ['sibling']))
print(rel('sub', {'__name__': 'relpkg.sibling'}, 1, ['x']))
print(rel('sub', {'__name__': 'relpkg', '__path__': []}, 1, ['x']))
print(rel('sibling', {'__spec__': relpkg.sub.__spec__}, 2, ['x']))
print(rel('x', {}, 1))
print(rel('x', {'__name__': 'toplevel'}, 1))
print(rel('x', {'__package__': ''}, 1))
print(rel('x', {'__package__': 'relpkg'}, 3))
print(rel('x', {'__package__': 5}, 1))
print(rel('x', {'__name__': 5}, 1))
print(rel('x', 5, 1))
print(rel('x', None, 1))
print(rel('x', {'__package__': 'relpkg'}, -1))
print(rel('', {'__package__': 'relpkg'}, 0))

# A relative import statement at the top level of a script.
try:
    exec('from . import anything', {'__name__': '__main__', '__package__': None, '__spec__': None})
except ImportError as e:
    print('script-level relative import:', e)
try:
    exec('from .. import anything', {'__package__': 'relpkg'})
except ImportError as e:
    print('beyond top level:', e)
