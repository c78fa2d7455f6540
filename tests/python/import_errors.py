# ImportError and ModuleNotFoundError: messages and the name/path fields,
# for missing modules and names, non-packages, bad arguments, syntax
# errors in an imported module, and C extension modules ftpy cannot load.
import sys
sys.path.insert(0, sys.path[0] + '/_imp')
BASE = sys.path[0]

def show(e):
    path = e.path if e.path is None else e.path.rsplit('/', 2)[-2:]
    return f'{type(e).__name__}: {str(e).replace(BASE, "<imp>")} | name={e.name!r} path={path}'

def attempt(stmt):
    try:
        exec(stmt, {})
        print(stmt, '-> ok')
    except ImportError as e:
        print(stmt, '->', show(e))

attempt('import no_such_module_here')
attempt('import no_such_pkg.sub.leaf')
attempt('import selfrep.nope')
attempt('import selfrep.counter.deeper')
attempt('from selfrep import nope')
attempt('from selfrep.counter import nope')
attempt('from sys import nope')
attempt("import plainpkg.alpha.A")
attempt('from plainpkg import alpha, gamma')
attempt('from plainpkg import delta')

print('ModuleNotFoundError is an ImportError:', issubclass(ModuleNotFoundError, ImportError))
e = ImportError('message', name='n', path='p')
print(e, e.name, e.path, e.msg, e.args)
e = ModuleNotFoundError()
print(repr(e), e.name, e.path, e.msg)
try:
    ImportError('m', nope=1)
except TypeError as e:
    print('TypeError:', e)

for bad in ['__import__(5)', "__import__('')", "__import__('.x')", "__import__('x', level=-1)",
            "__import__('sys', fromlist=[5])", "__import__('plainpkg', fromlist=[5])",
            "__import__('plainpkg', fromlist=['*', 'beta'])"]:
    try:
        r = eval(bad)
        print(bad, '->', r.__name__)
    except (ImportError, TypeError, ValueError) as e:
        print(bad, '->', type(e).__name__ + ':', e)

print('--- a syntax error in an imported module')
try:
    import selfrep.badsyntax
except SyntaxError as e:
    print(type(e).__name__, e.msg, '| line', e.lineno, '| file', e.filename.rsplit('/', 2)[-2:])
print('left in sys.modules:', 'selfrep.badsyntax' in sys.modules)

print('--- C extension modules')
for name in ['fakeext', 'fakeabi', 'extpkg']:
    try:
        __import__(name)
    except ImportError as e:
        print(name, '->', type(e).__name__, '| name:', e.name,
              '| path:', e.path.rsplit('/', 2)[-2:],
              '| file named in message:', e.path in str(e))
    print('  in sys.modules afterwards:', name in sys.modules)
