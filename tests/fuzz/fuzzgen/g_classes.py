"""Classes: random member sets (dunder operators, containers, attribute
hooks, properties, slots, descriptors), inheritance diamonds and super(),
metaclasses, builtin subclasses; then random operations on instances and
classes."""

ARITH = {
    '__add__': '+', '__sub__': '-', '__mul__': '*', '__truediv__': '/', '__floordiv__': '//',
    '__mod__': '%', '__and__': '&', '__or__': '|', '__xor__': '^', '__lshift__': '<<', '__rshift__': '>>',
    '__matmul__': '@', '__pow__': '**',
}
REFLECTED = {'__radd__': '+', '__rsub__': '-', '__rmul__': '*', '__rfloordiv__': '//', '__rmod__': '%',
             '__rand__': '&', '__ror__': '|', '__rxor__': '^', '__rmatmul__': '@', '__rtruediv__': '/'}
INPLACE = {'__iadd__': '+', '__isub__': '-', '__imul__': '*', '__ior__': '|'}
UNARY = {'__neg__': '-', '__pos__': '+', '__abs__': 'abs', '__invert__': '~'}

BUILTIN_BASES = [
    ('int', lambda ctx: ctx.v_int(0)), ('str', lambda ctx: ctx.v_str(0)), ('list', lambda ctx: ctx.v_list(1)),
    ('dict', lambda ctx: ctx.v_dict(1)), ('tuple', lambda ctx: ctx.v_tuple(1)), ('float', lambda ctx: ctx.v_float(0)),
    ('Exception', lambda ctx: ctx.v_str(0)), ('bytes', lambda ctx: ctx.v_bytes(0)), ('set', lambda ctx: ctx.v_list(0, 'int')),
    ('frozenset', lambda ctx: ctx.v_list(0, 'int')), ('ValueError', lambda ctx: ctx.v_int(0)),
    ('bytearray', lambda ctx: ctx.v_bytes(0)), ('complex', lambda ctx: ctx.v_complex(0)),
]


def vexpr(ctx):
    return ctx.pickw([(6, lambda: str(ctx.ri(-5, 20))), (2, lambda: ctx.v_str(0)), (1, lambda: ctx.v_int(0)),
                      (1, lambda: ctx.v_float(0))])()


class ClassInfo:
    def __init__(self, name):
        self.name = name
        self.members = set()
        self.builtin = None
        self.ctor = None
        self.slots = False


def member_lines(ctx, info, m, cname):
    """Source lines (class-body indentation) for member m."""
    if m == '__init__':
        extra = []
        if ctx.ch(0.3):
            extra.append('    self.w = [v]')
        return ['def __init__(self, v=0, *rest):', '    self.v = v'] + extra
    if m == '__repr__':
        return ctx.pick([
            ['def __repr__(self):', "    return '%s(' + repr(getattr(self, 'v', '?')) + ')'" % cname],
            ['def __repr__(self):', "    return f'{type(self).__name__}<{getattr(self, \"v\", None)!r}>'"],
            ['def __repr__(self):', '    return 42'],
        ]) if ctx.ch(0.95) else ['def __repr__(self):', '    return 42']
    if m == '__str__':
        return ['def __str__(self):', "    return 'str:' + str(getattr(self, 'v', None))"]
    if m == '__eq__':
        return ['def __eq__(self, other):',
                '    if not hasattr(other, "v"):',
                '        return NotImplemented',
                '    return self.v == other.v']
    if m == '__hash__':
        return ctx.pick([['def __hash__(self):', '    return hash(getattr(self, "v", 0)) & 0xffff'],
                         ['__hash__ = None'],
                         ['def __hash__(self):', "    return 'nope'"]])
    if m in ('__lt__', '__le__', '__gt__', '__ge__'):
        op = {'__lt__': '<', '__le__': '<=', '__gt__': '>', '__ge__': '>='}[m]
        return ['def %s(self, other):' % m,
                '    if not hasattr(other, "v"):',
                '        return NotImplemented',
                '    return self.v %s other.v' % op]
    if m in ARITH or m in REFLECTED or m in INPLACE:
        op = ARITH.get(m) or REFLECTED.get(m) or INPLACE.get(m)
        lhs, rhs = ('o', 'self.v') if m in REFLECTED else ('self.v', 'o')
        body = ['def %s(self, other):' % m,
                '    o = getattr(other, "v", other)',
                '    if not isinstance(o, (int, str)) or isinstance(o, bool):',
                '        return NotImplemented']
        if op == '**':
            body.append('    return type(self)(self.v ** (o % 5))')
        elif m in INPLACE:
            body += ['    self.v = self.v %s o' % op, '    return self']
        else:
            body.append('    return type(self)(%s %s %s)' % (lhs, op, rhs))
        return body
    if m in UNARY:
        op = UNARY[m]
        expr = '%s(self.v)' % op if op == 'abs' else '%sself.v' % op
        return ['def %s(self):' % m, '    return type(self)(%s)' % expr]
    if m == '__len__':
        return ctx.pick([['def __len__(self):', '    return len(str(self.v))'],
                         ['def __len__(self):', '    return -1'],
                         ['def __len__(self):', "    return '3'"],
                         ['def __len__(self):', '    return 2**70']]) if ctx.ch(0.3) else \
            ['def __len__(self):', '    return len(str(self.v))']
    if m == '__bool__':
        return ctx.pick([['def __bool__(self):', '    return bool(self.v)'],
                         ['def __bool__(self):', '    return 1']])
    if m == '__iter__':
        return ctx.pick([['def __iter__(self):', '    yield from range(3)', '    yield self.v'],
                         ['def __iter__(self):', '    return iter([self.v, self.v])'],
                         ['def __iter__(self):', '    return 5']])
    if m == '__getitem__':
        return ['def __getitem__(self, k):',
                '    if isinstance(k, int) and k >= 4:',
                '        raise IndexError(k)',
                '    return (k, self.v) if not isinstance(k, slice) else (k.start, k.stop, k.step)']
    if m == '__setitem__':
        return ['def __setitem__(self, k, val):', "    print('setitem', repr(k), repr(val))"]
    if m == '__delitem__':
        return ['def __delitem__(self, k):', "    print('delitem', repr(k))"]
    if m == '__contains__':
        return ['def __contains__(self, x):', '    return x == self.v']
    if m == '__reversed__':
        return ['def __reversed__(self):', "    return iter('rev')"]
    if m == '__call__':
        return ['def __call__(self, *a, **k):', '    return (self.v, a, sorted(k.items()))']
    if m == '__enter__':
        return ['def __enter__(self):', "    print('enter', self.v)", '    return self.v',
                'def __exit__(self, et, ev, tb):',
                "    print('exit', et.__name__ if et else None, ev)",
                '    return %s' % ctx.pick(['False', 'True', 'None', 'isinstance(ev, KeyError)'])]
    if m == '__index__':
        return ctx.pick([['def __index__(self):', '    return int(self.v) if isinstance(self.v, int) else 7'],
                         ['def __index__(self):', "    return 'x'"]])
    if m == '__int__':
        return ['def __int__(self):', '    return 99']
    if m == '__float__':
        return ['def __float__(self):', '    return 2.5']
    if m == '__complex__':
        return ['def __complex__(self):', '    return 1j']
    if m == '__format__':
        return ['def __format__(self, spec):', "    return 'fmt(' + spec + ')'"]
    if m == '__round__':
        return ['def __round__(self, n=None):', "    return ('round', n)"]
    if m == '__getattr__':
        return ['def __getattr__(self, name):',
                "    if name.startswith('dyn'):",
                "        return name.upper()",
                "    raise AttributeError(f'no {name}')"]
    if m == '__getattribute__':
        return ['def __getattribute__(self, name):',
                "    if name == 'secret':",
                "        return 'intercepted'",
                '    return object.__getattribute__(self, name)']
    if m == '__setattr__':
        return ['def __setattr__(self, name, value):',
                "    if name == 'frozen':",
                "        raise AttributeError('read-only: ' + name)",
                '    super().__setattr__(name, value)']
    if m == '__delattr__':
        return ['def __delattr__(self, name):', "    print('delattr', name)", '    super().__delattr__(name)']
    if m == '__dir__':
        return ['def __dir__(self):', "    return ['zeta', 'alpha', 'v']"]
    if m == '__slots__':
        info.slots = True
        return ['__slots__ = %s' % ctx.pick(["('v', 'w')", "('v',)", "['v', 'w', 'x']", "'v'", "('v', '__dict__')"])]
    if m == 'prop':
        body = ['@property', 'def prop(self):', '    return ("prop", self.v)']
        if ctx.ch(0.6):
            body += ['@prop.setter', 'def prop(self, val):', "    print('prop set', repr(val))"]
        if ctx.ch(0.4):
            body += ['@prop.deleter', 'def prop(self):', "    print('prop del')"]
        return body
    if m == 'cm':
        return ['@classmethod', 'def cm(cls, *a):', '    return (cls.__name__, a)']
    if m == 'sm':
        return ['@staticmethod', 'def sm(*a):', "    return ('static', a)"]
    if m == 'attr':
        return ['kind = %s' % vexpr(ctx), 'count = 0']
    if m == '__init_subclass__':
        return ['def __init_subclass__(cls, /, tag=None, **kw):',
                '    super().__init_subclass__(**kw)',
                "    print('init_subclass', cls.__name__, tag)",
                '    cls.tag = tag']
    if m == '__class_getitem__':
        return ['def __class_getitem__(cls, item):', "    return (cls.__name__, 'getitem', item)"]
    if m == 'who':
        return ['def who(self):', "    r = ['%s']" % cname,
                "    s = super()",
                "    if hasattr(s, 'who'):",
                '        r += s.who()',
                '    return r']
    if m == '__length_hint__':
        return ['def __length_hint__(self):', '    return 5']
    if m == '__missing__':
        return ['def __missing__(self, key):', "    return ('missing', key)"]
    if m == 'doc':
        return ['"""Doc of %s."""' % cname]
    raise ValueError(m)


MEMBERS = (['__init__'] * 6 + ['__repr__'] * 4 + ['__str__', '__eq__', '__eq__', '__hash__', '__lt__', '__le__',
            '__gt__', '__ge__'] + list(ARITH) + list(REFLECTED) + list(INPLACE) + list(UNARY) +
           ['__len__', '__bool__', '__iter__', '__iter__', '__getitem__', '__getitem__', '__setitem__', '__delitem__',
            '__contains__', '__reversed__', '__call__', '__enter__', '__index__', '__int__', '__float__',
            '__complex__', '__format__', '__round__', '__getattr__', '__getattr__', '__getattribute__',
            '__setattr__', '__delattr__', '__dir__', '__slots__', 'prop', 'prop', 'cm', 'sm', 'attr', 'attr',
            '__init_subclass__', '__class_getitem__', 'who', 'who', '__length_hint__', 'doc'])


def class_def(ctx, blk, info, bases, meta=None, kwargs='', members=None):
    if members is None:
        members = []
        for m in ctx.sample(MEMBERS, ctx.ri(1, 12)):
            if m not in members:
                members.append(m)
    if info.builtin and '__slots__' in members:
        members.remove('__slots__')
    if info.builtin == 'dict' and ctx.ch(0.5):
        members.append('__missing__')
    info.members.update(members)
    head = 'class %s' % info.name
    args = list(bases)
    if meta:
        args.append('metaclass=%s' % meta)
    if kwargs:
        args.append(kwargs)
    if args:
        head += '(' + ', '.join(args) + ')'
    body = []
    for m in members:
        body += member_lines(ctx, info, m, info.name)
    if not body:
        body = ['pass']
    lines = [head + ':'] + ['    ' + s for s in body]
    blk.guarded(lines)


def instance_ops(ctx, info, o, o2):
    """Candidate operations on instance o (source strings for _t)."""
    c = info.name
    ops = [
        'repr(%s)' % o, 'str(%s)' % o, '%s == %s' % (o, o2), '%s != %s' % (o, o2), '%s < %s' % (o, o2),
        '%s + %s' % (o, o2), '%s + 1' % o, '1 + %s' % o, '%s * 3' % o, "'ab' * %s" % o, '%s - %s' % (o, o2),
        '%s @ %s' % (o, o2), '%s ** 2' % o, '2 ** %s' % o, '-%s' % o, '~%s' % o, 'abs(%s)' % o,
        'len(%s)' % o, 'bool(%s)' % o, 'list(%s)' % o, 'list(reversed(%s))' % o, '3 in %s' % o,
        '%s[1]' % o, '%s[1:5:2]' % o, '%s[9]' % o, '%s(1, k=2)' % o, 'int(%s)' % o, 'float(%s)' % o,
        'complex(%s)' % o, 'range(%s)' % o, '[10, 20, 30][%s]' % o, 'hex(%s)' % o, 'round(%s)' % o,
        'round(%s, 2)' % o, 'format(%s, ">8")' % o, "f'{%s}'" % o, "f'{%s!r:^20}'" % o, 'divmod(%s, 2)' % o,
        '%s.prop' % o, '%s.cm(1)' % o, '%s.sm(2)' % o, '%s.kind' % o, '%s.dynamic' % o, '%s.missing_attr' % o,
        '%s.secret' % o, "getattr(%s, 'v', 'dflt')" % o, "hasattr(%s, 'prop')" % o, 'vars(%s)' % o,
        "sorted(n for n in dir(%s) if not n.startswith('__'))" % o, 'dir(%s)' % o,
        'sorted([%s, %s])' % (o, o2), 'max(%s, %s)' % (o, o2), '{%s: 1}' % o, 'set([%s, %s])' % (o, o2),
        '%s.who()' % o, 'isinstance(%s, %s)' % (o, c), 'type(%s).__name__' % o, '%s.__class__.__qualname__' % o,
        '%s.__dict__' % o, 'hash(%s) == hash(%s)' % (o, o), 'iter(%s)' % o, 'next(iter(%s))' % o,
        '[x for x in %s]' % o, 'tuple(%s)' % o, 'str(%s.__class__.__mro__)' % o, '%s.w' % o,
        "'%%s' %% (%s,)" % o, "'%%r|%%d' %% (%s, 3)" % o, 'ascii(%s)' % o, 'dict.fromkeys([%s])' % o,
        '%s.__eq__(%s)' % (o, o2), '%s.__add__(None)' % o, 'object.__repr__(%s).startswith("<")' % o,
        '%s > %s' % (o, o2), '%s <= 5' % o, '%s & 3' % o, '%s | %s' % (o, o2), '%s // 0' % o,
    ]
    return ops


def statement_ops(ctx, info, o):
    return [
        ['%s.v = %s' % (o, vexpr(ctx)), '_p(%s.v)' % o],
        ['%s.frozen = 1' % o],
        ['%s.newattr = [1]' % o, '_p(%s.newattr)' % o],
        ['del %s.v' % o, "_p(hasattr(%s, 'v'))" % o],
        ['%s.prop = 5' % o, '_p(%s.prop)' % o],
        ['del %s.prop' % o],
        ['%s[2] = "x"' % o],
        ['del %s[0:1]' % o],
        ['with %s as _w:' % o, '    _p(_w)', '    raise KeyError("in with")'],
        ['with %s as _w:' % o, '    _p("body", _w)'],
        ['%s += 2' % o, '_p(%s)' % o],
        ['%s |= 1' % o, '_p(%s)' % o],
        ['for _i, _x in enumerate(%s):' % o, '    if _i > 5:', '        break', '    _p(_x)'],
        ['_ua, *_ub = %s' % o, '_p(_ua, _ub)'],
        ['_p(%s.__dict__ if hasattr(%s, "__dict__") else "no dict")' % (o, o)],
        ['delattr(%s, "nope")' % o],
        ["setattr(%s, 'z' * 3, 3)" % o, "_p(getattr(%s, 'zzz'))" % o],
    ]


def ctor(ctx, info):
    if info.builtin:
        for name, gen in BUILTIN_BASES:
            if name == info.builtin:
                return '%s(%s)' % (info.name, gen(ctx))
    return '%s(%s)' % (info.name, vexpr(ctx) if ctx.ch(0.9) else '')


def exercise(ctx, blk, infos):
    objs = []
    for info in infos:
        for _ in range(ctx.ri(1, 2)):
            o = ctx.uid('o')
            blk.line('%s = None' % o)
            blk.guarded(['%s = %s' % (o, ctor(ctx, info))])
            objs.append((o, info))
    if not objs:
        return
    for _ in range(ctx.ri(6, 20)):
        o, info = ctx.pick(objs)
        o2, _ = ctx.pick(objs)
        if ctx.ch(0.75):
            blk.t(ctx.pick(instance_ops(ctx, info, o, o2)))
        else:
            blk.guarded(ctx.pick(statement_ops(ctx, info, o)))
    for info in ctx.sample(infos, 2):
        c = info.name
        blk.t(ctx.pick(['[k.__name__ for k in %s.__mro__]' % c, '%s.__name__, %s.__qualname__, %s.__module__' % (c, c, c),
                        "sorted(k for k in vars(%s) if not k.startswith('__'))" % c, '%s.cm()' % c,
                        '%s[int]' % c, '%s.__bases__' % c, '%s.prop' % c, 'type(%s)' % c, '%s.__doc__' % c,
                        "sorted(vars(%s))" % c, 'dir(%s)' % c, '%s.sm' % c, 'repr(%s.cm)' % c,
                        '%s.who' % c, 'issubclass(%s, object)' % c, '%s.tag' % c, '%s.__slots__' % c,
                        '%s.__dict__["kind"]' % c, 'len(dir(%s))' % c, '%s.v' % c]))


def g_class(ctx, blk):
    infos = []
    n = ctx.ri(1, 4)
    for i in range(n):
        info = ClassInfo(ctx.uid('C'))
        bases = []
        if infos and ctx.ch(0.6):
            bases = [b.name for b in ctx.sample(infos, ctx.ri(1, min(2, len(infos))))]
        elif ctx.ch(0.3):
            name, _ = ctx.pick(BUILTIN_BASES)
            info.builtin = name
            bases = [name]
        for b in infos:
            if b.name in bases and b.builtin:
                info.builtin = b.builtin
        kwargs = ''
        if any('__init_subclass__' in b.members for b in infos if b.name in bases) and ctx.ch(0.7):
            kwargs = 'tag=%s' % vexpr(ctx)
        class_def(ctx, blk, info, bases, kwargs=kwargs)
        infos.append(info)
    exercise(ctx, blk, infos)


def g_diamond(ctx, blk):
    """Diamonds, C3 linearization, super() in every form, MRO errors."""
    a, b, c, d = ctx.uid('A'), ctx.uid('B'), ctx.uid('C'), ctx.uid('D')
    shape = ctx.pick([(a, [], b, [a], c, [a], d, [b, c]), (a, [], b, [a], c, [b], d, [c, a]),
                      (a, [], b, [], c, [a, b], d, [c, b]), (a, [], b, [a], c, [a], d, [c, b, a]),
                      (a, [], b, [a], c, [b], d, [a, c])])  # the last one has no consistent MRO
    for name, bases in zip(shape[0::2], shape[1::2]):
        body = ['class %s(%s):' % (name, ', '.join(bases)),
                '    def who(self):',
                "        r = ['%s']" % name,
                "        if hasattr(super(), 'who'):",
                '            r += super().who()',
                '        return r',
                '    def __init__(self, *a):',
                "        print('init %s', a)" % name,
                '        super().__init__(%s)' % ('' if ctx.ch(0.7) else '*a'),
                '    @classmethod',
                '    def cname(cls):',
                "        return ['%s', cls.__name__] + (super().cname() if hasattr(super(), 'cname') else [])" % name]
        blk.guarded(body)
    blk.t('[k.__name__ for k in %s.__mro__]' % d)
    blk.t('%s().who()' % d)
    blk.t('%s.cname()' % d)
    blk.t('super(%s, %s()).who()' % (b, d))
    blk.t('super(%s, %s).cname()' % (b, d))
    blk.t('super(%s, %s())' % (b, d))
    blk.t('super(%s, 5)' % a)
    blk.t('%s.mro()' % c)
    blk.t('%s.__subclasses__()' % a)
    blk.t('[issubclass(%s, x) for x in (%s, %s, %s, object)]' % (d, a, b, c))
    if ctx.ch(0.5):
        blk.guarded(['def _nosuper():', '    return super()'])
        blk.t('_nosuper()')
        blk.guarded(['class %s:' % ctx.uid('S'), '    def f(self):', '        return (lambda: super().__repr__())()'])
        blk.t("type('X', (%s,), {'y': 1})().who()" % b)
        blk.t("type('X', (%s, %s), {})" % (a, d))


META_MEMBERS = ['__new__', '__init__', '__prepare__', '__call__', 'method', 'prop', '__getattr__',
                '__instancecheck__', '__subclasscheck__', '__iter__', '__len__', '__repr__', '__getitem__',
                '__dir__', 'mro', '__or__', 'attr']


def meta_member(ctx, m, mname):
    if m == '__new__':
        return ['def __new__(mcs, name, bases, ns, **kw):',
                "    print('%s.__new__', name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith('__')), sorted(kw))" % mname,
                "    ns['added_by_meta'] = name.lower()",
                '    return super().__new__(mcs, name, bases, ns)']
    if m == '__init__':
        return ['def __init__(cls, name, bases, ns, **kw):',
                "    print('%s.__init__', name, sorted(kw))" % mname,
                '    super().__init__(name, bases, ns)']
    if m == '__prepare__':
        return ['@classmethod',
                'def __prepare__(mcs, name, bases, **kw):',
                "    print('%s.__prepare__', name, sorted(kw))" % mname,
                '    return _LogNS()']
    if m == '__call__':
        return ['def __call__(cls, *a, **kw):',
                "    print('%s.__call__', cls.__name__, a, sorted(kw))" % mname,
                '    return super().__call__(*a, **kw)']
    if m == 'method':
        return ['def describe(cls):', "    return 'described ' + cls.__name__"]
    if m == 'prop':
        return ['@property', 'def upper_name(cls):', '    return cls.__name__.upper()']
    if m == '__getattr__':
        return ['def __getattr__(cls, name):',
                "    if name.startswith('auto'):",
                "        return 'meta-' + name",
                '    raise AttributeError(name)']
    if m == '__instancecheck__':
        return ['def __instancecheck__(cls, inst):', '    return isinstance(inst, int)']
    if m == '__subclasscheck__':
        return ['def __subclasscheck__(cls, sub):', "    return sub.__name__.startswith('i')"]
    if m == '__iter__':
        return ['def __iter__(cls):', "    return iter(sorted(k for k in cls.__dict__ if not k.startswith('_')))"]
    if m == '__len__':
        return ['def __len__(cls):', '    return 3']
    if m == '__repr__':
        return ['def __repr__(cls):', "    return '<class ' + cls.__name__ + ' via %s>'" % mname]
    if m == '__getitem__':
        return ['def __getitem__(cls, k):', '    if isinstance(k, int) and k > 2:', '        raise IndexError(k)',
                "    return ('meta item', k)"]
    if m == '__dir__':
        return ['def __dir__(cls):', "    return ['b', 'a']"]
    if m == 'mro':
        return ['def mro(cls):', '    return [cls, object]' if ctx.ch(0.5) else '    return super().mro()']
    if m == '__or__':
        return ['def __or__(cls, other):', "    return ('or', cls.__name__)"]
    if m == 'attr':
        return ['registry = []', 'meta_attr = %s' % vexpr(ctx)]
    raise ValueError(m)


def g_meta(ctx, blk):
    blk.guarded(['class _LogNS(dict):',
                '    def __setitem__(self, k, v):',
                "        print('ns set', k)",
                '        super().__setitem__(k, v)'])
    metas = []
    for _ in range(ctx.ri(1, 2)):
        mname = ctx.uid('Meta')
        base = 'type' if not metas or ctx.ch(0.6) else metas[-1]
        members = ctx.sample(META_MEMBERS, ctx.ri(1, 7))
        body = ['class %s(%s):' % (mname, base)]
        for m in members:
            body += ['    ' + s for s in meta_member(ctx, m, mname)]
        if len(body) == 1:
            body.append('    pass')
        blk.guarded(body)
        metas.append(mname)
    infos = []
    for i in range(ctx.ri(1, 3)):
        info = ClassInfo(ctx.uid('K'))
        bases = [infos[-1].name] if infos and ctx.ch(0.5) else []
        meta = ctx.pick(metas) if not bases or ctx.ch(0.3) else None
        kw = 'flag=%d' % ctx.ri(0, 3) if ctx.ch(0.3) else ''
        class_def(ctx, blk, info, bases, meta=meta, kwargs=kw,
                  members=ctx.sample(['__init__', '__repr__', 'attr', 'cm', 'prop', '__eq__', 'who', 'doc'],
                                     ctx.ri(0, 4)))
        infos.append(info)
    for _ in range(ctx.ri(5, 14)):
        c = ctx.pick(infos).name
        m = ctx.pick(metas)
        blk.t(ctx.pick([
            'dir(%s)' % c, "sorted(k for k in vars(%s) if k != '__dict__')" % c, 'type(%s).__name__' % c,
            '%s.describe()' % c, '%s.upper_name' % c, '%s.autox' % c, '%s.nothing' % c, 'isinstance(3, %s)' % c,
            'issubclass(int, %s)' % c, 'list(%s)' % c, 'len(%s)' % c, 'repr(%s)' % c, '%s[1]' % c,
            '%s | int' % c, 'int | %s' % c, '[k.__name__ for k in %s.__mro__]' % c, '%s.added_by_meta' % c,
            '%s()' % c, '%s(1)' % c, 'repr(%s(2))' % c, '%s().describe()' % c, '%s.meta_attr' % c,
            '%s.registry' % c, "'describe' in dir(%s)" % c, 'dir(type(%s))[-5:]' % c,
            "%s('Dyn', (), {'a': 1})" % m, "%s('Dyn2', (%s,), {})" % (m, c), 'type(%s)' % m,
            '%s.__class__.__class__' % c, 'vars(%s)["__module__"]' % c, '%s.__init_subclass__' % c,
            "type.__dict__['__dict__'].__get__(%s)['__qualname__']" % c if ctx.ch(0.1) else '%s.__qualname__' % c,
        ]))
    if ctx.ch(0.4):
        other, z, conflict = ctx.uid('OtherMeta'), ctx.uid('Z'), ctx.uid('Conflict')
        blk.guarded(['class %s(type):' % other, '    pass',
                     'class %s(metaclass=%s):' % (z, other), '    pass',
                     'class %s(%s, %s):' % (conflict, infos[0].name, z), '    pass'])
    if ctx.ch(0.3):
        blk.t("type('T', (), {'x': 1, '__repr__': lambda self: 'T!'})()")
        blk.t("type('T', (int,), {})(7) + 1")
        blk.t("type('T', 1, {})")
        blk.t("type(1, 2)")


def g_descr(ctx, blk):
    d = ctx.uid('Desc')
    nd = ctx.uid('NonData')
    blk.guarded([
        'class %s:' % d,
        '    def __set_name__(self, owner, name):',
        "        print('set_name', owner.__name__, name)",
        "        self.name = '_' + name",
        '    def __get__(self, obj, objtype=None):',
        '        if obj is None:',
        "            return ('class access', objtype.__name__)",
        "        return ('get', getattr(obj, self.name, None))",
        '    def __set__(self, obj, value):',
        "        print('set', repr(value))",
        '        setattr(obj, self.name, value)',
    ] + (['    def __delete__(self, obj):', "        print('delete')"] if ctx.ch(0.6) else []) + [
        'class %s:' % nd,
        '    def __get__(self, obj, objtype=None):',
        "        return ('nondata', obj is None)",
    ])
    h = ctx.uid('Host')
    blk.guarded(['class %s:' % h,
                 '    a = %s()' % d,
                 '    b = %s()' % nd,
                 '    @property',
                 '    def p(self):',
                 "        '''the p property'''",
                 '        return 1',
                 '    @classmethod',
                 '    def c(cls):',
                 '        return cls.__name__',
                 '    @staticmethod',
                 '    def s(x=0):',
                 '        return x * 2',
                 '    def m(self, y=1):',
                 '        return y'] + (['    __slots__ = ("_a", "__dict__")'] if ctx.ch(0.3) else []))
    o = ctx.uid('h')
    blk.line('%s = None' % o)
    blk.guarded(['%s = %s()' % (o, h)])
    ops = [
        '%s.a' % o, '%s.a' % h, '%s.b' % o, '%s.b' % h, '%s.p' % o, 'repr(%s.p)[:10]' % h, '%s.p.__doc__' % h,
        '%s.c()' % o, '%s.s(4)' % h, '%s.s(3)' % o, '%s.m()' % o, '%s.m(%s)' % (h, o), '%s.m.__func__.__name__' % o,
        '%s.m.__self__ is %s' % (o, o), '%s.m == %s.m' % (o, o), '%s.__dict__["c"]' % h, '%s.__dict__["s"]' % h,
        "type(%s.__dict__['p']).__name__" % h, "%s.__dict__['p'].fget(%s)" % (h, o), '%s.__dict__["a"]' % h,
        'vars(%s)' % o, "getattr(%s, 'b')" % o, "%s.__dict__['m'].__get__(%s)()" % (h, o),
        "%s.__dict__['c'].__get__(None, %s)()" % (h, h), "%s.__dict__['s'].__func__(5)" % h,
        'property(lambda s: 1).getter(len).fget', "property(doc='d').__doc__", 'classmethod(len).__func__',
        'staticmethod(len)([1])', '%s.__dict__["c"].__wrapped__' % h, 'callable(%s.__dict__["s"])' % h,
    ]
    stmts = [
        ['%s.a = %s' % (o, vexpr(ctx)), '_p(%s.a)' % o],
        ['del %s.a' % o, '_p(%s.a)' % o],
        ['%s.b = 5' % o, '_p(%s.b)' % o],
        ['%s.p = 5' % o],
        ['del %s.p' % o],
        ["%s.__dict__['a'] = 'shadow'" % o, '_p(%s.a)' % o],
        ['%s.m = lambda: "inst"' % o, '_p(%s.m())' % o],
        ['%s.a = 1' % h, '_p(%s.a, %s.a)' % (h, o)],
        ['%s.q = 1' % o, '_p(%s.q)' % o],
    ]
    for _ in range(ctx.ri(5, 14)):
        if ctx.ch(0.65):
            blk.t(ctx.pick(ops))
        else:
            blk.guarded(ctx.pick(stmts))
    if ctx.ch(0.4):
        s = ctx.uid('Slots')
        blk.guarded(['class %s:' % s, "    __slots__ = ('x', 'y')",
                     '    def __init__(self):', '        self.x = 1'])
        for e in ['%s().x', '%s().y', '%s.x', 'repr(%s.x)', '%s().__slots__', "hasattr(%s(), '__dict__')",
                  "type(%s.__dict__['x']).__name__", "sorted(n for n in dir(%s) if not n.startswith('__'))"]:
            if ctx.ch(0.6):
                blk.t(e % s)
        blk.guarded(['_sl = %s()' % s, '_sl.z = 1'])
        blk.guarded(['_sl = %s()' % s, 'del _sl.y'])
        blk.guarded(['class %s(%s):' % (ctx.uid('Sub'), s), "    __slots__ = ('x',)"])
        blk.guarded(['class %s(%s, int):' % (ctx.uid('Bad'), s), '    pass'])


def g_builtin_sub(ctx, blk):
    """Subclasses of builtin types overriding a few methods."""
    name, gen = ctx.pick(BUILTIN_BASES)
    c = ctx.uid('Sub')
    body = ['class %s(%s):' % (c, name)]
    choices = [
        ['    def __repr__(self):', "        return '%s:' + super().__repr__()" % c],
        ['    def __eq__(self, other):', '        return True'],
        ['    def __len__(self):', '        return 42'],
        ['    def __getitem__(self, k):', '        if isinstance(k, int) and k > 2:', '            raise IndexError(k)',
         "        return ('item', k)"],
        ['    def __iter__(self):', "        return iter('xyz')"],
        ['    def __add__(self, other):', "        return 'added'"],
        ['    def __hash__(self):', '        return 7'],
        ['    def __str__(self):', "        return 'S'"],
        ['    def __contains__(self, x):', '        return True'],
        ['    def __bool__(self):', '        return False'],
        ['    def __lt__(self, other):', '        return NotImplemented'],
        ['    def keys(self):', "        return ['k']"],
        ['    extra = 1'],
        ['    def __new__(cls, *a):', "        print('new', cls.__name__, len(a))", '        return super().__new__(cls, *a)'],
        ['    def __init__(self, *a):', "        print('init', len(a))", '        super().__init__(*a)'],
    ]
    for ch in ctx.sample(choices, ctx.ri(1, 5)):
        body += ch
    blk.guarded(body)
    o = ctx.uid('s')
    blk.line('%s = None' % o)
    blk.guarded(['%s = %s(%s)' % (o, c, gen(ctx))])
    for e in ctx.sample(['repr(%s)', 'str(%s)', 'len(%s)', 'list(%s)', '%s[0]', '%s + %s', '%s == 1',
                         'bool(%s)', "'x' in %s", 'type(%s).__name__', '%s.extra', 'type(%s + %s).__name__',
                         "sorted(%s)", 'dict(%s)', 'set(%s)', 'tuple(%s)', "'%%s' %% (%s,)", 'format(%s)',
                         'str.__str__(%s)' if name == 'str' else 'repr(%s)', 'isinstance(%s, %s)' % ('{o}', name),
                         '%s.__class__.__mro__', "%s.__dict__", 'max(%s, %s)', '[*%s]', '{**%s}' if name == 'dict' else '[%s]',
                         '_h(lambda: %s)',
                         'type(%s)(%s)'], ctx.ri(4, 12)):
        e = e.replace('%s', o).replace('{o}', o)
        blk.line(e) if e.startswith('_h(') else blk.t(e)
