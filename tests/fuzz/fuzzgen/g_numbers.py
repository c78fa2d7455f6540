"""int, float, complex and bool: operators across type pairs, big ints,
conversions, methods, hashes, rounding."""

from .core import method_call

BINOPS = ['+', '-', '*', '/', '//', '%', '**', '<<', '>>', '&', '|', '^', '@']
CMPOPS = ['==', '!=', '<', '<=', '>', '>=', 'is', 'is not', 'in', 'not in']

INT_METHODS = [
    'bit_length:', 'bit_count:', 'as_integer_ratio:', 'conjugate:', 'to_bytes:length=smallint?,byteorder=order?,*signed=bool?',
    '__index__:', '__abs__:', '__neg__:', '__invert__:', '__round__:smallint?', '__trunc__:', '__floor__:',
    '__ceil__:', '__pow__:smallint,int?', '__divmod__:int|float', '__rtruediv__:int|float', '__format__:fmtspec',
    '__bool__:', '__float__:', '__eq__:any', '__lt__:any', '__add__:any', '__rsub__:any',
]
FLOAT_METHODS = [
    'as_integer_ratio:', 'conjugate:', 'hex:', 'is_integer:', '__round__:idx?', '__trunc__:',
    '__floor__:', '__ceil__:', '__int__:', '__divmod__:int|float', '__pow__:float|int', '__mod__:float|int',
    '__format__:fmtspec', '__eq__:any', '__rfloordiv__:any', '__getnewargs__:',
]
COMPLEX_METHODS = ['conjugate:', '__abs__:', '__pow__:complex|int|float', '__eq__:any', '__neg__:',
                   '__truediv__:complex|int|float', '__bool__:', '__format__:fmtspec', '__getnewargs__:']


def num(ctx, d=1):
    return ctx.pickw([(5, ctx.v_int), (3, ctx.v_float), (1, ctx.v_complex), (1, ctx.v_bool)])(d)


def safe_pow(ctx, a, b):
    # Keep ** bounded: small exponents only, or a modulus.
    return 'pow(%s, %s)' % (a, ctx.pick(['2', '3', '-1', '0', '0.5', '-2', '7', '1.5', '-0.5', '63', '64']))


def g_num(ctx, blk):
    for _ in range(ctx.ri(6, 16)):
        k = ctx.ri(0, 12)
        a, b = num(ctx), num(ctx)
        if k <= 4:
            op = ctx.pick(BINOPS)
            if op == '**':
                blk.t(safe_pow(ctx, a, b))
            elif op in ('<<', '>>'):
                blk.t('%s %s %s' % (a, op, ctx.pick(['0', '1', '5', '63', '64', '100', '-1', '2.0', 'True'])))
            else:
                blk.t('%s %s %s' % (a, op, b))
        elif k <= 6:
            blk.t('%s %s %s' % (a, ctx.pick(CMPOPS[:6]), b))
        elif k == 7:
            blk.t('divmod(%s, %s)' % (a, b))
        elif k == 8:
            blk.t('pow(%s, %s, %s)' % (ctx.v_int(1), ctx.pick(['2', '-1', '0', '65537', '10**20', '-3', ctx.v_int(0)]),
                                       ctx.pick(['7', '1', '-7', '0', '10**9+7', '2**64', ctx.v_int(0)])))
        elif k == 9:
            blk.t('round(%s%s)' % (num(ctx), ctx.pick(['', ', 0', ', 1', ', 2', ', -1', ', -2', ', 5', ', None',
                                                         ', 20', ', -400'])))
        elif k == 10:
            op = ctx.pick(['-', '+', '~', 'not ', 'abs', 'int', 'float', 'complex', 'bool', 'str'])
            if op in ('abs', 'int', 'float', 'complex', 'bool', 'str'):
                blk.t('%s(%s)' % (op, a))
            else:
                blk.t('%s%s' % (op, a))
        elif k == 11:
            blk.line('_h(lambda: %s)' % a)
        else:
            blk.t('[%s, %s, %s]' % (a, b, ctx.pick(['%s == %s' % (a, b), 'max(%s, %s)' % (a, b),
                                                     'min(%s, %s)' % (a, b), 'sorted([%s, %s])' % (a, b)])))
    if ctx.ch(0.5):
        for _ in range(ctx.ri(1, 5)):
            t = ctx.pick(['int', 'int', 'float', 'complex'])
            specs = {'int': INT_METHODS, 'float': FLOAT_METHODS, 'complex': COMPLEX_METHODS}[t]
            method_call(ctx, blk, ctx.val(t, 1), ctx.pick(specs))
    if ctx.ch(0.3):
        x = ctx.uid('x')
        blk.line('%s = 0' % x)
        blk.guarded(['%s = %s' % (x, ctx.v_int(1))])
        op = ctx.pick(['+=', '-=', '*=', '//=', '%=', '|=', '&=', '^=', '<<=', '>>='])
        blk.guarded(['%s %s %s' % (x, op, ctx.pick(['3', '-2', '1', '0', '2**65'])), '_p(%s)' % x])


def g_bigint(ctx, blk):
    def big():
        n = ctx.ri(20, 300)
        v = ctx.r.getrandbits(int(n * 3.33)) | 1
        return str(v if ctx.ch(0.6) else -v)
    for _ in range(ctx.ri(5, 12)):
        a, b = big(), ctx.pick([big(), ctx.v_int(0), str(ctx.ri(-50, 50))])
        k = ctx.ri(0, 10)
        if k <= 3:
            blk.t('%s %s %s' % (a, ctx.pick(['+', '-', '*', '//', '%', '&', '|', '^', '/', '==', '<']), b))
        elif k == 4:
            blk.t('divmod(%s, %s)' % (a, b))
        elif k == 5:
            blk.t('pow(%s, %s, %s)' % (a, ctx.pick([b, '-1', '3', big()]), ctx.pick([big(), '97', '2**127-1'])))
        elif k == 6:
            blk.t('%s %s %d' % (a, ctx.pick(['<<', '>>']), ctx.ri(0, 500)))
        elif k == 7:
            blk.t('(%s, %s, %s, %s)' % ('hex(%s)' % a, 'oct(%s)' % a, 'bin(%s)[:40]' % a, 'str(%s)[::7]' % a))
        elif k == 8:
            blk.line('_h(lambda: %s)' % a)
            blk.line('_h(lambda: %s * 1.0)' % a if ctx.ch(0.5) else '_h(lambda: (%s, %s))' % (a, b))
        elif k == 9:
            blk.t('(%s == float(%s), float(%s), %s < float("inf"))' % (a, a, a, a))
        else:
            blk.t('int(str(%s)), int(%r, %d)' % (a, format(abs(int(a)), 'x'), 16))
    if ctx.ch(0.5):
        a = big()
        blk.t('(%s).to_bytes(%d, %s, signed=%s)' % (a, ctx.ri(1, 140), ctx.v_order(0), ctx.v_bool(0)))
        blk.t('int.from_bytes(%s, %s, signed=%s)' % (ctx.v_b(0), ctx.v_order(0), ctx.v_bool(0)))
        blk.t('(%s).bit_length(), (%s).bit_count()' % (a, a))
    if ctx.ch(0.3):
        blk.t('10 ** %d' % ctx.ri(100, 4000))
        blk.t('len(str(7 ** %d))' % ctx.ri(100, 5000))
    if ctx.ch(0.2):
        blk.t("int('1' * 5000)")
        blk.t("str(10 ** 4301)[:10]")
        blk.t('sys.get_int_max_str_digits()' if ctx.ch(0.5) else "int('9' * 4301)")


INT_STRINGS = [
    "'0x1f', 16", "'0x1f', 0", "'1_000'", "'1__0'", "' -12 '", "'0b101', 0", "'z', 36", "'Z0', 36",
    "'12', 1", "'12', 37", "'', 10", "'٣٤'", "'+0o17', 8", "'0o17'", "'1.5'", "b'42'", "bytearray(b'7')",
    "'010', 0", "'00', 0", "'-0x_1f', 16", "'1e3'", "'\\u0661\\u0662'", "'12abc'", "' 1 2 '", "3.9",
    "-3.9", "'inf'", "True", "'9' * 30", "'0x', 16", "'_1'", "'1_'", "2**0.5", "'１２３'",
]
FLOAT_STRINGS = [
    "'1.5'", "' 2e3 '", "'-inf'", "'nan'", "'1_0.5'", "'infinity'", "'0x10'", "'1e500'", "'-0'", "'.5'",
    "'5.'", "'1e-400'", "'١٫٥'", "''", "'1__0'", "b'3.25'", "'  -1.25e-3\\n'", "'Infinity'", "'+nan'",
    "'1.7976931348623159e308'", "'0.1e1_0'", "10**400", "'abc'", "True",
]


def g_convert(ctx, blk):
    for _ in range(ctx.ri(5, 12)):
        k = ctx.ri(0, 8)
        if k <= 2:
            blk.t('int(%s)' % ctx.pick(INT_STRINGS))
        elif k <= 4:
            blk.t('float(%s)' % ctx.pick(FLOAT_STRINGS))
        elif k == 5:
            blk.t('complex(%s)' % ctx.pick(["'1+2j'", "'  3j '", "'1 + 2j'", "1, 2", "'inf-infj'", "'j'",
                                            "2j, 1j", "'(1+2j)'", "'abc'", "1, '2'", "float('nan')"]))
        elif k == 6:
            v = ctx.v_float(0)
            blk.t('%s.hex(), float.fromhex(%s.hex()) == %s' % (v, v, v))
            blk.t('float.fromhex(%s)' % ctx.v_hexstr(0))
        elif k == 7:
            v = ctx.v_float(0)
            blk.t('%s.as_integer_ratio()' % v)
            blk.t('(%s).is_integer(), repr(%s), str(%s)' % (v, v, v))
        else:
            blk.t('(bin(%s), oct(%s), hex(%s))' % ((ctx.v_int(0),) * 3))
    if ctx.ch(0.3):
        blk.t('[round(x + 0.5) for x in range(-4, 5)]')
        blk.t('[round(%s, n) for n in range(-2, 5)]' % ctx.v_float(0))


def g_math(ctx, blk):
    blk.line('import math')
    fns = ['sqrt', 'floor', 'ceil', 'fabs', 'exp', 'log', 'sin', 'cos', 'isnan', 'isinf', 'isfinite',
           'trunc', 'log2', 'log10', 'atan', 'tanh', 'isqrt', 'factorial', 'gcd', 'lcm', 'comb', 'perm',
           'copysign', 'fmod', 'hypot', 'ldexp', 'frexp', 'modf', 'pow', 'atan2', 'dist', 'prod', 'fsum',
           'remainder', 'nextafter', 'ulp', 'degrees', 'radians', 'erf', 'gamma', 'lgamma', 'expm1', 'log1p']
    for _ in range(ctx.ri(3, 10)):
        f = ctx.pick(fns)
        if f in ('gcd', 'lcm', 'comb', 'perm', 'copysign', 'fmod', 'ldexp', 'pow', 'atan2', 'remainder',
                 'nextafter', 'hypot'):
            blk.t('math.%s(%s, %s)' % (f, ctx.pick([ctx.v_int(0), ctx.v_float(0)]),
                                       ctx.pick([ctx.v_int(0), ctx.v_float(0), str(ctx.ri(0, 10))])))
        elif f in ('prod', 'fsum'):
            blk.t('math.%s(%s)' % (f, ctx.v_list(1, ctx.pick(['int', 'float']))))
        elif f == 'dist':
            blk.t('math.dist((1, 2), (%s, %s))' % (ctx.v_float(0), ctx.v_int(0)))
        elif f in ('isqrt', 'factorial'):
            blk.t('math.%s(%s)' % (f, ctx.pick([str(ctx.ri(-2, 60)), ctx.v_int(0), '2**200', '5.0'])))
        else:
            blk.t('math.%s(%s)' % (f, ctx.pick([ctx.v_int(0), ctx.v_float(0)])))
    if ctx.ch(0.3):
        blk.t('(math.pi, math.e, math.tau, math.inf, math.nan)')
