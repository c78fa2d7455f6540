# `from __future__` features and compile()/exec()/eval(): code compiled
# by a module that imports `annotations` inherits it unless dont_inherit
# is true; the flag can be passed explicitly; co_flags records it.
from __future__ import annotations
import __future__

ANN = __future__.annotations.compiler_flag
print('flag value:', hex(ANN))
src = 'def f(x: undefined_name) -> also_undefined: pass\nresult = f.__annotations__'
ns = {}
exec(src, ns)
print('exec inherits (annotations stay strings):', ns['result'])
ns = {}
exec(compile(src, 'inherit', 'exec'), ns)
print('compile inherits:', ns['result'])
try:
    exec(compile(src, 'no_inherit', 'exec', dont_inherit=True), {})
except NameError as e:
    print('dont_inherit evaluates them:', e)
ns = {}
exec(compile(src, 'explicit', 'exec', flags=ANN, dont_inherit=True), ns)
print('explicit flag:', ns['result'])
code = compile('x = 1', 'c', 'exec')
print('co_flags has the feature:', bool(code.co_flags & ANN))
code = compile('x = 1', 'c', 'exec', dont_inherit=True)
print('not with dont_inherit:', bool(code.co_flags & ANN))
print('this module code:', bool((lambda: 0).__code__.co_flags & ANN))
print('eval inherits:', eval('(lambda a: int: a).__annotations__') if False else eval('type(compile("def g(a: q): pass", "e", "exec").co_flags & ' + str(ANN) + ')').__name__)
other = {}
exec(compile('from __future__ import annotations\ndef h(a: zz): pass', 'g', 'exec', dont_inherit=True), other)
print('future import inside the source:', other['h'].__annotations__)
for name in ['division', 'absolute_import', 'with_statement', 'print_function',
             'unicode_literals', 'generator_stop', 'nested_scopes', 'generators']:
    feat = getattr(__future__, name)
    try:
        c = compile('pass', 'f', 'exec', feat.compiler_flag, dont_inherit=True)
        print(name, 'accepted, in co_flags:', bool(c.co_flags & feat.compiler_flag) if feat.compiler_flag else 'no flag')
    except ValueError as e:
        print(name, e)
try:
    compile('from __future__ import braces', 'f', 'exec')
except SyntaxError as e:
    print('SyntaxError:', e.msg)
try:
    compile('from __future__ import nonexistent', 'f', 'exec')
except SyntaxError as e:
    print('SyntaxError:', e.msg)
