# sys.modules: a module replacing or removing itself while it is
# imported, deleting an entry and importing again, None entries, modules
# put there by hand, and a failed import leaving nothing behind.
import sys
sys.path.insert(0, sys.path[0] + '/_imp')

import selfrep.replacer as r
print('import as:', r, '| greet:', r.greet())
import selfrep.replacer
print('sys.modules entry:', sys.modules['selfrep.replacer'])
print('bound on the package:', selfrep.replacer)
from selfrep import replacer
print('from-import:', replacer)

try:
    import selfrep.vanisher
except KeyError as e:
    print('module removing itself: KeyError', e)
print('vanisher in sys.modules:', 'selfrep.vanisher' in sys.modules)

import selfrep.counter
first = sys.modules['selfrep.counter']
print('first run:', selfrep.counter.RUN)
import selfrep.counter
print('second import runs nothing:', selfrep.counter.RUN, sys.modules['selfrep.counter'] is first)
del sys.modules['selfrep.counter']
import selfrep.counter
second = sys.modules['selfrep.counter']
print('after del: a new module object:', second is not first, '| run', second.RUN)
print('the package attribute now:', selfrep.counter is second)

sys.modules['selfrep.counter'] = None
try:
    import selfrep.counter
except ModuleNotFoundError as e:
    print('None entry:', e, '| name:', e.name)
try:
    from selfrep import counter
except ImportError as e:
    print('None entry, from-import:', type(e).__name__, e)
del sys.modules['selfrep.counter']

class Fake:
    __name__ = 'fake_module'
    answer = 42
sys.modules['fake_module'] = Fake()
import fake_module
print('a non-module in sys.modules:', fake_module.answer)
from fake_module import answer
print('from it:', answer)
try:
    from fake_module import missing
except ImportError as e:
    print('missing name:', e, '| name:', e.name, '| path:', e.path)

mod_type = type(sys)
m = mod_type('handmade', 'a module made by hand')
m.value = 'v'
sys.modules['handmade'] = m
import handmade
print('handmade:', handmade is m, handmade.value, handmade.__doc__)
print(repr(handmade), handmade.__spec__, handmade.__loader__, handmade.__package__)
try:
    from handmade import nope
except ImportError as e:
    print('missing from handmade:', e)

try:
    import selfrep.fails
except ValueError as e:
    print('failing module raised:', e)
print('failed module removed:', 'selfrep.fails' in sys.modules, hasattr(selfrep, 'fails'))
try:
    import selfrep.fails
except ValueError as e:
    print('and runs again on the next import:', e)
