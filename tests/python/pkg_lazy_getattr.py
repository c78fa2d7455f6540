# PEP 562 in a package: a module __getattr__ that imports submodules on
# first use, a module __dir__, and the errors from both.
import sys
sys.path.insert(0, sys.path[0] + '/_imp')

import lazypkg
print('nothing loaded yet:', lazypkg.loaded, 'lazypkg.heavy' in sys.modules)
print('dir:', dir(lazypkg))
print(lazypkg.heavy.WEIGHT, lazypkg.loaded)
print('bound now, no second call:', lazypkg.heavy.WEIGHT, lazypkg.loaded)
from lazypkg import light
print(light.WEIGHT, lazypkg.loaded)
try:
    lazypkg.missing
except AttributeError as e:
    print('AttributeError:', e)
print('hasattr:', hasattr(lazypkg, 'missing'), hasattr(lazypkg, 'heavy'))
print('getattr default:', getattr(lazypkg, 'missing', 'default'))
try:
    from lazypkg import missing
except ImportError as e:
    print('ImportError:', str(e).split(' (')[0], '| name:', e.name)

mod = type(sys)('dyn')
def getattr_hook(name):
    if name == 'computed':
        return 'computed value'
    raise AttributeError(name)
mod.__getattr__ = getattr_hook
mod.__dir__ = lambda: ['b', 'a']
print(mod.computed, dir(mod))
try:
    mod.other
except AttributeError as e:
    print('AttributeError:', e)
sys.modules['dyn'] = mod
from dyn import computed
print('from dyn import computed:', computed)
try:
    from dyn import other
except ImportError as e:
    print('ImportError:', e)
del sys.modules['dyn']
mod.__dir__ = 5
try:
    dir(mod)
except TypeError as e:
    print('TypeError:', e)
del mod.__dir__
print(sorted(dir(mod)))
