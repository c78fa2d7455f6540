"""str, bytes and bytearray methods, codecs, formatting (format(), %, f-strings)."""

from .core import method_call, ENCODINGS, ERRORS

STR_METHODS = [
    'capitalize:', 'casefold:', 'center:width,char?', 'count:needle,idx?,idx?',
    'encode:encoding=enc?,errors=errh?', 'endswith:needle|strtuple,idx?,idx?', 'expandtabs:tabsize=smallint?',
    'find:needle,idx?,idx?', 'format:any*', 'format_map:dict', 'index:needle,idx?,idx?', 'isalnum:',
    'isalpha:', 'isascii:', 'isdecimal:', 'isdigit:', 'isidentifier:', 'islower:', 'isnumeric:',
    'isprintable:', 'isspace:', 'istitle:', 'isupper:', 'join:strlist', 'ljust:width,char?', 'lower:',
    'lstrip:needle|none?', 'partition:needle', 'removeprefix:needle', 'removesuffix:needle',
    'replace:needle,needle,idx?', 'rfind:needle,idx?,idx?', 'rindex:needle,idx?,idx?', 'rjust:width,char?',
    'rpartition:needle', 'rsplit:sep=needle|none?,maxsplit=idx?', 'rstrip:needle|none?',
    'split:sep=needle|none?,maxsplit=idx?', 'splitlines:keepends=bool?', 'startswith:needle|strtuple,idx?,idx?',
    'strip:needle|none?', 'swapcase:', 'title:', 'translate:table', 'upper:', 'zfill:width',
    '__getitem__:idx|slice', '__contains__:needle', '__mul__:smallint', '__mod__:any', '__add__:str|any',
    '__len__:', '__lt__:str|any', '__format__:fmtspec', '__rmod__:any', '__iter__:',
]

BYTES_METHODS = [
    'capitalize:', 'center:width,bchar?', 'count:bneedle,idx?,idx?', 'decode:encoding=enc?,errors=errh?',
    'endswith:bneedle,idx?,idx?', 'expandtabs:tabsize=smallint?', 'find:bneedle,idx?,idx?',
    'hex:sep=bchar|char?,bytes_per_sep=smallint?', 'index:bneedle,idx?,idx?', 'isalnum:', 'isalpha:',
    'isascii:', 'isdigit:', 'islower:', 'isspace:', 'istitle:', 'isupper:', 'join:blist',
    'ljust:width,bchar?', 'lower:', 'lstrip:b|none?', 'partition:bneedle', 'removeprefix:b',
    'removesuffix:b', 'replace:b,b,idx?', 'rfind:bneedle,idx?,idx?', 'rindex:bneedle,idx?,idx?',
    'rjust:width,bchar?', 'rpartition:bneedle', 'rsplit:sep=bneedle|none?,maxsplit=idx?', 'rstrip:b|none?',
    'split:sep=bneedle|none?,maxsplit=idx?', 'splitlines:keepends=bool?', 'startswith:bneedle,idx?,idx?',
    'strip:b|none?', 'swapcase:', 'title:', 'translate:bytes256,delete=b?', 'upper:', 'zfill:width',
    '__getitem__:idx|slice', '__contains__:bneedle', '__mul__:smallint', '__mod__:any', '__add__:b|any',
    '__len__:', '__iter__:', '__lt__:b|any',
]

BYTEARRAY_ONLY = [
    'append:byteint', 'clear:', 'copy:', 'extend:intlist|b|iterable', 'insert:idx,byteint', 'pop:idx?',
    'remove:byteint', 'reverse:', '__setitem__:idx,byteint', '__delitem__:idx|slice', '__iadd__:b|any',
    '__imul__:smallint', '__setitem__:slice,b|intlist',
]


def g_str(ctx, blk):
    for _ in range(ctx.ri(4, 14)):
        spec = ctx.pick(STR_METHODS)
        method_call(ctx, blk, ctx.v_str(1), spec)
    if ctx.ch(0.4):
        blk.t('str.maketrans(%s)' % ctx.pick(["'abc', 'xyz'", "'ab', 'c'", "{'a': 1}", "{1: 'x'}",
                                               "{'ab': 1}", "'a', 'b', 'c'", "1", "{}"]))
    if ctx.ch(0.4):
        s = ctx.v_str(1)
        blk.t('[%s[i] for i in range(-3, 3)]' % s)
        blk.t('%s[::%s]' % (s, ctx.pick(['-1', '2', '-2', '3', '0'])))
    if ctx.ch(0.3):
        blk.t('sorted(%s)' % ctx.v_list(1, 'str'))
        blk.t('%s < %s' % (ctx.v_str(1), ctx.v_str(1)))
    if ctx.ch(0.3):
        blk.t('str(%s, %s)' % (ctx.v_b(1), ctx.v_enc(0)))
        blk.t('str(%s)' % ctx.v_any(1))
        blk.t('ascii(%s)' % ctx.v_str(1))
    if ctx.ch(0.3):
        blk.t('[c for c in %s if c.isupper()]' % ctx.v_str(1))
        blk.t('[ord(c) for c in %s]' % ctx.v_str(0))
    if ctx.ch(0.2):
        blk.t('%s.isidentifier(), %s.isprintable(), %s.isdecimal()' % ((ctx.v_str(0),) * 3))


def g_bytes(ctx, blk):
    for _ in range(ctx.ri(4, 14)):
        if ctx.ch(0.25):
            spec = ctx.pick(BYTES_METHODS + BYTEARRAY_ONLY)
            method_call(ctx, blk, 'bytearray(%s)' % ctx.v_bytes(1), spec, mutating=True)
        else:
            method_call(ctx, blk, ctx.v_bytes(1), ctx.pick(BYTES_METHODS))
    if ctx.ch(0.4):
        blk.t('bytes.fromhex(%s)' % ctx.pick(["'de ad be ef'", "'0'", "'zz'", "'a1b2'", "''", "' 01  02 '"]))
        blk.t('bytearray.fromhex(%s)' % ctx.pick(["'de ad'", "'1'", "'ff00'"]))
    if ctx.ch(0.4):
        blk.t('bytes.maketrans(%s, %s)' % (ctx.v_b(0), ctx.v_b(0)))
    if ctx.ch(0.3):
        blk.t('bytes(%s)' % ctx.pick(['3', '-1', '[1, 2, 300]', "'abc'", "'abc', 'ascii'", 'None',
                                      '[65, 66]', 'range(5)', 'bytearray(b"x")', '2.0', 'iter([1, 2])']))
        blk.t('bytearray(%s)' % ctx.pick(['3', "'é', 'utf-8'", '[1, 2]', "b'x'", "'x'", "10, 'x'"]))
    if ctx.ch(0.3):
        b = ctx.v_bytes(1)
        blk.t('list(%s)' % b)
        blk.t('%s[%s]' % (b, ctx.v_idx(0)))
        blk.t('%s == %s' % (b, ctx.v_bytearray(0)))
    if ctx.ch(0.3) and ctx.on('memoryview'):
        g_memoryview(ctx, blk)


def g_memoryview(ctx, blk):
    v = ctx.uid('mv')
    src = ctx.pick(["b'abcdef'", "bytearray(b'hello')", "bytes(range(8))", "b''"])
    blk.line('%s = None' % v)
    blk.guarded(['%s = memoryview(%s)' % (v, src)])
    for e in ['%s.tobytes()', '%s.tolist()', 'len(%s)', '%s[1:3].tobytes()', '%s.readonly',
              '%s.format, %s.itemsize, %s.ndim, %s.shape'.replace('%s', '{0}'),
              '%s.hex()', 'bytes(%s)', '%s[0]', '%s == %s' % ('{0}', ctx.v_bytes(0)), 'list(%s[::2])',
              '%s.cast("B").tolist()', '%s.nbytes']:
        if ctx.ch(0.6):
            blk.t(e.replace('{0}', v).replace('%s', v))
    if ctx.ch(0.5):
        blk.guarded(['%s[0] = 65' % v, '_p(%s.tobytes())' % v])
    if ctx.ch(0.3):
        blk.guarded(['%s.release()' % v, '_p(%s.tobytes())' % v])


def g_codec(ctx, blk):
    for _ in range(ctx.ri(4, 12)):
        k = ctx.ri(0, 5)
        if k <= 1:
            blk.t('%s.encode(%s, %s)' % (ctx.v_str(0), ctx.pick(ENCODINGS), ctx.pick(ERRORS)))
        elif k <= 3:
            blk.t('%s.decode(%s, %s)' % (ctx.v_b(0), ctx.pick(ENCODINGS), ctx.pick(ERRORS)))
        elif k == 4:
            enc = ctx.pick(ENCODINGS)
            blk.t('%s.encode(%s).decode(%s)' % (ctx.v_str(0), enc, enc))
        elif ctx.ch(0.5):
            blk.t('len(%s.decode(%s))' % (ctx.v_b(0), ctx.pick(ENCODINGS)))
        else:
            blk.guarded([
                'try:',
                '    %s.decode("utf-8")' % ctx.pick(["b'\\xff'", "b'ab\\xc3'", "b'\\xe2\\x82'", "b'\\xed\\xa0\\x80'"]),
                'except UnicodeDecodeError as _u:',
                '    _p(_u.encoding, _u.object, _u.start, _u.end, _u.reason)',
                '    _p(str(_u))',
            ])
    if ctx.ch(0.3):
        blk.guarded([
            'try:',
            "    'a\\u20acb'.encode('ascii')",
            'except UnicodeEncodeError as _u:',
            '    _p(_u.encoding, _u.object, _u.start, _u.end, _u.reason, _u.args)',
        ])
    if ctx.ch(0.2) and ctx.on('surrogate'):
        blk.t("b'a\\xffb'.decode('utf-8', 'surrogateescape')")
        blk.t("b'a\\xffb'.decode('utf-8', 'surrogateescape').encode('utf-8', 'surrogateescape')")
        blk.t("'\\udc80'.encode('utf-8', 'surrogatepass')")
        blk.t("chr(0xd800)")


INT_TYPES = 'bcdoxXn'
FLOAT_TYPES = 'eEfFgGn%'


def format_spec(ctx, kind):
    """A random (often valid) format spec for the given kind of value."""
    spec = ''
    if ctx.ch(0.3):
        if ctx.ch(0.5):
            spec += ctx.pick(['*', '0', '-', ' ', 'x', '{', '日'])
        spec += ctx.pick('<>^=')
    if ctx.ch(0.3):
        spec += ctx.pick('+- ')
    if ctx.ch(0.05):
        spec += 'z'
    if ctx.ch(0.2):
        spec += '#'
    if ctx.ch(0.2):
        spec += '0'
    if ctx.ch(0.5):
        spec += str(ctx.ri(0, 25))
    if ctx.ch(0.2):
        spec += ctx.pick(',_')
    if ctx.ch(0.4):
        spec += '.' + str(ctx.ri(0, 20))
    if ctx.ch(0.7):
        if kind == 'int':
            spec += ctx.pick(INT_TYPES + FLOAT_TYPES if ctx.ch(0.2) else INT_TYPES)
        elif kind == 'float':
            spec += ctx.pick(FLOAT_TYPES)
        elif kind == 'str':
            spec += ctx.pick('s' if ctx.ch(0.9) else 'dxf')
        else:
            spec += ctx.pick(INT_TYPES + FLOAT_TYPES + 's')
    return spec


def g_fmt(ctx, blk):
    for _ in range(ctx.ri(5, 15)):
        k = ctx.ri(0, 9)
        kind = ctx.pick(['int', 'float', 'str', 'complex', 'bool'])
        v = ctx.val(kind, 1)
        spec = format_spec(ctx, kind)
        if k <= 2:
            blk.t('format(%s, %r)' % (v, spec))
        elif k <= 4:
            fv = ctx.uid('fv')
            blk.line('%s = None' % fv)
            blk.guarded(['%s = %s' % (fv, v)])
            blk.t("f'{%s:%s}'" % (fv, spec.replace('{', '').replace('}', '')))
        elif k == 5:
            fv = ctx.uid('fv')
            blk.line('%s = None' % fv)
            blk.guarded(['%s = %s' % (fv, v)])
            conv = ctx.pick(['!r', '!s', '!a', ''])
            blk.t("f'<{%s%s}> {%s=} {%s!r:>{%d}}'" % (fv, conv, fv, fv, ctx.ri(0, 12)))
        elif k == 6:
            blk.t('%r.format(%s)' % (ctx.pick(['{}', '{0}{0}', '{!r}', '{:>10}', '{0[1]}', '{a}',
                                                '{0.real}', '{:%s}' % spec.replace('{', ''), '{}{}', '{{}}',
                                                '{0!s:^9}', '{', '}', '{:{}}']), v))
        else:
            fmt = ctx.pick(['%s', '%r', '%d', '%i', '%x', '%X', '%o', '%e', '%f', '%g', '%5.2f', '%-8s|',
                            '%+d', '%05d', '%c', '%a', '%%', '%.3s', '%(k)s', '%*d', '%#x', '%#o', '% d',
                            '%10.4e', '%u', '%s %s', '%.0f', '%G', '%E'])
            arg = v if ctx.ch(0.6) else ctx.pick(['(%s, %s)' % (v, ctx.v_int(0)), '{"k": %s}' % v, '()',
                                                  '[%s]' % v])
            if ctx.ch(0.3):
                blk.t("b'%s' %% %s" % (fmt, ctx.pick(["b'xy'", '65', '3.5', "'s'", '(1, 2)', v])))
            else:
                blk.t('%r %% %s' % (fmt, arg))
    if ctx.ch(0.3):
        cls = ctx.uid('F')
        blk.guarded([
            'class %s:' % cls,
            '    def __format__(self, spec):',
            '        return "F[" + spec + "]"',
            '    def __repr__(self):',
            '        return "%s()"' % cls,
        ])
        blk.t("f'{%s():>10} {%s()!r:>12}'" % (cls, cls))
        blk.t('format(%s(), %r)' % (cls, format_spec(ctx, 'any')))
        blk.t('format(object(), %r)' % ctx.pick(['', 's', '>5']))
