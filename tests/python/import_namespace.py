# PEP 420 namespace packages: one package in two directories, without
# __init__.py; its __path__ follows sys.path; its spec and attributes.
import sys
base = sys.path[0] + '/_imp'
sys.path.append(base + '/ns_part1')
sys.path.append(base + '/ns_part2')

import nspkg
print('portions:', [p.rsplit('/', 2)[-2:] for p in nspkg.__path__])
print('__path__ type:', type(nspkg.__path__).__name__, len(nspkg.__path__))
print('__file__:', nspkg.__file__, '| spec.origin:', nspkg.__spec__.origin)
print('spec.name:', nspkg.__spec__.name, '| parent:', nspkg.__spec__.parent,
      '| has_location:', nspkg.__spec__.has_location)
print('loader:', type(nspkg.__loader__).__name__, nspkg.__spec__.loader is nspkg.__loader__)
print('loader.is_package:', nspkg.__loader__.is_package('nspkg'),
      '| get_source:', repr(nspkg.__loader__.get_source('nspkg')))
print('__package__:', nspkg.__package__, '| no __init__ attrs:', hasattr(nspkg, 'NAME'))

import nspkg.mod1, nspkg.mod2
print(nspkg.mod1.NAME, '|', nspkg.mod2.NAME, '|', nspkg.mod2.OTHER)
print('mod2 file:', nspkg.mod2.__file__.rsplit('/', 3)[-3:])
import nspkg.inner.deep
print('nested namespace:', nspkg.inner.deep.WHERE, '| inner file:', nspkg.inner.__file__)
print('inner portions:', [p.rsplit('/', 3)[-3:] for p in nspkg.inner.__path__])

# A directory added to sys.path later becomes a portion too.
sys.path.append(base + '/ns_part3')
print('after adding a path entry:', len(nspkg.__path__))
import nspkg.mod3
print(nspkg.mod3.NAME)
print('contains part2:', any(p.endswith('ns_part2/nspkg') for p in nspkg.__path__))

# A directory with no __init__.py is a namespace package only when no
# module of that name is found anywhere on the path.
try:
    import nspkg.missing
except ModuleNotFoundError as e:
    print(e)
