"""Operators across every pair of types, scoping statements, and small
realistic programs (what real code does most)."""

BIN = ['+', '-', '*', '/', '//', '%', '&', '|', '^', '<<', '>>', '@', '==', '!=', '<', '<=', '>', '>=', 'in',
       'not in', 'and', 'or']
AUG = ['+=', '-=', '*=', '/=', '//=', '%=', '&=', '|=', '^=', '<<=', '>>=', '@=']


def g_ops(ctx, blk):
    for _ in range(ctx.ri(6, 16)):
        a, b = ctx.v_any(1), ctx.v_any(1)
        k = ctx.ri(0, 9)
        if k <= 5:
            op = ctx.pick(BIN)
            if op in ('<<', '>>'):
                b = ctx.pick(['1', '3', '-1', '70', 'True', "'x'", '2.0'])
            if op == '*' and ctx.ch(0.5):
                b = ctx.pick(['3', '0', '-2', 'True', '2**64', '1.5'])
            blk.t('%s %s %s' % (a, op, b))
        elif k <= 7:
            v = ctx.uid('a')
            op = ctx.pick(AUG)
            if op in ('<<=', '>>='):
                b = ctx.pick(['1', '3', '70'])
            if op == '*=':
                b = ctx.pick(['3', '0', '-2', "'ab'", '[1]'])
            blk.line('%s = None' % v)
            blk.guarded(['%s = %s' % (v, a), '_keep = %s' % v, '%s %s %s' % (v, op, b), '_p(%s, %s is _keep if type(_keep) in (list, dict, set, bytearray) else "-")' % (v, v)])
        elif k == 8:
            blk.t('%s < %s < %s' % (a, b, ctx.v_any(0)))
        else:
            blk.t('(%s) if %s else (%s)' % (a, ctx.v_any(0), b))


def g_scope(ctx, blk):
    k = ctx.ri(0, 5)
    if k == 0:
        blk.guarded(['_dv = [1, 2, 3, 4, 5]', 'del _dv[%s]' % ctx.pick(['0', '1:3', '::2', '-1', '9', "'x'"]),
                     '_p(_dv)', 'del _dv', '_p(_dv)'])
        blk.guarded(['_dd = {"a": 1}', 'del _dd["b"]'])
        blk.guarded(['class _DA:', '    pass', '_da = _DA()', '_da.x = 1', 'del _da.x', 'del _da.x'])
        blk.guarded(['_x1, _x2 = 1, 2', 'del _x1, _x2', '_p(_x1)'])
    elif k == 1:
        blk.guarded(['def _outer():',
                     '    v = 1',
                     '    def mid():',
                     '        def inner():',
                     '            nonlocal v',
                     '            v += 10',
                     '            return v',
                     '        return inner',
                     '    f = mid()',
                     '    return f(), f(), v',
                     '_p(_outer())'])
        blk.guarded(['def _gl():', '    global _gv', '    _gv = "set"', '_gl()', '_p(_gv)'])
        blk.guarded(['def _late():', '    return [x for x in range(3) if x != _lv]', '_lv = 1', '_p(_late())'])
        blk.guarded(['class _Scope:', '    y = 5', '    def m(self):', '        return y', '_Scope().m()'])
    elif k == 2:
        blk.guarded(['class _CM:',
                     '    def __init__(self, n):',
                     '        self.n = n',
                     '    def __enter__(self):',
                     "        print('enter', self.n)",
                     '        return self.n',
                     '    def __exit__(self, *exc):',
                     "        print('exit', self.n, exc[0].__name__ if exc[0] else None)",
                     '        return self.n == %d' % ctx.ri(1, 3)])
        body = ctx.pick(['pass', 'raise ValueError("w")', '_p(a, b)', '1 / 0'])
        blk.guarded(['with _CM(1) as a, _CM(2) as b:', '    ' + body])
        blk.guarded(['with (_CM(1) as a,', '      _CM(3) as b):', '    ' + body])
        blk.guarded(['with _CM(1), _CM(2), _CM(3):', '    ' + body])
    elif k == 3:
        for _ in range(ctx.ri(2, 5)):
            blk.t(ctx.pick(['[(y := 5), y ** 2]', '(z := 3) + z', '[w for w in range(3) if (q := w)]',
                            'print((n := 4), n)', '{(k := 1): k}', 'f"{(x := 10)!r}"']))
        blk.guarded(['_data = [1, 2, 3, 4]', 'while (_n := len(_data)) > 2:', '    _data.pop()', '_p(_n, _data)'])
    elif k == 4:
        blk.guarded(['assert %s, %s' % (ctx.pick(['1', '0', '[]', 'None', '"x"']), ctx.v_any(0))])
        blk.guarded(['assert isinstance(%s, %s)' % (ctx.v_any(0), ctx.pick(['int', 'str', '(list, tuple)']))])
        blk.guarded(['if (%s):' % ctx.v_any(0), '    _p("then")', 'elif %s:' % ctx.v_any(0), '    _p("elif")',
                     'else:', '    _p("else")'])
        blk.guarded(['for _i in range(3):', '    if _i == %d:' % ctx.ri(0, 3), '        break', 'else:',
                     '    _p("no break")', '_p(_i)'])
        blk.guarded(['_w = 0', 'while _w < 5:', '    _w += 1', '    if _w == %d:' % ctx.ri(1, 6), '        continue',
                     '    if _w == 4:', '        break', 'else:', '    _p("loop else")', '_p(_w)'])
    else:
        blk.guarded(['def _kw(a, b=2, *args, c, d=4, **kw):', '    return a, b, args, c, d, sorted(kw.items())',
                     '_p(_kw(1, c=3))', '_p(_kw(*[1, 2, 3], **{"c": 5, "e": 6}))', '_p(_kw(1, 2, 3, 4, c=0, z=9))'])
        blk.t('_kw(1)')
        blk.t('_kw(1, 2, c=3, b=4)')
        blk.t('_kw(c=1)')
        blk.t('_kw(1, c=1, **{"a": 2})')


PROGRAMS = []


def prog(f):
    PROGRAMS.append(f)
    return f


@prog
def p_words(ctx, blk):
    text = ' '.join(ctx.pick(['the', 'cat', 'sat', 'on', 'mat', 'The', 'dog', 'a', 'ran', 'ß', 'naïve', 'x1'])
                    for _ in range(ctx.ri(5, 30)))
    blk.guarded(['_text = %r' % text,
                 '_counts = {}',
                 'for _w in _text.split():',
                 '    _w = _w.lower().strip(".,")',
                 '    _counts[_w] = _counts.get(_w, 0) + 1',
                 '_top = sorted(_counts.items(), key=lambda kv: (-kv[1], kv[0]))',
                 'for _w, _n in _top[:%d]:' % ctx.ri(2, 6),
                 "    print(f'{_w:<10}|{_n:>3}|{\"*\" * _n}')",
                 "print(len(_counts), sum(_counts.values()), max(_counts, key=len))"])


@prog
def p_account(ctx, blk):
    blk.guarded(['class _InsufficientFunds(Exception):',
                 '    def __init__(self, need, have):',
                 "        super().__init__(f'need {need}, have {have}')",
                 '        self.need, self.have = need, have',
                 'class _Account:',
                 '    rate = 0.05',
                 '    def __init__(self, owner, balance=0):',
                 '        self.owner = owner',
                 '        self._balance = balance',
                 '        self.history = []',
                 '    @property',
                 '    def balance(self):',
                 '        return self._balance',
                 '    def deposit(self, amount):',
                 '        if amount <= 0:',
                 "            raise ValueError('amount must be positive')",
                 '        self._balance += amount',
                 "        self.history.append(('dep', amount))",
                 '        return self',
                 '    def withdraw(self, amount):',
                 '        if amount > self._balance:',
                 '            raise _InsufficientFunds(amount, self._balance)',
                 '        self._balance -= amount',
                 "        self.history.append(('wd', amount))",
                 '        return self',
                 '    def __repr__(self):',
                 "        return f'{type(self).__name__}({self.owner!r}, {self._balance:.2f})'",
                 '    def __lt__(self, other):',
                 '        return self._balance < other._balance',
                 'class _Savings(_Account):',
                 '    rate = 0.07',
                 '    def add_interest(self):',
                 '        return self.deposit(round(self._balance * self.rate, 2))'])
    ops = []
    for i in range(ctx.ri(3, 8)):
        ops.append(ctx.pick(['_accts[%d].deposit(%s)' % (ctx.ri(0, 2), ctx.pick(['10', '0', '-5', '2.5', '100'])),
                             '_accts[%d].withdraw(%s)' % (ctx.ri(0, 2), ctx.pick(['1', '50', '1000'])),
                             '_accts[2].add_interest()', '_accts[0].add_interest()']))
    blk.guarded(["_accts = [_Account('ann', 10), _Account('bob'), _Savings('cy', 100)]"])
    for o in ops:
        blk.guarded(['_p(%s)' % o])
    blk.t('sorted(_accts)')
    blk.t('[(a.owner, a.balance, a.history) for a in _accts]')
    blk.t('max(_accts).owner')


@prog
def p_fib(ctx, blk):
    n = ctx.ri(10, 90)
    blk.guarded(['def _memo(f):',
                 '    cache = {}',
                 '    def wrapper(n):',
                 '        if n not in cache:',
                 '            cache[n] = f(n)',
                 '        return cache[n]',
                 '    wrapper.cache = cache',
                 '    return wrapper',
                 '@_memo',
                 'def _fib(n):',
                 '    return n if n < 2 else _fib(n - 1) + _fib(n - 2)',
                 '_p(_fib(%d), len(_fib.cache))' % n,
                 'def _fibgen():',
                 '    a, b = 0, 1',
                 '    while True:',
                 '        yield a',
                 '        a, b = b, a + b',
                 '_g = _fibgen()',
                 '_p([next(_g) for _ in range(%d)])' % ctx.ri(5, 25),
                 '_p(sum(x for x, _ in zip(_fibgen(), range(%d)) if x %% 2 == 0))' % ctx.ri(10, 100)])


@prog
def p_matrix(ctx, blk):
    n, m = ctx.ri(1, 4), ctx.ri(1, 4)
    blk.guarded(['_A = [[(i * %d + j) %% 7 - 3 for j in range(%d)] for i in range(%d)]' % (ctx.ri(1, 5), m, n),
                 '_T = [list(r) for r in zip(*_A)]',
                 '_M = [[sum(a * b for a, b in zip(r, c)) for c in zip(*_T)] for r in _A]',
                 '_p(_A, _T, _M)',
                 "print('\\n'.join(' '.join(f'{v:4d}' for v in row) for row in _M))",
                 '_p(max(map(max, _A)), min(min(r) for r in _A), sorted(sum(_A, []))[::2])'])


@prog
def p_records(ctx, blk):
    recs = []
    for i in range(ctx.ri(3, 9)):
        recs.append((ctx.pick(['ann', 'bob', 'cy', 'Dee', 'eve', 'Émile']), ctx.ri(18, 70),
                     round(ctx.r.uniform(0, 1000), 2), ctx.pick(['x', 'y', 'z'])))
    blk.guarded(['_recs = %r' % recs,
                 '_by = {}',
                 'for _name, _age, _score, _grp in _recs:',
                 '    _by.setdefault(_grp, []).append((_name, _age, _score))',
                 'for _grp in sorted(_by):',
                 '    _rows = sorted(_by[_grp], key=lambda r: (-r[2], r[0]))',
                 "    print(f'== {_grp} ({len(_rows)})')",
                 '    for _r in _rows:',
                 "        print('%-8s %3d %10.2f' % _r)",
                 "    print('avg age', sum(r[1] for r in _rows) / len(_rows))",
                 "_p(sorted(_recs, key=lambda r: r[1])[0], min(_recs, key=lambda r: r[2])[0])",
                 "_p({n: s for n, _, s, _ in _recs})",
                 "_p(list(map(lambda r: r[0].upper(), filter(lambda r: r[1] > 30, _recs))))"])


@prog
def p_stack(ctx, blk):
    expr = ctx.pick(['3 4 + 2 *', '5 1 2 + 4 * + 3 -', '2 3 4 * +', '1 +', '4 0 /', '2 3 ^', '7 2 - 3 *'])
    blk.guarded(['def _rpn(src):',
                 '    stack = []',
                 "    ops = {'+': lambda a, b: a + b, '-': lambda a, b: a - b, '*': lambda a, b: a * b, '/': lambda a, b: a / b}",
                 '    for tok in src.split():',
                 '        if tok in ops:',
                 '            try:',
                 '                b, a = stack.pop(), stack.pop()',
                 '            except IndexError:',
                 "                raise SyntaxError('stack underflow at ' + repr(tok)) from None",
                 '            stack.append(ops[tok](a, b))',
                 '        elif tok.isdigit():',
                 '            stack.append(int(tok))',
                 '        else:',
                 "            raise ValueError(f'bad token {tok!r}')",
                 '    return stack',
                 '_p(_rpn(%r))' % expr])


@prog
def p_state(ctx, blk):
    events = [ctx.pick(['coin', 'push', 'kick', ('coin', 2), ('push', 'x'), 'reset']) for _ in range(ctx.ri(3, 8))]
    blk.guarded(['def _turnstile(events):',
                 "    state, coins, log = 'locked', 0, []",
                 '    for ev in events:',
                 '        match (state, ev):',
                 "            case ('locked', 'coin'):",
                 "                state, coins = 'open', coins + 1",
                 "            case ('locked', ('coin', int(n))):",
                 "                state, coins = 'open', coins + n",
                 "            case ('open', 'push' | ('push', _)):",
                 "                state = 'locked'",
                 "            case (_, 'reset'):",
                 "                state = 'locked'",
                 '            case (s, other):',
                 "                log.append(f'ignored {other!r} in {s}')",
                 '        log.append(state)',
                 '    return coins, log',
                 '_p(_turnstile(%r))' % (events,)])


@prog
def p_tree(ctx, blk):
    vals = [ctx.ri(0, 50) for _ in range(ctx.ri(1, 12))]
    blk.guarded(['class _Node:',
                 "    __slots__ = ('key', 'left', 'right')",
                 '    def __init__(self, key):',
                 '        self.key, self.left, self.right = key, None, None',
                 'def _insert(root, key):',
                 '    if root is None:',
                 '        return _Node(key)',
                 '    if key < root.key:',
                 '        root.left = _insert(root.left, key)',
                 '    elif key > root.key:',
                 '        root.right = _insert(root.right, key)',
                 '    return root',
                 'def _walk(n):',
                 '    if n:',
                 '        yield from _walk(n.left)',
                 '        yield n.key',
                 '        yield from _walk(n.right)',
                 'def _height(n):',
                 '    return 0 if n is None else 1 + max(_height(n.left), _height(n.right))',
                 '_root = None',
                 'for _v in %r:' % vals,
                 '    _root = _insert(_root, _v)',
                 '_p(list(_walk(_root)), _height(_root))'])


@prog
def p_textfmt(ctx, blk):
    rows = [(ctx.pick(['alpha', 'b', 'gamma ray', 'δ', '日本']), ctx.r.uniform(-1e4, 1e4), ctx.ri(-10**6, 10**6))
            for _ in range(ctx.ri(2, 6))]
    w = ctx.ri(4, 14)
    blk.guarded(['_rows = %r' % rows,
                 "print(f\"{'name':<%d}|{'value':>12}|{'count':^10}\")" % w,
                 "print('-' * %d)" % (w + 24),
                 'for _n, _v, _c in _rows:',
                 "    print(f'{_n:<%d}|{_v:>12.3f}|{_c:^10,}')" % w,
                 "    print('{0:>{1}}|{2:+.2e}|{3:#x}'.format(_n, %d, _v, _c))" % w,
                 "    print('%%-*s|%%12.1f|%%+d' %% (%d, _n, _v, _c))" % w,
                 "_p(', '.join(f'{v:.1%%}' for _, v, _ in _rows))",
                 "_p(str(round(sum(v for _, v, _ in _rows), 3)).rjust(20, '.'))"])


def g_prog(ctx, blk):
    for f in ctx.sample(PROGRAMS, ctx.ri(1, 2)):
        f(ctx, blk)
