from _collections import deque, defaultdict, _count_elements, _tuplegetter
d = deque([1, 2, 3])
d.append(4); d.appendleft(0); print(d, len(d), d[0], d[-1], 3 in d, 9 in d)
print(d.pop(), d.popleft(), d, d.count(2), d.index(3))
d.extend('ab'); d.extendleft('xy'); print(d)
d.rotate(2); print(d); d.rotate(-3); print(d); d.reverse(); print(d)
d.remove('a'); print(d); d.insert(1, 'Q'); print(d); del d[0]; print(d); d[0] = 'Z'; print(d)
m = deque(range(10), maxlen=3); print(m, m.maxlen); m.append(10); print(m); m.appendleft(-1); print(m)
print(deque(), deque('abc') == deque('abc'), deque([1]) < deque([2]), deque('ab') + deque('cd'), deque('ab') * 2)
for c in ['deque().pop()', 'deque().popleft()', 'deque([1])[5]', 'deque([1]).remove(2)', 'deque([1]).index(2)', 'deque(maxlen=-1)', 'deque([1],maxlen=1).insert(0,2)', "deque('a') + [1]"]:
    try: print(c, eval(c))
    except Exception as e: print(c, type(e).__name__, e)
d = deque([1,2,3])
try:
    for x in d: d.append(x)
except RuntimeError as e: print(e)
print(list(reversed(deque('abc'))), deque('abc').copy(), bool(deque()), bool(deque([0])))
e = deque([1]); e += [2, 3]; e *= 2; print(e)
r = deque(); r.append(r); print(r)
class D(deque):
    pass
print(D('xy'), D('xy', 5).copy(), type(D('a').copy()).__name__)
dd = defaultdict(list); dd['a'].append(1); dd['b']; print(dd, dd['a'], len(dd), isinstance(dd, dict))
print(defaultdict(int, {'x': 1}, y=2), defaultdict().default_factory, repr(defaultdict(None)))
try: defaultdict(1)
except TypeError as e: print(e)
try: defaultdict()['k']
except KeyError as e: print('KeyError', e)
c = dd.copy(); print(type(c).__name__, c, c.default_factory is list)
counts = {}; _count_elements(counts, 'abracadabra'); print(sorted(counts.items()))
tg = _tuplegetter(1, 'second'); print(tg.__doc__)
class P(tuple):
    y = _tuplegetter(1, 'y doc')
print(P((5, 6)).y, P.y.__doc__)
print(deque[int], defaultdict[str, int])
