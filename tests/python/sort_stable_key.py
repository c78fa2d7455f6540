# sort/sorted: stability with key and reverse (reverse keeps equal items
# in their original order), key call order, argument errors, mixed types,
# rich comparison fallbacks, min/max with key and default.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))

data = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e'), (2, 'f'), (3, 'g')]
show('key', lambda: sorted(data, key=lambda p: p[0]))
show('key reverse', lambda: sorted(data, key=lambda p: p[0], reverse=True))
show('reverse', lambda: sorted(data, reverse=True))
for rev in [1, 0, None, 'x', 2.5, 2**100, True, [], -1]:
    show(f'reverse={rev!r}', lambda: sorted([3, 1, 2], reverse=rev))
show('key=None', lambda: sorted([3, 1, 2], key=None))
show('positional key', lambda: sorted([3, 1, 2], lambda x: x))
show('sorted()', lambda: sorted())
show('sorted(5)', lambda: sorted(5))
show('cmp=', lambda: sorted([1, 2], cmp=None))
show('[].sort(1)', lambda: [].sort(1))
show('[].sort(key=1, reverse=1)', lambda: [3, 1].sort(key=1, reverse=1))
show('mixed numbers', lambda: sorted([1.5, 1, True, -0.0, 0, 2**70, -2**70, 1e20, 0.5]))
show('with nan', lambda: sorted([float('nan'), 1, 0]))
show('strs', lambda: sorted('hello world'))
show('dict keys', lambda: sorted({3: 1, 1: 2}))
show('int and str', lambda: sorted([3, 1, 'a']))
show('None', lambda: sorted([1, None]))
show('lists', lambda: sorted([[2], [1, 2], [1], []]))
show('tuples', lambda: sorted([(1, 'b'), (1, 'a'), (0, 'z')]))
show('key str.lower', lambda: sorted(['b', 'A', 'a', 'B', 'c'], key=str.lower))
show('key neg', lambda: sorted([3, 2, 1], key=lambda x: -x))
show('sort returns None', lambda: [3, 1, 2].sort(reverse=True))
show('list.sort([3, 1])', lambda: list.sort([3, 1]))
def f():
    calls = []
    items = [5, 3, 1, 4]
    items.sort(key=lambda x: calls.append(x) or x, reverse=True)
    return calls, items
show('key call order with reverse', f)
def f():
    l = list(range(100, 0, -1))
    l.sort(key=lambda x: x % 10)
    return l
show('stable mod 10', f)
def f():
    l = [(i % 7, i) for i in range(200)]
    l.sort(key=lambda p: p[0], reverse=True)
    return l[:15], l[-5:]
show('stable reverse', f)
def f():
    l = [(i * 7919) % 101 for i in range(300)]
    a = sorted(l)
    b = sorted(l, reverse=True)
    return a[:10], b[:10], a == b[::-1], sorted(l, key=lambda x: -x) == b
show('larger', f)
class Rev:
    def __init__(s, v): s.v = v
    def __lt__(s, o): return NotImplemented
    def __gt__(s, o): return s.v > o.v
    def __repr__(s): return f'R{s.v}'
show('__gt__ fallback', lambda: sorted([Rev(2), Rev(1), Rev(3)]))
class NoCmp:
    pass
show('no ordering', lambda: sorted([NoCmp(), NoCmp()]))
class OnlyEq:
    def __eq__(s, o): return True
show('only eq', lambda: sorted([OnlyEq(), OnlyEq()]))
show('one item never compared', lambda: sorted([NoCmp()]) and 'ok')
show('max key', lambda: max([1, 3, 2], key=lambda x: -x))
show('min default', lambda: min([], default=5))
show('min empty', lambda: min([]))
show('max(1)', lambda: max(1))
show('max(1, 2, key=None)', lambda: max(1, 2, key=None))
show('max lists', lambda: max([1, 2], [3]))
show('max ties', lambda: (max([(1, 'a'), (1, 'b')], key=lambda p: p[0]), min([(1, 'a'), (1, 'b')], key=lambda p: p[0])))
show('max default with items', lambda: max([], key=len, default='d'))
show('min(a, b, default)', lambda: min(1, 2, default=0))
