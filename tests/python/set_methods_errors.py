# set and frozenset: every method including the multi-argument ones,
# operators and their TypeErrors, set keys looked up as frozensets,
# mutation during iteration, result types with subclasses.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', repr(e) if isinstance(e, KeyError) else e)
    else:
        print(label, '->', repr(r))

s = {1, 2, 3}
show('union(*)', lambda: s.union([4], (5,), range(6, 8)))
show('union()', lambda: s.union())
show('intersection(*)', lambda: s.intersection([1, 2], (2, 3, 1)))
show('intersection()', lambda: s.intersection())
show('difference(*)', lambda: s.difference([1], [2]))
show('difference()', lambda: s.difference())
show('symmetric_difference', lambda: s.symmetric_difference([3, 4]))
show('symmetric_difference 2 args', lambda: s.symmetric_difference([3], [4]))
show('issubset(range)', lambda: s.issubset(range(5)))
show('issuperset(list)', lambda: s.issuperset([1, 1]))
show('isdisjoint(iter)', lambda: s.isdisjoint(iter([4, 5])))
show('union(5)', lambda: s.union(5))
show('issubset()', lambda: s.issubset())
for op in ['|', '&', '-', '^', '<', '<=', '>', '>=']:
    show(f's {op} [4]', lambda: eval(f's {op} [4]'))
    show(f's {op} frozenset', lambda: eval(f's {op} frozenset([3, 4])'))
show('frozenset | set type', lambda: type(frozenset([4]) | s).__name__)
show('set | frozenset type', lambda: type(s | frozenset([4])).__name__)
show('frozenset.union type', lambda: type(frozenset([4]).union(s)).__name__)
def upd(method, *args):
    def f():
        x = {1, 2, 3}
        r = getattr(x, method)(*args)
        return r, x
    return f
show('intersection_update', upd('intersection_update', [1, 2], [2]))
show('intersection_update()', upd('intersection_update'))
show('difference_update', upd('difference_update', [1], [2]))
show('update', upd('update', [4], [5], {6: 0}))
show('symmetric_difference_update', upd('symmetric_difference_update', [3, 4]))
show('symmetric_difference_update()', upd('symmetric_difference_update'))
show('add()', upd('add'))
show('add(1, 2)', upd('add', 1, 2))
show('remove(4)', upd('remove', 4))
show('remove([])', upd('remove', []))
show('discard([])', upd('discard', []))
show('discard({1})', upd('discard', {1}))
show('pop', upd('pop'))
show('clear', upd('clear'))
show('copy', upd('copy'))
def f():
    x = {1, 2, 3}; x |= [4]
show('|= list', f)
def f():
    x = {1, 2, 3}; x |= {4}; x &= {1, 4, 5}; x -= {1}; x ^= {7}; return x
show('in-place ops', f)
def f():
    x = {frozenset([1]), 2}; x.remove({1}); return x
show('remove set key', f)
def f():
    x = {frozenset([1])}; x.discard({1}); x.discard({2}); return x
show('discard set key', f)
show('{1} in {frozenset([1])}', lambda: {1} in {frozenset([1])})
show('[] in {1}', lambda: [] in {1})
show('{frozenset([1])}.__contains__({1})', lambda: {frozenset([1])}.__contains__({1}))
show('set().pop()', lambda: set().pop())
show('frozenset().add', lambda: frozenset().add(1))
show('frozenset().remove', lambda: frozenset([1]).remove(1))
show('set() == frozenset()', lambda: (set([1, 2]) == frozenset([1, 2]), {1} != frozenset([1])))
show('{1, 2} < {1, 2, 3}', lambda: ({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 2} > {1}, {1} > {1}))
show('{1, 2} == [1, 2]', lambda: {1, 2} == [1, 2])
show('{1}.__eq__(5)', lambda: {1}.__eq__(5))
show('{1}.__lt__(5)', lambda: {1}.__lt__(5))
show('{1, 2}.__or__([3])', lambda: {1, 2}.__or__([3]))
show('{1, 2}.__ror__({3})', lambda: {1, 2}.__ror__({3}))
show('{1, 2}.__sub__(5)', lambda: {1, 2}.__sub__(5))
show('set.union([1], [2])', lambda: set.union([1], [2]))
show('set.union({1}, [2])', lambda: set.union({1}, [2]))
show('frozenset.union({1}, [2])', lambda: frozenset.union({1}, [2]))
show("set('a')", lambda: set('a'))
show('set(1)', lambda: set(1))
show('set([[]])', lambda: set([[]]))
show('{[]}', lambda: {[]})
show('set(x=1)', lambda: set(x=1))
show('frozenset(x=1)', lambda: frozenset(x=1))
show('set([1], [2])', lambda: set([1], [2]))
show('frozenset(frozenset([1]))', lambda: frozenset(frozenset([1])))
fs = frozenset([1, 2])
show('frozenset(fs) is fs', lambda: frozenset(fs) is fs)
show('fs.copy() is fs', lambda: fs.copy() is fs)
class FS(frozenset):
    pass
class SS(set):
    pass
show('FS', lambda: (FS([1]), type(FS([1]).copy()).__name__, type(FS([1]) | {2}).__name__, FS([1]) == frozenset([1])))
show('SS', lambda: (SS([1]), type(SS([1]).copy()).__name__, type(SS([1]) - {2}).__name__, repr(SS())))
show('reprs', lambda: (repr(set()), repr(frozenset()), repr(FS()), {frozenset()}, frozenset({frozenset({1}), 2})))
def f():
    x = {1, 2}
    for i in x:
        x.add(i + 10)
show('add during iteration', f)
def f():
    x = {1, 2}
    for i in x:
        x.discard(2)
show('discard during iteration', f)
def f():
    x = {1, 2}
    it = iter(x); x.add(3); x.discard(3); return next(it)
show('same size after changes', f)
show('iter hint', lambda: (iter({1, 2}).__length_hint__(), type(iter({1})).__name__))
def f():
    it = iter({1, 2, 3}); next(it); return it.__length_hint__()
show('iter hint after next', f)
show('set([1, 1.0, True])', lambda: set([1, 1.0, True]))
show('methods', lambda: [n for n in dir(set()) if not n.startswith('__')])
show('frozenset methods', lambda: [n for n in dir(frozenset()) if not n.startswith('__')])
