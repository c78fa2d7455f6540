# abs, divmod, bin/oct/hex, chr/ord, ascii/repr, hash, format, callable,
# id: results, __dunder__ fallbacks, and CPython's messages.
def t(label, f):
    try:
        print(label, '->', repr(f()))
    except BaseException as e:
        print(label, '->', type(e).__name__ + ':', e)

t('abs', lambda: (abs(-5), abs(-2.5), abs(-0.0), abs(True), abs(-2**70), abs(3 + 4j)))
class A:
    def __abs__(self):
        return 'A.__abs__'
t('__abs__', lambda: abs(A()))
t('abs str', lambda: abs('x'))
t('abs no args', lambda: abs())
t('abs two args', lambda: abs(1, 2))
t('abs keyword', lambda: abs(x=1))
t('divmod', lambda: (divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7.5, 2), divmod(2**70, 7)))
t('divmod zero', lambda: divmod(1, 0))
t('divmod float zero', lambda: divmod(1, 0.0))
t('divmod str', lambda: divmod(1, 'a'))
t('divmod one arg', lambda: divmod(1))
class D:
    def __divmod__(self, o):
        return ('D.__divmod__', o)
    def __rdivmod__(self, o):
        return ('D.__rdivmod__', o)
t('__divmod__', lambda: (divmod(D(), 1), divmod(1, D())))
t('bin oct hex', lambda: (bin(10), oct(64), hex(255), bin(-5), oct(-8), hex(-255)))
t('big', lambda: (bin(2**64), hex(2**100), oct(-(2**70))))
t('bool and zero', lambda: (bin(0), hex(True), oct(False)))
class Idx:
    def __index__(self):
        return 12
t('__index__', lambda: (bin(Idx()), hex(Idx()), oct(Idx())))
t('hex float', lambda: hex(1.5))
t('bin str', lambda: bin('1'))
t('chr', lambda: (chr(65), chr(0x263A), chr(0x10FFFF), chr(0)))
t('chr range', lambda: chr(0x110000))
t('chr negative', lambda: chr(-1))
t('chr huge', lambda: chr(2**40))
t('chr float', lambda: chr(65.0))
t('chr index', lambda: chr(Idx()))
t('ord', lambda: (ord('A'), ord('☺'), ord(b'a'), ord(bytearray(b'z'))))
t('ord long', lambda: ord('ab'))
t('ord empty', lambda: ord(''))
t('ord bytes long', lambda: ord(b'ab'))
t('ord int', lambda: ord(5))
t('ascii', lambda: (ascii('é\n'), ascii('\u20ac'), ascii('\U0001F600'), ascii([1, 'ü']), ascii(b'\xff')))
t('repr', lambda: (repr('a'), repr(1.5), repr([None]), repr(repr)))
class BadRepr:
    def __repr__(self):
        return 5
t('repr non-str', lambda: repr(BadRepr()))
t('hash', lambda: (hash(1), hash(-1), hash(2**61 - 1), hash(2**61), hash(1.0), hash(0.5), hash((1, 2)) == hash((1, 2))))
t('hash inf', lambda: (hash(float('inf')), hash(float('-inf'))))
t('hash list', lambda: hash([]))
t('hash dict', lambda: hash({}))
class H:
    def __hash__(self):
        return 2**70
t('hash big __hash__', lambda: hash(H()))
class HB:
    def __hash__(self):
        return 'x'
t('hash str __hash__', lambda: hash(HB()))
class NoHash:
    def __eq__(self, o):
        return True
t('__eq__ without __hash__', lambda: hash(NoHash()))
t('format', lambda: (format(3.14159, '.2f'), format(42), format(42, '>5'), format('s', '^5'), format(1234567, ',')))
t('format None spec', lambda: format(None))
t('format object spec', lambda: format(object(), 'x'))
t('format spec int', lambda: format(42, 5))
t('format three args', lambda: format(1, 'd', 3))
class F:
    def __format__(self, spec):
        return f'F({spec})'
t('__format__', lambda: (format(F()), format(F(), 'abc'), f'{F():xyz}'))
class BadF:
    def __format__(self, spec):
        return 1
t('__format__ non-str', lambda: format(BadF()))
t('callable', lambda: (callable(len), callable(int), callable(1), callable(lambda: 0), callable(F().__format__)))
class Call:
    def __call__(self):
        pass
t('callable class', lambda: (callable(Call), callable(Call())))
t('callable no args', lambda: callable())
t('id stable', lambda: id(t) == id(t))
t('id distinct', lambda: id([]) != id(t))
t('id no args', lambda: id())
