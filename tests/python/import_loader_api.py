# Using loaders directly, as importlib.reload and importlib.util do:
# re-running a module's code in its own namespace with
# spec.loader.exec_module, making a module from a file with a new loader,
# and the loader methods.
import sys
sys.path.insert(0, sys.path[0] + '/_imp')

import reloadable
first_f = reloadable.f
print('first run:', reloadable.RUNS, reloadable.f())
reloadable.__spec__.loader.exec_module(reloadable)
print('re-run in place:', reloadable.RUNS, reloadable.f(), '| old name kept:', reloadable.ONLY_FIRST)
print('new function object:', reloadable.f is not first_f, '| old one sees new globals:', first_f())
print('same module object:', sys.modules['reloadable'] is reloadable)

Loader = type(reloadable.__loader__)
Spec = type(reloadable.__spec__)
path = reloadable.__file__
loader = Loader('copy_of_reloadable', path)
spec = Spec('copy_of_reloadable', loader, origin=path)
spec.has_location = True
mod = type(sys)(spec.name)
mod.__spec__ = spec
mod.__loader__ = loader
mod.__file__ = path
print('create_module gives None:', loader.create_module(spec))
loader.exec_module(mod)
print('a second module from the same file:', mod.__name__, mod.RUNS, 'ONLY_FIRST' in vars(mod))
print('not in sys.modules:', 'copy_of_reloadable' in sys.modules)
print('load_module puts it there:', loader.load_module('copy_of_reloadable').__name__,
      'copy_of_reloadable' in sys.modules)
print('path_stats keys:', sorted(loader.path_stats(path)))
print('source_to_code:', loader.source_to_code('x = 1', 'file.py').co_filename)
print('is_package:', loader.is_package('copy_of_reloadable'),
      Loader('p', '/x/p/__init__.py').is_package('p'),
      Loader('__init__', '/x/__init__.py').is_package('__init__'))
try:
    Loader('missing', path + '.nope').get_data(path + '.nope')
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror)
