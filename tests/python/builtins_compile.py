# compile(): the three modes, code object attributes, filenames of every
# accepted type, flags, dont_inherit and optimize, interactive ('single')
# printing, and the errors for bad arguments.
def t(label, f):
    try:
        print(label, '->', repr(f()))
    except BaseException as e:
        print(label, '->', type(e).__name__ + ':', e)

c = compile('x = 1\ny = x + 1', 'mod.py', 'exec')
print(type(c).__name__, c.co_name, c.co_filename, c.co_firstlineno)
ns = {}
exec(c, ns)
print('ran:', ns['y'])
e = compile('y * 2', '<expr>', 'eval')
print('eval mode:', eval(e, {'y': 21}), e.co_name)
s = compile('40 + 2', '<stdin>', 'single')
print('single mode prints:')
exec(s)
exec(compile('None', 's', 'single'))
exec(compile('"text"', 's', 'single'))
exec(compile('if True:\n    5\n', 's', 'single'))
exec(compile('a = 3', 's', 'single'))
t('single, two statements', lambda: compile('1\n2', 's', 'single'))
t('eval, a statement', lambda: compile('a = 1', 'f', 'eval'))
t('bad mode', lambda: compile('1', 'f', 'bad'))
t('mode int', lambda: compile('1', 'f', 5))
t('func_type without AST flag', lambda: compile('1', 'f', 'func_type'))
t('missing mode', lambda: compile('1', 'f'))
t('no arguments', lambda: compile())
t('code object source', lambda: compile(c, 'f', 'exec'))
t('int source', lambda: compile(1, 'f', 'exec'))
t('null byte', lambda: compile('a\x00', 'f', 'exec'))
t('bytes source', lambda: eval(compile(b'6 * 7', 'f', 'eval')))
t('bytes with a cookie', lambda: eval(compile(b'# -*- coding: latin-1 -*-\n"\xe9t\xe9"', 'f', 'eval')))
t('str cookie ignored', lambda: eval(compile('# coding: latin-1\n"\xe9"', 'f', 'eval')))
t('bad utf-8', lambda: compile(b'x = "\xff"', 'f', 'exec'))
t('filename bytes', lambda: compile('1', b'name.py', 'exec').co_filename)
class P:
    def __fspath__(self):
        return 'from_fspath.py'
t('filename path-like', lambda: compile('1', P(), 'exec').co_filename)
t('filename int', lambda: compile('1', 5, 'exec'))
t('filename None', lambda: compile('1', None, 'exec'))
t('flags str', lambda: compile('1', 'f', 'exec', 'x'))
t('flags float', lambda: compile('1', 'f', 'exec', 1.5))
t('flags unknown', lambda: compile('1', 'f', 'exec', 0x100))
t('flags huge', lambda: compile('1', 'f', 'exec', 2**40))
t('flags obsolete nested', lambda: compile('1', 'f', 'exec', 0x10).co_name)
t('dont_inherit', lambda: compile('1', 'f', 'exec', dont_inherit=True).co_name)
t('dont_inherit str', lambda: compile('1', 'f', 'exec', 0, 'x'))
t('optimize 3', lambda: compile('1', 'f', 'exec', optimize=3))
t('optimize -2', lambda: compile('1', 'f', 'exec', optimize=-2))
t('bad keyword', lambda: compile('1', 'f', 'exec', bad=1))
t('too many', lambda: compile('1', 'f', 'exec', 0, 0, 0, 0))
t('feature version', lambda: compile('1', 'f', 'exec', _feature_version=7).co_name)

src = 'assert False, "assertion ran"\nx = __debug__\n"docstring"'
for level in (0, 1, 2):
    ns = {}
    try:
        exec(compile(src, 'opt', 'exec', optimize=level), ns)
        print('optimize', level, '-> __debug__ is', ns['x'])
    except AssertionError as err:
        print('optimize', level, '-> AssertionError', err)
def docs(level):
    ns = {}
    exec(compile('def f():\n    "doc"\n', 'opt', 'exec', optimize=level), ns)
    return ns['f'].__doc__
print('docstrings:', docs(-1), docs(0), docs(1), docs(2))
print('lines:', compile('\n\n\nz = 1', 'f', 'exec').co_firstlineno)
try:
    compile('x = (1,\n  2,\n  +)', 'where.py', 'exec')
except SyntaxError as err:
    print('SyntaxError:', err.msg, err.filename, err.lineno)
for src in [b'x = "\xff"', b'\xff = 1', b'x = 1\ny = "ab\xc3"', b'# \xff comment\nx = 1', b'x = "a\xe9b"']:
    try:
        compile(src, 'bytes.py', 'exec')
        print('compiles')
    except SyntaxError as err:
        print('SyntaxError:', err.msg, '| line', err.lineno, '| file', err.filename)
