# slice objects: construction, attributes, indices() with small, negative
# and huge values, __index__ bounds, comparisons, hash (unhashable in
# 3.11), repr, __reduce__, use on every sequence type.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))

s = slice(1, 10, 2)
show('attrs', lambda: (s.start, s.stop, s.step, s))
for sl in [slice(None), slice(-1, None, -1), slice(None, None, -1), slice(-100, 100, 3), slice(5, 1),
           slice(2, -2), slice(None, 3), slice(-3, None), slice(10, 20), slice(2**100, -2**100, -1),
           slice(-2**100, 2**100, 2**70), slice(1, 2, -2**100)]:
    for n in [0, 1, 5, 10, 2**100]:
        show(f'{sl}.indices({n if n < 1000 else "big"})', lambda: sl.indices(n))
show('slice(0, 10, 0).indices(5)', lambda: slice(0, 10, 0).indices(5))
show('slice(1).indices(-1)', lambda: slice(1).indices(-1))
show("slice('a').indices(5)", lambda: slice('a').indices(5))
show('slice(1.5).indices(5)', lambda: slice(1.5).indices(5))
show("slice(1).indices('x')", lambda: slice(1).indices('x'))
show('slice(1).indices()', lambda: slice(1).indices())
class I:
    def __index__(self): return 3
show('slice(I(), I()).indices(10)', lambda: slice(I(), I() * 2).indices(10))
show('slice(1).indices(I())', lambda: slice(1).indices(I()))
show('slice()', lambda: slice())
show('slice(1, 2, 3, 4)', lambda: slice(1, 2, 3, 4))
show('slice(x=1)', lambda: slice(x=1))
for a, b in [(slice(1), slice(1)), (slice(1, 2), slice(1, 2, None)), (slice(1, 2), slice(1, 3)),
             (slice(1, 2, 3), slice(1, 2)), (slice(None), slice(0)), (slice(1, 2), (1, 2, None))]:
    print(a, b, a == b, a != b)
    try:
        print('  ', a < b, a <= b, a > b, a >= b)
    except TypeError as e:
        print('  TypeError:', e)
show("slice(1, 'a') < slice(1, 2)", lambda: slice(1, 'a') < slice(1, 2))
show('hash(slice(1))', lambda: hash(slice(1)))
show('{slice(1): 2}', lambda: {slice(1): 2})
show('odd contents', lambda: slice('a', [1], {}))
show('repr', lambda: (repr(slice(None, None, None)), str(slice(1, 2))))
show('reduce', lambda: slice(1, 2).__reduce__())
show('setattr', lambda: setattr(slice(1), 'stop', 3))
show('on list', lambda: [1, 2, 3][slice(None, None, -1)])
show('on str', lambda: 'abcdef'[slice(1, None, 2)])
show('on tuple', lambda: (1, 2, 3)[slice(1, 2)])
show('on range', lambda: range(10)[slice(1, None, 4)])
show('on bytes', lambda: b'hello'[slice(-1, None, -2)])
show('index with slice of slice', lambda: [1, 2, 3][slice(I(), None)])
show('methods', lambda: [n for n in dir(slice(1)) if not n.startswith('__')])
