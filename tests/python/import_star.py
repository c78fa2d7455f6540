# `from module import *`: __all__ (including private names it lists),
# public names without __all__, the errors for bad entries, and the star
# submodules a package's __all__ names.
import sys
sys.path.insert(0, sys.path[0] + '/_imp')

ns = {}
exec('from selfrep.star_all import *', ns)
print('with __all__:', sorted(k for k in ns if k != '__builtins__'))
ns = {}
exec('from selfrep.star_noall import *', ns)
print('without __all__:', sorted(k for k in ns if k != '__builtins__'))
print(ns['func']())

for mod in ['selfrep.star_bad', 'selfrep.star_missing']:
    ns = {}
    try:
        exec(f'from {mod} import *', ns)
    except (TypeError, AttributeError) as e:
        print(mod, '->', type(e).__name__ + ':', e)
    print('  bound before the error:', sorted(k for k in ns if k != '__builtins__'))

ns = {}
exec('from plainpkg import *', ns)
print('package __all__ with submodules:', sorted(k for k in ns if k != '__builtins__'))
import plainpkg
print('beta imported by the star:', 'plainpkg.beta' in sys.modules, plainpkg.beta.B)
print('gamma not:', 'plainpkg.gamma' in sys.modules)

class Locals(dict):
    def __setitem__(self, k, v):
        print('  setitem', k)
        super().__setitem__(k, v)
ns = Locals()
exec('from selfrep.star_all import *', {}, ns)
print('into a mapping:', sorted(ns))
