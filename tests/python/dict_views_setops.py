# dict views: keys/values/items, set operations in both operand orders
# (results in CPython's order for int keys), comparisons, isdisjoint,
# membership, reversed(), len, the mapping attribute (a mappingproxy) and
# iterator types.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))

d = {1: 10, 2: 20, 3: 30}
k, v, i = d.keys(), d.values(), d.items()
show('views', lambda: (k, v, i))
show('k & {1, 5}', lambda: k & {1, 5})
show('k | {5}', lambda: k | {5})
show('k - {1}', lambda: k - {1})
show('k ^ {1, 9}', lambda: k ^ {1, 9})
show('{1, 5} & k', lambda: {1, 5} & k)
show('{5} | k', lambda: {5} | k)
show('{1, 7} - k', lambda: {1, 7} - k)
show('{1, 9} ^ k', lambda: {1, 9} ^ k)
show('k & [1, 2]', lambda: k & [1, 2])
show('k | (7,)', lambda: k | (7,))
show('k - range(2)', lambda: k - range(2))
show('range(10) & k', lambda: range(10) & k)
show('[1, 2] - k', lambda: [1, 2] - k)
show('(1, 2, 3) ^ k', lambda: (1, 2, 3) ^ k)
show('i & {(1, 10), (2, 99)}', lambda: i & {(1, 10), (2, 99)})
show('i - {(1, 10)}', lambda: i - {(1, 10)})
show('i | {(9, 90)}', lambda: i | {(9, 90)})
show('i ^ i2', lambda: d.items() ^ {3: 30, 5: 50}.items())
show('i ^ i3', lambda: {1: 2, 3: 4}.items() ^ {3: 5, 5: 6}.items())
show('k & k2', lambda: {1: 2, 3: 4}.keys() & {3: 0, 9: 0}.keys())
show('k2 & k', lambda: {3: 0, 9: 0, 1: 0}.keys() & {1: 2, 3: 4}.keys())
show('big set & small keys', lambda: {1, 2, 3, 4, 5} & {1: 0, 5: 0}.keys())
show('small keys & big set', lambda: {1: 0, 5: 0}.keys() & {1, 2, 3, 4, 5})
show('many keys ops', lambda: (dict.fromkeys(range(0, 40, 3)).keys() ^ set(range(0, 40, 4)),
                               dict.fromkeys(range(20)).keys() - {5, 6, 7},
                               set(range(30, 0, -2)) | dict.fromkeys(range(10)).keys()))
show('v & {1}', lambda: v & {1})
show('v | {1}', lambda: v | {1})
show('k & 5', lambda: k & 5)
show('k | None', lambda: k | None)
show('k == {1, 2, 3}', lambda: k == {1, 2, 3})
show('k == other keys', lambda: k == {1: 0, 2: 0, 3: 0}.keys())
show('k < {1, 2, 3, 4}', lambda: k < {1, 2, 3, 4})
show('k <= {1, 2, 3}', lambda: k <= {1, 2, 3})
show('k > {1}', lambda: k > {1})
show('k >= {1, 5}', lambda: k >= {1, 5})
show('k == [1, 2, 3]', lambda: k == [1, 2, 3])
show('i == {(1, 10), (2, 20), (3, 30)}', lambda: i == {(1, 10), (2, 20), (3, 30)})
show('v == v', lambda: v == v)
show('v == d.values()', lambda: v == d.values())
show('items == items', lambda: {1: 2}.items() == {1: 2}.items())
show('i <= set', lambda: {1: 2}.items() <= {(1, 2), (3, 4)})
show('set >= i', lambda: {(1, 2)} >= {1: 2}.items())
show('k.isdisjoint({5})', lambda: k.isdisjoint({5}))
show('k.isdisjoint([1])', lambda: k.isdisjoint([1]))
show('k.isdisjoint(gen)', lambda: k.isdisjoint(x for x in [7, 8]))
show('i.isdisjoint([(1, 10)])', lambda: i.isdisjoint([(1, 10)]))
show('k.isdisjoint(5)', lambda: k.isdisjoint(5))
show('(1, 10) in i', lambda: (1, 10) in i)
show('(1, 11) in i', lambda: (1, 11) in i)
show('1 in i', lambda: 1 in i)
show('[] in i', lambda: [] in i)
show('([], 1) in i', lambda: ([], 1) in i)
show('20 in v', lambda: 20 in v)
show('[] in k', lambda: [] in k)
show('reversed', lambda: (list(reversed(k)), list(reversed(v)), list(reversed(i)), list(reversed(d))))
show('reversed hints', lambda: (reversed(d).__length_hint__(), reversed(v).__length_hint__()))
show('iter hints', lambda: (iter(d).__length_hint__(), iter(i).__length_hint__(), iter(v).__length_hint__()))
def f():
    it = reversed(d)
    first = next(it)
    return first, it.__length_hint__(), list(it), it.__length_hint__()
show('reversed progress', f)
def f():
    e = {1: 1, 2: 2}
    it = reversed(e)
    e[3] = 3
    return next(it)
show('reversed after insert', f)
def f():
    e = dict.fromkeys(range(6))
    del e[2]; del e[5]
    e[9] = None
    return list(reversed(e)), list(reversed(e.items()))
show('reversed with holes', f)
show('types', lambda: [type(x).__name__ for x in [k, v, i, iter(k), iter(v), iter(i), reversed(k), reversed(v), reversed(i), reversed(d)]])
show('len', lambda: (len(k), len(v), len(i)))
show('hash(k)', lambda: hash(k))
mp = k.mapping
show('mapping', lambda: (mp, type(mp).__name__, mp is i.mapping, mp == d, mp[1], mp.get(9, 'z')))
show('mapping len/iter', lambda: (len(mp), list(mp), 2 in mp, list(mp.items()), list(mp.values())))
show('mapping copy', lambda: (mp.copy(), type(mp.copy()).__name__, mp.copy() is d))
show('mapping | dict', lambda: mp | {5: 6})
show('dict | mapping', lambda: {5: 6} | mp)
def f():
    mp[3] = 4
show('mapping[3] = 4', f)
def f():
    del mp[1]
show('del mapping[1]', f)
def f():
    m = mp
    m |= {}
show('mapping |= {}', f)
show('hash(mapping)', lambda: hash(mp))
show('mapping != {}', lambda: mp != {})
show('reversed(mapping)', lambda: list(reversed(mp)))
show('mapping.keys()', lambda: mp.keys())
show('str(mapping)', lambda: str(mp))
show('mappingproxy(d)', lambda: type(mp)(d) == d)
show('mappingproxy([1])', lambda: type(mp)([1]))
show('mappingproxy()', lambda: type(mp)())
show('mapping.x = 1', lambda: setattr(mp, 'x', 1))
show('mapping methods', lambda: [n for n in dir(mp) if not n.startswith('__')])
d[9] = 90
show('live mapping', lambda: (mp, k, v, i))
