# min(), max() and sum(): key, default, one iterable or several
# arguments, the comparison each makes (and in what order), sum's start,
# its int and float fast paths, and the errors.
def t(label, f):
    try:
        print(label, '->', repr(f()))
    except BaseException as e:
        print(label, '->', type(e).__name__ + ':', e)

t('max list', lambda: max([3, 1, 4, 1, 5]))
t('min args', lambda: min(3, 1, 4))
t('max key', lambda: max(['aa', 'b', 'cccc'], key=len))
t('min key ties keep first', lambda: min([(1, 'a'), (1, 'b'), (2, 'c')], key=lambda p: p[0]))
t('max ties keep first', lambda: max([(2, 'a'), (1, 'b'), (2, 'c')], key=lambda p: p[0]))
t('max key None', lambda: max([1, 3, 2], key=None))
t('max default empty', lambda: max([], default='empty'))
t('min default unused', lambda: min([2, 1], default=0))
t('max empty', lambda: max([]))
t('min empty generator', lambda: min(x for x in []))
t('max one int', lambda: max(1))
t('max no args', lambda: max())
t('max only keywords', lambda: max(key=len))
t('max bad keyword', lambda: max([1], x=1))
t('min default with args', lambda: min(1, 2, default=0))
t('max mixed types', lambda: max([1, 'a']))
t('max string', lambda: max('hello'))
t('min dict keys', lambda: min({'b': 1, 'a': 2}))
t('max two lists', lambda: max([1, 2], [1, 3]))

class V:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print('   ', self.v, '<', other.v)
        return self.v < other.v
    def __gt__(self, other):
        print('   ', self.v, '>', other.v)
        return self.v > other.v
print('max compares new > best:')
print('  result', max(V(1), V(3), V(2)).v)
print('min compares new < best:')
print('  result', min(V(2), V(1), V(3)).v)
def key(x):
    print('    key', x)
    return -x
print('key called once per item, in order:', max(iter([1, 5, 3]), key=key))
def gen():
    yield 1
    yield 2
    raise RuntimeError('iteration failed')
t('error while iterating', lambda: max(gen()))

t('sum', lambda: sum([1, 2, 3]))
t('sum start', lambda: sum([1, 2], 10))
t('sum start keyword', lambda: sum([1, 2], start=10))
t('sum lists', lambda: sum([[1], [2, 3]], []))
t('sum tuples', lambda: sum([(1,), (2,)], ()))
t('sum floats', lambda: sum([0.1] * 10))
t('sum mixed', lambda: sum([1, 2.5, True]))
t('sum big', lambda: sum([2**62, 2**62, 2**62]))
t('sum past the word size', lambda: sum([2**63 - 1, 1, -1]))
t('sum negative', lambda: sum([-2**63, -1]))
t('sum float start', lambda: sum([1, 2], 0.5))
t('sum inf', lambda: sum([float('inf'), 1, 2**70]))
t('sum nan', lambda: sum([float('nan'), 1.0]))
t('sum -0.0', lambda: sum([-0.0]))
t('sum -0.0 float start', lambda: sum([-0.0], -0.0))
t('sum complex', lambda: sum([1j, 2, 0.5]))
t('sum bools', lambda: sum([True, True, False]))
t('sum generator', lambda: sum(x * x for x in range(5)))
class MyInt(int):
    def __add__(self, other):
        return 'MyInt.__add__'
    __radd__ = __add__
t('int subclass in the int path', lambda: sum([MyInt(5)]))
t('int subclass in the float path', lambda: sum([1.5, MyInt(5)]))
t('sum strings', lambda: sum(['a', 'b'], ''))
t('sum str start', lambda: sum([], 'x'))
t('sum bytes', lambda: sum([b'a'], b''))
t('sum bytearray', lambda: sum([], bytearray()))
t('sum str items', lambda: sum(['a', 'b']))
t('sum not iterable', lambda: sum(5))
t('sum no args', lambda: sum())
t('sum only start', lambda: sum(start=1))
t('sum three args', lambda: sum([], 1, 2))
t('sum iterable keyword', lambda: sum(iterable=[1]))
t('sum None', lambda: sum([None]))
