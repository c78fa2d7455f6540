# dict: every method and its errors (KeyError reprs, popitem LIFO, pop,
# setdefault, get, update forms, fromkeys with subclasses, copy), |, |=,
# equality rules, __missing__, construction errors, mutation during
# iteration.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', repr(e) if isinstance(e, KeyError) else e)
    else:
        print(label, '->', repr(r))

d = {1: 'a', 2: 'b', 3: 'c'}
show('d | {4: d, 1: z}', lambda: d | {4: 'd', 1: 'z'})
show('{4: d} | d', lambda: {4: 'd'} | d)
show('d | [(1, 2)]', lambda: d | [(1, 2)])
show('[(1, 2)] | d', lambda: [(1, 2)] | d)
def f():
    e = dict(d); e |= [(7, 'q')]; e |= {8: 'r'}; return e
show('|=', f)
def f():
    e = dict(d); e |= 5
show('|= 5', f)
show("dict.fromkeys('abc')", lambda: dict.fromkeys('abc'))
show('dict.fromkeys([1, 2], 0)', lambda: dict.fromkeys([1, 2], 0))
show('dict.fromkeys()', lambda: dict.fromkeys())
show('dict.fromkeys(5)', lambda: dict.fromkeys(5))
show('dict.fromkeys([[]])', lambda: dict.fromkeys([[]]))
class DD(dict):
    pass
show('DD.fromkeys', lambda: (DD.fromkeys([1]), type(DD.fromkeys([1])).__name__))
show('DD copy type', lambda: type(DD(a=1).copy()).__name__)
def f():
    e = {}
    r = (e.setdefault(1), e.setdefault(1, 5), e.setdefault(2, 5))
    e.setdefault(3, []).append(1)
    e.setdefault(3, []).append(2)
    return r, e
show('setdefault', f)
def f():
    e = {1: 1, 2: 2, 3: 3}
    out = [e.popitem(), e.popitem()]
    e[9] = 9
    out.append(e.popitem())
    return out, e
show('popitem', f)
show('{}.popitem()', lambda: {}.popitem())
for key in [1, 'x', (1, 2), (), None, 1.5, -0.0, frozenset([1]), 'a' * 3]:
    show(f'{{}}[{key!r}]', lambda: {}[key])
show('{}.pop(1)', lambda: {}.pop(1))
show("{}.pop('k')", lambda: {}.pop('k'))
show('{}.pop(1, 2)', lambda: {}.pop(1, 2))
show('{}.pop()', lambda: {}.pop())
show('{1: 2}.pop(1, 3, 4)', lambda: {1: 2}.pop(1, 3, 4))
show('{}[[]]', lambda: {}[[]])
show('{[]: 1}', lambda: {[]: 1})
show('{}.get([])', lambda: {}.get([]))
show('{}.get(1, 2)', lambda: {}.get(1, 2))
show('{}.get()', lambda: {}.get())
show('{}.get(1, 2, 3)', lambda: {}.get(1, 2, 3))
def f():
    e = {}; del e[5]
show('del e[5]', f)
def f():
    e = {}; del e[(1,)]
show('del e[(1,)]', f)
show('{1: 2} == {1: 2.0}', lambda: {1: 2} == {1: 2.0})
show('{1: 2} == {1: 2, 3: 4}', lambda: {1: 2} == {1: 2, 3: 4})
show('{1: 2} < {1: 3}', lambda: {1: 2} < {1: 3})
show('{1: 2} == [(1, 2)]', lambda: {1: 2} == [(1, 2)])
show('{1: 1} == {1: 1.0} == {True: 1}', lambda: {1: 1} == {1: 1.0} == {True: 1})
show('dict([(1, 2), (3, 4)], a=5)', lambda: dict([(1, 2), (3, 4)], a=5))
show('dict([(1, 2, 3)])', lambda: dict([(1, 2, 3)]))
show('dict([1])', lambda: dict([1]))
show("dict(['ab'])", lambda: dict(['ab']))
show('dict(5)', lambda: dict(5))
show('dict({1: 2}, {3: 4})', lambda: dict({1: 2}, {3: 4}))
show('dict(a=1).update(5)', lambda: dict(a=1).update(5))
show('dict(a=1).update([(1,)])', lambda: dict(a=1).update([(1,)]))
show('dict(a=1).update({}, {})', lambda: dict(a=1).update({}, {}))
def f():
    e = {1: 2}; e.update({3: 4}, x=5); e.update(y=6); e.update([(7, 8)]); e.update(((9, 10),)); return e
show('update forms', f)
class KV:
    def keys(self): return [1, 2]
    def __getitem__(self, k): return k * 10
show('dict(KV())', lambda: dict(KV()))
show('{}.update(KV())', lambda: (lambda e: (e.update(KV()), e)[1])({}))
def f():
    e = {1: 1}
    for x in e: e[x + 1] = 1
show('grow during iteration', f)
def f():
    e = {1: 1, 2: 2}
    for x in e: del e[2]
show('shrink during iteration', f)
def f():
    e = {1: 1}
    it = iter(e.items()); e[2] = 2; next(it)
show('items iterator after insert', f)
def f():
    e = {1: 1, 2: 2}
    for x in e: e[x] = 5
    return e
show('assign during iteration', f)
def f():
    e = {1: 1}
    it = iter(e); e.pop(1); e[3] = 3; return list(it)
show('same size, changed keys', f)
class Miss(dict):
    def __missing__(self, k): return k * 2
show('Miss()[5]', lambda: Miss()[5])
show('Miss().get(5)', lambda: Miss().get(5))
show('5 in Miss()', lambda: 5 in Miss())
show('{True: 1}[1]', lambda: {True: 1}[1])
show("{1.0: 'x'}[True]", lambda: {1.0: 'x'}[True])
show('{(1, 2): 3}[(1.0, 2.0)]', lambda: {(1, 2): 3}[(1.0, 2.0)])
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return 1
    def __eq__(self, o): return isinstance(o, K) and o.v == self.v
    def __repr__(self): return f'K({self.v})'
show('colliding keys', lambda: {K(1): 1, K(2): 2, K(1): 3})
show('{}[K(9)]', lambda: {}[K(9)])
show('{}.clear(1)', lambda: {}.clear(1))
show('{}.copy(1)', lambda: {}.copy(1))
show('{**{1: 2}, **{3: 4}}', lambda: {**{1: 2}, **{3: 4}})
show('dict.__contains__({1: 2}, 1)', lambda: dict.__contains__({1: 2}, 1))
show('{1: 2}.__getitem__(1)', lambda: {1: 2}.__getitem__(1))
show('iter({1: 2}).__length_hint__()', lambda: iter({1: 2}).__length_hint__())
show('methods', lambda: [n for n in dir({}) if not n.startswith('__')])
show('hash({})', lambda: hash({}))
