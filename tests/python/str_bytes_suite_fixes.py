# ascii() keeps an ASCII repr (a str subclass stays one), join() lets
# iteration errors through, bytes() asks __bytes__ of a str subclass, the
# str format spec words a space sign.
class StrWithBytes(str):
    def __new__(cls, value):
        self = str.__new__(cls, '\u20ac')
        self.value = value
        return self
    def __bytes__(self):
        return self.value
print(bytes(StrWithBytes(b'abc')), bytearray(StrWithBytes(b'abc')) if False else '')
try: bytes(StrWithBytes(b'abc'), 'utf-8')
except Exception as e: print(type(e).__name__, e)
print(bytes(StrWithBytes(b'abc'), 'utf-8') if False else '')
class R(str): pass
class WithRepr:
    def __init__(self, v): self.v = v
    def __repr__(self): return self.v
print(type(ascii(WithRepr(R('<abc>')))).__name__, ascii(WithRepr(R('\u20ac'))), type(ascii(WithRepr(R('\u20ac')))).__name__)
def gen():
    yield 'a'
    raise ZeroDivisionError('boom')
for sep in (' ', b' '):
    try:
        sep.join(gen())
    except Exception as e:
        print(type(e).__name__, e)
    try:
        sep.join(5)
    except Exception as e:
        print(type(e).__name__, e)
for s in ['{: }', '{:+}', '{:-}', '{:=}', '{:+s}']:
    try: s.format('')
    except Exception as e: print(s, e)


class BytesSubclass(bytes):
    pass


class GivesSub:
    def __bytes__(self):
        return BytesSubclass(b'xy')


class GivesStr:
    def __bytes__(self):
        return 'no'


print(type(bytes(GivesSub())).__name__, bytes(GivesSub()), type(BytesSubclass(GivesSub())).__name__)
try:
    bytes(GivesStr())
except TypeError as e:
    print(e)

# str.format: a '{' in a field name.
for f in ['{a{}b}', '{a{b}', '{0[}', '{a{', '{a.{b}}', '{0[{]}', '{0:{1}}', '{a[x]}', '{0!r:{1}}', '{:{}}', '{0[a{]}']:
    try:
        print(repr(f.format(42, 5, a={'x': 1, '{': 2}, x=3)))
    except Exception as e:
        print(f, type(e).__name__, e)
