# What importlib users see on modules: __name__, __spec__ (name, origin,
# parent, has_location, submodule_search_locations, loader), __loader__
# and its methods, __file__, __path__, __package__; built-in modules;
# finders in sys.meta_path and sys.path_importer_cache.
import sys
sys.path.insert(0, sys.path[0] + '/_imp')

def tail(p, n=2):
    return None if p is None else '/'.join(p.split('/')[-n:])

import plainpkg.alpha
for m in (plainpkg, plainpkg.alpha):
    s = m.__spec__
    print(m.__name__)
    print('  spec:', s.name, tail(s.origin), s.parent, s.has_location)
    print('  search locations:', None if s.submodule_search_locations is None
          else [tail(p, 1) for p in s.submodule_search_locations])
    print('  __file__:', tail(m.__file__), '| __package__:', repr(m.__package__),
          '| __path__:', [tail(p, 1) for p in getattr(m, '__path__', [])])
    print('  loader:', type(m.__loader__).__name__, m.__loader__ is s.loader,
          '| name:', m.__loader__.name, '| path:', tail(m.__loader__.path))
    print('  is_package:', m.__loader__.is_package(m.__name__),
          '| get_filename:', tail(m.__loader__.get_filename(m.__name__)))
    print('  doc:', m.__doc__)

src = plainpkg.alpha.__loader__.get_source('plainpkg.alpha')
print('source:', repr(src))
print('get_data:', plainpkg.alpha.__loader__.get_data(plainpkg.alpha.__file__))
code = plainpkg.alpha.__loader__.get_code('plainpkg.alpha')
print('code:', type(code).__name__, code.co_name, tail(code.co_filename))
try:
    plainpkg.alpha.__loader__.get_filename('other.name')
except ImportError as e:
    print('wrong name:', e, '| name:', e.name)
print('loaders equal:', plainpkg.alpha.__loader__ == type(plainpkg.alpha.__loader__)('plainpkg.alpha', plainpkg.alpha.__file__))

import builtins
for m in (sys, builtins):
    s = m.__spec__
    print(m.__name__, '| origin:', s.origin, '| loader:', s.loader.__name__,
          '| has_location:', s.has_location, '| parent:', repr(s.parent),
          '| file:', hasattr(m, '__file__'), '| loader is BuiltinImporter:', m.__loader__ is s.loader)
print(repr(sys), repr(builtins))
bi = sys.__loader__
print('sys spec equals a fresh one:', sys.__spec__ == type(sys.__spec__)('sys', bi, origin='built-in'))
print('BuiltinImporter finds sys:', bi.find_spec('sys').name,
      '| with a path:', bi.find_spec('sys', ['x']).name,
      '| not a missing module:', bi.find_spec('nope'))
print('BuiltinImporter.is_package:', bi.is_package('sys'), bi.get_code('sys'), bi.get_source('sys'))
print('create_module gives the same sys:', bi.create_module(sys.__spec__) is sys)

print('finders are classes with find_spec:', all(isinstance(f, type) and hasattr(f, 'find_spec') for f in sys.meta_path[-2:]))
try:
    bi.get_code('plainpkg')
except ImportError as e:
    print('not built in:', e, e.name)
print('a path finder for our directory:', type(sys.path_importer_cache[sys.path[0]]).__name__)

spec_type = type(plainpkg.__spec__)
s = spec_type('made.up', None, origin='somewhere', is_package=True)
print(s.name, s.parent, s.origin, s.submodule_search_locations, s.loader_state, s.has_location)
s.has_location = 1
s.cached = 'c'
print(s.has_location, s.cached)
print(spec_type('a.b.c', None).parent, spec_type('a', None).parent == '')
try:
    hash(s)
except TypeError as e:
    print('specs are unhashable:', e)
