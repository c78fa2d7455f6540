# list: every method with its argument errors and CPython's messages
# (index/assignment out of range, pop, remove, index, non-int indices),
# list() construction, subclasses, __init__ re-runs, dunders called directly.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))

l = [1, 2, 3]
for key in [3, -4, 'a', 1.0, None, 2**100, -2**100, True, [0]]:
    show(f'l[{key!r}]', lambda: l[key])
    def setit():
        m = list(l)
        m[key] = 9
        return m
    show(f'l[{key!r}] = 9', setit)
    def delit():
        m = list(l)
        del m[key]
        return m
    show(f'del l[{key!r}]', delit)
class I:
    def __index__(self): return 1
show('l[I()]', lambda: l[I()])
show('[].pop()', lambda: [].pop())
show('[1].pop(5)', lambda: [1].pop(5))
show('[1].pop(-2)', lambda: [1].pop(-2))
show("[1].pop('x')", lambda: [1].pop('x'))
show('[1].pop(2**100)', lambda: [1].pop(2**100))
show('[1, 2].pop(True)', lambda: [1, 2].pop(True))
show('[1, 2].pop(I())', lambda: [1, 2].pop(I()))
show('[1].pop(1, 2)', lambda: [1].pop(1, 2))
show('[1].remove(2)', lambda: [1].remove(2))
show('[1].remove()', lambda: [1].remove())
show('[1].index(2)', lambda: [1].index(2))
show("['a'].index('b')", lambda: ['a'].index('b'))
show('[1, 2, 3, 2].index(2, 2)', lambda: [1, 2, 3, 2].index(2, 2))
show('[1, 2, 3, 2].index(2, -1)', lambda: [1, 2, 3, 2].index(2, -1))
show('[1, 2, 3, 2].index(2, 0, 1)', lambda: [1, 2, 3, 2].index(2, 0, 1))
show('[1, 2, 3].index(3, -100, 100)', lambda: [1, 2, 3].index(3, -100, 100))
show('[1, 2].index(2, 2**100)', lambda: [1, 2].index(2, 2**100))
show('[1, 2].index(2, -2**100)', lambda: [1, 2].index(2, -2**100))
show('[1].index(1, 1.5)', lambda: [1].index(1, 1.5))
show('[1].index(1, None)', lambda: [1].index(1, None))
show('[1].index(1, I())', lambda: [1].index(1, I()))
show('[1, 2].index()', lambda: [1, 2].index())
show('[1, 2, 1].count(1)', lambda: [1, 2, 1].count(1))
show('[1, 2].count()', lambda: [1, 2].count())
show('[1].append()', lambda: [1].append())
show('[1].append(1, 2)', lambda: [1].append(1, 2))
show('[].insert(1)', lambda: [].insert(1))
show("[].insert('x', 1)", lambda: [].insert('x', 1))
show('[].insert(2**100, 1)', lambda: [].insert(2**100, 1))
show('[].extend(1)', lambda: [].extend(1))
show('[].extend()', lambda: [].extend())
show('[].clear(1)', lambda: [].clear(1))
show('[].copy(1)', lambda: [].copy(1))
show('[].reverse(1)', lambda: [].reverse(1))
show('[].sort(1)', lambda: [].sort(1))
show('[].append(x=1)', lambda: [].append(x=1))
def f():
    x = [1, 2, 3]
    x.insert(-10, 0); x.insert(100, 9); x.insert(1, 'a'); x.insert(-1, 'b')
    return x
show('insert', f)
def f():
    x = [3, 1, 2]
    x.reverse(); x.extend(range(2)); x.extend(x); x.extend('ab'); x.extend({7: 0})
    return x
show('extend', f)
def f():
    x = [1, 2]
    y = x.copy(); x.clear(); return x, y, x is y
show('clear/copy', f)
def f():
    x = [1, 2, 1, 2]
    x.remove(2); x.remove(1); return x
show('remove', f)
def f():
    x = [float('nan'), 1]
    n = x[0]
    return n in x, x.count(n), x.index(n), x == [n, 1], x == [float('nan'), 1]
show('nan identity', f)
show("list('abc')", lambda: list('abc'))
show('list(x=1)', lambda: list(x=1))
show('list(1)', lambda: list(1))
show('list([1], [2])', lambda: list([1], [2]))
show('list(range(3))', lambda: list(range(3)))
show('list({1: 2, 3: 4})', lambda: list({1: 2, 3: 4}))
show('list.__new__(list)', lambda: list.__new__(list))
def f():
    x = [1, 2]; x.__init__([5, 6, 7]); return x
show('__init__ again', f)
def f():
    x = [1, 2]; x.__init__(); return x
show('__init__ empty', f)
show('list.__len__([1, 2])', lambda: list.__len__([1, 2]))
show('[1, 2].__getitem__(slice(0, 1))', lambda: [1, 2].__getitem__(slice(0, 1)))
show('[1, 2].__contains__(2)', lambda: [1, 2].__contains__(2))
show('[1, 2].__iadd__([3])', lambda: [1, 2].__iadd__([3]))
show('[1, 2].__imul__(2)', lambda: [1, 2].__imul__(2))
show('[1, 2].__mul__(2)', lambda: [1, 2].__mul__(2))
show('[1, 2].__rmul__(2)', lambda: [1, 2].__rmul__(2))
show('[1, 2].__add__((1,))', lambda: [1, 2].__add__((1,)))
show('[1, 2].__add__([1])', lambda: [1, 2].__add__([1]))
show('[1, 2].__eq__((1, 2))', lambda: [1, 2].__eq__((1, 2)))
show('[1, 2].__lt__((1, 2))', lambda: [1, 2].__lt__((1, 2)))
show('list(reversed([1, 2, 3]))', lambda: list(reversed([1, 2, 3])))
show('reversed([1, 2, 3]).__length_hint__()', lambda: reversed([1, 2, 3]).__length_hint__())
show('iter([1, 2, 3]).__length_hint__()', lambda: iter([1, 2, 3]).__length_hint__())
show('hash([])', lambda: hash([]))
show('[].__hash__', lambda: [].__hash__)
show('[1] + (2,)', lambda: [1] + (2,))
show("[1] + 'ab'", lambda: [1] + 'ab')
def f():
    x = [1]; x += (2, 3); x += 'ab'; x += {9: 0}; return x
show('+=', f)
def f():
    x = [1]; x += 5
show('+= 5', f)
class L(list):
    pass
show('L + list', lambda: (L([1, 2]) + [3], type(L([1, 2]) + [3]).__name__))
show('L slice type', lambda: type(L([1, 2])[:1]).__name__)
show('L * 2 type', lambda: type(L([1, 2]) * 2).__name__)
show('L == list', lambda: L([1, 2]) == [1, 2])
show('repr(L)', lambda: repr(L([1, 2])))
show('L.copy type', lambda: type(L([1]).copy()).__name__)
class M(list):
    def __repr__(self): return 'M!'
show('[M()]', lambda: [M()])
show('str(list)', lambda: str([1, 'a', None, 1.5, (2,), [3]]))
show('sorted(dir(list))', lambda: [n for n in dir([]) if not n.startswith('__')])
