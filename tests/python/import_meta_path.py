# Import hooks: a finder on sys.meta_path with its own loader (PEP 451
# create_module/exec_module), a loader with only load_module, a path
# hook with its own path-entry finder, and what each one is asked.
import sys
sys.path.insert(0, sys.path[0] + '/_imp')
ModuleSpec = type(sys.__spec__)

class StringLoader:
    """Loads modules from source text kept in a dict."""
    def __init__(self, sources):
        self.sources = sources
    def create_module(self, spec):
        print('  create_module', spec.name)
        return None
    def exec_module(self, module):
        print('  exec_module', module.__name__, '| spec attrs set first:',
              module.__spec__.name, module.__loader__ is self, module.__package__)
        exec(self.sources[module.__name__], module.__dict__)

class DictFinder:
    def __init__(self, sources):
        self.loader = StringLoader(sources)
        self.sources = sources
    def find_spec(self, name, path, target=None):
        print('  find_spec', name, 'path given:', path is not None, 'target:', target)
        if name in self.sources:
            is_pkg = name + '.' in ' '.join(k + ' ' for k in self.sources if k != name) or name == 'virt'
            return ModuleSpec(name, self.loader, origin='<memory>', is_package=name == 'virt')
        return None

sources = {
    'virt': 'X = "virtual package"',
    'virt.child': 'from . import sibling\nY = sibling.Z * 2',
    'virt.sibling': 'Z = 21',
}
finder = DictFinder(sources)
sys.meta_path.insert(0, finder)
print('import virt.child:')
import virt.child
print('results:', virt.X, virt.child.Y, virt.sibling.Z)
print('virt.__path__:', virt.__path__, '| child __package__:', virt.child.__package__)
print('repr:', repr(virt.child).split(' (')[0])
print('a module the finder does not have still imports:')
import plainpkg.gamma
print(plainpkg.gamma.G)
sys.meta_path.remove(finder)

class Legacy:
    """A loader with only the old load_module API."""
    def find_spec(self, name, path, target=None):
        if name == 'legacy_mod':
            return ModuleSpec(name, self)
        return None
    def load_module(self, name):
        print('  load_module', name)
        m = type(sys)(name)
        m.VALUE = 'made by load_module'
        sys.modules[name] = m
        return m
sys.meta_path.insert(0, Legacy())
import legacy_mod
print(legacy_mod.VALUE, '| spec set afterwards:', legacy_mod.__spec__.name, type(legacy_mod.__loader__).__name__)
sys.meta_path.pop(0)

class NoCreate:
    def find_spec(self, name, path, target=None):
        return ModuleSpec(name, self) if name == 'nocreate' else None
    def exec_module(self, module):
        pass
sys.meta_path.insert(0, NoCreate())
try:
    import nocreate
except ImportError as e:
    print('exec_module without create_module:', e)
sys.meta_path.pop(0)

class Namespaced:
    def find_spec(self, name, path, target=None):
        if name == 'noloader':
            return ModuleSpec(name, None)
        return None
sys.meta_path.insert(0, Namespaced())
try:
    import noloader
except ImportError as e:
    print('no loader and no locations:', e, e.name)
sys.meta_path.pop(0)

print('--- a path hook')
class EntryFinder:
    def __init__(self, entry):
        self.entry = entry
    def find_spec(self, name, target=None):
        print('  entry finder asked for', name, 'in', self.entry)
        if name == 'hooked':
            return ModuleSpec(name, StringLoader({'hooked': 'H = "from a hook"'}), origin='hook')
        return None
def hook(entry):
    if entry.startswith('virtual:'):
        return EntryFinder(entry)
    raise ImportError('not mine')
sys.path_hooks.insert(0, hook)
sys.path.append('virtual:somewhere')
import hooked
print(hooked.H, '| cached finder:', type(sys.path_importer_cache['virtual:somewhere']).__name__)
try:
    import not_anywhere
except ModuleNotFoundError as e:
    print(e)
sys.path.remove('virtual:somewhere')
sys.path_hooks.remove(hook)

print('--- a finder raising')
class Broken:
    def find_spec(self, name, path, target=None):
        raise RuntimeError(f'finder failed for {name}')
sys.meta_path.insert(0, Broken())
try:
    import anything_new
except RuntimeError as e:
    print('RuntimeError:', e)
sys.meta_path.pop(0)
import plainpkg.beta
print('imports work again:', plainpkg.beta.B)
