"""ftpy's import machinery objects (frozen into the ftpy binary).

The import statement runs natively (crates/ftpy-vm/src/import/mod.rs).
This module defines the objects it hands to programs: module specs
(`__spec__`), finders (`sys.meta_path`, `sys.path_hooks`,
`sys.path_importer_cache`) and loaders (`__loader__`), with the
attributes and methods CPython's importlib gives them, so code written
against importlib sees what it expects. The native import statement
recognizes BuiltinImporter, PathFinder and FileFinder and does their work
directly; any other finder or loader a program installs is called through
its methods, as CPython's import does.

Names starting with `_n_` are native helpers put into this module's
namespace before it runs (see import/bootstrap.rs).
"""

import sys

_ERR_MSG = 'No module named {!r}'

SOURCE_SUFFIXES = ['.py']
BYTECODE_SUFFIXES = ['.pyc']
DEBUG_BYTECODE_SUFFIXES = BYTECODE_SUFFIXES
OPTIMIZED_BYTECODE_SUFFIXES = BYTECODE_SUFFIXES
EXTENSION_SUFFIXES = list(_n_extension_suffixes())


def all_suffixes():
    """Every file suffix the path finder recognizes."""
    return SOURCE_SUFFIXES + BYTECODE_SUFFIXES + EXTENSION_SUFFIXES


def _object_name(obj):
    try:
        return obj.__qualname__
    except AttributeError:
        return type(obj).__qualname__


# ---- module specs --------------------------------------------------------------------

class ModuleSpec:
    """How to find and load a module: the value of its `__spec__`.

    `name` is the module's absolute name; `loader` loads it; `origin` is
    where it comes from (a file name, 'built-in'); `has_location` says
    that `origin` is a location (then `__file__` is set from it);
    `submodule_search_locations` is the package's `__path__`, None for a
    module that is not a package; `parent` is the package it belongs to.
    """

    def __init__(self, name, loader, *, origin=None, loader_state=None,
                 is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._uninitialized_submodules = []
        self._set_fileattr = False
        self._cached = None

    def __repr__(self):
        fields = [f'name={self.name!r}', f'loader={self.loader!r}']
        if self.origin is not None:
            fields.append(f'origin={self.origin!r}')
        if self.submodule_search_locations is not None:
            fields.append(
                f'submodule_search_locations={self.submodule_search_locations}')
        return f'{self.__class__.__name__}({", ".join(fields)})'

    def __eq__(self, other):
        try:
            return (self.name == other.name
                    and self.loader == other.loader
                    and self.origin == other.origin
                    and self.submodule_search_locations
                    == other.submodule_search_locations
                    and self.cached == other.cached
                    and self.has_location == other.has_location)
        except AttributeError:
            return NotImplemented

    @property
    def cached(self):
        # ftpy writes no bytecode files next to sources (its compiled code
        # lives in its own cache; sys.implementation.cache_tag is None), so
        # there is no cached file unless one was set.
        return self._cached

    @cached.setter
    def cached(self, cached):
        self._cached = cached

    @property
    def parent(self):
        """The name of the package the module belongs to."""
        if self.submodule_search_locations is None:
            return self.name.rpartition('.')[0]
        return self.name

    @property
    def has_location(self):
        return self._set_fileattr

    @has_location.setter
    def has_location(self, value):
        self._set_fileattr = bool(value)


def spec_from_loader(name, loader, *, origin=None, is_package=None):
    """A spec for a module that `loader` loads."""
    if origin is None:
        origin = getattr(loader, '_ORIGIN', None)
    if not origin and hasattr(loader, 'get_filename'):
        if is_package is None:
            return spec_from_file_location(name, loader=loader)
        locations = [] if is_package else None
        return spec_from_file_location(name, loader=loader,
                                       submodule_search_locations=locations)
    if is_package is None:
        if hasattr(loader, 'is_package'):
            try:
                is_package = loader.is_package(name)
            except ImportError:
                is_package = None
        else:
            is_package = False
    return ModuleSpec(name, loader, origin=origin, is_package=is_package)


_POPULATE = object()


def spec_from_file_location(name, location=None, *, loader=None,
                            submodule_search_locations=_POPULATE):
    """A spec for a module loaded from a file (`location`)."""
    if location is None:
        location = '<unknown>'
        if hasattr(loader, 'get_filename'):
            try:
                location = loader.get_filename(name)
            except ImportError:
                pass
    else:
        location = _n_fspath(location)
        if not location.startswith('/'):
            try:
                location = _path_join(_n_getcwd(), location)
            except OSError:
                pass
    spec = ModuleSpec(name, loader, origin=location)
    spec._set_fileattr = True
    if loader is None:
        for loader_class, suffixes in _file_loaders():
            if location.endswith(tuple(suffixes)):
                loader = loader_class(name, location)
                spec.loader = loader
                break
        else:
            return None
    if submodule_search_locations is _POPULATE:
        if hasattr(loader, 'is_package'):
            try:
                is_package = loader.is_package(name)
            except ImportError:
                pass
            else:
                if is_package:
                    spec.submodule_search_locations = []
    else:
        spec.submodule_search_locations = submodule_search_locations
    if spec.submodule_search_locations == [] and location:
        spec.submodule_search_locations.append(location.rpartition('/')[0])
    return spec


# ---- modules -------------------------------------------------------------------------

def _init_module_attrs(spec, module, *, override=False):
    """Sets the import-related attributes of `module` from `spec`."""
    if override or getattr(module, '__name__', None) is None:
        try:
            module.__name__ = spec.name
        except AttributeError:
            pass
    if override or getattr(module, '__loader__', None) is None:
        loader = spec.loader
        if loader is None and spec.submodule_search_locations is not None:
            # A namespace package: its loader is made here, and its
            # __file__ is None (it has no single location).
            loader = NamespaceLoader.__new__(NamespaceLoader)
            loader._path = spec.submodule_search_locations
            spec.loader = loader
            module.__file__ = None
        try:
            module.__loader__ = loader
        except AttributeError:
            pass
    try:
        module.__package__ = spec.parent
    except AttributeError:
        pass
    try:
        module.__spec__ = spec
    except AttributeError:
        pass
    if override or getattr(module, '__path__', None) is None:
        if spec.submodule_search_locations is not None:
            try:
                module.__path__ = spec.submodule_search_locations
            except AttributeError:
                pass
    if spec.has_location:
        if override or getattr(module, '__file__', None) is None:
            try:
                module.__file__ = spec.origin
            except AttributeError:
                pass
        if override or getattr(module, '__cached__', None) is None:
            if spec.cached is not None:
                try:
                    module.__cached__ = spec.cached
                except AttributeError:
                    pass
    return module


def module_from_spec(spec):
    """A new module for `spec`, with its import-related attributes set."""
    module = None
    if hasattr(spec.loader, 'create_module'):
        module = spec.loader.create_module(spec)
    elif hasattr(spec.loader, 'exec_module'):
        raise ImportError('loaders that define exec_module() '
                          'must also define create_module()')
    if module is None:
        module = type(sys)(spec.name)
    _init_module_attrs(spec, module)
    return module


def _load_module_shim(self, fullname):
    """`loader.load_module(fullname)`, the pre-PEP 451 API."""
    _n_warn(DeprecationWarning,
            "the load_module() method is deprecated and slated for removal "
            "in Python 3.12; use exec_module() instead", 2)
    spec = spec_from_loader(fullname, self)
    if fullname in sys.modules:
        module = sys.modules[fullname]
        _init_module_attrs(spec, module, override=True)
        self.exec_module(module)
    else:
        module = module_from_spec(spec)
        sys.modules[fullname] = module
        try:
            self.exec_module(module)
        except BaseException:
            sys.modules.pop(fullname, None)
            raise
    return sys.modules[fullname]


def _load_backward_compatible(spec):
    """Loads through a loader that has only `load_module()`."""
    try:
        spec.loader.load_module(spec.name)
    except BaseException:
        if spec.name in sys.modules:
            sys.modules[spec.name] = sys.modules.pop(spec.name)
        raise
    module = sys.modules.pop(spec.name)
    sys.modules[spec.name] = module
    if getattr(module, '__loader__', None) is None:
        try:
            module.__loader__ = spec.loader
        except AttributeError:
            pass
    if getattr(module, '__package__', None) is None:
        try:
            module.__package__ = module.__name__
            if not hasattr(module, '__path__'):
                module.__package__ = spec.name.rpartition('.')[0]
        except AttributeError:
            pass
    if getattr(module, '__spec__', None) is None:
        try:
            module.__spec__ = spec
        except AttributeError:
            pass
    return module


# ---- built-in modules ----------------------------------------------------------------

class BuiltinImporter:
    """Finds and loads the modules built into ftpy (written in Rust)."""

    _ORIGIN = 'built-in'

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if fullname in sys.builtin_module_names:
            return ModuleSpec(fullname, cls, origin=cls._ORIGIN, is_package=False)
        return None

    @staticmethod
    def create_module(spec):
        if spec.name not in sys.builtin_module_names:
            raise ImportError(f'{spec.name!r} is not a built-in module',
                              name=spec.name)
        return _n_create_builtin(spec.name)

    @staticmethod
    def exec_module(module):
        """Nothing to do: built-in modules are complete when created."""

    @classmethod
    def get_code(cls, fullname):
        cls._check(fullname)
        return None

    @classmethod
    def get_source(cls, fullname):
        cls._check(fullname)
        return None

    @classmethod
    def is_package(cls, fullname):
        cls._check(fullname)
        return False

    @staticmethod
    def _check(fullname):
        if fullname not in sys.builtin_module_names:
            raise ImportError(f'{fullname!r} is not a built-in module',
                              name=fullname)

    load_module = classmethod(_load_module_shim)


# ---- files ---------------------------------------------------------------------------

def _path_join(*parts):
    return '/'.join(p.rstrip('/') for p in parts if p)


def _check_name(method):
    """Loader methods may only be asked about the loader's own module."""
    def checked(self, name=None, *args, **kwargs):
        if name is None:
            name = self.name
        elif self.name != name:
            raise ImportError(f'loader for {self.name} cannot handle {name}',
                              name=name)
        return method(self, name, *args, **kwargs)
    checked.__name__ = method.__name__
    checked.__qualname__ = method.__qualname__
    checked.__doc__ = method.__doc__
    return checked


class FileLoader:
    """A loader for a module that is one file."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return (self.__class__ == other.__class__
                and self.__dict__ == other.__dict__)

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    @_check_name
    def get_filename(self, fullname):
        return self.path

    def get_data(self, path):
        """The bytes of the file at `path`."""
        return _n_read(path)

    @_check_name
    def load_module(self, fullname):
        return _load_module_shim(self, fullname)

    @_check_name
    def get_resource_reader(self, module):
        from importlib.readers import FileReader
        return FileReader(self)

    def create_module(self, spec):
        """Default module creation."""

    def is_package(self, fullname):
        """Whether the file is a package's `__init__`."""
        filename = self.get_filename(fullname).rpartition('/')[2]
        return (filename.rpartition('.')[0] == '__init__'
                and fullname.rpartition('.')[2] != '__init__')


class SourceFileLoader(FileLoader):
    """Loads a module from its Python source file."""

    def path_stats(self, path):
        mtime, size = _n_stat(path)
        return {'mtime': mtime, 'size': size}

    def get_source(self, fullname):
        """The module's source text (newlines made '\\n')."""
        return _n_decode_source(self.get_data(self.get_filename(fullname)))

    def source_to_code(self, data, path, *, _optimize=-1):
        return compile(data, path, 'exec', dont_inherit=True,
                       optimize=_optimize)

    def get_code(self, fullname):
        """The module's code object (from ftpy's compiled-code cache when
        the source has not changed)."""
        return _n_source_code(self.get_filename(fullname))

    def exec_module(self, module):
        code = self.get_code(module.__name__)
        if code is None:
            raise ImportError(f'cannot load module {module.__name__!r} '
                              'when get_code() returns None')
        exec(code, module.__dict__)

    def set_data(self, path, data, *, _mode=0o666):
        """ftpy writes no bytecode files: nothing to store."""


class SourcelessFileLoader(FileLoader):
    """Finds CPython bytecode files, which ftpy cannot run."""

    def get_code(self, fullname):
        _n_unloadable(fullname, self.get_filename(fullname),
                      'a CPython bytecode file (.pyc)')

    def get_source(self, fullname):
        return None

    def exec_module(self, module):
        self.get_code(module.__name__)


class ExtensionFileLoader(FileLoader):
    """Finds C extension modules, which ftpy cannot load: creating one
    raises ImportError naming it."""

    def create_module(self, spec):
        _n_unloadable(spec.name, self.path, 'a C extension module')

    def exec_module(self, module):
        pass

    def is_package(self, fullname):
        filename = self.path.rpartition('/')[2]
        return any(filename == '__init__' + suffix
                   for suffix in EXTENSION_SUFFIXES)

    def get_code(self, fullname):
        return None

    def get_source(self, fullname):
        return None


def _file_loaders():
    return [(ExtensionFileLoader, EXTENSION_SUFFIXES),
            (SourceFileLoader, SOURCE_SUFFIXES),
            (SourcelessFileLoader, BYTECODE_SUFFIXES)]


# ---- namespace packages (PEP 420) ----------------------------------------------------

class _NamespacePath:
    """A namespace package's `__path__`: recomputed when the parent's path
    (`sys.path` for a top-level package) changes."""

    _epoch = 0

    def __init__(self, name, path, path_finder):
        self._name = name
        self._path = path
        self._last_parent_path = tuple(self._get_parent_path())
        self._last_epoch = self._epoch
        self._path_finder = path_finder

    def _get_parent_path(self):
        parent, dot, _ = self._name.rpartition('.')
        if not dot:
            return sys.path
        return getattr(sys.modules[parent], '__path__')

    def _recalculate(self):
        parent_path = tuple(self._get_parent_path())
        if (parent_path != self._last_parent_path
                or self._epoch != self._last_epoch):
            spec = self._path_finder(self._name, parent_path)
            if spec is not None and spec.loader is None:
                if spec.submodule_search_locations:
                    self._path = spec.submodule_search_locations
            self._last_parent_path = parent_path
            self._last_epoch = self._epoch
        return self._path

    def __iter__(self):
        return iter(self._recalculate())

    def __getitem__(self, index):
        return self._recalculate()[index]

    def __setitem__(self, index, path):
        self._path[index] = path

    def __len__(self):
        return len(self._recalculate())

    def __repr__(self):
        return f'_NamespacePath({self._path!r})'

    def __contains__(self, item):
        return item in self._recalculate()

    def append(self, item):
        self._path.append(item)


class NamespaceLoader:
    """The loader of a namespace package: there is no code to run."""

    def __init__(self, name, path, path_finder):
        self._path = _NamespacePath(name, path, path_finder)

    def is_package(self, fullname):
        return True

    def get_source(self, fullname):
        return ''

    def get_code(self, fullname):
        return compile('', '<string>', 'exec', dont_inherit=True)

    def create_module(self, spec):
        """Default module creation."""

    def exec_module(self, module):
        pass

    def load_module(self, fullname):
        return _load_module_shim(self, fullname)

    def get_resource_reader(self, module):
        from importlib.readers import NamespaceReader
        return NamespaceReader(self._path)


# ---- path finders --------------------------------------------------------------------

class FileFinder:
    """Finds modules in one directory (a `sys.path` or `__path__` entry)."""

    def __init__(self, path, *loader_details):
        loaders = []
        for loader, suffixes in loader_details:
            loaders.extend((suffix, loader) for suffix in suffixes)
        self._loaders = loaders
        if not path or path == '.':
            self.path = _n_getcwd()
        elif not path.startswith('/'):
            self.path = _path_join(_n_getcwd(), path)
        else:
            self.path = path

    def invalidate_caches(self):
        _n_invalidate(self.path)

    def find_spec(self, fullname, target=None):
        """A spec for `fullname` if this directory has it: a package
        directory, then a module file (C extension, source, bytecode, in
        that order), then a namespace package portion."""
        found = _n_find(self.path, fullname.rpartition('.')[2],
                        [suffix for suffix, _ in self._loaders])
        if found is None:
            return None
        kind, path, suffix = found
        if kind == 'namespace':
            spec = ModuleSpec(fullname, None)
            spec.submodule_search_locations = [path]
            return spec
        loader_class = dict(self._loaders)[suffix]
        loader = loader_class(fullname, path)
        locations = [path.rpartition('/')[0]] if kind == 'package' else None
        return spec_from_file_location(fullname, path, loader=loader,
                                       submodule_search_locations=locations)

    @classmethod
    def path_hook(cls, *loader_details):
        """A `sys.path_hooks` entry making FileFinders for directories."""
        def path_hook_for_FileFinder(path):
            if not _n_isdir(path):
                raise ImportError('only directories are supported', path=path)
            return cls(path, *loader_details)
        return path_hook_for_FileFinder

    def __repr__(self):
        return f'FileFinder({self.path!r})'


class PathFinder:
    """Finds modules along `sys.path` or a package's `__path__`, through
    `sys.path_hooks` and `sys.path_importer_cache`."""

    @staticmethod
    def invalidate_caches():
        for entry, finder in list(sys.path_importer_cache.items()):
            if finder is None or not entry.startswith('/'):
                del sys.path_importer_cache[entry]
            elif hasattr(finder, 'invalidate_caches'):
                finder.invalidate_caches()
        _NamespacePath._epoch += 1

    @staticmethod
    def _path_hooks(path):
        if sys.path_hooks is not None and not sys.path_hooks:
            _n_warn(ImportWarning, 'sys.path_hooks is empty', 1)
        for hook in sys.path_hooks:
            try:
                return hook(path)
            except ImportError:
                continue
        return None

    @classmethod
    def _path_importer_cache(cls, path):
        if path == '':
            try:
                path = _n_getcwd()
            except FileNotFoundError:
                return None
        try:
            finder = sys.path_importer_cache[path]
        except KeyError:
            finder = cls._path_hooks(path)
            sys.path_importer_cache[path] = finder
        return finder

    @classmethod
    def _get_spec(cls, fullname, path, target=None):
        namespace_path = []
        for entry in path:
            if not isinstance(entry, str):
                continue
            finder = cls._path_importer_cache(entry)
            if finder is None:
                continue
            if hasattr(finder, 'find_spec'):
                spec = finder.find_spec(fullname, target)
            elif hasattr(finder, 'find_module'):
                loader = finder.find_module(fullname)
                spec = None if loader is None else spec_from_loader(fullname, loader)
            else:
                continue
            if spec is None:
                continue
            if spec.loader is not None:
                return spec
            portions = spec.submodule_search_locations
            if portions is None:
                raise ImportError('spec missing loader')
            namespace_path.extend(portions)
        spec = ModuleSpec(fullname, None)
        spec.submodule_search_locations = namespace_path
        return spec

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if path is None:
            path = sys.path
        spec = cls._get_spec(fullname, path, target)
        if spec is None:
            return None
        if spec.loader is None:
            namespace_path = spec.submodule_search_locations
            if not namespace_path:
                return None
            spec.origin = None
            spec.submodule_search_locations = _NamespacePath(
                fullname, namespace_path, cls._get_spec)
        return spec

    @staticmethod
    def find_distributions(*args, **kwargs):
        from importlib.metadata import MetadataPathFinder
        return MetadataPathFinder.find_distributions(*args, **kwargs)


def _install():
    """Puts the finders in place and describes the modules that exist
    before any import (sys, builtins, ...)."""
    sys.meta_path.append(BuiltinImporter)
    sys.meta_path.append(PathFinder)
    sys.path_hooks.append(FileFinder.path_hook(*_file_loaders()))
    for name, module in list(sys.modules.items()):
        if name in sys.builtin_module_names and getattr(module, '__spec__', None) is None:
            spec = ModuleSpec(name, BuiltinImporter, origin='built-in', is_package=False)
            _init_module_attrs(spec, module)


_install()
