# Argument checks of sys functions (CPython's messages for extra, missing and
# keyword arguments), sys.intern of str subclasses, sys.call_tracing, the
# types of sys.flags and sys.version_info (not instantiable), and
# sys.stdlib_module_names.
import sys
for n in ['exit','getrecursionlimit','setrecursionlimit','get_int_max_str_digits','set_int_max_str_digits','exc_info','exception','_getframe','_current_frames','_current_exceptions','intern','displayhook','excepthook','get_asyncgen_hooks','gettrace','getprofile','is_finalizing','getdefaultencoding','getfilesystemencoding','getfilesystemencodeerrors','addaudithook','getswitchinterval','setswitchinterval','call_tracing']:
    f = getattr(sys, n, None)
    print(n)
    for args in [(), ("x",), ("x", "y"), ("x", "y", "z")]:
        if n in ('exit',) and len(args) < 2: continue
        if n in ('displayhook',) and len(args) == 1: continue
        if n == 'addaudithook' and len(args) == 1: continue
        if n == 'excepthook' and len(args) == 3: continue
        try:
            f(*args)
        except TypeError as e: print('   ', len(args), 'TypeError', e)
        except BaseException as e: print('   ', len(args), type(e).__name__)
    try:
        f(x=1)
    except TypeError as e: print('    kw TypeError', e)
    except BaseException as e: print('    kw', type(e).__name__)
class S(str): pass
for a in [S('abc'), 3]:
    try: sys.intern(a)
    except TypeError as e: print(e)
print(sys.call_tracing(len, ([1, 2],)), sys.call_tracing(max, (1, 5, 2)))
try:
    sys.call_tracing(len, [1])
except TypeError as e:
    print(e)
for t in [type(sys.flags), type(sys.version_info)]:
    for f in [lambda: t(), lambda: t(sys.flags), lambda: t.__new__(t, (1,))]:
        try:
            f()
            print('created', t)
        except TypeError as e:
            print(e)
print(repr(type(sys.flags)), repr(type(sys.version_info)), type(sys.flags).__name__)
print(sys.version_info >= (3, 11), sys.version_info[:2], sys.flags.optimize)
names = sys.stdlib_module_names
print(type(names).__name__, len(names), all(type(n) is str for n in names))
print(sorted(n for n in names if n.startswith('_c')))
print([n in names for n in ['os', 'sys', 'collections', 'asyncio', 'tkinter', 'numpy', 'test']])
print(type(sys._stdlib_dir).__name__)
class T(tuple):
    pass
for status in [(42,), (17, 23), (), T((1, 2)), None, 'x', [1], 0]:
    try:
        sys.exit(status)
    except SystemExit as e:
        print(repr(status), repr(e.code), e.args)
