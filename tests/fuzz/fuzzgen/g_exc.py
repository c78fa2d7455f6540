"""Exceptions: the hierarchy, chaining, notes, attributes, try/finally
control flow, exception groups and except*."""

from .core import indent

BUILTIN_EXCS = [
    'ValueError', 'TypeError', 'KeyError', 'IndexError', 'AttributeError', 'ZeroDivisionError',
    'RuntimeError', 'StopIteration', 'OSError', 'FileNotFoundError', 'LookupError', 'ArithmeticError',
    'OverflowError', 'NameError', 'UnboundLocalError', 'NotImplementedError', 'RecursionError',
    'AssertionError', 'UnicodeError', 'Exception', 'BaseException', 'KeyboardInterrupt', 'SystemExit',
    'GeneratorExit', 'ImportError', 'ModuleNotFoundError', 'EOFError', 'MemoryError', 'BufferError',
    'PermissionError', 'TimeoutError', 'ConnectionError', 'BlockingIOError', 'ChildProcessError',
    'IsADirectoryError', 'ProcessLookupError', 'StopAsyncIteration', 'SyntaxError', 'IndentationError',
    'TabError', 'SystemError', 'ReferenceError', 'FloatingPointError', 'Warning', 'UserWarning',
    'DeprecationWarning', 'UnicodeDecodeError', 'UnicodeEncodeError', 'EnvironmentError', 'IOError',
]

RAISERS = [
    '1 / 0', '[][1]', '{}["k"]', 'int("x")', 'None.attr', 'undefined_name_xyz', '(1).foo', "'a' + 1",
    'len(5)', 'iter(5)', 'next(iter([]))', 'int(2**10000 * 1.0)', "b'x'.decode('ascii', 'strict') + 1",
    '[1, 2].index(3)', 'tuple()[0]', "'abc'.index('z')", 'float("nan") < "x"', 'hash([])', 'range(1, 2, 0)',
    '{}.popitem()', 'set().pop()', "chr(-1)", "ord('ab')", '1 .__class__.__base__.x', 'object().x',
    "getattr(1, 'nope')", 'divmod(1, 0)', '2 ** -1 % 0', 'pow(2, -1, 4)', "int('9' * 5000)", '[1][1:2][5]',
    'sorted([1, "a"])', 'min([])', "max([], key=len)", 'abs("x")', "compile('x =', 'f', 'exec')",
    "eval('1 +* 2')", "exec('def f(:')", 'type("X", (1,), {})', 'import_nope()', '{1: 2}[[1]]',
    "'{0}{1}'.format(1)", "'%d' % 'x'", "'x'.join([1])", 'list.append()', 'bytes([256])', 'bytearray(-1)',
]


def g_exc(ctx, blk):
    for _ in range(ctx.ri(3, 9)):
        k = ctx.ri(0, 10)
        if k <= 2:
            r = ctx.pick(RAISERS)
            blk.guarded(['try:', '    %s' % r,
                        'except %s as e:' % ctx.pick(['Exception', 'BaseException', '(TypeError, ValueError)',
                                                       'LookupError', 'ArithmeticError']),
                        '    _p(type(e).__name__, e.args, str(e))',
                        '    _p([k.__name__ for k in type(e).__mro__])',
                        'except BaseException as e:',
                        "    _p('outer', type(e).__name__)"])
        elif k == 3:
            e = ctx.pick(BUILTIN_EXCS)
            args = ctx.pick(['', '"msg"', '1, 2', '"a", "b", "c"', '2, "No such file"', '2, "nf", "f.txt"',
                             '13, "denied", "x", None, "y"', 'None', '[1]'])
            blk.t('(repr(%s(%s)), str(%s(%s)), %s(%s).args)' % (e, args, e, args, e, args))
        elif k == 4:
            blk.guarded(['try:',
                        '    try:',
                        '        %s' % ctx.pick(RAISERS),
                        '    except Exception as inner:',
                        '        raise %s(%r)%s' % (ctx.pick(['ValueError', 'KeyError', 'RuntimeError']),
                                                    ctx.pick(['wrapped', 'x']),
                                                    ctx.pick(['', ' from inner', ' from None', ' from ValueError("c")'])),
                        'except Exception as e:',
                        '    _p(type(e).__name__, str(e), type(e.__cause__).__name__, type(e.__context__).__name__, '
                        'e.__suppress_context__)'])
        elif k == 5:
            blk.guarded(['try:',
                        '    _x = ValueError("noted")',
                        '    _x.add_note("note 1")',
                        '    _x.add_note(%s)' % ctx.pick(["'note 2'", '42', "'multi\\nline'"]),
                        '    raise _x',
                        'except ValueError as e:',
                        "    _p(e.__notes__, str(e), repr(e))",
                        "    _p(getattr(KeyError('k'), '__notes__', 'no notes'))"])
        elif k == 6:
            f = ctx.uid('tf')
            blk.guarded(['def %s(n):' % f,
                        '    out = []',
                        '    for i in range(n):',
                        '        try:',
                        '            out.append(("try", i))',
                        '            if i == %d:' % ctx.ri(0, 3),
                        '                %s' % ctx.pick(['break', 'continue', 'return out', 'raise KeyError(i)']),
                        '        except KeyError as e:',
                        '            out.append(("except", e.args))',
                        '            %s' % ctx.pick(['continue', 'break', 'pass']),
                        '        else:',
                        '            out.append("else")',
                        '        finally:',
                        '            out.append("finally")',
                        '            %s' % ctx.pick(['pass', 'pass', 'if i == 2: return ("finally-return", out)',
                                                     'if i == 1: break']),
                        '    return out'])
            blk.t('%s(%d)' % (f, ctx.ri(0, 5)))
        elif k == 7:
            c = ctx.uid('MyErr')
            base = ctx.pick(['Exception', 'ValueError', 'KeyError', 'OSError', 'LookupError'])
            blk.guarded(['class %s(%s):' % (c, base),
                        '    def __init__(self, *a, extra=None):',
                        '        super().__init__(*a)',
                        '        self.extra = extra'] + ([
                        '    def __str__(self):',
                        "        return 'custom:' + repr(self.args)"] if ctx.ch(0.5) else []))
            blk.guarded(['try:',
                        '    raise %s(%s, extra=%s)' % (c, ctx.pick(['1', '"m"', '"a", 2', '']), ctx.v_int(0)),
                        'except %s as e:' % ctx.pick([base, c, 'Exception']),
                        '    _p(repr(e), str(e), e.args, e.extra, isinstance(e, %s))' % base])
        elif k == 8:
            blk.guarded(['def _tb():', '    return 1 / 0',
                        'try:', '    _tb()',
                        'except ZeroDivisionError as e:',
                        '    _tbo = e.__traceback__',
                        '    _p(type(_tbo).__name__, _tbo.tb_frame.f_code.co_name, _tbo.tb_next.tb_frame.f_code.co_name, '
                        '_tbo.tb_next.tb_next is None, _tbo.tb_next.tb_lineno - _tbo.tb_lineno)',
                        '    _p(e.with_traceback(None).__traceback__ is None)'])
        elif k == 9:
            blk.guarded(['def _ctx():',
                        '    try:',
                        '        raise KeyError("first")',
                        '    except KeyError:',
                        '        %s' % ctx.pick(['raise ValueError("second")', 'raise', 'return sys.exc_info()[0].__name__',
                                                 'raise TypeError("t") from None']),
                        'try:',
                        '    _p(_ctx())',
                        'except Exception as e:',
                        '    _p(type(e).__name__, repr(e.__context__), e.__suppress_context__, sys.exc_info()[0].__name__)',
                        '_p(sys.exc_info())'])
        else:
            blk.guarded(['try:',
                        '    assert %s, %s' % (ctx.pick(['False', '0', '[]', '1 > 2', 'True']), ctx.v_str(0)),
                        "    print('assert passed')",
                        'except AssertionError as e:',
                        '    _p(e.args)'])
    if ctx.ch(0.3):
        blk.t('StopIteration(3).value')
        blk.t('KeyError("a", "b")')
        blk.t('str(KeyError("quoted"))')
        blk.t('OSError(2, "No such file", "f.txt").filename')
        blk.t('(OSError(2, "x").errno, type(OSError(2, "x")).__name__)')
        blk.t('BaseException().args')
        blk.t('ValueError(1) == ValueError(1)')
        blk.t('SystemExit(3).code')
        blk.t('type(ImportError(name="m").name)')
        blk.t('AttributeError("a", name="n", obj=1).name')
        blk.t('NameError("n", name="q").name')
    if ctx.ch(0.2):
        blk.line("_t(compile, 'x = (1,\\n', 'f.py', 'exec')")
        blk.guarded(['try:', "    compile('def f(:\\n  pass', 'snippet.py', 'exec')", 'except SyntaxError as e:',
                    '    _p(type(e).__name__, e.lineno, e.filename, e.msg[:20])'])


def eg_tree(ctx, d=0):
    excs = []
    for _ in range(ctx.ri(1 if d else 1, 3)):
        if d < 2 and ctx.ch(0.25):
            excs.append(eg_tree(ctx, d + 1))
        else:
            excs.append('%s(%s)' % (ctx.pick(['ValueError', 'TypeError', 'KeyError', 'OSError', 'RuntimeError',
                                               'ZeroDivisionError']), ctx.pick(["'a'", '1', "'b'", ''])))
    cls = 'ExceptionGroup' if ctx.ch(0.85) else 'BaseExceptionGroup'
    return '%s(%r, [%s])' % (cls, ctx.pick(['eg', 'outer', 'inner', 'many']), ', '.join(excs))


def g_excgroup(ctx, blk):
    g = ctx.uid('eg')
    blk.line('%s = None' % g)
    blk.guarded(['%s = %s' % (g, eg_tree(ctx))])
    ops = ['repr(%s)', 'str(%s)', '%s.message', '%s.exceptions', 'type(%s).__name__', '%s.args',
           '%s.split(ValueError)', '%s.subgroup(TypeError)', '%s.subgroup(lambda e: isinstance(e, KeyError))',
           '%s.split((KeyError, OSError))', '%s.derive([KeyError(1)])', '%s.subgroup(ExceptionGroup)',
           '%s.split(lambda e: not isinstance(e, ExceptionGroup))', '[type(e).__name__ for e in %s.exceptions]',
           'isinstance(%s, Exception)', '%s.subgroup(BaseException) is %s']
    for e in ctx.sample(ops, ctx.ri(3, 9)):
        blk.t(e.replace('%s', g))
    for bad in ctx.sample(['ExceptionGroup("x", [])', 'ExceptionGroup("x", [1])', 'ExceptionGroup("x", ValueError())',
                           'ExceptionGroup(1, [ValueError()])', 'ExceptionGroup("x", [KeyboardInterrupt()])',
                           'BaseExceptionGroup("x", [ValueError()])', 'BaseExceptionGroup("x", [SystemExit()])',
                           'ExceptionGroup("x")', 'ExceptionGroup("m", (ValueError(),))'], ctx.ri(1, 3)):
        blk.t('(type(%s).__name__, repr(%s))' % (bad, bad))
    if ctx.on('except_star') and ctx.ch(0.85):
        g_except_star(ctx, blk)


def g_except_star(ctx, blk):
    clauses = []
    for t in ctx.sample(['ValueError', 'TypeError', 'KeyError', '(OSError, RuntimeError)', 'ZeroDivisionError',
                         'Exception'], ctx.ri(1, 3)):
        body = ctx.pick(['_p("caught", %r, repr(e), [type(x).__name__ for x in e.exceptions])' % t,
                         'raise', '_p("handled")', 'raise RuntimeError("from star")', 'pass'])
        clauses += ['except* %s as e:' % t, '    ' + body]
    f = ctx.uid('star')
    lines = ['def %s():' % f, '    try:', '        raise %s' % ctx.pick([eg_tree(ctx), 'ValueError("naked")',
                                                                     'KeyError(1)', eg_tree(ctx)])]
    lines += indent(clauses)
    if ctx.ch(0.3):
        lines += ['    else:', '        _p("else")']
    if ctx.ch(0.4):
        lines += ['    finally:', '        _p("finally")']
    lines.append('    return "done"')
    blk.guarded(lines)
    blk.guarded(['try:', '    _p(%s())' % f, 'except BaseException as e:',
                '    _p("escaped", repr(e))'])
