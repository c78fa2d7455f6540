# PEP 562: module __getattr__ and __dir__ that load submodules on demand.
import sys
_lazy = ['heavy', 'light']
loaded = []
def __getattr__(name):
    if name in _lazy:
        loaded.append(name)
        __import__(f'{__name__}.{name}')
        return sys.modules[f'{__name__}.{name}']
    raise AttributeError(f"module {__name__!r} has no attribute {name!r} (lazy)")
def __dir__():
    return sorted([n for n in globals() if not n.startswith('__')] + _lazy)
