"""The generator's framework: the random source, blocks of statements, the
prelude every program starts with, pools of literals and typed expressions.

Everything here is deterministic given the `random.Random` it is handed (no
hashing of strs, no set iteration), so a (seed, index, features) triple always
gives the same program.
"""

import ast
import struct

_ATOMS = {}


def atom(s):
    """s, parenthesized unless it already is an atom that can take a
    method call (`(5).bit_length()`, not `5.bit_length()` or `-5 .x`)."""
    r = _ATOMS.get(s)
    if r is None:
        try:
            node = ast.parse(s, mode='eval').body
        except SyntaxError:
            node = None
        keep = isinstance(node, (ast.Call, ast.Name, ast.List, ast.Dict, ast.Set, ast.Attribute, ast.Subscript,
                                 ast.ListComp, ast.DictComp, ast.SetComp)) or (
            isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes)))
        r = s if keep else '(%s)' % s
        if len(_ATOMS) < 100000:
            _ATOMS[s] = r
    return r

# The prelude: helpers every generated program uses. Only builtins and `sys`
# (most of the standard library may not import under the interpreter being
# tested). It must print nothing that depends on addresses or str hashing
# beyond PYTHONHASHSEED=0.
PRELUDE = r'''
import sys

def _clean(s):
    # Replace the hex address in default reprs ("<X object at 0x7f...>").
    if '0x' not in s:
        return s
    out = []
    i = 0
    while True:
        j = s.find(' at 0x', i)
        if j < 0:
            out.append(s[i:])
            break
        out.append(s[i:j])
        out.append(' at 0x?')
        k = j + 6
        while k < len(s) and s[k] in '0123456789abcdef':
            k += 1
        i = k
    s = ''.join(out)
    # bare addresses, e.g. after str.split() of a default repr
    i = s.find('0x')
    while i >= 0:
        k = i + 2
        while k < len(s) and s[k] in '0123456789abcdef':
            k += 1
        if k - i - 2 == 12 and s[i + 2] in '57':
            s = s[:i] + '0x?' + s[k:]
        i = s.find('0x', i + 2)
    return s

def _hstable(x, d=0):
    # True if hash(x) does not depend on an address or on nan identity.
    t = type(x)
    if t is int or t is bool or t is str or t is bytes:
        return True
    if t is float:
        return x == x
    if t is complex:
        return x.real == x.real and x.imag == x.imag
    if (t is tuple or t is frozenset) and d < 20:
        for y in x:
            if not _hstable(y, d + 1):
                return False
        return True
    return False

def _stable(x, d=0):
    # True if repr(x) iterates no set whose order depends on addresses.
    if d > 6:
        return True
    t = type(x)
    if t is set or t is frozenset:
        return _hstable(x)
    if t is list or t is tuple:
        n = 0
        for y in x:
            n += 1
            if n > 200 or not _stable(y, d + 1):
                return n > 200
        return True
    if t is dict:
        n = 0
        for k in x:
            n += 1
            if n > 200:
                return True
            if not _stable(k, d + 1) or not _stable(x[k], d + 1):
                return False
        return True
    return True

def _norm(x, d=0):
    # A repr with every set shown sorted, for values _stable() rejects.
    t = type(x)
    if d > 6:
        return '...'
    if t is set or t is frozenset:
        return t.__name__ + '{' + ', '.join(sorted(_norm(y, d + 1) for y in x)) + '}'
    if t is list:
        return '[' + ', '.join(_norm(y, d + 1) for y in x) + ']'
    if t is tuple:
        return '(' + ', '.join(_norm(y, d + 1) for y in x) + ')'
    if t is dict:
        return '{' + ', '.join(_norm(k, d + 1) + ': ' + _norm(v, d + 1) for k, v in x.items()) + '}'
    return _clean(repr(x))

def _show(x):
    try:
        if _stable(x):
            r = _clean(repr(x))
        else:
            r = _norm(x)
    except BaseException as e:
        r = '<repr failed: ' + type(e).__name__ + ': ' + _estr(e) + '>'
    if len(r) > 3000:
        r = r[:1500] + ' ...[%d chars]... ' % len(r) + r[-500:]
    return r

def _estr(e):
    try:
        s = str(e)
    except BaseException as e2:
        s = '<str failed: ' + type(e2).__name__ + '>'
    s = _clean(s)
    if len(s) > 1000:
        s = s[:500] + ' ...[%d chars]' % len(s)
    for c in s:
        if '\ud800' <= c <= '\udfff':
            # a lone surrogate cannot be printed: escape them all
            s = ''.join(repr(c)[1:-1] if '\ud800' <= c <= '\udfff' else c for c in s)
            break
    return s

def _e(e):
    print('!', type(e).__name__ + ':', _estr(e))

def _t(f, *a, **k):
    try:
        r = f(*a, **k)
    except BaseException as e:
        _e(e)
    else:
        print('=', _show(r))

def _p(*a):
    print(*[_show(x) for x in a])

def _h(f):
    # hash(f()) where it is deterministic, else only that it is consistent.
    try:
        x = f()
        if _hstable(x):
            print('#', hash(x))
        else:
            print('#', type(hash(x)).__name__, hash(x) == hash(x))
    except BaseException as e:
        _e(e)

def _b(label):
    print('@@ ' + label)

def _s(n):
    print('@>', n)

def _step(g, how='next', arg=None):
    # One step of a generator or coroutine driven by hand.
    try:
        if how == 'next':
            r = next(g)
        elif how == 'send':
            r = g.send(arg)
        elif how == 'throw':
            r = g.throw(arg)
        else:
            r = g.close()
    except StopIteration as e:
        print('stop', _show(e.value))
    except BaseException as e:
        _e(e)
    else:
        print('->', _show(r))

class _Aw:
    # An awaitable that suspends once, handing ('aw', v) to the driver.
    def __init__(self, v):
        self.v = v
    def __await__(self):
        r = yield ('aw', self.v)
        return ('resumed', r)

def _run(make, *sends):
    # Drive the awaitable make() returns by hand: send None (or the given
    # values) until it finishes; print what it hands to the driver and how
    # it ends.
    try:
        it = make().__await__()
    except BaseException as e:
        _e(e)
        return
    sends = list(sends)
    v = None
    for n in range(30):
        try:
            y = it.send(v)
        except StopIteration as e:
            print('done', _show(e.value))
            return
        except BaseException as e:
            _e(e)
            return
        print('yield', _show(y))
        v = sends.pop(0) if sends else None
    print('still running')
    _step(it, 'close')
'''.lstrip('\n')


class Block:
    """One block of a program: a label and top-level source lines."""

    def __init__(self, label):
        self.label = label
        self.lines = []

    def line(self, s=''):
        for part in s.split('\n'):
            self.lines.append(part)

    def t(self, expr):
        """Evaluate `expr` and print its repr or its exception."""
        self.lines.append('_t(lambda: (%s))' % expr)

    def p(self, expr):
        self.lines.append('_p(%s)' % expr)

    def guarded(self, body, indent=''):
        """Run statements in try/except printing the exception."""
        self.lines.append(indent + 'try:')
        for s in body:
            for part in s.split('\n'):
                self.lines.append(indent + '    ' + part)
        if not body:
            self.lines.append(indent + '    pass')
        self.lines.append(indent + 'except BaseException as _gx:')
        self.lines.append(indent + '    _e(_gx)')

    def source(self):
        return '_b(%r)\n' % self.label + '\n'.join(self.lines) + '\n'


def indent(lines, n=1):
    pad = '    ' * n
    out = []
    for s in lines:
        for part in s.split('\n'):
            out.append(pad + part if part else part)
    return out


INT_POOL = [
    '0', '1', '-1', '2', '3', '5', '7', '-7', '10', '-3', '16', '100', '255', '256', '-128', '1000',
    '2**31', '2**31-1', '-2**31', '2**32', '2**63-1', '-2**63', '2**64', '2**64+1', '2**53+1',
    '10**20', '-10**20', '123456789012345678901234567890', '2**100', '-(2**127)', '3**80',
    '10**50+7', '0x7fffffff', '0o777', '0b1011', '1_000_000', '-0', '12345', '99', '-99999',
    'True', 'False',
]

FLOAT_POOL = [
    '0.0', '-0.0', '1.0', '-1.5', '0.1', '0.5', '2.5', '3.5', '-2.5', '1e16', '1e-7', '1.5e300',
    '-1e308', '5e-324', '2.2250738585072014e-308', '123456.789', '1/3', '2/3', 'float("inf")',
    'float("-inf")', 'float("nan")', '0.1+0.2', '2.675', '1e22', '9007199254740993.0', '4.35',
    '1e100', '0.000123', '1.7976931348623157e308', '100.0', '-7.25', '3.141592653589793',
    '2.0**0.5', '1e-310', '0.3', '1234567.0', '1e15', '999999999999999.9',
]

COMPLEX_POOL = [
    '0j', '1j', '-1j', '(1+2j)', '(-3.5+0.5j)', 'complex(0, -0.0)', 'complex(1e300, 1e300)',
    '(2+0j)', 'complex(float("inf"), 1)', 'complex(1, float("nan"))', '3j*3j', '(0.1+0.2j)',
]

STR_POOL = [
    "''", "'a'", "'abc'", "'Hello World'", "'  spaced  '", "'a,b,,c'", "'ß'", "'İstanbul'",
    "'ﬁne'", "'日本語テキスト'", "'tab\\there'", "'line\\nbreak\\r\\nend'", "'123'", "'٣٤'",
    "'Ⅻ'", "'\\x00nul'", "'😀 emoji'", "'CamelCaseWord'", "'hello world foo'", "'-42'",
    "'3.14'", "'  \\t\\n'", "'aaa'", "'abcabcabc'", "'ǅungla'", "'ΣΑΣ'", "'x' * 40",
    "'a\\u0301e'", "'\\u2028sep'", "'MiXeD cAsE'", "'__init__'", "'1e5'", "'0x1F'", "'_x9'",
    "'ab\\x85cd'", "'\\xe9t\\xe9'", "'€uro'", "'{}'", "'%s'", "'a.b.c'", "'/path/to/x'",
    "'Ⓐⓑ'", "'½'", "'ㄱ'", "'ǈ'", "'\\x7f\\x80\\x9f'",
]

# Small separators and needles, more likely to occur in the pool strings.
NEEDLE_POOL = [
    "'a'", "'b'", "'ab'", "'c'", "','", "' '", "''", "'abc'", "'l'", "'o'", "'\\n'", "'x'",
    "'World'", "'ß'", "'ss'", "'日本'", "'bc'", "'aa'", "'.'", "'ΣΑ'", "'😀'",
]

BYTES_POOL = [
    "b''", "b'a'", "b'abc'", "b'Hello World'", "b'  spaced  '", "b'a,b,,c'", "b'\\x00\\xff'",
    "b'\\x80abc\\xfe'", "bytes(range(10))", "b'123'", "b'tab\\there'", "b'line\\nbreak\\r\\n'",
    "b'aaa'", "b'CamelCase'", "'héllo'.encode()", "'日本'.encode('utf-8')", "b'\\xc3\\x28'",
    "b'x' * 30", "bytes(5)", "b'hello world foo'", "b'%s %d'", "b'\\xff\\xfe'", "b'deadbeef'",
]

BNEEDLE_POOL = ["b'a'", "b'b'", "b'ab'", "b','", "b' '", "b''", "b'abc'", "b'\\x00'", "b'l'",
                "b'o'", "b'\\n'"]

ENCODINGS = [
    "'utf-8'", "'utf8'", "'UTF-8'", "'ascii'", "'latin-1'", "'latin1'", "'iso-8859-1'",
    "'utf-16'", "'utf-16-le'", "'utf-16-be'", "'utf-32'", "'utf-32-le'", "'utf-32-be'",
    "'unicode_escape'", "'raw_unicode_escape'", "'utf-8-sig'", "'cp1252'", "'U8'", "'us-ascii'",
    "'bogus-codec'",
]
ERRORS = [
    "'strict'", "'ignore'", "'replace'", "'backslashreplace'", "'xmlcharrefreplace'",
    "'surrogateescape'", "'surrogatepass'", "'namereplace'", "'bogus'",
]


class Ctx:
    """The random source and the feature switches of one program."""

    def __init__(self, rng, features):
        self.r = rng
        self.features = features
        self.n = 0

    # -- random helpers -------------------------------------------------
    def on(self, feature):
        return feature in self.features

    def uid(self, prefix='v'):
        self.n += 1
        return '%s%d' % (prefix, self.n)

    def ri(self, a, b):
        return self.r.randint(a, b)

    def ch(self, p):
        return self.r.random() < p

    def pick(self, seq):
        return seq[self.r.randrange(len(seq))]

    def pickw(self, pairs):
        """pairs: [(weight, item)]."""
        total = sum(w for w, _ in pairs)
        x = self.r.random() * total
        for w, item in pairs:
            x -= w
            if x < 0:
                return item
        return pairs[-1][1]

    def sample(self, seq, k):
        k = max(0, min(k, len(seq)))
        return self.r.sample(list(seq), k)

    # -- literals -------------------------------------------------------
    def int_lit(self):
        return atom(self._int_lit())

    def _int_lit(self):
        k = self.r.random()
        if k < 0.45:
            return self.pick(INT_POOL)
        if k < 0.75:
            return str(self.ri(-300, 300))
        if k < 0.9 or not self.on('bignum'):
            return str(self.ri(-10**12, 10**12))
        digits = self.ri(19, 120)
        v = self.r.getrandbits(int(digits * 3.33))
        return str(v if self.ch(0.6) else -v)

    def small_int(self, lo=-3, hi=12):
        return str(self.ri(lo, hi))

    def float_lit(self):
        return atom(self._float_lit())

    def _float_lit(self):
        k = self.r.random()
        if k < 0.5:
            return self.pick(FLOAT_POOL)
        if k < 0.7:
            return repr(round(self.r.uniform(-1000, 1000), self.ri(0, 6)))
        if k < 0.85:
            return repr(self.r.uniform(-1e6, 1e6))
        while True:
            f = struct.unpack('<d', struct.pack('<Q', self.r.getrandbits(64)))[0]
            if f == f and f not in (float('inf'), float('-inf')):
                return repr(f)

    def complex_lit(self):
        return atom(self._complex_lit())

    def _complex_lit(self):
        if self.ch(0.6):
            return self.pick(COMPLEX_POOL)
        return 'complex(%s, %s)' % (self.float_lit(), self.float_lit())

    def rand_text(self, n=None):
        alphabets = [
            'abcdefghijklmnopqrstuvwxyz', 'ABCDEFXYZ', '0123456789', ' \t\n', ',.;:-_/',
            'éüßøÅÇ', 'αβγΣσς', 'Ⅻ½²³٣', '日本語中文', '😀🐍', '\x00\x7f\x85\xa0',
        ]
        if n is None:
            n = self.ri(0, 12)
        picked = [self.pick(alphabets) for _ in range(self.ri(1, 3))]
        s = ''.join(self.pick(self.pick(picked)) for _ in range(n))
        return s

    def str_lit(self):
        return atom(self._str_lit())

    def _str_lit(self):
        k = self.r.random()
        if k < 0.6:
            return self.pick(STR_POOL)
        if k < 0.97 or not self.on('surrogate'):
            return repr(self.rand_text())
        return self.pick(["'\\ud800'", "'a\\udcff'", "chr(0xdfff)", "'\\udc80x'"])

    def needle(self):
        return self.pick(NEEDLE_POOL) if self.ch(0.7) else self.str_lit()

    def char_lit(self):
        return repr(self.pick('*-_ .0xé日😀'))

    def bytes_lit(self):
        return atom(self._bytes_lit())

    def _bytes_lit(self):
        if self.ch(0.7):
            return self.pick(BYTES_POOL)
        n = self.ri(0, 12)
        return repr(bytes(self.r.getrandbits(8) if self.ch(0.3) else self.r.randint(32, 126)
                          for _ in range(n)))

    def bneedle(self):
        return self.pick(BNEEDLE_POOL) if self.ch(0.7) else self.bytes_lit()

    def bytes_like(self):
        b = self.bytes_lit()
        k = self.r.random()
        if k < 0.7:
            return b
        if k < 0.88 or not self.on('memoryview'):
            return 'bytearray(%s)' % b
        return 'memoryview(%s)' % b

    # -- typed expressions ----------------------------------------------
    def val(self, t, d=1):
        f = getattr(self, 'v_' + t)
        return f(d)

    def v_int(self, d):
        if d <= 0 or self.ch(0.6):
            return self.int_lit()
        k = self.ri(0, 11)
        if k == 0:
            return 'len(%s)' % self.v_str(d - 1)
        if k == 1:
            return '(%s %s %s)' % (self.v_int(d - 1), self.pick(['+', '-', '*', '//', '%', '&', '|', '^']),
                                   self.v_int(d - 1))
        if k == 2:
            return 'abs(%s)' % self.v_int(d - 1)
        if k == 3:
            return '(-%s)' % self.v_int(d - 1)
        if k == 4:
            return 'int(%s)' % self.v_float(d - 1)
        if k == 5:
            return '(%s ** %d)' % (self.v_int(d - 1), self.ri(0, 9))
        if k == 6:
            return '(%s << %d)' % (self.v_int(d - 1), self.ri(0, 70))
        if k == 7:
            return '(%s >> %d)' % (self.v_int(d - 1), self.ri(0, 70))
        if k == 8:
            return 'round(%s)' % self.v_float(d - 1)
        if k == 9:
            return 'sum(%s)' % self.v_list(d - 1, 'int')
        if k == 10:
            return 'int(%r)' % str(self.ri(-10**6, 10**6))
        return '(~%s)' % self.v_int(d - 1)

    def v_idx(self, d):
        k = self.r.random()
        if k < 0.75:
            return str(self.ri(-6, 12))
        if k < 0.85:
            return 'None'
        if k < 0.95:
            return self.pick(['2**63', '-2**63', '2**100', '-10**30', 'True'])
        return self.v_int(d)

    def v_smallint(self, d):
        return str(self.ri(-2, 20))

    def v_width(self, d):
        return str(self.ri(-5, 40))

    def v_bool(self, d):
        if d <= 0 or self.ch(0.7):
            return self.pick(['True', 'False'])
        return self.pick(['(%s == %s)', '(%s < %s)', '(%s != %s)']) % (self.v_int(d - 1), self.v_int(d - 1))

    def v_float(self, d):
        if d <= 0 or self.ch(0.6):
            return self.float_lit()
        k = self.ri(0, 6)
        if k == 0:
            return '(%s %s %s)' % (self.v_float(d - 1), self.pick(['+', '-', '*', '/', '//', '%']),
                                   self.v_float(d - 1))
        if k == 1:
            return 'float(%s)' % self.v_int(d - 1)
        if k == 2:
            return '(%s / %s)' % (self.v_int(d - 1), self.v_int(d - 1))
        if k == 3:
            return 'abs(%s)' % self.v_float(d - 1)
        if k == 4:
            return '(%s ** %s)' % (self.v_float(d - 1), self.pick(['2', '0.5', '-1', '3', '0']))
        if k == 5:
            return 'float(%r)' % self.pick(['1.5', ' 2e3 ', '-inf', 'nan', '1_0.5', 'infinity', '0x10'])
        return '(-%s)' % self.v_float(d - 1)

    def v_complex(self, d):
        if d <= 0 or self.ch(0.6):
            return self.complex_lit()
        return '(%s %s %s)' % (self.v_complex(d - 1), self.pick(['+', '-', '*', '/']),
                               self.pick([self.v_complex(d - 1), self.v_int(d - 1), self.v_float(d - 1)]))

    def v_str(self, d):
        if d <= 0 or self.ch(0.6):
            return self.str_lit()
        k = self.ri(0, 9)
        if k == 0:
            return '(%s + %s)' % (self.v_str(d - 1), self.v_str(d - 1))
        if k == 1:
            return '(%s * %d)' % (self.v_str(d - 1), self.ri(-1, 4))
        if k == 2:
            return '%s[%s:%s]' % (self.v_str(d - 1), self.v_idx(0), self.v_idx(0))
        if k == 3:
            return 'str(%s)' % self.v_any(d - 1)
        if k == 4:
            return 'repr(%s)' % self.v_any(d - 1)
        if k == 5:
            return '%s.%s()' % (self.v_str(d - 1), self.pick(['upper', 'lower', 'strip', 'title',
                                                              'swapcase', 'casefold', 'capitalize']))
        if k == 6:
            return '%s.join(%s)' % (self.needle(), self.v_list(d - 1, 'str'))
        if k == 7:
            return 'chr(%d)' % self.pick([65, 0x3b1, 0x1f600, 0xe9, 0x10ffff, 32, 0x300])
        if k == 8:
            return "f'{%s}'" % self.v_int(d - 1).replace("'", '"')
        return '%s.replace(%s, %s)' % (self.v_str(d - 1), self.needle(), self.needle())

    def v_fmtspec(self, d):
        # a format spec with a bounded width (a width taken from a random str
        # could ask for gigabytes)
        from .g_text import format_spec
        if self.ch(0.1):
            return self.pick(["''", "'ß'", "'٣٤'", "'__init__'", "'{}'", "'%s'", "'-'", "' '"])
        return repr(format_spec(self, self.pick(['int', 'float', 'str', 'any'])))

    def v_char(self, d):
        return self.char_lit()

    def v_needle(self, d):
        return self.needle()

    def v_bytes(self, d):
        if d <= 0 or self.ch(0.6):
            return self.bytes_lit()
        k = self.ri(0, 4)
        if k == 0:
            return '(%s + %s)' % (self.v_bytes(d - 1), self.v_bytes(d - 1))
        if k == 1:
            return '(%s * %d)' % (self.v_bytes(d - 1), self.ri(-1, 4))
        if k == 2:
            return '%s[%s:%s]' % (self.v_bytes(d - 1), self.v_idx(0), self.v_idx(0))
        if k == 3:
            return 'bytes(%s)' % self.v_list(0, 'byteint')
        return '%s.encode(%s)' % (self.v_str(d - 1), self.pick(["'utf-8'", "'utf-16-le'", "'latin-1'", '']))

    def v_bytearray(self, d):
        return 'bytearray(%s)' % self.v_bytes(d)

    def v_b(self, d):
        return self.bytes_like()

    def v_bneedle(self, d):
        if self.ch(0.15):
            return str(self.ri(0, 255)) if self.ch(0.8) else self.pick(['256', '-1'])
        return self.bneedle()

    def v_bchar(self, d):
        return self.pick(["b'*'", "b' '", "b'-'", "b'\\x00'", "bytearray(b'#')"])

    def v_byteint(self, d):
        if self.ch(0.9):
            return str(self.ri(0, 255))
        return self.pick(['256', '-1', '2**70'])

    def v_none(self, d):
        return 'None'

    def v_enc(self, d):
        return self.pick(ENCODINGS)

    def v_errh(self, d):
        return self.pick(ERRORS)

    def v_order(self, d):
        return self.pick(["'big'", "'little'", "'big'", "'little'", "'middle'"])

    def elem(self, t, d):
        if t == 'any':
            return self.v_any(d)
        return self.val(t, d)

    def v_list(self, d, t=None):
        if t is None:
            t = self.pick(['int', 'str', 'any', 'float', 'int'])
        n = self.ri(0, 6)
        return '[' + ', '.join(self.elem(t, d - 1) for _ in range(n)) + ']'

    def v_tuple(self, d, t=None):
        if t is None:
            t = self.pick(['int', 'str', 'any', 'float'])
        n = self.ri(0, 5)
        items = [self.elem(t, d - 1) for _ in range(n)]
        if n == 1:
            return '(%s,)' % items[0]
        return '(' + ', '.join(items) + ')'

    def hashable(self, d):
        # Only values whose hash is the same in every run (not None, not
        # nan: their hashes depend on addresses in CPython 3.11), so that set
        # iteration order is deterministic.
        return self.pick([self.v_int, self.v_str, self.v_stable_float, self.v_bytes, self.v_smallint,
                          self.v_frozenset_small, lambda d: self.v_tuple(d, 'int'),
                          self.v_bool])(max(d, 0))

    def v_stable_float(self, d):
        f = self.float_lit()
        return f if 'nan' not in f else '0.25'

    def v_hashable(self, d):
        return self.hashable(d)

    def v_frozenset_small(self, d):
        return 'frozenset(%s)' % self.v_list(0, 'smallint')

    def v_dict(self, d):
        n = self.ri(0, 5)
        kt = self.pick(['str', 'int', 'hashable', 'smallint'])
        return '{' + ', '.join('%s: %s' % (self.elem(kt, d - 1), self.v_any(d - 1)) for _ in range(n)) + '}'

    def v_set(self, d):
        n = self.ri(0, 6)
        kt = self.pick(['str', 'int', 'smallint', 'hashable'])
        if n == 0:
            return 'set()'
        return '{' + ', '.join(self.elem(kt, d - 1) for _ in range(n)) + '}'

    def v_frozenset(self, d):
        return 'frozenset(%s)' % self.v_set(d)

    def v_range(self, d):
        # small: ranges are iterated; huge ones come from v_bigrange
        k = self.ri(0, 2)
        if k == 0:
            return 'range(%d)' % self.ri(-2, 12)
        if k == 1:
            return 'range(%d, %d)' % (self.ri(-5, 10), self.ri(-5, 20))
        if k == 2:
            return 'range(%d, %d, %d)' % (self.ri(-20, 20), self.ri(-20, 20),
                                          self.pick([1, 2, 3, -1, -2, -5, 7]))
        return 'range(%d, %d, %d)' % (self.ri(-20, 20), self.ri(-20, 20), self.pick([1, 2, 3, -1, -2, -5, 7]))

    def v_bigrange(self, d):
        if self.ch(0.5):
            return self.v_range(d)
        return 'range(%s, %s, %s)' % (self.pick(['0', '-2**64', '2**70']), self.pick(['2**80', '10', '-10**30']),
                                      self.pick(['1', '3', '2**65', '-7']))

    def v_slice(self, d):
        return 'slice(%s, %s, %s)' % (self.v_idx(0), self.v_idx(0),
                                      self.pick(['None', '1', '2', '-1', '-2', '3', '0']))

    def v_iterable(self, d):
        return self.pick([self.v_list, self.v_tuple, self.v_str, self.v_range, self.v_set,
                          self.v_dict, lambda d: 'iter(%s)' % self.v_list(d),
                          lambda d: '(x for x in %s)' % self.v_list(d)])(d)

    def v_strlist(self, d):
        if self.ch(0.85):
            return self.pick([self.v_list, self.v_tuple])(d, 'str')
        return self.v_list(d)

    def v_blist(self, d):
        if self.ch(0.85):
            return '[' + ', '.join(self.bytes_like() for _ in range(self.ri(0, 4))) + ']'
        return self.v_list(d)

    def v_strtuple(self, d):
        return self.v_tuple(d, 'needle')

    def v_keyfn(self, d):
        return self.pick(['None', 'str', 'repr', 'len', 'abs', 'lambda x: -x', 'lambda x: str(x)[::-1]',
                          'lambda x: (type(x).__name__, str(x))', 'str.lower', 'lambda x: 0'])

    def v_pred(self, d):
        return self.pick(['None', 'bool', 'str.isalpha', 'lambda x: x', 'lambda x: not x', 'callable',
                          'lambda x: isinstance(x, int)', 'lambda x: str(x) > "5"'])

    def v_pairs(self, d):
        if self.ch(0.8):
            return '[' + ', '.join('(%s, %s)' % (self.hashable(0), self.v_any(0))
                                   for _ in range(self.ri(0, 4))) + ']'
        return self.pick(["[(1, 2, 3)]", "['ab', 'cd']", "[1]", "['abc']", "[[1, 2]]"])

    def v_hexstr(self, d):
        return self.pick(["'0x1.8p1'", "'-0x1p-1074'", "'inf'", "'0x1.fffffffffffffp+1023'", "'0x.8'",
                          "' 0x10 '", "'0x1p2000'", "'zz'", "'1.5'", "'-0X1.4P+3'", "'nan'"])

    def v_table(self, d):
        return self.pick(["{97: 'A', 98: None, 99: 'xyz'}", "str.maketrans('abc', 'xyz')",
                          "str.maketrans({'a': '1', 'l': None})", "str.maketrans('ab', 'cd', 'e')",
                          "{ord('o'): 0x1f600}", "[]", "{}", "'abc'", "{97: 1.5}", "None"])

    def v_bytes256(self, d):
        return self.pick(["bytes.maketrans(b'abc', b'xyz')", "None", "bytes(range(256))[::-1]",
                          "b'short'", "bytearray(range(256))"])

    def v_intlist(self, d):
        return self.v_list(0, 'byteint')

    def v_callable(self, d):
        return self.pick(['len', 'str', 'int', 'repr', 'abs', 'list', 'lambda *a: a', 'print', 'max',
                          'type', 'bool', 'tuple', 'sorted', 'object', 'lambda: 1'])

    def v_any(self, d=1):
        kinds = [(6, self.v_int), (3, self.v_float), (1, self.v_complex), (5, self.v_str), (3, self.v_bytes),
                 (1, self.v_bytearray), (3, self.v_list), (2, self.v_tuple), (2, self.v_dict),
                 (2, self.v_set), (1, self.v_frozenset), (1, self.v_range), (1, self.v_slice),
                 (1, self.v_none), (2, self.v_bool),
                 (1, lambda d: self.pick(['Ellipsis', 'NotImplemented', 'int', 'str', 'object()', 'type',
                                          'len', 'ValueError("x")', 'KeyError', 'sys', 'print',
                                          '(lambda: 0)', 'iter([1, 2])', 'range(3).__iter__()',
                                          '{1: 2}.keys()', '{"a": 1}.items()', 'reversed([1, 2])',
                                          'property()', 'super', 'b"ab".hex', 'slice(None)']))]
        if d <= 0:
            kinds = [k for k in kinds if k[1] not in (self.v_list, self.v_tuple, self.v_dict, self.v_set,
                                                      self.v_frozenset)]
        return self.pickw(kinds)(max(d, 0))


def parse_spec(spec):
    """'name:a,b?,kw=c?,*k=d?' -> (name, [(kwname, kinds, optional, kwonly, star)])."""
    name, _, rest = spec.partition(':')
    args = []
    for a in rest.split(','):
        a = a.strip()
        if not a:
            continue
        star = a.endswith('*')
        a = a.rstrip('*')
        opt = a.endswith('?')
        a = a.rstrip('?')
        kwonly = a.startswith('*')
        a = a.lstrip('*')
        kw = None
        if '=' in a:
            kw, a = a.split('=', 1)
        args.append((kw, a.split('|'), opt, kwonly, star))
    return name, args


def gen_args(ctx, args, bad_prob=0.12):
    """Argument source list for a parsed spec; sometimes deliberately wrong
    (a wrong type, one argument too many or too few, an unknown keyword, a
    positional argument passed by keyword)."""
    out = []  # (keyword or None, source)
    kw_mode = False
    for kw, kinds, opt, kwonly, star in args:
        if star:
            for _ in range(ctx.ri(0, 3)):
                out.append((None, ctx.val(ctx.pick(kinds), 1)))
            continue
        if opt and ctx.ch(0.45):
            if kw is None:
                break  # positional optionals stop at the first omitted one
            kw_mode = True
            continue
        v = ctx.val(ctx.pick(kinds), 1)
        if kwonly or (kw and (kw_mode or ctx.ch(0.3))):
            out.append((kw or 'x', v))
            kw_mode = True
        else:
            out.append((None, v))
    if ctx.ch(bad_prob):
        k = ctx.ri(0, 4)
        npos = sum(1 for kw, _ in out if kw is None)
        if k == 0 and out:
            i = ctx.ri(0, len(out) - 1)
            out[i] = (out[i][0], ctx.v_any(1))
        elif k == 1:
            out.insert(npos, (None, ctx.v_any(1)))
        elif k == 2 and out:
            out.pop(ctx.ri(0, len(out) - 1))
        elif k == 3:
            out.append(('bogus', ctx.v_int(0)))
        elif npos:
            name = args[0][0] or ctx.pick(['x', 'self', 'sep', 'value', 'object'])
            out[0] = (name, out[0][1])
            # keywords must follow positionals: move it to the end
            out.append(out.pop(0))
    return ['%s=%s' % (kw, v) if kw else v for kw, v in out]


def method_call(ctx, blk, recv, spec, mutating=False, bad_prob=0.12):
    """Emit one call of a method given by its spec on the receiver source."""
    name, args = parse_spec(spec)
    a = gen_args(ctx, args, bad_prob)
    style = ctx.ri(0, 9)
    recv = atom(recv)
    if mutating:
        var = ctx.uid('m')
        blk.line('%s = None' % var)
        blk.guarded(['%s = %s' % (var, recv)])
        blk.t('%s.%s(%s)' % (var, name, ', '.join(a)))
        blk.p(var)
    elif style < 7:
        blk.t('%s.%s(%s)' % (recv, name, ', '.join(a)))
    elif style < 9:
        blk.t('type(%s).%s(%s)' % (recv, name, ', '.join([recv] + a)))
    else:
        blk.t('getattr(%s, %r)(%s)' % (recv, name, ', '.join(a)))

