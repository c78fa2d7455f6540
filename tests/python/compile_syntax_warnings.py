# gc-stress: 3
# Compile-time SyntaxWarnings (CPython's compiler_warn and tokenizer):
# recorded with their message and line, and raised as SyntaxError when the
# warning filters make them errors; module __annotations__; legacy print.
import warnings, types

def check(src, mode='exec'):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always', SyntaxWarning)
        try:
            compile(src, '<testcase>', mode)
        except SyntaxError as e:
            print(repr(src), 'SyntaxError', e.msg)
            return
    print(repr(src), [(x.category.__name__, str(x.message), x.filename, x.lineno) for x in w])
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('error', SyntaxWarning)
        try:
            compile(src, '<testcase>', mode)
            print('  no error')
        except SyntaxError as e:
            print('  error:', e.msg, e.lineno, e.filename)
    print('  leaked', len(w))

for src in ['assert(x, "msg")', 'assert (x, y)', 'assert ()', 'assert x, y', 'assert (1, 2)',
            'x is 1', 'x is not 1', '1 is x', 'x is None', 'x is True', 'x is ...', 'x is ()',
            'x is -1', 'x is "s"', 'x == 1 is y', 'not x is 1', 'if x is 2: pass',
            'if 1 < x is 3: pass', 'x is (1, 2)', 'x is [1]', 'x is f"a"',
            '\n\nx is 1']:
    check(src)
for src in ['[(1, 2) (3, 4)]', '[(x, y) (3, 4)]', '[[1, 2] (3, 4)]', '[{1, 2} (3, 4)]', '[{1: 2} (3, 4)]',
            '[[i for i in range(5)] (3, 4)]', '[(i for i in range(5)) (3, 4)]', '[f"{x}" (3, 4)]',
            '["abc" (3, 4)]', '[b"abc" (3, 4)]', '[123 (3, 4)]', '[12.3j (3, 4)]', '[None (3, 4)]',
            '[True (3, 4)]', '[... (3, 4)]', '[{1, 2} [i, j]]', '[(lambda x, y: x) [i, j]]',
            '[123 [i, j]]', '[None [i, j]]', '[(1, 2) [i, j]]', '[[1, 2] [i, j]]', '["abc" [i, j]]',
            '[[1, 2] [3, 4]]', '[[1, 2] [[3, 4]]]', '[[1, 2] [0]]', '[[1, 2] [True]]',
            '[[1, 2] [i:j]]', '[[1, 2] [x]]', '["abc" [1:2]]', 'f(1)(2)', 'x[1]']:
    check(src)
for num in "0xf", "0o7", "0b1", "9", "0", "1.", "1e3", "1j":
    for t in [f"{num}and x", f"{num}or x", f"{num}in x", f"{num}not in x", f"{num}if x else y",
              f"x if {num}else y", f"[{num}for x in ()]", f"{num}spam"]:
        check(t, 'eval')

for src in ['print foo', 'print {1:foo}', 'if 1: print foo', 'if 1: print {1:foo}',
            'if 1:\n    print foo', 'print {1:(foo.)}', 'if 1: exec {1:(foo.)}', 'x = print foo',
            'print foo bar', 'f(print foo)', 'print foo,', 'exec foo']:
    try:
        compile(src, '<s>', 'exec')
        print(repr(src), 'ok')
    except SyntaxError as e:
        print(repr(src), e.msg, e.offset, e.end_offset)

m = types.ModuleType('m')
print(m.__annotations__, '__annotations__' in m.__dict__)
m.__annotations__ = {'a': int}
print(m.__annotations__)
del m.__annotations__
try: del m.__annotations__
except AttributeError as e: print('AttributeError', e)
print(m.__annotations__)
import json
print(json.__annotations__)
