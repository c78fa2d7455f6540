# gc-stress: 20
# Behaviours found by CPython's test modules (test_int, test_float,
# test_format, test_math, test_operator, test_struct, test_json, test_list,
# test_augassign).
import json
import math
import operator
import struct
import sys

# int() digit limit: only bases that are not powers of two, counting the
# leading run of valid digits.
for s, b in [('2' * 4301, 3), ('2' * 4300, 3), ('2' * 4301 + 'x', 3), ('2' * 4300 + '9', 3),
             ('2_' * 4300 + '2', 3), ('2' * 4301, 0), ('0x' + '2' * 5000, 0), ('2' * 5000, 16),
             (' -' + '2' * 4301, 36), ('1' * 4300 + 'x', 10), ('1' * 4301 + 'x', 10), ('1' * 4301, 8)]:
    try:
        r = int(s, b)
        print('ok', r.bit_length())
    except ValueError as e:
        print(str(e)[:100])
i = int('2' * 4300, 36)
try:
    str(i)
except ValueError as e:
    print(str(e)[:60])

# float() keywords: refused unless a subclass's __init__ takes them.
class Sub(float):
    pass


class WithInit(float):
    def __init__(self, arg, newarg=None):
        self.newarg = newarg


print(type(Sub(2.5)).__name__, float(Sub(2.5)))
try:
    Sub(x=0)
except TypeError as e:
    print(e)
try:
    float(x=1)
except TypeError as e:
    print(e)
u = WithInit(2.5, newarg=3)
print(float(u), u.newarg)

# int.from_bytes uses __bytes__.
class ValidBytes:
    def __bytes__(self):
        return b'\x01\x02'


class InvalidBytes:
    def __bytes__(self):
        return 'abc'


print(int.from_bytes(ValidBytes(), 'big'), int.from_bytes(ValidBytes(), 'little'))
for x in (InvalidBytes(), object(), 'ab', 5):
    try:
        int.from_bytes(x, 'big')
    except TypeError as e:
        print(e)

# repr escapes what is not printable in Unicode 14.0.
for c in ['\u0378', '\u0374', '\U00014000', '\u00a0', '\u200b', '\u0600', '\U0010fffd', '\ue000',
          '\u3000', '\u2028', '\U000e0001', 'é', '\u1f00', '\U0001f600', '\u0890']:
    print(ascii(repr(c)), c.isprintable(), ascii('%r' % c))

# Format spec: the same separator twice reads the second as the type.
for spec in [',,', '__', ',_', '_,', ',,d', '__f', '_,f', ',_s', '_x', ',x', ',b', '_o']:
    for v in (1, 1.5, 1j, 'a'):
        try:
            print(spec, repr(format(v, spec)))
        except ValueError as e:
            print(spec, type(v).__name__, e)

# %-formatting: '*' arguments, '%' as a conversion, zero padding after the prefix.
for f, a in [('%.*d', (2**31, 1)), ('%.*d', (-2**31 - 1, 1)), ('%.*d', (-5, 1)), ('%*d', (-5, 1)),
             ('%*d', (1.0, 1)), ('%.*d', ('a', 1)), ('%.2147483648d', (1,)),
             ('% %s', 1), ('%d %', 1), ('%-%', ()), ('%5%', ()), ('%(a)%', {'a': 1}), ('%%', ()),
             ('%#027x', 255), ('%#-27x', 255), ('%+#010x', 255), ('%0#10o', -8), ('% 010d', 5),
             ('%#010X', 255), ('%#0*x', (10, 255)), ('%010.3f', -1.5), ('%010f', float('inf')),
             ('%#010o', 0), ('%010x', -255), ('%#010.5x', 255), ('%12.*f', (70000, 1.0))]:
    for fmt in (f, f.encode()):
        try:
            r = fmt % a
            print(repr(r) if len(r) < 80 else (len(r), r[:20], r[-5:]))
        except Exception as e:
            print(type(e).__name__, e)


class RaisingNumber:
    def __index__(self):
        raise RuntimeError('index')

    def __int__(self):
        raise RuntimeError('int')


for f in ('%x', '%d', '%o', '%X'):
    try:
        f % RaisingNumber()
    except Exception as e:
        print(f, type(e).__name__, e)

# math.dist / hypot take any object with __float__.
class FloatLike:
    def __init__(self, v):
        self.v = v

    def __float__(self):
        return self.v


print(math.dist((FloatLike(1.0), FloatLike(2.0)), (FloatLike(4.0), FloatLike(6.0))))
print(math.hypot(FloatLike(3.0), FloatLike(4.0)))
for bad in ('a', None):
    try:
        math.hypot(bad)
    except TypeError as e:
        print(e)

# operator: None | None is not a union; `in` reports iter()'s own error.
try:
    operator.or_(None, None)
except TypeError as e:
    print(e)
print(None | int, int | None, hasattr(None, '__or__'))


class BadIterable:
    def __iter__(self):
        raise ZeroDivisionError


for x in (BadIterable(), 3):
    try:
        1 in x
    except Exception as e:
        print(type(e).__name__, e)

# struct: embedded null characters.
for s in ('\0', '2\0i', b'\0', 'é\0'):
    try:
        struct.calcsize(s)
    except Exception as e:
        print(type(e).__name__, e)

# json: a default that shrinks the list being encoded; scanstring's argument order.
a = [object()] * 10


def crasher(obj):
    del a[-1]


print(json.dumps(a, default=crasher))
for mod_scan in (json.decoder.scanstring, json.decoder.py_scanstring):
    try:
        mod_scan(b"xxx", sys.maxsize + 1)
    except Exception as e:
        print(type(e).__name__)
    try:
        mod_scan(b"xxx", 1)
    except Exception as e:
        print(type(e).__name__)

# list ==, with operands mutated by __eq__.
class X:
    def __eq__(self, other):
        list2.clear()
        return NotImplemented


class Y:
    def __eq__(self, other):
        list1.clear()
        return NotImplemented


class Z:
    def __eq__(self, other):
        list3.clear()
        return NotImplemented


list1 = [X()]
list2 = [Y()]
print(list1 == list2)
list3 = [Z()]
list4 = [1]
print(list3 == list4)
list3 = [Z(), 5]
print(list3 < [1, 2], list3)
print(tuple.__itemsize__, bytes.__itemsize__, list.__itemsize__, object.__itemsize__)

# Augmented assignment: __iadd__ = None blocks the fallback to __add__.
class AugBase:
    def __add__(self, o):
        return 1


class AugBlocked(AugBase):
    __iadd__ = None
    __radd__ = None


x = AugBlocked()
try:
    x += 1
except TypeError as e:
    print(e)
try:
    1 + AugBlocked()
except TypeError as e:
    print(e)


class NoAdd:
    __add__ = None


try:
    NoAdd() + 1
except TypeError as e:
    print(e)
