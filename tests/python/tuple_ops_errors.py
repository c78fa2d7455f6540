# tuple: indexing and slicing errors, index/count with bounds, +, *,
# comparisons, hash, construction, identity of trivial copies, subclasses.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))

tp = (1, 2, 3, 2)
for key in [4, -5, 'a', 1.5, None, 2**100, True, slice(None, None, -1), slice(1, 3), slice(None, None, 0)]:
    show(f'tp[{key!r}]', lambda: tp[key])
show('tp.index(2)', lambda: tp.index(2))
show('tp.index(2, 2)', lambda: tp.index(2, 2))
show('tp.index(5)', lambda: tp.index(5))
show("('a',).index('b')", lambda: ('a',).index('b'))
show('tp.index(2, 0, 1)', lambda: tp.index(2, 0, 1))
show('tp.index(2, -1)', lambda: tp.index(2, -1))
show('tp.index(2, None)', lambda: tp.index(2, None))
show('tp.index()', lambda: tp.index())
show('tp.count(2)', lambda: tp.count(2))
show('tp.count()', lambda: tp.count())
show('(1, 2).count(1.0)', lambda: (1, 2).count(1.0))
show('tp + (4,)', lambda: tp + (4,))
show('tp + [4]', lambda: tp + [4])
show('tp.__add__([4])', lambda: tp.__add__([4]))
show('tp * 2', lambda: tp * 2)
show('0 * tp', lambda: 0 * tp)
show('tp * -1', lambda: tp * -1)
show('tp * 2**62', lambda: tp * 2**62)
show('() * 2**70', lambda: () * 2**70)
show('(1,) * 2**63', lambda: (1,) * 2**63)
show("tp * 'x'", lambda: tp * 'x')
for u, v in [(tp, (1, 2, 4)), (tp, [1, 2, 3, 2]), ((1, 'a'), (1, 2)), ((1, 2), (1, 2, 'a')), ((), ()),
             ((1,), (1, 0)), ((2,), (1, 0)), ((1, (2, 3)), (1, (2, 4)))]:
    print(u, v, [eval(f'u {op} v') if op in ('==', '!=') or type(u) == type(v) else '-' for op in ['==', '!=']])
    try:
        print('  <', u < v, u <= v, u > v, u >= v)
    except TypeError as e:
        print('  TypeError:', e)
n = float('nan')
show('(n,) == (n,)', lambda: (n,) == (n,))
show('(n,) < (n,)', lambda: (n,) < (n,))
show('(1, n) <= (1, n)', lambda: (1, n) <= (1, n))
show('()', lambda: ())
show('(1,)', lambda: (1,))
show("tuple('ab')", lambda: tuple('ab'))
show('tuple(x=1)', lambda: tuple(x=1))
show('tuple(1)', lambda: tuple(1))
show('tuple([1], [2])', lambda: tuple([1], [2]))
show('tuple(iter([1, 2]))', lambda: tuple(iter([1, 2])))
def f():
    tp[0] = 1
show('tp[0] = 1', f)
def f():
    del tp[0]
show('del tp[0]', f)
show('tp.__getnewargs__()', lambda: tp.__getnewargs__())
show('hash((1, 2, (3, 4)))', lambda: hash((1, 2, (3, 4))))
show('hash((1, [2]))', lambda: hash((1, [2])))
class TT(tuple):
    pass
show('TT([1, 2])', lambda: TT([1, 2]))
show('type(TT([1]) + (2,))', lambda: type(TT([1]) + (2,)).__name__)
show('type(TT([1])[:])', lambda: type(TT([1])[:]).__name__)
show('type(TT([1]) * 1)', lambda: type(TT([1]) * 1).__name__)
show('TT == tuple', lambda: TT([1]) == (1,))
show('(1, 2).__len__()', lambda: (1, 2).__len__())
show('(1, 2).__contains__(1)', lambda: (1, 2).__contains__(1))
show('(1,).__mul__(2)', lambda: (1,).__mul__(2))
show('(1,).__rmul__(2)', lambda: (1,).__rmul__(2))
show('list(reversed((1, 2)))', lambda: list(reversed((1, 2))))
show('tuple.__new__(tuple, [1])', lambda: tuple.__new__(tuple, [1]))
show('tuple.__new__(TT, [1])', lambda: type(tuple.__new__(TT, [1])).__name__)
show('iter(tp).__length_hint__()', lambda: iter(tp).__length_hint__())
show('type(iter(tp)).__name__', lambda: type(iter(tp)).__name__)
x = (1,)
show('(x * 1) is x', lambda: (x * 1) is x)
show('(x + ()) is x', lambda: (x + ()) is x)
show('tuple(x) is x', lambda: tuple(x) is x)
show('x[:] is x', lambda: x[:] is x)
show('methods', lambda: [n for n in dir(()) if not n.startswith('__')])
