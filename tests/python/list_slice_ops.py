# list slicing: reads with every step and out-of-range bounds, extended
# slice assignment and deletion (size rules, errors), self-assignment,
# repetition and its overflow errors.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))

base = list(range(10))
bounds = [None, 0, 1, 3, -1, -3, 9, 10, 11, -11, -100, 100]
for step in [None, 1, 2, 3, -1, -2, -3, 10, -10]:
    for a in bounds[:6]:
        print(step, a, [base[a:b:step] for b in bounds])
show('step 0', lambda: base[::0])
show('float bound', lambda: base[1.5:])
show('str bound', lambda: base['a':])
show('None bounds', lambda: base[None:None:None])
show('huge bounds', lambda: (base[2**100:], base[-2**100:3], base[::2**100], base[::-2**100]))
class I:
    def __index__(self): return 2
show('__index__ bounds', lambda: base[I():I() * 4:I()])
def assign(sl, value):
    def f():
        x = list(range(10))
        x[sl] = value
        return x
    return f
for sl, value in [(slice(None, None, 2), [0] * 5), (slice(None, None, 2), [0] * 4), (slice(1, 3), 'abcd'),
                  (slice(1, 3), 5), (slice(None, None, -1), list(range(10, 20))), (slice(2, 2), [7, 7]),
                  (slice(5, 1), 'xy'), (slice(100, 200), [1]), (slice(-100, 0), [0]), (slice(1, None, 3), 'abc'),
                  (slice(1, None, 3), 'ab'), (slice(None, None, -3), range(4)), (slice(8, 2, -2), (1, 2, 3)),
                  (slice(1, 4), []), (slice(None), ()), (slice(0, 10, 1), [1]), (slice(0, 0, -1), [])]:
    show(f'x[{sl.start}:{sl.stop}:{sl.step}] = {value!r}', assign(sl, value))
def delete(sl):
    def f():
        x = list(range(10))
        del x[sl]
        return x
    return f
for sl in [slice(None, None, 3), slice(None, None, -3), slice(2, 5), slice(5, 2), slice(None, None, -1),
           slice(1, 8, 3), slice(-2, None), slice(100, None), slice(None, None, 20)]:
    show(f'del x[{sl.start}:{sl.stop}:{sl.step}]', delete(sl))
def f():
    x = list(range(5)); x[::-1] = x; return x
show('x[::-1] = x', f)
def f():
    x = list(range(5)); x[2:2] = x; return x
show('x[2:2] = x', f)
def f():
    x = [1, 2]; x[0:1] = x; return x
show('x[0:1] = x', f)
def f():
    x = list(range(6)); x[1::2] = [7]; return x
show('x[1::2] = [7]', f)
def f():
    x = [1, 2, 3]; x[1:2] = []; x[5:] = [9]; x[-100:0] = [0]; return x
show('mixed', f)
for n in [0, 1, 3, -1, True]:
    show(f'[1, 2] * {n!r}', lambda: [1, 2] * n)
    show(f'{n!r} * (1, 2)', lambda: n * (1, 2))
show('[1] * 2**62', lambda: [1] * 2**62)
show('[1, 2] * 2**63', lambda: [1, 2] * 2**63)
show('[] * 2**70', lambda: [] * 2**70)
show('(1,) * 2**63', lambda: (1,) * 2**63)
show('[1] * 2.0', lambda: [1] * 2.0)
show("[1] * 'x'", lambda: [1] * 'x')
show('[1] * I()', lambda: [1] * I())
show('[[]] * 2', lambda: [[]] * 2)
def f():
    x = [1, 2]; x *= 3; return x
show('*= 3', f)
def f():
    x = [1, 2]; x *= -1; return x
show('*= -1', f)
def f():
    x = [1, 2]; x *= 2**62
show('*= 2**62', f)
