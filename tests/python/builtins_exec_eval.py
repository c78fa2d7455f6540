# exec() and eval(): sources (str, bytes, code objects), the globals and
# locals they run in (defaults, mappings, dict subclasses), __builtins__,
# the closure argument, and CPython's errors for every wrong argument.
def t(label, f):
    try:
        print(label, '->', repr(f()))
    except BaseException as e:
        print(label, '->', type(e).__name__ + ':', e)

t('eval str', lambda: eval('1 + 2 * 3'))
t('eval leading blanks', lambda: eval('  \t 40 + 2'))
t('eval trailing newline', lambda: eval('7\n'))
t('eval bytes', lambda: eval(b'3 * 4'))
t('eval bytearray', lambda: eval(bytearray(b'3 * 5')))
t('eval latin-1 bytes', lambda: eval(b'# coding: latin-1\n"\xe9"'))
t('eval code', lambda: eval(compile('[1, 2] * 2', 'f', 'eval')))
t('eval globals', lambda: eval('x + 1', {'x': 41}))
t('eval locals win', lambda: eval('x', {'x': 1}, {'x': 2}))
t('eval None globals', lambda: eval('y', None, {'y': 'local'}))
t('eval statement', lambda: eval('x = 1'))
t('eval int', lambda: eval(5))
t('eval globals int', lambda: eval('1', 5))
t('eval globals list', lambda: eval('1', []))
t('eval locals int', lambda: eval('1', {}, 5))
t('eval no args', lambda: eval())
t('eval keywords', lambda: eval('1', globals={}))
t('eval too many', lambda: eval('1', {}, {}, {}))
t('eval null byte', lambda: eval('1\x00'))
t('eval name error', lambda: eval('undefined_name'))

g = {}
exec('a = 1\ndef f(): return a + 1', g)
print('exec globals:', sorted(k for k in g if k != '__builtins__'), g['f']())
print('__builtins__ inserted:', type(g['__builtins__']).__name__, g['__builtins__'] is __builtins__.__dict__)
g2 = {'__builtins__': {'len': lambda x: 'fake len'}}
exec('r = len([1, 2])', g2)
print('own __builtins__ dict:', g2['r'])
g3 = {'__builtins__': {}}
t('empty builtins', lambda: exec('print(1)', g3))
t('exec returns None', lambda: exec('1 + 1'))
t('exec code object', lambda: exec(compile('q = 5', 'f', 'exec'), g) or g['q'])
t('exec eval-mode code', lambda: exec(compile('1 + 1', 'f', 'eval')))
t('exec syntax error', lambda: exec('def f(:'))
t('exec return outside', lambda: exec('return 1'))
t('exec int', lambda: exec(5))
t('exec globals list', lambda: exec('1', []))
t('exec locals int', lambda: exec('1', {}, 5))
t('exec closure with a string', lambda: exec('1', closure=(1,)))
t('exec globals keyword', lambda: exec('1', globals={}))

def make():
    captured = 'captured value'
    def inner():
        return captured
    return inner
code = make().__code__
cell = make().__closure__
t('exec free vars, no closure', lambda: exec(code))
t('exec closure wrong type', lambda: exec(code, {}, None, closure=5))
t('exec closure wrong length', lambda: exec(code, {}, None, closure=()))
t('exec closure ok', lambda: exec(code, {}, None, closure=cell))
t('exec closure for no free vars', lambda: exec(compile('1', 'f', 'exec'), {}, None, closure=cell))
t('eval free vars', lambda: eval(code))

class Mapping(dict):
    def __getitem__(self, key):
        if key == 'magic':
            return 'from __getitem__'
        return super().__getitem__(key)
t('eval mapping locals', lambda: eval('magic', {}, Mapping()))
t('eval mapping as globals and locals', lambda: eval('magic', Mapping()))
class Plain:
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        return self.d[k]
    def __setitem__(self, k, v):
        print('  set', k, v)
        self.d[k] = v
p = Plain()
exec('x = 1\ny = x + 1', {}, p)
print('non-dict mapping locals:', p.d)

def in_function():
    a = 1
    exec('a = 2\nnew_name = 3')
    l = locals()
    return a, l['a'], l['new_name'], eval('a + 10')
print('in a function:', in_function())

class Body:
    x = 5
    y = eval('x * 2')
    exec('z = x * 3')
print('class body:', Body.y, Body.z)
print('comprehension in eval:', eval('[v * k for v in range(3)]', {'k': 10}))
print('lambda in eval:', eval('(lambda n: n * 2)(21)'))
d = {'__name__': 'custom_module'}
exec('def g(): pass\nclass C: pass', d)
print('defined in exec:', d['g'].__module__, d['C'].__module__)
exec("import sys as _s\nr = _s.__name__", d)
print('import in exec:', d['r'])
