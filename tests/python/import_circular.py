# Circular imports: a module sees the partially initialized module of an
# import in progress, with CPython 3.11's messages for what is missing.
import sys
sys.path.insert(0, sys.path[0] + '/_imp')

print('--- from-import of a name not defined yet')
import circ.a
print('circ.a.A_VALUE after the cycle:', circ.a.A_VALUE)
print('circ.b is bound in circ:', circ.b.__name__)

print('--- attribute of a partially initialized module')
import circ.pa
print('circ.pa.X:', circ.pa.X)

print('--- a submodule accessed while it is being imported')
import circ.pc
print('circ.pc.child bound afterwards:', circ.pc.child.__name__)

print('--- a module importing a name from itself')
try:
    import circ.selfref
except ImportError as e:
    msg, _, where = str(e).rpartition(' (')
    print(type(e).__name__ + ':', msg)
    print('  file:', where.rsplit('/', 2)[-2:])
    print('  name:', e.name)
print('circ.selfref in sys.modules after failing:', 'circ.selfref' in sys.modules)

print('--- spec._initializing is False once loaded')
print(circ.a.__spec__._initializing, circ.pa.__spec__._initializing)
print('_uninitialized_submodules:', circ.__spec__._uninitialized_submodules)

print('--- a top-level module in the middle of its import')
import circtop_a
print('circtop_a.X:', circtop_a.X)
try:
    circtop_a.nothing
except AttributeError as e:
    print('afterwards:', e)
