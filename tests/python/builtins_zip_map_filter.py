# zip (strict=), enumerate (start=), map, filter, reversed: results,
# laziness, and CPython's errors for their arguments.
def t(label, f):
    try:
        print(label, '->', repr(f()))
    except BaseException as e:
        print(label, '->', type(e).__name__ + ':', e)

t('zip', lambda: list(zip('ab', [1, 2, 3])))
t('zip none', lambda: list(zip()))
t('zip one', lambda: list(zip([1, 2])))
t('zip strict ok', lambda: list(zip([1, 2], 'ab', strict=True)))
t('zip strict first shorter', lambda: list(zip([1], 'ab', strict=True)))
t('zip strict second shorter', lambda: list(zip([1, 2], 'a', strict=True)))
t('zip strict third shorter', lambda: list(zip([1, 2], 'ab', [0], strict=True)))
t('zip strict third longer', lambda: list(zip([1], 'a', [0, 1], strict=True)))
t('zip strict false', lambda: list(zip([1], 'ab', strict=False)))
t('zip strict truthy value', lambda: list(zip([1], 'ab', strict=[1])))
t('zip bad keyword', lambda: list(zip([1], fill=0)))
t('zip not iterable', lambda: zip([1], 5))
z = zip([1, 2, 3], [4, 5], strict=True)
print('strict zip yields before failing:', next(z), next(z))
t('then fails', lambda: next(z))
def boom():
    yield 1
    raise ValueError('inside')
t('error inside strict zip', lambda: list(zip(boom(), [1, 2], strict=True)))

t('enumerate', lambda: list(enumerate('ab')))
t('enumerate start', lambda: list(enumerate('ab', 5)))
t('enumerate start keyword', lambda: list(enumerate('ab', start=-1)))
t('enumerate keywords', lambda: list(enumerate(iterable='ab', start=1)))
t('enumerate keywords reversed', lambda: list(enumerate(start=1, iterable='ab')))
t('enumerate big start', lambda: list(enumerate('ab', 2**70)))
t('enumerate bool start', lambda: list(enumerate('a', True)))
class Idx:
    def __index__(self):
        return 10
t('enumerate __index__ start', lambda: list(enumerate('a', Idx())))
t('enumerate float start', lambda: list(enumerate('a', 1.0)))
t('enumerate no args', lambda: enumerate())
t('enumerate bad keyword', lambda: enumerate(x=1))
t('enumerate bad second keyword', lambda: enumerate('a', stop=1))
t('enumerate three args', lambda: enumerate('a', 1, 2))
t('enumerate not iterable', lambda: enumerate(5))

t('map', lambda: list(map(str, [1, 2])))
t('map two', lambda: list(map(pow, [2, 3], [3, 2, 1])))
t('map none', lambda: list(map(None, [1])))
t('map no iterable', lambda: map(len))
t('map no args', lambda: map())
t('map keyword', lambda: map(len, [], x=1))
t('map not iterable', lambda: map(len, 5))
calls = []
m = map(lambda x: calls.append(x) or x, [1, 2, 3])
print('map is lazy:', calls, next(m), calls)

t('filter', lambda: list(filter(lambda x: x % 2, range(6))))
t('filter None', lambda: list(filter(None, [0, 1, '', 'a', None, [], [0]])))
t('filter one arg', lambda: filter(None))
t('filter three args', lambda: filter(None, [], []))
t('filter keyword', lambda: filter(None, [], x=1))
t('filter not iterable', lambda: filter(None, 1))

t('reversed list', lambda: list(reversed([1, 2, 3])))
t('reversed tuple str range', lambda: (list(reversed((1, 2))), list(reversed('ab')), list(reversed(range(0, 10, 3)))))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10
t('reversed sequence protocol', lambda: list(reversed(Seq())))
class Rev:
    def __reversed__(self):
        return iter('zyx')
t('__reversed__', lambda: list(reversed(Rev())))
t('reversed set', lambda: reversed({1}))
t('reversed iterator', lambda: reversed(iter([])))
t('reversed int', lambda: reversed(5))
t('reversed no args', lambda: reversed())
t('reversed two args', lambda: reversed([], []))
t('reversed keyword', lambda: reversed(seq=[]))
class NoRev:
    __reversed__ = None
    def __len__(self):
        return 0
    def __getitem__(self, i):
        raise IndexError
t('__reversed__ = None', lambda: reversed(NoRev()))
print('types:', [type(x).__name__ for x in (zip(), enumerate(''), map(len, ''), filter(None, ''), reversed([]), reversed(Seq()))])
