"""Control flow: generators and coroutines driven by hand, async generators,
comprehensions, match statements, closures and calls."""

from .core import indent

EXC_TO_THROW = ['ValueError("t")', 'KeyError("k")', 'StopIteration(5)', 'GeneratorExit()', 'RuntimeError',
                'TypeError("x")', 'ZeroDivisionError', 'Exception("e", 1)', 'IndexError']


def gen_body(ctx, name, subs, depth, is_async=False):
    """A random generator function body (statement lines, indented 1)."""
    body = []
    n = ctx.ri(1, 5)
    for _ in range(n):
        k = ctx.ri(0, 9)
        if k <= 2:
            body.append('x = yield %s' % ctx.pick(['1', "'a'", 'None', '[1, 2]', ctx.v_int(0), "('t', 1)"]))
            body.append("print('%s got', repr(x))" % name)
        elif k == 3 and subs and not is_async:
            body.append('r = yield from %s()' % ctx.pick(subs))
            body.append("print('%s sub returned', repr(r))" % name)
        elif k == 4:
            body.append('for i in range(%d):' % ctx.ri(0, 4))
            body.append('    yield i * %d' % ctx.ri(1, 5))
        elif k == 5:
            inner = ['y = yield "in-try"', "print('%s try got', repr(y))" % name]
            body += ['try:'] + indent(inner) + [
                'except %s as e:' % ctx.pick(['ValueError', 'KeyError', '(TypeError, IndexError)', 'Exception']),
                "    print('%s caught', type(e).__name__, e)" % name,
                "    yield 'recovered'"]
            if ctx.ch(0.5):
                body += ['finally:', "    print('%s finally')" % name]
        elif k == 6:
            body += ['try:', '    yield "guarded"', 'finally:', "    print('%s cleanup')" % name]
        elif k == 7 and is_async:
            body.append("r = await _Aw(%r)" % name)
            body.append("print('%s awaited', r)" % name)
        elif k == 8:
            body.append('if %s:' % ctx.pick(['True', 'False', 'x is None' if 'x =' in ''.join(body) else 'True']))
            body.append('    %s' % ctx.pick(['return %s' % ctx.v_int(0) if not is_async else 'return',
                                             'raise ValueError("inside")', 'yield "branch"', 'pass']))
        else:
            body.append('yield %s' % ctx.v_any(0))
    if not any('yield' in s for s in body):
        body.append('yield "last"')
    if ctx.ch(0.5) and not is_async:
        body.append('return %s' % ctx.pick(["'ret'", ctx.v_int(0), '(1, 2)', 'None']))
    return body


def g_gen(ctx, blk):
    names = []
    for i in range(ctx.ri(1, 4)):
        name = ctx.uid('gen')
        body = gen_body(ctx, name, names, i)
        blk.guarded(['def %s():' % name] + indent(body))
        names.append(name)
    gens = []
    for _ in range(ctx.ri(1, 3)):
        g = ctx.uid('g')
        blk.line('%s = %s()' % (g, ctx.pick(names)))
        gens.append(g)
    for _ in range(ctx.ri(3, 12)):
        g = ctx.pick(gens)
        k = ctx.ri(0, 9)
        if k <= 3:
            blk.line('_step(%s)' % g)
        elif k <= 5:
            blk.line('_step(%s, "send", %s)' % (g, ctx.pick(['None', '1', "'s'", ctx.v_int(0), '[0]'])))
        elif k == 6:
            blk.line('_step(%s, "throw", %s)' % (g, ctx.pick(EXC_TO_THROW)))
        elif k == 7:
            blk.line('_step(%s, "close")' % g)
        elif k == 8:
            blk.t('(%s.gi_running, %s.gi_frame is None, %s.gi_code.co_name, %s.__name__, %s.__qualname__)'
                  % ((g,) * 5))
        else:
            blk.t('list(%s)' % g)
    if ctx.ch(0.3):
        blk.t('%s.gi_yieldfrom' % gens[0])
        blk.t('[x for x in %s()]' % names[-1])
    if ctx.ch(0.3):
        g = ctx.uid('g')
        blk.guarded(['def %s():' % g, '    yield 1', '    yield 2'])
        blk.line('_it = %s()' % g)
        blk.t('next(_it), next(_it), next(_it, "dflt")')
        blk.t('next(_it)')
        blk.t('_it.send(1)')
        blk.t('%s().send(5)' % g)
        blk.t('%s().throw(ValueError)' % g)
        blk.t('%s().throw(ValueError, ValueError("v"), None)' % g)
    if ctx.ch(0.2):
        blk.guarded(['def _reentrant():', '    yield _gself.send(None)'])
        blk.line('_gself = _reentrant()')
        blk.t('next(_gself)')
    if ctx.ch(0.2):
        blk.guarded(['def _rec(n):', '    if n:', '        yield from _rec(n - 1)', '    yield n',
                    '    return n'])
        blk.t('list(_rec(%d))[:5]' % ctx.pick([5, 50, 400, 3000]))
    for g in gens:
        blk.line('_step(%s, "close")' % g)


def g_async(ctx, blk):
    """Coroutines, custom awaitables, async with/for, async generators: all
    stepped by hand (no event loop)."""
    cos = []
    for _ in range(ctx.ri(1, 3)):
        name = ctx.uid('co')
        body = []
        for _ in range(ctx.ri(1, 4)):
            k = ctx.ri(0, 5)
            if k <= 1:
                body += ['r = await _Aw(%s)' % ctx.v_int(0), "print('%s awaited', r)" % name]
            elif k == 2 and cos:
                body += ['r = await %s()' % ctx.pick(cos), "print('%s inner', r)" % name]
            elif k == 3:
                body += ['try:', '    await _Aw("t")', 'except ValueError as e:', "    print('%s caught', e)" % name,
                         'finally:', "    print('%s finally')" % name]
            elif k == 4:
                body += ['if %s:' % ctx.v_bool(0), '    raise KeyError("co")']
            else:
                body += ["print('%s step')" % name]
        body.append('return %s' % ctx.pick(["'co-ret'", ctx.v_int(0), 'None', '[1]']))
        blk.guarded(['async def %s():' % name] + indent(body))
        cos.append(name)
    for _ in range(ctx.ri(1, 4)):
        c = ctx.pick(cos)
        k = ctx.ri(0, 5)
        if k <= 2:
            blk.line('_run(lambda: %s()%s)' % (c, ''.join(', %s' % ctx.v_int(0) for _ in range(ctx.ri(0, 2)))))
        elif k == 3:
            v = ctx.uid('c')
            blk.line('%s = %s()' % (v, c))
            blk.line('_step(%s, "send", None)' % v)
            blk.line('_step(%s, "throw", %s)' % (v, ctx.pick(EXC_TO_THROW)))
            blk.line('_step(%s, "close")' % v)
        elif k == 4:
            v = ctx.uid('c')
            blk.line('%s = %s()' % (v, c))
            blk.t('(type(%s).__name__, %s.cr_code.co_name, %s.cr_running, %s.__qualname__)' % ((v,) * 4))
            blk.t('repr(%s)' % v)
            blk.line('%s.close()' % v)
        else:
            v = ctx.uid('c')
            blk.line('%s = %s()' % (v, c))
            blk.line('_step(%s)' % v)
            blk.line('_step(%s, "close")' % v)
    if ctx.ch(0.4):
        cm = ctx.uid('ACM')
        blk.guarded(['class %s:' % cm,
                    '    async def __aenter__(self):',
                    "        print('aenter')",
                    '        await _Aw("enter")',
                    '        return self',
                    '    async def __aexit__(self, et, ev, tb):',
                    "        print('aexit', et.__name__ if et else None)",
                    '        return %s' % ctx.pick(['True', 'False']),
                    'async def %s_use():' % cm,
                    '    async with %s() as a:' % cm,
                    "        print('in body', type(a).__name__)",
                    '        %s' % ctx.pick(['raise ValueError("body")', 'pass', 'await _Aw("body")']),
                    "    return 'after'"])
        blk.line('_run(lambda: %s_use())' % cm)
    if ctx.on('agen') and ctx.ch(0.8):
        g_agen(ctx, blk)
    if ctx.ch(0.3):
        blk.guarded(['class _AIt:',
                    '    def __init__(self):',
                    '        self.i = 0',
                    '    def __aiter__(self):',
                    '        return self',
                    '    async def __anext__(self):',
                    '        self.i += 1',
                    '        if self.i > 3:',
                    '            raise StopAsyncIteration',
                    '        await _Aw(self.i)',
                    '        return self.i * 10',
                    'async def _use_ait():',
                    '    out = []',
                    '    async for v in _AIt():',
                    '        out.append(v)',
                    '    return out'])
        blk.line('_run(lambda: _use_ait())')
    if ctx.ch(0.2):
        blk.t('_Aw(1).__await__().send(None)')
        blk.guarded(['async def _bad():', '    await 5'])
        blk.line('_run(lambda: _bad())')
        blk.guarded(['async def _bad2():', '    await _bad3()', 'def _bad3():', '    return 1'])
        blk.line('_run(lambda: _bad2())')


def g_agen(ctx, blk):
    name = ctx.uid('agen')
    body = gen_body(ctx, name, [], 0, is_async=True)
    blk.guarded(['async def %s():' % name] + indent(body))
    ag = ctx.uid('ag')
    blk.line('%s = None' % ag)
    blk.guarded(['%s = %s()' % (ag, name)])
    for _ in range(ctx.ri(2, 8)):
        k = ctx.ri(0, 8)
        if k <= 2:
            blk.line('_run(lambda: %s.__anext__())' % ag)
        elif k == 3:
            blk.line('_run(lambda: %s.asend(%s))' % (ag, ctx.pick(['None', '1', "'x'"])))
        elif k == 4:
            blk.line('_run(lambda: %s.athrow(%s))' % (ag, ctx.pick(EXC_TO_THROW)))
        elif k == 5:
            blk.line('_run(lambda: anext(%s, "dflt"))' % ag)
        elif k == 6:
            blk.t('(type(%s).__name__, %s.ag_running, %s.ag_code.co_name, %s.__qualname__)' % ((ag,) * 4))
        elif k == 7:
            blk.t('(aiter(%s) is %s, type(%s.__anext__()).__name__)' % (ag, ag, ag))
        else:
            blk.line('_run(lambda: %s.aclose())' % ag)
    blk.line('_run(lambda: %s.aclose())' % ag) if ctx.ch(0.9) else blk.guarded(['_run(lambda: %s.aclose())' % ag])
    use = ctx.uid('use')
    blk.guarded(['async def %s():' % use,
                '    out = []',
                '    agen = %s()' % name,
                '    try:',
                '        async for v in agen:',
                '            out.append(v)',
                '            if len(out) > %d:' % ctx.ri(0, 4),
                '                break',
                '    finally:',
                '        await agen.aclose()',
                '    out.append([v async for v in %s()])' % name if ctx.ch(0.5) else '    pass',
                '    return out'])
    blk.line('_run(lambda: %s())' % use)


COMP_ITERS = ['range(4)', "'abc'", '[3, 1, 2]', '(1, 2)', "{'k': 1, 'j': 2}", 'range(-2, 8, 3)',
              "[[1, 2], [3]]", "{5, 6}", "zip('ab', range(9))", "enumerate('xyz')", '[]']


def comp_expr(ctx, d=0):
    kind = ctx.pick(['list', 'list', 'set', 'dict', 'gen'])
    var1, var2 = 'x%d' % d, 'y%d' % d
    it1 = ctx.pick(COMP_ITERS)
    elt = ctx.pick([var1, 'str(%s)' % var1, '(%s, %s)' % (var1, var1), 'repr(%s)[:4]' % var1])
    clauses = 'for %s in %s' % (var1, it1)
    if ctx.ch(0.4):
        clauses += ' if %s' % ctx.pick(['%s' % var1, 'not %s' % var1, 'str(%s) > "1"' % var1, 'True',
                                         'isinstance(%s, int)' % var1])
    if ctx.ch(0.4):
        it2 = ctx.pick(['range(2)', "'pq'", 'str(%s)' % var1, '[%s, %s]' % (var1, var1)])
        clauses += ' for %s in %s' % (var2, it2)
        elt = ctx.pick([elt, '(%s, %s)' % (var1, var2), 'str(%s) + str(%s)' % (var1, var2)])
    if d < 2 and ctx.ch(0.25):
        elt = comp_expr(ctx, d + 1)
    if ctx.ch(0.15):
        elt = '(w%d := %s)' % (d, elt)
    if kind == 'list':
        return '[%s %s]' % (elt, clauses)
    if kind == 'set':
        return '{%s %s}' % (elt if not elt.startswith('[') else 'repr(%s)' % elt, clauses)
    if kind == 'dict':
        return '{repr(%s): %s %s}' % (var1, elt, clauses)
    return 'list(%s %s)' % (elt, clauses)


def g_comp(ctx, blk):
    for _ in range(ctx.ri(3, 9)):
        blk.t(comp_expr(ctx))
    if ctx.ch(0.4):
        blk.t('[f() for f in [lambda: i for i in range(3)]]')
        blk.t('[f() for f in [lambda i=i: i for i in range(3)]]')
    if ctx.ch(0.4):
        f = ctx.uid('f')
        blk.guarded(['def %s():' % f,
                    '    total = [y := 0]',
                    '    vals = [y := y + v for v in range(5)]',
                    '    return y, vals, total'])
        blk.t('%s()' % f)
    if ctx.ch(0.4):
        c = ctx.uid('CS')
        blk.guarded(['class %s:' % c, '    k = 3', '    a = [i * 2 for i in range(k)]',
                     '    b = %s' % ctx.pick(['[k * i for i in range(3)]', '{i: k for i in "ab"}', '[i for i in a]']),
                     '_p(%s.a, %s.b)' % (c, c)])
    if ctx.ch(0.4):
        blk.guarded(['_log = []', '_ge = (_log.append(x) or x * 2 for x in range(5))'])
        blk.t('next(_ge), next(_ge), _log')
        blk.t('list(_ge), _log')
        blk.t('list(_ge)')
    if ctx.ch(0.3):
        blk.t('[x for x in range(3) for x in range(x)]')
        blk.t('{x: y for x, y in [(1, 2), (1, 3), (2, 4)]}')
        blk.t('[(x, y) for x in range(3) if x for y in range(x) if y != 1]')
        blk.t('sum(x * x for x in range(10) if x % 3)')
        blk.t('[*(x for x in "ab"), *{1: 2}]')


# ---- match ---------------------------------------------------------------

MATCH_SUBJECTS = [
    '0', '1', '42', '-1', '3.0', "'hello'", "''", 'None', 'True', 'False', '[1, 2]', '[1, 2, 3]', '(1, "a")',
    "{'x': 1, 'y': 2}", "{'x': 1}", "{'kind': 'pt', 'x': 3}", '[]', "[1, [2, 3]]", 'b"ab"', "'ab'",
    '_Pt(1, 2)', '_Pt(0, 0)', '_Pt3(1, 2, 3)', 'range(3)', '{1, 2}', '[1, "x", None]', "('a', 'b', 'c', 'd')",
    "{'a': [1, 2], 'b': {'c': 3}}", '1.5', '2j', "bytearray(b'ab')", '_Color.RED', '[_Pt(1, 1), 2]',
]


def literal_pat(ctx):
    return ctx.pick(['0', '1', '42', '-1', '3.0', "'hello'", "''", 'None', 'True', 'False', '1.5', '2j',
                     "b'ab'", '-1.5', '1 + 2j', "'a'"])


def pattern(ctx, names, d=0, allow_capture=True):
    """A random pattern; captured names are appended to `names`."""
    def capture():
        n = 'n%d' % len(names)
        names.append(n)
        return n
    ks = ['lit', 'lit', 'seq', 'map', 'cls', 'value', 'or', 'wild']
    if allow_capture:
        ks += ['cap', 'cap', 'as']
    k = ctx.pick(ks) if d < 3 else ctx.pick(['lit', 'wild'] + (['cap'] if allow_capture else []))
    if k == 'lit':
        return literal_pat(ctx)
    if k == 'wild':
        return '_'
    if k == 'cap':
        return capture()
    if k == 'value':
        return ctx.pick(['_Color.RED', '_Color.GREEN', '_K.ONE'])
    if k == 'as':
        inner = pattern(ctx, names, d + 1)
        return '(%s) as %s' % (inner, capture())
    if k == 'or':
        alts = [pattern(ctx, [], d + 1, allow_capture=False) for _ in range(ctx.ri(2, 3))]
        return ' | '.join('(%s)' % a for a in alts)
    if k == 'seq':
        items = [pattern(ctx, names, d + 1, allow_capture) for _ in range(ctx.ri(0, 3))]
        if allow_capture and ctx.ch(0.4):
            items.insert(ctx.ri(0, len(items)), '*' + (capture() if ctx.ch(0.6) else '_'))
        open_, close = ctx.pick([('[', ']'), ('(', ')')])
        if open_ == '(' and len(items) == 1:
            return '(%s,)' % items[0]
        return open_ + ', '.join(items) + close
    if k == 'map':
        keys = ctx.sample(["'x'", "'y'", "'kind'", "'a'", "'b'", '1', '_Color.RED'], ctx.ri(0, 2))
        items = ['%s: %s' % (key, pattern(ctx, names, d + 1, allow_capture)) for key in keys]
        if allow_capture and ctx.ch(0.3):
            items.append('**' + capture())
        return '{' + ', '.join(items) + '}'
    cls = ctx.pick(['_Pt', '_Pt3', 'int', 'str', 'list', 'dict', 'tuple', 'float', 'bool', 'object'])
    args = []
    if cls in ('_Pt', '_Pt3'):
        npos = ctx.ri(0, 3 if cls == '_Pt3' else 2)
        args = [pattern(ctx, names, d + 1, allow_capture) for _ in range(npos)]
        for kw in ctx.sample(['x', 'y', 'z'][npos:], ctx.ri(0, 1)):
            args.append('%s=%s' % (kw, pattern(ctx, names, d + 1, allow_capture)))
    elif cls not in ('object',) and ctx.ch(0.5):
        args = [pattern(ctx, names, d + 1, allow_capture)]
    return '%s(%s)' % (cls, ', '.join(args))


MATCH_PRELUDE = [
    'class _Pt:',
    "    __match_args__ = ('x', 'y')",
    '    def __init__(self, x, y):',
    '        self.x, self.y = x, y',
    '    def __repr__(self):',
    "        return f'_Pt({self.x}, {self.y})'",
    'class _Pt3(_Pt):',
    "    __match_args__ = ('x', 'y', 'z')",
    '    def __init__(self, x, y, z):',
    '        super().__init__(x, y)',
    '        self.z = z',
    'class _Color:',
    "    RED = 'red'",
    "    GREEN = 'green'",
    'class _K:',
    '    ONE = 1',
]


def g_match(ctx, blk):
    blk.guarded(MATCH_PRELUDE)
    f = ctx.uid('m')
    lines = ['def %s(subject):' % f, '    match subject:']
    for i in range(ctx.ri(1, 6)):
        names = []
        pat = pattern(ctx, names)
        if len(set(names)) != len(names):
            continue
        # A pattern that always matches must come last (else SyntaxError).
        if pat == '_' or (pat in names):
            continue
        guard = ''
        if ctx.ch(0.2):
            guard = ' if %s' % (ctx.pick(names) + ' != 0' if names else ctx.pick(['True', 'False', 'len(str(subject)) > 2']))
        lines.append('        case %s%s:' % (pat, guard))
        lines.append('            return (%d, %s)' % (i, ', '.join(names) + (',' if len(names) == 1 else '')
                                                      if names else "'%d'" % i))
    lines.append('        case %s:' % ctx.pick(['_', 'other']))
    lines.append("            return 'default'")
    blk.guarded(lines)
    for s in ctx.sample(MATCH_SUBJECTS, ctx.ri(4, 12)):
        blk.t('%s(%s)' % (f, s))
    if ctx.ch(0.2):
        blk.guarded(['class _NoArgs:', '    pass', 'def _m2(s):', '    match s:', '        case _NoArgs(1):',
                    "            return 'no'", '        case _:', "            return 'd'"])
        blk.t('_m2(_NoArgs())')


# ---- closures and calls ---------------------------------------------------

def g_closure(ctx, blk):
    f = ctx.uid('f')
    params = []
    k = ctx.ri(0, 2)
    posonly = ['a%d' % i for i in range(ctx.ri(0, 2))]
    normal = ['b%d' % i for i in range(ctx.ri(0, 3))]
    kwonly = ['c%d' % i for i in range(ctx.ri(0, 2))]
    defaults_from = ctx.ri(0, len(posonly) + len(normal))
    allp = posonly + normal
    for i, p in enumerate(allp):
        params.append(p + ('=%s' % ctx.v_int(0) if i >= defaults_from else ''))
        if posonly and i == len(posonly) - 1:
            params.append('/')
    star = ctx.ch(0.4)
    if star:
        params.append('*args')
    elif kwonly:
        params.append('*')
    for p in kwonly:
        params.append(p + ('=%s' % ctx.v_str(0) if ctx.ch(0.5) else ''))
    if ctx.ch(0.3):
        params.append('**kw')
    names = allp + kwonly + (['args'] if star else []) + (['kw'] if '**kw' in params else [])
    blk.guarded(['def %s(%s):' % (f, ', '.join(params)),
                '    return (%s)' % ''.join('%s, ' % n for n in names)])
    for _ in range(ctx.ri(3, 9)):
        args = [ctx.v_int(0) for _ in range(ctx.ri(0, 4))]
        kws = ['%s=%s' % (ctx.pick(allp + kwonly + ['zz', 'args']), ctx.v_int(0))
               for _ in range(ctx.ri(0, 2))] if (allp or kwonly) else []
        if len(set(k.split('=')[0] for k in kws)) != len(kws):
            kws = kws[:1]
        extra = ctx.pick(['', ', *[1, 2]', ", **{'b0': 9}", ', *()', ", **{'q': 1}"])
        blk.t('%s(%s%s)' % (f, ', '.join(args + kws), extra if (args or kws) else extra.lstrip(', ')))
    blk.t('(%s.__name__, %s.__qualname__, %s.__defaults__, %s.__kwdefaults__, %s.__code__.co_argcount, '
          '%s.__code__.co_posonlyargcount, %s.__code__.co_kwonlyargcount, %s.__code__.co_varnames)' % ((f,) * 8))
    # closures
    mk = ctx.uid('make')
    blk.guarded(['def %s(start):' % mk,
                '    count = start',
                '    def inc(step=1):',
                '        nonlocal count',
                '        count += step',
                '        return count',
                '    def get():',
                '        return count',
                '    return inc, get'])
    blk.line('_inc, _get = %s(%s)' % (mk, ctx.v_int(0)))
    blk.t('(_inc(), _inc(%s), _get())' % ctx.v_int(0))
    blk.t('[c.cell_contents for c in _inc.__closure__]')
    blk.t('_inc.__code__.co_freevars, %s.__code__.co_cellvars' % mk)
    if ctx.ch(0.4):
        dec = ctx.uid('dec')
        blk.guarded(['def %s(tag):' % dec,
                    '    def wrap(fn):',
                    '        def inner(*a, **k):',
                    "            print('call', tag, fn.__name__, a, sorted(k))",
                    '            return fn(*a, **k)',
                    '        inner.__wrapped__ = fn',
                    '        return inner',
                    '    return wrap',
                    '@%s(%r)' % (dec, ctx.pick(['x', 'y'])),
                    '@%s(2)' % dec,
                    'def _decorated(a, b=2):',
                    '    return a * b'])
        blk.t('_decorated(3)')
        blk.t('_decorated(a=%s)' % ctx.v_str(0))
        blk.t('_decorated.__wrapped__.__name__')
    if ctx.ch(0.3):
        blk.guarded(['def _mut(x=[]):', '    x.append(len(x))', '    return x'])
        blk.t('(_mut(), _mut(), _mut([9]), _mut())')
    if ctx.ch(0.3):
        g = ctx.uid('G')
        blk.guarded(['%s = 0' % g, 'def _setg():', '    global %s' % g, '    %s += 1' % g, '    return %s' % g])
        blk.t('(_setg(), _setg(), %s)' % g)
        blk.guarded(['def _unbound():', '    print(zz_local)', '    zz_local = 1'])
        blk.t('_unbound()')
    if ctx.ch(0.3):
        blk.t('(lambda *a, k=1, **kw: (a, k, kw))(1, 2, k=3, z=4)')
        blk.t('(lambda x, /, y: (x, y))(1, y=2)')
        blk.t('(lambda x, /, y: (x, y))(x=1, y=2)')
        blk.t('len(*[[1, 2]], **{})')
        blk.t('%s(*range(3), **dict(zzz=1))' % f)
        blk.t('print(1, 2, sep="-", **{"end": "!\\n"})')
