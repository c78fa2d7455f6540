# list comparisons (lexicographic, mixed types, nan identity, recursion by
# identity shortcut), repr of self-containing lists, dicts and tuples.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))

x = []
x.append(x)
show('x', lambda: x)
show('x == x', lambda: x == x)
show('[x] == [x]', lambda: [x] == [x])
y = [x]
show('y', lambda: y)
a = [1]
a.append(a)
a.append([a])
show('a', lambda: a)
show('str(a)', lambda: str(a))
b = {}
b['self'] = b
b['l'] = [b]
show('b', lambda: b)
p = []
q = [p]
p.append(q)
show('p == q', lambda: p == q)
show('p', lambda: p)
t = ([],)
t[0].append(t)
show('t', lambda: t)
for u, v in [([1, 2], [1, 2, 3]), ([1, 2], [1, 'a']), ([1, 'a'], [2, 1]), ([1, 2], (1, 2)),
             ([1], (1,)), ([1, [2, [3]]], [1, [2, [4]]]), ([], [0]), ([1], [1]), ([1, 2, 3], [1, 2]),
             ([1, 2], [1, 2.0]), ([1], [1.0 + 0j]), ([None], [None]), ([None], [0]), ([[1]], [[1, 0]])]:
    for op in ['==', '!=', '<', '<=', '>', '>=']:
        try:
            r = eval(f'u {op} v')
        except Exception as e:
            r = type(e).__name__ + ': ' + str(e)
        print(u, op, v, r)
n = float('nan')
show('[n] == [n]', lambda: [n] == [n])
show('[n] < [n]', lambda: [n] < [n])
show('[float("nan")] == [float("nan")]', lambda: [float('nan')] == [float('nan')])
show('(n,) == (n,)', lambda: (n,) == (n,))
show('max nested', lambda: max([[1], [0, 5], [1, 0]]))
class E:
    def __eq__(self, o):
        raise ValueError('no eq')
show('[E()] == [E()]', lambda: [E()] == [E()])
e = E()
show('[e] == [e]', lambda: [e] == [e])
show('e in [e]', lambda: e in [e])
show('[1, e].index(e)', lambda: [1, e].index(e))
class R:
    def __repr__(self): return 'R()'
show('repr nested', lambda: [R(), (R(),), {R(): R()}, {R()}])
deep = []
cur = deep
for _ in range(50):
    nxt = []
    cur.append(nxt)
    cur = nxt
show('deep', lambda: deep)
show('deep == deep copy', lambda: deep == eval(repr(deep)))
