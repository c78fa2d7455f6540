"""list, tuple, dict, set, frozenset, range, slice: methods with random
arguments, slicing, operators, views, sorting, unpacking."""

from .core import method_call

LIST_METHODS = [
    'append:any', 'clear:', 'copy:', 'count:any', 'extend:iterable|any', 'index:any,idx?,idx?',
    'insert:idx,any', 'pop:idx?', 'remove:any', 'reverse:', 'sort:*key=keyfn?,*reverse=bool?',
    '__getitem__:idx|slice', '__setitem__:idx,any', '__setitem__:slice,iterable', '__delitem__:idx|slice',
    '__iadd__:iterable|any', '__imul__:smallint', '__contains__:any', '__mul__:smallint', '__add__:list|any',
    '__lt__:list|any', '__eq__:any', '__reversed__:', '__len__:',
]
TUPLE_METHODS = ['count:any', 'index:any,idx?,idx?', '__getitem__:idx|slice', '__add__:tuple|any',
                 '__mul__:smallint', '__contains__:any', '__lt__:tuple|any', '__getnewargs__:']
DICT_METHODS = [
    'clear:', 'copy:', 'get:hashable,any?', 'items:', 'keys:', 'pop:hashable,any?', 'popitem:',
    'setdefault:hashable,any?', 'update:dict|pairs?', 'values:', '__getitem__:hashable',
    '__setitem__:hashable,any', '__delitem__:hashable', '__contains__:hashable|any', '__or__:dict|any',
    '__ior__:dict|pairs|any', '__ror__:dict|any', '__reversed__:', '__len__:', '__eq__:any',
]
SET_METHODS = [
    'add:hashable|any', 'clear:', 'copy:', 'difference:iterable*', 'difference_update:iterable*',
    'discard:hashable|any', 'intersection:iterable*', 'intersection_update:iterable*', 'isdisjoint:iterable',
    'issubset:iterable', 'issuperset:iterable', 'pop:', 'remove:hashable|any', 'symmetric_difference:iterable',
    'symmetric_difference_update:iterable', 'union:iterable*', 'update:iterable*', '__or__:set|any',
    '__and__:set|frozenset|any', '__sub__:set|any', '__xor__:set|any', '__le__:set|any', '__lt__:set|any',
    '__ior__:set|any', '__contains__:any', '__len__:', '__eq__:any',
]
FROZENSET_METHODS = ['copy:', 'difference:iterable*', 'intersection:iterable*', 'isdisjoint:iterable',
                     'issubset:iterable', 'issuperset:iterable', 'symmetric_difference:iterable',
                     'union:iterable*', '__or__:set|frozenset|any', '__contains__:any']
RANGE_METHODS = ['count:any', 'index:any', '__getitem__:idx|slice', '__contains__:any', '__len__:',
                 '__reversed__:', '__eq__:any', '__bool__:']
BIG_RANGE_METHODS = ['count:int', 'index:int', '__getitem__:idx|slice', '__contains__:int', '__len__:',
                     '__reversed__:', '__eq__:any', '__bool__:']
SLICE_METHODS = ['indices:smallint|int', '__eq__:any', '__lt__:any']


def g_list(ctx, blk):
    for _ in range(ctx.ri(5, 14)):
        spec = ctx.pick(LIST_METHODS)
        mut = spec.split(':')[0] in ('append', 'clear', 'extend', 'insert', 'pop', 'remove', 'reverse', 'sort',
                                     '__setitem__', '__delitem__', '__iadd__', '__imul__')
        method_call(ctx, blk, ctx.v_list(2), spec, mutating=mut)
    for _ in range(ctx.ri(0, 4)):
        method_call(ctx, blk, ctx.v_tuple(2), ctx.pick(TUPLE_METHODS))
    if ctx.ch(0.5):
        lst = ctx.uid('l')
        blk.line('%s = []' % lst)
        blk.guarded(['%s = %s' % (lst, ctx.v_list(1, ctx.pick(['int', 'str', 'any'])))])
        for _ in range(ctx.ri(1, 5)):
            k = ctx.ri(0, 5)
            sl = '%s:%s%s' % (ctx.v_idx(0).replace('None', ''), ctx.v_idx(0).replace('None', ''),
                              ctx.pick(['', ':2', ':-1', ':3', ':-2', ':0']))
            if k == 0:
                blk.guarded(['%s[%s] = %s' % (lst, sl, ctx.v_iterable(1)), '_p(%s)' % lst])
            elif k == 1:
                blk.guarded(['del %s[%s]' % (lst, sl), '_p(%s)' % lst])
            elif k == 2:
                blk.t('%s[%s]' % (lst, sl))
            elif k == 3:
                blk.guarded(['%s.sort(key=%s, reverse=%s)' % (lst, ctx.v_keyfn(0), ctx.v_bool(0)), '_p(%s)' % lst])
            elif k == 4:
                blk.t('sorted(%s, key=%s)' % (lst, ctx.v_keyfn(0)))
            else:
                blk.guarded(['%s *= %d' % (lst, ctx.ri(-1, 3)), '%s += %s' % (lst, ctx.v_iterable(0)),
                             '_p(%s)' % lst])
    if ctx.ch(0.3):
        # stability of sort with keys that tie
        blk.t('sorted([(%d, i) for i in range(12)], key=lambda p: p[1] %% %d)' % (ctx.ri(0, 3), ctx.ri(1, 4)))
        blk.t("sorted(['bb', 'a', 'ccc', 'B', 'A', 'aa'], key=str.lower, reverse=True)")
    if ctx.ch(0.3):
        a, b = ctx.v_list(1), ctx.v_list(1)
        blk.t('(%s == %s, %s < %s, %s + %s, %s * 2)' % (a, b, a, b, a, b, a))
        blk.t('list(reversed(%s)), list(enumerate(%s, %d))' % (a, b, ctx.ri(-3, 3)))


def g_dict(ctx, blk):
    for _ in range(ctx.ri(5, 12)):
        spec = ctx.pick(DICT_METHODS)
        mut = spec.split(':')[0] in ('clear', 'pop', 'popitem', 'setdefault', 'update', '__setitem__',
                                     '__delitem__', '__ior__')
        method_call(ctx, blk, ctx.v_dict(2), spec, mutating=mut)
    if ctx.ch(0.5):
        d = ctx.uid('d')
        blk.line('%s = {}' % d)
        blk.guarded(['%s = %s' % (d, ctx.v_dict(1))])
        for e in ['list(%s.keys())', 'list(%s.values())', 'list(%s.items())', 'list(reversed(%s))',
                  '%s.keys() & {1, "a", 2}', '%s.keys() | [1]', '%s.items() - {(1, 2)}', '%s.keys() ^ %s.keys()',
                  '%s.keys() == set(%s)', 'len(%s.items())', '(1, 2) in %s.items()', 'dict(%s, zz=1)',
                  '%s.keys().isdisjoint([1])', 'repr(%s.values())', 'repr(%s.items())',
                  'sorted(%s.items(), key=repr)', '%s.keys() <= {1}', 'dict(sorted(%s.items(), key=repr))']:
            if ctx.ch(0.3):
                blk.t(e.replace('%s', d))
    if ctx.ch(0.4):
        blk.t('dict.fromkeys(%s, %s)' % (ctx.v_iterable(1), ctx.v_any(0)))
        blk.t('dict(%s)' % ctx.pick([ctx.v_pairs(1), 'a=1, b=2', ctx.v_dict(1), '[(1, 2)], x=3', "zip('ab', 'cd')",
                                     '1', "[[1, 2, 3]]", '{1: 2}.items()', "(('k', 'v'),)"]))
    if ctx.ch(0.3):
        blk.t('{**%s, **%s}' % (ctx.v_dict(1), ctx.v_dict(1)))
        blk.t('%s | %s' % (ctx.v_dict(1), ctx.v_dict(1)))
    if ctx.ch(0.3):
        cls = ctx.uid('Miss')
        blk.guarded(['class %s(dict):' % cls,
                    '    def __missing__(self, key):',
                    '        return ("missing", key)'])
        blk.t('%s(a=1)["a"], %s(a=1)["b"], %s().get("x")' % (cls, cls, cls))


def g_set(ctx, blk):
    for _ in range(ctx.ri(5, 12)):
        if ctx.ch(0.7):
            spec = ctx.pick(SET_METHODS)
            mut = spec.split(':')[0] in ('add', 'clear', 'difference_update', 'discard', 'intersection_update',
                                         'pop', 'remove', 'symmetric_difference_update', 'update', '__ior__')
            method_call(ctx, blk, ctx.v_set(2), spec, mutating=mut)
        else:
            method_call(ctx, blk, ctx.v_frozenset(2), ctx.pick(FROZENSET_METHODS))
    if ctx.ch(0.4):
        a, b = ctx.v_set(1), ctx.pick([ctx.v_set(1), ctx.v_frozenset(1)])
        for op in ctx.sample(['|', '&', '-', '^', '<', '<=', '==', '>', '!='], 4):
            blk.t('%s %s %s' % (a, op, b))
    if ctx.ch(0.3):
        blk.t('{frozenset({1, 2}): "x", frozenset([2, 1]): "y"}')
        blk.line('_h(lambda: frozenset(%s))' % ctx.v_list(0, 'int'))
        blk.t('set([[1]])')


def g_range(ctx, blk):
    for _ in range(ctx.ri(4, 10)):
        if ctx.ch(0.7):
            r = ctx.v_bigrange(1)
            if '**' in r:
                # huge: only the methods that do not iterate
                method_call(ctx, blk, r, ctx.pick(BIG_RANGE_METHODS), bad_prob=0)
            else:
                method_call(ctx, blk, r, ctx.pick(RANGE_METHODS))
        else:
            method_call(ctx, blk, ctx.v_slice(1), ctx.pick(SLICE_METHODS))
    if ctx.ch(0.5):
        r = ctx.v_bigrange(1)
        blk.t('(len(%s), %s[::-1], %s[2:], %s.start, %s.step, 5 in %s)' % ((r,) * 6))
        blk.t('list(%s)[:20]' % ctx.v_range(1))
        blk.t('%s == %s' % (r, ctx.v_range(0)))
        blk.line('_h(lambda: %s)' % r)
    if ctx.ch(0.3):
        blk.t('range(%s)' % ctx.pick(["'3'", '3.0', '1, 2, 0', '2**100', 'None', '', '1, 2, 3, 4']))
        blk.t('len(range(2**64))')
        blk.t('range(0, 2**100, 3)[2**90]')
        blk.t('range(10)[%s]' % ctx.pick(['2**64', '-11', '1.0', 'slice(None, None, -2)']))


def g_unpack(ctx, blk):
    for _ in range(ctx.ri(3, 8)):
        it = ctx.v_iterable(1)
        pat = ctx.pick(['a, b', 'a, *b', '*a, b', 'a, *b, c', '(a, b), c', '[a, b, c]', 'a, = ', 'a, b, *c'])
        pat = pat.rstrip(' =')
        names = [n for n in pat.replace('(', ' ').replace(')', ' ').replace('[', ' ').replace(']', ' ')
                 .replace(',', ' ').replace('*', ' ').split()]
        blk.guarded(['%s = %s' % (pat, it), '_p(%s)' % ', '.join(names)])
    if ctx.ch(0.5):
        blk.t('[*%s, *%s]' % (ctx.v_iterable(0), ctx.v_iterable(0)))
        blk.t('(*%s,)' % ctx.v_iterable(0))
        blk.t('{*%s}' % ctx.v_list(0, 'int'))
        blk.t('print(*%s, sep=%s, end=%s)' % (ctx.v_list(1, ctx.pick(['int', 'str', 'float'])), ctx.pick(["'|'", "''", "None", "1"]),
                                               ctx.pick(["'\\n'", "'!\\n'", "None"])))
