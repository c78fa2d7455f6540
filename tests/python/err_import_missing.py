# An uncaught ModuleNotFoundError from a submodule of a package.
import sys
sys.path.insert(0, sys.path[0] + '/_imp')
import plainpkg
print('plainpkg imported')
import plainpkg.no_such_submodule
