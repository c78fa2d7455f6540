"""Introspection on every kind of object, the builtin functions, hostile
corners (deep nesting, recursion limits, huge sizes, mutation while
iterating), files, and a little of the standard library."""

# Objects of (nearly) every kind; each entry: (label, setup lines, expr).
KINDS = [
    ('int', [], '12345'), ('bigint', [], '-(2**100)'), ('bool', [], 'True'), ('float', [], '2.5'),
    ('complex', [], '(1-2j)'), ('str', [], "'héllo'"), ('bytes', [], "b'ab'"), ('bytearray', [], "bytearray(b'ab')"),
    ('list', [], '[1, [2]]'), ('tuple', [], '(1, "a")'), ('dict', [], "{'a': 1}"), ('set', [], '{1, 2}'),
    ('frozenset', [], 'frozenset({3})'), ('range', [], 'range(1, 9, 2)'), ('slice', [], 'slice(1, None, 2)'),
    ('none', [], 'None'), ('ellipsis', [], '...'), ('notimpl', [], 'NotImplemented'), ('type_int', [], 'int'),
    ('type_type', [], 'type'), ('type_object', [], 'object'), ('object', [], 'object()'), ('builtin_fn', [], 'len'),
    ('builtin_meth', [], '[].append'), ('func', ['def _fk(a, b=1, *c, d, **e):', "    'doc'", '    return a'], '_fk'),
    ('lambda', [], 'lambda x: x'), ('method', ['class _MK:', '    def m(self):', '        return 1'], '_MK().m'),
    ('class', ['class _CK:', '    x = 1', '    def f(self):', '        pass'], '_CK'),
    ('instance', ['class _CK2:', '    def __init__(self):', '        self.a = 1'], '_CK2()'),
    ('generator', ['def _gk():', '    yield 1'], '_gk()'),
    ('coroutine', ['async def _ck():', '    return 1'], '_ck()'),
    ('asyncgen', ['async def _agk():', '    yield 1'], '_agk()'),
    ('exc_inst', [], "ValueError('v', 2)"), ('exc_class', [], 'KeyError'), ('module_sys', [], 'sys'),
    ('module_builtins', [], "__import__('builtins')"), ('property', [], 'property(len)'),
    ('classmethod', [], 'classmethod(len)'), ('staticmethod', [], 'staticmethod(len)'),
    ('super', ['class _SK:', '    pass'], 'super(_SK, _SK())'), ('list_iter', [], 'iter([1, 2])'),
    ('str_iter', [], "iter('ab')"), ('dict_keys', [], "{'a': 1}.keys()"), ('dict_items', [], "{'a': 1}.items()"),
    ('dict_values', [], "{'a': 1}.values()"), ('enumerate', [], "enumerate('ab')"), ('zip', [], "zip('a', 'b')"),
    ('map', [], 'map(str, [1])'), ('filter', [], 'filter(None, [1])'), ('reversed', [], 'reversed([1, 2])'),
    ('code', ['def _cok(x):', '    return x'], '_cok.__code__'), ('cell', ['def _mkc():', '    v = 1', '    return lambda: v'],
    '_mkc().__closure__[0]'), ('frame', [], 'sys._getframe()'), ('traceback', ['try:', '    1/0',
    'except Exception as _ex1:', '    _tbk = _ex1.__traceback__'], '_tbk'), ('memoryview', [], "memoryview(b'ab')"),
    ('mappingproxy', [], 'int.__dict__'), ('wrapper_descr', [], 'int.__add__'), ('method_wrapper', [], '(1).__add__'),
    ('method_descr', [], 'str.join'), ('getset', [], 'type.__dict__["__name__"]'), ('union', [], 'int | str'),
    ('generic_alias', [], 'list[int]'), ('range_iter', [], 'iter(range(3))'), ('set_iter', [], 'iter({1})'),
    ('bytes_iter', [], "iter(b'a')"), ('callable_iter', [], 'iter(int, 0)'), ('tuple_iter', [], 'iter((1,))'),
    ('stdout', [], 'sys.stdout'), ('exc_group', [], "ExceptionGroup('g', [ValueError()])"),
    ('float_info', [], 'sys.float_info'), ('version_info', [], 'sys.version_info'),
]

ATTRS = ['__name__', '__qualname__', '__module__', '__class__', '__dict__', '__len__', '__iter__',
         '__call__', '__self__', '__func__', '__wrapped__', '__code__', '__defaults__', '__closure__', '__mro__',
         '__bases__', '__base__', 'real', 'imag', 'numerator', 'start', 'stop', 'step', 'args', '__traceback__',
         'gi_frame', 'gi_running', 'cr_await', 'ag_await', '__objclass__', '__slots__',
         '__weakref__', '__hash__', '__annotations__', '__kwdefaults__', '__globals__', '__builtins__',
         'co_name', 'co_argcount', 'co_filename', 'f_lineno', 'tb_lineno', 'cell_contents', 'fget', '__origin__',
         '__args__', 'maxsize', 'encoding', 'mode', 'name', 'nbytes', 'mapping', '__isabstractmethod__',
         'message', 'exceptions', 'max', 'major', '__package__', '__spec__', '__loader__']


def kind(ctx):
    return ctx.pick(KINDS)


def g_introspect(ctx, blk):
    used = set()
    for _ in range(ctx.ri(2, 6)):
        label, setup, expr = kind(ctx)
        if label in used:
            continue
        used.add(label)
        if label in ('coroutine',):
            # a coroutine must be closed, or CPython warns that it was never awaited
            blk.guarded(setup)
            v = ctx.uid('k')
            blk.line('%s = %s' % (v, expr))
        else:
            blk.guarded(setup)
            v = ctx.uid('k')
            blk.line('%s = None' % v)
            blk.guarded(['%s = %s' % (v, expr)])
        ops = ['dir(%s)', "[n for n in dir(%s) if not n.startswith('_')]", "[n for n in dir(%s) if n.startswith('__')]",
               'vars(%s)', 'sorted(vars(%s))', 'repr(%s)', 'str(%s)', 'type(%s)', 'type(%s).__name__',
               'type(%s).__qualname__', 'type(%s).__module__', 'callable(%s)', 'bool(%s)', 'len(%s)',
               'format(%s, "")', 'isinstance(%s, type)', '%s == %s', '%s.__class__.__mro__',
               "[n for n in dir(type(%s)) if n not in dir(%s)]", "type(%s.__doc__).__name__",
               'len(dir(%s)) > 0',
               'hasattr(%s, "__dict__")', 'iter(%s)', 'ascii(%s)',
               "object.__getattribute__(%s, '__class__')", 'object.__sizeof__(%s) > 0', '%s.__reduce_ex__(2)[0]',
               'type(%s).__base__', "'__eq__' in dir(%s)", 'object.__dir__(%s) == dir(%s)',
               'type(%s).__flags__ & 0' if False else 'type(%s).__bases__', "getattr(%s, '__slots__', 'noslots')"]
        for e in ctx.sample(ops, ctx.ri(3, 10)):
            blk.t(e.replace('%s', v))
        blk.line('_h(lambda: %s)' % v)
        for a in ctx.sample(ATTRS, ctx.ri(2, 8)):
            blk.t("getattr(%s, %r, '<absent>')" % (v, a))
        if label == 'coroutine':
            blk.line('%s.close()' % v)
        if label in ('generator', 'asyncgen') and ctx.ch(0.5):
            blk.t('%s.%s' % (v, 'gi_code.co_name' if label == 'generator' else 'ag_code.co_name'))
    if ctx.ch(0.3):
        blk.t("[n for n in ['argv', 'path', 'modules', 'maxsize', 'version_info', 'stdout', 'exit', 'getrecursionlimit', "
              "'byteorder', 'implementation', 'platform', 'flags', 'float_info', 'hash_info', 'int_info', 'intern'] "
              "if n not in dir(sys)]")
        blk.t("(sys.maxsize, sys.byteorder, sys.hash_info.width, sys.hash_info.modulus, sys.float_info.max, "
              "sys.float_info.dig, sys.int_info.bits_per_digit)")
        blk.t('(repr(sys)[:20], type(sys).__name__, sys.__name__)')
        blk.t("sorted(n for n in dir(__import__('builtins')) if not n.startswith('_'))")
    if ctx.ch(0.3):
        blk.t("sorted(k for k in globals() if k.startswith('__'))")
        blk.guarded(['def _loc(a, b=2):', '    c = a + b', '    return sorted(locals().items())'])
        blk.t('_loc(1)')


BUILTIN_CALLS = [
    'sorted(%(list)s, key=%(keyfn)s, reverse=%(bool)s)', 'min(%(list)s)', 'max(%(list)s, default=%(any)s)',
    'min(%(any)s, %(any)s)', 'max(%(iterable)s, key=%(keyfn)s)', 'sum(%(list)s)', 'sum(%(list)s, %(any)s)',
    'list(zip(%(iterable)s, %(iterable)s))', 'list(zip(%(iterable)s, %(iterable)s, strict=True))',
    'list(map(%(keyfn)s, %(iterable)s))', 'list(map(pow, [2, 3], [5, 2], [7, 5]))', 'list(filter(%(pred)s, %(iterable)s))',
    'list(enumerate(%(iterable)s, start=%(int)s))', 'list(iter(%(list)s))', "list(iter([1, 2, 0, 3].pop, 0))",
    'next(iter(%(iterable)s), %(any)s)', 'list(reversed(%(iterable)s))', 'all(%(iterable)s)', 'any(%(iterable)s)',
    'abs(%(any)s)', 'round(%(any)s)', 'pow(%(int)s, %(smallint)s)', 'divmod(%(any)s, %(any)s)', 'chr(%(int)s)',
    'ord(%(str)s)', 'bin(%(any)s)', 'oct(%(int)s)', 'hex(%(any)s)', 'ascii(%(any)s)', 'format(%(any)s, %(fmtspec)s)',
    'isinstance(%(any)s, (int, str))', 'isinstance(%(any)s, int | None)', 'issubclass(bool, %(callable)s)',
    'callable(%(any)s)', 'hasattr(%(any)s, %(str)s)', 'getattr(%(any)s, %(str)s, "dflt")', 'len(%(any)s)',
    'repr(%(any)s)', 'str(%(any)s)', 'bool(%(any)s)', 'list(%(any)s)', 'tuple(%(any)s)', 'set(%(any)s)',
    'frozenset(%(iterable)s)', 'dict(%(pairs)s)', 'int(%(any)s)', 'float(%(any)s)', 'complex(%(any)s)',
    'bytes(%(any)s)', 'bytearray(%(any)s)', 'slice(%(any)s)', 'range(%(any)s)', 'type(%(any)s)',
    'eval(%(evalsrc)s)', 'eval(%(evalsrc)s, {"x": 3})',
    "exec('y = x * 2', _g := {'x': 5}) or _g['y']", "compile(%(evalsrc)s, 'f', 'eval').co_name",
    "compile('a = 1\\nb = 2', 'f', 'exec').co_names", "compile('1 +', 'f', 'eval')",
    "compile('x', 'f', 'bogus')", 'vars(%(any)s)', 'dir(%(any)s)[:5]', 'sorted(%(iterable)s)', 'iter(%(any)s)',
    'print(%(str)s, %(int)s, sep=%(str)s)', 'object.__new__(%(callable)s)', 'super(%(callable)s)',
    "__import__('sys').maxsize", '__import__(%(modname)s)', 'input()', "open('definitely_missing.txt')",
    'max(%(iterable)s, %(iterable)s, key=len)', 'min(%(iterable)s, default=0, key=%(keyfn)s)',
    "sorted(%(list)s, key=lambda x: (type(x).__name__, repr(x)))", 'list(zip())', 'list(zip(*%(list)s))',
    'sum([[1], [2]], [])', "sum(['a', 'b'], '')", 'sum([0.1] * 10)', 'sum(range(10**5))', 'max(1, 2, key=None)',
]


def g_builtins(ctx, blk):
    for _ in range(ctx.ri(5, 14)):
        tmpl = ctx.pick(BUILTIN_CALLS)
        sub = {}
        for key in ('list', 'keyfn', 'bool', 'any', 'iterable', 'int', 'smallint', 'pred', 'str', 'callable',
                    'pairs', 'fmtspec'):
            if '%(' + key + ')s' in tmpl:
                sub[key] = ctx.val(key if key != 'any' else 'any', 1) if key != 'any' else ctx.v_any(1)
        if '%(modname)s' in tmpl:
            sub['modname'] = repr(ctx.pick(['sys', 'nonexistent_mod_xyz', '', 'builtins', 'math', 'gc', '.rel',
                                            'sys.path', 'math.nope', '1abc']))
        if '%(evalsrc)s' in tmpl:
            sub['evalsrc'] = repr(ctx.pick(['1 + 2', 'x * 2', '[i for i in range(3)]', '"a" "b"', 'lambda: 1',
                                            '(yield)', 'x if x else 0', '{**{}}', 'not x', '2 ** 100', 'f"{1+1}"',
                                            'sorted({3, 1, 2})', 'x := 1', '(x := 4)']))
        # each %(key)s occurrence gets its own value
        expr = tmpl
        for key in sub:
            while '%(' + key + ')s' in expr:
                val = ctx.v_any(1) if key == 'any' else sub[key] if key in ('evalsrc', 'modname') else ctx.val(key, 1)
                expr = expr.replace('%(' + key + ')s', val, 1)
        blk.t(expr)


def g_hostile(ctx, blk):
    k = ctx.ri(0, 16)
    if k == 0:
        n = ctx.pick([50, 90, 150])
        blk.t('(' * n + '1' + ')' * n)
        blk.t('[' * 40 + ']' * 40)
    elif k == 1:
        blk.guarded(['_deep = []', 'for _ in range(%d):' % ctx.pick([1000, 10000, 100000]), '    _deep = [_deep]'])
        blk.t(ctx.pick(['repr(_deep)[:20]', 'str(_deep) == str(_deep)', '_deep == _deep', 'len(str(_deep))',
                        'hash(tuple(_deep))', '_deep < _deep']))
        n2 = ctx.pick([1000, 100000])
        blk.guarded(['_deep2 = ()', 'for _ in range(%d):' % n2, '    _deep2 = (_deep2,)'])
        # CPython's tuple hash does not check recursion: only shallow ones
        blk.t(ctx.pick(['hash(_deep2)' if n2 <= 1000 else 'len(_deep2)', 'repr(_deep2)[:10]', '_deep2 == _deep2']))
        blk.guarded(['_deepd = {}', 'for _ in range(%d):' % ctx.pick([1000, 100000]), "    _deepd = {'k': _deepd}"])
        blk.t(ctx.pick(['repr(_deepd)[:10]', '_deepd == _deepd']))
    elif k == 2:
        blk.guarded(['def _r(n):', '    return _r(n + 1) + 1'])
        blk.t('_r(0)')
        blk.guarded(['class _R:', '    def __repr__(self):', '        return repr(self)'])
        blk.t('repr(_R())')
        blk.guarded(['class _G:', '    def __getattr__(self, n):', '        return getattr(self, n)'])
        blk.t('_G().x')
        blk.t('sys.getrecursionlimit()')
    elif k == 3:
        blk.guarded(['_self = [1]', '_self.append(_self)', '_sd = {}', "_sd['me'] = _sd"])
        blk.t('repr(_self), repr(_sd)')
        blk.t('_self == _self')
        blk.t('str([_self, _self])')
        blk.t('_self in _self')
        blk.t('_self.count(_self)')
        blk.t('_self.index(_self)')
    elif k == 4:
        blk.t("len('ab' * %d)" % ctx.pick([10**6, 10**7]))
        blk.t('len([0] * %d)' % ctx.pick([10**6, 10**5]))
        blk.t('len(bytearray(%d))' % 10**6)
        blk.t("'x' * (2**62)" if ctx.on('huge_alloc') else "len('x' * 0)")
        blk.t("[0] * (2**62)" if ctx.on('huge_alloc') else "len([0] * -5)")
        blk.t(ctx.pick(["bytes(2**62)", "'a'.ljust(2**62)", "b'ab' * (2**61)", "[1, 2] * (2**61)",
                        "'%*d' % (2**52, 1)", "range(2**64)[2**63]", "'x' * sys.maxsize", "(1,) * sys.maxsize",
                        "'{:>%d}'.format(1)" % 2**52, "bytearray(b'x') * (2**62)"]) if ctx.on('huge_alloc')
              else "len('xy' * 5)")
    elif k == 5:
        blk.guarded(['_l = list(range(5))', '_seen = []', 'for _x in _l:', '    _seen.append(_x)',
                    '    if len(_l) < 12:', '        _l.append(_x * 10)', '    if _x == 3:', '        _l.remove(0)'])
        blk.t('(_l, _seen)')
        blk.guarded(['_d = {1: 1, 2: 2}', 'try:', '    for _k in _d:', '        _d[_k + 10] = 0',
                    'except RuntimeError as _re:', '    _p(str(_re))', '_p(len(_d))'])
        blk.guarded(['_st = {1, 2, 3}', 'try:', '    for _k in _st:', '        _st.discard(_k)', '        _st.add(_k + 100)',
                    'except RuntimeError as _re:', '    _p(str(_re))'])
        blk.guarded(['_d2 = {1: 1}', '_it = iter(_d2.items())', '_d2[2] = 2', '_t(next, _it)'])
    elif k == 6:
        blk.guarded(['_ml = [3, 1, 2]', 'def _key(x):', '    _ml.append(x)', '    return x'])
        blk.t('_ml.sort(key=_key)')
        blk.t('len(_ml)')
        blk.guarded(['_ml2 = [3, 1, 2, 5, 4]', 'class _Cmp:', '    def __init__(self, v):', '        self.v = v',
                    '    def __lt__(self, o):', '        _ml2.clear()', '        return self.v < o.v'])
        blk.t('sorted([_Cmp(3), _Cmp(1), _Cmp(2)], key=lambda c: c)[0].v')
        blk.guarded(['_ml3 = [_Cmp(2), _Cmp(1)]', '_ml2 = _ml3'])
        blk.t('_ml3.sort()')
        blk.t('len(_ml3)')
    elif k == 7:
        blk.guarded(['class _EvilEq:',
                    '    def __init__(self, d):',
                    '        self.d = d',
                    '    def __hash__(self):',
                    '        return 1',
                    '    def __eq__(self, other):',
                    '        self.d.clear()',
                    '        return False',
                    '_ed = {}',
                    '_ed[_EvilEq(_ed)] = 1',
                    '_ed[1] = 2'])
        blk.t('_ed.get(_EvilEq(_ed))')
        blk.t('len(_ed)')
        blk.guarded(['_es = set()', '_es.add(_EvilEq(_ed))'])
        blk.t('_EvilEq(_ed) in _es')
        blk.guarded(['class _EvilSet:',
                    '    def __hash__(self):',
                    '        return 5',
                    '    def __eq__(self, other):',
                    '        _es2.clear()',
                    '        _es2.update(range(20))',
                    '        return False',
                    '_es2 = {_EvilSet(), 5}'])
        blk.t('_EvilSet() in _es2')
        blk.t('_es2.discard(_EvilSet())')
        blk.t('sorted(_es2)[:3]')
        blk.guarded(['class _Mut:',
                    '    def __eq__(self, other):',
                    '        _lst.clear()',
                    '        return False',
                    '_lst = [_Mut(), _Mut(), _Mut()]'])
        blk.t('_lst.count(1)')
        blk.guarded(['_lst = [_Mut(), _Mut(), _Mut()]'])
        blk.t('1 in _lst')
        blk.guarded(['_lst = [_Mut(), _Mut(), _Mut()]'])
        blk.t('_lst.index(1)')
        blk.guarded(['_lst = [_Mut(), _Mut(), _Mut()]'])
        blk.t('_lst.remove(1)')
        blk.guarded(['_lst = [_Mut(), 1, _Mut()]'])
        blk.t('_lst == [1, 1, 1]')
    elif k == 8:
        blk.guarded(['_ext = [1, 2]', '_ext.extend(_ext)', '_ext += _ext', '_ext[1:1] = _ext', '_ext *= 2'])
        blk.t('len(_ext), _ext[:6]')
        blk.guarded(['_ba = bytearray(b"ab")', '_ba.extend(_ba)', '_ba += _ba', '_ba[1:1] = _ba'])
        blk.t('_ba')
        blk.guarded(['_ss = {1, 2}', '_ss |= _ss', '_ss ^= _ss', '_dd = {1: 2}', '_dd.update(_dd)', '_dd |= _dd'])
        blk.t('(_ss, _dd)')
        blk.guarded(['_gl = [1, 2, 3]', '_gl.extend(x for x in _gl if len(_gl) < 20)'])
        blk.t('len(_gl)')
    elif k == 9:
        blk.guarded(['_old = sys.getrecursionlimit()', 'sys.setrecursionlimit(%d)' % ctx.pick([50, 100, 200, 3000]),
                    'def _rr(n):', '    return 0 if n == 0 else 1 + _rr(n - 1)'])
        blk.t('_rr(%d)' % ctx.pick([30, 60, 150, 2000]))
        blk.line('sys.setrecursionlimit(_old)')
        blk.t('sys.setrecursionlimit(0)')
        blk.t('sys.setrecursionlimit(-5)')
    elif k == 10:
        blk.guarded(['_big = 7 ** %d' % ctx.pick([1000, 10000, 50000])])
        blk.t('_big % 1000007, _big.bit_length()')
        blk.t('(_big * _big) % 998244353')
        blk.t('_big // (_big >> 100)')
        blk.t('str(_big)[:5]' if ctx.ch(0.3) else 'hex(_big)[-8:]')
        blk.t('float(_big)')
        blk.t('_big / 3')
        blk.t('2 ** 1.5 ** 1000')
        blk.t('(-8) ** (1 / 3)')
        blk.t('10 ** -400')
        blk.t('1e308 * 10')
        blk.t('int(1e308) % 97')
    elif k == 11:
        n = ctx.pick([100, 500, 1000])
        blk.line("_src = 'x = ' + '-' * %d + '1'" % n)
        blk.t('exec(_src) or "ok"')
        nd = ctx.pick([20, 90, 150])
        blk.line("_src2 = 'def f():\\n' + ''.join('    ' * (i + 1) + 'if 1:\\n' for i in range(%d)) + '    ' * %d + 'return 1\\n'"
                 % (nd, nd + 1))
        blk.t('compile(_src2, "deep", "exec").co_name')
        blk.t("eval('+'.join(['1'] * %d))" % ctx.pick([100, 1000, 10000]))
        blk.t("eval('[' * %d + ']' * %d)" % ((ctx.pick([50, 99, 250]),) * 2))
    elif k == 12:
        blk.guarded(['def _chain(n):', '    g = iter([1])', '    for _ in range(n):',
                    '        g = map(lambda x: x, g)', '    return g'])
        blk.t('list(_chain(%d))' % ctx.pick([100, 10000]))
        blk.guarded(['def _zchain(n):', '    g = iter([1])', '    for _ in range(n):',
                    '        g = zip(g)', '    return g'])
        blk.t('list(_zchain(%d))[:1]' % ctx.pick([100, 10000]))
    elif k == 13:
        blk.guarded(['class _Weird:', '    def __len__(self):', '        return %s' % ctx.pick(['-1', '2**63', '1.5', '"x"']),
                    '    def __index__(self):', '        return %s' % ctx.pick(['2**100', '-1', '"x"', 'None']),
                    '    def __hash__(self):', '        return %s' % ctx.pick(['2**100', '-1', '1.5', '"x"']),
                    '    def __bool__(self):', '        return %s' % ctx.pick(['0', '"x"', 'None', 'True'])])
        for e in ['len(_Weird())', 'hash(_Weird())', 'bool(_Weird())', '[1, 2][_Weird()]', 'range(_Weird())',
                  "'ab' * _Weird()", '_Weird() in {}', 'bytes(_Weird())', 'list(range(10))[_Weird():]',
                  'not _Weird()', 'sorted([1], key=lambda x: _Weird())', "'%x' % _Weird()", 'hex(_Weird())']:
            blk.t(e)
    elif k == 14:
        blk.guarded(['import gc', '_cyc = []', 'for _i in range(%d):' % ctx.pick([100, 2000]),
                    '    _a = [_i]', '    _a.append(_a)', '    _cyc.append({"a": _a, "s": str(_i)})',
                    '_cyc = None', 'gc.collect()'])
        blk.t('gc.isenabled()')
        blk.guarded(['_keep = [(i, str(i), [i] * 3) for i in range(%d)]' % ctx.pick([1000, 20000]), 'gc.collect()'])
        blk.t('sum(len(x[1]) for x in _keep)')
    elif k == 15:
        blk.guarded(['class _Hot:', '    n = 0', '    def __getattribute__(self, name):',
                    '        type(self).n += 1', "        if name == 'boom':",
                    '            raise RuntimeError("boom")', '        return object.__getattribute__(self, name)'])
        blk.t('_Hot().boom')
        blk.t('getattr(_Hot(), "boom", "dflt")')
        blk.t('hasattr(_Hot(), "boom")')
        blk.t('_Hot.n > 0')
    else:
        blk.guarded(['def _gen_mut():', '    lst = [1, 2, 3]', '    for x in lst:', '        yield x',
                    '        lst.insert(0, x)', '        if len(lst) > 8:', '            break'])
        blk.t('list(_gen_mut())')
        blk.guarded(['_dm = dict.fromkeys(range(5))', '_vals = iter(_dm.values())', 'next(_vals)', '_dm.pop(3)'])
        blk.t('list(_vals)')
        blk.guarded(['_li = [1, 2, 3]', '_rit = reversed(_li)', 'next(_rit)', '_li.clear()'])
        blk.t('list(_rit)')


def g_io(ctx, blk):
    name = ctx.uid('fz_tmp') + '.txt'
    mode_w = ctx.pick(['w', 'wb', 'a', 'x', 'w+'])
    data = ctx.pick(["'line1\\nline2\\r\\nline3'", "'héllo\\n'", "b'bin\\x00ary'", "'a' * 1000", "''"])
    blk.guarded(['with open(%r, %r%s) as _f:' % (name, mode_w, ctx.pick(['', ", encoding='utf-8'", ", newline=''",
                                                                        ", encoding='latin-1'"]) if 'b' not in mode_w else ''),
                 '    _p(_f.write(%s))' % data,
                 '    _p(_f.closed, _f.mode, _f.name)'])
    for _ in range(ctx.ri(1, 5)):
        mode_r = ctx.pick(['r', 'rb', 'r+', 'rt'])
        extra = ctx.pick(['', ", newline=''", ", newline='\\n'", ", encoding='utf-8'", ", errors='replace'",
                          ", encoding='ascii'"]) if 'b' not in mode_r else ''
        op = ctx.pick(['_f.read()', '_f.readlines()', 'list(_f)', '_f.readline()', '_f.read(3)',
                       '(_f.read(2), _f.tell(), _f.seek(0), _f.read(1))', '_f.readable(), _f.writable(), _f.seekable()',
                       '_f.fileno() > 2', 'type(_f).__name__', '[len(l) for l in _f]'])
        blk.guarded(['with open(%r, %r%s) as _f:' % (name, mode_r, extra), '    _p(%s)' % op])
    blk.t("open(%r, 'q')" % name)
    blk.t("open('no/such/dir/f.txt')")
    blk.guarded(['_f = open(%r)' % name, '_f.close()', '_p(_f.closed)', '_f.read()'])


STDLIB_SNIPPETS = [
    ('itertools', ['list(itertools.islice(itertools.count(3, 2), 5))', "list(itertools.permutations('abc', 2))",
                   'list(itertools.accumulate([1, 2, 3]))', "[(k, list(g)) for k, g in itertools.groupby('aabbbc')]",
                   'list(itertools.product([1, 2], repeat=2))', 'list(itertools.chain.from_iterable([[1], [2, 3]]))']),
    ('functools', ['functools.reduce(lambda a, b: a * b, range(1, 8))', 'functools.partial(int, base=2)("101")',
                   'functools.lru_cache(maxsize=None)(lambda x: x * 2)(4)', "functools.cmp_to_key(lambda a, b: a - b)"]),
    ('collections', ["collections.Counter('abracadabra').most_common(2)", 'collections.deque([1, 2, 3], maxlen=2)',
                     "collections.OrderedDict(a=1, b=2)", "collections.namedtuple('P', 'x y')(1, 2)",
                     'collections.defaultdict(list)[1]', 'sorted(collections.ChainMap({1: 2}, {3: 4}).items())']),
    ('operator', ['operator.add(1, 2)', "operator.itemgetter(1)('abc')", "operator.attrgetter('real')(3)",
                  'operator.mul("a", 3)']),
    ('string', ['string.ascii_letters', "string.Template('$x!').substitute(x=1)", 'string.capwords("a b  c")']),
    ('re', ["re.findall(r'\\d+', 'a1b22c333')", "re.sub(r'(a)(b)?', r'<\\1>', 'abac')",
            "re.match(r'(?P<x>\\w+) (\\w+)', 'hi there').groupdict()", "re.split(r'[,;]', 'a,b;c')"]),
    ('json', ["json.dumps({'a': [1, 2.5, None, True]}, sort_keys=True)", "json.loads('[1, {\"x\": \"y\"}]')",
              "json.dumps('é')", 'json.loads("nope")']),
    ('enum', []), ('dataclasses', []), ('types', ['types.SimpleNamespace(a=1)', 'types.FunctionType',
                                                 'types.MappingProxyType({1: 2})']),
    ('copy', ['copy.deepcopy([[1], {2: [3]}])', 'copy.copy({1: [2]})']),
    ('heapq', ['heapq.nsmallest(2, [5, 1, 3])', '[heapq.heappop(h) for h in [[1, 2]]]']),
    ('bisect', ['bisect.bisect_left([1, 2, 4], 3)', 'bisect.insort([1, 3], 2)']),
    ('math', ['math.isqrt(10**20)', 'math.comb(10, 3)', 'math.fsum([0.1] * 10)']),
    ('textwrap', ["textwrap.wrap('a b c d e f g', 5)", "textwrap.dedent('  x\\n  y')"]),
    ('fractions', ["fractions.Fraction(3, 6) + 1", "str(fractions.Fraction('1.25'))"]),
    ('decimal', ["str(decimal.Decimal('1.1') + decimal.Decimal('2.2'))"]),
    ('random', ['random.Random(5).randint(1, 100)', 'random.Random(1).random()']),
    ('struct', ["struct.pack('<ih', 1, 2)", "struct.unpack('>d', bytes(8))"]),
    ('abc', []), ('contextlib', []), ('typing', ['typing.Optional[int]', 'typing.List[str]']),
]


def g_stdlib(ctx, blk):
    for mod, exprs in ctx.sample(STDLIB_SNIPPETS, ctx.ri(1, 3)):
        blk.line('%s = None' % mod)
        blk.guarded(['import %s' % mod])
        if mod == 'enum':
            blk.guarded(['class _Col(enum.Enum):', '    RED = 1', '    BLUE = 2',
                         '_p(list(_Col), _Col(2), _Col.RED.name, _Col["BLUE"].value)'])
        elif mod == 'dataclasses':
            blk.guarded(['@dataclasses.dataclass(order=True)', 'class _DC:', '    x: int', '    y: str = "d"',
                         '_p(_DC(1), _DC(1) == _DC(1), _DC(1) < _DC(2), dataclasses.asdict(_DC(3)))'])
        elif mod == 'abc':
            blk.guarded(['class _Abs(abc.ABC):', '    @abc.abstractmethod', '    def f(self): ...', '_Abs()'])
        elif mod == 'contextlib':
            blk.guarded(['@contextlib.contextmanager', 'def _cmx():', "    print('in')", '    yield 5', "    print('out')",
                         'with _cmx() as _v:', '    _p(_v)', 'with contextlib.suppress(KeyError):', '    {}[1]'])
        for e in ctx.sample(exprs, ctx.ri(1, 3)):
            blk.t(e)
