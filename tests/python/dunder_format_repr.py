# __format__ (object.__format__'s rules, format(), f-strings, str.format
# with conversions), and __repr__ / __str__ with their fallbacks and errors.

class Plain:
    pass
p = Plain()
print(format(p, '') == str(p), f'{p}' == str(p), '{}'.format(p) == str(p))
for spec in ('d', '>10', 'x', ' '):
    try:
        format(p, spec)
    except TypeError as e:
        print('TypeError:', e)
try:
    f'{p:>5}'
except TypeError as e:
    print('TypeError:', e)
try:
    '{:s}'.format(p)
except TypeError as e:
    print('TypeError:', e)
try:
    object.__format__(p, 5)
except TypeError as e:
    print('TypeError:', e)
try:
    format(p, 5)
except TypeError as e:
    print('TypeError:', e)

class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        if spec == '':
            return '$%d' % self.v
        if spec == 'cents':
            return '%d cents' % (self.v * 100)
        return format(self.v, spec)
    def __str__(self):
        return 'Money(str)'
    def __repr__(self):
        return 'Money(repr)'
m = Money(3)
print(format(m), format(m, 'cents'), format(m, '>6'), f'{m} {m:cents} {m!s} {m!r} {m!a:>15}')
print('{0} {0:cents} {0!r}'.format(m), '%s %r' % (m, m))

class BadFormat:
    def __format__(self, spec):
        return 42
try:
    format(BadFormat())
except TypeError as e:
    print('TypeError:', e)
try:
    f'{BadFormat()}'
except TypeError as e:
    print('TypeError:', e)

# A subclass of a built-in keeps the built-in's __format__.
class MyFloat(float):
    def __str__(self):
        return 'MyFloat!'
print(format(MyFloat(2.5), '.2f'), format(MyFloat(2.5)), f'{MyFloat(1.0)}', str(MyFloat(1)))
class MyInt(int):
    def __repr__(self):
        return 'MyInt!'
print(format(MyInt(255), 'x'), f'{MyInt(3)!r}', '%d' % MyInt(7), str(MyInt(5)), repr(MyInt(5)))

# __str__ falls back to __repr__; __repr__ falls back to object's.
class OnlyRepr:
    def __repr__(self):
        return 'OnlyRepr()'
print(str(OnlyRepr()), repr(OnlyRepr()), '%s' % OnlyRepr(), [OnlyRepr()], f'{OnlyRepr()}')
class OnlyStr:
    def __str__(self):
        return 'OnlyStr str'
o = OnlyStr()
print(str(o), repr(o).startswith('<__main__.OnlyStr object at 0x'), [o][0] is o)
print(repr([o]).startswith('[<__main__.OnlyStr object at'))

# Wrong return types.
class BadRepr:
    def __repr__(self):
        return 5
class BadStr:
    def __str__(self):
        return b'bytes'
for f, v in ((repr, BadRepr()), (str, BadRepr()), (str, BadStr()), (format, BadStr())):
    try:
        f(v)
    except TypeError as e:
        print('TypeError:', e)
class StrSubRepr:
    def __repr__(self):
        class S(str):
            pass
        return S('sub-str repr')
print(repr(StrSubRepr()), type(repr(StrSubRepr())).__name__)

# repr of classes, functions and methods, with modules and qualnames.
class Outer:
    class Inner:
        def m(self):
            pass
print(repr(Outer), repr(Outer.Inner), Outer.Inner.m.__qualname__)
print(repr(Outer.Inner().m).startswith('<bound method Outer.Inner.m of <__main__.Outer.Inner object at'))
Outer.__module__ = 'somewhere'
print(repr(Outer), str(Outer))
Outer.__qualname__ = 'Renamed'
print(repr(Outer))

# Recursive reprs are the containers' business; reprs that raise propagate.
class Raises:
    def __repr__(self):
        raise ValueError('repr failed')
try:
    repr([1, Raises()])
except ValueError as e:
    print('ValueError:', e)
try:
    print(Raises())
except ValueError as e:
    print('ValueError:', e)

# object.__repr__ and object.__str__ called directly.
print(object.__str__(OnlyRepr()), object.__repr__(OnlyRepr()).startswith('<__main__.OnlyRepr object'))
print(type(p).__repr__ is object.__repr__, type(m).__format__ is Money.__format__)
