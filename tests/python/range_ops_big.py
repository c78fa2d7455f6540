# range: attributes, len, indexing and slicing (also with big ints and
# huge steps), index/count (ints, bools, int subclasses, other objects),
# containment, equality and hash, reversed, iterator types and length
# hints, constructor errors, len overflow.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))

r = range(0, 20, 3)
show('attrs', lambda: (r.start, r.stop, r.step, len(r), r[2], r[-1], r[1:4], r[::-1], r[::2], r[10:], r[-100:100]))
for key in [7, -8, 'a', 1.5, None, 2**100, True]:
    show(f'r[{key!r}]', lambda: r[key])
show('range(10)[::0]', lambda: range(10)[::0])
show('index/count', lambda: (r.index(9), r.count(9), r.count(10), 9 in r, 10 in r, 9.0 in r, r.count(9.0), True in range(2)))
show('r.index(10)', lambda: r.index(10))
show("r.index('a')", lambda: r.index('a'))
show('r.index(9.0)', lambda: r.index(9.0))
show('range(10).index()', lambda: range(10).index())
show('range(10).count(1, 2)', lambda: range(10).count(1, 2))
class Sub(int):
    pass
class Eq:
    def __eq__(self, o): return o == 5
show('subclass index', lambda: (range(10).index(Sub(3)), range(10).count(Sub(3)), Sub(3) in range(10)))
show('Eq', lambda: (range(10).count(Eq()), Eq() in range(10), range(10).index(Eq())))
for args in [(0,), (5,), (1, 5), (1, 5, 1), (5, 1, -1), (1, 5, 0), (), (1, 2, 3, 4), (1.5,), ('a',), (True, 5),
             (1, 10**20, 10**19), (-5, 5, -1)]:
    show(f'range{args}', lambda: range(*args))
show('range(x=1)', lambda: range(x=1))
class I:
    def __index__(self): return 4
show('range(I())', lambda: range(I()))
show('range(I(), 10, I())', lambda: list(range(I(), 10, I())))
big = range(10**20)
show('big', lambda: (big, big[10**19], big[-1], big[10**19:][:3], 10**19 in big, big.index(10**19 + 5), bool(big)))
show('big slice', lambda: (big[::3][5:10], big[::-1][:2], big[2**70:], big[-2**70::2**69]))
show('len(big)', lambda: len(big))
show('big.__len__()', lambda: big.__len__())
show('len(range(2**63))', lambda: len(range(2**63)))
show('len(range(2**63 - 1))', lambda: len(range(2**63 - 1)))
show('len(range(-2**63, 2**63 - 1))', lambda: len(range(-2**63, 2**63 - 1)))
show('bool(range(0))', lambda: bool(range(0)))
show('list(range(10**20, 10**20 + 3))', lambda: list(range(10**20, 10**20 + 3)))
show('reversed big', lambda: list(reversed(range(10**20, 10**20 + 3))))
show('reversed small', lambda: (list(reversed(range(1, 10, 3))), list(reversed(range(10, 1, -3))), list(reversed(range(0)))))
for a, b in [(range(0), range(5, 5)), (range(0, 3), range(0, 3, 1)), (range(0, 4, 2), range(0, 3, 2)),
             (range(0, 1, 5), range(0, 1, 7)), (range(1), [0]), (range(1, 10, 2), range(1, 11, 2)),
             (range(3), range(3)), (range(10**20), range(0, 10**20, 1))]:
    print(a, b, a == b, a != b, hash(a) == hash(b) if isinstance(b, range) else '-')
show('range(1) < range(2)', lambda: range(1) < range(2))
show('{range(3): 1}[range(0, 3)]', lambda: {range(3): 1}[range(0, 3)])
show('slices', lambda: (range(1, 10, 2)[1:-1], range(10)[2**100:], range(10)[-2**100:2**100:2**99], range(-5, 5)[::-3], list(range(-5, 5)[::-3])))
show('iter hints', lambda: (iter(range(3)).__length_hint__(), iter(big).__length_hint__(), reversed(range(5)).__length_hint__()))
def f():
    it = iter(range(10**20, 10**20 + 5))
    next(it); next(it)
    return it.__length_hint__(), list(it)
show('longrange progress', f)
show('next(iter(range(2**70, 2**71)))', lambda: next(iter(range(2**70, 2**71))))
show('type names', lambda: [type(x).__name__ for x in [iter(range(3)), iter(big), reversed(range(3)), reversed(big), iter(range(2**40))]])
show('range(3).__reversed__()', lambda: type(range(3).__reversed__()).__name__)
show('count', lambda: (range(3, 10, 2).count(5), range(3, 10, 2).count(4), range(1, 5)[True]))
show('sum/max', lambda: (sum(range(10**5)), max(range(10**5)), min(range(5, 0, -1))))
show('reduce', lambda: (range(1, 10, 3).__reduce__(), range(5).__reduce__()))
show('range(3).__contains__(1)', lambda: range(3).__contains__(1))
show('setattr', lambda: setattr(range(3), 'start', 1))
show('methods', lambda: [n for n in dir(range(1)) if not n.startswith('__')])
show('str/repr', lambda: (str(range(3)), repr(range(1, 5)), repr(range(1, 5, 2)), repr(range(-1, -5, -1))))
