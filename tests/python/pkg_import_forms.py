# Packages: the order __init__ modules run in, which names each form of
# import statement binds, submodules bound on their parent, `as` names,
# and what a from-import of a submodule does.
import sys
sys.path.insert(0, sys.path[0] + '/_imp')

print('--- import orderpkg.sub.mod')
import orderpkg.sub.mod
print('bound names:', 'orderpkg' in dir(), 'sub' in dir(), 'mod' in dir())
print(orderpkg.NAME, orderpkg.sub.SUB, orderpkg.sub.mod.MOD)
print('order in sys.modules:', [k for k in sys.modules if k.startswith('orderpkg')])

print('--- import ... as')
import orderpkg.sub.mod as m
print(m.__name__, m is orderpkg.sub.mod)
del orderpkg

print('--- from package import submodule')
from orderpkg import other
print(other.OTHER, '| orderpkg not bound here:', 'orderpkg' in dir())
from orderpkg.sub import mod, SUB
print(mod.MOD, SUB)
from orderpkg.sub import mod as renamed
print(renamed is mod)
import orderpkg
print('submodules as attributes:', sorted(n for n in vars(orderpkg) if not n.startswith('_') and n != 'sys'))

print('--- __import__ return values')
print(__import__('orderpkg.sub.mod').__name__)
print(__import__('orderpkg.sub.mod', fromlist=['x']).__name__)
print(__import__('orderpkg.sub', fromlist=['mod']).__name__)
print(__import__('orderpkg.sub', globals(), locals(), [], 0).__name__)

print('--- import in a function binds a local')
def f():
    import orderpkg.other
    from orderpkg import other as o
    return sorted(locals())
print(f())

print('--- a package attribute can shadow a submodule')
orderpkg.other = 'replaced'
from orderpkg import other as o2
print(o2)
import orderpkg.other
print(orderpkg.other, sys.modules['orderpkg.other'].OTHER)
